from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ivp.common import upload_limits
from ivp.common.forms import AccessibleForm, UploadField

from .reading import READABLE


class PlanImportForm(AccessibleForm):
    document = UploadField(
        limits=upload_limits.plan_document,
        label=gettext_lazy("The plan: Word, PDF, text or ivp's JSON"),
        help_text=gettext_lazy(
            "An adopted IVP or a draft of one (.docx, .pdf, .txt, .md, or .json from ivp). ivp "
            "drafts its structure; you check every part before anything is saved."
        ),
    )

    def clean_document(self):
        upload = self.cleaned_data["document"]
        if not upload.name.lower().endswith(READABLE):
            raise forms.ValidationError(
                _("%(file)s: ivp reads plans from .docx, .pdf, .txt, .md and .json.")
                % {"file": upload.name}
            )
        return upload
