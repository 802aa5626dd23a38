from weerbaar.demo.management.commands.demo_data_impl import Command  # noqa: F401
