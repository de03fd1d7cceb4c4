"""Demo policy data: Westerveld's IVP 2023–2027 with its speerpunten and the Zuidwest-Drenthe
shared priorities it works on (seed 004) and Steenwijkerland's cycle after its start memo (seed 001). The facts are the
municipalities'; the sentences are ours. Idempotent: a second run changes nothing."""

import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from ivp.planning.execution.services.actions import action_plan_create, action_save
from ivp.planning.execution.services.progress import progress_record
from ivp.planning.models import CycleStep, Framework, PolicyCycle, PolicyPlan, RegionalPriority
from ivp.planning.policy.services.cycle import cycle_create, step_update, work_group_add
from ivp.planning.policy.services.frameworks import framework_save, frameworks_load
from ivp.planning.policy.services.plan import (
    focus_area_save,
    objective_save,
    plan_adopt,
    plan_create,
    priority_save,
    regional_link_save,
)
from ivp.planning.policy.services.regional import regional_priority_save
from ivp.regions.models import Municipality, Region
from ivp.taxonomy.models import Theme

# Zuidwest-Drenthe: Meppel, Midden-Drenthe and Westerveld, 2023–2027.
SHARED = [
    {
        "title": "Minder verwevenheid van onder- en bovenwereld",
        "theme": "ondermijning",
        "description": "Ondermijnende criminaliteit (drugshandel, zorgfraude, gedwongen prostitutie, "
        "witwassen) nestelt zich ook in de wijken van Zuidwest-Drenthe; de drie gemeenten gaan "
        "haar samen intensiever tegen.",
        "parties": ["Politie basisteam Zuidwest-Drenthe", "RIEC Noord", "Openbaar Ministerie"],
        "objectives": [
            "Bestuur, organisatie, inwoners en ondernemers zijn weerbaarder tegen ondermijning.",
            "De gemeenten werken meer datagestuurd en hebben een betere informatiepositie.",
            "De lokale integrale aanpak van casussen is geïntensiveerd.",
        ],
        "approach": [
            "bewustwording vergroten en het bestuurlijk instrumentarium benoemen, bijwerken en inzetten",
            "aandacht voor integriteit en de veiligheid van eigen medewerkers",
            "informatie datagestuurd verzamelen en delen binnen de wettelijke kaders",
        ],
    },
    {
        "title": "Jonge aanwas voorkomen",
        "theme": "jeugdcriminaliteit",
        "description": "Jongeren die opkijken tegen criminele rolmodellen een ander perspectief "
        "bieden; overlast door jongeren en problematische jeugdgroepen terugdringen.",
        "parties": ["Politie basisteam Zuidwest-Drenthe", "Halt"],
        "objectives": [
            "Er is zicht op overlastlocaties en criminele jeugdnetwerken.",
            "Jongeren en hun ouders krijgen sluitende ondersteuning.",
        ],
        "approach": [
            "preventieve maatregelen op het gebied van straf, ondersteuning en zorg",
            "vroegsignalering met een wijk- en buurtgerichte aanpak onderzoeken",
        ],
    },
    {
        "title": "Digitale veiligheid versterken",
        "theme": "gedigitaliseerde-criminaliteit",
        "description": "Online criminaliteit veroorzaakt veel leed, overstijgt de gemeentegrenzen "
        "en blijft grotendeels buiten beeld (dark number).",
        "parties": ["Politie basisteam Zuidwest-Drenthe"],
        "objectives": [
            "Medewerkers, inwoners en ondernemers kennen de risico's van online criminaliteit.",
            "Gemeenten en partners hebben meer zicht op online criminaliteit.",
        ],
        "approach": [
            "preventie en bewustwording, intern en extern",
            "met partners de mogelijkheden voor preventie en repressie verkennen",
        ],
    },
    {
        "title": "Veilig buitengebied",
        "theme": "ondermijning",
        "description": "Drugsproductie, dumpingen en opslag van gestolen goederen in schuren en "
        "loodsen in het uitgestrekte buitengebied.",
        "parties": ["Politie basisteam Zuidwest-Drenthe", "LTO Noord", "RIEC Noord"],
        "objectives": [
            "Agrarische ondernemers en eigenaren van loodsen herkennen en melden signalen.",
        ],
        "approach": [
            "de campagne Veilig buitengebied: voorlichting over het verhuren van loodsen",
            "fysieke aanwezigheid in het gebied om de informatiepositie te versterken",
        ],
    },
    {
        "title": "Effectieve verbinding zorg en veiligheid",
        "theme": "sociale-kwaliteit",
        "description": "Overlast door personen met verward of onbegrepen gedrag neemt toe; zorg "
        "en veiligheid moeten elkaar eerder vinden.",
        "parties": ["Politie basisteam Zuidwest-Drenthe", "zorgpartners"],
        "objectives": [
            "Professionals in zorg en veiligheid kennen elkaar en elkaars mogelijkheden.",
            "Organisaties in de keten nemen passende regie en eigenaarschap.",
        ],
        "approach": [
            "vroegsignalering met een wijkgerichte, persoonsgerichte aanpak",
            "sturen op regie en eigenaarschap zodat niemand tussen wal en schip valt",
        ],
    },
]

# Westerveld's four priorities, in the plan's order. The plan joins the Zuidwest-Drenthe
# priorities and gives them a local colour: `linked` names the regional priority a local one
# works on (a link, no extra priority); `focus_areas` are the speerpunten ("In onze strategie
# richten we ons op ..."), each with the objectives the plan puts under it.
# The themes the national agenda and the regional police plan name (seed 004, chapter 3).
WESTERVELD_FRAMEWORKS_LVA = "landelijke-veiligheidsagenda-2023-2026"
WESTERVELD_FRAMEWORKS_RBP = "regionaal-beleidsplan-noord-nederland-2020-2023"
WESTERVELD = [
    {
        "title": "Ondermijnende factoren verminderen",
        "frameworks": [WESTERVELD_FRAMEWORKS_LVA, WESTERVELD_FRAMEWORKS_RBP],
        "description": "Ondermijning tast veiligheid, leefbaarheid, economie en gezag aan; Westerveld trekt hierin op met Zuidwest-Drenthe en heeft daarnaast eigen aandachtspunten in de organisatie.",
        "theme": "ondermijning",
        "linked": "Minder verwevenheid van onder- en bovenwereld",
        "contribution": "Westerveld volgt de aanbevelingen van de weerbaarheidsscan van het RIEC op en voert een eigen Bibob-beleid in.",
        "parties": ["RIEC Noord", "Politie basisteam Zuidwest-Drenthe"],
        "objectives": [],
        "approach": [],
        "focus_areas": [
            {
                "title": "Bewustwording en weerbaarheid van bestuur en organisatie",
                "introduction": "Bewustzijn is de basis, met aandacht voor integriteit en de veiligheid van de eigen medewerkers.",
                "objectives": [
                    "De aanbevelingen uit de weerbaarheidsscan van het RIEC zijn opgevolgd."
                ],
            },
            {
                "title": "Een betere informatiepositie door datagestuurd werken",
                "introduction": "",
                "objectives": [],
            },
            {
                "title": "Bibob-beleid dat past bij Westerveld",
                "introduction": "Zodat vergunningen niet worden misbruikt voor criminele doeleinden.",
                "objectives": [
                    "Een Bibob-beleid dat past bij Westerveld is ingevoerd en wordt structureel toegepast."
                ],
            },
        ],
    },
    {
        "title": "Sociale overlast terugdringen",
        "frameworks": [],
        "description": "Meldingen van sociale overlast, zoals burengerucht en verward gedrag, namen toe; drie op de tien inwoners ervaren veel overlast in de buurt (Veiligheidsmonitor 2021).",
        "theme": "sociale-kwaliteit",
        "linked": None,
        "parties": ["Politie basisteam Zuidwest-Drenthe", "woningcorporaties", "zorgpartners"],
        "objectives": [],
        "approach": [],
        "focus_areas": [
            {
                "title": "Beleid voor ernstige en herhaalde woonoverlast",
                "introduction": "De burgemeester kan dan een gedragsaanwijzing geven; daar horen beleidsregels onder.",
                "objectives": [
                    "Er zijn beleidsregels voor de gedragsaanwijzing bij ernstige, herhaalde woonoverlast."
                ],
            },
            {
                "title": "Integrale samenwerking met heldere rollen",
                "introduction": "",
                "objectives": [
                    "De rollen en verantwoordelijkheden van partners bij woonoverlast zijn vastgelegd."
                ],
            },
            {
                "title": "Triage bij woonoverlast",
                "introduction": "Achter overlast zit vaak een zorgvraag, bijvoorbeeld psychische problemen.",
                "objectives": [],
            },
        ],
    },
    {
        "title": "Digitale criminaliteit beter in beeld en aanpakken",
        "frameworks": [WESTERVELD_FRAMEWORKS_LVA, WESTERVELD_FRAMEWORKS_RBP],
        "description": "Criminaliteit verschuift van bijvoorbeeld woninginbraak naar online vormen als phishing en bankhelpdeskfraude; een op de zeven inwoners was in 2021 slachtoffer van online criminaliteit (Veiligheidsmonitor 2021).",
        "theme": "gedigitaliseerde-criminaliteit",
        "linked": "Digitale veiligheid versterken",
        "contribution": "Lokaal werken we aan de bewustwording van inwoners; in de regio aan preventie en de informatiepositie.",
        "parties": ["Politie basisteam Zuidwest-Drenthe"],
        "objectives": [],
        "approach": [
            "bewustwording en weerbaarheid van inwoners",
            "de informatiepositie versterken en netwerken actief opbouwen",
        ],
        "focus_areas": [],
    },
    {
        "title": "Zorg en veiligheid efficiënter samen laten werken",
        "frameworks": [WESTERVELD_FRAMEWORKS_RBP],
        "description": "Personen met verward of onbegrepen gedrag veroorzaken vaker overlast, en zorg wordt steeds vaker ambulant geboden.",
        "theme": "sociale-kwaliteit",
        "linked": "Effectieve verbinding zorg en veiligheid",
        "contribution": "",
        "parties": ["zorgpartners", "Politie basisteam Zuidwest-Drenthe", "RIEC Noord"],
        "objectives": [],
        "approach": [],
        "focus_areas": [
            {
                "title": "De verbinding tussen zorg en veiligheid verbeteren",
                "introduction": "Professionals kennen elkaar, spreken elkaars taal en weten wat wel en niet kan.",
                "objectives": [],
            },
            {
                "title": "Passende regie en eigenaarschap in de keten",
                "introduction": "Zodat niemand tussen wal en schip valt.",
                "objectives": ["Het AVE-model wordt samen met het sociaal domein toegepast."],
            },
            {
                "title": "De beleidsregels jongerenketen actief uitvoeren",
                "introduction": "Met aandacht voor (brand)veiligheid en middelengebruik.",
                "objectives": ["De beleidsregels voor jongerenketen worden actief uitgevoerd."],
            },
            {
                "title": "Goede zorg voor arbeidsmigranten",
                "introduction": "De kans op arbeidsuitbuiting zo klein mogelijk maken.",
                "objectives": [
                    "De aanbevelingen uit het RIEC-onderzoek naar huisvesting van arbeidsmigranten zijn opgevolgd."
                ],
            },
        ],
    },
]

# Steenwijkerland's start memo (seed 001): the step plan with its months and decision makers.
STEENWIJKERLAND_STEPS = {
    "startnotitie": (date(2022, 6, 1), date(2022, 6, 30), "college", "afgerond"),
    "veiligheidsanalyse": (date(2022, 7, 1), date(2022, 9, 30), "", "afgerond"),
    "prioritering": (date(2022, 10, 1), date(2022, 10, 31), "gemeenteraad", "afgerond"),
    "veiligheidsplan": (date(2022, 11, 1), date(2023, 3, 31), "gemeenteraad", "afgerond"),
    "uitvoeringsplan": (date(2023, 1, 1), date(2023, 2, 28), "college", "afgerond"),
    "monitoring": (date(2023, 3, 1), date(2026, 12, 31), "", "bezig"),
    "verantwoording": (None, None, "", "niet_gestart"),
}


@transaction.atomic
def planning_demo_load(*, write_document: Callable | None = None) -> None:
    """`write_document(plan)` writes the chapters of Westerveld's IVP before it is adopted
    (the documents' outlines are the reports app's, above this one)."""
    frameworks_load()
    _zuidwest_drenthe()
    _westerveld_plan(write_document)
    _steenwijkerland_cycle()


def _theme(code: str) -> Theme:
    return Theme.objects.get(field__version__is_current=True, code=code)


def _with_objectives(save, entry: dict, *, owner: str, **where) -> None:
    """A priority of a table above, saved by `save` with `where` (whose it is), and its
    objectives; `owner` is the argument by which `objective_save` takes the priority."""
    priority = save(
        **where,
        title=entry["title"],
        theme=_theme(entry["theme"]),
        description=entry["description"],
        parties=entry["parties"],
        approach=entry["approach"],
    )
    for text in entry["objectives"]:
        objective_save(**{owner: priority}, text=text, kind="kwalitatief")
    return priority


def _zuidwest_drenthe() -> None:
    region = Region.objects.get(code="zuidwest-drenthe")
    if region.shared_priorities.exists():
        return
    for entry in SHARED:
        _with_objectives(
            regional_priority_save,
            entry,
            owner="regional_priority",
            region=region,
            start_year=2023,
            end_year=2027,
        )


def _westerveld_plan(write_document: Callable | None) -> None:
    westerveld = Municipality.objects.get(code="GM1701")
    if PolicyPlan.objects.filter(municipality=westerveld).exists():
        return
    plan = plan_create(
        municipality=westerveld,
        title="Integraal Veiligheidsplan Westerveld 2023–2027",
        start_year=2023,
        end_year=2027,
        frameworks=_westerveld_frameworks(westerveld),
        mission="Westerveld blijft een veilige en leefbare gemeente om te wonen, werken en "
        "recreëren, voor nu en later; dat doen we samen met inwoners, ondernemers en partners.",
        vision="De gemeente voert de regie en deelt de verantwoordelijkheid met partners. Waar het "
        "kan trekken Meppel, Midden-Drenthe en Westerveld samen op; lokaal waar het moet.",
        strategic_objectives="Ondermijnende factoren verminderen\nSociale overlast terugdringen\n"
        "Digitale criminaliteit beter in beeld en aanpakken\n"
        "Zorg en veiligheid efficiënter samen laten werken",
        principles="Samen met de gemeenten in Zuidwest-Drenthe waar het kan\n"
        "Om de twee jaar een uitvoeringsplan dat de prioriteiten concreet maakt",
        communication="",
        formation="",
        finances="",
    )
    region = Region.objects.get(code="zuidwest-drenthe")
    for entry in WESTERVELD:
        priority = _with_objectives(
            priority_save,
            entry,
            owner="priority",
            plan=plan,
            frameworks=Framework.objects.filter(code__in=entry["frameworks"]),
        )
        for area in entry["focus_areas"]:
            focus_area = focus_area_save(
                priority=priority, title=area["title"], introduction=area["introduction"]
            )
            for text in area["objectives"]:
                objective_save(
                    priority=priority, focus_area=focus_area, text=text, kind="kwalitatief"
                )
        if entry["linked"]:
            regional_link_save(
                priority=priority,
                regional_priority=RegionalPriority.objects.get(
                    region=region, title=entry["linked"]
                ),
                contribution=entry["contribution"],
            )
    if write_document is not None:
        write_document(plan)
    # Adopted by the council; the source document gives neither the date nor the decision.
    plan_adopt(
        plan=plan,
        adopted_on=None,
        adopted_by="gemeenteraad",
        decision_reference="",
        adopted_on_unstated=True,
        decision_reference_unstated=True,
    )


def _westerveld_frameworks(westerveld) -> list:
    """The plan's frameworks in the source's order, national to local; the basisteam's year
    plan is Westerveld's own entry (the shared data does not hold it)."""
    year_plan = framework_save(
        municipality=westerveld,
        name="Jaarwerkplan Politie basisteam Zuidwest-Drenthe",
        level=Framework.Level.REGIONAAL,
        issuer="Politie basisteam Zuidwest-Drenthe, met input van de gemeenten",
        start_year=2023,
        end_year=2023,
        description="De lokale prioriteiten van De Wolden, Hoogeveen, Meppel, Midden-Drenthe en "
        "Westerveld en van het OM Noord-Nederland, uitgewerkt voor het jaar.",
        order=1,
    )
    shared = {f.code: f for f in Framework.objects.all()}
    coalition = shared["coalitieakkoord-westerveld-2022-2026"]
    return [
        shared[WESTERVELD_FRAMEWORKS_LVA],
        shared[WESTERVELD_FRAMEWORKS_RBP],
        year_plan,
        coalition,
    ]


def _steenwijkerland_cycle() -> None:
    steenwijkerland = Municipality.objects.get(code="GM1708")
    if PolicyCycle.objects.filter(municipality=steenwijkerland).exists():
        return
    cycle = cycle_create(
        municipality=steenwijkerland,
        name="Integraal Veiligheidsplan Steenwijkerland 2023–2026",
        plan_start_year=2023,
        plan_end_year=2026,
        hours_budget_low=300,
        hours_budget_high=400,
        notes="Volgens de handreiking Kernbeleid Veiligheid 2021 (VNG); afgestemd met "
        "Zwartewaterland, Staphorst en Kampen: samen waar het kan, lokaal waar het moet.",
    )
    for step in cycle.steps.all():
        start, end, decided_by, status = STEENWIJKERLAND_STEPS[step.kind]
        step_update(
            step=step,
            planned_start=start,
            planned_end=end,
            decided_by=decided_by,
            status=status,
            owner="coördinator OOV" if step.kind != CycleStep.Kind.MONITORING else "college",
        )
    for role, organisation, hours in (
        ("trekker en eindredacteur", "gemeente Steenwijkerland, coördinator OOV", None),
        ("operationeel expert", "Politie", None),
        (
            "interne sleutelpartners voor de vijf veiligheidsvelden",
            "gemeente Steenwijkerland",
            None,
        ),
    ):
        work_group_add(cycle=cycle, role=role, organisation=organisation, hours_budgeted=hours)


STEENWIJKERLAND_FILE = Path(__file__).resolve().parent / "data" / "demo_steenwijkerland.json"


@transaction.atomic
def actions_demo_load(*, write_document: Callable | None = None) -> None:
    """Steenwijkerland's IVP 2023–2026 and its uitvoeringsplan 2026 (seed 000);
    `write_document(action_plan)` writes the chapters of its document."""
    steenwijkerland = Municipality.objects.get(code="GM1708")
    data = json.loads(STEENWIJKERLAND_FILE.read_text(encoding="utf-8"))
    if PolicyPlan.objects.filter(municipality=steenwijkerland, start_year=2023).exists():
        return
    facts = data["plan"]
    plan = plan_create(
        municipality=steenwijkerland,
        cycle=PolicyCycle.objects.filter(municipality=steenwijkerland).first(),
        title=facts["title"],
        start_year=facts["start_year"],
        end_year=facts["end_year"],
        mission=facts["mission"],
    )
    for entry in data["themes"]:
        priority = priority_save(
            plan=plan, title=entry["title"], kind=entry["kind"], theme=_theme(entry["theme"])
        )
        for text in entry["objectives"]:
            objective_save(priority=priority, text=text, kind="kwalitatief")
    plan_adopt(
        plan=plan,
        adopted_on=date.fromisoformat(facts["adopted_on"]),
        adopted_by=facts["adopted_by"],
        decision_reference="raadsbesluit 14 maart 2023",
    )
    action_plan = action_plan_create(policy_plan=plan, start_year=2026)
    action_plan.dashboard_published = True
    action_plan.save(update_fields=["dashboard_published"])
    for theme, entry in zip(action_plan.themes.order_by("order"), data["themes"], strict=True):
        theme.lookback = entry["lookback"]
        theme.save()
        for item, description, parties, planning in entry["actions"]:
            action = action_save(
                theme=theme,
                item=item,
                description=description,
                parties=parties,
                planning_text=planning,
                owner=parties[0],
            )
            _demo_progress(action)
    if write_document is not None:
        write_document(action_plan)


# Illustrative progress, so the plan and its reminders show a mix; not the municipality's.
DEMO_PROGRESS = {
    "Q1": ("afgerond", 100, date(2026, 4, 10)),
    "Q1 en Q2": ("afgerond", 100, date(2026, 7, 3)),
    "Q2": ("afgerond", 100, date(2026, 7, 8)),
    "Q2 en Q3": ("vertraagd", 40, date(2026, 9, 15)),
    "Q3": ("lopend", 60, date(2026, 8, 20)),
    "Q1 en Q3": ("lopend", 50, date(2026, 9, 2)),
    "Vaarseizoen 2026": ("afgerond", 100, date(2026, 10, 31)),
}


def _demo_progress(action) -> None:
    today = timezone.localdate()
    status, percent, on = DEMO_PROGRESS.get(
        action.planning_text, ("lopend", 70, today - timedelta(days=12))
    )
    if action.item == "VR-brillen mensenhandel":
        status, percent = "geschrapt", None
    progress_record(
        action=action,
        status=status,
        percent_done=percent,
        on=min(on, today),
        note="Demovoortgang (voorbeeld, niet van de gemeente).",
    )
