"""The sample content of `manage.py load_demo`, kept as JSON files in this folder (see
README.md beside them). The loaders read them with read(); the files hold the facts, the
loaders build from them what is computed (HTML, stream blocks, dates, pictures)."""

import json
from pathlib import Path

FOLDER = Path(__file__).resolve().parent


def read(name):
    """The parsed content of `<name>.json`."""
    with (FOLDER / f"{name}.json").open(encoding="utf-8") as file:
        return json.load(file)
