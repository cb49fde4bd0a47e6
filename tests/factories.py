"""Small builders for test data; each returns a saved object with sensible defaults."""

import datetime
import itertools
import time

from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value

from members.models import (
    Announcement,
    Audience,
    Country,
    Membership,
    Organization,
    Person,
    PublicStatus,
    Resource,
    Service,
    SteeringCommitteeSeat,
    User,
)

_counter = itertools.count(1)


# Every test user has an authenticator app set up with this secret, so that editors, representatives and
# coordinators reach their pages; tests of the set-up itself pass `second_factor=False`.
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
PASSWORD = "test-pass-123"


def make_user(email=None, second_factor=True, **extra):
    email = email or f"user{next(_counter)}@example.org"
    user = User.objects.create_user(email=email, password=PASSWORD, **extra)
    if second_factor:
        add_second_factor(user)
    return user


def add_second_factor(user):
    TOTP.activate(user, TOTP_SECRET)


def record_fresh_login(client, user):
    """Write allauth's record of a login just now into the client's session, as a login through the form does."""
    session = client.session
    session["account_authentication_methods"] = [{"method": "password", "at": time.time(), "email": user.email}]
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()


def totp_code(secret=TOTP_SECRET, step=0) -> str:
    """The authenticator app's current code (step=-1: the one before, still accepted; each is accepted once)."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30 + step))


def make_organization(country="TJ", name=None, **extra):
    n = next(_counter)
    name = name or f"Organization {n}"
    extra.setdefault("slug", f"org-{n}")
    return Organization.objects.create(name=name, country=Country.objects.get(code=country), **extra)


def make_person(organization, name=None, **extra):
    extra.setdefault("email", f"person{next(_counter)}@example.org")
    extra.setdefault("phone", "+992 90 000 0001")
    return Person.objects.create(
        name=name or f"Person {next(_counter)}", organization=organization, country=organization.country, **extra
    )


def make_membership(user, organization, role=Membership.Role.MEMBER):
    return Membership.objects.create(user=user, organization=organization, role=role)


def make_service(organization, kind=Service.Kind.HOTLINE, **extra):
    extra.setdefault("name", f"Service {next(_counter)}")
    return Service.objects.create(organization=organization, kind=kind, **extra)


def make_seat(organization, person, start=datetime.date(2017, 6, 22), end=None):
    return SteeringCommitteeSeat.objects.create(
        country=organization.country, organization=organization, representative=person, term_start=start, term_end=end
    )


def _shared(model, author, organization, audience, public_status, countries, **extra):
    item = model(author=author, organization=organization, audience=audience, **extra)
    if public_status is None:
        public_status = PublicStatus.APPROVED if audience == Audience.PUBLIC else PublicStatus.NONE
    item.public_status = public_status
    item.save()
    if countries:
        item.countries.set(Country.objects.filter(code__in=[c.upper() for c in countries]))
    return item


def make_announcement(author=None, organization=None, *, audience=Audience.PUBLIC, public_status=None, countries=(),
                      **extra):
    """An announcement; one meant for everyone is approved unless `public_status` says otherwise."""
    extra.setdefault("title", f"Announcement {next(_counter)}")
    extra.setdefault("body", "Text of the announcement.")
    return _shared(Announcement, author, organization, audience, public_status, countries, **extra)


def make_resource(author=None, organization=None, *, audience=Audience.PUBLIC, public_status=None, countries=(),
                  **extra):
    """A library resource (a web link unless a file is given); one for everyone is approved unless told otherwise."""
    extra.setdefault("title", f"Resource {next(_counter)}")
    extra.setdefault("link", "https://example.org/report")
    return _shared(Resource, author, organization, audience, public_status, countries, **extra)


def make_law(country="TJ", year=2004, *, amendments=(), **extra):
    """A law of the legislation register (issue 17), with amendments in the given years."""
    from members.models import LegalInstrument

    extra.setdefault("title_en", f"Law {next(_counter)}")
    extra.setdefault("slug", f"law-{next(_counter)}")
    law = LegalInstrument.objects.create(country_id=country, year_adopted=year, original_language="en", **extra)
    for amendment_year in amendments:
        law.amendments.create(year=amendment_year, summary_en=f"Amended in {amendment_year}.", original_language="en")
    return law


def make_agreement(countries=("TJ",), *, status="proposed", date=datetime.date(2017, 6, 22), **extra):
    """An agreement of the agreements register (issue 17), with its first status change."""
    from members.models import Agreement

    extra.setdefault("title_en", f"Agreement {next(_counter)}")
    extra.setdefault("slug", f"agreement-{next(_counter)}")
    agreement = Agreement.objects.create(original_language="en", **extra)
    agreement.countries.set(countries)
    agreement.record_status(status, date)
    return agreement
