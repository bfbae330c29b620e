"""The catalog page in a real browser: Debian's chromium driven by Playwright (no browser is
downloaded; `make test` installs chromium with apt where it is missing). The page is opened
from file:// with every other request blocked and recorded, searched, followed to an asset
and back, and its SVG graphs are checked node by node and edge by edge. The screenshot it
saves under build/ is the one the README shows (`make screenshot` copies it to docs/)."""

from __future__ import annotations

import os
import shutil
from typing import TYPE_CHECKING

import pytest

from tests.catalog.catalogs import ROOT, cli

if TYPE_CHECKING:
    from playwright.sync_api import Page

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
BUILD = ROOT / "build" / "catalog"
SCREENSHOT = BUILD / "catalog.png"


def _graph(page: Page, label: str) -> tuple[list[str], list[tuple[str, str]]]:
    box = page.locator(f'[data-graph="{label}"]')
    nodes = box.locator("g.node").evaluate_all("els => els.map(e => e.dataset.id)")
    edges = box.locator("path.edge").evaluate_all(
        "els => els.map(e => [e.dataset.from, e.dataset.to])")
    return nodes, [tuple(edge) for edge in edges]


def test_catalog_page_in_chromium() -> None:
    if not os.path.exists(CHROMIUM) or shutil.which("chromium") is None:
        pytest.fail(f"{CHROMIUM} is missing: `make browser` installs Debian's chromium")
    from playwright.sync_api import expect, sync_playwright

    page_file = BUILD / "shop.html"
    result = cli("examples.shop.definitions", "--format", "html", "-o", str(page_file))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    url = page_file.as_uri()
    outside: list[str] = []
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 860})

            def only_the_file(route, request) -> None:  # type: ignore[no-untyped-def]
                if request.url.startswith("file://"):
                    route.continue_()
                else:
                    outside.append(request.url)
                    route.abort()

            page.route("**/*", only_the_file)
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto(url)

            # the overview: counts, the resource list, the asset graph
            assert page.locator("#counts").inner_text() == (
                "3 resources · 10 definitions · 0 problems")
            side = '[data-kind="resource"] a'
            assert page.locator(side).all_inner_texts() == [
                "notifier\nNotifierResource", "orders_api\nOrdersApiResource",
                "warehouse\nWarehouseResource"]
            assert _graph(page, "asset graph") == (
                ["cleaned_orders", "customer_totals", "daily_report", "raw_orders"],
                [("raw_orders", "cleaned_orders"), ("cleaned_orders", "customer_totals"),
                 ("customer_totals", "daily_report")])

            # search, then open the resource
            page.fill("#search", "wareh")
            assert page.locator(side).evaluate_all("els => els.map(e => e.dataset.ref)") == [
                "resource:warehouse"]
            page.click(f'{side}[data-ref="resource:warehouse"]')
            expect(page.locator("#main")).to_have_attribute("data-page", "resource:warehouse")
            assert page.locator("#title").inner_text() == "warehouse"
            database = page.locator('tr[data-field="database"] td.value').first
            assert database.inner_text() == "EnvVar('SHOP_WAREHOUSE_DB') not set"
            users = page.locator("#users tr[data-user]")
            assert users.evaluate_all("els => els.map(e => e.dataset.user)") == [
                "asset:customer_totals", "op:load_totals"]

            # follow a user to its asset, check what the asset shows, and come back
            page.click('#users a[data-ref="asset:customer_totals"]')
            expect(page.locator("#main")).to_have_attribute("data-page", "asset:customer_totals")
            assert page.url.endswith("#asset/customer_totals")
            assert page.locator("#main table").first.inner_text().splitlines()[:2] == [
                "group\tanalytics", "upstream\tcleaned_orders"]
            assert page.locator('#main a[data-ref="resource:warehouse"]').count() == 1
            nodes, edges = _graph(page, "asset graph")
            assert len(nodes) == 4 and len(edges) == 3
            current = page.locator('[data-graph="asset graph"] g.node.current')
            assert current.get_attribute("data-id") == "customer_totals"
            page.go_back()
            expect(page.locator("#main")).to_have_attribute("data-page", "resource:warehouse")

            # a job's op graph
            page.goto(url + "#job/alerts_job")
            expect(page.locator("#main")).to_have_attribute("data-page", "job:alerts_job")
            assert _graph(page, "job alerts_job") == (
                ["load_totals", "alert_big_spenders"], [("load_totals", "alert_big_spenders")])
            page.locator('[data-graph="job alerts_job"] g.node[data-id="load_totals"]').click()
            expect(page.locator("#main")).to_have_attribute("data-page", "op:load_totals")

            # the screenshot the README shows: a resource's page
            page.goto(url + "#resource/warehouse")
            page.fill("#search", "")
            expect(page.locator("#main")).to_have_attribute("data-page", "resource:warehouse")
            SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOT))
        finally:
            browser.close()
    assert outside == []  # nothing but the file itself was requested
    assert errors == []
    assert SCREENSHOT.stat().st_size > 10_000
