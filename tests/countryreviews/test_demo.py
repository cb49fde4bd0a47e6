"""The demo reviews and overview: written from the seed documents, illustrative figures marked, idempotent."""

from django.core.management import call_command

from countryreviews.models import CountryReview, RegionalOverview, ReviewChange, ReviewRevision, ReviewStatistic


def counts():
    return [m.objects.count() for m in (CountryReview, ReviewRevision, ReviewStatistic, ReviewChange, RegionalOverview)]


def test_seed_demo_twice_changes_nothing(db, settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    first = counts()
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    assert counts() == first
    assert first[0] == 6


def test_the_demo_reviews_follow_the_seed_documents(db, settings, client):
    settings.DEBUG = True
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    published = {r.review.country_id: r for r in ReviewRevision.objects.published().select_related("review", "published_by")}
    assert sorted(published) == ["AF", "PK", "TJ", "TM", "UZ"]
    assert (published["TJ"].law_year_adopted, published["TJ"].law_year_amended) == (2004, 2014)
    assert (published["TM"].law_year_adopted, published["TM"].law_year_amended) == (2007, 2017)
    assert published["UZ"].law_year_adopted == 2008
    assert published["AF"].law_year_amended == 2017
    assert "no more than 40" in published["TJ"].summary
    assert "1098" in published["PK"].hotlines
    assert "Ynam" in published["TM"].hotlines and "Enme" in published["TM"].shelters
    assert published["AF"].hotlines.startswith("None") and published["AF"].shelters.startswith("None")
    for code, revision in published.items():
        assert revision.published_by.email == f"steering.{code.lower()}@example.org"
    # Every demo figure is either flagged illustrative or says where it comes from.
    assert not ReviewStatistic.objects.filter(illustrative=False, source="").exists()
    assert ReviewRevision.objects.get(review__country="AF", review__year=2018).status == ReviewRevision.Status.DRAFT
    overview = RegionalOverview.objects.get(year=2017)
    assert overview.is_published
    assert set(overview.revisions.all()) == set(published.values())
    page = client.get("/reviews/overview/").content.decode()
    assert "Regional overview 2017" in page
