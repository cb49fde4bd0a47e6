import pytest
from django.db import DatabaseError

pytestmark = pytest.mark.django_db


def test_it_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_it_answers_503_when_the_database_fails(client, monkeypatch):
    from network_portal import views

    class BrokenCursor:
        def __enter__(self):
            raise DatabaseError("down")

        def __exit__(self, *args):
            return False

    monkeypatch.setattr(views.connection, "cursor", lambda: BrokenCursor())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "error"


def test_it_answers_503_when_the_cache_fails(client, monkeypatch):
    """With Redis down pages answer 503, so the health check does too: a load balancer stops sending visitors."""
    import redis.exceptions

    from network_portal import views

    class Down:
        def get(self, *args, **kwargs):
            raise redis.exceptions.ConnectionError("down")

    monkeypatch.setattr(views, "cache", Down())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "cache": "unavailable"}
