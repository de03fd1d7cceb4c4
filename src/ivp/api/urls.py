from django.urls import path

from . import planning_views, views

app_name = "api"

urlpatterns = [
    path("schema/", views.Schema.as_view(), name="schema"),
    path("v1/gemeenten/", views.MunicipalityList.as_view(), name="municipality_list"),
    path(
        "v1/gemeenten/<str:code>/", views.MunicipalityDetail.as_view(), name="municipality_detail"
    ),
    path(
        "v1/gemeenten/<str:code>/themas/", views.MunicipalThemes.as_view(), name="municipal_themes"
    ),
    path("v1/regios/", views.RegionList.as_view(), name="region_list"),
    path("v1/regios/<slug:region>/", views.RegionDetail.as_view(), name="region_detail"),
    path("v1/taxonomie/", views.TaxonomyList.as_view(), name="taxonomy"),
    path("v1/indicatoren/", planning_views.IndicatorList.as_view(), name="indicator_list"),
    path(
        "v1/gemeenten/<str:code>/waarnemingen/",
        planning_views.ObservationList.as_view(),
        name="observation_list",
    ),
    path(
        "v1/gemeenten/<str:code>/veiligheidsplan/",
        planning_views.PolicyPlanView.as_view(),
        name="policy_plan",
    ),
    path(
        "v1/gemeenten/<str:code>/veiligheidsplan/concepten/",
        planning_views.PolicyPlanDrafts.as_view(),
        name="policy_plan_drafts",
    ),
    path(
        "v1/gemeenten/<str:code>/uitvoeringsplannen/<plan:address>/",
        planning_views.ActionPlanView.as_view(),
        name="action_plan",
    ),
    path(
        "v1/gemeenten/<str:code>/uitvoeringsplannen/<plan:address>/acties/",
        planning_views.ActionList.as_view(),
        name="action_list",
    ),
    path("v1/acties/<int:action>/", planning_views.ActionDetail.as_view(), name="action_detail"),
    path(
        "v1/acties/<int:action>/voortgang/",
        planning_views.ActionProgress.as_view(),
        name="action_progress",
    ),
]
