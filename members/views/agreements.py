"""Pages of the agreements register (issue 17)."""
