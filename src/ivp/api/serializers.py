from rest_framework import serializers

from ivp.regions.models import Municipality, Population, Region
from ivp.taxonomy.models import SafetyField, TaxonomyVersion, Theme


class PopulationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Population
        fields = ["year", "inhabitants", "source"]


class MunicipalitySerializer(serializers.ModelSerializer):
    province = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Municipality
        fields = ["code", "name", "cbs_name", "province"]


class MunicipalityDetailSerializer(MunicipalitySerializer):
    population = PopulationSerializer(many=True, read_only=True)

    class Meta(MunicipalitySerializer.Meta):
        fields = [*MunicipalitySerializer.Meta.fields, "population"]


class RegionSerializer(serializers.ModelSerializer):
    members = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Region
        fields = ["code", "name", "kind", "description", "members"]


class ThemeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Theme
        fields = ["code", "name", "description"]


class SafetyFieldSerializer(serializers.ModelSerializer):
    themes = ThemeSerializer(many=True, read_only=True)

    class Meta:
        model = SafetyField
        fields = ["number", "name", "description", "themes"]


class TaxonomyVersionSerializer(serializers.ModelSerializer):
    fields = SafetyFieldSerializer(many=True, read_only=True)

    class Meta:
        model = TaxonomyVersion
        fields = ["code", "name", "valid_from", "is_current", "source", "fields"]


class EffectiveThemeSerializer(serializers.Serializer):
    name = serializers.CharField()
    national_name = serializers.CharField(allow_null=True)
    description = serializers.CharField()
    own = serializers.BooleanField()


class EffectiveFieldSerializer(serializers.Serializer):
    number = serializers.IntegerField(source="field.number")
    name = serializers.CharField(source="field.name")
    themes = EffectiveThemeSerializer(many=True)
