"""The years the catalog speaks of, declared once: certifications, bulletins, results, the
draft-bulletin form, the importer, the API filters and the year facet all use this range."""

from django.core.validators import MaxValueValidator, MinValueValidator

FIRST_YEAR = 1990
LAST_YEAR = 2100


def year_validators():
    """The model validators for a year field. Validators serialize by value, so sharing them
    changes no migration."""
    return [MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]


def is_year(value):
    return isinstance(value, int) and FIRST_YEAR <= value <= LAST_YEAR


def years_newest_first():
    return range(LAST_YEAR, FIRST_YEAR - 1, -1)
