"""Who changed what: the entries of an organization's change history and of the coordinators' "recent changes".

The network-wide page reads the historical models every app declares as `history_models` on its
AppConfig (see members/extensions.py).

`history_entries()` turns historical records into what `members/_history_entries.html` shows; other
apps' history pages use it too.
"""

import datetime
from heapq import merge

from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext as _

from .calendars import local_date
from .content import CONTENT_LANGUAGES
from .extensions import history_models
from .models import Membership, Organization, Person, Service

RECENT_LIMIT = 100
ORG_HISTORY_LIMIT = 200
HIDDEN_FIELDS = {
    "search_text", "search_text_latin", "search_names", "search_names_latin", "updated_at",
    # Confirming an entry is not an edit: the page shows who confirmed it last, the security log the secretariat's.
    "verified_at", "verified_as", "verified_by", "reminded_at",
}


def _with_changes(records):
    """Pair each record with the field changes since the previous record of the same object (no extra queries)."""
    previous = {}
    result = []
    for record in sorted(records, key=lambda r: (r.history_date, r.history_id)):
        key = (type(record), record.id)
        before = previous.get(key)
        changes = []
        if before is not None and record.history_type == "~":
            # Related objects instead of raw ids: a query only for a relation that actually changed.
            delta = record.diff_against(before, foreign_keys_are_objs=True)
            # A translated field's base column only mirrors one of its languages: the languages' own columns
            # ("description (Russian)") say which language changed.
            mirrored = set(getattr(record.instance_type, "TRANSLATED_FIELDS", ()))
            changes = [
                c
                for c in delta.changes
                if c.field not in HIDDEN_FIELDS and c.field not in mirrored and (c.old or c.new)  # "" and None alike
            ]
        previous[key] = record
        result.append((record, changes))
    result.reverse()
    return result


RELATED = {
    Membership: ["history_user", "user", "organization"],
    Service: ["history_user", "organization"],
    Person: ["history_user", "organization"],
}


def _rows(model):
    """A model's history with what labels and links need loaded up front (a fixed number of queries)."""
    related = RELATED.get(model, ["history_user"])
    parent = getattr(model, "history_parent", None)
    return model.history.select_related(*related, *([parent] if parent else []))


def _label(record) -> str:
    if isinstance(record, Organization.history.model):
        # record.instance would query the excluded fields back from the live row: one query per entry.
        return record.name
    if isinstance(record, Membership.history.model):
        return f"{record.user.email if record.user else '?'} – {record.organization}"
    return str(record.instance)  # long texts are cut with "…" by the models' str() (Truncator)


def _field_label(model, name):
    try:
        return model._meta.get_field(name).verbose_name
    except Exception:
        return name


def _display(model, name, value):
    """A value as people read it: the label of a choice, the name of a related object."""
    try:
        field = model._meta.get_field(name)
    except Exception:
        return value
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return local_date(value)
    return value


def _language_of(model, name) -> str:
    """The language of a translated field's column ("description_ru" → "ru"), or "" for other fields."""
    for field in getattr(model, "TRANSLATED_FIELDS", ()):
        if name.startswith(f"{field}_") and name[len(field) + 1 :] in CONTENT_LANGUAGES:
            return name[len(field) + 1 :]
    return ""


def _entry(record, changes):
    return {
        "record": record,
        "model_name": record.instance_type._meta.verbose_name,
        "label": _label(record),
        "changes": [
            (
                _field_label(record.instance_type, c.field),
                _display(record.instance_type, c.field, c.old),
                _display(record.instance_type, c.field, c.new),
                _language_of(record.instance_type, c.field),
            )
            for c in changes
        ],
    }


def history_entries(records, limit):
    """The newest `limit` of `records` (historical rows of any tracked models), each with what changed."""
    return [_entry(record, changes) for record, changes in _with_changes(records)[:limit]]


def _latest_with_predecessors(model, limit):
    """The newest `limit` history rows of `model` plus, for each change among them, the row before it.

    One query: the predecessors let `_with_changes()` tell what changed even in the oldest rows shown.
    """
    history = model.history.all()
    pk = model._meta.pk.attname
    latest = history.order_by("-history_date", "-history_id").values("history_id")[:limit]
    before = (
        history.filter(**{pk: OuterRef(pk)})
        .filter(
            Q(history_date__lt=OuterRef("history_date"))
            | Q(history_date=OuterRef("history_date"), history_id__lt=OuterRef("history_id"))
        )
        .order_by("-history_date", "-history_id")
        .values("history_id")[:1]
    )
    predecessors = history.filter(history_id__in=latest, history_type="~").annotate(before=Subquery(before))
    return _rows(model).filter(Q(history_id__in=latest) | Q(history_id__in=predecessors.values("before")))


def organization_entries(organization, limit=ORG_HISTORY_LIMIT):
    """The newest changes to an organization's profile, services, people and staff."""
    records = []
    for model, lookup in (
        (Organization, {"id": organization.pk}),
        (Service, {"organization_id": organization.pk}),
        (Person, {"organization_id": organization.pk}),
        (Membership, {"organization_id": organization.pk}),
    ):
        records += list(_rows(model).filter(**lookup).order_by("-history_date")[:limit])
    return history_entries(records, limit)


def recent_entries(limit=RECENT_LIMIT):
    """The newest changes across every model an app declares in `history_models`, each with a link."""
    streams = []
    for model in history_models():
        # Newest first; the predecessors loaded only for comparison fall off the end.
        streams.append(_with_changes(_latest_with_predecessors(model, limit))[:limit])
    merged = list(merge(*streams, key=lambda pair: pair[0].history_date, reverse=True))[:limit]
    return [dict(_entry(record, changes), url=_url_for(record)) for record, changes in merged]


def _url_for(record):
    """Where to look closer: an organization-owned row links to that organization's history."""
    if isinstance(record, Organization.history.model):
        return reverse("members:organization-history", args=[record.slug])
    owned = (Membership.history.model, Service.history.model, Person.history.model)
    organization = record.organization if isinstance(record, owned) else None
    if organization is not None:
        return reverse("members:organization-history", args=[organization.slug])
    parent = getattr(record.instance_type, "history_parent", None)
    if parent:  # loaded by _rows(); None once the parent is deleted
        related = getattr(record, parent)
        return related.get_absolute_url() if related is not None else ""
    if record.history_type != "-" and hasattr(record.instance_type, "get_absolute_url"):
        try:
            return record.instance.get_absolute_url()
        except Exception:  # an URL that needs related rows that are gone
            return ""
    return ""
