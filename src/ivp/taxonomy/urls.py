from django.urls import path

from . import views

app_name = "taxonomy"

urlpatterns = [
    path("taxonomie/", views.taxonomy, name="taxonomy"),
    path("gemeenten/<gm:code>/themas/", views.municipal_themes, name="municipal_themes"),
    path(
        "gemeenten/<gm:code>/themas/bewerken/",
        views.municipal_themes_edit,
        name="municipal_themes_edit",
    ),
]
