"""Which fields of the annual report may be written in each of the portal's languages (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import AnnualReport


@register(AnnualReport)
class AnnualReportTranslation(TranslationOptions):
    fields = AnnualReport.TRANSLATED_FIELDS
