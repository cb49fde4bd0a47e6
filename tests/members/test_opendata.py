"""Open data (issue 16): the public directory as Open Referral HSDS 3.0, a JSON API and a CSV data package.

The output is checked against the specification's own schema files (tests/members/hsds_schema/, a copy): the
required fields of each object, their types, enumerations and UUID identifiers.
"""

import csv
import html
import io
import json
import uuid
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from members.hsds import NAMESPACE, uid
from members.models import Country, Organization, Person, Service

from ..factories import make_organization, make_person, make_service
from .conftest import bulk_organizations

SCHEMAS = Path(__file__).parent / "hsds_schema"
SPEC_PAGE = json.loads((SCHEMAS / "openapi.json").read_text())["components"]["schemas"]["Page"]["properties"]
TYPES = {"string": str, "number": (int, float), "integer": int, "boolean": bool, "array": list, "object": dict}


def schema(name: str) -> dict:
    return json.loads((SCHEMAS / name).read_text())


def problems(record, schema_name: str, where: str = "") -> list[str]:
    """What in `record` breaks the specification's schema: a missing required field, a field it does not define,
    a wrong type, a value outside an enumeration, an identifier that is no UUID (nested objects too)."""
    spec = schema(schema_name)
    where = where or spec["name"]
    if not isinstance(record, dict):
        return [f"{where}: not an object"]
    found = [f"{where}: no {name}" for name in spec.get("required", []) if name not in record]
    for name, value in record.items():
        field = spec["properties"].get(name)
        if field is None:
            found.append(f"{where}.{name}: not in the specification")
        elif "$ref" in field:
            found += problems(value, field["$ref"], f"{where}.{name}")
        elif field["type"] == "array":
            if not isinstance(value, list):
                found.append(f"{where}.{name}: not a list")
            else:
                for index, item in enumerate(value):
                    found += problems(item, field["items"]["$ref"], f"{where}.{name}[{index}]")
        elif not isinstance(value, TYPES[field["type"]]) or isinstance(value, bool) != (field["type"] == "boolean"):
            found.append(f"{where}.{name}: {value!r} is not of type {field['type']}")
        elif value not in field.get("enum", [value]):
            found.append(f"{where}.{name}: {value!r} is not one of {field['enum']}")
        elif field.get("format") == "uuid" and not is_uuid(value):
            found.append(f"{where}.{name}: {value!r} is not a UUID as written")
    return found


def is_uuid(value: str) -> bool:
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False


def check_page(data: dict) -> None:
    for name, field in SPEC_PAGE.items():
        assert isinstance(data[name], TYPES[field["type"]]), name
    assert isinstance(data["contents"], list)


def api(client, name, *args, query=""):
    response = client.get(reverse(f"members:{name}", args=args) + query)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def package(client) -> dict[str, str]:
    response = client.get(reverse("members:open-data-download"))
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        return {name: archive.read(name).decode() for name in archive.namelist()}


def rows(files, name) -> list[dict]:
    return list(csv.DictReader(io.StringIO(files[name])))


@pytest.fixture
def directory(organization, other_organization, stakeholder_organization):
    """A public hotline and a members-only shelter (with a street address) of Madina; an applicant with a service;
    a former member; a person with public contacts."""
    hotline = make_service(
        organization, Service.Kind.HOTLINE, name="Madina hotline", phone="+992 44 600 1111", toll_free=True,
        whatsapp="+992 90 111 2222", telegram="@madina_help", city="Dushanbe", open_24_7=True, languages=",tg,ru,",
        populations=",women,migrants,", areas_served="Sughd, Khatlon", email="help@madina.example.org",
        verified_at=timezone.now(),
    )
    shelter = make_service(
        organization, Service.Kind.SHELTER, name="Members shelter", members_only=True, city="Khujand",
        address="12 Hidden Lane", phone="+992 90 999 9999",
    )
    public_shelter = make_service(
        other_organization, Service.Kind.SHELTER, name="Lahore shelter", city="Lahore", address="7 Secret Road",
        opening_hours={"0": "09:00-17:00", "1": "09:00-17:00", "5": "10:00-13:00"}, walk_in=True,
    )
    applicant = make_organization("TJ", name="Applicant Helpers", slug="applicant-helpers",
                                  membership_status=Organization.MembershipStatus.APPLICANT)
    applicant_service = make_service(applicant, name="Applicant hotline")
    former = make_organization("UZ", name="Former Member NGO", slug="former-ngo",
                               membership_status=Organization.MembershipStatus.FORMER)
    make_person(organization, name="Dilnoza Publicperson", email="dilnoza.person@example.org", phone="+992 93 123 4567",
                contact_visibility=Person.Visibility.PUBLIC)
    return {
        "public": [organization, other_organization, stakeholder_organization, former],
        "applicant": applicant, "hotline": hotline, "shelter": shelter, "public_shelter": public_shelter,
        "applicant_service": applicant_service,
    }  # fmt: skip


# --- what is published, and for whom ---------------------------------------------------------------------------


def test_the_api_root_says_which_hsds_version_it_serves(client):
    data = api(client, "hsds")
    assert data["version"] == "3.0"
    assert data["profile"].endswith(reverse("members:open-data"))
    assert data["openapi_url"].startswith("https://")


@pytest.mark.parametrize("role", ["anonymous", "member", "stakeholder", "coordinator"])
def test_everyone_gets_the_public_directory_and_only_that(client_as, directory, role):
    """Open data is public data: a member's or a coordinator's request gets no applicant and no members-only service."""
    client = client_as(role)
    organizations = api(client, "hsds-organizations", query="?per_page=100")["contents"]
    services = api(client, "hsds-services", query="?per_page=100")["contents"]
    public = directory["public"] + list(Organization.objects.filter(slug="seat-holder"))
    assert {o["id"] for o in organizations} == {uid("organization", o.pk) for o in public}
    assert {s["id"] for s in services} == {uid("service", s.pk) for s in (directory["hotline"], directory["public_shelter"])}


@pytest.mark.parametrize("role", ["anonymous", "member", "coordinator"])
def test_applicants_members_only_services_and_unknown_ids_are_not_found(client_as, directory, role):
    client = client_as(role)
    for name, record in (
        ("hsds-organization", uid("organization", directory["applicant"].pk)),
        ("hsds-service", uid("service", directory["shelter"].pk)),
        ("hsds-service", uid("service", directory["applicant_service"].pk)),
        ("hsds-organization", str(uuid.uuid4())),
        ("hsds-service", uid("organization", directory["hotline"].organization_id)),  # an organization's id
    ):
        response = client.get(reverse(f"members:{name}", args=[record]))
        assert response.status_code == 404, (name, record)
        assert response.json() == {"detail": "Not found."}


def test_nothing_private_reaches_any_output(client_as, directory):
    """No person (even one public by choice), no personal e-mail or phone, no members-only service, no applicant
    and no street address, in the JSON (fully nested) or in any file of the data package."""
    madina, pakistan = directory["public"][0], directory["public"][1]
    secrets = ["Publicperson", "dilnoza.person", "123 4567", "Members shelter", "Hidden Lane", "999 9999", "Khujand",
               "Applicant Helpers", "Applicant hotline", "Secret Road"]  # fmt: skip
    for role in ("anonymous", "member"):
        client = client_as(role)
        outputs = [
            json.dumps(api(client, "hsds-organizations", query="?full=true&full_service=true&per_page=100"), ensure_ascii=False),
            json.dumps(api(client, "hsds-services", query="?full=true&per_page=100"), ensure_ascii=False),
            json.dumps(api(client, "hsds-organization", uid("organization", madina.pk), query="?full_service=true")),
            json.dumps(api(client, "hsds-organization", uid("organization", pakistan.pk), query="?full_service=true")),
            json.dumps(api(client, "hsds-service", uid("service", directory["public_shelter"].pk))),
            *package(client).values(),
        ]
        for output in outputs:
            leaked = [secret for secret in secrets if secret.casefold() in output.casefold()]
            assert not leaked, (role, leaked)
    # The same outputs do hold the public facts: the check above reads what it should.
    files = package(client_as("anonymous"))
    assert "Madina hotline" in files["services.csv"] and "Lahore" in files["addresses.csv"]
    assert {row["address_1"] for row in rows(files, "addresses.csv")} == {""}
    assert "contacts.csv" not in files


def test_the_public_city_and_country_of_a_service_but_never_its_street(client, directory):
    shelter = api(client, "hsds-service", uid("service", directory["public_shelter"].pk))
    [at_location] = shelter["service_at_locations"]
    place = at_location["location"]
    assert place["name"] == "Lahore" and place["location_type"] == "physical"
    assert place["addresses"] == [
        {"id": place["addresses"][0]["id"], "location_id": place["id"], "address_1": "", "city": "Lahore",
         "state_province": "", "postal_code": "", "country": "PK", "address_type": "physical"}
    ]  # fmt: skip


# --- the specification's fields -------------------------------------------------------------------------------


def test_every_object_has_the_fields_the_specification_requires(client, directory):
    madina = uid("organization", directory["public"][0].pk)
    for query in ("", "?full=true", "?full_service=true", "?full=true&full_service=true"):
        page = api(client, "hsds-organizations", query=query)
        check_page(page)
        for organization in page["contents"]:
            services = organization.pop("services", [])
            assert problems(organization, "organization.json") == []
            assert [p for s in services for p in problems(s, "service.json")] == []
    detail = api(client, "hsds-organization", madina, query="?full_service=true")
    services = detail.pop("services")
    assert problems(detail, "organization.json") == []
    assert len(services) == 1 and problems(services[0], "service.json") == []
    for query in ("", "?full=true"):
        page = api(client, "hsds-services", query=query)
        check_page(page)
        assert [p for s in page["contents"] for p in problems(s, "service.json")] == []
    hotline = api(client, "hsds-service", uid("service", directory["hotline"].pk))
    assert problems(hotline, "service.json") == []
    assert hotline["organization"]["id"] == madina


def test_the_checker_finds_what_breaks_the_specification():
    """The schema check above can fail: a missing name, a null, an unknown field, a bad status, a bad id."""
    found = problems(
        {"id": "not-a-uuid", "status": "open", "phones": [{"id": str(uuid.uuid4())}], "email": None, "colour": "red"},
        "service.json",
    )
    assert found == [
        "service: no name",
        "service.id: 'not-a-uuid' is not a UUID as written",
        "service.status: 'open' is not one of ['active', 'inactive', 'defunct', 'temporarily closed']",
        "service.phones[0]: no number",
        "service.email: None is not of type string",
        "service.colour: not in the specification",
    ]
    assert problems({"id": str(uuid.uuid4()).upper(), "name": "x", "status": "active"}, "service.json") != []


def test_a_services_channels_hours_languages_and_who_it_serves(client, directory):
    hotline = api(client, "hsds-service", uid("service", directory["hotline"].pk))
    assert [(p["number"], p["type"], p.get("description")) for p in hotline["phones"]] == [
        ("+992 44 600 1111", "voice", "Toll-free"),
        ("+992 90 111 2222", "text", "WhatsApp"),
        ("@madina_help", "text", "Telegram"),
    ]
    assert hotline["email"] == "help@madina.example.org"
    [always] = hotline["schedules"]
    assert (always["freq"], always["byday"], always["opens_at"], always["closes_at"]) == (
        "WEEKLY", "MO,TU,WE,TH,FR,SA,SU", "00:00+05:00", "23:59+05:00"
    )
    assert [(language["code"], language["name"]) for language in hotline["languages"]] == [("tg", "Tajik"), ("ru", "Russian")]
    assert [area["name"] for area in hotline["service_areas"]] == ["Sughd", "Khatlon"]
    assert hotline["eligibility_description"] == "Women, Labour migrants"
    assert [(a["link_type"], a["taxonomy_term"]["code"]) for a in hotline["attributes"]] == [
        ("service_type", "hotline"), ("eligibility", "women"), ("eligibility", "migrants")
    ]
    assert hotline["assured_date"] == timezone.localdate().isoformat()
    shelter = api(client, "hsds-service", uid("service", directory["public_shelter"].pk))
    assert [(s["byday"], s["opens_at"], s["closes_at"]) for s in shelter["schedules"]] == [
        ("MO,TU", "09:00+05:00", "17:00+05:00"), ("SA", "10:00+05:00", "13:00+05:00")
    ]
    assert shelter["application_process"] == "People may walk in without an appointment."
    assert "assured_date" not in shelter  # never verified


def test_texts_are_in_english_where_written_else_in_the_original_whatever_the_readers_language(client, organization):
    english = make_service(organization, name="Legal help")
    english.set_texts({"ru": {"name": "Юридическая помощь"}})
    english.save()
    russian = Service(organization=organization, kind=Service.Kind.LEGAL_AID, original_language="ru")
    russian.set_texts({"ru": {"name": "Психологическая помощь", "description": "Для женщин."}})
    russian.save()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fa"
    names = {s["id"]: s["name"] for s in api(client, "hsds-services")["contents"]}
    assert names == {uid("service", english.pk): "Legal help", uid("service", russian.pk): "Психологическая помощь"}
    assert api(client, "hsds-organization", uid("organization", organization.pk))["legal_status"] == "NGO"


def test_identifiers_are_uuid5_of_the_record_and_stay_the_same(client, organization):
    expected = str(uuid.uuid5(NAMESPACE, f"organization:{organization.pk}"))
    assert uid("organization", organization.pk) == expected
    assert uid("location", 3, "dushanbe") == str(uuid.uuid5(NAMESPACE, "location:3:dushanbe"))
    first = api(client, "hsds-organization", expected)
    assert first["id"] == expected and api(client, "hsds-organization", expected) == first


# --- pages ------------------------------------------------------------------------------------------------------


def test_lists_come_in_pages_as_the_specification_describes(client, organization):
    bulk_organizations(4, prefix="Paged", with_services=False)  # with Madina: five
    first = api(client, "hsds-organizations", query="?per_page=2")
    assert {k: v for k, v in first.items() if k != "contents"} == {
        "total_items": 5, "total_pages": 3, "page_number": 1, "size": 2, "first_page": True, "last_page": False,
        "empty": False,
    }  # fmt: skip
    last = api(client, "hsds-organizations", query="?per_page=2&page=3")
    assert (last["size"], last["first_page"], last["last_page"], last["empty"]) == (1, False, True, False)
    ids = [o["id"] for p in (1, 2, 3) for o in api(client, "hsds-organizations", query=f"?per_page=2&page={p}")["contents"]]
    assert len(set(ids)) == 5
    beyond = api(client, "hsds-organizations", query="?per_page=2&page=4")
    assert (beyond["contents"], beyond["empty"], beyond["last_page"]) == ([], True, True)
    for query in ("?page=0", "?page=x", "?per_page=0", "?per_page=-3"):
        response = client.get(reverse("members:hsds-organizations") + query)
        assert response.status_code == 400 and "detail" in response.json()


def test_a_page_holds_at_most_a_hundred(client, organization):
    bulk_organizations(101, prefix="Many", with_services=False)
    page = api(client, "hsds-organizations", query="?per_page=1000")
    assert (page["size"], page["total_items"], page["total_pages"]) == (100, 102, 2)
    assert api(client, "hsds-organizations")["size"] == 50


def test_search_finds_names_in_any_script_and_services_by_their_organization(client, organization, other_organization):
    khayoti = make_organization("TJ", name="Хаёти Нав", slug="khayoti-nav")
    make_service(khayoti, name="Shelter of Khayoti")
    make_service(other_organization, name="Karachi legal aid")
    names = [o["name"] for o in api(client, "hsds-organizations", query="?search=Khayoti")["contents"]]
    assert names == ["Хаёти Нав"]
    services = api(client, "hsds-services", query="?search=karachi")["contents"]
    assert [s["name"] for s in services] == ["Karachi legal aid"]
    by_organization = api(client, "hsds-services", query="?search=Хаёти")["contents"]
    assert [s["name"] for s in by_organization] == ["Shelter of Khayoti"]
    owner = uid("organization", other_organization.pk)
    assert [s["organization_id"] for s in api(client, "hsds-services", query=f"?organization_id={owner}")["contents"]] == [owner]
    assert api(client, "hsds-services", query=f"?organization_id={uuid.uuid4()}")["contents"] == []


def test_answers_are_public_cacheable_and_readable_from_other_sites(client_as, organization):
    for role in ("anonymous", "member"):
        for name in ("hsds", "hsds-organizations", "hsds-services", "open-data-download"):
            response = client_as(role).get(reverse(f"members:{name}"))
            assert response["Access-Control-Allow-Origin"] == "*"
            assert "max-age=300" in response["Cache-Control"]
            if role == "anonymous":
                assert response["Cache-Control"].startswith("public")
    assert client_as("anonymous").post(reverse("members:hsds-organizations")).status_code == 405


@pytest.mark.parametrize(
    ("name", "query", "queries"),
    [
        ("hsds-organizations", "", 2),
        ("hsds-organizations", "?full=true&full_service=true", 3),
        ("hsds-services", "", 2),
        ("hsds-services", "?full=true", 2),
        ("open-data-download", "", 2),
    ],
)
def test_lists_run_a_fixed_number_of_queries(client, django_assert_num_queries, organization, name, query, queries):
    def grow(count):
        for n in range(count):
            other = make_organization("TJ", name=f"Grown NGO {n} of {count}", city="Dushanbe", public_phone="+992 00")
            make_service(other, name=f"Grown hotline {n}", phone="+992 11", city="Kulob", opening_hours={"0": "09:00-17:00"},
                         languages=",tg,", populations=",women,", areas_served="Khatlon")

    grow(1)
    with django_assert_num_queries(queries):
        client.get(reverse(f"members:{name}") + query)
    grow(5)
    with django_assert_num_queries(queries):
        response = client.get(reverse(f"members:{name}") + query)
    assert response.status_code == 200


def test_a_record_by_its_id_runs_a_fixed_number_of_queries(client, django_assert_num_queries, organization):
    hotline = make_service(organization, name="Counted hotline")
    for n in range(5):
        make_service(make_organization("PK", name=f"Counted {n}"), name=f"Counted {n}")
    with django_assert_num_queries(3):  # the visible keys, the organization, its public services
        api(client, "hsds-organization", uid("organization", organization.pk))
    with django_assert_num_queries(2):  # the visible keys, the service with its organization
        api(client, "hsds-service", uid("service", hotline.pk))


# --- the CSV data package ---------------------------------------------------------------------------------------


def test_the_data_package_has_the_specifications_tables_and_columns(client, directory):
    files = package(client)
    described = json.loads(files.pop("datapackage.json"))
    assert described["profile"] == "tabular-data-package"
    assert described["licenses"] == [
        {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
         "path": "https://creativecommons.org/licenses/by/4.0/"}
    ]  # fmt: skip
    resources = {resource["path"]: resource for resource in described["resources"]}
    assert set(resources) == set(files)
    assert {"organizations.csv", "services.csv", "locations.csv", "addresses.csv", "phones.csv", "schedules.csv",
            "languages.csv", "service_at_location.csv", "service_areas.csv"} <= set(files)  # fmt: skip
    for path, content in files.items():
        spec = schema(resources[path]["name"] + ".json")
        spec_columns = [name for name, field in spec["properties"].items() if field.get("type") not in ("array", None)]
        header = next(csv.reader(io.StringIO(content)))
        assert header == spec_columns == [field["name"] for field in resources[path]["schema"]["fields"]], path
        for resource in described["resources"]:
            for key in resource["schema"].get("foreignKeys", []):
                assert key["reference"]["resource"] in {r["name"] for r in described["resources"]}
    # The same records as the API's, in the specification's columns.
    published = {o["id"]: o for o in api(client, "hsds-organizations", query="?per_page=100")["contents"]}
    organizations = rows(files, "organizations.csv")
    assert {row["id"] for row in organizations} == set(published)
    for row in organizations:
        assert row == {name: str(published[row["id"]].get(name, "")) for name in row}
    services = {row["id"] for row in rows(files, "services.csv")}
    links = rows(files, "service_at_location.csv")
    assert {row["service_id"] for row in links} <= services
    assert {row["location_id"] for row in links} <= {row["id"] for row in rows(files, "locations.csv")}


def test_every_cell_of_the_package_is_neutralized_against_formulas(client, organization):
    organization.name = '=HYPERLINK("http://evil.example","Click")'
    organization.save()
    make_service(organization, name="@SUM(1+1)", phone="+992 37 221 0000")
    files = package(client)
    [row] = rows(files, "organizations.csv")
    assert row["name"] == "'" + organization.name
    service = rows(files, "services.csv")[0]
    assert service["name"] == "'@SUM(1+1)"
    assert rows(files, "phones.csv")[0]["number"] == "+992 37 221 0000"  # a phone number stays as it is
    assert api(client, "hsds-organizations")["contents"][0]["name"] == organization.name  # JSON is not a spreadsheet


# --- the page ---------------------------------------------------------------------------------------------------


def test_the_page_names_the_licence_links_the_endpoints_and_says_what_is_not_published(client, directory):
    page = client.get(reverse("members:open-data"))
    assert page.status_code == 200
    text = html.unescape(page.content.decode())
    assert "Creative Commons Attribution 4.0 International (CC BY 4.0)" in text
    assert 'href="https://creativecommons.org/licenses/by/4.0/"' in text and "Regional CTIP Network" in text
    for name in ("hsds", "hsds-organizations", "hsds-services", "open-data-download"):
        assert reverse(f"members:{name}") in text
    first_organization = Organization.objects.listed().order_by("name", "pk").first()
    assert reverse("members:hsds-organization", args=[uid("organization", first_organization.pk)]) in text
    assert reverse("members:hsds-service", args=[uid("service", Service.objects.public().order_by("pk").first().pk)]) in text
    assert "a shelter's address could put people in danger" in text
    assert reverse("members:open-data") in client.get(reverse("home")).content.decode()  # the footer


def test_the_page_works_on_an_empty_directory(db, client):
    Organization.objects.all().delete()
    assert Country.objects.exists()
    page = client.get(reverse("members:open-data"))
    assert page.status_code == 200
    assert reverse("members:hsds-services") in page.content.decode()
