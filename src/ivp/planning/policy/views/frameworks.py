"""A municipality's frameworks (kaders): the national and regional ones it answers to, and its
own (coalition agreement, policies), which its coordinator adds, edits and orders."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ivp.common.form_saving import save_and_go
from ivp.planning.policy.forms import FrameworkForm
from ivp.planning.policy.frameworks_available import frameworks_available
from ivp.planning.policy.models import Framework
from ivp.planning.policy.services.frameworks import framework_save
from ivp.regions.lookups import for_municipality

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
    initial = {"level": Framework.Level.LOKAAL}
    if item:
        initial = {name: getattr(item, name) for name in FIELDS}
        initial["themes"] = list(item.themes.all())
    form = FrameworkForm(request.POST or None, initial=initial)
    went = save_and_go(
        request,
        form,
        lambda: framework_save(municipality=municipality, framework=item, **form.cleaned_data),
        done=lambda saved: (
            _("Framework “%s” saved.") % saved.name,
            reverse("planning:frameworks", args=[municipality.code]),
        ),
    )
    return went or render(
        request,
        "planning/framework_form.html",
        {"municipality": municipality, "framework": item, "form": form},
    )
