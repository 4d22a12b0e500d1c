"""`make load`: concurrent buyers against two gunicorn workers while editors write.

A throw-away SQLite database gets the sample catalog; gunicorn serves it with two workers;
CLIENTS threads search `/api/v1/search` and `/tim-kiem/` for SECONDS while one process imports
the sample spreadsheet again and again and another publishes product pages, with the task
worker running as in production. It prints requests per second, p50/p95/p99 latency, the
status codes and the writers' counts, and exits non-zero if any request or write failed.

    python tests/loadrun.py [--clients 50] [--seconds 60] [--port 8765]
"""

import argparse
import http.client
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
QUERIES = ["mật ong", "mat ong", "gốm", "gom tho ha", "mây tre", "bánh đa kế", "nón lá", "chè"]
SHEET = ROOT / "tests" / "fixtures" / "import" / "catalog_sample.csv"

PUBLISHER = """
import sys, time, django
django.setup()
from products.models import ProductPage
deadline, done, failed = time.monotonic() + float(sys.argv[1]), 0, 0
ids = list(ProductPage.objects.live().order_by("pk").values_list("pk", flat=True)[:20])
while time.monotonic() < deadline:
    page = ProductPage.objects.get(pk=ids[(done + failed) % len(ids)])
    try:
        page.save_revision().publish()
        done += 1
    except Exception as exc:
        failed += 1
        print(type(exc).__name__, exc, file=sys.stderr)
print(f"{done} {failed}")
"""


def manage(env, *args, **kwargs):
    return subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, **kwargs)


def wait_until_up(port, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/api/v1/search?q=ong")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"gunicorn did not answer on port {port}")


def client(port, deadline, number, results, lock):
    latencies, statuses = [], Counter()
    i = number
    while time.monotonic() < deadline:
        query = quote(QUERIES[i % len(QUERIES)])
        path = f"/api/v1/search?q={query}" if i % 2 else f"/tim-kiem/?q={query}"
        i += 1
        started = time.monotonic()
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            statuses[response.status] += 1
            conn.close()
        except OSError as exc:
            statuses[type(exc).__name__] += 1
        latencies.append(time.monotonic() - started)
    with lock:
        results["latencies"].extend(latencies)
        results["statuses"].update(statuses)


def writers(env, seconds):
    """An import loop and a publishing loop, as an editor team would run beside buyers."""
    publisher = subprocess.Popen(
        [PYTHON, "-c", PUBLISHER, str(seconds)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    imports, import_failures, deadline = 0, [], time.monotonic() + seconds
    while time.monotonic() < deadline:
        run = subprocess.run(
            [PYTHON, "manage.py", "import_catalog", str(SHEET), "--create-missing"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        imports += 1
        if run.returncode:
            import_failures.append(run.stderr.strip()[-300:])
    out, err = publisher.communicate()
    published, publish_failures = (int(n) for n in out.split())
    return imports, import_failures, published, publish_failures, err.strip()[-300:]


def percentile(values, fraction):
    return statistics.quantiles(values, n=100)[int(fraction * 100) - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--port", type=int, default=8765)
    options = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="cnnt-load-"))
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="catalog.settings.dev",
        DJANGO_DEBUG="0",
        SQLITE_PATH=str(workdir / "db.sqlite3"),
        MEDIA_ROOT=str(workdir / "media"),
        SEARCH_URL="",
    )
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "load_demo", "-v0")
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "catalog.wsgi", "-w", "2", "-b", f"127.0.0.1:{options.port}"],
        cwd=ROOT,
        env=env,
        stderr=open(workdir / "gunicorn.log", "w"),  # noqa: SIM115 - open for the server's life
    )
    worker = subprocess.Popen(
        [PYTHON, "manage.py", "db_worker", "--no-reload"],
        cwd=ROOT,
        env=env,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_up(options.port)
        results, lock = {"latencies": [], "statuses": Counter()}, threading.Lock()
        deadline = time.monotonic() + options.seconds
        threads = [
            threading.Thread(target=client, args=(options.port, deadline, n, results, lock))
            for n in range(options.clients)
        ]
        for thread in threads:
            thread.start()
        imports, import_failures, published, publish_failures, publish_errors = writers(
            env, options.seconds
        )
        for thread in threads:
            thread.join()
    finally:
        for process in (server, worker):
            process.terminate()
            process.wait(timeout=30)

    latencies, statuses = results["latencies"], results["statuses"]
    errors = sum(n for status, n in statuses.items() if status != 200)
    print(f"clients {options.clients}, {options.seconds:.0f} s, 2 gunicorn workers, SQLite")
    print(f"requests {len(latencies)}, {len(latencies) / options.seconds:.1f} per second")
    print(
        "latency p50 {:.0f} ms, p95 {:.0f} ms, p99 {:.0f} ms".format(
            *(1000 * percentile(latencies, f) for f in (0.50, 0.95, 0.99))
        )
    )
    print("statuses", dict(statuses))
    print(f"imports {imports} ({len(import_failures)} failed), publishes {published}")
    print(f"errors {errors}, failed publishes {publish_failures}")
    for failure in import_failures[:3] + ([publish_errors] if publish_failures else []):
        print("  ", failure)
    return 1 if errors or import_failures or publish_failures else 0


if __name__ == "__main__":
    sys.exit(main())
