from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap
from wagtail.documents import urls as wagtaildocs_urls

from catalog.base.api import CatalogAPI, no_such_endpoint
from catalog.home.views import sitemap_page
from fairs.api import router as fairs_router
from products.api import producers_router, products_router, trademarks_router
from search.api import router as search_router
from search.views import search_page

api = CatalogAPI(
    title="Certified rural industrial products catalog",
    version="1",
    description="Read-only access to published products, producers, trademarks and fairs.",
    urls_namespace="api-v1",
    openapi_url="/openapi.json",
    docs_url="/docs",
)
api.add_router("/products", products_router)
api.add_router("/producers", producers_router)
api.add_router("/trademarks", trademarks_router)
api.add_router("/fairs", fairs_router)
api.add_router("", search_router)

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", api.urls),
    re_path(r"^api/v1/", no_such_endpoint),
    path("i18n/setlang/", set_language, name="set_language"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": Sitemap}}),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("tim-kiem/", search_page, name="search"),
    path("lien-he/", include("products.urls")),
    path("so-do-trang/", sitemap_page, name="sitemap_page"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
