"""Abstract building blocks shared by every app."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        abstract = True


class PublicIdModel(TimeStampedModel):
    """A model addressed by an opaque UUID in URLs and the API, never by its sequence id."""

    uuid = models.UUIDField(_("identifier"), default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        abstract = True
