"""Bold, italic, links and footnotes in the text a coordinator writes: typed in a plain text
box, shown in the preview, and in the three documents as each format has them (Word's own
footnotes, footnotes at the foot of the PDF's page, a list of notes at the chapter's end on
screen)."""

import io
import shutil
import zipfile

import pytest
from lxml import etree

from ivp.planning.models import Chapter
from ivp.planning.policy.services.plan import plan_new_version
from ivp.reports import services
from ivp.reports.document import Document, Paragraph, text_blocks
from ivp.reports.rich_text import Run, rich, vague_links
from tests.conftest import client_for

from .reading import docx_file, html_tree, libreoffice_pdf, pdf_reader, words

CBS = "https://www.cbs.nl/nl-nl/visualisaties/veiligheidsmonitor"
NOTE = "Bron: CBS, Veiligheidsmonitor 2023, tabel slachtofferschap."
VOORWOORD = (
    "Wij zetten **vier prioriteiten** centraal, zoals de raad vroeg.^[" + NOTE + "]\r\n\r\n"
    f"De cijfers staan op [de Veiligheidsmonitor van het CBS]({CBS}).\r\n\r\n"
    "- *ondermijning* in het buitengebied\r\n"
    "- jeugd^[Zie ook het jeugdbeleid 2024.]"
)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_bold_italic_and_links_are_runs_and_notes_are_numbered_through_the_document():
    document = Document(kind="ivp", title="t", municipality="m", code="GM0000", year=2026)
    first = text_blocks("Dit is **vet** en *schuin*, met [het CBS](https://cbs.nl).^[Eén.]",
                        written_in=document)  # fmt: skip
    second = text_blocks("- een punt^[Twee, met [een bron](www.politie.nl).]",
                         written_in=document)  # fmt: skip
    text = first[0].text
    assert text == "Dit is vet en schuin, met het CBS."  # as a str: the words without the notes
    assert Run("vet", bold=True) in text.runs
    assert Run("schuin", italic=True) in text.runs
    assert Run("het CBS", href="https://cbs.nl") in text.runs
    assert [n.note for n in text.notes] == [1]
    note = second[0].items[0].notes[0]
    assert note.note == 2  # numbered on from the chapter before
    assert Run("een bron", href="https://www.politie.nl") in note.note_text


def test_raw_html_and_links_that_are_no_web_address_stay_text():
    said = rich("<b>x</b> [klik](javascript:alert(1)) [map](file:///etc/passwd)", lambda: 1)
    assert all(not r.href and not r.bold for r in said.runs)
    assert "<b>x</b>" in said
    assert "javascript:alert(1)" in said


def test_a_plan_field_stays_plain_text():
    """Only the coordinator's prose for the document is read for markup: a mission with
    asterisks from an old plan keeps them."""
    [paragraph] = text_blocks("Veilig is **iedereen**")
    assert isinstance(paragraph, Paragraph) and paragraph.text == "Veilig is **iedereen**"


def test_link_texts_that_do_not_say_where_they_go_are_named():
    assert vague_links(rich("Zie [hier](https://a.nl) en [de monitor](https://b.nl).", int)) == [
        "hier"
    ]


@pytest.fixture
def voorwoord(westerveld_plan):
    """A draft of Westerveld's IVP whose voorwoord the coordinator wrote with bold, italic, a
    link and two footnotes, on the chapter page."""
    draft = plan_new_version(plan=westerveld_plan)
    client = client_for("coordinator.westerveld")
    page = f"/gemeenten/GM1701/documenten/ivp/{draft.start_year}/hoofdstukken/"
    assert client.post(page, {"overnemen": "1"}).status_code == 302
    chapter = Chapter.objects.get(policy_plan=draft, document="ivp", key="voorwoord")
    answer = client.post(
        f"{page}{chapter.pk}/",
        {"title": chapter.title, "included": "on", "body": VOORWOORD,
         "lock_version": chapter.lock_version},
    )  # fmt: skip
    assert answer.status_code == 302
    return draft


@pytest.mark.django_db
def test_the_preview_and_the_html_show_bold_links_and_the_notes_at_the_chapters_end(voorwoord):
    client = client_for("coordinator.westerveld")
    chapter = Chapter.objects.get(policy_plan=voorwoord, document="ivp", key="voorwoord")
    page = f"/gemeenten/GM1701/documenten/ivp/{voorwoord.start_year}/hoofdstukken/{chapter.pk}/"
    asked = {"title": "Voorwoord", "body": VOORWOORD, "voorbeeld": "1", "lock_version": 1}
    preview = html_tree(client.post(page, asked).content)
    made = services.make("ivp", voorwoord.municipality, 2023, "html", plan=voorwoord).content
    for tree in (preview, html_tree(made)):
        assert "vier prioriteiten" in [s.text for s in tree.iterfind(".//strong")]
        [link] = [a for a in tree.iterfind(".//a") if a.get("href") == CBS]
        assert link.text_content() == "de Veiligheidsmonitor van het CBS"
        call = tree.find(".//sup/a")
        assert call.get("href") == "#noot-1" and call.text == "1"
        notes = tree.find(".//aside[@aria-label='Voetnoten bij Voorwoord']")
        assert [li.text_content() for li in notes.iterfind(".//li")] == [
            NOTE,
            "Zie ook het jeugdbeleid 2024.",
        ]


@pytest.mark.django_db
def test_the_pdf_sets_each_note_at_the_foot_of_the_page_that_calls_it(voorwoord):
    content = services.make("ivp", voorwoord.municipality, 2023, "pdf", plan=voorwoord).content
    reader = pdf_reader(content)
    pages = [words(page.extract_text() or "") for page in reader.pages]
    [number] = [n for n, text in enumerate(pages) if "vier prioriteiten centraal" in text]
    text = pages[number]
    # the note once, below the text that calls it; the on-screen list is not printed
    assert sum(words(NOTE) in t for t in pages) == 1
    assert text.index(words(NOTE)) > text.index("jeugd")
    uris = [
        a.get_object()["/A"].get("/URI")
        for a in reader.pages[number].get("/Annots", [])
        if "/A" in a.get_object()
    ]
    assert CBS in uris


def _voorwoord_docx(voorwoord) -> bytes:
    return services.make("ivp", voorwoord.municipality, 2023, "docx", plan=voorwoord).content


@pytest.mark.django_db
def test_word_gets_its_own_footnotes_bold_runs_and_hyperlinks(voorwoord):
    content = _voorwoord_docx(voorwoord)
    document = docx_file(content)
    [paragraph] = [p for p in document.paragraphs if p.text.startswith("Wij zetten")]
    assert [r.text for r in paragraph.runs if r.bold] == ["vier prioriteiten"]
    references = paragraph._p.findall(f".//{W}footnoteReference")
    assert [r.get(f"{W}id") for r in references] == ["1"]
    [link] = next(p for p in document.paragraphs if "Veiligheidsmonitor" in p.text).hyperlinks
    assert link.address == CBS and link.text == "de Veiligheidsmonitor van het CBS"
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        notes = etree.fromstring(package.read("word/footnotes.xml"))
        settings = package.read("word/settings.xml").decode()
    said = {
        n.get(f"{W}id"): "".join(n.itertext()).strip()
        for n in notes.iterfind(f"{W}footnote")
        if n.get(f"{W}type") is None
    }
    assert said == {"1": NOTE, "2": "Zie ook het jeugdbeleid 2024."}
    assert "footnotePr" in settings  # Word finds its separators
    assert "Footnote Text" in [s.name for s in document.styles]


@pytest.mark.slow
@pytest.mark.django_db
def test_libreoffice_sets_words_footnotes_at_the_foot_of_the_page(voorwoord, tmp_path):
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice (soffice) is not installed: scripts/system-deps.sh installs it")
    docx = tmp_path / "ivp.docx"
    docx.write_bytes(_voorwoord_docx(voorwoord))
    reader = pdf_reader(libreoffice_pdf(docx, tmp_path).read_bytes())
    pages = [words(page.extract_text() or "") for page in reader.pages]
    [text] = [t for t in pages if "vier prioriteiten centraal" in t]
    assert text.index(words(NOTE)) > text.index("jeugd")
