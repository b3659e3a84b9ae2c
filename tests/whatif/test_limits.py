"""Absurd counts on the command line and in the library, refused in one line before any work: --jobs over the
cores, a sweep grid or its nights over their limits, too many fleet delays, fleet nights past what the sequential
rule can take, a Dask address that does not answer as Dask or has no workers."""

from __future__ import annotations

import socket
import threading

import pytest

from scenarios import ScenarioError
from whatif.cli import main
from whatif.cli_args import MAX_JOBS
from whatif.variants import MAX_VARIANTS


def _one_line(capsys, *words: str) -> None:
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    for word in words:
        assert word in err, err


@pytest.mark.parametrize("command", [["simulate", "tiny"], ["sweep", "tiny", "--set", "train.delay_min=0,60"],
                                     ["pack", "tiny"], ["season", "qingdao_season_2023"], ["fleet", "tiny"]])
def test_jobs_over_the_cores_are_refused(command, tmp_path, capsys) -> None:
    assert main([*command, "--out", str(tmp_path / "o"), "--jobs", str(MAX_JOBS + 1), "--lang", "en"]) == 2
    _one_line(capsys, f"expected a whole number in 1..{MAX_JOBS}")


def test_a_sweep_grid_over_the_limit_is_refused_before_any_scenario_is_built(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setattr("whatif.variants.Variant.build", lambda *a, **k: pytest.fail("built a variant"))
    values = ",".join(str(v) for v in range(100))
    argv = ["sweep", "tiny", "--set", f"train.delay_min={values}", "--set", f"fleet.minibus_12.count={values}",
            "--out", str(tmp_path / "o"), "--lang", "en"]
    assert main(argv) == 2
    _one_line(capsys, f"100 x 100 = 10,000 variants, more than the limit of {MAX_VARIANTS}")


def test_sweep_nights_over_the_limit_are_refused(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setattr("whatif.variants.Variant.build", lambda *a, **k: pytest.fail("built a variant"))
    values = ",".join(str(v) for v in range(10))
    assert main(["sweep", "tiny", "--set", f"train.delay_min={values}", "--replications", "100000",
                 "--out", str(tmp_path / "o"), "--lang", "en"]) == 2
    _one_line(capsys, "10 variants x 100,000 replications = 1,000,000 nights, more than the limit of 200,000")


def test_too_many_fleet_delays_and_nights_are_refused(tmp_path, capsys) -> None:
    delays = ",".join(str(v) for v in range(13))
    assert main(["fleet", "tiny", "--delays", delays, "--out", str(tmp_path / "o"), "--lang", "en"]) == 2
    _one_line(capsys, "expected at most 12 delays")
    for nights in ("40040", "100000"):
        assert main(["fleet", "tiny", "--max-nights", nights, "--out", str(tmp_path / "o"), "--lang", "en"]) == 2
        _one_line(capsys, "expected a whole number in 40..40000")


def test_the_library_refuses_more_batches_than_the_rule_takes() -> None:
    from whatif.fleet import size_fleet

    with pytest.raises(ScenarioError, match="at most 1,000 batches"):
        size_fleet("tiny", max_nights=40_040, backend="serial")


def test_a_server_that_speaks_first_is_not_taken_for_dask(capsys) -> None:
    """A loopback server that sends bytes on connect (an SSH banner, then garbage read as an exabyte frame)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                return
            with conn:
                conn.sendall(b"SSH-2.0-OpenSSH_9.6\r\n" + b"\xff" * 64)
                stop.wait(5)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        from whatif.sweep import connect

        with pytest.raises(ScenarioError, match=r"cannot reach a Dask scheduler at .* within 2 s"):
            connect(f"tcp://127.0.0.1:{server.getsockname()[1]}", timeout_s=2)
    finally:
        stop.set()
        server.close()
        thread.join(timeout=10)


def test_a_scheduler_with_no_workers_is_one_line() -> None:
    from dask.distributed import LocalCluster

    from whatif.sweep import connect

    with LocalCluster(n_workers=0, processes=False, dashboard_address=":0") as cluster, \
            pytest.raises(ScenarioError, match=r"has no workers \(none joined within 1 s\)"):
        connect(cluster.scheduler_address, timeout_s=1)
