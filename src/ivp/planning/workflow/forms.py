"""Form parts both plans share: long text fields, years, the version an edit was filled from, adoption."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ivp.common import text_limits
from ivp.common.forms import AccessibleForm, DateInput

YEAR = {"min_value": 2000, "max_value": 2100}


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


class AdoptForm(Versioned):
    adopted_by = forms.CharField(label=_("Adopted by"), max_length=100, initial="gemeenteraad")
    adopted_on = forms.DateField(label=_("Adopted on"), widget=DateInput)
    decision_reference = forms.CharField(label=_("Decision reference"), max_length=150)
