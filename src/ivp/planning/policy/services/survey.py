"""Residents' priorities (and partners' scores) per theme from a CSV or XLSX file.

Columns, in any order and case: `thema` (name or code of a theme, the municipality's own
names too), `percentage` (residents who want the theme tackled, 0–100) and/or `score` (the
professional score, 0 to the prioritisation's highest score). Every row is held to ThemeScore's
rules, as the prioritisation page's scores are, and the whole file is checked before anything
is written; every refused row is named by file, row and column."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ivp.common.importing import ImportFileError, ImportProblem
from ivp.common.numbers import dutch_number
from ivp.common.tabular import read_table
from ivp.planning.policy.models import Prioritisation, ThemeScore
from ivp.planning.policy.services.prioritisation import score_check
from ivp.taxonomy.selectors import current_version, themes_for

THEME_HEADERS = ("thema", "theme", "onderwerp")
PERCENTAGE_HEADERS = ("percentage", "%", "aandeel", "inwoners")
SCORE_HEADERS = ("score", "professionele score", "professioneel")


def _key(text: str) -> str:
    return re.sub(r"[\s_-]+", " ", text.strip().casefold())


def _theme_index(municipality) -> dict[str, int]:
    index = {}
    for field in themes_for(municipality, current_version(), include_hidden=True):
        for theme in field.themes:
            if theme.theme_id is None:
                continue
            for name in (theme.name, theme.national_name or ""):
                if name:
                    index[_key(name)] = theme.theme_id
    from ivp.taxonomy.models import Theme

    for pk, code in Theme.objects.filter(field__version=current_version()).values_list(
        "pk", "code"
    ):
        index[_key(code)] = pk
    return index


@transaction.atomic
def survey_scores_import(*, prioritisation: Prioritisation, file_name: str, raw: bytes) -> int:
    """Returns the number of themes updated; raises ImportFileError and writes nothing when a
    row is wrong."""
    table = read_table(file_name, raw)
    columns = {_key(h): i for i, h in enumerate(table.header)}

    def find(names):
        return next((columns[_key(n)] for n in names if _key(n) in columns), None)

    theme_col, pct_col, score_col = (
        find(THEME_HEADERS),
        find(PERCENTAGE_HEADERS),
        find(SCORE_HEADERS),
    )
    if theme_col is None or (pct_col is None and score_col is None):
        raise ImportFileError(
            [
                ImportProblem(
                    file_name,
                    table.first_row - 1,
                    None,
                    _(
                        "the header needs a column “thema” and a column “percentage” or "
                        "“score”; it has: %(columns)s."
                    )
                    % {"columns": ", ".join(h for h in table.header if h) or "—"},
                )
            ]
        )
    index = _theme_index(prioritisation.municipality)
    problems, updates, seen = [], {}, {}
    stored = {score.theme_id: score for score in prioritisation.scores.all()}
    columns = {"subjective_percentage": pct_col, "professional_score": score_col}
    for number, row in enumerate(table.rows, start=table.first_row):
        if not any(cell.strip() for cell in row):
            continue
        name = row[theme_col].strip()
        theme_id = index.get(_key(name))
        if theme_id is None:
            problems.append(
                ImportProblem(
                    file_name,
                    number,
                    table.header[theme_col],
                    _(
                        "unknown theme “%(name)s”; use the name or code of a theme, e.g. "
                        "“Alcohol en drugs” or “alcohol-en-drugs”."
                    )
                    % {"name": name},
                )
            )
            continue
        if theme_id in seen:
            problems.append(
                ImportProblem(
                    file_name,
                    number,
                    table.header[theme_col],
                    _("“%(name)s” appeared before, in row %(row)s.")
                    % {"name": name, "row": seen[theme_id]},
                )
            )
            continue
        seen[theme_id] = number
        values = {}
        for field, column in columns.items():
            if column is None:
                continue
            text = row[column]
            try:
                parsed = dutch_number(text)
                value = None if parsed is None else float(parsed)
            except ValueError:
                problems.append(
                    ImportProblem(
                        file_name,
                        number,
                        table.header[column],
                        _("“%(text)s” is not a number.") % {"text": text},
                    )
                )
                continue
            values[field] = value
        score = stored.get(theme_id) or ThemeScore(prioritisation=prioritisation, theme_id=theme_id)
        try:
            score_check(score, **values)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                column = columns.get(field)
                header = table.header[column] if column is not None else None
                problems.extend(ImportProblem(file_name, number, header, m) for m in messages)
            continue
        updates[theme_id] = score
    if problems:
        raise ImportFileError(problems)
    if not updates:
        raise ImportFileError([ImportProblem(file_name, None, None, _("the file holds no rows."))])
    for score in updates.values():
        score.save()
    return len(updates)
