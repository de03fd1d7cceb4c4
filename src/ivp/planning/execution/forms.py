"""Forms of the uitvoeringsplan: the plan, its actions, look-backs, progress and the dashboard."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ivp.common import text_limits, upload_limits
from ivp.common.forms import AccessibleForm, DateInput, EuroField
from ivp.figures.models import Indicator
from ivp.planning.workflow.forms import YEAR, Versioned, text_field


class ActionPlanCreateForm(AccessibleForm):
    start_year = forms.IntegerField(label=_("Year"), **YEAR)
    end_year = forms.IntegerField(
        label=_("Last year (for a two-year plan)"), required=False, **YEAR
    )

    def __init__(self, *args, policy_plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.policy_plan = policy_plan
        self.fields["start_year"].help_text = _("Within %(plan)s (%(period)s).") % {
            "plan": policy_plan.title,
            "period": policy_plan.period,
        }

    def clean(self):
        data = super().clean()
        start, end = data.get("start_year"), data.get("end_year")
        if start and end and end not in (start, start + 1):
            self.add_error("end_year", _("An implementation plan runs one or two years."))
        return data


class ActionForm(Versioned):
    theme = forms.ModelChoiceField(label=_("Theme"), queryset=None)
    item = forms.CharField(label=_("Item"), max_length=250)
    description = text_field(
        _("Measures and activities"), rows=3, help_text=_("About the work, never about persons.")
    )
    parties = forms.CharField(
        label=_("Parties"),
        max_length=2000,
        help_text=_("Organisations, separated by commas, e.g. Gemeente, Politie, RIEC."),
    )
    planning_text = forms.CharField(
        label=_("Planning"),
        max_length=200,
        required=False,
        help_text=_(
            "As you would write it: Q1, Q1 en Q3, 2026, vaarseizoen 2026, januari t/m maart."
        ),
    )
    owner = forms.CharField(
        label=_("Owner"),
        max_length=150,
        required=False,
        help_text=_("A role or party, never a name."),
    )
    budget = EuroField(label=_("Budget (€)"), required=False, min_value=0)
    hours = forms.IntegerField(label=_("Capacity (hours)"), required=False, min_value=0)
    expected_result = text_field(_("Expected result"), rows=2)
    objective = forms.ModelChoiceField(label=_("Objective"), queryset=None, required=False)
    indicator = forms.ModelChoiceField(
        label=_("Indicator"), queryset=Indicator.objects.none(), required=False
    )
    status = forms.ChoiceField(label=_("Status"), choices=())

    def __init__(self, *args, themes, plan, **kwargs):
        from ivp.planning.execution.models import Action
        from ivp.planning.policy.models import Objective

        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = (
            Indicator.objects.exclude(code__startswith="synthetisch-")
            .filter(observations__area_code=plan.municipality.code)
            .distinct()
            .order_by("name")
        )
        self.fields["theme"].queryset = themes
        self.fields["theme"].label_from_instance = lambda t: t.priority.title
        self.fields["objective"].queryset = Objective.objects.filter(
            priority__plan=plan.policy_plan
        ).select_related("priority")
        self.fields["objective"].label_from_instance = lambda o: f"{o.priority.title}: {o.text}"
        self.fields["status"].choices = Action.Status.choices

    def party_names(self) -> list[str]:
        return [p.strip() for p in self.cleaned_data["parties"].split(",") if p.strip()]


class LookbackForm(Versioned):
    lookback = text_field(
        _("Look-back"),
        rows=10,
        help_text=_(
            "What happened last year, in figures and actions. Separate paragraphs with an "
            "empty line."
        ),
        max_length=text_limits.CHAPTER,
    )


class ProgressForm(Versioned):
    status = forms.ChoiceField(label=_("Status"), choices=())
    percent_done = forms.IntegerField(
        label=_("Percentage done"), required=False, min_value=0, max_value=100
    )
    on = forms.DateField(label=_("Date"), widget=DateInput)
    note = text_field(
        _("Note"),
        rows=3,
        help_text=_("About the work, never about persons."),
        max_length=text_limits.NOTE,
    )

    def __init__(self, *args, **kwargs):
        from ivp.planning.execution.models import Action

        super().__init__(*args, **kwargs)
        self.fields["status"].choices = Action.Status.choices


class ProgressUploadForm(AccessibleForm):
    file = forms.FileField(
        label=_("File with progress (CSV or XLSX)"),
        help_text=_(
            "Columns “actie-id” (as in the export) or “item”, “status” (gepland, lopend, "
            "afgerond, vertraagd, geschrapt), and optionally “percentage”, “toelichting” and "
            "“datum”. Without a percentage the last one reported stays. You see what the file "
            "changes before anything is saved."
        ),
    )

    def clean_file(self):
        return upload_limits.check_size(self.cleaned_data["file"], upload_limits.table())


class DashboardSettingsForm(Versioned):
    rollup_weight = forms.ChoiceField(label=_("Progress per theme weighs actions"), choices=())
    dashboard_published = forms.BooleanField(
        label=_("Published: readable by everyone under the municipality's address"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        from ivp.planning.execution.models import ActionPlan

        super().__init__(*args, **kwargs)
        self.fields["rollup_weight"].choices = ActionPlan.Weight.choices
