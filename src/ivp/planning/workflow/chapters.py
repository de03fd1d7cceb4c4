"""The chapters of a document about a plan: the outline a coordinator reorders, renames,
leaves out or adds to, the text written for each, and the generated block ivp places in it.

A chapter belongs to one plan version (an IVP or an uitvoeringsplan) and one document about it
(`document`: "ivp", "uitvoeringsplan", "voortgang", …). Which chapters a document starts with
and which blocks exist is the documents' business (`ivp.reports.outlines`); here they are kept,
versioned with the plan and in the audit trail. The documents adopted with a plan are fixed
with it; a progress report is written while the adopted plan runs (`FIXED_BY_ADOPTION`).
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

# Documents adopted together with their plan; the others go on being written after adoption.
FIXED_BY_ADOPTION = ("ivp", "analyse", "uitvoeringsplan", "raadsvoorstel", "collegevoorstel")


class Chapter(models.Model):
    policy_plan = models.ForeignKey(
        "planning.PolicyPlan",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="chapters",
    )
    action_plan = models.ForeignKey(
        "planning.ActionPlan",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="chapters",
    )
    document = models.CharField(_("document"), max_length=20)
    # the default chapter it started as ("voorwoord"); empty for a chapter the coordinator added
    key = models.SlugField(_("key"), max_length=40, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    included = models.BooleanField(_("in the document"), default=True)
    body = models.TextField(
        _("text"),
        blank=True,
        help_text=_(
            "Paragraphs separated by an empty line; a line starting with “- ” is a list item, "
            "“1. ” a numbered one. **bold**, *italic*, [link text](https://…), and a footnote "
            "where it belongs: ^[Source: …]."
        ),
    )
    block = models.CharField(
        _("generated part"),
        max_length=40,
        blank=True,
        help_text=_("What ivp places after the text: figures, a table, the priorities, …"),
    )
    signer_function = models.CharField(_("signed by (function)"), max_length=150, blank=True)
    signer_name = models.CharField(_("signed by (name)"), max_length=150, blank=True)
    lock_version = models.PositiveIntegerField(default=0, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(policy_plan__isnull=True) ^ Q(action_plan__isnull=True),
                name="chapter_of_one_plan",
            ),
            models.UniqueConstraint(
                fields=["policy_plan", "document", "key"],
                condition=~Q(key=""),
                name="chapter_default_once_per_ivp_document",
            ),
            models.UniqueConstraint(
                fields=["action_plan", "document", "key"],
                condition=~Q(key=""),
                name="chapter_default_once_per_action_plan_document",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def plan(self):
        return self.policy_plan or self.action_plan

    @property
    def fixed_by_adoption(self) -> bool:
        return self.document in FIXED_BY_ADOPTION


def plan_field(plan) -> str:
    """The field by which a chapter (or a generated document) names a plan of this kind."""
    return "action_plan" if plan._meta.model_name == "actionplan" else "policy_plan"


def copy_chapters(plan, copy) -> None:
    """A new version of a plan starts with the chapters of the version it copies."""
    for chapter in plan.chapters.all():
        chapter.pk = None
        chapter.lock_version = 0
        chapter._state.adding = True
        setattr(chapter, plan_field(copy), copy)
        chapter.save()
