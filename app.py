"""Khobor Lens: explore a corpus of Bengali news pages. Run with `make run`."""
import altair  # noqa: F401  (imported with the first load: it takes 0.6 s, which a first chart-page visit would pay)
import streamlit as st

from components import corpus as corpus_source
from components import sidebar
from components.filters import apply_filters, entity_articles
from components.state import View, publish

st.set_page_config(page_title="Khobor Lens", page_icon="📰", layout="wide")

uploads = sidebar.corpus_uploader()
if uploads:
    options = sidebar.dataset_options(corpus_source.upload_columns(uploads))
    loaded, origin = corpus_source.load_uploads(uploads, options), f"{len(uploads)} uploaded file(s)"
    sidebar.upload_errors(loaded.corpus.errors)
else:
    folder = corpus_source.corpus_dir()
    loaded, origin = corpus_source.load_folder(folder), folder.name if folder != corpus_source.SAMPLE_DIR else "bundled sample"
corpus = loaded.corpus
entities, mentions, page_mentions, corrections_error = corpus_source.corrected_entities(loaded)

options = loaded.filter_options
names = options.names
chosen = sidebar.filters(options, entities)
filtered = apply_filters(corpus.articles, chosen, entity_articles(mentions, chosen.entity))
st.sidebar.caption(f"**{len(filtered):,}** of {len(corpus.articles):,} articles · corpus: {origin}")
publish(View(corpus=corpus, origin=origin, filters=chosen, articles=filtered, site_names=names, entities=entities,
             all_mentions=mentions, page_mentions=page_mentions, corrections_file=corpus_source.corrections_file(),
             corrections_error=corrections_error))

page = st.navigation([
    st.Page("components/pages/overview.py", title="Overview", icon=":material/dashboard:", url_path="", default=True),
    st.Page("components/pages/entities.py", title="Entities", icon=":material/groups:", url_path="entities"),
    st.Page("components/pages/sources.py", title="Sources", icon=":material/newspaper:", url_path="sources"),
    st.Page("components/pages/timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"),
    st.Page("components/pages/stories.py", title="Stories", icon=":material/article:", url_path="stories"),
    st.Page("components/pages/reader.py", title="Reader", icon=":material/chrome_reader_mode:", url_path="reader"),
])
page.run()
