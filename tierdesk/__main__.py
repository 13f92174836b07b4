"""The ``tierdesk`` console command.

Planning commands (``plan``, ``forecast``, ``simulate``) run without Django or a
database, so a planner can use them on a CSV alone; everything else is Django's
management interface (``tierdesk migrate``, ``tierdesk demo``, ``tierdesk runserver`` …).
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    from tierdesk.workforce.cli import PLANNING_COMMANDS, run_planning_command

    if len(argv) > 1 and argv[1] in PLANNING_COMMANDS:
        return run_planning_command(argv[1], argv[2:])

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tierdesk.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
