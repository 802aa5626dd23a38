"""The reporting inflows as API endpoints: public (no login), internal and partner."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions, serializers, status
from rest_framework.exceptions import APIException, NotFound, ParseError, Throttled
from rest_framework.response import Response
from rest_framework.views import APIView

from weerbaar.intake import receipts, services, start_tokens
from weerbaar.intake.constants import PARTNER_PERMISSION
from weerbaar.intake.forms import (
    EXPIRED_MESSAGE,
    HONEYPOT_MESSAGE,
    KEY_PATTERN,
    TOO_FAST_MESSAGE,
)
from weerbaar.signals.constants import Channel
from weerbaar.signals.models import Phenomenon


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
    started = serializers.CharField(
        max_length=200, write_only=True, help_text="The start token of GET /api/v1/meldingen/."
    )
    website = serializers.CharField(
        max_length=200, required=False, allow_blank=True, help_text="Leave empty."
    )

    def validate(self, attrs):
        if attrs.pop("website", ""):
            raise serializers.ValidationError(HONEYPOT_MESSAGE)
        try:
            attrs["start_nonce"] = start_tokens.check(attrs.pop("started"))
        except start_tokens.Expired:
            raise serializers.ValidationError({"started": [EXPIRED_MESSAGE]}) from None
        except start_tokens.TooFast:
            raise serializers.ValidationError({"started": [TOO_FAST_MESSAGE]}) from None
        return attrs


class StartSerializer(serializers.Serializer):
    started = serializers.CharField(help_text="Send it with the report, once.")


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


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("A request with this Idempotency-Key is still being handled.")


class KeyReused(APIException):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_detail = _("This Idempotency-Key was used for a report with other content.")


def _idempotency_key(request) -> str:
    key = request.headers.get("Idempotency-Key", "")
    if key and not KEY_PATTERN.fullmatch(key):
        raise ParseError(_("Idempotency-Key: 16 to 128 letters, digits, '-' or '_'."))
    return key


def _refused(reason: str) -> APIException:
    if reason == services.Refused.BUSY:
        return Throttled(wait=60)
    if reason == services.Refused.IN_PROGRESS:
        return Conflict()
    if reason == services.Refused.CONFLICT:
        return KeyReused()
    return serializers.ValidationError({"started": [_("This start token has been used.")]})


class PublicReportAPI(APIView):
    """File a report without logging in; answers with the receipt code and secret, once.

    GET gives a start token to send with the report: one token makes one report, and not
    sooner than a person could write it. A retry with the same ``Idempotency-Key`` header
    and content answers with the first receipt (within an hour) instead of a second report.
    """

    authentication_classes: list = []
    permission_classes = [permissions.AllowAny]

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Cache-Control"] = "no-store"  # the secret is in the answer
        return response

    @extend_schema(responses={200: StartSerializer})
    def get(self, request):
        return Response(StartSerializer({"started": start_tokens.issue()}).data)

    @extend_schema(
        request=PublicReportSerializer,
        responses={201: ReceiptSerializer},
        parameters=[
            OpenApiParameter(
                "Idempotency-Key", OpenApiTypes.STR, OpenApiParameter.HEADER, required=False
            )
        ],
    )
    def post(self, request):
        key = _idempotency_key(request)
        data = PublicReportSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            receipt = services.report_submit_public(idempotency_key=key, **data.validated_data)
        except services.Refused as refused:
            raise _refused(refused.reason) from None
        body = {"receipt_code": receipts.format_code(receipt.code), "secret": receipt.secret}
        response = Response(ReceiptSerializer(body).data, status=status.HTTP_201_CREATED)
        if receipt.retried:
            response["Idempotent-Replayed"] = "true"
        return response


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
