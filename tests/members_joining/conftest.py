import time

import pytest
from django.core import signing
from django.core.cache import cache

from members.models import FocusArea
from members.tokens import JOIN_SALT


@pytest.fixture(autouse=True)
def _local_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "jn-tests"}}
    cache.clear()
    yield
    cache.clear()


def started(seconds_ago=10):
    """A join-form time stamp as if the form had been rendered `seconds_ago`."""
    return signing.dumps(time.time() - seconds_ago, salt=JOIN_SALT)


@pytest.fixture
def join_data(db):
    return {
        "name": "Hayot Women's Centre",
        "acronym": "HWC",
        "country": "TJ",
        "kind": "ngo",
        "city": "Khujand",
        "website": "https://hayot.example.org",
        "description": "Shelter and legal aid for women returning from labour migration.",
        "focus_areas": [FocusArea.objects.order_by("order").first().pk],
        "contact_name": "Dilnoza Karimova",
        "contact_position": "Director",
        "contact_email": "Dilnoza@Example.org",
        "contact_phone": "+992 92 000 0000",
        "consent": "on",
        "started": started(),
        "homepage": "",
    }
