from weerbaar.demo.command_demo_data import Command  # noqa: F401 - the command lives there
