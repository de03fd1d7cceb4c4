"""The veiligheidsbeeld of one municipality: per safety field its indicators with verdicts.

Reads the figures once into polars frames, hands them to `ivp.analysis`, and keeps the
results with the source and period of every number, so pages, the CLI and documents show
the same picture.
"""

from dataclasses import dataclass, field

import polars as pl
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ivp import analysis
from ivp.analysis import methods
from ivp.analysis.areas import AREAS_SWING, compare_areas_over_years
from ivp.common import revisions
from ivp.regions.models import KeyFigures, Municipality
from ivp.taxonomy.selectors import current_version, themes_for_many

from . import formatting as nl
from .formats.area_sums import is_summed_title
from .models import Indicator, Source
from .selectors import observations_frame, population_frame

PEER_GROUP_SIZE = 10
MIN_PEERS = 3  # fewer with the figure make no median to stand among
NETHERLANDS = "NL01"
REST_OF_COUNTRY = "rest van Nederland"


@dataclass
class SeriesPoint:
    period: str
    value: float | None
    rate_per_1000: float | None
    inhabitants: int | None
    margin: float | None = None


@dataclass
class IndicatorPicture:
    indicator: Indicator
    sources: list[Source]
    series: list[SeriesPoint]
    changes: list[analysis.Change]
    trend: analysis.Trend | None
    benchmarks: list[analysis.Benchmark]
    seasonality: analysis.Seasonality | None = None
    areas: list[dict] = field(default_factory=list)
    areas_period: str = ""
    peers: list[str] = field(default_factory=list)
    comparison_left_out: bool = False  # the others' figures are synthetic and its own real, or
    # the other way round: synthetic figures are never compared with real ones

    @property
    def synthetic(self) -> bool:
        return any(s.synthetic for s in self.sources)

    @property
    def last(self) -> SeriesPoint | None:
        return self.series[-1] if self.series else None

    @property
    def overall_change(self) -> analysis.Change | None:
        return self.changes[-1] if self.changes else None

    @property
    def first_period(self) -> str:
        return self.series[0].period if self.series else ""

    @property
    def last_period(self) -> str:
        return self.series[-1].period if self.series else ""


@dataclass
class FieldPicture:
    number: int
    name: str
    themes: list[str]
    indicators: list[IndicatorPicture]


@dataclass
class SafetyPicture:
    municipality: Municipality
    first_year: int
    last_year: int
    all_fields: list[FieldPicture]  # every field of the taxonomy, in its order
    without_theme: list[IndicatorPicture]
    peers: list[str]

    @property
    def fields(self) -> list[FieldPicture]:
        return [f for f in self.all_fields if f.indicators]

    @property
    def fields_without_figures(self) -> list[FieldPicture]:
        """The fields no indicator has figures for: an analysis names them."""
        return [f for f in self.all_fields if not f.indicators]

    @property
    def indicators(self) -> list[IndicatorPicture]:
        seen, result = set(), []
        for item in [i for f in self.fields for i in f.indicators] + self.without_theme:
            if item.indicator.pk not in seen:
                seen.add(item.indicator.pk)
                result.append(item)
        return result


# Where figures for a safety field could come from, by a word of its name (a municipality's
# taxonomy may number its fields otherwise). Every field can also take the municipality's own
# registrations through the import of own figures.
OWN_REGISTRATIONS = _("the municipality's own registrations, imported in ivp as own figures")
FIELD_FIGURE_SOURCES = {
    "woon": (
        _("registered crimes per type and per wijk (Politie open data, 47013NED, 47018NED)"),
        _("nuisance registrations (Politie open data)"),
        _("feeling unsafe and victimisation (Veiligheidsmonitor, CBS)"),
    ),
    "bedrijvigheid": (
        _("shoplifting and burglary of businesses (Politie open data, table 47013NED)"),
        _("enforcement of licences for catering and events (own registrations)"),
    ),
    "jeugd": (
        _("youth nuisance reports, code E35 (Politie open data)"),
        _("referrals to Halt and youth care (own registrations or the partners')"),
    ),
    "fysieke": (
        _("fires and emergency calls (the veiligheidsregio)"),
        _("road accidents (Rijkswaterstaat, BRON)"),
    ),
    "digitale": (
        _("online fraud and cybercrime reports (Politie open data)"),
        _("victims of online crime (Veiligheidsmonitor, CBS)"),
    ),
    "integriteit": (
        _("the RIEC's picture of organised crime (ondermijningsbeeld)"),
        _("Bibob checks and aggression against public workers (own registrations)"),
    ),
}


def figure_sources_for(field_name: str) -> list[str]:
    """Where figures for a field without any could come from: tables ivp imports, surveys and
    the municipality's own registrations."""
    name = field_name.casefold()
    specific = next((v for k, v in FIELD_FIGURE_SOURCES.items() if k in name), ())
    return [str(source) for source in specific] + [str(OWN_REGISTRATIONS)]


def _peer_figures() -> pl.DataFrame:
    """Inhabitants and density of every municipality in the latest year of CBS Kerncijfers."""
    rows = KeyFigures.objects.filter(area__isnull=True, inhabitants__isnull=False).values_list(
        "municipality__code", "inhabitants", "density", "year"
    )
    frame = pl.DataFrame(
        list(rows),
        schema={"area": pl.String, "inhabitants": pl.Int64, "density": pl.Int64, "year": pl.Int64},
        orient="row",
    )
    return frame.filter(pl.col("year") == frame["year"].max()).drop("year")


def _peers_in(figures: pl.DataFrame, code: str, size: int = PEER_GROUP_SIZE) -> list[str]:
    """Comparable municipalities by inhabitants and density (`analysis.peer_group`)."""
    if figures.is_empty() or code not in figures["area"]:
        return []
    return analysis.peer_group(figures, code, size=size)


def build(
    municipality: Municipality,
    *,
    first_year: int | None = None,
    last_year: int | None = None,
    indicators: list[Indicator] | None = None,
) -> SafetyPicture:
    """Computed once per revision of the figures (see ivp.common.revisions)."""
    return revisions.cached(
        "safety-picture",
        (revisions.FIGURES,),
        _picture_parts(municipality, first_year, last_year, indicators),
        lambda: _build(municipality, first_year, last_year, indicators),
    )


def build_many(
    municipalities: list[Municipality], indicators: list[Indicator]
) -> list[SafetyPicture]:
    """`build` of several municipalities for the same indicators (a region's members side by
    side), each picture the same, read in a fixed number of queries however many there are."""
    return revisions.cached_many(
        "safety-picture",
        (revisions.FIGURES,),
        [_picture_parts(m, None, None, indicators) for m in municipalities],
        lambda missing: _build_many([municipalities[i] for i in missing], None, None, indicators),
    )


def _picture_parts(municipality, first_year, last_year, indicators) -> tuple:
    return (municipality.code, first_year, last_year, indicators and [i.pk for i in indicators])


def _build(municipality, first_year, last_year, indicators) -> SafetyPicture:
    if indicators is None:
        indicators = list(
            Indicator.objects.filter(observations__area_code=municipality.code)
            .distinct()
            .prefetch_related("themes")
        )
    return _build_many([municipality], first_year, last_year, indicators)[0]


def _build_many(municipalities, first_year, last_year, indicators) -> list[SafetyPicture]:
    """What all pictures share (population, the country's figures, swings, sources, peers'
    figures, the taxonomy) is read once; each municipality's own and its wijken's figures in
    one query for all."""
    ids = [i.pk for i in indicators]
    people = _area_people(municipalities)
    observed = observations_frame(
        indicator_ids=ids,
        area_codes=[*(m.code for m in municipalities), *people.drop_nulls("area")["area"]],
    )
    own = {m.code: observed.filter(pl.col("area") == m.code) for m in municipalities}
    years = {code: _year_range(rows, first_year, last_year) for code, rows in own.items()}
    population = population_frame()
    references = _yearly_references(ids, *_spanning(years.values()))
    sources = {s.pk: s for s in Source.objects.all()}
    synthetic_sources = {pk for pk, source in sources.items() if source.synthetic}
    summed_sources = [pk for pk, source in sources.items() if is_summed_title(source.title)]
    municipality_count = Municipality.objects.count()
    peer_figures = _peer_figures()
    province_members = _province_members(municipalities)
    version = current_version()
    fields = themes_for_many(municipalities, version) if version else {}
    swings = swings_for_years(ids, years.values(), references, population)
    pictures = []
    for municipality in municipalities:
        first, last = years[municipality.code]
        context = _Context(
            municipality=municipality,
            population=population,
            references=_in_years(references, first, last),
            swings=swings[(first, last)],
            peers=_peers_in(peer_figures, municipality.code),
            province_members=province_members.get(municipality.province_id, []),
            municipality_count=municipality_count,
            synthetic_sources=synthetic_sources,
            wijken=_wijk_observations(municipality, people, observed, summed_sources),
        )
        pictures.append(
            _picture_of(
                context,
                own[municipality.code],
                indicators,
                first,
                last,
                sources,
                fields.get(municipality.pk, []),
            )
        )
    return pictures


def _year_range(own: pl.DataFrame, first_year, last_year) -> tuple[int, int]:
    """The years a picture shows: the last three of its own figures unless asked otherwise."""
    years = own["period"].str.slice(0, 4).cast(pl.Int64)
    last_year = last_year or (int(years.max()) if own.height else 0)
    first_year = first_year or max(last_year - 2, int(years.min()) if own.height else 0)
    return first_year, last_year


def _spanning(ranges) -> tuple[int, int]:
    """The years of all ranges together (a municipality without figures has none)."""
    with_figures = [(first, last) for first, last in ranges if last]
    if not with_figures:
        return 0, 0
    return min(first for first, _ in with_figures), max(last for _, last in with_figures)


def _province_members(municipalities) -> dict[int, list[str]]:
    """province id → the codes of its municipalities, for the provinces of `municipalities`."""
    rows = Municipality.objects.filter(
        province_id__in={m.province_id for m in municipalities if m.province_id}
    ).values_list("province_id", "code")
    members: dict[int, list[str]] = {}
    for province, code in rows:
        members.setdefault(province, []).append(code)
    return members


def _picture_of(context, own, indicators, first_year, last_year, sources, fields) -> SafetyPicture:
    pictures = {}
    for indicator in indicators:
        rows = own.filter(pl.col("indicator_id") == indicator.pk)
        pictures[indicator.pk] = _indicator_picture(
            indicator,
            context,
            rows,
            first_year,
            last_year,
            [sources[s] for s in rows["source_id"].unique().sort().to_list() if s in sources],
        )
    pictures = {k: p for k, p in pictures.items() if p.series}
    _add_trends(list(pictures.values()))
    return SafetyPicture(
        municipality=context.municipality,
        first_year=first_year,
        last_year=last_year,
        all_fields=_by_field(fields, indicators, pictures),
        without_theme=[
            pictures[i.pk] for i in indicators if i.pk in pictures and not i.themes.all()
        ],
        peers=context.peers,
    )


def _yearly_references(ids: list[int], first_year: int, last_year: int) -> pl.DataFrame:
    """Yearly values of all municipalities and the country, for the benchmarks."""
    frame = observations_frame(
        indicator_ids=ids, periods=[str(year) for year in range(first_year, last_year + 1)]
    )
    return frame.filter(pl.col("area").str.starts_with("GM") | (pl.col("area") == NETHERLANDS))


def swings_for(ids, first_year: int, last_year: int) -> dict:
    """indicator id → {(from, to): Swing}, the normal swing between years from all
    municipalities: the same for every municipality, so estimated once per figures revision."""
    return swings_for_years(ids, [(first_year, last_year)])[(first_year, last_year)]


def swings_for_years(ids, ranges, references=None, population=None) -> dict:
    """(first, last) → `swings_for` of those years, for several ranges with one read of the
    revisions; `references` (the `_yearly_references`), when given, span all the ranges."""
    ranges = sorted(set(ranges))

    def compute(missing: list[int]) -> list[dict]:
        read = (
            _yearly_references(ids, *_spanning(ranges[i] for i in missing))
            if references is None
            else references
        )
        people = population_frame() if population is None else population
        return [_swings(_in_years(read, *ranges[i]), people) for i in missing]

    swings = revisions.cached_many(
        "swings", (revisions.FIGURES,), [(tuple(ids), *years) for years in ranges], compute
    )
    return dict(zip(ranges, swings, strict=True))


def _in_years(references: pl.DataFrame, first_year: int, last_year: int) -> pl.DataFrame:
    return references.filter(pl.col("period").cast(pl.Int64).is_between(first_year, last_year))


def _swings(references: pl.DataFrame, population: pl.DataFrame) -> dict:
    """Per indicator the normal swing between years, from all municipalities' counts."""
    municipal = references.filter(pl.col("area").str.starts_with("GM")).select(
        "area", "indicator_id", "period", "value"
    )
    with_population = analysis.with_rates(municipal, population)
    return {
        key[0]: pairs
        for key, pairs in analysis.swings_by_pair(with_population, by=["indicator_id"]).items()
    }


def _yearly(rows: pl.DataFrame) -> pl.DataFrame:
    """Year rows as published; years with only months get the sum of 12 complete months."""
    years = rows.filter(pl.col("period").str.len_chars() == 4).select("period", "value")
    months = rows.filter(pl.col("period").str.len_chars() == 7)
    if months.height:
        summed = (
            months.group_by(pl.col("period").str.slice(0, 4).alias("year_period"))
            .agg(pl.col("value").sum(), pl.len().alias("n"))
            .filter((pl.col("n") == 12) & ~pl.col("year_period").is_in(years["period"].implode()))
            .select(pl.col("year_period").alias("period"), "value")
        )
        years = pl.concat([years, summed])
    return years


@dataclass
class _Context:
    """What every indicator of one municipality's picture is compared with, read once."""

    municipality: Municipality
    population: pl.DataFrame
    references: pl.DataFrame  # yearly values of all municipalities and NL
    swings: dict  # indicator id → {(from, to): Swing}, from all municipalities
    peers: list[str]
    province_members: list[str]
    municipality_count: int  # the country's municipalities today
    synthetic_sources: set[int]
    wijken: pl.DataFrame  # yearly values of its wijken with name and inhabitants


def _indicator_picture(
    indicator, context: _Context, rows, first_year, last_year, sources
) -> IndicatorPicture:
    municipality = context.municipality
    picture = _series_picture(
        indicator,
        municipality.code,
        rows,
        context.population,
        first_year,
        last_year,
        sources,
        with_trend=False,  # all trends in one fit, after the loop
        swings=context.swings.get(indicator.pk, {}),
    )
    picture.peers = context.peers
    if indicator.is_count and picture.series:
        references = context.references.filter(pl.col("indicator_id") == indicator.pk)
        picture.comparison_left_out = _mixes_synthetic(
            references, picture, context.synthetic_sources, municipality.code
        )
        if not picture.comparison_left_out:
            picture.benchmarks = _benchmarks(
                context,
                picture.series[-1],
                references,
                _year_swing(context.swings.get(indicator.pk, {}), picture.series[-1].period),
            )
        picture.seasonality = _seasonality(rows)
        picture.areas, picture.areas_period = _areas(
            context.wijken.filter(pl.col("indicator_id") == indicator.pk)
        )
    return picture


def _series_picture(
    indicator,
    area_code,
    rows,
    population,
    first_year,
    last_year,
    sources,
    *,
    with_trend=True,
    swings=None,
) -> IndicatorPicture:
    """Series, rates, changes and trend of one indicator in one area (any area)."""
    kind = "count" if indicator.is_count else "survey"
    yearly = (
        _yearly(rows)
        .filter(pl.col("period").cast(pl.Int64).is_between(first_year, last_year))
        .with_columns(pl.lit(area_code).alias("area"))
    )
    if indicator.is_count:
        yearly = analysis.with_rates(yearly, population)
    else:
        yearly = yearly.with_columns(
            pl.lit(None, pl.Int64).alias("inhabitants"),
            pl.lit(None, pl.Float64).alias("rate_per_1000"),
        )
    yearly = yearly.sort("period").join(rows.select("period", "margin"), on="period", how="left")
    series = [
        SeriesPoint(r["period"], r["value"], r["rate_per_1000"], r["inhabitants"], r["margin"])
        for r in yearly.iter_rows(named=True)
    ]
    analysed = analysis.Series(
        tuple(p.period for p in series),
        tuple(p.value for p in series),
        tuple(p.inhabitants for p in series) if indicator.is_count else None,
        tuple(p.margin for p in series) if not indicator.is_count else None,
        kind,
    )
    return IndicatorPicture(
        indicator=indicator,
        sources=sources,
        series=series,
        changes=analysis.changes(analysed, swings) if len(series) > 1 else [],
        trend=analysis.trend(analysed.periods, analysed.values, analysed.exposures)
        if indicator.is_count and with_trend
        else None,
        benchmarks=[],
    )


@dataclass
class AreaPicture:
    """The figures of the country or a province: series, changes and trends, no benchmarks."""

    code: str
    name: str
    first_year: int
    last_year: int
    indicators: list[IndicatorPicture]


def build_for_area(
    code: str, name: str, *, first_year: int | None = None, last_year: int | None = None
) -> AreaPicture:
    return revisions.cached(
        "area-picture",
        (revisions.FIGURES,),
        (code, name, first_year, last_year),
        lambda: _build_for_area(code, name, first_year, last_year),
    )


def _build_for_area(code, name, first_year, last_year) -> AreaPicture:
    own = observations_frame(area_codes=[code])
    years = own["period"].str.slice(0, 4).cast(pl.Int64)
    last_year = last_year or (int(years.max()) if own.height else 0)
    first_year = first_year or (int(years.min()) if own.height else 0)
    indicators = Indicator.objects.filter(pk__in=own["indicator_id"].unique().to_list())
    sources = {s.pk: s for s in Source.objects.filter(pk__in=own["source_id"].unique().to_list())}
    population = population_frame()
    pictures = []
    for indicator in indicators.prefetch_related("themes").order_by(
        "kind", "classification", "name"
    ):
        rows = own.filter(pl.col("indicator_id") == indicator.pk)
        picture = _series_picture(
            indicator,
            code,
            rows,
            population,
            first_year,
            last_year,
            [sources[s] for s in rows["source_id"].unique().sort().to_list() if s in sources],
            with_trend=False,
            swings={},  # no swing between areas of its kind: its own history's, where it has one
        )
        if picture.series:
            pictures.append(picture)
    _add_trends(pictures)
    return AreaPicture(code, name, first_year, last_year, pictures)


def _add_trends(pictures: list[IndicatorPicture]) -> None:
    """All trends in one vectorised fit: a national page has some seventy series."""
    rows = [
        (p.indicator.pk, point.period, point.value, point.inhabitants)
        for p in pictures
        if p.indicator.is_count
        for point in p.series
        if point.value is not None
    ]
    if not rows:
        return
    frame = pl.DataFrame(
        rows,
        schema={
            "indicator": pl.Int64,
            "period": pl.String,
            "value": pl.Float64,
            "inhabitants": pl.Int64,
        },
        orient="row",
    )
    trends = {r["indicator"]: r for r in analysis.trend_frame(frame, by=["indicator"]).to_dicts()}
    for picture in pictures:
        found = trends.get(picture.indicator.pk)
        if found:
            picture.trend = _trend_from_row(found)


def _trend_from_row(row: dict) -> analysis.Trend:
    low, high = row["ci_low"], row["ci_high"]
    bounds = (low, high) if low is not None and high is not None else None
    return analysis.Trend(
        first_period=row["first_period"],
        last_period=row["last_period"],
        n_points=row["n_points"],
        granularity=row["granularity"],
        rate_ratio_per_year=row["rate_ratio_per_year"],
        ci95=bounds,
        percent_per_year=row["percent_per_year"],
        percent_ci95=((low - 1) * 100, (high - 1) * 100) if bounds else None,
        p_value=row["p_value"],
        verdict=row["verdict"],
        dispersion=row["dispersion"],
        method=row["method"],
        mann_kendall_tau=row["mann_kendall_tau"],
        mann_kendall_p=row["mann_kendall_p"],
    )


def _mixes_synthetic(references, picture, synthetic_sources: set[int], own_code: str) -> bool:
    """Whether the areas it would be compared with in its last year have figures of the other
    kind (synthetic against real)."""
    others = references.filter(
        (pl.col("period") == picture.last_period) & (pl.col("area") != own_code)
    )
    return bool(others["source_id"].is_in(synthetic_sources).ne(picture.synthetic).any())


def _year_swing(swings: dict, period: str):
    """The swing between the year before `period` and `period`, for comparing one year's
    level (None when it could not be estimated)."""
    if not period.isdigit():
        return None
    return swings.get((str(int(period) - 1), period))


def _benchmarks(context: _Context, last: SeriesPoint, references, swing=None):
    if last.value is None or last.inhabitants is None:
        return []
    in_year = analysis.with_rates(
        references.filter(pl.col("period") == last.period).select("area", "period", "value"),
        context.population,
    ).drop_nulls("inhabitants")
    municipalities = in_year.filter(pl.col("area").str.starts_with("GM"))
    results = [
        analysis.benchmark(
            last.value,
            last.inhabitants,
            members["value"].sum(),
            members["inhabitants"].sum(),
            label,
            reference_includes_area=True,
            swing=swing,
        )
        for label, members in _rest_of(context, in_year, municipalities)
        if _not_larger(members, last)
    ]
    peers = municipalities.filter(pl.col("area").is_in(context.peers))
    if peers.height >= MIN_PEERS:
        label = f"{nl.number_word(peers.height)} vergelijkbare gemeenten"
        results.append(
            analysis.peer_benchmark(last.value, last.inhabitants, peers, label, swing=swing)
        )
    return results


def _rest_of(context: _Context, in_year: pl.DataFrame, municipalities: pl.DataFrame):
    """(label, members) of the province and the country the municipality is compared with,
    each only when it is whole: CBS's own row for the country, or every municipality."""
    province = context.municipality.province
    members = municipalities.filter(pl.col("area").is_in(context.province_members))
    if province and not members.is_empty() and members.height == len(context.province_members):
        yield f"rest van de provincie {province.name}", members
    national = in_year.filter(pl.col("area") == NETHERLANDS)
    if not national.is_empty():
        yield REST_OF_COUNTRY, national
    elif municipalities.height == context.municipality_count:
        yield REST_OF_COUNTRY, municipalities


def _not_larger(members: pl.DataFrame, last: SeriesPoint) -> bool:
    """A reference from another edition can be smaller than the area itself: left out."""
    return members["value"].sum() >= last.value and members["inhabitants"].sum() > last.inhabitants


def _seasonality(rows: pl.DataFrame):
    months = rows.filter(pl.col("period").str.len_chars() == 7).select("period", "value")
    return analysis.seasonality(months) if months.height >= 24 else None


AREA_LEVELS = ("wijk", "buurt")
COUNTRY_NAMES = {"nederland", "netherlands", "the netherlands"}


def _wijk_observations(
    municipality: Municipality, people: pl.DataFrame, observed: pl.DataFrame, summed_sources
) -> pl.DataFrame:
    """Yearly values of the municipality's wijken and buurten for all indicators, with name,
    level, wijk and inhabitants (CBS Kerncijfers, the latest year), whether a value is a sum
    of buurten made at import (`summed`), and the municipality's total and inhabitants beside
    them (`total_value`, `total_summed`, `total_inhabitants`)."""
    mine = people.filter(pl.col("municipality") == municipality.code).drop("municipality")
    areas = mine.drop_nulls("area")
    if areas.is_empty():
        return pl.DataFrame(schema={"indicator_id": pl.Int64})
    whole = mine.filter(pl.col("area").is_null())["inhabitants"]
    inhabitants = whole[0] if whole.len() else None
    values = observed.filter(
        pl.col("area").is_in([*areas["area"], municipality.code])
    ).with_columns(pl.col("source_id").is_in(summed_sources).alias("summed"))
    totals = _area_years(values.filter(pl.col("area") == municipality.code)).select(
        "indicator_id",
        "period",
        pl.col("value").alias("total_value"),
        pl.col("summed").alias("total_summed"),
    )
    return (
        _area_years(values.filter(pl.col("area") != municipality.code))
        .join(areas, on="area", how="inner")
        .join(totals, on=["indicator_id", "period"], how="left")
        .with_columns(
            pl.col("total_summed").fill_null(False),
            pl.lit(inhabitants, dtype=pl.Int64).alias("total_inhabitants"),
        )
    )


def _area_people(municipalities) -> pl.DataFrame:
    """Per municipality its wijken and buurten with their inhabitants in its latest year of CBS
    Kerncijfers, and its own inhabitants in that year (the row without an area)."""
    rows = KeyFigures.objects.filter(
        Q(area__kind__in=AREA_LEVELS) | Q(area__isnull=True),
        municipality__in=municipalities,
        inhabitants__isnull=False,
    ).values_list(
        "municipality__code", "area__code", "area__name", "area__kind", "area__parent__code",
        "area__parent__name", "inhabitants", "year",
    )  # fmt: skip
    people = pl.DataFrame(
        list(rows),
        schema={
            "municipality": pl.String,
            "area": pl.String,
            "name": pl.String,
            "level": pl.String,
            "wijk": pl.String,
            "wijk_name": pl.String,
            "inhabitants": pl.Int64,
            "year": pl.Int64,
        },
        orient="row",
    )
    latest = pl.col("year") == pl.col("year").max().over("municipality")
    return people.filter(latest).drop("year")


def _area_years(values: pl.DataFrame) -> pl.DataFrame:
    """Per indicator, area and year: the year's value as published, else the sum of its 12
    months when all are there (as `_yearly` does for the municipality)."""
    keys = ["indicator_id", "area", "period"]
    years = values.filter(pl.col("period").str.len_chars() == 4).select(*keys, "value", "summed")
    months = (
        values.filter(pl.col("period").str.len_chars() == 7)
        .group_by("indicator_id", "area", pl.col("period").str.slice(0, 4))
        .agg(pl.col("value").sum(), pl.col("summed").any(), pl.len().alias("months"))
        .filter(pl.col("months") == 12)
        .join(years.select(keys), on=keys, how="anti")
        .select(*keys, "value", "summed")
    )
    return pl.concat([years, months])


def _areas(areas: pl.DataFrame):
    """The latest year of the wijken and of the buurten, each against the rest of the
    municipality: wijken first, then buurten, each highest rate first."""
    if areas.is_empty():
        return [], ""
    period = areas["period"].max()
    rows = [
        row
        for level in AREA_LEVELS
        for row in _level_comparison(areas.filter(pl.col("level") == level), period)
    ]
    return (rows, period) if rows else ([], "")


def _level_comparison(areas: pl.DataFrame, period: str) -> list[dict]:
    """One level's areas in `period`, judged against their swing between the year before and
    `period` where 30 or more have both (else the exact test, and the method says so)."""
    later = _in_period(areas, period)
    if later.height < 2:
        return []
    earlier = _in_period(areas, str(int(period) - 1)) if period.isdigit() else None
    compared, swing = compare_areas_over_years(
        later.select("area", "value", "inhabitants"),
        None if earlier is None else earlier.select("area", "value", "inhabitants"),
        parent_total=_municipality_total(later),
    )
    details = {row["area"]: row for row in later.iter_rows(named=True)}
    return [
        {
            **row,
            **_area_description(details[row["area"]]),
            "swing_percent": swing.percent if swing else None,
            "swing_areas": swing.areas if swing else None,
            "level_has_sums": bool(later["summed"].any()),
            "level_method": AREAS_SWING if swing else methods.EXACT_NO_SWING,
        }
        for row in compared.to_dicts()
    ]


def _municipality_total(later: pl.DataFrame) -> tuple[float, float] | None:
    """The municipality's count and inhabitants when its total is the sum of the file's areas:
    a buurt the file does not name counts as none (so the import says), and the rest of the
    municipality holds its people too. A published total stays out of it: registrations it
    has without an area would make every area look lower than the rest."""
    count, people = later["total_value"][0], later["total_inhabitants"][0]
    if not later["total_summed"][0] or count is None or people is None:
        return None
    if count < later["value"].sum() or people < later["inhabitants"].sum():
        return None
    return float(count), float(people)


def _in_period(areas: pl.DataFrame, period: str) -> pl.DataFrame:
    return areas.filter(pl.col("period") == period).drop_nulls(["value", "inhabitants"])


def _area_description(area: dict) -> dict:
    """What names an area on a page: `label` never lets a wijk called Nederland (Steenwijkerland
    has one) pass for the country."""
    return {
        "name": area["name"],
        "label": _area_label(area["name"], area["level"]),
        "level": area["level"],
        "wijk": area["wijk"] if area["level"] == "buurt" else None,
        "wijk_name": _area_label(area["wijk_name"], "wijk") if area["level"] == "buurt" else None,
        "summed": area["summed"],
        "total_summed": area["total_summed"],
    }


def _area_label(name: str | None, level: str) -> str | None:
    if name is not None and name.strip().casefold() in COUNTRY_NAMES:
        return f"{level} {name}"
    return name


def _by_field(fields, indicators, pictures) -> list[FieldPicture]:
    """The taxonomy's fields as the municipality names them (`themes_for`), each with the
    pictures of its themes' indicators."""
    result = []
    for effective in fields:
        theme_ids = {t.theme_id: t.name for t in effective.themes if t.theme_id}
        members = [
            pictures[i.pk]
            for i in indicators
            if i.pk in pictures and any(t.pk in theme_ids for t in i.themes.all())
        ]
        members.sort(
            key=lambda p: (p.indicator.classification != "0.0.0", p.indicator.classification)
        )
        names = sorted(
            {
                theme_ids[t.pk]
                for p in members
                for t in p.indicator.themes.all()
                if t.pk in theme_ids
            }
        ) or [t.name for t in effective.themes]
        result.append(FieldPicture(effective.field.number, effective.field.name, names, members))
    return result
