from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from ivp.accounts.middleware import remember_active_municipality
from ivp.common.access import public
from ivp.regions.lookups import for_municipality

from . import selectors, services
from .forms import OwnThemeEditForm, OwnThemeForm, ThemeAdaptForm
from .models import TaxonomyVersion


@public
def taxonomy(request):
    versions = list(selectors.versions_with_themes())
    chosen = request.GET.get("versie")
    version = next((v for v in versions if v.code == chosen), None) or next(
        (v for v in versions if v.is_current), versions[0] if versions else None
    )
    return render(request, "taxonomy/taxonomy.html", {"versions": versions, "version": version})


def _version(request) -> TaxonomyVersion:
    code = request.GET.get("versie") or request.POST.get("versie")
    if code:
        return get_object_or_404(TaxonomyVersion, code=code)
    return selectors.current_version() or get_object_or_404(TaxonomyVersion, is_current=True)


@for_municipality("regions.view_workspace")
def municipal_themes(request, municipality):
    remember_active_municipality(request, municipality)
    version = _version(request)
    return render(
        request,
        "taxonomy/municipal_themes.html",
        {
            "municipality": municipality,
            "version": version,
            "versions": selectors.taxonomy_versions(),
            "fields": selectors.themes_for(municipality, version),
            "may_edit": request.user.has_perm("taxonomy.change_municipal_themes", municipality),
        },
    )


@for_municipality("taxonomy.change_municipal_themes")
def municipal_themes_edit(request, municipality):
    version = _version(request)
    own_form = OwnThemeForm(version=version)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "add":
            own_form = OwnThemeForm(request.POST, version=version)
            if own_form.is_valid():
                services.municipal_theme_add(municipality=municipality, **own_form.cleaned_data)
                messages.success(request, _("Theme “%s” added.") % own_form.cleaned_data["name"])
                return redirect(request.get_full_path())
        elif action == "adapt":
            form = ThemeAdaptForm(request.POST, version=version)
            if form.is_valid():
                theme = form.cleaned_data["theme_id"]
                services.municipal_theme_adapt(
                    municipality=municipality,
                    theme=theme,
                    name=form.cleaned_data["name"],
                    hidden=form.cleaned_data["hidden"],
                )
                messages.success(request, _("Theme “%s” saved.") % theme.name)
                return redirect(request.get_full_path())
            messages.error(request, _("Nothing was saved: %s") % _form_problem(form))
        elif action == "edit-own":
            form = OwnThemeEditForm(request.POST, municipality=municipality)
            if form.is_valid():
                services.municipal_own_theme_update(
                    adaptation=form.cleaned_data["adaptation_id"],
                    name=form.cleaned_data["name"],
                    hidden=form.cleaned_data["hidden"],
                )
                messages.success(request, _("Theme “%s” saved.") % form.cleaned_data["name"])
                return redirect(request.get_full_path())
            messages.error(request, _("Nothing was saved: %s") % _form_problem(form))
        else:
            messages.error(request, _("Nothing was saved: unknown action."))
    return render(
        request,
        "taxonomy/municipal_themes_edit.html",
        {
            "municipality": municipality,
            "version": version,
            "fields": selectors.themes_for(municipality, version, include_hidden=True),
            "own_form": own_form,
        },
    )


def _form_problem(form) -> str:
    return " ".join(str(error) for errors in form.errors.values() for error in errors)
