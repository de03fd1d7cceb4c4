"""Generated documents (made in the background, downloaded when ready) and a municipality's
own Word template for their house style."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ivp.planning.execution.address import plan_address

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

    # Uploads and removals for the audit trail: who, which file and what the cleaning removed
    # (the change reason); never the template's bytes. The table keeps the name it had when
    # accounts kept this history.
    history = HistoricalRecords(
        excluded_fields=["content"],
        history_change_reason_field=models.TextField(null=True),
        table_name="accounts_historicalhousestyle",
    )

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

    # The address of the file: not guessable, unlike the sequential pk.
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    municipality = models.ForeignKey(
        "regions.Municipality", on_delete=models.CASCADE, related_name="generated_documents"
    )
    # The exact plan version the file was made from: who may read the file is decided on it,
    # not on whichever version is current when someone asks.
    policy_plan = models.ForeignKey(
        "planning.PolicyPlan", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    action_plan = models.ForeignKey(
        "planning.ActionPlan", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # True until the worker has built the file from an adopted version: text of a draft may
    # change before adoption, so a file made from a draft stays with those preparing the plan.
    from_draft = models.BooleanField(default=True, editable=False)
    # made at adoption for everyone who may read the plan (anonymous readers of a public plan)
    public = models.BooleanField(default=False, editable=False)
    kind = models.CharField(_("document"), max_length=20, choices=list(KINDS.items()))
    year = models.PositiveSmallIntegerField(_("year"))
    scope = models.CharField(_("part"), max_length=60, blank=True)  # see ActionPlan.scope
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
        return f"{self.get_kind_display()} {self.municipality} {self.address} ({self.format})"

    def get_absolute_url(self) -> str:
        return reverse("reports:document_detail", kwargs={"generated": self.token})

    @property
    def address(self) -> str:
        """The year, or an uitvoeringsplan's address when several start in one year."""
        return plan_address(self.year, self.scope)

    @property
    def is_finished(self) -> bool:
        return self.status in self.FINISHED

    @property
    def source(self):
        """The plan version the file is made of (None for the analysis of public figures)."""
        return self.policy_plan or self.action_plan
