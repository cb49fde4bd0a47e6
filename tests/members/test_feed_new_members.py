"""The public Atom feed of new member organizations."""

import xml.etree.ElementTree as ET

from django.urls import reverse

from members.models import Organization

ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_feed_lists_member_organizations_newest_first(client, organization, other_organization):
    Organization.objects.filter(pk=other_organization.pk).update(membership_status="applicant")
    response = client.get(reverse("members:feed-new-members"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    titles = [entry.find(f"{ATOM}title").text for entry in root.findall(f"{ATOM}entry")]
    assert titles == ["Madina Test NGO (MTN) – Tajikistan"]
    link = root.find(f"{ATOM}entry/{ATOM}link").get("href")
    assert link.endswith(organization.get_absolute_url())
