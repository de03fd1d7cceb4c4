"""An action's comment thread: the coordinator and the partners of its parties talk about the
work on its progress page; nobody else reads or writes there, and every comment is in the
municipality's audit trail under the organisation, never the person's user name."""

import pytest
from django.core.exceptions import ValidationError

from ivp.planning.execution.models import COMMENT_LENGTH, ActionComment
from ivp.planning.execution.services.comments import comment_post
from tests.conftest import client_for
from tests.conftest import steenwijkerland_action as _action
from tests.conftest import user_named_now as _user

pytestmark = pytest.mark.django_db

PLAN = "/gemeenten/GM1708/uitvoeringsplan/2026/"


def test_the_partner_asks_and_the_coordinator_answers_in_the_thread():
    action = _action("Toezicht en handhaving")  # Politie
    partner = client_for("partner.steenwijkerland")
    asked = partner.post(f"{PLAN}acties/{action.pk}/reacties/", {"text": "Extra controle in mei?"})
    assert asked.status_code == 302
    assert asked["Location"].endswith(f"{PLAN}acties/{action.pk}/voortgang/#reacties")
    coordinator = client_for("coordinator.steenwijkerland")
    page = coordinator.get(f"{PLAN}acties/{action.pk}/voortgang/").content.decode()
    assert "Extra controle in mei?" in page
    assert "partner.steenwijkerland" not in page  # the organisation speaks, not the person
    coordinator.post(f"{PLAN}acties/{action.pk}/reacties/", {"text": "Ja, graag in week 20."})
    answer = partner.get(f"{PLAN}acties/{action.pk}/voortgang/").content.decode()
    assert answer.index("Extra controle in mei?") < answer.index("Ja, graag in week 20.")
    assert "Gemeente Steenwijkerland" in answer
    assert action.comments.values_list("organisation", flat=True).first() == "Politie"


@pytest.mark.parametrize(
    ("username", "item"),
    [
        ("partner.steenwijkerland", "Borging Bibob-proces"),  # not a party to it
        ("partner.westerveld", "Toezicht en handhaving"),  # the police of another municipality
        ("raad.westerveld", "Toezicht en handhaving"),
    ],
)
def test_who_is_not_on_the_action_neither_reads_nor_posts_comments(username, item):
    action = _action(item)
    comment_post(action=action, user=_user("coordinator.steenwijkerland"), text="Alleen intern.")
    client = client_for(username)
    before = ActionComment.objects.count()
    posted = client.post(f"{PLAN}acties/{action.pk}/reacties/", {"text": "Mag ik meepraten?"})
    assert posted.status_code in (403, 404)
    assert ActionComment.objects.count() == before
    page = client.get(f"{PLAN}acties/{action.pk}/voortgang/")
    assert page.status_code in (403, 404)
    assert "Alleen intern." not in page.content.decode()


def test_an_anonymous_visitor_is_sent_to_log_in():
    action = _action("Toezicht en handhaving")
    response = client_for(None).post(f"{PLAN}acties/{action.pk}/reacties/", {"text": "Hallo"})
    assert response.status_code == 302 and "/inloggen/" in response["Location"]
    assert not action.comments.exists()


def test_an_empty_or_overlong_comment_is_refused_in_dutch():
    action = _action("Toezicht en handhaving")
    coordinator = _user("coordinator.steenwijkerland")
    with pytest.raises(ValidationError):
        comment_post(action=action, user=coordinator, text="   ")
    with pytest.raises(ValidationError):
        comment_post(action=action, user=coordinator, text="x" * (COMMENT_LENGTH + 1))
    # a browser's CRLF counts as one character per line break
    kept = comment_post(action=action, user=coordinator, text="ab\r\n" * (COMMENT_LENGTH // 3))
    assert "\r" not in kept.text
    client = client_for("coordinator.steenwijkerland")
    response = client.post(f"{PLAN}acties/{action.pk}/reacties/", {"text": ""}, follow=True)
    assert action.comments.count() == 1
    assert "Schrijf" in response.content.decode() or "Write a comment" in response.content.decode()


def test_a_comment_is_in_the_municipalitys_audit_trail():
    action = _action("Toezicht en handhaving")
    comment_post(action=action, user=_user("partner.steenwijkerland"), text="Controle gedaan.")
    trail = client_for("coordinator.steenwijkerland").get("/gemeenten/GM1708/audit/")
    assert "Controle gedaan." in trail.content.decode()
    other = client_for("coordinator.westerveld").get("/gemeenten/GM1701/audit/")
    assert "Controle gedaan." not in other.content.decode()
