"""A real browser (issue 14, item 6): JupyterLab in Chromium runs every notebook with the
project's kernel, and the audit view shows a quote's speaker on hover.

Playwright (PyPI, the dev extra) drives the system's Chromium (Debian package ``chromium``;
``.ci/run`` installs it when missing). ``playwright install`` cannot download browsers here, so
the test uses ``executable_path``; it is skipped, with the reason, when Playwright or a Chromium
binary is missing. JupyterLab runs from this environment on a free local port with a token, its
settings, runtime and workspace folders in a temporary directory, on a copy of ``notebooks/`` and
``data/raw/`` (so nothing in the repository is written). Screenshots go to
``tests/artifacts/browser/`` (git-ignored).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts" / "browser"
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("0[1-4]-*.ipynb"))
#: Figures each notebook draws (its cells that show a figure of make_figures).
FIGURES = {"01-overview.ipynb": 0, "02-quote-share.ipynb": 2, "03-topics.ipynb": 2,
           "04-readability.ipynb": 3}
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


def chromium_path() -> str | None:
    """The system Chromium: $CHROMIUM, else ``chromium`` or ``chromium-browser`` on PATH."""
    for name in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def _skip_reason() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install -e '.[dev]')"
    if chromium_path() is None:
        return ("no Chromium binary (apt-get install chromium, or set CHROMIUM=/path/to/chrome);"
                " .ci/run installs it")
    if not (Path(sys.executable).parent / "jupyter").exists():
        return "jupyter is not installed in this environment"
    return None


pytestmark = pytest.mark.skipif(_skip_reason() is not None, reason=_skip_reason() or "")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on a copy of notebooks/ (and data/raw/, which they read)."""
    tmp = tmp_path_factory.mktemp("lab")
    work = tmp / "project"
    shutil.copytree(ROOT / "notebooks", work / "notebooks")
    shutil.copytree(ROOT / "data" / "raw", work / "data" / "raw")
    settings = tmp / "settings"
    tracker = settings / "@jupyterlab" / "notebook-extension"
    tracker.mkdir(parents=True)
    # every cell attached to the page, so the test sees all outputs without scrolling
    (tracker / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    news = settings / "@jupyterlab" / "apputils-extension"
    news.mkdir(parents=True)
    (news / "notification.jupyterlab-settings").write_text(  # offline: no news, no update check
        '{"fetchNews": "false", "checkForUpdates": false}')
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp / "runtime"),
           "JUPYTER_CONFIG_DIR": str(tmp / "config"),
           "JUPYTERLAB_SETTINGS_DIR": str(settings),
           "JUPYTERLAB_WORKSPACES_DIR": str(tmp / "workspaces")}
    port, token = _free_port(), secrets.token_hex(16)
    cmd = [str(Path(sys.executable).parent / "jupyter"), "lab", "--no-browser",
           f"--config={ROOT / 'jupyter_server_config.py'}",  # the same config as `make lab`
           f"--port={port}", "--ip=127.0.0.1", f"--IdentityProvider.token={token}",
           f"--ServerApp.root_dir={work / 'notebooks'}", "--LabApp.expose_app_in_browser=True",
           "--ServerApp.port_retries=0"]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    log = open(tmp / "lab.log", "w")  # noqa: SIM115 - closed below
    server = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("JupyterLab did not start:\n"
                                       + (tmp / "lab.log").read_text()[-3000:]) from None
                time.sleep(0.5)
        yield {"base": base, "token": token, "dir": work / "notebooks"}
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), headless=True,
                              args=CHROMIUM_FLAGS)
        yield b
        b.close()


# JavaScript run in the page (JupyterLab exposes its application as window.jupyterapp).
_STATE = """() => {
  const panel = window.jupyterapp.shell.currentWidget;
  const ctx = panel && panel.sessionContext;
  const cells = [];
  if (panel && panel.content) {
    for (const cell of panel.content.widgets) {
      const m = cell.model;
      cells.push({type: m.type, count: m.type === 'code' ? m.executionCount : null,
                  outputs: m.type === 'code' ? m.outputs.toJSON().map(o => o.output_type) : []});
    }
  }
  return {kernel: ctx && ctx.session && ctx.session.kernel ? ctx.session.kernel.name : null,
          status: ctx ? ctx.kernelDisplayStatus : null, cells};
}"""


def _state(page) -> dict:
    return page.evaluate(_STATE)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_in_jupyterlab(lab, browser, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    committed = (lab["dir"] / name).read_bytes()
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.set_default_timeout(60_000)
    try:
        page.goto(f"{lab['base']}/lab/tree/{name}?token={lab['token']}")
        page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell"
                               " && window.jupyterapp.shell.currentWidget"
                               " && window.jupyterapp.shell.currentWidget.sessionContext"
                               " && window.jupyterapp.shell.currentWidget.sessionContext"
                               ".session", timeout=60_000)
        page.wait_for_function("() => window.jupyterapp.shell.currentWidget.sessionContext"
                               ".kernelDisplayStatus === 'idle'", timeout=60_000)
        assert _state(page)["kernel"] == "news-analysis"  # the project's kernel, not python3
        page.wait_for_function("() => window.jupyterapp.shell.currentWidget.context.isReady"
                               " && window.jupyterapp.shell.currentWidget.content.widgets"
                               ".length > 0", timeout=60_000)
        # Commands are sent without awaiting their promise: run-all's promise resolves only when
        # every cell has run, and one dropped execution would block page.evaluate (which has no
        # timeout) for ever; the loop below waits with a deadline instead.
        run_all = "() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }"
        page.evaluate(run_all)
        deadline = time.monotonic() + 120
        retry_at = time.monotonic() + 15
        while True:
            state = _state(page)
            code = [c for c in state["cells"] if c["type"] == "code"]
            if state["status"] == "idle" and all(c["count"] for c in code):
                break
            assert time.monotonic() < deadline, f"{name} did not finish: {state}"
            if time.monotonic() > retry_at and state["status"] == "idle" and \
                    not any(c["count"] for c in code):
                # Lab can drop a command sent while the notebook is still settling: send it again
                page.evaluate(run_all)
                retry_at = time.monotonic() + 15
            time.sleep(0.5)
        page.wait_for_timeout(500)  # let the last outputs render
        page.screenshot(path=str(ARTIFACTS / f"{Path(name).stem}.png"), full_page=True)
        errors = [c for c in code if "error" in c["outputs"]]
        assert not errors, f"{name}: error output in {errors}"
        area = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output")
        outputs = sum(len(c["outputs"]) for c in code)
        assert area.count() == outputs >= len(code) - 2  # all but the parameters and setup cells
        images = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output img")
        assert images.count() == FIGURES[name]
        for i in range(images.count()):  # each figure decoded and drawn at a readable size
            size = images.nth(i).evaluate("img => [img.naturalWidth, img.complete]")
            assert size[1] and size[0] >= 600, size
            images.nth(i).scroll_into_view_if_needed()
            images.nth(i).screenshot(path=str(ARTIFACTS / f"{Path(name).stem}-figure{i + 1}.png"))
        last = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell").last
        last.scroll_into_view_if_needed()
        page.wait_for_timeout(300)
        page.screenshot(path=str(ARTIFACTS / f"{Path(name).stem}-end.png"))
        if name != "01-overview.ipynb":
            assert page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) "
                                ".jp-RenderedHTMLCommon table").count() >= 2
        else:  # the audit view: every speech quote highlighted, its heading shown
            audit = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output")
            assert audit.locator("span.quote").count() == 9
            assert page.get_by_text("Audit view: ruto_blinken_2024").count() >= 1
        # saving after a run writes the notebook exactly as committed (no outputs)
        page.evaluate("() => { window.jupyterapp.commands.execute('docmanager:save'); }")
        page.wait_for_function("() => !window.jupyterapp.shell.currentWidget.context.model"
                               ".dirty", timeout=30_000)
        assert (lab["dir"] / name).read_bytes() == committed
        page.evaluate("() => { window.jupyterapp.shell.currentWidget.sessionContext.shutdown(); }")
        page.wait_for_function("() => !window.jupyterapp.shell.currentWidget.sessionContext"
                               ".session", timeout=30_000)
    finally:
        page.close()


def test_audit_view_shows_the_speaker_on_hover(browser, tmp_path):
    from analysis.config import RAW_DIR
    from analysis.report import write_outputs

    write_outputs(RAW_DIR, tmp_path)  # the audit.html `make figures` writes, fresh
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    try:
        page.goto((tmp_path / "ruto_blinken_2024" / "audit.html").as_uri())
        quotes = page.locator("span.quote")
        assert quotes.count() == 9
        first = quotes.nth(0)
        label = "::after"
        before = first.evaluate(f"el => getComputedStyle(el, '{label}').content")
        assert before in ("none", "normal")
        first.hover()
        shown = first.evaluate(f"el => getComputedStyle(el, '{label}').content")
        assert shown == json.dumps("Antony J. Blinken — direct, cue: stated", ensure_ascii=False)
        ruto = page.locator('span.quote[data-label^="William Ruto"]')
        assert ruto.count() == 6
        ruto.nth(0).hover()
        assert ruto.nth(0).evaluate(f"el => getComputedStyle(el, '{label}').content"
                                    ).startswith('"William Ruto — direct')
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "audit-hover.png"))
    finally:
        page.close()
