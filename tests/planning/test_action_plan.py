"""The uitvoeringsplan: Steenwijkerland 2026 from seed 000, actions, next year, exports."""

import csv
import io
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from openpyxl import load_workbook

from ivp.planning.execution.services.actions import action_plan_next_year, action_save
from ivp.planning.models import Action, ActionPlan
from tests.conftest import REPO, client_for

pytestmark = pytest.mark.django_db

DEMO = json.loads(
    (REPO / "src/ivp/planning/data/demo_steenwijkerland.json").read_text(encoding="utf-8")
)


def _plan():
    return ActionPlan.objects.get(municipality__code="GM1708", start_year=2026)


def test_the_2026_plan_holds_seed_000s_themes_and_actions():
    plan = _plan()
    themes = [t.priority.title for t in plan.themes.order_by("order")]
    assert themes == [t["title"] for t in DEMO["themes"]]
    assert themes[:3] == [
        "Ondermijnende criminaliteit",
        "Zorg en veiligheid",
        "Digitale veiligheid",
    ]
    assert Action.objects.filter(theme__action_plan=plan).count() == 34
    water = Action.objects.get(theme__action_plan=plan, item="Veiligheid op en om het water")
    assert water.planning_text == "Vaarseizoen 2026"
    assert water.planning_months[0] == "2026-04" and water.planning_months[-1] == "2026-10"
    mma = Action.objects.get(theme__action_plan=plan, item__startswith="Landelijke campagne")
    assert mma.planning_months == []  # kept as written, flagged


def test_an_action_gets_its_planning_read_and_its_parties(steenwijkerland):
    theme = _plan().themes.get(priority__title="Woninginbraak")
    action = action_save(
        theme=theme,
        item="Inbraakpreventie-avond",
        parties=["Politie", "Gemeente", "gemeente"],
        planning_text="Q1 en Q3",
        budget=Decimal("1250.50"),
        hours=16,
    )
    assert action.planning_months == [
        "2026-01", "2026-02", "2026-03", "2026-07", "2026-08", "2026-09"
    ]  # fmt: skip
    assert action.party_names == ["Politie", "Gemeente"]  # as written, the lead party first
    with pytest.raises(ValidationError):
        action_save(theme=theme, item="X", budget=Decimal("-1"))


def test_next_year_carries_running_actions_over_with_their_history():
    plan = ActionPlan.objects.get(municipality__code="GM1701", start_year=2026)
    theme = plan.themes.first()
    done = action_save(theme=theme, item="Afgerond", planning_text="Q1", status="afgerond")
    running = theme.actions.get(item="Bibob-beleid")
    following = action_plan_next_year(action_plan=plan)
    assert following.start_year == 2027 and following.themes.count() == plan.themes.count()
    carried = Action.objects.filter(theme__action_plan=following)
    assert list(carried.values_list("item", flat=True)) == ["Bibob-beleid"]
    assert not carried.filter(item=done.item).exists()
    bibob = carried.get()
    assert bibob.carried_from == running
    assert bibob.planning_months == ["2027-04", "2027-05", "2027-06"]  # "Q2" of the new year
    assert bibob.party_names == running.party_names
    assert sorted(bibob.party_names) == ["Gemeente", "RIEC Noord"]
    with pytest.raises(ValidationError):
        action_plan_next_year(action_plan=plan)  # 2027 exists already


def test_next_year_stops_at_the_end_of_the_integral_safety_plan():
    with pytest.raises(ValidationError, match="buiten de periode"):
        action_plan_next_year(action_plan=_plan())  # Steenwijkerland's IVP ends in 2026


def test_actions_export_json_has_every_action(capsys):
    call_command("actions", "GM1708", "--jaar", "2026", "--format", "json")
    data = json.loads(capsys.readouterr().out)
    assert data["format_version"] == 1 and data["period"] == {"from": 2026, "to": 2026}
    assert len(data["actions"]) == 34
    first = data["actions"][0]
    assert first["theme"] == "Ondermijnende criminaliteit" and first["priority"] is True
    assert first["planning"] == "Q1" and first["planning_quarters"] == ["2026-Q1"]
    assert set(first) >= {"item", "description", "parties", "owner", "budget", "hours", "status"}


def test_actions_export_csv_opens_in_dutch_excel(tmp_path):
    path = tmp_path / "acties.csv"
    call_command("actions", "GM1708", "--jaar", "2026", "--format", "csv", "-o", str(path))
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:5] == ["Actie-id", "Thema", "Prioriteit", "Item", "Maatregelen/activiteiten"]
    assert len(rows) == 35
    water = next(r for r in rows if r[3] == "Veiligheid op en om het water")
    assert water[6] == "Vaarseizoen 2026" and water[7] == "2026-Q2, 2026-Q3, 2026-Q4"
    # the id a progress file names the action by
    assert int(water[0]) == Action.objects.get(item="Veiligheid op en om het water").pk


def test_actions_export_xlsx_has_every_item_and_party(tmp_path):
    path = tmp_path / "acties.xlsx"
    call_command("actions", "GM1708", "--jaar", "2026", "--format", "xlsx", "-o", str(path))
    sheet = load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    items = {row[3]: row for row in rows[1:]}
    for theme in DEMO["themes"]:
        for item, _description, parties, planning in theme["actions"]:
            assert item in items
            assert set(items[item][5].split(", ")) == set(parties)
            assert items[item][6] == planning


def test_the_page_shows_every_theme_action_and_the_unreadable_planning():
    page = client_for("coordinator.steenwijkerland").get("/gemeenten/GM1708/uitvoeringsplan/2026/")
    text = page.content.decode()
    assert page.status_code == 200
    for theme in DEMO["themes"]:
        assert theme["title"] in text
    assert "Veiligheid op en om het water" in text
    assert "niet te lezen als periode" in text
    download = client_for("coordinator.steenwijkerland").get(
        "/gemeenten/GM1708/uitvoeringsplan/2026/export.xlsx"
    )
    assert download.status_code == 200 and download.content[:2] == b"PK"


def test_a_draft_plan_is_not_public():
    assert (
        client_for("raad.westerveld").get("/gemeenten/GM1708/uitvoeringsplan/2026/").status_code
        == 403
    )
    listing = client_for(None).get("/gemeenten/GM1708/uitvoeringsplan/").content.decode()
    assert "2026" not in listing.split('id="inhoud"')[1]


def test_unknown_municipality_or_year_for_the_export_is_a_clear_error():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="geen uitvoeringsplan voor 2031"):
        call_command("actions", "GM1708", "--jaar", "2031")
    with pytest.raises(CommandError, match="Onbekende gemeente"):
        call_command("actions", "GM9999", "--jaar", "2026")


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("1500", "1500"),
        ("1.500", "1500"),
        ("1.500,50", "1500.50"),
        ("€ 1.500,-", "1500"),
        ("12,5", "12.5"),
    ],
)
def test_amounts_are_read_as_dutch_people_type_them(typed, amount):
    from ivp.common.forms import EuroField

    assert EuroField().clean(typed) == Decimal(amount)


def test_a_budget_of_veel_is_refused_in_dutch():
    from ivp.planning.execution.forms import ActionForm

    plan = _plan()
    form = ActionForm(
        {
            "theme": plan.themes.first().pk,
            "item": "X",
            "parties": "Gemeente",
            "status": "gepland",
            "budget": "veel",
        },
        themes=plan.themes.all(),
        plan=plan,
    )
    assert not form.is_valid()
    assert form.errors["budget"] == ["Voer een bedrag in euro in, bijvoorbeeld 1.500 of 1.500,50."]


def test_two_people_editing_one_action_the_second_gets_a_conflict_and_the_trail_has_both():
    action = Action.objects.get(theme__action_plan=_plan(), item="Buurtbemiddeling")
    url = f"/gemeenten/GM1708/uitvoeringsplan/2026/acties/{action.pk}/"
    opened = {
        "theme": action.theme_id,
        "item": action.item,
        "parties": "Gemeente, Sociaal Werk De Kop",
        "planning_text": "2026",
        "status": "lopend",
        "lock_version": action.lock_version,
    }
    first, second = client_for("coordinator.steenwijkerland"), client_for("beheerder")
    assert first.post(url, {**opened, "owner": "Gemeente"}).status_code == 302
    response = second.post(url, {**opened, "owner": "Sociaal Werk De Kop"})
    page = response.content.decode()
    assert "Iemand anders heeft dit onderdeel opgeslagen" in page
    assert "Intussen opgeslagen: Gemeente" in page
    assert Action.objects.get(pk=action.pk).owner == "Gemeente"
    from ivp.accounts.audit import audit_trail

    trail = [
        e
        for e in audit_trail(action.theme.action_plan.municipality)
        if e.object_name == "Buurtbemiddeling"
    ]
    assert trail and trail[0].who == "coordinator.steenwijkerland"


def test_an_adopted_plan_changes_only_through_a_new_version_and_progress_goes_on():
    from datetime import date as day

    from ivp.planning.execution.services.actions import action_plan_adopt, action_plan_new_version
    from ivp.planning.execution.services.progress import progress_record

    plan = _plan()
    action_plan_adopt(
        action_plan=plan, adopted_on=day(2026, 3, 10), decision_reference="B&W 2026-12"
    )
    action = Action.objects.filter(theme__action_plan=plan).first()
    with pytest.raises(ValidationError, match="nieuwe versie"):
        action_save(theme=action.theme, action=action, item="Anders")
    progress_record(action=action, status="lopend", percent_done=30)  # execution goes on
    new = action_plan_new_version(action_plan=plan)
    assert (new.version, new.status, new.previous) == (2, "concept", plan)
    assert Action.objects.filter(theme__action_plan=new).count() == 34
    changed = Action.objects.get(theme__action_plan=new, item=action.item)
    action_save(theme=changed.theme, action=changed, item="Anders", planning_text="Q4")
    # the year's address shows the newest version; the adopted one stays readable
    client = client_for("coordinator.steenwijkerland")
    assert "Anders" in client.get("/gemeenten/GM1708/uitvoeringsplan/2026/").content.decode()
    old = client.get("/gemeenten/GM1708/uitvoeringsplan/2026/?versie=1").content.decode()
    assert "Anders" not in old and action.item in old


def test_the_plan_page_costs_a_fixed_number_of_queries(django_assert_num_queries):
    from django.test import Client

    client = Client()
    client.force_login(
        __import__("django.contrib.auth", fromlist=["get_user_model"])
        .get_user_model()
        .objects.get(username="partner.steenwijkerland")
    )
    client.get("/gemeenten/GM1708/uitvoeringsplan/2026/")  # warm the session
    with django_assert_num_queries(16):  # 34 actions, 8 themes: no query per action
        assert client.get("/gemeenten/GM1708/uitvoeringsplan/2026/?alle=1").status_code == 200


@pytest.mark.parametrize("typed", ["veel", "1,2,3", "NaN", "1e999"])
def test_what_is_no_amount_is_refused(typed):
    from django.core.exceptions import ValidationError as FormError

    from ivp.common.forms import EuroField

    with pytest.raises(FormError):
        EuroField().clean(typed)


def test_a_plan_for_one_priority_holds_only_that_theme():
    """Some municipalities make an uitvoeringsplan per priority: the form takes a subset."""
    policy_plan = _plan().policy_plan
    chosen = policy_plan.priorities.get(title="Digitale veiligheid")
    client = client_for("coordinator.steenwijkerland")
    response = client.post(
        "/gemeenten/GM1708/uitvoeringsplan/",
        {"start_year": 2025, "end_year": 2025, "priorities": [chosen.pk]},
        follow=True,
    )
    assert response.status_code == 200
    plan = ActionPlan.objects.get(municipality__code="GM1708", start_year=2025)
    assert [t.priority for t in plan.themes.all()] == [chosen]
    assert plan.title == "Uitvoeringsplan integrale veiligheid 2025: Digitale veiligheid"
    assert "Digitale veiligheid" in response.content.decode()


def test_a_plan_cannot_take_a_priority_of_another_ivp(westerveld_plan):
    from ivp.planning.execution.services.actions import action_plan_create

    foreign = westerveld_plan.priorities.first()
    with pytest.raises(ValidationError, match="Kies prioriteiten van"):
        action_plan_create(policy_plan=_plan().policy_plan, start_year=2025, priorities=[foreign])
    assert not ActionPlan.objects.filter(municipality__code="GM1708", start_year=2025).exists()
