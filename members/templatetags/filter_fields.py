"""`{% filter_field form.country %}`: a search form's field as Bootstrap markup, written in Python.

The filter forms of the busiest pages (the directory, the forums, the tracker) are rendered on every visit; through
crispy-forms' and Django's widget templates (one template per option of each list) they cost more than the rest
of the page. This writes the same markup (label, input or list, help text, errors) directly. Only for text-like
inputs and single-choice lists, the fields of filter forms; other forms keep crispy-forms.
"""

from django import template
from django.forms import widgets
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def filter_field(field):
    widget = field.field.widget
    field_id = field.id_for_label
    errors = field.errors
    attrs = dict(widget.attrs)  # the filter's own attributes (placeholder, aria-describedby…) are kept
    described_by = attrs.pop("aria-describedby", "").split()
    parts = [f'<div id="div_{field_id}" class="mb-3">']
    if field.label:
        parts.append(f'<label for="{field_id}" class="form-label">{escape(field.label)}</label>')
    if field.help_text:
        described_by.append(f"{field_id}_helptext")
    if errors:
        described_by.append(f"{field_id}_error")
        attrs["aria-invalid"] = "true"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    input_type = attrs.pop("type", getattr(widget, "input_type", ""))
    own_class = attrs.pop("class", "")
    common = f'name="{escape(field.html_name)}" id="{field_id}"' + "".join(
        f' {escape(name)}="{escape(value)}"' for name, value in attrs.items()
    )

    def css(base):
        return escape(" ".join(name for name in (base, "is-invalid" if errors else "", own_class) if name))

    if isinstance(widget, widgets.Select) and not widget.allow_multiple_selected:
        parts.append(f'<select {common} class="{css("form-select")}">')
        parts.extend(_options(field.field.choices, _as_text(field.value())))
        parts.append("</select>")
    elif isinstance(widget, widgets.Input):
        value = _as_text(field.value())
        value_attr = f' value="{escape(value)}"' if value else ""
        parts.append(f'<input type="{escape(input_type)}" {common} class="{css("form-control")}"{value_attr}>')
    else:
        raise template.TemplateSyntaxError(f"filter_field cannot render a {type(widget).__name__}; use crispy-forms")
    if field.help_text:
        parts.append(f'<div id="{field_id}_helptext" class="form-text">{escape(field.help_text)}</div>')
    for error in errors:
        parts.append(f'<div id="{field_id}_error" class="invalid-feedback"><strong>{escape(error)}</strong></div>')
    parts.append("</div>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text above is escaped


def _as_text(value) -> str:
    return "" if value is None else str(value)


def _options(choices, selected: str):
    for value, label in choices:
        if isinstance(label, list | tuple):  # an <optgroup>
            yield f'<optgroup label="{escape(value)}">'
            yield from _options(label, selected)
            yield "</optgroup>"
            continue
        value = _as_text(value)
        chosen = " selected" if value == selected else ""
        yield f'<option value="{escape(value)}"{chosen}>{escape(label)}</option>'
