"""What the import tests share: a way to start without figures, and the counts that prove
nothing was written."""

import pytest

from ivp.figures.models import Indicator, Observation, Source
from ivp.figures.services import IMPORT_KIND
from ivp.regions.models import ImportRun


def counts() -> tuple[int, int, int, int]:
    """Observations, sources, indicators and import records: unchanged after a refusal."""
    return (
        Observation.objects.count(),
        Source.objects.count(),
        Indicator.objects.count(),
        ImportRun.objects.count(),
    )


@pytest.fixture
def no_figures(db):
    """Start from an empty figures store (the session database holds the demo figures); the
    test's transaction is rolled back afterwards."""
    Observation.objects.all().delete()
    Source.objects.all().delete()
    Indicator.objects.all().delete()
    ImportRun.objects.filter(kind=IMPORT_KIND).delete()
