"""The parts of `make bench` that run inside the portal's Django (same environment as the served portal).

    python bench/portal_tasks.py grow N            grow the directory to N organizations (bulk), print a summary
    python bench/portal_tasks.py sessions E-MAIL…  log each account in without the login form, print its cookies
    python bench/portal_tasks.py writer            the account, action item and date the fault round's writer uses
    python bench/portal_tasks.py writes PREFIX     the progress updates whose text starts with PREFIX

Each prints one JSON object on stdout.
"""

import json
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the project root, for `network_portal`
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "network_portal.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone, translation  # noqa: E402
from django.utils.crypto import get_random_string  # noqa: E402
from django.utils.text import slugify  # noqa: E402

from forums.models import ActionItem, ActionUpdate  # noqa: E402
from members.models import Country, FocusArea, Membership, NationalNetwork, Organization, Service, User  # noqa: E402

# The word the bench searches for: "Umed" (Tajik), "Umeed" (Urdu) and «Умед» all match it (see README "Search").
SEARCH_WORD = "umed"
BENCH_MEMBER = "bench.member@example.org"  # a plain member (no editor role): every demo account is an editor
WRITER = "steering.tj@example.org"  # a steering committee representative: may post progress updates

# Per country: its share of the directory, cities, and name words (Latin, local script).
COUNTRIES = {
    "AF": (0.25, ["Kabul", "Herat", "Mazar-i-Sharif", "Kandahar", "Jalalabad", "Kunduz", "Bamyan", "Ghazni", "Khost"],
           [("Omid", "امید"), ("Roshan", "روشن"), ("Sahar", "سحر"), ("Noor", "نور"), ("Zindagi", "زندگی"),
            ("Payam", "پیام"), ("Aseel", "اصیل"), ("Watan", "وطن"), ("Bahar", "بهار"), ("Umed", "امید")]),
    "PK": (0.35, ["Lahore", "Karachi", "Islamabad", "Peshawar", "Quetta", "Multan", "Faisalabad", "Hyderabad",
                  "Rawalpindi", "Gilgit"],
           [("Roshni", "روشنی"), ("Umeed", "امید"), ("Sahil", "ساحل"), ("Bedari", "بیداری"), ("Insaf", "انصاف"),
            ("Taraqqi", "ترقی"), ("Khawateen", "خواتین"), ("Hamdard", "ہمدرد"), ("Saath", "ساتھ")]),
    "TJ": (0.15, ["Dushanbe", "Khujand", "Kulob", "Bokhtar", "Khorog", "Istaravshan", "Panjakent", "Vahdat", "Hisor"],
           [("Umed", "Умед"), ("Nur", "Нур"), ("Dilafruz", "Дилафрӯз"), ("Ravshan", "Равшан"), ("Khurshed", "Хуршед"),
            ("Sitora", "Ситора"), ("Bahor", "Баҳор"), ("Chashma", "Чашма"), ("Hayoti Nav", "Ҳаёти Нав")]),
    "TM": (0.05, ["Ashgabat", "Turkmenabat", "Dashoguz", "Mary", "Balkanabat", "Turkmenbashi"],
           [("Yenme", "Ýeňme"), ("Yashlyk", "Ýaşlyk"), ("Tebigat", "Tebigat"), ("Kuwwat", "Kuwwat"),
            ("Agzybirlik", "Agzybirlik"), ("Nesil", "Nesil")]),
    "UZ": (0.20, ["Tashkent", "Samarkand", "Bukhara", "Namangan", "Andijan", "Fergana", "Nukus", "Karshi", "Termez"],
           [("Istiqbol", "Истиқбол"), ("Mehr", "Меҳр"), ("Oydin", "Ойдин"), ("Ishonch", "Ишонч"), ("Ezgulik", "Эзгулик"),
            ("Kamolot", "Камолот"), ("Yuksalish", "Юксалиш"), ("Tayanch", "Таянч"), ("Umid", "Умид")]),
}
PURPOSES = ["Women's Welfare", "Child Rights", "Legal Aid", "Migrant Support", "Human Development",
            "Rural Development", "Youth Initiative", "Social Protection", "Community Health", "Family Support",
            "Labour Rights", "Education"]
TYPES = ["Society", "Association", "Foundation", "Centre", "Organization", "Trust", "Network", "Initiative"]
POPULATIONS = ["women and girls", "children", "labour migrants", "returnees", "refugees", "young people",
               "families of migrants", "people with disabilities"]
# kind, membership status, weight (applicants are not in the public directory; a few are kept, as in real life)
KINDS = [("ngo", "member", 70), ("public", "member", 8), ("legal_aid", "member", 5), ("media", "stakeholder", 4),
         ("government", "stakeholder", 5), ("international", "stakeholder", 3), ("ngo", "former", 3),
         ("ngo", "applicant", 2)]
# Some organizations run a service; hotlines and shelters show on the country pages.
SERVICES = [("hotline", "Helpline", 3), ("shelter", "Shelter", 2), ("legal_aid", "Legal consultations", 6),
            ("psychosocial", "Counselling", 5), ("vocational", "Vocational training", 4), (None, None, 80)]


def grow(target: int) -> dict:
    """Add generated organizations (with focus areas, some services and their search texts) up to `target`."""
    rng = random.Random(14)  # the same directory every run
    missing = target - Organization.objects.count()
    countries = {c.code: c for c in Country.objects.all()}
    networks = {n.country_id: n for n in NationalNetwork.objects.all()}
    focus = list(FocusArea.objects.all())
    codes = list(COUNTRIES)
    organizations, services_of = [], []
    for index in range(max(missing, 0)):
        code = rng.choices(codes, weights=[COUNTRIES[c][0] for c in codes])[0]
        _share, cities, words = COUNTRIES[code]
        (word, local), city = rng.choice(words), rng.choice(cities)
        name = f"{word} {rng.choice(PURPOSES)} {rng.choice(TYPES)}"
        if rng.random() < 0.3:
            name += f" {city}"
        kind, status, _weight = rng.choices(KINDS, weights=[k[2] for k in KINDS])[0]
        areas = rng.sample(focus, rng.randint(1, 3))
        org = Organization(
            name=name,
            acronym="".join(part[0] for part in name.split()).upper()[:6],
            name_local=local if rng.random() < 0.6 else "",
            slug=f"{slugify(name)[:60]}-{index}",
            country=countries[code],
            kind=kind,
            membership_status=status,
            national_network=networks.get(code) if status == "member" else None,
            city=city,
            founded=rng.randint(1992, 2024),
            public_phone=f"+{rng.randint(90, 999)} {rng.randint(10, 99)} 000 {index % 10000:04d}",
            populations_served=", ".join(rng.sample(POPULATIONS, 2)),
            description=(
                f"{name} works in {city} and the surrounding districts on {str(areas[0]).lower()}"
                f"{' and ' + str(areas[-1]).lower() if len(areas) > 1 else ''}, with "
                f"{rng.choice(POPULATIONS)} at risk of trafficking and exploitation."
            ),
            original_language="en",
        )
        service_kind, service_name, _w = rng.choices(SERVICES, weights=[s[2] for s in SERVICES])[0]
        services = [Service(kind=service_kind, name=f"{service_name} {city}", original_language="en", city=city,
                            phone=org.public_phone)] if service_kind else []
        org.refresh_search_texts(services)  # what save() would do; bulk_create does not call save()
        organizations.append(org)
        services_of.append((services, areas))
    started = time.monotonic()
    with transaction.atomic():
        Organization.objects.bulk_create(organizations, batch_size=1000)
        links, services = [], []
        Link = Organization.focus_areas.through
        for org, (org_services, areas) in zip(organizations, services_of, strict=True):
            links += [Link(organization_id=org.pk, focusarea_id=area.pk) for area in areas]
            for service in org_services:
                service.organization = org
                services.append(service)
        Link.objects.bulk_create(links, batch_size=5000)
        Service.objects.bulk_create(services, batch_size=1000)
    return {
        "added": len(organizations),
        "seconds": round(time.monotonic() - started, 1),
        "organizations": Organization.objects.count(),
        "listed": Organization.objects.listed().count(),
        "search_word": SEARCH_WORD,
        "search_matches": Organization.objects.listed().search(SEARCH_WORD).count(),
        "services": Service.objects.count(),
    }


def sessions(emails: list[str]) -> dict:
    """A session cookie per account, as after a real login with the second factor (no form, no code).

    Client.force_login() runs Django's login(), so the `user_logged_in` receivers run as on a real login (the
    idle clock `portal_last_seen`, allauth's session record); allauth's record of how the user authenticated
    is added as tests/factories.py `record_fresh_login` does. The session is stored by the portal's own
    SESSION_ENGINE (Redis when REDIS_URL is set, else the database).
    """
    member, _created = User.objects.get_or_create(email=BENCH_MEMBER, defaults={"first_name": "Bench",
                                                                                 "last_name": "Member"})
    sparc = Organization.objects.get(acronym="SPARC")
    Membership.objects.update_or_create(user=member, organization=sparc, defaults={"role": Membership.Role.MEMBER})
    cookies = {}
    for email in emails:
        user = User.objects.get(email=email)
        client = Client()
        client.force_login(user)
        session = client.session
        session["account_authentication_methods"] = [{"method": "password", "at": time.time(), "email": email}]
        session["account_authentication_methods_user"] = str(user.pk)
        session.save()
        # A browser also holds the CSRF cookie that the login form set (its forms' tokens are made from it).
        cookies[email] = (
            f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}; "
            f"{settings.CSRF_COOKIE_NAME}={get_random_string(32)}"
        )
    return cookies


def writer() -> dict:
    """An action item the writer account may post progress updates on, and today's date (the portal's zone)."""
    item = ActionItem.objects.order_by("pk").first()
    return {"email": WRITER, "item": item.pk, "today": timezone.localdate().isoformat()}


def writes(prefix: str) -> dict:
    return {"texts": list(ActionUpdate.objects.filter(text__startswith=prefix).values_list("text", flat=True))}


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    with translation.override(settings.LANGUAGE_CODE):  # texts go into the English columns
        if command == "grow":
            result = grow(int(args[0]))
        elif command == "sessions":
            result = sessions(args)
        elif command == "writer":
            result = writer()
        else:
            result = writes(args[0])
    print(json.dumps(result))
