import pytest

from members.models import NotificationPreference


@pytest.fixture
def prefer(db):
    """prefer(user, frequency="immediate", countries=None, **topics) saves a user's notification settings."""

    def build(user, frequency="immediate", countries=None, **topics):
        preference, _ = NotificationPreference.objects.update_or_create(
            user=user, defaults={"frequency": frequency, "review_all_countries": countries is None, **topics}
        )
        if countries:
            preference.review_countries.set(countries)
        return preference

    return build
