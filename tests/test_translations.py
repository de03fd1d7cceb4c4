"""Everything a user reads is Dutch: the nl catalogue is complete and compiled."""

import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import client_for

CATALOGUE = Path(__file__).resolve().parents[1] / "src" / "ivp" / "locale" / "nl" / "LC_MESSAGES"


def test_the_nl_catalogue_has_no_untranslated_or_fuzzy_entries():
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(CATALOGUE / "django.po")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


def test_the_compiled_catalogue_is_up_to_date():
    assert (CATALOGUE / "django.mo").stat().st_mtime >= (
        CATALOGUE / "django.po"
    ).stat().st_mtime - 1


ENGLISH_GIVEAWAYS = re.compile(
    r">\s*(Municipalities|Log in|Regions|Safety fields|Source|Inhabitants|Workspace)\b"
)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("username", "url"),
    [
        (None, "/"),
        (None, "/gemeenten/"),
        (None, "/gemeenten/GM1708/"),
        (None, "/regios/"),
        (None, "/taxonomie/"),
        (None, "/inloggen/"),
        ("coordinator.westerveld", "/gemeenten/GM1701/werkruimte/"),
        ("coordinator.westerveld", "/gemeenten/GM1701/themas/bewerken/"),
        ("coordinator.westerveld", "/gemeenten/GM1701/audit/"),
        ("beheerder", "/regios/nieuw/"),
    ],
)
def test_pages_read_dutch(username, url):
    page = client_for(username).get(url).content.decode()
    assert '<html lang="nl"' in page
    assert not ENGLISH_GIVEAWAYS.search(page), ENGLISH_GIVEAWAYS.search(page).group(0)
    assert "Bron" in page or url in (
        "/inloggen/",
        "/regios/nieuw/",
        "/gemeenten/GM1701/themas/bewerken/",
    )


@pytest.mark.django_db
def test_a_browser_asking_for_english_still_gets_dutch():
    page = (
        client_for(None).get("/gemeenten/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    )
    assert '<html lang="nl"' in page and ">Gemeenten</h1>" in page


def test_every_translatable_string_in_the_code_is_in_the_catalogue(tmp_path):
    """makemessages on a copy of the source finds nothing the committed catalogue lacks."""
    import os
    import shutil
    import sys

    copy = tmp_path / "ivp"
    shutil.copytree(
        CATALOGUE.parents[2], copy, ignore=shutil.ignore_patterns("__pycache__", "static")
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ivp.conf.settings",
        "IVP_VAR_DIR": str(tmp_path / "var"),
    }
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "nl", "--no-obsolete"],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
    )
    result = subprocess.run(
        [
            "msgfmt",
            "--statistics",
            "-o",
            "/dev/null",
            str(copy / "locale/nl/LC_MESSAGES/django.po"),
        ],
        capture_output=True,
        text=True,
    )
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr
