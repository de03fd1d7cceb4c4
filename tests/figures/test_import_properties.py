"""Property: whatever happens to a figures file, the import succeeds or refuses it cleanly.

For every layout (StatLine symbols, typed OData, tidy totals, national totals) a small valid file
is damaged at random: a cell replaced, a line dropped or doubled, the file cut off, separators
swapped, bytes injected, a BOM or CRLF added. `figures_import` must then either succeed, storing
only sane values, or raise `ImportFileError` whose problems all name the file, having written
nothing. Any other exception is a bug.

Each example runs in a savepoint that is rolled back, so examples do not see each other's data.
"""

import math
import re
from datetime import date

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ivp.common.importing import ImportFileError
from ivp.figures.models import Indicator, Observation, Source
from ivp.figures.services import figures_import
from tests.figures.conftest import counts

NEXT_YEAR = date.today().year + 1

SYMBOLS = """"Geregistreerde misdrijven en aangiften; soort misdrijf, gemeente 2026"
"Soort misdrijf: Totaal misdrijven"
""
"Onderwerp";"Geregistreerde misdrijven";"Geregistreerde misdrijven"
"Perioden";"2022";"2023"
"Regio's";"aantal";"aantal"
"Nederland";"800027";"805590"
"Steenwijkerland";"1374";"1204"
"Súdwest-Fryslân";"2834";"2691"
"'s-Gravenhage (gemeente)";"40000";"41000"
"Noord-Nederland (RE)";"62381";"60112"
"Buitenland";".";"."
"Bron: Politie"
"""

TYPED = """"ID";"SoortMisdrijf";"RegioS";"Perioden";"GeregistreerdeMisdrijven_1";"Aangiften_2"
"0";"0.0.0 ";"GM1708  ";"2023MM05";"98";"70"
"1";"0.0.0 ";"GM1708  ";"2023JJ00";"1204";"900"
"2";"1.1.1 ";"GM1701";"2023KW02";"3";"2"
"3";"2.6.10";"NL01  ";"2023JJ00";"15";"10"
"4";"1.4.2 ";"GM0998";"2023JJ00";"1";"1"
"5";"1.2.1 ";"GM0160";"2022JJ00";"";""
"""

TIDY = """gemeentecode,gemeentenaam,provincie,jaar,geregistreerde_misdrijven,bevolking_31dec
GM1708,Steenwijkerland,Overijssel,2022,1374,45376
GM1708,Steenwijkerland,Overijssel,2023,1204,45472
GM1701,Westerveld,Drenthe,2022,317,20000
GM0998,Buitenland,,2022,.,
"""

NATIONAL = """incident_type_code,year,incident_count
Totaal misdrijven,2022,800027
"1.4.2 Moord, doodslag",2022,900
1.1.1 Diefstal/inbraak woning,2023,22706
Melding overlast jeugd,2022,5
"""

# Things that show up in real cells, and things that break readers.
SPECIAL_CELLS = [
    *(".", "x", "-", "?", "", " ", "veel", "-1", "2.5", "1,5", "1.234", "1e3", "1e999"),
    *("inf", "-inf", "NaN", "0", "007", "GM9999", "GM0998", "GM0999", "NL01", "NL00", "PV22"),
    *("RE01", "WK170800", "9.9.9 ", "0.0.0 ", "1.1.1", "1990JJ00", "2024MM13", "2024KW05"),
    *(f"{NEXT_YEAR}JJ00", "2024MM01", "2024", "1990", str(NEXT_YEAR), "2024 maart", "Buitenland"),
    *("Nederland", "Totaal misdrijven", '"', '""', ";", ",", "\t", "Bron: Politie", "Regio's"),
    *("Perioden", "Onderwerp", "Súdwest-Fryslân", "Melding overlast jeugd", "\x00", "\r"),
]
CELL = st.one_of(
    st.sampled_from(SPECIAL_CELLS),
    st.text(max_size=12),
    st.integers(min_value=-(10**6), max_value=10**13).map(str),
    st.floats().map(str),
)
SEPARATORS = [b";", b",", b"\t"]


@st.composite
def damaged(draw, text: str, separator: bytes) -> bytes:
    """`text` with one to three random kinds of damage."""
    data = text.encode("utf-8")
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        lines = data.split(b"\n")
        line = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        kind = draw(
            st.sampled_from(
                ["cell", "cell", "drop", "double", "truncate", "swap", "inject", "blank", "form"]
            )
        )
        if kind == "cell":
            cells = lines[line].split(separator)
            index = draw(st.integers(min_value=0, max_value=len(cells) - 1))
            value = draw(CELL)
            encoded = value.encode(draw(st.sampled_from(["utf-8", "utf-8", "cp1252"])), "replace")
            cells[index] = b'"' + encoded + b'"' if draw(st.booleans()) else encoded
            lines[line] = separator.join(cells)
        elif kind == "drop":
            del lines[line]
        elif kind == "double":
            lines.insert(draw(st.integers(min_value=0, max_value=len(lines))), lines[line])
        elif kind == "blank":
            lines.insert(line, draw(st.sampled_from([b"", b" ", b'""', b";;;", b",,,"])))
        elif kind == "truncate":
            joined = b"\n".join(lines)
            lines = joined[: draw(st.integers(min_value=0, max_value=len(joined)))].split(b"\n")
        elif kind == "swap":
            other = draw(st.sampled_from([s for s in SEPARATORS if s != separator]))
            if draw(st.booleans()):  # the whole file, or only one line
                lines = [item.replace(separator, other) for item in lines]
            else:
                lines[line] = lines[line].replace(separator, other)
        elif kind == "inject":
            joined = b"\n".join(lines)
            at = draw(st.integers(min_value=0, max_value=len(joined)))
            noise = draw(st.binary(min_size=1, max_size=8))
            lines = (joined[:at] + noise + joined[at:]).split(b"\n")
        elif kind == "form":
            lines = [
                item + b"\r" if draw(st.booleans()) else item for item in lines
            ]  # CRLF on some lines
            if draw(st.booleans()):
                lines[0] = b"\xef\xbb\xbf" + lines[0]
        data = b"\n".join(lines)
    return data


PERIOD = re.compile(r"^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$")


class _Rollback(Exception):
    pass


def import_survives(file_name: str, raw: bytes) -> None:
    """The property, for one file; leaves the database as it found it."""
    before = counts()
    try:
        with transaction.atomic():
            try:
                result = figures_import(file_name=file_name, raw=raw)
            except ImportFileError as error:
                problems = error.problems
                assert problems, "refused without saying why"
                assert all(p.file_name == file_name for p in problems), problems
                assert all(p.row is None or p.row >= 1 for p in problems), problems
                assert counts() == before, "a refused file wrote something"
            else:
                after = counts()
                assert after[3] == before[3] + 1, "no ImportRun recorded"
                assert after[0] == before[0] + result.inserted
                for period, year, value, area in Observation.objects.values_list(
                    "period", "year", "value", "area_code"
                ):
                    assert PERIOD.match(period), period
                    assert int(period[:4]) == year
                    assert 1995 <= year < NEXT_YEAR, period
                    assert math.isfinite(value) and value >= 0 and value == int(value), value
                    assert area not in ("GM0998", "GM0999", ""), area
            raise _Rollback
    except _Rollback:
        pass
    assert counts() == before


PROPERTY_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    database=None,  # no .hypothesis directory in the checkout
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


BASES = (
    ("statline_47013.csv", SYMBOLS, 10),
    ("47013NED_typed.csv", TYPED, 4),
    ("tidy.csv", TIDY, 3),
    ("NL_totalen.csv", NATIONAL, 4),
)


def empty_figures() -> None:
    """The session database may hold demo figures; the test's transaction is rolled back."""
    Observation.objects.all().delete()
    Source.objects.all().delete()
    Indicator.objects.all().delete()


@pytest.fixture
def seeded(db):
    """Only the undamaged files' figures, so damaged copies meet stored values (unchanged,
    replaced, kept) as well as new ones."""
    empty_figures()
    for name, text, _expected in BASES:
        figures_import(file_name=name, raw=text.encode(), edition="2025")


def test_the_undamaged_files_import(db):
    empty_figures()
    for name, text, expected in BASES:
        with transaction.atomic():
            result = figures_import(file_name=name, raw=text.encode())
            assert result.inserted == expected, (name, result.lines())
            transaction.set_rollback(True)


@PROPERTY_SETTINGS
@given(raw=damaged(SYMBOLS, b";"))
def test_damaged_statline_symbols_file(seeded, raw):
    import_survives("statline_47013.csv", raw)


@PROPERTY_SETTINGS
@given(raw=damaged(TYPED, b";"))
def test_damaged_typed_file(seeded, raw):
    import_survives("47013NED_typed.csv", raw)


@PROPERTY_SETTINGS
@given(raw=damaged(TIDY, b","))
def test_damaged_tidy_file(seeded, raw):
    import_survives("tidy.csv", raw)


@PROPERTY_SETTINGS
@given(raw=damaged(NATIONAL, b","))
def test_damaged_national_file(seeded, raw):
    import_survives("NL_totalen.csv", raw)


@PROPERTY_SETTINGS
@given(raw=st.binary(max_size=200))
def test_random_bytes(seeded, raw):
    import_survives("random.csv", raw)
