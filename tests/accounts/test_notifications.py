"""The inbox: kinds and targets, repeats collapsed, once-only keys, e-mail for who asked for
it (reference and link only), and the page: unread first, mark one or all read."""

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import UserFactory, login
from weerbaar.accounts.models import Notification, NotificationSent
from weerbaar.accounts.services import notify

pytestmark = pytest.mark.django_db

TASK = "task_assigned"


def _tell(user, target="C-2026-0007", text="Taak voor u in zaak C-2026-0007", **extra):
    return notify(users=[user], text=text, url="/casussen/x/", kind=TASK, target=target, **extra)


def test_a_repeat_while_unread_updates_the_one_message(regisseur):
    _tell(regisseur, text="eerste")
    first = Notification.objects.get()
    _tell(regisseur, text="tweede")
    _tell(regisseur, text="derde")
    note = Notification.objects.get()
    assert (note.pk, note.count, note.text, note.kind) == (first.pk, 3, "derde", TASK)
    assert note.last_at >= first.last_at
    page = login(regisseur).get(reverse("accounts:inbox")).content.decode()
    assert "derde" in page and "(3×)" in page


def test_after_reading_a_repeat_is_a_new_message(regisseur):
    _tell(regisseur)
    Notification.objects.update(read_at="2026-01-01T00:00:00Z")
    _tell(regisseur)
    assert sorted(Notification.objects.values_list("count", flat=True)) == [1, 1]


def test_other_targets_kinds_and_users_do_not_collapse(regisseur, behandelaar):
    _tell(regisseur, target="C-2026-0007")
    _tell(regisseur, target="C-2026-0008")
    notify(users=[regisseur], text="x", kind="action_assigned", target="C-2026-0007")
    _tell(behandelaar)
    assert Notification.objects.filter(user=regisseur).count() == 3
    # Plain messages (an agenda sent) have no target and never collapse.
    notify(users=[regisseur], text="Agenda")
    notify(users=[regisseur], text="Agenda")
    assert Notification.objects.filter(user=regisseur, text="Agenda").count() == 2


def test_a_key_sent_once_is_not_sent_again(regisseur):
    assert _tell(regisseur, once="deadline:1:near") == 1
    assert _tell(regisseur, once="deadline:1:near") == 0
    assert Notification.objects.get().count == 1
    assert NotificationSent.objects.filter(user=regisseur).count() == 1


def test_inactive_users_and_doubles_are_skipped(regisseur, deactivated):
    assert notify(users=[regisseur, regisseur, deactivated, None], text="x") == 1


def test_mail_only_for_who_asked_with_reference_and_link(settings, regisseur, behandelaar):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = "https://weerbaar.weerdam.nl"
    regisseur.email, regisseur.email_notifications = "r@weerdam.nl", True
    regisseur.save()
    behandelaar.email = "b@weerdam.nl"  # has an address, did not ask
    behandelaar.save()
    with pytest.MonkeyPatch.context():
        from django.test import TestCase

        with TestCase.captureOnCommitCallbacks(execute=True):
            notify(
                users=[regisseur, behandelaar],
                text="Taak voor u in zaak C-2026-0007: bel Jan de Vries",
                url="/casussen/abc/",
                kind=TASK,
                target="C-2026-0007",
            )
    assert [m.to for m in mail.outbox] == [["r@weerdam.nl"]]
    sent = mail.outbox[0]
    assert sent.subject == "Taak toegewezen: C-2026-0007"
    assert "https://weerbaar.weerdam.nl/casussen/abc/" in sent.body
    assert "Jan de Vries" not in sent.subject + sent.body  # the inbox text stays inside


def test_the_preference_is_off_by_default_and_set_on_the_profile(client, regisseur):
    assert UserFactory().email_notifications is False
    client.force_login(regisseur)
    profile = client.get(reverse("accounts:profile")).content.decode()
    assert "Stuur mijn berichten ook naar mijn e-mailadres" in profile
    response = client.post(reverse("accounts:notifications"), {"email_notifications": "on"})
    assert response.status_code == 302
    regisseur.refresh_from_db()
    assert regisseur.email_notifications is True
    client.post(reverse("accounts:notifications"), {})
    regisseur.refresh_from_db()
    assert regisseur.email_notifications is False


def test_inbox_lists_unread_first_marked_in_words(client, regisseur):
    _tell(regisseur, target="C-2026-0001", text="oud bericht")
    Notification.objects.update(read_at="2026-01-01T00:00:00Z")
    _tell(regisseur, target="C-2026-0002", text="nieuw bericht")
    client.force_login(regisseur)
    page = client.get(reverse("accounts:inbox")).content.decode()
    assert page.index("nieuw bericht") < page.index("oud bericht")
    assert "<strong>Nieuw</strong>" in page and "Gelezen" in page
    assert "1 ongelezen bericht" in page
    # Looking is not reading: the message stays new until it is marked.
    assert Notification.objects.filter(read_at__isnull=True).count() == 1


def test_mark_one_read_and_never_someone_elses(client, regisseur, behandelaar):
    _tell(regisseur, target="C-1")
    _tell(regisseur, target="C-2")
    _tell(behandelaar)
    mine = Notification.objects.filter(user=regisseur).order_by("id").first()
    theirs = Notification.objects.get(user=behandelaar)
    client.force_login(regisseur)
    response = client.post(reverse("accounts:inbox_read"), {"id": mine.pk, "pagina": "1"})
    assert response.status_code == 302 and response.url.endswith("?pagina=1")
    client.post(reverse("accounts:inbox_read"), {"id": theirs.pk})
    client.post(reverse("accounts:inbox_read"), {"id": "not-a-number"})
    unread = set(Notification.objects.filter(read_at__isnull=True).values_list("pk", flat=True))
    assert mine.pk not in unread and theirs.pk in unread and len(unread) == 2


def test_mark_all_read(client, regisseur, behandelaar):
    for n in range(3):
        _tell(regisseur, target=f"C-{n}")
    _tell(behandelaar)
    client.force_login(regisseur)
    client.post(reverse("accounts:inbox_read_all"))
    assert not Notification.objects.filter(user=regisseur, read_at__isnull=True).exists()
    assert Notification.objects.filter(user=behandelaar, read_at__isnull=True).exists()
    page = client.get(reverse("accounts:inbox")).content.decode()
    assert "Alles als gelezen markeren" not in page


def test_inbox_pages_and_empty_state(client, regisseur):
    client.force_login(regisseur)
    assert "U heeft geen berichten." in client.get(reverse("accounts:inbox")).content.decode()
    for n in range(30):
        _tell(regisseur, target=f"C-{n}")
    first = client.get(reverse("accounts:inbox"))
    assert len(first.context["page"].object_list) == 25
    second = client.get(reverse("accounts:inbox") + "?pagina=2")
    assert len(second.context["page"].object_list) == 5
    assert "Pagina 2 van 2" in second.content.decode()
