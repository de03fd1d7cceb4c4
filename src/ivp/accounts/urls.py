from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("account/", views.profile, name="profile"),
    path("account/gemeente-kiezen/", views.switch_municipality, name="switch_municipality"),
    path("gemeenten/<str:code>/audit/", views.audit, name="audit"),
]
