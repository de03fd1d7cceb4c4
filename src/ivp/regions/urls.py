from django.urls import path

from . import views

app_name = "regions"

urlpatterns = [
    path("gemeenten/", views.municipality_list, name="municipality_list"),
    path("gemeenten/<gm:code>/", views.municipality_detail, name="municipality_detail"),
    path("regios/", views.region_list, name="region_list"),
    path("regios/nieuw/", views.region_create, name="region_create"),
    path("regios/<slug:region>/", views.region_detail, name="region_detail"),
    path("regios/<slug:region>/bewerken/", views.region_edit, name="region_edit"),
    path("beheer/bevolking-importeren/", views.population_import, name="population_import"),
]
