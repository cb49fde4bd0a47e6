"""The five countries of the network and the focus areas of counter-trafficking work."""

from django.db import migrations

COUNTRIES = [
    ("AF", "Afghanistan", 1),
    ("PK", "Pakistan", 2),
    ("TJ", "Tajikistan", 3),
    ("TM", "Turkmenistan", 4),
    ("UZ", "Uzbekistan", 5),
]

FOCUS_AREAS = [
    ("prevention", "Prevention & awareness"),
    ("protection", "Protection & shelter"),
    ("legal-aid", "Legal aid & prosecution support"),
    ("hotline", "Hotline"),
    ("livelihoods", "Livelihoods"),
    ("reintegration", "Reintegration"),
    ("research", "Research"),
    ("media", "Media"),
    ("capacity-building", "Capacity building"),
    ("child-protection", "Child protection"),
]


def seed(apps, schema_editor):
    Country = apps.get_model("members", "Country")
    FocusArea = apps.get_model("members", "FocusArea")
    for code, name, order in COUNTRIES:
        Country.objects.update_or_create(code=code, defaults={"name": name, "order": order})
    for order, (slug, name) in enumerate(FOCUS_AREAS, start=1):
        FocusArea.objects.update_or_create(slug=slug, defaults={"name": name, "order": order})


class Migration(migrations.Migration):
    dependencies = [("members", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
