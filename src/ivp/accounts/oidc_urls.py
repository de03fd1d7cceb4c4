"""The single sign-on addresses, included only when IVP_OIDC_ENABLED=1 (the library reads the
OIDC settings on import). They keep the library's names, which it reverses itself."""

from django.urls import path
from mozilla_django_oidc import views

from ivp.common.access import public

urlpatterns = [
    path(
        "", public(views.OIDCAuthenticationRequestView.as_view()), name="oidc_authentication_init"
    ),
    path(
        "terug/",
        public(views.OIDCAuthenticationCallbackView.as_view()),
        name="oidc_authentication_callback",
    ),
]
