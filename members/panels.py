"""Extension point for the country page.

`members` must not import the apps built on it, so those apps register what they add to a
country page (e.g. the latest country review) here from their AppConfig.ready().
A panel is a callable (request, country) -> dict with "template" and its context, or None.
"""

country_panels = []


def register_country_panel(panel):
    country_panels.append(panel)
    return panel


def render_country_panels(request, country):
    return [panel_context for panel in country_panels if (panel_context := panel(request, country))]
