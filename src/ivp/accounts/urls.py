from django.urls import path

from . import api_key_views, member_views, views

app_name = "accounts"

urlpatterns = [
    path("account/", views.profile, name="profile"),
    path("account/gemeente-kiezen/", views.switch_municipality, name="switch_municipality"),
    path("account/api-sleutels/", api_key_views.api_keys, name="api_keys"),
    path(
        "account/api-sleutels/<int:key>/intrekken/",
        api_key_views.api_key_revoke_view,
        name="api_key_revoke",
    ),
    path("beheer/api-sleutels/", api_key_views.api_keys_all, name="api_keys_all"),
    path(
        "beheer/api-sleutels/<int:key>/intrekken/",
        api_key_views.api_key_revoke_any,
        name="api_key_revoke_any",
    ),
    path("gemeenten/<gm:code>/audit/", views.audit, name="audit"),
    path("wachtwoord/wijzigen/", views.password_change, name="password_change"),
    path("wachtwoord/gewijzigd/", views.password_change_done, name="password_change_done"),
    path("wachtwoord/vergeten/", views.password_reset, name="password_reset"),
    path("wachtwoord/vergeten/verstuurd/", views.password_reset_done, name="password_reset_done"),
    path(
        "wachtwoord/nieuw/<uidb64>/<token>/",
        views.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path("wachtwoord/nieuw/klaar/", views.password_reset_complete, name="password_reset_complete"),
    path("gemeenten/<gm:code>/gebruikers/", member_views.members, name="members"),
    path(
        "gemeenten/<gm:code>/gebruikers/uitnodiging/<int:invitation>/intrekken/",
        member_views.invitation_withdraw,
        name="invitation_withdraw",
    ),
    path(
        "gemeenten/<gm:code>/gebruikers/<int:membership>/beeindigen/",
        member_views.membership_end,
        name="membership_end",
    ),
    path("uitnodiging/<str:token>/", member_views.invitation_accept, name="invitation_accept"),
]
