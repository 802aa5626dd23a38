"""The /api/v1/ router: each app contributes its viewsets from its own api.py."""

from rest_framework.routers import DefaultRouter

from weerbaar.subjects.api import SubjectViewSet

router = DefaultRouter()
router.register("subjecten", SubjectViewSet, basename="subject")
