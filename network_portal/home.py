"""Sections that the apps built on the directory add to the home page.

Each of these modules, when it exists, provides `home_section(request)` returning a dict with
"template" (an include rendered on the home page) and its context, or None to show nothing.
"""

import importlib

HOME_SECTION_MODULES = ["countryreviews.home", "forums.home"]


def render_home_sections(request):
    sections = []
    for name in HOME_SECTION_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        if section := module.home_section(request):
            sections.append(section)
    return sections
