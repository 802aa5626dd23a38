"""The /api/v1/ router: each app contributes its viewsets from its own api.py."""

from rest_framework.routers import DefaultRouter

from weerbaar.cases.api import CaseViewSet
from weerbaar.interventions.api import DeadlineViewSet, InterventionViewSet
from weerbaar.subjects.api import SubjectViewSet


class Router(DefaultRouter):
    # One URL per resource: no ".json" twins to authorise and test.
    include_format_suffixes = False


router = Router()
router.register("subjecten", SubjectViewSet, basename="subject")
router.register("casussen", CaseViewSet, basename="case")
router.register("interventies", InterventionViewSet, basename="intervention")
router.register("termijnen", DeadlineViewSet, basename="deadline")
