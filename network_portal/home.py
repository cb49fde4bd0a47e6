"""Sections that the apps built on the directory add to the home page.

Each of these modules, when it exists, provides `home_section(request)` returning a dict with
"template" (an include rendered on the home page) and its context, or None to show nothing.
"""

from .optional import import_if_present

HOME_SECTION_MODULES = ["countryreviews.home", "forums.home"]


def render_home_sections(request):
    sections = []
    for name in HOME_SECTION_MODULES:
        module = import_if_present(name)
        if module and (section := module.home_section(request)):
            sections.append(section)
    return sections
