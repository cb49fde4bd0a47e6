"""Forms of the announcements (/news/): posting and editing a post, a comment, and the list's filters."""

import django_filters
from django import forms
from django.core.validators import MaxLengthValidator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..calendars import DigitsDateInput
from ..content import localized_name
from ..filters import country_choices
from ..models import Announcement, AnnouncementComment, Country, Organization
from .multilingual import MultilingualFormMixin

MAX_TEXT = 10_000
MAX_COMMENT = 5_000
DATE_WIDGET = DigitsDateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AnnouncementForm(MultilingualFormMixin, forms.ModelForm):
    """A post: its facts, and its title and text in the language being written (forms/multilingual.py).

    `organizations`: the member organizations the author may post for; a choice is offered when there are
    several, or when a coordinator may also post for the network itself (`for_network`).
    """

    class Meta:
        model = Announcement
        fields = [
            "kind", "title", "body", "event_start", "event_end", "place", "deadline", "link", "countries", "audience",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "body": forms.Textarea(attrs={"rows": 10}),
            "event_start": DATE_WIDGET,
            "event_end": DATE_WIDGET,
            "deadline": DATE_WIDGET,
            "countries": forms.CheckboxSelectMultiple,
            "audience": forms.RadioSelect,
        }
        help_texts = {
            "event_start": _("Events: the first day."),
            "event_end": _("Events lasting more than one day: the last day."),
            "place": _("Events: the city, and the venue if it may be public."),
            "deadline": _("Calls for cooperation and vacancies: the last day to answer or apply."),
            "link": _("A web page with more information (starting with https://)."),
            "audience": _(
                "A post for everyone is read by network members at once; the public sees it once a coordinator or "
                "the steering committee representative of your country approves it."
            ),
        }

    def __init__(self, *args, organizations=None, for_network=False, **kwargs):
        super().__init__(*args, **kwargs)
        body = self.fields.get(localized_name("body", self.content_language))
        if body is not None:
            body.validators.append(MaxLengthValidator(MAX_TEXT))
            body.widget.attrs["maxlength"] = str(MAX_TEXT)
        self.fields["countries"].queryset = Country.objects.all()
        self.fields["countries"].help_text = _("Tick none if it concerns the whole region.")
        organizations = list(organizations or [])
        if len(organizations) > 1 or (organizations and for_network):
            self.fields["organization"] = forms.ModelChoiceField(
                label=_("Posted for"),
                queryset=Organization.objects.filter(pk__in=[org.pk for org in organizations]).order_by("name"),
                required=not for_network,
                empty_label=_("The network's secretariat") if for_network else None,
                widget=forms.RadioSelect,
            )

    def clean_link(self):
        link = self.cleaned_data.get("link", "")
        if link and not link.lower().startswith(("http://", "https://")):
            raise forms.ValidationError(_("Enter a web address starting with http:// or https://."))
        return link

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("event_start"), cleaned.get("event_end")
        if cleaned.get("kind") == Announcement.Kind.EVENT:
            if not start and "event_start" not in self.errors:
                self.add_error("event_start", _("An event needs the date it starts."))
            if not cleaned.get("place") and "place" not in self.errors:
                self.add_error("place", _("An event needs a place."))
        if end and not start and "event_start" not in self.errors:
            self.add_error("event_start", _("Give the first day too, or leave both dates empty."))
        if start and end and end < start:
            self.add_error("event_end", _("The last day cannot be before the first."))
        return cleaned


class CommentForm(forms.ModelForm):
    class Meta:
        model = AnnouncementComment
        fields = ["body"]
        labels = {"body": _("Your comment")}
        help_texts = {"body": _("Only network members read comments; the author and earlier commenters get an e-mail.")}
        widgets = {"body": forms.Textarea(attrs={"rows": 3, "maxlength": str(MAX_COMMENT)})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].validators.append(MaxLengthValidator(MAX_COMMENT))

    def clean_body(self):
        body = self.cleaned_data["body"].replace("\r\n", "\n").strip()
        if not body:
            raise forms.ValidationError(self.fields["body"].error_messages["required"], code="required")
        return body


class AnnouncementFilter(django_filters.FilterSet):
    """/news/?kind=event&country=tj; a country also finds the posts about the whole region."""

    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Announcement.Kind.choices, empty_label=_("All kinds"))
    country = django_filters.ChoiceFilter(
        label=_("Country"),
        choices=country_choices,
        method="filter_country",
        empty_label=_("All countries"),
        widget=forms.Select(attrs={"aria-describedby": "news-filter-help"}),
    )

    class Meta:
        model = Announcement
        fields = ["kind", "country"]

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and data.get("country"):
            data = data.copy()
            data["country"] = Country.url_code(data["country"])  # ?country=TJ works like ?country=tj
        super().__init__(data, *args, **kwargs)

    def filter_country(self, queryset, name, value):
        code = Country.normalize_code(value)
        about_country = Announcement.countries.through.objects.filter(country_id=code).values("announcement_id")
        whole_region = ~Q(pk__in=Announcement.countries.through.objects.values("announcement_id"))
        return queryset.filter(Q(pk__in=about_country) | whole_region)
