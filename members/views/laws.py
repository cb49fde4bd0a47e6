"""Pages of the laws register (issue 17)."""
