"""Forms of the uitvoeringsplan: the plan, its actions, look-backs, progress and the dashboard."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ivp.common import text_limits, upload_limits
from ivp.common.forms import AccessibleForm, DateInput, EuroField, upload_form
from ivp.figures.models import Indicator
from ivp.planning.execution.models import SCOPE_LENGTH, Action, ActionPlan, ProgressUpdate
from ivp.planning.execution.scope import scope_for
from ivp.planning.policy.forms import split_parties
from ivp.planning.policy.models import FocusArea, Objective
from ivp.planning.workflow.forms import ModelRules, Versioned, model_field, text_field


class ActionPlanCreateForm(ModelRules, AccessibleForm):
    rules_model = ActionPlan
    rules_fields = {"title": None}  # left empty, the service writes the default title

    start_year = model_field(ActionPlan, "start_year", label=_("Year"))
    end_year = model_field(
        ActionPlan, "end_year", label=_("Last year (for a two-year plan)"), required=False
    )

    priorities = forms.ModelMultipleChoiceField(
        label=_("Priorities and themes in this plan"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "None ticked here or below: all of them. A municipality that makes a plan per "
            "priority ticks one; the other priorities get plans of their own."
        ),
    )
    focus_areas = forms.ModelMultipleChoiceField(
        label=_("Or only these speerpunten"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For a plan per speerpunt: a speerpunt of a priority not ticked above."),
    )
    title = model_field(
        ActionPlan,
        "title",
        required=False,
        help_text=_("Empty: “Uitvoeringsplan integrale veiligheid” with the years (and the part)."),
    )
    scope = forms.CharField(
        label=_("Short name in the address"),
        max_length=SCOPE_LENGTH,
        required=False,
        help_text=ActionPlan._meta.get_field("scope").help_text,
    )

    def __init__(self, *args, policy_plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.policy_plan = policy_plan
        self.fields["start_year"].help_text = _("Within %(plan)s (%(period)s).") % {
            "plan": policy_plan.title,
            "period": policy_plan.period,
        }
        self.fields["priorities"].queryset = policy_plan.priorities.order_by("-kind", "order", "pk")
        focus_areas = FocusArea.objects.filter(priority__plan=policy_plan).select_related(
            "priority"
        )
        self.fields["focus_areas"].queryset = focus_areas.order_by(
            "priority__order", "priority__pk", "order", "pk"
        )
        self.fields["focus_areas"].label_from_instance = lambda f: (
            _("%(focus_area)s (speerpunt of %(priority)s)")
            % {"focus_area": f.title, "priority": f.priority.title}
        )
        if not focus_areas.exists():
            del self.fields["focus_areas"]

    def clean_end_year(self):
        return self.cleaned_data.get("end_year") or self.cleaned_data.get("start_year")

    def clean_scope(self) -> str:
        return scope_for([], self.cleaned_data.get("scope") or "")

    def rules_instance(self) -> ActionPlan:
        return ActionPlan(policy_plan=self.policy_plan)


class ActionForm(ModelRules, Versioned):
    rules_model = Action

    theme = forms.ModelChoiceField(label=_("Theme"), queryset=None)
    item = model_field(Action, "item")
    description = text_field(
        _("Measures and activities"), rows=3, help_text=_("About the work, never about persons.")
    )
    parties = forms.CharField(
        label=_("Parties"),
        max_length=2000,
        help_text=_("Organisations, separated by commas, e.g. Gemeente, Politie, RIEC."),
    )
    planning_text = model_field(
        Action,
        "planning_text",
        help_text=_(
            "As you would write it: Q1, Q1 en Q3, 2026, vaarseizoen 2026, januari t/m maart."
        ),
    )
    owner = model_field(Action, "owner")
    budget = model_field(Action, "budget", form_class=EuroField)
    hours = model_field(Action, "hours")
    expected_result = text_field(_("Expected result"), rows=2)
    objective = forms.ModelChoiceField(label=_("Objective"), queryset=None, required=False)
    indicator = forms.ModelChoiceField(
        label=_("Indicator"), queryset=Indicator.objects.none(), required=False
    )
    status = model_field(Action, "status")

    def __init__(self, *args, themes, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = (
            Indicator.objects.exclude(code__startswith="synthetisch-")
            .filter(observations__area_code=plan.municipality.code)
            .distinct()
            .order_by("name")
        )
        self.fields["theme"].queryset = themes
        self.fields["theme"].label_from_instance = lambda t: t.title
        self.fields["objective"].queryset = Objective.objects.filter(
            priority__plan=plan.policy_plan
        ).select_related("priority")
        self.fields["objective"].label_from_instance = lambda o: f"{o.priority.title}: {o.text}"
        self._theme_first(themes)

    def _theme_first(self, themes) -> None:
        """Puts the objectives of the action's theme, and their indicators, at the top of
        their lists: the ones an action of that theme works toward."""
        theme = themes.filter(pk=_pk_or_none(self["theme"].value())).first()
        if theme is None:
            return
        objectives = theme.objectives
        _group_choices(
            self.fields["objective"],
            {o.pk for o in objectives},
            _("Objectives of this theme"),
            _("Other objectives"),
        )
        _group_choices(
            self.fields["indicator"],
            {o.indicator_id for o in objectives if o.indicator_id},
            _("Indicators of this theme's objectives"),
            _("Other indicators"),
        )

    def party_names(self) -> list[str]:
        return split_parties(self.cleaned_data["parties"])

    def service_arguments(self) -> dict:
        """What action_save takes: the fields, the parties as a list, the version the form was
        filled from."""
        return {**super().service_arguments(), "parties": self.party_names()}


def _pk_or_none(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _group_choices(field, first: set[int], first_label: str, other_label: str) -> None:
    """Shows `field`'s choices whose key is in `first` as a group above the others; a list
    without any of them stays as it is."""
    chosen, others = [], []
    for instance in field.queryset:
        choice = (instance.pk, field.label_from_instance(instance))
        (chosen if instance.pk in first else others).append(choice)
    if not chosen:
        return
    groups = [(first_label, chosen)] + ([(other_label, others)] if others else [])
    field.choices = [("", field.empty_label), *groups]


class LookbackForm(Versioned):
    introduction = text_field(
        _("Introduction"),
        rows=5,
        help_text=_(
            "What the theme is about this year, for the reader of the document; paragraphs "
            "separated by an empty line, “- ” for a list."
        ),
    )
    lookback = text_field(
        _("Look-back"),
        rows=10,
        help_text=_(
            "What happened last year, in figures and actions. Separate paragraphs with an "
            "empty line."
        ),
        max_length=text_limits.CHAPTER,
    )


class ProgressForm(ModelRules, Versioned):
    """What a person reports on the page, and what every row of a progress file is checked by."""

    rules_model = ProgressUpdate
    rules_fields = {"on": "date"}

    status = model_field(ProgressUpdate, "status")
    percent_done = model_field(ProgressUpdate, "percent_done")
    on = model_field(ProgressUpdate, "date", widget=DateInput)
    note = model_field(
        ProgressUpdate,
        "note",
        max_length=text_limits.NOTE,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, confirm_done_early: bool = False, **kwargs):
        """`confirm_done_early`: a person who reports “afgerond” below 100% is asked to
        confirm it (a slip of the status list, mostly); a row of a file is taken as it is."""
        super().__init__(*args, **kwargs)
        early = self._percent_when_done_early()
        if confirm_done_early and early is not None:
            self.fields["done_early"] = forms.BooleanField(
                label=_("Yes, the action is finished at %(percent)s%% done") % {"percent": early},
                required=False,
            )
            self.order_fields(["status", "percent_done", "done_early"])

    def _percent_when_done_early(self) -> int | None:
        """The percentage sent with the status “afgerond” when it is below 100."""
        if not self.is_bound or self.data.get("status") != Action.Status.AFGEROND:
            return None
        try:
            percent = int(str(self.data.get("percent_done", "")).strip())
        except ValueError:
            return None
        return percent if 0 <= percent < 100 else None

    def clean(self):
        cleaned = super().clean()
        if "done_early" in self.fields and not cleaned.get("done_early"):
            self.add_error(
                "done_early",
                _(
                    "You chose “afgerond” while %(percent)s%% is done. Set the percentage to "
                    "100, or tick that the action is finished as it is."
                )
                % {"percent": self._percent_when_done_early()},
            )
        return cleaned

    def service_arguments(self) -> dict:
        self.cleaned_data.pop("done_early", None)
        return super().service_arguments()


ProgressUploadForm = upload_form(
    limits=upload_limits.table,
    label=_("File with progress (CSV or XLSX)"),
    help_text=_(
        "Columns “actie-id” (as in the export) or “item”, “status” (gepland, lopend, "
        "afgerond, vertraagd, geschrapt), and optionally “percentage”, “toelichting” and "
        "“datum”. Without a percentage the last one reported stays. You see what the file "
        "changes before anything is saved."
    ),
)


class DashboardSettingsForm(Versioned):
    rollup_weight = model_field(ActionPlan, "rollup_weight")
    dashboard_published = forms.BooleanField(
        label=_("Published: readable by everyone under the municipality's address"),
        required=False,
    )
