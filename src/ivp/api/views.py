"""Thin read-only API over the same selectors as the pages. Public facts need no login."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView
from rest_framework import generics
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from ivp.regions import selectors as region_selectors
from ivp.regions.models import Municipality, Region
from ivp.taxonomy import selectors as taxonomy_selectors

from . import serializers
from .permissions import RulesPermission


class PublicMixin:
    permission_classes = [AllowAny]
    ivp_access = "public"


class Schema(PublicMixin, SpectacularAPIView):
    """The OpenAPI schema of this API."""


class MunicipalityList(PublicMixin, generics.ListAPIView):
    serializer_class = serializers.MunicipalitySerializer

    def get_queryset(self):
        return region_selectors.municipality_list(
            query=self.request.query_params.get("q", ""),
            province=self.request.query_params.get("provincie", ""),
        )


class MunicipalityDetail(PublicMixin, generics.RetrieveAPIView):
    serializer_class = serializers.MunicipalityDetailSerializer
    queryset = Municipality.objects.select_related("province").prefetch_related("population")
    lookup_field = "code"


class RegionList(PublicMixin, generics.ListAPIView):
    serializer_class = serializers.RegionSerializer
    queryset = Region.objects.prefetch_related("members").order_by("kind", "name")


class RegionDetail(PublicMixin, generics.RetrieveAPIView):
    serializer_class = serializers.RegionSerializer
    queryset = Region.objects.prefetch_related("members")
    lookup_field = "code"
    lookup_url_kwarg = "region"


class TaxonomyList(PublicMixin, generics.ListAPIView):
    serializer_class = serializers.TaxonomyVersionSerializer
    pagination_class = None

    def get_queryset(self):
        return taxonomy_selectors.versions_with_themes()


class MunicipalThemes(APIView):
    """The themes as this municipality uses them: needs a role in the municipality."""

    permission_classes = [RulesPermission]
    required_permission = ivp_access = "regions.view_workspace"

    def permission_object(self):
        return get_object_or_404(Municipality, code=self.kwargs["code"].upper())

    @extend_schema(responses=serializers.EffectiveFieldSerializer(many=True))
    def get(self, request, code):
        version = taxonomy_selectors.current_version()
        fields = taxonomy_selectors.themes_for(self.permission_object(), version) if version else []
        return Response(serializers.EffectiveFieldSerializer(fields, many=True).data)
