"""The event log helpers: clock strings, the crowd in the station."""

from __future__ import annotations

import numpy as np
import pandas as pd

from sim.events import clock_strings, crowd


def test_clock_strings_wrap_past_midnight() -> None:
    assert clock_strings(np.array([0.0, 1290.5, 1440.0 + 75.25])).tolist() == ["00:00:00", "21:30:30", "01:15:15"]


def test_crowd_counts_people_between_entering_and_leaving() -> None:
    tl = pd.DataFrame({"replication": [0, 0, 0], "off_train": [0.0, 1.0, np.nan], "departed": [2.0, np.nan, np.nan],
                       "left_station": [np.nan, 3.0, np.nan]})
    frame = crowd(tl, step_min=1.0)
    assert frame["people"].tolist() == [1, 2, 1, 0, 0]
