"""The yearly cycle's reminder: coordinators are e-mailed once when a year passed without an annual meeting."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse

from forums.models import Forum
from strategy.models import AnnualMeetingReminder, Strategy
from strategy.reminders import remind_missing_annual_meeting
from tests.factories import make_user
from tests.forums.factories import make_forum
from tests.strategy.factories import adopt, make_strategy

IN_2021 = datetime.date(2021, 1, 10)  # the previous year, 2020, lies within 2019–2023


@pytest.fixture
def in_force(db):
    return adopt(make_strategy(2019, 2023), make_forum(start=datetime.date(2018, 8, 27)))


@pytest.fixture
def coordinators(db):
    return [
        make_user("coord.en@example.org", is_coordinator=True),
        make_user("coord.ru@example.org", is_coordinator=True, language="ru"),
        make_user("former@example.org", is_coordinator=True, is_active=False),
        make_user("member@example.org"),
    ]


def test_every_active_coordinator_is_reminded_once_in_their_language(in_force, coordinators, mailoutbox):
    reminder = remind_missing_annual_meeting(today=IN_2021)
    assert reminder.year == 2020 and reminder.recipients == 2
    assert sorted(m.to[0] for m in mailoutbox) == ["coord.en@example.org", "coord.ru@example.org"]
    english = next(m for m in mailoutbox if m.to == ["coord.en@example.org"])
    assert "2020" in english.subject
    assert reverse("strategy:plan", args=[in_force.pk]) + "#yearly-cycle" in english.body
    assert remind_missing_annual_meeting(today=IN_2021) is None
    assert remind_missing_annual_meeting(today=datetime.date(2021, 12, 31)) is None
    assert len(mailoutbox) == 2
    assert AnnualMeetingReminder.objects.get().year == 2020


def test_the_e_mail_is_rendered_in_the_recipients_language(in_force, coordinators, mailoutbox, monkeypatch):
    languages = []
    from strategy import reminders

    original = reminders.render_to_string

    def spy(name, context):
        from django.utils.translation import get_language

        languages.append(get_language())
        return original(name, context)

    monkeypatch.setattr(reminders, "render_to_string", spy)
    remind_missing_annual_meeting(today=IN_2021)
    assert sorted(set(languages)) == ["en", "ru"]


@pytest.mark.parametrize("status", [Forum.Status.HELD, Forum.Status.PLANNED])
def test_not_sent_when_a_meeting_is_recorded(in_force, coordinators, mailoutbox, status):
    make_forum(start=datetime.date(2020, 10, 1), kind=Forum.Kind.ANNUAL, status=status)
    assert remind_missing_annual_meeting(today=IN_2021) is None
    assert mailoutbox == [] and not AnnualMeetingReminder.objects.exists()


def test_a_cancelled_or_other_meeting_does_not_count(in_force, coordinators, mailoutbox):
    make_forum(start=datetime.date(2020, 10, 1), kind=Forum.Kind.ANNUAL, status=Forum.Status.CANCELLED)
    make_forum(start=datetime.date(2020, 11, 1), kind=Forum.Kind.REGIONAL_NGO)
    assert remind_missing_annual_meeting(today=IN_2021) is not None
    assert len(mailoutbox) == 2


@pytest.mark.parametrize("on", [datetime.date(2019, 6, 1), datetime.date(2025, 2, 1)])
def test_not_sent_outside_the_period(in_force, coordinators, mailoutbox, on):
    assert remind_missing_annual_meeting(today=on) is None  # 2018 and 2024 lie outside 2019–2023
    assert mailoutbox == []


def test_not_sent_without_a_strategy_in_force(db, coordinators, mailoutbox):
    make_strategy(2019, 2023)  # a draft
    superseded = adopt(make_strategy(2019, 2023, version=2), make_forum(start=datetime.date(2018, 8, 27)))
    Strategy.objects.filter(pk=superseded.pk).update(status=Strategy.Status.SUPERSEDED)
    assert remind_missing_annual_meeting(today=IN_2021) is None
    assert mailoutbox == []


def test_a_failed_mail_server_leaves_the_year_for_the_next_run(in_force, coordinators, mailoutbox, monkeypatch):
    from django.core.mail.backends.locmem import EmailBackend

    def fail(self, messages):
        raise OSError("mail server down")

    monkeypatch.setattr(EmailBackend, "send_messages", fail)
    with pytest.raises(OSError):
        remind_missing_annual_meeting(today=IN_2021)
    assert not AnnualMeetingReminder.objects.exists()
    monkeypatch.undo()
    assert remind_missing_annual_meeting(today=IN_2021) is not None


def test_the_command_is_idempotent(in_force, coordinators, mailoutbox, monkeypatch, capsys):
    monkeypatch.setattr("strategy.reminders.local_today", lambda: IN_2021)
    call_command("remind_annual_meeting")
    call_command("remind_annual_meeting")
    assert len(mailoutbox) == 2
    out = capsys.readouterr().out
    assert "Reminded 2 coordinators" in out and "No reminder due." in out
