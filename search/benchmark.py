"""The search benchmark: generated products, index rebuild time, and p50/p95 latency of
/api/v1/search over real HTTP on loopback, per backend, for a fixed query mix."""

import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request

from django.conf import settings
from django.db import transaction
from wagtail.signal_handlers import disable_reference_index_auto_update

from products.models import Category, Certification, ProducerPage, ProductPage
from search.signal_handlers import search_auto_update_paused

# A fixed mix: plain words, no diacritics, old tone placement, half words, a typo, facets.
QUERY_MIX = [
    {"q": "vai thieu"},
    {"q": "mỳ chũ"},
    {"q": "mi chu", "level": "provincial"},
    {"q": "gốm"},
    {"q": "ruou lang van"},
    {"q": "mây tre đan", "district": "viet-yen"},
    {"q": "banh da"},
    {"q": "che hoà"},
    {"q": "may tuot lua"},
    {"q": "thieu", "sort": "newest"},
    {"q": "nuoc mam"},
    {"q": "chu"},
    {"q": "dac san", "year": "2016"},
    {"q": "gạo"},
    {"q": "thiue"},
    {},
    {"level": "national"},
    {"category": "che-bien-nong-lam-thuy-san", "page": "2", "page_size": "1"},
]

WORDS = [
    "Bánh",
    "Mỳ",
    "Rượu",
    "Gốm",
    "Mây tre",
    "Chè",
    "Mật ong",
    "Nước mắm",
    "Gạo",
    "Vải thiều",
    "Máy tuốt",
    "Cuốc",
    "Thảm cói",
    "Nón lá",
    "Tương",
    "Miến",
    "Giò",
    "Nem",
    "Chổi",
    "Hương",
]
QUALIFIERS = [
    "truyền thống",
    "đặc biệt",
    "hữu cơ",
    "sấy khô",
    "thủ công",
    "xuất khẩu",
    "loại một",
    "làng nghề",
    "đóng hộp",
    "cao cấp",
    "quê",
    "mới",
]


def generate_products(total, seed=7):
    """Add generated products under the existing producers until there are `total`; pages
    are created live without revisions, which is what an index rebuild reads."""
    rng = random.Random(seed)  # noqa: S311 - sample data, not secrets
    producers = list(ProducerPage.objects.all())
    categories = list(Category.objects.all())
    if not producers or not categories:
        raise RuntimeError("Load the sample data first (manage.py load_demo).")
    have = ProductPage.objects.count()
    with search_auto_update_paused(), disable_reference_index_auto_update():
        for start in range(have, total, 500):
            with transaction.atomic():
                certifications = []
                for n in range(start, min(start + 500, total)):
                    producer = producers[n % len(producers)]
                    title = (
                        f"{rng.choice(WORDS)} {rng.choice(QUALIFIERS)} {producer.district.name} {n}"
                    )
                    product = ProductPage(
                        title=title, slug=f"gen-{n}", category=rng.choice(categories), live=True,
                        intro=f"{title}: sản phẩm mẫu sinh tự động để đo hiệu năng.",
                    )  # fmt: skip
                    producer.add_child(instance=product)
                    for year in rng.sample(range(2014, 2021), rng.randint(1, 2)):
                        level = rng.choice(["provincial", "provincial", "regional", "national"])
                        certifications.append(
                            Certification(product=product, level=level, year=year)
                        )
                Certification.objects.bulk_create(certifications)
    return ProductPage.objects.count()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn serving the site on a loopback port, with the given search URL."""

    def __init__(self, search_url):
        self.port = free_port()
        env = {
            **os.environ,
            "SEARCH_URL": search_url,
            "SEARCH_INDEX_PREFIX": settings.SEARCH_INDEX_PREFIX,
            "DJANGO_SETTINGS_MODULE": os.environ.get(
                "DJANGO_SETTINGS_MODULE", "catalog.settings.dev"
            ),
            "DJANGO_DEBUG": "0",
        }
        command = [sys.executable, "-m", "gunicorn", "catalog.wsgi:application"]
        command += ["--bind", f"127.0.0.1:{self.port}", "--workers", "1", "--log-level", "warning"]
        self.process = subprocess.Popen(command, env=env)  # noqa: S603 - fixed arguments
        self.base = f"http://127.0.0.1:{self.port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(self.base + "/api/v1/openapi.json", timeout=1)  # noqa: S310
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("the benchmark server did not start")

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=10)


def p50_p95(timings):
    """The median and 95th percentile, interpolated between the timings measured: never
    above the slowest (the default "exclusive" method extrapolates past it for a pass of
    fewer than 19 requests)."""
    quantiles = statistics.quantiles(timings, n=100, method="inclusive")
    return quantiles[49], quantiles[94]


def measure(base, rounds, warmup):
    """Latencies in milliseconds: (first pass p50, p95), (p50, p95) over `rounds` passes of
    the query mix after `warmup` passes (which fill caches and let the JVM compile; the
    first of them is what a buyer meets right after a restart), and the backends that
    answered."""
    first, timings, backends = [], [], set()
    for round_number in range(warmup + rounds):
        for params in QUERY_MIX:
            url = f"{base}/api/v1/search?{urllib.parse.urlencode(params)}"
            started = time.perf_counter()
            with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - loopback
                body = response.read()
            elapsed = (time.perf_counter() - started) * 1000
            if round_number == 0:
                first.append(elapsed)
            if round_number >= warmup:
                timings.append(elapsed)
            backends.add(body.split(b'"backend": "', 1)[-1].split(b'"', 1)[0].decode())
    return p50_p95(first), p50_p95(timings), ",".join(sorted(backends))
