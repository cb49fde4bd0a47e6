"""Referral requests refuse text that identifies the person (members/referrals.py), in Latin, Cyrillic and Arabic
script and with Persian digits, and accept ordinary descriptions of a case."""

import pytest
from django.core.exceptions import ValidationError

from members.forms.referrals import AnswerForm, ReferralForm
from members.models import Organization
from members.referrals import find_personal_identifiers, refuse_personal_identifiers

REFUSED = [
    # Phone numbers: seven digits or more with separators, in any digits.
    ("+992 93 123 45 67", "phone"),
    ("call 93-123-4567 after six", "phone"),
    ("0300 1234567", "phone"),
    ("(992) 93 555 1234", "phone"),
    ("Tel-93 123 4567", "phone"),
    ("тел. 8 (3472) 55-12-34", "phone"),
    ("تلفن ۰۷۰۰ ۱۲۳ ۴۵۶۷", "phone"),
    ("شماره +۹۳ ۷۰۰ ۱۲۳ ۴۵۶", "phone"),
    ("٠٣٠٠-١٢٣٤٥٦٧", "phone"),
    # Dates, and words for a birth.
    ("12.03.1999", "date"),
    ("1999-03-12", "date"),
    ("12/03/99", "date"),
    ("arrived 3 - 4 - 2025", "date"),
    ("12 March 1999", "date"),
    ("March 12, 1999", "date"),
    ("5 мая 2001", "date"),
    ("born in Kabul", "date"),
    ("DOB unknown", "date"),
    ("date of birth unknown", "date"),
    ("родился в Хороге", "date"),
    ("дата рождения неизвестна", "date"),
    ("1999 г.р.", "date"),
    ("تاریخ تولد ۱۳۷۸/۰۵/۱۲", "date"),
    ("متولد هرات", "date"),
    ("۱۲/۰۳/۱۳۹۹", "date"),
    ("تاریخ پیدائش معلوم نہیں", "date"),
    ("sanai таваллуд", "date"),
    # Passport and identity document numbers, and the words for them.
    ("AB1234567", "document"),
    ("passport AB 1234567", "document"),
    ("has her passport", "document"),
    ("паспорт у работодателя", "document"),
    ("پاسپورت ندارد", "document"),
    ("پاسپورٹ", "document"),
    ("tazkira lost", "document"),
    ("تذکره ندارد", "document"),
    ("12345-1234567-1", "document"),
    ("۱۲۳۴۵-۱۲۳۴۵۶۷-۱", "document"),
    ("CNIC available", "document"),
    ("ID number 55", "document"),
    ("id card with us", "document"),
    ("123456789", "document"),
    ("۹۸۷۶۵۴۳۲۱۰", "document"),
    ("А1234567", "document"),
    ("شناسنامه دارد", "document"),
    ("шиносномаи ӯ", "document"),
    # E-mail and web addresses, social accounts.
    ("madina@example.org", "email"),
    ("https://example.org/photo.jpg", "link"),
    ("www.facebook.com", "link"),
    ("t.me/somebody", "link"),
    ("instagram.com/someone", "link"),
    ("her account @madina_92", "link"),
    # A name given with a label.
    ("name: Madina", "name"),
    ("Surname: X", "name"),
    ("Имя: Мадина", "name"),
    ("ФИО: Иванова", "name"),
    ("Ном: Мадина", "name"),
    ("نام: مدینه", "name"),
    ("نوم: احمد", "name"),
]

ACCEPTED = [
    "needs shelter and legal aid in Dushanbe, speaks Dari",
    "ref DSH-14",
    "DSH-2026-014",
    "TJ/2026/15",
    "Woman, about 25, two children aged 3 and 5; returned from Russia in May.",
    "needs psychosocial support; 17 years old",
    "Urgent: needs medical care within 2 days",
    "Passed through Termez in 2024",
    "Mazar-i-Sharif",
    "Kulob / Khatlon region",
    "Нужен приют в Хороге, говорит по-таджикски",
    "Мужчина, около 40 лет, вернулся из Москвы; нужна юридическая помощь.",
    "به سرپناه در کابل نیاز دارد، دری صحبت می‌کند",
    "دو کودک ۳ و ۵ ساله دارد",
    "ماں اور دو بچے، لاہور میں پناہ گاہ کی ضرورت",
    "Accepted. Our shelter in Herat can take her from next week.",
    "Sorry, our shelter is full until June.",
    "The family name is unknown",
    "identity documents were taken by the employer",
]


@pytest.mark.parametrize(("text", "kind"), REFUSED)
def test_text_that_identifies_a_person_is_refused_and_the_reason_named(text, kind):
    assert kind in find_personal_identifiers(text)
    with pytest.raises(ValidationError) as refused:
        refuse_personal_identifiers(text)
    message = " ".join(refused.value.messages)
    assert "This looks like" in message
    assert text not in message  # the message says what was refused, never repeats it


@pytest.mark.parametrize("text", ACCEPTED)
def test_ordinary_descriptions_of_a_case_are_accepted(text):
    assert find_personal_identifiers(text) == []
    refuse_personal_identifiers(text)


def test_every_kind_found_is_named_at_once():
    assert find_personal_identifiers("born 12.03.2001, call +992 93 123 45 67") == ["date", "phone"]


# The forms: every text field of a request, and the answer's note.


@pytest.fixture
def form_data(other_organization):
    return {
        "to_organization": other_organization.pk,
        "help_needed": ["shelter", "legal_aid"],
        "languages": ["fa", "ru"],
        "city": "Peshawar",
        "urgency": "soon",
        "case_reference": "DSH-2026-014",
        "details": "needs shelter and legal aid, speaks Dari",
    }


def build(organization, other_organization, data):
    return ReferralForm(data, senders=[organization], receivers=[other_organization])


def test_the_form_accepts_a_request_without_identifiers(organization, other_organization, form_data):
    form = build(organization, other_organization, form_data)
    assert form.is_valid(), form.errors
    referral = form.save(commit=False)
    assert referral.from_organization == organization
    assert referral.help_kinds == ["shelter", "legal_aid"] and referral.spoken_languages == ["fa", "ru"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("details", "Name: Madina, tel +992 93 123 45 67"),
        ("details", "پاسپورت ندارد"),
        ("city", "Dushanbe, Rudaki 12, phone 93 555 1234"),
        ("city", "madina@example.org"),
        ("case_reference", "AB1234567"),
        ("case_reference", "12/03/1999"),
        ("case_reference", "۱۲۳۴۵۶۷۸۹"),
    ],
)
def test_the_form_refuses_identifiers_in_every_text_field(organization, other_organization, form_data, field, value):
    form = build(organization, other_organization, {**form_data, field: value})
    assert not form.is_valid()
    assert any("This looks like" in message for message in form.errors[field])
    assert value not in str(form.errors)


@pytest.mark.parametrize("reference", ["DSH 2026 014", "case#14", "ref:14", "a" * 31, "-"])
def test_a_case_reference_is_short_letters_digits_dashes_and_slashes(
    organization, other_organization, form_data, reference
):
    assert not build(organization, other_organization, {**form_data, "case_reference": reference}).is_valid()


@pytest.mark.parametrize("reference", ["DSH-2026-014", "MTN/14", "ДШ-14", "14"])
def test_ordinary_case_references_are_accepted(organization, other_organization, form_data, reference):
    form = build(organization, other_organization, {**form_data, "case_reference": reference})
    assert form.is_valid(), form.errors


def test_the_note_of_an_answer_refuses_identifiers_too():
    form = AnswerForm({"note": "Call her on 0300 1234567"})
    assert not form.is_valid() and "phone number" in str(form.errors["note"])
    assert AnswerForm({"note": "We can take her next week."}).is_valid()


def test_declining_needs_a_note():
    assert not AnswerForm({"note": ""}, decline=True).is_valid()
    assert AnswerForm({"note": ""}).is_valid()


def test_help_needed_is_required_and_the_receiver_in_another_country(
    organization, other_organization, form_data
):
    assert "help_needed" in build(organization, other_organization, {**form_data, "help_needed": []}).errors
    same_country = Organization.objects.create(name="Other Tajik NGO", slug="other-tj", country_id="TJ")
    form = ReferralForm(
        {**form_data, "to_organization": same_country.pk}, senders=[organization], receivers=[same_country]
    )
    assert "to_organization" in form.errors
