import re

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ivp.common import text_limits, upload_limits
from ivp.common.forms import AccessibleForm, description_field, upload_form

from .models import Municipality, Region
from .names import NameIndex, same_name_as


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
        max_length=text_limits.DESCRIPTION,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy(
            "One municipality per line or separated by commas, e.g. Meppel, Midden-Drenthe, Westerveld."
        ),
    )
    description = description_field(
        help_text=gettext_lazy("About the partnership, never about persons."), rows=3
    )

    def __init__(self, *args, user, region: Region | None = None, **kwargs):
        self.user, self.region = user, region
        super().__init__(*args, **kwargs)
        if user.is_superuser or region is None:
            return
        # A regiocoördinator keeps their region's name, code and description; what kind of
        # region it is and who its members are stay the beheerder's.
        self.fields["kind"].choices = [(region.kind, region.get_kind_display())]
        self.fields["kind"].disabled = True
        if not user.has_perm("regions.change_region_members", region):
            self.fields["members"].disabled = True
            self.fields["members"].help_text = gettext_lazy(
                "Only the administrator changes the members of a region."
            )

    def clean_code(self):
        code = self.cleaned_data["code"].lower()
        clash = Region.objects.filter(code=code).exclude(pk=getattr(self.region, "pk", None))
        if clash.exists():
            raise forms.ValidationError(_("Another region already uses this code."))
        return code

    def clean_members(self):
        names = [n.strip() for n in re.split(r"[,\n;]", self.cleaned_data["members"]) if n.strip()]
        municipalities = list(Municipality.objects.only("name", "cbs_name", "code"))
        index = NameIndex(
            [(m.cbs_name, m.code) for m in municipalities]
            + [(m.name, m.code) for m in municipalities]
        )
        unknown = [n for n in names if index.resolve(n) is None]
        ambiguous = {n: same_name_as(n, municipalities) for n in unknown}
        ambiguous = {n: options for n, options in ambiguous.items() if len(options) > 1}
        if ambiguous:
            raise forms.ValidationError(
                [
                    _("“%(name)s” is ambiguous: write %(options)s.")
                    % {"name": n, "options": _(" or ").join(f"“{o}”" for o in options)}
                    for n, options in ambiguous.items()
                ]
            )
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
        return members


PopulationUploadForm = upload_form(
    limits=upload_limits.national,
    label=gettext_lazy("StatLine export of table 37230ned (CSV)"),
    help_text=gettext_lazy(
        "CBS “Bevolkingsontwikkeling; regio per maand”, population at the end of the period, per year."
    ),
)
