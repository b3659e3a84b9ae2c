"""The generated city (``python -m scenarios.bundled city``): any ratio of workers to enterprises returns."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import scenarios
from scenarios.bundled import main
from scenarios.generate import enterprise_sizes


def one_at_a_time(rng: np.random.Generator, n: int, total: int, p_big: float, p_mid: float) -> np.ndarray:
    """The sizes loop as it was (it never ends below about 2.4 workers an enterprise): one draw, one move."""
    kind = rng.choice(3, size=n, p=[1 - p_big - p_mid, p_mid, p_big])
    sizes = np.where(
        kind == 2, rng.integers(20, 41, n), np.where(kind == 1, rng.integers(6, 16, n), rng.integers(1, 6, n))
    )
    while sizes.sum() != total:
        i = rng.integers(n)
        if sizes.sum() > total and sizes[i] > 1 and (kind[i] != 2 or sizes[i] > 20):
            sizes[i] -= 1
        elif sizes.sum() < total and (kind[i] == 2 or sizes[i] < (15 if kind[i] == 1 else 5)):
            sizes[i] += 1
    return sizes


@pytest.mark.parametrize(
    ("n", "total", "p_big", "p_mid", "seed"),
    [(127, 531, 0.04, 0.12, 2023), (310, 530, 0.01, 0.03, 2024), (180, 530, 0.04, 0.12, 2025),
     (500, 5000, 0.04, 0.12, 1), (400, 1000, 0.04, 0.12, 3), (2000, 6000, 0.0, 0.12, 4)],
)
def test_sizes_are_those_of_the_one_at_a_time_loop(n: int, total: int, p_big: float, p_mid: float, seed: int) -> None:
    """Where the old loop ends, the batched one gives the same sizes and leaves the generator where it did."""
    old, new = np.random.default_rng(seed), np.random.default_rng(seed)
    assert np.array_equal(one_at_a_time(old, n, total, p_big, p_mid), enterprise_sizes(new, n, total, p_big, p_mid))
    assert old.random() == new.random()


@pytest.mark.parametrize(
    ("n", "total"), [(1, 1), (1, 200_000), (3, 5), (5000, 5000), (5000, 9000), (10, 50_000), (5000, 60_000)]
)
def test_sizes_add_up_for_any_ratio(n: int, total: int) -> None:
    for p_big, p_mid in ((0.04, 0.12), (0.0, 0.0), (0.5, 0.5)):
        sizes = enterprise_sizes(np.random.default_rng(7), n, total, p_big, p_mid)
        assert len(sizes) == n and sizes.sum() == total and sizes.min() >= 1


def test_a_city_of_fewer_workers_than_enterprises_loads(tmp_path: Path, capsys) -> None:
    """1.5 workers an enterprise (the old loop never returned below about 2.4); returning employers resolve."""
    assert main(["city", "--workers", "300", "--enterprises", "200", "--out", str(tmp_path / "city")]) == 0
    sc = scenarios.load(tmp_path / "city")
    assert len(sc.workers) == 300 and len(sc.enterprises) == 200
    returning = sc.workers["returning_employer"]
    assert (returning != "").sum() > 100 and returning[returning != ""].isin(sc.enterprises.index).all()


@pytest.mark.parametrize(
    ("workers", "enterprises", "lang", "words"),
    [("0", "10", "zh", "--workers：应为 1 到 200,000"), ("10", "5001", "en", "--enterprises: expected a whole number"),
     ("200000", "1", "en", "give one enterprise 121,532 posts of one job, more than the 100,000")],
)
def test_a_city_out_of_reach_says_why_in_one_line(
    tmp_path: Path, capsys, workers: str, enterprises: str, lang: str, words: str
) -> None:
    out = tmp_path / "city"
    args = ["city", "--workers", workers, "--enterprises", enterprises, "--out", str(out), "--lang", lang]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and words in err
    assert not out.exists()
