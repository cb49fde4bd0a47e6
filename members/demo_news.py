"""Demo announcements, taken from the seed documents in ../shared/seeds/.

- The outcome document of the first regional NGO forum (Dushanbe, June 2017; 002_*), as a publication.
- UNODC's regional conference in Islamabad (October 2017; 003_*), posted by a member for everyone and
  waiting for the approval of Pakistan's steering committee representative.
- ANCTIP's official launch in May 2018 (001_*), with a Dari translation.
- The second regional NGO forum in Kabul, 27–28 August 2018 (000_*, 001_*), with a Russian translation.
- A members-only call for cooperation on referring callers between the national hotlines (the regional
  hotline agreed in Kabul, 000_*; the toll-free 1098 and Ynam's hotline, 002_*), with one comment.

The authors are members/demo.py's demo users. Nothing is sent to the list-serve: seeding is not posting.
"""

import datetime

from django.db import transaction

from .models import Announcement, AnnouncementComment, Audience, Country, Organization, User


def at(year, month, day, hour=9) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, 0, tzinfo=datetime.UTC)


K = Announcement.Kind

# slug → what the post holds; "texts" are the translations ({language: {field: text}}).
ANNOUNCEMENTS = {
    "outcome-document-dushanbe-2017": {
        "author": "coordinator@example.org",
        "organization": None,
        "kind": K.PUBLICATION,
        "created_at": at(2017, 11, 25),
        "audience": Audience.PUBLIC,
        "approved": True,
        "countries": [],
        "title": "Outcome document of the first regional NGO forum (Dushanbe, June 2017)",
        "body": (
            "The outcome document of the first regional NGO forum, “Promoting Cooperation among Civil Society "
            "Organizations across the Border of Afghanistan and its Neighboring Countries to Respond to Human "
            "Trafficking” (Dushanbe, 22–23 June 2017), is now available.\n\n"
            "It records the forum's sessions; the recommendations for national NGOs, for coordination between NGOs "
            "and governments, and for the regional CTIP network; and the steps the participants agreed: form a "
            "national CTIP network where there is none, write a country review to be shared through the steering "
            "committee, and set up an online portal or e-mail list-serve through which the national networks share "
            "information.\n\n"
            "You find it with the forum's record and in the library."
        ),
    },
    "unodc-regional-conference-islamabad-2017": {
        "author": "member.pk@example.org",
        "organization": "SPARC",
        "kind": K.PUBLICATION,
        "created_at": at(2017, 10, 30),
        "audience": Audience.PUBLIC,
        "approved": False,
        "countries": ["PK"],
        "title": "Reports launched at UNODC's regional conference on trafficking and migrant smuggling in Islamabad",
        "body": (
            "UNODC held a regional conference on trafficking in persons and the smuggling of migrants in Islamabad "
            "on 24–25 October 2017, following its 2016 conference. Afghanistan, Iran, Pakistan and Frontex presented "
            "emerging trends of irregular migration, and participants worked on a roadmap for future action.\n\n"
            "Two publications were launched at the event: the Federal Investigation Agency's 2014/2015 annual "
            "reports on human trafficking and migrant smuggling, and UNODC's report “Smuggling of Migrants from "
            "Pakistan: Reasons, Routes and Risks”."
        ),
    },
    "anctip-launched": {
        "author": "steering.af@example.org",
        "organization": "OFRD",
        "kind": K.NEWS,
        "created_at": at(2018, 5, 28),
        "audience": Audience.PUBLIC,
        "approved": True,
        "countries": ["AF"],
        "title": "ANCTIP, the Afghan national network against trafficking, is officially launched",
        "body": (
            "Afghan NGOs that met their neighbours at the first regional forum in Dushanbe in June 2017 have formed "
            "the Afghanistan Network for Combating Trafficking in Persons (ANCTIP), officially launched this month.\n\n"
            "The network has started to work in partnership with Pakistani counterparts and plans to collaborate "
            "with the other neighbouring countries. The High Commission Secretariat on TIP agreed to sign a "
            "memorandum of understanding with the network once it is established.\n\n"
            "“Our role is to establish and strengthen cross-border coordination among NGOs and CSOs to better "
            "identify, refer and protect the victims and to prosecute the traffickers.” (Mohammad Shoaib Nasiri, OFRD)"
        ),
        "texts": {
            "fa": {
                "title": "شبکه افغانستان برای مبارزه با قاچاق انسان (ANCTIP) به‌طور رسمی آغاز به کار کرد",
                "body": (
                    "نهادهای غیردولتی افغان که در نخستین مجمع منطقه‌ای در دوشنبه (سرطان ۱۳۹۶) با همکاران کشورهای "
                    "همسایه دیدار کردند، شبکه افغانستان برای مبارزه با قاچاق انسان (ANCTIP) را تشکیل دادند که در "
                    "این ماه به‌طور رسمی آغاز به کار کرد.\n\n"
                    "این شبکه همکاری با همتایان پاکستانی را آغاز کرده است و قصد دارد با دیگر کشورهای همسایه نیز "
                    "همکاری کند. دارالانشای کمیسیون عالی مبارزه با قاچاق انسان موافقت کرده است که پس از تأسیس "
                    "شبکه، با آن تفاهم‌نامه امضا کند.\n\n"
                    "«نقش ما ایجاد و تقویت هماهنگی فرامرزی میان نهادهای غیردولتی و نهادهای جامعه مدنی است تا "
                    "قربانیان قاچاق انسان بهتر شناسایی، ارجاع و حمایت شوند و قاچاقچیان تحت پیگرد قرار گیرند.» "
                    "(محمد شعیب نصیری، OFRD)"
                ),
            },
        },
    },
    "second-regional-ngo-forum-kabul-2018": {
        "author": "steering.af@example.org",
        "organization": "OFRD",
        "kind": K.EVENT,
        "created_at": at(2018, 7, 23),
        "audience": Audience.PUBLIC,
        "approved": True,
        "countries": [],
        "event_start": datetime.date(2018, 8, 27),
        "event_end": datetime.date(2018, 8, 28),
        "place": "Kabul, Government Media and Information Center",
        "title": "Second regional NGO forum in Kabul, 27–28 August 2018",
        "body": (
            "The second regional forum of counter-trafficking NGOs from Afghanistan, Pakistan, Tajikistan, "
            "Turkmenistan and Uzbekistan meets in Kabul on 27–28 August 2018. OFRD and IOM Afghanistan organize it "
            "under the CTIP project funded by USAID.\n\n"
            "As agreed in Dushanbe in June 2017, the forum will discuss the establishment of the regional civil "
            "society network, its roadmap and action plan, and cross-border cooperation to identify, refer and "
            "protect victims of trafficking. Representatives of the Afghan government, NGOs, civil society "
            "organizations and media take part.\n\n"
            "Delegations: please confirm your participants to your country's steering committee representative."
        ),
        "texts": {
            "ru": {
                "title": "Второй региональный форум НПО в Кабуле, 27–28 августа 2018 года",
                "body": (
                    "Второй региональный форум НПО по противодействию торговле людьми из Афганистана, Пакистана, "
                    "Таджикистана, Туркменистана и Узбекистана пройдёт в Кабуле 27–28 августа 2018 года. Его "
                    "организуют OFRD и МОМ в Афганистане в рамках проекта CTIP, финансируемого USAID.\n\n"
                    "Как было решено в Душанбе в июне 2017 года, форум обсудит создание региональной сети "
                    "организаций гражданского общества, её дорожную карту и план действий, а также трансграничное "
                    "сотрудничество в выявлении, перенаправлении и защите жертв торговли людьми. В форуме участвуют "
                    "представители правительства Афганистана, НПО, организаций гражданского общества и СМИ.\n\n"
                    "Делегациям: пожалуйста, подтвердите состав участников своему представителю в руководящем "
                    "комитете."
                ),
            },
        },
    },
    "call-hotline-referral": {
        "author": "steering.pk@example.org",
        "organization": "LHRLA",
        "kind": K.CALL,
        "created_at": at(2018, 9, 10),
        "audience": Audience.MEMBERS,
        "approved": False,
        "countries": [],
        "deadline": datetime.date(2018, 10, 15),
        "title": "Call for cooperation: referring callers between the national trafficking hotlines",
        "body": (
            "In Kabul the network agreed to work towards a hotline with one number for combating trafficking in the "
            "region. As a first step, LHRLA proposes that the organizations running hotlines (the toll-free 1098 "
            "helpline in Pakistan, Ynam's hotline in Turkmenistan) and those planning one in Afghanistan agree how "
            "to refer a caller whose case crosses a border: whom to call in each country, in which languages, and "
            "what may be passed on with the caller's consent.\n\n"
            "If your organization runs a hotline, a shelter or legal aid that takes cross-border cases, answer in "
            "the comments by 15 October 2018 with the languages you answer in. We will send a draft referral sheet "
            "to the steering committee before the next network meeting.\n\n"
            "Please do not write any details of individual cases here."
        ),
    },
}

# (announcement slug, author e-mail, text, written)
COMMENTS = [
    (
        "call-hotline-referral",
        "steering.tm@example.org",
        "Ynam's hotline answers in Turkmen and Russian, and we take part. Please include the specialized shelter "
        "in Ashgabat that Enme runs: its social workers receive the people we refer.",
        at(2018, 9, 14),
    ),
]


@transaction.atomic
def seed(stdout=None):
    """Create or update the demo announcements; running it again changes nothing."""
    users = {user.email: user for user in User.objects.filter(email__in={a["author"] for a in ANNOUNCEMENTS.values()})}
    users |= {user.email: user for user in User.objects.filter(email__in={c[1] for c in COMMENTS})}
    countries = {country.code: country for country in Country.objects.all()}
    posts = {}
    for slug, data in ANNOUNCEMENTS.items():
        data = dict(data)
        author = users[data.pop("author")]
        organization = data.pop("organization")
        organization = Organization.objects.get(acronym=organization) if organization else None
        texts = data.pop("texts", {})
        codes = data.pop("countries")
        audience, approved = data.pop("audience"), data.pop("approved")
        post = Announcement.objects.filter(slug=slug).first() or Announcement(slug=slug)
        post.author, post.organization, post.original_language = author, organization, "en"
        post.title_en, post.body_en = data.pop("title"), data.pop("body")
        for name, value in data.items():
            setattr(post, name, value)
        post.set_texts(texts)
        post.set_audience(audience, approved=approved)  # as the form does: approved if an approver posted it
        post.save()
        post.countries.set([countries[code] for code in codes])
        posts[slug] = post

    for slug, email, text, written in COMMENTS:
        comment, _ = AnnouncementComment.objects.get_or_create(
            announcement=posts[slug], author=users[email], defaults={"body": text}
        )
        AnnouncementComment.objects.filter(pk=comment.pk).update(body=text, created_at=written)

    if stdout:
        stdout.write(
            f"News: {Announcement.objects.count()} announcements, {AnnouncementComment.objects.count()} comments."
        )
