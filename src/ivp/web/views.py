from django.http import Http404
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils import timezone

from ivp.accounts.middleware import remember_active_municipality
from ivp.common.access import public
from ivp.planning.execution.news import news_since_last_visit
from ivp.regions.lookups import for_municipality

from . import landing
from .cycle import STEPS, STEPS_BY_SLUG

NEWS_ON_LANDING = 5  # the rest is counted; each item links to its action


@public
def favicon(request):
    """Browsers ask for /favicon.ico on every site whatever the page links: send them to ours."""
    return redirect(static("web/favicon.svg"), permanent=True)


@public
def home(request):
    return render(request, "web/home.html", {"steps": STEPS})


@public
def start(request):
    """After logging in: each role lands on its own work (`landing.landing_url`)."""
    return redirect(landing.landing_url(request.user, request.active_municipality))


@for_municipality("regions.view_workspace")
def cycle_step(request, municipality, step):
    if step not in STEPS_BY_SLUG:
        raise Http404
    remember_active_municipality(request, municipality)
    return render(
        request,
        "web/cycle_step.html",
        {
            "municipality": municipality,
            "step": STEPS_BY_SLUG[step],
            "state": next(
                s
                for s in landing.overview(municipality, request.user, timezone.localdate()).steps
                if s.step.slug == step
            ),
            "steps": STEPS,
            "current_step": step,
            "may_import_own": request.user.has_perm("figures.import_own_figures", municipality),
        },
    )


@for_municipality("regions.view_workspace")
def workspace(request, municipality):
    remember_active_municipality(request, municipality)
    return render(
        request,
        "web/workspace.html",
        {
            "municipality": municipality,
            "overview": landing.overview(municipality, request.user, timezone.localdate()),
            "news": news_since_last_visit(request.user, municipality, limit=NEWS_ON_LANDING),
            "may_change": request.user.has_perm("planning.change_cycle", municipality),
            "may_view_audit": request.user.has_perm("accounts.view_audit", municipality),
            "may_manage_members": request.user.has_perm("accounts.manage_members", municipality),
        },
    )
