"""The party register's forms: a party's type and aliases, and the party to merge it into."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ivp.common.forms import AccessibleForm
from ivp.planning.policy.models import Party


class PartyForm(AccessibleForm):
    organisation_type = forms.ChoiceField(
        label=_("Organisation type"),
        choices=[("", _("not set")), *Party.OrganisationType.choices],
        required=False,
    )
    aliases = forms.CharField(
        label=_("Aliases"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Other names of this organisation, one per line (e.g. an abbreviation). A name "
            "typed in a plan lands on this party; case and spaces do not count."
        ),
    )

    def alias_names(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["aliases"].splitlines() if line.strip()]


class MergeForm(AccessibleForm):
    into = forms.ModelChoiceField(
        label=_("Merge into"),
        queryset=Party.objects.none(),
        help_text=_("The party that stays; this party's name becomes one of its aliases."),
    )

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = targets
