"""Khobor Lens: explore a corpus of Bengali news pages. Run with `make run`."""
import streamlit as st

from components import corpus as corpus_source
from components import sidebar
from components.filters import apply_filters
from components.state import View, publish

st.set_page_config(page_title="Khobor Lens", page_icon="📰", layout="wide")

uploads = sidebar.corpus_uploader()
if uploads:
    corpus, origin = corpus_source.load_uploads(uploads), f"{len(uploads)} uploaded file(s)"
else:
    folder = corpus_source.corpus_dir()
    corpus, origin = corpus_source.load_folder(folder), folder.name if folder != corpus_source.SAMPLE_DIR else "bundled sample"

names = sidebar.site_names(corpus.articles)
chosen = sidebar.filters(corpus.articles, names)
filtered = apply_filters(corpus.articles, chosen)
st.sidebar.caption(f"**{len(filtered):,}** of {len(corpus.articles):,} articles · corpus: {origin}")
publish(View(corpus=corpus, origin=origin, filters=chosen, articles=filtered, site_names=names))

page = st.navigation([
    st.Page("components/overview.py", title="Overview", icon=":material/dashboard:", url_path="", default=True),
])
page.run()
