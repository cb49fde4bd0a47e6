"""The demo library (members/demo_library.py): the seed documents' outcome documents as real files, attached to
their demo forums, and a members-only radio script."""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from forums import demo as forums_demo
from forums.models import Forum
from members import demo as members_demo
from members import demo_library
from members.forms.library import ResourceForm
from members.forms.multilingual import for_language
from members.models import Audience, Resource, User
from members.uploads import ODT, PDF


@pytest.fixture
def seeded(db):
    with translation.override(settings.LANGUAGE_CODE):
        members_demo.seed()
        demo_library.seed()
        forums_demo.seed()


def test_the_demo_library_holds_the_outcome_documents_a_link_and_a_script_for_members(seeded):
    resources = {r.slug: r for r in Resource.objects.all()}
    assert set(resources) == set(demo_library.RESOURCES)
    dushanbe = resources["outcome-document-dushanbe-2017"]
    assert (dushanbe.kind, dushanbe.year, dushanbe.content_type, dushanbe.topic.slug) == (
        Resource.Kind.REPORT, 2017, PDF, "capacity-building"
    )
    assert dushanbe.is_public and resources["outcome-regional-discussion-kabul-2018"].is_public
    unodc = resources["unodc-regional-conference-islamabad-2017"]
    assert unodc.is_public and not unodc.file and unodc.link.startswith("https://www.unodc.org/")
    script = resources["radio-script-job-offers-abroad-dari-pashto"]
    assert (script.audience, script.content_type, script.material_languages) == (Audience.MEMBERS, ODT, ["fa", "ps"])
    assert [c.code for c in dushanbe.countries.all()] == ["AF", "PK", "TJ", "TM", "UZ"]


def test_the_demo_files_pass_the_librarys_upload_checks(seeded):
    for resource in Resource.objects.exclude(file=""):
        with resource.file.open("rb") as handle:
            content = handle.read()
        assert len(content) == resource.size
        upload = SimpleUploadedFile(resource.original_name, content)
        form = for_language(ResourceForm, "en")(
            {"kind": "report", "title_en": "Check", "audience": Audience.MEMBERS}, {"file": upload}, instance=Resource()
        )
        form.is_valid()
        assert "file" not in form.errors, form.errors
        assert form.detected.content_type == resource.content_type


def test_the_outcome_document_keeps_no_personal_contact_of_the_seed_document(seeded):
    resource = Resource.objects.get(slug="outcome-document-dushanbe-2017")
    with resource.file.open("rb") as handle:
        content = handle.read()
    assert b"Recommendations for the regional CTIP network" in content
    assert b"@" not in content  # the annex of participants with their e-mail addresses is left out


def test_seeding_again_changes_nothing(seeded):
    files = dict(Resource.objects.values_list("slug", "file"))
    with translation.override(settings.LANGUAGE_CODE):
        demo_library.seed()
        forums_demo.seed()
    assert dict(Resource.objects.values_list("slug", "file")) == files
    assert Resource.objects.count() == len(demo_library.RESOURCES)


def test_the_forums_list_their_outcome_documents(seeded):
    assert [r.slug for r in Forum.objects.get(slug="dushanbe-2017").resources.all()] == ["outcome-document-dushanbe-2017"]
    assert [r.slug for r in Forum.objects.get(slug="kabul-2018").resources.all()] == [
        "outcome-regional-discussion-kabul-2018"
    ]


def test_the_public_reads_the_outcome_documents_and_members_the_script(seeded, client):
    html = client.get("/forums/dushanbe-2017/").content.decode()
    assert "Outcome document of the first regional NGO forum" in html
    library = client.get("/library/")
    assert len(library.context["resources"]) == 3
    script = Resource.objects.get(slug="radio-script-job-offers-abroad-dari-pashto")
    assert client.get(script.get_absolute_url()).status_code == 404
    client.force_login(User.objects.get(email="member.pk@example.org"))
    response = client.get(f"/library/{script.slug}/file/")
    assert response.status_code == 200
    assert response["Content-Type"] == ODT
    assert 'attachment; filename="Radio-script-Ask-first-then-go-Dari-Pashto.odt"' == response["Content-Disposition"]
