"""What the network shares: announcements (the list-serve's web side), the resource library, and messages to the
secretariat.

Announcements and library resources are posted by network members. Each is meant either for network members
only, or for everyone; a post meant for everyone is visible to members at once and to the public only once a
coordinator or the steering committee representative of the poster's country has approved it
(`public_status`). A coordinator may hide any post, with a reason that its author reads. Who sees which post
is decided in members/permissions.py (`visible_announcements`, `visible_resources`); the querysets here only
name the states.
"""

import secrets

from anyascii import anyascii
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ..content import MultilingualModel, language_name
from ..search import query_terms, search_key, search_text
from .directory import Country, FocusArea, Organization
from .fields import user_reference


def unique_slug(model, text: str, *, fallback: str, max_length: int = 80, reserved=()) -> str:
    """A slug for `text` in any script ("Бюллетень" → "biulleten"), unique among `model`'s slugs and never one of
    `reserved` (the paths next to the slugs, such as "new")."""
    base = slugify(anyascii(text or ""))[: max_length - 6].strip("-") or fallback
    slug, n = base, 2
    while slug in reserved or model.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


class Audience(models.TextChoices):
    PUBLIC = "public", _("Everyone (after approval)")
    MEMBERS = "members", _("Network members only")


class PublicStatus(models.TextChoices):
    """Where a post meant for everyone stands; empty for posts meant for members only."""

    NONE = "", _("Members only")
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved for the public")
    DECLINED = "declined", _("Kept for members")


class SharedQuerySet(models.QuerySet):
    def public(self):
        """What the public sees: approved for everyone and not hidden."""
        return self.filter(audience=Audience.PUBLIC, public_status=PublicStatus.APPROVED, hidden_at__isnull=True)

    def not_hidden(self):
        return self.filter(hidden_at__isnull=True)

    def awaiting_approval(self):
        return self.filter(public_status=PublicStatus.PENDING, hidden_at__isnull=True)

    def search(self, query: str):
        """Items whose search texts contain every word of `query`, however spelled or in whichever script."""
        queryset = self
        for folded, key in query_terms(query):
            queryset = queryset.filter(models.Q(search_text__contains=folded) | models.Q(search_text_latin__contains=key))
        return queryset


class SharedItem(MultilingualModel):
    """What announcements and library resources have in common: who posted it, for whom, approval and hiding."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True, editable=False)
    countries = models.ManyToManyField(
        Country,
        blank=True,
        related_name="+",
        verbose_name=_("countries"),
        help_text=_("Leave empty if it concerns the whole region."),
    )
    audience = models.CharField(
        _("who may read it"), max_length=10, choices=Audience.choices, default=Audience.MEMBERS
    )
    public_status = models.CharField(
        _("approval for the public"), max_length=10, choices=PublicStatus.choices, default="", blank=True
    )
    reviewed_by = user_reference(_("approved or declined by"))
    reviewed_at = models.DateTimeField(_("approved or declined"), null=True, blank=True)
    review_note = models.TextField(_("reason for keeping it for members"), blank=True)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_by = user_reference(_("hidden by"))
    hidden_reason = models.TextField(_("reason for hiding"), blank=True)
    author = user_reference(_("posted by"))
    organization = models.ForeignKey(
        Organization,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organization"),
    )
    created_at = models.DateTimeField(_("posted"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = SharedQuerySet.as_manager()

    class Meta:
        abstract = True

    SLUG_FALLBACK = "post"

    def save(self, *args, **kwargs):
        if not self.slug:
            title = self.text_in("title", self.original_language) or self.localized("title").text
            self.slug = unique_slug(type(self), title, fallback=self.SLUG_FALLBACK)
        super().save(*args, **kwargs)

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def is_public(self) -> bool:
        return (
            self.audience == Audience.PUBLIC
            and self.public_status == PublicStatus.APPROVED
            and self.hidden_at is None
        )

    @property
    def is_waiting_for_approval(self) -> bool:
        return self.public_status == PublicStatus.PENDING and self.hidden_at is None

    @property
    def approval_country_id(self):
        """The country whose steering committee representative may approve it for the public: the poster's."""
        return self.organization.country_id if self.organization_id else None

    def set_audience(self, audience: str, *, approved: bool) -> None:
        """Set who may read it; a post for everyone waits for approval unless `approved` (an approver wrote it)."""
        self.audience = audience
        if audience == Audience.MEMBERS:
            self.public_status = PublicStatus.NONE
        elif approved:
            self.public_status = PublicStatus.APPROVED
        else:
            self.public_status = PublicStatus.PENDING

    def approve(self, by) -> None:
        self.public_status = PublicStatus.APPROVED
        self.reviewed_by, self.reviewed_at, self.review_note = by, timezone.now(), ""

    def decline(self, by, reason: str) -> None:
        """Keep it for members: the public never sees it; the author reads the reason."""
        self.public_status = PublicStatus.DECLINED
        self.reviewed_by, self.reviewed_at, self.review_note = by, timezone.now(), reason

    def hide(self, by, reason: str) -> None:
        self.hidden_at, self.hidden_by, self.hidden_reason = timezone.now(), by, reason

    def unhide(self) -> None:
        self.hidden_at, self.hidden_by, self.hidden_reason = None, None, ""


class Announcement(SharedItem):
    """A post of the network: news, an event, a call for cooperation, a publication or a vacancy."""

    TRANSLATED_FIELDS = ("title", "body")
    SLUG_FALLBACK = "announcement"

    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        EVENT = "event", pgettext_lazy("kind of announcement", "Event")  # a forum, a training; not a logged event
        CALL = "call", _("Call for cooperation")
        PUBLICATION = "publication", _("Publication")
        VACANCY = "vacancy", _("Vacancy")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.NEWS)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    event_start = models.DateField(_("event starts"), null=True, blank=True)
    event_end = models.DateField(_("event ends"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    link = models.URLField(_("web address for more information"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["-created_at"], name="announcement_newest")]

    def __str__(self):
        return str(self.localized("title"))

    def get_absolute_url(self):
        return reverse("members:announcement", args=[self.slug])


class AnnouncementComment(models.Model):
    """A network member's comment on an announcement (members only; never shown to the public)."""

    announcement = models.ForeignKey(
        Announcement, on_delete=models.CASCADE, related_name="comments", verbose_name=_("announcement")
    )
    author = user_reference(_("written by"))
    body = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.author} → {self.announcement_id}"


def resource_path(instance, filename: str) -> str:
    """Library files under an unguessable name: members-only files are served only through their page's view."""
    return f"library/{timezone.now():%Y}/{secrets.token_urlsafe(12)}/{filename}"


def material_language_choices():
    return [(code, language_name(code)) for code, _name in settings.ALL_LANGUAGES]


class Resource(SharedItem):
    """A document of the resource library: a report, a law, training or awareness material."""

    TRANSLATED_FIELDS = ("title", "description")
    SLUG_FALLBACK = "resource"

    class Kind(models.TextChoices):
        REPORT = "report", _("Report")
        LAW = "law", _("Law or policy")
        TRAINING = "training", _("Training material")
        AWARENESS = "awareness", _("Awareness material")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.REPORT)
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    topic = models.ForeignKey(
        FocusArea, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("topic")
    )
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    # The languages the material itself is written or spoken in, as ",fa,ps," (see material_languages).
    languages = models.CharField(_("languages of the material"), max_length=100, blank=True)
    file = models.FileField(_("file"), upload_to=resource_path, max_length=300, blank=True)
    original_name = models.CharField(_("original file name"), max_length=255, blank=True)
    content_type = models.CharField(_("content type"), max_length=100, blank=True)
    size = models.PositiveIntegerField(_("size (bytes)"), null=True, blank=True)
    link = models.URLField(_("web address"), max_length=500, blank=True)
    # What search matches: the title and description in every language, folded and as a Latin key
    # (members/search.py), so that «Ҳисобот», "Hisobot" and «Хисобот» find each other. Built on save.
    search_text = models.TextField(editable=False, blank=True, default="")
    search_text_latin = models.TextField(editable=False, blank=True, default="")

    class Meta:
        verbose_name = _("library resource")
        verbose_name_plural = _("library resources")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return str(self.localized("title"))

    def get_absolute_url(self):
        return reverse("members:resource", args=[self.slug])

    def save(self, *args, **kwargs):
        texts = [*self.all_texts("title"), *self.all_texts("description")]
        self.search_text, self.search_text_latin = search_text(*texts), search_key(*texts)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text", "search_text_latin"}
        super().save(*args, **kwargs)

    @property
    def material_languages(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]

    @material_languages.setter
    def material_languages(self, codes) -> None:
        self.languages = "," + ",".join(codes) + "," if codes else ""

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


class ContactMessage(models.Model):
    """A message to the secretariat from the contact page, kept for coordinators to answer."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed without answer")

    name = models.CharField(_("your name"), max_length=120)
    email = models.EmailField(_("your e-mail address"))
    organization = models.CharField(_("organization"), max_length=200, blank=True)
    country = models.ForeignKey(
        Country, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("country")
    )
    subject = models.CharField(_("subject"), max_length=200)
    message = models.TextField(_("message"))
    language = models.CharField(_("language"), max_length=8, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.NEW)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    answered_by = user_reference(_("answered by"))
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    reply = models.TextField(_("reply"), blank=True)

    class Meta:
        verbose_name = _("message to the secretariat")
        verbose_name_plural = _("messages to the secretariat")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.subject} ({self.name})"

    def get_absolute_url(self):
        return reverse("members:contact-message", args=[self.pk])
