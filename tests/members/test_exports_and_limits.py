"""Findings of the security review (issue 13): spreadsheet formulas in CSV exports, and rate-limit windows."""

import pytest

from members import ratelimit
from members.exports import neutralize, unneutralize


@pytest.mark.parametrize(
    "value, expected",
    [
        ("=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"http://evil\")"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        # A digit after + or - no longer lets a formula through.
        ("-2+3", "'-2+3"),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-1)*cmd", "'-1)*cmd"),
        # Phone numbers and plain numbers stay readable.
        ("+992 90 000 0001", "+992 90 000 0001"),
        ("+92 (300) 000-0001", "+92 (300) 000-0001"),
        ("-5", "-5"),
        ("Madina", "Madina"),
        ("", ""),
        (2017, 2017),
    ],
)
def test_cells_that_start_like_a_formula_are_neutralized(value, expected):
    assert neutralize(value) == expected
    if isinstance(value, str):
        assert unneutralize(neutralize(value)) == value  # the participants import reads its own exports back


def test_an_apostrophe_typed_by_someone_is_kept_on_import():
    assert unneutralize("'Madina'") == "'Madina'"
    assert unneutralize("'+992 90 000 0001") == "'+992 90 000 0001"  # not one that neutralize() adds


def test_a_rate_limit_window_lasts_its_period_on_the_file_cache(tmp_path, monkeypatch):
    """cache.incr() on the file cache stored the count with the default 300 s timeout: "2 an hour" became
    "2 every 5 minutes"."""
    from django.core.cache.backends.filebased import FileBasedCache

    monkeypatch.setattr(ratelimit, "cache", FileBasedCache(str(tmp_path), {}))
    limit = ratelimit.RateLimit("test-window", limit=2, period=3600)
    now = [1_000_000.0]
    monkeypatch.setattr("time.time", lambda: now[0])
    assert not limit.limited("203.0.113.7")
    assert not limit.limited("203.0.113.7")
    now[0] += 400  # past the cache's default timeout, well inside the hour
    assert limit.exceeded("203.0.113.7")
    assert limit.limited("203.0.113.7")
    now[0] += 3600
    assert not limit.exceeded("203.0.113.7")
