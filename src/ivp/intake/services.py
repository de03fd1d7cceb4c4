"""A checked draft saved as a concept plan (or an uitvoeringsplan's actions), in one
transaction: the plan, its priorities and
other themes with their speerpunten, objectives, approach lines, parties and frameworks, the
regional priorities it works on. What the draft names but ivp does not know (a theme, a
framework, an indicator, a regional priority) is left empty and said in a finding; nothing is
filled in from a default.

The draft has the shape of the plan's JSON export (`ivp plan --format json`), so an exported
plan comes back as it was.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from ivp.figures.models import Indicator
from ivp.planning.execution import selectors as execution_selectors
from ivp.planning.execution.address import PlanAddress
from ivp.planning.execution.services import actions as execution_services
from ivp.planning.models import ActionPlan, Framework, PolicyPlan, Priority, RegionalPriority
from ivp.planning.policy import selectors as policy_selectors
from ivp.planning.policy.frameworks_available import frameworks_available
from ivp.planning.policy.services import frameworks as framework_services
from ivp.planning.policy.services import plan as plan_services
from ivp.planning.workflow import chapter_services
from ivp.reports.outlines import OUTLINES
from ivp.taxonomy.models import Theme
from ivp.taxonomy.selectors import current_version

from .drafting_actions import name_alike, theme_named

SAME_FRAMEWORK = 0.6  # how alike two names of a framework with the same years must be


@dataclass
class SavedDraft:
    plan: PolicyPlan
    findings: list[str] = field(default_factory=list)


class _Names:
    """What the draft names, looked up once: themes of the current taxonomy, the frameworks the
    municipality's plans may name, indicators; each miss noted once."""

    def __init__(self, municipality, start_year: int, end_year: int, findings: list[str]):
        version = current_version()
        themes = Theme.objects.filter(field__version=version) if version else Theme.objects.none()
        self.themes = {t.name.casefold(): t for t in themes}
        available = frameworks_available(municipality, start_year=start_year, end_year=end_year)
        self.frameworks = {f.name.casefold(): f for f in available}
        self.findings = findings
        self.indicators: dict | None = None

    def theme(self, name: str | None, where: str) -> Theme | None:
        if not name:
            return None
        found = self.themes.get(name.casefold())
        if found is None:
            self.miss(f"Thema „{name}” ({where}) staat niet in de takenlijst van ivp; leeg "
                       "gelaten.")  # fmt: skip
        return found

    def framework(self, name: str, where: str) -> Framework | None:
        found = self._known_framework(name)
        if found is None:
            self.miss(f"Kader „{name}” ({where}) kent ivp niet voor deze gemeente; niet "
                       "gekoppeld.")  # fmt: skip
        return found

    def plan_framework(self, municipality, drafted: dict) -> Framework | None:
        """A framework the plan names: the one ivp knows, else, when the document (or the
        coordinator in the review) gives its years, a new framework of the municipality's own."""
        name = drafted["name"]
        found = self._known_framework(name)
        if found is not None:
            return found
        years = re.fullmatch(r"\s*(\d{4})\s*[–-]\s*(\d{4})\s*", drafted.get("period") or "")
        if years is None:
            self.miss(f"Kader „{name}” kent ivp niet en het document noemt er geen periode bij; "
                       "niet gekoppeld. Leg het aan onder Kaders en koppel het aan het plan.")  # fmt: skip
            return None
        found = framework_services.framework_save(
            municipality=municipality, name=name[:200], level=drafted.get("level") or "lokaal",
            start_year=int(years.group(1)), end_year=int(years.group(2)),
            issuer=drafted.get("issuer", "")[:200],
        )  # fmt: skip
        self.frameworks[name.casefold()] = found
        self.miss(f"Kader „{name}” ({years.group(1)}–{years.group(2)}) is nieuw aangelegd als "
                   "kader van de gemeente.")  # fmt: skip
        return found

    def _known_framework(self, name: str) -> Framework | None:
        """By its name, or one written a little differently with the same years ("Regionaal
        Beleidsplan RBP 2020–2023" for "Regionaal Beleidsplan Veiligheid Noord-Nederland
        2020–2023")."""
        found = self.frameworks.get(name.casefold())
        if found is None:
            years = re.findall(r"20\d\d", name)
            alike = [
                (name_alike(name, known.name), known)
                for known in self.frameworks.values()
                if years == re.findall(r"20\d\d", known.name)
            ]
            score, best = max(alike, key=lambda pair: pair[0], default=(0.0, None))
            found = best if score >= SAME_FRAMEWORK else None
        return found

    def frameworks_named(self, wanted: list[str], where: str) -> list[Framework]:
        return [f for f in (self.framework(name, where) for name in wanted) if f]

    def indicator(self, name: str | None, where: str) -> Indicator | None:
        if not name:
            return None
        if self.indicators is None:  # read once, when the first objective names one
            self.indicators = {i.name: i for i in Indicator.objects.all()}
        found = self.indicators.get(name)
        if found is None:
            self.miss(f"Indicator „{name}” ({where}) staat niet in ivp; leeg gelaten.")
        return found

    def miss(self, text: str) -> None:
        if text not in self.findings:
            self.findings.append(text)


@transaction.atomic
def plan_draft_save(*, municipality, draft: dict) -> SavedDraft:
    """A concept plan made of the draft: the next version of the municipality's plan for the
    same years when there is one, else its first."""
    findings = list(draft.get("findings", []))
    start, end = draft["period"]["from"], draft["period"]["to"]
    names = _Names(municipality, start, end, findings)
    newest = (
        PolicyPlan.objects.filter(municipality=municipality, start_year=start)
        .order_by("-version")
        .first()
    )
    plan = plan_services.plan_create(
        municipality=municipality,
        title=draft.get("title") or f"Integraal Veiligheidsplan {municipality.name}",
        start_year=start,
        end_year=end,
        cycle=newest.cycle if newest else None,
        frameworks=[
            f
            for f in (names.plan_framework(municipality, f) for f in draft.get("frameworks", []))
            if f
        ],
        mission=draft.get("mission", ""),
        vision=draft.get("vision", ""),
        strategic_objectives="\n".join(draft.get("strategic_objectives", [])),
        principles="\n".join(draft.get("principles", [])),
        communication=draft.get("communication", ""),
        formation=draft.get("formation", ""),
        finances=draft.get("finances", ""),
        **(_next_version_of(newest) if newest else {}),
    )
    for kind, group in ((Priority.Kind.PRIORITEIT, "priorities"), (Priority.Kind.OVERIG,
                                                                    "other_themes")):  # fmt: skip
        for element in draft.get(group, []):
            _priority(plan, element, kind, names)
    going = [names.theme(name, "reguliere aanpak") for name in draft.get("going_concern", [])]
    plan.going_concern.set([t for t in going if t])
    _chapters(plan, draft)
    if not draft.get("priorities"):
        findings.append("Geen prioriteiten gevonden.")
    return SavedDraft(plan, findings)


# Which standard chapter of the IVP a chapter of the document is, by its title's words. The
# chapters whose content was read into the plan's structure (its priorities, the region's)
# keep their generated part, not the document's text, which would say it twice.
CHAPTER_WORDS = {
    "voorwoord": r"voorwoord",
    "samenvatting": r"samenvatting",
    "inleiding": r"inleiding",
    "kaders": r"kader",
    "missie": r"missie|visie",
    "terugblik": r"terugblik|evaluatie",
    "tendensen": r"tendens|ontwikkeling",
    "veiligheidsbeeld": r"veiligheidsbeeld|veiligheid in|analyse",
    "sturing": r"sturing|uitvoering|verantwoording|monitoring",
    "communicatie": r"communicatie",
    "financien": r"financi|capaciteit|formatie",
    "bijlagen": r"bijlage",
}


def _chapters(plan: PolicyPlan, draft: dict) -> None:
    """The document's own words in the IVP's chapters: its voorwoord with its signer, and each
    chapter whose title names a standard one, under the document's title."""
    written: dict[str, dict] = {}
    for chapter in draft.get("chapters", []):
        key = next(
            (k for k, words in CHAPTER_WORDS.items() if re.search(words, chapter["title"], re.I)),
            None,
        )
        if key and key not in written and chapter["text"].strip():
            written[key] = chapter
    foreword = draft.get("foreword")
    if foreword and "voorwoord" not in written:
        written["voorwoord"] = {"title": "Voorwoord", **foreword}
    if not written:
        return
    stored = chapter_services.outline_take_over(plan=plan, document="ivp", defaults=OUTLINES["ivp"])
    for chapter in stored:
        found = written.get(chapter.key)
        if found is not None:
            chapter_services.chapter_save(
                chapter=chapter,
                title=found["title"][:200],
                body=found["text"],
                block=chapter.block,
                signer_function=found.get("signer_function", "")[:150],
                signer_name=found.get("signer_name", "")[:150],
            )


def _next_version_of(newest: PolicyPlan) -> dict:
    top = PolicyPlan.objects.filter(
        municipality=newest.municipality, start_year=newest.start_year
    ).aggregate(v=Max("version"))["v"]
    return {"version": top + 1, "previous": newest}


def _priority(plan: PolicyPlan, element: dict, kind: str, names: _Names) -> None:
    title = element["title"].strip()
    shared = element.get("shared")
    if shared:
        regional = _regional(plan, shared, title, names)
        if regional is not None:
            priority = plan_services.shared_priority_adopt(
                plan=plan, shared=regional, confirm_more=True
            )
            _objectives(priority, element.get("objectives", []), names, title)
            return
    themes = [names.theme(name, title) for name in element.get("themes", [])]
    main = names.theme(element.get("theme"), title)
    priority = plan_services.priority_save(
        plan=plan,
        title=title,
        kind=kind,
        theme=main,
        extra_themes=[t for t in themes if t],
        frameworks=names.frameworks_named(element.get("frameworks", []), title),
        description=element.get("description", ""),
        ambition=element.get("ambition", ""),
        parties=element.get("parties", []),
        approach=element.get("approach", []),
        confirm_more=True,
    )
    _noted(priority, element.get("source"))
    _objectives(priority, element.get("objectives", []), names, title)
    areas = {}
    for area in element.get("focus_areas", []):
        saved = plan_services.focus_area_save(
            priority=priority,
            title=area["title"].strip(),
            introduction=area.get("introduction", ""),
            ambition=area.get("ambition", ""),
            goal=area.get("goal", ""),
            means=area.get("means", ""),
            parties=area.get("parties", []),
            approach=area.get("approach", []),
        )
        areas[saved.title] = saved
        _noted(saved, area.get("source"))
        _objectives(priority, area.get("objectives", []), names, title, focus_area=saved)
    for link in element.get("regional_links", []):
        regional = _regional(plan, link, title, names)
        if regional is not None:
            plan_services.regional_link_save(
                priority=priority,
                regional_priority=regional,
                focus_area=areas.get(link.get("focus_area") or ""),
                contribution=link.get("contribution", ""),
            )


def _noted(instance, source: dict | None) -> None:
    """The history of what was read in says where it came from ("ivp.pdf, p. 4, r. 12")."""
    if not source:
        return
    page = f"p. {source['page']}, " if source.get("page") else ""
    reason = f"Ingelezen uit {source['file']}, {page}r. {source['line']}"
    record = instance.history.order_by("-history_id").first()
    if record is not None:
        record.history_change_reason = reason[:100]
        record.save(update_fields=["history_change_reason"])


def _objectives(priority, objectives: list, names: _Names, where: str, focus_area=None) -> None:
    for objective in objectives:
        baseline, target = objective.get("baseline") or {}, objective.get("target") or {}
        saved = plan_services.objective_save(
            priority=priority,
            focus_area=focus_area,
            text=objective["text"],
            kind=objective.get("kind", ""),
            direction=objective.get("direction", ""),
            indicator=names.indicator(objective.get("indicator"), where),
            baseline_value=baseline.get("value"),
            baseline_year=baseline.get("year"),
            target_value=target.get("value"),
            target_year=target.get("year"),
            per_year=bool(objective.get("per_year")),
            unit=objective.get("unit", ""),
            themes=[t for t in (names.theme(n, where) for n in objective.get("themes", [])) if t],
        )
        _noted(saved, objective.get("source"))


def _regional(plan: PolicyPlan, named: dict, where: str, names: _Names):
    region = (named.get("region") or {}).get("code")
    found = RegionalPriority.objects.filter(
        region__code=region, title=named.get("title"), region__members=plan.municipality
    ).first()
    if found is None:
        names.miss(
            f"Regionale prioriteit „{named.get('title')}” van {region} ({where}) staat niet in "
            "ivp voor deze gemeente; niet gekoppeld."
        )
    return found


@dataclass
class SavedActions:
    action_plan: ActionPlan
    saved: int
    findings: list[str] = field(default_factory=list)


def actions_target(municipality, year: int):
    """The IVP in force whose themes actions read in for `year` go under; refused when there is
    none, or when the year already has an uitvoeringsplan (a second would overlap it)."""
    policy_plan = policy_selectors.plan_in_force(municipality, year=year)
    if policy_plan is None:
        raise ValidationError(
            _("%(municipality)s has no adopted integral safety plan for %(year)s.")
            % {"municipality": municipality.name, "year": year}
        )
    if execution_selectors.has_plan_at(municipality, PlanAddress(year)):
        raise ValidationError(
            _(
                "%(municipality)s already has an implementation plan for %(year)s; import the "
                "actions into a year without one, or remove that plan first."
            )
            % {"municipality": municipality.name, "year": year}
        )
    return policy_plan


@transaction.atomic
def actions_draft_save(*, municipality, year: int, draft: dict) -> SavedActions:
    """A concept uitvoeringsplan for `year` under the IVP in force, with a theme for each of
    its priorities and other themes, and the drafted actions under the theme each table was
    matched to. A table whose theme the plan does not have is said, not guessed."""
    policy_plan = actions_target(municipality, year)
    if not any(theme["actions"] for theme in draft["themes"]):
        raise ValidationError(_("No action was taken in, so no implementation plan was made."))
    action_plan = execution_services.action_plan_create(policy_plan=policy_plan, start_year=year)
    themes = list(action_plan.themes.select_related("priority", "focus_area"))
    findings = list(draft.get("findings", []))
    saved = 0
    for drafted in draft["themes"]:
        theme = _chosen_theme(drafted, themes) or _matching_theme(drafted["candidates"], themes)
        if theme is None:
            findings.append(
                f"Tabel bij regel {drafted['source']['line']} („{drafted['title']}”): geen "
                f"thema van het plan herkend; {len(drafted['actions'])} acties niet opgeslagen."
            )
            continue
        for action in drafted["actions"]:
            execution_services.action_save(
                theme=theme,
                item=action["item"],
                description=action["description"],
                parties=action["parties"],
                planning_text=action["planning"],
                owner=action.get("owner", ""),
            )
            saved += 1
    return SavedActions(action_plan, saved, findings)


def _chosen_theme(drafted: dict, themes: list):
    """The theme the coordinator put a table under in the review, by its place in the plan."""
    at = drafted.get("plan_theme")
    if at is not None and at < len(themes) and themes[at].title == drafted["title"]:
        return themes[at]
    return None


def _matching_theme(candidates: list[str], themes: list):
    title = theme_named(candidates, [theme.title for theme in themes])
    return next((theme for theme in themes if theme.title == title), None)
