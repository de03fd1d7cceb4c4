"""Every importer as one call `(file name, bytes) → result`, as its page or command calls it:
shared by the hostile-files suite and its benchmark (bench/hostile_files.py). Needs Django set
up and the demo data (Westerveld's cycle, Steenwijkerland's uitvoeringsplan 2026)."""

from ivp.common.importing import ImportFileError, ImportProblem
from ivp.figures.formats import mapped
from ivp.figures.services import figures_import, figures_import_mapped
from ivp.planning.execution.services.progress import progress_import
from ivp.planning.models import ActionPlan
from ivp.planning.policy import selectors as policy_selectors
from ivp.planning.policy.services.prioritisation import prioritisation_for
from ivp.planning.policy.services.survey import survey_scores_import
from ivp.regions.models import Municipality
from ivp.regions.services import population_load
from ivp.reports import services as report_services
from ivp.reports.render_docx import TemplateError, open_template
from ivp.reports.template_cleaning import clean_template


def action_plan():
    return ActionPlan.objects.get(municipality__code="GM1708", start_year=2026)


def prioritisation():
    return prioritisation_for(
        policy_selectors.current_cycle(Municipality.objects.get(code="GM1701"))
    )


def import_own_figures(name, raw):
    header, _preview = mapped.headers(name, raw)
    mapping = mapped.ColumnMapping(
        period=header[0],
        value=header[-1],
        category=header[1] if len(header) > 2 else "",
        name="Eigen cijfers",
        kind="overlast",
    )
    return figures_import_mapped(
        file_name=name,
        raw=raw,
        municipality=Municipality.objects.get(code="GM1701"),
        mapping=mapping,
    )


def import_survey(name, raw):
    return survey_scores_import(prioritisation=prioritisation(), file_name=name, raw=raw)


def import_progress(name, raw):
    return progress_import(
        action_plan=action_plan(), file_name=name, raw=raw, user=None, may_update=lambda a: True
    )


def import_figures(name, raw):
    return figures_import(file_name=name, raw=raw)


def import_population(name, raw):
    return population_load(file_name=name, raw=raw)


def import_template(name, raw):
    cleaned = clean_template(name, raw)
    try:
        open_template(cleaned.content)
    except TemplateError as error:  # as the form does: no Word document after all
        raise ImportFileError([ImportProblem(name, None, None, str(error))]) from error
    return report_services.house_style_save(
        municipality=Municipality.objects.get(code="GM1708"), cleaned=cleaned, user=None
    )
