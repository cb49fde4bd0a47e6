"""Who gets what on every URL of the country reviews: (role, method, URL, expected status), one row each.

"login" means the anonymous user is redirected to the login page; 302 elsewhere is the normal
redirect after a POST (done, or refused with a message).
"""

import pytest

from .factories import make_overview

ROLES = ["anonymous", "member", "editor", "other_editor", "steering", "coordinator"]


def row(method, url, *statuses):
    return [(role, method, url, status) for role, status in zip(ROLES, statuses, strict=True)]


TABLE = [
    # Public pages.
    *row("get", "/reviews/", 200, 200, 200, 200, 200, 200),
    *row("get", "/reviews/tj/2017/", 200, 200, 200, 200, 200, 200),
    *row("get", "/reviews/TJ/2017/", 200, 200, 200, 200, 200, 200),
    *row("get", "/reviews/tj/2017/r1/", 200, 200, 200, 200, 200, 200),
    *row("get", "/reviews/tj/2017/r9/", 404, 404, 404, 404, 404, 404),
    *row("get", "/reviews/xx/2017/", 404, 404, 404, 404, 404, 404),
    *row("get", "/reviews/tj/1999/", 404, 404, 404, 404, 404, 404),
    *row("get", "/reviews/overview/", 200, 200, 200, 200, 200, 200),
    *row("get", "/reviews/overview/2017/", 200, 200, 200, 200, 200, 200),
    *row("get", "/reviews/overview/2017/comparison.csv", 200, 200, 200, 200, 200, 200),
    # Drafts: members of the country, any steering representative, coordinators.
    *row("get", "/reviews/tj/2018/", 404, 200, 200, 404, 200, 200),
    *row("get", "/reviews/tj/2018/r1/", 404, 200, 200, 404, 200, 200),
    *row("get", "/reviews/pk/2018/", 404, 404, 404, 200, 200, 200),
    *row("get", "/reviews/overview/2018/", 404, 404, 404, 404, 200, 200),
    *row("get", "/reviews/overview/2018/comparison.csv", 404, 404, 404, 404, 200, 200),
    # Writing: members of the country (the TJ steering representative is one), coordinators.
    *row("get", "/reviews/tj/2018/edit/", "login", 200, 200, 404, 200, 200),
    *row("get", "/reviews/tj/2017/edit/", "login", 200, 200, 403, 200, 200),
    *row("get", "/reviews/pk/2018/edit/", "login", 404, 404, 200, 403, 200),
    *row("get", "/reviews/uz/2019/edit/", "login", 404, 404, 404, 404, 200),
    *row("get", "/reviews/write/?cc=tj&year=2018", "login", 302, 302, 302, 302, 302),
    *row("post", "/reviews/tj/2018/r1/submit/", "login", 302, 302, 404, 302, 302),
    *row("post", "/reviews/pk/2018/r1/submit/", "login", 404, 404, 302, 403, 302),
    *row("post", "/reviews/tj/2017/start/", "login", 302, 302, 403, 302, 302),
    # Deciding: only the country's representative or a coordinator.
    *row("post", "/reviews/tj/2018/r1/publish/", "login", 403, 403, 404, 302, 302),
    *row("post", "/reviews/tj/2018/r1/return/", "login", 403, 403, 404, 302, 302),
    *row("post", "/reviews/tj/2017/r1/withdraw/", "login", 403, 403, 403, 302, 302),
    *row("post", "/reviews/tj/2017/r1/publish/", "login", 403, 403, 403, 302, 302),
    *row("post", "/reviews/pk/2018/r1/publish/", "login", 404, 404, 403, 403, 302),
    # Overview editions: any representative or a coordinator.
    *row("get", "/reviews/overview/new/", "login", 403, 403, 403, 200, 200),
    *row("get", "/reviews/overview/2018/edit/", "login", 404, 404, 404, 200, 200),
    *row("post", "/reviews/overview/2018/refresh/", "login", 404, 404, 404, 302, 302),
    *row("post", "/reviews/overview/2018/publish/", "login", 404, 404, 404, 302, 302),
    *row("post", "/reviews/overview/2017/refresh/", "login", 403, 403, 403, 302, 302),
    # Workflow URLs take POST only.
    *row("get", "/reviews/tj/2018/r1/publish/", "login", 405, 405, 405, 405, 405),
]


@pytest.fixture
def world(published, draft, pk_draft):
    make_overview(2017, [published], published=True)
    make_overview(2018)


@pytest.mark.parametrize(("role", "method", "url", "expected"), TABLE)
def test_permissions_table(world, client_as, role, method, url, expected):
    client = client_as(role)
    response = getattr(client, method)(url, {"comment": "Please add sources."} if method == "post" else None)
    if expected == "login":
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == expected
        if expected == 302:
            assert "/accounts/login/" not in response["Location"]
