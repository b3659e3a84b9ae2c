"""Random numbers keyed by the entity they belong to: common random numbers across plans, policies and variants.

Every draw of a replication is a function of (seed, replication, stream, entity key, draw number): the train's
delay is keyed by the train, a walker's speed by the worker id, a coach's lateness by the coach id, a leg's own
noise by the two places it joins and the (from, to) road between them (``sim.roads``), a stop's dwell by the
enterprise (its gate), and so on (the keys are built in ``sim.night``). Two plans for the same night therefore share
their luck wherever they share entities: the same coach is late by the same minutes, the same road is slow by the
same factor, whatever the order of the trips; no draw is keyed by a position (a leg's or trip's index).

How: ``SeedSequence(seed, spawn_key=(replication,))`` (numpy) gives each replication two 64-bit words; each entity
key is hashed once (BLAKE2b) to 64 bits; a draw is the SplitMix64 finaliser applied twice to (key, stream, draw)
mixed with the replication's words: a counter-based generator in the sense of Salmon et al. (2011), like numpy's
Philox but vectorised over thousands of entities (a ``Generator`` per entity would cost ~10 us each, ~30 s for
1,000 replications of 531 workers). Nothing depends on the clock, the process or the order of the replications.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

#: The streams. A stream's numbers do not depend on which other streams exist.
STREAMS = ("train", "alighting", "walking", "desks", "boarding", "coaches", "travel", "drops", "checkin",
           "disruptions")

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_S30, _S27, _S31, _S11 = np.uint64(30), np.uint64(27), np.uint64(31), np.uint64(11)


def key_hash(keys: Sequence[str]) -> np.ndarray:
    """64-bit hashes of entity keys (stable across runs, machines and Python versions)."""
    return np.array([int.from_bytes(hashlib.blake2b(k.encode("utf-8"), digest_size=8).digest(), "little")
                     for k in keys], dtype=np.uint64)


def _mix(z: np.ndarray) -> np.ndarray:
    """The SplitMix64 finaliser (a bijection of 64-bit words with good avalanche)."""
    z = (z ^ (z >> _S30)) * _M1
    z = (z ^ (z >> _S27)) * _M2
    return z ^ (z >> _S31)


def replication_seed(seed: int, replication: int) -> np.random.SeedSequence:
    """The r-th child of ``SeedSequence(seed)``."""
    if seed < 0 or replication < 0:
        raise ValueError(f"seed(={seed}) and replication(={replication}) must be >= 0.")
    return np.random.SeedSequence(seed, spawn_key=(replication,))


#: Each stream's key hash as a Python int, hashed once (``Draws.uniform`` mixes it with the draw number).
_STREAM_WORDS = {name: int(word) for name, word in zip(STREAMS, key_hash(STREAMS), strict=True)}
_MASK = (1 << 64) - 1


class Draws:
    """The random numbers of one replication, keyed by stream, entity and draw number."""

    def __init__(self, seed: int, replication: int) -> None:
        words = replication_seed(seed, replication).generate_state(2, np.uint64)
        self._w0, self._w1 = words[0], words[1]
        self._keyed: dict[int, tuple[np.ndarray, np.ndarray]] = {}

    def _keys_mixed(self, keys: np.ndarray) -> np.ndarray:
        """The first round of the mix, ``_mix(keys ^ w0)``: the same for every stream and draw of these keys, so
        made once a replication per key array (a night's workers are drawn for six streams)."""
        hit = self._keyed.get(id(keys))
        if hit is not None and hit[0] is keys:
            return hit[1]
        z = _mix(np.asarray(keys, dtype=np.uint64) ^ self._w0)
        self._keyed[id(keys)] = (keys, z)  # holding ``keys`` keeps its id from being reused
        return z

    def uniform(self, stream: str, keys: np.ndarray, draw: int = 0) -> np.ndarray:
        """One uniform in [0, 1) per key (an array of ``key_hash`` values) for the ``draw``-th draw of ``stream``."""
        # The salt in Python ints (mod 2**64, as uint64 arithmetic wraps): no numpy scalar overflow to silence.
        salt = np.uint64((_STREAM_WORDS[stream] ^ ((draw + 1) * int(_GOLDEN) & _MASK)) ^ int(self._w1))
        z = _mix(self._keys_mixed(keys) + salt)
        return (z >> _S11).astype(np.float64) * (1.0 / 9007199254740992.0)

    def normal(self, stream: str, keys: np.ndarray, draw: int = 0) -> np.ndarray:
        """One standard normal per key (Box-Muller on draws ``2 draw + 100`` and ``2 draw + 101``)."""
        u1 = 1.0 - self.uniform(stream, keys, 2 * draw + 100)
        u2 = self.uniform(stream, keys, 2 * draw + 101)
        return np.sqrt(-2.0 * np.log(u1)) * np.cos(2.0 * np.pi * u2)

    def exponential(self, stream: str, keys: np.ndarray, draw: int = 0) -> np.ndarray:
        """One standard exponential per key."""
        return -np.log1p(-self.uniform(stream, keys, draw))
