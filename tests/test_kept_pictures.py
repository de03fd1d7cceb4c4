"""Computed pictures are kept between requests and processes, and made anew after a write.

Each step runs in a process of its own, on one database and one file cache, as web processes
and a worker would: a reader keeps the veiligheidsbeeld and the dashboard; numbers changed
behind ivp's back (raw SQL, no revision) prove that the next reader gets the kept pictures; an
import and a progress report through ivp make the next reader see the new numbers.
"""

import re
import sqlite3

import pytest

from tests.live_processes import environment, ivp_python, own_database, query

pytestmark = pytest.mark.slow

PICTURE = "/gemeenten/GM1701/veiligheidsbeeld/"
DASHBOARD = "/gemeenten/GM1708/uitvoeringsplan/2026/dashboard/"
READER = "coordinator.steenwijkerland"  # the dashboard of a plan in preparation is not public
PAGE_BREAK = "\n=====PAGE=====\n"

TIDY = (
    "gemeentecode,gemeentenaam,provincie,jaar,geregistreerde_misdrijven,bevolking_31dec\n"
    "GM1701,Westerveld,Drenthe,2024,401,20000\n"
)


def _read(env, *paths: str) -> list[str]:
    """The pages as a web process of its own serves them to READER."""
    out = ivp_python(
        env,
        "from django.contrib.auth import get_user_model\n"
        "from django.test import Client\n"
        "client = Client(HTTP_HOST='localhost')\n"
        f"client.force_login(get_user_model().objects.get(username={READER!r}))\n"
        f"for path in {list(paths)!r}:\n"
        "    response = client.get(path)\n"
        "    assert response.status_code == 200, (path, response.status_code)\n"
        f"    print(response.content.decode(), end={PAGE_BREAK!r})\n",
    )
    return out.split(PAGE_BREAK)[: len(paths)]


def _behind_ivps_back(database: str, *statements: str) -> None:
    """Changes no part of ivp makes: no revision is replaced."""
    if database.startswith("sqlite"):
        with sqlite3.connect(database.removeprefix("sqlite:///"), timeout=60) as connection:
            for statement in statements:
                connection.execute(statement)
        return
    import psycopg

    with psycopg.connect(database) as connection:
        for statement in statements:
            connection.execute(statement)


def _shows(page: str, number: int) -> bool:
    return bool(re.search(rf"\b{number}\b", page))


WESTERVELD_2024_BECOMES_654 = (
    "UPDATE figures_observation SET value = 654 WHERE area_code = 'GM1701' "
    "AND period = '2024' AND indicator_id = "
    "(SELECT id FROM figures_indicator WHERE code = 'misdrijven-totaal')"
)


def _open_action(database: str) -> int:
    """The first action of Steenwijkerland's uitvoeringsplan 2026 that is not finished."""
    [(action,)] = query(
        database,
        "SELECT a.id FROM planning_action a JOIN planning_actionplantheme t ON t.id = a.theme_id "
        "JOIN planning_actionplan p ON p.id = t.action_plan_id JOIN regions_municipality m "
        "ON m.id = p.municipality_id WHERE m.code = 'GM1708' AND p.start_year = 2026 "
        'AND a.status <> \'afgerond\' ORDER BY t."order", a."order", a.id LIMIT 1',
    )
    return action


def _status_counts(page: str) -> list[int]:
    """Every theme's actions per status, as the dashboard's tables show them."""
    return [int(n) for n in re.findall(r'cell--numeric">(\d+)<', page)]


def test_pictures_are_kept_across_processes_until_an_import_or_progress_changes_them(
    tmp_path, run_folder
):
    with own_database(tmp_path, "demo", shared=run_folder) as database:
        env = environment(tmp_path, database)  # one file cache in tmp_path/var for all
        picture, dashboard = _read(env, PICTURE, DASHBOARD)
        assert _shows(picture, 376), "Westerveld's 376 misdrijven in 2024"
        counts = _status_counts(dashboard)
        assert sum(counts) > 0
        action = _open_action(database)

        _behind_ivps_back(
            database,
            WESTERVELD_2024_BECOMES_654,
            f"UPDATE planning_action SET status = 'geschrapt' WHERE id = {action}",
        )
        picture, dashboard = _read(env, PICTURE, DASHBOARD)
        assert _shows(picture, 376) and not _shows(picture, 654)
        assert _status_counts(dashboard) == counts

        (tmp_path / "westerveld.csv").write_text(TIDY)
        ivp_python(
            env,
            "from django.core.management import call_command\n"
            "from django.db import transaction\n"
            "from ivp.planning.models import Action\n"
            "from ivp.planning.execution.services.progress import progress_record\n"
            f"call_command('figures', 'import', {str(tmp_path / 'westerveld.csv')!r}, "
            "'--editie', '2026-12-01', '--geen-voortgang')\n"
            "with transaction.atomic():\n"
            f"    progress_record(action=Action.objects.get(pk={action}), status='afgerond')\n",
        )
        picture, dashboard = _read(env, PICTURE, DASHBOARD)
        assert _shows(picture, 401) and not _shows(picture, 376)
        after = _status_counts(dashboard)
        assert after != counts and sum(after) == sum(counts)


PUBLIC_DASHBOARD = "/gemeenten/GM1708/uitvoeringsplan/2026/dashboard/"
ADOPT_STEENWIJKERLAND_2026 = (
    "import datetime\n"
    "from ivp.planning.models import ActionPlan\n"
    "from ivp.planning.execution.services.actions import action_plan_adopt\n"
    "plan = ActionPlan.objects.get(municipality__code='GM1708', start_year=2026)\n"
    "action_plan_adopt(action_plan=plan, adopted_on=datetime.date(2026, 1, 20),"
    " decision_reference='raadsbesluit')\n"
)


def _visit(env, *paths: str) -> list[tuple[str, str]]:
    """The pages and their ETags as a web process of its own serves them to a visitor."""
    out = ivp_python(
        env,
        "from django.test import Client\n"
        "client = Client(HTTP_HOST='localhost')\n"
        f"for path in {list(paths)!r}:\n"
        "    response = client.get(path)\n"
        "    assert response.status_code == 200, (path, response.status_code)\n"
        "    print(response['ETag'] + '\\n' + response.content.decode(), "
        f"end={PAGE_BREAK!r})\n",
    )
    return [tuple(page.split("\n", 1)) for page in out.split(PAGE_BREAK)[: len(paths)]]


def test_a_visitors_kept_pages_follow_an_import_and_a_progress_report(tmp_path, run_folder):
    """The whole answer a visitor gets is kept across processes (changes behind ivp's back do
    not show, the ETag stays), and the next visitor after an import or a progress report
    through ivp sees the new figures and statuses under a new ETag."""
    with own_database(tmp_path, "demo", shared=run_folder) as database:
        env = environment(tmp_path, database)
        ivp_python(env, ADOPT_STEENWIJKERLAND_2026)  # its dashboard is public from now on
        [(picture_tag, picture), (dashboard_tag, dashboard)] = _visit(
            env, PICTURE, PUBLIC_DASHBOARD
        )
        assert _shows(picture, 376)
        counts = _status_counts(dashboard)
        action = _open_action(database)
        _behind_ivps_back(
            database,
            WESTERVELD_2024_BECOMES_654,
        )
        assert _visit(env, PICTURE, PUBLIC_DASHBOARD) == [
            (picture_tag, picture),
            (dashboard_tag, dashboard),
        ]

        (tmp_path / "westerveld.csv").write_text(TIDY)
        ivp_python(
            env,
            "from django.core.management import call_command\n"
            f"call_command('figures', 'import', {str(tmp_path / 'westerveld.csv')!r}, "
            "'--editie', '2026-12-01', '--geen-voortgang')\n",
        )
        [(new_tag, picture)] = _visit(env, PICTURE)
        assert _shows(picture, 401) and not _shows(picture, 376)
        assert new_tag != picture_tag

        ivp_python(
            env,
            "from django.db import transaction\n"
            "from ivp.planning.models import Action\n"
            "from ivp.planning.execution.services.progress import progress_record\n"
            "with transaction.atomic():\n"
            f"    progress_record(action=Action.objects.get(pk={action}), status='afgerond')\n",
        )
        [(new_tag, dashboard)] = _visit(env, PUBLIC_DASHBOARD)
        after = _status_counts(dashboard)
        assert after != counts and sum(after) == sum(counts)
        assert new_tag != dashboard_tag
