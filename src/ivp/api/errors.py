"""API errors in Dutch: Django's 404 carries an English, model-named message."""

from django.http import Http404
from rest_framework import exceptions
from rest_framework.views import exception_handler


def dutch_exception_handler(exc, context):
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()  # DRF's own, translated "Niet gevonden."
    return exception_handler(exc, context)
