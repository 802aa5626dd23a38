"""One way to submit a form to a service (#13): a stale page answers 409 with what was typed
kept, a refusal answers the form again with the Dutch message next to its field."""

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.urls import reverse

from weerbaar.core.forms import form_submit
from weerbaar.core.locking import STALE, is_stale, lock_current
from weerbaar.signals import services
from weerbaar.signals.constants import Channel
from weerbaar.signals.models import Signal


class NoteForm(forms.Form):
    text = forms.CharField()


def _answer(call, data):
    seen = {}

    def again(form, status):
        seen["form"] = form
        return HttpResponse(status=status)

    response = form_submit(
        NoteForm(data), call, done=lambda result: HttpResponse(result), again=again
    )
    return response, seen.get("form")


def test_success_answers_with_what_the_service_returned():
    response, form = _answer(lambda d: d["text"].upper(), {"text": "klaar"})
    assert (response.status_code, response.content, form) == (200, b"KLAAR", None)


def test_an_invalid_form_is_shown_again_without_calling_the_service():
    def never(_data):
        raise AssertionError("the service must not be called")

    response, form = _answer(never, {})
    assert response.status_code == 200 and form.errors["text"]


def test_a_refusal_goes_next_to_its_field_and_keeps_what_was_typed():
    def refuse(_data):
        raise ValidationError({"text": "Deze tekst mag niet."})

    response, form = _answer(refuse, {"text": "getypt"})
    assert response.status_code == 200
    assert form.errors["text"] == ["Deze tekst mag niet."] and form["text"].value() == "getypt"


def test_a_stale_page_answers_conflict_and_keeps_what_was_typed():
    def stale(_data):
        raise ValidationError("Iemand anders was u voor.", code=STALE)

    response, form = _answer(stale, {"text": "getypt"})
    assert response.status_code == 409
    assert form.non_field_errors() == ["Iemand anders was u voor."]
    assert form["text"].value() == "getypt"


@pytest.mark.django_db
def test_lock_current_refuses_an_old_version_only():
    signal = services.signal_create(actor=None, channel=Channel.INTERNAL, description="x" * 30)
    assert lock_current(Signal.objects, pk=signal.pk, version=signal.version, message="m") == signal
    assert lock_current(Signal.objects, pk=signal.pk, version=None, message="m") == signal
    with pytest.raises(ValidationError) as refused:
        lock_current(Signal.objects, pk=signal.pk, version=signal.version + 1, message="m")
    assert is_stale(refused.value)
    assert not is_stale(ValidationError({"text": "gewoon geweigerd"}))


@pytest.mark.django_db
def test_a_refused_merge_is_shown_on_the_form_and_a_stale_one_is_a_conflict(client, regisseur):
    source = services.signal_create(actor=None, channel=Channel.INTERNAL, description="x" * 30)
    target = services.signal_create(actor=None, channel=Channel.INTERNAL, description="y" * 30)
    services.signal_set_status(actor=regisseur, signal=target, status="closed", reason="klaar")
    client.force_login(regisseur)
    url = reverse("signals:merge", args=[source.uuid])
    data = {"version": source.version, "target": target.uuid, "reason": "dubbel gemeld"}
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert "niet worden samengevoegd met een afgesloten signaal" in refused.content.decode()
    stale = client.post(url, {**data, "version": source.version + 1})
    assert stale.status_code == 409 and "Iemand anders heeft" in stale.content.decode()
