"""The demo's embedded worker knows every periodic task of the apps, not only those a page
happened to import: retention, the audit anchor, the file sweep, the weekly report."""

from huey.contrib.djhuey import HUEY

from weerbaar.demo.management.commands.demo import register_tasks


def test_the_demo_worker_registers_every_periodic_task():
    register_tasks()
    names = {task.__name__ for task in HUEY._registry._periodic_tasks}
    for task in ("retention_daily", "audit_daily", "unusual_access_weekly"):
        assert task in names, (task, names)
