"""What an outage is: the database or Redis cannot be reached (down, restarting). Imported by the logging
configuration, so without models."""

import logging

from django.db import InterfaceError, OperationalError


def _outage_errors() -> tuple:
    errors = [OperationalError, InterfaceError]
    try:
        import redis.exceptions

        errors += [redis.exceptions.ConnectionError, redis.exceptions.TimeoutError]
    except ImportError:  # pragma: no cover - redis is in requirements.txt
        pass
    return tuple(errors)


OUTAGE_ERRORS = _outage_errors()


def is_outage(exc) -> bool:
    """True for an error of a database or cache that cannot be reached (down, restarting), also when wrapped."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, OUTAGE_ERRORS):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False


class OutageWithoutTrace(logging.Filter):
    """Logging filter: an outage (is_outage) is logged as one line, without its stack trace."""

    def filter(self, record):
        if record.exc_info and is_outage(record.exc_info[1]):
            error = record.exc_info[1]
            record.msg = f"{record.getMessage()} ({type(error).__name__}: {error})"
            record.args = ()
            record.exc_info = record.exc_text = None
        return True
