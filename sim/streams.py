"""Random streams: ``SeedSequence(seed)`` spawned per replication, then per stream.

Replication r of any plan or variant gets the same generators for the same seed, and every stream draws its
numbers per worker (roster order) or per coach leg up front, so two plans or two variants of one scenario see the
same train delay, the same walkers and the same desk times: common random numbers.

The children are built from their spawn keys (``SeedSequence(seed, spawn_key=(r, k))`` is exactly the k-th child of
the r-th child of ``SeedSequence(seed)``), so a replication's numbers do not depend on which process runs it or in
what order.
"""

from __future__ import annotations

import numpy as np

#: The streams, in spawn order. Adding a stream at the end keeps the numbers of the others.
STREAMS = ("train", "alighting", "walking", "desks", "boarding", "coaches", "travel", "drops", "checkin",
           "disruptions")


def replication_seed(seed: int, replication: int) -> np.random.SeedSequence:
    """The r-th child of ``SeedSequence(seed)``."""
    if seed < 0 or replication < 0:
        raise ValueError(f"seed(={seed}) and replication(={replication}) must be >= 0.")
    return np.random.SeedSequence(seed, spawn_key=(replication,))


def streams(seed: int, replication: int) -> dict[str, np.random.Generator]:
    """One generator per named stream for one replication."""
    parent = replication_seed(seed, replication)
    return {name: np.random.Generator(np.random.PCG64(np.random.SeedSequence(parent.entropy,
                                                                             spawn_key=(*parent.spawn_key, k))))
            for k, name in enumerate(STREAMS)}
