"""What the records say once read: the Records of one night, and the Problem lines of what was skipped."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from scenarios.records.texts import say

#: Each reason for skipping a row is told for its first few rows; the rest are counted on the last line.
SHOWN_PER_KEY = 3


@dataclass(frozen=True)
class Problem:
    """One skipped row (or file): where, why (a ``scenarios.records.texts`` key) and its parameters."""

    file: str
    row: int | None
    key: str
    params: tuple[tuple[str, str], ...] = ()

    def line(self, lang: str = "en") -> str:
        where = say("where", lang, file=self.file, row=self.row) if self.row is not None else f"{self.file}: "
        return where + say(self.key, lang, **dict(self.params))


#: Columns of ``Records.stops``: one row per coach trip and place (the station, then each stop in order).
STOP_COLUMNS = ("coach_id", "trip", "stop_order", "place", "arrive_min", "depart_min", "board_min", "source")


@dataclass
class Records:
    """The sound part of one night's records; times are minutes from midnight of the scenario date."""

    name: str
    train_arrival_min: float | None = None
    stops: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(STOP_COLUMNS)))
    checkins: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["worker_id", "enterprise_id",
                                                                                  "minutes"]))
    plates: dict[str, str] = field(default_factory=dict)  # plate -> coach id
    fixes: int = 0  # GPS fixes used
    gps_stops: int = 0  # stops found from the tracks
    problems: list[Problem] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return sum(1 for p in self.problems if p.row is not None)

    def problem_lines(self, lang: str = "en") -> list[str]:
        """One line per reason and file for its first rows, then how many more of it were skipped."""
        seen: Counter[tuple[str, str]] = Counter()
        lines: list[str] = []
        for p in self.problems:
            seen[(p.file, p.key)] += 1
            if seen[(p.file, p.key)] <= SHOWN_PER_KEY:
                lines.append(p.line(lang))
        for (file, key), n in seen.items():
            if n > SHOWN_PER_KEY:
                lines.append(f"{file}: {say(key, lang, value='…', date='', hint='', plate='', coaches='')}"
                             f"{say('more', lang, n=n - SHOWN_PER_KEY)}")
        return lines

    def summary(self, lang: str = "en") -> str:
        from present.clock import format_clock

        train = say("train_at", lang, t=format_clock(self.train_arrival_min)) if self.train_arrival_min else ""
        n_stops = int(self.stops["arrive_min"].notna().sum()) if len(self.stops) else 0
        return say("read_summary", lang, stops=n_stops, checkins=len(self.checkins), fixes=self.fixes,
                   gps_stops=self.gps_stops, train=train, skipped=self.skipped)
