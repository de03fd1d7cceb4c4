"""Serializers of the policy side: plans as their export, actions, progress, observations."""

from rest_framework import serializers

from ivp.common import text_limits
from ivp.figures.models import Indicator, Observation
from ivp.planning.models import Action, ProgressUpdate


class ActionSerializer(serializers.ModelSerializer):
    theme = serializers.CharField(source="theme.priority.title", read_only=True)
    theme_id = serializers.IntegerField(write_only=True)
    parties = serializers.ListField(
        child=serializers.CharField(max_length=200), required=False, write_only=True
    )
    planning = serializers.CharField(
        source="planning_text", required=False, allow_blank=True, max_length=200
    )
    planning_months = serializers.ListField(child=serializers.CharField(), read_only=True)
    lock_version = serializers.IntegerField(required=False)

    class Meta:
        model = Action
        fields = [
            "id",
            "theme",
            "theme_id",
            "item",
            "description",
            "parties",
            "planning",
            "planning_months",
            "owner",
            "budget",
            "hours",
            "expected_result",
            "status",
            "lock_version",
        ]
        read_only_fields = ["id"]
        extra_kwargs = {
            "description": {"max_length": text_limits.DESCRIPTION},
            "expected_result": {"max_length": text_limits.DESCRIPTION},
        }

    def to_representation(self, action):
        data = super().to_representation(action)
        data["parties"] = [p.name for p in action.parties.all()]
        return data


class ProgressSerializer(serializers.ModelSerializer):
    """An update as readers see it: by organisation, never by a person's user name. A new
    one names the action's `lock_version` it was based on."""

    lock_version = serializers.IntegerField(write_only=True, required=False)

    class Meta:
        model = ProgressUpdate
        fields = [
            "id",
            "date",
            "status",
            "percent_done",
            "note",
            "organisation",
            "created_at",
            "lock_version",
        ]
        read_only_fields = ["id", "organisation", "created_at"]
        extra_kwargs = {
            "date": {"required": False},
            "note": {"max_length": text_limits.NOTE},
        }


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
