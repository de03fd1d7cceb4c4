"""An uitvoeringsplan, its actions and their progress as data: one shape for the API, the JSON
download and `ivp actions --format json`, so an action looks the same everywhere.

Every field is typed and described, so the OpenAPI schema documents the export too. The shape
is `format_version` 1: keys may be added, none renamed or removed.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ivp.common import text_limits
from ivp.planning.execution.models import Action, ActionPlan, ProgressUpdate
from ivp.planning.execution.selectors import actions_of
from ivp.planning.policy.models import Priority
from ivp.planning.policy.serializers import AdoptableDocumentSerializer

FORMAT_VERSION = 1


class AmountField(serializers.DecimalField):
    """Euros with cents: read as a JSON number, written as a number or a decimal string."""

    def __init__(self, **kwargs):
        super().__init__(max_digits=12, decimal_places=2, coerce_to_string=False, **kwargs)

    def to_representation(self, value):
        return float(super().to_representation(value))


class PartyNames(serializers.ListField):
    """Parties written as names; read from the action's parties in the order it lists them."""

    def get_attribute(self, instance):
        return instance.party_names

    def to_representation(self, names):
        return list(names)


class ActionSerializer(serializers.ModelSerializer):
    """One action of an uitvoeringsplan. Read: as in the download. Write (the coordinator):
    `theme_id` and `item` to add one; to change one, any of the writable fields and the
    `lock_version` you read (or its ETag in `If-Match`)."""

    id = serializers.IntegerField(
        read_only=True, help_text="Actie-id; een voortgangsbestand noemt de actie hiermee."
    )
    theme = serializers.CharField(
        source="theme.title",
        read_only=True,
        help_text="Titel van de prioriteit of het overige thema waar de actie onder valt; bij "
        "een speerpunt: „speerpunt (speerpunt van prioriteit)”.",
    )
    theme_id = serializers.IntegerField(
        help_text="Id van het thema van het uitvoeringsplan; verplicht bij toevoegen, een "
        "bestaande actie verhuist niet."
    )
    priority = serializers.SerializerMethodField(
        help_text="true: het thema is een prioriteit van het IVP; false: een overig thema."
    )
    item = serializers.CharField(max_length=250, help_text="Korte naam van de actie.")
    description = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=text_limits.DESCRIPTION,
        help_text="Maatregelen en activiteiten; over het werk, nooit over personen.",
    )
    parties = PartyNames(
        child=serializers.CharField(max_length=200),
        required=False,
        help_text="Namen van de partijen; een nieuwe naam wordt een nieuwe partij.",
    )
    planning = serializers.CharField(
        source="planning_text",
        required=False,
        allow_blank=True,
        max_length=200,
        help_text="De planning zoals geschreven, bijv. 'Q1 en Q3' of 'vaarseizoen 2026'.",
    )
    planning_months = serializers.ListField(
        child=serializers.CharField(),
        read_only=True,
        help_text="De planning gelezen als maanden (JJJJ-MM); leeg als ze niet te lezen is.",
    )
    planning_quarters = serializers.SerializerMethodField(
        help_text="De planning gelezen als kwartalen (JJJJ-Qn)."
    )
    planning_read = serializers.SerializerMethodField(
        help_text="true als de planning in maanden gelezen kon worden."
    )
    owner = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=150,
        help_text="Trekker: een rol of partij, nooit een naam.",
    )
    budget = AmountField(
        required=False, allow_null=True, min_value=0, help_text="Budget in euro; null: geen."
    )
    hours = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=0,
        max_value=2_147_483_647,
        help_text="Capaciteit in uren; null: geen.",
    )
    expected_result = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=text_limits.DESCRIPTION,
        help_text="Verwacht resultaat.",
    )
    status = serializers.ChoiceField(
        choices=Action.Status.choices,
        required=False,
        help_text="gepland, lopend, afgerond, vertraagd of geschrapt.",
    )
    lock_version = serializers.IntegerField(
        required=False,
        min_value=0,
        help_text="Versie van de actie. Lezen: de huidige; wijzigen: stuur de versie die u "
        "las (of de ETag in If-Match); is de actie sindsdien opgeslagen, dan volgt 412.",
    )

    class Meta:
        model = Action
        fields = [
            "id",
            "theme",
            "theme_id",
            "priority",
            "item",
            "description",
            "parties",
            "planning",
            "planning_months",
            "planning_quarters",
            "planning_read",
            "owner",
            "budget",
            "hours",
            "expected_result",
            "status",
            "lock_version",
        ]

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_priority(self, action: Action) -> bool:
        return action.theme.priority.kind == Priority.Kind.PRIORITEIT

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_planning_quarters(self, action: Action) -> list[str]:
        return list(action.schedule.quarters)

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_planning_read(self, action: Action) -> bool:
        return action.schedule.parsed


class ActionPlanSerializer(AdoptableDocumentSerializer):
    """An uitvoeringsplan with every action, theme by theme (as `ivp actions --format json`)."""

    document_format_version = FORMAT_VERSION
    head_help = {
        "title": "Titel van het uitvoeringsplan.",
        "period": "Het jaar of de twee jaren van het plan.",
    }
    address = serializers.CharField(
        read_only=True,
        help_text="Hoe de adressen het plan noemen: het eerste jaar, en bij een plan voor één "
        "prioriteit of speerpunt de korte naam erachter (2026-ondermijning).",
    )
    policy_plan = serializers.CharField(
        source="policy_plan.title", help_text="Titel van het integraal veiligheidsplan erboven."
    )
    actions = serializers.SerializerMethodField(
        help_text="Alle acties, per thema in de volgorde van het plan."
    )

    @extend_schema_field(ActionSerializer(many=True))
    def get_actions(self, action_plan: ActionPlan) -> list:
        return ActionSerializer(actions_of(action_plan), many=True).data


class ProgressSerializer(serializers.ModelSerializer):
    """A progress update as readers see it: by organisation, never by a person's user name.
    A new one names the action's `lock_version` it was based on (or its ETag in If-Match)."""

    id = serializers.IntegerField(read_only=True, help_text="Id van de voortgangsmelding.")
    date = serializers.DateField(
        required=False,
        help_text="Datum van de stand van zaken; zonder: vandaag. Niet in de toekomst.",
    )
    status = serializers.ChoiceField(
        choices=Action.Status.choices,
        help_text="Status van de actie op die datum; wordt ook de status van de actie.",
    )
    percent_done = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=0,
        max_value=100,
        help_text="Percentage gereed (0–100); null: niet opgegeven.",
    )
    note = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=text_limits.NOTE,
        help_text="Toelichting; over het werk, nooit over personen.",
    )
    organisation = serializers.CharField(
        read_only=True,
        help_text="De organisatie die meldde (de partij, of de gemeente); nooit een persoon.",
    )
    created_at = serializers.DateTimeField(
        read_only=True, help_text="Wanneer de melding is vastgelegd."
    )
    lock_version = serializers.IntegerField(
        write_only=True,
        required=False,
        min_value=0,
        help_text="De lock_version van de actie zoals u die las (of haar ETag in If-Match).",
    )

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
