"""Which generated parts a chapter of a document may hold: the document's own (`BLOCKS`) and
those about one thing of the plan: the veiligheidsbeeld of a safety field in the IVP or the analysis, one
theme or its actions in the uitvoeringsplan, one theme's progress in the voortgangsrapportage."""

from .builders import action_plan, policy_plan, progress
from .outlines import BLOCKS


def block_labels(kind: str, plan) -> dict[str, str]:
    """Block key → what the coordinator sees in the list of generated parts."""
    labels = dict(BLOCKS[kind])
    if kind in ("ivp", "analyse"):
        labels |= policy_plan.field_blocks()
    elif kind == "uitvoeringsplan":
        labels |= action_plan.theme_blocks(plan.themes.all())
    elif kind == "voortgang":
        labels |= progress.theme_blocks(plan.themes.all())
    return labels
