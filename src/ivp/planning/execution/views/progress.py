"""Reporting progress on actions: one at a time, or many from a file; and the stale list."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ivp.common.importing import ImportFileError
from ivp.planning.execution import selectors as execution_selectors
from ivp.planning.execution import stale
from ivp.planning.execution.dashboard import last_reported
from ivp.planning.execution.forms import ProgressForm, ProgressUploadForm
from ivp.planning.execution.progress_preview import preview_drop, preview_load, preview_store
from ivp.planning.execution.services.progress import (
    changed,
    progress_apply,
    progress_read,
    progress_record,
    versions_read,
)
from ivp.planning.execution.views.lookups import for_action, for_action_plan
from ivp.planning.workflow.locking import EditConflict
from ivp.planning.workflow.view_helpers import plan_form_page, save_versioned


@for_action("planning.update_progress")
def action_progress(request, action):
    item = action
    plan = item.theme.action_plan
    updates = list(item.updates.select_related("user", "action__theme__action_plan__municipality"))
    last = last_reported(updates)
    form = ProgressForm(
        request.POST or None,
        initial={
            "status": item.status,
            "percent_done": last.percent_done if last else None,
            "on": timezone.localdate(),
            "lock_version": item.lock_version,
        },
        confirm_done_early=True,
    )
    if last:
        form.fields["percent_done"].help_text = _(
            "Filled in from the last report (%(date)s); change it when the work moved on."
        ) % {"date": date_format(last.date, "j F Y")}
    went = save_versioned(
        request,
        form,
        lambda: progress_record(
            action=item,
            user=request.user,
            **form.service_arguments(),
        ),
        done=lambda _update: (_("Progress of “%s” saved.") % item.item, item),
        saved=lambda current: {"status": current.status},
    )
    return went or plan_form_page(
        request,
        "planning/action_progress.html",
        plan,
        form,
        action=item,
        updates=updates,
        removable={u.pk for u in updates if request.user.has_perm("planning.delete_progress", u)},
    )


@for_action_plan("planning.upload_progress")
def progress_upload(request, plan):
    """Upload a file, see what it would change, then save it (or not)."""
    form = ProgressUploadForm(request.POST or None, request.FILES or None)
    context = {"plan": plan, "municipality": plan.municipality, "form": form, "problems": []}
    if request.method != "POST":
        return render(request, "planning/progress_upload.html", context)
    token = request.POST.get("preview", "")
    if token:
        return _confirm_or_cancel(request, plan, token)
    if not form.is_valid():
        return render(request, "planning/progress_upload.html", context)
    upload = form.cleaned_data["file"]
    raw = upload.read()
    try:
        planned = progress_read(
            action_plan=plan, file_name=upload.name, raw=raw, may_update=_may_update(request)
        )
    except ImportFileError as error:
        context["problems"] = error.problems
        return render(request, "planning/progress_upload.html", context)
    token = preview_store(
        user=request.user,
        action_plan=plan,
        file_name=upload.name,
        raw=raw,
        versions=versions_read(planned),
    )
    return render(
        request,
        "planning/progress_preview.html",
        {
            **context,
            "changes": (changes := changed(planned)),
            "unchanged": len(planned) - len(changes),
            "file_name": upload.name,
            "token": token,
        },
    )


def _may_update(request):
    return lambda action: request.user.has_perm("planning.update_progress", action)


def _confirm_or_cancel(request, plan, token):
    stored = preview_load(token, user=request.user, action_plan=plan)
    if stored is None:
        messages.error(request, _("This preview has expired; upload the file again."))
        return redirect(
            "planning:progress_upload", code=plan.municipality.code, address=plan.address
        )
    preview_drop(token)
    if request.POST.get("confirm") != "ja":
        messages.info(
            request, _("Nothing was saved from %(file)s.") % {"file": stored["file_name"]}
        )
        return redirect(plan)
    try:
        planned = progress_read(
            action_plan=plan,
            file_name=stored["file_name"],
            raw=stored["raw"],
            may_update=_may_update(request),
        )
        count = progress_apply(planned=planned, user=request.user, versions=stored["versions"])
    except EditConflict:
        messages.error(
            request,
            _(
                "Nothing was saved: an action in the file was changed by someone else after "
                "your preview. Upload the file again to see the new preview."
            ),
        )
    except ImportFileError as error:
        messages.error(request, " ".join(str(p) for p in error.problems))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            ngettext(
                "%(count)s progress update saved from %(file)s.",
                "%(count)s progress updates saved from %(file)s.",
                count,
            )
            % {"count": count, "file": stored["file_name"]},
        )
        return redirect(plan)
    return redirect("planning:progress_upload", code=plan.municipality.code, address=plan.address)


@for_action_plan("planning.view_action_plan")
def stale_list(request, plan):
    items = stale.stale_actions(execution_selectors.actions_of(plan), timezone.localdate())
    return render(
        request,
        "planning/stale.html",
        {
            "plan": plan,
            "municipality": plan.municipality,
            "by_owner": stale.by_owner(items),
            "by_party": stale.by_party(items),
            "count": len(items),
            "weeks": stale.weeks(),
        },
    )
