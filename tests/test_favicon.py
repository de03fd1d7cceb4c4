"""Every page names ivp's icon, and the address browsers ask for by themselves leads to it."""

import pytest

from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_pages_link_the_icon_and_favicon_ico_leads_to_it():
    client = client_for(None)
    page = client.get("/gemeenten/").content.decode()
    assert '<link rel="icon" href="/static/web/favicon.svg" type="image/svg+xml">' in page
    asked = client.get("/favicon.ico")
    assert asked.status_code == 301
    assert asked["Location"] == "/static/web/favicon.svg"
    icon = client.get(asked["Location"])
    assert icon.status_code == 200
    assert b"<svg" in b"".join(icon.streaming_content if icon.streaming else [icon.content])
