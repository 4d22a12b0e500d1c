from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from catalog.base import seo
from catalog.base.api import CatalogAPI, no_such_endpoint
from catalog.home.views import sitemap_page
from fairs.api import router as fairs_router
from products.api import producers_router, products_router, trademarks_router
from products.public_files import serve_image_file
from products.verification import verify, verify_qr
from search.api import router as search_router
from search.views import catalog_pdf, catalog_pdf_download, catalog_pdf_status, search_page

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
    # Images' originals and renditions; documents are served at documents/ above.
    re_path(
        rf"^{settings.MEDIA_URL.strip('/')}/(?P<name>(?:original_images|images)/[^/]+)$",
        serve_image_file,
        name="image_file",
    ),
    path("api/v1/", api.urls),
    re_path(r"^api/v1/", no_such_endpoint),
    path("i18n/setlang/", set_language, name="set_language"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": seo.CatalogSitemap}}, name="sitemap"),
    path("robots.txt", seo.robots_txt, name="robots_txt"),
    path("favicon.ico", seo.favicon),
]

urlpatterns += i18n_patterns(
    path("tim-kiem/", search_page, name="search"),
    path("tim-kiem/danh-muc/", catalog_pdf, name="catalog_pdf"),
    path("tim-kiem/danh-muc/<str:key>/", catalog_pdf_status, name="catalog_pdf_status"),
    path("tim-kiem/danh-muc/<str:key>/tai-ve/", catalog_pdf_download, name="catalog_pdf_download"),
    path("lien-he/", include("products.urls")),
    # Printed on labels as a QR code: short, and never to change.
    path("xac-minh/<str:code>/qr.<str:fmt>", verify_qr, name="verify_qr"),
    path("xac-minh/<path:code>/", verify, name="verify"),
    path("so-do-trang/", sitemap_page, name="sitemap_page"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
