"""The calibrated scenario written out: a scenario folder ``plan``, ``simulate`` and ``fleet`` take as it is.

``scenario.yaml`` is the scenario's own document with the estimates in place and the ``calibrated:`` section (from
which nights, how, every estimate with its standard error and 90% interval); the tables it names are copied beside
it (a table in a shared folder, such as the bundled districts, is copied in and named locally), so the folder stands
alone. ``calibration.csv`` lists the estimates against the scenario's values, in the planner's language.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pandas as pd
import yaml

from present.catalog import CATALOG
from present.lang import column as lang_column
from scenarios.io import write_text_atomic
from scenarios.scenario import Scenario
from scenarios.writers import write_csv
from sim.calibrate import Calibration
from sim.calibrate_station import MIN_DELAY_NIGHTS
from whatif.review_texts import word

#: The scenario keys that name a table file, and where the key sits.
TABLE_KEYS = (("workers", "roster"), ("enterprises", None), ("districts", None), ("travel", "matrix"))


def _copy_tables(sc: Scenario, raw: dict, out: Path) -> None:
    base = sc.source.parent if sc.source is not None else None
    for section, key in TABLE_KEYS:
        holder = raw if key is None else raw.get(section)
        name = section if key is None else key
        if not isinstance(holder, dict) or not holder.get(name) or base is None:
            continue
        entry = holder[name]
        written = entry.get("file") if isinstance(entry, dict) else entry
        source = (base / str(written)).resolve()
        local = Path(str(written)).name
        (out / local).write_bytes(source.read_bytes())
        if isinstance(entry, dict):
            entry["file"] = local
        else:
            holder[name] = local


def parameter_name(key: str, sc: Scenario, lang: str) -> str:
    """A parameter as a planner names it (城阳区道路时间系数, 上车每人用时（秒）); a key without a name as it is."""
    if key.startswith("district_factor."):
        ident = key.split(".", 1)[1]
        names = dict(zip(map(str, sc.districts.index), sc.districts[lang_column(lang)].astype(str), strict=True))
        return word(lang, "param.district_factor", district=names.get(ident, ident))
    return word(lang, f"param.{key}") if f"review.param.{key}" in CATALOG else key


def records_count(n: int, unit: str, lang: str) -> str:
    """How many records inform an estimate, with their unit: "46 个车辆首次发车时刻", "12 段行程", "1 晚"."""
    key = f"unit.{unit}_one" if n == 1 and f"review.unit.{unit}_one" in CATALOG else f"unit.{unit}"
    return word(lang, key, n=n)


def estimates_table(cal: Calibration, lang: str) -> pd.DataFrame:
    """``calibration.csv``: each estimate by its planner's name, its records with their unit, and the machine key
    (``parameter``, as in the scenario's ``calibrated:`` section) in a column of its own."""
    table = cal.table().round(4)
    sc = cal.scenario
    return pd.DataFrame({
        word(lang, "c_parameter"): [parameter_name(k, sc, lang) for k in table["parameter"]],
        word(lang, "c_estimate"): table["estimate"], word(lang, "c_se"): table["se"],
        word(lang, "c_low"): table["low90"], word(lang, "c_high"): table["high90"],
        word(lang, "c_scenario"): table["scenario"],
        word(lang, "c_records"): [records_count(int(n), u, lang) for n, u in zip(table["records"], table["unit"],
                                                                                 strict=True)],
        word(lang, "c_key"): table["parameter"],
    })


def write_calibrated(cal: Calibration, out_dir: str | Path, lang: str = "zh") -> Scenario:
    """Write the calibrated scenario folder into ``out_dir`` (an existing, e.g. staged, folder); return it loaded."""
    out = Path(out_dir)
    calibrated = cal.apply()
    raw = copy.deepcopy(calibrated.raw)
    _copy_tables(cal.scenario, raw, out)
    text = yaml.safe_dump(raw, allow_unicode=True, sort_keys=False, width=110)
    write_text_atomic(out / "scenario.yaml", text)
    write_csv(estimates_table(cal, lang), out / "calibration.csv", encoding="utf-8-sig")
    return calibrated


def summary_lines(cal: Calibration, lang: str = "zh") -> list[str]:
    """A few lines: each estimate with its 90% interval against the scenario's value."""
    lines = [word(lang, "c_from", n=len(cal.nights), nights=", ".join(cal.nights))]
    for r in cal.table().itertuples(index=False):
        interval = word(lang, "c_interval", low=r.low90, high=r.high90) if r.se == r.se else ""
        lines.append(word(lang, "c_line", name=parameter_name(r.parameter, cal.scenario, lang), est=r.estimate,
                          interval=interval, before=r.scenario, records=records_count(int(r.records), r.unit, lang)))
    if cal.delay is None and cal.n_delays:
        lines.append(word(lang, "c_delay_kept", n=cal.n_delays, min=MIN_DELAY_NIGHTS))
    return lines
