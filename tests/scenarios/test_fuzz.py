"""Random YAML and CSV content: the loader raises nothing but the project's error type."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import scenarios
from scenarios.loader import DATA_DIR
from scenarios.overrides import set_path, valid_paths

TINY = DATA_DIR / "tiny"
RAW = yaml.safe_load((TINY / "scenario.yaml").read_text(encoding="utf-8"))
PATHS = [
    *valid_paths(RAW),
    "meta.name",
    "meta.date",
    "meta.seed",
    "workers.roster",
    "jobs.general.name_zh",
    "train.bogus",
    "policy.district_quotas.jimo",
    "enterprises",
    "districts",
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.lists(st.integers(-5, 5), max_size=3),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
)


def _copy(tmp: Path) -> Path:
    folder = tmp / "tiny"
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(TINY, folder)
    shutil.copy(DATA_DIR / "qingdao_districts.csv", tmp / "qingdao_districts.csv")
    return folder


def _load_quietly(folder: Path) -> None:
    try:
        scenarios.load(folder)
    except scenarios.ScenarioError as exc:
        assert str(exc).strip()


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=st.lists(st.tuples(st.sampled_from(PATHS), scalars), min_size=1, max_size=3))
def test_random_yaml_values(tmp_path: Path, changes) -> None:
    folder = _copy(tmp_path)
    raw = yaml.safe_load((folder / "scenario.yaml").read_text(encoding="utf-8"))
    for path, value in changes:
        set_path(raw, path, value)
    (folder / "scenario.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    _load_quietly(folder)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=200))
def test_random_yaml_text(tmp_path: Path, text: str) -> None:
    folder = _copy(tmp_path)
    (folder / "scenario.yaml").write_text(text, encoding="utf-8")
    _load_quietly(folder)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    table=st.sampled_from(["workers.csv", "enterprises.csv"]),
    row=st.integers(0, 4),
    col=st.integers(0, 12),
    cell=st.one_of(st.text(max_size=8), st.sampled_from(["", "-1", "1e309", "nan", "3.5", "25:00", ",", '"'])),
)
def test_random_csv_cells(tmp_path: Path, table: str, row: int, col: int, cell: str) -> None:
    folder = _copy(tmp_path)
    lines = (folder / table).read_text(encoding="utf-8").splitlines()
    cells = lines[row % len(lines)].split(",")
    cells[col % len(cells)] = cell
    lines[row % len(lines)] = ",".join(cells)
    (folder / table).write_text("\n".join(lines) + "\n", encoding="utf-8")
    _load_quietly(folder)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=120))
def test_random_csv_bytes(tmp_path: Path, data: bytes) -> None:
    folder = _copy(tmp_path)
    (folder / "enterprises.csv").write_bytes(data)
    _load_quietly(folder)
