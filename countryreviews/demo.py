"""Demo country reviews and the 2017 regional overview, written from the seed documents in ../shared/seeds/.

Facts come from the outcome document of the Dushanbe forum (June 2017, 002_*) and the IOM report of the
Kabul forum (August 2018, 001_*). Where the documents give no figure, the statistics below are
illustrative: each is flagged `illustrative=True` and its source says so. Fields the documents say
nothing about are left empty, so the overview shows "no data" rather than an invented fact.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from members.models import Country, User

from .models import CountryReview, OverviewEntry, RegionalOverview, ReviewChange, ReviewRevision, ReviewStatistic

OUTCOME = "Outcome document, First Regional NGO Forum, Dushanbe, 22–23 June 2017"
KABUL = "IOM, second regional NGO forum, Kabul, 28 August 2018"
ILLUSTRATIVE = "Illustrative demo figure, not from a published source"
# Figures of the network's own organizations (Ynam's hotline, Enme's shelter, Enme's clients by sex, LHRLA's
# helpline): published small values show as "fewer than 5" (Turkmenistan's men and boys, 3) and the women and
# girls as "not shown", since the total minus them would give the 3 away (countryreviews/disclosure.py).
NETWORK_DATA = {
    ("TM", "victims_identified"),
    ("TM", "victims_female"),
    ("TM", "victims_male"),
    ("TM", "hotline_calls"),
    ("TM", "shelter_admissions"),
    ("PK", "hotline_calls"),
}


def _at(year, month, day, hour=10):
    return timezone.make_aware(datetime.datetime(year, month, day, hour, 0))


REVIEWS_2017 = {
    "AF": {
        "published": _at(2018, 7, 16),
        "summary": (
            "Afghan legislation on trafficking was amended in early 2017, and the High Commission that brings "
            "together 12 ministries and government agencies now has clearly defined roles. Implementation remains "
            "the challenge: there is no implementation plan, no standard operating procedures and no referral "
            "mechanism, no specialized shelter for victims and no dedicated toll-free hotline. Afghan NGOs agreed "
            "to form a national network and to sign an MOU with the High Commission."
        ),
        "trafficking_profile": (
            "Trafficking is both internal and cross-border. Afghan law and responses have largely focused on "
            "cross-border trafficking; internal trafficking, including of women and children, has received less "
            "attention. Shrinking livelihoods and the ongoing war lead many Afghans to cross borders irregularly, "
            "where they risk falling into the trafficking nexus. About 3 million Afghan citizens live in Pakistan, "
            "with no government-level mechanism to provide them with services."
        ),
        "law_name": "Law on Combating Trafficking in Persons and Smuggling of Migrants",
        "law_year_amended": 2017,
        "legal_framework": (
            "The amended law (early 2017) makes the statutes more comprehensive and applicable to Afghan "
            "circumstances and strengthens the High Commission by defining roles and responsibilities. "
            "It distinguishes trafficking from smuggling, which were previously treated as the same."
        ),
        "coordination_body": (
            "High Commission to Combat Trafficking in Persons and Smuggling of Migrants "
            "(12 ministries and government agencies; secretariat headed by Abdul Waheed Hedayat)"
        ),
        "action_plan": "None yet: no implementation plan, SOPs or referral mechanism (2017)",
        "prevention": (
            "Public awareness of trafficking is extremely low. A 2016 CTIP study by OFRD found that choosing the "
            "right messages and channels is the key challenge, given low literacy and security threats that make "
            "remote and vulnerable populations hard to reach. The media partners Salam Watandar and Pajhwok "
            "Afghan News ran awareness work throughout the year."
        ),
        "hotlines": "None: no dedicated toll-free number for victims or for reporting trafficking",
        "shelters": "None: no specific TIP shelters and no mechanism to refer victims to shelters",
        "protection": (
            "Identification, referral and services to victims remain outstanding issues. Hagar International "
            "works on the protection component of the CTIP project (recovery and reintegration)."
        ),
        "prosecution": (
            "There is no systematic TIP database, which makes it hard for the High Commission to protect victims "
            "and for law enforcement to prosecute traffickers. IOM's CTIP project supports a national research "
            "study compiling all available government data, as the basis for a database."
        ),
        "ngo_network": "ANCTIP (Afghanistan Network for Combating Trafficking in Persons), being formed",
        "mou_status": "The High Commission Secretariat agreed to sign an MOU with the network once it is established",
        "partnerships": (
            "As a SAARC member, Afghanistan can start a bilateral MOU process with Pakistan and explore MOUs with "
            "its Central Asian neighbours. The Afghan and Tajik TIP commissions pledged to begin discussions on "
            "Tajik–Afghan cross-border trafficking immediately."
        ),
        "ngo_activities": (
            "OFRD, Hagar International, AWSDC, NSRDO and the media partners Salam Watandar and Pajhwok Afghan "
            "News work on awareness, protection and reintegration with IOM's CTIP project."
        ),
        "challenges": (
            "Trafficking is not yet a priority for many stakeholders, including ministries; coordination among "
            "NGOs and between NGOs and government agencies is weak."
        ),
        "recommendations": (
            "Establish a national network; conduct a research study on the TIP situation; establish a national "
            "toll-free TIP hotline drawing on the experience of Pakistan and Turkmenistan; sign a comprehensive "
            "MOU between the network and the High Commission."
        ),
        "sources": f"{OUTCOME}, sections “Government Responses to TIP” and “NGO Initiatives”; {KABUL}.",
        "statistics": [
            ("victims_identified", 2016, 180, True),
            ("victims_identified", 2017, 210, True),
            ("victims_children", 2017, 95, True),
            ("prosecutions", 2017, 40, True),
            ("convictions", 2017, 22, True),
        ],
    },
    "PK": {
        "published": _at(2018, 7, 20),
        "summary": (
            "Pakistan's NGOs bring years of experience: a standardized toll-free trafficking helpline, 1098, "
            "presented in Dushanbe as a best practice for the region, and work on internal trafficking for labour "
            "exploitation. About 3 million Afghan citizens live in Pakistan without government-level mechanisms "
            "to provide them with services; an MOU between Afghanistan and Pakistan might help."
        ),
        "trafficking_profile": (
            "Internal trafficking for labour exploitation is a major challenge. Cross-border mobility is high in "
            "the border provinces shared with Afghanistan."
        ),
        "hotlines": "Toll-free helpline 1098 (LHRLA)",
        "protection": "LHRLA and SHARP provide legal aid; SPARC works on child protection.",
        "partnerships": (
            "Pakistani NGOs offered to work with Afghan counterparts wherever possible, particularly in the border "
            "provinces. Intergovernmental agreements are needed before NGOs can work effectively across the border."
        ),
        "ngo_activities": (
            "SPARC (child rights, internal trafficking for labour exploitation), LHRLA (legal aid, helpline 1098) "
            "and SHARP (human rights and legal assistance for refugees and prisoners)."
        ),
        "challenges": "No government-level mechanism to provide services to Afghan citizens in Pakistan.",
        "recommendations": "Conclude a bilateral MOU between Afghanistan and Pakistan, for example in the SAARC framework.",
        "sources": f"{OUTCOME}, section “NGO Initiatives: Pakistan”.",
        "statistics": [
            ("victims_identified", 2016, 260, True),
            ("victims_identified", 2017, 300, True),
            ("prosecutions", 2017, 85, True),
            ("hotline_calls", 2017, 4200, True),
        ],
    },
    "TJ": {
        "published": _at(2018, 7, 12),
        "summary": (
            "Tajikistan was one of the first countries in the region to pass a counter-trafficking law (2004), "
            "replaced in 2014 by a comprehensive law that covers assistance to victims. In recent years no more "
            "than 40 TIP-related crimes have been recorded annually. The government keeps a relatively systematic "
            "TIP database and has signed bilateral and multilateral MOUs with CIS neighbours. The NGO shelter in "
            "Dushanbe closed for lack of sustained funding."
        ),
        "trafficking_profile": (
            "Tajik victims are identified and repatriated from CIS countries. Raising awareness among vulnerable "
            "communities and addressing victims' needs remain priorities for the government."
        ),
        "law_name": "Counter-trafficking law (comprehensive law of 2014)",
        "law_year_adopted": 2004,
        "law_year_amended": 2014,
        "legal_framework": (
            "The 2004 law was revised and replaced in 2014 by a comprehensive law that includes provisions on "
            "assistance to victims of trafficking."
        ),
        "coordination_body": (
            "Inter-Ministerial Commission for Combatting Trafficking in Persons (IMCCTIP), under the Executive "
            "Office of the President; Department for Combatting TIP in the Ministry of Internal Affairs"
        ),
        "prevention": (
            "NGOs argue that prevention must be linked with better livelihoods and local labour markets: lowering "
            "risk levels among potential victims and informing target populations about trafficking risks."
        ),
        "shelters": "None at present: the NGO shelter for victims in Dushanbe closed for lack of sustained funding",
        "protection": "The status of victims has notably improved since the 2014 law.",
        "prosecution": (
            "No more than 40 cases of TIP-related crimes are recorded annually in recent years. The TIP database "
            "helps law enforcement to prosecute traffickers and to identify, refer, repatriate and assist victims."
        ),
        "ngo_network": "“Umed” network of Tajik NGOs, with a coordinating body on combating trafficking",
        "partnerships": (
            "Bilateral and multilateral MOUs with CIS neighbours and within the Almaty Process allow Tajikistan to "
            "identify and repatriate Tajik victims abroad. The Tajik and Afghan commissions pledged to begin "
            "discussions on cross-border trafficking."
        ),
        "ngo_activities": (
            "Madina, Mairam, Femida, Khairkhohi Zamon and Chashma work on prevention, livelihoods, legal support "
            "and reintegration."
        ),
        "challenges": "Lack of sustained funding for NGO services, which closed the Dushanbe shelter.",
        "recommendations": "Share the experience of the TIP database and of MOUs with Afghan counterparts.",
        "sources": f"{OUTCOME}, sections “Government Responses to TIP: Tajikistan” and “NGO Initiatives”.",
        "statistics": [
            (
                "cases_investigated",
                2017,
                40,
                True,
                "Upper bound from the outcome document (“no more than 40” TIP-related crimes a year); exact count illustrative",
            ),
            ("victims_identified", 2016, 70, True),
            ("victims_identified", 2017, 64, True),
            ("prosecutions", 2017, 31, True),
            ("convictions", 2017, 26, True),
        ],
    },
    "TM": {
        "published": _at(2018, 7, 18),
        "summary": (
            "Counter-trafficking work has increased markedly since the specific law of 2007, revised in 2017 to "
            "put more emphasis on care and support for victims. NGOs took part in developing the National Action "
            "Plan. Specialized services are run by NGOs: the toll-free hotline of Club Ynam and the specialized "
            "shelter in Ashgabat run by Enme."
        ),
        "law_name": "Law on Combating Trafficking in Persons",
        "law_year_adopted": 2007,
        "law_year_amended": 2017,
        "legal_framework": (
            "The 2017 revision emphasizes care and support for victims and gives additional support to the toll-free hotline."
        ),
        "action_plan": "National Action Plan to combat trafficking in persons, developed with NGO participation",
        "prevention": "Ynam and other organizations raise awareness of the causes and consequences of trafficking.",
        "hotlines": "Toll-free trafficking hotline run for many years by Club “Ynam”",
        "shelters": "Specialized TIP shelter in Ashgabat run by the NGO “Enme”",
        "protection": "Specialized services run by NGOs: Ynam's hotline and Enme's shelter.",
        "partnerships": (
            "Turkmen NGOs offered to help Afghan counterparts develop hotline and shelter services and networks of "
            "mutual support."
        ),
        "ngo_activities": "Ynam, Enme, Mashgala, Beyik Eyam and Ynanch Vepa.",
        "recommendations": "Share the experience of NGO-run specialized services with Afghanistan.",
        "sources": f"{OUTCOME}, section “NGO Initiatives: Turkmenistan”.",
        "statistics": [
            ("victims_identified", 2016, 40, True),
            ("victims_identified", 2017, 48, True),
            ("victims_female", 2017, 45, True),
            ("victims_male", 2017, 3, True),
            ("hotline_calls", 2017, 1100, True),
            ("shelter_admissions", 2017, 30, True),
        ],
    },
    "UZ": {
        "published": _at(2018, 7, 24),
        "summary": (
            "Close cooperation between NGOs and state agencies is the heart of counter-trafficking work in "
            "Uzbekistan, embedded in the national TIP law of 2008. NGOs raise public awareness and help state "
            "agencies provide services and support to victims; both need more capacity."
        ),
        "law_name": "National law on countering trafficking in persons",
        "law_year_adopted": 2008,
        "legal_framework": "The 2008 law embeds cooperation and coordination among all stakeholders.",
        "prevention": "NGOs work to increase public awareness of trafficking.",
        "protection": "NGOs assist state agencies in providing services and support to victims.",
        "partnerships": (
            "Cooperation between NGOs and state agencies, between governments and internationally, to identify, "
            "refer and assist victims internally and abroad."
        ),
        "ngo_activities": "Mehrimiz Sizga, Avlodlar Istiqboli, Isenim, Istiqlol Avlodi and Istiqbolli Avlod.",
        "challenges": "The capacity of the state and of NGOs to respond to trafficking effectively needs strengthening.",
        "sources": f"{OUTCOME}, section “NGO Initiatives: Uzbekistan”.",
        "statistics": [
            ("victims_identified", 2016, 120, True),
            ("victims_identified", 2017, 135, True),
            ("convictions", 2017, 60, True),
        ],
    },
}

AF_2018_DRAFT = {
    "summary": (
        "Draft. ANCTIP, the national network, was officially launched in May 2018 and has started to work with "
        "Pakistani counterparts. The revised law helps officials distinguish trafficking from smuggling. The "
        "Minister of Justice asked for support to develop an online TIP database in the 34 provinces."
    ),
    "ngo_network": "ANCTIP, launched May 2018",
    "sources": KABUL,
}

OVERVIEW_2017_INTRODUCTION = (
    "At the first regional NGO forum in Dushanbe in June 2017, counter-trafficking NGOs from Afghanistan, "
    "Pakistan, Tajikistan, Turkmenistan and Uzbekistan agreed that the network in each country would review the "
    "trafficking situation and the activities of its NGOs, and that the reviews would be combined and published "
    "as a regional overview.\n\n"
    "This first edition puts the five 2017 reviews side by side: laws, coordination bodies, hotlines, shelters, "
    "NGO networks and the key statistics. It shows how much the countries can learn from each other, from "
    "Pakistan's toll-free 1098 helpline and Turkmenistan's NGO-run hotline and shelter to Tajikistan's TIP "
    "database and MOUs, and where the gaps are, above all in Afghanistan, which has neither a TIP shelter nor "
    "a hotline.\n\n"
    "Many figures are not yet published by official sources; those are marked as illustrative."
)


def _user(email):
    return User.objects.filter(email=email).first()


def _create_published(country, year, data, user):
    review, _ = CountryReview.objects.get_or_create(country=country, year=year, defaults={"created_by": user})
    if review.revisions.exists():
        return review.revisions.published().order_by("-number").first()
    data = dict(data)
    published = data.pop("published")
    statistics = data.pop("statistics")
    started = published - datetime.timedelta(days=21)
    revision = ReviewRevision.objects.create(
        review=review,
        number=1,
        created_by=user,
        changed_by=user,
        created_at=started,
        updated_at=published - datetime.timedelta(days=1),
        **data,
    )
    for row in statistics:
        indicator, stat_year, value, illustrative, *source = row
        ReviewStatistic.objects.create(
            revision=revision,
            indicator=indicator,
            year=stat_year,
            value=value,
            illustrative=illustrative,
            source=source[0] if source else (ILLUSTRATIVE if illustrative else ""),
            network_data=(country.code, indicator) in NETWORK_DATA,
        )
    ReviewChange.objects.create(revision=revision, action=ReviewChange.Action.CREATED, user=user, at=started)
    ReviewChange.objects.create(
        revision=revision,
        action=ReviewChange.Action.SAVED,
        user=user,
        at=published - datetime.timedelta(days=1),
        fields=[*[k for k in data if data[k]], "statistics"],
    )
    revision.status = ReviewRevision.Status.PUBLISHED
    revision.submitted_at = revision.published_at = published
    revision.submitted_by = revision.published_by = user
    revision.save()
    ReviewChange.objects.create(revision=revision, action=ReviewChange.Action.PUBLISHED, user=user, at=published)
    return revision


@transaction.atomic
def seed(stdout=None):
    """Create the demo reviews and overview once; running it again changes nothing."""
    countries = {c.code: c for c in Country.objects.all()}
    pinned = {}
    for code, data in REVIEWS_2017.items():
        pinned[code] = _create_published(countries[code], 2017, data, _user(f"steering.{code.lower()}@example.org"))

    author = _user("steering.af@example.org")
    draft_review, _ = CountryReview.objects.get_or_create(country=countries["AF"], year=2018, defaults={"created_by": author})
    if not draft_review.revisions.exists():
        base = pinned["AF"].content()
        base.update(AF_2018_DRAFT)
        base.update(law_year_amended=2017)
        started, saved = _at(2018, 9, 10), _at(2018, 9, 24, 15)
        revision = ReviewRevision.objects.create(
            review=draft_review,
            number=1,
            created_by=author,
            changed_by=author,
            created_at=started,
            updated_at=saved,
            **base,
        )
        ReviewStatistic.objects.create(
            revision=revision, indicator="victims_identified", year=2018, value=150, illustrative=True, source=ILLUSTRATIVE
        )
        ReviewChange.objects.create(revision=revision, action=ReviewChange.Action.CREATED, user=author, at=started)
        ReviewChange.objects.create(
            revision=revision,
            action=ReviewChange.Action.SAVED,
            user=author,
            at=saved,
            fields=["summary", "ngo_network", "sources"],
        )

    publisher = _user("steering.tj@example.org")
    overview, created = RegionalOverview.objects.get_or_create(
        year=2017,
        defaults={
            "title": "Regional overview 2017",
            "introduction": OVERVIEW_2017_INTRODUCTION,
            "created_by": publisher,
            "created_at": _at(2018, 7, 25),
            "updated_at": _at(2018, 8, 1),
        },
    )
    if created:
        for code, revision in pinned.items():
            OverviewEntry.objects.create(overview=overview, country=countries[code], revision=revision)
        overview.status = RegionalOverview.Status.PUBLISHED
        overview.published_at = _at(2018, 8, 1)
        overview.published_by = publisher
        overview.save()

    if stdout:
        stdout.write(
            f"Country reviews: {CountryReview.objects.count()} reviews, {ReviewRevision.objects.count()} revisions, "
            f"{RegionalOverview.objects.published().count()} published overview editions."
        )
