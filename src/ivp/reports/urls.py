from django.urls import path

from ivp.planning.workflow.removal_views import part_paths

from . import chapter_views, views

app_name = "reports"

D = "gemeenten/<gm:code>/documenten/"
C = D + "<slug:document>/<plan:address>/hoofdstukken/"

urlpatterns = [
    path(D, views.documents, name="documents"),
    path(D + "<slug:document>/<plan:address>/", views.document_page, name="document_page"),
    path(
        D + "<slug:document>/<plan:address>/maken/",
        views.document_generate,
        name="document_generate",
    ),
    path(
        D + "<slug:adopted_document>/<plan:address>/vastgesteld.<str:file_format>",
        views.public_download,
        name="public_download",
    ),
    path(C, chapter_views.chapters, name="chapters"),
    path(C + "<int:chapter>/", chapter_views.chapter_edit, name="chapter_edit"),
    *part_paths(
        C + "<int:chapter>/", "chapter", (chapter_views.chapter_remove, chapter_views.chapter_move)
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
