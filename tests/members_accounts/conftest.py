import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _local_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "acc-tests"}}
    cache.clear()
    yield
    cache.clear()
