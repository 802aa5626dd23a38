"""Plumbing shared by the apps' API modules."""

from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser


class BoundedJSONParser(JSONParser):
    """JSON nested deeper than Python's recursion limit is a bad request, not a crash.
    The default parser of every API route (``REST_FRAMEWORK`` in settings)."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(_("The JSON is nested too deeply.")) from None


def query_params(request, serializer_class: type[serializers.Serializer]) -> dict:
    """The request's query parameters checked by ``serializer_class``: an unknown value of
    a filter answers 400 naming the parameter, instead of being silently ignored. Pass the
    same class to ``extend_schema(parameters=[...])`` so the schema lists what is checked."""
    checked = serializer_class(data=request.query_params)
    checked.is_valid(raise_exception=True)
    return {k: v for k, v in checked.validated_data.items() if v is not None}
