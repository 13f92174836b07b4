"""Mail ingestion throughput: messages per second through the SMTP listener into tickets.

Run: ``python bench/bench_mail_ingest.py [--messages 300]``. For each database
(SQLite in a fresh temporary directory; PostgreSQL at ``BENCH_POSTGRES_URL``,
default ``postgres://postgres@127.0.0.1:5432/tierdesk_bench``, recreated) a
child process migrates, starts the real listener (``tierdesk smtpd``'s
handler) on a free port, sends the messages with ``smtplib`` over one
connection, and runs the real task worker until every message is a ticket.
Acknowledgements go to Django's in-memory mail backend, so no mail server is
timed.

Printed per database: the listener's accept rate (stored and queued, "250"
given), the end-to-end rate (sent until every message is a ticket), and two
baselines from the same run: ``parse_mail`` alone on the same messages, and
``ticket_create`` called directly with the same content. The ratio
end-to-end / direct says what storing first, the task queue, threading and
loop checks cost on top of creating the ticket.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/tierdesk_bench"


def _messages(count: int) -> list[bytes]:
    from email.message import EmailMessage
    from email.policy import SMTP

    mails = []
    for number in range(count):
        mail = EmailMessage()
        mail["From"] = f"Kunde {number % 50} <kunde{number % 50}@example.com>"
        mail["To"] = "support@tierdesk.localhost"
        mail["Subject"] = f"Bestellung {10000 + number}: Lieferung fehlt"
        mail["Message-ID"] = f"<bench-{number}-{time.time_ns()}@example.com>"
        mail.set_content(
            "Guten Tag,\n\nmeine Bestellung ist noch nicht angekommen. "
            "Können Sie bitte nachsehen?\n\nMit freundlichen Grüßen\nKunde\n"
        )
        mail.add_alternative(
            "<p>Guten Tag,</p><p>meine Bestellung ist <b>noch nicht</b> angekommen.</p>",
            subtype="html",
        )
        mails.append(mail.as_bytes(policy=SMTP))
    return mails


def _child(count: int) -> dict[str, float]:
    """Runs inside the child process, with DATABASE_URL set for one database."""
    import smtplib
    import socket

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from django.db import connection

    from tierdesk.channels.mime import parse_mail
    from tierdesk.channels.models import InboundMail, InboundState, Mailbox
    from tierdesk.channels.smtp import make_controller
    from tierdesk.customers.services import customer_get_or_create_by_email
    from tierdesk.teams.models import Team
    from tierdesk.tickets.models import Ticket
    from tierdesk.tickets.services import ticket_create

    Mailbox.objects.get_or_create(
        name="Support",
        defaults={
            "addresses": "support@tierdesk.localhost",
            "team": Team.objects.get(slug="support"),
        },
    )
    mails = _messages(count)

    started = time.perf_counter()
    parsed = [parse_mail(raw) for raw in mails]
    parse_seconds = time.perf_counter() - started

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = make_controller("127.0.0.1", port, data_size_limit=2**24)
    controller.start()
    try:
        tickets_before = Ticket.objects.count()
        started = time.perf_counter()
        with smtplib.SMTP("127.0.0.1", port) as client:
            for raw in mails:
                client.sendmail("kunde@example.com", ["support@tierdesk.localhost"], raw)
        accept_seconds = time.perf_counter() - started
        while InboundMail.objects.filter(state=InboundState.RECEIVED).exists():
            call_command("db_worker", batch=True, startup_delay=False, interval=0, verbosity=0)
        end_to_end_seconds = time.perf_counter() - started
    finally:
        controller.stop()
    assert Ticket.objects.count() - tickets_before == count, "every message must be a ticket"
    assert not InboundMail.objects.filter(state=InboundState.FAILED).exists()

    team = Team.objects.get(slug="support")
    started = time.perf_counter()
    for mail in parsed:
        requester = customer_get_or_create_by_email(email=mail.from_email)
        ticket_create(
            requester=requester,
            subject=mail.subject,
            body=mail.body_html or mail.body_text,
            channel="email",
            team=team,
            actor=requester,
        )
    direct_seconds = time.perf_counter() - started
    return {
        "vendor": connection.vendor,
        "messages": count,
        "parse_per_second": count / parse_seconds,
        "accept_per_second": count / accept_seconds,
        "end_to_end_per_second": count / end_to_end_seconds,
        "direct_ticket_create_per_second": count / direct_seconds,
    }


def _fresh_postgres(url: str) -> bool:
    """Drop and create the benchmark database; False if the server is not there."""
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    try:
        with psycopg.connect(admin_url, autocommit=True, connect_timeout=5) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as error:
        print(f"PostgreSQL not reachable at {admin_url}: {error}".strip())
        return False
    return True


def _run(label: str, database_url: str, count: int, var_dir: str) -> dict[str, float] | None:
    environment = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="tierdesk.settings",
        DATABASE_URL=database_url,
        TIERDESK_VAR_DIR=var_dir,
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        TIERDESK_TESTING="1",
        PYTHONPATH=str(ROOT),
    )
    completed = subprocess.run(
        [sys.executable, __file__, "--child", "--messages", str(count)],
        env=environment,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if completed.returncode != 0:
        print(f"{label}: failed\n{completed.stderr[-3000:]}")
        return None
    return dict(json.loads(completed.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=300)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        print(json.dumps(_child(arguments.messages)))
        return
    results = []
    with tempfile.TemporaryDirectory() as var_dir:
        sqlite_url = f"sqlite:///{var_dir}/bench.sqlite3"
        results.append(("SQLite", _run("SQLite", sqlite_url, arguments.messages, var_dir)))
        postgres_url = os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES)
        if _fresh_postgres(postgres_url):
            results.append(
                ("PostgreSQL", _run("PostgreSQL", postgres_url, arguments.messages, var_dir))
            )
    print(f"{arguments.messages} messages (multipart/alternative, 50 senders), one SMTP connection")
    header = f"{'database':<11}{'parse/s':>10}{'accept/s':>10}{'e2e/s':>9}{'direct/s':>10}"
    print(header + f"{'e2e/direct':>12}{'e2e/parse':>11}")
    for label, result in results:
        if result is None:
            continue
        print(
            f"{label:<11}{result['parse_per_second']:>10.0f}{result['accept_per_second']:>10.1f}"
            f"{result['end_to_end_per_second']:>9.1f}{result['direct_ticket_create_per_second']:>10.1f}"
            f"{result['end_to_end_per_second'] / result['direct_ticket_create_per_second']:>12.2f}"
            f"{result['end_to_end_per_second'] / result['parse_per_second']:>11.4f}"
        )


if __name__ == "__main__":
    main()
