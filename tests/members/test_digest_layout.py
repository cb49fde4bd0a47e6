"""The weekly digest keeps multi-line bodies inside their list item."""

from django.template.loader import render_to_string

from members.models import Notification


def test_every_line_of_a_body_is_indented_under_its_subject(db):
    notification = Notification(subject="Tajikistan: country review 2017 published", body="First line.\nSecond line.")
    text = render_to_string(
        "members/emails/digest.txt",
        {
            "notifications": [(notification, "https://portal.example.org/reviews/tj/2017/")],
            "unsubscribe_url": "u",
            "settings_url": "s",
        },
    )
    assert "* Tajikistan: country review 2017 published\n  First line.\n  Second line.\n  https://portal.example.org" in text
