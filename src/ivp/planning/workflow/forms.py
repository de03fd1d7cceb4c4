"""Form parts both plans share: fields and rules taken from the models, long text fields,
the version an edit was filled from, a value the source document does not state, adoption."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.forms.forms import DeclarativeFieldsMetaclass
from django.utils.translation import gettext_lazy as _

from ivp.common import text_limits
from ivp.common.forms import AccessibleForm, DateInput
from ivp.planning.workflow.adoption import decision_errors

_NUMBERS = (models.IntegerField, models.FloatField, models.DecimalField)


def model_field(model, name: str, **overrides) -> forms.Field:
    """The form field of `model.name`: its label, help text, length, choices, validators and
    their messages are the model's, so a page and an uploaded file refuse a value with the
    same words. `overrides` go to `formfield()` (a label or widget of the form's own)."""
    field = model._meta.get_field(name)
    own = list(field._validators)
    if isinstance(field, _NUMBERS):
        # the limits shown to the browser are the model's; refusing is left to its validators
        for validator in own:
            if isinstance(validator, MinValueValidator):
                overrides.setdefault("min_value", validator.limit_value)
            if isinstance(validator, MaxValueValidator):
                overrides.setdefault("max_value", validator.limit_value)
        overrides.setdefault("min_value", None)
    if field.choices and not field.blank:
        overrides.setdefault("initial", field.get_default() or None)  # no empty choice offered
    form_field = field.formfield(**overrides)
    if own:
        # the model's validator replaces the form's of the same kind, so a limit speaks once
        kinds = (MinValueValidator, MaxValueValidator, *(type(v) for v in own))
        form_field.validators = [
            *(v for v in form_field.validators if not isinstance(v, kinds)),
            *own,
        ]
    form_field.error_messages.update(field._error_messages or {})
    return form_field


class _ModelFieldsMetaclass(DeclarativeFieldsMetaclass):
    """Puts a form's `model_fields` (names of `rules_model`'s fields, each as `model_field`
    makes it) before the fields the form declares itself, as a ModelForm's `fields` does."""

    def __new__(mcs, name, bases, attrs):
        names = attrs.pop("model_fields", ())
        model = attrs.get("rules_model") or next(
            (base.rules_model for base in bases if hasattr(base, "rules_model")), None
        )
        taken = {field: model_field(model, field) for field in names}
        return super().__new__(mcs, name, bases, {**taken, **attrs})


class ModelRules(metaclass=_ModelFieldsMetaclass):
    """Runs the model's own rules (its validators and `clean()`) on what the form holds and
    shows each message at the field it names. `rules_model` is the model; `model_fields` names
    fields taken from it unchanged; `rules_fields` maps a form field to the model field where
    their names differ; `rules_instance()` may give the instance its context (the plan an
    uitvoeringsplan belongs to). Fields the form lacks are not checked here: the service's
    `full_clean()` and the database's checks hold those."""

    rules_model: type[models.Model]
    rules_fields: dict[str, str] = {}

    def rules_instance(self) -> models.Model:
        return self.rules_model()

    def _post_clean(self):
        super()._post_clean()
        instance = self.rules_instance()
        concrete = {f.name: f for f in instance._meta.concrete_fields}
        to_form = {}
        for form_name in self.fields:
            model_name = self.rules_fields.get(form_name, form_name)
            if model_name in concrete and form_name in self.cleaned_data:
                setattr(instance, model_name, self.cleaned_data[form_name])
                to_form[model_name] = form_name
        # a choice of a related record was checked by the form; clean() still sees it
        checked = {name for name in to_form if not concrete[name].is_relation}
        try:
            # the database's checks repeat rules clean() already gave its words to
            instance.full_clean(
                exclude=set(concrete) - checked,
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError as error:
            refused = set(self.errors)  # a field the form refused already says why
            for model_name, messages in error.message_dict.items():
                form_name = to_form.get(model_name)
                if form_name in refused:
                    continue
                for message in messages:
                    self.add_error(None if model_name == NON_FIELD_ERRORS else form_name, message)


def text_field(label, rows=3, required=False, help_text="", max_length=text_limits.DESCRIPTION):
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text,
    )


class Versioned(AccessibleForm):
    """Carries the version of the record the form was filled from (optimistic locking)."""

    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean(self):
        cleaned = super().clean()
        # An edit form is filled from a saved record: without its version a save could
        # silently overwrite someone else's, so it is refused rather than applied.
        if "lock_version" in self.initial and cleaned.get("lock_version") is None:
            raise forms.ValidationError(
                _("This form lacks the version it was filled from; reload the page and try again.")
            )
        return cleaned

    def expected_version(self) -> int | None:
        return self.cleaned_data.pop("lock_version", None)

    def service_arguments(self) -> dict:
        """What a save service takes: the cleaned fields, and the version the form was filled
        from as `expected_version`."""
        expected = self.expected_version()
        return {**self.cleaned_data, "expected_version": expected}


DATE_NOT_IN_SOURCE = _("Date not stated in the source document")
REFERENCE_NOT_IN_SOURCE = _("Reference not stated in the source document")


def unstated_field(label) -> forms.BooleanField:
    """The tick beside a date or reference that the source document does not give."""
    return forms.BooleanField(label=label, required=False)


class AdoptForm(Versioned):
    """The decision that adopts a plan. Its date and reference are required unless ticked as
    not stated in the source document: an unstated value is a state, never a placeholder text."""

    adopted_by = forms.CharField(label=_("Adopted by"), max_length=100, initial="gemeenteraad")
    adopted_on = forms.DateField(label=_("Adopted on"), widget=DateInput, required=False)
    adopted_on_unstated = unstated_field(DATE_NOT_IN_SOURCE)
    decision_reference = forms.CharField(
        label=_("Decision reference"), max_length=150, required=False
    )
    decision_reference_unstated = unstated_field(REFERENCE_NOT_IN_SOURCE)

    UNSTATED = {
        "adopted_on": "adopted_on_unstated",
        "decision_reference": "decision_reference_unstated",
    }

    def clean(self):
        cleaned = super().clean()
        refused = decision_errors(
            adopted_on=cleaned.get("adopted_on"),
            adopted_on_unstated=cleaned.get("adopted_on_unstated", False),
            decision_reference=cleaned.get("decision_reference", ""),
            decision_reference_unstated=cleaned.get("decision_reference_unstated", False),
        )
        for name, message in refused.items():
            if name not in self.errors:  # a date the form could not read says so already
                self.add_error(name, message)
        return cleaned


class AdoptConfirmForm(AdoptForm):
    """The second step of adopting: the decision entered before, carried in hidden fields,
    and the explicit confirmation that the plan as shown becomes fixed."""

    step = forms.CharField(widget=forms.HiddenInput, initial="bevestigen")
    confirmed = forms.BooleanField(
        label=_(
            "I confirm that this plan is adopted as shown; from now on it changes only "
            "through a new version."
        ),
        error_messages={"required": _("Tick the confirmation to adopt the plan.")},
    )

    DECISION = (
        "adopted_by",
        "adopted_on",
        "adopted_on_unstated",
        "decision_reference",
        "decision_reference_unstated",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.DECISION:
            self.fields[name].widget = forms.HiddenInput()

    @staticmethod
    def is_second_step(data) -> bool:
        return data.get("step") == "bevestigen"
