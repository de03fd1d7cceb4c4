"""A user's own API keys: make one (shown once) and revoke one, under My account; and for the
administrator every user's keys, any of which it may revoke."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from ivp.common.access import login_required, permission_required, post_only

from .api_keys import api_key_create, api_key_revoke
from .forms import ApiKeyForm
from .selectors import all_api_keys, api_keys_of


@login_required
def api_keys(request):
    form = ApiKeyForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        try:
            _api_key, new_key = api_key_create(user=request.user, name=form.cleaned_data["name"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            form = ApiKeyForm()  # the page answers the POST itself: the key is shown only now
    return render(
        request,
        "accounts/api_keys.html",
        {"form": form, "keys": api_keys_of(request.user), "new_key": new_key},
    )


@login_required
@post_only
def api_key_revoke_view(request, key):
    return _revoke(
        request, get_object_or_404(api_keys_of(request.user), pk=key), "accounts:api_keys"
    )


@permission_required("accounts.manage_api_keys")
def api_keys_all(request):
    return render(request, "accounts/api_keys_all.html", {"keys": all_api_keys()})


@permission_required("accounts.manage_api_keys")
@post_only
def api_key_revoke_any(request, key):
    return _revoke(request, get_object_or_404(all_api_keys(), pk=key), "accounts:api_keys_all")


def _revoke(request, api_key, done: str):
    try:
        api_key_revoke(api_key=api_key, by=request.user)
        done_message = (
            _("The key “%(name)s” is revoked; it no longer works.")
            if api_key.user == request.user
            else _("The key “%(name)s” of %(user)s is revoked; it no longer works.")
        )
        messages.success(
            request, done_message % {"name": api_key.name, "user": api_key.user.get_username()}
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(done)
