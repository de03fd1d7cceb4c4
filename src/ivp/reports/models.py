"""Generated documents (made in the background, downloaded when ready) and a municipality's
own Word template for their house style."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .document import FORMATS, KINDS


class HouseStyle(models.Model):
    """The municipality's Word template: its styles, headers and footers shape every DOCX."""

    municipality = models.OneToOneField(
        "regions.Municipality", on_delete=models.CASCADE, related_name="house_style"
    )
    file_name = models.CharField(_("file"), max_length=255)
    content = models.BinaryField(_("content"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now=True)

    class Meta:
        verbose_name = _("house style")
        verbose_name_plural = _("house styles")

    def __str__(self) -> str:
        return f"{self.municipality}: {self.file_name}"


class GeneratedDocument(models.Model):
    class Status(models.TextChoices):
        QUEUED = "wachtrij", _("waiting")
        RUNNING = "bezig", _("being made")
        DONE = "klaar", _("ready")
        FAILED = "mislukt", _("failed")

    FINISHED = (Status.DONE, Status.FAILED)

    municipality = models.ForeignKey(
        "regions.Municipality", on_delete=models.CASCADE, related_name="generated_documents"
    )
    kind = models.CharField(_("document"), max_length=20, choices=list(KINDS.items()))
    year = models.PositiveSmallIntegerField(_("year"))
    format = models.CharField(_("format"), max_length=5, choices=[(f, f.upper()) for f in FORMATS])
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    file_name = models.CharField(_("file"), max_length=255, blank=True)
    content = models.BinaryField(_("content"), default=b"", editable=False)
    size = models.PositiveIntegerField(_("size (bytes)"), default=0)
    problem = models.TextField(_("problem"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("generated document")
        verbose_name_plural = _("generated documents")
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.municipality} {self.year} ({self.format})"

    @property
    def is_finished(self) -> bool:
        return self.status in self.FINISHED
