"""Demo accounts, one per role, for trying ivp out. Never loaded in production."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from ivp.regions.models import Municipality, Region
from ivp.regions.services import region_save

from .models import Membership, Role

DEMO_PASSWORD = "demo-ivp-2026"


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: str
    municipality: str | None = None
    region: str | None = None
    organisation: str = ""

    @property
    def description(self) -> str:
        where = self.municipality or self.region or "installatie"
        return f"{Role(self.role).label} — {where}"


DEMO_USERS = [
    DemoUser("beheerder", Role.BEHEERDER),
    DemoUser("coordinator.westerveld", Role.COORDINATOR, municipality="GM1701"),
    DemoUser("coordinator.steenwijkerland", Role.COORDINATOR, municipality="GM1708"),
    DemoUser("coordinator.meppel", Role.COORDINATOR, municipality="GM0119"),
    DemoUser(
        "partner.westerveld",
        Role.KETENPARTNER,
        municipality="GM1701",
        organisation="Politie basisteam Zuidwest-Drenthe",
    ),
    DemoUser(
        "partner.steenwijkerland",
        Role.KETENPARTNER,
        municipality="GM1708",
        organisation="Politie",
    ),
    DemoUser("raad.westerveld", Role.VIEWER, municipality="GM1701"),
    DemoUser("regio.zuidwest-drenthe", Role.REGIOCOORDINATOR, region="zuidwest-drenthe"),
]


@transaction.atomic
def demo_load() -> list[DemoUser]:
    """The Zuidwest-Drenthe partnership and one user per role (idempotent)."""
    region = Region.objects.filter(code="zuidwest-drenthe").first()
    region_save(
        region=region,
        code="zuidwest-drenthe",
        name="Zuidwest-Drenthe",
        kind=Region.Kind.SAMENWERKINGSVERBAND,
        description="Samenwerking in integrale veiligheid van drie gemeenten met gedeelde regionale prioriteiten.",
        members=Municipality.objects.filter(name__in=["Meppel", "Midden-Drenthe", "Westerveld"]),
    )
    User = get_user_model()
    # One hash for the one published password: hashing it per user took a quarter of a second each.
    hashed = make_password(DEMO_PASSWORD)
    for demo in DEMO_USERS:
        user, _ = User.objects.get_or_create(username=demo.username)
        user.password = hashed
        user.email = f"{demo.username}@example.org"  # example.org: reserved, never delivered
        user.is_superuser = user.is_staff = demo.role == Role.BEHEERDER
        user.save()
        Membership.objects.get_or_create(
            user=user,
            role=demo.role,
            municipality=Municipality.objects.filter(code=demo.municipality).first(),
            region=Region.objects.filter(code=demo.region).first(),
            defaults={"organisation": demo.organisation},
        )
    return DEMO_USERS
