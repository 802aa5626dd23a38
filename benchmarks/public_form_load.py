"""Load on the public reporting form, as served in production (gunicorn + PostgreSQL).

Submits the public form at a fixed rate (open loop: the schedule does not wait for slow
answers) for a fixed time on loopback, then checks that every receipt code and secret opens
its report. Prints throughput, latency percentiles, errors, lost reports and the share of
the argon2id hash in the time of a submission.

    python benchmarks/public_form_load.py --rate 20 --seconds 300
"""

import argparse
import http.client
import os
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PORT = 8765
DB = "weerbaar_bench_load"


def fresh_database() -> str:
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{DB}"')
        c.execute(f'CREATE DATABASE "{DB}"')
    return f"postgres://postgres@127.0.0.1:5432/{DB}"


def server_env(url: str) -> dict:
    (ROOT / "benchmarks" / "out").mkdir(exist_ok=True)
    env = dict(os.environ)
    env.update(
        WEERBAAR_ENV="production",
        DATABASE_URL=url,
        SECRET_KEY="bench-" + "x" * 60,
        BSN_HMAC_KEY="bench-" + "k" * 40,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        SECURE_HSTS_SECONDS="0",
        WEERBAAR_DATA_DIR=str(ROOT / "benchmarks" / "out"),
        GUNICORN_BIND=f"127.0.0.1:{PORT}",
        LOG_LEVEL="WARNING",
        # Production needs a shared cache: single-use start tokens and counters live there.
        CACHE_URL="redis://127.0.0.1:6379/14",
    )
    return env


def request(method: str, path: str, body: str = "") -> tuple[int, str, float]:
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    headers = {"Content-Type": "application/x-www-form-urlencoded"} if body else {}
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    text = response.read().decode()
    conn.close()
    return response.status, text, (time.perf_counter() - started) * 1000


def _form_fields() -> dict:
    """A fresh form's single-use start token and retry key, as each reporter gets."""
    _status, page, _ms = request("GET", "/melden/")
    return {
        name: re.search(rf'name="{name}" value="([^"]+)"', page).group(1)
        for name in ("started", "key")
    }


def run(rate: float, seconds: int) -> list:
    total = int(rate * seconds)
    begin = time.perf_counter()
    with ThreadPoolExecutor(max_workers=8) as pool:
        forms = list(pool.map(lambda _n: _form_fields(), range(total)))
    print(f"opened {total} forms in {time.perf_counter() - begin:.0f} s")
    time.sleep(3.5)  # the form's minimum fill time
    results, lock = [], threading.Lock()

    def submit(n: int) -> None:
        body = urllib.parse.urlencode(
            {
                "description": f"Belastingmelding {n}: bij de loods staan 's nachts busjes met draaiende motor.",
                "location_text": "Havenweg",
                **forms[n],
            }
        )
        try:
            status, text, ms = request("POST", "/melden/", body)
        except OSError as exc:
            status, text, ms = 0, str(exc), 0.0
        code = re.search(r'id="receipt-code">([^<]+)<', text)
        secret = re.search(r'id="receipt-secret">([^<]+)<', text)
        with lock:
            results.append(
                (status, ms, code.group(1) if code else None, secret.group(1) if secret else None)
            )

    begin = time.perf_counter()
    with ThreadPoolExecutor(max_workers=64) as pool:
        for n in range(total):
            delay = begin + n / rate - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            pool.submit(submit, n)
    elapsed = time.perf_counter() - begin
    print(f"sent {total} submissions in {elapsed:.0f} s ({total / elapsed:.1f}/s offered)")
    return results


def verify(url: str, results: list) -> int:
    os.environ.update(server_env(url))
    os.environ["DJANGO_SETTINGS_MODULE"] = "weerbaar.settings"
    import django

    django.setup()
    from weerbaar.intake import throttle
    from weerbaar.intake.selectors import report_open

    throttle.PER_CODE = (10**9, 1)
    throttle.GLOBAL_FAILURES = (10**9, 1)
    lost = 0
    for _status, _ms, code, secret in results:
        if not code or report_open(code=code, secret=secret) is None:
            lost += 1
    return lost


def hash_share() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from weerbaar.intake.receipts import HASHER

    started = time.perf_counter()
    for _ in range(20):
        HASHER.hash("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567")
    print(
        f"argon2id hash (19 MiB, t=2, p=1): {(time.perf_counter() - started) / 20 * 1000:.1f} ms each"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rate", type=float, default=20)
    parser.add_argument("--seconds", type=int, default=300)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    url = fresh_database()
    env = server_env(url)
    subprocess.run([sys.executable, "-m", "weerbaar", "migrate", "-v0"], env=env, check=True)
    env["GUNICORN_WORKERS"] = str(args.workers)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            str(ROOT / "deploy" / "gunicorn.conf.py"),
            "weerbaar.wsgi:application",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        for _ in range(50):
            try:
                request("GET", "/gezondheid/")
                break
            except OSError:
                time.sleep(0.2)
        results = run(args.rate, args.seconds)
    finally:
        server.terminate()
        server.wait()
    ok = [r for r in results if r[0] == 200 and r[2]]
    times = sorted(r[1] for r in ok)
    print(f"answered: {len(ok)} ok, {len(results) - len(ok)} errors")
    if times:
        print(
            f"latency: median {statistics.median(times):.0f} ms, p95 {times[int(len(times) * 0.95) - 1]:.0f} ms, "
            f"p99 {times[int(len(times) * 0.99) - 1]:.0f} ms, max {times[-1]:.0f} ms"
        )
        print(f"throughput: {len(ok) / args.seconds:.1f} reports/s sustained")
    hash_share()
    print(f"lost reports (receipt does not open its report): {verify(url, results)}")


if __name__ == "__main__":
    main()
