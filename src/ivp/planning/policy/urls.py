"""Addresses of the policy side: the cycle, prioritisation, the IVP and the region."""

from django.urls import path

from ivp.planning.policy.views import (
    cycle,
    focus,
    frameworks,
    parties,
    plans,
    prioritisation,
    regional,
    removal,
)
from ivp.planning.workflow.removal_views import part_paths

P = "gemeenten/<gm:code>/veiligheidsplan/<int:pk>/"
PRIORITY = P + "prioriteiten/<int:priority>/"
OBJECTIVE = PRIORITY + "doelstellingen/<int:objective>/"
FOCUS_AREA = PRIORITY + "speerpunten/<int:focus_area>/"
LINK = P + "regionale-koppelingen/<int:link>/"
R = "regios/<slug:region>/prioriteiten/"

urlpatterns = [
    path("gemeenten/<gm:code>/cyclus/", cycle.cycle_overview, name="cycle"),
    path("gemeenten/<gm:code>/cyclus/stap/<slug:kind>/", cycle.step_edit, name="step_edit"),
    path("gemeenten/<gm:code>/cyclus/werkgroep/", cycle.work_group_add, name="work_group_add"),
    path(
        "gemeenten/<gm:code>/cyclus/werkgroep/<int:member>/verwijderen/",
        cycle.work_group_remove,
        name="work_group_remove",
    ),
    path(
        "gemeenten/<gm:code>/prioritering/",
        prioritisation.prioritisation,
        name="prioritisation",
    ),
    path(
        "gemeenten/<gm:code>/prioritering/scores/",
        prioritisation.prioritisation_scores,
        name="prioritisation_scores",
    ),
    path(
        "gemeenten/<gm:code>/prioritering/importeren/",
        prioritisation.prioritisation_import,
        name="prioritisation_import",
    ),
    path(
        "gemeenten/<gm:code>/prioritering/keuze/",
        prioritisation.prioritisation_choice,
        name="prioritisation_choice",
    ),
    path("gemeenten/<gm:code>/kaders/", frameworks.frameworks_page, name="frameworks"),
    path("gemeenten/<gm:code>/kaders/nieuw/", frameworks.framework_edit, name="framework_create"),
    path(
        "gemeenten/<gm:code>/kaders/<int:framework>/",
        frameworks.framework_edit,
        name="framework_edit",
    ),
    path("gemeenten/<gm:code>/partijen/", parties.party_register_page, name="parties"),
    path("gemeenten/<gm:code>/partijen/<int:party>/", parties.party_edit, name="party_edit"),
    path(
        "gemeenten/<gm:code>/partijen/<int:party>/samenvoegen/",
        parties.party_merge,
        name="party_merge",
    ),
    path("gemeenten/<gm:code>/veiligheidsplan/", plans.plan_page, name="plan"),
    path(P, plans.plan_detail, name="plan_detail"),
    path(P + "bewerken/", plans.plan_edit, name="plan_edit"),
    path(P + "prioriteiten/nieuw/", plans.priority_edit, name="priority_create"),
    path(P + "prioriteiten/<int:priority>/", plans.priority_edit, name="priority_edit"),
    path(
        P + "prioriteiten/<int:priority>/doelstellingen/nieuw/",
        plans.objective_edit,
        name="objective_create",
    ),
    path(
        P + "prioriteiten/<int:priority>/doelstellingen/<int:objective>/",
        plans.objective_edit,
        name="objective_edit",
    ),
    path(
        P + "prioriteiten/<int:priority>/speerpunten/nieuw/",
        focus.focus_area_edit,
        name="focus_area_create",
    ),
    path(FOCUS_AREA, focus.focus_area_edit, name="focus_area_edit"),
    path(
        P + "prioriteiten/<int:priority>/regionaal/",
        focus.regional_link_edit,
        name="regional_link",
    ),
    *part_paths(LINK, "regional_link", removal.regional_link_views),
    *part_paths(PRIORITY, "priority", removal.priority_views),
    *part_paths(FOCUS_AREA, "focus_area", removal.focus_area_views),
    *part_paths(OBJECTIVE, "objective", removal.objective_views),
    path(P + "regionaal-overnemen/", plans.shared_adopt, name="shared_adopt"),
    path(P + "vaststellen/", plans.plan_adopt, name="plan_adopt"),
    path(P + "nieuwe-versie/", plans.plan_new_version, name="plan_new_version"),
    path(P + "vergelijken/", plans.plan_compare, name="plan_compare"),
    path(P + "controle/", plans.plan_lint, name="plan_lint"),
    path(P + "export.<str:export_format>", plans.plan_download, name="plan_download"),
    path(
        "regios/<slug:region>/kaders/", frameworks.region_frameworks_page, name="region_frameworks"
    ),
    path(
        "regios/<slug:region>/kaders/nieuw/",
        frameworks.region_framework_edit,
        name="region_framework_create",
    ),
    path(
        "regios/<slug:region>/kaders/<int:region_framework>/",
        frameworks.region_framework_edit,
        name="region_framework_edit",
    ),
    path(R, regional.shared_priorities, name="shared_priorities"),
    path(R + "nieuw/", regional.shared_priority_edit, name="shared_priority_create"),
    path(R + "<int:shared>/", regional.shared_priority_edit, name="shared_priority_edit"),
    path(
        R + "<int:shared>/doelstellingen/nieuw/",
        regional.shared_objective_edit,
        name="shared_objective_create",
    ),
    path(
        R + "<int:shared>/doelstellingen/<int:shared_objective>/",
        regional.shared_objective_edit,
        name="shared_objective_edit",
    ),
    path("regios/<slug:region>/naast-elkaar/", regional.region_members, name="region_members"),
]
