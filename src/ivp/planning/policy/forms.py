"""Forms of the policy side: the cycle, prioritisation, the IVP, its priorities and objectives, the region."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ivp.common import text_limits, upload_limits
from ivp.common.forms import AccessibleForm, DateInput
from ivp.figures.models import Indicator
from ivp.planning.policy.models import CycleStep, Framework, Priority
from ivp.planning.workflow.forms import YEAR, Versioned, text_field
from ivp.taxonomy.models import Theme


def _lines(text: str) -> list[str]:
    return [line.strip(" -•\t") for line in text.splitlines() if line.strip(" -•\t")]


def _confirm_more():
    return forms.BooleanField(
        label=_("Confirm: the plan gets more than four priorities"), required=False
    )


def _themes():
    return Theme.objects.filter(field__version__is_current=True).select_related("field")


class ThemeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, theme):
        return f"{theme.field.name}: {theme.name}"


class CycleForm(AccessibleForm):
    name = forms.CharField(label=_("Name"), max_length=150, help_text=_("E.g. IVP 2023–2026."))
    plan_start_year = forms.IntegerField(label=_("First year of the plan"), **YEAR)
    plan_end_year = forms.IntegerField(label=_("Last year of the plan"), **YEAR)
    hours_budget_low = forms.IntegerField(
        label=_("Coordinator hours budgeted, from"), required=False, min_value=0
    )
    hours_budget_high = forms.IntegerField(
        label=_("Coordinator hours budgeted, up to"), required=False, min_value=0
    )
    notes = text_field(
        _("Notes"),
        help_text=_("About the process, never about persons."),
        max_length=text_limits.NOTE,
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("plan_start_year"), data.get("plan_end_year")
        if start and end and end < start:
            self.add_error("plan_end_year", _("The last year lies before the first year."))
        low, high = data.get("hours_budget_low"), data.get("hours_budget_high")
        if low is not None and high is not None and high < low:
            self.add_error("hours_budget_high", _("The upper bound is below the lower bound."))
        return data


class StepForm(Versioned):
    status = forms.ChoiceField(label=_("Status"), choices=CycleStep.Status.choices)
    owner = forms.CharField(
        label=_("Owner"), max_length=150, required=False, help_text=_("A role or organisation.")
    )
    planned_start = forms.DateField(label=_("Planned start"), required=False, widget=DateInput)
    planned_end = forms.DateField(label=_("Planned end"), required=False, widget=DateInput)
    actual_start = forms.DateField(label=_("Actual start"), required=False, widget=DateInput)
    actual_end = forms.DateField(label=_("Actual end"), required=False, widget=DateInput)
    hours_budgeted = forms.IntegerField(label=_("Hours budgeted"), required=False, min_value=0)
    hours_spent = forms.IntegerField(label=_("Hours spent"), required=False, min_value=0)
    decided_by = forms.CharField(
        label=_("Decided by"), max_length=100, required=False, help_text=_("E.g. college.")
    )
    decision_date = forms.DateField(label=_("Decision date"), required=False, widget=DateInput)
    decision_reference = forms.CharField(
        label=_("Decision reference"), max_length=150, required=False
    )
    notes = text_field(_("Notes"), max_length=text_limits.NOTE)

    def clean(self):
        data = super().clean()
        for start, end in (("planned_start", "planned_end"), ("actual_start", "actual_end")):
            if data.get(start) and data.get(end) and data[end] < data[start]:
                self.add_error(end, _("The end lies before the start."))
        if data.get("hours_spent") is None:
            data["hours_spent"] = 0
        return data


class WorkGroupForm(AccessibleForm):
    role = forms.CharField(
        label=_("Role"), max_length=150, help_text=_("E.g. operationeel expert; never a name.")
    )
    organisation = forms.CharField(label=_("Organisation"), max_length=150)
    hours_budgeted = forms.IntegerField(label=_("Hours budgeted"), required=False, min_value=0)


class PrioritisationForm(AccessibleForm):
    weight_objective = forms.IntegerField(
        label=_("Weight objective (%)"), min_value=0, max_value=100
    )
    weight_subjective = forms.IntegerField(
        label=_("Weight subjective (%)"), min_value=0, max_value=100
    )
    weight_professional = forms.IntegerField(
        label=_("Weight professional (%)"), min_value=0, max_value=100
    )
    weight_agenda = forms.IntegerField(label=_("Weight agenda (%)"), min_value=0, max_value=100)
    first_year = forms.IntegerField(label=_("Figures from (year)"), required=False, **YEAR)
    last_year = forms.IntegerField(label=_("Figures up to (year)"), required=False, **YEAR)
    survey_source = forms.CharField(
        label=_("Source of residents' priorities"), max_length=200, required=False
    )
    professional_source = forms.CharField(
        label=_("Source of professional scores"), max_length=200, required=False
    )
    professional_scale = forms.IntegerField(
        label=_("Highest professional score"), min_value=1, max_value=100
    )
    frameworks = forms.ModelMultipleChoiceField(
        label=_("Frameworks"),
        queryset=Framework.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every framework that applies to the municipality and period."),
    )

    def __init__(self, *args, theme_rows=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.theme_rows = list(theme_rows)
        for row in self.theme_rows:
            self.fields[f"score_subjective_{row.theme_id}"] = forms.FloatField(
                label=_("Residents (%%) for %(theme)s") % {"theme": row.name},
                required=False,
                localize=True,
                min_value=0,
                max_value=100,
            )
            self.fields[f"score_professional_{row.theme_id}"] = forms.FloatField(
                label=_("Professional score for %(theme)s") % {"theme": row.name},
                required=False,
                localize=True,
                min_value=0,
            )

    def clean(self):
        data = super().clean()
        weights = [
            data.get(f"weight_{c}") for c in ("objective", "subjective", "professional", "agenda")
        ]
        if None not in weights and sum(weights) != 100:
            raise ValidationError(
                _("The weights add up to %(total)s%%; together they must make 100%%.")
                % {"total": sum(weights)}
            )
        first, last = data.get("first_year"), data.get("last_year")
        if first and last and last < first:
            self.add_error("last_year", _("The last year lies before the first year."))
        scale = data.get("professional_scale") or 0
        for row in self.theme_rows:
            score = data.get(f"score_professional_{row.theme_id}")
            if score is not None and scale and score > scale:
                self.add_error(
                    f"score_professional_{row.theme_id}",
                    _("At most %(scale)s, the highest professional score.") % {"scale": scale},
                )
        return data

    def scores(self) -> dict[int, tuple]:
        return {
            row.theme_id: (
                self.cleaned_data.get(f"score_subjective_{row.theme_id}"),
                self.cleaned_data.get(f"score_professional_{row.theme_id}"),
            )
            for row in self.theme_rows
        }

    def settings(self) -> dict:
        return {
            k: v
            for k, v in self.cleaned_data.items()
            if not k.startswith("score_") and k != "frameworks"
        }


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


class PlanCreateForm(AccessibleForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    start_year = forms.IntegerField(label=_("First year"), **YEAR)
    end_year = forms.IntegerField(label=_("Last year"), **YEAR)

    def clean(self):
        data = super().clean()
        start, end = data.get("start_year"), data.get("end_year")
        if start and end and not 4 <= end - start + 1 <= 5:
            self.add_error("end_year", _("A plan runs four or five years."))
        return data


class PlanForm(PlanCreateForm, Versioned):
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
    frameworks = forms.ModelMultipleChoiceField(
        label=_("Frameworks"),
        queryset=Framework.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    communication = text_field(_("Communication"), max_length=text_limits.CHAPTER)
    formation = text_field(_("Formation (staff and capacity)"), max_length=text_limits.CHAPTER)
    finances = text_field(_("Finances"), max_length=text_limits.CHAPTER)


class PriorityForm(Versioned):
    title = forms.CharField(label=_("Title"), max_length=250)
    kind = forms.ChoiceField(label=_("Kind"), choices=Priority.Kind.choices)
    theme = ThemeChoiceField(label=_("Theme"), queryset=_themes(), required=False)
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
        help_text=_("Organisations, separated by commas, e.g. Politie, RIEC Noord."),
    )
    confirm_more = _confirm_more()

    def approach_lines(self) -> list[str]:
        return _lines(self.cleaned_data["approach"])

    def party_names(self) -> list[str]:
        return [p.strip() for p in self.cleaned_data["parties"].split(",") if p.strip()]


class ObjectiveForm(Versioned):
    text = text_field(_("Objective"), required=True)
    qualitative = forms.BooleanField(
        label=_("Qualitative (not measured by an indicator)"), required=False
    )
    indicator = forms.ModelChoiceField(
        label=_("Indicator"), queryset=Indicator.objects.none(), required=False
    )
    baseline_value = forms.FloatField(label=_("Baseline"), required=False, localize=True)
    baseline_year = forms.IntegerField(label=_("Baseline year"), required=False, **YEAR)
    target_value = forms.FloatField(label=_("Target"), required=False, localize=True)
    target_year = forms.IntegerField(label=_("Target year"), required=False, **YEAR)

    def __init__(self, *args, municipality=None, **kwargs):
        super().__init__(*args, **kwargs)
        indicators = Indicator.objects.exclude(code__startswith="synthetisch-")
        if municipality is not None:
            indicators = indicators.filter(observations__area_code=municipality.code).distinct()
        self.fields["indicator"].queryset = indicators.order_by("name")


class AdoptSharedForm(AccessibleForm):
    shared = forms.ModelChoiceField(label=_("Shared regional priority"), queryset=None)
    confirm_more = _confirm_more()

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["shared"].queryset = choices
        self.fields["shared"].label_from_instance = lambda s: f"{s.title} ({s.region.name})"


class SharedPriorityForm(Versioned):
    title = forms.CharField(label=_("Title"), max_length=250)
    theme = ThemeChoiceField(label=_("Theme"), queryset=_themes(), required=False)
    start_year = forms.IntegerField(label=_("First year"), **YEAR)
    end_year = forms.IntegerField(label=_("Last year"), **YEAR)
    description = text_field(_("Description"), rows=4)
    approach = PriorityForm.base_fields["approach"]
    parties = PriorityForm.base_fields["parties"]

    approach_lines = PriorityForm.approach_lines
    party_names = PriorityForm.party_names


class SurveyUploadForm(AccessibleForm):
    file = forms.FileField(
        label=_("File with residents' priorities (CSV or XLSX)"),
        help_text=_(
            "Columns “thema” and “percentage” (and/or “score” for the professional score); one "
            "row per theme, by its name or code."
        ),
    )

    def clean_file(self):
        return upload_limits.check_size(self.cleaned_data["file"], upload_limits.table())
