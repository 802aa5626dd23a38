from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.response import Response

from weerbaar.cases import selectors
from weerbaar.cases.models import Case
from weerbaar.core.api import query_params
from weerbaar.core.http import UUID_PATTERN


class CaseHeadingSerializer(serializers.ModelSerializer):
    """What every reader of a case sees, a partner with a share included."""

    case_type = serializers.CharField(source="case_type.name")
    case_type_code = serializers.CharField(source="case_type.code")
    team = serializers.CharField(source="owner_team.name")

    class Meta:
        model = Case
        fields = [
            "uuid",
            "reference",
            "title",
            "case_type",
            "case_type_code",
            "status",
            "team",
            "opened_on",
            "closed_on",
            "result",
            "riec",
            "riec_reference",
            "riec_partners",
        ]


class CaseSubjectSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(source="subject.uuid")
    kind = serializers.CharField(source="subject.kind")
    label = serializers.CharField(source="subject.label")
    role = serializers.CharField()


class CaseFileSerializer(CaseHeadingSerializer):
    """The whole file, for readers with ``cases.view_case_file``."""

    subjects = CaseSubjectSerializer(source="subject_links", many=True, read_only=True)
    signals = serializers.SlugRelatedField(slug_field="uuid", many=True, read_only=True)
    origin = serializers.CharField()

    class Meta(CaseHeadingSerializer.Meta):
        fields = [*CaseHeadingSerializer.Meta.fields, "origin", "subjects", "signals"]


class CaseFilterSerializer(serializers.Serializer):
    state = serializers.ChoiceField(
        choices=["open", "closed"], required=False, help_text=_("Only open or closed cases")
    )
    riec = serializers.ChoiceField(
        choices=["yes"], required=False, help_text=_("Only cases shared with the RIEC")
    )


class CaseViewSet(viewsets.GenericViewSet):
    """Cases the caller may see: the heading for partners, the whole file for the team."""

    serializer_class = CaseHeadingSerializer
    lookup_field = "uuid"
    lookup_value_regex = UUID_PATTERN

    def get_queryset(self):
        """What the list shows (and the browsable API asks for its forms)."""
        request = self.request
        return selectors.case_list(user=request.user, **query_params(request, CaseFilterSerializer))

    @extend_schema(parameters=[CaseFilterSerializer])
    def list(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(CaseHeadingSerializer(page, many=True).data)

    @extend_schema(responses=CaseFileSerializer)
    def retrieve(self, request, uuid=None):
        case = selectors.case_get(user=request.user, case_id=uuid, request=request)
        readable = selectors.case_file(user=request.user, case=case)
        serializer = CaseFileSerializer if readable.whole else CaseHeadingSerializer
        return Response(serializer(case).data)
