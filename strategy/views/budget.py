"""Stub: written by the budget helper (issue 18)."""
