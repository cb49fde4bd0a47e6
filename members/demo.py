"""Demo data of the member directory, taken from the seed documents in ../shared/seeds/.

The organizations and people are those named in the outcome document of the first regional
NGO forum (Dushanbe, 22–23 June 2017) and the IOM report of the second (Kabul, August 2018).
Every personal e-mail address is replaced by an example.org address and every personal phone
number by a fake one; organization-level public contacts are left empty unless public.
"""

import datetime

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from . import demo_content
from .models import (
    Country,
    FocusArea,
    Membership,
    NationalNetwork,
    Organization,
    Person,
    Service,
    SteeringCommitteeSeat,
    User,
    VerifiedBy,
)

DEMO_PASSWORD = "demo-pass-2017"
# Every demo account has an authenticator app set up with this published secret (README: add it to an app,
# or run `manage.py demo_code` for the current code). Demo only: seed_demo refuses to run with DEBUG off.
DEMO_TOTP_SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU"
FORUM_DATE = datetime.date(2017, 6, 22)

NETWORKS = [
    {
        "country": "AF",
        "acronym": "ANCTIP",
        "name": "Afghanistan Network for Combating Trafficking in Persons",
        "founded": 2018,
        "description": (
            "Formed by Afghan NGOs after the first regional forum and officially launched in May 2018. "
            "The High Commission Secretariat on TIP agreed to sign an MOU with the network once established."
        ),
    },
    {
        "country": "TJ",
        "acronym": "Umed",
        "name": "Umed network of Tajik NGOs against trafficking",
        "founded": None,
        "description": "A network of Tajik NGOs working on trafficking that set up a coordinating body on combating trafficking.",
    },
]

# (country, name, acronym, local name, kind, status, city, focus slugs, description)
ORGANIZATIONS = [
    ("AF", "Organization of Fast and Relief Development", "OFRD", "", "ngo", "member", "Kabul",
     ["prevention", "research", "capacity-building"],
     "Co-organizer of the regional forums. Conducted a CTIP study in 2016 on how to reach remote and "
     "vulnerable populations with the right messages despite low literacy and insecurity."),
    ("AF", "Hagar International – Afghanistan", "Hagar", "هاگر انترنشنل", "ngo", "member", "Kabul",
     ["protection", "reintegration", "child-protection"],
     "Works on the protection component of the CTIP project: recovery and reintegration of survivors."),
    ("AF", "Afghan Women's Skills Development Centre", "AWSDC", "", "ngo", "member", "Kabul",
     ["livelihoods", "protection", "prevention"],
     "Skills development and support for women at risk of trafficking."),
    ("AF", "New Society Reconstruction & Development Organization", "NSRDO", "", "ngo", "member", "",
     ["prevention", "capacity-building"], "Awareness raising and community development."),
    ("AF", "Pajhwok Afghan News", "Pajhwok", "پژواک", "media", "member", "Kabul",
     ["media", "prevention"], "Media partner of the CTIP project, raising awareness among Afghans on aspects of TIP."),
    ("AF", "Salam Watandar", "", "سلام وطندار", "media", "member", "Kabul",
     ["media", "prevention"], "Radio network and media partner of the CTIP project."),
    ("AF", "High Commission to Combat Trafficking in Persons and Smuggling of Migrants", "", "", "government",
     "stakeholder", "Kabul", [],
     "The Afghan Government's TIP High Commission, chaired by the Minister of Justice; its secretariat "
     "coordinates 12 ministries and government agencies."),
    ("AF", "International Organization for Migration – Afghanistan", "IOM Afghanistan", "", "international",
     "stakeholder", "Kabul", ["capacity-building"],
     "Implements the multi-year CTIP project funded by USAID Afghanistan and organized the regional forums."),
    ("PK", "Society for the Protection of the Rights of the Child", "SPARC", "", "ngo", "member", "Islamabad",
     ["child-protection", "prevention", "research"],
     "Child rights organization working on internal trafficking for labour exploitation."),
    ("PK", "Lawyers for Human Rights and Legal Aid", "LHRLA", "", "legal_aid", "member", "Karachi",
     ["legal-aid", "hotline", "protection"], "Legal aid and advocacy against trafficking; holds Pakistan's steering committee seat."),
    ("PK", "Society for Human Rights and Prisoners Aid", "SHARP", "", "legal_aid", "member", "Islamabad",
     ["legal-aid", "protection"], "Human rights and legal assistance, including refugees and prisoners."),
    ("TJ", "NGO “Madina”", "Madina", "Мадина", "ngo", "member", "Dushanbe",
     ["prevention", "protection"], "Holds Tajikistan's steering committee seat."),
    ("TJ", "NGO “Mairam”", "Mairam", "Майрам", "ngo", "member", "",
     ["prevention", "livelihoods"], "Lowering risk levels amongst potential victims of trafficking."),
    ("TJ", "NGO “Femida”", "Femida", "Фемида", "legal_aid", "member", "",
     ["legal-aid", "prevention"], "Legal support and awareness raising."),
    ("TJ", "NGO “Khairkhohi Zamon”", "Khairkhohi Zamon", "Хайрхоҳи Замон", "ngo", "member", "",
     ["prevention", "livelihoods"], ""),
    ("TJ", "NGO “Chashma”", "Chashma", "Чашма", "ngo", "member", "",
     ["prevention", "reintegration"], ""),
    ("TJ", "Inter-Ministerial Commission for Combatting Trafficking in Persons", "IMCCTIP", "", "government",
     "stakeholder", "Dushanbe", [], "The Tajik Government's commission under the Executive Office of the President."),
    ("TJ", "International Organization for Migration – Tajikistan", "IOM Tajikistan", "", "international",
     "stakeholder", "Dushanbe", [], "Hosted the first regional NGO forum in Dushanbe."),
    ("TM", "Club “Ynam”", "Ynam", "Клуб «Ынам»", "ngo", "member", "Ashgabat",
     ["hotline", "prevention", "protection"],
     "Has operated a toll-free trafficking hotline for many years and took part in developing the National Action Plan."),
    ("TM", "NGO “Enme”", "Enme", "Энме", "ngo", "member", "Ashgabat",
     ["protection", "reintegration"], "Operates the specialized shelter for victims of trafficking in Ashgabat."),
    ("TM", "NGO “Mashgala” (Family)", "Mashgala", "Машгала", "ngo", "member", "",
     ["prevention", "protection"], ""),
    ("TM", "Public organization “Beyik Eyam”", "Beyik Eyam", "", "public", "member", "",
     ["prevention"], ""),
    ("TM", "Public organization “Ynanch Vepa”", "Ynanch Vepa", "", "public", "member", "",
     ["prevention", "livelihoods"], ""),
    ("UZ", "NGO “Mehrimiz Sizga”", "Mehrimiz Sizga", "Меҳримиз сизга", "ngo", "member", "Tashkent",
     ["protection", "reintegration"], ""),
    ("UZ", "NGO “Avlodlar Istiqboli”", "Avlodlar Istiqboli", "", "ngo", "member", "",
     ["prevention", "child-protection"], ""),
    ("UZ", "NGO “Isenim”", "Isenim", "Исеним", "ngo", "member", "Nukus",
     ["prevention", "protection"], ""),
    ("UZ", "NGO “Istiqlol Avlodi”", "Istiqlol Avlodi", "Истиқлол авлоди", "ngo", "member", "Jizzakh",
     ["prevention", "capacity-building"],
     "Close cooperation between NGOs and state agencies is the heart of its work; holds Uzbekistan's steering committee seat."),
    ("UZ", "NGO “Istiqbolli Avlod”", "Istiqbolli Avlod", "", "ngo", "member", "Tashkent",
     ["prevention", "reintegration"], ""),
]

# (organization acronym or name, person, position, visibility, user e-mail or "")
PEOPLE = [
    ("IOM Afghanistan", "Meena Poudel", "CTIP Programme Manager", "public", ""),
    ("IOM Afghanistan", "Asif Soroush", "", "members", ""),
    ("IOM Afghanistan", "Abdullah Mir", "", "members", ""),
    ("IOM Afghanistan", "Fazl Tahir Fazli", "", "members", ""),
    ("High Commission to Combat Trafficking in Persons and Smuggling of Migrants", "Abdul Waheed Hedayat",
     "Head of the High Commission Secretariat on TIP", "public", ""),
    ("High Commission to Combat Trafficking in Persons and Smuggling of Migrants", "Mohammad Hassan Salimi", "", "members", ""),
    ("OFRD", "Mohammad Shoaib Nasiri", "Country Director", "public", "steering.af@example.org"),
    ("Hagar", "Fatema Ahmadi", "CTIP Program Manager", "members", ""),
    ("AWSDC", "Sadiq Ayar", "Representative", "members", ""),
    ("NSRDO", "Wasim Momand", "Representative", "members", ""),
    ("Pajhwok", "Abasin Zaheer", "Representative", "members", ""),
    ("Salam Watandar", "Raihana Frahmand", "Representative", "members", ""),
    ("SPARC", "Sadia Hussain", "Executive Director", "members", "member.pk@example.org"),
    ("SHARP", "Sayed Liaqat A. Shah Banori", "Chairman", "members", ""),
    ("LHRLA", "Zia Ahmed Awan", "Representative", "public", "steering.pk@example.org"),
    ("IMCCTIP", "Jonibek Kholiqzoda", "Executive Secretary", "public", ""),
    ("Madina", "Nabot Dodkhudoeva", "Director", "public", "steering.tj@example.org"),
    ("Mairam", "Mahbuba Sharipova", "Director", "members", ""),
    ("Femida", "Sanoat Solieva", "Director", "members", ""),
    ("Khairkhohi Zamon", "Barfimoh Ghanieva", "Director", "members", ""),
    ("Chashma", "Sanovbar Imomnazarova", "", "members", ""),
    ("Ynam", "Lyudmila Petukhova", "Director", "public", "steering.tm@example.org"),
    ("Enme", "Maya Akmyradova", "Social worker", "members", ""),
    ("Mashgala", "Gubandurdy Bugrayev", "Director", "members", ""),
    ("Beyik Eyam", "Mubarak Gurbanova", "Director", "members", ""),
    ("Ynanch Vepa", "Guljamal Nurmuhammedova", "Director", "members", ""),
    ("Mehrimiz Sizga", "Kholidakhon Mirzarahimova", "Director", "members", ""),
    ("Avlodlar Istiqboli", "Abira Khuseynova", "Director", "members", ""),
    ("Isenim", "Berdimurat Nurmanov", "Representative", "members", ""),
    ("Istiqlol Avlodi", "Nazifa Kamalova", "Director", "public", "steering.uz@example.org"),
    ("Istiqbolli Avlod", "Marianna Kurbanova", "", "members", ""),
]

SEATS = [("AF", "OFRD", "Mohammad Shoaib Nasiri"), ("PK", "LHRLA", "Zia Ahmed Awan"),
         ("TJ", "Madina", "Nabot Dodkhudoeva"), ("TM", "Ynam", "Lyudmila Petukhova"),
         ("UZ", "Istiqlol Avlodi", "Nazifa Kamalova")]

# (organization, kind, name, phone, toll-free, city, hours, languages, description)
def codes(*values: str) -> str:
    """A list of codes as Service keeps it (",ur,en,")."""
    return "," + ",".join(values) + ","


WEEKDAYS_9_TO_5 = {str(day): "09:00-17:00" for day in range(5)}

# Each service, from what the seed documents say of it: the 1098 helpline (the forum outcome: "toll-free
# number 1098", Urdu and English), Ynam's hotline and Enme's shelter in Ashgabat (IOM report). Numbers other
# than the public 1098 are placeholders in unused 000 blocks; the shelter's address is a placeholder too.
# "verified": (by whom, days ago, the demo account who confirmed it); 425 days is 14 months: "may be out of date".
SERVICES = [
    {
        "organization": "LHRLA", "kind": "hotline", "name": "Toll-free trafficking helpline 1098",
        "phone": "1098", "toll_free": True, "sms": "1098", "open_24_7": True,
        "areas_served": "All provinces of Pakistan", "languages": codes("ur", "en"),
        "populations": codes("children", "women", "migrants", "families"),
        "description": "The standardized toll-free number 1098, presented at the Dushanbe forum as a best practice "
                       "for the region.",
        "verified": ("organization", 20, "steering.pk@example.org"),
    },
    {
        "organization": "LHRLA", "kind": "legal_aid", "name": "Legal aid for victims of trafficking",
        "phone": "+92 21 000 0110", "walk_in": True, "city": "Karachi", "areas_served": "Sindh",
        "opening_hours": {**WEEKDAYS_9_TO_5, "5": "09:00-13:00"}, "hours": "Closed on public holidays.",
        "languages": codes("ur", "en", "sd"), "populations": codes("women", "children"),
        "verified": ("secretariat", 60, "coordinator@example.org"),
    },
    {
        "organization": "Ynam", "kind": "hotline", "name": "Ynam trafficking hotline",
        "phone": "+993 12 000001", "toll_free": True, "city": "Ashgabat", "areas_served": "All of Turkmenistan",
        "opening_hours": {**{str(day): "09:00-18:00" for day in range(5)}, "5": "09:00-13:00"},
        "languages": codes("tk", "ru"), "populations": codes("women", "migrants", "returnees", "families"),
        "description": "Toll-free hotline operated for many years by Ynam, supported further by the 2017 law. "
                       "Demo data: the number shown is a placeholder.",
        "verified": ("organization", 45, "steering.tm@example.org"),
    },
    {
        "organization": "Ynam", "kind": "repatriation", "name": "Return assistance for cases referred by partners",
        "whatsapp": "+993 60 000 0101", "signal": "+993 60 000 0101", "telegram": "+993 60 000 0101",
        "email": "referrals.ynam@example.org", "members_only": True, "city": "Ashgabat",
        "opening_hours": WEEKDAYS_9_TO_5, "languages": codes("tk", "ru", "en"),
        "populations": codes("returnees", "migrants"),
        "description": "For network members referring a Turkmen citizen who wants to return home. "
                       "Demo data: the numbers are placeholders.",
        "verified": ("organization", 10, "steering.tm@example.org"),
    },
    {
        "organization": "Enme", "kind": "shelter", "name": "Specialized shelter for victims of trafficking",
        "phone": "+993 12 000002", "city": "Ashgabat", "open_24_7": True,
        "address": "Demo placeholder: the shelter's street address, shown to network members only",
        "hours": "Admission by referral, through Ynam's hotline or a partner organization.",
        "languages": codes("tk", "ru"), "populations": codes("women", "children", "returnees"),
        "description": "The specialized TIP shelter in Ashgabat.",
        "verified": ("secretariat", 90, "coordinator@example.org"),
    },
    {
        "organization": "Hagar", "kind": "psychosocial", "name": "Recovery and reintegration support",
        "city": "Kabul", "opening_hours": {str(day): "08:00-16:00" for day in (0, 1, 2, 3, 5, 6)},
        "languages": codes("fa", "ps"), "populations": codes("women", "children", "returnees"),
        "verified": ("organization", 425, None),
    },
    {
        "organization": "Mairam", "kind": "vocational", "name": "Livelihood support for vulnerable communities",
        "walk_in": True, "languages": codes("tg", "ru"), "populations": codes("women", "migrants", "returnees"),
        "verified": ("organization", 150, None),
    },
    {
        "organization": "Femida", "kind": "legal_aid", "name": "Legal consultations",
        "languages": codes("tg", "ru"), "populations": codes("migrants", "women"),
    },
    {
        "organization": "SHARP", "kind": "legal_aid", "name": "Legal aid for refugees and prisoners",
        "city": "Islamabad", "opening_hours": WEEKDAYS_9_TO_5, "languages": codes("ur", "ps", "en"),
        "populations": codes("refugees", "migrants"), "verified": ("secretariat", 200, "coordinator@example.org"),
    },
]

DEMO_USERS = [
    ("coordinator@example.org", "Network", "Coordinator", None),
    ("steering.af@example.org", "Mohammad Shoaib", "Nasiri", "OFRD"),
    ("steering.pk@example.org", "Zia Ahmed", "Awan", "LHRLA"),
    ("steering.tj@example.org", "Nabot", "Dodkhudoeva", "Madina"),
    ("steering.tm@example.org", "Lyudmila", "Petukhova", "Ynam"),
    ("steering.uz@example.org", "Nazifa", "Kamalova", "Istiqlol Avlodi"),
    ("member.pk@example.org", "Sadia", "Hussain", "SPARC"),
]

COUNTRY_DIALING = {"AF": "+93 70", "PK": "+92 300", "TJ": "+992 90", "TM": "+993 60", "UZ": "+998 90"}


def fake_phone(country_code: str, index: int) -> str:
    """A number in the country's format that belongs to nobody (000 blocks)."""
    return f"{COUNTRY_DIALING[country_code]} 000 {index:04d}"


def example_email(name: str) -> str:
    return f"{slugify(name).replace('-', '.')}@example.org"


def _organization(key: str) -> Organization:
    """An organization by its acronym, or by its name where it has none."""
    return Organization.objects.get(Q(acronym=key) | Q(name=key, acronym=""))


@transaction.atomic
def seed(stdout=None):
    """Create or update the demo directory; running it again changes nothing."""
    countries = {c.code: c for c in Country.objects.all()}
    focus = {f.slug: f for f in FocusArea.objects.all()}

    networks = {}
    for data in NETWORKS:
        data = dict(data)
        country = countries[data.pop("country")]
        networks[country.code], _ = NationalNetwork.objects.update_or_create(
            country=country, acronym=data.pop("acronym"), defaults=data
        )

    for code, name, acronym, local, kind, status, city, areas, description in ORGANIZATIONS:
        org, _ = Organization.objects.update_or_create(
            slug=slugify(acronym or name)[:80],
            defaults={
                "name": name,
                "acronym": acronym,
                "name_local": local,
                "country": countries[code],
                "kind": kind,
                "membership_status": status,
                "city": city,
                "description": description,
                "national_network": networks.get(code) if status == "member" else None,
            },
        )
        org.focus_areas.set([focus[slug] for slug in areas])
    _verify_organizations()

    users = {}
    for email, first, last, org_key in DEMO_USERS:
        user, created = User.objects.get_or_create(email=email, defaults={"first_name": first, "last_name": last})
        if created:
            user.set_password(DEMO_PASSWORD)
        if email.startswith("coordinator"):
            user.is_coordinator = user.is_staff = True
        user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        users[email] = user
        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(user, DEMO_TOTP_SECRET)
        if org_key:
            Membership.objects.update_or_create(
                user=user, organization=_organization(org_key), defaults={"role": Membership.Role.EDITOR}
            )

    for index, (org_key, name, position, visibility, user_email) in enumerate(PEOPLE, start=1):
        org = _organization(org_key)
        Person.objects.update_or_create(
            name=name,
            organization=org,
            defaults={
                "position": position,
                "country": org.country,
                "email": example_email(name),
                "phone": fake_phone(org.country_id, index),
                "contact_visibility": visibility,
                "user": users.get(user_email),
            },
        )

    for code, org_key, person_name in SEATS:
        org = _organization(org_key)
        SteeringCommitteeSeat.objects.update_or_create(
            country=countries[code],
            term_start=FORUM_DATE,
            defaults={"organization": org, "representative": Person.objects.get(name=person_name, organization=org)},
        )

    for data in SERVICES:
        _service(data, users)

    _apply_other_languages()

    if stdout:
        stdout.write(
            f"Directory: {Organization.objects.count()} organizations, {Person.objects.count()} people, "
            f"{SteeringCommitteeSeat.objects.current().count()} current seats, {User.objects.count()} accounts."
        )


def _verify_organizations():
    """When each demo organization was last confirmed (first run only, so that a confirmation in the demo stays):
    most by themselves within the year, stakeholders by the secretariat, and every seventh not for 14 months
    ("may be out of date")."""
    now = timezone.now()
    for index, org in enumerate(Organization.objects.filter(verified_at__isnull=True).order_by("pk")):
        stale = index % 7 == 3
        org.verified_at = now - datetime.timedelta(days=425 if stale else 15 + (index * 23) % 300)
        org.verified_as = (
            VerifiedBy.SECRETARIAT if org.membership_status == Organization.MembershipStatus.STAKEHOLDER
            else VerifiedBy.ORGANIZATION
        )
        Organization.objects.filter(pk=org.pk).update(verified_at=org.verified_at, verified_as=org.verified_as)


def _service(data: dict, users: dict) -> Service:
    """Create or update a demo service: every field as SERVICES says (those it leaves out empty), and when and by
    whom it was last verified."""
    data = dict(data)
    organization, name = _organization(data.pop("organization")), data.pop("name")
    verified = data.pop("verified", None)
    defaults = {field: "" for field in Service.CHANNELS} | {
        "toll_free": False, "walk_in": False, "open_24_7": False, "members_only": False, "opening_hours": {},
        "city": "", "address": "", "areas_served": "", "hours": "", "description": "", "verified_at": None,
        "verified_as": "", "verified_by": None,
    } | data
    if verified:
        by, days, email = verified
        defaults |= {"verified_at": timezone.now() - datetime.timedelta(days=days), "verified_as": by,
                     "verified_by": users.get(email)}
    service, _ = Service.objects.update_or_create(organization=organization, name=name, defaults=defaults)
    return service


def _apply_other_languages():
    """The descriptions, services and networks that editors wrote in further languages (demo_content.py)."""
    for key, texts in demo_content.ORGANIZATION_DESCRIPTIONS.items():
        org = _organization(key)
        texts = dict(texts)
        org.original_language = texts.pop("original")
        org.set_texts({language: {"description": text} for language, text in texts.items()})
        org.save()
    for (org_key, name), texts in demo_content.SERVICE_TEXTS.items():
        service = Service.objects.get(organization=_organization(org_key), name_en=name)
        service.set_texts(texts)
        service.save()
    for acronym, texts in demo_content.NETWORK_TEXTS.items():
        network = NationalNetwork.objects.get(acronym=acronym)
        network.set_texts(texts)
        network.save()
