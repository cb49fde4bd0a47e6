"""Stub: written by the plan helper (issue 18)."""
