"""`make loadtest`: the real server (`streamlit run app.py`) under concurrent sessions in headless Chromium.

For the bundled sample (the yardstick) and a generated corpus (10,000 articles unless told), each time on
a fresh parse cache (a corpus nobody has parsed yet): one session alone, then SESSIONS at once.
Every session opens the link, visits the other five pages through the sidebar and narrows
the outlets filter, and stays open until all of them are done, so that the server's memory
is measured with every session still held. Prints the first-page times, p50/p95 of the page
times, the run's total time, the server's memory (with one session, with all, and its peak,
parse workers included) and the 10,000-article run's total against the sample's, for each of
ROUNDS rounds (sample, then corpus), and the median of those ratios.

Traffic goes to 127.0.0.1 only; every wait has a timeout and every loop a bound.
"""
from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from tests.served import CHROMIUM, CHROMIUM_ARGS, EXCEPTION, MAIN, start_server, stop_server

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"
SESSIONS = 8
ARTICLES = 10_000
# Sidebar link -> the page's title; the Overview ("Khobor Lens") is the first page.
VISITS = {"Entities": "Entities", "Sources": "Sources", "Timeline": "Timeline", "Stories": "Stories", "Reader": "Reader"}
FIRST_TITLE = "Khobor Lens"
CAPTION = '[data-testid="stSidebar"] [data-testid="stCaptionContainer"]'
OUTLETS = '[data-testid="stSidebar"] [data-testid="stMultiSelect"]'
# A page is drawn when its script run has finished and no element still shows its loading placeholder.
READY = """document.querySelector('.stApp')?.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-testid="stSkeleton"]')"""
RATIO_LIMIT = 1.5
# The sample and the corpus are run one after the other this many times: on a shared two-core
# machine one run's total moves by 5% or more, so the ratio is the median of the rounds.
ROUNDS = 3
SAMPLE_EVERY_S = 0.2


@dataclass
class Session:
    """What one browser session met: its first-page time, its other page times, and any exception text."""

    first_page_s: float = 0.0
    page_s: list[float] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)


@dataclass
class Run:
    """One server run: its sessions, total time and the server's memory in MB."""

    sessions: list[Session]
    total_s: float
    memory_mb: float       # server and its children, every session still open
    peak_mb: float         # the most they held at any sample during the run
    server_cpu_s: float    # CPU time of the server and its parse workers
    browser_cpu_s: float   # CPU time of Chromium and its driver, on the same machine

    @property
    def first_page_s(self) -> float:
        return max(s.first_page_s for s in self.sessions)

    @property
    def page_times(self) -> list[float]:
        return [t for s in self.sessions for t in [s.first_page_s, *s.page_s]]

    @property
    def exceptions(self) -> list[str]:
        return [text for s in self.sessions for text in s.exceptions]


def tree(process: psutil.Process) -> list[psutil.Process]:
    """``process`` and its children (the server's parse workers, the browser's renderers)."""
    try:
        return [process, *process.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def tree_mb(process: psutil.Process) -> float:
    """Resident memory of ``process`` and its children, in MB."""
    total = 0
    for member in tree(process):
        try:
            total += member.memory_info().rss
        except psutil.NoSuchProcess:
            pass  # a parse worker that just finished
    return total / 2**20


class Usage:
    """Samples, on a thread while a run lasts, the server's peak memory and the CPU time of the
    server and of the browsers (children of this process other than the server).

    The browsers run on the server's machine here, unlike a team's: their CPU time shows how
    much of the page times they account for.
    """

    def __init__(self, server_pid: int) -> None:
        self.server = psutil.Process(server_pid)
        self.peak_mb = 0.0
        self._cpu_s: dict[int, tuple[bool, float]] = {}  # pid -> (is the server's, CPU seconds so far)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def cpu_s(self, server: bool) -> float:
        return sum(seconds for of_server, seconds in self._cpu_s.values() if of_server == server)

    def _sample(self) -> None:
        while not self._stop.wait(SAMPLE_EVERY_S):
            self.peak_mb = max(self.peak_mb, tree_mb(self.server))
            served = {member.pid for member in tree(self.server)}
            for member in tree(psutil.Process())[1:]:
                try:
                    times = member.cpu_times()
                except psutil.NoSuchProcess:
                    continue
                self._cpu_s[member.pid] = (member.pid in served, times.user + times.system)

    def __enter__(self) -> "Usage":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


async def settled(page, title: str, timeout_s: float) -> None:
    """Wait until ``page`` shows the page titled ``title``, its script run has finished and no placeholder is left."""
    await page.wait_for_function(
        """([ready, main, title]) => eval(ready)
            && [...document.querySelectorAll(main + ' h1')].some(h => h.innerText.trim() === title)""",
        arg=[READY, MAIN, title], timeout=timeout_s * 1000, polling=100)


async def caption(page) -> str:
    """The sidebar's 'N of M articles' line."""
    return await page.locator(CAPTION, has_text="articles · corpus").first.inner_text()


async def narrow_outlets(page, timeout_s: float) -> None:
    """Pick the first outlet in the sidebar and wait for the rerun it starts to finish with fewer articles."""
    before = await caption(page)
    await page.locator(OUTLETS).first.click(timeout=timeout_s * 1000)
    await page.locator('[role="option"]').filter(has_not_text="Select all").first.click(timeout=timeout_s * 1000)
    await page.wait_for_function(
        """([ready, selector, before]) => eval(ready)
            && [...document.querySelectorAll(selector)].some(e => e.innerText.includes('articles · corpus') && e.innerText !== before)""",
        arg=[READY, CAPTION, before], timeout=timeout_s * 1000, polling=100)


async def visit(browser, base: str, timeout_s: float, result: Session) -> None:
    """One session's visit: the first page, the five others, one filter change. The session stays
    open (its browser context is closed with the browser), so that the server still holds it."""
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    start = time.perf_counter()
    await page.goto(base + "/", timeout=timeout_s * 1000)
    await settled(page, FIRST_TITLE, timeout_s)
    result.first_page_s = time.perf_counter() - start
    result.exceptions += await page.locator(EXCEPTION).all_inner_texts()
    for link, title in VISITS.items():
        start = time.perf_counter()
        await page.locator('[data-testid="stSidebarNav"] a', has_text=link).click(timeout=timeout_s * 1000)
        await settled(page, title, timeout_s)
        result.page_s.append(time.perf_counter() - start)
        result.exceptions += await page.locator(EXCEPTION).all_inner_texts()
    start = time.perf_counter()
    await narrow_outlets(page, timeout_s)
    result.page_s.append(time.perf_counter() - start)
    result.exceptions += await page.locator(EXCEPTION).all_inner_texts()


def yield_to_server(server: psutil.Process, niceness: int) -> None:
    """Give the browsers (the children of this process outside the server's tree) a lower CPU
    priority; the renderers they start later inherit it."""
    served = {member.pid for member in tree(server)}
    for member in tree(psutil.Process())[1:]:
        if member.pid not in served:
            try:
                member.nice(niceness)
            except psutil.Error:
                pass  # gone, or not ours to change


async def sessions_at_once(base: str, count: int, timeout_s: float, server: psutil.Process, browser_nice: int = 0
                           ) -> tuple[list[Session], float, float]:
    """``count`` sessions started together: (their results, total seconds, server MB with all of them still open).

    With ``browser_nice``, the browsers run at that lower CPU priority. Raises what any session
    met (a timeout, a missing element).
    """
    from playwright.async_api import async_playwright

    results = [Session() for _ in range(count)]
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        if browser_nice:
            yield_to_server(server, browser_nice)
        try:
            start = time.perf_counter()
            visits = asyncio.gather(*(visit(browser, base, timeout_s, result) for result in results))
            await asyncio.wait_for(visits, timeout=timeout_s * (len(VISITS) + 2))
            total = time.perf_counter() - start
            memory = tree_mb(server)
        finally:
            await browser.close()
    return results, total, memory


def run(corpus: Path, sessions: int, timeout_s: float, browser_nice: int = 0) -> Run:
    """Serve ``corpus`` on a fresh parse cache and drive ``sessions`` browser sessions at once."""
    with tempfile.TemporaryDirectory(prefix="khobor-loadtest-") as cache:
        process, base = start_server({"CORPUS_DIR": str(corpus), "KHOBOR_CACHE_DIR": cache})
        try:
            with Usage(process.pid) as usage:
                results, total, memory = asyncio.run(sessions_at_once(base, sessions, timeout_s, usage.server,
                                                                             browser_nice))
        finally:
            stop_server(process)
    return Run(results, total, memory, max(usage.peak_mb, memory), usage.cpu_s(server=True), usage.cpu_s(server=False))


def percentile(values: list[float], share: float) -> float:
    """The ``share`` quantile of ``values`` (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def report(name: str, alone: Run, together: Run, sessions: int) -> None:
    times = together.page_times
    per_session = (together.memory_mb - alone.memory_mb) / max(sessions - 1, 1)
    print(f"{name}: first page, one session alone {alone.first_page_s:.1f} s; {sessions} at once, slowest "
          f"{together.first_page_s:.1f} s ({together.first_page_s / alone.first_page_s:.2f}x, target <= {RATIO_LIMIT}x)")
    print(f"  page times ({len(times)}, {sessions} sessions): p50 {statistics.median(times):.2f} s, "
          f"p95 {percentile(times, 0.95):.2f} s; total {together.total_s:.1f} s")
    steps = ["Overview (first)", *VISITS, "outlet filter"]
    medians = [statistics.median(s) for s in zip(*([r.first_page_s, *r.page_s] for r in together.sessions))]
    print("  p50 by step: " + ", ".join(f"{step} {median:.1f} s" for step, median in zip(steps, medians)))
    print(f"  server memory: {alone.memory_mb:,.0f} MB with one session, {together.memory_mb:,.0f} MB with {sessions} "
          f"({per_session:,.0f} MB per extra session, target < 50); peak {together.peak_mb:,.0f} MB "
          f"(alone {alone.peak_mb:,.0f} MB)")
    print(f"  CPU time: server {together.server_cpu_s:.0f} s, browsers {together.browser_cpu_s:.0f} s "
          f"(alone: {alone.server_cpu_s:.0f} s, {alone.browser_cpu_s:.0f} s)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="a folder to serve instead of generated articles")
    parser.add_argument("--articles", type=int, default=ARTICLES, help="how many articles to generate")
    parser.add_argument("--sessions", type=int, default=SESSIONS)
    parser.add_argument("--timeout", type=float, default=300, help="seconds any one wait may take")
    parser.add_argument("--rounds", type=int, default=ROUNDS,
                        help="runs of the sample and the corpus, one after the other; the ratio is their median")
    parser.add_argument("--browser-nice", type=int, default=0, metavar="N",
                        help="run the browsers at this lower CPU priority (1-19), as when they are on other machines")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="khobor-loadtest-corpus-") as tmp:
        if args.corpus is None:
            from tests.corpus_factory import write_corpus

            large, large_name = write_corpus(Path(tmp) / "corpus", args.articles), f"{args.articles:,} generated articles"
        else:
            large, large_name = args.corpus, str(args.corpus)
        runs: list[tuple[Run, Run]] = []
        ratios = []
        for round_number in range(1, args.rounds + 1):
            print(f"round {round_number} of {args.rounds}")
            for name, corpus in [("sample (5 articles)", SAMPLE), (large_name, large)]:
                runs.append((run(corpus, 1, args.timeout, args.browser_nice),
                             run(corpus, args.sessions, args.timeout, args.browser_nice)))
                report(name, *runs[-1], args.sessions)
            (_, sample), (_, together) = runs[-2:]
            ratios.append(together.total_s / sample.total_s)
            print(f"{args.sessions} sessions, all six pages and a filter: {together.total_s:.1f} s against the sample's "
                  f"{sample.total_s:.1f} s = {ratios[-1]:.2f}x (target <= {RATIO_LIMIT}x)")
    if args.rounds > 1:
        print(f"median of {args.rounds} rounds: {statistics.median(ratios):.2f}x (each round: "
              f"{', '.join(f'{r:.2f}x' for r in ratios)}; target <= {RATIO_LIMIT}x)")
    failures = [text for alone, together in runs for text in alone.exceptions + together.exceptions]
    for text in failures:
        print(f"exception on a page: {text}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
