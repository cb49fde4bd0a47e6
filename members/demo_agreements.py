"""Demo entries of the agreements register, from the seed documents (issue 17, agreements part).

Only what the Dushanbe forum report of June 2017 states (seeds/002: the government panel, the discussion of
Afghanistan and Pakistan, the recommendations, the bilateral meeting of the Afghan and Tajik TIP agencies and the
way forward): every MOU it calls for is "proposed" since the forum; Tajikistan's MOUs with CIS countries and within
the Almaty Process are "signed" as the report says, without a date of signing, which it does not give. Runs after
the forums demo and links the recommendations and action items about MOUs. Safe to run twice (by slug).
"""

import datetime

from django.apps import apps
from django.db import transaction

from .models import Agreement, Country, NationalNetwork, Organization

D = datetime.date
DUSHANBE_DAY_1, DUSHANBE_DAY_2 = D(2017, 6, 22), D(2017, 6, 23)
HIGH_COMMISSION = "High Commission to Combat Trafficking in Persons and Smuggling of Migrants"
NG, BILATERAL, MULTILATERAL = Agreement.Kind.NETWORK_GOVERNMENT, Agreement.Kind.BILATERAL, Agreement.Kind.MULTILATERAL
PROPOSED, SIGNED = Agreement.Status.PROPOSED, Agreement.Status.SIGNED

# The Dushanbe recommendation and action item texts (forums/demo.py) each agreement is linked to, by their start.
SIGN_NETWORK_MOU = "Sign a comprehensive MOU between the (soon to be) established national CTIP network"
LOBBY_FOR_MOUS = "The counter-trafficking NGOs that attended the forum, along with other likeminded NGOs"
FORM_NETWORKS = "In countries without an established CTIP network, coordinate and form a network."

CROSS_BORDER_NOTE = (
    "Proposed at the Dushanbe forum: Afghanistan can explore signing MOUs with its Central Asian neighbours to set up "
    "cross-border mechanisms to identify, refer and assist victims of trafficking."
)


def _neighbour(code: str, name: str) -> dict:
    return {
        "slug": f"mou-afghanistan-{name.lower()}",
        "title_en": f"MOU between Afghanistan and {name} on cross-border assistance to victims of trafficking",
        "kind": BILATERAL,
        "countries": ["AF", code],
        "summary_en": (
            f"An MOU between the governments of Afghanistan and {name} to establish cross-border mechanisms to "
            "identify, refer and assist victims of trafficking from both countries, as the Dushanbe forum "
            "suggested. NGOs of both countries agreed to lobby their governments for it."
        ),
        "history": [(DUSHANBE_DAY_1, PROPOSED, CROSS_BORDER_NOTE)],
        "recommendations": [LOBBY_FOR_MOUS],
    }


AGREEMENTS = [
    {
        # The data migration (members/0013) named a network's MOU "mou-<acronym>": the same entry, if it made one.
        "slug": "mou-anctip",
        "title_en": "MOU between ANCTIP and the Afghan High Commission on TIP",
        "kind": NG,
        "countries": ["AF"],
        "networks": ["ANCTIP"],
        "organizations": [HIGH_COMMISSION],
        "other_parties": "",
        "summary_en": (
            "A comprehensive MOU between the Afghan national CTIP network and the Afghan Government's High Commission "
            "on TIP, recommended by the Dushanbe forum. At the forum's bilateral meeting, the High Commission "
            "Secretariat on TIP agreed to sign it once the network was established; ANCTIP was officially launched "
            "in May 2018."
        ),
        "history": [
            (DUSHANBE_DAY_2, PROPOSED, "Dushanbe forum: recommended (B), and agreed at the bilateral meeting of the "
             "Afghan and Tajik government TIP agencies, to be signed once the network is established."),
        ],
        "recommendations": [SIGN_NETWORK_MOU],
        "action_items": [FORM_NETWORKS],
    },
    {
        "slug": "mou-umed-imcctip",
        "title_en": "MOU between the Umed network and the Tajik Inter-Ministerial Commission on TIP",
        "kind": NG,
        "countries": ["TJ"],
        "networks": ["Umed"],
        "organizations": ["IMCCTIP"],
        "summary_en": (
            "The regional network is to be built on national networks, which \"should work to sign MOUs with the "
            "relevant national CTIP commissions\" (Dushanbe forum, way forward). In Tajikistan, the commission is the "
            "Inter-Ministerial Commission for Combatting Trafficking in Persons (IMCCTIP)."
        ),
        "history": [(DUSHANBE_DAY_2, PROPOSED, "Dushanbe forum, way forward: national networks to sign MOUs with "
                     "their national CTIP commissions.")],
        "action_items": [FORM_NETWORKS],
    },
    {
        "slug": "mou-afghanistan-pakistan",
        "title_en": "MOU between Afghanistan and Pakistan on cross-border cooperation against trafficking",
        "kind": BILATERAL,
        "countries": ["AF", "PK"],
        "other_parties": "",
        "summary_en": (
            "Afghanistan, as a member of the South Asian Association for Regional Cooperation (SAARC), can initiate a "
            "bilateral MOU process with Pakistan. With some 3 million Afghan citizens in Pakistan and no "
            "government-level mechanism to provide them with services, an intergovernmental agreement is needed "
            "before NGOs can work effectively (LHRLA, Dushanbe forum)."
        ),
        "history": [(DUSHANBE_DAY_1, PROPOSED, "Proposed at the Dushanbe forum, in the discussion of government "
                     "responses to TIP.")],
        "recommendations": [LOBBY_FOR_MOUS],
    },
    _neighbour("TJ", "Tajikistan"),
    _neighbour("TM", "Turkmenistan"),
    _neighbour("UZ", "Uzbekistan"),
    {
        "slug": "tajikistan-cis-mous",
        "title_en": "Tajikistan's bilateral and multilateral MOUs with CIS countries",
        "kind": MULTILATERAL,
        "countries": ["TJ"],
        "other_parties": "Neighbouring member states of the Commonwealth of Independent States (CIS)",
        "summary_en": (
            "Tajikistan has signed bilateral and multilateral MOUs with its neighbours in the CIS. As a result, it is "
            "often able to identify and repatriate Tajik victims of trafficking in these countries and provide the "
            "services they need (Tajik Ministry of Internal Affairs, Dushanbe forum). The report does not list them "
            "one by one nor give the dates they were signed."
        ),
        "history": [(DUSHANBE_DAY_1, SIGNED, "Reported as signed at the Dushanbe forum; the date of signing is not "
                     "recorded.")],
    },
    {
        "slug": "tajikistan-almaty-process-mous",
        "title_en": "Tajikistan's MOUs within the Almaty Process",
        "kind": MULTILATERAL,
        "countries": ["TJ"],
        "other_parties": "States of the Almaty Process on Refugee Protection and International Migration",
        "summary_en": (
            "Tajikistan has signed MOUs as part of the Almaty Process on Refugee Protection and International "
            "Migration, which has a human trafficking aspect (Dushanbe forum). The forum's way forward asks for "
            "discussions on linkages between the Almaty Process and SAARC."
        ),
        "history": [(DUSHANBE_DAY_1, SIGNED, "Reported as signed at the Dushanbe forum; the date of signing is not "
                     "recorded.")],
    },
]


def _link(agreement, model_name: str, starts: list[str]) -> None:
    """Link the demo forum's recommendations or action items whose text starts so (forums/demo.py made them).
    The forums app is read through the app registry: members does not import it."""
    model = apps.get_model("forums", model_name)
    for start in starts:
        for obj in model.objects.filter(text__startswith=start):
            obj.agreements.add(agreement)


@transaction.atomic
def seed(stdout=None):
    """Create or update the demo agreements; running it again changes nothing."""
    countries = {c.code: c for c in Country.objects.all()}
    for data in AGREEMENTS:
        data = dict(data)
        history = data.pop("history")
        country_codes, network_acronyms = data.pop("countries"), data.pop("networks", [])
        organization_keys = data.pop("organizations", [])
        recommendations, action_items = data.pop("recommendations", []), data.pop("action_items", [])
        data["title"] = data["title_en"]
        agreement, _created = Agreement.objects.update_or_create(
            slug=data.pop("slug"), defaults={**data, "original_language": "en"}
        )
        agreement.countries.set([countries[code] for code in country_codes])
        agreement.networks.set(NationalNetwork.objects.filter(acronym__in=network_acronyms))
        agreement.organizations.set(
            Organization.objects.filter(acronym__in=organization_keys)
            | Organization.objects.filter(name__in=organization_keys)
        )
        # The migration's single entry (the network's old MOU fields) gives way to the seed's dated history.
        agreement.status_changes.exclude(date__in=[date for date, _status, _note in history]).delete()
        for date, status, note in history:
            if not agreement.status_changes.filter(date=date, status=status).exists():
                agreement.record_status(status, date, note)
        # The seeds give no date of signing: the date of the report is not one.
        newest = agreement.status_changes.order_by("-date", "-pk").first()
        Agreement.objects.filter(pk=agreement.pk).update(status=newest.status, signed_on=None)
        _link(agreement, "Recommendation", recommendations)
        _link(agreement, "ActionItem", action_items)
    if stdout:
        stdout.write(f"Agreements: {Agreement.objects.count()} agreements.")
