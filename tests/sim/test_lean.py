"""Lean replication frames (``sim.lean``): text as categoricals, and every figure as the plain frames give it."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import sim.events as ev
import sim.run
from sim import simulate
from sim.kpis import district_table, replication_kpis
from sim.lean import TEXT, Table, concat, plain
from sim.model import run_replication
from sim.night import compile_night

TYPES = {"replication": "int64", "minutes": "float64", "who": TEXT, "what": TEXT}
PARTS = [{"replication": [0, 0, 0], "minutes": [1.5, 2.0, 3.0], "who": ["b", "a", "b"], "what": ["", "x", "y"]},
         {"replication": [1, 1], "minutes": [0.5, 9.0], "who": ["c", "a"], "what": ["y", ""]},
         {"replication": [2], "minutes": [4.0], "who": ["=1+1"], "what": ["x"]}]


def _table(parts: list[dict], rows: int = 1) -> pd.DataFrame:
    table = Table(TYPES, rows)
    for part in parts:
        table.add(part)
    return table.frame()


def test_table_codes_text_and_keeps_every_value() -> None:
    frame = _table(PARTS)  # one row allocated: the columns grow as parts come
    assert isinstance(frame["who"].dtype, pd.CategoricalDtype)
    assert list(frame["who"].cat.categories) == ["=1+1", "a", "b", "c"]  # sorted, whatever order they came in
    expected = pd.DataFrame({c: [v for p in PARTS for v in p[c]] for c in TYPES})
    pd.testing.assert_frame_equal(plain(frame), expected.astype({"who": object, "what": object}))
    assert frame["minutes"].dtype == np.float64 and frame["replication"].dtype == np.int64


def test_frames_joined_from_any_split_equal_one_table() -> None:
    whole = _table(PARTS, rows=100)
    for split in ([PARTS[:1], PARTS[1:]], [PARTS[:2], PARTS[2:]], [[p] for p in PARTS]):
        pd.testing.assert_frame_equal(concat([_table(s) for s in split]), whole)


def test_text_must_not_be_missing() -> None:
    with pytest.raises(ValueError, match="who"):
        Table(TYPES).add({"replication": [0], "minutes": [1.0], "who": [None], "what": [""]})


def _plain_run(sc, plan, replications: int, seed: int, options: dict) -> tuple[pd.DataFrame, ...]:
    """The frames as the simulation made them before they were lean: every replication's recorder kept, text as
    Python strings, trips and KPIs from the whole frames at once."""
    sc, config = sim.run._night_model(sc, options)  # the night-model paths change the scenario, the rest is config
    nights = [compile_night(sc, plan)]
    workers, roster = sim.run._rosters(nights)
    full_below, _ = sim.run._full_log_replications(config, replications)
    outs = [run_replication(nights, config, seed, r, r < full_below) for r in range(replications)]
    events, timelines = [], []
    for out in outs:
        frame = pd.DataFrame.from_records(out.recorder.rows, columns=["minutes", "kind", "entity", "event", "place",
                                                                      "trip", "count", "detail"])
        frame = frame.iloc[np.argsort(frame["minutes"].to_numpy(), kind="stable")]
        frame.insert(0, "replication", out.replication)
        events.append(frame)
        timelines.append(ev.timelines_from_events(frame, roster) if out.recorder.full
                         else ev.timelines_from_recorders([(out.replication, out.recorder)], roster))
    events_all = pd.concat(events, ignore_index=True).astype({"trip": "int64", "count": "int64"})
    tl = pd.concat(timelines, ignore_index=True)[list(ev.TIMELINE_COLUMNS)]
    trips = ev.trips_from_events(events_all)
    delays = pd.DataFrame([(o.replication, d) for o in outs for d in o.train_delay_min],
                          columns=["replication", "train_delay_min"])
    kpis = replication_kpis(tl, trips, workers.set_index("worker_id")["planned"], delays, workers)
    return events_all, tl, trips, kpis


def _text(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.astype({c: object for c in frame.columns if not pd.api.types.is_numeric_dtype(frame[c])})


def test_lean_run_gives_every_figure_of_the_plain_frames(bundled_2023, monkeypatch) -> None:
    sc, plan = bundled_2023
    options = {"full_log_replications": 2, "n_jobs": 1, "disruptions.missed_train.enabled": True,
               "disruptions.coach_no_show.enabled": True, "disruptions.coach_no_show.p": 0.5}
    monkeypatch.setattr(sim.run, "KPI_BLOCK", 2)  # trips and KPIs derived in blocks of 2 of the 5 nights
    lean = simulate(sc, plan, replications=5, seed=4, options=options)
    events, timelines, trips, kpis = _plain_run(sc, plan, 5, 4, options)
    assert all(isinstance(lean.timelines[c].dtype, pd.CategoricalDtype)
               for c in ("worker_id", "train", "district", "enterprise_id", "vehicle", "not_delivered"))
    assert (lean.timelines["not_delivered"] == "missed_train").any()
    pd.testing.assert_frame_equal(lean.kpis, kpis)
    pd.testing.assert_frame_equal(_text(lean.trips), _text(trips))
    pd.testing.assert_frame_equal(plain(lean.timelines), _text(timelines))
    pd.testing.assert_frame_equal(plain(lean.events), _text(events))
    pd.testing.assert_frame_equal(_text(lean.by_district()), _text(district_table(timelines)))
    # about 100 bytes a worker-night (nine float milestones), where text cells took about 60 bytes each
    assert lean.timelines.memory_usage(deep=True).sum() < 110 * len(lean.timelines) + 200_000


def test_written_files_hold_text_and_clock_times(tiny, tmp_path) -> None:
    from planning.baseline import baseline_plan

    result = simulate(tiny, baseline_plan(tiny), replications=2, seed=5)
    result.write(tmp_path, lang="en")
    events = pd.read_csv(tmp_path / "events.csv.gz", keep_default_na=False)
    assert list(events.columns[:4]) == ["replication", "minutes", "clock", "kind"]
    assert events["clock"].str.fullmatch(r"\d\d:\d\d:\d\d").all()
    assert events["clock"].tolist() == ev.clock_strings(events["minutes"].to_numpy()).tolist()
    assert events["entity"].tolist() == plain(result.events)["entity"].tolist()
