from django import forms
from django.utils.translation import gettext_lazy

from ivp.common import upload_limits
from ivp.common.forms import AccessibleForm, UploadField

from .reading import READABLE, READABLE_ACTIONS
from .services import actions_target


class PlanImportForm(AccessibleForm):
    document = UploadField(
        limits=upload_limits.plan_document,
        endings=READABLE,
        refused=gettext_lazy("%(file)s: ivp reads plans from .docx, .pdf, .txt, .md and .json."),
        label=gettext_lazy("The plan: Word, PDF, text or ivp's JSON"),
        help_text=gettext_lazy(
            "An adopted IVP or a draft of one (.docx, .pdf, .txt, .md, or .json from ivp). ivp "
            "drafts its structure; you check every part before anything is saved."
        ),
    )


class ActionsImportForm(AccessibleForm):
    document = UploadField(
        limits=upload_limits.plan_document,
        endings=READABLE_ACTIONS,
        refused=gettext_lazy(
            "%(file)s: ivp reads actions from .docx, .pdf, .txt, .md, .xlsx and .csv."
        ),
        label=gettext_lazy("The implementation plan: Word, PDF, text or a spreadsheet"),
        help_text=gettext_lazy(
            "Its actions tables, with columns such as Item, Maatregelen/activiteiten, Partijen "
            "and Planning (.docx, .pdf, .txt, .md, .xlsx or .csv). You check every action before "
            "anything is saved."
        ),
    )
    year = forms.IntegerField(
        label=gettext_lazy("Year of the implementation plan"), min_value=2000, max_value=2100
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality

    def clean_year(self):
        year = self.cleaned_data["year"]
        actions_target(self.municipality, year)  # refused with the reason why
        return year
