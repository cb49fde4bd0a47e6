"""The strategy's pages, one module per concern: structure (the strategy's text, adoption, revisions), plan
(activities, progress notes, forum action items, the yearly cycle), budget (lines, totals, visibility, the CSV
exports) and progress (progress at a glance, indicator results)."""
