from django.contrib.auth import views as auth_views
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from ivp.common.access import login_required, permission_required, post_only, public
from ivp.regions.selectors import municipality_from_code

from .audit import audit_trail
from .forms import LoginForm
from .middleware import SESSION_KEY
from .selectors import memberships_of, municipalities_for

login = public(
    auth_views.LoginView.as_view(template_name="accounts/login.html", authentication_form=LoginForm)
)
logout = public(auth_views.LogoutView.as_view())


@login_required
def profile(request):
    return render(
        request,
        "accounts/profile.html",
        {"memberships": memberships_of(request.user), "is_beheerder": request.user.is_superuser},
    )


@login_required
@post_only
def switch_municipality(request):
    municipality = get_object_or_404(
        municipalities_for(request.user), code=request.POST.get("code", "").upper()
    )
    request.session[SESSION_KEY] = municipality.code
    workspace = reverse("web:workspace", args=[municipality.code])
    target = request.POST.get("next") or workspace
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = workspace
    return HttpResponseRedirect(target)


@permission_required("accounts.view_audit", fn=municipality_from_code)
def audit(request, code):
    municipality = municipality_from_code(request, code)
    return render(
        request,
        "accounts/audit.html",
        {"municipality": municipality, "entries": audit_trail(municipality)},
    )
