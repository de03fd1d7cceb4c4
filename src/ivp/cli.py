"""The `ivp` command: Django's management commands under one name.

Examples: `ivp migrate`, `ivp load_regions`, `ivp load_demo`, `ivp runserver`. Two words name
one command where that reads better: `ivp plan import FILE` is `ivp plan_import FILE`, `ivp
actions import FILE` is `ivp actions_import FILE`.
"""

import os
import sys

TWO_WORDS = {("plan", "import"): "plan_import", ("actions", "import"): "actions_import"}


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ivp.conf.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["ivp", *command_words(argv if argv is not None else sys.argv[1:])])


def command_words(argv: list[str]) -> list[str]:
    if len(argv) >= 2 and (argv[0], argv[1]) in TWO_WORDS:
        return [TWO_WORDS[argv[0], argv[1]], *argv[2:]]
    return list(argv)


if __name__ == "__main__":
    main()
