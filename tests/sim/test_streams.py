"""Random streams: children of SeedSequence(seed) per replication and per stream, whoever asks first."""

from __future__ import annotations

import numpy as np

from sim.streams import STREAMS, streams


def test_streams_are_the_spawned_children() -> None:
    child = np.random.SeedSequence(42).spawn(4)[3].spawn(len(STREAMS))[STREAMS.index("desks")]
    expected = np.random.Generator(np.random.PCG64(child)).random(5)
    np.testing.assert_array_equal(streams(42, 3)["desks"].random(5), expected)


def test_streams_differ_between_replications_and_names_and_repeat() -> None:
    a, b = streams(1, 0), streams(1, 1)
    assert a["travel"].random() != b["travel"].random()
    assert streams(1, 0)["train"].random() != streams(1, 0)["walking"].random()
    assert streams(1, 5)["checkin"].random() == streams(1, 5)["checkin"].random()
