"""One API contract: the OpenAPI schema drf-spectacular generates describes every field of the
plan, the uitvoeringsplan, an action and progress, and every API answer and every JSON export
(the download buttons and `ivp plan` / `ivp actions`) is valid against it. Writes name their
version: 428 without, 412 when stale, by `lock_version` or by `If-Match` with the ETag."""

import copy
import json

import pytest
from django.core.management import call_command
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from jsonschema import Draft202012Validator, FormatChecker

from ivp.planning.models import Action, ActionPlan, PolicyPlan
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

CONTRACT = [
    "Plan",
    "ActionPlan",
    "Action",
    "Progress",
    "ActionRequest",
    "PatchedActionRequest",
    "ProgressRequest",
]
SAMPLES = {"code": "GM1708", "address": "2026", "region": "zuidwest-drenthe"}
ACTION = "/api/v1/acties/{action}/"
PROGRESS = "/api/v1/acties/{action}/voortgang/"


@pytest.fixture(scope="module")
def schema() -> dict:
    generated = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(generated))


def _reachable(schema: dict, names: list[str]) -> dict[str, dict]:
    components = schema["components"]["schemas"]
    seen: dict[str, dict] = {}

    def visit(node):
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/components/schemas/"):
                name = ref.rsplit("/", 1)[1]
                if name not in seen:
                    seen[name] = components[name]
                    visit(components[name])
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    for name in names:
        seen[name] = components[name]
        visit(components[name])
    return seen


def _typed(prop: dict) -> bool:
    return any(key in prop for key in ("type", "$ref", "allOf", "oneOf", "anyOf"))


def test_every_field_of_plan_action_plan_action_and_progress_is_typed_and_described(schema):
    loose = []
    for name, component in _reachable(schema, CONTRACT).items():
        if "enum" in component:
            continue
        if component.get("type") != "object" or not component.get("properties"):
            loose.append(f"{name}: no properties (a free-form object)")
            continue
        if component.get("additionalProperties") not in (None, False):
            loose.append(f"{name}: additionalProperties")
        for field, prop in component["properties"].items():
            if not _typed(prop):
                loose.append(f"{name}.{field}: no type")
            if not prop.get("description"):
                loose.append(f"{name}.{field}: no description")
            if prop.get("type") == "array" and not _typed(prop.get("items", {})):
                loose.append(f"{name}.{field}: items without a type")
            if prop.get("type") == "object" and not prop.get("properties"):
                loose.append(f"{name}.{field}: a free-form object")
    assert loose == []
    plan = schema["components"]["schemas"]["Plan"]["properties"]
    assert {"priorities", "other_themes", "frameworks", "going_concern"} <= set(plan)
    priority = schema["components"]["schemas"]["Priority"]["properties"]
    assert {"objectives", "approach", "parties", "shared", "focus_areas", "regional_links"} <= set(
        priority
    )
    action = schema["components"]["schemas"]["Action"]["properties"]
    assert {"lock_version", "parties", "planning_months", "budget"} <= set(action)
    assert action["budget"]["type"] == "number"


# --- validating answers against the schema -------------------------------------------------


def _as_json_schema(node):
    """OpenAPI 3.0 → JSON Schema: `nullable` becomes a null alternative, and an object takes no
    key its schema does not name (an undocumented key fails)."""
    if isinstance(node, list):
        return [_as_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _as_json_schema(value) for key, value in node.items()}
    for bound, limit in (("exclusiveMaximum", "maximum"), ("exclusiveMinimum", "minimum")):
        exclusive = node.pop(bound, None)  # 3.0: a flag on the limit; 2020-12: the limit
        if exclusive is True:
            node[bound] = node.pop(limit)
        elif exclusive not in (None, False):
            node[bound] = exclusive
    if node.get("type") == "object" and "properties" in node:
        node.setdefault("additionalProperties", False)
    if node.pop("nullable", False):
        node = {"anyOf": [node, {"type": "null"}]}
    return node


def validate(schema: dict, data, component: str | None = None, *, response: dict | None = None):
    """Assert that `data` is valid against a component or an operation's response schema."""
    target = response if response is not None else {"$ref": f"#/components/schemas/{component}"}
    root = {
        **_as_json_schema(copy.deepcopy(target)),
        "components": _as_json_schema(copy.deepcopy(schema["components"])),
    }
    errors = list(Draft202012Validator(root, format_checker=FormatChecker()).iter_errors(data))
    assert errors == [], [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]


def _action_id() -> int:
    return (
        Action.objects.filter(
            theme__action_plan__municipality__code="GM1708", parties__name="Politie"
        )
        .order_by("pk")
        .first()
        .pk
    )


def _get_operations(schema):
    for path, item in schema["paths"].items():
        if "get" in item and path.startswith("/api/v1/"):
            yield path, item["get"]["responses"]["200"]["content"]["application/json"]["schema"]


def test_every_api_answer_is_valid_against_the_schema(schema):
    client = client_for("beheerder")  # reads everything, drafts too
    samples = {**SAMPLES, "action": str(_action_id())}
    checked = []
    for path, response in _get_operations(schema):
        url = path
        for name, value in samples.items():
            url = url.replace("{" + name + "}", value)
        answer = client.get(url)
        assert answer.status_code == 200, (url, answer.status_code)
        validate(schema, answer.json(), response=response)
        checked.append(path)
    assert "/api/v1/gemeenten/{code}/veiligheidsplan/" in checked
    assert "/api/v1/gemeenten/{code}/uitvoeringsplannen/{address}/" in checked
    assert "/api/v1/acties/{action}/voortgang/" in checked
    # Westerveld's plan works on shared regional priorities inside speerpunten of its own
    # priorities: those parts are checked too.
    westerveld = client.get("/api/v1/gemeenten/GM1701/veiligheidsplan/").json()
    assert any(p["regional_links"] and p["focus_areas"] for p in westerveld["priorities"])
    validate(schema, westerveld, "Plan")
    with pytest.raises(AssertionError):  # a key the schema does not describe fails
        validate(schema, {**westerveld, "undocumented": 1}, "Plan")


def test_every_json_export_is_valid_against_the_schema_and_equals_the_api(schema, tmp_path):
    coordinator = client_for("coordinator.steenwijkerland")
    adopted = PolicyPlan.objects.get(municipality__code="GM1701", status="vastgesteld")
    plan = coordinator.get(f"/gemeenten/GM1701/veiligheidsplan/{adopted.pk}/export.json")
    assert plan.status_code == 200, plan.status_code
    validate(schema, json.loads(plan.content), "Plan")
    action_plan = coordinator.get("/gemeenten/GM1708/uitvoeringsplan/2026/export.json")
    assert action_plan.status_code == 200, action_plan.status_code
    downloaded = json.loads(action_plan.content)
    validate(schema, downloaded, "ActionPlan")
    assert downloaded == coordinator.get("/api/v1/gemeenten/GM1708/uitvoeringsplannen/2026/").json()
    # The commands write the same data.
    call_command("plan", "GM1701", "--format", "json", "-o", str(tmp_path / "plan.json"))
    written = json.loads((tmp_path / "plan.json").read_text())
    validate(schema, written, "Plan")
    assert written == client_for(None).get("/api/v1/gemeenten/GM1701/veiligheidsplan/").json()
    call_command(
        "actions", "GM1708", "--jaar", "2026", "--format", "json", "-o", str(tmp_path / "a.json")
    )
    actions = json.loads((tmp_path / "a.json").read_text())
    validate(schema, actions, "ActionPlan")
    # One shape for an action: the export's row is the API's action.
    one = actions["actions"][0]
    assert one == coordinator.get(f"/api/v1/acties/{one['id']}/").json()


def test_written_answers_are_valid_against_the_schema(schema):
    client = client_for("coordinator.steenwijkerland")
    theme = ActionPlan.objects.get(municipality__code="GM1708", start_year=2026).themes.first()
    created = client.post(
        "/api/v1/gemeenten/GM1708/uitvoeringsplannen/2026/acties/",
        {"theme_id": theme.pk, "item": "Nieuw", "budget": 12.5, "parties": ["Politie"]},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    validate(schema, created.json(), "Action")
    assert created.json()["budget"] == 12.5
    progress = client.post(
        f"/api/v1/acties/{created.json()['id']}/voortgang/",
        {"status": "lopend", "percent_done": 10, "lock_version": created.json()["lock_version"]},
        content_type="application/json",
    )
    assert progress.status_code == 201, progress.content
    validate(schema, progress.json(), "Progress")


# --- 428 and 412 ---------------------------------------------------------------------------


def _error_answer(schema: dict, path: str, method: str, code: int) -> dict:
    return schema["paths"][path][method]["responses"][str(code)]["content"]["application/json"][
        "schema"
    ]


def test_a_write_without_a_version_is_428_and_changes_nothing(schema):
    client = client_for("coordinator.steenwijkerland")
    action = Action.objects.get(pk=_action_id())
    patch = client.patch(
        f"/api/v1/acties/{action.pk}/", {"owner": "X"}, content_type="application/json"
    )
    progress = client.post(
        f"/api/v1/acties/{action.pk}/voortgang/",
        {"status": "afgerond"},
        content_type="application/json",
    )
    assert patch.status_code == progress.status_code == 428
    assert "If-Match" in patch.json()["detail"]
    # The answers are what the schema says they are.
    validate(schema, patch.json(), response=_error_answer(schema, ACTION, "patch", 428))
    validate(schema, progress.json(), response=_error_answer(schema, PROGRESS, "post", 428))
    # If-Match: * names no version either.
    star = client.patch(
        f"/api/v1/acties/{action.pk}/",
        {"owner": "X"},
        content_type="application/json",
        HTTP_IF_MATCH="*",
    )
    assert star.status_code == 428
    fresh = Action.objects.get(pk=action.pk)
    assert (fresh.owner, fresh.lock_version, fresh.updates.count()) == (
        action.owner,
        action.lock_version,
        action.updates.count(),
    )


def test_if_match_with_the_etag_writes_and_an_old_etag_is_412_with_the_action_as_it_is(schema):
    client = client_for("coordinator.steenwijkerland")
    url = f"/api/v1/acties/{_action_id()}/"
    read = client.get(url)
    etag = read["ETag"]
    saved = client.patch(
        url, {"owner": "Gemeente"}, content_type="application/json", HTTP_IF_MATCH=etag
    )
    assert saved.status_code == 200, saved.content
    assert saved["ETag"] != etag and saved.json()["owner"] == "Gemeente"
    # A second client still holding the old ETag is refused, and told what is there now.
    late = client.patch(
        url, {"owner": "Politie"}, content_type="application/json", HTTP_IF_MATCH=etag
    )
    assert late.status_code == 412
    assert late.json()["current"]["owner"] == "Gemeente"
    validate(schema, late.json(), response=_error_answer(schema, ACTION, "patch", 412))
    assert late["ETag"] == saved["ETag"]
    # Progress is based on the action's version too: the ETag of its progress list.
    progress_url = url + "voortgang/"
    current = client.get(progress_url)["ETag"]
    assert current == saved["ETag"]
    stale = client.post(
        progress_url, {"status": "lopend"}, content_type="application/json", HTTP_IF_MATCH=etag
    )
    assert stale.status_code == 412
    validate(schema, stale.json(), response=_error_answer(schema, PROGRESS, "post", 412))
    reported = client.post(
        progress_url, {"status": "lopend"}, content_type="application/json", HTTP_IF_MATCH=current
    )
    assert reported.status_code == 201
    assert Action.objects.get(pk=_action_id()).owner == "Gemeente"


def test_a_weak_or_foreign_etag_never_matches():
    client = client_for("coordinator.steenwijkerland")
    action = Action.objects.get(pk=_action_id())
    other = Action.objects.exclude(pk=action.pk).filter(theme=action.theme).first()
    for tag in (
        f'W/"actie-{action.pk}-v{action.lock_version}"',
        f'"actie-{other.pk}-v{action.lock_version}"',
        '"iets-anders"',
    ):
        response = client.patch(
            f"/api/v1/acties/{action.pk}/",
            {"owner": "X"},
            content_type="application/json",
            HTTP_IF_MATCH=tag,
        )
        assert response.status_code == 412, tag
    assert Action.objects.get(pk=action.pk).owner == action.owner


def test_the_plans_carry_an_etag_of_what_was_read():
    client = client_for(None)
    first = client.get("/api/v1/gemeenten/GM1701/veiligheidsplan/")
    again = client.get("/api/v1/gemeenten/GM1701/veiligheidsplan/")
    assert first["ETag"] == again["ETag"] and first["ETag"].startswith('"')
    coordinator = client_for("coordinator.steenwijkerland")
    url = "/api/v1/gemeenten/GM1708/uitvoeringsplannen/2026/"
    before = coordinator.get(url)["ETag"]
    action = Action.objects.get(pk=_action_id())
    coordinator.patch(
        f"/api/v1/acties/{action.pk}/",
        {"owner": "Anders", "lock_version": action.lock_version},
        content_type="application/json",
    )
    assert coordinator.get(url)["ETag"] != before


# --- a plan sent back as a concept -----------------------------------------------------------

DRAFTS = "/api/v1/gemeenten/{code}/veiligheidsplan/concepten/"


def test_a_plan_sent_as_json_becomes_the_next_concept_and_the_answers_keep_the_contract(schema):
    coordinator = client_for("coordinator.steenwijkerland")
    exported = coordinator.get("/api/v1/gemeenten/GM1708/veiligheidsplan/").json()
    url = DRAFTS.format(code="GM1708")
    before = PolicyPlan.objects.filter(municipality__code="GM1708").count()
    checked = coordinator.post(f"{url}?droog=1", exported, content_type="application/json")
    assert checked.status_code == 200, checked.content
    validate(schema, checked.json(), response=_answer(schema, 200))
    assert PolicyPlan.objects.filter(municipality__code="GM1708").count() == before
    saved = coordinator.post(url, exported, content_type="application/json")
    assert saved.status_code == 201, saved.content
    validate(schema, saved.json(), response=_answer(schema, 201))
    plan = saved.json()["plan"]
    assert plan["status"] == "concept" and plan["title"] == exported["title"]
    assert plan["priorities"] == exported["priorities"]  # the plan came back as it was sent
    assert PolicyPlan.objects.filter(municipality__code="GM1708").count() == before + 1


def test_a_plan_draft_that_is_no_plan_or_from_someone_without_the_right_is_refused():
    url = DRAFTS.format(code="GM1708")
    refused = client_for("coordinator.steenwijkerland").post(
        url, {"titel": "Plan"}, content_type="application/json"
    )
    assert refused.status_code == 400
    assert (
        refused.json()["detail"] == "verzoek is geen plan van ivp: er staan geen prioriteiten in."
    )
    partner = client_for("partner.westerveld").post(
        DRAFTS.format(code="GM1701"), {}, content_type="application/json"
    )
    assert partner.status_code == 403


def _answer(schema: dict, code: int) -> dict:
    return _error_answer(schema, DRAFTS, "post", code)
