from django import forms
from django.utils.translation import gettext_lazy as _

from ivp.common.forms import AccessibleForm

from .render_docx import TemplateError, open_template

FORMAT_CHOICES = [
    ("pdf", _("PDF (accessible, to publish)")),
    ("docx", _("Word (DOCX, to edit in the house style)")),
    ("html", _("HTML file")),
]
MAX_TEMPLATE_BYTES = 10 * 1024 * 1024


class GenerateForm(AccessibleForm):
    format = forms.ChoiceField(
        label=_("Format"), choices=FORMAT_CHOICES, initial="pdf", widget=forms.RadioSelect
    )


class HouseStyleForm(AccessibleForm):
    template = forms.FileField(
        label=_("Word template (.docx)"),
        help_text=_(
            "Its styles (Title, Heading 1 and 2, List Bullet, Caption, Table Grid), headers, "
            "footers and page setup are used; its text is not."
        ),
    )

    def clean_template(self):
        upload = self.cleaned_data["template"]
        if upload.size > MAX_TEMPLATE_BYTES:
            raise forms.ValidationError(_("The template is larger than 10 MB."))
        content = upload.read()
        try:
            open_template(content)
        except TemplateError:
            raise forms.ValidationError(
                _("%(file)s is not a Word document (.docx) that can be opened.")
                % {"file": upload.name}
            ) from None
        return upload.name, content
