from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from weerbaar.core.http import UUID_PATTERN
from weerbaar.subjects import selectors
from weerbaar.subjects.models import Subject


class PersonSerializer(serializers.Serializer):
    given_names = serializers.CharField()
    initials = serializers.CharField()
    prefix = serializers.CharField()
    surname = serializers.CharField()
    birth_date = serializers.DateField(allow_null=True)


class OrganisationSerializer(serializers.Serializer):
    name = serializers.CharField()
    kvk_number = serializers.CharField()
    legal_form = serializers.CharField()
    sbi_codes = serializers.ListField(child=serializers.CharField())
    founded_on = serializers.DateField(allow_null=True)


class AddressSerializer(serializers.Serializer):
    street = serializers.CharField()
    house_number = serializers.IntegerField()
    house_letter = serializers.CharField()
    house_number_addition = serializers.CharField()
    postcode = serializers.CharField()
    place = serializers.CharField()
    bag_nummeraanduiding_id = serializers.CharField()
    surface_m2 = serializers.IntegerField(allow_null=True)
    use_purpose = serializers.CharField()


class VehicleSerializer(serializers.Serializer):
    plate = serializers.CharField()
    make = serializers.CharField()
    model_name = serializers.CharField()
    colour = serializers.CharField()


class SubjectSerializer(serializers.ModelSerializer):
    """A subject with the details of its kind; the details of the other kinds are null."""

    person = PersonSerializer(read_only=True, allow_null=True)
    organisation = OrganisationSerializer(read_only=True, allow_null=True)
    address = AddressSerializer(read_only=True, allow_null=True)
    vehicle = VehicleSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Subject
        fields = ["uuid", "kind", "label", "source", "person", "organisation", "address", "vehicle"]


class RelationSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(source="relation.uuid")
    kind = serializers.CharField(source="relation.kind")
    outgoing = serializers.BooleanField()
    other = SubjectSerializer()
    valid_from = serializers.DateField(source="relation.valid_from", allow_null=True)
    valid_until = serializers.DateField(source="relation.valid_until", allow_null=True)
    source = serializers.CharField(source="relation.source")


class SearchRequestSerializer(serializers.Serializer):
    q = serializers.CharField(min_length=2, max_length=200, help_text=_("Search term"))


class SearchHitSerializer(serializers.Serializer):
    score = serializers.FloatField()
    subject = SubjectSerializer()


class SubjectViewSet(viewsets.GenericViewSet):
    """Subjects (persons, organisations, addresses, vehicles) the caller may see."""

    serializer_class = SubjectSerializer
    reads_by_post = False  # the search action sets it (ApiTokenPolicy)
    lookup_field = "uuid"
    lookup_value_regex = UUID_PATTERN

    def get_queryset(self):
        return (
            selectors.subjects_visible_to(self.request.user)
            .select_related("person", "organisation", "address", "vehicle")
            .order_by("id")
        )

    def list(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(SubjectSerializer(page, many=True).data)

    def retrieve(self, request, uuid=None):
        subject = selectors.subject_get(user=request.user, subject_id=uuid, request=request)
        return Response(SubjectSerializer(subject).data)

    @extend_schema(responses=RelationSerializer(many=True))
    @action(detail=True, methods=["get"], url_path="relaties")
    def relations(self, request, uuid=None):
        subject = selectors.subject_get(user=request.user, subject_id=uuid, request=request)
        rows = selectors.subject_relations(user=request.user, subject=subject)
        page = self.paginate_queryset(
            [{"relation": r, "other": o, "outgoing": out} for r, o, out in rows]
        )
        return self.get_paginated_response(RelationSerializer(page, many=True).data)

    @extend_schema(request=SearchRequestSerializer, responses=SearchHitSerializer(many=True))
    @action(detail=False, methods=["post"], url_path="zoeken", reads_by_post=True)
    def search(self, request):
        """Search by POST, so search terms stay out of URLs and access logs."""
        params = SearchRequestSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        hits = selectors.subject_search(
            user=request.user, query=params.validated_data["q"], request=request
        )
        return Response(SearchHitSerializer(hits, many=True).data, status=status.HTTP_200_OK)
