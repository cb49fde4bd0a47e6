"""Sessions in Redis (settings.SESSION_ENGINE when REDIS_URL is set): Django's cache sessions, except that a
Redis that cannot be reached is an error (the visitor gets the 503 page) rather than an empty session, which would
show a logged-in user the public page and send a form they were filling in to the login page."""

from django.contrib.sessions.backends.cache import SessionStore as CacheSessionStore


class SessionStore(CacheSessionStore):
    def load(self):
        session_data = self._cache.get(self.cache_key)
        if session_data is not None:
            return session_data
        self._session_key = None
        return {}
