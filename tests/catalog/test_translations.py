"""The Vietnamese interface is complete: every string has a translation, none is fuzzy."""

import re
import subprocess
from pathlib import Path

from django.conf import settings


def entries(path):
    return Path(path).read_text(encoding="utf-8").split("\n\n")[1:]


def test_every_interface_string_is_translated_into_vietnamese():
    po = Path(settings.BASE_DIR) / "locale" / "vi" / "LC_MESSAGES" / "django.po"
    untranslated = [
        entry.strip().splitlines()[-1]
        for entry in entries(po)
        if re.search(r'^msgstr(\[0\])? ""$', entry.strip(), re.M)
        and not re.search(r'^msgstr(\[0\])? ""\n"', entry.strip(), re.M)
    ]
    fuzzy = [entry for entry in entries(po) if "#, fuzzy" in entry]
    assert untranslated == []
    assert fuzzy == []


def test_the_committed_catalogue_is_compiled_from_the_current_source(tmp_path):
    folder = Path(settings.BASE_DIR) / "locale" / "vi" / "LC_MESSAGES"
    fresh = tmp_path / "django.mo"
    subprocess.run(  # noqa: S603 - fixed arguments
        ["msgfmt", "--check-format", "-o", str(fresh), str(folder / "django.po")],  # noqa: S607
        check=True,
    )
    assert fresh.read_bytes() == (folder / "django.mo").read_bytes(), "run compilemessages"
