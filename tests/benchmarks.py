"""`make bench`: speed figures (not tests; they print numbers).

Loaders — cold: the bundled sample plus the Ittefaq set (from ../shared), three copies
made distinct by trailing blank lines so that nothing is served twice, parsed with no
cache; warm: the same documents again through a Parquet cache that already holds them.
Each figure is the best of ROUNDS runs, printed with the median, because a shared
machine slows single runs by 10% or more. The first cold run of a process also loads
the tagger and builds its per-word tables, as a fresh dashboard server does once; it
is printed too.
Entities — tagging speed in tokens per second (the CoNLL held-out file sentence by
sentence, and whole Ittefaq articles with offsets), and the top 100 entities of every
real corpus with the hand review of ``tests/entity_review.csv``.
Datasets — the CSV and JSON exports in ../shared loaded through the dataset reader, with
their titles, dates and outlets checked against their own columns.
Dashboard — a generated corpus of 10,000 articles: the first load, then the server-side
re-render time of every page and of filter changes (Streamlit AppTest, warm caches); the
server-side wait when one session, then 8 at once, open it unparsed (`--first-load`); then
the load test (``tests/loadtest.py``: `streamlit run` and concurrent Chromium sessions) on
10,000 articles with 8 sessions and on 100,000 with 5: first-page times alone and together,
page times, memory per extra session and the server's peak.
Stories — republished text and stories on 100,000 generated articles, and 1,000 added
(``--stories`` runs this alone).
"""
from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from loaders import parse_documents, read_paths

PROJECT = Path(__file__).resolve().parents[1]
SAMPLE = PROJECT / "data" / "sample"
SHARED = PROJECT.parent / "shared"
ITTEFAQ = SHARED / "corpus" / "real" / "ittefaq-2019"
RIFAT_TEST = SHARED / "ner" / "rifat1493" / "test.txt"
COPIES = 3
ROUNDS = 5


def documents() -> list[tuple[str, str, bytes]]:
    """Sample + Ittefaq, COPIES times, each copy with distinct bytes."""
    roots = [SAMPLE] + ([ITTEFAQ] if ITTEFAQ.exists() else [])
    base = read_paths(roots)
    return [(f"copy{k}/{s.article_id}", s.path, s.data + b"\n" * k) for k in range(COPIES) for s in base]


def run_times(rounds: int, run) -> list[float]:
    """Wall time of each of several runs, in seconds."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return times


def best_of(rounds: int, run) -> float:
    """Fastest wall time of several runs, in seconds."""
    return min(run_times(rounds, run))


DASHBOARD_ARTICLES = 10_000
SCALE_ARTICLES = 100_000  # measured in a process of its own (`--scale`), so its peak memory is the corpus's
PAGES = ["components/pages/overview.py", "components/pages/entities.py", "components/pages/sources.py",
         "components/pages/timeline.py", "components/pages/stories.py", "components/pages/reader.py"]


def timed(run) -> float:
    """Wall time of one call, in seconds."""
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def dashboard(count: int = DASHBOARD_ARTICLES) -> None:
    """First load and re-render times of the app on a generated corpus of ``count`` articles.

    From SCALE_ARTICLES up, the corpus is first ingested cold through ``load_corpus`` (every
    core), so the app's first load is the warm load a returning user waits for, and the
    process's peak memory is printed at the end.
    """
    from streamlit.testing.v1 import AppTest

    from loaders import load_corpus
    from tests.corpus_factory import write_corpus

    with tempfile.TemporaryDirectory() as tmp:
        folder = write_corpus(Path(tmp) / "corpus", count)
        os.environ["CORPUS_DIR"] = str(folder)
        os.environ["KHOBOR_CACHE_DIR"] = str(Path(tmp) / "cache")
        print(f"dashboard corpus     {count:,} generated articles")
        if count >= SCALE_ARTICLES:
            cold = timed(lambda: load_corpus([folder], cache_dir=Path(tmp) / "cache"))
            print(f"cold ingest          {cold:.1f} s = {count / cold:,.0f} articles/s (entities on, every core)")
        app = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=1800)
        first = timed(app.run)
        if app.exception:
            raise RuntimeError(app.exception[0].message)
        what = "warm load from the Parquet cache" if count >= SCALE_ARTICLES else "parse, entities"
        print(f"first load           {first:.2f} s ({what}, first page)")
        worst = 0.0
        # The first visit of a page also imports its modules (Altair …), once per server process.
        first_visits = {page: timed(lambda: app.switch_page(page).run()) for page in PAGES}
        for page in PAGES:
            took = timed(lambda: app.switch_page(page).run())
            worst = max(worst, took, first_visits[page])
            print(f"  page {page.split('/')[-1]:<16} {took:.2f} s  (first visit in this process {first_visits[page]:.2f} s)")
        app.switch_page(PAGES[0]).run()
        for label, change in [
            ("search text", lambda: app.text_input(key="filter_query").input("সহযোগিতা")),
            ("outlet filter", lambda: app.multiselect(key="filter_sites").select(app.multiselect(key="filter_sites").options[0])),
            ("undated toggle", lambda: app.toggle(key="filter_undated").set_value(False)),
        ]:
            change()
            took = timed(app.run)
            worst = max(worst, took)
            print(f"  filter {label:<14} {took:.2f} s")
        print(f"slowest re-render    {worst:.2f} s (target < 1 s)")
        if count >= SCALE_ARTICLES:
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            print(f"peak memory          {peak:,.0f} MB (this process, serving the corpus); {workers:,.0f} MB per parse worker")
        for variable in ("CORPUS_DIR", "KHOBOR_CACHE_DIR"):
            os.environ.pop(variable)


def shared_first_load(count: int = DASHBOARD_ARTICLES, sessions: int = 8) -> None:
    """The server's side of opening a corpus nobody has parsed yet: one session alone, then
    ``sessions`` at once on threads, as the server runs session scripts, through the app's own
    ``load_folder`` (no browser: the load test adds one per session, on the same cores).

    Each run opens its own copy of a generated corpus on a fresh cache, after the tagger is loaded.
    """
    from concurrent.futures import ThreadPoolExecutor

    from components.corpus import load_folder
    from loaders import load_corpus
    from tests.corpus_factory import write_corpus

    load_corpus([SAMPLE])  # loads the tagger, which the first run would otherwise pay alone
    with tempfile.TemporaryDirectory() as tmp:
        waits = {}
        for together in (1, sessions):
            folder = write_corpus(Path(tmp) / f"corpus-{together}", count)
            os.environ["KHOBOR_CACHE_DIR"] = str(Path(tmp) / f"cache-{together}")  # the parse cache is keyed by content

            def session(_) -> float:
                start = time.perf_counter()
                load_folder(folder)
                return time.perf_counter() - start

            with ThreadPoolExecutor(together) as pool:
                waits[together] = max(pool.map(session, range(together)))
        os.environ.pop("KHOBOR_CACHE_DIR")
    print(f"first load, {count:,} articles not yet parsed: one session alone {waits[1]:.1f} s; {sessions} at once, "
          f"slowest {waits[sessions]:.1f} s ({waits[sessions] / waits[1]:.2f}x, target <= 1.5x; server side)")


def entities() -> None:
    """Tagging speed, and the top entities of the real corpora."""
    import io

    from loaders.entities.__main__ import tag_conll
    from loaders.entities.extract import tag_spans
    from loaders.entities.tagger import default_tagger
    from loaders.entities.text import tokenize

    tagger = default_tagger()
    if RIFAT_TEST.exists():
        tokens = sum(1 for line in RIFAT_TEST.read_text(encoding="utf-8-sig").splitlines() if line.strip())
        took = best_of(ROUNDS, lambda: tag_conll(RIFAT_TEST, io.StringIO()))
        print(f"tagging (CoNLL)      {tokens / took:,.0f} tokens/s  ({tokens:,} tokens, sentence by sentence)")
    texts = [s.data.decode("utf-8-sig") for s in read_paths([ITTEFAQ if ITTEFAQ.exists() else SAMPLE])]
    spans = []
    for text in texts:
        position, line_spans = 0, []
        for line in text.splitlines(keepends=True):
            if line.strip():
                line_spans.append((position, position + len(line.rstrip("\r\n"))))
            position += len(line)
        spans.append(line_spans)
    tokens = sum(len(tokenize(t[a:b])) for t, article in zip(texts, spans) for a, b in article)
    took = best_of(ROUNDS, lambda: [tag_spans(t, article, tagger) for t, article in zip(texts, spans)])
    print(f"tagging (articles)   {tokens / took:,.0f} tokens/s  ({len(texts)} articles, offsets into the raw text)")
    entity_lists()


def entity_lists() -> None:
    """The top 100 entities of every real corpus by the Entities page's default ranking, with the hand review."""
    from tests.entity_review import CORPORA, judged, read_review, top_entities

    review = read_review()
    for name, path in CORPORA.items():
        if not path.exists():
            continue
        table = judged(name, top_entities(name), review)
        right = int((table["verdict"] == "right").sum())
        print(f"top {len(table)} entities of {name} (by articles; body, no self-mentions): {right} reviewed right")
        for rank, row in enumerate(table.itertuples(), start=1):
            mark = "" if row.verdict == "right" else f"  [{row.verdict}: {row.note}]"
            print(f"  {rank:3d}. {row.name} ({row.type})  {row.articles} articles / {row.mentions} mentions{mark}")


def ingest(docs: list, entities: bool, workers: int = 1) -> None:
    """Cold and warm load figures, with or without entity tagging, on ``workers`` processes."""
    times = run_times(ROUNDS, lambda: parse_documents(docs, entities=entities, workers=workers))
    cold = min(times)
    with tempfile.TemporaryDirectory() as cache:
        parse_documents(docs, cache_dir=cache, entities=entities, workers=workers)
        warm = best_of(ROUNDS, lambda: parse_documents(docs, cache_dir=cache, entities=entities, workers=workers))
    n = len(docs)
    label = ("with entities" if entities else "loaders only") + (f", {workers} cores" if workers > 1 else "")
    print(f"cold ingest, {label:<22} {cold:6.3f} s = {n / cold:8,.0f} articles/s  (best of {ROUNDS}; median "
          f"{n / statistics.median(times):,.0f}/s; first run {n / times[0]:,.0f}/s)")
    print(f"warm (Parquet), {label:<19} {warm:6.3f} s = {n / warm:8,.0f} articles/s  ({cold / warm:.0f}x faster)")


def cli_versus_justext(docs: list) -> None:
    """Cold ingest through the CLI (process start, entities, all cores) against jusText's boilerplate pass alone."""
    try:
        import justext
    except ImportError:
        print("CLI vs jusText       skipped: jusText is not installed (pip install -r requirements-dev.txt)")
        return
    from tests.baselines import paragraphs_html

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "copies"
        for article_id, _, data in docs:
            (folder / article_id).parent.mkdir(parents=True, exist_ok=True)
            (folder / article_id).write_bytes(data)
        caches = iter(range(ROUNDS))

        def cli() -> None:
            env = {**os.environ, "KHOBOR_CACHE_DIR": str(Path(tmp) / f"cache{next(caches)}")}  # a new, empty cache
            subprocess.run([sys.executable, "-m", "loaders", str(folder)], cwd=PROJECT, env=env, check=True,
                           capture_output=True)

        pages = [paragraphs_html(data.decode("utf-8-sig").split("\n")).encode() for _, _, data in docs]

        def boilerplate_pass() -> None:
            for page in pages:
                justext.justext(page, frozenset(), stopwords_low=0, stopwords_high=0, encoding="utf-8")

        ours, theirs = best_of(ROUNDS, cli), best_of(ROUNDS, boilerplate_pass)
    n = len(docs)
    print(f"CLI cold ingest      {n / ours:8,.0f} articles/s  ({ours:.2f} s for {n:,} files: process start, parse, "
          f"entities, Parquet cache; {os.cpu_count()} cores)")
    print(f"jusText pass alone   {n / theirs:8,.0f} articles/s  ({theirs:.2f} s, one core, in-process, no start-up)"
          f"  -> Khobor Lens {theirs / ours:.2f}x (target >= 1.5x)")


def datasets() -> None:
    """The ../shared CSV and JSON exports: load time, and agreement with their own columns."""
    from tests.dataset_figures import csv_agreement, json_agreement

    real = SHARED / "corpus" / "real"
    if not real.exists():
        return
    start = time.perf_counter()
    table = csv_agreement(real / "csv")
    took = time.perf_counter() - start
    print(f"CSV exports          {table['loaded']:,} of {table['rows']:,} rows loaded in {took:.1f} s (loaders only); "
          f"title = Headline {table['titles_equal'] / table['headlines']:.1%}; "
          f"published = date column {table['published_equal'] / table['dated']:.1%}")
    records = json_agreement(real / "bd-newspapers-2025.json")
    print(f"JSON export          {records['loaded']:,} of {records['records']:,} records loaded; "
          f"title = headline {records['titles_equal'] / records['headlines']:.1%}; "
          f"outlet right {records['outlets_right']} of {records['known_outlets']} known paper_name")


STORY_ARTICLES, STORY_ADDED = 100_000, 1_000


def stories() -> None:
    """Republished text and stories (the stage after parsing) on 100,000 generated articles, then with
    1,000 more given the first run's index, read from and written back to a parse store as a load
    does. The tables are built directly, not parsed from pages (see
    :func:`tests.reuse_factory.synthetic_tables`): the figure is the stage's alone."""
    from loaders.cache import ParseStore
    from loaders.stories import republished
    from tests.reuse_factory import synthetic_tables

    articles, lines, planted = synthetic_tables(STORY_ARTICLES + STORY_ADDED)
    first = articles["article_id"].isin(articles["article_id"][:STORY_ARTICLES])
    old_articles, old_lines = articles[first], lines[lines["article_id"].isin(articles["article_id"][first])]
    start = time.perf_counter()
    stage = republished(old_articles, old_lines)
    full = time.perf_counter() - start
    print(f"stories, {STORY_ARTICLES:,} articles   {full:.1f} s (reuse and stories; target ≤ 60 s); "
          f"{len(stage.reuse):,} reuse rows, {len(planted):,} copies planted in all, "
          f"{len(stage.index.stories.links):,} headline links, {len(stage.story_table):,} stories")
    with tempfile.TemporaryDirectory() as folder:
        store = ParseStore(folder)
        store.put_stage_index(stage.index)
        start = time.perf_counter()
        grown = republished(articles, lines, store.get_stage_index())
        store.put_stage_index(grown.index)
        added = time.perf_counter() - start
    print(f"stories, +{STORY_ADDED:,} articles     {added:.1f} s (the first run's index read, the stage, the index "
          f"written; target ≤ 5 s); {len(grown.reuse):,} reuse rows, {len(grown.story_table):,} stories")


def main() -> int:
    datasets()
    docs = documents()
    if not ITTEFAQ.exists():
        print("note: ../shared is absent; benchmarking the bundled sample only", file=sys.stderr)
    print(f"documents            {len(docs)} (sample + Ittefaq, {COPIES} distinct copies)")
    cli_versus_justext(docs)
    ingest(docs, entities=False)
    ingest(docs, entities=True)
    if (os.cpu_count() or 1) > 1:
        ingest(docs, entities=True, workers=os.cpu_count())
    entities()
    dashboard()
    shared_first_load()
    stories()
    subprocess.run([sys.executable, "-m", "tests.benchmarks", "--scale"], cwd=PROJECT, check=True)
    subprocess.run([sys.executable, "-m", "tests.loadtest"], cwd=PROJECT, check=True)
    subprocess.run([sys.executable, "-m", "tests.loadtest", "--articles", str(SCALE_ARTICLES), "--sessions", "5",
                    "--timeout", "1200", "--rounds", "1"], cwd=PROJECT, check=True)
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--stories"]:
        stories()
        sys.exit(0)
    if sys.argv[1:] == ["--scale"]:
        dashboard(SCALE_ARTICLES)
        sys.exit(0)
    if sys.argv[1:] == ["--first-load"]:
        shared_first_load()
        sys.exit(0)
    sys.exit(main())
