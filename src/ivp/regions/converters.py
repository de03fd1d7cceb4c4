"""The CBS code of a municipality in an address: `GM` and four digits (`<gm:code>`).

Registered in `RegionsConfig.ready()`, before any URL configuration is read; a lower-case
code is accepted and handed to the view in capitals, the way CBS writes it.
"""


class MunicipalityCode:
    regex = "[Gg][Mm][0-9]{4}"

    def to_python(self, value: str) -> str:
        return value.upper()

    def to_url(self, value: str) -> str:
        return str(value)
