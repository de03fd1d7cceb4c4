"""Scripts sign in with a personal API key: `Authorization: Bearer ivp_…`. The key acts with
exactly its user's rights; a revoked key, or the key of a deactivated account, is refused."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed

from ivp.accounts.api_keys import api_key_user

KEYWORD = "Bearer"
REFUSED = "Deze API-sleutel werkt niet (meer): hij is ingetrokken, onbekend of van een account dat niet meer actief is."


class ApiKeyAuthentication(BaseAuthentication):
    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].decode("latin-1").lower() != KEYWORD.lower():
            return None
        if len(parts) != 2:
            raise AuthenticationFailed(REFUSED)
        try:
            key = parts[1].decode("ascii")
        except UnicodeDecodeError:
            raise AuthenticationFailed(REFUSED) from None
        user = api_key_user(key)
        if user is None:
            raise AuthenticationFailed(REFUSED)
        return user, None

    def authenticate_header(self, request):
        return f'{KEYWORD} realm="api"'


class ApiKeyScheme(OpenApiAuthenticationExtension):
    """How the OpenAPI schema names the key: HTTP bearer."""

    target_class = ApiKeyAuthentication
    name = "apiKey"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "Persoonlijke API-sleutel (ivp_…), te maken en in te trekken onder "
            "Mijn account → API-sleutels; werkt met precies de rechten van de gebruiker.",
        }
