"""Form plumbing: NL Design System classes on every widget, errors tied to their field."""

from django import forms

WIDGET_CLASSES = {
    "select": "utrecht-select utrecht-select--html-select",
    "selectmultiple": "utrecht-select utrecht-select--html-select",
    "textarea": "utrecht-textarea utrecht-textarea--html-textarea",
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input",
    "checkboxselectmultiple": "utrecht-checkbox utrecht-checkbox--html-input",
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


class DateInput(forms.DateInput):
    """A native date picker: the browser shows it in the reader's language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")
