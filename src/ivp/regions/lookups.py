"""The municipality or region an address names, found once and handed to the view together
with the permission check: `@for_municipality(perm)` gives the view `municipality` for
`<gm:code>`, `@for_region(perm)` gives it `region` for `<slug:region>`."""

from django.shortcuts import get_object_or_404

from ivp.common.access import with_object

from . import selectors
from .models import Municipality, Region


def municipality_named(code: str) -> Municipality:
    return get_object_or_404(selectors.municipalities(), code=code.upper())


def region_named(region: str) -> Region:
    return get_object_or_404(selectors.regions(), code=region)


def for_municipality(perm: str | None = None):
    return with_object("municipality", municipality_named, perm)


def for_region(perm: str | None = None):
    return with_object("region", region_named, perm)
