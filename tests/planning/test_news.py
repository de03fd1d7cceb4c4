"""Since the last visit: the coordinator sees the partners' reports and comments made after
they last marked their news as seen; a partner sees those on their own actions."""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone

from ivp.planning.execution.news import mark_news_seen, news_since_last_visit
from ivp.planning.execution.services.comments import comment_post
from ivp.planning.execution.services.progress import progress_record
from ivp.regions.models import Municipality
from tests.conftest import client_for
from tests.conftest import steenwijkerland_action as _action
from tests.conftest import user_named_now as _user

pytestmark = pytest.mark.django_db


def _texts(news):
    return [item.text for item in news.items]


@pytest.fixture
def steenwijkerland():
    return Municipality.objects.get(code="GM1708")


def test_a_partner_report_after_the_mark_is_news_and_one_before_it_is_not(steenwijkerland):
    coordinator, partner = _user("coordinator.steenwijkerland"), _user("partner.steenwijkerland")
    action = _action("Toezicht en handhaving")
    progress_record(action=action, status="lopend", note="Voor het bezoek.", user=partner)
    mark_news_seen(coordinator, steenwijkerland)
    progress_record(action=action, status="lopend", note="Na het bezoek.", user=partner)
    news = news_since_last_visit(coordinator, steenwijkerland)
    assert _texts(news) == ["Na het bezoek."]
    assert news.count == 1
    assert news.items[0].organisation == "Politie"
    assert news.items[0].url.endswith(f"/acties/{action.pk}/voortgang/")


def test_news_is_newest_first_limited_and_counted_and_leaves_out_ones_own(steenwijkerland):
    coordinator, partner = _user("coordinator.steenwijkerland"), _user("partner.steenwijkerland")
    action = _action("Toezicht en handhaving")
    mark_news_seen(coordinator, steenwijkerland)
    comment_post(action=action, user=coordinator, text="Mijn eigen vraag.")
    for n in range(3):
        progress_record(action=action, status="lopend", note=f"Melding {n}.", user=partner)
    comment_post(action=action, user=partner, text="Antwoord van de politie.")
    news = news_since_last_visit(coordinator, steenwijkerland, limit=3)
    assert _texts(news) == ["Antwoord van de politie.", "Melding 2.", "Melding 1."]
    assert (news.count, news.more) == (4, 1)
    assert [item.is_report for item in news.items] == [False, True, True]


def test_a_partner_sees_comments_on_its_own_actions_only(steenwijkerland):
    coordinator, partner = _user("coordinator.steenwijkerland"), _user("partner.steenwijkerland")
    mark_news_seen(partner, steenwijkerland)
    comment_post(
        action=_action("Toezicht en handhaving"), user=coordinator, text="Voor de politie."
    )
    comment_post(action=_action("Borging Bibob-proces"), user=coordinator, text="Alleen intern.")
    assert _texts(news_since_last_visit(partner, steenwijkerland)) == ["Voor de politie."]
    # the other municipality's police sees none of it
    westerveld_partner = _user("partner.westerveld")
    assert news_since_last_visit(westerveld_partner, steenwijkerland).count == 0


def test_marking_as_seen_on_the_page_keeps_what_came_while_reading(steenwijkerland):
    coordinator, partner = _user("coordinator.steenwijkerland"), _user("partner.steenwijkerland")
    action = _action("Toezicht en handhaving")
    mark_news_seen(coordinator, steenwijkerland)
    progress_record(action=action, status="lopend", note="Gelezen.", user=partner)
    shown = news_since_last_visit(coordinator, steenwijkerland)
    progress_record(action=action, status="lopend", note="Tijdens het lezen.", user=partner)
    client = client_for("coordinator.steenwijkerland")
    response = client.post(
        "/gemeenten/GM1708/nieuws/gezien/",
        {"tot": timezone.localtime(shown.until).isoformat(), "next": "/gemeenten/GM1708/"},
    )
    assert response.status_code == 302 and response["Location"] == "/gemeenten/GM1708/"
    assert _texts(news_since_last_visit(coordinator, steenwijkerland)) == ["Tijdens het lezen."]
    # another site is never where the button leads
    away = client.post("/gemeenten/GM1708/nieuws/gezien/", {"next": "https://example.org/"})
    assert away["Location"] == "/gemeenten/GM1708/werkruimte/"
    assert news_since_last_visit(coordinator, steenwijkerland).count == 0


def test_the_news_include_names_what_which_action_which_organisation_and_when(steenwijkerland):
    coordinator, partner = _user("coordinator.steenwijkerland"), _user("partner.steenwijkerland")
    action = _action("Toezicht en handhaving")
    mark_news_seen(coordinator, steenwijkerland)
    update = progress_record(
        action=action, status="lopend", percent_done=40, note="Vier controles.", user=partner
    )
    request = RequestFactory().get("/gemeenten/GM1708/")
    request.user = coordinator
    html = render_to_string(
        "planning/_news.html",
        {
            "news": news_since_last_visit(coordinator, steenwijkerland),
            "municipality": steenwijkerland,
        },
        request=request,
    )
    assert f'href="/gemeenten/GM1708/uitvoeringsplan/2026/acties/{action.pk}/voortgang/"' in html
    assert "Toezicht en handhaving" in html and "Politie" in html and "Vier controles." in html
    when = timezone.localtime(update.created_at)
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
              "september", "oktober", "november", "december"]  # fmt: skip
    assert f"{when.day} {months[when.month - 1]} {when.year}" in html
    assert 'action="/gemeenten/GM1708/nieuws/gezien/"' in html


def test_news_costs_a_fixed_number_of_queries(steenwijkerland, django_assert_max_num_queries):
    coordinator, partner = _user("coordinator.steenwijkerland"), _user("partner.steenwijkerland")
    action = _action("Toezicht en handhaving")
    mark_news_seen(coordinator, steenwijkerland)
    for n in range(12):
        progress_record(action=action, status="lopend", note=f"Melding {n}.", user=partner)
        comment_post(action=action, user=partner, text=f"Reactie {n}.")
    with django_assert_max_num_queries(10):
        news = news_since_last_visit(coordinator, steenwijkerland)
        urls = {item.url for item in news.items}
    assert news.count == 24 and len(news.items) == 20 and len(urls) == 2
