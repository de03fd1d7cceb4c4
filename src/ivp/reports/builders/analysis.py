"""The Veiligheidsanalyse: the veiligheidsbeeld per safety field, every indicator with its
series (chart and table), the verdict of its change, its comparisons and its cautions."""

from ivp.figures import drafting, presenters, safety_picture
from ivp.figures import formatting as nl
from ivp.figures.safety_picture import IndicatorPicture
from ivp.figures.selectors import available_years, municipality_names
from ivp.planning.policy import selectors as policy_selectors

from ..document import Chart, Document, Paragraph, Table
from .chapters import assemble, block_key, outline_of, placed_blocks

VERDICT = {
    "stijging": "stijging",
    "daling": "daling",
    "stabiel": "geen aantoonbare verandering",
    None: "niet te toetsen",
}
COMPARED = {"hoger": "hoger", "lager": "lager", "vergelijkbaar": "niet aantoonbaar anders"}
SYNTHETIC_WARNING = (
    "SYNTHETISCHE CIJFERS: een deel van de cijfers in dit document is gemaakt voor tests. Die "
    "cijfers zijn niet echt en mogen niet voor beleid worden gebruikt; het document zegt bij "
    "elke indicator of de cijfers synthetisch zijn."
)


def years_for(municipality, year: int) -> tuple[int, int] | None:
    """The three years before the plan year that have figures (or the latest three)."""
    years = available_years(municipality)
    if not years:
        return None
    before = [y for y in years if y < year] or years
    last = before[-1]
    return max(last - 2, years[0]), last


def founding_plan(municipality, year: int):
    """The IVP starting in `year` (adopted, else the newest draft), whose chapters hold what
    the coordinator wrote for this analysis; None when no IVP starts then."""
    plan = policy_selectors.plan_in_force(municipality, year=year) or policy_selectors.current_plan(
        municipality, year=year
    )
    return plan if plan is not None and plan.start_year == year else None


def build(municipality, year: int, *, picture=None, plan=None) -> Document:
    """`plan`: the IVP starting in `year` whose chapters the coordinator wrote for this
    analysis (its foundation); without one, the figures in the default chapters."""
    span = years_for(municipality, year)
    picture = picture or (
        safety_picture.build(municipality, first_year=span[0], last_year=span[1]) if span else None
    )
    document = Document.about(
        "analyse",
        municipality,
        year,
        title=f"Veiligheidsanalyse {municipality.name} {year}",
        subtitle=f"Gemeente {municipality.name}",
        status="Analyse van de geregistreerde cijfers, ter voorbereiding van het beleid.",
    )
    if picture is None or not picture.indicators:
        document.section("Inleiding").add(
            Paragraph(f"Van {municipality.name} zijn nog geen geregistreerde cijfers beschikbaar.")
        )
        return document
    items = picture.indicators
    if any(item.synthetic for item in items):
        document.warning = SYNTHETIC_WARNING
    document.figures_date = _figures_date(picture)
    document.sources = sorted({s.credit for item in items for s in item.sources})
    outline = outline_of(plan, "analyse")
    assemble(document, outline, blocks(picture, municipality, placed_blocks(outline)))
    return document


def blocks(picture, municipality, placed: frozenset = frozenset()) -> dict:
    """The generated parts a chapter of the analysis may hold; a field placed in a chapter of
    its own is not repeated among all fields."""

    def method(document, section):
        peers = municipality_names(picture.peers)
        section.add(
            Paragraph(
                f"Deze veiligheidsanalyse beschrijft de veiligheid in {municipality.name} met de "
                f"geregistreerde cijfers van {picture.first_year} tot en met "
                f"{picture.last_year}, per veiligheidsveld van de Kernbeleid Veiligheid. Per "
                "indicator staan de cijfers, de verandering, de vergelijking met de rest van de "
                "provincie, de rest van Nederland en vergelijkbare gemeenten, en de "
                "kanttekeningen die bij het lezen horen."
            ),
            Paragraph(
                "Een verandering heet alleen een stijging of daling als die groter is dan toeval "
                "en de gewone schommeling tussen jaren samen verklaren (95%). Die schommeling is "
                "geschat uit de veranderingen van alle gemeenten (Spiegelhalter, 2005); heeft "
                "een cijfer te weinig gemeenten, dan uit de eigen jaren. De vergelijking met de "
                "rest van de provincie en van Nederland telt de schommeling van één jaar mee. "
                "Anders staat er ‘geen aantoonbare verandering’; wat niet te toetsen is, heet zo. "
                "Cijfers per 1.000 inwoners gebruiken het inwonertal van hetzelfde jaar (CBS)."
            ),
            Paragraph("Vergelijkbare gemeenten (naar inwoners en dichtheid): " + ", ".join(peers))
            if peers
            else None,
        )

    def fields(document, section):
        for field in picture.all_fields:
            # the app says which fields lack figures; the document leaves them out
            if field.indicators and field_key(field.name) not in placed:
                own = document.section(f"{field.number}. {field.name}", section.level + 1)
                field_section(document, own, field.indicators, municipality)
        if picture.without_theme:
            own = document.section("Overige indicatoren", section.level + 1)
            for item in picture.without_theme:
                indicator_section(document, item, municipality, own.level + 1)

    found = {
        "method": method,
        "overview": lambda document, section: section.add(_overview(picture.indicators, picture)),
        "fields": fields,
    }
    for field in picture.all_fields:
        found[field_key(field.name)] = _one_field(field, municipality)
    return found


def field_key(name: str) -> str:
    return block_key("veld", name)


def _one_field(field, municipality):
    return lambda document, section: field_section(
        document, section, field.indicators, municipality
    )


def field_section(document: Document, section, items: list[IndicatorPicture], municipality):
    """A safety field in `section`: which of its indicators changed, then each indicator one
    level deeper. A field without figures adds nothing."""
    if not items:
        return
    section.add(Paragraph(field_summary(items)))
    for item in items:
        indicator_section(document, item, municipality, section.level + 1)


def field_summary(items: list[IndicatorPicture]) -> str:
    """Which of the field's indicators rose or fell (by the verdict of their change)."""
    by_verdict: dict[str, list[str]] = {"stijging": [], "daling": []}
    for item in items:
        change = item.overall_change
        if change is not None and change.verdict in by_verdict:
            by_verdict[change.verdict].append(
                f"{item.indicator.name} ({nl.span(change.from_period, change.to_period)})"
            )
    text = f"Dit veld telt {len(items)} {'indicator' if len(items) == 1 else 'indicatoren'}."
    for verdict, word in (("stijging", "Gestegen"), ("daling", "Gedaald")):
        if by_verdict[verdict]:
            text += f" {word}: {'; '.join(by_verdict[verdict])}."
    rest = len(items) - sum(len(v) for v in by_verdict.values())
    if rest:
        text += f" Bij {rest} geen aantoonbare verandering of geen vergelijking."
    return text


def _figures_date(picture) -> str:
    text = f"geregistreerde cijfers {picture.first_year} tot en met {picture.last_year}"
    retrieved = [s.retrieved for item in picture.indicators for s in item.sources if s.retrieved]
    if retrieved:
        text += f", opgehaald bij de bronnen tot en met {max(retrieved):%d-%m-%Y}"
    editions = sorted({s.edition for item in picture.indicators for s in item.sources})
    if editions:
        text += f" (edities {', '.join(editions)})"
    return text + "."


def _overview(items: list[IndicatorPicture], picture) -> Table:
    rows = []
    for item in items:
        last, change = item.last, item.overall_change
        rows.append(
            [
                item.indicator.name + (" (synthetisch)" if item.synthetic else ""),
                last.period if last else "—",
                nl.value(last.value, item.indicator.unit) if last else "—",
                nl.decimal(last.rate_per_1000) if last and last.rate_per_1000 is not None else "—",
                f"{VERDICT[change.verdict]} ({change.from_period}→{change.to_period})"
                if change
                else "—",
            ]
        )
    return Table(
        f"Alle indicatoren, {picture.first_year}–{picture.last_year}",
        ["Indicator", "Periode", "Waarde", "Per 1.000 inwoners", "Verandering"],
        rows,
        numeric=(2, 3),
    )


def indicator_section(
    document: Document, item: IndicatorPicture, municipality, level: int = 2
) -> None:
    """One indicator: what its figures say, its series as a chart with its table, its
    comparisons and the cautions that go with reading it."""
    section = document.section(item.indicator.name, level)
    said = drafting.indicator_sentences(item, municipality.name)
    section.add(*[Paragraph(s.text) for s in said])
    unit = item.indicator.unit
    rows = [
        [
            p.period,
            nl.value(p.value, unit),
            nl.decimal(p.rate_per_1000) if p.rate_per_1000 is not None else "—",
            nl.whole(p.inhabitants) if p.inhabitants else "—",
        ]
        for p in item.series
    ]
    source = "; ".join(s.credit for s in item.sources)
    section.add(
        Chart(
            f"{item.indicator.name}, {nl.period(item.first_period)}–{nl.period(item.last_period)}",
            presenters.series_spec(item),
            Table(
                f"{item.indicator.name} per periode. {source}",
                ["Periode", "Waarde", "Per 1.000 inwoners", "Inwoners"],
                rows,
                numeric=(1, 2, 3),
            ),
        )
    )
    if item.benchmarks:
        section.add(
            Table(
                f"{item.indicator.name}: vergelijking in {item.last_period}",
                ["Vergeleken met", "Per 1.000 daar", "Verhouding", "95%-interval", "Oordeel"],
                [
                    [
                        f"{b.label} (mediaan; {drafting.peer_position(b)})"
                        if b.position
                        else b.label,
                        nl.decimal(b.reference_rate_per_1000),
                        nl.decimal(b.rate_ratio, 2),
                        nl.interval(b.ci95, 2),
                        COMPARED.get(b.verdict, b.verdict),
                    ]
                    for b in item.benchmarks
                ],
                numeric=(1, 2),
            )
        )
    for caution in drafting.cautions(item, municipality.code):
        section.add(Paragraph(caution, note=True))
