import datetime

import pytest
from django.urls import reverse

from forums.models import Forum

pytestmark = pytest.mark.django_db


def forum_data(**overrides):
    data = {
        "title_en": "Third Regional NGO Forum", "slug": "tashkent-2027", "kind": "regional_ngo", "status": "planned",
        "start_date": "2027-06-01", "end_date": "2027-06-02", "city": "Tashkent", "country": "UZ",
        "venue": "", "organizers_text": "", "funders_text": "USAID", "summary_en": "To be confirmed.",
    }
    data.update(overrides)
    return data


def test_coordinators_create_a_forum(client_as, organization):
    response = client_as("coordinator").post(reverse("forums:create"), forum_data(organizers=[organization.pk]))
    forum = Forum.objects.get(slug="tashkent-2027")
    assert response["Location"] == forum.get_absolute_url()
    assert forum.end_date == datetime.date(2027, 6, 2)
    assert list(forum.organizers.all()) == [organization]


def test_dates_typed_with_persian_digits_are_read(client_as, users):
    data = forum_data(start_date="۲۰۲۷-۰۶-۰۱", end_date="٢٠٢٧-٠٦-٠٢")  # Persian and Arabic-Indic digits
    assert client_as("coordinator").post(reverse("forums:create"), data).status_code == 302
    forum = Forum.objects.get(slug="tashkent-2027")
    assert (forum.start_date, forum.end_date) == (datetime.date(2027, 6, 1), datetime.date(2027, 6, 2))


def test_the_end_cannot_precede_the_start(client_as, users):
    response = client_as("coordinator").post(reverse("forums:create"), forum_data(end_date="2027-05-30"))
    assert response.status_code == 400
    assert "The end date cannot be before the start date." in response.content.decode()
    assert not Forum.objects.exists()


@pytest.mark.parametrize("slug", ["follow-up", "new"])
def test_reserved_slugs_are_refused(client_as, users, slug):
    response = client_as("coordinator").post(reverse("forums:create"), forum_data(slug=slug))
    assert response.status_code == 400
    assert "used by another page" in response.content.decode()


def test_a_slug_already_in_use_is_refused_in_plain_words(client_as, forum):
    response = client_as("coordinator").post(reverse("forums:create"), forum_data(slug=forum.slug))
    assert response.status_code == 400
    assert response.context["form"].errors["slug"] == ["A forum with this web address already exists."]
    assert "with this Slug" not in response.content.decode()


def test_coordinators_edit_a_forum(client_as, forum):
    data = forum_data(slug=forum.slug, title_en="Renamed forum", start_date="2017-06-22", end_date="2017-06-23",
                      status="held")
    response = client_as("coordinator").post(reverse("forums:edit", args=[forum.slug]), data)
    assert response.status_code == 302
    forum.refresh_from_db()
    assert forum.title_en == "Renamed forum"


def test_non_coordinators_cannot_edit(client_as, forum):
    response = client_as("steering").post(reverse("forums:edit", args=[forum.slug]), forum_data(slug=forum.slug))
    assert response.status_code == 403
    forum.refresh_from_db()
    assert forum.title_en == "Dushanbe test forum"


def formset(prefix, rows):
    data = {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}
    for i, row in enumerate(rows):
        data.update({f"{prefix}-{i}-{k}": v for k, v in row.items()})
    return data


def test_coordinators_add_sessions_within_the_forum_dates(client_as, forum):
    url = reverse("forums:part-edit", args=[forum.slug, "sessions"])
    client = client_as("coordinator")
    bad = client.post(url, formset("sessions", [{"date": "2017-07-01", "order": "1", "kind": "opening",
                                                 "title": "Opening"}]))
    assert bad.status_code == 400
    assert "within the forum" in bad.content.decode()
    good = client.post(url, formset("sessions", [{"date": "2017-06-22", "order": "1", "kind": "opening",
                                                  "title": "Opening"}]))
    assert good.status_code == 302
    assert forum.sessions.get().title == "Opening"


def test_coordinators_add_recommendations(client_as, forum):
    url = reverse("forums:part-edit", args=[forum.slug, "recommendations"])
    response = client_as("coordinator").post(url, formset("recommendations", [
        {"cluster_code": "C", "cluster_title_en": "Regional network", "order": "1", "text_en": "Meet every year"}]))
    assert response.status_code == 302
    recommendation = forum.recommendations.get()
    assert (recommendation.cluster_title_en, recommendation.text_en) == ("Regional network", "Meet every year")


def test_coordinators_add_action_items(client_as, forum, organization):
    url = reverse("forums:part-edit", args=[forum.slug, "action-items"])
    data = formset("action-items", [{"order": "2", "text": "Regional hotline", "status": "planned",
                                     "due_date": "2027-01-01", "responsible_organizations": [organization.pk],
                                     "responsible_countries": ["PK", "TM"]}])
    # The existing item is part of the formset as an initial form.
    item = forum.action_items.get()
    data.update({"action-items-TOTAL_FORMS": "2", "action-items-INITIAL_FORMS": "1"})
    data.update({k.replace("action-items-0-", "action-items-1-"): v for k, v in data.items() if "-0-" in k})
    data.update({"action-items-0-id": item.pk, "action-items-0-order": "1", "action-items-0-text": item.text,
                 "action-items-0-status": "done", "action-items-0-forum": forum.pk})
    response = client_as("coordinator").post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    new = forum.action_items.get(text="Regional hotline")
    assert sorted(new.responsible_countries.values_list("code", flat=True)) == ["PK", "TM"]
    item.refresh_from_db()
    assert item.status == "done"


def test_an_unknown_part_is_a_404(client_as, forum):
    assert client_as("coordinator").get(f"/forums/{forum.slug}/budget/").status_code == 404


@pytest.mark.parametrize(
    "field, value",
    [
        ("title_en", "Third Regional\r\nNGO Forum"),  # a line break made the forum's .ics a 500
        ("title_en", "Third\tForum"),
        ("city", "Tash\nkent"),
        ("venue", "Hotel\x00"),
        ("title_en", "Forum \u202eevil"),  # a right-to-left override disguises the text
    ],
)
def test_single_line_fields_refuse_control_characters(client_as, users, field, value):
    response = client_as("coordinator").post(reverse("forums:create"), forum_data(**{field: value}))
    assert response.status_code == 400
    assert "Enter this on one line, without line breaks, tabs or other control characters." in response.content.decode()
    assert not Forum.objects.exists()


def test_multi_line_fields_and_persian_joiners_are_accepted(client_as, users):
    data = forum_data(summary_en="Day one.\r\nDay two.", city="مزار\u200cشریف")  # ZWNJ is Persian spelling
    assert client_as("coordinator").post(reverse("forums:create"), data).status_code == 302
    assert Forum.objects.get(slug="tashkent-2027").city == "مزار\u200cشریف"
