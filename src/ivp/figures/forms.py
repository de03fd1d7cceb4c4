from django import forms
from django.utils.translation import gettext_lazy as _

from ivp.common import upload_limits
from ivp.common.forms import AccessibleForm, UploadField

from .editions import EditionError, parse_optional_edition
from .formats.tables import TABLES


class EditionField(forms.CharField):
    """An optional edition, normalised ('2025-9' → '2025-09'); empty when none is given."""

    def clean(self, value):
        try:
            return parse_optional_edition(super().clean(value)) or ""
        except EditionError as error:
            raise forms.ValidationError(error.message, code="edition") from None


class FiguresUploadForm(AccessibleForm):
    file = UploadField(
        limits=upload_limits.national,
        label=_("File with figures (CSV)"),
        help_text=_(
            "A StatLine export of police table 47013NED, 47018NED or 47022NED or CBS table "
            "83648NED (CSV with statistical symbols, or typed CSV), the tidy 47013NED totals, "
            "or national totals per type."
        ),
    )
    edition = EditionField(
        label=_("Edition (optional)"),
        required=False,
        max_length=40,
        help_text=_(
            "Year, month or date of the table's edition, e.g. 2026, 2025-12 or 2 december 2025. "
            "A newer edition replaces values of an older one; without it, the title's year or "
            "today's date is used."
        ),
    )
    table_id = forms.ChoiceField(
        label=_("Table (optional)"),
        required=False,
        choices=[("", _("recognise from the file"))]
        + [(t.table_id, f"{t.table_id} — {t.title}") for t in TABLES.values()],
    )


KIND_CHOICES = [
    ("overlast", _("nuisance reports (overlast)")),
    ("incidenten", _("incidents (e.g. fires, traffic accidents)")),
    ("eigen", _("other own registration (e.g. Meld Misdaad Anoniem tips)")),
    ("enquetescore", _("survey score (e.g. rapportcijfer)")),
    ("enquetepercentage", _("survey percentage")),
]


class OwnFiguresUploadForm(AccessibleForm):
    file = UploadField(
        limits=upload_limits.table,
        label=_("File (CSV or XLSX)"),
        help_text=_(
            "One row per period (and category or area), with a header row. Only counts and "
            "survey results, never data about persons."
        ),
    )
    name = forms.CharField(
        label=_("Name of the figures"),
        max_length=120,
        help_text=_("E.g. “Meldingen overlast” or “Rapportcijfer veiligheid buurt”."),
    )
    kind = forms.ChoiceField(label=_("Kind of figures"), choices=KIND_CHOICES)
    source = forms.CharField(
        label=_("Source (optional)"),
        required=False,
        max_length=100,
        help_text=_("Who registered them, when not the municipality itself, e.g. “Brandweer”."),
    )


class ColumnMappingForm(AccessibleForm):
    """Which column means what; choices come from the uploaded file's header."""

    period = forms.ChoiceField(label=_("Column with the period"))
    value = forms.ChoiceField(label=_("Column with the number or score"))
    category = forms.ChoiceField(
        label=_("Column with the category (optional)"),
        required=False,
        help_text=_("Each category becomes its own indicator, e.g. one per kind of nuisance."),
    )
    area = forms.ChoiceField(
        label=_("Column with the wijk or area (optional)"),
        required=False,
        help_text=_("A CBS code (WK…, BU…) or the name of a wijk; empty: the whole municipality."),
    )
    margin = forms.ChoiceField(
        label=_("Column with the margin (optional, surveys)"),
        required=False,
        help_text=_("The 95% margin of a survey figure, as the survey report gives it."),
    )
    theme = forms.ChoiceField(label=_("Theme"), required=False)

    def __init__(self, *args, header: list[str], themes: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        columns = [(name, name) for name in header if name]
        optional = [("", _("— none —")), *columns]
        self.fields["period"].choices = columns
        self.fields["value"].choices = columns
        for name in ("category", "area", "margin"):
            self.fields[name].choices = optional
        self.fields["theme"].choices = [("", _("— no theme —")), *themes]
        guesses = {
            "period": ("periode", "maand", "jaar", "datum", "golf"),
            "value": ("aantal", "waarde", "score", "percentage"),
        }
        for field, words in guesses.items():
            match = next((n for n in header if any(w in n.casefold() for w in words)), None)
            if match:
                self.fields[field].initial = match

    def clean(self):
        data = super().clean()
        chosen = [data.get(n) for n in ("period", "value", "category", "area", "margin")]
        chosen = [c for c in chosen if c]
        if len(chosen) != len(set(chosen)):
            raise forms.ValidationError(_("Each column can have one meaning only."))
        return data
