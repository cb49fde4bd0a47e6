"""Regional forums and meetings: participants, sessions, recommendations, follow-up actions, documents."""

import datetime
import uuid
from pathlib import PurePath

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from members.calendars import local_date
from members.content import MultilingualModel
from members.models import Country, Organization, Person
from members.models.fields import user_reference

# Paths under /forums/ that are pages of their own, never forum slugs.
RESERVED_SLUGS = {"follow-up", "new", "calendar", "calendar-ics"}


def today() -> datetime.date:
    return timezone.localdate()


class ForumQuerySet(models.QuerySet):
    def upcoming(self, on: datetime.date | None = None):
        """Forums that have not ended yet (cancelled ones included; callers may exclude them)."""
        return self.filter(end_date__gte=on or today())

    def past(self, on: datetime.date | None = None):
        return self.filter(end_date__lt=on or today())

    def for_list(self):
        return self.select_related("country").prefetch_related("organizers", "funders")


class Forum(MultilingualModel):
    """A regional forum or network meeting, with its dates, place, organizers and outcomes."""

    TRANSLATED_FIELDS = ("title", "summary")

    class Kind(models.TextChoices):
        REGIONAL_NGO = "regional_ngo", _("Regional NGO forum")
        GOVERNMENT = "government", _("Government forum")
        STEERING = "steering", _("Steering committee meeting")
        ANNUAL = "annual", _("Annual network meeting")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_("The last part of the forum's address, e.g. kabul-2018 for /forums/kabul-2018/."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.REGIONAL_NGO)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), help_text=_("The same as the start date for a one-day meeting."))
    dates_tentative = models.BooleanField(
        _("only the month is fixed"),
        default=False,
        help_text=_("Tick while the exact days are not fixed; the dates are shown as a month."),
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="forums", verbose_name=_("host country")
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    organizers = models.ManyToManyField(
        Organization, blank=True, related_name="forums_organized", verbose_name=_("organizers")
    )
    organizers_text = models.CharField(
        _("other organizers"), max_length=300, blank=True, help_text=_("Organizers not in the directory.")
    )
    funders = models.ManyToManyField(
        Organization, blank=True, related_name="forums_funded", verbose_name=_("funders")
    )
    funders_text = models.CharField(
        _("other funders"), max_length=300, blank=True, help_text=_("Funders not in the directory, e.g. USAID.")
    )
    summary = models.TextField(_("summary"), blank=True, max_length=10000)
    # Its outcome document, report or material in the resource library; each reader sees those they may read.
    resources = models.ManyToManyField(
        "members.Resource", blank=True, related_name="+", verbose_name=_("in the library")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = ForumQuerySet.as_manager()
    # History: registered in forums/translation.py, so that it keeps each language's column.

    class Meta:
        verbose_name = _("forum")
        verbose_name_plural = _("forums")
        ordering = ["-start_date", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")),
                name="forum_ends_after_it_starts",
                violation_error_code="end_before_start",
                violation_error_message=_("The end date cannot be before the start date."),
            )
        ]

    def __str__(self):
        return str(self.localized("title"))

    def save(self, *args, **kwargs):
        if self.start_date and not self.end_date:
            self.end_date = self.start_date
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("forums:detail", args=[self.slug])

    def clean(self):
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is used by another page; choose another slug.")})

    def validate_constraints(self, exclude=None):
        """The dates rule is the database constraint; forms show its message under the end date."""
        try:
            super().validate_constraints(exclude)
        except ValidationError as error:
            errors = error.update_error_dict({})
            for item in errors.pop(NON_FIELD_ERRORS, []):
                field = "end_date" if item.code == "end_before_start" else NON_FIELD_ERRORS
                errors.setdefault(field, []).append(item)
            raise ValidationError(errors) from None

    @property
    def dates_display(self) -> str:
        """The dates as the site writes them: "10–11 March 2027", "30 March 2027 – 2 April 2027",
        "10 March 2027" for one day, "March 2027" while the days are not fixed."""
        start, end = self.start_date, self.end_date or self.start_date
        if self.dates_tentative:
            return local_date(start, "YEAR_MONTH_FORMAT")
        if start == end:
            return local_date(start)
        if (start.year, start.month) == (end.year, end.month):
            return f"{local_date(start, 'j')}–{local_date(end)}"
        return f"{local_date(start)} – {local_date(end)}"

    @property
    def place(self) -> str:
        return ", ".join(str(part) for part in [self.venue, self.city, self.country] if part)


class Participant(models.Model):
    """Someone who took part (or was invited to take part) in a forum. Contacts: coordinators only."""

    class Role(models.TextChoices):
        NGO = "ngo", _("NGO delegate")
        GOVERNMENT = "government", _("Government")
        INTERNATIONAL = "international", _("International organization")
        MEDIA = "media", _("Media")
        OBSERVER = "observer", _("Observer")

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="participants", verbose_name=_("forum"))
    person = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="forum_participations",
        verbose_name=_("person in the directory"),
    )
    name = models.CharField(_("name"), max_length=200)
    organization = models.ForeignKey(
        Organization, on_delete=models.SET_NULL, null=True, blank=True, related_name="forum_participations",
        verbose_name=_("organization"),
    )
    organization_name = models.CharField(
        _("organization (not in the directory)"), max_length=200, blank=True
    )
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, null=True, blank=True, related_name="forum_participants",
        verbose_name=_("country"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.NGO)
    position = models.CharField(
        _("position"), max_length=200, blank=True, help_text=_("E.g. “Executive director” or “Legal adviser”.")
    )
    attended = models.BooleanField(_("attended"), default=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["country__order", "name", "pk"]

    def __str__(self):
        return str(self.name)

    @property
    def organization_label(self) -> str:
        return str(self.organization) if self.organization_id else self.organization_name


class ParticipantImport(models.Model):
    """A confirmed participant import: its preview's token can be imported only once (participants_csv.import_rows)."""

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="participant_imports", verbose_name=_("forum"))
    token = models.CharField(max_length=32)
    imported_at = models.DateTimeField(_("imported"), default=timezone.now)
    imported_by = user_reference(_("imported by"))

    class Meta:
        verbose_name = _("participant import")
        verbose_name_plural = _("participant imports")
        constraints = [models.UniqueConstraint(fields=["forum", "token"], name="import_each_preview_once")]

    def __str__(self):
        return f"{self.forum} {self.imported_at:%Y-%m-%d %H:%M}"


class Session(models.Model):
    """One session of a forum's programme, on a given day."""

    class Kind(models.TextChoices):
        OPENING = "opening", _("Opening")
        PANEL = "panel", _("Panel")
        PLENARY = "plenary", _("Plenary")
        MEETING = "meeting", _("Meeting")
        BILATERAL = "bilateral", _("Bilateral meeting")
        CLOSING = "closing", _("Closing")

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("forum"))
    date = models.DateField(_("day"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PANEL)
    title = models.CharField(_("title"), max_length=250)
    summary = models.TextField(_("summary"), blank=True, max_length=5000)

    history = HistoricalRecords()
    history_parent = "forum"  # changes link to the forum's page

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["date", "order", "pk"]

    def __str__(self):
        return str(self.title)


class Recommendation(MultilingualModel):
    """A recommendation a forum agreed, in a cluster such as "A. Recommendations for Afghan NGOs"."""

    TRANSLATED_FIELDS = ("cluster_title", "text")

    forum = models.ForeignKey(
        Forum, on_delete=models.CASCADE, related_name="recommendations", verbose_name=_("forum")
    )
    cluster_code = models.CharField(_("cluster code"), max_length=10, help_text=_("E.g. A, B, C."))
    cluster_title = models.CharField(
        _("cluster"), max_length=200, help_text=_("E.g. Recommendations for Afghan NGOs.")
    )
    target_country = models.ForeignKey(
        Country, on_delete=models.PROTECT, null=True, blank=True, related_name="recommendations",
        verbose_name=_("target country"),
    )
    text = models.TextField(_("text"), max_length=3000)
    # The MOUs or agreements the recommendation calls for (the agreements register lists it on their page).
    agreements = models.ManyToManyField(
        "members.Agreement", blank=True, related_name="recommendations", verbose_name=_("agreements")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    # History: registered in forums/translation.py, so that it keeps each language's column.
    history_parent = "forum"  # changes link to the forum's page

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["cluster_code", "order", "pk"]

    def __str__(self):
        return f"{self.cluster_code}. {Truncator(self.localized('text')).chars(60)}"


class ActionItemQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status__in=ActionItem.CLOSED_STATUSES)

    def overdue(self, on: datetime.date | None = None):
        return self.open().filter(due_date__lt=on or today())

    def for_tracker(self, organizations=None):
        """What the tracker shows; `organizations`: those the reader may see named (all by default)."""
        return self.select_related("forum", "forum__country").prefetch_related(
            models.Prefetch(
                "responsible_organizations", queryset=Organization.objects.all() if organizations is None else organizations
            ),
            "responsible_countries",
            models.Prefetch("updates", queryset=ActionUpdate.objects.select_related("author")),
            "agreements",
        )


class ActionItem(models.Model):
    """A step a forum agreed on, followed up by the steering committee until done or dropped."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    CLOSED_STATUSES = (Status.DONE, Status.DROPPED)

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="action_items", verbose_name=_("forum"))
    text = models.TextField(_("action"), max_length=2000)
    responsible_organizations = models.ManyToManyField(
        Organization, blank=True, related_name="action_items", verbose_name=_("responsible organizations")
    )
    responsible_countries = models.ManyToManyField(
        Country, blank=True, related_name="action_items", verbose_name=_("responsible countries"),
        help_text=_("The national networks of these countries are responsible."),
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    # The MOUs or agreements the action is about (the agreements register lists it on their page).
    agreements = models.ManyToManyField(
        "members.Agreement", blank=True, related_name="action_items", verbose_name=_("agreements")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = ActionItemQuerySet.as_manager()
    history = HistoricalRecords()
    history_parent = "forum"  # changes link to the forum's page

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["forum__start_date", "order", "pk"]

    def __str__(self):
        return Truncator(self.text).chars(80)

    @property
    def is_overdue(self) -> bool:
        return bool(self.due_date and self.due_date < today() and self.status not in self.CLOSED_STATUSES)


class ActionUpdate(models.Model):
    """A dated progress note on an action item, with its author and the status it set."""

    item = models.ForeignKey(ActionItem, on_delete=models.CASCADE, related_name="updates", verbose_name=_("action item"))
    date = models.DateField(_("date"), default=today)
    text = models.TextField(_("progress"), max_length=3000)
    author = user_reference(_("author"), related_name="action_updates")
    new_status = models.CharField(
        _("new status"), max_length=20, choices=ActionItem.Status.choices, blank=True
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["-date", "-created_at", "-pk"]

    def __str__(self):
        return f"{self.date}: {Truncator(self.text).chars(60)}"

    @property
    def author_name(self) -> str:
        """The author's name only: their e-mail is a personal contact and is never shown."""
        if self.author is None:
            return ""
        return self.author.get_full_name() or str(_("Network member"))


def document_path(instance, filename: str) -> str:
    """A generated name: the uploaded name is kept in `original_name`, never used on disk."""
    suffix = PurePath(filename).suffix.lower()
    return f"forums/documents/{uuid.uuid4().hex}{suffix}"


class ForumDocument(models.Model):
    """An outcome document of a forum (PDF, DOCX or ODT), downloadable by everyone."""

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="documents", verbose_name=_("forum"))
    title = models.CharField(_("title"), max_length=250)
    file = models.FileField(_("file"), upload_to=document_path)
    original_name = models.CharField(_("original file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    uploaded_by = user_reference(_("uploaded by"))

    class Meta:
        verbose_name = _("outcome document")
        verbose_name_plural = _("outcome documents")
        ordering = ["title", "pk"]

    def __str__(self):
        return str(self.title)

    def get_absolute_url(self):
        return reverse("forums:document", args=[self.forum.slug, self.pk])

    @property
    def format_label(self) -> str:
        return {"application/pdf": "PDF", "application/vnd.oasis.opendocument.text": "ODT"}.get(
            self.content_type, "DOCX"
        )
