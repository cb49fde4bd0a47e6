"""Field helpers shared by the apps' models."""

from django.conf import settings
from django.db import models


def user_reference(verbose_name, related_name="+"):
    """Who did something (started, saved, published, decided…): kept as empty if the account is deleted."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name=related_name,
        verbose_name=verbose_name,
    )
