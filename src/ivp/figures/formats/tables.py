"""The published tables ivp reads, and how to recognise each from a file's title or columns."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Table:
    table_id: str
    publisher: str
    title: str
    region_column: str  # in the typed (OData) layout
    value_column: str
    url: str


TABLES = {
    t.table_id: t
    for t in (
        Table(
            "47013NED",
            "Politie",
            "Geregistreerde misdrijven en aangiften; soort misdrijf, gemeente",
            "RegioS",
            "GeregistreerdeMisdrijven_1",
            "https://data.politie.nl/#/Politie/nl/dataset/47013NED",
        ),
        Table(
            "47018NED",
            "Politie",
            "Geregistreerde misdrijven; soort misdrijf, wijk, buurt, jaarcijfers",
            "WijkenEnBuurten",
            "GeregistreerdeMisdrijven_1",
            "https://data.politie.nl/#/Politie/nl/dataset/47018NED",
        ),
        Table(
            "47022NED",
            "Politie",
            "Geregistreerde misdrijven; soort misdrijf, wijk, buurt, maandcijfers",
            "WijkenEnBuurten",
            "GeregistreerdeMisdrijven_1",
            "https://data.politie.nl/#/Politie/nl/dataset/47022NED",
        ),
        Table(
            "83648NED",
            "CBS",
            "Geregistreerde criminaliteit; soort misdrijf, regio",
            "RegioS",
            "TotaalGeregistreerdeMisdrijven_1",
            "https://opendata.cbs.nl/#/CBS/nl/dataset/83648NED",
        ),
    )
}

# Titles of other tables people may upload by mistake, so the refusal can say what it was.
OTHER_TABLES = {
    "bevolkingsontwikkeling": "37230ned (Bevolkingsontwikkeling; regio per maand)",
    "kerncijfers wijken en buurten": "85984NED (Kerncijfers wijken en buurten)",
}


def table_for_title(title: str) -> Table | None:
    wanted = title.casefold()
    for table in TABLES.values():
        if wanted.startswith(table.title.casefold().split(";")[0]) and _same_dimension(
            wanted, table
        ):
            return table
    return None


def _same_dimension(title: str, table: Table) -> bool:
    if table.table_id == "47013NED":
        return "gemeente" in title
    if table.table_id in ("47018NED", "47022NED"):
        return "buurt" in title and (("maand" in title) == (table.table_id == "47022NED"))
    return True


def other_table_for_title(title: str) -> str | None:
    wanted = title.casefold()
    return next((name for key, name in OTHER_TABLES.items() if key in wanted), None)
