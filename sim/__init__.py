"""Simulation: the night of the arrival in SimPy (train, station, coaches, dormitories), its KPIs and charts."""

from sim.config import SimConfig
from sim.run import SimResult, simulate, simulate_day

__all__ = ["SimConfig", "SimResult", "simulate", "simulate_day"]
