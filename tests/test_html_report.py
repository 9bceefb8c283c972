"""The HTML report in a real browser (headless Chromium, driven by the DevTools
protocol): every cited span is highlighted and links to its finding, every
finding's citations link back into the text, the severity filter hides and
shows, article text is escaped (a `<script>` in the copy stays text), and
the page loads nothing.  Skips, saying why, when Chromium is not installed
(.ci/run installs Debian's `chromium`)."""

from __future__ import annotations

import json
import os

import pytest
from cdp import Browser, find_chromium
from clirun import factlint

STORY = """Council <b>denies</b> closure & more

The council said that that there was a budget. <script>document.title = "pwned"</script>

John Smith, 45, the council leader, said the library would stay open. Later, Smith, 47, said the plan was ready.

<!-- factlint-disable-next-paragraph style/repeated-word -- the mayor's own words -->
The mayor said the the plan was fine.
"""

CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (apt-get install chromium; .ci/run does)")


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    folder = tmp_path_factory.mktemp("html")
    story = folder / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    run = factlint("check", story, "--published", "2021-05-04", "--format", "html", "--output", f"json={folder / 'r.json'}")
    assert run.code == 1, run.err
    (folder / "report.html").write_text(run.out, encoding="utf-8")
    browser = Browser(CHROMIUM)
    try:
        browser.open((folder / "report.html").as_uri())
        yield browser, json.loads((folder / "r.json").read_text(encoding="utf-8")), folder
    finally:
        browser.close()


def test_every_citation_is_highlighted_with_exactly_its_text(page):
    browser, data, _ = page
    findings = data["files"][0]["findings"]
    for i, f in enumerate(findings, 1):
        for j, c in enumerate(f["citations"], 1):
            anchor = f"a1-f{i}-c{j}"
            text = browser.eval(f"""Array.from(document.querySelectorAll('a.hl'))
                .filter(a => a.dataset.marks.split(' ').includes('{anchor}')).map(a => a.textContent).join('')""")
            assert text == c["text"], (anchor, text)
            assert browser.eval(f"!!document.getElementById('{anchor}')")


def test_highlights_link_to_findings_and_findings_link_back(page):
    browser, data, _ = page
    links = browser.eval("Array.from(document.querySelectorAll('a.hl')).map(a => a.getAttribute('href'))")
    assert links and all(browser.eval(f"!!document.getElementById({json.dumps(h[1:])})") for h in links)
    back = browser.eval("Array.from(document.querySelectorAll('.finding a.cite, .finding a.where')).map(a => a.getAttribute('href'))")
    assert back and all(browser.eval(f"!!document.getElementById({json.dumps(h[1:])})") for h in back)
    # clicking a highlight goes to its finding
    browser.eval("document.querySelector('a.hl.sev-warning').click()")
    assert browser.eval("location.hash") == "#a1-f2"
    assert browser.eval("document.querySelector(':target').dataset.severity") == "warning"


def test_the_severity_filter_hides_and_shows(page):
    browser, _, _ = page
    visible = "Array.from(document.querySelectorAll('.finding')).filter(li => !li.hidden).map(li => li.dataset.severity)"
    assert browser.eval(visible) == ["info", "warning"]
    browser.eval("document.querySelector('#filters input[data-severity=info]').click()")
    assert browser.eval(visible) == ["warning"]
    assert browser.eval("document.querySelectorAll('a.hl.sev-info.off').length") >= 1
    assert browser.eval("document.querySelectorAll('a.hl.sev-warning.off').length") == 0
    browser.eval("document.querySelector('#filters input[data-severity=info]').click()")
    assert browser.eval(visible) == ["info", "warning"]


def test_article_text_is_escaped_and_the_page_loads_nothing(page):
    browser, _, _ = page
    assert browser.eval("document.title") == "factlint report"  # the article's <script> did not run
    assert "<script>document.title" in browser.eval("document.querySelector('pre.article').textContent")
    assert browser.eval("document.querySelectorAll('pre.article b, pre.article script').length") == 0
    assert browser.eval("performance.getEntriesByType('resource').length") == 0


def test_suppressed_findings_are_listed_with_their_reason(page):
    browser, _, _ = page
    text = browser.eval("document.querySelector('details.suppressed').textContent")
    assert "1 hidden" in text and "the mayor's own words" in text


def test_a_screenshot_is_taken(page):
    browser, _, folder = page
    path = os.environ.get("FACTLINT_SCREENSHOT") or str(folder / "report.png")
    browser.screenshot(path)
    with open(path, "rb") as fh:
        assert fh.read(8) == b"\x89PNG\r\n\x1a\n"
