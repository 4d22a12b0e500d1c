"""The house rule, checked on the source: each app imports only the apps below it, and
reaches no model above it by a "label.Model" string or apps.get_model either."""

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)

# Lowest first. An app may use itself and anything before it in this list.
LAYERS = [
    ("catalog.base", "base"),
    ("products", "products"),
    ("fairs", "fairs"),
    ("search", "catalog_search"),
    ("catalog.home", "home"),
    ("catalog.demo", "demo"),
]
RANK = {package: rank for rank, (package, _label) in enumerate(LAYERS)}
LABEL_RANK = {label: rank for rank, (_package, label) in enumerate(LAYERS)}
MODEL_STRING = re.compile(r"""["']([a-z_]+)\.([A-Z]\w+)["']""")


def package_of(module):
    """The app a dotted module name belongs to; "catalog" alone is the project package."""
    for package, _label in LAYERS:
        if module == package or module.startswith(package + "."):
            return package
    return "catalog" if module == "catalog" or module.startswith("catalog.") else None


def app_files(root, package):
    folder = root.joinpath(*package.split("."))
    return [p for p in folder.rglob("*.py") if "migrations" not in p.parts]


def imported_modules(root, path):
    """Absolute names of the modules a file imports (relative imports resolved)."""
    module = ".".join(path.relative_to(root).with_suffix("").parts)
    here = module.split(".")
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - node.level]
                yield ".".join([*base, node.module] if node.module else base)
            else:
                yield node.module


def violations(root=ROOT):
    found = []
    for package, rank in RANK.items():
        for path in app_files(root, package):
            name = path.relative_to(root)
            for module in imported_modules(root, path):
                target = package_of(module)
                if target == "catalog" or (target and RANK[target] > rank):
                    found.append(f"{name} imports {module}")
            text = path.read_text(encoding="utf-8")
            for label, model in MODEL_STRING.findall(text):
                if LABEL_RANK.get(label, -1) > rank:
                    found.append(f"{name} names {label}.{model}")
            if "get_model(" in text:
                found.append(f"{name} calls apps.get_model")
    return found


def test_every_app_imports_only_the_apps_below_it():
    assert violations() == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from catalog.home.models import HomePage\n", "imports catalog.home.models"),
        ("from fairs import models\n", "imports fairs"),
        ("import search.index\n", "imports search.index"),
        ('parent_page_types = ["home.HomePage"]\n', "names home.HomePage"),
        ('apps.get_model("fairs", "FairPage")\n', "calls apps.get_model"),
        ("from catalog.urls import api\n", "imports catalog.urls"),
    ],
)
def test_the_check_sees_an_upward_reach(tmp_path, source, expected):
    """The rule above is only worth something if it can fail: a tree whose products app
    reaches upwards, and one whose products app only reaches down."""
    (tmp_path / "products").mkdir()
    (tmp_path / "products" / "reach.py").write_text(source, encoding="utf-8")
    assert [line for line in violations(tmp_path) if expected in line]
    (tmp_path / "products" / "reach.py").write_text(
        "from catalog.base.models import BasePage\nfrom . import models\n", encoding="utf-8"
    )
    assert violations(tmp_path) == []
