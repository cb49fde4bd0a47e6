from members.models import Application, Country


def make_application(**extra):
    extra.setdefault("name", "Applicant NGO")
    extra.setdefault("acronym", "ANGO")
    extra.setdefault("country", Country.objects.get(code="PK"))
    extra.setdefault("description", "Awareness raising in Punjab.")
    extra.setdefault("contact_name", "Ayesha Khan")
    extra.setdefault("contact_email", "ayesha@example.org")
    extra.setdefault("consent", True)
    return Application.objects.create(**extra)
