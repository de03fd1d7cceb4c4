"""Numbers as Dutch people type them: 1500, 1.500, 1.500,50, € 1.500,-, 49%."""

import re
from decimal import Decimal, InvalidOperation


def dutch_number(text: str) -> Decimal | None:
    """The number in `text` (None when empty); ValueError when it is not one."""
    cleaned = text.replace("€", "").replace("%", "").replace("\u00a0", "").replace(" ", "")
    cleaned = cleaned.removesuffix(",-").removesuffix(",--")
    if not cleaned:
        return None
    if not cleaned.isascii():  # Decimal() reads Arabic-Indic and other digits as if 0-9
        raise ValueError(text)
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"[0-9]{1,3}(\.[0-9]{3})+", cleaned):  # 1.500: a thousands separator
        cleaned = cleaned.replace(".", "")
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(text) from None
    if not number.is_finite():
        raise ValueError(text)
    return number
