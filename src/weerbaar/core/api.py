"""Plumbing shared by the apps' API modules."""

from rest_framework import serializers


def query_params(request, serializer_class: type[serializers.Serializer]) -> dict:
    """The request's query parameters checked by ``serializer_class``: an unknown value of
    a filter answers 400 naming the parameter, instead of being silently ignored. Pass the
    same class to ``extend_schema(parameters=[...])`` so the schema lists what is checked."""
    checked = serializer_class(data=request.query_params)
    checked.is_valid(raise_exception=True)
    return {k: v for k, v in checked.validated_data.items() if v is not None}
