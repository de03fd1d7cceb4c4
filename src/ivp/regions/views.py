from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ivp.common.access import permission_required, public
from ivp.common.importing import ImportFileError

from . import public_page, selectors, services
from .forms import PopulationUploadForm, RegionForm
from .lookups import for_municipality, for_region
from .models import Region


@public
def municipality_list(request):
    query = request.GET.get("q", "").strip()
    province = request.GET.get("provincie", "")
    context = {
        "hits": selectors.municipality_search(query=query, province=province),
        "provinces": selectors.provinces(),
        "query": query,
        "province": province,
    }
    # htmx live search: only the table, plus the result count for screen readers.
    context["partial"] = bool(request.headers.get("HX-Request"))
    template = (
        "regions/_municipality_results.html"
        if context["partial"]
        else "regions/municipality_list.html"
    )
    return render(request, template, context)


@for_municipality()
def municipality_detail(request, municipality):
    population = selectors.population_series(municipality)
    neighbours, bordering = selectors.neighbours(municipality)
    return render(
        request,
        "regions/municipality_detail.html",
        {
            "municipality": municipality,
            "population": population,
            "population_last_year": population[-1].year if population else None,
            "population_max": max((p.inhabitants for p in population), default=0),
            "formed_in": selectors.first_population_year(municipality),
            "key_figures": selectors.municipality_key_figures(municipality),
            "wijken": selectors.wijken_with_figures(municipality),
            "regions": municipality.regions.exclude(kind=Region.Kind.PROVINCIE),
            "may_open_workspace": request.user.has_perm("regions.view_workspace", municipality),
            "tiles": public_page.headline_tiles(municipality),
            "neighbours": neighbours,
            "bordering": bordering,
        },
    )


@public
def region_list(request):
    return render(request, "regions/region_list.html", {"regions": selectors.region_list()})


@for_region()
def region_detail(request, region):
    return render(
        request,
        "regions/region_detail.html",
        {
            "region": region,
            "members": region.members.select_related("province").order_by("sort_name"),
            "population_2024": selectors.region_population(region, 2024),
            "may_edit": request.user.has_perm("regions.change_region", region),
        },
    )


@permission_required("regions.add_region")
def region_create(request):
    return _region_form(request, None)


@for_region("regions.change_region")
def region_edit(request, region):
    return _region_form(request, region)


def _region_form(request, region):
    initial = {}
    if region:
        initial = {
            "name": region.name,
            "code": region.code,
            "kind": region.kind,
            "description": region.description,
            "members": ", ".join(
                region.members.order_by("sort_name").values_list("name", flat=True)
            ),
        }
    form = RegionForm(request.POST or None, user=request.user, region=region, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = services.region_save(region=region, **form.cleaned_data)
        messages.success(request, _("Region “%s” saved.") % saved.name)
        return redirect(saved)
    return render(request, "regions/region_form.html", {"form": form, "region": region})


@permission_required("regions.import_population")
def population_import(request):
    form = PopulationUploadForm(request.POST or None, request.FILES or None)
    problems, summary = [], None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            summary = services.population_load(
                file_name=upload.name, raw=upload.read(), user=request.user
            )
        except ImportFileError as error:
            problems = error.problems
    return render(
        request,
        "regions/population_import.html",
        {"form": form, "problems": problems, "summary": summary},
    )
