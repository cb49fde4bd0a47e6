"""Forms of cross-border referral requests: sending one, and answering it with a note.

Every text a request holds goes through members/referrals.py `refuse_personal_identifiers()`.
"""

import re

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from ..models import Organization, ReferralRequest, Service
from ..models.directory import SPOKEN_LANGUAGES
from ..referrals import normalize, refuse_personal_identifiers

CASE_REFERENCE = re.compile(r"^[^\W_][\w/-]*$")
MAX_CASE_REFERENCE = 30


def organization_label(organization) -> str:
    if organization.acronym and organization.acronym != organization.name:
        return f"{organization.name} ({organization.acronym})"
    return organization.name


class OrganizationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, organization):
        return organization_label(organization)


def grouped_by_country(organizations) -> list:
    """Choices grouped by country for a <select>: [("", "—"), (country name, [(pk, label), …]), …]."""
    groups = {}
    for organization in organizations:
        groups.setdefault(organization.country.name, []).append((organization.pk, organization_label(organization)))
    return [("", "—"), *groups.items()]


class ReferralForm(forms.ModelForm):
    """A request from one of the user's member organizations to a member organization in another country.

    `senders`: the member organizations the user is staff of (a choice is offered when there are several);
    `receivers`: member organizations of other countries, ordered by country.
    """

    help_needed = forms.MultipleChoiceField(
        label=_("Help needed"), choices=Service.Kind.choices, widget=forms.CheckboxSelectMultiple
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages the person speaks"),
        choices=SPOKEN_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = ReferralRequest
        # help_needed and languages are code lists (CodeListField): chosen with the checkboxes above, set in save().
        fields = ["to_organization", "city", "urgency", "case_reference", "details"]
        labels = {"to_organization": _("Send to")}
        help_texts = {
            "to_organization": _("A member organization in another country."),
            "city": _("Where the person is, or where they need help."),
            "case_reference": _(
                "Your organization's own reference for the case, e.g. DSH-2026-014: letters, digits, - and / only."
            ),
            "details": _(
                "What the other organization needs to decide: the situation, needs, risks. No names, dates, "
                "numbers or contacts."
            ),
        }
        widgets = {"urgency": forms.RadioSelect, "details": forms.Textarea(attrs={"rows": 5, "maxlength": 1500})}

    def __init__(self, *args, senders, receivers, **kwargs):
        super().__init__(*args, **kwargs)
        senders = list(senders)
        receivers = list(receivers)
        if len(senders) > 1:
            self.fields["from_organization"] = OrganizationChoiceField(
                label=_("Sent by"),
                queryset=Organization.objects.filter(pk__in=[org.pk for org in senders]).order_by("name"),
                empty_label=None,
                widget=forms.RadioSelect,
            )
        self.sender = senders[0] if len(senders) == 1 else None
        receiver = self.fields["to_organization"]
        receiver.queryset = Organization.objects.filter(pk__in=[org.pk for org in receivers])
        receiver.choices = grouped_by_country(receivers)
        self.order_fields(["from_organization", "to_organization", "help_needed", "languages", "city", "urgency"])
        reference = self.fields["case_reference"]
        reference.max_length = MAX_CASE_REFERENCE
        reference.validators.append(MaxLengthValidator(MAX_CASE_REFERENCE))
        reference.widget.attrs.update(maxlength=MAX_CASE_REFERENCE, dir="ltr")

    def clean_case_reference(self):
        reference = self.cleaned_data["case_reference"].strip()
        if not CASE_REFERENCE.match(normalize(reference)):
            raise forms.ValidationError(
                _("Use letters, digits, - and / only, without spaces, e.g. DSH-2026-014."), code="case_reference"
            )
        refuse_personal_identifiers(reference)
        return reference

    def clean_city(self):
        city = self.cleaned_data["city"].strip()
        refuse_personal_identifiers(city)
        return city

    def clean_details(self):
        details = self.cleaned_data["details"].replace("\r\n", "\n").strip()
        refuse_personal_identifiers(details)
        return details

    def clean(self):
        cleaned = super().clean()
        sender = cleaned.get("from_organization", self.sender)
        receiver = cleaned.get("to_organization")
        if sender and receiver and sender.country_id == receiver.country_id:
            self.add_error(
                "to_organization",
                _("Choose an organization in another country than the one sending the request."),
            )
        return cleaned

    def save(self, commit=True):
        referral = super().save(commit=False)
        referral.from_organization = self.cleaned_data.get("from_organization", self.sender)
        referral.help_kinds = self.cleaned_data["help_needed"]
        referral.spoken_languages = self.cleaned_data["languages"]
        if commit:
            referral.save()
        return referral


class AnswerForm(forms.Form):
    """The receiver's note with an answer; required to decline, so that the sender knows where they stand."""

    note = forms.CharField(
        label=_("Note to the sending organization"),
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 1500}),
        max_length=1500,
        required=False,
        help_text=_("When you decline, say why. No names, dates, numbers or contacts of the person."),
    )

    def __init__(self, *args, decline=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.decline = decline

    def clean_note(self):
        note = self.cleaned_data["note"].replace("\r\n", "\n").strip()
        if self.decline and not note:
            raise forms.ValidationError(_("Say why you decline, so that the sender can look for help elsewhere."))
        refuse_personal_identifiers(note)
        return note
