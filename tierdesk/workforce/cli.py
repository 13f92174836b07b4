"""Dispatch of the planning commands that work without a database."""

from __future__ import annotations

import argparse
import importlib
from types import ModuleType

PLANNING_COMMANDS: dict[str, str] = {
    "plan": "tierdesk.workforce.commands.plan",
    "forecast": "tierdesk.workforce.commands.forecast",
    "simulate": "tierdesk.workforce.commands.simulate",
}


def _command_module(name: str) -> ModuleType:
    return importlib.import_module(PLANNING_COMMANDS[name])


def run_planning_command(name: str, argv: list[str]) -> int:
    """Parse ``argv`` for the planning command ``name`` and run it."""
    module = _command_module(name)
    parser = argparse.ArgumentParser(prog=f"tierdesk {name}", description=module.HELP)
    module.add_arguments(parser)
    args = parser.parse_args(argv)
    status: int = module.run(args)
    return status
