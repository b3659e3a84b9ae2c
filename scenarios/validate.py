"""Cross-checks between the sections and tables of a scenario, one ``check_*`` function each.

Each check raises ScenarioError naming the file, row and fix, or returns warnings (text) for things a planner
should know but that do not stop the run.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from scenarios.errors import ScenarioError, cut, quoted, suggest
from scenarios.scale import check_night_length, check_table_sizes
from scenarios.scenario import Scenario
from scenarios.travel import check_place_ids, check_travel_matrix, haversine_km

#: Enterprises farther than this from the station (straight line) are taken to be typos in the coordinates.
MAX_KM_FROM_STATION = 250.0


def check_enterprise_districts(sc: Scenario, file: str) -> list[str]:
    """Every enterprise's district exists."""
    known = set(sc.districts.index)
    ents = sc.enterprises
    bad = ~ents["district"].isin(known).to_numpy()
    if bad.any():
        ent = ents.index[bad][0]
        district = ents.at[ent, "district"]
        raise ScenarioError(
            f"district {quoted(district)} of enterprise {cut(ent)} is not a district; {suggest(district, known)}",
            file=sc.table_file("enterprises"),
            row=int(ents.at[ent, "row"]),
            field="district",
            fix="use a district id from the districts table.",
        )
    return []


def _worker_row_error(
    sc: Scenario, bad: pd.Series, field: str, message: Callable[[str, object], str], fix: str
) -> None:
    """Raise for the first worker where ``bad`` holds, naming the roster row; ``message(worker, value)``."""
    if not bad.any():
        return
    w = sc.workers
    wid = w.index[bad.to_numpy()][0]
    raise ScenarioError(
        message(wid, w.at[wid, field]),
        file=sc.table_file("workers"),
        row=int(w.at[wid, "row"]) if "row" in w.columns else None,
        field=field,
        fix=fix,
    )


def check_workers(sc: Scenario, file: str) -> list[str]:
    """Returning employers, wishes and skills refer to things that exist; gender, age and car are plausible."""
    w = sc.workers
    for column, known, what in (
        ("returning_employer", set(sc.enterprises.index), "enterprise"),
        ("wish_district", set(sc.districts.index), "district"),
        ("wish_job", set(sc.jobs), "job type"),
    ):
        _worker_row_error(
            sc,
            (w[column] != "") & ~w[column].isin(known),
            column,
            lambda wid, v, what=what, known=known: (
                f"{what} {quoted(v)} of worker {cut(wid)} does not exist; {suggest(str(v), known)}"
            ),
            f"use an id from the {what} list, or leave it blank.",
        )
    jobs = set(sc.jobs)
    unknown_skill = w["skills"].map(
        lambda text: next((s.strip() for s in str(text).split(";") if s.strip() and s.strip() not in jobs), "")
    )
    _worker_row_error(
        sc,
        unknown_skill != "",
        "skills",
        lambda wid, v: (
            f"skill {quoted(unknown_skill[wid])} of worker {cut(wid)} is not a job type; "
            f"{suggest(unknown_skill[wid], jobs)}"
        ),
        "list job types from the scenario's jobs, separated by ';'.",
    )
    _worker_row_error(
        sc,
        ~w["gender"].isin(["M", "F", ""]),
        "gender",
        lambda wid, v: f"gender {quoted(v)} of worker {cut(wid)} is not M or F.",
        "write M, F, or leave it blank.",
    )
    _worker_row_error(
        sc,
        (w["age"] != 0) & ((w["age"] < 16) | (w["age"] > 75)),
        "age",
        lambda wid, v: f"age {v} of worker {cut(wid)} is outside 16 to 75.",
        "correct the age, or leave it blank if not known.",
    )
    _worker_row_error(
        sc,
        (w["car"] < 1) | (w["car"] > sc.train.cars),
        "car",
        lambda wid, v: f"car {v} of worker {cut(wid)} is not a car of the train (1 to {sc.train.cars}).",
        "correct the car number or train.cars.",
    )
    return []


def check_train_capacity(sc: Scenario, file: str) -> list[str]:
    """The train has a seat for every worker."""
    if len(sc.workers) > sc.train.seats:
        raise ScenarioError(
            f"{len(sc.workers)} workers but the train has {sc.train.seats} seats "
            f"({sc.train.cars} cars x {sc.train.seats_per_car}).",
            file=file,
            field="train.cars",
            fix="add cars, raise seats_per_car, or split the roster over two trains.",
        )
    return []


def check_posts(sc: Scenario, file: str) -> list[str]:
    """Posts cover the workers, or a warning says how many cannot be placed."""
    posts = int(sc.posts.to_numpy().sum())
    negative = sc.posts.lt(0).any(axis=1)
    if negative.any():
        ent = sc.enterprises.index[negative][0]
        raise ScenarioError(
            f"enterprise {cut(ent)} has a negative number of posts.",
            file=sc.table_file("enterprises"),
            row=int(sc.enterprises.at[ent, "row"]),
            field="posts",
            fix="give posts as whole numbers >= 0.",
        )
    if posts < len(sc.workers):
        return [f"{len(sc.workers)} workers but only {posts} posts: {len(sc.workers) - posts} cannot be placed."]
    return []


def check_own_vehicles(sc: Scenario, file: str) -> list[str]:
    """Enterprises that collect their own workers say with what and when; pickup is 'coach' or 'own'."""
    ents = sc.enterprises
    path = sc.table_file("enterprises")
    own = (ents["pickup"] == "own").to_numpy()
    bad = (
        ~ents["pickup"].isin(("coach", "own")).to_numpy()
        | (own & ((ents["own_seats"] <= 0).to_numpy() | ~ents["own_arrival"].astype(bool).to_numpy()))
        | (ents["checkin_close_min"] <= ents["checkin_open_min"]).to_numpy()
    )
    for ent, row in ents[bad].head(1).iterrows():  # the first bad row, with the first of its faults
        if row["pickup"] not in ("coach", "own"):
            raise ScenarioError(
                f"pickup {quoted(row['pickup'])} of enterprise {cut(ent)} is not 'coach' or 'own'.",
                file=path,
                row=int(row["row"]),
                field="pickup",
                fix="write coach or own.",
            )
        if row["pickup"] == "own" and (row["own_seats"] <= 0 or not row["own_arrival"]):
            raise ScenarioError(
                f"enterprise {cut(ent)} collects its own workers but gives no seats or arrival time.",
                file=path,
                row=int(row["row"]),
                field="own_seats",
                fix="fill own_seats (> 0) and own_arrival (e.g. 21:00).",
            )
        if row["checkin_close_min"] <= row["checkin_open_min"]:
            raise ScenarioError(
                f"check-in at enterprise {cut(ent)} closes ({row['checkin_close']}) before it opens "
                f"({row['checkin_open']}).",
                file=path,
                row=int(row["row"]),
                field="checkin_close",
                fix="give a closing time after the opening time (past midnight is fine).",
            )
    return []


def check_fleet_seats(sc: Scenario, file: str) -> list[str]:
    """The coaches have seats for everyone who goes by coach."""
    own = sc.enterprises["pickup"] == "own"
    by_coach = len(sc.workers) - int(np.minimum(sc.posts[own].sum(axis=1), sc.enterprises.loc[own, "own_seats"]).sum())
    seats = sc.total_seats
    if seats <= 0:
        raise ScenarioError(
            "the fleet has no seats.", file=file, field="fleet", fix="give at least one coach (count > 0)."
        )
    if seats < by_coach:
        message = f"{by_coach} workers go by coach but the fleet has {seats} seats."
        if sc.policy.routes == "open":
            raise ScenarioError(
                message,
                file=file,
                field="fleet",
                fix="add coaches, or set policy.routes: closed so that coaches make second trips.",
            )
        return [message + " Some coaches must make a second trip."]
    return []


def check_coordinates(sc: Scenario, file: str) -> list[str]:
    """Enterprises and district centres lie within a plausible distance of the station."""
    for key, table in (("enterprises", sc.enterprises), ("districts", sc.districts)):
        km = haversine_km(sc.station.lat, sc.station.lon, table["lat"].to_numpy(), table["lon"].to_numpy())
        bad = ~(km <= MAX_KM_FROM_STATION)
        if bad.any():
            ident = table.index[bad][0]
            raise ScenarioError(
                f"{key[:-1]} {ident} at ({table.at[ident, 'lat']}, {table.at[ident, 'lon']}) is "
                f"{km[bad][0]:.0f} km from the station (more than {MAX_KM_FROM_STATION:.0f}).",
                file=sc.table_file(key),
                row=int(table.at[ident, "row"]),
                field="lat",
                fix="check that lat and lon are not swapped and are in degrees.",
            )
    return []


def check_quotas(sc: Scenario, file: str) -> list[str]:
    """District quotas name districts that exist."""
    for district in sc.policy.district_quotas:
        if district not in sc.districts.index:
            raise ScenarioError(
                f"district {quoted(district)} has a quota but is not a district; "
                f"{suggest(district, sc.districts.index)}",
                file=file,
                field=f"policy.district_quotas.{cut(district)}",
                fix="use a district id.",
            )
    return []


CHECKS: tuple[Callable[[Scenario, str], list[str]], ...] = (
    check_table_sizes,
    check_place_ids,
    check_enterprise_districts,
    check_workers,
    check_train_capacity,
    check_posts,
    check_own_vehicles,
    check_fleet_seats,
    check_coordinates,
    check_quotas,
    check_travel_matrix,
    check_night_length,
)


def validate(sc: Scenario, file: str = "<scenario>") -> list[str]:
    """Run every cross-check; raise the first error, return the warnings."""
    warnings: list[str] = []
    for check in CHECKS:
        warnings.extend(check(sc, file))
    return warnings
