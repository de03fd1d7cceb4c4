"""The API's public facts (municipalities, regions, the taxonomy; no login) and a
municipality's own themes, over the same selectors as the pages."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView
from rest_framework import generics
from rest_framework.response import Response

from ivp.regions import selectors as region_selectors
from ivp.regions.models import Municipality, Region
from ivp.taxonomy import selectors as taxonomy_selectors

from . import serializers
from .base import ApiView, Need


class PublicMixin(ApiView):
    needs = {"GET": []}


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


class MunicipalThemes(ApiView):
    """The themes as this municipality uses them: needs a role in the municipality."""

    needs = {"GET": [Need("regions.view_workspace", "municipality")]}
    pagination_class = None

    def resolve(self):
        return {"municipality": get_object_or_404(Municipality, code=self.kwargs["code"].upper())}

    @extend_schema(responses=serializers.EffectiveFieldSerializer(many=True))
    def get(self, request, code):
        version = taxonomy_selectors.current_version()
        municipality = self.resolved()["municipality"]
        fields = taxonomy_selectors.themes_for(municipality, version) if version else []
        return Response(serializers.EffectiveFieldSerializer(fields, many=True).data)
