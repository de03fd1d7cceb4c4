"""Reads of documents: made documents and a municipality's house-style template."""

from .models import GeneratedDocument, HouseStyle


def generated_documents():
    """Made documents without their files' content, with what they are about."""
    return GeneratedDocument.objects.defer("content").select_related(
        "municipality", "policy_plan", "action_plan"
    )


def finished_documents():
    """Made documents that are ready, with their files."""
    return GeneratedDocument.objects.filter(status=GeneratedDocument.Status.DONE)


def recent_documents(municipality, user, limit: int = 10) -> list[GeneratedDocument]:
    """The documents this user asked for lately; none for a visitor who is not logged in."""
    if not user.is_authenticated:
        return []
    return list(
        GeneratedDocument.objects.filter(municipality=municipality, requested_by=user.pk)
        .defer("content")
        .order_by("-requested_at")[:limit]
    )


def house_style_record(municipality) -> HouseStyle | None:
    return HouseStyle.objects.filter(municipality=municipality).defer("content").first()
