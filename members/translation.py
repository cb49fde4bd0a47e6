"""Which fields of the directory may be written in each of the portal's languages (django-modeltranslation).

History is registered here rather than on the models: simple-history must see the language columns
that modeltranslation adds, so that a change history records which language changed.
"""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import (
    Agreement,
    Announcement,
    LegalAmendment,
    LegalInstrument,
    NationalNetwork,
    Organization,
    Resource,
    Service,
)


@register(Organization)
class OrganizationTranslation(TranslationOptions):
    fields = Organization.TRANSLATED_FIELDS


@register(Service)
class ServiceTranslation(TranslationOptions):
    fields = Service.TRANSLATED_FIELDS


@register(NationalNetwork)
class NationalNetworkTranslation(TranslationOptions):
    fields = NationalNetwork.TRANSLATED_FIELDS


@register(Announcement)
class AnnouncementTranslation(TranslationOptions):
    fields = Announcement.TRANSLATED_FIELDS


@register(Resource)
class ResourceTranslation(TranslationOptions):
    fields = Resource.TRANSLATED_FIELDS


@register(LegalInstrument)
class LegalInstrumentTranslation(TranslationOptions):
    fields = LegalInstrument.TRANSLATED_FIELDS


@register(LegalAmendment)
class LegalAmendmentTranslation(TranslationOptions):
    fields = LegalAmendment.TRANSLATED_FIELDS


@register(Agreement)
class AgreementTranslation(TranslationOptions):
    fields = Agreement.TRANSLATED_FIELDS


simple_history.register(Organization, excluded_fields=[*Organization.SEARCH_FIELDS, "updated_at"])
simple_history.register(Service)
simple_history.register(LegalInstrument)
simple_history.register(LegalAmendment)
simple_history.register(Agreement)
