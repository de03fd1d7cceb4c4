"""The members of a region side by side: what each prioritises, how far each covers the shared
priorities, and their key figures from the analysis."""

from dataclasses import dataclass

from ivp.figures import safety_picture
from ivp.figures.models import Indicator

from . import selectors
from .models import PolicyPlan, Priority

KEY_INDICATOR = "misdrijven-totaal"


@dataclass
class MemberColumn:
    municipality: object
    plan: PolicyPlan | None
    priorities: list[Priority]
    adopted_shared: set[int]
    key_figure: object | None  # safety_picture.IndicatorPicture of the key indicator

    @property
    def themes(self) -> list[str]:
        return sorted({p.theme.name for p in self.priorities if p.theme})


def members_side_by_side(region) -> dict:
    shared = list(region.shared_priorities.select_related("theme"))
    key = Indicator.objects.filter(code=KEY_INDICATOR).prefetch_related("themes").first()
    columns = []
    for municipality in region.members.select_related("province").order_by("sort_name"):
        plan = selectors.current_plan(municipality)
        priorities = (
            list(plan.priorities.filter(kind=Priority.Kind.PRIORITEIT).select_related("theme"))
            if plan
            else []
        )
        figure = None
        if key is not None:
            picture = safety_picture.build(municipality, indicators=[key])
            figure = next(iter(picture.indicators), None)
        columns.append(
            MemberColumn(
                municipality=municipality,
                plan=plan,
                priorities=priorities,
                adopted_shared={p.shared_id for p in priorities if p.shared_id},
                key_figure=figure,
            )
        )
    themes = sorted({name for column in columns for name in column.themes})
    return {
        "columns": columns,
        "shared": shared,
        "theme_rows": [(name, [name in column.themes for column in columns]) for name in themes],
        "shared_rows": [
            (item, [item.pk in column.adopted_shared for column in columns]) for item in shared
        ],
    }
