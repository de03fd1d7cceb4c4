"""An existing plan uploaded to be read in: an IVP or an uitvoeringsplan's actions tables, the
file, what the reader drafted from it, and the plan the coordinator saved after checking.
Nothing of the plan is written before that."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class PlanImport(models.Model):
    class Status(models.TextChoices):
        QUEUED = "wachtrij", _("waiting")
        RUNNING = "bezig", _("reading")
        DONE = "klaar", _("read: to be checked")
        REFUSED = "geweigerd", _("refused")
        FAILED = "mislukt", _("failed")
        SAVED = "opgeslagen", _("saved as a concept")

    class Kind(models.TextChoices):
        PLAN = "ivp", _("integral safety plan")
        ACTIONS = "acties", _("implementation plan's actions")

    FINISHED = (Status.DONE, Status.REFUSED, Status.FAILED, Status.SAVED)

    municipality = models.ForeignKey(
        "regions.Municipality", on_delete=models.CASCADE, related_name="plan_imports"
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.PLAN)
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, help_text=_("The first year of the implementation plan.")
    )
    file_name = models.CharField(_("file"), max_length=255)
    content = models.BinaryField(_("content"), editable=False)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.QUEUED
    )
    draft = models.JSONField(_("draft"), null=True, blank=True)
    problems = models.JSONField(_("problems"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created = models.DateTimeField(_("uploaded"), auto_now_add=True)
    finished = models.DateTimeField(_("finished"), null=True, blank=True)
    plan = models.ForeignKey(
        "planning.PolicyPlan",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("saved as"),
    )
    action_plan = models.ForeignKey(
        "planning.ActionPlan",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("saved as"),
    )

    class Meta:
        verbose_name = _("plan import")
        verbose_name_plural = _("plan imports")
        ordering = ["-created"]

    def __str__(self) -> str:
        return self.file_name

    def get_absolute_url(self) -> str:
        return self._page("")

    @property
    def status_url(self) -> str:
        return self._page("_status")

    @property
    def retry_url(self) -> str:
        return self._page("_retry")

    def _page(self, suffix: str) -> str:
        name = "actions_import" if self.kind == self.Kind.ACTIONS else "plan_import"
        return reverse(f"intake:{name}{suffix}", args=[self.municipality.code, self.pk])

    @property
    def is_finished(self) -> bool:
        return self.status in self.FINISHED

    @property
    def problem(self) -> str:
        return " ".join(self.problems)
