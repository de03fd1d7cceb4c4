"""The manual: one short page per role with its tasks step by step, linked to the pages.

A task's links name a URL and what it needs: nothing, the user's active municipality or the
region they coordinate. A link whose municipality or region the reader lacks (a visitor reading
the coordinator's manual) is left out; its steps still say where to go.
"""

from dataclasses import dataclass

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ivp.accounts.models import Role
from ivp.accounts.selectors import coordinated_regions, memberships_of, roles_in
from ivp.common.access import public

COORDINATOR, PARTNER, COUNCIL = "coordinator", "ketenpartner", "raad"
ADMINISTRATOR, REGIONAL, RESIDENT = "beheerder", "regiocoordinator", "bewoner"

# The manual's slug of each membership role, the most demanding first: a user with several
# roles reads the manual of the one that asks the most of them.
SLUG_OF_ROLE = {
    Role.COORDINATOR: COORDINATOR,
    Role.REGIOCOORDINATOR: REGIONAL,
    Role.KETENPARTNER: PARTNER,
    Role.VIEWER: COUNCIL,
}
MUNICIPALITY, REGION = "municipality", "region"


@dataclass(frozen=True)
class Link:
    label: Promise
    url_name: str
    needs: str | None = None  # MUNICIPALITY or REGION


@dataclass(frozen=True)
class Task:
    title: Promise
    steps: tuple[Promise, ...]
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Manual:
    slug: str
    label: Promise  # "Manual for <label>"
    summary: Promise
    tasks: tuple[Task, ...]
    help: Promise


MANUALS = (
    Manual(
        COORDINATOR,
        _("the coordinator public order and safety"),
        _(
            "As coordinator you lead your municipality's safety policy cycle: from the start memo "
            "via the safety analysis, the priorities and the integral safety plan to the yearly "
            "implementation plan and its progress. You keep the plans, invite the people who "
            "work with you and make the documents for the college and the council."
        ),
        (
            Task(
                _("Start the cycle"),
                (
                    _("Open your workspace: it shows which step of the cycle is next."),
                    _("Open the policy cycle and record the dates, owners and work group."),
                ),
                (
                    Link(_("Workspace"), "web:workspace", MUNICIPALITY),
                    Link(_("Policy cycle"), "planning:cycle", MUNICIPALITY),
                ),
            ),
            Task(
                _("Make the safety analysis"),
                (
                    _("Read the safety picture: the police and CBS figures per safety field."),
                    _("Add your own figures, such as a survey, as a spreadsheet."),
                ),
                (
                    Link(_("Safety picture"), "figures:safety_picture", MUNICIPALITY),
                    Link(_("Upload own figures"), "figures:own_upload", MUNICIPALITY),
                ),
            ),
            Task(
                _("Choose the priorities"),
                (
                    _("Score each theme on figures, feeling of safety, professionals and agenda."),
                    _("Record the choice the council makes."),
                ),
                (Link(_("Priorities"), "planning:prioritisation", MUNICIPALITY),),
            ),
            Task(
                _("Write the integral safety plan"),
                (
                    _("Open the safety plan, or read in the plan you already have."),
                    _("Add priorities with measurable goals and focus areas."),
                    _("Run the check, fix its findings and record the council's adoption."),
                ),
                (
                    Link(_("Safety plan"), "planning:plan", MUNICIPALITY),
                    Link(_("Read in an existing plan"), "intake:plan_import_start", MUNICIPALITY),
                ),
            ),
            Task(
                _("Make this year's implementation plan"),
                (
                    _("Open the implementation plans and choose this year's plan."),
                    _("Add actions per theme with parties, planning, owner and budget."),
                    _("Or read in the action list you keep in Excel or Word."),
                ),
                (
                    Link(_("Implementation plans"), "planning:action_plans", MUNICIPALITY),
                    Link(_("Read in an action list"), "intake:actions_import_start", MUNICIPALITY),
                ),
            ),
            Task(
                _("Follow the progress"),
                (
                    _("The action list shows per action its status and latest report."),
                    _("Ask the owners of stalled actions for an update."),
                    _("Publish the dashboard for the council and residents."),
                ),
                (
                    Link(_("Implementation plans"), "planning:action_plans", MUNICIPALITY),
                    Link(_("Public dashboard"), "planning:municipality_dashboard", MUNICIPALITY),
                ),
            ),
            Task(
                _("Make the documents"),
                (
                    _("Choose a document and write its chapters."),
                    _("Have it made as PDF, Word or web page and download it."),
                    _("Upload your house style template once, for all documents."),
                ),
                (
                    Link(_("Documents"), "reports:documents", MUNICIPALITY),
                    Link(_("House style"), "reports:house_style", MUNICIPALITY),
                ),
            ),
            Task(
                _("Invite the people you work with"),
                (
                    _("Invite partners and council members by e-mail, with their role."),
                    _("End a role when someone leaves."),
                ),
                (Link(_("Users"), "accounts:members", MUNICIPALITY),),
            ),
        ),
        _(
            "Questions about ivp itself? Ask the administrator (beheerder) of ivp in your "
            "organisation."
        ),
    ),
    Manual(
        PARTNER,
        _("the partner organisation"),
        _(
            "As partner (police, housing association, care provider, RIEC and others) you carry "
            "out actions of the municipality's implementation plan. In ivp you find your "
            "organisation's actions and report how they progress."
        ),
        (
            Task(
                _("Find your actions"),
                (
                    _("Open the implementation plans and choose this year's plan."),
                    _("Filter the action list on your organisation."),
                ),
                (Link(_("Implementation plans"), "planning:action_plans", MUNICIPALITY),),
            ),
            Task(
                _("Report the progress of an action"),
                (
                    _("Next to the action, choose 'Report progress'."),
                    _("Give its status, the date and a short note on what happened."),
                    _("Save: the coordinator sees your report in the action list."),
                ),
                (Link(_("Implementation plans"), "planning:action_plans", MUNICIPALITY),),
            ),
            Task(
                _("Report many actions at once"),
                (
                    _("Download the action list as a spreadsheet from the plan page."),
                    _("Fill in status and notes for your actions."),
                    _("Upload it via 'Upload progress (CSV or XLSX)' on the same page."),
                ),
            ),
            Task(
                _("See where the cycle stands"),
                (_("The workspace shows which step is next and which actions have stalled."),),
                (Link(_("Workspace"), "web:workspace", MUNICIPALITY),),
            ),
            Task(
                _("Read the plan and the figures"),
                (_("Read the safety plan and the safety picture your actions work towards."),),
                (
                    Link(_("Safety plan"), "planning:plan", MUNICIPALITY),
                    Link(_("Safety picture"), "figures:safety_picture", MUNICIPALITY),
                ),
            ),
            Task(
                _("Keep your account safe"),
                (_("Change your password now and then; never share your account."),),
                (Link(_("Change password"), "accounts:password_change"),),
            ),
        ),
        _("Questions about an action or your access? Ask the municipality's coordinator."),
    ),
    Manual(
        COUNCIL,
        _("the council and the executive"),
        _(
            "As member of the council or the executive (college) you decide on the priorities "
            "and adopt the safety plan and the implementation plan. In ivp you read the adopted "
            "plans, the figures and how the actions progress."
        ),
        (
            Task(
                _("Read the safety plan"),
                (_("Read the priorities, goals and approach the council adopted."),),
                (Link(_("Safety plan"), "planning:plan", MUNICIPALITY),),
            ),
            Task(
                _("Follow the progress"),
                (_("The dashboard shows how the actions progress and the indicators develop."),),
                (Link(_("Public dashboard"), "planning:municipality_dashboard", MUNICIPALITY),),
            ),
            Task(
                _("Read the documents"),
                (_("Read the plans and the progress report in the app, or download them."),),
                (Link(_("Documents"), "reports:documents", MUNICIPALITY),),
            ),
            Task(
                _("Look at the figures"),
                (
                    _("Read the safety picture of your municipality."),
                    _("Compare it with other municipalities on the map."),
                ),
                (
                    Link(_("Safety picture"), "figures:safety_picture", MUNICIPALITY),
                    Link(_("Map"), "figures:rate_map"),
                ),
            ),
        ),
        _("Questions about the plans? Ask the municipality's coordinator."),
    ),
    Manual(
        ADMINISTRATOR,
        _("the administrator"),
        _(
            "As administrator (beheerder) you keep ivp running for all municipalities: the "
            "official figures, the regions, the users and the API keys."
        ),
        (
            Task(
                _("Import the official figures"),
                (
                    _("Import the police and CBS tables when new ones appear."),
                    _("Import the population figures once a year."),
                ),
                (
                    Link(_("Import figures"), "figures:upload_create"),
                    Link(_("Import population"), "regions:population_import"),
                ),
            ),
            Task(
                _("Keep the regions"),
                (
                    _("Record a new region or partnership with its members."),
                    _("Appoint its regional coordinator."),
                ),
                (
                    Link(_("Regions"), "regions:region_list"),
                    Link(_("New region"), "regions:region_create"),
                ),
            ),
            Task(
                _("Help a municipality"),
                (
                    _("Choose the municipality you work for at the top of the page."),
                    _("Invite its coordinator or change its users."),
                ),
                (
                    Link(_("Municipalities"), "regions:municipality_list"),
                    Link(_("Users"), "accounts:members", MUNICIPALITY),
                ),
            ),
            Task(
                _("Check the API keys"),
                (_("Revoke keys that are no longer used or may have leaked."),),
                (Link(_("API keys"), "accounts:api_keys_all"),),
            ),
            Task(
                _("Use the administration"),
                (_("For what the pages do not offer, use the Django administration."),),
                (Link(_("Administration"), "admin:index"),),
            ),
        ),
        _("Technical questions? See the operations documentation of ivp."),
    ),
    Manual(
        REGIONAL,
        _("the regional coordinator"),
        _(
            "As regional coordinator you keep what the municipalities of your region share: the "
            "regional priorities and frameworks. You read the work of the member municipalities "
            "and compare them."
        ),
        (
            Task(
                _("Keep your region"),
                (_("Check the region's name and description."),),
                (Link(_("Your region"), "regions:region_detail", REGION),),
            ),
            Task(
                _("Keep the shared priorities"),
                (
                    _("Add the priorities the region shares, with goals."),
                    _("Member municipalities link their own priorities to them."),
                ),
                (Link(_("Shared priorities"), "planning:shared_priorities", REGION),),
            ),
            Task(
                _("Record the regional frameworks"),
                (_("Record the regional policy the members' plans follow."),),
                (Link(_("Regional frameworks"), "planning:region_frameworks", REGION),),
            ),
            Task(
                _("Compare the members"),
                (_("See the members' priorities side by side and where they link."),),
                (Link(_("Members side by side"), "planning:region_members", REGION),),
            ),
            Task(
                _("Follow a member municipality"),
                (_("Choose the municipality at the top of the page and open its workspace."),),
                (Link(_("Workspace"), "web:workspace", MUNICIPALITY),),
            ),
        ),
        _("Questions about the members of your region? Ask the administrator (beheerder)."),
    ),
    Manual(
        RESIDENT,
        _("residents"),
        _(
            "Everyone can read in ivp how safe a municipality is and what it does about it: the "
            "figures, the adopted safety plan and the progress of the actions. You need no "
            "account for this."
        ),
        (
            Task(
                _("Find your municipality"),
                (_("Choose your municipality in the list, or search for it."),),
                (Link(_("Municipalities"), "regions:municipality_list"),),
            ),
            Task(
                _("Read the safety picture"),
                (_("On the municipality's page, choose 'Safety picture'."),),
            ),
            Task(
                _("Read the plan and its progress"),
                (
                    _("On the municipality's page, choose the safety plan."),
                    _(
                        "The dashboard shows how the actions progress, if the municipality "
                        "publishes it."
                    ),
                ),
            ),
            Task(
                _("Compare municipalities"),
                (_("The map shows one figure for every municipality."),),
                (Link(_("Map"), "figures:rate_map"),),
            ),
            Task(
                _("Look up a safety field"),
                (_("The safety fields show how themes are grouped."),),
                (Link(_("Safety fields"), "taxonomy:taxonomy"),),
            ),
        ),
        _("Questions about safety in your area? Contact your municipality."),
    ),
)
MANUALS_BY_SLUG = {m.slug: m for m in MANUALS}


def role_of(user, municipality) -> str:
    """The manual slug of the role `user` works in, preferring their role in `municipality`."""
    if not user.is_authenticated:
        return RESIDENT
    if user.is_superuser:
        return ADMINISTRATOR
    # The permission checks cache the roles on the user object itself, not on request.user's
    # lazy wrapper: ask with that object, so the page's help costs no extra query.
    user = user.get_username.__self__
    held = roles_in(user, municipality) if municipality else set()
    held = held or {m.role for m in memberships_of(user)}
    return next((slug for role, slug in SLUG_OF_ROLE.items() if role in held), RESIDENT)


def manual_url(slug: str) -> str:
    return reverse("web:manual", args=[slug])


def _url(link: Link, municipality, region) -> str | None:
    if link.needs == MUNICIPALITY:
        return reverse(link.url_name, args=[municipality.code]) if municipality else None
    if link.needs == REGION:
        return reverse(link.url_name, args=[region.code]) if region else None
    return reverse(link.url_name)


def _tasks_with_urls(manual: Manual, municipality, region) -> list[dict]:
    return [
        {
            "task": task,
            "links": [
                (link.label, url)
                for link in task.links
                if (url := _url(link, municipality, region)) is not None
            ],
        }
        for task in manual.tasks
    ]


@public
def manual_index(request):
    return render(
        request,
        "web/manual_index.html",
        {
            "manuals": MANUALS,
            "own": role_of(request.user, request.active_municipality),
        },
    )


@public
def manual(request, role):
    if role not in MANUALS_BY_SLUG:
        raise Http404
    page = MANUALS_BY_SLUG[role]
    user = request.user
    region = coordinated_regions(user).first() if user.is_authenticated else None
    return render(
        request,
        "web/manual.html",
        {
            "manual": page,
            "tasks": _tasks_with_urls(page, request.active_municipality, region),
            "manuals": MANUALS,
        },
    )
