"""--if-empty does nothing on a non-empty database; a second load is refused; bad sizes too."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.demo.loader import DemoAlreadyLoaded, DemoError, DemoSummary, load_demo
from tierdesk.tickets.models import Ticket


def test_if_empty_is_a_no_op_when_tickets_exist(db: None) -> None:
    factories.ticket(factories.customer("someone"))
    out = StringIO()
    call_command("demo", "--if-empty", stdout=out)
    assert "not loaded" in out.getvalue()
    assert Ticket.objects.count() == 1
    assert not User.objects.filter(username="demo-l1").exists()


def test_if_empty_loads_an_empty_database(db: None) -> None:
    out = StringIO()
    call_command("demo", "--if-empty", "--months", "1", "--scale", "0.05", stdout=out)
    assert Ticket.objects.count() > 10
    text = out.getvalue()
    assert "demo-l1" in text and "password for all: demo" in text


def test_second_load_refused_and_nothing_changed(small_demo: DemoSummary) -> None:
    before = Ticket.objects.count()
    with pytest.raises(DemoAlreadyLoaded, match="loaded already"):
        load_demo(months=1, scale=0.05)
    with pytest.raises(CommandError, match="loaded already"):
        call_command("demo", "--months", "1", "--scale", "0.05", stdout=StringIO())
    assert Ticket.objects.count() == before


@pytest.mark.parametrize(("months", "scale"), [(0, 1.0), (37, 1.0), (1, 0.0), (1, -2.0)])
def test_bad_sizes_refused(db: None, months: int, scale: float) -> None:
    with pytest.raises(DemoError, match="must be"):
        load_demo(months=months, scale=scale)
    assert not User.objects.exists()
