"""The language an e-mail to a person is written in: the one they chose in their admin
account (Wagtail's UserProfile.preferred_language), else the site's own (Vietnamese), never
the language of whoever happened to cause the e-mail."""

from django.conf import settings


def recipient_language(user):
    """For an account; for an address without one (a producer's public e-mail), use
    settings.LANGUAGE_CODE directly."""
    from wagtail.users.models import UserProfile

    if user is None:
        return settings.LANGUAGE_CODE
    profile = UserProfile.objects.filter(user=user).first()
    return (profile and profile.preferred_language) or settings.LANGUAGE_CODE


def pin_language(user):
    """Record the site's language on an account that chose none, so that Wagtail's own
    notifications (which otherwise follow whoever's request sent them) reach it in it too."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    if not profile.preferred_language:
        profile.preferred_language = settings.LANGUAGE_CODE
        profile.save(update_fields=["preferred_language"])
    return profile.preferred_language
