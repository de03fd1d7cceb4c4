"""Shared fixtures: a test database holding the real national data and the demo accounts.

The data are loaded once per session, so once per pytest-xdist worker (bulk, some seconds),
and every test runs in a transaction that is rolled back, so tests see all 342
municipalities and change nothing.
"""

import importlib.util
import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, RequestFactory
from django.utils import timezone

from ivp.accounts.api_keys import api_key_create
from ivp.accounts.demo import DEMO_PASSWORD, DEMO_USERS, demo_load
from ivp.accounts.models import Invitation, Role
from ivp.figures.demo import demo_figures_load
from ivp.figures.models import FiguresUpload
from ivp.intake.models import PlanImport
from ivp.planning.demo import actions_demo_load, planning_demo_load
from ivp.regions.models import Municipality, Region
from ivp.regions.services import regions_load_all
from ivp.reports.models import GeneratedDocument
from ivp.taxonomy.services import taxonomy_load
from tests.live_processes import drop_templates, prepare_in_background, shared_folder

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
# The project's own copy of the public data (data/): tests run in any clone, with or without
# ../shared beside it.
DATA = REPO / "data"


if importlib.util.find_spec("xdist"):

    def pytest_xdist_make_scheduler(config, log):
        """Under pytest-xdist every test goes to the next free worker, except that the tests of
        one browser module stay together: they build on each other's logins and pages in one
        browser against their worker's own server. (`--dist loadgroup` would say this with a
        mark, but pytest-xdist 3.8 cannot rename node ids under pytest 9.)"""
        from xdist.scheduler import LoadScopeScheduling

        class BrowserModulesTogether(LoadScopeScheduling):
            def _split_scope(self, nodeid: str) -> str:
                module = nodeid.split("::", 1)[0]
                return module if module.startswith("tests/browser/") else nodeid

        return BrowserModulesTogether(config, log)


def pytest_collection_modifyitems(items):
    """The longest tests first, so that the many short ones fill the gaps and the workers
    finish together: those marked `slow` that run in this process, while the prepared
    databases of tests/live_processes.py are still being made (they need `run_folder`); then
    the slow ones that copy those databases; then the browser modules, whose servers copy the
    demo database."""

    def order(item) -> int:
        if "browser" in item.keywords:
            return 2
        if "slow" in item.keywords:
            return 1 if "run_folder" in item.fixturenames else 0
        return 3

    items.sort(key=order)


def pytest_sessionstart(session):
    """The pytest-xdist controller has nothing to do while its workers start: on a run of the
    whole suite it makes the prepared databases of tests/live_processes.py meanwhile."""
    config = session.config
    if getattr(config.option, "numprocesses", None) and not hasattr(config, "workerinput"):
        whole_suite = not config.args or any(
            Path(a).resolve() in (REPO, REPO / "tests") for a in config.args
        )
        if whole_suite:
            config._prepared_databases = prepare_in_background(
                shared_folder(config._tmp_path_factory)
            )


def pytest_sessionfinish(session):
    """The prepared databases of tests/live_processes.py go when the whole run ends: in the
    pytest-xdist controller, or in the one process without xdist."""
    if not hasattr(session.config, "workerinput"):
        if preparing := getattr(session.config, "_prepared_databases", None):
            preparing.join()
        drop_templates(shared_folder(session.config._tmp_path_factory))


@pytest.fixture(scope="session")
def run_folder(tmp_path_factory) -> Path:
    """The folder every pytest-xdist worker of this run shares."""
    return shared_folder(tmp_path_factory)


@pytest.fixture(scope="session", autouse=True)
def _started_processes_run_the_apps_own_settings():
    """`ivp` processes a test starts inherit the environment; they run the app's settings, not
    tests.settings (this process has read its settings already)."""
    previous = os.environ.get("DJANGO_SETTINGS_MODULE")
    os.environ["DJANGO_SETTINGS_MODULE"] = "ivp.conf.settings"
    yield
    if previous is not None:
        os.environ["DJANGO_SETTINGS_MODULE"] = previous


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request):
    with django_db_blocker.unblock():
        if request.config.getoption("nomigrations"):
            _record_migrations_as_applied()
        regions_load_all()
        taxonomy_load()
        demo_load()
        demo_figures_load()
        planning_demo_load()  # Westerveld's adopted plan (fixture `westerveld_plan`)
        _planning_samples()  # Steenwijkerland's draft IVP 2027–2030 (`steenwijkerland_draft_plan`)
        actions_demo_load()  # its adopted IVP 2023–2026 and uitvoeringsplan 2026
        _chapter_samples()
        # Finished uploads of own figures, so pages about an upload have something to show:
        # one for Westerveld, one for Steenwijkerland.
        for code in ("GM1701", "GM1708"):
            FiguresUpload.objects.create(
                file_name="voorbeeld.csv",
                status=FiguresUpload.Status.DONE,
                report=["klaar"],
                municipality=Municipality.objects.get(code=code),
            )
            # a plan and an uitvoeringsplan's actions read in and not yet checked (failed: the
            # matrix may retry them)
            PlanImport.objects.create(
                file_name="ivp.txt",
                content=b"Integraal Veiligheidsplan 2027-2030",
                status=PlanImport.Status.FAILED,
                problems=["voorbeeld"],
                municipality=Municipality.objects.get(code=code),
            )
            PlanImport.objects.create(
                kind=PlanImport.Kind.ACTIONS,
                year=2027,
                file_name="acties.csv",
                content=b"Item;Partijen\nBuurtpreventie;Politie\n",
                status=PlanImport.Status.FAILED,
                problems=["voorbeeld"],
                municipality=Municipality.objects.get(code=code),
            )
        # An open invitation each, to a partner, for Westerveld and for Steenwijkerland.
        for code, coordinator in (
            ("GM1701", "coordinator.westerveld"),
            ("GM1708", "coordinator.steenwijkerland"),
        ):
            Invitation.objects.create(
                municipality=Municipality.objects.get(code=code),
                email=f"nieuw.{code.lower()}@example.org",
                role=Role.KETENPARTNER,
                organisation="Brandweer",
                invited_by=get_user_model().objects.get(username=coordinator),
                expires_at=timezone.now() + timedelta(days=14),
            )
        # An API key each, of the municipality's coordinator.
        for coordinator in ("coordinator.westerveld", "coordinator.steenwijkerland"):
            api_key_create(user=get_user_model().objects.get(username=coordinator), name="script")
        # A finished document each, requested by the municipality's coordinator.
        for code, user in (("GM1701", "coordinator.westerveld"), ("GM1708", "beheerder")):
            GeneratedDocument.objects.create(
                municipality=Municipality.objects.get(code=code),
                kind="uitvoeringsplan",
                year=2026,
                format="pdf",
                status=GeneratedDocument.Status.DONE,
                file_name="uitvoeringsplan.pdf",
                content=b"%PDF-1.7 voorbeeld",
                requested_by=get_user_model().objects.get(username=user),
            )
        # The files of the adopted plans, as the worker makes them at adoption.
        GeneratedDocument.objects.filter(public=True).update(
            status=GeneratedDocument.Status.DONE,
            file_name="vastgesteld.pdf",
            content=b"%PDF-1.7 vastgesteld",
            from_draft=False,
            finished_at=timezone.now(),
        )


def _record_migrations_as_applied() -> None:
    """Under `--no-migrations` (pyproject.toml) the test database's tables are made from the
    models in a second instead of by 80 migrations in ten; `makemigrations --check` (make
    lint) holds the two equal, and the prepared databases of tests/live_processes.py are
    migrated for real. Recording every migration as applied makes the test database look
    migrated to what reads that record, as a backup does."""
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.recorder import MigrationRecorder
    from django.test.utils import override_settings

    with override_settings(MIGRATION_MODULES={}):
        on_disk = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    recorder = MigrationRecorder(connection)
    recorder.ensure_schema()
    recorder.Migration.objects.bulk_create(
        recorder.Migration(app=app, name=name) for app, name in sorted(on_disk)
    )


@pytest.fixture
def westerveld(db) -> Municipality:
    return Municipality.objects.get(code="GM1701")


@pytest.fixture
def steenwijkerland(db) -> Municipality:
    return Municipality.objects.get(code="GM1708")


@pytest.fixture
def westerveld_plan(db):
    """Westerveld's adopted IVP 2023–2027 (the demo's), its only plan."""
    from ivp.planning.models import PolicyPlan

    return PolicyPlan.objects.get(municipality__code="GM1701")


@pytest.fixture
def steenwijkerland_draft_plan(db):
    """Steenwijkerland's draft IVP 2027–2030, with one priority and its objective."""
    from ivp.planning.models import PolicyPlan

    return PolicyPlan.objects.get(municipality__code="GM1708", status=PolicyPlan.Status.CONCEPT)


@pytest.fixture
def zuidwest_drenthe(db) -> Region:
    return Region.objects.get(code="zuidwest-drenthe")


def client_for(username: str | None) -> Client:
    """A client signed in as the demo user `username` (or nobody), without a password check:
    the tests that are about signing in use `client_logged_in_with_password`."""
    client = Client()
    if username:
        client.force_login(get_user_model().objects.get(username=username))
    return client


def client_logged_in_with_password(username: str) -> Client:
    """A client signed in the way a person is: the demo password checked by the backends."""
    client = Client()
    # django-axes checks every login against the request it came with, so give it one.
    request = RequestFactory().post("/inloggen/")
    assert client.login(request=request, username=username, password=DEMO_PASSWORD), username
    return client


def user_named_now(username: str):
    """The demo user of that name (for helpers outside a fixture)."""
    return get_user_model().objects.get(username=username)


def steenwijkerland_action(item: str):
    """The action of that item in the demo's Steenwijkerland uitvoeringsplan 2026."""
    from ivp.planning.models import Action

    return Action.objects.get(
        theme__action_plan__municipality__code="GM1708",
        theme__action_plan__start_year=2026,
        item=item,
    )


@pytest.fixture
def user_named(db):
    return lambda username: get_user_model().objects.get(username=username)


__all__ = ["DATA", "DEMO_USERS", "SHARED", "client_for", "client_logged_in_with_password"]


def _chapter_samples():
    """Each 2026 uitvoeringsplan with its outline taken over and a chapter of its own."""
    from ivp.planning.models import ActionPlan
    from ivp.planning.workflow.chapter_services import chapter_add, outline_take_over
    from ivp.reports.outlines import OUTLINES

    for code in ("GM1701", "GM1708"):
        action_plan = ActionPlan.objects.get(municipality__code=code, start_year=2026)
        for document in ("uitvoeringsplan", "voortgang"):
            outline_take_over(plan=action_plan, document=document, defaults=OUTLINES[document])
        chapter_add(plan=action_plan, document="uitvoeringsplan", title="Eigen hoofdstuk")


def _planning_samples():
    """What the pages of the policy side need beside the demo: a cycle for Westerveld, a draft
    plan for Steenwijkerland with a priority and objective, a province's shared priority."""
    from ivp.planning.execution.services.actions import action_plan_create, action_save
    from ivp.planning.models import PolicyPlan
    from ivp.planning.policy.services.cycle import cycle_create, work_group_add
    from ivp.planning.policy.services.frameworks import framework_save
    from ivp.planning.policy.services.plan import (
        focus_area_save,
        objective_save,
        plan_create,
        priority_save,
        regional_link_save,
    )
    from ivp.planning.policy.services.regional import regional_priority_save

    westerveld = Municipality.objects.get(code="GM1701")
    cycle = cycle_create(
        municipality=westerveld,
        name="IVP Westerveld 2023–2027",
        plan_start_year=2023,
        plan_end_year=2027,
    )
    work_group_add(cycle=cycle, role="operationeel expert", organisation="Politie")
    plan = plan_create(
        municipality=Municipality.objects.get(code="GM1708"),
        title="Integraal Veiligheidsplan Steenwijkerland 2027–2030",
        start_year=2027,
        end_year=2030,
    )
    priority = priority_save(plan=plan, title="Veilig uitgaan")
    objective_save(
        priority=priority, text="Minder geweld in het uitgaansgebied.", kind="kwalitatief"
    )
    westerveld_actions = action_plan_create(
        policy_plan=PolicyPlan.objects.get(municipality=westerveld), start_year=2026
    )
    action_save(
        theme=westerveld_actions.themes.first(),
        item="Bibob-beleid",
        parties=["Gemeente", "RIEC Noord"],
        planning_text="Q2",
    )
    shared = regional_priority_save(
        region=Region.objects.get(code="PV22"),
        title="Brandveiligheid",
        start_year=2025,
        end_year=2028,
    )
    objective_save(regional_priority=shared, text="Minder woningbranden.", kind="kwalitatief")
    focus_area_save(priority=priority, title="Horeca en evenementen")
    overijssel = regional_priority_save(
        region=Region.objects.get(code="PV23"),
        title="Veilig uitgaan in de regio",
        start_year=2025,
        end_year=2028,
    )
    regional_link_save(priority=priority, regional_priority=overijssel, contribution="Lokaal.")
    for region in ("zuidwest-drenthe", "PV22"):
        framework_save(
            region=Region.objects.get(code=region),
            name=f"Regionaal plan {region}",
            level="regionaal",
            start_year=2024,
            end_year=2027,
        )
    framework_save(
        municipality=Municipality.objects.get(code="GM1708"),
        name="Coalitieakkoord Steenwijkerland 2022–2026",
        level="lokaal",
        start_year=2022,
        end_year=2026,
    )
