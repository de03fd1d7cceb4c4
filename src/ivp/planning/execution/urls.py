"""Addresses of the uitvoeringsplan: its actions, progress, dashboard and look-backs."""

from django.urls import path

from ivp.planning.execution.views import action_plans, comments, dashboard, progress, removal
from ivp.planning.workflow.removal_views import part_paths

U = "gemeenten/<gm:code>/uitvoeringsplan/<plan:address>/"
THEME = U + "thema/<int:theme>/"
ACTION = U + "acties/<int:action>/"

urlpatterns = [
    path("gemeenten/<gm:code>/uitvoeringsplan/", action_plans.action_plans, name="action_plans"),
    path(U, action_plans.action_plan_detail, name="action_plan"),
    path(U + "filter/", action_plans.action_list_filter, name="action_list_filter"),
    path(U + "acties/nieuw/", action_plans.action_edit, name="action_create"),
    path(U + "acties/<int:action>/", action_plans.action_edit, name="action_edit"),
    path(U + "acties/<int:action>/voortgang/", progress.action_progress, name="action_progress"),
    path(ACTION + "reacties/", comments.action_comment, name="action_comment"),
    path("gemeenten/<gm:code>/nieuws/gezien/", comments.news_seen, name="news_seen"),
    *part_paths(ACTION, "action", removal.action_views),
    path(
        ACTION + "voortgang/<int:update>/verwijderen/",
        removal.progress_remove,
        name="progress_remove",
    ),
    *part_paths(THEME, "theme", removal.theme_views),
    path(U + "voortgang-uploaden/", progress.progress_upload, name="progress_upload"),
    path(U + "dashboard/", dashboard.dashboard_page, name="dashboard"),
    path(U + "dashboard/instellingen/", dashboard.dashboard_settings, name="dashboard_settings"),
    path(
        "gemeenten/<gm:code>/dashboard/",
        dashboard.municipality_dashboard,
        name="municipality_dashboard",
    ),
    path(U + "thema/<int:theme>/terugblik/", action_plans.theme_lookback, name="theme_lookback"),
    path(U + "controle/", action_plans.action_plan_lint, name="action_plan_lint"),
    path(U + "stilgevallen/", progress.stale_list, name="stale_actions"),
    path(U + "vaststellen/", action_plans.action_plan_adopt, name="action_plan_adopt"),
    path(
        U + "nieuwe-versie/", action_plans.action_plan_new_version, name="action_plan_new_version"
    ),
    path(U + "volgend-jaar/", action_plans.action_plan_next_year, name="action_plan_next_year"),
    path(
        U + "export.<str:table_format>",
        action_plans.action_plan_download,
        name="action_plan_download",
    ),
]
