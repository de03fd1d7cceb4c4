"""Typed text read as paragraphs and lists (`ivp.common.plain_text`)."""

from ivp.common.plain_text import ItemList, Paragraph, blocks, normalise


def test_normalise_makes_line_endings_lf_and_trims_lines_and_blank_edges():
    typed = "\r\n\r\nEerste regel  \r\ntweede\rderde\t\r\n\r\n"
    assert normalise(typed) == "Eerste regel\ntweede\nderde"


def test_blank_lines_separate_paragraphs_also_with_crlf():
    typed = "Wij werken samen.\r\n\r\nMet de politie\r\nen de GGD.\r\n"
    assert blocks(typed) == [
        Paragraph("Wij werken samen."),
        Paragraph("Met de politie\nen de GGD."),  # a single newline stays a line break
    ]


def test_dash_star_and_bullet_lines_form_one_list_after_a_paragraph():
    typed = (
        "Onze aanpak richt zich op:\r\n- preventie\r\n* signalering\r\n• handhaving\r\n\r\nDaarna."
    )
    assert blocks(typed) == [
        Paragraph("Onze aanpak richt zich op:"),
        ItemList(("preventie", "signalering", "handhaving")),
        Paragraph("Daarna."),
    ]


def test_numbered_lines_form_an_ordered_list_keeping_the_first_number():
    assert blocks("3. drie\n4) vier") == [ItemList(("drie", "vier"), ordered=True, start=3)]


def test_a_bulleted_and_a_numbered_list_that_touch_stay_two_lists():
    assert blocks("- a\n- b\n1. een") == [
        ItemList(("a", "b")),
        ItemList(("een",), ordered=True),
    ]


def test_an_indented_line_continues_an_item_and_a_plain_line_ends_the_list():
    assert blocks("- eerste punt\n  dat doorloopt\n- tweede\nSlotzin.") == [
        ItemList(("eerste punt\ndat doorloopt", "tweede")),
        Paragraph("Slotzin."),
    ]


def test_prose_that_merely_looks_like_a_list_stays_prose():
    typed = "-geen spatie\n2024. Een jaartal opent de zin.\nEen streepje - midden in de regel."
    assert blocks(typed) == [Paragraph(typed)]


def test_empty_text_has_no_blocks():
    assert blocks("") == []
    assert blocks(" \r\n \r\n") == []
