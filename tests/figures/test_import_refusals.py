"""Bad files are refused whole: every problem names the file, the line (header = row 1) and the
column, and nothing at all is written.

Each case starts from a real or synthetic file that imports cleanly and breaks one thing in it, so
a partial write of the good rows would show in the counts. Messages are gettext and not yet in
the nl catalogue, so the tests look at row, column, file name and the quoted offending text only.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from django.utils.translation import gettext

from ivp.common.importing import ImportFileError
from ivp.figures.services import figures_import
from ivp.figures.synthetic import synthesize_47013
from tests.conftest import DATA
from tests.figures.conftest import counts

DATA = DATA
STATLINE = DATA / "politie-47013-gemeente-totaal" / "statline_47013_totaal_2024.csv"
TIDY = DATA / "politie-47013-gemeente-totaal" / "gemeente_misdrijven_bevolking_2022_2024_tidy.csv"
NATIONAL = DATA / "politie-nl-totalen-2012-2023" / "NL_Crime.csv"
POPULATION = (
    DATA / "cbs-bevolking-gemeente-2002-2025" / "statline_37230_bevolking_eind_jaar_2002_2024.csv"
)
NEXT_YEAR = date.today().year + 1


@dataclass
class Case:
    file_name: str
    raw: bytes
    row: int | None
    column: str | None
    quoted: str | None = None  # text that must appear in that problem's message
    edition: str | None = None


class Files:
    """The four layouts as text, each a file that imports without problems."""

    def __init__(self, typed_text: str):
        self.statline = STATLINE.read_bytes().decode("utf-8-sig")
        self.typed = typed_text
        self.tidy = TIDY.read_text("utf-8")
        self.national = NATIONAL.read_text("utf-8")


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> Files:
    path = synthesize_47013(
        tmp_path_factory.mktemp("refusals"),
        first_year=2024,
        last_year=2024,
        municipality_codes=["GM1708", "GM1701"],
    )
    return Files(path.read_text("utf-8"))


def lines_of(text: str) -> list[str]:
    return text.split("\n")


def line_number(text: str, needle: str) -> int:
    """1-based number of the only line containing `needle`."""
    found = [n for n, line in enumerate(lines_of(text), start=1) if needle in line]
    assert len(found) == 1, (needle, found)
    return found[0]


def replace_line(text: str, number: int, old: str, new: str) -> str:
    lines = lines_of(text)
    assert old in lines[number - 1], (number, lines[number - 1], old)
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    return "\n".join(lines)


def duplicate_line(text: str, number: int) -> str:
    lines = lines_of(text)
    lines.insert(number, lines[number - 1])
    return "\n".join(lines)


def drop_column(text: str, separator: str, name: str) -> str:
    lines = lines_of(text)
    header = [cell.strip('"') for cell in lines[0].split(separator)]
    index = header.index(name)
    return "\n".join(
        separator.join(c for i, c in enumerate(line.split(separator)) if i != index)
        if line
        else line
        for line in lines
    )


TYPED_COLUMNS = ["ID", "SoortMisdrijf", "RegioS", "Perioden", "GeregistreerdeMisdrijven_1"]
TYPED_ROW = 10  # "8";"0.0.0 ";"GM1708";"2024MM09";…


def typed_cell(files: Files, column: str, value: str | None, row: int = TYPED_ROW) -> Case:
    """The typed file with one cell replaced; None writes an empty unquoted cell."""
    lines = lines_of(files.typed)
    cells = lines[row - 1].split(";")
    cells[TYPED_COLUMNS.index(column)] = "" if value is None else f'"{value}"'
    lines[row - 1] = ";".join(cells)
    quoted = (value or "").strip() or None
    return Case("47013NED_2024.csv", "\n".join(lines).encode(), row, column, quoted)


STEENWIJKERLAND_2024 = '"Steenwijkerland";"1133"'


def statline_value(files: Files, value: str) -> Case:
    number = line_number(files.statline, STEENWIJKERLAND_2024)
    text = replace_line(files.statline, number, '"1133"', f'"{value}"')
    return Case(STATLINE.name, text.encode(), number, "Totaal misdrijven 2024", value)


def tidy_cell(files: Files, old: str, new: str, column: str) -> Case:
    number = line_number(files.tidy, "GM1708,Steenwijkerland,Overijssel,2023,")
    text = replace_line(files.tidy, number, old, new)
    return Case(TIDY.name, text.encode(), number, column, new.strip(", ") or None)


NATIONAL_LINE = "Totaal misdrijven,2023,802043"


def national_cell(files: Files, old: str, new: str, column: str) -> Case:
    number = line_number(files.national, NATIONAL_LINE)
    text = replace_line(files.national, number, old, new)
    return Case(NATIONAL.name, text.encode(), number, column, new.strip(', "') or None)


def first_non_ascii_line(text: str) -> int:
    return next(n for n, line in enumerate(lines_of(text), start=1) if not line.isascii())


def cp1252_symbols(files: Files) -> Case:
    return Case(
        STATLINE.name,
        files.statline.encode("cp1252"),
        first_non_ascii_line(files.statline),  # Noardeast-Fryslân
        None,
    )


def cp1252_one_line(files: Files) -> Case:
    """Someone fixed one name in a Windows editor: only Súdwest-Fryslân's line is cp1252."""
    number = line_number(files.statline, "Súdwest-Fryslân")
    lines = lines_of(files.statline)
    raw = b"\n".join(
        line.encode("cp1252" if n == number else "utf-8") for n, line in enumerate(lines, start=1)
    )
    assert "Súdwest-Fryslân".encode("cp1252") in raw
    return Case("statline_ansi.csv", b"\xef\xbb\xbf" + raw, number, None)


def latin1_tidy(files: Files) -> Case:
    return Case(
        "tidy_latin1.csv", files.tidy.encode("latin-1"), first_non_ascii_line(files.tidy), None
    )


def statline_region(files: Files) -> Case:
    number = line_number(files.statline, STEENWIJKERLAND_2024)
    text = replace_line(files.statline, number, "Steenwijkerland", "Atlantis")
    return Case(STATLINE.name, text.encode(), number, gettext("region"), "Atlantis")


def statline_duplicate(files: Files) -> Case:
    number = line_number(files.statline, STEENWIJKERLAND_2024)
    text = duplicate_line(files.statline, number)
    return Case(STATLINE.name, text.encode(), number + 1, gettext("region"), str(number))


def statline_unknown_crime_type(files: Files) -> Case:
    text = replace_line(files.statline, 2, "Totaal misdrijven", "9.9.9 Onzin")
    return Case(STATLINE.name, text.encode(), 2, None, "9.9.9 Onzin")


def statline_period(value: str) -> Callable[[Files], Case]:
    def build(files: Files) -> Case:
        number = line_number(files.statline, '"Perioden"')
        text = replace_line(files.statline, number, '"2024"', f'"{value}"')
        return Case(STATLINE.name, text.encode(), number, "2", value)

    return build


def statline_period_without_topic_line(files: Files) -> Case:
    """Regression: the row of a bad period was computed from the header's order, not its line."""
    text = files.statline.replace(
        '"Onderwerp";"Geregistreerde misdrijven"\n', '"Onderwerp: Geregistreerde misdrijven"\n'
    )
    number = line_number(text, '"Perioden"')
    text = replace_line(text, number, '"2024"', '"20x4"')
    return Case(STATLINE.name, text.encode(), number, "2", "20x4")


def statline_unclosed_quote(files: Files) -> Case:
    """An unclosed quote swallows the rest of a big file into one field (csv field limit)."""
    number = line_number(files.statline, STEENWIJKERLAND_2024)
    text = replace_line(files.statline, number, '"1133"', '"1133')
    text += "\n" + "1" * 200_000
    # the quotes pair up again after a few lines; the long field is the record on the last line
    return Case(STATLINE.name, text.encode(), len(lines_of(text)), None)


def typed_separator(separator: str) -> Callable[[Files], Case]:
    def build(files: Files) -> Case:
        return Case("47013NED_2024.csv", files.typed.replace(";", separator).encode(), 1, None)

    return build


def typed_without_value_column(files: Files) -> Case:
    text = drop_column(files.typed, ";", "GeregistreerdeMisdrijven_1")
    return Case("47013NED_2024.csv", text.encode(), 1, "GeregistreerdeMisdrijven_1")


def typed_duplicate(files: Files) -> Case:
    text = duplicate_line(files.typed, TYPED_ROW)
    return Case("47013NED_2024.csv", text.encode(), TYPED_ROW + 1, "SoortMisdrijf", None)


def tidy_without_value_column(files: Files) -> Case:
    text = drop_column(files.tidy, ",", "geregistreerde_misdrijven")
    return Case(TIDY.name, text.encode(), 1, None)


def tidy_duplicate(files: Files) -> Case:
    number = line_number(files.tidy, "GM1708,Steenwijkerland,Overijssel,2023,")
    return Case(
        TIDY.name, duplicate_line(files.tidy, number).encode(), number + 1, "gemeentecode", None
    )


def national_without_value_column(files: Files) -> Case:
    text = drop_column(files.national, ",", "incident_count")
    return Case(NATIONAL.name, text.encode(), 1, None)


def national_duplicate(files: Files) -> Case:
    number = line_number(files.national, NATIONAL_LINE)
    text = duplicate_line(files.national, number)
    return Case(NATIONAL.name, text.encode(), number + 1, "incident_type_code", None)


def whole_file(name: str, raw: bytes, row: int | None = None) -> Callable[[Files], Case]:
    return lambda files: Case(name, raw, row, None)


def edition_no_date(files: Files) -> Case:
    return Case(
        STATLINE.name,
        files.statline.encode(),
        None,
        None,
        quoted="“2025-12-15 herziene versie” is geen editie",
        edition="2025-12-15 herziene versie",
    )


CASES: dict[str, Callable[[Files], Case]] = {
    # encoding
    "cp1252 symbols export": cp1252_symbols,
    "one cp1252 line in a UTF-8 export": cp1252_one_line,
    "latin-1 tidy file": latin1_tidy,
    # separators and columns
    "typed file with commas": typed_separator(","),
    "typed file with tabs": typed_separator("\t"),
    "typed file without value column": typed_without_value_column,
    "tidy file without value column": tidy_without_value_column,
    "national file without value column": national_without_value_column,
    "tidy header with a stray quote": lambda f: Case(
        TIDY.name, f.tidy.replace("gemeentenaam", '"', 1).encode(), 1, "jaar"
    ),
    "national header with a stray quote": lambda f: Case(
        NATIONAL.name, f.national.replace(",year", ',"year', 1).encode(), 1, "year"
    ),
    # areas
    "typed unknown region": lambda f: typed_cell(f, "RegioS", "GM9999"),
    "typed empty region": lambda f: typed_cell(f, "RegioS", None),
    "typed quoted empty region": lambda f: typed_cell(f, "RegioS", ""),
    "typed region is a period": lambda f: typed_cell(f, "RegioS", "2024MM01"),
    "statline unknown name": statline_region,
    "tidy unknown code": lambda f: tidy_cell(f, "GM1708", "GM9999", "gemeentecode"),
    "tidy empty code": lambda f: tidy_cell(f, "GM1708", "", "gemeentecode"),
    # crime types
    "typed unknown crime type": lambda f: typed_cell(f, "SoortMisdrijf", "9.9.9 "),
    "typed empty crime type": lambda f: typed_cell(f, "SoortMisdrijf", None),
    "national unknown type": lambda f: national_cell(
        f, "Totaal misdrijven", "9.9.9 Onzin", "incident_type_code"
    ),
    "national empty type": lambda f: national_cell(
        f, "Totaal misdrijven", "", "incident_type_code"
    ),
    "statline unknown crime type": statline_unknown_crime_type,
    # statistical symbols and other non-counts
    "statline symbol .": lambda f: statline_value(f, "."),
    "statline symbol x": lambda f: statline_value(f, "x"),
    "statline symbol -": lambda f: statline_value(f, "-"),
    "statline text": lambda f: statline_value(f, "veel"),
    "statline negative": lambda f: statline_value(f, "-5"),
    "statline fraction": lambda f: statline_value(f, "11.5"),
    "statline empty cell": lambda f: statline_value(f, ""),
    "statline infinity": lambda f: statline_value(f, "inf"),
    "typed symbol .": lambda f: typed_cell(f, "GeregistreerdeMisdrijven_1", "."),
    "typed symbol x": lambda f: typed_cell(f, "GeregistreerdeMisdrijven_1", "x"),
    "typed text": lambda f: typed_cell(f, "GeregistreerdeMisdrijven_1", "veel"),
    "typed negative": lambda f: typed_cell(f, "GeregistreerdeMisdrijven_1", "-1"),
    "typed fraction": lambda f: typed_cell(f, "GeregistreerdeMisdrijven_1", "2.5"),
    "typed decimal comma": lambda f: typed_cell(f, "GeregistreerdeMisdrijven_1", "2,5"),
    "typed infinity": lambda f: typed_cell(f, "GeregistreerdeMisdrijven_1", "inf"),
    "typed NaN": lambda f: typed_cell(f, "GeregistreerdeMisdrijven_1", "NaN"),
    "typed overflow": lambda f: typed_cell(f, "GeregistreerdeMisdrijven_1", "1e999"),
    "tidy symbol x": lambda f: tidy_cell(f, ",1204,", ",x,", "geregistreerde_misdrijven"),
    "tidy text": lambda f: tidy_cell(f, ",1204,", ",veel,", "geregistreerde_misdrijven"),
    "tidy negative": lambda f: tidy_cell(f, ",1204,", ",-3,", "geregistreerde_misdrijven"),
    "tidy infinity": lambda f: tidy_cell(f, ",1204,", ",Infinity,", "geregistreerde_misdrijven"),
    "national text": lambda f: national_cell(f, "802043", "veel", "incident_count"),
    "national fraction": lambda f: national_cell(f, "802043", "1.5", "incident_count"),
    "national negative": lambda f: national_cell(f, "802043", "-802043", "incident_count"),
    # duplicates
    "typed duplicate row": typed_duplicate,
    "statline duplicate row": statline_duplicate,
    "tidy duplicate row": tidy_duplicate,
    "national duplicate row": national_duplicate,
    # periods
    "typed 1990JJ00": lambda f: typed_cell(f, "Perioden", "1990JJ00"),
    "typed 2024MM13": lambda f: typed_cell(f, "Perioden", "2024MM13"),
    "typed 2024KW05": lambda f: typed_cell(f, "Perioden", "2024KW05"),
    "typed future year": lambda f: typed_cell(f, "Perioden", f"{NEXT_YEAR}JJ00"),
    "typed plain year": lambda f: typed_cell(f, "Perioden", "2024"),
    "typed empty period": lambda f: typed_cell(f, "Perioden", None),
    "statline 1990": statline_period("1990"),
    "statline future year": statline_period(str(NEXT_YEAR)),
    "statline month 13": statline_period("2024 dertiendemaand"),
    "statline period row without topic line": statline_period_without_topic_line,
    "tidy 1990": lambda f: tidy_cell(f, ",2023,", ",1990,", "jaar"),
    "tidy future year": lambda f: tidy_cell(f, ",2023,", f",{NEXT_YEAR},", "jaar"),
    "tidy text year": lambda f: tidy_cell(f, ",2023,", ",twintig,", "jaar"),
    "national future year": lambda f: national_cell(f, ",2023,", f",{NEXT_YEAR},", "year"),
    # not a crime table at all
    "population export": whole_file(POPULATION.name, POPULATION.read_bytes(), row=1),
    "empty file": whole_file("leeg.csv", b""),
    "blank file": whole_file("leeg.csv", b" \r\n\n  "),
    "xlsx": whole_file("cijfers.xlsx", b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256))),
    "header only of an unknown layout": whole_file("onbekend.csv", b"a;b;c\n1;2;3\n", row=1),
    "statline unclosed quote": statline_unclosed_quote,
    "edition not a date": edition_no_date,
}


@pytest.mark.parametrize("build", CASES.values(), ids=CASES.keys())
def test_bad_file_is_refused_and_nothing_is_written(db, files, build):
    case = build(files)
    before = counts()
    with pytest.raises(ImportFileError) as error:
        figures_import(file_name=case.file_name, raw=case.raw, edition=case.edition)
    problems = error.value.problems
    assert problems
    assert all(p.file_name == case.file_name for p in problems), problems
    assert all(p.message for p in problems)
    matching = [p for p in problems if (p.row, p.column) == (case.row, case.column)]
    assert matching, [(p.row, p.column, p.message) for p in problems]
    if case.quoted is not None:
        assert any(case.quoted in p.message for p in matching), matching
    assert counts() == before
    # The file name also leads the text the command line and the web page show.
    assert str(error.value).startswith(case.file_name)


def test_the_unbroken_files_import(db, files):
    """The bases the cases above break are themselves fine, so each refusal is the break's."""
    for name, text in (
        (STATLINE.name, files.statline),
        ("47013NED_2024.csv", files.typed),
        (TIDY.name, files.tidy),
        (NATIONAL.name, files.national),
    ):
        result = figures_import(file_name=name, raw=text.encode())
        assert result.inserted + result.unchanged + result.kept_newer > 0, name


def test_typed_row_numbers_count_blank_lines(db, files):
    """Rows are file lines: a blank line before the bad row still counts."""
    lines = lines_of(files.typed)
    lines.insert(3, "")
    bad = TYPED_ROW + 1
    lines[bad - 1] = lines[bad - 1].replace('"2024MM', '"2024XX', 1)
    with pytest.raises(ImportFileError) as error:
        figures_import(file_name="blank.csv", raw="\n".join(lines).encode())
    assert [(p.row, p.column) for p in error.value.problems] == [(bad, "Perioden")]


def test_many_bad_rows_are_summarised(db, files):
    """A national file with the same mistake on every line stays readable."""
    text = files.typed.replace('"GM1708"', '"GM9999"')
    with pytest.raises(ImportFileError) as error:
        figures_import(file_name="veel.csv", raw=text.encode())
    problems = error.value.problems
    assert 1 < len(problems) <= 30
    assert [p.row for p in problems[:3]] == [2, 3, 4]
    assert problems[-1].row is None  # "and … more rows with the same problem"
    assert all(p.column == "RegioS" for p in problems)


def test_every_problem_of_a_file_is_reported_at_once(db, files):
    lines = lines_of(files.typed)
    lines[4] = lines[4].replace('"GM1708"', '"GM9999"')
    lines[6] = lines[6].replace('"0.0.0 "', '"9.9.9 "')
    lines[8] = lines[8].replace('"2024MM08"', '"1990JJ00"')
    cells = lines[10].split(";")
    cells[4] = '"veel"'
    lines[10] = ";".join(cells)
    with pytest.raises(ImportFileError) as error:
        figures_import(file_name="alles.csv", raw="\n".join(lines).encode())
    found = {(p.row, p.column) for p in error.value.problems}
    assert found == {
        (5, "RegioS"),
        (7, "SoortMisdrijf"),
        (9, "Perioden"),
        (11, "GeregistreerdeMisdrijven_1"),
    }
