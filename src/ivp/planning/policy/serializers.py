"""The integral safety plan as data: one shape for the API, the JSON download and `ivp plan`.

Every field is typed and described, so the OpenAPI schema documents the export too. The plan's
shape is `format_version` 2 (README): keys may be added, none renamed or removed without raising
it. Version 2 added speerpunten, several themes, objectives with a direction or an output, links
to regional priorities, the region's own priorities and a going concern the plan names; a
priority's `objectives` and `approach` became its own, outside its speerpunten.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ivp.planning.policy import objective_text
from ivp.planning.policy.models import Framework, Objective, PolicyPlan, Priority
from ivp.planning.policy.selectors import going_concern_themes, regional_context
from ivp.planning.workflow.models import Adoptable

FORMAT_VERSION = 1  # of the documents that share the head below (the uitvoeringsplan's)
PLAN_FORMAT_VERSION = 2


class BlankAsNullCharField(serializers.CharField):
    """Text that is empty in the database and `null` in the data (e.g. no decision yet)."""

    def __init__(self, **kwargs):
        super().__init__(allow_null=True, **kwargs)

    def to_representation(self, value):
        return str(value) if value else None


def text_lines(text: str) -> list[str]:
    """A text written one item per line as a list (bullets and blank lines dropped)."""
    return [line.strip(" -•\t") for line in text.splitlines() if line.strip(" -•\t")]


class LinesField(serializers.ListField):
    """A text field written one item per line, read as a list."""

    child = serializers.CharField()

    def to_representation(self, data):
        return text_lines(data)


class MunicipalityRefSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="CBS-code van de gemeente, bijv. GM1708.")
    name = serializers.CharField(help_text="Naam van de gemeente.")


class RegionRefSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Code van de regio (samenwerkingsverband of provincie).")
    name = serializers.CharField(help_text="Naam van de regio.")


class YearPeriodSerializer(serializers.Serializer):
    """`from` and `to` are Python keywords, so the fields are named in get_fields()."""

    def get_fields(self):
        return {
            "from": serializers.IntegerField(source="start_year", help_text="Eerste jaar."),
            "to": serializers.IntegerField(source="end_year", help_text="Laatste jaar."),
        }


class AdoptionSerializer(serializers.Serializer):
    on = serializers.DateField(
        source="adopted_on",
        allow_null=True,
        help_text="Datum van vaststelling; null: nog niet vastgesteld of niet in het brondocument.",
    )
    by = BlankAsNullCharField(
        source="adopted_by", help_text="Wie vaststelde (gemeenteraad, college); null: nog niet."
    )
    decision = BlankAsNullCharField(
        source="decision_reference",
        help_text="Kenmerk van het besluit; null: geen of niet vermeld in het brondocument.",
    )


class FrameworkSerializer(serializers.ModelSerializer):
    name = serializers.CharField(help_text="Naam van het kader.")
    level = serializers.ChoiceField(
        choices=Framework.Level.choices, help_text="Niveau: landelijk, regionaal of lokaal."
    )
    period = serializers.CharField(help_text="Looptijd als tekst, bijv. 2023–2026.")
    issuer = serializers.CharField(help_text="Wie het kader uitgaf; leeg als onbekend.")

    class Meta:
        model = Framework
        fields = ["name", "level", "period", "issuer"]


class MeasurementSerializer(serializers.Serializer):
    """A value in a year: the baseline or the target of an objective."""

    def __init__(self, *args, which: str, **kwargs):
        self.which = which
        super().__init__(*args, **kwargs)

    def get_fields(self):
        return {
            "value": serializers.FloatField(
                source=f"{self.which}_value", allow_null=True, help_text="Waarde; null: geen."
            ),
            "year": serializers.IntegerField(
                source=f"{self.which}_year", allow_null=True, help_text="Jaar; null: geen."
            ),
        }


class BaselineSerializer(MeasurementSerializer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, which="baseline", **kwargs)


class TargetSerializer(MeasurementSerializer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, which="target", **kwargs)


class TextsOf(serializers.ListField):
    """Related records (a manager or a prefetched list) as a list of one of their texts, e.g.
    parties by name."""

    child = serializers.CharField()

    def __init__(self, attribute: str, **kwargs):
        self.attribute = attribute
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, related):
        records = related if isinstance(related, list) else related.all()
        return [getattr(record, self.attribute) for record in records]


def _names(help_text: str):
    return TextsOf("name", help_text=help_text)


def _parties(help_text: str):
    """The parties as the plan writes them (each link's `name`), the lead party first."""
    return TextsOf("name", source="party_links", help_text=help_text)


def _approach(source: str = "approachlines"):
    return TextsOf("text", source=source, help_text="Aanpaklijnen, in volgorde.")


def _themes():
    return TextsOf("name", help_text="Veiligheidsthema's, in volgorde.")


class ObjectiveSerializer(serializers.Serializer):
    text = serializers.CharField(help_text="De doelstelling.")
    kind = serializers.ChoiceField(
        choices=[("", "nog niet gezegd"), *Objective.Kind.choices],
        help_text="effect (gemeten met een indicator), output (wat geleverd wordt), "
        "kwalitatief, of leeg: nog niet gezegd.",
    )
    direction = serializers.ChoiceField(
        choices=[("", "geen"), *Objective.Direction.choices],
        help_text="Richting: stijgen, dalen, minstens (ten minste gelijk aan de nulmeting), "
        "hoogstens, bereiken; leeg: geen.",
    )
    aim = serializers.SerializerMethodField(
        help_text="Het doel in woorden, zoals de pagina en de documenten het zeggen; leeg bij "
        "een kwalitatieve doelstelling."
    )
    qualitative = serializers.BooleanField(
        help_text="Bewust kwalitatief: niet in een indicator uit te drukken."
    )
    measurable = serializers.BooleanField(
        help_text="Te volgen in de cijfers: een effect met indicator, nulmeting en een waarde "
        "om te bereiken of vast te houden."
    )
    indicator = serializers.CharField(
        source="indicator.name", allow_null=True, help_text="Naam van de indicator; null: geen."
    )
    baseline = BaselineSerializer(source="*", help_text="Nulmeting.")
    target = TargetSerializer(source="*", help_text="Streefwaarde.")
    per_year = serializers.BooleanField(help_text="De streefwaarde geldt per jaar (output).")
    unit = serializers.CharField(help_text="Wat geteld wordt (output), bijv. controles.")
    themes = _themes()

    def get_aim(self, objective) -> str:
        return objective_text.aim(objective)


class FocusAreaSerializer(serializers.Serializer):
    title = serializers.CharField(help_text="Titel van het speerpunt.")
    introduction = serializers.CharField(help_text="Inleiding.")
    ambition = serializers.CharField(help_text="Ambitie.")
    goal = serializers.CharField(help_text="Doel in woorden.")
    means = serializers.CharField(help_text="Middelen.")
    objectives = ObjectiveSerializer(many=True, help_text="Doelstellingen van het speerpunt.")
    approach = _approach()
    parties = _parties("Partijen die aan het speerpunt werken.")


class SharedPrioritySerializer(serializers.Serializer):
    region = RegionRefSerializer(help_text="De regio die de prioriteit deelt.")
    title = serializers.CharField(help_text="Titel van de gedeelde prioriteit.")
    period = serializers.CharField(help_text="Looptijd als tekst, bijv. 2023–2026.")
    description = serializers.CharField(help_text="Beschrijving.")
    objectives = ObjectiveSerializer(many=True, help_text="Gedeelde doelstellingen van de regio.")
    approach = _approach()
    parties = _parties("Partijen van de regionale aanpak.")


class RegionalLinkSerializer(serializers.Serializer):
    region = RegionRefSerializer(
        source="regional_priority.region", help_text="De regio die de prioriteit deelt."
    )
    title = serializers.CharField(
        source="regional_priority.title", help_text="Titel van de regionale prioriteit."
    )
    period = serializers.CharField(
        source="regional_priority.period", help_text="Looptijd van de regionale prioriteit."
    )
    focus_area = serializers.CharField(
        source="focus_area.title",
        allow_null=True,
        help_text="Het speerpunt waarin de gemeente eraan werkt; null: de hele prioriteit.",
    )
    contribution = serializers.CharField(help_text="De lokale bijdrage.")


class PrioritySerializer(serializers.Serializer):
    title = serializers.CharField(help_text="Titel van de prioriteit of het overige thema.")
    theme = serializers.CharField(
        source="theme.name", allow_null=True, help_text="Hoofdthema; null: geen."
    )
    themes = _themes()
    description = serializers.CharField(help_text="Beschrijving.")
    ambition = serializers.CharField(help_text="Ambitie.")
    objectives = ObjectiveSerializer(
        many=True,
        source="own_objectives",
        help_text="Doelstellingen van de prioriteit zelf (die van speerpunten staan daar); bij "
        "een gedeelde prioriteit de lokale.",
    )
    approach = _approach("own_lines")
    focus_areas = FocusAreaSerializer(many=True, help_text="Speerpunten, in volgorde.")
    regional_links = RegionalLinkSerializer(
        many=True,
        help_text="Regionale prioriteiten waaraan de gemeente binnen deze prioriteit werkt.",
    )
    parties = _parties("Partijen die aan de prioriteit werken.")
    frameworks = _names("Kaders waar de prioriteit op antwoordt, van landelijk naar lokaal.")
    shared = SharedPrioritySerializer(
        allow_null=True,
        help_text="De regionale prioriteit die de raad als eigen prioriteit overnam; null: een "
        "eigen prioriteit.",
    )


class RegionalRowSerializer(serializers.Serializer):
    title = serializers.CharField(help_text="Titel van de regionale prioriteit.")
    period = serializers.CharField(help_text="Looptijd.")
    worked_on_in = serializers.ListField(
        child=serializers.CharField(),
        help_text="De prioriteiten van dit plan waarin de gemeente eraan werkt; leeg: niet.",
    )


class RegionalContextSerializer(serializers.Serializer):
    region = RegionRefSerializer(help_text="De regio.")
    priorities = RegionalRowSerializer(many=True, help_text="De prioriteiten van de regio.")


class AdoptableDocumentSerializer(serializers.Serializer):
    """The head of an exported plan or uitvoeringsplan: its format's version, municipality,
    title, period, version and status. A subclass gives its own `document_format_version`
    and describes its title and period in `head_help`."""

    document_format_version = FORMAT_VERSION
    head_help: dict[str, str] = {}

    format_version = serializers.SerializerMethodField(
        help_text="Versie van deze vorm; verandert alleen als een sleutel wegvalt of van "
        "betekenis verandert."
    )
    municipality = MunicipalityRefSerializer(help_text="De gemeente van het plan.")
    title = serializers.CharField()
    period = YearPeriodSerializer(source="*")
    version = serializers.IntegerField(help_text="Versienummer; 1 is de eerste.")
    status = serializers.ChoiceField(
        choices=Adoptable.Status.choices, help_text="concept of vastgesteld."
    )

    def get_fields(self):
        fields = super().get_fields()
        for name, help_text in self.head_help.items():
            fields[name].help_text = help_text
        return fields

    @extend_schema_field(OpenApiTypes.INT)
    def get_format_version(self, document) -> int:
        return self.document_format_version


class PlanSerializer(AdoptableDocumentSerializer):
    """An integraal veiligheidsplan with its priorities, objectives, approach, parties,
    frameworks and the regional priorities it adopts (as `ivp plan --format json`)."""

    document_format_version = PLAN_FORMAT_VERSION
    head_help = {"title": "Titel van het plan.", "period": "Planperiode in jaren."}
    adopted = AdoptionSerializer(source="*", help_text="De vaststelling.")
    mission = serializers.CharField(help_text="Missie.")
    vision = serializers.CharField(help_text="Visie.")
    strategic_objectives = LinesField(help_text="Strategische doelen, één per regel.")
    principles = LinesField(help_text="Uitgangspunten, één per regel.")
    frameworks = FrameworkSerializer(many=True, help_text="Kaders waar het plan op steunt.")
    priorities = serializers.SerializerMethodField(help_text="De prioriteiten, in volgorde.")
    other_themes = serializers.SerializerMethodField(
        help_text="Overige thema's die het plan uitschrijft (zelfde vorm als prioriteiten)."
    )
    going_concern = serializers.SerializerMethodField(
        help_text="Namen van de thema's die het plan als reguliere aanpak (going concern) noemt."
    )
    regions = serializers.SerializerMethodField(
        help_text="De prioriteiten van de regio's waarvan de gemeente lid is, met waar het plan "
        "eraan werkt."
    )
    communication = serializers.CharField(help_text="Communicatie.")
    formation = serializers.CharField(help_text="Formatie (personeel en capaciteit).")
    finances = serializers.CharField(help_text="Financiën.")

    @extend_schema_field(PrioritySerializer(many=True))
    def get_priorities(self, plan: PolicyPlan) -> list:
        return self._of_kind(plan, Priority.Kind.PRIORITEIT)

    @extend_schema_field(PrioritySerializer(many=True))
    def get_other_themes(self, plan: PolicyPlan) -> list:
        return self._of_kind(plan, Priority.Kind.OVERIG)

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_going_concern(self, plan: PolicyPlan) -> list[str]:
        return [theme.name for theme in going_concern_themes(plan)]

    @extend_schema_field(RegionalContextSerializer(many=True))
    def get_regions(self, plan: PolicyPlan) -> list:
        contexts = [
            {
                "region": context.region,
                "priorities": [
                    {
                        "title": item.title,
                        "period": item.period,
                        "worked_on_in": [p.title for p in where],
                    }
                    for item, where in context.rows
                ],
            }
            for context in regional_context(plan)
        ]
        return RegionalContextSerializer(contexts, many=True).data

    def _of_kind(self, plan: PolicyPlan, kind: str) -> list:
        chosen = [p for p in plan.priorities.all() if p.kind == kind]
        return PrioritySerializer(chosen, many=True).data
