"""Demo data: a draft 2019–2023 strategy from the Dushanbe recommendations and the Kabul outcomes (issue 18).

The Kabul forum (August 2018, seeds 000_* and 001_*) agreed that "a quinquennial strategy for this network be
prepared; the network should have an action plan and specific budget and ought to convene annual meetings after
implementation of the strategy, and present its report annually", with a hotline with a specific number, easier
issuance of visas and a look at how the trafficking situation in the countries has changed. The goals and
objectives below come from that outcome and from the recommendations of the Dushanbe forum (June 2017, seed 002_*,
clusters A–C, cited as "A.2": cluster A, second recommendation, as forums/demo.py numbers them).

The strategy stays a draft: no seed document reports that a meeting adopted it. The budget lines are illustrative
and say so; the 2019 results are what the demo's own records show (directory, forum records, country reviews).
Runs after the members, forums and agreements demo; safe to run twice (the strategy by its period and version, its
parts by their numbers, activities by their English title). Once someone has adopted the demo strategy its text is
frozen, and only the living plan is brought up to date.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.db.models import Q

from forums.models import ActionItem
from members.models import Country, NationalNetwork, Organization, User

from .models import (
    Activity,
    ActivityUpdate,
    BudgetLine,
    Goal,
    Indicator,
    IndicatorResult,
    IndicatorTarget,
    Objective,
    ObjectiveActionItem,
    Strategy,
)

D = datetime.date
START, END, VERSION = 2019, 2023, 1
BASELINE_YEAR = 2018
KABUL_DECISION = (
    "a quinquennial strategy for this network be prepared; the network should have an action plan and specific "
    "budget and ought to convene annual meetings after implementation of the strategy, and present its report "
    "annually"
)

STRATEGY = {
    "title_en": "Regional CTIP NGO Network strategy",
    "title_ru": "Стратегия Региональной сети НПО по противодействию торговле людьми",
    "title_fa": "استراتیژی شبکه منطقه‌ای نهادهای غیردولتی مبارزه با قاچاق انسان",
    "summary_en": (
        f"Prepared as the second regional forum in Kabul (August 2018) agreed: \u201c{KABUL_DECISION}\u201d. Its goals "
        "build on the recommendations of the first regional forum in Dushanbe (June 2017, clusters A–C) and on the "
        "other outcomes of the Kabul forum: a regional hotline with a specific number, easier issuance of visas "
        "between the countries, and a yearly look at how trafficking in the region has changed.\n\n"
        "This is a draft for the steering committee: it takes effect once a network meeting adopts it."
    ),
    "summary_ru": (
        "Подготовлена по решению второго регионального форума в Кабуле (август 2018 г.): подготовить пятилетнюю "
        "стратегию сети; у сети должны быть план действий и конкретный бюджет, она должна проводить ежегодные "
        "встречи и ежегодно представлять свой отчёт. Цели основаны на рекомендациях первого регионального форума в "
        "Душанбе (июнь 2017 г., группы A–C) и на других итогах форума в Кабуле: региональная горячая линия с единым "
        "номером, упрощение выдачи виз между странами и ежегодный обзор изменений ситуации с торговлей людьми.\n\n"
        "Это проект для руководящего комитета: он вступит в силу, когда его примет встреча сети."
    ),
    "summary_fa": (
        "این استراتیژی بر اساس فیصله دومین مجمع منطقه‌ای در کابل (اگست ۲۰۱۸) آماده شده است: برای این شبکه یک "
        "استراتیژی پنج‌ساله آماده شود؛ شبکه باید پلان عمل و بودجه مشخص داشته باشد، جلسات سالانه دایر کند و هر سال "
        "گزارش خود را ارائه نماید. اهداف آن بر سفارشات نخستین مجمع منطقه‌ای در دوشنبه (جون ۲۰۱۷، بخش‌های A تا C) و "
        "دیگر نتایج مجمع کابل استوار است: خط تلفن منطقه‌ای با شماره مشخص، سهولت در صدور ویزه میان کشورها و بررسی "
        "سالانه تغییرات وضعیت قاچاق انسان در منطقه.\n\n"
        "این یک پیش‌نویس برای کمیته رهبری است و پس از تصویب در جلسه شبکه نافذ می‌شود."
    ),
}

# Goal: (code, title, Russian title, description). Objective: (code, title, Russian title, description,
# [(indicator text, baseline in 2018, targets 2019–2023)]). Targets are yearly figures, not running totals.
GOALS = [
    ("1", "A stronger regional network built on national networks", "Сильная региональная сеть на основе национальных сетей",
     "The regional network \u201cwill be built upon national networks in each of the five countries, which, for their "
     "part, should work to sign MOUs with the relevant national CTIP commissions\u201d (Dushanbe forum, annex one); "
     "the Kabul forum agreed that the regional network of civil society organizations be formed.",
     [
         ("1.1", "A national CTIP network in each of the five countries, with an MOU with its government",
          "Национальная сеть в каждой из пяти стран, с меморандумом с правительством",
          "Dushanbe recommendations A.1 and B.1: establish a national network to combat TIP in Afghanistan and sign "
          "a comprehensive MOU between it and the Afghan High Commission on TIP; the forum's way forward asks the same "
          "of every country without an established network.",
          [("Countries with a national CTIP network", 2, [3, 4, 5, 5, 5]),
           ("National networks with a signed MOU with their national TIP commission", 0, [0, 1, 2, 3, 4])]),
         ("1.2", "Annual network meetings and an annual report", "Ежегодные встречи сети и годовой отчёт",
          "Dushanbe recommendation C.1: the regional network \u201cshould hold meetings at least once per year\u201d; "
          "Kabul outcome: the network \u201cought to convene annual meetings after implementation of the strategy, and "
          "present its report annually\u201d.",
          [("Annual network meetings held", 1, [1, 1, 1, 1, 1]),
           ("Annual reports of the network published", 0, [1, 1, 1, 1, 1])]),
         ("1.3", "Members share information through the network's portal", "Обмен информацией через портал сети",
          "Dushanbe recommendations C.2 and C.4: members share information amongst themselves and in their countries, "
          "through an online portal or list-serve where information about regional CSOs working on CTIP is collected.",
          [("Member organizations whose directory entry was confirmed during the year", 0, [10, 15, 20, 25, 25])]),
     ]),
    ("2", "Protection and referral of victims across borders", "Защита и перенаправление жертв через границы",
     "Cross-border and regional cooperation to strengthen protection, referral and reintegration (Dushanbe forum, "
     "issue 1 of annex one), and the hotline agreed at the Kabul forum.",
     [
         ("2.1", "A regional anti-trafficking hotline with a specific number", "Региональная горячая линия с единым номером",
          "Kabul outcome: \u201cestablishment of a hotline with specific number for the purpose of combating human "
          "trafficking in the regional countries\u201d; Dushanbe recommendation A.3: a national toll-free hotline in "
          "Afghanistan, applying the experience of Pakistan and Turkmenistan.",
          [("Countries where a trafficking hotline answers calls", 2, [2, 3, 3, 4, 5])]),
         ("2.2", "Cross-border referral and safe repatriation of victims", "Трансграничное перенаправление и безопасная репатриация жертв",
          "Dushanbe recommendations A.4, B.4 and C.3: cross-border identification and referral mechanisms, an "
          "effective mechanism of referral and repatriation for victims, and MOUs with Afghanistan on the "
          "identification, referral and assistance of victims of trafficking, including referral to shelters.",
          [("Cross-border referral arrangements agreed between national networks", 0, [1, 2, 3, 4, 4]),
           ("Governments that signed an MOU with Afghanistan on assistance to victims", 0, [0, 0, 1, 1, 2])]),
     ]),
    ("3", "Advocacy and information on trafficking in the region", "Информационно-пропагандистская работа",
     "NGOs review the situation in their countries and work with their governments (Dushanbe recommendations, "
     "clusters B and C); the Kabul forum asked the organizations to investigate how the situation in the countries "
     "has changed and to press for easier visas.",
     [
         ("3.1", "Country reviews and a regional overview of the trafficking situation",
          "Страновые обзоры и региональный обзор ситуации",
          "Dushanbe recommendations C.5 and A.2: each country's NGOs conduct an overview of the TIP situation, "
          "combined and published as a regional overview; Kabul outcome: investigate \u201cwhat changes have shaped in "
          "the condition of regional countries in terms of human trafficking\u201d.",
          [("Country reviews published or updated during the year", 5, [5, 5, 5, 5, 5]),
           ("Regional overviews published", 1, [1, 1, 1, 1, 1])]),
         ("3.2", "Cooperation with governments, including easier visas between the countries",
          "Сотрудничество с правительствами, включая упрощение визового режима",
          "Dushanbe recommendations B.2 and B.3: NGOs build the capacity of government agencies and close working "
          "relations with them, as in Tajikistan, Uzbekistan and Turkmenistan; Kabul outcome: \u201cmaking ease in "
          "issuance of visa amongst the countries\u201d.",
          [("Joint meetings of national networks with their government's TIP body", 1, [2, 3, 4, 5, 5])]),
     ]),
]

STEERING = ["OFRD", "LHRLA", "Madina", "Ynam", "Istiqlol Avlodi"]
ALL = ["AF", "PK", "TJ", "TM", "UZ"]
IOM_AF, IOM_TJ = "IOM Afghanistan", "IOM Tajikistan"

# (objective, title, description, organizations, national networks, countries, start, end, status, budget public,
#  [(update date, author e-mail, text, new status)], [(year, item, currency, planned, secured, spent, funder
#  organization or "", funder name)])
ACTIVITIES = [
    ("1.1", "Support the forming national networks in Pakistan, Turkmenistan and Uzbekistan",
     "Steering committee members help the NGOs of each country to form a national network and agree its terms of "
     "reference, using the experience of ANCTIP and the Umed network.",
     ["LHRLA", "Ynam", "Istiqlol Avlodi"], [], ["PK", "TM", "UZ"], D(2019, 1, 15), D(2020, 12, 31), "in_progress",
     False,
     [(D(2019, 3, 1), "steering.tj@example.org",
       "Shared the Umed network's terms of reference with the steering committee as a model.", "in_progress")],
     [(2019, "Illustrative: national network founding meetings", "USD", 6000, 4000, 3200, IOM_AF, "")]),
    ("1.1", "Sign the MOU between ANCTIP and the High Commission on TIP",
     "The High Commission Secretariat on TIP agreed at Dushanbe to sign an MOU with the Afghan national network once "
     "it is established; ANCTIP was launched in May 2018.",
     ["OFRD"], ["ANCTIP"], ["AF"], D(2019, 2, 1), D(2019, 12, 31), "planned", False, [], []),
    ("1.2", "Annual network meeting 2019", "The first annual meeting of the regional network under the strategy.",
     STEERING, [], [], D(2019, 9, 1), D(2019, 9, 30), "planned", True, [],
     [(2019, "Illustrative: travel of delegates", "USD", 18000, 12000, 0, IOM_AF, ""),
      (2019, "Illustrative: interpretation (Dari, Russian, English)", "EUR", 3500, 3500, 0, "", "USAID")]),
    ("1.2", "Annual network meeting 2020", "Annual meeting of the regional network; presents the annual report.",
     STEERING, [], [], D(2020, 9, 1), D(2020, 9, 30), "planned", False, [],
     [(2020, "Illustrative: travel of delegates", "USD", 20000, 0, 0, "", "")]),
    ("1.2", "Annual network meeting 2021", "Annual meeting of the regional network; presents the annual report.",
     STEERING, [], [], D(2021, 9, 1), D(2021, 9, 30), "planned", False, [], []),
    ("2.1", "Agree a regional hotline model based on the existing national hotlines",
     "Pakistan's toll-free number 1098 and Ynam's hotline in Turkmenistan serve as models for a hotline with a "
     "specific number in the countries of the region.",
     ["LHRLA", "Ynam"], [], ["PK", "TM"], D(2019, 3, 15), D(2020, 12, 31), "in_progress", False, [],
     [(2019, "Illustrative: training of hotline operators", "USD", 6000, 6000, 2500, "", "USAID")]),
    ("2.2", "Draft a cross-border referral protocol between Afghan and Tajik NGOs",
     "A first referral arrangement between national networks across the Tajik-Afghan border, to be extended to the "
     "other neighbours.",
     ["OFRD", "Madina"], ["ANCTIP", "Umed"], ["AF", "TJ"], D(2020, 3, 1), D(2021, 6, 30), "planned", False, [],
     [(2020, "Illustrative: meeting room and meals for the referral workshop", "TJS", 30000, 15000, 0, IOM_TJ, "")]),
    ("3.1", "Update the country reviews every year and combine them into a regional overview",
     "Each national network updates its country review in the portal, including how the trafficking situation has "
     "changed; the steering committee combines them into a regional overview.",
     [], ["ANCTIP", "Umed"], ALL, D(2019, 6, 1), D(2021, 6, 30), "in_progress", False,
     [(D(2019, 7, 1), "coordinator@example.org",
       "The five country reviews of 2017 and the regional overview are published in the portal; Afghanistan's "
       "review of 2018 is in draft.", "in_progress")],
     [(2020, "Illustrative: translation of the regional overview", "EUR", 4000, 0, 0, "", "")]),
]

# (forum slug, action item order, objective): the forums' follow-up items the plan serves, each under one objective.
ACTION_ITEMS = [
    ("dushanbe-2017", 1, "1.1"),  # form national networks
    ("kabul-2018", 4, "1.2"),  # annual meetings and a report every year
    ("kabul-2018", 5, "2.1"),  # regional hotline
    ("dushanbe-2017", 2, "3.1"),  # country reviews
]

# (objective, indicator order, value, note): results of 2019.
RESULTS_2019 = [
    ("1.1", 1, 2, "ANCTIP and the Umed network, as the directory lists them; the others are forming."),
    ("1.2", 1, 0, "No annual network meeting is recorded in the forum records for 2019."),
    ("2.1", 1, 2, "Pakistan (toll-free 1098) and Turkmenistan (Ynam), as their country reviews report."),
]


def _organizations(keys) -> list[Organization]:
    """Directory organizations by acronym, or by name where they have none; missing ones are skipped."""
    found = []
    for key in keys:
        org = Organization.objects.filter(Q(acronym=key) | Q(name=key, acronym="")).first()
        if org:
            found.append(org)
    return found


def _strategy_text(strategy: Strategy) -> dict[str, Objective]:
    """Write (or bring up to date) the goals, objectives, indicators and targets of a draft."""
    objectives = {}
    for g_order, (g_code, g_title, g_title_ru, g_description, goal_objectives) in enumerate(GOALS, start=1):
        goal, _created = Goal.objects.update_or_create(
            strategy=strategy, code=g_code,
            defaults={"title_en": g_title, "title_ru": g_title_ru, "description_en": g_description,
                      "order": g_order, "original_language": "en"},
        )
        for o_order, (o_code, o_title, o_title_ru, o_description, indicators) in enumerate(goal_objectives, start=1):
            objective, _created = Objective.objects.update_or_create(
                goal=goal, code=o_code,
                defaults={"title_en": o_title, "title_ru": o_title_ru, "description_en": o_description,
                          "order": o_order, "original_language": "en"},
            )
            objectives[o_code] = objective
            for i_order, (text, baseline, targets) in enumerate(indicators, start=1):
                indicator, _created = Indicator.objects.update_or_create(
                    objective=objective, order=i_order,
                    defaults={"text_en": text, "baseline": Decimal(baseline), "baseline_year": BASELINE_YEAR,
                              "original_language": "en"},
                )
                for year, value in zip(strategy.years, targets, strict=True):
                    IndicatorTarget.objects.update_or_create(
                        indicator=indicator, year=year, defaults={"value": Decimal(value)}
                    )
    return objectives


def _activities(strategy, objectives, users) -> None:
    countries = {c.code: c for c in Country.objects.all()}
    for (code, title, description, orgs, networks, country_codes, start, end, status, public, updates,
         lines) in ACTIVITIES:
        objective = objectives.get(code)
        if objective is None:
            continue
        data = {"objective": objective, "description_en": description, "start_date": start, "end_date": end,
                "status": status, "budget_public": public, "original_language": "en"}
        activity = Activity.objects.filter(objective__goal__strategy=strategy, title_en=title).first()
        if activity is None:
            activity = Activity(title_en=title, order=len(objective.activities.all()) + 1)
        for field, value in data.items():
            setattr(activity, field, value)
        activity.save()
        activity.responsible_organizations.set(_organizations(orgs))
        activity.responsible_networks.set(NationalNetwork.objects.filter(acronym__in=networks))
        activity.countries.set([countries[c] for c in country_codes if c in countries])
        for date, email, text, new_status in updates:
            ActivityUpdate.objects.update_or_create(
                activity=activity, date=date, author=users.get(email),
                defaults={"text": text, "new_status": new_status},
            )
        for year, item, currency, planned, secured, spent, funder_key, funder_name in lines:
            funder = next(iter(_organizations([funder_key] if funder_key else [])), None)
            BudgetLine.objects.update_or_create(
                activity=activity, year=year, item=item,
                defaults={"currency": currency, "planned": Decimal(planned), "secured": Decimal(secured),
                          "spent": Decimal(spent), "funder": funder,
                          "funder_name": "" if funder else funder_name, "illustrative": True},
            )


def _action_items(strategy, objectives, user) -> None:
    for forum_slug, order, code in ACTION_ITEMS:
        item = ActionItem.objects.filter(forum__slug=forum_slug, order=order).first()
        objective = objectives.get(code)
        if item is None or objective is None:
            continue
        if not ObjectiveActionItem.objects.filter(strategy=strategy, action_item=item).exists():
            ObjectiveActionItem.objects.create(objective=objective, action_item=item, linked_by=user)


def _results(objectives, user) -> None:
    for code, order, value, note in RESULTS_2019:
        indicator = Indicator.objects.filter(objective=objectives.get(code), order=order).first()
        if indicator:
            IndicatorResult.objects.update_or_create(
                indicator=indicator, year=2019,
                defaults={"value": Decimal(value), "note": note, "recorded_by": user},
            )


@transaction.atomic
def seed(stdout=None):
    """Create or update the demo strategy (a draft); running it again changes nothing."""
    users = {u.email: u for u in User.objects.filter(email__endswith="@example.org")}
    coordinator = users.get("coordinator@example.org")
    strategy = Strategy.objects.filter(start_year=START, end_year=END, version=VERSION).first()
    if strategy is None:
        strategy = Strategy(start_year=START, end_year=END, version=VERSION, created_by=users.get("steering.tj@example.org"))
    if strategy.is_draft:
        for field, value in STRATEGY.items():
            setattr(strategy, field, value)
        strategy.original_language = "en"
        strategy.save()
        objectives = _strategy_text(strategy)
    else:  # adopted on the demo server since: its text is frozen
        objectives = {o.code: o for o in Objective.objects.filter(goal__strategy=strategy)}
    _activities(strategy, objectives, users)
    _action_items(strategy, objectives, coordinator)
    _results(objectives, coordinator)

    if stdout:
        activities = Activity.objects.filter(objective__goal__strategy=strategy)
        stdout.write(
            f"Strategy {strategy.period} ({strategy.get_status_display().lower()}): "
            f"{len(objectives)} objectives, {activities.count()} activities, "
            f"{BudgetLine.objects.filter(activity__in=activities).count()} budget lines."
        )
