"""Chat concurrency, shrinkage to FTE and the per-interval staffing table."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tierdesk.workforce import erlang
from tierdesk.workforce.staffing import (
    Queue,
    Shrinkage,
    chat_required_agents,
    fte,
    paid_hours,
    staffing_table,
)


def test_chat_agents_are_slots_divided_by_concurrency() -> None:
    traffic = np.array([3.0, 20.0, 55.0])
    slots = erlang.required_agents(traffic, 600, 0.8, 60)
    agents = chat_required_agents(traffic, 3, 600, 0.8, 60)
    assert agents.tolist() == [-(-s // 3) for s in slots]
    assert np.all(agents * 3 >= slots)


def test_shrinkage_turns_agents_into_fte_and_paid_hours() -> None:
    shrinkage = Shrinkage(breaks=0.1, training=0.05, absence=0.05, holidays=0.1)
    assert shrinkage.total == pytest.approx(0.3)
    assert fte([14, 7], shrinkage).tolist() == pytest.approx([20.0, 10.0])
    assert paid_hours([14, 7], 1800, 0.3) == pytest.approx(15.0)
    with pytest.raises(ValueError):
        Shrinkage(breaks=0.6, absence=0.5)


def test_table_from_a_series_with_a_closed_gap() -> None:
    index = pd.date_range("2024-01-01 08:00", periods=4, freq="15min").append(
        pd.date_range("2024-01-01 10:00", periods=4, freq="15min")
    )
    arrivals = pd.Series([30.0, 30, 30, 30, 60, 60, 60, 60], index=index)
    table = staffing_table(arrivals, Queue(aht_seconds=240, shrinkage=0.25), interval="30min")
    frame = table.to_frame()
    assert list(frame["contacts"]) == [60, 60, 0, 0, 120, 120]
    assert frame["traffic_erlangs"].iloc[0] == pytest.approx(60 * 240 / 1800)
    assert frame["agents"].iloc[0] == erlang.required_agents(8.0, 240, 0.8, 20)
    assert (frame["service_level"].iloc[[0, 1, 4, 5]] >= 0.8).all()
    assert frame["fte"].iloc[4] == pytest.approx(frame["agents"].iloc[4] / 0.75)


def test_table_for_chat_email_and_erlang_a() -> None:
    arrivals = np.array([40.0, 80.0, 0.0, 20.0])
    chat = staffing_table(arrivals, Queue(aht_seconds=600, channel="chat", concurrency=2))
    assert np.all(chat.service_level[chat.agents > 0] >= 0.8)
    email = staffing_table(arrivals, Queue(aht_seconds=300, channel="email", deadline_hours=2))
    assert np.isnan(email.service_level).all()
    assert email.agents.sum() > 0
    patient = staffing_table(arrivals, Queue(aht_seconds=240, patience_seconds=120))
    assert np.all(patient.service_level[patient.contacts > 0] >= 0.8)
