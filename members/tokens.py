"""Signed tokens: the join form's anti-bot timestamp and the unsubscribe links in e-mails."""

import time

from django.core import signing

JOIN_SALT = "members.join.timestamp"
UNSUBSCRIBE_SALT = "members.unsubscribe"
UNSUBSCRIBE_MAX_AGE = 60 * 24 * 3600  # 60 days
ALL_TOPICS = "all"


def make_form_timestamp() -> str:
    return signing.dumps(time.time(), salt=JOIN_SALT)


def form_age(token: str, max_age: int) -> float:
    """Seconds since the form was rendered; raises signing.BadSignature if tampered or older than max_age."""
    rendered_at = signing.loads(token, salt=JOIN_SALT, max_age=max_age)
    return time.time() - float(rendered_at)


def make_unsubscribe_token(user_id: int, topic: str) -> str:
    return signing.TimestampSigner(salt=UNSUBSCRIBE_SALT).sign_object({"u": user_id, "t": topic})


def read_unsubscribe_token(token: str) -> tuple[int, str]:
    """(user id, topic); raises signing.SignatureExpired or signing.BadSignature."""
    data = signing.TimestampSigner(salt=UNSUBSCRIBE_SALT).unsign_object(token, max_age=UNSUBSCRIBE_MAX_AGE)
    return int(data["u"]), str(data["t"])
