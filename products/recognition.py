"""A recognition's state from its dates, and the random codes of its verification page.

Pure functions (no models), so that the state is worked out the same way wherever a
recognition is shown: the product page, the cards, the API and the verification page."""

import datetime
import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Base32 without the letters a reader mixes up with digits (I, O) and the digits mixed up
# with letters (0, 1): 32 symbols, 5 bits each, so 10 of them are 50 bits.
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_LENGTH = 10
# Longest text a lookup reads from the URL: more is cut, never refused, so a long or odd
# code costs the same one query as a real one.
CODE_READ_LIMIT = 16


class RecognitionState(models.TextChoices):
    VALID = "valid", _("Valid")
    EXPIRED = "expired", _("Expired")
    NO_EXPIRY = "no_expiry", _("No expiry date")
    REVOKED = "revoked", _("Revoked")


def state_of(expires_on, revoked_on=None, today=None):
    """Revoked wins; otherwise a recognition is valid through its expiry day itself."""
    if revoked_on:
        return RecognitionState.REVOKED
    if expires_on is None:
        return RecognitionState.NO_EXPIRY
    if isinstance(expires_on, str):
        expires_on = datetime.date.fromisoformat(expires_on)
    today = today or timezone.localdate()
    return RecognitionState.VALID if today <= expires_on else RecognitionState.EXPIRED


def new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalised_code(text):
    """The form codes are stored in: upper case, cut to a bounded length. Never rejects: a
    NUL (which PostgreSQL refuses in a query) becomes a character no code holds."""
    return str(text)[:CODE_READ_LIMIT].strip().upper().replace("\x00", "\ufffd")
