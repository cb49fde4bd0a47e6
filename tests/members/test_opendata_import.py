"""manage.py import_hsds (issue 16): an HSDS data package into the directory, new organizations as applicants.

A "foreign" package (another directory's, written here table by table) and the portal's own exports (the CSV
data package and the JSON API) are imported: dry runs, matching by identifier and by name across scripts, blank
fields filled and nothing overwritten, idempotence, and round trips that create nothing new.
"""

import csv
import io
import json
import uuid
import zipfile

import pytest
from django.core.management import CommandError, call_command
from django.forms.models import model_to_dict
from django.urls import reverse

from members.hsds import uid
from members.hsds.package import RESOURCES, columns
from members.models import Organization, Person, SecurityEvent, Service

from ..factories import make_organization, make_service

NUR, KHAYOTI, STEPPE, ODD = (str(uuid.uuid4()) for _ in range(4))
NUR_HOTLINE, NUR_SHELTER, KHAYOTI_SHELTER, KHAYOTI_NEW = (str(uuid.uuid4()) for _ in range(4))
HERAT, DUSHANBE, ALMATY, TASHKENT = (str(uuid.uuid4()) for _ in range(4))


def ids():
    return str(uuid.uuid4())


def foreign_tables() -> dict[str, list[dict]]:
    """Another directory's package: a new Afghan organization with two services, the Tajik «Хаёти Нав» that the
    portal has as "Khayoti Nav", a Kazakh organization, and one whose name holds control characters."""
    return {
        "organization": [
            {"id": NUR, "name": "Nur Foundation", "alternate_name": "NUR", "description": "Help for families.",
             "website": "https://nur.example.org", "email": "info@nur.example.org", "year_incorporated": "2009"},
            {"id": KHAYOTI, "name": "Хаёти Нав", "description": "Другое описание.", "website": "https://khayoti.example.org"},
            {"id": STEPPE, "name": "Steppe Aid", "description": "Kazakh NGO."},
            {"id": ODD, "name": "Safe\u202eHouse\x07 Trust\nTashkent", "description": "Line one.\nLine two.\x1b[31m"},
        ],
        "location": [
            {"id": HERAT, "location_type": "physical", "organization_id": NUR, "name": "Herat"},
            {"id": DUSHANBE, "location_type": "physical", "organization_id": KHAYOTI, "name": "Dushanbe"},
            {"id": ALMATY, "location_type": "physical", "organization_id": STEPPE, "name": "Almaty"},
            {"id": TASHKENT, "location_type": "physical", "organization_id": ODD, "name": "Tashkent"},
        ],
        "address": [
            {"id": ids(), "location_id": HERAT, "address_1": "5 Hidden Road", "city": "Herat", "country": "AFG"},
            {"id": ids(), "location_id": DUSHANBE, "city": "Dushanbe", "country": "Tajikistan"},
            {"id": ids(), "location_id": ALMATY, "city": "Almaty", "country": "KZ"},
            {"id": ids(), "location_id": TASHKENT, "city": "Tashkent", "country": "uz"},
        ],
        "service": [
            {"id": NUR_HOTLINE, "organization_id": NUR, "name": "Nur hotline", "status": "active",
             "description": "Call us.", "eligibility_description": "Women, Children", "email": "not an e-mail"},
            {"id": NUR_SHELTER, "organization_id": NUR, "name": "Nur shelter", "status": "active",
             "application_process": "People may walk in without an appointment."},
            {"id": KHAYOTI_SHELTER, "organization_id": KHAYOTI, "name": "Shelter", "status": "active",
             "email": "shelter@khayoti.example.org"},
            {"id": KHAYOTI_NEW, "organization_id": KHAYOTI, "name": "Legal clinic", "status": "active"},
        ],
        "phone": [
            {"id": ids(), "service_id": NUR_HOTLINE, "number": "+93 799 000 100", "type": "voice", "description": "Toll-free"},
            {"id": ids(), "service_id": NUR_HOTLINE, "number": "+93 799 000 101", "type": "text", "description": "WhatsApp"},
            {"id": ids(), "organization_id": NUR, "number": "+93 20 000 0000", "type": "voice"},
        ],
        "schedule": [
            {"id": ids(), "service_id": NUR_HOTLINE, "freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR", "opens_at": "08:00+04:30",
             "closes_at": "16:00:00", "notes": "Closed on Eid."},
            {"id": ids(), "service_id": NUR_SHELTER, "freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR,SA,SU", "opens_at": "00:00",
             "closes_at": "23:59"},
        ],
        "language": [
            {"id": ids(), "service_id": NUR_HOTLINE, "code": "prs", "name": "Dari"},
            {"id": ids(), "service_id": NUR_HOTLINE, "code": "", "name": "Pashto"},
            {"id": ids(), "service_id": NUR_HOTLINE, "code": "xx", "name": "Klingon"},
        ],
        "service_area": [
            {"id": ids(), "service_id": NUR_HOTLINE, "name": "Kabul"},
            {"id": ids(), "service_id": NUR_HOTLINE, "name": "Parwan"},
        ],
        "service_at_location": [{"id": ids(), "service_id": NUR_SHELTER, "location_id": HERAT}],
        "attribute": [{"id": ids(), "link_id": NUR_HOTLINE, "link_entity": "service", "taxonomy_term_id": "term-1"}],
        "taxonomy_term": [{"id": "term-1", "name": "Hotline", "description": "A telephone helpline."}],
    }  # fmt: skip


def write_tables(folder, tables, zipped=False, contacts=True):
    """The tables as CSV files with the specification's columns, and a datapackage.json; as a folder or a zip."""
    files = {
        RESOURCES[name]["path"]: _csv(columns(name), rows) for name, rows in tables.items()
    }
    files["datapackage.json"] = json.dumps({"resources": [RESOURCES[name] for name in tables]})
    if contacts:  # people: never read
        files["contacts.csv"] = f"id,organization_id,name,email\r\nc1,{NUR},Person Contactname,person@example.org\r\n"
    folder.mkdir(exist_ok=True)
    if zipped:
        path = folder / "package.zip"
        with zipfile.ZipFile(path, "w") as archive:
            for name, content in files.items():
                archive.writestr(f"export/{name}", content)
        return path
    for name, content in files.items():
        (folder / name).write_text(content, encoding="utf-8")
    return folder


def _csv(names, rows) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=names)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def run(path, *options) -> str:
    out = io.StringIO()
    call_command("import_hsds", str(path), *options, stdout=out)
    return out.getvalue()


@pytest.fixture
def khayoti(db):
    """The portal's entry for the organization the package calls «Хаёти Нав»: written by its editors."""
    organization = make_organization("TJ", name="Khayoti Nav", slug="khayoti-nav", description="Our own words.")
    make_service(organization, Service.Kind.SHELTER, name="Shelter", phone="+992 90 000 0009")
    return organization


def snapshot():
    return (
        [model_to_dict(o, exclude=["focus_areas", "logo"]) for o in Organization.objects.order_by("pk")],
        [model_to_dict(s) for s in Service.objects.order_by("pk")],
    )


# --- a foreign package ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("zipped", [False, True])
def test_a_dry_run_shows_what_would_change_and_changes_nothing(tmp_path, khayoti, zipped):
    before = snapshot()
    output = run(write_tables(tmp_path / "package", foreign_tables(), zipped=zipped), "--dry-run")
    assert snapshot() == before
    assert not SecurityEvent.objects.filter(kind=SecurityEvent.Kind.HSDS_IMPORTED).exists()
    assert "Created as an applicant: Nur Foundation (AF) → nur-foundation, 2 services" in output
    assert "Matched by name or website: Хаёти Нав → khayoti-nav" in output
    assert "  filled in: website" in output and "  differs (kept as it is): description" in output
    assert "Skipped: Steppe Aid: its country is not one of the network's (KZ)." in output
    assert "Organizations: 2 created as applicants, 1 matched (1 with blank fields filled), 1 skipped." in output
    assert output.endswith("Dry run: nothing was saved.\n")


def test_new_organizations_arrive_as_applicants_with_their_services(tmp_path, khayoti, client):
    make_organization("PK", name="Nur Foundation", slug="nur-pakistan")  # another country: not the same
    output = run(write_tables(tmp_path / "package", foreign_tables()))
    assert output.endswith("/admin/members/organization/?membership_status__exact=applicant\n")
    nur = Organization.objects.get(source_id=NUR)
    assert nur.membership_status == Organization.MembershipStatus.APPLICANT
    assert (nur.name, nur.acronym, nur.country_id, nur.city) == ("Nur Foundation", "NUR", "AF", "Herat")
    assert (nur.website, nur.public_email, nur.public_phone, nur.founded) == (
        "https://nur.example.org", "info@nur.example.org", "+93 20 000 0000", 2009
    )
    assert nur.localized("description", "en").text == "Help for families."
    hotline, shelter = nur.services.order_by("name")
    assert (hotline.kind, hotline.phone, hotline.toll_free, hotline.whatsapp, hotline.email) == (
        Service.Kind.HOTLINE, "+93 799 000 100", True, "+93 799 000 101", ""  # the e-mail was no e-mail
    )
    assert hotline.opening_hours == {str(day): "08:00-16:00" for day in range(5)} and not hotline.open_24_7
    assert hotline.localized("hours", "en").text == "Closed on Eid."
    assert (hotline.spoken_languages, hotline.served_populations) == (["fa", "ps"], ["women", "children"])
    assert hotline.areas_served == "Kabul, Parwan"
    assert (shelter.kind, shelter.open_24_7, shelter.walk_in, shelter.city, shelter.address) == (
        Service.Kind.OTHER, True, True, "Herat", ""  # never a street address, even one given
    )
    # Applicants are for coordinators to vet: not in the public directory, nor in its open data.
    organizations = client.get(reverse("members:hsds-organizations")).json()["contents"]
    assert uid("organization", nur.pk) not in {o["id"] for o in organizations}
    assert not Organization.objects.filter(name="Steppe Aid").exists()
    event = SecurityEvent.objects.get(kind=SecurityEvent.Kind.HSDS_IMPORTED)
    assert event.target == "package package"
    assert event.detail == "2 created as applicants, 1 matched, 1 filled in, 1 skipped"


def test_a_matched_organization_only_gets_its_blank_fields_filled(tmp_path, khayoti):
    output = run(write_tables(tmp_path / "package", foreign_tables()))
    khayoti.refresh_from_db()
    assert khayoti.website == "https://khayoti.example.org"  # blank: filled
    assert khayoti.localized("description", "en").text == "Our own words."  # written by editors: kept
    assert khayoti.source_id == KHAYOTI and khayoti.membership_status == Organization.MembershipStatus.MEMBER
    [shelter] = khayoti.services.all()  # the package's new "Legal clinic" is listed, not added
    assert (shelter.email, shelter.phone) == ("shelter@khayoti.example.org", "+992 90 000 0009")
    assert "  service Shelter: filled in: email" in output
    assert "  service not in the directory (not added): Legal clinic" in output


def test_a_second_run_creates_nothing_and_matches_by_the_packages_identifiers(tmp_path, khayoti):
    package = write_tables(tmp_path / "package", foreign_tables())
    run(package)
    after_first = snapshot()
    output = run(package)
    assert snapshot() == after_first
    assert "Matched by its identifier in the last import: Nur Foundation → nur-foundation" in output
    assert "Matched by its identifier in the last import: Хаёти Нав → khayoti-nav" in output
    assert "Organizations: 0 created as applicants, 3 matched (0 with blank fields filled), 1 skipped." in output


def test_control_characters_are_stripped_and_people_never_imported(tmp_path, db):
    people = Person.objects.count()
    run(write_tables(tmp_path / "package", foreign_tables()))
    odd = Organization.objects.get(source_id=ODD)
    assert odd.name == "SafeHouse Trust Tashkent"
    assert odd.localized("description", "en").text == "Line one.\nLine two.[31m"
    assert Person.objects.count() == people
    assert not Person.objects.filter(name__contains="Contactname").exists()


def test_an_organization_that_matches_several_is_skipped(tmp_path, db):
    make_organization("TJ", name="Khayoti Nav", slug="khayoti-1")
    make_organization("TJ", name="Хаёти Нав", slug="khayoti-2")
    output = run(write_tables(tmp_path / "package", foreign_tables()))
    assert "Skipped: Хаёти Нав: it matches several organizations (khayoti-1, khayoti-2); merge or rename them first." in output
    assert Organization.objects.filter(slug__startswith="khayoti").count() == 2


def test_texts_go_into_the_language_the_package_is_written_in(tmp_path, db):
    run(write_tables(tmp_path / "package", foreign_tables()), "--language", "ru")
    nur = Organization.objects.get(source_id=NUR)
    assert (nur.original_language, nur.description_ru, nur.description_en or "") == ("ru", "Help for families.", "")
    hotline = nur.services.get(name_ru="Nur hotline")
    assert (hotline.original_language, hotline.kind, hotline.spoken_languages) == ("ru", Service.Kind.HOTLINE, ["fa", "ps"])


def test_what_is_no_package_is_refused(tmp_path, db):
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(CommandError, match="Give a folder or a .zip"):
        run(tmp_path / "notes.txt")
    with pytest.raises(CommandError, match="no organizations"):
        run(write_tables(tmp_path / "empty", {"service": []}, zipped=True))
    (tmp_path / "list.json").write_text('{"contents": "nothing"}')
    with pytest.raises(CommandError, match="no list of organizations"):
        run(tmp_path / "list.json")
    assert not SecurityEvent.objects.filter(kind=SecurityEvent.Kind.HSDS_IMPORTED).exists()


# --- the portal's own exports -----------------------------------------------------------------------------------


@pytest.fixture
def directory(organization, other_organization, stakeholder_organization):
    make_service(organization, Service.Kind.HOTLINE, name="Madina hotline", phone="+992 44 600 1111", toll_free=True,
                 whatsapp="+992 90 111 2222", telegram="@madina_help", signal="+992 90 111 3333", sms="+992 90 111 4444",
                 city="Dushanbe", open_24_7=True, languages=",tg,ru,bal,", populations=",women,migrants,",
                 areas_served="Sughd, Khatlon", email="help@madina.example.org", hours="Also on holidays.")
    make_service(other_organization, Service.Kind.SHELTER, name="Lahore shelter", city="Lahore", address="7 Secret Road",
                 opening_hours={"0": "09:00-13:00, 14:00-17:00", "1": "09:00-17:00", "5": "10:00-13:00"}, walk_in=True,
                 populations=",children,", description="For children.")
    make_service(other_organization, Service.Kind.LEGAL_AID, name="Members legal aid", members_only=True)
    organization.public_phone, organization.website = "+992 37 000 0000", "https://madina.example.org"
    organization.city = "Dushanbe"
    organization.save()


def test_exporting_then_importing_the_data_package_creates_nothing_new(tmp_path, client, directory):
    path = tmp_path / "ctip-network-hsds.zip"
    path.write_bytes(client.get(reverse("members:open-data-download")).content)
    before = snapshot()
    output = run(path)
    assert snapshot() == before
    assert "Organizations: 0 created as applicants, 3 matched (0 with blank fields filled), 0 skipped." in output
    assert output.count("Matched by the portal's own identifier") == 3
    assert "differs" not in output and "not in the directory" not in output


def test_exporting_then_importing_the_json_api_creates_nothing_new(tmp_path, client, directory):
    path = tmp_path / "organizations.json"
    path.write_bytes(client.get(reverse("members:hsds-organizations") + "?full=true&full_service=true").content)
    before = snapshot()
    assert "0 created as applicants, 3 matched (0 with blank fields filled)" in run(path)
    assert snapshot() == before


@pytest.mark.parametrize("source", ["zip", "json"])
def test_an_organization_deleted_here_comes_back_from_its_export_as_an_applicant(tmp_path, client, directory, source):
    """Every published field maps back: what the export says of a service is what the import makes of it."""
    pakistan = Organization.objects.get(slug="other-pk")
    if source == "zip":
        path = tmp_path / "package.zip"
        path.write_bytes(client.get(reverse("members:open-data-download")).content)
    else:
        path = tmp_path / "organization.json"
        path.write_bytes(client.get(reverse("members:hsds-organization", args=[uid("organization", pakistan.pk)])
                                    + "?full_service=true").content)  # fmt: skip
    published = {s.name: s for s in Service.objects.public().filter(organization=pakistan)}
    identifier = uid("organization", pakistan.pk)
    pakistan.delete()
    run(path)
    back = Organization.objects.get(source_id=identifier)
    assert (back.name, back.acronym, back.country_id, back.membership_status) == (
        "Other Pakistani NGO", "OPN", "PK", Organization.MembershipStatus.APPLICANT
    )
    fields = ["kind", "phone", "toll_free", "sms", "whatsapp", "telegram", "signal", "email", "walk_in", "city",
              "areas_served", "open_24_7", "opening_hours", "languages", "populations", "name", "description",
              "hours"]  # fmt: skip
    assert {s.name: [getattr(s, f) for f in fields] for s in back.services.all()} == {
        name: [getattr(s, f) for f in fields] for name, s in published.items()
    }
    assert back.services.get().address == ""  # the street address was never published


def test_a_madina_hotline_comes_back_with_every_channel(tmp_path, client, directory, organization):
    path = tmp_path / "organization.json"
    path.write_bytes(client.get(reverse("members:hsds-organization", args=[uid("organization", organization.pk)])
                                + "?full_service=true").content)  # fmt: skip
    original, identifier = organization.services.get(), uid("organization", organization.pk)
    organization.delete()
    run(path)
    hotline = Service.objects.get(organization__source_id=identifier)
    for name in ("phone", "toll_free", "sms", "whatsapp", "telegram", "signal", "open_24_7", "languages", "populations",
                 "areas_served", "email", "city", "kind", "hours"):  # fmt: skip
        assert getattr(hotline, name) == getattr(original, name), name
    assert hotline.organization.public_phone == "+992 37 000 0000"
