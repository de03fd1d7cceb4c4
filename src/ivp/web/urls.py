from django.urls import path

from . import health, manual, views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("start/", views.start, name="start"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("gezond/", health.liveness, name="liveness"),
    path("gereed/", health.readiness, name="readiness"),
    path("handleiding/", manual.manual_index, name="manual_index"),
    path("handleiding/<slug:role>/", manual.manual, name="manual"),
    path("gemeenten/<gm:code>/werkruimte/", views.workspace, name="workspace"),
    path("gemeenten/<gm:code>/cyclus/<slug:step>/", views.cycle_step, name="cycle_step"),
]
