"""Forms of the policy side: the cycle, prioritisation, the IVP, its priorities and objectives, the region."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ivp.common import text_limits, upload_limits
from ivp.common.forms import AccessibleForm, DateInput, upload_form
from ivp.figures.models import Indicator
from ivp.planning.policy.frameworks_available import frameworks_available
from ivp.planning.policy.models import (
    CycleStep,
    FocusArea,
    Framework,
    Objective,
    PolicyCycle,
    PolicyPlan,
    Prioritisation,
    Priority,
    RegionalLink,
    RegionalPriority,
    ThemeScore,
    WorkGroupMember,
)
from ivp.planning.policy.models.prioritisation import SETTINGS, check_professional_score
from ivp.planning.workflow.forms import (
    DATE_NOT_IN_SOURCE,
    REFERENCE_NOT_IN_SOURCE,
    ModelRules,
    Versioned,
    model_field,
    text_field,
)
from ivp.planning.workflow.invariants import lazy_format
from ivp.planning.workflow.periods import EXAMPLES, period_dates, period_text
from ivp.taxonomy.models import Theme


def _lines(text: str) -> list[str]:
    return [line.strip(" -•\t") for line in text.splitlines() if line.strip(" -•\t")]


def split_parties(text: str) -> list[str]:
    """Organisations separated by commas, semicolons or lines; a comma inside parentheses
    belongs to the name ("Veiligheidsregio (brandweer, GHOR)")."""
    names, name, depth = [], [], 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        depth = max(depth, 0)
        if char in ",;\n" and depth == 0:
            names.append("".join(name))
            name = []
        else:
            name.append(char)
    names.append("".join(name))
    return [n.strip() for n in names if n.strip()]


def _confirm_more():
    return forms.BooleanField(
        label=_("Confirm: the plan gets more than four priorities"), required=False
    )


def _themes():
    return Theme.objects.filter(field__version__is_current=True).select_related("field")


class ThemeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, theme):
        return f"{theme.field.name}: {theme.name}"


class ThemesChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, theme):
        return f"{theme.field.name}: {theme.name}"


def _frameworks(help_text=""):
    return forms.ModelMultipleChoiceField(
        label=_("Frameworks"),
        queryset=Framework.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=help_text,
    )


class OffersFrameworks:
    """A form with a `frameworks` field offers those the municipality's plans may name: the
    national ones, its regions' and its own (never another municipality's)."""

    def offer_frameworks(self, municipality) -> None:
        if municipality is not None:
            self.fields["frameworks"].queryset = frameworks_available(municipality)


def _more_themes(label, help_text=""):
    return ThemesChoiceField(label=label, queryset=_themes(), required=False, help_text=help_text)


def _date(model, name):
    return model_field(model, name, widget=DateInput)


def _period(label):
    return forms.CharField(
        label=label,
        required=False,
        max_length=60,
        help_text=lazy_format(
            _("Instead of the two dates below, as written: e.g. %(examples)s."), examples=EXAMPLES
        ),
    )


class CycleForm(ModelRules, AccessibleForm):
    rules_model = PolicyCycle

    model_fields = (
        "name",
        "plan_start_year",
        "plan_end_year",
        "hours_budget_low",
        "hours_budget_high",
    )
    notes = text_field(
        _("Notes"),
        help_text=_("About the process, never about persons."),
        max_length=text_limits.NOTE,
    )


class StepForm(ModelRules, Versioned):
    rules_model = CycleStep

    status = model_field(CycleStep, "status")
    owner = model_field(CycleStep, "owner")
    planned_period = _period(_("Planned period"))
    planned_start = _date(CycleStep, "planned_start")
    planned_end = _date(CycleStep, "planned_end")
    actual_period = _period(_("Actual period"))
    actual_start = _date(CycleStep, "actual_start")
    actual_end = _date(CycleStep, "actual_end")
    hours_budgeted = model_field(CycleStep, "hours_budgeted")
    hours_spent = model_field(CycleStep, "hours_spent", required=False)
    decided_by = model_field(CycleStep, "decided_by")
    decision_date = _date(CycleStep, "decision_date")
    decision_date_unstated = model_field(
        CycleStep, "decision_date_unstated", label=DATE_NOT_IN_SOURCE
    )
    decision_reference = model_field(CycleStep, "decision_reference")
    decision_reference_unstated = model_field(
        CycleStep, "decision_reference_unstated", label=REFERENCE_NOT_IN_SOURCE
    )
    notes = text_field(_("Notes"), max_length=text_limits.NOTE)

    # a period typed as written and the two dates it fills
    PERIODS = {
        "planned_period": ("planned_start", "planned_end"),
        "actual_period": ("actual_start", "actual_end"),
    }

    @classmethod
    def periods_of(cls, step: CycleStep) -> dict[str, str]:
        """The step's periods written back ("Q2 2025") where its dates are exactly one."""
        return {
            period: period_text(getattr(step, start), getattr(step, end))
            for period, (start, end) in cls.PERIODS.items()
        }

    def clean(self):
        data = super().clean()
        if data.get("hours_spent") is None:
            data["hours_spent"] = 0
        for period, (start, end) in self.PERIODS.items():
            self._dates_from_period(period, start, end)
        return data

    def _dates_from_period(self, period: str, start: str, end: str) -> None:
        """A period typed (or changed) fills its two dates; dates changed to something else at
        the same time are refused rather than one of the two silently winning."""
        text = self.cleaned_data.get(period, "")
        if not text or period not in self.changed_data:
            return
        try:
            first, last = period_dates(text)
        except ValidationError as error:
            self.add_error(period, error)
            return
        typed = (self.cleaned_data.get(start), self.cleaned_data.get(end))
        dates_changed = {start, end} & set(self.changed_data) and any(typed)
        if dates_changed and typed != (first, last):
            self.add_error(period, _("The period and the dates differ; keep one of them."))
            return
        self.cleaned_data[start], self.cleaned_data[end] = first, last

    def service_arguments(self) -> dict:
        arguments = super().service_arguments()
        for period in self.PERIODS:
            arguments.pop(period, None)
        return arguments


class WorkGroupForm(ModelRules, AccessibleForm):
    rules_model = WorkGroupMember

    model_fields = ("role", "organisation", "hours_budgeted")


class PrioritisationForm(OffersFrameworks, ModelRules, AccessibleForm):
    rules_model = Prioritisation

    model_fields = SETTINGS
    frameworks = _frameworks(
        _("None ticked: every framework that applies to the municipality and period.")
    )

    def __init__(self, *args, theme_rows=(), municipality=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.offer_frameworks(municipality)
        self.theme_rows = list(theme_rows)
        for row in self.theme_rows:
            self.fields[f"score_subjective_{row.theme_id}"] = model_field(
                ThemeScore,
                "subjective_percentage",
                label=_("Residents (%%) for %(theme)s") % {"theme": row.name},
                localize=True,
            )
            self.fields[f"score_professional_{row.theme_id}"] = model_field(
                ThemeScore,
                "professional_score",
                label=_("Professional score for %(theme)s") % {"theme": row.name},
                localize=True,
                min_value=0,
            )

    def clean(self):
        data = super().clean()
        scale = data.get("professional_scale")
        for row in self.theme_rows if scale else ():
            name = f"score_professional_{row.theme_id}"
            try:
                check_professional_score(data.get(name), scale)
            except ValidationError as error:
                self.add_error(name, error.message_dict["professional_score"])
        return data

    def scores(self) -> dict[int, tuple]:
        return {
            row.theme_id: (
                self.cleaned_data.get(f"score_subjective_{row.theme_id}"),
                self.cleaned_data.get(f"score_professional_{row.theme_id}"),
            )
            for row in self.theme_rows
        }

    def service_arguments(self) -> dict:
        """What prioritisation_update takes: the weights and sources, the frameworks, and the
        scores per theme."""
        settings = {k: v for k, v in self.cleaned_data.items() if not k.startswith("score_")}
        return {**settings, "scores": self.scores()}


class ChoiceForm(AccessibleForm):
    themes = forms.TypedMultipleChoiceField(
        label=_("Priorities chosen by the council"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )
    decided_by = forms.CharField(label=_("Decided by"), max_length=100, initial="gemeenteraad")
    decided_on = forms.DateField(label=_("Decision date"), widget=DateInput)
    decision_reference = forms.CharField(
        label=_("Decision reference"),
        max_length=150,
        help_text=_("E.g. the number of the council decision."),
    )
    confirm_more = forms.BooleanField(
        label=_("Confirm: the council chose more than four priorities"), required=False
    )

    def __init__(self, *args, theme_rows=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].choices = [
            (row.theme_id, f"{row.rank}. {row.name}") for row in theme_rows
        ]

    def service_arguments(self) -> dict:
        """What priorities_choose takes: the chosen themes' ids and the decision."""
        data = dict(self.cleaned_data)
        data["theme_ids"] = data.pop("themes")
        return data


class PlanCreateForm(ModelRules, AccessibleForm):
    rules_model = PolicyPlan

    model_fields = ("title", "start_year", "end_year")


class PlanForm(OffersFrameworks, PlanCreateForm, Versioned):
    mission = text_field(_("Mission"), max_length=text_limits.CHAPTER)
    vision = text_field(_("Vision"), rows=5, max_length=text_limits.CHAPTER)
    strategic_objectives = text_field(
        _("Strategic objectives"),
        rows=4,
        help_text=_("One per line."),
        max_length=text_limits.CHAPTER,
    )
    principles = text_field(
        _("Principles"), rows=4, help_text=_("One per line."), max_length=text_limits.CHAPTER
    )
    frameworks = _frameworks()
    going_concern = _more_themes(
        _("Themes of the regular approach (going concern)"),
        _(
            "The themes the plan names as regular work of the partners, without extra effort. "
            "None ticked: the plan names none."
        ),
    )
    communication = text_field(_("Communication"), max_length=text_limits.CHAPTER)
    formation = text_field(_("Formation (staff and capacity)"), max_length=text_limits.CHAPTER)
    finances = text_field(_("Finances"), max_length=text_limits.CHAPTER)

    def __init__(self, *args, municipality=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.offer_frameworks(municipality)


class PriorityForm(OffersFrameworks, Versioned):
    title = model_field(Priority, "title")
    kind = model_field(Priority, "kind")
    theme = ThemeChoiceField(label=_("Theme"), queryset=_themes(), required=False)
    extra_themes = _more_themes(
        _("Also covers the themes"), _("When the council put more themes in this priority.")
    )
    description = text_field(_("Description"), rows=4)
    ambition = text_field(_("Ambition"))
    approach = text_field(
        _("Approach"),
        rows=5,
        help_text=_("“Our approach focuses on …”: one line of the approach per line."),
    )
    parties = forms.CharField(
        label=_("Parties"),
        required=False,
        max_length=2000,
        help_text=_(
            "Organisations, separated by commas, the lead party first, e.g. Politie, "
            "Veiligheidsregio (brandweer, GHOR)."
        ),
    )
    frameworks = _frameworks(_("The frameworks this priority answers to."))
    confirm_more = _confirm_more()

    def __init__(self, *args, municipality=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.offer_frameworks(municipality)

    def approach_lines(self) -> list[str]:
        return _lines(self.cleaned_data["approach"])

    def party_names(self) -> list[str]:
        return split_parties(self.cleaned_data["parties"])

    def service_arguments(self) -> dict:
        """What the save service takes: the fields, the approach and the parties as lists, and
        the version the form was filled from."""
        return {
            **Versioned.service_arguments(self),
            "approach": self.approach_lines(),
            "parties": self.party_names(),
        }


class ObjectiveForm(ModelRules, Versioned):
    """The period the target must fall in is the plan's: the service's full_clean holds it."""

    rules_model = Objective

    text = text_field(_("Objective"), required=True)
    focus_area = forms.ModelChoiceField(
        label=_("Focus area"),
        queryset=FocusArea.objects.none(),
        required=False,
        empty_label=_("(the priority as a whole)"),
    )
    kind = model_field(Objective, "kind")
    direction = model_field(Objective, "direction")
    indicator = forms.ModelChoiceField(
        label=_("Indicator"), queryset=Indicator.objects.none(), required=False
    )
    baseline_value = model_field(Objective, "baseline_value", localize=True)
    baseline_year = model_field(Objective, "baseline_year")
    target_value = model_field(Objective, "target_value", localize=True)
    target_year = model_field(Objective, "target_year")
    per_year = model_field(Objective, "per_year")
    unit = model_field(Objective, "unit")
    themes = _more_themes(_("Themes"))

    def __init__(self, *args, municipality=None, priority=None, **kwargs):
        super().__init__(*args, **kwargs)
        indicators = Indicator.objects.exclude(code__startswith="synthetisch-")
        if municipality is not None:
            indicators = indicators.filter(observations__area_code=municipality.code).distinct()
        self.fields["indicator"].queryset = indicators.order_by("name")
        if priority is not None and priority.focus_areas.exists():
            self.fields["focus_area"].queryset = priority.focus_areas.all()
        else:
            del self.fields["focus_area"]


class FrameworkForm(ModelRules, AccessibleForm):
    """A framework of the municipality's (or region's) own."""

    rules_model = Framework

    model_fields = ("name", "level", "issuer", "start_year", "end_year", "order")
    description = text_field(_("Description"), rows=3)
    themes = _more_themes(_("Themes it names"))


class FocusAreaForm(Versioned):
    """A speerpunt: its texts, parties and approach; its objectives are added one by one."""

    title = model_field(FocusArea, "title")
    introduction = text_field(_("Introduction"), rows=4)
    ambition = text_field(_("Ambition"))
    goal = text_field(_("Goal"))
    means = text_field(_("Means"))
    approach = PriorityForm.base_fields["approach"]
    parties = PriorityForm.base_fields["parties"]

    approach_lines = PriorityForm.approach_lines
    party_names = PriorityForm.party_names
    service_arguments = PriorityForm.service_arguments


class RegionalLinkForm(AccessibleForm):
    """A shared regional priority worked on inside a local priority or one of its speerpunten."""

    regional_priority = forms.ModelChoiceField(
        label=_("Shared regional priority"), queryset=RegionalPriority.objects.none()
    )
    focus_area = forms.ModelChoiceField(
        label=_("Inside the focus area"),
        queryset=FocusArea.objects.none(),
        required=False,
        empty_label=_("(the priority as a whole)"),
    )
    contribution = text_field(
        RegionalLink._meta.get_field("contribution").verbose_name.capitalize(),
        rows=3,
        help_text=RegionalLink._meta.get_field("contribution").help_text,
    )

    def __init__(self, *args, choices, priority, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regional_priority"].queryset = choices
        self.fields["regional_priority"].label_from_instance = lambda s: (
            f"{s.title} ({s.region.name}, {s.period})"
        )
        if priority.focus_areas.exists():
            self.fields["focus_area"].queryset = priority.focus_areas.all()
        else:
            del self.fields["focus_area"]


class AdoptSharedForm(AccessibleForm):
    shared = forms.ModelChoiceField(label=_("Shared regional priority"), queryset=None)
    confirm_more = _confirm_more()

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["shared"].queryset = choices
        self.fields["shared"].label_from_instance = lambda s: f"{s.title} ({s.region.name})"


class SharedPriorityForm(ModelRules, Versioned):
    rules_model = RegionalPriority

    title = model_field(RegionalPriority, "title")
    theme = ThemeChoiceField(label=_("Theme"), queryset=_themes(), required=False)
    start_year = model_field(RegionalPriority, "start_year")
    end_year = model_field(RegionalPriority, "end_year")
    description = text_field(_("Description"), rows=4)
    approach = PriorityForm.base_fields["approach"]
    parties = PriorityForm.base_fields["parties"]

    approach_lines = PriorityForm.approach_lines
    party_names = PriorityForm.party_names
    service_arguments = PriorityForm.service_arguments


SurveyUploadForm = upload_form(
    limits=upload_limits.table,
    label=_("File with residents' priorities (CSV or XLSX)"),
    help_text=_(
        "Columns “thema” and “percentage” (and/or “score” for the professional score); one "
        "row per theme, by its name or code."
    ),
)
