"""Which fields of forum records may be written in each of the portal's languages (django-modeltranslation).

History is registered here rather than on the models: simple-history must see the language columns
that modeltranslation adds, so that a change history records which language changed.
"""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import Forum, Recommendation


@register(Forum)
class ForumTranslation(TranslationOptions):
    fields = Forum.TRANSLATED_FIELDS


@register(Recommendation)
class RecommendationTranslation(TranslationOptions):
    fields = Recommendation.TRANSLATED_FIELDS


simple_history.register(Forum)
simple_history.register(Recommendation)
