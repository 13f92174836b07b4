"""Mail is fetched from a real IMAP server: a private Dovecot (Debian's dovecot-imapd)."""

from __future__ import annotations

import grp
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from imapclient import IMAPClient
from imapclient.exceptions import LoginError

from tests.channels.conftest import Sink, free_port, make_mail, run_worker
from tierdesk.channels.imap import imap_poll_mailbox
from tierdesk.channels.models import InboundMail
from tierdesk.tickets.models import Ticket

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
PASSWORD = "imap-secret"


def _service_users() -> tuple[str, str, str]:
    """Dovecot refuses to run its login processes as root: use the package's own users."""
    uid, gid = os.getuid(), os.getgid()
    if uid == 0:
        return "dovenull", "dovecot", grp.getgrgid(pwd.getpwnam("dovecot").pw_gid).gr_name
    return pwd.getpwuid(uid).pw_name, pwd.getpwuid(uid).pw_name, grp.getgrgid(gid).gr_name


def _config(root: Path, port: int) -> Path:
    login_user, internal_user, group = _service_users()
    # Dovecot stores mail as an unprivileged user; as root, that is the package's own.
    owner = pwd.getpwnam(internal_user) if os.getuid() == 0 else pwd.getpwuid(os.getuid())
    uid, gid = owner.pw_uid, owner.pw_gid
    for folder in ("mail", "home", "run"):
        (root / folder).mkdir()
    for folder in ("mail", "home"):
        os.chown(root / folder, uid, gid)
    (root / "passwd").write_text(f"support:{{PLAIN}}{PASSWORD}:{uid}:{gid}::{root}/home\n")
    config = root / "dovecot.conf"
    config.write_text(
        f"""
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
info_log_path = {root}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:{root}/mail/%u
first_valid_gid = 0
default_internal_user = {internal_user}
default_login_user = {login_user}
default_internal_group = {group}
first_valid_uid = 0
passdb {{
  driver = passwd-file
  args = scheme=PLAIN {root}/passwd
}}
userdb {{
  driver = passwd-file
  args = {root}/passwd
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
}}
service imap-login {{
  chroot =
}}
service pop3-login {{
  inet_listener pop3 {{
    port = 0
  }}
}}
"""
    )
    return config


@pytest.fixture
def dovecot() -> Iterator[int]:
    if not Path(DOVECOT).exists():
        pytest.fail(
            "Dovecot is not installed: install Debian's package 'dovecot-imapd' "
            "(apt-get install -y dovecot-imapd) to run the IMAP tests."
        )
    port = free_port()
    # Dovecot's unprivileged processes must reach its sockets and its passwd file,
    # so they live in a directory they may enter (pytest's tmp_path is private to us).
    run_dir = Path(tempfile.mkdtemp(prefix="tierdesk-dovecot-"))
    run_dir.chmod(0o755)
    config = _config(run_dir, port)
    # The daemon keeps its standard streams: give it a file, not a pipe we would wait on.
    with open(run_dir / "start.log", "w") as start_log:
        started = subprocess.run(
            [DOVECOT, "-c", str(config)],
            stdin=subprocess.DEVNULL,
            stdout=start_log,
            stderr=start_log,
        )
    assert started.returncode == 0, (run_dir / "start.log").read_text()
    try:
        deadline = time.monotonic() + 5
        while True:
            try:
                with IMAPClient("127.0.0.1", port=port, ssl=False, timeout=2) as client:
                    client.login("support", PASSWORD)
                break
            except (OSError, LoginError):
                if time.monotonic() > deadline:
                    log = (run_dir / "dovecot.log").read_text(errors="replace")
                    pytest.fail(f"Dovecot did not answer on port {port}:\n{log[-2000:]}")
                time.sleep(0.1)
        yield port
    finally:
        subprocess.run(
            [DOVECOT, "-c", str(config), "stop"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        shutil.rmtree(run_dir, ignore_errors=True)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_imap_poll_creates_tickets_once(mailbox, dovecot: int, smtp_sink: Sink) -> None:  # type: ignore[no-untyped-def]
    mailbox.imap_host, mailbox.imap_port, mailbox.imap_use_ssl = "127.0.0.1", dovecot, False
    mailbox.imap_username, mailbox.imap_password = "support", PASSWORD
    mailbox.save()
    first = make_mail(sender="ida@example.com", subject="Über IMAP")
    second = make_mail(sender="jan@example.com", subject="Noch eine")
    with IMAPClient("127.0.0.1", port=dovecot, ssl=False) as client:
        client.login("support", PASSWORD)
        client.append("INBOX", first.as_bytes())
        client.append("INBOX", second.as_bytes())

    result = imap_poll_mailbox(mailbox)
    assert (result.fetched, result.stored, result.error) == (2, 2, "")
    run_worker()
    assert sorted(Ticket.objects.values_list("subject", flat=True)) == ["Noch eine", "Über IMAP"]
    assert len(smtp_sink.received) == 2

    # Seen messages are not fetched again; a re-appended copy is recognised by its Message-ID.
    assert imap_poll_mailbox(mailbox).fetched == 0
    with IMAPClient("127.0.0.1", port=dovecot, ssl=False) as client:
        client.login("support", PASSWORD)
        client.append("INBOX", first.as_bytes())
    again = imap_poll_mailbox(mailbox)
    assert (again.fetched, again.stored) == (1, 0)
    run_worker()
    assert Ticket.objects.count() == 2
    assert InboundMail.objects.count() == 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_wrong_password_is_recorded_on_the_mailbox(mailbox, dovecot: int) -> None:  # type: ignore[no-untyped-def]
    mailbox.imap_host, mailbox.imap_port, mailbox.imap_use_ssl = "127.0.0.1", dovecot, False
    mailbox.imap_username, mailbox.imap_password = "support", "wrong"
    mailbox.save()
    result = imap_poll_mailbox(mailbox)
    assert result.error
    mailbox.refresh_from_db()
    assert "LoginError" in mailbox.imap_last_error or "auth" in mailbox.imap_last_error.lower()
