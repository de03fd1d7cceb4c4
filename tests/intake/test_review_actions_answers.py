"""The review's answers for an uitvoeringsplan's actions: a row joined only to the row just
above it in its own table, the theme chosen kept as chosen, nothing saved when nothing is taken
in."""

import pytest
from django.core.exceptions import ValidationError

from ivp.intake import review_actions
from ivp.intake.drafting_actions import theme_named

TITLES = ["Jeugd", "Jeugd en veiligheid"]


def _draft() -> dict:
    def action(item):
        return {"item": item, "description": f"{item}.", "parties": ["Politie"],
                "planning": "Q1", "owner": "", "source": None}  # fmt: skip

    return {
        "themes": [
            {
                "title": "JEUGD",
                "number": "A",
                "candidates": ["JEUGD"],
                "source": None,
                "actions": [action("Straathoekwerk"), action("Jongerenwerk")],
            },
            {
                "title": "JEUGD EN VEILIGHEID",
                "number": "B",
                "source": None,
                "candidates": ["JEUGD EN VEILIGHEID"],
                "actions": [action("Halt-voorlichting"), action("Groepsaanpak"), action("scholen")],
            },
        ],
        "findings": [],
    }


def _ticked(draft: dict) -> dict:
    answers = {}
    for table in review_actions.rows(draft, TITLES):
        answers[f"{table['key']}-under"] = table["under"]
        for action in table["actions"]:
            answers[f"{action['key']}-keep"] = "on"
    return answers


def test_each_table_goes_under_the_theme_it_names_not_one_its_name_starts_with():
    assert theme_named(["JEUGD EN VEILIGHEID"], TITLES) == "Jeugd en veiligheid"
    tables = review_actions.rows(_draft(), TITLES)
    assert [t["under"] for t in tables] == ["m0", "m1"]
    reviewed = review_actions.apply(_draft(), _ticked(_draft()), TITLES)
    assert [(t["title"], t["plan_theme"], len(t["actions"])) for t in reviewed["themes"]] == [
        ("Jeugd", 0, 2),
        ("Jeugd en veiligheid", 1, 3),
    ]


def test_a_row_joins_only_the_row_just_above_it_in_its_own_table():
    draft = _draft()
    answers = _ticked(draft) | {"t1-x2-join": "on"}
    joined = review_actions.apply(draft, answers, TITLES)["themes"][1]["actions"]
    assert [a["item"] for a in joined] == ["Halt-voorlichting", "Groepsaanpak"]
    assert joined[1]["description"] == "Groepsaanpak.\nscholen."
    across = _ticked(draft) | {"t1-x1-join": "on"}
    del across["t1-x0-keep"]  # the row above was dropped: this one stands on its own
    actions = review_actions.apply(draft, across, TITLES)["themes"]
    assert [a["item"] for a in actions[0]["actions"]] == ["Straathoekwerk", "Jongerenwerk"]
    assert [a["item"] for a in actions[1]["actions"]] == ["Groepsaanpak", "scholen"]


@pytest.mark.django_db
def test_nothing_taken_in_makes_no_plan():
    from ivp.intake.services import actions_draft_save
    from ivp.regions.models import Municipality

    empty = review_actions.apply(_draft(), {}, TITLES)
    assert empty["themes"] == []
    with pytest.raises(ValidationError, match="geen actie overgenomen"):
        actions_draft_save(
            municipality=Municipality.objects.get(code="GM1701"), year=2025, draft=empty
        )
