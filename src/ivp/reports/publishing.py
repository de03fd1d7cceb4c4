"""The documents of an adopted plan, made once at its adoption and downloadable by everyone
who may read the plan (anyone, for a public plan): the IVP, and the uitvoeringsplan, as PDF to
publish and DOCX to reuse."""

from ivp.planning.models import ActionPlan, PolicyPlan

from .models import GeneratedDocument

PUBLIC_FORMATS = ("pdf", "docx")


def public_kind(plan) -> str:
    return "ivp" if isinstance(plan, PolicyPlan) else "uitvoeringsplan"


def publish(plan) -> list[GeneratedDocument]:
    """Queue the public files of an adopted plan version (the worker makes them)."""
    from .tasks import generate_document

    owner = "policy_plan" if isinstance(plan, PolicyPlan) else "action_plan"
    records = [
        GeneratedDocument.objects.create(
            municipality=plan.municipality,
            kind=public_kind(plan),
            year=plan.start_year,
            scope=getattr(plan, "scope", ""),
            format=file_format,
            public=True,
            **{owner: plan},
        )
        for file_format in PUBLIC_FORMATS
    ]
    for record in records:
        generate_document.enqueue(record.pk)
    return records


def on_plan_adopted(sender, plan, **kwargs) -> None:
    if isinstance(plan, (PolicyPlan, ActionPlan)):
        publish(plan)


def public_file(plan, file_format: str) -> GeneratedDocument | None:
    """The newest finished public file of this plan version in this format."""
    owner = "policy_plan" if isinstance(plan, PolicyPlan) else "action_plan"
    return (
        GeneratedDocument.objects.filter(
            public=True,
            format=file_format,
            status=GeneratedDocument.Status.DONE,
            **{owner: plan},
        )
        .order_by("-finished_at", "-pk")
        .first()
    )
