"""Khobor Lens UI: the shared corpus loader and the dashboard pages."""
