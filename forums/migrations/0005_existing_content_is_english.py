"""Existing forum titles, summaries and recommendations become their English text."""

from django.db import migrations

TRANSLATED = {"Forum": ["title", "summary"], "Recommendation": ["cluster_title", "text"]}


def copy_to_english(apps, schema_editor):
    for model_name, fields in TRANSLATED.items():
        for row in apps.get_model("forums", model_name).objects.all():
            for field in fields:
                if not getattr(row, f"{field}_en"):
                    setattr(row, f"{field}_en", getattr(row, field))
            row.save(update_fields=[f"{field}_en" for field in fields])


class Migration(migrations.Migration):
    dependencies = [("forums", "0004_multilingual_content")]

    operations = [migrations.RunPython(copy_to_english, migrations.RunPython.noop)]
