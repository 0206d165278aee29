"""The built book, opened page by page in headless Chromium (run after `jupyter-book build`).

    pytest -p no:nbval -m browser tests/test_browser.py -o addopts=""

Every page loads with status 200, every image has loaded, no JavaScript
error is logged, every internal link and anchor resolves, chapters show
their numbers in the sidebar and their titles, each chapter's "open in
Colab" link is the one derived from ``_config.yml`` and opens the chapter's
Colab edition (``colab/NN_*.ipynb``, which exists), each chapter
offers its notebook for download, code blocks fit the page without sideways
scrolling, figures stay white in dark mode, and the search page finds a
chapter by a word in it. Screenshots of the landing page and a chapter (light
and dark) go to ``artifacts/``.
"""

import functools
import http.server
import os
import re
import threading
import urllib.parse
import urllib.request

import nbformat
import pytest

from tools.bookconfig import ROOT, chapter_notebooks, edition_path, repository

pytestmark = pytest.mark.browser

HTML = ROOT / "_build" / "html"
ARTIFACTS = ROOT / "artifacts"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


def book_pages():
    skip = {"genindex.html", "search.html"}
    return sorted(
        p.relative_to(HTML).as_posix()
        for p in HTML.rglob("*.html")
        if p.name not in skip and not p.relative_to(HTML).as_posix().startswith(("_static", "_sources"))
    )


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # one line per request would bury a failure's report
        pass


@pytest.fixture(scope="module")
def server():
    if not (HTML / "index.html").exists():
        pytest.fail("the book is not built: run `jupyter-book build . -W -n --keep-going` first")
    handler = functools.partial(QuietHandler, directory=str(HTML))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    executable = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not os.path.exists(executable):
        pytest.fail(f"no Chromium at {executable}: apt-get install chromium, or set CHROMIUM_PATH")
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def visited(server, browser):
    """Open every page once; record status, image state, console errors, links and anchors."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors = []

    def record_console_error(message):
        if message.type == "error":
            errors.append(f"{message.text} ({message.location.get('url')})")

    page.on("console", record_console_error)
    page.on("pageerror", lambda error: errors.append(str(error)))
    report = {}
    for path in book_pages():
        errors.clear()
        response = page.goto(f"{server}/{path}", wait_until="load")
        page.wait_for_load_state("networkidle")
        report[path] = {
            "status": response.status,
            "broken_images": page.eval_on_selector_all(
                "img", "images => images.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src)"
            ),
            "errors": list(errors),
            "links": page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"),
            "ids": page.eval_on_selector_all("[id]", "nodes => nodes.map(n => n.id)"),
            "text": page.inner_text("body"),
            "title": page.inner_text("main section > h1"),
            "sidebar": page.eval_on_selector_all(
                ".bd-sidebar-primary nav a.reference.internal", "links => links.map(a => a.innerText.trim())"
            ),
        }
        if path == "book/intro.html":
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "landing-page.png"))
        if path == "book/06_dynamic_rnn.html":
            page.screenshot(path=str(ARTIFACTS / "chapter-06.png"))
    page.close()
    return report


def test_every_page_loads(visited):
    assert len(visited) >= len(chapter_notebooks()) + 2
    assert {path: r["status"] for path, r in visited.items() if r["status"] != 200} == {}


def test_the_site_root_has_a_favicon(server):
    # Browsers ask for it on pages that name no icon, such as the redirecting index.html.
    with urllib.request.urlopen(f"{server}/favicon.ico") as response:
        assert response.status == 200 and response.read(4) == b"\x00\x00\x01\x00"


def test_every_image_has_loaded(visited):
    assert {path: r["broken_images"] for path, r in visited.items() if r["broken_images"]} == {}


def test_no_javascript_errors(visited):
    assert {path: r["errors"] for path, r in visited.items() if r["errors"]} == {}


def test_no_page_shows_tensorflow_log_output(visited):
    noise = re.compile(r"I0000 |W0000 |E0000 |absl::InitializeLog|cpu_feature_guard|oneDNN custom operations")
    assert [path for path, r in visited.items() if noise.search(r["text"])] == []


def test_every_internal_link_and_anchor_resolves(visited, server):
    broken = []
    for path, r in visited.items():
        for link in r["links"]:
            if not link.startswith(server):
                continue
            target = urllib.parse.urlsplit(link)
            file = target.path.lstrip("/") or "index.html"
            if file.endswith("/"):
                file += "index.html"
            if not (HTML / urllib.parse.unquote(file)).exists():
                broken.append(f"{path} -> {link}")
            elif target.fragment and file in visited and target.fragment not in visited[file]["ids"]:
                broken.append(f"{path} -> {link} (no such anchor)")
    assert broken == []


@pytest.mark.parametrize("notebook", chapter_notebooks(), ids=lambda p: p.stem)
def test_chapters_are_numbered_in_the_sidebar_and_the_title(visited, notebook):
    # Numbered straight through the parts, as the prose counts them: book/06_... is chapter 6.
    number = int(notebook.stem.split("_")[0])
    page = visited[f"book/{notebook.stem}.html"]
    assert page["title"].startswith(f"{number}. "), page["title"]
    sidebar = visited["book/intro.html"]["sidebar"]
    assert any(entry.startswith(f"{number}. ") for entry in sidebar), sidebar


@pytest.mark.parametrize("notebook", chapter_notebooks(), ids=lambda p: p.stem)
def test_colab_button_opens_the_chapters_edition(visited, notebook):
    page = f"book/{notebook.stem}.html"
    colab = [link for link in visited[page]["links"] if link.startswith("https://colab.research.google.com/")]
    assert colab == [repository().colab_url(notebook)]
    # Colab opens github/OWNER/NAME/blob/BRANCH/PATH: the chapter's plain-Markdown edition, not its MyST source.
    repo = repository()
    prefix = f"/github/{repo.owner}/{repo.name}/blob/{repo.branch}/"
    path = urllib.parse.urlsplit(colab[0]).path
    assert path.startswith(prefix), colab[0]
    target = ROOT / path.removeprefix(prefix)
    assert target == edition_path(notebook) and target.relative_to(ROOT).as_posix() == f"colab/{notebook.name}"
    assert target.is_file(), f"the Colab button opens {target.relative_to(ROOT)}, which does not exist"
    opened = nbformat.read(target, as_version=4)
    assert "Colab/GitHub edition" in opened.cells[0].source, f"{target.relative_to(ROOT)} is not a chapter edition"


@pytest.mark.parametrize("notebook", chapter_notebooks(), ids=lambda p: p.stem)
def test_each_chapter_offers_its_notebook_for_download(visited, server, notebook):
    page = f"book/{notebook.stem}.html"
    assert f"{server}/_sources/book/{notebook.name}" in visited[page]["links"]
    assert (HTML / "_sources" / "book" / notebook.name).is_file()


# The code, and the package source a chapter shows, is wrapped to fit; printed
# tables may scroll. Widths: a small laptop, the narrowest and the widest text
# column beside the page's table of contents, and a desktop.
@pytest.mark.parametrize("width", [1024, 1200, 1320, 1920])
def test_code_blocks_fit_the_page(server, browser, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    scrolling = {}
    for notebook in chapter_notebooks():
        page.goto(f"{server}/book/{notebook.stem}.html", wait_until="load")
        lines = page.eval_on_selector_all(
            ".cell_input pre, .cell_output .text_html div.highlight pre",
            """blocks => blocks
                .filter(pre => pre.scrollWidth > pre.clientWidth + 1)
                .map(pre => pre.textContent.split("\\n").reduce((a, b) => (b.length > a.length ? b : a)))""",
        )
        if lines:
            scrolling[notebook.stem] = lines
    page.close()
    assert scrolling == {}, f"code blocks that scroll sideways at {width} px (their longest line): {scrolling}"


def test_figures_keep_a_white_background_in_dark_mode(server, browser):
    """Dark mode darkens the page, not the figures: their axes and labels stay readable."""
    page = browser.new_page(color_scheme="dark", viewport={"width": 1280, "height": 900})
    page.goto(f"{server}/book/01_echo_task.html", wait_until="load")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    figure = page.locator(".cell_output img").first
    figure.scroll_into_view_if_needed()
    corners = figure.evaluate(
        """img => {
            const canvas = document.createElement("canvas");
            canvas.width = img.naturalWidth;
            canvas.height = img.naturalHeight;
            const context = canvas.getContext("2d");
            context.drawImage(img, 0, 0);
            const at = (x, y) => Array.from(context.getImageData(x, y, 1, 1).data);
            return [at(1, 1), at(img.naturalWidth - 2, img.naturalHeight - 2)];
        }"""
    )
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "chapter-01-dark.png"))
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.close()
    assert corners == [[255, 255, 255, 255]] * 2
    assert background != "rgb(255, 255, 255)"


def test_search_finds_a_chapter_by_a_word_in_it(server, browser):
    page = browser.new_page()
    page.goto(f"{server}/search.html?q=LSTMStateTuple", wait_until="load")
    page.wait_for_selector("#search-results li a", timeout=20_000)
    found = page.eval_on_selector_all("#search-results li a", "links => links.map(a => a.href)")
    page.close()
    assert any(re.search(r"10_code_2016_today\.html", link) for link in found), found


def test_a_solution_stays_folded_until_the_reader_opens_it(server, browser):
    """An exercise's solution, code and verdict alike, shows only when its toggle is clicked."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{server}/book/01_echo_task.html", wait_until="load")
    solution = page.locator(".cell.tag_solution").first
    verdict = solution.locator(".cell_output")
    assert not verdict.is_visible(), "the solution's output gives the answer away before it is opened"
    solution.locator("summary").first.click()
    verdict.wait_for(state="visible", timeout=5_000)
    assert "✓" in verdict.inner_text() and "Solution to exercise 1" in solution.inner_text()
    page.close()
