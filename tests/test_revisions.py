"""Inside one transaction: what a write there changed is never read from, nor kept in, the
cache, since no other transaction sees that data yet; a rolled-back write leaves the kept
pictures valid."""

import pytest
from django.db import transaction

from ivp.common import revisions
from ivp.figures import safety_picture
from ivp.figures.models import Indicator


class Counting:
    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return {"picture": self.calls}


@pytest.mark.django_db
def test_a_picture_is_computed_once_while_its_inputs_stay_the_same():
    compute = Counting()
    first = revisions.cached("test", (revisions.FIGURES,), ("GM1701",), compute)
    again = revisions.cached("test", (revisions.FIGURES,), ("GM1701",), compute)
    other = revisions.cached("test", (revisions.FIGURES,), ("GM1708",), compute)
    assert first == again == {"picture": 1}
    assert other == {"picture": 2}


@pytest.mark.django_db
def test_after_a_write_in_this_transaction_pictures_are_computed_and_not_kept():
    compute = Counting()
    revisions.cached("test", (revisions.FIGURES,), (), compute)
    revisions.bump(revisions.FIGURES)
    assert revisions.cached("test", (revisions.FIGURES,), (), compute) == {"picture": 2}
    assert revisions.cached("test", (revisions.FIGURES,), (), compute) == {"picture": 3}
    # Another input than the one written is still kept.
    assert revisions.cached("test", (revisions.PLANS,), (), compute) == {"picture": 4}
    assert revisions.cached("test", (revisions.PLANS,), (), compute) == {"picture": 4}


@pytest.mark.django_db
def test_a_rolled_back_write_leaves_the_kept_picture_in_use():
    compute = Counting()
    revisions.cached("test", (revisions.FIGURES,), (), compute)
    with pytest.raises(RuntimeError), transaction.atomic():
        revisions.bump(revisions.FIGURES)
        raise RuntimeError
    assert revisions.cached("test", (revisions.FIGURES,), (), compute) == {"picture": 1}


def _indicator_names(municipality) -> set[str]:
    return {item.indicator.name for item in safety_picture.build(municipality).indicators}


@pytest.mark.django_db
def test_a_save_through_the_models_changes_the_veiligheidsbeeld_a_bare_update_does_not(
    westerveld,
):
    before = _indicator_names(westerveld)
    assert "Geregistreerde misdrijven, totaal" in before
    total = Indicator.objects.get(code="misdrijven-totaal")
    Indicator.objects.filter(pk=total.pk).update(name="Alle misdrijven")  # sends no signal
    assert _indicator_names(westerveld) == before  # the kept picture
    total.refresh_from_db()
    total.name = "Misdrijven, alle soorten"
    total.save()
    assert "Misdrijven, alle soorten" in _indicator_names(westerveld)
