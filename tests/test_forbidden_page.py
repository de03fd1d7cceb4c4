"""The 403 page says why a person may not: not logged in (log in and come back), or which
roles may do this; and it leads back to where they came from.

Role names are compared with their translation: the Dutch words come with the catalogue."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.utils.translation import gettext as _
from lxml import html

from ivp.planning.models import Action
from ivp.web.errors import forbidden
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

PLAN = "/gemeenten/GM1708/uitvoeringsplan/2026/"


def _links(page) -> dict[str, str]:
    tree = html.fromstring(page.content)
    return {a.text_content().strip(): a.get("href") for a in tree.xpath("//main//a[@href]")}


def test_a_partner_refused_an_edit_reads_who_may_and_finds_the_way_back():
    action = Action.objects.get(
        theme__action_plan__municipality__code="GM1708", item="Jaarwisseling"
    )
    page = client_for("partner.steenwijkerland").get(
        f"{PLAN}acties/{action.pk}/", HTTP_REFERER=f"http://testserver{PLAN}"
    )
    assert page.status_code == 403
    text = " ".join(html.fromstring(page.content).xpath("//main")[0].text_content().split())
    assert "partner.steenwijkerland" in text
    assert _("the municipality's coordinator OOV") in text
    assert _("the administrator (beheerder)") in text
    assert _("a partner organisation that is a party to the action") not in text
    links = _links(page)
    assert links[_("Back to the previous page")] == f"http://testserver{PLAN}"
    assert links[_("To the start page")] == "/"


def test_a_refused_progress_report_names_the_partner_of_the_action_too():
    action = Action.objects.get(
        theme__action_plan__municipality__code="GM1708", item="Borging Bibob-proces"
    )  # Gemeente only
    page = client_for("partner.steenwijkerland").get(f"{PLAN}acties/{action.pk}/voortgang/")
    assert page.status_code == 403
    assert _("a partner organisation that is a party to the action") in page.content.decode()


def test_a_link_from_another_site_is_no_way_back():
    action = Action.objects.get(
        theme__action_plan__municipality__code="GM1708", item="Jaarwisseling"
    )
    page = client_for("partner.steenwijkerland").get(
        f"{PLAN}acties/{action.pk}/", HTTP_REFERER="https://elders.example/pagina"
    )
    assert page.status_code == 403
    assert _("Back to the previous page") not in _links(page)
    assert "elders.example" not in page.content.decode()


def test_a_visitor_not_logged_in_is_asked_to_log_in_and_come_back():
    request = RequestFactory().get(f"{PLAN}controle/?x=1")
    request.user = AnonymousUser()
    page = forbidden(request)
    assert page.status_code == 403
    login = html.fromstring(page.content).xpath("//main//a[@href]")[0].get("href")
    parts = urlsplit(login)
    assert parts.path == "/inloggen/"
    assert parse_qs(parts.query)["next"] == [f"{PLAN}controle/?x=1"]
