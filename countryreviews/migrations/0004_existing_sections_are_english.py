"""The narrative sections of existing revisions become their English text (published ones too: the same
words, now in their language's column)."""

from django.db import migrations

SECTIONS = [
    "summary",
    "trafficking_profile",
    "legal_framework",
    "prevention",
    "protection",
    "prosecution",
    "partnerships",
    "ngo_activities",
    "challenges",
    "recommendations",
]


def copy_to_english(apps, schema_editor):
    ReviewRevision = apps.get_model("countryreviews", "ReviewRevision")
    for revision in ReviewRevision.objects.all():
        for field in SECTIONS:
            if not getattr(revision, f"{field}_en"):
                setattr(revision, f"{field}_en", getattr(revision, field))
        revision.save(update_fields=[f"{field}_en" for field in SECTIONS])


class Migration(migrations.Migration):
    dependencies = [("countryreviews", "0003_multilingual_sections")]

    operations = [migrations.RunPython(copy_to_english, migrations.RunPython.noop)]
