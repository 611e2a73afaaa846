"""Screenshot of the analyst's desk for the README (docs/img/desk.png), taken in headless Debian Chromium.

    make demo && .venv/bin/python scripts/desk_screenshot.py --db out/demo.duckdb

Starts ``eventscope serve`` on a free loopback port, opens the page, picks the first event of the
table so the evidence panel shows, and saves the page.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="out/demo.duckdb")
    parser.add_argument("--out", type=Path, default=Path("docs/img/desk.png"))
    parser.add_argument("--sort", default="-mentions", help="table order before the first row is opened")
    args = parser.parse_args()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        [sys.executable, "-m", "eventscope.cli", "serve", "--db", args.db, "--port", str(port)],
        env={**os.environ, "EVENTSCOPE_TOKEN": ""},
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "ontology", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1500, "height": 1250})
            page.goto(url)
            page.wait_for_selector("body[data-ready='1']")
            key = args.sort.lstrip("-")
            page.click(f"#events th[data-sort={key}]")
            page.wait_for_timeout(400)
            page.locator("#events tbody tr").first.click()
            page.wait_for_selector("#evidence .sentence")
            args.out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.out), full_page=False)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
