"""Demo referral requests between the demo users' organizations, so that the feature shows in the demo.

They describe what help is needed, never who the person is (the form's rule), and are made up: the seed
documents record no individual case, and the portal must never hold one.
- Madina (Tajikistan, steering.tj@example.org) asks OFRD (Afghanistan, steering.af@example.org) for shelter and
  counselling for a returnee in Herat: waiting for an answer.
- OFRD asks SPARC (Pakistan, member.pk@example.org) for legal aid in Peshawar: accepted, with a note.
"""

import datetime

from django.utils import timezone

from .models import Organization, ReferralRequest, User

REFERRALS = [
    {
        "from": "Madina", "to": "OFRD", "by": "steering.tj@example.org", "case_reference": "MDN-DEMO-7",
        "help": ["shelter", "psychosocial"], "languages": ["fa"], "city": "Herat",
        "urgency": ReferralRequest.Urgency.SOON, "days_ago": 2,
        "details": "A returnee needs a safe place to stay and counselling on arrival. Speaks Dari only. "
                   "Demo data: not a real case.",
    },
    {
        "from": "OFRD", "to": "SPARC", "by": "steering.af@example.org", "case_reference": "OFRD-DEMO-31",
        "help": ["legal_aid"], "languages": ["ps", "ur"], "city": "Peshawar",
        "urgency": ReferralRequest.Urgency.ROUTINE, "days_ago": 9,
        "details": "Legal advice is needed on a labour dispute with a recruiter. Demo data: not a real case.",
        "accepted_by": "member.pk@example.org",
        "note": "We can meet at our Peshawar office this week.",
    },
]


def _organization(key):
    return Organization.objects.filter(acronym=key).first() or Organization.objects.filter(name=key).first()


def seed(stdout=None):
    created = 0
    for data in REFERRALS:
        sender, receiver = _organization(data["from"]), _organization(data["to"])
        if sender is None or receiver is None:
            continue
        referral, new = ReferralRequest.objects.get_or_create(
            from_organization=sender, to_organization=receiver, case_reference=data["case_reference"],
            defaults={
                "city": data["city"], "urgency": data["urgency"], "details": data["details"],
                "created_by": User.objects.filter(email=data["by"]).first(),
            },
        )
        if not new:
            continue
        created += 1
        referral.help_kinds = data["help"]
        referral.spoken_languages = data["languages"]
        sent = timezone.now() - datetime.timedelta(days=data["days_ago"])
        if "accepted_by" in data:
            referral.accept(User.objects.filter(email=data["accepted_by"]).first(), data["note"])
            referral.answered_at = sent + datetime.timedelta(days=1)
        referral.save()
        ReferralRequest.objects.filter(pk=referral.pk).update(created_at=sent)
    if stdout is not None:
        stdout.write(f"Referral requests: {created} new ({len(REFERRALS)} in the demo).")
