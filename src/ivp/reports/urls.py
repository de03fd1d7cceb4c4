from django.urls import path

from . import views

app_name = "reports"

D = "gemeenten/<gm:code>/documenten/"

urlpatterns = [
    path(D, views.documents, name="documents"),
    path(D + "<slug:document>/<plan:address>/", views.document_page, name="document_page"),
    path(
        D + "<slug:document>/<plan:address>/maken/",
        views.document_generate,
        name="document_generate",
    ),
    path("documenten/<uuid:generated>/", views.document_detail, name="document_detail"),
    path(
        "documenten/<uuid:generated>/voortgang/", views.document_progress, name="document_progress"
    ),
    path(
        "documenten/<uuid:generated>/download/", views.document_download, name="document_download"
    ),
    path("documenten/<uuid:generated>/opnieuw/", views.document_retry, name="document_retry"),
    path("gemeenten/<gm:code>/huisstijl/", views.house_style, name="house_style"),
    path(
        "gemeenten/<gm:code>/huisstijl/sjabloon.docx",
        views.house_style_template,
        name="house_style_template",
    ),
]
