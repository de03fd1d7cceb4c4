"""The policy side over REST, with the same services, serializers and permissions as the pages
and the downloads: the integral safety plan, uitvoeringsplannen, actions, progress, indicators
and observations. Writes: actions by the coordinator, progress by the coordinator or a partner
of a party on the action; each names the version it was based on (`lock_version` or
`If-Match`): 428 without it, 412 when someone saved since."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    inline_serializer,
)
from rest_framework import generics, serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from ivp.figures import selectors as figures_selectors
from ivp.intake.readers.plan_json import PlanFileError, read_plan_json
from ivp.intake.services import plan_draft_save
from ivp.planning.execution import selectors as execution_selectors
from ivp.planning.execution.serializers import (
    ActionPlanSerializer,
    ActionSerializer,
    ProgressSerializer,
)
from ivp.planning.execution.services.actions import action_save, action_update
from ivp.planning.execution.services.progress import progress_record
from ivp.planning.policy import export as policy_export
from ivp.planning.policy import selectors as policy_selectors
from ivp.planning.policy.serializers import PlanSerializer
from ivp.planning.workflow import selectors as workflow_selectors
from ivp.planning.workflow.locking import EditConflict
from ivp.regions.models import Municipality

from .base import ApiView, Need
from .planning_serializers import IndicatorSerializer, ObservationSerializer
from .preconditions import action_etag, content_etag, expected_action_version, stale

VIEW_ACTION_PLAN = Need("planning.view_action_plan", "action_plan")
CHANGE_ACTION_PLAN = Need("planning.change_action_plan", "action_plan")

IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description="De ETag van de actie zoals u die las (in plaats van lock_version in de body).",
)
ETAG = OpenApiParameter(
    "ETag",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    response=[200, 201, 412],
    description="Versie van wat u las; stuur haar terug in If-Match bij een wijziging.",
)
PLAN_ADDRESS = OpenApiParameter(
    "address",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    pattern=r"^[0-9]{4}(-[a-z0-9]+)*$",
    description="Het eerste jaar van het uitvoeringsplan (2026); maakt de gemeente er een per "
    "prioriteit of speerpunt, dan met de korte naam erachter (2026-ondermijning).",
)
WHAT_HAPPENED = serializers.CharField(help_text="Wat er gebeurde, in het Nederlands.")
WRITE_ERRORS = {
    400: OpenApiResponse(description="Ongeldige invoer; de fout staat per veld."),
    403: OpenApiResponse(description="Geen rechten."),
    412: OpenApiResponse(
        response=inline_serializer(
            "StaleWrite",
            fields={
                "detail": WHAT_HAPPENED,
                "lock_version": serializers.IntegerField(help_text="De versie van de actie nu."),
                "current": ActionSerializer(help_text="De actie zoals ze nu is."),
            },
        ),
        description="Iemand anders sloeg de actie op nadat u haar las; er is niets opgeslagen. "
        "Het antwoord bevat de actie zoals ze nu is, en haar ETag.",
    ),
    428: OpenApiResponse(
        response=inline_serializer(
            "VersionMissing",
            fields={
                "detail": WHAT_HAPPENED,
                "lock_version": serializers.ListField(
                    child=serializers.CharField(), help_text="Wat er ontbreekt."
                ),
            },
        ),
        description="lock_version in de body of If-Match met de ETag ontbreekt; er is niets "
        "opgeslagen.",
    ),
}


def _refused(error: ValidationError) -> Response:
    return Response({"detail": " ".join(error.messages)}, status=status.HTTP_400_BAD_REQUEST)


def _about_action(data, action, *, created: bool = False) -> Response:
    """An answer about an action, carrying its version as the ETag (201 when just made)."""
    code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
    return Response(data, status=code, headers={"ETag": action_etag(action)})


def _municipality(code: str) -> Municipality:
    return get_object_or_404(Municipality, code=code.upper())


class PolicyPlanView(ApiView):
    """The integral safety plan in force (or, for those preparing it, the newest draft), with
    priorities, objectives, approach, parties and the shared regional priorities; the same data
    as the plan page's JSON download and `ivp plan --format json`."""

    needs = {"GET": [Need("planning.view_plan", "plan")]}
    serializer_class = PlanSerializer
    pagination_class = None

    def resolve(self):
        municipality = _municipality(self.kwargs["code"])
        plan = policy_selectors.plan_for_reader(self.request.user, municipality)
        if plan is None:
            raise NotFound("Geen integraal veiligheidsplan dat u mag lezen.")
        return {"plan": plan}

    @extend_schema(parameters=[ETAG], responses=PlanSerializer)
    def get(self, request, code):
        data = policy_export.plan_data(self.resolved()["plan"])
        return Response(data, headers={"ETag": content_etag(data)})


DRY_RUN = OpenApiParameter(
    "droog",
    OpenApiTypes.BOOL,
    OpenApiParameter.QUERY,
    description="1: toets en toon het concept met de vindplaats per onderdeel, sla niets op.",
)
FINDINGS = serializers.ListField(
    child=serializers.CharField(), help_text="Wat ivp niet kende of niet vond, in het Nederlands."
)


class PolicyPlanDrafts(ApiView):
    """A plan in the JSON of the plan's export (`GET …/veiligheidsplan/`, format_version 2)
    saved as the municipality's next concept version, for whoever may start its cycle: export,
    edit, send back. What ivp does not know (a theme, framework, indicator or regional
    priority) is left empty and said in `findings`; nothing is saved for invalid input."""

    needs = {"POST": [Need("planning.change_cycle", "municipality")]}
    pagination_class = None

    def resolve(self):
        return {"municipality": _municipality(self.kwargs["code"])}

    @extend_schema(
        request=PlanSerializer,
        parameters=[DRY_RUN],
        responses={
            201: inline_serializer(
                "PlanDraftSaved",
                fields={
                    "plan": PlanSerializer(help_text="Het concept zoals opgeslagen."),
                    "findings": FINDINGS,
                },
            ),
            200: inline_serializer(
                "PlanDraftChecked",
                fields={
                    "draft": serializers.JSONField(
                        help_text="Het concept, met per onderdeel zijn vindplaats (source)."
                    ),
                    "findings": FINDINGS,
                },
            ),
            400: OpenApiResponse(description="Geen plan in dit formaat; de fout zegt waar."),
            403: OpenApiResponse(description="Geen rechten."),
        },
    )
    def post(self, request, code):
        try:
            draft = read_plan_json(request.body, "verzoek")
        except PlanFileError as error:
            return Response({"detail": str(error)}, status=status.HTTP_400_BAD_REQUEST)
        if request.query_params.get("droog") in ("1", "true", "ja"):
            return Response({"draft": draft, "findings": draft["findings"]})
        try:
            saved = plan_draft_save(municipality=self.resolved()["municipality"], draft=draft)
        except ValidationError as error:
            return _refused(error)
        return Response(
            {"plan": policy_export.plan_data(saved.plan), "findings": saved.findings},
            status=status.HTTP_201_CREATED,
        )


class ActionPlanScoped(ApiView):
    """The uitvoeringsplan an address names (its first year, and its scope if it is one of
    several starting that year) in the version this user reads, as on the
    page: the newest for those preparing it, the adopted one in force for everyone else."""

    pagination_class = None

    def resolve(self):
        municipality = _municipality(self.kwargs["code"])
        versions = execution_selectors.action_plan_versions(
            municipality, address=self.kwargs["address"]
        )
        plan = (
            workflow_selectors.first_readable(self.request.user, versions, VIEW_ACTION_PLAN.perm)
            or versions.first()
        )  # none readable: the newest, which the permission then refuses
        if plan is None:
            raise NotFound("Geen uitvoeringsplan met dit adres.")
        return {"action_plan": plan}


class ActionPlanView(ActionPlanScoped):
    """An uitvoeringsplan with every action (as its JSON download and `ivp actions --format
    json`)."""

    needs = {"GET": [VIEW_ACTION_PLAN]}
    serializer_class = ActionPlanSerializer

    @extend_schema(parameters=[PLAN_ADDRESS, ETAG], responses=ActionPlanSerializer)
    def get(self, request, code, address):
        data = ActionPlanSerializer(self.resolved()["action_plan"]).data
        return Response(data, headers={"ETag": content_etag(data)})


class ActionList(ActionPlanScoped):
    """The actions of an uitvoeringsplan, theme by theme; the coordinator adds one (creating
    overwrites nothing, so it names no version)."""

    needs = {"GET": [VIEW_ACTION_PLAN], "POST": [VIEW_ACTION_PLAN, CHANGE_ACTION_PLAN]}
    serializer_class = ActionSerializer

    @extend_schema(parameters=[PLAN_ADDRESS], responses=ActionSerializer(many=True))
    def get(self, request, code, address):
        actions = execution_selectors.actions_of(self.resolved()["action_plan"])
        return Response(ActionSerializer(actions, many=True).data)

    @extend_schema(
        parameters=[PLAN_ADDRESS, ETAG], responses={201: ActionSerializer, **WRITE_ERRORS}
    )
    def post(self, request, code, address):
        serializer = ActionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data.pop("lock_version", None)
        theme = self.resolved()["action_plan"].themes.filter(pk=data.pop("theme_id")).first()
        if theme is None:
            return Response({"theme_id": ["Geen thema van dit uitvoeringsplan."]}, status=400)
        try:
            action = action_save(theme=theme, **data)
        except ValidationError as error:
            return _refused(error)
        return _about_action(ActionSerializer(action).data, action, created=True)


class ActionScoped(ApiView):
    pagination_class = None

    def resolve(self):
        action = execution_selectors.action_in_context(self.kwargs["action"])
        if action is None:
            raise NotFound("Geen actie met dit id.")
        return {"action": action, "action_plan": action.theme.action_plan}


class ActionDetail(ActionScoped):
    """One action; the coordinator changes it with PATCH, naming the version read:
    `lock_version` in the body or the ETag in `If-Match` (428 without, 412 when stale)."""

    needs = {"GET": [VIEW_ACTION_PLAN], "PATCH": [VIEW_ACTION_PLAN, CHANGE_ACTION_PLAN]}
    serializer_class = ActionSerializer

    @extend_schema(parameters=[ETAG], responses=ActionSerializer)
    def get(self, request, action):
        action = self.resolved()["action"]
        return _about_action(ActionSerializer(action).data, action)

    @extend_schema(parameters=[IF_MATCH, ETAG], responses={200: ActionSerializer, **WRITE_ERRORS})
    def patch(self, request, action):
        action = self.resolved()["action"]
        serializer = ActionSerializer(action, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        changes = dict(serializer.validated_data)
        expected = expected_action_version(request, action, changes.pop("lock_version", None))
        theme_id = changes.pop("theme_id", action.theme_id)
        if theme_id != action.theme_id:
            return Response(
                {"theme_id": ["Een actie verhuist niet naar een ander thema."]}, status=400
            )
        try:
            saved = action_update(action=action, expected_version=expected, **changes)
        except EditConflict as conflict:
            raise stale(conflict.current) from None
        except ValidationError as error:
            return _refused(error)
        return _about_action(ActionSerializer(saved).data, saved)


class ActionProgress(ActionScoped):
    """The progress updates of an action; the coordinator or a partner of a party on it adds
    one, naming the action's version read (`lock_version` or `If-Match`)."""

    needs = {
        "GET": [VIEW_ACTION_PLAN, Need("planning.view_progress", "action")],
        "POST": [VIEW_ACTION_PLAN, Need("planning.update_progress", "action")],
    }
    serializer_class = ProgressSerializer

    @extend_schema(parameters=[ETAG], responses=ProgressSerializer(many=True))
    def get(self, request, action):
        action = self.resolved()["action"]
        return _about_action(ProgressSerializer(action.updates.all(), many=True).data, action)

    @extend_schema(parameters=[IF_MATCH, ETAG], responses={201: ProgressSerializer, **WRITE_ERRORS})
    def post(self, request, action):
        action = self.resolved()["action"]
        serializer = ProgressSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        expected = expected_action_version(request, action, data.get("lock_version"))
        try:
            update = progress_record(
                action=action,
                status=data["status"],
                on=data.get("date"),
                percent_done=data.get("percent_done"),
                note=data.get("note", ""),
                user=request.user,
                expected_version=expected,
            )
        except EditConflict as conflict:
            raise stale(conflict.current) from None
        except ValidationError as error:
            return _refused(error)
        return _about_action(ProgressSerializer(update).data, action, created=True)


class IndicatorList(ApiView, generics.ListAPIView):
    """Indicators (public): police and CBS tables, and municipalities' own registrations."""

    needs = {"GET": []}
    serializer_class = IndicatorSerializer
    queryset = figures_selectors.indicators_with_themes().order_by("code")


class ObservationList(ApiView, generics.ListAPIView):
    """Observations of one municipality (public aggregates), optionally of one indicator."""

    needs = {"GET": []}
    serializer_class = ObservationSerializer

    @extend_schema(parameters=[OpenApiParameter("indicator", str, description="Indicator code")])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        municipality = _municipality(self.kwargs["code"])
        return figures_selectors.observations_of(
            municipality.code, indicator_code=self.request.query_params.get("indicator")
        )
