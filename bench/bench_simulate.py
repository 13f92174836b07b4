"""Benchmark: tierdesk's department simulator against Ciw and SimPy, then a year of a department.

Run with ``python bench/bench_simulate.py``. Two models, simulated by all three tools with
exponential arrivals and service (customers simulated per second of wall time, in this run):

* M/M/50 at 90 % load (mean service 60 s, 45 arrivals a minute);
* a three-tier chain L1 (20 agents) → L2 (8) → L3 (3), escalation 30 % and 20 %, loads of
  80 %, 75 % and 67 %.

Wall and CPU (process) times are both printed, as the machine may be shared. Every tool
runs once untimed (imports, caches) and then ``REPEATS`` times; the run with the median
CPU time is shown, and the ratios compare these median runs.

tierdesk is timed twice: forced onto the general event loop (``engine="events"``) and with
``engine="auto"``, which picks the exact FCFS station recursion for these models. Mean waits
per station are printed for a cross-check. Last, a whole year of a 300-agent department
(three teams, three levels, three channels, multi-skilled groups, half-hour shift plan)
goes through the general event loop.
"""

from __future__ import annotations

import platform
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

import ciw
import numpy as np
import simpy

from tierdesk.workforce import erlang
from tierdesk.workforce.simulate import (
    AgentGroup,
    ArrivalStream,
    DepartmentModel,
    Distribution,
    Routing,
    simulate,
)
from tierdesk.workforce.simulate_presets import single_queue, three_tier_chain


@dataclass(frozen=True)
class Network:
    name: str
    arrivals_per_second: float
    servers: tuple[int, ...]
    mean_service: tuple[float, ...]
    escalate: tuple[float, ...]  # probability of moving on after each station but the last
    horizon: float


REPEATS = 3
MM50 = Network("M/M/50, 90 % load", 45 / 60.0, (50,), (60.0,), (), 60_000.0)
CHAIN = Network("three tiers 20/8/3", 1 / 15.0, (20, 8, 3), (240.0, 300.0, 500.0),
                (0.3, 0.2), 600_000.0)  # fmt: skip


@dataclass(frozen=True)
class Run:
    customers: int
    seconds: float
    mean_waits: tuple[float, ...]
    cpu_seconds: float = float("nan")

    @property
    def rate(self) -> float:
        return self.customers / self.seconds


def _tierdesk(net: Network, engine: str) -> Run:
    if len(net.servers) == 1:
        model = single_queue(
            arrivals_per_second=net.arrivals_per_second,
            agents=net.servers[0],
            aht_seconds=net.mean_service[0],
            horizon_seconds=net.horizon,
        )
    else:
        model = three_tier_chain(
            arrivals_per_second=net.arrivals_per_second,
            agents=(net.servers[0], net.servers[1], net.servers[2]),
            aht_seconds=(net.mean_service[0], net.mean_service[1], net.mean_service[2]),
            escalate_l1=net.escalate[0],
            escalate_l2=net.escalate[1],
            horizon_seconds=net.horizon,
        )
    start = time.perf_counter()
    result = simulate(model, seed=1, engine=engine)
    elapsed = time.perf_counter() - start
    waits = tuple(t.mean_wait_seconds for t in result.tiers)
    return Run(result.contacts, elapsed, waits)


def _ciw(net: Network) -> Run:
    n = len(net.servers)
    routing = [[0.0] * n for _ in range(n)]
    for i, p in enumerate(net.escalate):
        routing[i][i + 1] = p
    network = ciw.create_network(
        arrival_distributions=[ciw.dists.Exponential(net.arrivals_per_second)] + [None] * (n - 1),
        service_distributions=[ciw.dists.Exponential(1.0 / m) for m in net.mean_service],
        routing=routing,
        number_of_servers=list(net.servers),
    )
    ciw.seed(1)
    start = time.perf_counter()
    sim = ciw.Simulation(network)
    sim.simulate_until_max_time(net.horizon)
    elapsed = time.perf_counter() - start
    records = sim.get_all_records()
    customers = len({r.id_number for r in records if r.node == 1})
    waits = tuple(
        float(np.mean([r.waiting_time for r in records if r.node == i + 1])) for i in range(n)
    )
    return Run(customers, elapsed, waits)


def _simpy(net: Network) -> Run:
    rng = random.Random(1)
    env = simpy.Environment()
    stations = [simpy.Resource(env, capacity=c) for c in net.servers]
    waits: list[list[float]] = [[] for _ in net.servers]
    count = [0]

    def customer(env: simpy.Environment) -> object:
        for i, station in enumerate(stations):
            arrived = env.now
            with station.request() as request:
                yield request
                waits[i].append(env.now - arrived)
                yield env.timeout(rng.expovariate(1.0 / net.mean_service[i]))
            if i == len(stations) - 1 or rng.random() >= net.escalate[i]:
                return

    def source(env: simpy.Environment) -> object:
        while True:
            yield env.timeout(rng.expovariate(net.arrivals_per_second))
            count[0] += 1
            env.process(customer(env))

    env.process(source(env))
    start = time.perf_counter()
    env.run(until=net.horizon)
    elapsed = time.perf_counter() - start
    return Run(count[0], elapsed, tuple(float(np.mean(w)) for w in waits))


def _compare(net: Network) -> None:
    runs: dict[str, Run] = {}
    tools: dict[str, Callable[[], Run]] = {
        "tierdesk events": lambda: _tierdesk(net, "events"),
        "tierdesk auto": lambda: _tierdesk(net, "auto"),
        "Ciw": lambda: _ciw(net),
        "SimPy": lambda: _simpy(net),
    }
    print(f"\n== {net.name}, {net.horizon:.0f} s simulated, median of {REPEATS} runs ==")
    for name, job in tools.items():
        job()  # warm-up, untimed
        timed = []
        for _ in range(REPEATS):
            cpu = time.process_time()
            r = job()
            timed.append(Run(r.customers, r.seconds, r.mean_waits, time.process_time() - cpu))
        runs[name] = r = sorted(timed, key=lambda run: run.cpu_seconds)[REPEATS // 2]
        waits = ", ".join(f"{w:7.2f}" for w in r.mean_waits)
        print(
            f"{name:16} {r.customers:>9} customers {r.seconds:7.2f} s "
            f"(CPU {r.cpu_seconds:6.2f} s) {r.rate:>9,.0f} customers/s   "
            f"mean wait per station (s): {waits}"
        )
    exact = []
    rate = net.arrivals_per_second
    for i, (c, mean) in enumerate(zip(net.servers, net.mean_service, strict=True)):
        # Burke: departures of a stable M/M/c are Poisson, so each station is M/M/c.
        exact.append(erlang.average_speed_of_answer(rate * mean, c, mean))
        rate *= net.escalate[i] if i < len(net.escalate) else 0.0
    print(
        f"{'exact Erlang C':16} mean wait per station (s): " + ", ".join(f"{w:7.2f}" for w in exact)
    )
    for mine in ("tierdesk events", "tierdesk auto"):
        cpu = {k: r.customers / r.cpu_seconds for k, r in runs.items()}
        print(
            f"{mine:16} wall: vs Ciw {runs[mine].rate / runs['Ciw'].rate:6.1f}x, "
            f"vs SimPy {runs[mine].rate / runs['SimPy'].rate:6.1f}x   "
            f"CPU: vs Ciw {cpu[mine] / cpu['Ciw']:6.1f}x, vs SimPy {cpu[mine] / cpu['SimPy']:6.1f}x"
        )


def year_department(seed: int = 1) -> DepartmentModel:
    """A year of half-hours for a 300-agent department: 3 teams × 3 levels × 3 channels."""
    per_day, days = 48, 365
    slot = np.arange(per_day * days) % per_day
    weekday = (np.arange(per_day * days) // per_day) % 7
    hour = slot / 2.0
    open_now = (hour >= 8) & (hour < 20) & (weekday < 6)
    core = (hour >= 9) & (hour < 18) & (weekday < 6)
    bell = np.where(open_now, np.exp(-(((hour - 13.0) / 4.0) ** 2)), 0.0)
    shape = bell / bell[:per_day].max()
    rng = np.random.default_rng(seed)
    teams = ("billing", "technical", "accounts")
    streams: list[ArrivalStream] = []
    for team in teams:
        scale = rng.uniform(0.8, 1.2)
        streams.append(ArrivalStream("phone", team, 160.0 * scale * shape))
        streams.append(ArrivalStream("chat", team, 60.0 * scale * shape))
        streams.append(ArrivalStream("email", team, np.full(slot.size, 12.0 * scale)))

    def shift(peak: int) -> np.ndarray:
        return np.where(core, peak, np.where(open_now, int(peak * 0.6), 0))

    groups = [AgentGroup(f"L1 {t}", 1, (t,), shift(60), ("phone", "chat")) for t in teams]
    groups.append(AgentGroup("L1 email", 1, teams, shift(30), ("email",)))
    groups += [AgentGroup(f"L2 {t}", 2, (t,), shift(17)) for t in teams]
    groups.append(AgentGroup("L2 pool", 2, teams, shift(9)))
    groups.append(AgentGroup("L3", 3, teams, shift(20)))
    handling = {}
    for level, base in zip((1, 2, 3), (300.0, 600.0, 1500.0), strict=True):
        for channel, factor in (("phone", 1.0), ("chat", 1.3), ("email", 0.8)):
            handling[(level, channel)] = Distribution.lognormal(base * factor, 0.8)
    return DepartmentModel(
        interval_seconds=1800.0,
        streams=tuple(streams),
        groups=tuple(groups),
        handling=handling,
        routing=Routing(0.15, 0.25, 0.2),
        patience={
            "phone": Distribution.exponential(180.0),
            "chat": Distribution.lognormal(300.0, 1.0),
        },
    )


def _year() -> None:
    model = year_department()
    print("\n== a year of a 300-agent department (17,520 half-hours, general event loop) ==")
    peak = sum(int(g.staffing.max()) for g in model.groups)
    start, cpu = time.perf_counter(), time.process_time()
    result = simulate(model, seed=1, progress=False)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    visits = sum(t.offered for t in result.tiers)
    print(f"agents on shift at peak {peak}, contacts {result.contacts:,}, queue visits {visits:,}")
    print(
        f"wall time {elapsed:.1f} s, CPU time {cpu:.1f} s "
        f"({result.contacts / elapsed:,.0f} contacts/s of wall time); engine "
        f"{result.engine}"
    )
    for tier in result.tiers:
        print(
            f"  L{tier.level}: service level {tier.service_level:.3f}, mean wait "
            f"{tier.mean_wait_seconds:8.1f} s, abandonment {tier.abandonment_rate:.3f}, "
            f"resolved {tier.resolved:,}"
        )
    busy = [float(np.nanmean(g.occupancy)) for g in result.groups]
    print(f"  mean occupancy per group: {', '.join(f'{b:.2f}' for b in busy)}")


def main() -> None:
    print(
        f"Python {platform.python_version()}, numpy {np.__version__}, Ciw {ciw.__version__}, "
        f"SimPy {simpy.__version__}, {platform.processor() or platform.machine()}"
    )
    _compare(MM50)
    _compare(CHAIN)
    _year()


if __name__ == "__main__":
    main()
