"""Serializers of indicators and observations. The plan, the uitvoeringsplan, actions and
progress have theirs in `ivp.planning` (policy/ and execution/ serializers), which the
downloads use as well."""

from rest_framework import serializers

from ivp.figures.models import Indicator, Observation


class IndicatorSerializer(serializers.ModelSerializer):
    themes = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Indicator
        fields = ["code", "name", "unit", "kind", "classification", "themes"]


class ObservationSerializer(serializers.ModelSerializer):
    indicator = serializers.SlugRelatedField(slug_field="code", read_only=True)
    source = serializers.SerializerMethodField()

    class Meta:
        model = Observation
        fields = ["indicator", "area_code", "period", "value", "margin", "revision", "source"]

    def get_source(self, observation) -> str:
        return str(observation.source)
