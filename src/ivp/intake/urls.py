from django.urls import path

from . import views

app_name = "intake"
IMPORT = "gemeenten/<gm:code>/veiligheidsplan/importeren/"
ACTIONS = "gemeenten/<gm:code>/uitvoeringsplan/importeren/"
urlpatterns = [
    path(IMPORT, views.plan_import_start, name="plan_import_start"),
    path(IMPORT + "<int:pk>/", views.plan_import, name="plan_import"),
    path(IMPORT + "<int:pk>/status/", views.plan_import_status, name="plan_import_status"),
    path(IMPORT + "<int:pk>/opnieuw/", views.plan_import_retry, name="plan_import_retry"),
    path(ACTIONS, views.actions_import_start, name="actions_import_start"),
    path(ACTIONS + "<int:reading>/", views.actions_import, name="actions_import"),
    path(
        ACTIONS + "<int:reading>/status/", views.actions_import_status, name="actions_import_status"
    ),
    path(
        ACTIONS + "<int:reading>/opnieuw/", views.actions_import_retry, name="actions_import_retry"
    ),
]
