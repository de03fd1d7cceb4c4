from django import forms
from django.utils.translation import gettext_lazy as _

from ivp.common import text_limits, upload_limits
from ivp.common.forms import AccessibleForm, UploadField
from ivp.common.importing import ImportFileError
from ivp.planning.models import Chapter
from ivp.planning.workflow.forms import Versioned, model_field, text_field

from .render_docx import TemplateError, open_template
from .template_cleaning import CleanedTemplate, clean_template

FORMAT_CHOICES = [
    ("pdf", _("PDF (accessible, to publish)")),
    ("docx", _("Word (DOCX, to edit in the house style)")),
    ("html", _("HTML file")),
]


class GenerateForm(AccessibleForm):
    format = forms.ChoiceField(
        label=_("Format"), choices=FORMAT_CHOICES, initial="pdf", widget=forms.RadioSelect
    )


class HouseStyleForm(AccessibleForm):
    template = UploadField(
        limits=upload_limits.template,
        label=_("Word template (.docx)"),
        help_text=_(
            "Its styles (Title, Heading 1 and 2, List Bullet, Caption, Table Grid), headers, "
            "footers and page setup are used; its text is not."
        ),
    )

    def clean_template(self) -> CleanedTemplate:
        """The template without macros or external links; `removed` says what went."""
        upload = self.cleaned_data["template"]
        not_word = forms.ValidationError(
            _("%(file)s is not a Word document (.docx) that can be opened.") % {"file": upload.name}
        )
        content = upload.read()
        if not content.startswith(b"PK"):  # not even a zip archive
            raise not_word
        try:
            cleaned = clean_template(upload.name, content)
            open_template(cleaned.content)
        except ImportFileError as error:
            raise forms.ValidationError([str(problem) for problem in error.problems]) from None
        except TemplateError:
            raise not_word from None
        return cleaned


class ChapterForm(Versioned):
    title = model_field(Chapter, "title")
    included = forms.BooleanField(label=_("In the document"), required=False)
    body = text_field(
        _("Text"),
        rows=14,
        help_text=Chapter._meta.get_field("body").help_text,
        max_length=text_limits.CHAPTER,
    )
    block = forms.ChoiceField(label=_("Generated part after the text"), required=False, choices=())
    signer_function = model_field(Chapter, "signer_function")
    signer_name = model_field(Chapter, "signer_name")

    def __init__(self, *args, blocks: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["block"].choices = [("", _("none")), *blocks.items()]


class ChapterAddForm(AccessibleForm):
    title = model_field(Chapter, "title", label=_("Title of the new chapter"))
