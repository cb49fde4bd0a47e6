"""What a library resource's listing says about it: the languages of the material and the file's format.

    {% load library %}
    {{ resource|material_language_names|join:", " }}    Dari, Pashto
    {{ resource|file_format }}                           PDF, DOCX, "PNG image"…
"""

from django import template
from django.utils.translation import gettext as _

from members.content import language_name
from members.uploads import DOCX, GIF, JPEG, ODT, PDF, PNG, WEBP

register = template.Library()

DOCUMENT_FORMATS = {PDF: "PDF", DOCX: "DOCX", ODT: "ODT"}
IMAGE_FORMATS = {PNG: "PNG", JPEG: "JPEG", WEBP: "WebP", GIF: "GIF"}


@register.filter
def material_language_names(resource) -> list[str]:
    return [language_name(code) for code in resource.material_languages]


@register.filter
def file_format(resource) -> str:
    content_type = resource.content_type
    if content_type in IMAGE_FORMATS:
        return _("%(format)s image") % {"format": IMAGE_FORMATS[content_type]}
    return DOCUMENT_FORMATS.get(content_type, "")
