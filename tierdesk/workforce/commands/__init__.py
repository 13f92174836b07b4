"""Command-line front ends of the planning maths, one module per command.

Each module defines ``HELP`` (one line), ``add_arguments(parser)`` and
``run(args) -> int`` (the exit status).
"""
