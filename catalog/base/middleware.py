"""Security headers: the Content-Security-Policy with the admin's exception, and the
Permissions-Policy, for which Django has no setting (django-csp covers only CSP)."""

from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from django.conf import settings
from django.urls import reverse


class CSPMiddleware(BaseCSPMiddleware):
    """django-csp's middleware, adding `settings.ADMIN_CONTENT_SECURITY_POLICY_UPDATE` to the
    policy of the Wagtail admin's pages only (django-csp's documented way to vary the policy
    by path: override `get_policy_parts`). The public site and the API docs keep the strict
    policy."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(reverse("wagtailadmin_home")):
            parts.update = {**settings.ADMIN_CONTENT_SECURITY_POLICY_UPDATE, **(parts.update or {})}
        return parts


class PermissionsPolicyMiddleware:
    """Adds `settings.PERMISSIONS_POLICY` to every response that does not set its own, so a
    page (or anything injected into it) cannot ask for the camera, the microphone, the
    location and the like, which no page of the site needs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "PERMISSIONS_POLICY", "")
        if policy:
            response.headers.setdefault("Permissions-Policy", policy)
        return response
