"""Which sections of a country review may be written in each of the portal's languages (django-modeltranslation).

A revision is its own history (see models/reviews.py); its audit trail names the language of each changed section.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import ReviewRevision


@register(ReviewRevision)
class ReviewRevisionTranslation(TranslationOptions):
    fields = ReviewRevision.TRANSLATED_FIELDS
