"""Form plumbing: NL Design System classes on every widget, errors tied to their field, typed
text with LF line endings."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import plain_text, text_limits, upload_limits
from .numbers import dutch_number

WIDGET_CLASSES = {
    "select": "utrecht-select utrecht-select--html-select",
    "selectmultiple": "utrecht-select utrecht-select--html-select",
    "textarea": "utrecht-textarea utrecht-textarea--html-textarea",
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input",
    # Groups of choices: Django puts a widget's class on the group's container as well as on
    # every input, so a control's class would shrink the container to one control's width.
    # Their inputs stay native; the template wraps the group (web/_field.html, .ivp-choices).
    "checkboxselectmultiple": "",
    "radioselect": "",
    "clearablefile": "utrecht-textbox utrecht-textbox--html-input",
    "file": "utrecht-textbox utrecht-textbox--html-input",
}


class AccessibleBoundField(forms.BoundField):
    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        kind = widget.__class__.__name__.lower().removesuffix("input")
        attrs.setdefault(
            "class", WIDGET_CLASSES.get(kind, "utrecht-textbox utrecht-textbox--html-input")
        )
        if self.form.is_bound and self.errors:
            described = attrs.get("aria-describedby", "")
            attrs["aria-describedby"] = f"{described} {self.auto_id}_error".strip()
        return attrs


class AccessibleForm(forms.Form):
    bound_field_class = AccessibleBoundField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Browsers send a text box's lines with CRLF; stored so, every newline would count
        # twice against a length limit and read twice in a document.
        if self.is_bound:
            self.data = _with_lf_line_endings(self.data)


def _with_lf_line_endings(data):
    if hasattr(data, "getlist"):  # a QueryDict: a field may hold several values
        copy = data.copy()
        for key in copy:
            copy.setlist(key, [_lf(value) for value in data.getlist(key)])
        return copy
    return {key: _lf(value) for key, value in data.items()}


def _lf(value):
    return plain_text.line_endings(value) if isinstance(value, str) else value


class DateInput(forms.DateInput):
    """A native date picker: the browser shows it in the reader's language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class EuroField(forms.DecimalField):
    """An amount as Dutch people type it: 1500, 1.500, 1.500,50 or € 1.500,-."""

    # a text box: a number box refuses "1.500,50" before the server can read it
    widget = forms.TextInput
    default_error_messages = {
        "invalid": _("Enter an amount in euros, e.g. 1.500 or 1.500,50."),
    }

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "inputmode": "decimal"}

    def __init__(self, **kwargs):
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("max_digits", 12)
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            try:
                number = dutch_number(value)
            except ValueError:
                raise forms.ValidationError(
                    self.error_messages["invalid"], code="invalid"
                ) from None
            value = "" if number is None else str(number)
        return super().to_python(value)


class UploadField(forms.FileField):
    """A file field that refuses a file over its limits (`upload_limits.national`, `table`
    or `template`, read when the form is cleaned) before anything reads it, and, given
    `endings`, a file whose name ends otherwise, with `refused` (naming the file as %(file)s)."""

    def __init__(self, *, limits, endings: tuple[str, ...] = (), refused: str = "", **kwargs):
        self.limits, self.endings, self.refused = limits, endings, refused
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload and self.endings and not upload.name.lower().endswith(self.endings):
            raise forms.ValidationError(str(self.refused) % {"file": upload.name})
        return upload_limits.check_size(upload, self.limits()) if upload else upload


def upload_form(*, limits, label, help_text) -> type[AccessibleForm]:
    """A form of one field, `file`: an upload held to `limits` (see `UploadField`)."""
    file = UploadField(limits=limits, label=label, help_text=help_text)
    return type("UploadForm", (AccessibleForm,), {"file": file, "__module__": __name__})


def description_field(*, help_text, rows: int) -> forms.CharField:
    """An optional description of at most `text_limits.DESCRIPTION` characters."""
    return forms.CharField(
        label=_("Description"),
        required=False,
        max_length=text_limits.DESCRIPTION,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text,
    )
