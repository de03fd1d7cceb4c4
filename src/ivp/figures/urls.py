from django.urls import path

from . import views

app_name = "figures"

urlpatterns = [
    path("cijfers/importeren/", views.upload_create, name="upload_create"),
    path("cijfers/importeren/<int:pk>/", views.upload_detail, name="upload_detail"),
    path("cijfers/importeren/<int:pk>/voortgang/", views.upload_progress, name="upload_progress"),
    path("cijfers/importeren/<int:pk>/opnieuw/", views.upload_retry, name="upload_retry"),
    path("cijfers/kaart/", views.rate_map, name="rate_map"),
    path("cijfers/gebied/<str:area>/", views.area_picture, name="area_picture"),
    path("gemeenten/<gm:code>/cijfers/eigen/", views.own_upload, name="own_upload"),
    path(
        "gemeenten/<gm:code>/cijfers/eigen/<int:pk>/koppelen/",
        views.own_mapping,
        name="own_mapping",
    ),
    path(
        "gemeenten/<gm:code>/veiligheidsbeeld/",
        views.safety_picture_view,
        name="safety_picture",
    ),
    path(
        "gemeenten/<gm:code>/veiligheidsbeeld/<slug:indicator>/",
        views.indicator_detail,
        name="indicator_detail",
    ),
    path(
        "gemeenten/<gm:code>/veiligheidsbeeld/<slug:indicator>/grafiek.<str:fmt>",
        views.indicator_chart,
        name="indicator_chart",
    ),
]
