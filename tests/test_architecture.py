"""Views write only through services and read only through selectors: no view module calls
`.save()`, `.delete()`, `.create()` or `.objects` itself (DESIGN.md §3)."""

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "ivp"
DIRECT = re.compile(r"\.(save|delete|create)\(|\.objects\b")

# (file, text on the line, why it may stay)
ALLOWED = [
    (
        "api/views.py",
        ".objects",
        "DRF's generic views declare their rows as a `queryset` class attribute",
    ),
]


def _view_modules():
    for path in sorted(SRC.rglob("*.py")):
        relative = path.relative_to(SRC)
        if "views" in path.stem or "views" in relative.parts[:-1]:
            yield relative, path


def _allowed(relative: Path, line: str) -> bool:
    return any(str(relative) == file and text in line for file, text, _why in ALLOWED)


def test_view_modules_neither_save_nor_query_models_themselves():
    found = [
        f"src/ivp/{relative}:{number}: {line.strip()}"
        for relative, path in _view_modules()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if DIRECT.search(line) and not _allowed(relative, line)
    ]
    assert found == [], "call a service or selector instead:\n" + "\n".join(found)


def test_the_check_sees_the_view_modules():
    names = {str(relative) for relative, _path in _view_modules()}
    assert {"reports/views.py", "accounts/member_views.py"} <= names
    assert "planning/execution/views/action_plans.py" in names


def test_addresses_name_a_municipality_by_its_cbs_code_converter():
    """`<gm:code>` finds a municipality's code in every address outside the API (issue 14
    leaves the API's own addresses to its rewrite)."""
    loose = [
        f"src/ivp/{path.relative_to(SRC)}:{number}"
        for path in sorted(SRC.rglob("urls.py"))
        if "api" not in path.relative_to(SRC).parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if "<str:code>" in line
    ]
    assert loose == []
