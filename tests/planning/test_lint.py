"""The plan linter finds every fault of a deliberately broken plan, and none in a clean one."""

from decimal import Decimal

import pytest
from django.core.management import call_command

from ivp.figures.models import Indicator
from ivp.planning.execution import selectors as execution_selectors
from ivp.planning.execution.lint import NO_OBJECTIVE, NO_PARTIES
from ivp.planning.execution.lint import lint as action_plan_lint
from ivp.planning.execution.services.actions import action_plan_create, action_save
from ivp.planning.models import PolicyPlan
from ivp.planning.policy.services.plan import objective_save, plan_create, priority_save
from ivp.planning.workflow.lint import FAULT, INFO, WARNING, Finding, grouped
from ivp.regions.models import Municipality
from ivp.taxonomy.models import Theme

pytestmark = pytest.mark.django_db


def _theme(code):
    return Theme.objects.get(field__version__is_current=True, code=code)


@pytest.fixture
def meppel():
    return Municipality.objects.get(code="GM0119")


def _plan(meppel, themes):
    plan = plan_create(
        municipality=meppel, title="IVP Meppel 2027–2030", start_year=2027, end_year=2030
    )
    priorities = [
        priority_save(plan=plan, title=_theme(code).name, theme=_theme(code)) for code in themes
    ]
    return plan, priorities


def test_a_clean_plan_has_no_faults_and_no_warnings(meppel):
    # the clean plan addresses objectieve-veiligheid too (Meppel's crimes fell 2022→2024)
    plan, priorities = _plan(meppel, ["objectieve-veiligheid", "ondermijning", "jeugdoverlast"])
    objectives = [
        objective_save(
            priority=priorities[0],
            text="Minder geregistreerde misdrijven",
            indicator=Indicator.objects.get(code="misdrijven-totaal"),
            baseline_value=1164,
            baseline_year=2024,
            target_value=1100,
            target_year=2030,
        ),
        objective_save(priority=priorities[1], text="Weerbare ondernemers", kind="kwalitatief"),
        objective_save(priority=priorities[2], text="Minder jeugdoverlast", kind="kwalitatief"),
    ]
    actions = action_plan_create(policy_plan=plan, start_year=2027)
    for objective, theme in zip(objectives, actions.themes.order_by("order"), strict=True):
        action_save(
            theme=theme,
            item=f"Actie voor {objective.text}",
            parties=["Gemeente", "Politie"],
            owner="Gemeente",
            planning_text="Q2",
            budget=Decimal(1000),
            hours=40,
            objective=objective,
        )
    findings = action_plan_lint(actions)
    assert [f for f in findings if f.level != INFO] == []
    assert [f.message for f in findings if f.level == INFO] == [
        "3 acties; budget € 3.000,00, 120 uur in totaal."
    ]


def test_a_broken_plan_shows_each_fault_with_its_mend(westerveld):
    # Westerveld's registered crimes rose 2022→2024 (Bron: Politie); the plan leaves that out
    plan, priorities = _plan(westerveld, ["ondermijning", "jeugdoverlast"])  # two priorities
    vague = objective_save(
        priority=priorities[0], text="Het wordt beter"
    )  # neither measurable nor qualitative
    # priorities[1] has no objective
    actions = action_plan_create(policy_plan=plan, start_year=2027)
    theme = actions.themes.order_by("order").first()
    action_save(theme=theme, item="Zonder alles", planning_text="binnenkort")
    action_save(
        theme=theme, item="Te laat", parties=["Gemeente"], owner="Gemeente", planning_text="Q1 2028"
    )
    findings = action_plan_lint(actions)
    text = [str(f) for f in findings]

    def has(level, element, fragment) -> bool:
        return any(
            f.level == level and f.element == element and fragment in f.message for f in findings
        )

    assert has(WARNING, "Prioriteiten", "2 prioriteiten"), text
    assert has(FAULT, "Prioriteit „Jeugdoverlast”", "geen doelstellingen"), text
    assert has(FAULT, "Doelstelling „Het wordt beter”", "geen richting of doel"), text
    assert has(FAULT, "Actie „Zonder alles”", "geen partijen"), text
    assert has(FAULT, "Actie „Zonder alles”", "geen trekker"), text
    assert has(FAULT, "Actie „Zonder alles”", "„binnenkort”"), text
    assert has(FAULT, "Actie „Te laat”", "buiten 2027"), text
    assert has(WARNING, "Actie „Te laat”", "geen doelstelling"), text
    assert has(WARNING, f"Doelstelling „{vague.text}”", "geen actie"), text
    # +17,9% 2022→2024 on 317 registrations: within chance and the normal swing between years
    assert not [f for f in findings if f.element == "Thema „Objectieve veiligheid”"]
    assert all(f.mend for f in findings if f.level != INFO)


def test_a_rise_beyond_the_normal_swing_the_plan_leaves_out_is_said_in_plain_words():
    """Municipality GM0579's registered crimes rose 38% 2022→2024 (Bron: Politie), far more
    than the swing of about ±7% all municipalities show over those years."""
    plan, _priorities = _plan(Municipality.objects.get(code="GM0579"), ["ondermijning"])
    actions = action_plan_create(policy_plan=plan, start_year=2027)
    findings = action_plan_lint(actions)
    rising = [f for f in findings if f.element == "Thema „Objectieve veiligheid”"]
    assert rising and rising[0].level == WARNING
    message = rising[0].message
    assert "steeg met 37,6% per inwoner, 2022→2024, meer dan de gewone schommeling van ±7,2%" in (
        message
    )
    assert "p " not in message and "significant" not in message


def test_ivp_lint_exits_with_1_on_faults(capsys):
    with pytest.raises(SystemExit) as exited:
        call_command("lint", "--gemeente", "GM1708", "--jaar", "2026")
    assert exited.value.code == 1
    out = capsys.readouterr().out
    assert "Landelijke campagne Meld Misdaad Anoniem" in out  # its planning is not a period


def _client_of(client, username):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=username))
    return client


def test_the_plan_pages_load_the_check_as_a_panel(client):
    client = _client_of(client, "coordinator.westerveld")
    plan = PolicyPlan.objects.get(municipality__code="GM1701", status="vastgesteld")
    page = client.get(f"/gemeenten/GM1701/veiligheidsplan/{plan.pk}/").content.decode()
    lint_url = f"/gemeenten/GM1701/veiligheidsplan/{plan.pk}/controle/"
    assert f'hx-get="{lint_url}"' in page
    panel = client.get(lint_url, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in panel and "Plancontrole" in panel
    assert "De controle vindt niets om te herstellen." in panel  # its rise is within the swing
    whole = client.get(lint_url).content.decode()
    assert "<html" in whole and "De controle vindt niets om te herstellen." in whole


def test_the_panel_lists_faults_and_counts_repeated_warnings(client):
    client = _client_of(client, "coordinator.steenwijkerland")
    plan = execution_selectors.current_action_plans().get(
        municipality__code="GM1708", start_year=2026
    )
    findings = action_plan_lint(plan)
    unlinked = sum(1 for f in findings if f.message == "dient geen doelstelling.")
    panel = client.get(
        "/gemeenten/GM1708/uitvoeringsplan/2026/controle/", headers={"HX-Request": "true"}
    ).content.decode()
    assert "Actie „Landelijke campagne Meld Misdaad Anoniem”" in panel
    # the like warnings as one sentence with their number, the actions one click away
    assert NO_OBJECTIVE.sentence(unlinked) in panel and unlinked > 1
    assert "dient geen doelstelling" not in panel
    assert panel.count("<details") == sum(1 for g in grouped(findings) if g.count > 1)
    # faults lead
    assert panel.index("ivp-flag") < panel.index(NO_OBJECTIVE.sentence(unlinked))


def test_a_partner_sees_no_check_panel_on_the_plan(client):
    client = _client_of(client, "partner.steenwijkerland")
    page = client.get("/gemeenten/GM1708/uitvoeringsplan/2026/").content.decode()
    assert "ivp-lint-panel" not in page


def test_summary_counts_each_kind_in_dutch():
    from django.utils import translation

    from ivp.planning.workflow.lint import Finding, summary

    with translation.override("nl"):
        assert summary([]) == "De controle vindt niets om te herstellen."
        found = [Finding(FAULT, "a", "m", "")] + [Finding(WARNING, x, "m", "") for x in "bc"]
        assert summary(found) == "3 bevindingen: 1 fout en 2 waarschuwingen."
        assert summary([Finding(INFO, "d", "t", "")]) == "Eén bevinding: 1 ter informatie."


def test_a_linked_regional_priority_is_no_priority_and_its_end_is_checked(
    westerveld, zuidwest_drenthe
):
    """Westerveld works on three Zuidwest-Drenthe priorities inside its four: four priorities,
    not seven; a regional priority that ends before the plan is named."""
    from ivp.planning.policy import selectors as policy_selectors
    from ivp.planning.policy.lint import lint
    from ivp.planning.policy.services.plan import plan_new_version, regional_link_save
    from ivp.planning.policy.services.regional import regional_priority_save

    draft = plan_new_version(plan=policy_selectors.plan_in_force(westerveld))
    short = regional_priority_save(
        region=zuidwest_drenthe, title="Aanpak drugsafval", start_year=2023, end_year=2025
    )
    regional_link_save(priority=draft.priorities.first(), regional_priority=short)
    findings = lint(draft)
    assert not [f for f in findings if f.element == "Prioriteiten"]  # four, as the council chose
    ended = [f for f in findings if f.element == "Regionale prioriteit „Aanpak drugsafval”"]
    assert ended and "loopt tot en met 2025, het plan tot en met 2027" in ended[0].message


def test_like_findings_are_one_line_with_their_count_and_faults_lead():
    def unlinked(item):
        return Finding(
            WARNING, f"Actie „{item}”", "dient geen doelstelling.", "Koppel…", NO_OBJECTIVE
        )

    found = [
        Finding(INFO, "Plan", "34 acties.", ""),
        *(unlinked(item) for item in ("A", "B", "C")),
        Finding(FAULT, "Actie „D”", "heeft geen partijen.", "Noem ze.", NO_PARTIES),
        Finding(FAULT, "Actie „E”", "heeft geen partijen.", "Noem ze.", NO_PARTIES),
    ]
    groups = grouped(found)
    assert [(g.level, g.count) for g in groups] == [(FAULT, 2), (WARNING, 3), (INFO, 1)]
    assert groups[0].sentence == NO_PARTIES.sentence(2)
    assert groups[0].mend == str(NO_PARTIES.mend)
    assert groups[1].parts == ["Actie „A”", "Actie „B”", "Actie „C”"]
    assert groups[2].sentence == "Plan: 34 acties."  # one finding is said as it is
