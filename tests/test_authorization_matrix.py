"""Every URL × every role × own/other municipality → allowed or refused, as DESIGN.md §5 says.

The cases are generated from the URL configuration, so a new URL fails here until its
expectation is written down in EXPECTED.
"""

from dataclasses import dataclass
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from ivp.web.health import worker_heartbeat_record

ANONYMOUS, BEHEERDER, COORDINATOR, PARTNER, VIEWER, REGIO = (
    "anoniem",
    "beheerder",
    "coordinator",
    "ketenpartner",
    "raad",
    "regiocoordinator",
)
ROLES = [ANONYMOUS, BEHEERDER, COORDINATOR, PARTNER, VIEWER, REGIO]
USERNAMES = {
    BEHEERDER: "beheerder",
    COORDINATOR: "coordinator.westerveld",
    PARTNER: "partner.westerveld",
    VIEWER: "raad.westerveld",
    REGIO: "regio.zuidwest-drenthe",
}


# Every demo user above works for Westerveld (the regiocoördinator through Zuidwest-Drenthe);
# none of them has a role in Steenwijkerland.
def _first(model_path: str, attribute: str = "pk", **filters):
    """The pk (or another attribute) of a sample record conftest made, looked up when a test
    needs it."""

    def lookup():
        from django.apps import apps

        resolved = {k: v() if callable(v) else v for k, v in filters.items()}
        record = apps.get_model(model_path).objects.filter(**resolved).order_by("pk").first()
        return getattr(record, attribute)

    return lookup


def _progress_update(code: str):
    """The pk of a progress update on the sample action of `code` (the first of its actions),
    reported by a script; made when first asked, as the demo reports none for Westerveld."""

    def lookup():
        from ivp.planning.models import Action, ProgressUpdate

        action = Action.objects.filter(theme__action_plan__municipality__code=code).order_by("pk")
        first = action.first()
        update = first.updates.order_by("pk").first()
        if update is None:
            update = ProgressUpdate.objects.create(
                action=first, date=date(2026, 3, 1), status="lopend"
            )
        return update.pk

    return lookup


def _uidb64(username: str):
    """The user part of a password-reset link for this user."""

    def lookup():
        from django.utils.encoding import force_bytes
        from django.utils.http import urlsafe_base64_encode

        return urlsafe_base64_encode(
            force_bytes(get_user_model().objects.get(username=username).pk)
        )

    return lookup


def _invitation_token(code: str) -> str:
    from ivp.accounts.models import Invitation
    from ivp.accounts.services import invitation_token

    return invitation_token(Invitation.objects.filter(municipality__code=code).first())


OWN = {
    "table_format": "xlsx",
    "year": 2026,
    "address": 2026,
    "action": _first("planning.Action", theme__action_plan__municipality__code="GM1701"),
    "update": _progress_update("GM1701"),
    "member": _first("planning.WorkGroupMember", cycle__municipality__code="GM1701"),
    "kind": "startnotitie",
    "priority": _first("planning.Priority", plan__municipality__code="GM1701"),
    "objective": _first("planning.Objective", priority__plan__municipality__code="GM1701"),
    "shared": _first("planning.RegionalPriority", region__code="zuidwest-drenthe"),
    "focus_area": _first("planning.FocusArea", priority__plan__municipality__code="GM1701"),
    "framework": _first("planning.Framework", municipality__code="GM1701"),
    "region_framework": _first("planning.Framework", region__code="zuidwest-drenthe"),
    "link": _first("planning.RegionalLink", priority__plan__municipality__code="GM1701"),
    "shared_objective": _first(
        "planning.Objective",
        regional_priority=_first("planning.RegionalPriority", region__code="zuidwest-drenthe"),
    ),
    "export_format": "json",
    "document": "uitvoeringsplan",
    "adopted_document": "ivp",
    "file_format": "pdf",
    "chapter": _first("planning.Chapter", action_plan__municipality__code="GM1701", key=""),
    "generated": _first(
        "reports.GeneratedDocument", "token", municipality__code="GM1701", public=False
    ),
    "theme": _first("planning.ActionPlanTheme", action_plan__municipality__code="GM1701"),
    "code": "GM1701",
    "region": "zuidwest-drenthe",
    "step": "veiligheidsanalyse",
    "indicator": "misdrijven-totaal",
    # `pk` per app: the plan of the policy side, the upload of own figures conftest records
    "pk": {
        "planning": _first("planning.PolicyPlan", municipality__code="GM1701"),
        "figures": _first("figures.FiguresUpload", municipality__code="GM1701"),
        "intake": _first("intake.PlanImport", municipality__code="GM1701", kind="ivp"),
    },
    "reading": _first("intake.PlanImport", municipality__code="GM1701", kind="acties"),
    "area": "NL01",
    "fmt": "svg",
    "invitation": _first("accounts.Invitation", municipality__code="GM1701"),
    "membership": _first("accounts.Membership", user__username="partner.westerveld"),
    "token": lambda: _invitation_token("GM1701"),
    "uidb64": _uidb64("beheerder"),
    "key": _first("accounts.ApiKey", user__username="coordinator.westerveld"),
    "party": _first("planning.Party", actions__theme__action_plan__municipality__code="GM1701"),
    "role": "coordinator",  # a manual
}
OTHER = {
    "table_format": "csv",
    "year": 2026,
    "address": 2026,
    "action": _first("planning.Action", theme__action_plan__municipality__code="GM1708"),
    "update": _progress_update("GM1708"),
    "member": _first("planning.WorkGroupMember", cycle__municipality__code="GM1708"),
    "kind": "startnotitie",
    "priority": _first("planning.Priority", plan__municipality__code="GM1708"),
    "objective": _first("planning.Objective", priority__plan__municipality__code="GM1708"),
    "shared": _first("planning.RegionalPriority", region__code="PV22"),
    "focus_area": _first("planning.FocusArea", priority__plan__municipality__code="GM1708"),
    "framework": _first("planning.Framework", municipality__code="GM1708"),
    "region_framework": _first("planning.Framework", region__code="PV22"),
    "link": _first("planning.RegionalLink", priority__plan__municipality__code="GM1708"),
    "shared_objective": _first(
        "planning.Objective",
        regional_priority=_first("planning.RegionalPriority", region__code="PV22"),
    ),
    "export_format": "md",
    "document": "uitvoeringsplan",
    "adopted_document": "ivp",
    "file_format": "pdf",
    "chapter": _first("planning.Chapter", action_plan__municipality__code="GM1708", key=""),
    "generated": _first(
        "reports.GeneratedDocument", "token", municipality__code="GM1708", public=False
    ),
    "theme": _first("planning.ActionPlanTheme", action_plan__municipality__code="GM1708"),
    "code": "GM1708",
    "region": "PV22",
    "step": "veiligheidsanalyse",
    "indicator": "misdrijven-totaal",
    "pk": {  # the draft plan, which its coordinator may still change
        "planning": _first("planning.PolicyPlan", municipality__code="GM1708", status="concept"),
        "figures": _first("figures.FiguresUpload", municipality__code="GM1708"),
        "intake": _first("intake.PlanImport", municipality__code="GM1708", kind="ivp"),
    },
    "reading": _first("intake.PlanImport", municipality__code="GM1708", kind="acties"),
    "area": "PV22",
    "fmt": "png",
    "invitation": _first("accounts.Invitation", municipality__code="GM1708"),
    "membership": _first("accounts.Membership", user__username="partner.steenwijkerland"),
    "token": lambda: _invitation_token("GM1708"),
    "uidb64": _uidb64("coordinator.westerveld"),
    "key": _first("accounts.ApiKey", user__username="coordinator.steenwijkerland"),
    "party": _first("planning.Party", actions__theme__action_plan__municipality__code="GM1708"),
    "role": "bewoner",
}

EVERYONE = set(ROLES)
ANY_ROLE = {BEHEERDER, COORDINATOR, PARTNER, VIEWER, REGIO}
# Work in preparation; raad / college read only what is published.
PREPARING = {BEHEERDER, COORDINATOR, PARTNER, REGIO}


@dataclass(frozen=True)
class Rule:
    own: set[str]
    other: set[str]
    method: str = "get"


def same(roles):
    return Rule(set(roles), set(roles))


EXPECTED: dict[str, Rule] = {
    # Open government: public facts for everyone.
    "web:home": same(EVERYONE),
    "web:favicon": same(EVERYONE),
    "web:start": same(EVERYONE),
    "web:liveness": same(EVERYONE),
    "web:readiness": same(EVERYONE),
    "web:manual_index": same(EVERYONE),
    "web:manual": same(EVERYONE),
    "login": same(EVERYONE),
    "regions:municipality_list": same(EVERYONE),
    "regions:municipality_detail": same(EVERYONE),
    "regions:region_list": same(EVERYONE),
    "regions:region_detail": same(EVERYONE),
    "taxonomy:taxonomy": same(EVERYONE),
    "api:schema": same(EVERYONE),
    "api:municipality_list": same(EVERYONE),
    "api:municipality_detail": same(EVERYONE),
    "api:region_list": same(EVERYONE),
    "api:region_detail": same(EVERYONE),
    "api:taxonomy": same(EVERYONE),
    "figures:safety_picture": same(EVERYONE),
    "figures:indicator_detail": same(EVERYONE),
    "figures:rate_map": same(EVERYONE),
    "figures:area_picture": same(EVERYONE),
    "figures:indicator_chart": same(EVERYONE),
    # Logged in, whatever the role.
    "logout": Rule(EVERYONE, EVERYONE, method="post"),
    "accounts:profile": same(ANY_ROLE),
    "accounts:switch_municipality": Rule(ANY_ROLE, {BEHEERDER}, method="post"),
    "accounts:password_change": same(ANY_ROLE),
    "accounts:password_change_done": same(ANY_ROLE),
    # Personal API keys: everyone with an account makes their own; a key is revoked only by
    # its user (OWN's is Westerveld's coordinator's, OTHER's Steenwijkerland's): anyone else
    # is told it does not exist (404), as a key of another is none of their business.
    "accounts:api_keys": same(ANY_ROLE),
    "accounts:api_key_revoke": Rule({COORDINATOR}, set(), method="post"),
    "accounts:api_keys_all": same({BEHEERDER}),
    "accounts:api_key_revoke_any": Rule({BEHEERDER}, {BEHEERDER}, method="post"),
    # Forgotten passwords: open to all; the link in the mail is the proof (a wrong one says so).
    "accounts:password_reset": same(EVERYONE),
    "accounts:password_reset_done": same(EVERYONE),
    "accounts:password_reset_confirm": same(EVERYONE),
    "accounts:password_reset_complete": same(EVERYONE),
    # An invitation is opened with its signed token by someone who has no account yet.
    "accounts:invitation_accept": same(EVERYONE),
    # The municipality's workspace: the roles that prepare its work.
    "web:workspace": Rule(PREPARING, {BEHEERDER}),
    "web:cycle_step": Rule(PREPARING, {BEHEERDER}),
    "taxonomy:municipal_themes": Rule(PREPARING, {BEHEERDER}),
    "api:municipal_themes": Rule(PREPARING, {BEHEERDER}),
    # Editing and the audit trail: the coordinator of that municipality.
    "taxonomy:municipal_themes_edit": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    "accounts:audit": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    # Users of a municipality: its coordinator invites partners and council members, withdraws
    # invitations and ends their roles (OWN/OTHER: an invitation and a partner's membership).
    "accounts:members": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    "accounts:invitation_withdraw": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}, method="post"),
    "accounts:membership_end": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}, method="post"),
    # Regions: a region (a partnership too) is recorded by the beheerder and kept by its own
    # regiocoördinator (name, code, description); its members are the beheerder's, since they
    # decide whose work the regiocoördinator reads. A coordinator of a member municipality
    # neither creates, renames, re-codes nor enrols: a samenwerkingsverband they start would
    # enrol other municipalities, so they ask the beheerder (issue 13). Provinces (OTHER =
    # PV22) only the beheerder.
    "regions:region_create": same({BEHEERDER}),
    "regions:region_edit": Rule({BEHEERDER, REGIO}, {BEHEERDER}),
    "regions:population_import": same({BEHEERDER}),
    # Official police and CBS tables hold every municipality's figures.
    "figures:upload_create": same({BEHEERDER}),
    # A municipality's own figures: its coordinator uploads them and follows the import.
    "figures:own_upload": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    "figures:own_mapping": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    "figures:upload_detail": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    "figures:upload_progress": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    "figures:upload_retry": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}, method="post"),
    # Django admin: the beheerder only (Django's own staff check guards its sub-pages).
    "admin:index": same({BEHEERDER}),
    # The policy cycle and prioritisation: prepared by the workspace roles, kept by the
    # coordinator.
    "planning:cycle": Rule(PREPARING, {BEHEERDER}),
    "planning:prioritisation": Rule(PREPARING, {BEHEERDER}),
    "planning:prioritisation_scores": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}, method="post"),
    "planning:prioritisation_import": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}, method="post"),
    "planning:prioritisation_choice": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}, method="post"),
    "planning:step_edit": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    "planning:work_group_add": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}, method="post"),
    "planning:work_group_remove": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}, method="post"),
    # The plan: public once adopted (OWN plan 1 is; OTHER plan 2 is a draft).
    "planning:plan": same(EVERYONE),
    "planning:plan_detail": Rule(EVERYONE, {BEHEERDER}),
    "planning:plan_compare": Rule(EVERYONE, {BEHEERDER}),
    "planning:plan_lint": Rule(EVERYONE, {BEHEERDER}),
    "planning:plan_download": Rule(EVERYONE, {BEHEERDER}),
    "planning:plan_edit": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    "planning:priority_create": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    "planning:priority_edit": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    "planning:objective_create": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    "planning:objective_edit": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    "planning:frameworks": Rule(PREPARING, {BEHEERDER}),
    "planning:region_frameworks": Rule({BEHEERDER, COORDINATOR, REGIO}, {BEHEERDER, COORDINATOR}),
    "planning:region_framework_create": Rule({BEHEERDER, REGIO}, {BEHEERDER}),
    "planning:region_framework_edit": Rule({BEHEERDER, REGIO}, {BEHEERDER}),
    "planning:framework_create": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    "planning:framework_edit": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    "planning:focus_area_create": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    "planning:focus_area_edit": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    "planning:regional_link": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    "planning:shared_adopt": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}, method="post"),
    "planning:plan_adopt": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}, method="post"),
    "planning:plan_new_version": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}, method="post"),
    # Removing and moving the parts of a draft: its keepers. The confirmation page is a GET
    # (OWN's IVP is adopted: the page then says why nothing can be removed).
    **{
        f"planning:{part}_{step}": Rule(
            {BEHEERDER, COORDINATOR}, {BEHEERDER}, method="get" if step == "remove" else "post"
        )
        for part in ("priority", "focus_area", "objective", "regional_link", "theme", "action")
        for step in ("remove", "up", "down")
    },
    # The party register of a municipality: read by who prepares its plans, kept (types,
    # aliases, merges) by its coordinator; the merge's first step is a GET page.
    "planning:parties": Rule(PREPARING, {BEHEERDER}),
    "planning:party_edit": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    "planning:party_merge": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    # A region's shared priorities: kept by its regiocoördinator, read by member coordinators
    # (OTHER = PV22, the province Westerveld's coordinator's municipality lies in).
    "planning:shared_priorities": Rule({BEHEERDER, COORDINATOR, REGIO}, {BEHEERDER, COORDINATOR}),
    "planning:shared_priority_create": Rule({BEHEERDER, REGIO}, {BEHEERDER}),
    "planning:shared_priority_edit": Rule({BEHEERDER, REGIO}, {BEHEERDER}),
    "planning:shared_objective_create": Rule({BEHEERDER, REGIO}, {BEHEERDER}),
    "planning:shared_objective_edit": Rule({BEHEERDER, REGIO}, {BEHEERDER}),
    "planning:region_members": Rule({BEHEERDER, REGIO}, {BEHEERDER}),
    # The uitvoeringsplan: the list is public (it shows only what each may read); a draft
    # plan (both samples are drafts for 2026) is for those preparing it, kept by the coordinator.
    "planning:action_plans": same(EVERYONE),
    "planning:action_plan": Rule(PREPARING, {BEHEERDER}),
    "planning:action_plan_download": Rule(PREPARING, {BEHEERDER}),
    "planning:action_list_filter": Rule(PREPARING, {BEHEERDER}, method="post"),
    "planning:action_create": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    "planning:action_edit": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    # Progress: the coordinator, or a partner of a party on the action (OWN's action has
    # Gemeente and RIEC Noord, not the demo partner's police team); the upload page for anyone
    # who may report on some action; the stale list for those who read the plan.
    "planning:action_progress": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    # A progress update is taken back by who reported it (both samples by a script) or the
    # municipality's coordinator.
    "planning:progress_remove": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    "planning:progress_upload": Rule({BEHEERDER, COORDINATOR, PARTNER}, {BEHEERDER}),
    # An action's comment thread: as its progress page (the sample action's parties are not
    # the demo partner's); news is marked seen by who works on the municipality.
    "planning:action_comment": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}, method="post"),
    "planning:news_seen": Rule(PREPARING, {BEHEERDER}, method="post"),
    "planning:stale_actions": Rule(PREPARING, {BEHEERDER}),
    "planning:action_plan_lint": Rule(PREPARING, {BEHEERDER}),
    # The dashboard: OTHER's (Steenwijkerland 2026) is published, OWN's is not; both plans are
    # drafts, and a published dashboard never shows a draft.
    "planning:dashboard": Rule(PREPARING, {BEHEERDER}),
    "planning:dashboard_settings": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}, method="post"),
    "planning:municipality_dashboard": same(EVERYONE),
    # The API of the policy side: the same rules as the pages.
    "api:indicator_list": same(EVERYONE),
    "api:observation_list": same(EVERYONE),
    "api:policy_plan": same(EVERYONE),  # both have an adopted plan
    # a new concept version of the plan, sent as JSON: for those who start the cycle (the
    # empty body of this test is refused as input, 400, once the user is let through)
    "api:policy_plan_drafts": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}, method="post"),
    "api:action_plan": Rule(PREPARING, {BEHEERDER}),
    "api:action_list": Rule(PREPARING, {BEHEERDER}),
    "api:action_detail": Rule(PREPARING, {BEHEERDER}),
    # Progress notes: as on the progress page, the coordinator and partners of a party on it.
    "api:action_progress": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    "planning:action_plan_adopt": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}, method="post"),
    "planning:action_plan_new_version": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}, method="post"),
    "planning:action_plan_next_year": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}, method="post"),
    "planning:theme_lookback": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    # Documents: which ones a reader may see is in the page; a document (here both
    # uitvoeringsplannen 2026, in preparation) is read by those who may read its plan; making
    # and downloading files needs a login as well.
    "reports:documents": same(EVERYONE),
    "reports:document_page": Rule(PREPARING, {BEHEERDER}),
    "reports:document_generate": Rule(PREPARING, {BEHEERDER}, method="post"),
    "reports:document_detail": Rule(PREPARING, {BEHEERDER}),
    "reports:document_progress": Rule(PREPARING, {BEHEERDER}),
    "reports:document_download": Rule(PREPARING, {BEHEERDER}),
    "reports:document_retry": Rule(PREPARING, {BEHEERDER}, method="post"),
    "reports:public_download": same(EVERYONE),
    "reports:chapters": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    "reports:chapter_edit": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    "reports:chapter_remove": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    "reports:chapter_up": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}, method="post"),
    "reports:chapter_down": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}, method="post"),
    "reports:house_style": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    # Reading an existing plan in: whoever may start the municipality's cycle.
    "intake:plan_import_start": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    "intake:plan_import": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    "intake:plan_import_status": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    "intake:plan_import_retry": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}, method="post"),
    "intake:actions_import_start": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    "intake:actions_import": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    "intake:actions_import_status": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
    "intake:actions_import_retry": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}, method="post"),
    "reports:house_style_template": Rule({BEHEERDER, COORDINATOR}, {BEHEERDER}),
}


def _walk(resolver: URLResolver, namespace: str = ""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or ""
            if ns == "admin":
                yield "admin:index", None
                continue
            yield from _walk(entry, f"{namespace}{ns}:" if ns else namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry


URLS = dict(_walk(get_resolver()))


# The app (URL namespace) of each pattern, for the samples that differ per app (`pk`).
APPS = {pattern: name.split(":")[0] for name, pattern in URLS.items() if pattern is not None}


def _kwargs(pattern: URLPattern | None, sample: dict) -> dict:
    if pattern is None:
        return {}
    values = {name: sample[name] for name in pattern.pattern.converters}
    if isinstance(values.get("pk"), dict):
        values["pk"] = values["pk"][APPS[pattern]]
    return {name: value() if callable(value) else value for name, value in values.items()}


def _scopes(name: str):
    pattern = URLS[name]
    has_scope = pattern is not None and bool(pattern.pattern.converters)
    return ["own", "other"] if has_scope else ["own"]


# Reached, but the empty body the test sends is refused as input.
INPUT_REFUSED = {"api:policy_plan_drafts"}
# Refused with 404: a municipality one has no role in, a key that is someone else's.
NOT_FOUND_WHEN_REFUSED = {"accounts:switch_municipality", "accounts:api_key_revoke"}

CASES = [(name, role, scope) for name in sorted(URLS) for scope in _scopes(name) for role in ROLES]


def test_every_url_has_a_written_expectation():
    assert set(URLS) - set(EXPECTED) == set(), "add the new URLs to EXPECTED"
    assert set(EXPECTED) - set(URLS) == set(), "EXPECTED names URLs that no longer exist"


def test_every_view_declares_its_access():
    for name, pattern in URLS.items():
        if pattern is None:
            continue
        view = pattern.callback
        access = getattr(view, "ivp_access", None) or getattr(
            getattr(view, "cls", None), "ivp_access", None
        )
        assert access, f"{name} has no access declaration (public/login/permission)"


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "role", "scope"), CASES)
def test_access(name, role, scope):
    rule = EXPECTED[name]
    sample = OWN if scope == "own" else OTHER
    url = reverse(name, kwargs=_kwargs(URLS[name], sample))
    client = Client()
    if role != ANONYMOUS:
        client.force_login(get_user_model().objects.get(username=USERNAMES[role]))
    data = {"code": sample["code"]} if name == "accounts:switch_municipality" else {}
    if name == "web:readiness":
        worker_heartbeat_record()  # ready means a worker is alive; here one just was
    response = getattr(client, rule.method)(url, data)
    allowed = role in (rule.own if scope == "own" else rule.other)

    if allowed and name in INPUT_REFUSED:
        assert response.status_code == 400, f"{role} should reach {url}"
        assert "geen geldige JSON" in response.json()["detail"]
    elif allowed:
        assert response.status_code in (200, 301, 302), (
            f"{role} should reach {url}, got {response.status_code}"
        )
        if response.status_code in (301, 302):
            assert "/inloggen/" not in response["Location"] or name == "logout"
    elif role == ANONYMOUS:
        if url.startswith("/api/"):
            assert response.status_code == 403
        else:
            assert response.status_code == 302
            assert response["Location"].startswith(("/inloggen/", "/beheer/django/login/"))
    else:
        expected = (404,) if name in NOT_FOUND_WHEN_REFUSED else (403,)
        if name == "admin:index":
            expected = (302,)  # Django admin sends non-staff to its own login page
        assert response.status_code in expected, (
            f"{role} must not reach {url}, got {response.status_code}"
        )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/gemeenten/GM9999/", "/gemeenten/GM9999/werkruimte/", "/api/v1/gemeenten/GM9999/"]
)
def test_unknown_municipality_code_is_404_for_the_beheerder(url):
    client = Client()
    client.force_login(get_user_model().objects.get(username="beheerder"))
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_unknown_cycle_step_is_404():
    client = Client()
    client.force_login(get_user_model().objects.get(username="coordinator.westerveld"))
    assert client.get("/gemeenten/GM1701/cyclus/bestaat-niet/").status_code == 404


WRITES = {
    "regions:region_create": {
        "name": "X",
        "code": "x",
        "kind": "samenwerkingsverband",
        "members": "Westerveld",
    },
    "regions:region_edit": {
        "name": "X",
        "code": "x",
        "kind": "samenwerkingsverband",
        "members": "Amsterdam",
    },
    "taxonomy:municipal_themes_edit": {
        "action": "add",
        "versie": "kbv-6-velden",
        "field": "1",
        "name": "X",
    },
    "regions:population_import": {},
    # The policy side: a draft plan (OTHER is Steenwijkerland's), a priority, a shared one.
    "planning:plan_edit": {"title": "X", "start_year": 2027, "end_year": 2030, "mission": "X"},
    "planning:priority_create": {"title": "X", "kind": "prioriteit", "confirm_more": "on"},
    "planning:priority_edit": {"title": "X", "kind": "prioriteit", "confirm_more": "on"},
    "planning:objective_create": {"text": "X", "kind": "kwalitatief"},
    "planning:focus_area_create": {"title": "X"},
    "planning:region_framework_create": {
        "name": "X",
        "level": "regionaal",
        "start_year": 2026,
        "end_year": 2027,
        "order": 0,
    },
    "planning:framework_create": {
        "name": "X",
        "level": "lokaal",
        "start_year": 2026,
        "end_year": 2027,
        "order": 0,
    },
    "planning:shared_priority_create": {"title": "X", "start_year": 2027, "end_year": 2030},
    "planning:shared_priority_edit": {"title": "X", "start_year": 2027, "end_year": 2030},
    "planning:shared_objective_create": {"text": "X", "kind": "kwalitatief"},
    "planning:plan_adopt": {
        "adopted_by": "gemeenteraad",
        "adopted_on": "2027-01-01",
        "decision_reference": "X",
    },
    "planning:plan_new_version": {},
    **{
        f"planning:{part}_{step}": {}
        for part in ("priority", "focus_area", "objective", "regional_link", "theme", "action")
        for step in ("remove", "up", "down")
    },
    "planning:progress_remove": {},
    "accounts:members": {"email": "x@example.org", "role": "ketenpartner", "organisation": "X"},
    "accounts:invitation_withdraw": {},
    "accounts:membership_end": {},
    "accounts:api_keys": {"name": "X"},
    "accounts:api_key_revoke": {},
    "accounts:api_key_revoke_any": {},
}
WRITE_CASES = [
    (name, role, scope)
    for name in WRITES
    for scope in _scopes(name)
    for role in ROLES
    if role not in (EXPECTED[name].own if scope == "own" else EXPECTED[name].other)
]


def _state():
    from ivp.accounts.models import ApiKey, Invitation, Membership
    from ivp.planning.models import (
        Action,
        ActionPlanTheme,
        FocusArea,
        Framework,
        Objective,
        PolicyPlan,
        Priority,
        ProgressUpdate,
        RegionalLink,
        RegionalPriority,
    )
    from ivp.regions.models import ImportRun, Region
    from ivp.taxonomy.models import MunicipalTheme

    return (
        PolicyPlan.history.count(),
        Priority.history.count(),
        Objective.history.count(),
        FocusArea.history.count(),
        Framework.objects.count(),
        RegionalLink.history.count(),
        RegionalPriority.history.count(),
        ActionPlanTheme.history.count(),
        Action.history.count(),
        ProgressUpdate.history.count(),
        Region.history.count(),
        MunicipalTheme.history.count(),
        ImportRun.objects.count(),
        Membership.objects.count(),
        Invitation.objects.open().count(),
        Invitation.objects.count(),
        ApiKey.objects.count(),
        ApiKey.objects.active().count(),
        sorted(Region.objects.get(code="zuidwest-drenthe").members.values_list("code", flat=True)),
    )


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "role", "scope"), WRITE_CASES)
def test_refused_roles_cannot_write_by_posting_either(name, role, scope):
    sample = OWN if scope == "own" else OTHER
    url = reverse(name, kwargs=_kwargs(URLS[name], sample))
    client = Client()
    if role != ANONYMOUS:
        client.force_login(get_user_model().objects.get(username=USERNAMES[role]))
    before = _state()
    response = client.post(url, WRITES[name])
    assert response.status_code in (302, 404 if name in NOT_FOUND_WHEN_REFUSED else 403)
    if response.status_code == 302:
        assert response["Location"].startswith("/inloggen/")
    assert _state() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name", ["planning:plan_edit", "planning:priority_create", "planning:objective_create"]
)
def test_the_refused_posts_would_write_for_the_right_role(name):
    """The data the refusal tests post is good: Steenwijkerland's own coordinator writes it."""
    client = Client()
    client.force_login(get_user_model().objects.get(username="coordinator.steenwijkerland"))
    before = _state()
    data = dict(WRITES[name])
    if name == "planning:plan_edit":  # an edit names the version it was based on
        from ivp.planning.models import PolicyPlan

        data["lock_version"] = PolicyPlan.objects.get(
            municipality__code="GM1708", status=PolicyPlan.Status.CONCEPT
        ).lock_version
    response = client.post(reverse(name, kwargs=_kwargs(URLS[name], OTHER)), data)
    assert response.status_code == 302
    assert _state() != before


REMOVALS = {
    "planning:priority_remove": ("priority", "Priority", "title"),
    "planning:objective_remove": ("objective", "Objective", "text"),
    "planning:focus_area_remove": ("focus_area", "FocusArea", "title"),
    "planning:regional_link_remove": ("link", "RegionalLink", "regional_priority"),
    "planning:theme_remove": ("theme", "ActionPlanTheme", "priority"),
    "planning:action_remove": ("action", "Action", "item"),
    "planning:progress_remove": ("update", "ProgressUpdate", "action"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(REMOVALS))
def test_the_coordinator_is_asked_to_confirm_what_is_removed(name):
    """The confirmation page names the part; OWN's IVP is adopted, so it says so instead of
    offering the button, while the draft uitvoeringsplan's parts may go."""
    from django.apps import apps

    sample, model, shown = REMOVALS[name]
    client = Client()
    client.force_login(get_user_model().objects.get(username=USERNAMES[COORDINATOR]))
    kwargs = _kwargs(URLS[name], OWN)
    page = client.get(reverse(name, kwargs=kwargs)).content.decode()
    record = apps.get_model("planning", model).objects.get(pk=kwargs[sample])
    named = str(getattr(record, shown))
    assert " ".join(named.split()[:3]) in page
    assert "verwijderen?" in page and "audittrail" in page
    adopted = name in (
        "planning:priority_remove",
        "planning:focus_area_remove",
        "planning:objective_remove",
        "planning:regional_link_remove",
    )
    assert ("vastgesteld" in page) == adopted
    assert (">Verwijderen</button>" in page) == (not adopted)
