"""A plan as municipalities write it, entered in a real browser and read back everywhere.

The beheerder writes Midden-Drenthe's plan (a Zuidwest-Drenthe member without a plan in the
demo): four priorities, one with three speerpunten and a regional priority worked on inside
one of them, an objective that keeps a survey score at least where it is, an output counted
per year, two themes in one priority, parties with a parenthesis and one typed by another name
the register knows, a description with a paragraph and a list; removes a speerpunt, moves a priority up, adopts with confirmation.
Then the page, `ivp plan --format json` and the PDF, DOCX and HTML documents hold all of it, in
order, with the paragraphs and the list intact."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ..reports.reading import docx_file, html_tree, pdf_text, words
from .support import BEHEERDER, check_page, visit

pytestmark = pytest.mark.browser

CODE = "GM1731"
PLAN_TITLE = "Integraal Veiligheidsplan Midden-Drenthe 2027–2030"
PRIORITIES = [
    "Ondermijning tegengaan",
    "Fysieke veiligheid",
    "Overlast in de buurt",
    "Digitaal weerbaar",
]
SPEERPUNTEN = ["Weerbare ondernemers", "Een sterke informatiepositie", "Een veilig buitengebied"]
DESCRIPTION = (
    "Ondermijning raakt ook onze kernen.\r\n\r\n"
    "We letten in het bijzonder op:\r\n"
    "- loodsen in het buitengebied\r\n"
    "- vastgoed dat snel van eigenaar wisselt"
)
PARTIES = "Gemeente, Veiligheidsregio Drenthe (brandweer, GHOR), RIEC Noord"
EDIT_PLAN = "Missie, visie, kaders en andere onderdelen bewerken"
PARTY_NAMES = ["Gemeente", "Veiligheidsregio Drenthe (brandweer, GHOR)", "RIEC Noord"]


def _submit(page, button: str) -> None:
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name=button, exact=True).click()
    check_page(page, navigation.value)


def _follow(page, name: str) -> None:
    with page.expect_navigation() as navigation:
        page.get_by_role("link", name=name, exact=True).first.click()
    check_page(page, navigation.value)


def _add_priority(page, title: str, *, theme: str, more=(), description="", parties="") -> None:
    _follow(page, "Prioriteit toevoegen")
    page.get_by_label("Titel").fill(title)
    page.get_by_label("Thema", exact=True).select_option(label=theme)
    for label in more:
        page.get_by_label(label).check()
    page.get_by_label("Omschrijving").fill(description)
    page.get_by_label("Partijen").fill(parties)
    _submit(page, "Opslaan")


def _add_objective(page, priority: str, *, text: str, fields: dict, speerpunt: str = "") -> None:
    _follow(page, f"Doelstelling toevoegen ({speerpunt or priority})")
    page.get_by_label("Doelstelling", exact=True).fill(text)
    for label, value in fields.items():
        field = page.get_by_label(label, exact=True)
        if value is True:
            field.check()
        elif field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    _submit(page, "Opslaan")


def _titles(page, level: str) -> list[str]:
    return [t.strip() for t in page.locator(f"main {level}").all_inner_texts()]


def _document(page, kind: str, button: str, tmp_path: Path) -> bytes:
    visit(page, f"/gemeenten/{CODE}/documenten/{kind}/2027/")
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile(f"^{button}")).first.click()
    ready = page.get_by_role("link", name=re.compile(r"^Download integraal-veiligheidsplan-"))
    ready.last.wait_for(timeout=90_000)
    with page.expect_download() as download:
        ready.last.click()
    return Path(download.value.path()).read_bytes()


def test_a_real_plan_goes_in_as_written_and_comes_out_everywhere(page_for, ivp_cli, tmp_path):
    page = page_for(BEHEERDER)
    visit(page, f"/gemeenten/{CODE}/veiligheidsplan/")
    page.get_by_label("Titel").fill(PLAN_TITLE)
    page.get_by_label("Eerste jaar").fill("2027")
    page.get_by_label("Laatste jaar").fill("2030")
    _submit(page, "Conceptplan aanmaken")

    # Four priorities: the first with a typed paragraph and list and parties with a comma
    # inside parentheses; the second covers two themes.
    _add_priority(
        page,
        PRIORITIES[0],
        theme="Integriteit en veiligheid: Ondermijning",
        description=DESCRIPTION,
        parties=PARTIES,
    )
    _add_priority(
        page,
        PRIORITIES[1],
        theme="Fysieke veiligheid: Brandveiligheid",
        more=["Fysieke veiligheid: Rampenbestrijding en crisisbeheersing"],
    )
    # The register knows another name of RIEC Noord; typed in lower case it lands on the party,
    # and the plan keeps writing it as typed.
    visit(page, f"/gemeenten/{CODE}/partijen/")
    _follow(page, "Soort en andere namen (RIEC Noord)")
    page.get_by_label("Andere namen").fill("RIEC Noord-Nederland")
    _submit(page, "Opslaan")
    visit(page, f"/gemeenten/{CODE}/veiligheidsplan/")
    _add_priority(
        page,
        PRIORITIES[3],
        theme="Digitale veiligheid: Gedigitaliseerde criminaliteit",
        parties="riec noord-nederland, Politie",
    )
    visit(page, f"/gemeenten/{CODE}/partijen/")
    registered = page.locator("table tbody th").all_inner_texts()
    assert "RIEC Noord" in registered and "riec noord-nederland" not in registered
    visit(page, f"/gemeenten/{CODE}/veiligheidsplan/")
    _add_priority(page, PRIORITIES[2], theme="Veilige woon- en leefomgeving: Sociale kwaliteit")
    # Overlast was entered after Digitaal: moved up, it stands where the plan has it.
    _submit(page, f"Prioriteit {PRIORITIES[2]} omhoog")
    assert [t.split(". ", 1)[1] for t in _titles(page, "h3.utrecht-heading-3")[:4]] == PRIORITIES

    # Three speerpunten in the first priority, and a fourth that is removed again.
    for title in [*SPEERPUNTEN, "Te veel"]:
        _follow(page, f"Speerpunt toevoegen ({PRIORITIES[0]})")
        page.get_by_label("Titel").fill(title)
        page.get_by_label("Middelen").fill("Twee handhavers en € 40.000 per jaar.")
        _submit(page, "Opslaan")
    _follow(page, "Speerpunt verwijderen Te veel")
    assert "Speerpunt „Te veel” verwijderen?" in page.locator("main").inner_text()
    _submit(page, "Verwijderen")

    # The region's priority worked on inside the second speerpunt: no fifth priority.
    _follow(page, f"Regionale prioriteit koppelen ({PRIORITIES[0]})")
    page.get_by_label("Gedeelde regionale prioriteit").select_option(
        label="Minder verwevenheid van onder- en bovenwereld (Zuidwest-Drenthe, 2023–2027)"
    )
    page.get_by_label("Binnen het speerpunt").select_option(label=SPEERPUNTEN[1])
    page.get_by_label("Lokale bijdrage").fill("Wij delen signalen uit de loodsencontroles.")
    _submit(page, "Opslaan")

    # An output per year in a speerpunt, a level kept at least in another priority.
    _add_objective(
        page,
        PRIORITIES[0],
        speerpunt=SPEERPUNTEN[0],
        text="Elk jaar integrale controles bij bedrijven.",
        fields={
            "Soort": "output",
            "Streefwaarde": "12",
            "Per jaar": True,
            "Eenheid": "integrale controles",
        },
    )
    _add_objective(
        page,
        PRIORITIES[2],
        text="Inwoners voelen zich minstens zo veilig als nu.",
        fields={
            "Soort": "effect",
            "Richting": "minstens",
            "Nulmeting": "7,1",
            "Jaar nulmeting": "2022",
        },
    )

    # The linter counts four priorities, the linked regional priority is none of them.
    visit(page, page.url.split("#")[0] + "controle/")
    findings = page.locator("main").inner_text()
    assert "Plan controleren" in findings and "Het plan heeft" not in findings  # four: no warning
    page.go_back()

    # Its own framework, offered to its plan (each page visited is checked with axe).
    visit(page, f"/gemeenten/{CODE}/kaders/")
    _follow(page, "Een eigen kader van de gemeente toevoegen")
    page.get_by_label("Naam").fill("Coalitieakkoord Midden-Drenthe 2026–2030")
    page.get_by_label("Eerste jaar").fill("2026")
    page.get_by_label("Laatste jaar").fill("2030")
    _submit(page, "Opslaan")
    visit(page, "/regios/zuidwest-drenthe/kaders/")
    visit(page, f"/gemeenten/{CODE}/veiligheidsplan/")
    _follow(page, EDIT_PLAN)
    assert page.get_by_label("Coalitieakkoord Midden-Drenthe 2026–2030").count() == 1
    assert page.get_by_label("Coalitieakkoord Westerveld 2022–2026").count() == 0
    visit(page, f"/gemeenten/{CODE}/veiligheidsplan/")

    # Adoption asks first and shows what becomes fixed.
    page.get_by_label("Vastgesteld op").fill("2026-12-15")
    page.get_by_label("Kenmerk besluit").fill("RB 2026-90")
    _submit(page, "Markeren als vastgesteld")
    assert "Prioriteiten (4)" in page.locator("main").inner_text()
    page.get_by_label(re.compile("^Ik bevestig dat dit plan zo is vastgesteld")).check()
    _submit(page, "Plan vaststellen")

    # The page.
    main = page.locator("main")
    text = main.inner_text()
    assert [t.split(". ", 1)[1] for t in _titles(page, "h3.utrecht-heading-3")[:4]] == PRIORITIES
    assert [
        t.split(": ", 1)[1] for t in _titles(page, "h4.utrecht-heading-4") if "Speerpunt" in t
    ] == SPEERPUNTEN
    first = page.locator("section.ivp-priority").first
    assert first.locator("p", has_text="Ondermijning raakt ook onze kernen.").count() == 1
    assert first.locator("li").filter(has_text="loodsen in het buitengebied").count() == 1
    assert "Partijen: " + ", ".join(PARTY_NAMES) in text
    assert "Thema's: Brandveiligheid, Rampenbestrijding en crisisbeheersing" in text
    assert "12 integrale controles per jaar" in text
    assert "minstens 7,1 (nulmeting 2022)" in text
    assert "Minder verwevenheid van onder- en bovenwereld" in text and "Te veel" not in text
    assert "Partijen: riec noord-nederland, Politie" in text  # as the plan writes it

    # `ivp plan --format json`, on the same database.
    data = json.loads(ivp_cli("plan", CODE, "--format", "json"))
    assert data["format_version"] == 2 and data["status"] == "vastgesteld"
    assert [p["title"] for p in data["priorities"]] == PRIORITIES
    first_json = data["priorities"][0]
    assert [f["title"] for f in first_json["focus_areas"]] == SPEERPUNTEN
    assert first_json["parties"] == PARTY_NAMES
    assert data["priorities"][3]["parties"] == ["riec noord-nederland", "Politie"]
    assert first_json["description"] == DESCRIPTION.replace("\r\n", "\n")
    assert first_json["regional_links"][0]["focus_area"] == SPEERPUNTEN[1]
    output = first_json["focus_areas"][0]["objectives"][0]
    assert (output["kind"], output["per_year"], output["target"]["value"]) == ("output", True, 12)
    kept = data["priorities"][2]["objectives"][0]
    assert (kept["kind"], kept["direction"], kept["target"]["value"]) == (
        "effect",
        "minstens",
        None,
    )
    assert data["priorities"][1]["themes"] == [
        "Brandveiligheid",
        "Rampenbestrijding en crisisbeheersing",
    ]

    # The three documents, read as files.
    pdf = pdf_text(_document(page, "ivp", "Maak PDF", tmp_path))
    docx = docx_file(_document(page, "ivp", "Maak Word", tmp_path))
    html = html_tree(_document(page, "ivp", "Maak HTML", tmp_path))
    positions = [pdf.index(words(f"Prioriteit {n}: {t}")) for n, t in enumerate(PRIORITIES, 1)]
    assert positions == sorted(positions)
    assert all(words(f"Speerpunt {n}: {t}") in pdf for n, t in enumerate(SPEERPUNTEN, 1))
    assert words("12 integrale controles per jaar") in pdf
    assert words(", ".join(PARTY_NAMES)) in pdf
    paragraphs = [p.text for p in docx.paragraphs]
    start = paragraphs.index("Ondermijning raakt ook onze kernen.")
    assert paragraphs[start + 1 : start + 4] == [
        "We letten in het bijzonder op:",
        "loodsen in het buitengebied",
        "vastgoed dat snel van eigenaar wisselt",
    ]
    assert docx.paragraphs[start + 2].style.name.startswith("List")
    headings = [h.text_content() for h in html.iterfind(".//h3")]
    assert [h for h in headings if h.startswith("Prioriteit ")] == [
        f"Prioriteit {n}: {t}" for n, t in enumerate(PRIORITIES, 1)
    ]
    items = [li.text_content() for li in html.iterfind(".//li")]
    assert "vastgoed dat snel van eigenaar wisselt" in items

    # One uitvoeringsplan per priority: two start in 2027, each at its own address.
    visit(page, f"/gemeenten/{CODE}/uitvoeringsplan/")
    for priority in (PRIORITIES[0], PRIORITIES[2]):
        page.get_by_label("Jaar", exact=True).fill("2027")
        page.get_by_label(priority, exact=True).check()
        _submit(page, "Uitvoeringsplan aanmaken")
        assert page.locator("h1").inner_text().endswith(f"2027: {priority}")
        visit(page, f"/gemeenten/{CODE}/uitvoeringsplan/")
    listed = page.locator("main li a").all_inner_texts()
    assert [t for t in listed if t.startswith("Uitvoeringsplan")] == [
        f"Uitvoeringsplan integrale veiligheid 2027: {p}" for p in (PRIORITIES[0], PRIORITIES[2])
    ]
    _follow(page, f"Uitvoeringsplan integrale veiligheid 2027: {PRIORITIES[2]}")
    assert page.url.endswith("/uitvoeringsplan/2027-overlast-in-de-buurt/")
    assert PRIORITIES[0] not in page.locator("main").inner_text()
    _follow(page, "het uitvoeringsplan als document")
    assert page.url.endswith("/documenten/uitvoeringsplan/2027-overlast-in-de-buurt/")
    assert f"2027: {PRIORITIES[2]}" in page.locator("main").inner_text()
    # the same priority again in that year is refused, in Dutch, naming the plan
    visit(page, f"/gemeenten/{CODE}/uitvoeringsplan/")
    page.get_by_label("Jaar", exact=True).fill("2027")
    page.get_by_label(PRIORITIES[2], exact=True).check()
    _submit(page, "Uitvoeringsplan aanmaken")
    assert f"{PRIORITIES[2]} is al uitgewerkt in" in page.locator("main").inner_text()
