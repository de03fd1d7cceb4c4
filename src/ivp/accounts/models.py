"""Roles per municipality (DESIGN.md §5). A user may hold several memberships."""

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history import register
from simple_history.models import HistoricalRecords

from ivp.reports.models import HouseStyle


class Role(models.TextChoices):
    BEHEERDER = "beheerder", _("administrator (beheerder)")
    COORDINATOR = "coordinator", _("coordinator public order and safety (coördinator OOV)")
    KETENPARTNER = "ketenpartner", _("partner organisation (ketenpartner)")
    VIEWER = "raad_college", _("council or executive (raad / college)")
    REGIOCOORDINATOR = "regiocoordinator", _("regional coordinator (regiocoördinator)")


MUNICIPAL_ROLES = (Role.COORDINATOR, Role.KETENPARTNER, Role.VIEWER)


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    municipality = models.ForeignKey(
        "regions.Municipality",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("municipality"),
    )
    region = models.ForeignKey(
        "regions.Region",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("region"),
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=150,
        blank=True,
        help_text=_(
            "For a partner: the organisation this account acts for, e.g. Politie basisteam."
        ),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "municipality", "region"], name="membership_unique"
            )
        ]

    def __str__(self) -> str:
        where = self.municipality or self.region or _("installation")
        return f"{self.user} — {self.get_role_display()} — {where}"

    def clean(self) -> None:
        if self.role in MUNICIPAL_ROLES and not self.municipality_id:
            raise ValidationError({"municipality": _("This role belongs to a municipality.")})
        if self.role == Role.REGIOCOORDINATOR and not self.region_id:
            raise ValidationError({"region": _("A regional coordinator belongs to a region.")})
        if self.role == Role.BEHEERDER and (self.municipality_id or self.region_id):
            raise ValidationError(_("An administrator acts for the whole installation."))


# Who was given staff or administrator rights, and when; never the password hash.
register(User, app=__package__, excluded_fields=["password", "last_login"])

# House-style template uploads and removals (the reports app keeps no history of its own): who,
# which file and what the cleaning removed (the change reason); never the template's bytes.
register(
    HouseStyle,
    app=__package__,
    excluded_fields=["content"],
    history_change_reason_field=models.TextField(null=True),
)
