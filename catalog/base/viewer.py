"""Who is looking: the signed-in account of the request being answered, for model methods
that Wagtail calls without one (a page's title in the admin)."""

from contextvars import ContextVar

current_user = ContextVar("current_user", default=None)


class ViewerMiddleware:
    """Remembers `request.user` while the request is answered; place after authentication."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_user.set(getattr(request, "user", None))
        try:
            return self.get_response(request)
        finally:
            current_user.reset(token)
