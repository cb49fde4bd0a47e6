"""The profile edit form /members/org/<slug>/edit/: who may open it, valid and invalid submissions."""

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from PIL import Image

from members.content import CONTENT_LANGUAGES
from members.models import FocusArea, Organization, Person, Service

from ..conftest import ROLES
from ..factories import make_organization, make_person
from .conftest import edit_url, form_data, png_bytes


def profile_url(org):
    return reverse("members:organization", args=[org.slug])


def snapshot(org):
    """Everything the form can change, to check that a refused submission saved nothing."""
    org = Organization.objects.get(pk=org.pk)
    return (
        *(org.text_in("description", code) for code in CONTENT_LANGUAGES),
        org.website,
        org.public_email,
        org.public_phone,
        org.logo.name,
        org.name_local,
        sorted(org.focus_areas.values_list("slug", flat=True)),
        sorted(Service.objects.filter(organization=org).values_list("name_en", "kind", "phone")),
        sorted(Person.objects.filter(organization=org).values_list("name", "email", "contact_visibility")),
    )


# --- who may open the form -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "role, status",
    [("member", 403), ("editor", 200), ("other_editor", 403), ("steering", 403), ("coordinator", 200)],
)
def test_only_editors_of_the_organization_and_coordinators_may_open_the_form(client_as, role, status, organization):
    assert client_as(role).get(edit_url(organization)).status_code == status


def test_anonymous_users_are_redirected_to_login(client, organization):
    response = client.get(edit_url(organization))
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={edit_url(organization)}"


def test_anonymous_posts_are_redirected_and_change_nothing(client, rendered, organization):
    before = snapshot(organization)
    data = form_data(rendered) | {"description_en": "Hacked"}
    response = client.post(edit_url(organization), data)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert snapshot(organization) == before


def test_the_steering_representative_may_edit_their_own_organization(client_as, seat_organization):
    assert client_as("steering").get(edit_url(seat_organization)).status_code == 200


@pytest.mark.parametrize(
    "role, status", [("anonymous", 302), ("member", 403), ("other_editor", 403), ("stakeholder", 403), ("steering", 403)]
)
def test_posting_without_rights_is_refused_and_changes_nothing(client_as, users, rendered, organization, role, status):
    before = snapshot(organization)
    data = form_data(rendered) | {"description_en": "Nope"}
    assert client_as(role).post(edit_url(organization), data).status_code == status
    assert snapshot(organization) == before


def test_editing_another_organization_is_refused_and_changes_nothing(client_as, rendered, organization):
    before = snapshot(organization)
    data = form_data(rendered) | {"description_en": "Changed by someone else"}
    response = client_as("other_editor").post(edit_url(organization), data)
    assert response.status_code == 403
    assert snapshot(organization) == before


def test_an_unknown_organization_is_not_found(editor_client):
    assert editor_client.get("/members/org/nothing-here/edit/").status_code == 404


@pytest.mark.parametrize("role, status", [("editor", 404), ("coordinator", 200)])
def test_an_applicant_can_be_edited_only_by_coordinators(client_as, role, status, organization):
    organization.membership_status = Organization.MembershipStatus.APPLICANT
    organization.save()
    assert client_as(role).get(edit_url(organization)).status_code == status


def test_the_form_does_not_offer_name_country_or_status(rendered):
    fields = set(rendered.context["form"].fields)
    assert not fields & {"name", "slug", "country", "membership_status", "kind", "verified_at"}


def test_posting_name_or_status_changes_nothing(editor_client, rendered, organization):
    data = form_data(rendered) | {"name": "Renamed", "membership_status": "stakeholder", "country": "AF"}
    assert editor_client.post(edit_url(organization), data).status_code == 302
    organization.refresh_from_db()
    assert (organization.name, organization.membership_status, organization.country_id) == (
        "Madina Test NGO", "member", "TJ"
    )


# --- valid submissions -----------------------------------------------------------------------------------

def test_an_unchanged_form_saves_and_redirects_to_the_profile(editor_client, rendered, organization):
    before = snapshot(organization)
    response = editor_client.post(edit_url(organization), form_data(rendered), follow=True)
    assert response.redirect_chain == [(profile_url(organization), 302)]
    assert "The profile of Madina Test NGO was saved." in response.content.decode()
    assert snapshot(organization) == before


def test_a_full_valid_submission_is_saved_and_shown_at_once(editor_client, rendered, organization):
    data = form_data(rendered)
    data.update(
        {
            "description_en": "Shelter and legal help in Dushanbe.",
            "focus_areas": [str(FocusArea.objects.get(slug="protection").pk), str(FocusArea.objects.get(slug="legal-aid").pk)],
            "website": "https://madina.example.org",
            "public_email": "office@madina.example.org",
            "public_phone": "+992 37 000 2222",
            "people-1-name": "New Staffer",
            "people-1-position": "Lawyer",
            "people-1-email": "new.staffer@example.org",
            "people-1-contact_visibility": "public",
            "logo": SimpleUploadedFile("logo.png", png_bytes(), content_type="image/png"),
        }
    )
    response = editor_client.post(edit_url(organization), data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    organization.refresh_from_db()
    assert organization.description_en == "Shelter and legal help in Dushanbe."
    assert sorted(organization.focus_areas.values_list("slug", flat=True)) == ["legal-aid", "protection"]
    assert organization.logo.name.startswith("logos/")
    assert organization.services.filter(name_en="Existing Hotline").exists()
    person = organization.people.get(name="New Staffer")
    assert person.country_id == "TJ"

    html = editor_client.get(profile_url(organization)).content.decode()
    for text in [
        "Shelter and legal help in Dushanbe.",
        "Protection &amp; shelter",
        "Legal aid &amp; prosecution support",
        "New Staffer",
        "office@madina.example.org",
        "+992 37 000 2222",
        "https://madina.example.org",
        organization.logo.url,
    ]:
        assert text in html
    assert "New Staffer" in anonymous_profile(organization)


def anonymous_profile(org):
    from django.test import Client

    return Client().get(profile_url(org)).content.decode()


def test_a_person_can_be_deleted(editor_client, rendered, organization):
    data = form_data(rendered) | {"people-0-DELETE": "on"}
    assert editor_client.post(edit_url(organization), data).status_code == 302
    assert not organization.people.exists()
    assert organization.services.filter(name_en="Existing Hotline").exists()


def test_the_profile_form_no_longer_changes_services(editor_client, rendered, organization):
    """Services have pages of their own (tests/members/test_services.py): the old formset's fields do nothing."""
    service = organization.services.get()
    data = form_data(rendered) | {
        "services-TOTAL_FORMS": "2", "services-INITIAL_FORMS": "1", "services-0-id": str(service.pk),
        "services-0-name_en": "Renamed", "services-0-DELETE": "on", "services-1-kind": "shelter",
        "services-1-name_en": "Smuggled Shelter",
    }
    assert editor_client.post(edit_url(organization), data).status_code == 302
    assert list(organization.services.values_list("name_en", flat=True)) == ["Existing Hotline"]


def test_the_edit_page_lists_the_services_with_links_to_their_pages(editor_client, rendered, organization):
    service = organization.services.get()
    html = rendered.content.decode()
    assert "services-TOTAL_FORMS" not in html
    assert f'href="/members/org/madina-test/services/{service.pk}/edit/"' in html
    assert f'href="/members/org/madina-test/services/{service.pk}/delete/"' in html
    assert 'href="/members/org/madina-test/services/new/"' in html


def test_deleting_the_seat_holder_is_refused_with_a_message(client_as, users, seat_organization):
    client = client_as("steering")
    client.raise_request_exception = False
    rendered = client.get(edit_url(seat_organization))
    data = form_data(rendered) | {"people-0-DELETE": "on"}
    response = client.post(edit_url(seat_organization), data)
    assert response.status_code == 400
    assert seat_organization.people.filter(name="Seat Representative").exists()


def test_markup_in_the_description_is_saved_but_rendered_escaped(editor_client, rendered, organization):
    data = form_data(rendered) | {
        "description_en": "<script>alert(1)</script> <b>bold</b>",
        "name_local": "<img src=x onerror=alert(2)>",
    }
    assert editor_client.post(edit_url(organization), data).status_code == 302
    organization.refresh_from_db()
    assert organization.description_en == "<script>alert(1)</script> <b>bold</b>"
    for path in [profile_url(organization), "/members/", "/members/tj/"]:
        html = editor_client.get(path).content.decode()
        assert "<script>alert(" not in html
        assert "<img src=x" not in html
        assert "<b>bold</b>" not in html
    html = editor_client.get(profile_url(organization)).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_coordinator_may_edit_any_organization(client_as, other_organization):
    client = client_as("coordinator")
    rendered = client.get(edit_url(other_organization))
    data = form_data(rendered) | {"description_en": "Checked by the secretariat."}
    assert client.post(edit_url(other_organization), data).status_code == 302
    other_organization.refresh_from_db()
    assert other_organization.description_en == "Checked by the secretariat."


def test_a_website_without_a_scheme_gets_https(editor_client, rendered, organization):
    data = form_data(rendered) | {"website": "madina.example.org"}
    assert editor_client.post(edit_url(organization), data).status_code == 302
    organization.refresh_from_db()
    assert organization.website == "https://madina.example.org"


# --- invalid submissions ---------------------------------------------------------------------------------

def noise_png(size=(700, 700)) -> bytes:
    """A valid PNG that does not compress below 1 MB."""
    buffer = io.BytesIO()
    Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3)).save(buffer, format="PNG")
    return buffer.getvalue()


def huge_pixels_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("L", (2100, 10)).save(buffer, format="PNG")
    return buffer.getvalue()


def upload(content):
    return lambda: SimpleUploadedFile("logo.png", content() if callable(content) else content, "image/png")


INVALID = [
    pytest.param({"logo": upload(noise_png)}, "logo", "the limit is 1", id="oversized-logo"),
    pytest.param({"logo": upload(b"this is not an image at all")}, "logo", "image", id="non-image-logo"),
    pytest.param({"logo": upload(huge_pixels_png)}, "logo", "2000", id="too-many-pixels"),
    pytest.param({"public_email": "not-an-email"}, "public_email", "valid email", id="malformed-email"),
    pytest.param({"public_email": "a@b@example.org"}, "public_email", "valid email", id="two-at-signs"),
    pytest.param({"website": "javascript:alert(1)"}, "website", ("valid url", "http:// or https://"), id="javascript-url"),
    pytest.param({"website": "ftp://x.org"}, "website", ("valid url", "http:// or https://"), id="ftp-url"),
    pytest.param({"description_en": "x" * 3001}, "description_en", "at most 3000 characters", id="long-description"),
    pytest.param({"populations_served": "y" * 301}, "populations_served", "at most 300 characters", id="long-populations"),
    pytest.param({"founded": "1800"}, "founded", "greater than or equal to 1900", id="founded-too-early"),
]


@pytest.mark.parametrize("change, field, message", INVALID)
def test_invalid_input_saves_nothing_and_explains_next_to_the_field(
    editor_client, rendered, organization, change, field, message
):
    before = snapshot(organization)
    data = form_data(rendered)
    data["description_en"] = "This valid change must not be saved either."
    data["people-1-name"] = "Unsaved Person"
    data["people-1-contact_visibility"] = "members"
    data.update({k: v() if callable(v) else v for k, v in change.items()})
    response = editor_client.post(edit_url(organization), data)
    assert response.status_code == 400
    assert snapshot(organization) == before
    form = response.context["form"]
    assert field in form.errors
    errors = " ".join(form.errors[field]).lower()
    assert any(m.lower() in errors for m in ((message,) if isinstance(message, str) else message)), errors
    html = response.content.decode()
    wrapper = field_wrapper(html, field)
    assert f'id="error_1_id_{field}"' in wrapper
    assert escape(form.errors[field][0]) in wrapper
    assert "is-invalid" in wrapper
    assert "Nothing was saved. Please correct the errors below." in html


def field_wrapper(html: str, field: str) -> str:
    """The HTML of the field's block (label, input, its errors and help), up to the next field's block."""
    start = html.index(f'id="div_id_{field}"')
    end = html.find('id="div_id_', start + 1)
    return html[start:] if end == -1 else html[start:end]


def test_the_error_is_rendered_next_to_the_field(editor_client, rendered, organization):
    data = form_data(rendered) | {"public_email": "not-an-email"}
    html = editor_client.post(edit_url(organization), data).content.decode()
    position_field = html.index('name="public_email"')
    position_error = html.index("Enter a valid email address.")
    assert 0 < position_error - position_field < 1500
    assert "is-invalid" in html


@pytest.mark.parametrize("website", ["ftp://x.org", "javascript:alert(1)"])
def test_a_non_web_address_gets_the_explanatory_message(editor_client, rendered, organization, website):
    data = form_data(rendered) | {"website": website}
    html = editor_client.post(edit_url(organization), data).content.decode()
    assert "Enter a web address starting with http:// or https://." in html


@pytest.mark.parametrize(
    "change, prefix_field",
    [
        pytest.param({"people-1-name": "Bad Mail", "people-1-email": "bad@", "people-1-contact_visibility": "members"},
                     "people-1-email", id="person-bad-email"),
        pytest.param({"people-1-email": "nameless@example.org", "people-1-contact_visibility": "members"},
                     "people-1-name", id="person-without-name"),
    ],
)
def test_invalid_person_rows_save_nothing(editor_client, rendered, organization, change, prefix_field):
    before = snapshot(organization)
    data = form_data(rendered) | {"description_en": "Must not be saved."} | change
    response = editor_client.post(edit_url(organization), data)
    assert response.status_code == 400
    assert snapshot(organization) == before
    formset_name, index, field = prefix_field.split("-")
    assert field in response.context[formset_name].forms[int(index)].errors


def test_a_second_organizations_data_is_untouched_by_an_edit(editor_client, rendered, organization):
    other = make_organization("TJ", name="Neighbour NGO", description="Neighbour text")
    data = form_data(rendered) | {"description_en": "Only mine."}
    assert editor_client.post(edit_url(organization), data).status_code == 302
    other.refresh_from_db()
    assert other.description_en == "Neighbour text"


EDIT_PAGE_STATUS = {"anonymous": 302, "member": 403, "editor": 200, "other_editor": 403, "stakeholder": 403,
                    "steering": 403, "coordinator": 200}


@pytest.mark.parametrize("role", ROLES)
def test_the_edit_page_title_names_the_organization_for_those_allowed(client_as, users, role, organization):
    response = client_as(role).get(edit_url(organization))
    assert response.status_code == EDIT_PAGE_STATUS[role]
    if response.status_code == 200:
        assert "Edit the profile of Madina Test NGO" in response.content.decode()
    else:
        assert "Edit the profile of" not in response.content.decode()


def test_people_of_another_organization_cannot_be_taken_over(editor_client, rendered, organization, other_organization):
    foreign = make_person(other_organization, name="Foreign Person")
    data = form_data(rendered) | {"people-0-id": str(foreign.pk), "people-0-name": "Taken over"}
    response = editor_client.post(edit_url(organization), data)
    assert response.status_code == 302  # Django drops the unknown row and saves the rest; nothing is taken over
    foreign.refresh_from_db()
    assert foreign.name == "Foreign Person"
    assert foreign.organization_id == other_organization.pk
    assert not organization.people.filter(name="Taken over").exists()


def test_a_post_without_the_formset_management_data_saves_nothing(editor_client, rendered, organization):
    before = snapshot(organization)
    response = editor_client.post(edit_url(organization), {"description_en": "No management form"})
    assert response.status_code == 400
    assert snapshot(organization) == before


@pytest.mark.parametrize("field", ["name_local", "public_phone", "city", "people-0-position"])
def test_single_line_profile_fields_refuse_line_breaks(editor_client, rendered, organization, field):
    """An organization name with a line break made its invitation and notification e-mails fail."""
    data = form_data(rendered) | {field: "First line\r\nsecond line"}
    before = snapshot(organization)
    response = editor_client.post(edit_url(organization), data)
    assert response.status_code == 400
    assert "Enter this on one line, without line breaks, tabs or other control characters." in response.content.decode()
    assert snapshot(organization) == before
