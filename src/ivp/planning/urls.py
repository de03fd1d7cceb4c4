"""The planning app's addresses, one list per part of the cycle, under one namespace."""

from ivp.planning.execution.urls import urlpatterns as execution_urls
from ivp.planning.policy.urls import urlpatterns as policy_urls

app_name = "planning"

urlpatterns = policy_urls + execution_urls
