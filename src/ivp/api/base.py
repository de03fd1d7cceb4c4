"""What every API view shares: its permissions declared per method (`needs`, asked by
`RulesPermission`), the objects it works on resolved once per request (`resolve()`), and the
answers about keys and versions (401 for a refused key, the ETag with a 412)."""

from rest_framework import generics

from .permissions import Need, RulesPermission

__all__ = ["ApiView", "Need"]


class ApiView(generics.GenericAPIView):
    permission_classes = [RulesPermission]
    needs: dict[str, list[Need]] = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # What the authorisation matrix reads: "public", or the permission a GET (else the
        # view's one method) asks.
        reading = cls.needs.get("GET") or next(iter(cls.needs.values()), [])
        cls.ivp_access = reading[-1].perm if reading else "public"

    def resolve(self) -> dict:
        """The objects the permissions are asked of, by name (404 when one does not exist)."""
        return {}

    def resolved(self) -> dict:
        if not hasattr(self, "_resolved"):
            self._resolved = self.resolve()
        return self._resolved

    def get_authenticate_header(self, request):
        # A request that sent a key and was refused gets 401 with the scheme to use; one
        # without credentials keeps the 403 the pages' rules give (the same for sessions).
        if request.META.get("HTTP_AUTHORIZATION"):
            return super().get_authenticate_header(request)
        return None

    def handle_exception(self, exc):
        response = super().handle_exception(exc)
        etag = getattr(exc, "etag", None)
        if etag:
            response["ETag"] = etag
        return response
