"""The policy side over REST, with the same services and permissions as the pages: plans and
their priorities and objectives (as the `ivp plan` export), action plans, actions, progress,
indicators and observations. Writes: actions by the coordinator, progress by the coordinator or
a partner of a party on the action; an edit based on an old version gets 409."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import generics, serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from ivp.figures.models import Indicator, Observation
from ivp.planning.execution import export as action_export
from ivp.planning.execution import selectors as execution_selectors
from ivp.planning.execution.services.actions import action_save
from ivp.planning.execution.services.progress import progress_record
from ivp.planning.models import Action, ActionPlan
from ivp.planning.policy import export
from ivp.planning.policy import selectors as policy_selectors
from ivp.planning.workflow import selectors as workflow_selectors
from ivp.planning.workflow.locking import EditConflict
from ivp.regions.models import Municipality

from .planning_serializers import (
    ActionSerializer,
    IndicatorSerializer,
    ObservationSerializer,
    ProgressSerializer,
)


def _check(request, perm, obj):
    if not request.user.has_perm(perm, obj):
        if not request.user.is_authenticated:
            raise PermissionDenied("Log in om dit te zien.")
        raise PermissionDenied("U heeft hier geen rechten voor.")


def _version_missing() -> Response:
    return Response(
        {
            "lock_version": [
                "Verplicht: de lock_version van de actie zoals u die las; zo overschrijft u "
                "niet ongemerkt een wijziging van een ander."
            ]
        },
        status=status.HTTP_428_PRECONDITION_REQUIRED,
    )


def _validation(error: ValidationError) -> Response:
    code = status.HTTP_409_CONFLICT if isinstance(error, EditConflict) else 400
    return Response({"detail": " ".join(error.messages)}, status=code)


class PolicyPlanView(APIView):
    """The integral safety plan in force (or, for those preparing it, the newest draft), with
    priorities, objectives, approach, parties and the shared regional priorities."""

    permission_classes = [AllowAny]
    ivp_access = "planning.view_plan"

    @extend_schema(
        responses=inline_serializer("Plan", {"format_version": serializers.IntegerField()})
    )
    def get(self, request, code):
        municipality = get_object_or_404(Municipality, code=code.upper())
        plan = policy_selectors.plan_for_reader(request.user, municipality)
        if plan is None:
            raise NotFound("Geen integraal veiligheidsplan dat u mag lezen.")
        return Response(export.plan_data(plan))


def _action_plan(request, code, year) -> ActionPlan:
    """The version this user reads, as on the page: the newest for those preparing it, the
    adopted one in force for everyone else."""
    municipality = get_object_or_404(Municipality, code=code.upper())
    versions = execution_selectors.action_plan_versions(municipality, start_year=year)
    plan = workflow_selectors.first_readable(request.user, versions, "planning.view_action_plan")
    if plan is None:
        newest = versions.first()
        if newest is None:
            raise NotFound("Geen uitvoeringsplan voor dit jaar.")
        _check(request, "planning.view_action_plan", newest)
    return plan


class ActionPlanView(APIView):
    """An uitvoeringsplan with every action (as `ivp actions --format json`)."""

    permission_classes = [AllowAny]
    ivp_access = "planning.view_action_plan"

    @extend_schema(
        responses=inline_serializer("ActionPlan", {"format_version": serializers.IntegerField()})
    )
    def get(self, request, code, year):
        return Response(action_export.action_plan_data(_action_plan(request, code, year)))


class ActionList(generics.GenericAPIView):
    """The actions of an uitvoeringsplan; the coordinator adds one."""

    permission_classes = [AllowAny]
    serializer_class = ActionSerializer
    ivp_access = "planning.view_action_plan"

    def get(self, request, code, year):
        plan = _action_plan(request, code, year)
        actions = (
            Action.objects.filter(theme__action_plan=plan)
            .select_related("theme__priority")
            .prefetch_related("parties")
        )
        return Response(ActionSerializer(actions, many=True).data)

    def post(self, request, code, year):
        plan = _action_plan(request, code, year)
        _check(request, "planning.change_action_plan", plan)
        serializer = ActionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        theme = plan.themes.filter(pk=data.pop("theme_id")).first()
        if theme is None:
            return Response({"theme_id": ["Geen thema van dit uitvoeringsplan."]}, status=400)
        data.pop("lock_version", None)
        try:
            action = action_save(theme=theme, parties=data.pop("parties", []), **_fields(data))
        except ValidationError as error:
            return _validation(error)
        return Response(ActionSerializer(action).data, status=status.HTTP_201_CREATED)


def _fields(data: dict) -> dict:
    if "planning_text" in data:
        data["planning_text"] = data["planning_text"] or ""
    return data


def _action(request, pk) -> Action:
    action = get_object_or_404(
        Action.objects.select_related("theme__action_plan__municipality", "theme__priority"), pk=pk
    )
    _check(request, "planning.view_action_plan", action.theme.action_plan)
    return action


class ActionDetail(generics.GenericAPIView):
    """One action; the coordinator changes it (send the `lock_version` you read: 409 if someone
    saved it since)."""

    permission_classes = [AllowAny]
    serializer_class = ActionSerializer
    ivp_access = "planning.view_action_plan"

    def get(self, request, action):
        return Response(ActionSerializer(_action(request, action)).data)

    def patch(self, request, action):
        action = _action(request, action)
        _check(request, "planning.change_action_plan", action.theme.action_plan)
        serializer = ActionSerializer(action, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data.pop("theme_id", None)
        current = {
            "item": action.item,
            "description": action.description,
            "planning_text": action.planning_text,
            "owner": action.owner,
            "budget": action.budget,
            "hours": action.hours,
            "expected_result": action.expected_result,
            "status": action.status,
            "objective": action.objective,
            "indicator": action.indicator,
        }
        parties = data.pop("parties", [p.name for p in action.parties.all()])
        expected = data.pop("lock_version", None)
        if expected is None:
            return _version_missing()
        try:
            saved = action_save(
                theme=action.theme,
                action=action,
                parties=parties,
                expected_version=expected,
                **{**current, **_fields(data)},
            )
        except ValidationError as error:
            return _validation(error)
        return Response(ActionSerializer(saved).data)


class ActionProgress(generics.GenericAPIView):
    """The progress updates of an action; the coordinator or a partner of a party on it adds
    one."""

    permission_classes = [AllowAny]
    serializer_class = ProgressSerializer
    ivp_access = "planning.view_progress"

    def get(self, request, action):
        action = _action(request, action)
        _check(request, "planning.view_progress", action)
        return Response(ProgressSerializer(action.updates.all(), many=True).data)

    def post(self, request, action):
        action = _action(request, action)
        _check(request, "planning.update_progress", action)
        serializer = ProgressSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if data.get("lock_version") is None:
            return _version_missing()
        try:
            update = progress_record(
                action=action,
                status=data["status"],
                on=data.get("date"),
                percent_done=data.get("percent_done"),
                note=data.get("note", ""),
                user=request.user,
                expected_version=data["lock_version"],
            )
        except ValidationError as error:
            return _validation(error)
        return Response(ProgressSerializer(update).data, status=status.HTTP_201_CREATED)


class IndicatorList(generics.ListAPIView):
    """Indicators (public): police and CBS tables, and municipalities' own registrations."""

    permission_classes = [AllowAny]
    ivp_access = "public"
    serializer_class = IndicatorSerializer
    queryset = Indicator.objects.prefetch_related("themes").order_by("code")


class ObservationList(generics.ListAPIView):
    """Observations of one municipality (public aggregates), optionally of one indicator."""

    permission_classes = [AllowAny]
    ivp_access = "public"
    serializer_class = ObservationSerializer

    @extend_schema(parameters=[OpenApiParameter("indicator", str, description="Indicator code")])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        municipality = get_object_or_404(Municipality, code=self.kwargs["code"].upper())
        rows = Observation.objects.filter(area_code=municipality.code).select_related(
            "indicator", "source"
        )
        if code := self.request.query_params.get("indicator"):
            rows = rows.filter(indicator__code=code)
        return rows.order_by("indicator__code", "period")
