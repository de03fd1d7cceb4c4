"""The `ivp` command: Django's management commands under one name.

Examples: `ivp migrate`, `ivp load_regions`, `ivp load_demo`, `ivp runserver`.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ivp.conf.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["ivp", *(argv if argv is not None else sys.argv[1:])])


if __name__ == "__main__":
    main()
