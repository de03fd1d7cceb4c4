from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from ivp.accounts import views as account_views
from ivp.web import errors

admin.site.site_header = _("ivp administration")
admin.site.site_title = _("ivp administration")

urlpatterns = [
    path("inloggen/", account_views.login, name="login"),
    path("uitloggen/", account_views.logout, name="logout"),
    path("beheer/django/", admin.site.urls),
    path("api/", include("ivp.api.urls")),
    path("", include("ivp.accounts.urls")),
    path("", include("ivp.taxonomy.urls")),
    path("", include("ivp.regions.urls")),
    path("", include("ivp.figures.urls")),
    path("", include("ivp.planning.urls")),
    path("", include("ivp.reports.urls")),
    path("", include("ivp.intake.urls")),
    path("", include("ivp.web.urls")),
]

handler403 = errors.forbidden
handler404 = errors.not_found
handler500 = errors.server_error

if settings.IVP_OIDC_ENABLED:
    urlpatterns.insert(2, path("inloggen/sso/", include("ivp.accounts.oidc_urls")))
