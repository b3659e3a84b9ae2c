"""Simulation: the night of the arrival in SimPy (train, station, coaches, dormitories), its KPIs and charts.

    import scenarios, sim
    sc = scenarios.load("dingxi_qingdao_2023")
    result = sim.simulate(sc, plan, replications=200, seed=1)          # plan: a routed planning.Plan
    result.kpis                      # one row per replication (columns: sim.kpis.KPI_DOCS)
    result.summary()                 # mean and 95% confidence interval per KPI
    result.timelines, result.trips   # worker and vehicle timelines; result.events: the event log
    result.gantt(); result.checkin_chart(); result.crowd_chart()       # matplotlib Figures, lang="zh" or "en"
    result.write("out/", lang="zh")  # kpis.csv, summary.csv, events.csv.gz, timelines.csv.gz, trips.csv, PNGs

Options (``sim.SimConfig`` or a dict of dotted paths) switch randomness off and choose the welcome and bay rules.
The disruptions (coach no-shows and lateness, missed workers, a held-up train) are the scenario's night model
(``scenarios.disruptions``), the same in every command; a path under ``disruptions.`` in ``options`` changes it for
one run: ``simulate(sc, plan, options={"disruptions.coach_no_show.p": 1.0})``. The same seed
gives the same event log; two plans or variants simulated with one seed share their random numbers.
``simulate_day([(sc1, plan1), (sc2, plan2), ...])`` plays several trains through one station on one day.
"""

from sim.config import SimConfig
from sim.run import SimResult, simulate, simulate_day

__all__ = ["SimConfig", "SimResult", "simulate", "simulate_day"]
