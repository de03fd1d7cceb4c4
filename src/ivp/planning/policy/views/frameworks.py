"""Frameworks (kaders): a municipality's page lists the national and regional ones it answers
to and its own (coalition agreement, policies), which its coordinator adds, edits and orders; a
region's page the same for the region's own (kept by its regiocoördinator)."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ivp.common.form_saving import save_and_go
from ivp.planning.policy.forms import FrameworkForm
from ivp.planning.policy.frameworks_available import frameworks_available, frameworks_of_region
from ivp.planning.policy.models import Framework
from ivp.planning.policy.services.frameworks import framework_save
from ivp.regions.lookups import for_municipality, for_region

FIELDS = ("name", "level", "issuer", "start_year", "end_year", "order", "description")


@for_municipality("planning.view_cycle")
def frameworks_page(request, municipality):
    frameworks = (
        frameworks_available(municipality).select_related("region").prefetch_related("themes")
    )
    return render(
        request,
        "planning/frameworks.html",
        {
            "municipality": municipality,
            "frameworks": frameworks,
            "may_change": request.user.has_perm("planning.change_cycle", municipality),
            "current_step": "veiligheidsplan",
        },
    )


@for_municipality("planning.change_cycle")
def framework_edit(request, municipality, framework=None):
    """Only the municipality's own frameworks are edited here; shared ones are data."""
    item = (
        get_object_or_404(Framework, pk=framework, municipality=municipality) if framework else None
    )
    back = reverse("planning:frameworks", args=[municipality.code])
    return _edit(request, item, {"municipality": municipality}, back, Framework.Level.LOKAAL)


@for_region("planning.view_shared_priorities")
def region_frameworks_page(request, region):
    frameworks = frameworks_of_region(region)
    return render(
        request,
        "planning/region_frameworks.html",
        {
            "region": region,
            "frameworks": frameworks,
            "may_change": request.user.has_perm("planning.change_shared_priorities", region),
        },
    )


@for_region("planning.change_shared_priorities")
def region_framework_edit(request, region, region_framework=None):
    """A framework of the region's own: every member's plans are offered it."""
    item = (
        get_object_or_404(Framework, pk=region_framework, region=region, municipality=None)
        if region_framework
        else None
    )
    back = reverse("planning:region_frameworks", args=[region.code])
    return _edit(request, item, {"region": region}, back, Framework.Level.REGIONAAL)


def _edit(request, item, owner: dict, back: str, level: str):
    initial = {"level": level}
    if item:
        initial = {name: getattr(item, name) for name in FIELDS}
        initial["themes"] = list(item.themes.all())
    form = FrameworkForm(request.POST or None, initial=initial)
    went = save_and_go(
        request,
        form,
        lambda: framework_save(**owner, framework=item, **form.cleaned_data),
        done=lambda saved: (_("Framework “%s” saved.") % saved.name, back),
    )
    return went or render(
        request,
        "planning/framework_form.html",
        {
            **owner,
            "owner": next(iter(owner.values())),
            "framework": item,
            "form": form,
            "back": back,
        },
    )
