"""Builders for forum records in tests."""

import datetime
import io
import itertools
import zipfile

from forums.models import ActionItem, ActionUpdate, Forum, Participant, Recommendation, Session
from members.models import Country

_counter = itertools.count(1)


def make_forum(slug=None, start=datetime.date(2017, 6, 22), end=None, country="TJ", **extra):
    n = next(_counter)
    extra.setdefault("title", f"Forum {n}")
    extra.setdefault("city", "Dushanbe")
    extra.setdefault("status", Forum.Status.HELD)
    return Forum.objects.create(
        slug=slug or f"forum-{n}", start_date=start, end_date=end or start, country=Country.objects.get(code=country),
        **extra,
    )


def make_participant(forum, organization=None, name=None, **extra):
    extra.setdefault("email", f"participant{next(_counter)}@example.org")
    extra.setdefault("phone", "+992 90 000 1234")
    return Participant.objects.create(
        forum=forum, name=name or f"Participant {next(_counter)}", organization=organization,
        country=organization.country if organization else extra.pop("country", None), **extra,
    )


def make_session(forum, **extra):
    extra.setdefault("title", f"Session {next(_counter)}")
    extra.setdefault("date", forum.start_date)
    return Session.objects.create(forum=forum, **extra)


def make_recommendation(forum, cluster="A", **extra):
    extra.setdefault("text", f"Recommendation {next(_counter)}")
    extra.setdefault("cluster_title", "Recommendations for Afghan NGOs")
    return Recommendation.objects.create(forum=forum, cluster_code=cluster, **extra)


def make_action_item(forum, organizations=(), countries=(), **extra):
    extra.setdefault("text", f"Action {next(_counter)}")
    item = ActionItem.objects.create(forum=forum, **extra)
    item.responsible_organizations.set(organizations)
    item.responsible_countries.set([Country.objects.get(code=c) for c in countries])
    return item


def make_update(item, author=None, **extra):
    extra.setdefault("text", f"Progress {next(_counter)}")
    extra.setdefault("date", datetime.date(2018, 1, 1))
    return ActionUpdate.objects.create(item=item, author=author, **extra)


def pdf_bytes():
    return b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def odt_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def plain_zip_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("evil.html", "<script>alert(1)</script>")
    return buffer.getvalue()
