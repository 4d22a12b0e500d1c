"""A backend for Wagtail's sendfile (SENDFILE_BACKEND) behind nginx: the app decides whether
a document or image may be served and answers with `X-Accel-Redirect`; nginx then sends the
file from MEDIA_ROOT through an `internal` location (MEDIA_ACCEL_REDIRECT_URL), so no worker
spends its time copying bytes and no file is reachable without the app's answer."""

from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.http import HttpResponse


def sendfile(request, filename, **kwargs):
    relative = Path(filename).resolve().relative_to(Path(settings.MEDIA_ROOT).resolve())
    response = HttpResponse()
    response["X-Accel-Redirect"] = settings.MEDIA_ACCEL_REDIRECT_URL + quote(relative.as_posix())
    return response
