from django.urls import path

from . import action_views, dashboard_views, lint_views, progress_views, views

app_name = "planning"

P = "gemeenten/<str:code>/veiligheidsplan/<int:pk>/"
U = "gemeenten/<str:code>/uitvoeringsplan/<int:year>/"

urlpatterns = [
    path("gemeenten/<str:code>/cyclus/", views.cycle_overview, name="cycle"),
    path("gemeenten/<str:code>/cyclus/stap/<slug:kind>/", views.step_edit, name="step_edit"),
    path("gemeenten/<str:code>/cyclus/werkgroep/", views.work_group_add, name="work_group_add"),
    path(
        "gemeenten/<str:code>/cyclus/werkgroep/<int:member>/verwijderen/",
        views.work_group_remove,
        name="work_group_remove",
    ),
    path("gemeenten/<str:code>/prioritering/", views.prioritisation, name="prioritisation"),
    path("gemeenten/<str:code>/veiligheidsplan/", views.plan_page, name="plan"),
    path(P, views.plan_detail, name="plan_detail"),
    path(P + "bewerken/", views.plan_edit, name="plan_edit"),
    path(P + "prioriteiten/nieuw/", views.priority_edit, name="priority_create"),
    path(P + "prioriteiten/<int:priority>/", views.priority_edit, name="priority_edit"),
    path(
        P + "prioriteiten/<int:priority>/doelstellingen/nieuw/",
        views.objective_edit,
        name="objective_create",
    ),
    path(
        P + "prioriteiten/<int:priority>/doelstellingen/<int:objective>/",
        views.objective_edit,
        name="objective_edit",
    ),
    path(P + "regionaal-overnemen/", views.shared_adopt, name="shared_adopt"),
    path(P + "vaststellen/", views.plan_adopt, name="plan_adopt"),
    path(P + "nieuwe-versie/", views.plan_new_version, name="plan_new_version"),
    path(P + "vergelijken/", views.plan_compare, name="plan_compare"),
    path(P + "controle/", lint_views.plan_lint, name="plan_lint"),
    path(P + "export.<str:export_format>", views.plan_download, name="plan_download"),
    path("gemeenten/<str:code>/uitvoeringsplan/", action_views.action_plans, name="action_plans"),
    path(U, action_views.action_plan_detail, name="action_plan"),
    path(U + "acties/nieuw/", action_views.action_edit, name="action_create"),
    path(U + "acties/<int:action>/", action_views.action_edit, name="action_edit"),
    path(
        U + "acties/<int:action>/voortgang/",
        progress_views.action_progress,
        name="action_progress",
    ),
    path(U + "voortgang-uploaden/", progress_views.progress_upload, name="progress_upload"),
    path(U + "dashboard/", dashboard_views.dashboard_page, name="dashboard"),
    path(
        U + "dashboard/instellingen/",
        dashboard_views.dashboard_settings,
        name="dashboard_settings",
    ),
    path(
        "gemeenten/<str:code>/dashboard/",
        dashboard_views.municipality_dashboard,
        name="municipality_dashboard",
    ),
    path(U + "thema/<int:theme>/terugblik/", action_views.theme_lookback, name="theme_lookback"),
    path(U + "controle/", lint_views.action_plan_lint, name="action_plan_lint"),
    path(U + "stilgevallen/", progress_views.stale_list, name="stale_actions"),
    path(U + "vaststellen/", action_views.action_plan_adopt, name="action_plan_adopt"),
    path(
        U + "nieuwe-versie/", action_views.action_plan_new_version, name="action_plan_new_version"
    ),
    path(U + "volgend-jaar/", action_views.action_plan_next_year, name="action_plan_next_year"),
    path(
        U + "export.<str:table_format>",
        action_views.action_plan_download,
        name="action_plan_download",
    ),
    path("regios/<slug:region>/prioriteiten/", views.shared_priorities, name="shared_priorities"),
    path(
        "regios/<slug:region>/prioriteiten/nieuw/",
        views.shared_priority_edit,
        name="shared_priority_create",
    ),
    path(
        "regios/<slug:region>/prioriteiten/<int:shared>/",
        views.shared_priority_edit,
        name="shared_priority_edit",
    ),
    path(
        "regios/<slug:region>/prioriteiten/<int:shared>/doelstellingen/nieuw/",
        views.shared_objective_edit,
        name="shared_objective_create",
    ),
    path(
        "regios/<slug:region>/prioriteiten/<int:shared>/doelstellingen/<int:shared_objective>/",
        views.shared_objective_edit,
        name="shared_objective_edit",
    ),
    path("regios/<slug:region>/naast-elkaar/", views.region_members, name="region_members"),
]
