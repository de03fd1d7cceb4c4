"""The documents of an adopted plan, made once at its adoption and downloadable by everyone
who may read the plan (anyone, for a public plan): the IVP, and the uitvoeringsplan, as PDF to
publish and DOCX to reuse."""

from ivp.planning.models import ActionPlan, PolicyPlan
from ivp.planning.workflow.chapters import plan_field

from .models import GeneratedDocument

PUBLIC_KINDS = {"policy_plan": "ivp", "action_plan": "uitvoeringsplan"}
PUBLIC_FORMATS = ("pdf", "docx")


def publish(plan) -> list[GeneratedDocument]:
    """Queue the public files of an adopted plan version (the worker makes them)."""
    from .tasks import generate_document

    field = plan_field(plan)
    records = [
        GeneratedDocument.objects.create(
            municipality=plan.municipality,
            kind=PUBLIC_KINDS[field],
            year=plan.start_year,
            scope=getattr(plan, "scope", ""),
            format=file_format,
            public=True,
            **{field: plan},
        )
        for file_format in PUBLIC_FORMATS
    ]
    for record in records:
        generate_document.enqueue(record.pk)
    return records


def on_plan_adopted(sender, plan, **kwargs) -> None:
    if isinstance(plan, (PolicyPlan, ActionPlan)):
        publish(plan)


def _finished(plan):
    return GeneratedDocument.objects.filter(
        public=True, status=GeneratedDocument.Status.DONE, **{plan_field(plan): plan}
    )


def public_file(plan, file_format: str) -> GeneratedDocument | None:
    """The newest finished public file of this plan version in this format."""
    return _finished(plan).filter(format=file_format).order_by("-finished_at", "-pk").first()


def ready_formats(plan) -> list[str]:
    """The formats of this plan version's public files that are ready, in one query."""
    ready = set(_finished(plan).values_list("format", flat=True))
    return [f for f in PUBLIC_FORMATS if f in ready]
