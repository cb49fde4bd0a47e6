"""Which fields of the strategy may be written in each of the portal's languages (django-modeltranslation).

History is registered here rather than on the models, so that it keeps each language's column.
"""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import Activity, Goal, Indicator, Objective, Strategy


@register(Strategy)
class StrategyTranslation(TranslationOptions):
    fields = Strategy.TRANSLATED_FIELDS


@register(Goal)
class GoalTranslation(TranslationOptions):
    fields = Goal.TRANSLATED_FIELDS


@register(Objective)
class ObjectiveTranslation(TranslationOptions):
    fields = Objective.TRANSLATED_FIELDS


@register(Indicator)
class IndicatorTranslation(TranslationOptions):
    fields = Indicator.TRANSLATED_FIELDS


@register(Activity)
class ActivityTranslation(TranslationOptions):
    fields = Activity.TRANSLATED_FIELDS


simple_history.register(Strategy)
simple_history.register(Activity)
