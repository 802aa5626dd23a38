"""The reporting inflows as API endpoints: public (no login), internal and partner."""

from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers, status
from rest_framework.exceptions import NotFound, Throttled
from rest_framework.response import Response
from rest_framework.views import APIView

from weerbaar.intake import receipts, services, throttle
from weerbaar.signals.constants import Channel
from weerbaar.signals.models import Phenomenon

PARTNER_PERMISSION = "intake.submit_partner_report"


class ReportSerializer(serializers.Serializer):
    description = serializers.CharField(min_length=20, max_length=5000)
    phenomenon = serializers.SlugRelatedField(
        slug_field="code", queryset=Phenomenon.objects.all(), required=False, allow_null=True
    )
    location_text = serializers.CharField(max_length=255, required=False, allow_blank=True)
    occurred = serializers.CharField(max_length=100, required=False, allow_blank=True)
    involved = serializers.CharField(max_length=2000, required=False, allow_blank=True)


class PublicReportSerializer(ReportSerializer):
    contact_name = serializers.CharField(max_length=120, required=False, allow_blank=True)
    contact_email = serializers.EmailField(required=False, allow_blank=True)


class PartnerReportSerializer(ReportSerializer):
    partner_reference = serializers.CharField(max_length=100)


class InternalReportSerializer(ReportSerializer):
    team = serializers.CharField(max_length=120, required=False, allow_blank=True)
    shielded = serializers.BooleanField(default=False)


class ReceiptSerializer(serializers.Serializer):
    receipt_code = serializers.CharField()
    secret = serializers.CharField(help_text="Shown once; store it safely.")


class ReportCreatedSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    signal = serializers.UUIDField(source="signal.uuid")


class PublicReportAPI(APIView):
    """File a report without logging in; answers with the receipt code and secret, once."""

    authentication_classes: list = []
    permission_classes = [permissions.AllowAny]

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Cache-Control"] = "no-store"  # the secret is in the answer
        return response

    @extend_schema(request=PublicReportSerializer, responses={201: ReceiptSerializer})
    def post(self, request):
        data = PublicReportSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        if not throttle.submission_allowed():
            raise Throttled(wait=60)
        receipt = services.report_submit_public(**data.validated_data)
        body = {"receipt_code": receipts.format_code(receipt.code), "secret": receipt.secret}
        return Response(ReceiptSerializer(body).data, status=status.HTTP_201_CREATED)


class InternalReportAPI(APIView):
    """The intern meldpunt for staff."""

    @extend_schema(request=InternalReportSerializer, responses={201: ReportCreatedSerializer})
    def post(self, request):
        data = InternalReportSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        report = services.report_submit_staff(
            actor=request.user, channel=Channel.INTERNAL, **data.validated_data
        )
        return Response(ReportCreatedSerializer(report).data, status=status.HTTP_201_CREATED)


class PartnerReportAPI(APIView):
    """Signals from partners (police, RIEC, housing corporation ...), with their reference."""

    @extend_schema(request=PartnerReportSerializer, responses={201: ReportCreatedSerializer})
    def post(self, request):
        if not request.user.has_perm(PARTNER_PERMISSION):
            raise NotFound
        data = PartnerReportSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        report = services.report_submit_staff(
            actor=request.user, channel=Channel.PARTNER, **data.validated_data
        )
        return Response(ReportCreatedSerializer(report).data, status=status.HTTP_201_CREATED)
