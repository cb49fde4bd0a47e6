"""Cross-border referral requests (/referrals/): who sees them, sending, answering, closing and withdrawing, the
e-mails (never the content), the security log (never the content), erasure after the retention period, and the
entry points (the organization page's button, the menu's badge)."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from members import referrals as referral_events
from members.models import Membership, Organization, ReferralRequest, SecurityEvent
from tests.factories import make_membership, make_organization, make_user

LIST = reverse("members:referrals")
CREATE = reverse("members:referral-create")
Status = ReferralRequest.Status
Kind = SecurityEvent.Kind

# What a request says about the case: none of it may leave the portal (e-mails, the security log).
DETAILS = "Returned from Russia with two children; needs a safe place on arrival."
CITY = "Peshawar"
REFERENCE = "DSH-2026-014"
NOTE = "Our shelter is full until June; try the other shelter."


def make_referral(sender, receiver, status=Status.SENT, **extra):
    fields = {"help_needed": ",shelter,legal_aid,", "languages": ",fa,", "city": CITY, "case_reference": REFERENCE,
              "details": DETAILS}
    fields.update(extra)
    return ReferralRequest.objects.create(from_organization=sender, to_organization=receiver, status=status, **fields)


@pytest.fixture
def referral(users, organization, other_organization):
    """madina-test (TJ: member, editor) asks other-pk (PK: other_editor)."""
    return make_referral(organization, other_organization, created_by=users["member"])


def detail(referral, action=""):
    return reverse(f"members:referral{'-' + action if action else ''}", args=[referral.pk])


def form_data(receiver, **extra):
    data = {
        "to_organization": receiver.pk,
        "help_needed": ["shelter", "legal_aid"],
        "languages": ["fa"],
        "city": CITY,
        "urgency": "urgent",
        "case_reference": REFERENCE,
        "details": DETAILS,
    }
    data.update(extra)
    return data


def assert_no_content(text):
    for secret in (DETAILS, CITY, REFERENCE, NOTE, "Shelter", "Legal aid", "Dari"):
        assert secret not in text, secret


# --- Who sees what -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["member", "editor", "other_editor", "coordinator"])
def test_the_two_organizations_and_coordinators_see_the_request(client_as, referral, role):
    client = client_as(role)
    box = "?box=all" if role == "coordinator" else "?box=incoming" if role == "other_editor" else "?box=outgoing"
    assert detail(referral) in client.get(LIST + box).content.decode()
    page = client.get(detail(referral)).content.decode()
    assert DETAILS in page and CITY in page and REFERENCE in page


@pytest.mark.parametrize("role", ["steering", "stakeholder"])
def test_a_third_organization_and_a_stakeholder_get_a_404(client_as, referral, role):
    client = client_as(role)
    assert client.get(detail(referral)).status_code == 404
    for action in ("accept", "decline", "close", "withdraw"):
        assert client.post(detail(referral, action), {"note": "x"}).status_code == 404


def test_a_third_organization_lists_nothing_and_a_stakeholder_no_list(client_as, referral):
    page = client_as("steering").get(LIST).content.decode()
    assert detail(referral) not in page and "No organization has sent you a request yet." in page
    assert client_as("stakeholder").get(LIST).status_code == 403


def test_the_public_is_sent_to_log_in(client_as, referral):
    for url in (LIST, CREATE, detail(referral)):
        response = client_as("anonymous").get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


def test_the_list_separates_received_and_sent_requests(client_as, referral, users, organization, other_organization):
    back = make_referral(other_organization, organization, created_by=users["other_editor"])
    client = client_as("editor")
    received = client.get(LIST).content.decode()  # received is the default tab
    assert detail(back) in received and detail(referral) not in received
    sent = client.get(LIST, {"box": "outgoing"}).content.decode()
    assert detail(referral) in sent and detail(back) not in sent
    assert "1 request is waiting for your answer." in received


def test_the_list_is_newest_first_and_marks_urgent_requests(client_as, users, organization, other_organization):
    old = make_referral(organization, other_organization, urgency=ReferralRequest.Urgency.URGENT)
    new = make_referral(organization, other_organization)
    page = client_as("other_editor").get(LIST).content.decode()
    assert page.index(detail(new)) < page.index(detail(old))
    assert page.count("Urgent (today)") == 1
    assert "Waiting for an answer" in page


def test_a_coordinator_who_is_no_staff_sees_all_requests(client_as, referral):
    response = client_as("coordinator").get(LIST)
    assert response.context["box"] == "all"
    assert detail(referral) in response.content.decode()
    assert "Refer a case" not in response.content.decode()


# --- Sending -------------------------------------------------------------------------------------------------


def test_the_form_says_never_to_identify_the_person_before_the_fields(client_as):
    page = client_as("editor").get(CREATE).content.decode()
    warning = page.index("Never write anything that identifies the person")
    assert "photo, date of birth, passport or ID number, phone number or address" in page
    assert warning < page.index('name="to_organization"')


def test_the_receivers_are_member_organizations_of_other_countries_grouped_by_country(
    client_as, organization, other_organization
):
    make_organization("AF", name="Afghan Member NGO", slug="af-member")
    make_organization("TJ", name="Tajik Neighbour NGO", slug="tj-neighbour")
    make_organization("AF", name="Afghan Applicant", slug="af-applicant",
                      membership_status=Organization.MembershipStatus.APPLICANT)
    make_organization("PK", name="Pakistani Stakeholder", slug="pk-stakeholder",
                      membership_status=Organization.MembershipStatus.STAKEHOLDER)
    page = client_as("member").get(CREATE).content.decode()
    assert "Afghan Member NGO" in page and "Other Pakistani NGO" in page
    assert '<optgroup label="Afghanistan">' in page and '<optgroup label="Pakistan">' in page
    for absent in ("Tajik Neighbour NGO", "Madina Test NGO", "Afghan Applicant", "Pakistani Stakeholder"):
        assert absent not in page


def test_to_preselects_the_organization_from_its_page(client_as, other_organization):
    form = client_as("editor").get(CREATE, {"to": "other-pk"}).context["form"]
    assert form.initial["to_organization"] == other_organization.pk
    assert "to_organization" not in client_as("editor").get(CREATE, {"to": "madina-test"}).context["form"].initial


def test_staff_send_a_request(client_as, users, organization, other_organization, django_capture_on_commit_callbacks,
                              mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("member").post(CREATE, form_data(other_organization))
    referral = ReferralRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == detail(referral)
    assert (referral.from_organization, referral.to_organization, referral.created_by) == (
        organization, other_organization, users["member"]
    )
    assert referral.help_kinds == ["shelter", "legal_aid"] and referral.spoken_languages == ["fa"]
    assert (referral.city, referral.case_reference, referral.details) == (CITY, REFERENCE, DETAILS)
    assert referral.status == Status.SENT and referral.urgency == "urgent"
    assert [mail.to for mail in mailoutbox] == [[users["other_editor"].email]]


def test_a_request_with_an_identifier_is_not_sent(client_as, other_organization, mailoutbox):
    response = client_as("member").post(
        CREATE, form_data(other_organization, details="Born 12.03.2001, phone +992 93 123 45 67")
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "This looks like a date or a date of birth." in page and "This looks like a phone number." in page
    assert not ReferralRequest.objects.exists() and not mailoutbox


def test_staff_of_several_organizations_choose_which_sends(client, users, organization, other_organization):
    afghan = make_organization("AF", name="Afghan Member NGO", slug="af-member")
    make_membership(users["other_editor"], afghan)
    client.force_login(users["other_editor"])
    page = client.get(CREATE).content.decode()
    assert 'name="from_organization"' in page and "Madina Test NGO" in page  # TJ: another country for both
    response = client.post(CREATE, {**form_data(organization), "from_organization": afghan.pk})
    assert response.status_code == 302
    assert ReferralRequest.objects.get().from_organization == afghan
    # From Pakistan to Pakistan: refused, though the Afghan organization may send to other-pk.
    response = client.post(CREATE, {**form_data(other_organization), "from_organization": other_organization.pk})
    assert response.status_code == 400 and ReferralRequest.objects.count() == 1


def test_a_receiver_of_the_same_country_is_refused(client_as, organization):
    neighbour = make_organization("TJ", slug="tj-neighbour")
    response = client_as("editor").post(CREATE, form_data(neighbour))
    assert response.status_code == 400 and not ReferralRequest.objects.exists()


@pytest.mark.parametrize(("role", "status"), [("coordinator", 403), ("stakeholder", 403)])
def test_only_staff_of_member_organizations_send(client_as, other_organization, role, status):
    assert client_as(role).get(CREATE).status_code == status
    assert client_as(role).post(CREATE, form_data(other_organization)).status_code == status
    assert not ReferralRequest.objects.exists()


# --- Answering, closing, withdrawing -------------------------------------------------------------------------


def test_the_receiver_accepts_with_a_note(client_as, users, referral, django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("other_editor").post(detail(referral, "accept"), {"note": NOTE})
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == Status.ACCEPTED and referral.response_note == NOTE
    assert referral.answered_by == users["other_editor"] and referral.closed_at is None
    assert sorted(mail.to[0] for mail in mailoutbox) == ["editor@example.org", "member@example.org"]
    page = client_as("member").get(detail(referral)).content.decode()
    assert NOTE in page and "Accepted" in page


def test_declining_needs_a_reason_and_closes_the_request(client_as, referral):
    client = client_as("other_editor")
    response = client.post(detail(referral, "decline"), {"note": ""})
    assert response.status_code == 400 and "Say why you decline" in response.content.decode()
    assert client.post(detail(referral, "decline"), {"note": NOTE}).status_code == 302
    referral.refresh_from_db()
    assert referral.status == Status.DECLINED and referral.closed_at is not None


def test_a_note_with_an_identifier_is_refused(client_as, referral):
    response = client_as("other_editor").post(detail(referral, "accept"), {"note": "Call us on 0300 1234567"})
    assert response.status_code == 400 and "This looks like a phone number." in response.content.decode()
    referral.refresh_from_db()
    assert referral.status == Status.SENT


@pytest.mark.parametrize("role", ["member", "editor", "coordinator"])
def test_only_the_receiver_answers(client_as, referral, role):
    for action in ("accept", "decline"):
        assert client_as(role).post(detail(referral, action), {"note": NOTE}).status_code == 403
    referral.refresh_from_db()
    assert referral.status == Status.SENT


def test_an_answered_request_is_not_answered_again_nor_withdrawn(client_as, referral):
    assert client_as("other_editor").post(detail(referral, "accept")).status_code == 302
    assert client_as("other_editor").post(detail(referral, "decline"), {"note": NOTE}).status_code == 403
    assert client_as("member").post(detail(referral, "withdraw")).status_code == 403
    referral.refresh_from_db()
    assert referral.status == Status.ACCEPTED


def test_the_sender_withdraws_an_unanswered_request(client_as, users, referral, django_capture_on_commit_callbacks,
                                                    mailoutbox):
    assert client_as("other_editor").post(detail(referral, "withdraw")).status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        assert client_as("member").post(detail(referral, "withdraw")).status_code == 302
    referral.refresh_from_db()
    assert referral.status == Status.WITHDRAWN and referral.closed_at is not None
    assert [mail.to for mail in mailoutbox] == [[users["other_editor"].email]]
    assert "withdrew" in mailoutbox[0].body
    assert client_as("other_editor").post(detail(referral, "accept")).status_code == 403


def test_a_request_is_closed_only_once_accepted(client_as, referral):
    for role in ("member", "other_editor", "coordinator"):
        assert client_as(role).post(detail(referral, "close")).status_code == 403
    referral.status = Status.ACCEPTED
    referral.save()
    assert client_as("other_editor").post(detail(referral, "close")).status_code == 302
    referral.refresh_from_db()
    assert referral.status == Status.CLOSED and referral.closed_at is not None
    assert client_as("member").post(detail(referral, "close")).status_code == 403


@pytest.mark.parametrize(
    ("role", "told"),
    [
        ("editor", ["other.editor@example.org"]),
        ("other_editor", ["editor@example.org", "member@example.org"]),
        ("coordinator", ["editor@example.org", "member@example.org", "other.editor@example.org"]),
    ],
)
def test_closing_tells_the_other_side(client_as, referral, django_capture_on_commit_callbacks, mailoutbox, role, told):
    referral.status = Status.ACCEPTED
    referral.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert client_as(role).post(detail(referral, "close")).status_code == 302
    assert sorted(mail.to[0] for mail in mailoutbox) == told


def test_the_page_offers_each_side_its_actions(client_as, referral):
    receiver = client_as("other_editor").get(detail(referral)).content.decode()
    assert detail(referral, "accept") in receiver and detail(referral, "decline") in receiver
    assert detail(referral, "withdraw") not in receiver
    sender = client_as("member").get(detail(referral)).content.decode()
    assert detail(referral, "withdraw") in sender and detail(referral, "accept") not in sender
    coordinator = client_as("coordinator").get(detail(referral)).content.decode()
    assert "<form" not in coordinator.split('id="main"')[1].split("</main>")[0]


# --- E-mails -------------------------------------------------------------------------------------------------


def test_the_e_mails_name_the_organization_and_link_the_request_never_its_content(
    client_as, users, organization, other_organization, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        client_as("member").post(CREATE, form_data(other_organization))
    referral = ReferralRequest.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client_as("other_editor").post(detail(referral, "accept"), {"note": NOTE})
    with django_capture_on_commit_callbacks(execute=True):
        client_as("editor").post(detail(referral, "close"))
    assert len(mailoutbox) == 1 + 2 + 1
    sent = mailoutbox[0]
    assert sent.subject == "New referral request from Madina Test NGO"
    assert detail(referral) in sent.body
    assert "Other Pakistani NGO answered your referral request" in {mail.subject for mail in mailoutbox}
    for mail in mailoutbox:
        assert detail(referral) in mail.body
        assert_no_content(mail.subject + mail.body)


def test_each_recipient_is_written_to_in_their_own_language(
    users, referral, django_capture_on_commit_callbacks, monkeypatch
):
    users["member"].language = "ru"
    users["member"].save()
    users["editor"].language = "fa"
    users["editor"].save()
    languages = []
    render = referral_events.render_to_string

    def render_to_string(template, context):
        if template.endswith("_subject.txt"):
            languages.append(translation.get_language())
        return render(template, context)

    monkeypatch.setattr(referral_events, "render_to_string", render_to_string)
    with django_capture_on_commit_callbacks(execute=True):
        referral_events.answered(referral)
    assert languages == ["fa", "ru"]  # editor@, member@


def test_only_active_staff_are_written_to(users, referral, django_capture_on_commit_callbacks, mailoutbox):
    gone = make_user("gone@example.org", is_active=False)
    make_membership(gone, referral.to_organization, Membership.Role.MEMBER)
    with django_capture_on_commit_callbacks(execute=True):
        referral_events.sent(referral)
    assert [mail.to for mail in mailoutbox] == [["other.editor@example.org"]]


def test_a_failing_mail_server_keeps_the_request(client_as, other_organization, django_capture_on_commit_callbacks,
                                                 monkeypatch):
    def fail(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr(referral_events, "send_mail", fail)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("member").post(CREATE, form_data(other_organization))
    assert response.status_code == 302 and ReferralRequest.objects.count() == 1


# --- The security log ----------------------------------------------------------------------------------------


def test_the_security_log_keeps_who_did_what_never_the_content(client_as, users, other_organization):
    client_as("member").post(CREATE, form_data(other_organization))
    referral = ReferralRequest.objects.get()
    client_as("other_editor").post(detail(referral, "accept"), {"note": NOTE})
    client_as("other_editor").post(detail(referral, "close"))
    events = list(SecurityEvent.objects.filter(kind__startswith="referral").order_by("pk"))
    assert [(event.kind, event.actor) for event in events] == [
        (Kind.REFERRAL_SENT, users["member"]),
        (Kind.REFERRAL_ANSWERED, users["other_editor"]),
        (Kind.REFERRAL_CLOSED, users["other_editor"]),
    ]
    assert {event.target for event in events} == {f"#{referral.pk} MTN → OPN"}
    assert [event.detail for event in events] == ["", "accepted", "closed"]
    for event in events:
        assert_no_content(event.target + event.detail)


# --- Erasure -------------------------------------------------------------------------------------------------


def closed_ago(referral, days, status=Status.CLOSED):
    ReferralRequest.objects.filter(pk=referral.pk).update(
        status=status, closed_at=timezone.now() - datetime.timedelta(days=days)
    )


def test_closed_requests_are_erased_after_the_retention_period_not_before(
    settings, organization, other_organization
):
    settings.REFERRAL_RETENTION_DAYS = 90
    due = [make_referral(organization, other_organization) for _ in range(3)]
    kept = [make_referral(organization, other_organization) for _ in range(3)]
    for referral, status in zip(due, (Status.CLOSED, Status.DECLINED, Status.WITHDRAWN), strict=True):
        closed_ago(referral, 91, status)
    closed_ago(kept[0], 89)
    ReferralRequest.objects.filter(pk=kept[1].pk).update(  # accepted long ago, still open
        status=Status.ACCEPTED, created_at=timezone.now() - datetime.timedelta(days=400)
    )
    output = StringIO()
    call_command("prune_referrals", stdout=output)
    assert set(ReferralRequest.objects.values_list("pk", flat=True)) == {referral.pk for referral in kept}
    assert "erased: 3" in output.getvalue()
    event = SecurityEvent.objects.get(kind=Kind.REFERRAL_ERASED)
    assert event.detail == "3 erased" and event.actor is None


def test_the_retention_period_comes_from_the_setting(settings, organization, other_organization):
    referral = make_referral(organization, other_organization)
    closed_ago(referral, 31)
    settings.REFERRAL_RETENTION_DAYS = 60
    call_command("prune_referrals", stdout=StringIO())
    assert ReferralRequest.objects.exists()
    assert not SecurityEvent.objects.filter(kind=Kind.REFERRAL_ERASED).exists()  # nothing erased, nothing logged
    settings.REFERRAL_RETENTION_DAYS = 30
    call_command("prune_referrals", stdout=StringIO())
    assert not ReferralRequest.objects.exists()


def test_a_closed_request_says_when_it_will_be_erased(client_as, settings, referral):
    settings.REFERRAL_RETENTION_DAYS = 90
    page = client_as("member").get(detail(referral)).content.decode()
    assert "This request is erased 90 days after it closes." in page
    closed_ago(referral, 10)
    referral.refresh_from_db()
    erase_on = (referral.closed_at + datetime.timedelta(days=90)).date()
    response = client_as("member").get(detail(referral))
    assert f"It will be erased on {erase_on:%-d %B %Y}" in response.content.decode()


# --- Entry points --------------------------------------------------------------------------------------------


def org_page(slug):
    return reverse("members:organization", args=[slug])


def test_the_organization_page_offers_to_refer_a_case_across_the_border(client_as, organization, other_organization):
    button = f'{CREATE}?to=other-pk"'
    assert button in client_as("editor").get(org_page("other-pk")).content.decode()
    assert button in client_as("member").get(org_page("other-pk")).content.decode()
    assert f"{CREATE}?to=" not in client_as("editor").get(org_page("madina-test")).content.decode()  # own country
    for role in ("anonymous", "stakeholder", "coordinator", "other_editor"):
        assert button not in client_as(role).get(org_page("other-pk")).content.decode(), role


def test_the_menu_shows_referrals_with_the_requests_waiting(client_as, users, referral, organization):
    make_referral(organization, referral.to_organization, status=Status.ACCEPTED)
    page = client_as("other_editor").get("/").content.decode()
    assert f'href="{LIST}"' in page
    assert '1<span class="visually-hidden"> waiting for an answer</span>' in page
    sender = client_as("member").get("/").content.decode()
    assert f'href="{LIST}"' in sender and "waiting for an answer</span>" not in sender
    assert f'href="{LIST}"' in client_as("coordinator").get("/").content.decode()
    for role in ("anonymous", "stakeholder"):
        assert f'href="{LIST}"' not in client_as(role).get("/").content.decode()


def test_a_coordinator_who_is_staff_too_sees_the_requests_waiting(client_as, users, referral, other_organization):
    assert "waiting for an answer</span>" not in client_as("coordinator").get("/").content.decode()
    make_membership(users["coordinator"], other_organization)
    page = client_as("coordinator").get("/").content.decode()
    assert '1<span class="visually-hidden"> waiting for an answer</span>' in page


# --- Queries -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("role", "box"), [("member", "outgoing"), ("other_editor", "incoming"), ("coordinator", "all")])
def test_the_list_runs_a_fixed_number_of_queries(client_as, users, organization, other_organization,
                                                 django_assert_num_queries, role, box):
    client = client_as(role)
    client.get(LIST)  # the session's first request may write it
    make_referral(organization, other_organization)
    # session, user, second-factor check, the user's organizations, (coordinators: the nav's counts);
    # the tab counts, the page count, the page; the nav's count of waiting requests (staff).
    queries = 8
    with django_assert_num_queries(queries):
        response = client.get(LIST, {"box": box})
    assert len(response.context["referrals"]) == 1
    for _ in range(5):
        make_referral(organization, other_organization, urgency=ReferralRequest.Urgency.URGENT)
    with django_assert_num_queries(queries):
        response = client.get(LIST, {"box": box})
    assert len(response.context["referrals"]) == 6


def test_the_page_of_a_request_runs_a_fixed_number_of_queries(client_as, referral, django_assert_num_queries):
    client = client_as("other_editor")
    client.get(detail(referral))
    with django_assert_num_queries(6):  # session, user, second-factor check, organizations; the request; nav count
        client.get(detail(referral))
