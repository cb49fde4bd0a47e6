"""Existing descriptions, service details and network names were written in the single text field: they
become the English text (the language the portal's content was written in so far), and each organization's
search texts are built from its names, descriptions and services (members/search.py)."""

from django.db import migrations

from members.search import search_key, search_text

TRANSLATED = {
    "Organization": ["description"],
    "Service": ["name", "hours", "description"],
    "NationalNetwork": ["name", "description"],
}


def copy_to_english(apps, schema_editor):
    for model_name, fields in TRANSLATED.items():
        model = apps.get_model("members", model_name)
        for row in model.objects.all():
            for field in fields:
                if not getattr(row, f"{field}_en"):
                    setattr(row, f"{field}_en", getattr(row, field))
            row.save(update_fields=[f"{field}_en" for field in fields])
    Organization = apps.get_model("members", "Organization")
    for organization in Organization.objects.prefetch_related("services"):
        names = [organization.name, organization.acronym, organization.name_local]
        everything = [
            *names,
            organization.city,
            organization.provinces_covered,
            organization.description_en,
            *(service.name_en for service in organization.services.all()),
        ]
        organization.search_names, organization.search_names_latin = search_text(*names), search_key(*names)
        organization.search_text, organization.search_text_latin = search_text(*everything), search_key(*everything)
        organization.save(update_fields=["search_names", "search_names_latin", "search_text", "search_text_latin"])


class Migration(migrations.Migration):
    dependencies = [("members", "0005_multilingual_content_and_search")]

    operations = [migrations.RunPython(copy_to_english, migrations.RunPython.noop)]
