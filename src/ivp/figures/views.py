from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string

from ivp.common import charts, revisions
from ivp.common.access import permission_required, public, with_object
from ivp.common.importing import ImportFileError
from ivp.common.job_pages import job_pages
from ivp.regions.lookups import for_municipality

from . import drafting, presenters, safety_picture, selectors
from .formats import mapped
from .forms import ColumnMappingForm, FiguresUploadForm, OwnFiguresUploadForm
from .maps import map_view
from .models import FiguresUpload, Indicator
from .selectors import area_choices, available_years, municipality_names, theme_choices
from .services import own_upload_create
from .tasks import read_progress, upload_queue
from .tasks import upload_retry as upload_retry_service


@permission_required("figures.import_figures")
def upload_create(request):
    form = FiguresUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        file = form.cleaned_data["file"]
        upload = FiguresUpload(
            file_name=file.name,
            content=file.read(),
            size=file.size,
            edition=form.cleaned_data["edition"],
            table_id=form.cleaned_data["table_id"],
            user=request.user,
        )
        try:
            upload_queue(upload=upload)
        except ValidationError as error:
            form.add_error("file", error)
        else:
            return redirect(upload)
    recent = selectors.recent_uploads()
    return render(request, "figures/upload_create.html", {"form": form, "recent": recent})


def _upload_numbered(pk):
    return get_object_or_404(selectors.uploads(), pk=pk)


def for_upload(perm: str):
    return with_object("upload", _upload_numbered, perm)


upload_detail, upload_progress, upload_retry = job_pages(
    for_upload("figures.view_upload"),
    ("figures/upload_detail.html", "figures/_upload_status.html"),
    read_progress=read_progress,
    retry=upload_retry_service,
)


def _year(request, name: str) -> int | None:
    value = request.GET.get(name, "")
    return (
        int(value) if value.isascii() and value.isdigit() and 1995 <= int(value) <= 2100 else None
    )


def _years_asked(request) -> tuple[int | None, int | None]:
    first, last = _year(request, "van"), _year(request, "tot")
    if first and last and first > last:
        first, last = last, first
    return first, last


def _picture(request, municipality, indicators=None):
    first, last = _years_asked(request)
    return safety_picture.build(
        municipality, first_year=first, last_year=last, indicators=indicators
    )


@for_municipality()
def safety_picture_view(request, municipality):
    picture = _picture(request, municipality)
    # "Concepttekst" tells the coordinator the text is theirs to adopt or rewrite; a resident
    # reads the same sentences without that label.
    editing = request.user.has_perm("figures.import_own_figures", municipality)
    return render(
        request,
        "figures/safety_picture.html",
        {
            "municipality": municipality,
            "picture": picture,
            # The same for every reader (or every editor): drafted once per revision of the figures.
            "sections": revisions.cached(
                "safety-picture-sections",
                (revisions.FIGURES,),
                (municipality.code, *_years_asked(request), editing),
                lambda: _picture_sections(picture, municipality, editing=editing),
            ),
            "years": available_years(municipality),
            "synthetic": any(i.synthetic for i in picture.indicators),
        },
    )


def _picture_sections(picture, municipality, *, editing: bool) -> str:
    fields = [
        {
            "field": field,
            "paragraph": drafting.field_paragraph(field, picture),
            "items": [_item(item, municipality) for item in field.indicators],
        }
        for field in picture.fields
    ]
    return render_to_string(
        "figures/_picture_sections.html",
        {
            "municipality": municipality,
            "picture": picture,
            "fields": fields,
            "without_theme": [_item(item, municipality) for item in picture.without_theme],
            "without_figures": [
                {"field": field, "sources": safety_picture.figure_sources_for(field.name)}
                for field in picture.fields_without_figures
            ],
            "editing": editing,
        },
    )


def _item(item, municipality, *, full=False):
    return {
        "picture": item,
        "svg": presenters.series_svg(item),
        "benchmark_svg": presenters.benchmark_svg(item, municipality.name) if full else "",
        "sentences": drafting.indicator_sentences(item, municipality.name),
        "cautions": drafting.cautions(item, municipality.code),
    }


@for_municipality()
def indicator_detail(request, municipality, indicator):
    chosen = get_object_or_404(selectors.indicators_with_themes(), code=indicator)
    picture = _picture(request, municipality, indicators=[chosen])
    if not picture.indicators:
        raise Http404
    item = picture.indicators[0]
    return render(
        request,
        "figures/indicator_detail.html",
        {
            "municipality": municipality,
            "picture": picture,
            "item": _item(item, municipality, full=True),
            "peer_names": municipality_names(picture.peers),
            "years": available_years(municipality),
        },
    )


@public
def rate_map(request):
    indicator = get_object_or_404(
        Indicator, code=request.GET.get("indicator") or "misdrijven-totaal"
    )
    asked = request.GET.get("gemeente", "").strip()
    view = map_view(indicator, year=_year(request, "jaar"), highlight=asked)
    unknown = asked if asked and view["years"] and not view["highlight"] else ""
    return render(
        request,
        "figures/rate_map.html",
        {
            "indicator": indicator,
            "unknown_code": unknown,
            "unknown_is_name": bool(unknown) and not unknown.upper().startswith("GM"),
            **view,
        },
    )


@for_municipality("figures.import_own_figures")
def own_upload(request, municipality):
    """Step 1 of importing the municipality's own figures: the file and what it holds."""
    form = OwnFiguresUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        file = form.cleaned_data["file"]
        raw = file.read()
        try:
            mapped.headers(file.name, raw)
        except ImportFileError as error:
            form.add_error("file", [str(p.message) for p in error.problems])
        else:
            upload = own_upload_create(
                file_name=file.name,
                raw=raw,
                size=file.size,
                user=request.user,
                municipality=municipality,
                mapping={
                    "name": form.cleaned_data["name"],
                    "kind": form.cleaned_data["kind"],
                    "source": form.cleaned_data["source"],
                },
            )
            return redirect("figures:own_mapping", code=municipality.code, pk=upload.pk)
    return render(request, "figures/own_upload.html", {"form": form, "municipality": municipality})


@for_municipality("figures.import_own_figures")
def own_mapping(request, municipality, pk):
    """Step 2: say which column holds what; then the import runs in the background."""
    upload = get_object_or_404(selectors.own_uploads(municipality), pk=pk)
    if upload.status != FiguresUpload.Status.MAPPING:
        return redirect(upload)
    header, preview = mapped.headers(upload.file_name, bytes(upload.content))
    form = ColumnMappingForm(request.POST or None, header=header, themes=theme_choices())
    if request.method == "POST" and form.is_valid():
        upload.mapping = mapped.ColumnMapping(
            **{**upload.mapping, **{k: v or "" for k, v in form.cleaned_data.items()}}
        ).to_dict()
        try:
            upload_queue(upload=upload)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(upload)
    return render(
        request,
        "figures/own_mapping.html",
        {
            "form": form,
            "municipality": municipality,
            "upload": upload,
            "header": header,
            "preview": preview,
        },
    )


@public
def area_picture(request, area):
    """The country or a province: national totals per type, survey results with margins."""
    areas = area_choices()
    names = dict(areas)
    code = area.upper()
    if code not in names:
        raise Http404
    area = safety_picture.build_for_area(
        code,
        names[code],
        first_year=_year(request, "van"),
        last_year=_year(request, "tot"),
    )
    place = SimpleNamespace(code=area.code, name=area.name)
    cards = revisions.cached(
        "area-cards",
        (revisions.FIGURES,),
        (code, _year(request, "van"), _year(request, "tot")),
        lambda: render_to_string(
            "figures/_area_cards.html",
            {"municipality": place, "items": [_item(item, place) for item in area.indicators]},
        ),
    )
    return render(
        request,
        "figures/area_picture.html",
        {
            "area": area,
            "areas": areas,
            "cards": cards,
            "synthetic": any(i.synthetic for i in area.indicators),
        },
    )


@for_municipality()
def indicator_chart(request, municipality, indicator, fmt):
    """The series chart as a file for documents and presentations (SVG or PNG)."""
    if fmt not in ("svg", "png"):
        raise Http404
    chosen = get_object_or_404(Indicator, code=indicator)
    picture = _picture(request, municipality, indicators=[chosen])
    if not picture.indicators:
        raise Http404
    spec = presenters.series_spec(picture.indicators[0])
    name = f"{municipality.code}-{chosen.code}-{picture.first_year}-{picture.last_year}.{fmt}"
    if fmt == "png":
        response = HttpResponse(charts.to_png(spec), content_type="image/png")
    else:
        response = HttpResponse(charts.to_svg(spec), content_type="image/svg+xml")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
