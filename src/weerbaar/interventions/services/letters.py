"""Writes of the letters: making one (stored in the case's documents, a new version each
time it is made again) and the beheerder's paragraph texts."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from weerbaar.accounts.models import User
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.cases.models import DocumentKind
from weerbaar.cases.services import document_add
from weerbaar.core.uploads import CleanFile
from weerbaar.interventions import letters
from weerbaar.interventions.letters.texts import check
from weerbaar.interventions.models import Intervention, LetterDocument, LetterText


@transaction.atomic
def letter_make(*, actor: User, intervention: Intervention, kind: str, fmt: str):
    """Make the letter as it stands now and keep it in the case's documents; the document
    version is returned. Refused (in Dutch) before the procedure reached the letter's step."""
    if fmt not in letters.CONTENT_TYPES:
        raise ValidationError({"fmt": _("Choose PDF or Word.")})
    # The row lock makes two officers making the same letter at once add two versions of
    # one document, not two documents.
    i = (
        Intervention.objects.select_for_update()
        .select_related("instrument", "case")
        .get(pk=intervention.pk)
    )
    refused = letters.refusal(i, kind)
    if refused:
        raise ValidationError(refused)
    data = letters.render(i, kind, fmt)
    record = LetterDocument.objects.filter(intervention=i, kind=kind, fmt=fmt).first()
    title = f"{letters.KINDS[kind].title}: {i.instrument.name}"
    version = document_add(
        actor=actor,
        case=i.case,
        clean=CleanFile(f"{i.case.reference} {kind}.{fmt}", letters.CONTENT_TYPES[fmt], data),
        title=title[:200],
        kind=DocumentKind.LETTER,
        document=record.document if record else None,
    )
    if record is None:
        LetterDocument.objects.create(intervention=i, kind=kind, fmt=fmt, document=version.document)
    audit_record(
        actor=actor,
        action=AuditAction.LETTER_GENERATED,
        obj=i.case,
        # The case's timeline shows this beside who made it: which letter, which file.
        purpose=version.file_name,
        new={
            "intervention": str(i.uuid),
            "letter": kind,
            "format": fmt,
            "document": str(version.document.uuid),
            "version": version.number,
        },
    )
    return version


def _check_all(kind: str, texts: dict) -> None:
    errors = {}
    for key, text in texts.items():
        try:
            check(text, letters.KINDS[kind].paragraph(key).names)
        except ValidationError as exc:
            errors[key] = exc.messages
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def letter_texts_save(*, actor: User, kind: str, texts: dict[str, str]) -> None:
    """Keep the beheerder's texts of a letter's paragraphs; a text equal to the built-in one
    is no own text. A placeholder the paragraph does not offer is refused."""
    spec = letters.KINDS[kind]
    _check_all(kind, texts)
    own = letters.own_texts(kind)
    old, new = {}, {}
    for key, text in texts.items():
        text = text.strip()
        built_in = str(spec.paragraph(key).default)
        if text == own.get(key, built_in):
            continue
        old[key], new[key] = own.get(key, built_in), text
        if text == built_in:
            LetterText.objects.filter(kind=kind, key=key).delete()
        else:
            LetterText.objects.update_or_create(kind=kind, key=key, defaults={"text": text})
    if new:
        audit_record(
            actor=actor,
            action=AuditAction.LETTER_TEXT_CHANGED,
            old={"letter": kind, **old},
            new={"letter": kind, **new},
        )


@transaction.atomic
def letter_texts_restore(*, actor: User, kind: str) -> int:
    """Put back the built-in texts of every paragraph of a letter; how many were own."""
    own = letters.own_texts(kind)
    LetterText.objects.filter(kind=kind).delete()
    audit_record(
        actor=actor,
        action=AuditAction.LETTER_TEXT_CHANGED,
        old={"letter": kind, **own},
        new={"letter": kind, "restored": True},
    )
    return len(own)
