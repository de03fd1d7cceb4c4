from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext_lazy

from ivp.common.forms import AccessibleBoundField, AccessibleForm

from .models import Invitation, Role


class LoginForm(auth_forms.AuthenticationForm):
    bound_field_class = AccessibleBoundField


# The rules AUTH_PASSWORD_VALIDATORS enforce, as one sentence (Django's own help is HTML).
PASSWORD_RULES = gettext_lazy(
    "At least 8 characters, not only digits, not a commonly used password and not like your "
    "username or e-mail address."
)

# Django 5.2's own Dutch catalogue lacks MinimumLengthValidator's message (its placeholder
# changed to %d), so it would show in English; naming it here puts it in ivp's catalogue.
MINIMUM_LENGTH_MESSAGE = ngettext_lazy(
    "This password is too short. It must contain at least %d character.",
    "This password is too short. It must contain at least %d characters.",
    "min_length",
)


# Django's password forms check every AUTH_PASSWORD_VALIDATORS rule and show its Dutch message.
class SetPasswordForm(auth_forms.SetPasswordForm):
    bound_field_class = AccessibleBoundField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].help_text = PASSWORD_RULES


class PasswordChangeForm(auth_forms.PasswordChangeForm, SetPasswordForm):
    pass


class PasswordResetForm(auth_forms.PasswordResetForm):
    bound_field_class = AccessibleBoundField


INVITABLE_ROLES = [(Role.KETENPARTNER, Role.KETENPARTNER.label), (Role.VIEWER, Role.VIEWER.label)]


class InvitationForm(AccessibleForm):
    email = forms.EmailField(label=gettext_lazy("E-mail address"), max_length=254)
    role = forms.ChoiceField(
        label=gettext_lazy("Role"), choices=INVITABLE_ROLES, widget=forms.RadioSelect
    )
    organisation = forms.CharField(
        label=gettext_lazy("Organisation"),
        max_length=150,
        required=False,
        help_text=gettext_lazy(
            "Required for a partner: the organisation they report for, e.g. Politie basisteam."
        ),
    )

    def __init__(self, *args, municipality, **kwargs):
        self.municipality = municipality
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if Invitation.objects.open().filter(municipality=self.municipality, email=email).exists():
            raise forms.ValidationError(
                _("This address already has an open invitation for this municipality.")
            )
        return email

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("role") == Role.KETENPARTNER and not cleaned.get("organisation", "").strip():
            self.add_error("organisation", _("Name the organisation the partner reports for."))
        if cleaned.get("role") == Role.VIEWER:
            cleaned["organisation"] = ""
        return cleaned


class AcceptInvitationForm(AccessibleForm):
    """A new account for an invitee: a username and a password that passes the validators."""

    username = forms.CharField(
        label=gettext_lazy("Username"),
        max_length=150,
        validators=[get_user_model().username_validator],
        help_text=gettext_lazy("Letters, digits and . @ + - _ only, e.g. j.jansen."),
    )
    password1 = forms.CharField(
        label=gettext_lazy("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=PASSWORD_RULES,
    )
    password2 = forms.CharField(
        label=gettext_lazy("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs):
        self.email = email
        super().__init__(*args, **kwargs)

    def clean_username(self):
        username = self.cleaned_data["username"]
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("This username is taken; choose another."))
        return username

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords differ."))
        elif password1:
            candidate = get_user_model()(username=cleaned.get("username", ""), email=self.email)
            try:
                password_validation.validate_password(password1, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class ApiKeyForm(AccessibleForm):
    name = forms.CharField(
        label=gettext_lazy("Name of the key"),
        max_length=100,
        help_text=gettext_lazy("What you use it for, e.g. “progress script police”."),
    )


class NotificationSettingsForm(AccessibleForm):
    weekly_digest = forms.BooleanField(
        label=gettext_lazy("Weekly summary by e-mail"),
        required=False,
        help_text=gettext_lazy(
            "Once a week (Monday morning unless the administrator chose otherwise): per "
            "municipality the new reports and comments of the past week and the actions that "
            "wait for an update."
        ),
    )
