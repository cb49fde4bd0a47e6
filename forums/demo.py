"""Demo forum records, taken from the seed documents in ../shared/seeds/.

- The first regional NGO forum (Dushanbe, 22–23 June 2017): outcome document 002_*. Participants
  are those of its Annex Two, linked to the people and organizations members/demo.py creates;
  their contacts are those people's fake example.org e-mails and fake phone numbers, never the
  real ones printed in the annex.
- The government forum agreed at Dushanbe for September 2017 in Kabul "subject to security
  clearance". No seed document reports it was held (the next recorded meeting is the second NGO
  forum of August 2018), so the demo records it as cancelled, dates tentative (month only). With
  today's date every demo forum is in the past: the forum list shows no upcoming forum, the
  calendar feed is empty and the home page shows the latest forum held.
- The second regional forum (Kabul, 27–28 August 2018): articles 000_* and 001_*, with its agreed
  outcomes as action items.
"""

import datetime

from django.db import transaction
from django.db.models import Q

from members.models import Country, Organization, Person, Resource, User

from . import demo_content
from .models import ActionItem, ActionUpdate, Forum, Participant, Recommendation, Session

D = datetime.date

DUSHANBE = {
    "slug": "dushanbe-2017",
    "title": "First Regional NGO Forum: Promoting cooperation among civil society organizations across the "
    "border of Afghanistan and its neighboring countries to respond to human trafficking",
    "kind": Forum.Kind.REGIONAL_NGO,
    "status": Forum.Status.HELD,
    "start_date": D(2017, 6, 22),
    "end_date": D(2017, 6, 23),
    "city": "Dushanbe",
    "country": "TJ",
    "organizers": ["IOM Afghanistan", "IOM Tajikistan"],
    "organizers_text": "",
    "funders": [],
    "funders_text": "USAID Afghanistan (Combatting Trafficking in Persons project)",
    "summary": (
        "Organized by IOM Afghanistan as part of the multi-year CTIP project funded by USAID Afghanistan, in "
        "coordination with the IOM Mission in Tajikistan and the IOM regional offices in Bangkok and Vienna, for "
        "selected NGOs from Afghanistan, Pakistan, Tajikistan, Turkmenistan and Uzbekistan.\n\n"
        "The forum's overall objective was to foster cross-border and regional networking among relevant NGOs in "
        "order to improve cooperation and strengthen cross-border referral mechanisms and victim identification "
        "and reintegration services, including legal, social and gender-sensitive psychological support. It "
        "concluded with the selection of a steering committee with one NGO representative from each country, "
        "charged with coordinating interregional networking. It was the first of four planned regional forums."
    ),
}

GOVERNMENT_2017 = {
    "slug": "kabul-government-forum-2017",
    "title": "Regional Government Forum on Counter-Trafficking in Persons",
    "kind": Forum.Kind.GOVERNMENT,
    "status": Forum.Status.CANCELLED,
    "start_date": D(2017, 9, 1),
    "end_date": D(2017, 9, 1),
    "dates_tentative": True,
    "city": "Kabul",
    "country": "AF",
    "organizers": ["High Commission to Combat Trafficking in Persons and Smuggling of Migrants", "IOM Afghanistan"],
    "organizers_text": "",
    "funders": ["IOM Afghanistan"],
    "funders_text": "",
    "summary": (
        "Agreed at the bilateral meeting of the Afghan and Tajik government TIP agencies in Dushanbe: a regional "
        "government forum on CTIP in September 2017, planned in Kabul subject to security clearance, with senior "
        "representatives of the government agencies of the five countries invited by the Afghan government and "
        "financial and technical assistance from IOM Afghanistan's CTIP program.\n\n"
        "The network's records hold no report that it took place as planned; government representatives joined "
        "the second regional forum in Kabul in August 2018 instead. Recorded as cancelled until a report says "
        "otherwise."
    ),
}

KABUL_2018 = {
    "slug": "kabul-2018",
    "title": "Second Regional NGO Forum: Regional discussion amongst countries with common boundaries on "
    "combating human trafficking",
    "kind": Forum.Kind.REGIONAL_NGO,
    "status": Forum.Status.HELD,
    "start_date": D(2018, 8, 27),
    "end_date": D(2018, 8, 28),
    "city": "Kabul",
    "country": "AF",
    "venue": "Government Media and Information Center",
    "organizers": ["IOM Afghanistan", "OFRD"],
    "organizers_text": "",
    "funders": [],
    "funders_text": "USAID (Combating Human Trafficking in Persons project)",
    "summary": (
        "Civil society organizations of Afghanistan, Pakistan, Tajikistan, Turkmenistan and Uzbekistan met in Kabul "
        "to discuss cross-border cooperation against human trafficking and migrant smuggling, with the Afghan "
        "Minister of Justice and Chair of the TIP High Commission, the U.S. Ambassador to Kabul and IOM "
        "Afghanistan's Chief of Mission. Co-organized by IOM and OFRD, within the CTIP project funded by USAID.\n\n"
        "Participants agreed to form a regional network of civil society organizations with a five-year strategy, "
        "an action plan and budget, annual meetings and an annual report; a regional anti-trafficking hotline; and "
        "easier issuance of visas between the countries."
    ),
}

# Annex Two of the outcome document: (organization key, person name as in members.demo, role, attended)
DUSHANBE_PARTICIPANTS = [
    ("IOM Afghanistan", "Meena Poudel", "international", True),
    ("IOM Afghanistan", "Asif Soroush", "international", True),
    ("IOM Afghanistan", "Abdullah Mir", "international", True),
    ("IOM Afghanistan", "Fazl Tahir Fazli", "international", True),
    ("High Commission to Combat Trafficking in Persons and Smuggling of Migrants", "Abdul Waheed Hedayat", "government", True),
    ("High Commission to Combat Trafficking in Persons and Smuggling of Migrants", "Mohammad Hassan Salimi", "government", True),
    ("OFRD", "Mohammad Shoaib Nasiri", "ngo", True),
    ("Hagar", "Fatema Ahmadi", "ngo", True),
    ("AWSDC", "Sadiq Ayar", "ngo", True),
    ("NSRDO", "Wasim Momand", "ngo", True),
    ("Pajhwok", "Abasin Zaheer", "media", True),
    ("Salam Watandar", "Raihana Frahmand", "media", True),
    ("SPARC", "Sadia Hussain", "ngo", True),
    ("SHARP", "Sayed Liaqat A. Shah Banori", "ngo", True),
    ("LHRLA", "Zia Ahmed Awan", "ngo", True),
    ("IMCCTIP", "Jonibek Kholiqzoda", "government", True),
    ("Madina", "Nabot Dodkhudoeva", "ngo", True),
    ("Mairam", "Mahbuba Sharipova", "ngo", True),
    ("Femida", "Sanoat Solieva", "ngo", True),
    ("Khairkhohi Zamon", "Barfimoh Ghanieva", "ngo", True),
    ("Chashma", "Sanovbar Imomnazarova", "ngo", True),
    ("Ynam", "Lyudmila Petukhova", "ngo", True),
    ("Enme", "Maya Akmyradova", "ngo", True),
    ("Mashgala", "Gubandurdy Bugrayev", "ngo", True),
    ("Beyik Eyam", "Mubarak Gurbanova", "ngo", True),
    ("Ynanch Vepa", "Guljamal Nurmuhammedova", "ngo", True),
    ("Mehrimiz Sizga", "Kholidakhon Mirzarahimova", "ngo", True),
    ("Avlodlar Istiqboli", "Abira Khuseynova", "ngo", True),
    ("Isenim", "Berdimurat Nurmanov", "ngo", True),
    ("Istiqlol Avlodi", "Nazifa Kamalova", "ngo", True),
    ("Istiqbolli Avlod", "Marianna Kurbanova", "ngo", False),  # "Could not attend the forum"
]

# (day, order, kind, title, summary)
DUSHANBE_SESSIONS = [
    (D(2017, 6, 22), 1, "opening", "Opening session",
     "Introductory remarks by Ms. Meena Poudel, Programme Manager for IOM Afghanistan; opening remarks by the "
     "Executive Secretary of the Tajik IMCCTIP, the Chief of Mission of IOM Tajikistan, the Head of the Afghan "
     "High Commission Secretariat on TIP and the Country Office Director of USAID Tajikistan."),
    (D(2017, 6, 22), 2, "panel", "Panel: Government responses to TIP",
     "Presentations by the Afghan TIP High Commission Secretariat and the Tajik Ministry of Internal Affairs. "
     "Afghanistan can learn from Tajikistan's TIP database and its bilateral and multilateral MOUs."),
    (D(2017, 6, 22), 3, "panel", "Panel: NGO initiatives to strengthen government responses",
     "NGOs from the five countries presented their national experiences, best practices and challenges: "
     "Pakistan's toll-free hotline 1098, Tajik livelihood-based prevention and the Umed network, Turkmen "
     "legislation, hotline and shelter, and close NGO–state cooperation in Uzbekistan."),
    (D(2017, 6, 22), 4, "meeting", "Selection of the steering committee",
     "Day one concluded with the selection of a core group (steering committee), one NGO per country."),
    (D(2017, 6, 23), 1, "meeting", "Steering committee breakfast meeting",
     "The new steering committee met the IOM CTIP programme manager and the Tajik and Afghan TIP commissions to "
     "plan the day's sessions."),
    (D(2017, 6, 23), 2, "plenary", "Plenary: country groups and recommendations",
     "Country groups discussed best practices and challenges, then developed recommendations clustered by "
     "implementation sector in plenary."),
    (D(2017, 6, 23), 3, "closing", "Moving forward and closing",
     "NGO participants, joined by the Tajik and Afghan governments, agreed the next steps for a regional CTIP "
     "network. Closing remarks by the Chief of Mission of IOM Tajikistan and the IOM Afghanistan CTIP Program "
     "Manager."),
    (D(2017, 6, 23), 4, "bilateral", "Bilateral meeting between Afghan and Tajik government TIP agencies",
     "Agreed a regional government forum in Kabul in September 2017, targeted trainings for Afghan officials, "
     "and an MOU between the Afghan High Commission Secretariat and the future Afghan national CTIP network."),
]

CLUSTERS = {
    "A": "Recommendations for Afghan NGOs",
    "B": "Recommendations for coordination between Afghan NGOs and the Afghan government",
    "C": "Recommendations for the regional CTIP network",
}

# (cluster, target country code or "", text)
DUSHANBE_RECOMMENDATIONS = [
    ("A", "AF", "Establish a national network to combat TIP in Afghanistan, incorporating both the CSOs currently "
     "coordinating with the Afghan High Commission on TIP and other relevant organizations including Afghan media."),
    ("A", "AF", "Conduct a research study on the situation related to TIP in Afghanistan and outline the current key "
     "challenges encountered by vulnerable populations, including their difficulties receiving TIP-prevention "
     "messages."),
    ("A", "AF", "Establish a national TIP toll-free hotline, applying the experience of other regional countries "
     "(Pakistan, Turkmenistan)."),
    ("A", "AF", "Apply the best practices outlined during the regional forum, particularly in relation to establishing "
     "cross-border identification and referral mechanisms, which can be used to more effectively provide services "
     "to VoTs and strengthen the Afghan government's responses to TIP."),
    ("B", "AF", "Sign a comprehensive MOU between the (soon to be) established national CTIP network and the Afghan "
     "High Commission on TIP."),
    ("B", "AF", "Afghan NGOs should provide technical and other capacity building to Afghan government agencies, and "
     "assist them with more accurately defining and applying concepts of TIP."),
    ("B", "AF", "Use the example of close cooperation between CSOs and relevant government agencies in neighboring "
     "countries (Tajikistan, Uzbekistan, and Turkmenistan) to establish closer working relations with Afghan "
     "government agencies."),
    ("B", "AF", "Work with neighboring countries' NGOs/CSOs to lobby both the Afghan and neighboring governments to "
     "develop an effective mechanism of referral and repatriation for victims of TIP."),
    ("C", "", "A regional CTIP network should be established on the basis of the current regional forum and the links "
     "established between its participants. This regional network should hold meetings at least once per year, as "
     "supported by IOM's relevant Missions in the region."),
    ("C", "", "Members of the regional CTIP network should share information amongst themselves, and network members "
     "should distribute information in their country to interested CSOs and other stakeholders."),
    ("C", "", "The counter-trafficking NGOs that attended the forum, along with other likeminded NGOs working on TIP, "
     "should lobby their respective governments to sign MOUs with Afghanistan on cross-border coordination related "
     "to the identification, referral and provision of assistance to VoTs."),
    ("C", "", "NGOs in all five countries in attendance at the forum should coordinate on the development of a Facebook "
     "page or other online portal or list-serve where information about regional CSOs operating in the field of "
     "CTIP can be collected."),
    ("C", "", "NGOs from each participating country should conduct an overview of the current TIP situation in their "
     "country. These overviews should then be combined and published as a regional overview."),
]

ALL = ["AF", "PK", "TJ", "TM", "UZ"]
STEERING_ORGS = ["OFRD", "LHRLA", "Madina", "Ynam", "Istiqlol Avlodi"]

# (order, text, responsible organizations, responsible countries, due date, status,
#  [(update date, author e-mail, text, new status)])
DUSHANBE_ACTIONS = [
    (1, "In countries without an established CTIP network, coordinate and form a network. In countries with an "
     "established CTIP network, improve coordination between network members and relevant government bodies.",
     [], ALL, D(2018, 6, 30), "done",
     [(D(2018, 5, 31), "steering.af@example.org",
       "Afghan NGOs formed the Afghanistan Network for Combating Trafficking in Persons (ANCTIP), officially "
       "launched in May 2018. It has started to work with Pakistani counterparts.", "in_progress"),
      (D(2018, 8, 28), "steering.tj@example.org",
       "Reviewed at the second regional forum in Kabul: national networks exist or are forming in all five "
       "countries.", "done")]),
    (2, "The CTIP network in each country collects information about the TIP situation and the activities of CTIP "
     "NGOs (a “country review”) and shares it via the steering committee with the other countries' networks.",
     [], ALL, D(2018, 8, 27), "in_progress",
     [(D(2018, 8, 28), "steering.uz@example.org",
       "First country presentations shared at the second regional forum; written reviews still to be completed "
       "by most national networks.", "in_progress")]),
    (3, "Establish an online portal, Facebook page, or e-mail list-serve via which information can be shared "
     "between national networks, as the basis for the planned regional CTIP network.",
     STEERING_ORGS, [], D(2018, 6, 30), "done",
     [(D(2026, 11, 2), "coordinator@example.org",
       "The regional CTIP network portal is online: member directory, forum records and this tracker.", "done")]),
    (4, "Assist the IOM Afghanistan CTIP program with the organization of a government forum later this year in "
     "Kabul.",
     ["OFRD", "IOM Afghanistan"], [], D(2017, 9, 30), "dropped",
     [(D(2018, 8, 28), "steering.af@example.org",
       "No separate government forum was held; Afghan government representatives joined the second regional "
       "forum in Kabul instead.", "dropped")]),
    (5, "Keep the steering committee in regular contact over the coming year and meet again at a second regional "
     "NGO forum to review the work completed.",
     STEERING_ORGS + ["IOM Afghanistan"], [], D(2018, 8, 31), "done",
     [(D(2018, 8, 28), "steering.af@example.org",
       "The second regional forum was held in Kabul on 27–28 August 2018, co-organized by OFRD and IOM.", "done")]),
]

KABUL_SESSIONS = [
    (D(2018, 8, 27), 1, "opening", "Opening",
     "Remarks by Dr. Abdul Basir Anwar, Minister of Justice and Chair of the TIP High Commission, U.S. Ambassador "
     "John Bass and IOM Afghanistan Chief of Mission Laurence Hart."),
    (D(2018, 8, 27), 2, "plenary", "Cross-border cooperation among civil society organizations",
     "National networks presented their work since Dushanbe, including the launch of ANCTIP in May 2018."),
    (D(2018, 8, 28), 1, "plenary", "A regional network: roadmap and action plan",
     "Discussion of the regional civil society network, its roadmap, action plan and budget."),
    (D(2018, 8, 28), 2, "closing", "Agreed outcomes and closing", ""),
]

KABUL_ACTIONS = [
    (1, "Form the regional network of civil society organizations against trafficking.",
     STEERING_ORGS, [], D(2019, 8, 31), "in_progress",
     [(D(2026, 11, 2), "coordinator@example.org",
       "Member directory and steering committee seats maintained in the portal; membership of the regional "
       "network being confirmed country by country.", "in_progress")]),
    (2, "Prepare a five-year (quinquennial) strategy for the regional network.",
     STEERING_ORGS, [], D(2019, 6, 30), "planned", []),
    (3, "Give the network an action plan with a specific budget.",
     STEERING_ORGS + ["IOM Afghanistan"], [], D(2019, 6, 30), "planned", []),
    (4, "Convene annual network meetings once the strategy is in place and present a report every year, including "
     "how the trafficking situation in the countries of the region has changed.",
     [], ALL, None, "planned", []),
    (5, "Establish a regional anti-trafficking hotline with a specific number in the countries of the region.",
     ["LHRLA", "Ynam"], [], D(2020, 12, 31), "planned",
     [(D(2019, 3, 15), "steering.pk@example.org",
       "Shared the experience of the toll-free number 1098 with the national networks as a model.", "")]),
    (6, "Advocate with the governments for easier issuance of visas amongst the countries of the region.",
     [], ALL, None, "planned", []),
]


# forum slug -> the slugs of its resources in the library (members/demo_library.py).
LIBRARY_RESOURCES = {
    "dushanbe-2017": ["outcome-document-dushanbe-2017"],
    "kabul-2018": ["outcome-regional-discussion-kabul-2018"],
}


def _org(key: str) -> Organization:
    return Organization.objects.get(Q(acronym=key) | Q(name=key, acronym=""))


def _forum(data: dict) -> Forum:
    data = dict(data)
    organizers, funders = data.pop("organizers"), data.pop("funders")
    data["country"] = Country.objects.get(code=data["country"])
    forum, _created = Forum.objects.update_or_create(slug=data.pop("slug"), defaults=data)
    forum.organizers.set([_org(k) for k in organizers])
    forum.funders.set([_org(k) for k in funders])
    return forum


def _sessions(forum, sessions):
    for day, order, kind, title, summary in sessions:
        Session.objects.update_or_create(
            forum=forum, date=day, order=order, defaults={"kind": kind, "title": title, "summary": summary}
        )


def _actions(forum, actions, users):
    countries = {c.code: c for c in Country.objects.all()}
    for order, text, orgs, country_codes, due, status, updates in actions:
        item, _created = ActionItem.objects.update_or_create(
            forum=forum, order=order, defaults={"text": text, "due_date": due, "status": status}
        )
        item.responsible_organizations.set([_org(k) for k in orgs])
        item.responsible_countries.set([countries[c] for c in country_codes])
        for date, email, update_text, new_status in updates:
            ActionUpdate.objects.update_or_create(
                item=item, date=date, author=users[email], defaults={"text": update_text, "new_status": new_status}
            )


@transaction.atomic
def seed(stdout=None):
    """Create or update the demo forums; running it again changes nothing."""
    users = {u.email: u for u in User.objects.filter(email__endswith="@example.org")}

    dushanbe = _forum(DUSHANBE)
    for org_key, name, role, attended in DUSHANBE_PARTICIPANTS:
        org = _org(org_key)
        person = Person.objects.get(name=name, organization=org)
        Participant.objects.update_or_create(
            forum=dushanbe,
            person=person,
            defaults={
                "name": person.name, "organization": org, "country": org.country, "role": role,
                "attended": attended, "email": person.email, "phone": person.phone,
            },
        )
    _sessions(dushanbe, DUSHANBE_SESSIONS)
    order_in_cluster: dict[str, int] = {}
    for cluster, country_code, text in DUSHANBE_RECOMMENDATIONS:
        order_in_cluster[cluster] = order_in_cluster.get(cluster, 0) + 1
        Recommendation.objects.update_or_create(
            forum=dushanbe,
            cluster_code=cluster,
            order=order_in_cluster[cluster],
            defaults={
                "cluster_title": CLUSTERS[cluster],
                "text": text,
                "target_country": Country.objects.get(code=country_code) if country_code else None,
            },
        )
    _actions(dushanbe, DUSHANBE_ACTIONS, users)

    _forum(GOVERNMENT_2017)

    kabul = _forum(KABUL_2018)
    _sessions(kabul, KABUL_SESSIONS)
    nasiri = Person.objects.get(name="Mohammad Shoaib Nasiri")
    Participant.objects.update_or_create(
        forum=kabul, person=nasiri,
        defaults={"name": nasiri.name, "organization": nasiri.organization, "country": nasiri.country,
                  "role": Participant.Role.NGO, "attended": True, "email": nasiri.email, "phone": nasiri.phone},
    )
    _actions(kabul, KABUL_ACTIONS, users)

    # Their outcome documents in the library (members/demo_library.py, seeded before the forums).
    for slug, resource_slugs in LIBRARY_RESOURCES.items():
        Forum.objects.get(slug=slug).resources.set(Resource.objects.filter(slug__in=resource_slugs))

    # Titles written in further languages (demo_content.py).
    for slug, texts in demo_content.FORUM_TEXTS.items():
        forum = Forum.objects.get(slug=slug)
        forum.set_texts(texts)
        forum.save()

    if stdout:
        stdout.write(
            f"Forums: {Forum.objects.count()} forums, {Participant.objects.count()} participants, "
            f"{ActionItem.objects.count()} action items."
        )
