import re

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ivp.accounts.models import Role
from ivp.common.forms import AccessibleForm

from .models import Municipality, Region
from .names import NameIndex


class RegionForm(AccessibleForm):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=150)
    code = forms.SlugField(
        label=gettext_lazy("Code"),
        max_length=40,
        help_text=gettext_lazy(
            "Short, without spaces, e.g. zuidwest-drenthe. Used in the web address."
        ),
    )
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=Region.Kind.choices)
    members = forms.CharField(
        label=gettext_lazy("Member municipalities"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy(
            "One municipality per line or separated by commas, e.g. Meppel, Midden-Drenthe, Westerveld."
        ),
    )
    description = forms.CharField(
        label=gettext_lazy("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("About the partnership, never about persons."),
    )

    def __init__(self, *args, user, region: Region | None = None, **kwargs):
        self.user, self.region = user, region
        super().__init__(*args, **kwargs)
        if not user.is_superuser:
            self.fields["kind"].choices = [
                (Region.Kind.SAMENWERKINGSVERBAND, Region.Kind.SAMENWERKINGSVERBAND.label),
                (Region.Kind.RIEC, Region.Kind.RIEC.label),
            ] + (
                [(region.kind, region.get_kind_display())]
                if region
                and region.kind not in (Region.Kind.SAMENWERKINGSVERBAND, Region.Kind.RIEC)
                else []
            )

    def clean_code(self):
        code = self.cleaned_data["code"].lower()
        clash = Region.objects.filter(code=code).exclude(pk=getattr(self.region, "pk", None))
        if clash.exists():
            raise forms.ValidationError(_("Another region already uses this code."))
        return code

    def clean_members(self):
        names = [n.strip() for n in re.split(r"[,\n;]", self.cleaned_data["members"]) if n.strip()]
        index = NameIndex(
            [(m.cbs_name, m.code) for m in Municipality.objects.only("cbs_name", "code")]
            + [(m.name, m.code) for m in Municipality.objects.only("name", "code")]
        )
        unknown = [n for n in names if index.resolve(n) is None]
        if unknown:
            raise forms.ValidationError(
                _(
                    "Not a known municipality: %(names)s. Use the name as on the list of municipalities."
                )
                % {"names": ", ".join(f"“{n}”" for n in unknown)}
            )
        codes = {index.resolve(n) for n in names}
        members = list(Municipality.objects.filter(code__in=codes))
        if not members:
            raise forms.ValidationError(_("A region has at least one member municipality."))
        if not self.user.is_superuser and not self._user_may_hold(members):
            raise forms.ValidationError(
                _(
                    "Include at least one municipality you coordinate, or you could not edit the region afterwards."
                )
            )
        return members

    def _user_may_hold(self, members) -> bool:
        if (
            self.region
            and self.user.memberships.filter(
                role=Role.REGIOCOORDINATOR, region=self.region
            ).exists()
        ):
            return True
        own = set(
            self.user.memberships.filter(role=Role.COORDINATOR).values_list(
                "municipality_id", flat=True
            )
        )
        return any(m.pk in own for m in members)


class PopulationUploadForm(AccessibleForm):
    file = forms.FileField(
        label=gettext_lazy("StatLine export of table 37230ned (CSV)"),
        help_text=gettext_lazy(
            "CBS “Bevolkingsontwikkeling; regio per maand”, population at the end of the period, per year."
        ),
    )
