"""Single sign-on through OpenID Connect (IVP_OIDC_ENABLED=1): who the identity provider says
someone is, matched to an ivp account. What they may do comes only from their memberships in
ivp (given by invitation or by the beheerder), never from claims of the identity provider."""

from django.contrib.auth import get_user_model
from mozilla_django_oidc.auth import OIDCAuthenticationBackend


def username_for(claims: dict) -> str:
    """A free username: the provider's preferred_username, else the e-mail address."""
    User = get_user_model()
    base = (claims.get("preferred_username") or claims.get("email") or "").strip()[:140]
    candidate, n = base, 1
    while User.objects.filter(username__iexact=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


class MembershipOIDCBackend(OIDCAuthenticationBackend):
    def verify_claims(self, claims: dict) -> bool:
        # An address the provider itself says is unverified could belong to anyone.
        return bool(claims.get("email")) and claims.get("email_verified", True) is not False

    def filter_users_by_claims(self, claims: dict):
        email = (claims.get("email") or "").strip()
        if not email:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(email__iexact=email)

    def create_user(self, claims: dict):
        """A new account without a role and without a password of its own."""
        user = self.UserModel(
            username=username_for(claims),
            email=claims["email"].strip().lower(),
            first_name=(claims.get("given_name") or "")[:150],
            last_name=(claims.get("family_name") or "")[:150],
        )
        user.set_unusable_password()
        user.save()
        return user

    def update_user(self, user, claims: dict):
        # A deactivated account stays locked out; no claim changes rights or staff status.
        return user if user.is_active else None
