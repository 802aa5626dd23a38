from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.response import Response

from weerbaar.core.api import query_params
from weerbaar.core.http import UUID_PATTERN
from weerbaar.interventions import selectors
from weerbaar.interventions.models import Deadline, Intervention


class DeadlineSerializer(serializers.ModelSerializer):
    intervention = serializers.UUIDField(source="intervention.uuid")
    case = serializers.UUIDField(source="intervention.case.uuid")
    owner = serializers.CharField(source="owner.username")

    class Meta:
        model = Deadline
        fields = ["kind", "due_on", "done", "intervention", "case", "owner"]


class DeadlineRowSerializer(DeadlineSerializer):
    """A row of the deadline overview: overdue ones the municipality must meet come first."""

    overdue = serializers.BooleanField(
        read_only=True, help_text=_("Past its last day, and the municipality had to meet it")
    )

    class Meta(DeadlineSerializer.Meta):
        fields = [*DeadlineSerializer.Meta.fields, "overdue"]


class InterventionSerializer(serializers.ModelSerializer):
    instrument = serializers.CharField(source="instrument.code")
    case = serializers.UUIDField(source="case.uuid")
    deadlines = DeadlineSerializer(many=True, read_only=True)

    class Meta:
        model = Intervention
        fields = [
            "uuid",
            "case",
            "instrument",
            "stage",
            "result",
            "suggestion",
            "deviation_reason",
            "duration_months",
            "indefinite",
            "intention_sent_on",
            "opinion_received_on",
            "decision_on",
            "made_known_on",
            "execution_from",
            "execution_until",
            "objection_received_on",
            "objection_decided_on",
            "appeal_lodged_on",
            "penalty_amount",
            "penalty_unit",
            "penalty_maximum",
            "deadlines",
        ]


class InterventionViewSet(viewsets.GenericViewSet):
    """Interventions of the cases whose file the caller may read."""

    serializer_class = InterventionSerializer
    lookup_field = "uuid"
    lookup_value_regex = UUID_PATTERN

    def get_queryset(self):
        return selectors.interventions_visible_to(self.request.user)

    def retrieve(self, request, uuid=None):
        intervention = selectors.intervention_get(
            user=request.user, intervention_id=uuid, request=request
        )
        return Response(InterventionSerializer(intervention).data)


class DeadlineFilterSerializer(serializers.Serializer):
    scope = serializers.ChoiceField(
        choices=["mine", "team"], default="mine", help_text=_("Own deadlines or the teams'")
    )
    window = serializers.ChoiceField(
        choices=["week", "overdue", "all"], default="week", help_text=_("Which deadlines")
    )


class DeadlineViewSet(viewsets.GenericViewSet):
    """The caller's deadlines (``scope=team``: their teams'), as on the overview page."""

    serializer_class = DeadlineRowSerializer

    def get_queryset(self):
        """What the list shows (and the browsable API asks for its forms)."""
        request = self.request
        return selectors.deadline_overview(
            user=request.user, **query_params(request, DeadlineFilterSerializer)
        )

    @extend_schema(parameters=[DeadlineFilterSerializer])
    def list(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(DeadlineRowSerializer(page, many=True).data)
