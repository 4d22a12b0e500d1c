from .importer import ENTITIES, CatalogImporter
from .reader import COLUMNS, ImportFailed

__all__ = ["COLUMNS", "ENTITIES", "CatalogImporter", "ImportFailed"]
