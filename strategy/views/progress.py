"""Stub: written by the progress helper (issue 18)."""
