"""`manage.py remind_stale_entries`: the editors of entries that may be out of date are reminded by e-mail, in their
own language, once per verification period."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from members.models import Membership, Organization, Service
from members.verification import confirm

from ..factories import make_membership, make_organization, make_service, make_user


def ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def set_verified(entry, days_ago):
    at = None if days_ago is None else ago(days_ago)
    type(entry).objects.filter(pk=entry.pk).update(verified_at=at, verified_as="organization" if at else "")


def remind(*args) -> str:
    out = io.StringIO()
    call_command("remind_stale_entries", *args, stdout=out)
    return out.getvalue()


def reminded_at(org):
    return Organization.objects.get(pk=org.pk).reminded_at


@pytest.fixture
def fresh(users):
    """Every organization of the roles and its services verified just now: only what a test makes stale is stale."""
    Organization.objects.update(verified_at=timezone.now())
    Service.objects.update(verified_at=timezone.now())


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_the_editors_of_a_stale_organization_are_reminded_once(fresh, users, organization, mailoutbox):
    set_verified(organization, 400)
    output = remind()
    # The editor only: not the organization's member, nor anyone of other organizations.
    assert recipients() == ["editor@example.org"]
    message = mailoutbox[0]
    assert "Madina Test NGO" in message.subject
    assert "The organization's profile: last confirmed on" in message.body
    assert f"/members/org/{organization.slug}/" in message.body
    assert "1 e-mails to the editors of 1 organizations" in output
    assert timezone.now() - reminded_at(organization) < datetime.timedelta(minutes=1)

    remind()
    assert len(mailoutbox) == 1  # a second run sends nothing


def test_fresh_entries_are_not_reminded(fresh, users, mailoutbox):
    assert "0 e-mails" in remind()
    assert mailoutbox == []
    assert not Organization.objects.filter(reminded_at__isnull=False).exists()


def test_a_stale_service_alone_is_reminded_and_named(fresh, users, organization, mailoutbox):
    make_service(organization, name="Madina hotline")  # never verified
    make_service(organization, name="Madina shelter", kind=Service.Kind.SHELTER, verified_at=timezone.now())
    remind()
    body = mailoutbox[0].body
    assert "Madina hotline: never confirmed" in body
    assert "Madina shelter" not in body
    assert "The organization's profile" not in body


def test_every_active_editor_gets_an_email_of_their_own_in_their_language(fresh, users, organization, mailoutbox):
    russian = make_user("russian.editor@example.org", language="ru")
    make_membership(russian, organization, Membership.Role.EDITOR)
    dari = make_user("dari.editor@example.org", language="fa")
    make_membership(dari, organization, Membership.Role.EDITOR)
    gone = make_user("gone.editor@example.org", is_active=False)
    make_membership(gone, organization, Membership.Role.EDITOR)
    service = make_service(organization, name_en="Hotline for migrants", name_ru="Горячая линия для мигрантов")
    Organization.objects.filter(pk=organization.pk).update(verified_at=timezone.make_aware(datetime.datetime(2017, 6, 22, 12)))
    set_verified(service, None)

    remind()
    by_address = {message.to[0]: message for message in mailoutbox}
    assert sorted(by_address) == ["dari.editor@example.org", "editor@example.org", "russian.editor@example.org"]
    assert all(len(message.to) == 1 for message in mailoutbox)  # editors do not see each other's addresses
    english, russian, dari = (by_address[a].body for a in ("editor@example.org", "russian.editor@example.org",
                                                            "dari.editor@example.org"))
    assert "Hotline for migrants: never confirmed" in english and "last confirmed on 22 June 2017" in english
    assert "Горячая линия для мигрантов: подтверждений не было" in russian and "22 июня 2017" in russian
    # 22 June 2017 in the Solar Hijri calendar; the service's name has no Dari text, so its language is named.
    assert "۱ سرطان ۱۳۹۶" in dari and "Hotline for migrants (انگلیسی)" in dari


def test_after_a_confirmation_and_a_new_period_the_editors_are_reminded_again(fresh, users, organization, mailoutbox):
    set_verified(organization, 400)
    remind()
    assert len(mailoutbox) == 1
    confirm(organization, users["editor"])
    remind()
    assert len(mailoutbox) == 1  # current again: nothing to remind

    # A year and more later: the confirmation and the last reminder are both older than the period.
    set_verified(organization, 380)
    Organization.objects.filter(pk=organization.pk).update(reminded_at=ago(390))
    remind()
    assert len(mailoutbox) == 2
    remind()
    assert len(mailoutbox) == 2


def test_a_reminder_within_the_period_is_not_repeated_even_if_still_stale(fresh, users, organization, mailoutbox):
    set_verified(organization, 600)
    Organization.objects.filter(pk=organization.pk).update(reminded_at=ago(200))
    remind()
    assert mailoutbox == []


@override_settings(VERIFICATION_MONTHS=1)
def test_the_period_is_the_setting(fresh, users, organization, mailoutbox):
    set_verified(organization, 40)
    Organization.objects.filter(pk=organization.pk).update(reminded_at=ago(35))
    remind()
    assert recipients() == ["editor@example.org"]
    assert "not been confirmed for 1 month." in mailoutbox[0].body


@pytest.mark.parametrize("status", [Organization.MembershipStatus.APPLICANT, Organization.MembershipStatus.FORMER])
def test_applicants_and_former_members_are_not_reminded(fresh, users, status, mailoutbox):
    org = make_organization("TJ", membership_status=status)
    make_membership(make_user(), org, Membership.Role.EDITOR)
    remind()
    assert mailoutbox == []
    assert reminded_at(org) is None


def test_stakeholders_are_reminded(fresh, users, stakeholder_organization, mailoutbox):
    make_membership(make_user("commission.editor@example.org"), stakeholder_organization, Membership.Role.EDITOR)
    set_verified(stakeholder_organization, None)
    remind()
    assert recipients() == ["commission.editor@example.org"]


def test_an_organization_without_editors_is_not_marked_reminded(fresh, users, mailoutbox):
    org = make_organization("AF", slug="nobody-edits")
    make_membership(make_user(), org, Membership.Role.MEMBER)
    output = remind()
    assert mailoutbox == []
    assert reminded_at(org) is None
    assert "nobody-edits: no active editor to remind" in output
    assert "organizations without an editor: 1" in output


def test_a_dry_run_shows_what_would_be_sent_and_sends_nothing(fresh, users, organization, mailoutbox):
    set_verified(organization, 400)
    make_service(organization, name="Madina hotline")
    output = remind("--dry-run")
    assert "madina-test: would remind editor@example.org of profile; Madina hotline" in output
    assert "1 e-mails to the editors of 1 organizations" in output
    assert mailoutbox == []
    assert reminded_at(organization) is None


def test_a_failed_email_is_tried_again_on_the_next_run(fresh, users, organization, mailoutbox, monkeypatch):
    set_verified(organization, 400)
    from django.core.mail.backends.locmem import EmailBackend

    def fail(self, messages):
        raise OSError("mail server down")

    with monkeypatch.context() as patch:
        patch.setattr(EmailBackend, "send_messages", fail)
        output = remind()
    assert "failed (will retry): 1" in output
    assert reminded_at(organization) is None
    remind()
    assert recipients() == ["editor@example.org"]
