from django import forms
from django.utils.translation import gettext_lazy as _

from ivp.common.forms import AccessibleForm, description_field

from .models import MunicipalTheme, SafetyField, Theme


class ThemeAdaptForm(AccessibleForm):
    theme_id = forms.ModelChoiceField(queryset=Theme.objects.none(), widget=forms.HiddenInput)
    name = forms.CharField(label=_("Own name"), max_length=150, required=False)
    hidden = forms.BooleanField(label=_("Hide for this municipality"), required=False)

    def __init__(self, *args, version, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme_id"].queryset = Theme.objects.filter(
            field__version=version
        ).select_related("field")


class OwnThemeEditForm(AccessibleForm):
    adaptation_id = forms.ModelChoiceField(
        queryset=MunicipalTheme.objects.none(), widget=forms.HiddenInput
    )
    name = forms.CharField(label=_("Name of the theme"), max_length=150)
    hidden = forms.BooleanField(label=_("Hide for this municipality"), required=False)

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["adaptation_id"].queryset = MunicipalTheme.objects.filter(
            municipality=municipality, theme__isnull=True
        )


class OwnThemeForm(AccessibleForm):
    field = forms.ModelChoiceField(label=_("Safety field"), queryset=SafetyField.objects.none())
    name = forms.CharField(label=_("Name of the theme"), max_length=150)
    description = description_field(help_text=_("About the theme, never about persons."), rows=2)

    def __init__(self, *args, version, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["field"].queryset = SafetyField.objects.filter(version=version)
