"""The review's answers applied to a draft, as the coordinator gives them on the page: merge a
priority the document names twice, join a line the reader cut in two, correct a chapter, a
framework and the voorwoord; what is not ticked stays out."""

from ivp.intake import review


def _draft() -> dict:
    line = {"file": "plan.docx", "line": 1, "page": None, "quote": "…"}
    return {
        "priorities": [
            {
                "title": "Ondermijning",
                "parties": ["Politie"],
                "focus_areas": [{"title": "Drugs", "source": line}],
                "approach": ["Samen met de RIEC", "informatie delen", "Bibob toepassen"],
                "approach_sources": [line, line, line],
                "objectives": [{"text": "Minder drugslabs", "source": line}],
                "source": line,
            },
            {
                "title": "Ondermijnende criminaliteit",
                "parties": ["RIEC", "Politie"],
                "focus_areas": [{"title": "Witwassen", "source": line}],
                "approach": ["Controles bij bedrijven"],
                "approach_sources": [line],
                "objectives": [],
                "source": line,
            },
            {
                "title": "Jeugd",
                "parties": [],
                "focus_areas": [],
                "approach": [],
                "objectives": [],
                "source": line,
            },
        ],
        "other_themes": [],
        "chapters": [{"title": "Inleidng", "text": "Dit plan …", "source": line}],
        "frameworks": [
            {"name": "Regionaal beleidsplan 2023-2026", "period": "2023–2026", "source": line},
            {"name": "Coalitieakkoord", "period": "", "source": line},
        ],
        "foreword": {
            "text": "Beste lezer",
            "signer_name": "H. Jager",
            "signer_function": "Burgemeester",
            "source": line,
        },
    }


def _everything_ticked(draft: dict) -> dict:
    answers = {}
    for row in review.rows(draft):
        answers[f"{row['key']}-keep"] = "on"
        answers[f"{row['key']}-parties"] = row["parties"]
        for part in row["focus_areas"] + row["approach"] + row["objectives"]:
            answers[f"{part['key']}-keep"] = "on"
            answers[f"{part['key']}-text"] = part["text"]
    others = review.others(draft)
    for part in others["chapters"] + others["frameworks"]:
        answers[f"{part['key']}-keep"] = "on"
    answers["voorwoord-keep"] = "on"
    return answers


def test_all_ticked_is_the_draft_as_read():
    draft = _draft()
    reviewed = review.apply(draft, _everything_ticked(draft))
    assert [p["title"] for p in reviewed["priorities"]] == [p["title"] for p in draft["priorities"]]
    assert reviewed["priorities"][0]["approach"] == draft["priorities"][0]["approach"]
    assert reviewed["chapters"] == draft["chapters"]
    assert reviewed["foreword"]["signer_name"] == "H. Jager"


def test_a_priority_merged_into_another_gives_it_its_parts_and_parties():
    draft = _draft()
    answers = _everything_ticked(draft) | {"p1-into": "p0"}
    reviewed = review.apply(draft, answers)
    titles = [p["title"] for p in reviewed["priorities"]]
    assert titles == ["Ondermijning", "Jeugd"]
    merged = reviewed["priorities"][0]
    assert [a["title"] for a in merged["focus_areas"]] == ["Drugs", "Witwassen"]
    assert merged["approach"][-1] == "Controles bij bedrijven"
    assert len(merged["approach_sources"]) == len(merged["approach"])
    assert merged["parties"] == ["Politie", "RIEC"]


def test_merges_follow_a_chain_and_a_circle_is_left_undone():
    draft = _draft()
    chained = review.apply(draft, _everything_ticked(draft) | {"p0-into": "p1", "p1-into": "p2"})
    assert [p["title"] for p in chained["priorities"]] == ["Jeugd"]
    assert [a["title"] for a in chained["priorities"][0]["focus_areas"]] == ["Drugs", "Witwassen"]
    circle = review.apply(draft, _everything_ticked(draft) | {"p0-into": "p1", "p1-into": "p0"})
    assert len(circle["priorities"]) == 3
    into_dropped = _everything_ticked(draft) | {"p0-into": "p2"}
    del into_dropped["p2-keep"]
    kept = review.apply(draft, into_dropped)
    assert [p["title"] for p in kept["priorities"]] == [
        "Ondermijning",
        "Ondermijnende criminaliteit",
    ]


def test_a_line_cut_in_two_is_joined_to_the_one_above():
    draft = _draft()
    reviewed = review.apply(draft, _everything_ticked(draft) | {"p0-a1-join": "on"})
    approach = reviewed["priorities"][0]["approach"]
    assert approach == ["Samen met de RIEC informatie delen", "Bibob toepassen"]
    assert len(reviewed["priorities"][0]["approach_sources"]) == 2


def test_chapters_frameworks_and_the_voorwoord_are_taken_in_as_corrected():
    draft = _draft()
    answers = _everything_ticked(draft) | {
        "h0-title": "Inleiding",
        "h0-text": "Dit plan beschrijft …",
        "k0-name": "Regionaal beleidsplan politie Oost-Nederland",
        "k0-period": "2023–2026",
        "voorwoord-text": "Beste inwoners,",
        "voorwoord-signer_function": "Burgemeester van Westerveld",
    }
    del answers["k1-keep"]
    reviewed = review.apply(draft, answers)
    assert reviewed["chapters"][0]["title"] == "Inleiding"
    assert reviewed["chapters"][0]["text"] == "Dit plan beschrijft …"
    assert [f["name"] for f in reviewed["frameworks"]] == [
        "Regionaal beleidsplan politie Oost-Nederland"
    ]
    assert reviewed["foreword"]["text"] == "Beste inwoners,"
    assert reviewed["foreword"]["signer_function"] == "Burgemeester van Westerveld"
    assert reviewed["foreword"]["signer_name"] == "H. Jager"
    del answers["voorwoord-keep"]
    assert review.apply(draft, answers)["foreword"] is None


def test_the_parties_no_register_name_goes_by_are_said_as_new():
    from ivp.intake.drafting import Register

    register = Register.of({"Politie": ["politie Oost-Nederland"], "Water-convenant": []})
    named = [*review.named_parties(_draft()), "waterconvenant", "politie oost-nederland"]
    assert register.unknown(named) == ["RIEC"]


def test_a_priority_with_more_objectives_than_approach_lines_is_taken_in_whole():
    draft = _draft()
    draft["priorities"][0]["objectives"] += [{"text": "Meer meldingen", "source": None}] * 4
    reviewed = review.apply(draft, _everything_ticked(draft))
    assert len(reviewed["priorities"][0]["objectives"]) == 5


def test_a_line_is_joined_only_to_the_line_just_above_it_when_that_came_in_too():
    draft = _draft()
    answers = _everything_ticked(draft) | {"p0-a2-join": "on"}
    del answers["p0-a1-keep"]  # the line above is dropped: nothing to join to
    approach = review.apply(draft, answers)["priorities"][0]["approach"]
    assert approach == ["Samen met de RIEC", "Bibob toepassen"]
    moved = _everything_ticked(draft) | {"p0-a1-under": "p2", "p0-a2-join": "on"}
    reviewed = review.apply(draft, moved)  # the line above went to another priority
    assert reviewed["priorities"][0]["approach"] == ["Samen met de RIEC", "Bibob toepassen"]
    assert reviewed["priorities"][2]["approach"] == ["informatie delen"]


def test_typed_parties_are_split_at_commas_only():
    assert review.typed_parties("Bureau Jeugd en Gezin, politie ,") == [
        "Bureau Jeugd en Gezin",
        "politie",
    ]
