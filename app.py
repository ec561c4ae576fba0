"""Khobor Lens: explore a corpus of Bengali news pages. Run with `make run`."""
import streamlit as st

st.set_page_config(page_title="Khobor Lens", page_icon="📰", layout="wide")

page = st.navigation([st.Page("components/overview.py", title="Overview", icon="🗞️", default=True)])
page.run()
