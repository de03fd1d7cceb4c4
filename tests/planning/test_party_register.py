"""The party register: parties in the order a plan writes them, aliases, organisation types,
the register page and merging one party into another."""

import json

import pytest
from django.core.exceptions import ValidationError

from ivp.planning.models import Action, Party, PartyAlias, Priority
from ivp.planning.policy.export import plan_data, plan_markdown
from ivp.planning.policy.services import parties as party_services
from ivp.planning.policy.services import plan as plan_services
from ivp.reports import services as documents
from tests.conftest import client_for
from tests.reports.reading import docx_file, docx_text, html_tree, pdf_text, words

pytestmark = pytest.mark.django_db

WRITTEN = "Politie, GGD, Gemeente"
IN_ORDER = ["Politie", "GGD", "Gemeente"]


def _register(code="GM1708"):
    return f"/gemeenten/{code}/partijen/"


def test_parties_typed_on_the_form_come_back_in_that_order_everywhere(steenwijkerland_draft_plan):
    plan = steenwijkerland_draft_plan
    coordinator = client_for("coordinator.steenwijkerland")
    response = coordinator.post(
        plan.get_absolute_url() + "prioriteiten/nieuw/",
        {"title": "Zorg en veiligheid", "kind": "prioriteit", "approach": "", "parties": WRITTEN},
    )
    assert response.status_code == 302
    priority = plan.priorities.get(title="Zorg en veiligheid")
    assert priority.party_names == IN_ORDER

    page = coordinator.get(plan.get_absolute_url()).content.decode()
    assert "Partijen:</strong> Politie, GGD, Gemeente" in page
    [exported] = [p for p in plan_data(plan)["priorities"] if p["title"] == "Zorg en veiligheid"]
    assert exported["parties"] == IN_ORDER
    assert f"Partijen: {WRITTEN}" in plan_markdown(plan)
    municipality, year = plan.municipality, plan.start_year

    def made(fmt):
        return documents.make("ivp", municipality, year, fmt, plan=plan).content

    sentence = f"Partijen: {WRITTEN}."
    assert sentence in docx_text(docx_file(made("docx")))
    assert sentence in pdf_text(made("pdf"))
    assert sentence in words(html_tree(made("html")).text_content())


def test_changing_only_the_order_is_kept_and_recorded_in_the_history(steenwijkerland_draft_plan):
    priority = steenwijkerland_draft_plan.priorities.get()
    save = {"plan": priority.plan, "priority": priority, "title": priority.title}
    plan_services.priority_save(**save, parties=["GGD", "Politie"])
    before = priority.history.count()
    plan_services.priority_save(**save, parties=["Politie", "GGD"])
    priority = Priority.objects.get(pk=priority.pk)
    assert priority.party_names == ["Politie", "GGD"]
    latest = priority.history.first()
    assert priority.history.count() > before
    kept = [row.party.name for row in latest.parties.order_by("order")]
    assert kept == ["Politie", "GGD"]


def test_a_typed_alias_lands_on_its_party_whatever_its_case_and_spaces(steenwijkerland_draft_plan):
    riec = Party.objects.create(name="RIEC Oost-Nederland")
    party_services.party_save(
        party=riec, organisation_type=Party.OrganisationType.RIEC, aliases=["RIEC-ON"]
    )
    priority = steenwijkerland_draft_plan.priorities.get()
    plan_services.priority_save(
        plan=priority.plan,
        priority=priority,
        title=priority.title,
        parties=["  riec-on ", "Politie", "RIEC  Oost-Nederland"],
    )
    priority = Priority.objects.get(pk=priority.pk)
    assert [p.name for p in priority.ordered_parties] == ["RIEC Oost-Nederland", "Politie"]
    assert priority.party_names == ["riec-on", "Politie"]  # the plan's words, on the register
    assert not Party.objects.filter(name__iexact="riec-on").exists()


def test_a_compound_written_with_a_hyphen_is_the_same_party():
    """An imported plan writes "water-convenant" where the register has "Waterconvenant"."""
    party, _ = Party.objects.get_or_create(name="Partners Waterconvenant")
    before = Party.objects.count()
    written = party_services.parties_as_written(
        ["Partners water-convenant", "partners waterconvenant", "Zorg- en Veiligheidshuis"]
    )
    assert [(w.party, w.written_as) for w in written[:1]] == [(party, "Partners water-convenant")]
    assert len(written) == 2  # both spellings are the one party, listed once
    assert written[1].party.name == "Zorg- en Veiligheidshuis"  # a hyphen before a space stays
    assert Party.objects.count() == before + 1


def test_an_alias_that_names_another_party_is_refused():
    riec = Party.objects.create(name="RIEC Oost-Nederland")
    Party.objects.create(name="RIEC-ON")
    with pytest.raises(ValidationError, match="voeg de twee partijen liever samen"):
        party_services.party_save(party=riec, organisation_type="", aliases=["riec-on"])
    assert not riec.aliases.exists()


def test_an_action_typed_with_a_parenthesis_and_an_alias_keeps_them_whole():
    action = Action.objects.filter(theme__action_plan__municipality__code="GM1708").first()
    politie = Party.objects.get_or_create(name="Politie")[0]
    PartyAlias.objects.create(party=politie, name="Nationale Politie")
    coordinator = client_for("coordinator.steenwijkerland")
    plan = action.theme.action_plan
    address = f"/gemeenten/GM1708/uitvoeringsplan/{plan.start_year}/acties/{action.pk}/"
    form = coordinator.get(address).context["form"]
    data = {**form.initial, "parties": "Veiligheidsregio (brandweer, GHOR), nationale politie"}
    data = {key: "" if value is None else value for key, value in data.items()}
    response = coordinator.post(address, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    action = Action.objects.get(pk=action.pk)
    assert [p.name for p in action.ordered_parties] == [
        "Veiligheidsregio (brandweer, GHOR)",
        "Politie",
    ]
    assert action.party_names == ["Veiligheidsregio (brandweer, GHOR)", "nationale politie"]


def _merge_setup():
    """Two names of one organisation in Steenwijkerland's draft plan and its actions."""
    plan_priority = Priority.objects.get(plan__municipality__code="GM1708", plan__status="concept")
    long, short = (Party.objects.create(name=n) for n in ("RIEC Oost-Nederland", "RIEC-ON"))
    plan_services.priority_save(
        plan=plan_priority.plan,
        priority=plan_priority,
        title=plan_priority.title,
        parties=["Gemeente", "RIEC-ON", "Politie"],
    )
    action = Action.objects.filter(theme__action_plan__municipality__code="GM1708").first()
    party_services.set_parties(action, [long, short])
    return plan_priority, action, long, short


def test_merging_moves_every_use_to_the_party_that_stays_and_keeps_the_name_as_alias():
    priority, action, long, short = _merge_setup()
    coordinator = client_for("coordinator.steenwijkerland")
    address = f"{_register()}{short.pk}/samenvoegen/"
    confirmation = coordinator.get(address, {"into": long.pk}).content.decode()
    assert "Samenvoegen met RIEC Oost-Nederland" in confirmation
    assert Party.objects.filter(pk=short.pk).exists()  # asking is not merging
    response = coordinator.post(address, {"into": long.pk})
    assert response.status_code == 302
    assert not Party.objects.filter(pk=short.pk).exists()
    priority = Priority.objects.get(pk=priority.pk)
    assert [p.name for p in priority.ordered_parties] == [
        "Gemeente",
        "RIEC Oost-Nederland",
        "Politie",
    ]
    assert priority.party_names == ["Gemeente", "RIEC-ON", "Politie"]  # the plan's words stay
    assert Action.objects.get(pk=action.pk).party_names == ["RIEC Oost-Nederland"]
    assert list(long.aliases.values_list("name", flat=True)) == ["RIEC-ON"]
    assert party_services.parties_as_written(["riec-on"]) == [(long, "riec-on")]
    # the history of the priority still knows the name it had
    earlier = Priority.history.filter(id=priority.pk).order_by("history_date")
    assert any(short.pk in [r.party_id for r in h.parties.all()] for h in earlier)


def test_a_merge_that_touches_another_municipality_is_refused_and_changes_nothing():
    priority, _action, long, short = _merge_setup()
    westerveld_action = Action.objects.filter(
        theme__action_plan__municipality__code="GM1701"
    ).first()
    before = westerveld_action.party_names
    party_services.set_parties(westerveld_action, [*westerveld_action.ordered_parties, short])
    response = client_for("coordinator.steenwijkerland").post(
        f"{_register()}{short.pk}/samenvoegen/", {"into": long.pk}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "vraag de beheerder" in page
    assert Party.objects.filter(pk=short.pk).exists()
    assert "RIEC-ON" in Priority.objects.get(pk=priority.pk).party_names
    assert Action.objects.get(pk=westerveld_action.pk).party_names == [*before, "RIEC-ON"]
    assert not long.aliases.exists()


def test_the_register_lists_the_parties_with_type_aliases_and_uses():
    _priority, _action, long, _short = _merge_setup()
    party_services.party_save(
        party=long, organisation_type=Party.OrganisationType.RIEC, aliases=["RIEC ON"]
    )
    page = client_for("coordinator.steenwijkerland").get(_register()).content.decode()
    tree = html_tree(page.encode())
    rows = {
        row.xpath("string(th)").strip(): [c.text_content().strip() for c in row.xpath("td")]
        for row in tree.xpath("//table//tbody/tr")
    }
    assert rows["RIEC Oost-Nederland"][:2] == ["RIEC", "RIEC ON"]
    assert rows["RIEC-ON"][:2] == ["—", "—"]
    headers = [th.text_content().strip() for th in tree.xpath("//table/thead//th")]
    uses = dict(zip(headers[3:], rows["RIEC-ON"][2:], strict=False))
    assert uses["Prioriteiten"] == "1" and uses["Acties"] == "1"
    assert "Samenvoegen" in page
    # a partner reads it; the edit and merge links are the coordinator's
    partner = client_for("partner.steenwijkerland").get(_register()).content.decode()
    assert "RIEC Oost-Nederland" in partner and "Samenvoegen" not in partner


def test_the_coordinator_sets_a_type_and_aliases_on_the_page():
    _priority, _action, long, _short = _merge_setup()
    response = client_for("coordinator.steenwijkerland").post(
        f"{_register()}{long.pk}/",
        {"organisation_type": "riec", "aliases": "RIEC ON-Nederland\r\n\r\nriec oost"},
    )
    assert response.status_code == 302
    long.refresh_from_db()
    assert long.organisation_type == "riec"
    assert sorted(long.aliases.values_list("name", flat=True)) == ["RIEC ON-Nederland", "riec oost"]


def test_a_party_the_municipality_does_not_use_is_not_on_its_register():
    elsewhere = Party.objects.create(name="Alleen elders")
    response = client_for("coordinator.steenwijkerland").get(f"{_register()}{elsewhere.pk}/")
    assert response.status_code == 404


def test_the_api_lists_an_actions_parties_in_order():
    action = Action.objects.filter(theme__action_plan__municipality__code="GM1708").first()
    party_services.set_parties(action, party_services.parties_as_written(IN_ORDER))
    response = client_for("coordinator.steenwijkerland").get(f"/api/v1/acties/{action.pk}/")
    assert response.status_code == 200, response.content[:300]
    assert json.loads(response.content)["parties"] == IN_ORDER
