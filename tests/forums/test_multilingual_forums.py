"""Forum records in several languages (issue 12): titles, summaries and recommendations for readers of each
language, and the coordinators' forms that write one language at a time."""

import datetime

from django.urls import reverse

from forums.models import Forum, Recommendation
from members.models import Country
from tests.html import elements, marked

EN_TITLE = "Dushanbe forum on labour migration"
RU_TITLE = "Душанбинский форум о трудовой миграции"
EN_SUMMARY = "Forty NGOs met to agree on referral."
RU_SUMMARY = "Сорок НПО встретились, чтобы договориться о перенаправлении."


def texts(page: str, tag: str) -> list[str]:
    return elements(page, tag=tag)


def new_forum(slug, **texts):
    """A held forum with exactly the texts given (title_en, title_ru, summary_ru…), nothing filled in for us."""
    day = datetime.date(2017, 6, 22)
    return Forum.objects.create(
        slug=slug, start_date=day, end_date=day, country=Country.objects.get(code="TJ"), city="Dushanbe",
        status=Forum.Status.HELD, **texts,
    )


def detail(client, forum, lang=None) -> str:
    response = client.get(reverse("forums:detail", args=[forum.slug]), {"lang": lang} if lang else {})
    assert response.status_code == 200
    return response.content.decode()


def form_values(form) -> dict:
    """What a rendered form would send unchanged."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        if value is True:
            data[name] = "on"
        elif isinstance(value, list | tuple):
            data[name] = [str(getattr(v, "pk", v)) for v in value]
        else:
            data[name] = value
    return data


# --- readers ---------------------------------------------------------------------------------------------------


def test_a_russian_reader_sees_the_russian_title(client, db):
    forum = new_forum("two-titles", title_en=EN_TITLE, title_ru=RU_TITLE)
    page = detail(client, forum, "ru")
    heading = texts(page, "h1")
    assert any(RU_TITLE in h for h in heading)
    assert not any(EN_TITLE in h for h in heading)
    assert not marked(page, RU_TITLE, "ru", "ltr")  # the reader's own language is not marked


def test_an_english_reader_sees_the_english_title(client, db):
    forum = new_forum("two-titles", title_en=EN_TITLE, title_ru=RU_TITLE)
    page = detail(client, forum, "en")
    assert any(EN_TITLE in h for h in texts(page, "h1"))
    assert RU_TITLE not in page


def test_a_dari_reader_of_a_russian_only_title_gets_it_marked(client, db):
    forum = new_forum("ru-title", title_ru=RU_TITLE, original_language="ru")
    page = detail(client, forum, "fa")
    assert marked(page, RU_TITLE, "ru", "ltr", tag="span")
    assert any(RU_TITLE in h for h in texts(page, "h1"))


def test_a_dari_reader_of_a_russian_summary_gets_it_marked(client, db):
    forum = new_forum("ru-summary", title_en=EN_TITLE, summary_ru=RU_SUMMARY, original_language="ru")
    page = detail(client, forum, "fa")
    assert marked(page, RU_SUMMARY, "ru", "ltr")


# --- the coordinators' form ------------------------------------------------------------------------------------


def test_a_coordinator_adds_a_russian_summary_without_changing_the_english_one(client_as, db):
    forum = new_forum("edit-me", title_en=EN_TITLE, summary_en=EN_SUMMARY)
    client = client_as("coordinator")
    url = reverse("forums:edit", args=[forum.slug]) + "?content=ru"
    rendered = client.get(url)
    assert rendered.status_code == 200
    form = rendered.context["form"]
    assert {"title_ru", "summary_ru"} <= set(form.fields)
    assert not {"title", "summary", "title_en", "summary_en"} & set(form.fields)
    response = client.post(url, form_values(form) | {"summary_ru": RU_SUMMARY})
    assert response.status_code == 302, response.context and response.context["form"].errors
    forum.refresh_from_db()
    assert (forum.summary_en, forum.summary_ru) == (EN_SUMMARY, RU_SUMMARY)
    assert (forum.title_en, forum.title_ru or "") == (EN_TITLE, "")  # a title in Russian was not required
    assert forum.original_language == "en"
    assert RU_SUMMARY in detail(client, forum, "ru")
    page = detail(client, forum, "en")
    assert EN_SUMMARY in page and RU_SUMMARY not in page


def test_the_forum_form_in_russian_shows_the_english_original_to_translate_from(client_as, db):
    forum = new_forum("edit-me", title_en=EN_TITLE, summary_en=EN_SUMMARY)
    page = client_as("coordinator").get(reverse("forums:edit", args=[forum.slug]) + "?content=ru").content.decode()
    assert marked(page, EN_SUMMARY, "en", "ltr")
    assert "content-language-bar" in page


# --- recommendations -------------------------------------------------------------------------------------------


def test_recommendations_in_another_language_carry_their_language(client, db):
    forum = new_forum("recs", title_en=EN_TITLE)
    Recommendation.objects.create(
        forum=forum, cluster_code="A", cluster_title_ru="Рекомендации для НПО Таджикистана",
        text_ru="Создать национальную сеть перенаправления.", original_language="ru",
    )
    Recommendation.objects.create(
        forum=forum, cluster_code="B", cluster_title_fa="سفارشات برای سازمان‌های افغانستان",
        text_fa="یک شبکه ملی ارجاع ایجاد کنید.", original_language="fa",
    )
    page = detail(client, forum, "en")
    assert marked(page, "Рекомендации для НПО Таджикистана", "ru", "ltr", tag="span")
    assert marked(page, "Создать национальную сеть перенаправления.", "ru", "ltr")
    assert marked(page, "سفارشات برای سازمان‌های افغانستان", "fa", "rtl", tag="span")
    assert marked(page, "یک شبکه ملی ارجاع ایجاد کنید.", "fa", "rtl")


def test_a_coordinator_translates_a_recommendation_into_russian(client_as, db):
    forum = new_forum("recs", title_en=EN_TITLE)
    recommendation = Recommendation.objects.create(
        forum=forum, cluster_code="A", cluster_title_en="Recommendations for Tajik NGOs",
        text_en="Form a national referral network.",
    )
    client = client_as("coordinator")
    url = reverse("forums:part-edit", args=[forum.slug, "recommendations"]) + "?content=ru"
    rendered = client.get(url)
    assert rendered.status_code == 200
    assert [item["code"] for item in rendered.context["language_bar"] if item["written"]] == ["en"]
    formset = rendered.context["formset"]
    data = {f"{formset.prefix}-{key}": value for key, value in formset.management_form.initial.items()}
    for subform in formset.forms:
        data |= {subform.add_prefix(name): value for name, value in form_values(subform).items()}
    data |= {
        "recommendations-0-cluster_title_ru": "Рекомендации для НПО Таджикистана",
        "recommendations-0-text_ru": "Создать национальную сеть перенаправления.",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["formset"].errors
    recommendation.refresh_from_db()
    assert recommendation.text_en == "Form a national referral network."
    assert recommendation.text_ru == "Создать национальную сеть перенаправления."
    assert forum.recommendations.count() == 1

    russian = detail(client, forum, "ru")
    assert "Рекомендации для НПО Таджикистана" in russian and "Form a national referral network." not in russian
    dari = detail(client, forum, "fa")  # no Dari: the English original, marked
    assert marked(dari, "Recommendations for Tajik NGOs", "en", "ltr", tag="span")
    assert marked(dari, "Form a national referral network.", "en", "ltr")


def test_a_new_recommendation_needs_its_text_in_some_language(client_as, db):
    forum = new_forum("recs", title_en=EN_TITLE)
    client = client_as("coordinator")
    url = reverse("forums:part-edit", args=[forum.slug, "recommendations"]) + "?content=ru"
    formset = client.get(url).context["formset"]
    data = {f"{formset.prefix}-{key}": value for key, value in formset.management_form.initial.items()}
    data |= {"recommendations-0-cluster_code": "A", "recommendations-0-cluster_title_ru": "Рекомендации"}
    response = client.post(url, data)
    assert response.status_code == 400
    assert "text_ru" in response.context["formset"].forms[0].errors
    assert not forum.recommendations.exists()
