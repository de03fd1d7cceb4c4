"""Roles per municipality (DESIGN.md §5). A user may hold several memberships."""

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history import register
from simple_history.models import HistoricalRecords


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


class InvitationQuerySet(models.QuerySet):
    def open(self):
        """Neither accepted nor withdrawn; an expired one stays listed as expired."""
        return self.filter(accepted_at__isnull=True, withdrawn_at__isnull=True)


class Invitation(models.Model):
    """A coordinator's invitation by e-mail to a partner or a council member of their
    municipality; accepting it makes an account with exactly this membership."""

    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    municipality = models.ForeignKey(
        "regions.Municipality",
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("municipality"),
    )
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("sent on"), auto_now_add=True)
    expires_at = models.DateTimeField(_("valid until"))
    accepted_at = models.DateTimeField(_("accepted on"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted by"),
    )
    withdrawn_at = models.DateTimeField(_("withdrawn on"), null=True, blank=True)
    history = HistoricalRecords()

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} — {self.get_role_display()} — {self.municipality}"

    def clean(self) -> None:
        if self.role not in (Role.KETENPARTNER, Role.VIEWER):
            raise ValidationError({"role": _("Invite partners and council members only.")})
        if self.role == Role.KETENPARTNER and not self.organisation.strip():
            raise ValidationError(
                {"organisation": _("Name the organisation the partner reports for.")}
            )

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.withdrawn_at is None

    def is_expired(self, now) -> bool:
        return now >= self.expires_at


# Who was given staff or administrator rights, and when; never the password hash.
register(User, app=__package__, excluded_fields=["password", "last_login"])


class ApiKeyQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class ApiKey(models.Model):
    """A personal key with which a script uses the API as its user, with exactly that user's
    rights. Only a hash is kept: the key itself is shown once, when it is made."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_keys",
        verbose_name=_("user"),
    )
    name = models.CharField(
        _("name"), max_length=100, help_text=_("What the key is for, e.g. the progress script.")
    )
    prefix = models.CharField(_("key begins with"), max_length=16)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("made on"), auto_now_add=True)
    last_used_on = models.DateField(_("last used on"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked on"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["key_hash", "last_used_on"])

    objects = ApiKeyQuerySet.as_manager()

    class Meta:
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…) — {self.user}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class NewsVisit(models.Model):
    """When a person last marked their news of a municipality as seen: partner reports and
    comments after it are "since your last visit"."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    municipality = models.ForeignKey(
        "regions.Municipality", on_delete=models.CASCADE, related_name="+"
    )
    seen_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "municipality"], name="newsvisit_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.municipality}: {self.seen_at:%Y-%m-%d %H:%M}"


class NotificationSettings(models.Model):
    """What a person gets by e-mail. Without a row: the weekly summary for coordinators, not
    for others (`wants_weekly_digest`)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings"
    )
    weekly_digest = models.BooleanField(_("weekly summary by e-mail"), default=True)

    class Meta:
        verbose_name = _("notification settings")
        verbose_name_plural = _("notification settings")

    def __str__(self) -> str:
        return f"{self.user}: {self.weekly_digest}"


def wants_weekly_digest(user) -> bool:
    chosen = NotificationSettings.objects.filter(user=user).values_list("weekly_digest", flat=True)
    for weekly_digest in chosen:
        return weekly_digest
    return user.memberships.filter(role=Role.COORDINATOR).exists()


def weekly_digest_choose(*, user, wanted: bool) -> None:
    """The person's own choice, kept from now on whatever their roles."""
    NotificationSettings.objects.update_or_create(user=user, defaults={"weekly_digest": wanted})
