from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation

from weerbaar.interventions.digest import send_digest


class Command(BaseCommand):
    help = "Deadline tools: 'digest' mails each owner the deadlines due within a week or overdue."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["digest"])
        parser.add_argument("--days", type=int, default=7)
        parser.add_argument(
            "--base-url", default="", help="the application's address, for the link in the mail"
        )

    def handle(self, *args, action, days, base_url, **options):
        # The mails are read by officials: in the interface's language, not the command's.
        with translation.override(settings.LANGUAGE_CODE):
            sent, listed = send_digest(days=days, base_url=base_url.rstrip("/"))
        self.stdout.write(f"{sent} digest mails sent, {listed} deadlines listed.")
