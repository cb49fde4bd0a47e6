"""Extension point for the home page, like members.panels for country pages.

The network_portal app may import every app, but keeping the home page's sections as
registered callables lets forums and countryreviews add theirs without editing this module.
A section is a callable (request) -> dict with "template" and its context, or None.
"""

home_sections = []


def register_home_section(section):
    home_sections.append(section)
    return section


def render_home_sections(request):
    return [ctx for section in home_sections if (ctx := section(request))]
