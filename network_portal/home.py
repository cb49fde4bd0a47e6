"""Sections that the apps built on the directory add to the home page (network_portal is the top layer)."""

from countryreviews.home import home_section as overview_section
from forums.home import home_section as forum_section
from members.views.news import home_section as news_section

from .report_home import home_section as report_section

HOME_SECTIONS = [overview_section, report_section, forum_section, news_section]


def render_home_sections(request):
    """Each section is a dict with "template" (an include) and its context; a section may be None."""
    return [section for render_section in HOME_SECTIONS if (section := render_section(request))]
