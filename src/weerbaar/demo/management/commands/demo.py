import signal

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.module_loading import autodiscover_modules
from huey.contrib.djhuey import HUEY

from weerbaar.demo.command_demo_data import print_logins
from weerbaar.demo.users import passwords
from weerbaar.subjects.models import Subject


def register_tasks() -> None:
    """Import every app's ``tasks`` module, so each periodic task is registered with huey."""
    autodiscover_modules("tasks")


class Command(BaseCommand):
    help = "Prepare the demo database (migrate, load the demo municipality once) and serve it."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--scale", type=float, default=1.0)
        parser.add_argument("--addrport", default="127.0.0.1:8000")
        parser.add_argument("--no-serve", action="store_true")

    def handle(self, *args, seed, scale, addrport, no_serve, **options):
        call_command("migrate", interactive=False, verbosity=0)
        if Subject.objects.exists():
            self.stdout.write("Demo municipality already loaded.")
            print_logins(self.stdout, passwords(seed))
        else:
            call_command("demo-data", seed=seed, scale=scale)
        if not no_serve:
            # One process for the demo: the background worker (imports and scans started
            # from a page) runs in threads beside the web server and stops with it.
            # The periodic upkeep too (the file sweep, retention, the audit anchor, the weekly
            # report), as an installation's worker does: its tasks modules load first, as
            # `run_huey` loads them, or the consumer would know only those a page imported.
            register_tasks()
            consumer = HUEY.create_consumer(workers=1, worker_type="thread", periodic=True)
            handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
            consumer.start()
            for sig, handler in handlers.items():  # the consumer's own are for its run loop
                signal.signal(sig, handler)
            self.stdout.write(f"\nServing Weerbaar on http://{addrport}/ (Ctrl+C stops).")
            try:
                call_command("runserver", addrport, use_reloader=False)
            finally:
                consumer.stop()
