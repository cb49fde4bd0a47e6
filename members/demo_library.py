"""Demo resources of the library, taken from the seed documents in ../shared/seeds/.

- The outcome document of the first regional NGO forum (Dushanbe, 22–23 June 2017; 002_*): a PDF made at seed
  time from its text (background, recommendations, next steps, the governments' resolutions, the key issues;
  not the participants' list, whose contacts are personal).
- The outcome of the regional discussion in Kabul, 27–28 August 2018 (000_*): a PDF of its text.
- UNODC's regional conference on trafficking and migrant smuggling, Islamabad, October 2017 (003_*): a web link.
- A radio script in Dari and Pashto for listeners who cannot read (written for the demo, after OFRD's finding in
  002_* that low literacy keeps prevention messages from remote populations): an ODT, for network members only.

The files are stored through the default storage (MEDIA_ROOT), made again only if missing. Run after members/demo.py
(its users and organizations) and before forums/demo.py, which lists the outcome documents on their forums.
"""

import datetime

from django.core.files.base import ContentFile
from django.db import transaction

from .demo_documents import odt_document, pdf_document
from .models import Audience, Country, FocusArea, Organization, PublicStatus, Resource, User
from .uploads import DOCX, ODT, PDF

ALL = ["AF", "PK", "TJ", "TM", "UZ"]


def at(year, month, day, hour=9) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, 0, tzinfo=datetime.UTC)


DUSHANBE_TITLE = (
    "Outcome Document: First Regional NGO Forum. Promoting Cooperation among Civil Society Organizations across the "
    "Border of Afghanistan and its Neighboring Countries to Respond to Human Trafficking. 22-23 June 2017, Dushanbe, "
    "Tajikistan"
)
DUSHANBE_TEXT = [
    "Project: Combatting Trafficking in Persons (CTIP), Afghanistan",
    "BACKGROUND",
    "The International Organization for Migration (IOM) Afghanistan is currently implementing a multi-year counter "
    "trafficking in Persons (CTIP) project funded by USAID Afghanistan, which offers an opportunity to strengthen "
    "cross border coordination mechanisms by helping NGOs in relevant countries to meet, reflect upon their efforts "
    "and plan jointly to strengthen coordination in a more systematic way. As part of this project, and in "
    "coordination with the IOM Mission in Tajikistan and both of the IOM regional offices for Asia and the Pacific in "
    "Bangkok and for South-Eastern Europe, Eastern Europe and Central Asia in Vienna, IOM Afghanistan organized a "
    "regional forum for selected NGOs from Afghanistan, Pakistan, Tajikistan, Turkmenistan and Uzbekistan in "
    "Dushanbe on 22-23 June 2017.",
    "The forum's overall objective was to foster cross-border/regional networking among relevant NGOs in order to "
    "improve cooperation and strengthen cross-border referral mechanisms and victim identification and "
    "reintegration services, including the provision of legal, social, and gender-sensitive psychological support.",
    "The forum concluded with the selection of a steering committee with one NGO representative from each country "
    "in attendance. This steering committee was charged with coordinating interregional networking, coordinating "
    "with relevant government agencies working on TIP and liaising with Afghan NGOs with the support of IOM's CTIP "
    "project. This forum was first of four planned regional forums, including two with government representatives "
    "from the five participating countries.",
    "RECOMMENDATIONS",
    "A. Recommendations for Afghan NGOs:",
    "- Establish a national network to combat TIP in Afghanistan, incorporating both the CSOs currently coordinating "
    "with the Afghan High Commission on TIP and other relevant organizations including Afghan media;",
    "- Conduct a research study on the situation related to TIP in Afghanistan and outline the current key "
    "challenges encountered by vulnerable populations, including their difficulties receiving TIP-prevention "
    "messages;",
    "- Establish a national TIP toll-free hotline, applying the experience of other regional countries (Pakistan, "
    "Turkmenistan);",
    "- Apply the best practices outlined during the regional forum, particularly in relation to establishing "
    "cross-border identification and referral mechanisms.",
    "B. Recommendations for coordination between Afghan NGOs and the Afghan government:",
    "- Sign a comprehensive MOU between the (soon to be) established national CTIP network and the Afghan High "
    "Commission on TIP;",
    "- Afghan NGOs should provide technical and other capacity building to Afghan government agencies, and assist "
    "them with more accurately defining and applying concepts of TIP;",
    "- Work with neighboring countries' NGOs/CSOs to lobby both the Afghan and neighboring governments to develop an "
    "effective mechanism of referral and repatriation for victims of TIP.",
    "C. Recommendations for the regional CTIP network:",
    "- A regional CTIP network should be established on the basis of the current regional forum and the links "
    "established between its participants. This regional network should hold meetings at least once per year;",
    "- Members of regional CTIP network should share information amongst themselves, and network members should "
    "distribute information in their country to interested CSOs and other stakeholders;",
    "- NGOs in all five countries in attendance at the forum should coordinate on the development of a Facebook page "
    "or other online portal or list-serve where information about regional CSOs operating in the field of CTIP can "
    "be collected;",
    "- NGOs from each participating country should conduct an overview of the current TIP situation in their "
    "country. These overviews should then be combined and published as a regional overview.",
    "MOVING FORWARD",
    "The NGOs present agreed to the following initial steps of action, which they resolved to enact in a timely "
    "fashion:",
    "- In countries without an established CTIP network, coordinate and form a network. In countries with an "
    "established CTIP network, improve coordination between network members and relevant government bodies;",
    "- The CTIP network in each country should collect information about the TIP situation and the activities of "
    "CTIP NGOs. This information (\"country review\") should be shared via the steering committee with other "
    "countries' networks;",
    "- Establish an online portal, Facebook page, or email list-serve, via which information can be shared between "
    "national networks. This will form the basis for the planned regional CTIP network;",
    "- Assist the IOM Afghanistan CTIP program with the organization of a government forum later this year in Kabul.",
    "Finally, the NGO participants agreed to meet again in a year at a second NGO regional forum in order to review "
    "the work completed and move forward with the establishment and strengthening of the regional CTIP network.",
    "BILATERAL MEETING BETWEEN AFGHAN AND TAJIK GOVERNMENT TIP-RELATED AGENCIES",
    "- A regional government forum on CTIP will be held in September 2017, with a planned location in Kabul, subject "
    "to security clearance. Financial and technical assistance will be provided by IOM Afghanistan's CTIP program.",
    "- The Afghan TIP Commission will work to take advantage of the best practices and relevant experiences of its "
    "neighboring nations related to TIP responses, especially those of its close neighbor, Tajikistan.",
    "- Recognizing the need for ongoing and increased coordination between NGOs and government agencies on CTIP, the "
    "Afghan High Commission Secretariat on TIP will sign an MOU with the Afghan national CTIP network, once this "
    "network is established.",
    "ANNEX ONE: KEY ISSUES OF THE FORUM",
    "Issue 1: Cross border and regional cooperation to strengthen protection, referral and reintegration mechanisms. "
    "Resolution: Develop a regional CTIP network involving those NGOs operating in the field of counteracting TIP in "
    "Afghanistan, Pakistan, Tajikistan, Turkmenistan, and Uzbekistan, built upon national networks in each of the "
    "five countries.",
    "Issue 2: Thematic communications, sharing best practices addressing challenges and common mechanisms to respond "
    "needs of VoTs and survivors. Resolution: Establish a coordination and communication mechanism between the "
    "national CTIP networks of the five countries, involving either an online platform or an email list-serve.",
    "Issue 3: Follow up plan, roles and responsibilities of participating NGOs at regional level linking with two "
    "regional mechanisms - SAARC and Almaty processes. Resolution: Implement the recommendations and future steps "
    "outlined in the Outcome Document; coordinate meetings of the steering committee in preparation for the second "
    "regional forum, planned for Spring/Summer 2018.",
]

KABUL_TITLE = (
    "The Outcome of Two Days Regional Discussion amongst Countries with Common Boundaries on Combating Human "
    "Trafficking. August 27-28, 2018"
)
KABUL_TEXT = [
    "The Civil Society Organizations of Afghanistan, Uzbekistan, Tajikistan, Turkmenistan and Pakistan held a joint "
    "conference to promote cooperation amongst civil society organizations in the boundaries of Afghanistan and "
    "neighboring countries for combating human trafficking and migrants smuggling with participation of His "
    "Excellency Abdul Basir Anwar - Minister of Justice, John Bass - U.S. Ambassador to Kabul, General Director of "
    "IOM and representatives of civil society organizations of the regional countries at the Government Media and "
    "Information Center.",
    "In this two days forum, representatives of civil societies of Afghanistan and four neighboring countries "
    "discussed the establishment of a regional civil society network, development of a roadmap, an action plan and "
    "furthering cooperation to combat ominous phenomenon of human trafficking. Following the holistic discussions, "
    "it was agreed that the regional network comprised of civil societies be formed; Quinquennial strategy for this "
    "network be prepared; the network should have an action plan and specific budget and ought to convene annual "
    "meetings after implementation of the strategy, and present its report annually; these organizations need to "
    "investigate that what changes have shaped in the condition of regional countries in terms of human "
    "trafficking; establishment of a hotline with specific number for the purpose of combating human trafficking in "
    "the regional countries; and making ease in issuance of visa amongst the countries.",
    "John Bass, U.S Ambassador to Kabul, emphasized on collaborations between states and civil societies of the "
    "regional countries and stated: if no collaboration exists amongst states and the countries act by themselves, "
    "they will not succeed in combating human trafficking. He stated that human trafficking criminals must be "
    "trialed, and its victims must be supported until the time they integrate into the society.",
    "Dr. Abdul Basir Anwar - Minister of Justice thanked USA, USAID and IOM for their cooperation availed to the "
    "Ministry of Justice and asserted that human trafficking is the second financial source of Mafia network after "
    "the drugs smuggling. He stated that High Commission on Combating Human Trafficking is formed of 16 governmental "
    "and non-governmental institutions. He emphasized on further cooperation of regional countries and expressed "
    "hope that this conference would have fruitful outcome.",
    "At the end, Laurence Hart - the General Director International Organization for Migration, thanked the Minister "
    "of Justice, U.S. ambassador and civil societies of regional countries and outlined that the goal of this "
    "conference is establishment of civil society organizations regional network, provision of roadmap and action "
    "plan for combating human trafficking.",
]

RADIO_SCRIPT = [
    (
        "rtl",
        "برنامه رادیویی: وعده کار در خارج – اول بپرسید، بعد بروید",
        [
            "گوینده: شنوندگان عزیز، سلام. امروز درباره وعده‌های کار در خارج از کشور صحبت می‌کنیم.",
            "کریم: پسر کاکایم می‌گوید یک نفر برایش کار خوب در خارج پیدا کرده. پول سفر را هم خودش می‌دهد.",
            "مادر: پسرم، اگر کسی کار خوب و پول زیاد وعده می‌دهد و هیچ سندی نمی‌خواهد، باید احتیاط کنی.",
            "گوینده: قاچاقبران انسان اکثراً با وعده کار، تحصیل یا ازدواج مردم را فریب می‌دهند. بعد پاسپورت آنها را "
            "می‌گیرند و آنها را مجبور به کار بدون مزد می‌کنند.",
            "گوینده: قبل از سفر این سه کار را انجام دهید. یک: نام و آدرس کارفرما را بپرسید و با خانواده خود در میان "
            "بگذارید. دو: پاسپورت و اسناد خود را به هیچ کسی ندهید. سه: شماره تلفن یک نفر مورد اعتماد را همیشه با خود "
            "داشته باشید.",
            "گوینده: اگر شما یا کسی که می‌شناسید در خطر است، با بزرگان قریه یا با موسسات غیر دولتی ولایت خود صحبت کنید.",
            "پایان برنامه.",
        ],
    ),
    (
        "rtl",
        "راډیويي خپرونه: په بهر کې د کار ژمنه – لومړی وپوښتئ، بیا لاړ شئ",
        [
            "وياند: ګرانو اورېدونکو، السلام علیکم. نن به په بهر کې د کار د ژمنو په اړه خبرې وکړو.",
            "کریم: زما د تره زوی وايي چې یو چا ورته په بهر کې ښه کار پیدا کړی دی. د سفر پیسې هم هغه ورکوي.",
            "مور: زویه، که څوک ډېرې پیسې او ښه کار ژمنه کوي او هیڅ سند نه غواړي، نو باید پام وکړې.",
            "وياند: د انسانانو قاچاقچیان اکثره خلک د کار، زده کړې یا واده په ژمنه غولوي. بیا یې پاسپورټ اخلي او بې "
            "مزدې کار ته یې اړ باسي.",
            "وياند: له سفر مخکې دا درې کارونه وکړئ. لومړی: د کارګمارونکي نوم او پته وپوښتئ او له کورنۍ سره یې شریک "
            "کړئ. دویم: خپل پاسپورټ او اسناد هیچا ته مه ورکوئ. درېیم: د یو باوري کس د تلیفون شمېره تل له ځان سره ولرئ.",
            "وياند: که تاسو یا څوک چې پېژنئ په خطر کې وي، د کلي له مشرانو یا د خپل ولایت له غیر دولتي موسسو سره خبرې "
            "وکړئ.",
            "د خپرونې پای.",
        ],
    ),
    (
        "ltr",
        "Notes for the radio station (English)",
        [
            "A five-minute script for community radio, in Dari and in Pashto, for listeners who cannot read: a young "
            "man, his mother and a presenter talk about a job offer abroad. Read it slowly; repeat the three steps at "
            "the end of the programme.",
            "Draft for network members: test it with listeners in two districts before it is shared with the public. "
            "Do not add a hotline number that has not been confirmed.",
        ],
    ),
]

# slug → the resource; "file" is (file name, maker of its bytes), "texts" further languages.
RESOURCES = {
    "outcome-document-dushanbe-2017": {
        "author": "coordinator@example.org",
        "organization": None,
        "approved_by": None,
        "kind": Resource.Kind.REPORT,
        "topic": "capacity-building",
        "year": 2017,
        "languages": ["en"],
        "countries": ALL,
        "audience": Audience.PUBLIC,
        "created_at": at(2017, 11, 25),
        "title": "Outcome document of the first regional NGO forum (Dushanbe, 22–23 June 2017)",
        "description": (
            "The outcome document of “Promoting Cooperation among Civil Society Organizations across the Border of "
            "Afghanistan and its Neighboring Countries to Respond to Human Trafficking”, organized by IOM "
            "Afghanistan with IOM Tajikistan under the CTIP project funded by USAID Afghanistan.\n\n"
            "It records the recommendations for Afghan NGOs, for coordination between NGOs and the Afghan "
            "government and for the regional CTIP network; the next steps the NGOs agreed (a national network in "
            "each country, country reviews shared through the steering committee, an online portal or e-mail "
            "list-serve); and the resolutions of the Afghan and Tajik government agencies.\n\n"
            "The participants' list of the original is left out: it holds personal contacts."
        ),
        "texts": {
            "ru": {"title": "Итоговый документ первого регионального форума НПО (Душанбе, 22–23 июня 2017 года)"},
            "tg": {"title": "Ҳуҷҷати ниҳоии форуми якуми минтақавии ТҒД (Душанбе, 22–23 июни соли 2017)"},
        },
        "file": ("Outcome Document, First Regional NGO Forum, Dushanbe 2017.pdf", PDF,
                 lambda: pdf_document(DUSHANBE_TITLE, DUSHANBE_TEXT)),
        "link": "",
    },
    "outcome-regional-discussion-kabul-2018": {
        "author": "steering.af@example.org",
        "organization": "OFRD",
        "approved_by": None,
        "kind": Resource.Kind.REPORT,
        "topic": "capacity-building",
        "year": 2018,
        "languages": ["en"],
        "countries": ALL,
        "audience": Audience.PUBLIC,
        "created_at": at(2018, 8, 30),
        "title": "The outcome of the two-day regional discussion on combating human trafficking (Kabul, 27–28 August 2018)",
        "description": (
            "What the civil society organizations of Afghanistan, Pakistan, Tajikistan, Turkmenistan and Uzbekistan "
            "agreed at the second regional forum in Kabul: to form the regional network, prepare its five-year "
            "strategy, action plan and budget, meet every year and report annually, set up a regional hotline, and "
            "ask for easier visas between the countries."
        ),
        "texts": {
            "fa": {"title": "نتیجه بحث دو روزه منطقوی درباره مبارزه با قاچاق انسان (کابل، ۲۷ و ۲۸ اگست ۲۰۱۸)"},
        },
        "file": ("Outcome, Regional Discussion, Kabul, August 2018.pdf", PDF,
                 lambda: pdf_document(KABUL_TITLE, KABUL_TEXT)),
        "link": "",
    },
    "unodc-regional-conference-islamabad-2017": {
        "author": "member.pk@example.org",
        "organization": "SPARC",
        "approved_by": "steering.pk@example.org",
        "kind": Resource.Kind.REPORT,
        "topic": "legal-aid",
        "year": 2017,
        "languages": ["en"],
        "countries": ["AF", "PK"],
        "audience": Audience.PUBLIC,
        "created_at": at(2017, 10, 30),
        "title": "UNODC regional conference on human trafficking and migrant smuggling (Islamabad, 24–25 October 2017)",
        "description": (
            "UNODC's report of its regional conference on trafficking in persons and the smuggling of migrants, a "
            "follow-up to the 2016 conference: border control, investigations, prosecutions and the protection of "
            "victims; presentations by Afghanistan, Iran, Pakistan and Frontex on emerging trends of irregular "
            "migration; a roadmap for future action.\n\n"
            "The FIA's 2014/2015 annual reports and UNODC's “Smuggling of Migrants from Pakistan: Reasons, Routes and "
            "Risks” were launched at the event."
        ),
        "texts": {},
        "file": None,
        "link": "https://www.unodc.org/unodc/en/human-trafficking/glo-act/",
    },
    "radio-script-job-offers-abroad-dari-pashto": {
        "author": "steering.af@example.org",
        "organization": "OFRD",
        "approved_by": None,
        "kind": Resource.Kind.AWARENESS,
        "topic": "prevention",
        "year": 2018,
        "languages": ["fa", "ps"],
        "countries": ["AF"],
        "audience": Audience.MEMBERS,
        "created_at": at(2018, 9, 20),
        "title": "Radio script: “Ask first, then go” – job offers abroad (Dari and Pashto)",
        "description": (
            "A five-minute script for community radio, for listeners who cannot read: a young man, his mother and a "
            "presenter talk about a job offer abroad, and the presenter gives three steps to take before travelling.\n\n"
            "A draft for network members to adapt and test with listeners; not yet for the public."
        ),
        "texts": {
            "fa": {"title": "برنامه رادیویی: وعده کار در خارج – اول بپرسید، بعد بروید"},
            "ps": {"title": "راډیويي خپرونه: په بهر کې د کار ژمنه – لومړی وپوښتئ، بیا لاړ شئ"},
        },
        "file": ("Radio script, Ask first then go (Dari, Pashto).odt", ODT, lambda: odt_document(RADIO_SCRIPT)),
        "link": "",
    },
}

STORED_NAMES = {PDF: "document.pdf", DOCX: "document.docx", ODT: "document.odt"}


def _store_file(resource, spec) -> None:
    """Make and store the resource's file, unless it is there already."""
    if spec is None:
        resource.file, resource.original_name, resource.content_type, resource.size = "", "", "", None
        return
    original_name, content_type, make = spec
    if resource.file and resource.file.storage.exists(resource.file.name) and resource.content_type == content_type:
        return
    content = make()
    resource.file.save(STORED_NAMES[content_type], ContentFile(content), save=False)
    resource.original_name, resource.content_type, resource.size = original_name, content_type, len(content)


@transaction.atomic
def seed(stdout=None):
    """Create or update the demo library; running it again changes nothing."""
    users = {u.email: u for u in User.objects.filter(email__endswith="@example.org")}
    topics = {t.slug: t for t in FocusArea.objects.all()}
    countries = {c.code: c for c in Country.objects.all()}
    for slug, data in RESOURCES.items():
        resource = Resource.objects.filter(slug=slug).first() or Resource(slug=slug)
        organization = (
            Organization.objects.get(acronym=data["organization"]) if data["organization"] else None
        )
        resource.kind, resource.year, resource.link = data["kind"], data["year"], data["link"]
        resource.topic = topics[data["topic"]]
        resource.material_languages = data["languages"]
        resource.author, resource.organization = users[data["author"]], organization
        resource.created_at = data["created_at"]
        resource.original_language = "en"
        resource.set_texts({"en": {"title": data["title"], "description": data["description"]}, **data["texts"]})
        resource.set_audience(data["audience"], approved=True)
        if resource.public_status == PublicStatus.APPROVED and data["approved_by"]:
            resource.reviewed_by, resource.reviewed_at = users[data["approved_by"]], data["created_at"]
        resource.unhide()
        _store_file(resource, data["file"])
        resource.save()
        resource.countries.set([countries[code] for code in data["countries"]])
    if stdout:
        stdout.write(
            f"Library: {Resource.objects.count()} resources, {Resource.objects.public().count()} of them public."
        )
