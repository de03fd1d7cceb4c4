from django.urls import path

from . import views

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
]
