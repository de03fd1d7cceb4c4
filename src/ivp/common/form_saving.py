"""A form page's POST: the service saves what the form holds, the user is told so and sent on;
or the service refuses and the form shows why."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect


def on_form(form, error: ValidationError) -> None:
    """A refusal shown above the form's fields, each of its messages."""
    for message in error.messages:
        form.add_error(None, message)


def save_and_go(
    request,
    form,
    save: Callable[[], Any],
    *,
    done: Callable[[Any], tuple[str, Any]],
    refused: Callable[[Any, ValidationError], None] = on_form,
):
    """On a POST whose form is valid, `save()` calls the service. If it refuses (a
    ValidationError), `refused(form, error)` shows why; else `done(saved)` gives the success
    message and where to go (anything `redirect` takes), and that redirect is returned.
    None means the page is to be shown (again), so a view ends `return went or render(…)`."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        saved = save()
    except ValidationError as error:
        refused(form, error)
        return None
    message, target = done(saved)
    messages.success(request, message)
    return redirect(target)
