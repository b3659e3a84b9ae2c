"""Cross-checks between the sections and tables of a scenario, one ``check_*`` function each.

Each check raises ScenarioError naming the file, row and fix, or returns warnings (text) for things a planner
should know but that do not stop the run.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from scenarios.errors import ScenarioError, suggest
from scenarios.scenario import Scenario

#: Enterprises farther than this from the station (straight line) are taken to be typos in the coordinates.
MAX_KM_FROM_STATION = 250.0


def _table_file(sc: Scenario, key: str, default: str) -> str:
    base = sc.source.parent if sc.source else None
    name = sc.raw.get(key, default) if key != "workers" else (sc.raw.get("workers") or {}).get("roster", "")
    return str(base / name) if base and name else f"<{key}>"


def check_enterprise_districts(sc: Scenario, file: str) -> list[str]:
    """Every enterprise's district exists."""
    known = set(sc.districts.index)
    for ent, row in sc.enterprises.iterrows():
        if row["district"] not in known:
            raise ScenarioError(
                f"district '{row['district']}' of enterprise {ent} is not a district; "
                f"{suggest(row['district'], known)}",
                file=_table_file(sc, "enterprises", ""),
                row=int(row["row"]),
                field="district",
                fix="use a district id from the districts table.",
            )
    return []


def check_workers(sc: Scenario, file: str) -> list[str]:
    """Returning employers, wishes and skills refer to things that exist; cars fit the train."""
    roster = _table_file(sc, "workers", "")
    enterprises, districts, jobs = set(sc.enterprises.index), set(sc.districts.index), set(sc.jobs)
    w = sc.workers
    has_rows = "row" in w.columns
    for column, known, what in (
        ("returning_employer", enterprises, "enterprise"),
        ("wish_district", districts, "district"),
        ("wish_job", jobs, "job type"),
    ):
        bad = (w[column] != "") & ~w[column].isin(known)
        if bad.any():
            wid = w.index[bad][0]
            value = w.at[wid, column]
            raise ScenarioError(
                f"{what} '{value}' of worker {wid} does not exist; {suggest(value, known)}",
                file=roster,
                row=int(w.at[wid, "row"]) if has_rows else None,
                field=column,
                fix=f"use an id from the {what} list, or leave it blank.",
            )
    for wid, skills in w["skills"].items():
        for skill in str(skills).split(";"):
            if skill.strip() and skill.strip() not in jobs:
                raise ScenarioError(
                    f"skill '{skill}' of worker {wid} is not a job type; {suggest(skill, jobs)}",
                    file=roster,
                    row=int(w.at[wid, "row"]) if has_rows else None,
                    field="skills",
                    fix="list job types from the scenario's jobs, separated by ';'.",
                )
    bad_gender = ~w["gender"].isin(["M", "F", ""])
    if bad_gender.any():
        wid = w.index[bad_gender][0]
        raise ScenarioError(
            f"gender '{w.at[wid, 'gender']}' of worker {wid} is not M or F.",
            file=roster,
            row=int(w.at[wid, "row"]) if has_rows else None,
            field="gender",
            fix="write M, F, or leave it blank.",
        )
    bad_age = (w["age"] != 0) & ((w["age"] < 16) | (w["age"] > 75))
    if bad_age.any():
        wid = w.index[bad_age][0]
        raise ScenarioError(
            f"age {w.at[wid, 'age']} of worker {wid} is outside 16 to 75.",
            file=roster,
            row=int(w.at[wid, "row"]) if has_rows else None,
            field="age",
            fix="correct the age, or leave it blank if not known.",
        )
    bad_car = (w["car"] < 1) | (w["car"] > sc.train.cars)
    if bad_car.any():
        wid = w.index[bad_car][0]
        raise ScenarioError(
            f"car {w.at[wid, 'car']} of worker {wid} is not a car of the train (1 to {sc.train.cars}).",
            file=roster,
            row=int(w.at[wid, "row"]) if has_rows else None,
            field="car",
            fix="correct the car number or train.cars.",
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
            f"enterprise {ent} has a negative number of posts.",
            file=_table_file(sc, "enterprises", ""),
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
    path = _table_file(sc, "enterprises", "")
    for ent, row in ents.iterrows():
        if row["pickup"] not in ("coach", "own"):
            raise ScenarioError(
                f"pickup '{row['pickup']}' of enterprise {ent} is not 'coach' or 'own'.",
                file=path,
                row=int(row["row"]),
                field="pickup",
                fix="write coach or own.",
            )
        if row["pickup"] == "own" and (row["own_seats"] <= 0 or not row["own_arrival"]):
            raise ScenarioError(
                f"enterprise {ent} collects its own workers but gives no seats or arrival time.",
                file=path,
                row=int(row["row"]),
                field="own_seats",
                fix="fill own_seats (> 0) and own_arrival (e.g. 21:00).",
            )
        if row["checkin_close_min"] <= row["checkin_open_min"]:
            raise ScenarioError(
                f"check-in at enterprise {ent} closes ({row['checkin_close']}) before it opens "
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
    from scenarios.travel import haversine_km

    for key, table in (("enterprises", sc.enterprises), ("districts", sc.districts)):
        km = haversine_km(sc.station.lat, sc.station.lon, table["lat"].to_numpy(), table["lon"].to_numpy())
        bad = ~(km <= MAX_KM_FROM_STATION)
        if bad.any():
            ident = table.index[bad][0]
            raise ScenarioError(
                f"{key[:-1]} {ident} at ({table.at[ident, 'lat']}, {table.at[ident, 'lon']}) is "
                f"{km[bad][0]:.0f} km from the station (more than {MAX_KM_FROM_STATION:.0f}).",
                file=_table_file(sc, key, ""),
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
                f"district '{district}' has a quota but is not a district; {suggest(district, sc.districts.index)}",
                file=file,
                field=f"policy.district_quotas.{district}",
                fix="use a district id.",
            )
    return []


CHECKS: tuple[Callable[[Scenario, str], list[str]], ...] = (
    check_enterprise_districts,
    check_workers,
    check_train_capacity,
    check_posts,
    check_own_vehicles,
    check_fleet_seats,
    check_coordinates,
    check_quotas,
)


def validate(sc: Scenario, file: str = "<scenario>") -> list[str]:
    """Run every cross-check; raise the first error, return the warnings."""
    warnings: list[str] = []
    for check in CHECKS:
        warnings.extend(check(sc, file))
    return warnings
