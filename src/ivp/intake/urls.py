from django.urls import path

from . import views

app_name = "intake"
IMPORT = "gemeenten/<gm:code>/veiligheidsplan/importeren/"
urlpatterns = [
    path(IMPORT, views.plan_import_start, name="plan_import_start"),
    path(IMPORT + "<int:pk>/", views.plan_import, name="plan_import"),
    path(IMPORT + "<int:pk>/status/", views.plan_import_status, name="plan_import_status"),
    path(IMPORT + "<int:pk>/opnieuw/", views.plan_import_retry, name="plan_import_retry"),
]
