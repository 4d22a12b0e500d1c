"""Certifications in words for cards, the product header and the API: scheme, level, year,
OCOP stars and state, with every year shown once."""

from django.urls import reverse
from django.utils.translation import ngettext

from .models.certifications import LEVEL_RANK, CertificationLevel, CertificationScheme
from .recognition import RecognitionState, state_of


def _facts(certification):
    return certification if isinstance(certification, dict) else certification.facts()


def described(certification, today=None):
    """A certification's facts (a model or the dict of `Certification.facts`) with its
    labels in the active language and its state as of today."""
    facts = _facts(certification)
    state = state_of(facts.get("expires_on"), facts.get("revoked_on"), today)
    stars = facts.get("ocop_stars")
    return {
        **facts,
        "scheme_label": str(CertificationScheme(facts["scheme"]).label),
        "level_label": str(CertificationLevel(facts["level"]).label),
        "stars_label": ngettext("%(n)s star", "%(n)s stars", stars) % {"n": stars} if stars else "",
        "stars_symbols": "★" * (stars or 0),
        "state": state.value,
        "state_label": str(state.label),
        "in_force": state in (RecognitionState.VALID, RecognitionState.NO_EXPIRY),
    }


def newest_first(certifications):
    return sorted(
        certifications,
        key=lambda c: (_facts(c)["year"], LEVEL_RANK[_facts(c)["level"]]),
        reverse=True,
    )


def by_year(certifications, today=None):
    """[(year, [described, ...]), ...], newest year first: a card says "2020" once even
    when a product holds a provincial and an OCOP recognition of that year."""
    groups = {}
    for certification in newest_first(certifications):
        item = described(certification, today)
        groups.setdefault(item["year"], []).append(item)
    return list(groups.items())


def badge_text(item):
    """One recognition in words, for an alt text or a label: "OCOP · 4 stars · 2021 (expired)"."""
    parts = [item["scheme_label"], item["level_label"]]
    if item["stars_label"]:
        parts.append(item["stars_label"])
    text = " · ".join([*parts, str(item["year"])])
    if not item["in_force"]:
        text += f" ({item['state_label'].lower()})"
    return text


def api_item(certification, today=None):
    """A recognition in the API item: facts, words and state as of today. It takes its own
    output too, so a search payload built at index time is brought up to date when served."""
    item = described(certification, today)
    return {
        "scheme": item["scheme"],
        "scheme_label": item["scheme_label"],
        "level": item["level"],
        "level_label": item["level_label"],
        "year": item["year"],
        "ocop_stars": item["ocop_stars"],
        "expires_on": item["expires_on"],
        "revoked_on": item["revoked_on"],
        "state": item["state"],
        "state_label": item["state_label"],
        "code": item.get("code"),
        "verification_url": reverse("verify", args=[item["code"]]) if item.get("code") else None,
    }


def refreshed(certifications, today=None):
    return [api_item(c, today) for c in certifications]
