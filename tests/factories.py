"""Small builders for test data; each returns a saved object with sensible defaults."""

import datetime
import itertools

from members.models import Country, Membership, Organization, Person, Service, SteeringCommitteeSeat, User

_counter = itertools.count(1)


def make_user(email=None, **extra):
    email = email or f"user{next(_counter)}@example.org"
    return User.objects.create_user(email=email, password="test-pass-123", **extra)


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
