"""Who changed what: the entries of an organization's change history and of the coordinators' "recent changes".

The network-wide page reads the historical models every app declares as `history_models` on its
AppConfig, and the events (invitations, imports, progress updates…) of the `recent_events` sources (see
members/extensions.py).

`history_entries()` turns historical records into what `members/_history_entries.html` shows; other
apps' history pages use it too.
"""

import dataclasses
import datetime
from heapq import merge
from pathlib import PurePath

from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.db import models
from django.db.models import BooleanField, Case, OuterRef, Q, Subquery, When
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from simple_history.models import DeletedObject

from .calendars import local_date
from .content import CONTENT_LANGUAGES
from .extensions import history_models, recent_event_sources
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


def user_name(user) -> str:
    """Who did something, as the history pages name them: the name, else the account's e-mail."""
    return str(user) if user is not None else ""


def _instance(record):
    """The object as the record saw it, with the related objects `_rows()` loaded (no query per entry)."""
    instance = record.instance
    names = {f.name for f in instance._meta.concrete_fields if f.is_relation}
    instance._state.fields_cache.update(
        {name: value for name, value in record._state.fields_cache.items() if name in names and value is not None}
    )
    return instance


def _label(record) -> str:
    """The object's name as it was when the record was made (deleted objects included)."""
    if isinstance(record, Organization.history.model):
        # record.instance would query the excluded fields back from the live row: one query per entry.
        return record.name
    if isinstance(record, Membership.history.model):
        # A person's name rather than their e-mail (a personal contact) where the account has one.
        who = user_name(record.user) or _("a deleted account")
        return f"{who} – {record.organization}" if record.organization else who
    try:
        return str(_instance(record))  # long texts are cut with "…" by the models' str() (Truncator)
    except ObjectDoesNotExist:  # a str() that names a related object deleted since
        return capfirst(record.instance_type._meta.verbose_name)


def _field_label(model, name):
    try:
        return model._meta.get_field(name).verbose_name
    except Exception:
        return name


def _display(model, name, value):
    """A value as people read it: the label of a choice, the name of a related object, a file's name."""
    try:
        field = model._meta.get_field(name)
    except Exception:
        return value
    if isinstance(value, DeletedObject):
        # None when there was no related object; simple-history's own text shows a raw id ("pk=None").
        if value.pk is None:
            return None
        return _("deleted: %(kind)s") % {"kind": value.model._meta.verbose_name}
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(field, models.FileField):
        return PurePath(str(value)).name if value else None  # the name, not where the server keeps it
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return local_date(value)
    return value


def _shown(model, name) -> bool:
    """A stored file whose uploaded name is kept in `original_name` shows as that field's change instead."""
    try:
        field = model._meta.get_field(name)
        return not (isinstance(field, models.FileField) and model._meta.get_field("original_name"))
    except FieldDoesNotExist:
        return True


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
            if _shown(record.instance_type, c.field)
        ],
    }


def history_entries(records, limit):
    """The newest `limit` of `records` (historical rows of any tracked models), each with what changed."""
    return [_entry(record, changes) for record, changes in _with_changes(records)[:limit]]


def _latest_with_predecessors(model, limit, filters=None):
    """The newest `limit` history rows of `model` (matching `filters`, a Q) plus, for each change among them,
    the row before it; `shown` tells them apart from those predecessors.

    One query: the predecessors let `_with_changes()` tell what changed even in the oldest rows shown.
    """
    history = model.history.all()
    pk = model._meta.pk.attname
    latest = history.filter(filters or Q()).order_by("-history_date", "-history_id").values("history_id")[:limit]
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
    return (
        _rows(model)
        .filter(Q(history_id__in=latest) | Q(history_id__in=predecessors.values("before")))
        .annotate(shown=Case(When(history_id__in=latest, then=True), default=False, output_field=BooleanField()))
    )


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


@dataclasses.dataclass(frozen=True)
class Event:
    """Something that happened that is not an edit of a record: an invitation sent, a review published…

    What the `recent_events` sources return (see members/extensions.py). `kind` is the source's kind (the
    page's filter), `kind_label` what happened ("Invitation accepted"), `label` to what, `user` who did it
    (a name, see user_name()), `country_code` the country it belongs to ("" for none).
    """

    at: datetime.datetime
    kind: str
    kind_label: str
    label: str
    user: str = ""
    country_code: str = ""
    url: str = ""
    detail: str = ""


def event_source(kind: str, label):
    """Marks a callable `(since, until, country, limit) -> list[Event]` as the source of one kind of event.

    `since` (inclusive) and `until` (exclusive) are aware datetimes or None, `country` a country code or
    None; a source returns at most `limit` events, newest first, with one query.
    """

    def mark(function):
        function.kind, function.kind_label = kind, label
        return function

    return mark


def _model_kind(model) -> str:
    return model._meta.label_lower


def recent_kinds() -> list[tuple[str, list[tuple[str, str]]]]:
    """The page's kind filter: edits of each tracked model, then each kind of event, as grouped choices."""
    edits = [(_model_kind(model), capfirst(model._meta.verbose_name_plural)) for model in history_models()]
    events = [(source.kind, capfirst(source.kind_label)) for source in recent_event_sources()]
    return [(_("Changes to"), edits), (_("Events"), events)]


def _country_filter(model, country):
    """The rows of `model`'s history that belong to `country`, or None when the model has no country.

    A model's own country, its organization's, its parent's (a session's forum's host country), or one of
    its countries (an agreement's parties); a model may name the lookup: `history_country = "forum__country"`.
    """
    names = {field.name: field for field in model._meta.get_fields()}
    lookup = getattr(model, "history_country", None)
    if lookup is None:
        parent = getattr(model, "history_parent", None)
        if "country" in names and names["country"].many_to_one:
            lookup = "country"
        elif parent and "country" in {f.name for f in names[parent].related_model._meta.get_fields()}:
            lookup = f"{parent}__country"
        elif "organization" in names and names["organization"].many_to_one:
            lookup = "organization__country"
        elif "countries" in names and names["countries"].many_to_many:
            return Q(**{f"{model._meta.pk.attname}__in": model.objects.filter(countries=country).values("pk")})
        else:
            return None
    return Q(**{f"{lookup}_id": country})


def _history_streams(kind, since, until, country, limit):
    """For each tracked model (of `kind`, if given), its newest matching records as (date, entry), newest first."""
    for model in history_models():
        if kind and kind != _model_kind(model):
            continue
        filters = Q()
        if country:
            in_country = _country_filter(model, country)
            if in_country is None:  # records without a country show only under "all countries"
                continue
            filters &= in_country
        if since:
            filters &= Q(history_date__gte=since)
        if until:
            filters &= Q(history_date__lt=until)
        pairs = _with_changes(_latest_with_predecessors(model, limit, filters))
        # Newest first; the predecessors loaded only for comparison are left out.
        yield [
            (record.history_date, dict(_entry(record, changes), url=_url_for(record)))
            for record, changes in pairs
            if record.shown
        ]


def recent_entries(limit=RECENT_LIMIT, kind=None, since=None, until=None, country=None):
    """The newest `limit` changes and events across the network, newest first.

    Changes: of every model an app declares in `history_models`, each with what changed and a link; events:
    what the `recent_events` sources return (each entry an `Event` under "event"). `kind` is a choice of
    recent_kinds(), `since` (inclusive) and `until` (exclusive) aware datetimes, `country` a country code.
    """
    streams = list(_history_streams(kind, since, until, country, limit))
    for source in recent_event_sources():
        if kind and kind != source.kind:
            continue
        events = source(since, until, country, limit)
        streams.append([(event.at, {"event": event}) for event in events])
    merged = merge(*streams, key=lambda pair: pair[0], reverse=True)
    return [entry for _at, entry in list(merged)[:limit]]


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
