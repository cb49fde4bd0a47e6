"""The search forms of the directory, the forums and the tracker are written by `{% filter_field %}` (fast), with
the markup crispy-forms gave them: labels, the chosen values kept, escaping, and errors announced."""

import pytest
from django import forms
from django.template import Context, Template

pytestmark = pytest.mark.django_db


class Filters(forms.Form):
    q = forms.CharField(label="Search", required=False, widget=forms.TextInput(attrs={"type": "search", "placeholder": "Name"}))
    country = forms.ChoiceField(
        label="Country", required=False, choices=[("", "All"), ("tj", "Tajikistan"), ("<x>", "A & B")],
        widget=forms.Select(attrs={"aria-describedby": "row-help"}),
    )
    year = forms.IntegerField(label="Year", required=False, help_text="Four digits")


def render(form, name):
    return Template("{% load filter_fields %}{% filter_field form." + name + " %}").render(Context({"form": form}))


def test_a_text_field_keeps_what_was_typed_escaped():
    html = render(Filters({"q": '"><script>'}), "q")
    assert '<label for="id_q" class="form-label">Search</label>' in html
    assert 'type="search"' in html and 'placeholder="Name"' in html
    assert 'value="&quot;&gt;&lt;script&gt;"' in html and "<script>" not in html


def test_a_list_marks_the_chosen_option_and_keeps_its_own_attributes():
    html = render(Filters({"country": "tj"}), "country")
    assert '<select name="country" id="id_country" aria-describedby="row-help" class="form-select">' in html
    assert '<option value="tj" selected>Tajikistan</option>' in html
    assert '<option value="" >' not in html and '<option value="">All</option>' in html
    assert '<option value="&lt;x&gt;">A &amp; B</option>' in html


def test_errors_and_help_are_announced():
    form = Filters({"year": "soon"})
    form.is_valid()
    html = render(form, "year")
    assert 'aria-describedby="id_year_helptext id_year_error"' in html
    assert 'aria-invalid="true"' in html and "is-invalid" in html
    assert '<div id="id_year_helptext" class="form-text">Four digits</div>' in html
    assert 'id="id_year_error" class="invalid-feedback"' in html


def test_the_directory_form_keeps_the_search(client):
    content = client.get("/members/?q=%3Cb%3E&country=TJ").content.decode()
    assert 'value="&lt;b&gt;"' in content
    assert '<option value="tj" selected>' in content
