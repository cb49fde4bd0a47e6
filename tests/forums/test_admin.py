import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["forum", "actionitem", "participant", "forumdocument"])
def test_admin_lists_and_forms_load(admin_client, forum, model):
    assert admin_client.get(reverse(f"admin:forums_{model}_changelist")).status_code == 200


def test_admin_forum_page_has_its_inlines(admin_client, forum):
    response = admin_client.get(reverse("admin:forums_forum_change", args=[forum.pk]))
    assert response.status_code == 200
    assert "Tajik Delegate" in response.content.decode()
