from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from ivp.common.access import login_required, post_only, public
from ivp.regions.lookups import for_municipality

from .audit import audit_trail
from .forms import (
    LoginForm,
    NotificationSettingsForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)
from .middleware import SESSION_KEY
from .models import wants_weekly_digest, weekly_digest_choose
from .selectors import memberships_of, municipalities_for

login = public(
    auth_views.LoginView.as_view(
        template_name="accounts/login.html",
        authentication_form=LoginForm,
        extra_context={"oidc_enabled": settings.IVP_OIDC_ENABLED},
    )
)
logout = public(auth_views.LogoutView.as_view())

# Password change (logged in) and reset by e-mail: Django's views with Dutch pages and mail.
password_change = login_required(
    auth_views.PasswordChangeView.as_view(
        template_name="accounts/password_form.html",
        form_class=PasswordChangeForm,
        success_url=reverse_lazy("accounts:password_change_done"),
        extra_context={"title": _("Change password")},
    )
)
password_change_done = login_required(
    auth_views.PasswordChangeDoneView.as_view(template_name="accounts/password_change_done.html")
)
password_reset = public(
    auth_views.PasswordResetView.as_view(
        template_name="accounts/password_reset.html",
        form_class=PasswordResetForm,
        email_template_name="accounts/password_reset_email.txt",
        subject_template_name="accounts/password_reset_subject.txt",
        success_url=reverse_lazy("accounts:password_reset_done"),
        extra_email_context={
            "site": settings.IVP_SITE_URL.rstrip("/"),
            "timeout_hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
        },
    )
)
password_reset_done = public(
    auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html")
)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    def form_valid(self, form):
        # Whoever reads the account's e-mail may log in again at once: lift a lockout.
        axes_reset(username=form.user.get_username())
        return super().form_valid(form)


password_reset_confirm = public(
    PasswordResetConfirmView.as_view(
        template_name="accounts/password_form.html",
        form_class=SetPasswordForm,
        success_url=reverse_lazy("accounts:password_reset_complete"),
        extra_context={"title": _("Choose a new password")},
    )
)
password_reset_complete = public(
    auth_views.PasswordResetCompleteView.as_view(
        template_name="accounts/password_reset_complete.html"
    )
)


@login_required
def profile(request):
    """The account page; its form (POST) turns the weekly summary by e-mail on or off."""
    posted = request.POST if request.method == "POST" else None  # unticked: nothing posted
    form = NotificationSettingsForm(
        posted, initial={"weekly_digest": wants_weekly_digest(request.user)}
    )
    if form.is_valid():
        weekly_digest_choose(user=request.user, wanted=form.cleaned_data["weekly_digest"])
        messages.success(request, _("Your e-mail settings are saved."))
        return HttpResponseRedirect(reverse("accounts:profile"))
    return render(
        request,
        "accounts/profile.html",
        {
            "memberships": memberships_of(request.user),
            "is_beheerder": request.user.is_superuser,
            "notification_form": form,
        },
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


@for_municipality("accounts.view_audit")
def audit(request, municipality):
    return render(
        request,
        "accounts/audit.html",
        {"municipality": municipality, "entries": audit_trail(municipality)},
    )


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer once a username and address hit IVP_LOGIN_FAILURE_LIMIT."""
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    return render(request, "accounts/locked_out.html", context, status=429)
