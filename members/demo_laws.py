"""Demo entries of the legislation register, from the seed documents (issue 17, laws part).

Only what the seed documents state: the Dushanbe forum report of June 2017 (the government and NGO
presentations), IOM's press release on the Kabul forum, and UNODC's on its Islamabad conference of October 2017.
Where a year or a name is not stated there, the summary says so rather than guess. The demo library has no
law texts, so no entry links to one. Safe to run twice (by slug).
"""

from .models import Country, LegalAmendment, LegalInstrument

LAW, PLAN = LegalInstrument.Kind.LAW, LegalInstrument.Kind.ACTION_PLAN

INSTRUMENTS = [
    {
        "slug": "tj-counter-trafficking-law-2004",
        "country": "TJ",
        "kind": LAW,
        "year_adopted": 2004,
        "year_until": 2014,
        "title_en": "Counter-trafficking law",
        "summary_en": (
            "One of the first counter-trafficking laws in the region, as the Tajik Ministry of Internal Affairs "
            "told the Dushanbe forum in June 2017. Revised and replaced in 2014 by a comprehensive law."
        ),
    },
    {
        "slug": "tj-comprehensive-tip-law-2014",
        "country": "TJ",
        "kind": LAW,
        "year_adopted": 2014,
        "title_en": "Comprehensive law on trafficking in persons",
        "summary_en": (
            "Replaced the 2004 law and added provisions on assistance to victims of trafficking. Since then, "
            "the Ministry of Internal Affairs reported, no more than 40 trafficking crimes have been recorded a year "
            "and the status of victims has notably improved."
        ),
        "replaces": "tj-counter-trafficking-law-2004",
    },
    {
        "slug": "tm-counter-trafficking-law-2007",
        "country": "TM",
        "kind": LAW,
        "year_adopted": 2007,
        "title_en": "Counter-trafficking law",
        "summary_en": (
            "The specific counter-trafficking law since whose passage, NGOs told the Dushanbe forum, counter-"
            "trafficking work in Turkmenistan has notably increased."
        ),
        "amendments": [
            {
                "year": 2017,
                "summary_en": (
                    "Revised to emphasize care and support for victims of trafficking, with more support for the "
                    "toll-free hotline run by the NGO “Ynam” (as reported at the Dushanbe forum)."
                ),
            }
        ],
    },
    {
        "slug": "uz-tip-law-2008",
        "country": "UZ",
        "kind": LAW,
        "year_adopted": 2008,
        "title_en": "National law on countering trafficking in persons",
        "summary_en": (
            "Embeds cooperation and coordination among all stakeholders, NGOs and state agencies, in identifying, "
            "referring and assisting victims (as Uzbek NGOs told the Dushanbe forum)."
        ),
    },
    {
        "slug": "af-law-trafficking-smuggling-2017",
        "country": "AF",
        "kind": LAW,
        "year_adopted": 2017,
        "title_en": "Law on trafficking in persons and smuggling of migrants",
        "summary_en": (
            "Afghan legislation on trafficking was amended in early 2017 (year as reported at the Dushanbe forum "
            "and the Kabul forum; the year of the earlier legislation is not stated there). The law now "
            "distinguishes trafficking in persons from the smuggling of migrants, which were previously regarded "
            "as the same, for better protection of the victims of both crimes, and strengthens the TIP High "
            "Commission by defining the roles and responsibilities of its members."
        ),
    },
    {
        "slug": "pk-fia-strategic-framework-2016-2020",
        "country": "PK",
        "kind": PLAN,
        "year_adopted": 2016,
        "year_until": 2020,
        "title_en": "FIA Strategic Framework to Combat Human Trafficking and Migrant Smuggling (2016–2020)",
        "summary_en": (
            "The Federal Investigation Agency's strategic framework, named by its Director General at the regional "
            "conference on trafficking and migrant smuggling held by UNODC in Islamabad in October 2017."
        ),
    },
]


def seed(stdout=None):
    countries = set(Country.objects.values_list("code", flat=True))
    saved = {}
    for data in INSTRUMENTS:
        data = dict(data)
        if data["country"] not in countries:
            continue
        amendments = data.pop("amendments", [])
        replaces = data.pop("replaces", None)
        slug, country = data.pop("slug"), data.pop("country")
        instrument, _created = LegalInstrument.objects.update_or_create(
            slug=slug, defaults={**data, "country_id": country, "original_language": "en"}
        )
        saved[slug] = instrument
        if replaces in saved:
            LegalInstrument.objects.filter(pk=saved[replaces].pk).update(replaced_by=instrument)
        for amendment in amendments:
            LegalAmendment.objects.update_or_create(
                instrument=instrument,
                year=amendment["year"],
                defaults={"summary_en": amendment["summary_en"], "original_language": "en"},
            )
    if stdout is not None:
        stdout.write(f"Legislation register: {len(saved)} laws and plans.")
