""" "What do I do here?": one short help text per page, keyed by the page's URL name.

Each text says what the page is for, what the user does on it and what comes next in the
policy cycle. A page whose work differs per role has a dict: the role's manual slug
(`ivp.web.manual.ROLES`) → text, with DEFAULT for every other role.
Downloads, htmx fragments, the API, health checks and redirects have no help: nobody reads them
as a page.
"""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

DEFAULT = "default"

PAGE_HELP: dict[str, Promise | dict[str, Promise]] = {
    # Public pages
    "web:home": _(
        "This is the start of ivp, the tool for the integral safety policy of municipalities. "
        "Look up the safety picture and the plans of a municipality, or log in to work on "
        "your own municipality's plans."
    ),
    "login": _(
        "Fill in the username and password your municipality or the administrator gave "
        "you. After logging in you land on your own work. Forgot your password? Ask for a new "
        "one via the link below the form."
    ),
    "regions:municipality_list": _(
        "All municipalities of the Netherlands. Choose a municipality to see its safety "
        "picture, its safety plan and its implementation plans."
    ),
    "regions:municipality_detail": _(
        "The overview of one municipality: its figures, its plans and its documents. From "
        "here you go to the safety picture, the integral safety plan and the yearly "
        "implementation plans."
    ),
    "regions:region_list": _(
        "The regions and partnerships municipalities work in. Choose a region to see its "
        "members and the priorities they share."
    ),
    "regions:region_detail": _(
        "One region: its member municipalities and what they do together. The regional "
        "coordinator keeps the shared priorities; member municipalities can link their own "
        "priorities to them."
    ),
    "taxonomy:taxonomy": _(
        "The safety fields and themes (the Kernbeleid Veiligheid) that every plan and figure "
        "in ivp is sorted by. Use it to find which theme an issue belongs to."
    ),
    "figures:safety_picture": _(
        "The safety picture of this municipality: police and CBS figures per safety field, "
        "with trends and a comparison with similar municipalities. It is the basis for the "
        "safety analysis and the choice of priorities."
    ),
    "figures:indicator_detail": _(
        "One indicator over the years, with its source and period. Compare it with the region "
        "and the country, and download the chart for a document or presentation."
    ),
    "figures:rate_map": _(
        "A map of the Netherlands with one figure per municipality, per 1,000 residents. Choose "
        "a figure and a year to see where it is high or low."
    ),
    "figures:area_picture": _(
        "The figures of the whole country or of one province, with survey results and their "
        "margins. Use them to put a municipality's own figures in context."
    ),
    "planning:plan": _(
        "The integral safety plan of this municipality: the priorities for four years, with "
        "goals and approach. The council adopts it; each year an implementation plan works it "
        "out in actions."
    ),
    "planning:plan_detail": _(
        "One version of the integral safety plan with its priorities, goals and focus areas. "
        "A draft can still be changed by the coordinator; an adopted version is fixed and "
        "public."
    ),
    "planning:plan_compare": _(
        "What changed between two versions of the safety plan. Use it to check changes before "
        "the plan is adopted, or to explain them to the council."
    ),
    "planning:plan_lint": _(
        "The check of the safety plan: missing goals, vague wording, priorities without "
        "measurable targets. Each finding says how to fix it; the coordinator fixes them "
        "before the plan is adopted."
    ),
    "planning:action_plans": _(
        "The yearly implementation plans of this municipality. Each plan works out the safety "
        "plan's priorities in actions with parties, planning and budget. You see the plans you "
        "may read."
    ),
    "planning:municipality_dashboard": _(
        "The public dashboard of this municipality: how the actions of this year's "
        "implementation plan are progressing and how the indicators develop against their "
        "targets."
    ),
    "reports:documents": _(
        "The documents of this municipality: safety plan, implementation plan and progress "
        "report. Read them here or have them made as PDF, Word or web page."
    ),
    "web:manual_index": _(
        "The manuals of ivp, one per role. Choose your role to read your tasks step by step."
    ),
    "web:manual": _(
        "The manual of one role: its tasks step by step, with links to the pages where you do "
        "them. Follow the tasks in order: they go along the policy cycle."
    ),
    # Accounts
    "accounts:profile": _(
        "Your account: your roles per municipality and your settings. Change your password or "
        "make an API key here."
    ),
    "accounts:password_change": _(
        "Choose a new password. Type your current password first, then the new one twice. You "
        "stay logged in."
    ),
    "accounts:password_change_done": _(
        "Your password has been changed. Use the new password the next time you log in."
    ),
    "accounts:password_reset": _(
        "Forgot your password? Fill in your e-mail address. You will receive an e-mail with a "
        "link to choose a new password."
    ),
    "accounts:password_reset_done": _(
        "If the address is known, an e-mail with a link is on its way. Open the link to choose "
        "a new password; check your spam folder if nothing arrives."
    ),
    "accounts:password_reset_confirm": _(
        "Choose a new password and type it twice. After that you can log in with it."
    ),
    "accounts:password_reset_complete": _("Your new password is set. You can now log in with it."),
    "accounts:invitation_accept": _(
        "You have been invited to work in ivp for a municipality. Choose a username and "
        "password to accept the invitation; then you can log in and start."
    ),
    "accounts:api_keys": _(
        "API keys let another system (a spreadsheet, a dashboard) read ivp on your behalf. Make "
        "a key, copy it at once, and revoke it when it is no longer needed."
    ),
    "accounts:api_keys_all": _(
        "Every user's API keys. As administrator you can revoke a key that is no longer used "
        "or that may have leaked."
    ),
    "accounts:audit": _(
        "The audit trail: who changed what and when in this municipality's plans and users. "
        "Use it to trace a change or to account for one."
    ),
    "accounts:members": _(
        "The people who work in ivp for this municipality. Invite partners and council "
        "members, withdraw an invitation or end someone's role."
    ),
    # The workspace and the cycle
    "web:workspace": _(
        "Your municipality's workspace: where each step of the policy cycle stands, stalled "
        "actions and documents that are ready. Start here and follow the step that is next."
    ),
    "web:cycle_step": _(
        "One step of the policy cycle: what it produces, who decides and where it stands. The "
        "links take you to the work of this step; when it is done, the next step follows."
    ),
    "planning:cycle": _(
        "The policy cycle of this municipality: the steps with their dates, owners and the "
        "work group. The coordinator records the planning here at the start of a new plan."
    ),
    "planning:step_edit": _(
        "Record one step of the cycle: its dates, owner and status. The workspace and the "
        "cycle overview show it to everyone who prepares the plan."
    ),
    "planning:prioritisation": _(
        "Choose the priorities: score each theme on figures, the feeling of safety, the "
        "professionals' view and the political agenda. The council makes the choice; it goes "
        "into the safety plan."
    ),
    "taxonomy:municipal_themes": _(
        "The themes your municipality uses, on top of the national safety fields. They sort "
        "the priorities, actions and figures of your plans."
    ),
    "taxonomy:municipal_themes_edit": _(
        "Add, rename or remove your municipality's own themes. Changes apply to new plans; "
        "existing plans keep their themes."
    ),
    # The safety plan
    "planning:plan_edit": _(
        "Write the general parts of the draft safety plan: title, period, mission and vision. "
        "Then add priorities with goals; the council adopts the whole plan."
    ),
    "planning:priority_create": _(
        "Add a priority to the draft safety plan. Give it a title and explain why; then add "
        "goals and focus areas."
    ),
    "planning:priority_edit": _(
        "Change a priority of the draft safety plan: its title, explanation and the theme it "
        "belongs to. Its goals and focus areas are on the plan page."
    ),
    "planning:priority_remove": _(
        "Confirm that this priority leaves the draft plan. Its goals and focus areas go with "
        "it; the audit trail keeps what was removed."
    ),
    "planning:objective_create": _(
        "Add a goal to this priority. Make it measurable: an indicator, a baseline and a "
        "target value, so progress can be followed later."
    ),
    "planning:objective_edit": _(
        "Change a goal of this priority. A measurable goal has an indicator, a baseline and a "
        "target; the dashboard follows it against those."
    ),
    "planning:objective_remove": _(
        "Confirm that this goal leaves the draft plan. The audit trail keeps what was removed."
    ),
    "planning:focus_area_create": _(
        "Add a focus area (speerpunt) to this priority: a part of it that gets extra "
        "attention. Actions in the implementation plan can be linked to it."
    ),
    "planning:focus_area_edit": _(
        "Change a focus area (speerpunt) of this priority: its title and explanation."
    ),
    "planning:focus_area_remove": _(
        "Confirm that this focus area leaves the draft plan. The audit trail keeps what was "
        "removed."
    ),
    "planning:regional_link": _(
        "Link this priority to a priority the region shares. The region then sees that your "
        "municipality works on it too."
    ),
    "planning:regional_link_remove": _(
        "Confirm that this priority is no longer linked to the regional priority."
    ),
    "planning:frameworks": _(
        "The frameworks this municipality's plans follow: national, regional and local "
        "policy. Record them here so the safety plan can refer to them."
    ),
    "planning:framework_create": _(
        "Record a framework the plans follow: its name, level and the years it runs."
    ),
    "planning:framework_edit": _("Change a framework: its name, level or the years it runs."),
    "planning:region_frameworks": _(
        "The frameworks that apply to the whole region. The regional coordinator keeps them; "
        "member municipalities see them next to their own."
    ),
    "planning:region_framework_create": _(
        "Record a framework for the whole region: its name, level and the years it runs."
    ),
    "planning:region_framework_edit": _(
        "Change a framework of the region: its name, level or the years it runs."
    ),
    "planning:parties": _(
        "The parties (organisations) your plans name, with how often they are used. Give "
        "each a type, add other spellings, and merge doubles."
    ),
    "planning:party_edit": _(
        "Change a party: its type and other spellings of its name. Actions then find it under "
        "each spelling."
    ),
    "planning:party_merge": _(
        "Merge this party into another one when they are the same organisation. First choose "
        "the party that stays; then confirm what moves."
    ),
    # The region
    "planning:shared_priorities": _(
        "The priorities the municipalities of this region share. The regional coordinator "
        "keeps them; member municipalities link their own priorities to them."
    ),
    "planning:shared_priority_create": _(
        "Add a priority the region shares, with its period. Then add goals; member "
        "municipalities can link to it."
    ),
    "planning:shared_priority_edit": _(
        "Change a shared priority of the region: its title, explanation and period."
    ),
    "planning:shared_objective_create": _(
        "Add a goal to this shared priority, measurable where possible."
    ),
    "planning:shared_objective_edit": _("Change a goal of this shared priority."),
    "planning:region_members": _(
        "The member municipalities side by side: their priorities and how they link to the "
        "region's. Use it to see where municipalities can work together."
    ),
    "regions:region_create": _(
        "Record a new region or partnership and its member municipalities. Then appoint its "
        "regional coordinator."
    ),
    "regions:region_edit": _("Change a region's name, code, description or members."),
    # The implementation plan
    "planning:action_plan": {
        DEFAULT: _(
            "The implementation plan for this year: per theme the actions with parties, "
            "planning, owner and progress. Filter and sort to find your actions."
        ),
        "coordinator": _(
            "Your action list for this year: per action its status, progress and latest "
            "report. Add or change actions, follow stalled ones and ask partners for an "
            "update; the college adopts the plan."
        ),
        "ketenpartner": _(
            "The actions of this year's implementation plan. Find the actions of your "
            "organisation and report their progress; the coordinator follows it and reports "
            "to the council."
        ),
    },
    "planning:action_create": _(
        "Add an action to the implementation plan: what is done, by which parties, when, "
        "with which budget and for which goal."
    ),
    "planning:action_edit": _(
        "Change an action: its description, parties, planning, owner or budget. Partners see "
        "the change in the action list."
    ),
    "planning:action_remove": _(
        "Confirm that this action leaves the implementation plan. The audit trail keeps what "
        "was removed."
    ),
    "planning:theme_remove": _(
        "Confirm that this theme and its actions leave the implementation plan. The audit "
        "trail keeps what was removed."
    ),
    "planning:theme_lookback": _(
        "Look back on last year for this theme: what was achieved and what was not. The "
        "look-back goes into the implementation plan and the progress report."
    ),
    "planning:action_progress": _(
        "The progress of one action: its reports over time. Add a report with status, date "
        "and a short note; the action list and dashboard show the latest one."
    ),
    "planning:progress_remove": _(
        "Confirm that this progress report is taken back. The audit trail keeps what was removed."
    ),
    "planning:progress_upload": _(
        "Report the progress of many actions at once with a spreadsheet. Download the export "
        "of the action list, fill in status and notes, and upload it here."
    ),
    "planning:stale_actions": _(
        "Actions without a progress report for a long time. Ask their owners for an update, "
        "so the progress report is complete."
    ),
    "planning:action_plan_lint": _(
        "The check of the implementation plan: actions without owner, planning or link to a "
        "goal. Each finding says how to fix it before the plan is adopted."
    ),
    "planning:dashboard": _(
        "The dashboard of this implementation plan: progress of the actions and indicators "
        "against target. The coordinator chooses what it shows and whether it is public."
    ),
    # Documents
    "reports:document_page": _(
        "A document read in the app. Have it made as PDF, Word or web page for the college or "
        "the council; it is made in the background."
    ),
    "reports:document_detail": _(
        "The document is being made or is ready. When it is ready, download it; if it failed, "
        "try again."
    ),
    "reports:chapters": _(
        "The chapters of this document. Change their order, rename them, leave one out or add "
        "your own; the figures and actions are filled in by ivp."
    ),
    "reports:chapter_edit": _(
        "Write the text of this chapter, with a preview of how the document shows it. ivp "
        "places the generated part (tables, figures) after your text."
    ),
    "reports:chapter_remove": _(
        "Confirm that this chapter leaves the document. You can add it again later."
    ),
    "reports:house_style": _(
        "Your municipality's Word template for the documents ivp makes. Download the template "
        "in use, adjust it to your house style, and upload it."
    ),
    # Reading existing plans in
    "intake:plan_import_start": _(
        "Read in an existing safety plan (Word or PDF). ivp finds the priorities and goals; "
        "you check them before they become a draft plan."
    ),
    "intake:plan_import": _(
        "Check what ivp read from your safety plan. Correct or remove what is wrong, then save "
        "it as a draft plan to work on further."
    ),
    "intake:actions_import_start": _(
        "Read in an existing action list (Excel or Word). ivp finds the actions, parties and "
        "planning; you check them before they enter the implementation plan."
    ),
    "intake:actions_import": _(
        "Check the actions ivp read from your file. Correct or remove what is wrong, then save "
        "them into the implementation plan."
    ),
    # Figures
    "figures:own_upload": _(
        "Upload your municipality's own figures (a spreadsheet), such as a survey or your own "
        "registrations. Next you say which column holds what."
    ),
    "figures:own_mapping": _(
        "Say which column of your file holds the area, the period and each figure. Then the "
        "import runs; the figures appear in the safety picture."
    ),
    "figures:upload_create": _(
        "Import the official tables of the police or CBS. They hold the figures of every "
        "municipality and update the safety pictures."
    ),
    "figures:upload_detail": _(
        "The import of a file: its progress and any problems found. When it is done, the "
        "figures appear in the safety pictures; if it failed, fix the file or try again."
    ),
    "regions:population_import": _(
        "Import the population figures of CBS. ivp uses them to compute figures per 1,000 "
        "residents."
    ),
}


def help_for(view_name: str, role: str) -> Promise | None:
    """The help text of the page named `view_name` for a user of `role` (a manual slug)."""
    text = PAGE_HELP.get(view_name)
    if isinstance(text, dict):
        return text.get(role, text[DEFAULT])
    return text
