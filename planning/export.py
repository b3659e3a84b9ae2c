"""Write a Plan for people: placement.csv and placement.xlsx, plus routes.csv and manifest.csv once routed.

The tables are built here; ``planning.workbook`` lays them out for print (a summary, one sheet per district, the
unplaced workers and, once routed, a coach overview and a one-page manifest per coach trip). Headers are Chinese by
default (``lang="en"`` for English), gender 男/女 in Chinese. Clock times are datetimes in the tables (real Excel
times in the workbook, ``HH:MM`` in the CSVs). Phone numbers go only into the manifests (for the station team);
identity-card numbers are always masked. Every file is written to a temporary file and renamed, so a failed export
leaves the earlier files intact.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from planning.plan import Plan
from present.labels import coach_type_name, county_name, gender_name, label, reason_text
from present.lang import check_lang, named
from present.lang import column as name_column
from scenarios.io import atomic_path
from scenarios.personal import column, mask_id
from scenarios.scenario import Scenario
from scenarios.writers import write_csv

if TYPE_CHECKING:
    from planning.workbook import Verdict

FILES = ("placement.xlsx", "placement.csv", "routes.csv", "manifest.csv")


def column_label(key: str, lang: str) -> str:
    """A column's header in ``lang`` (``col.<key>`` of the catalog)."""
    return label(key, lang)


def _district_name(sc: Scenario, lang: str) -> dict[str, str]:
    return sc.districts[name_column(lang)].astype(str).to_dict()


def _job_name(sc: Scenario, lang: str) -> dict[str, str]:
    return {j: named(job, lang) for j, job in sc.jobs.items()}


def placement_table(sc: Scenario, plan: Plan, lang: str = "zh") -> pd.DataFrame:
    """One row per worker (placed first, by district, enterprise and id), with labelled columns."""
    p = plan.placement
    w = sc.workers.reindex(p.index.astype(str))
    ent = sc.enterprises
    e = p["enterprise_id"].astype(str)
    known = e.isin(ent.index)
    districts = _district_name(sc, lang)
    jobs = _job_name(sc, lang)
    yes, no = label("yes", lang), label("no", lang)
    frame = pd.DataFrame({
        "worker_id": p.index.astype(str),
        "name": w["name"].to_numpy(),
        "gender": w["gender"].map(lambda g: gender_name(g, lang)).to_numpy(),
        "age": w["age"].to_numpy(),
        "county": w["county"].map(lambda c: county_name(c, lang)).to_numpy(),
        "village": w["village"].astype(str).str.split(":").str[-1].to_numpy(),
        "skills": w["skills"].map(lambda s: "/".join(jobs.get(j, j) for j in str(s).split(";") if j)).to_numpy(),
        "enterprise_id": e.to_numpy(),
        "enterprise": e.map(ent["name"]).where(known, "").to_numpy(),
        "district": p["district"].map(lambda d: districts.get(d, d)).to_numpy(),
        "job": p["job"].map(lambda j: jobs.get(j, j)).to_numpy(),
        "returning": [yes if r and r == x else no for r, x in zip(w["returning_employer"], e, strict=True)],
        "pickup": e.map(ent["pickup"]).map(lambda k: label(f"pickup_{k}", lang) if isinstance(k, str) else "")
                   .to_numpy(),
        "reason": [reason_text(r, lang) for r in p["reason"]],
    })
    if plan.manifest is not None:
        ride = plan.manifest.astype({"worker_id": str}).drop_duplicates("worker_id").set_index("worker_id")
        # An own vehicle's workers beyond what it brings in time ride a coach (planning.own): say so per worker.
        frame.loc[frame["worker_id"].isin(ride.index), "pickup"] = label("pickup_coach", lang)
        for col in ("coach_id", "trip", "boarding_order"):
            riding = frame["worker_id"].map(ride[col])
            whole = (lambda v: v) if col == "coach_id" else int  # trip and boarding order stay whole numbers
            frame.insert(len(frame.columns) - 1, col, riding.map(lambda v, f=whole: "" if pd.isna(v) else f(v)))
    order = {d: k for k, d in enumerate(sc.districts.index)}
    frame["_placed"] = e.to_numpy() == ""
    frame["_d"] = p["district"].map(lambda d: order.get(d, len(order))).to_numpy()
    frame = frame.sort_values(["_placed", "_d", "enterprise_id", "worker_id"], kind="stable")
    frame["_district_id"] = frame["_d"].map({k: d for d, k in order.items()})
    return frame.reset_index(drop=True)


def _labelled(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    shown = frame[[c for c in frame.columns if not c.startswith("_")]]
    return shown.rename(columns=lambda c: column_label(c, lang))


def clock_times(sc: Scenario, minutes: pd.Series) -> pd.Series:
    """Minutes from midnight of the scenario date as datetimes, rounded to the minute as ``sc.clock`` rounds them
    (so a time after midnight falls on the next day and sorts after 23:59)."""
    day = pd.Timestamp(sc.meta.date)
    return minutes.map(lambda m: pd.NaT if pd.isna(m) else day + pd.Timedelta(minutes=round(float(m))))


#: Marks an arrival time at an enterprise placed at its district's centre (no coordinates given): approximate.
APPROX = "≈"


def approximate(sc: Scenario, enterprises: pd.Series) -> list[bool]:
    """Whether each enterprise's times are approximate (no coordinates of its own: placed at its district centre)."""
    if "approx_location" not in sc.enterprises.columns:
        return [False] * len(enterprises)
    return [bool(v) for v in enterprises.map(sc.enterprises["approx_location"]).fillna(False)]


def for_csv(frame: pd.DataFrame, day: pd.Timestamp | None = None, lang: str = "en") -> pd.DataFrame:
    """The frame with its clock-time columns as 'HH:MM' text (arrivals marked ≈ where approximate); given the
    scenario's ``day``, a time past its midnight is said as such in ``lang`` ('次日 01:26', '01:26+1')."""
    from present.clock import format_clock

    out = frame.copy()
    approx = out["_approx"].to_numpy(dtype=bool) if "_approx" in out.columns else None
    for col in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[col]):
            text = out[col].dt.strftime("%H:%M").fillna("")
            if day is not None:
                minutes = (out[col] - day).dt.total_seconds() / 60
                text = minutes.map(lambda m: "" if pd.isna(m) else format_clock(m, with_day=True, lang=lang))
            if approx is not None and col == "arrive":
                text = text.where(~approx | (text == ""), APPROX + text)
            out[col] = text
    return out


def bays(sc: Scenario, plan: Plan) -> pd.Series:
    """The bay each (coach_id, trip) boards at: the plan's ``bay`` column when it has one, else the station model's
    dispatch (``planning.station.station_bays``), the one the planned departures assume."""
    from planning.station import station_bays

    r = plan.routes
    if "bay" in r.columns:
        return r.groupby(["coach_id", "trip"])["bay"].first().astype(int)
    return station_bays(sc, r)


def routes_table(sc: Scenario, plan: Plan, lang: str = "zh") -> pd.DataFrame:
    """The routes with clock times and enterprise names (contract columns kept, labelled)."""
    r = plan.routes.sort_values(["coach_id", "trip", "stop_order"]).reset_index(drop=True)
    districts = _district_name(sc, lang)
    bay = bays(sc, plan)
    return pd.DataFrame({
        "coach_id": r["coach_id"], "coach_type": r["coach_type"], "trip": r["trip"],
        "bay": [int(bay[(c, t)]) for c, t in zip(r["coach_id"], r["trip"], strict=True)],
        "depart": clock_times(sc, r["depart_min"]), "stop_order": r["stop_order"],
        "enterprise_id": r["enterprise_id"], "enterprise": r["enterprise_id"].map(sc.enterprises["name"]).fillna(""),
        "district": r["district"].map(lambda d: districts.get(d, d)), "workers": r["workers"],
        "arrive": clock_times(sc, r["arrive_min"]), "km": r["km"].round(1),
        "_district_id": r["district"], "_approx": approximate(sc, r["enterprise_id"]),
    })


def manifest_table(sc: Scenario, plan: Plan, lang: str = "zh", phones: bool = True) -> pd.DataFrame:
    """One row per worker on a coach: coach, trip, boarding order, name (phone, masked id), enterprise, stop, arrival.

    ``phones`` adds the worker's phone where the roster has one: this table is the station team's manifest.
    """
    m = plan.manifest.sort_values(["coach_id", "trip", "boarding_order"]).reset_index(drop=True)
    stops = plan.routes.set_index(["coach_id", "trip", "enterprise_id"])
    keys = list(zip(m["coach_id"], m["trip"], m["enterprise_id"], strict=True))
    found = [k in stops.index for k in keys]
    w = sc.workers.reindex(m["worker_id"].astype(str))
    frame = pd.DataFrame({
        "coach_id": m["coach_id"], "trip": m["trip"], "boarding_order": m["boarding_order"],
        "worker_id": m["worker_id"], "name": w["name"].fillna("").to_numpy(),
    })
    phone, ids = column(w, "phone").to_numpy(), column(w, "id_number").map(mask_id).to_numpy()
    if phones and (phone != "").any():
        frame["phone"] = phone
    if (ids != "").any():
        frame["id_number"] = ids
    arrive = [stops.loc[k, "arrive_min"] if ok else float("nan") for k, ok in zip(keys, found, strict=True)]
    frame = frame.assign(
        enterprise_id=m["enterprise_id"], enterprise=m["enterprise_id"].map(sc.enterprises["name"]).fillna(""),
        stop_order=[int(stops.loc[k, "stop_order"]) if ok else "" for k, ok in zip(keys, found, strict=True)],
        arrive=clock_times(sc, pd.Series(arrive, dtype=float)),
        _approx=approximate(sc, m["enterprise_id"]),
    )
    return frame


def sheet_name(text: str, taken: set[str]) -> str:
    """A valid, unique Excel sheet name (at most 31 characters, none of []:*?/\\)."""
    base = re.sub(r"[\[\]:*?/\\]", "_", str(text)).strip("'")[:31] or "sheet"
    name, k = base, 2
    while name.lower() in {t.lower() for t in taken}:
        suffix = f" ({k})"
        name, k = base[: 31 - len(suffix)] + suffix, k + 1
    taken.add(name)
    return name


def write_plan(sc: Scenario, plan: Plan, out_dir: str | Path, lang: str = "zh", verdict: Verdict | None = None
               ) -> list[Path]:
    """Write placement.xlsx and placement.csv (and routes.csv, manifest.csv when routed); returns the paths.
    ``verdict``: the plan's risk check in words, for the workbook's summary (``planning.workbook.Verdict``)."""
    from planning.workbook import write_workbook

    check_lang(lang)
    out = Path(out_dir)
    placement = placement_table(sc, plan, lang)
    routes = routes_table(sc, plan, lang) if plan.routes is not None else None
    manifest = manifest_table(sc, plan, lang) if plan.routes is not None and plan.manifest is not None else None
    # The workbook first: if it fails, no file has been replaced yet.
    written = [out / "placement.xlsx"]
    with atomic_path(written[0]) as tmp:
        write_workbook(tmp, sc, plan, placement, routes, manifest, lang, verdict)
    if routes is not None:  # the coach type by its name in the CSV ("中巴（12座）"), as the workbook names it
        routes = routes.assign(coach_type=[coach_type_name(sc.fleet[t], lang) if t in sc.fleet else t
                                           for t in routes["coach_type"]])
    frames = {"placement.csv": placement, "routes.csv": routes, "manifest.csv": manifest}
    for name, frame in frames.items():
        if frame is None:
            continue
        with atomic_path(out / name) as tmp:
            write_csv(_labelled(for_csv(frame, pd.Timestamp(sc.meta.date), lang), lang), tmp, encoding="utf-8-sig")
        written.append(out / name)
    return written
