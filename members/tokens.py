"""Signed tokens: the join form's single-use anti-bot timestamp and the unsubscribe links in e-mails."""

import secrets
import time

from django.core import signing
from django.core.cache import cache

JOIN_SALT = "members.join.timestamp"
UNSUBSCRIBE_SALT = "members.unsubscribe"
UNSUBSCRIBE_MAX_AGE = 60 * 24 * 3600  # 60 days
ALL_TOPICS = "all"


def make_form_timestamp(rendered_at: float | None = None) -> str:
    """When the form was rendered, with a random nonce so that each form's stamp can be used only once."""
    rendered_at = time.time() if rendered_at is None else rendered_at
    return signing.dumps([rendered_at, secrets.token_urlsafe(16)], salt=JOIN_SALT)


def read_form_timestamp(token: str, max_age: int) -> tuple[float, str]:
    """(seconds since the form was rendered, its nonce).

    Raises signing.BadSignature if tampered or older than max_age, ValueError or TypeError if malformed.
    """
    rendered_at, nonce = signing.loads(token, salt=JOIN_SALT, max_age=max_age)
    return time.time() - float(rendered_at), str(nonce)


def _nonce_key(nonce: str) -> str:
    return "join-form-used:" + nonce  # signed by the portal: URL-safe characters, a safe cache key


def form_nonce_used(nonce: str) -> bool:
    return cache.get(_nonce_key(nonce)) is not None


def use_form_nonce(nonce: str, max_age: int) -> bool:
    """Mark a form's stamp as used; False if it already was.

    cache.add(): of two sent at once, one wins (atomic in Redis, memcached and the database cache; the default
    file cache checks then writes, a window of microseconds). Remembered for max_age, as long as the stamp
    itself is valid, by the cache that all workers share (CACHE_BACKEND).
    """
    return cache.add(_nonce_key(nonce), 1, timeout=max_age)


def make_unsubscribe_token(user_id: int, topic: str) -> str:
    return signing.TimestampSigner(salt=UNSUBSCRIBE_SALT).sign_object({"u": user_id, "t": topic})


def read_unsubscribe_token(token: str) -> tuple[int, str]:
    """(user id, topic); raises signing.SignatureExpired or signing.BadSignature."""
    data = signing.TimestampSigner(salt=UNSUBSCRIBE_SALT).unsign_object(token, max_age=UNSUBSCRIBE_MAX_AGE)
    return int(data["u"]), str(data["t"])
