from django.contrib.auth.forms import AuthenticationForm

from ivp.common.forms import AccessibleBoundField


class LoginForm(AuthenticationForm):
    bound_field_class = AccessibleBoundField
