"""What the apps built on the directory add to its pages, declared on their AppConfig.

`members` must not import those apps, so each app says what it contributes as attributes of its
AppConfig, and the directory's pages read them here (the members app declares its own the same way):
- `country_panels`: dotted paths of callables `(request, country)` returning a dict with "template" (an
  include shown on the country page) and its context, or None to show nothing;
- `agreement_panels`: the same for an agreement's page, callables `(request, agreement)` (e.g. the forum
  recommendations that call for it);
- `history_models`: "app_label.Model" labels of models kept with `HistoricalRecords()`, listed on the
  coordinators' recent changes page. A model without a page of its own may name the foreign key whose
  page shows it, `history_parent = "forum"`: recent changes then link there. Its records belong to a country
  (the page's country filter) through its `country`, its parent's `country`, its `organization`'s country or
  its `countries`, or the lookup it names, `history_country = "forum__country"`;
- `recent_events`: dotted paths of callables `(since, until, country, limit)` returning a list of
  `members.history.Event`, newest first, marked with `members.history.event_source(kind, label)`: the
  invitations, imports, progress updates, decisions and publications listed on recent changes.
"""

from functools import cache

from django.apps import apps
from django.utils.module_loading import import_string


def contributions(attribute: str) -> list:
    """Every installed app's contributions to `attribute`, in INSTALLED_APPS order."""
    return [item for config in apps.get_app_configs() for item in getattr(config, attribute, ())]


@cache
def _callable(path: str):
    return import_string(path)


def render_country_panels(request, country) -> list[dict]:
    panels = (_callable(path)(request, country) for path in contributions("country_panels"))
    return [panel for panel in panels if panel]


def render_agreement_panels(request, agreement) -> list[dict]:
    panels = (_callable(path)(request, agreement) for path in contributions("agreement_panels"))
    return [panel for panel in panels if panel]


def history_models() -> list:
    return [apps.get_model(label) for label in contributions("history_models")]


def recent_event_sources() -> list:
    return [_callable(path) for path in contributions("recent_events")]
