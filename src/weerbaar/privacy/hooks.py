"""What the privacy app lends the apps below it: the check of a restriction of processing
(``core.restrictions``) and the terms of the requests of data subjects on the deadline
overview (``core.deadline_board``)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from weerbaar.core import deadline_board, restrictions
from weerbaar.privacy import selectors


def _rows(user):
    if not selectors.may_handle(user):
        return []
    return [
        deadline_board.Row(
            due_on=r.due_on,
            label=r.get_kind_display(),
            reference=r.reference,
            url=reverse("privacy:request", args=[r.uuid]),
        )
        for r in selectors.open_requests()
    ]


def register() -> None:
    restrictions.register(selectors.is_restricted)
    deadline_board.register(
        "privacy",
        title=_("Requests of data subjects"),
        shown=selectors.may_handle,
        rows=_rows,
    )
