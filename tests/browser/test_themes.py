"""A coordinator gives a national theme the municipality's own name; the change shows
on the themes page and in the audit trail (wijzigingslog), under the coordinator's name."""

from __future__ import annotations

import re
import uuid

import pytest

from .support import COORDINATOR, check_page, visit

pytestmark = pytest.mark.browser

EDIT = "/gemeenten/GM1701/themas/bewerken/"


def test_coordinator_renames_a_theme(page_for):
    page = page_for(COORDINATOR)
    visit(page, EDIT)
    new_name = f"Eigen thema {uuid.uuid4().hex[:8]}"

    # The first national theme's row: its own-name box and its save button.
    row = page.locator("tbody tr").filter(has=page.locator("input[name=name]")).first
    national_name = row.get_by_role("rowheader").inner_text().strip()
    row.locator("input[name=name]").fill(new_name)
    with page.expect_navigation() as navigation:
        row.locator("button[type=submit]").click()
    check_page(page, navigation.value)
    assert page.url.split("?")[0].endswith(EDIT)

    message = page.get_by_role("status").filter(has_text=national_name)
    assert message.count() == 1, page.get_by_role("status").all_inner_texts()
    text = message.inner_text()
    assert re.search(r"opgeslagen|bewaard", text, re.IGNORECASE), text
    assert "saved" not in text.lower(), text

    # The edit page keeps the new name in that row's box.
    assert page.locator("input[name=name]").first.input_value() == new_name

    # The themes page shows the new name, with the national name beside it.
    visit(page, "/gemeenten/GM1701/themas/")
    item = page.locator("li").filter(has_text=new_name)
    assert item.count() == 1
    assert national_name in item.inner_text()

    # The audit trail records who changed what.
    visit(page, "/gemeenten/GM1701/audit/")
    assert "wijzigingslog" in page.locator("h1").inner_text().lower()
    entry = page.locator("tbody tr").filter(has_text=new_name)
    assert entry.count() >= 1, "renamed theme missing from the audit trail"
    cells = entry.first.get_by_role("cell").all_inner_texts()
    assert "coordinator.westerveld" in [c.strip() for c in cells], cells
