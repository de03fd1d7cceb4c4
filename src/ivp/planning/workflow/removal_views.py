"""The pages that remove and move a part of a plan (`workflow/removal.py`): a confirmation
page that says what goes with it, and the small POST forms of the up and down buttons."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from ivp.common.access import post_only
from ivp.planning.workflow import removal
from ivp.planning.workflow.forms import Versioned
from ivp.planning.workflow.locking import EditConflict


class RemoveForm(Versioned):
    """Only the version of the part the confirmation was shown for."""


def removal_page(request, item, *, name: str, municipality):
    """GET: what will be removed, with what goes with it. POST: remove it and go back; a part
    changed since the page was shown is not removed, the page shows it as it is now."""
    kind = removal.kind_of(item)
    back = kind.back_to(item)
    refusal = removal.may_be_removed(item)
    version = getattr(item, "lock_version", None)
    posted = request.method == "POST"
    form = RemoveForm(
        request.POST if posted else None,
        initial={} if version is None else {"lock_version": version},
    )
    if posted:
        if refusal is not None:
            messages.error(request, refusal)
            return redirect(back)
        if form.is_valid():
            try:
                removal.remove(item, expected_version=form.expected_version())
            except EditConflict:
                messages.error(
                    request,
                    _(
                        "Someone changed “%(name)s” after you opened this page; nothing was "
                        "removed. Look at it again below."
                    )
                    % {"name": name},
                )
                return redirect(request.get_full_path())
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return redirect(back)
            messages.success(
                request,
                _("“%(name)s” removed; its history is kept in the audit trail.") % {"name": name},
            )
            return redirect(back)
    what = str(item._meta.verbose_name)
    return render(
        request,
        "web/confirm.html",
        {
            "municipality": municipality,
            "heading": capfirst(_("Remove %(what)s “%(name)s”?") % {"what": what, "name": name}),
            "consequences": kind.goes_with(item),
            "consequences_heading": _("Removed with it"),
            "note": _("The history is kept in the audit trail."),
            "refusal": refusal,
            "form": form,
            "submit": _("Remove"),
            "cancel": back,
        },
    )


def move_and_return(request, item, *, direction: str, name: str):
    """Move `item` one place up or down and show it where it now stands."""
    kind = removal.kind_of(item)
    try:
        removal.move(item, direction=direction)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        moved = (
            _("“%(name)s” moved up.") if direction == removal.UP else _("“%(name)s” moved down.")
        )
        messages.success(request, moved % {"name": name})
    return redirect(kind.place_of(item))


def part_views(access, find, name):
    """The remove and move views of one kind of part: `access` finds the plan and checks the
    permission, `find(plan, **address)` the part in that plan, `name(part)` says which."""

    @access
    def remove_view(request, plan, **address):
        item = find(plan, **address)
        return removal_page(request, item, name=name(item), municipality=plan.municipality)

    @post_only
    @access
    def move_view(request, plan, direction, **address):
        item = find(plan, **address)
        return move_and_return(request, item, direction=direction, name=name(item))

    return remove_view, move_view


def part_paths(prefix: str, part: str, views) -> list:
    """`<prefix>verwijderen/`, `omhoog/` and `omlaag/` of a part, named `<part>_remove`,
    `_up` and `_down`."""
    remove_view, move_view = views
    return [
        path(prefix + "verwijderen/", remove_view, name=f"{part}_remove"),
        path(prefix + "omhoog/", move_view, {"direction": removal.UP}, name=f"{part}_up"),
        path(prefix + "omlaag/", move_view, {"direction": removal.DOWN}, name=f"{part}_down"),
    ]
