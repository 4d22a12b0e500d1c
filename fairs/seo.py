"""schema.org description of a trade fair (catalog.base.seo)."""

from catalog.base.seo import describes, description_of, image_object

from .models import FairPage


@describes(FairPage)
def fair(page, request):
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "url": page.get_full_url(request),
        "startDate": page.start_date.isoformat(),
        "endDate": page.end_date.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {
            "@type": "Place",
            "name": page.venue,
            "address": {
                "@type": "PostalAddress",
                "addressLocality": page.city,
                "addressCountry": page.country,
            },
        },
    }
    if description_of(page):
        data["description"] = description_of(page)
    if page.organiser:
        data["organizer"] = {"@type": "Organization", "name": page.organiser}
    picture = next(iter(page.gallery_images.all()), None)
    if picture:
        data["image"] = image_object(request, picture.image)["url"]
    return data
