"""iCalendar (RFC 5545) files for fairs, so visitors can put them in their calendars."""

import datetime

from django.utils import timezone
from icalendar import Calendar, Event


def calendar_bytes(fairs, request, name):
    """A VCALENDAR with one all-day VEVENT per fair (DTEND is exclusive, hence +1 day)."""
    calendar = Calendar()
    calendar.add("prodid", "-//Trung tam Khuyen cong va XTTM//Hoi cho//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    host = request.get_host()
    stamp = timezone.now()
    for fair in fairs:
        event = Event()
        event.add("uid", f"fair-{fair.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("summary", fair.title)
        event.add("dtstart", fair.start_date)
        event.add("dtend", fair.end_date + datetime.timedelta(days=1))
        event.add("location", ", ".join(p for p in (fair.venue, fair.city, fair.country) if p))
        event.add("url", request.build_absolute_uri(fair.url))
        description = "\n".join(p for p in (fair.intro, fair.organiser) if p)
        if description:
            event.add("description", description)
        calendar.add_component(event)
    return calendar.to_ical()
