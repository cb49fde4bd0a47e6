import pytest
from django.core.management import call_command

from forums.models import ActionItem, ActionUpdate, Forum, Participant, Recommendation, Session

pytestmark = pytest.mark.django_db

MODELS = [Forum, Participant, Session, Recommendation, ActionItem, ActionUpdate]


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_seed_demo_twice_changes_nothing(settings):
    settings.DEBUG = True
    call_command("seed_demo")
    first = counts()
    call_command("seed_demo")
    assert counts() == first
    assert first["Forum"] == 3


def test_demo_forums_follow_the_seed_documents(settings):
    settings.DEBUG = True
    call_command("seed_demo")
    dushanbe = Forum.objects.get(slug="dushanbe-2017")
    assert (dushanbe.city, dushanbe.country_id, str(dushanbe.start_date), str(dushanbe.end_date)) == (
        "Dushanbe", "TJ", "2017-06-22", "2017-06-23")
    assert dushanbe.participants.count() == 31
    assert dushanbe.participants.filter(attended=False).count() == 1
    assert sorted(set(dushanbe.recommendations.values_list("cluster_code", flat=True))) == ["A", "B", "C"]
    assert dushanbe.sessions.filter(kind="bilateral").exists()
    kabul = Forum.objects.get(slug="kabul-2018")
    assert kabul.organizers.filter(acronym="OFRD").exists()
    assert kabul.action_items.count() == 6
    assert Forum.objects.get(kind=Forum.Kind.GOVERNMENT).city == "Kabul"


def test_demo_participants_have_only_example_contacts(settings):
    settings.DEBUG = True
    call_command("seed_demo")
    for participant in Participant.objects.all():
        assert participant.email.endswith("@example.org")
        assert participant.person_id and participant.organization_id
        assert " 000 " in participant.phone
    assert not Participant.objects.filter(email__icontains="iom.int").exists()
