"""A Spring Wind season: its fairs, posts and seekers as read (and as the matching reads them), and what is hidden.

``FairScenario.posts`` and ``.seekers`` keep the columns of ``scenarios.fair.columns`` and add what the matching
uses, read once: for posts ``code`` (filled from the title when blank), ``shift_code`` (0 days, 1 two shifts, 2
three), ``has_dorm``, ``cert_req`` (bit mask), ``years_req``, coordinates; for seekers ``codes`` (from what they
want, then what they can do), ``certs``, ``years``, ``dorm_wanted``, ``no_nights``, ``district_ids``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from present.catalog import text


@dataclass(frozen=True)
class Truth:
    """What a test knows and the toolkit does not: each seeker's own weights and codes, and the pair noise's seed.

    A seeker's true utility of a post is ``wage_w * (mid wage - floor) / 1000 - km_w * km / 10 + dorm_w * dorm
    - night_w * nights + code_w * (post's code among the true codes) + noise(seeker, post)``.
    """

    weights: pd.DataFrame  # by seeker id: wage_w, km_w, dorm_w, night_w, floor
    codes: pd.Series  # by seeker id: tuple of true occupation codes
    noise_seed: int
    noise_sd: float = 1.0


@dataclass
class FairScenario:
    """One season of job fairs: tables indexed by id (see the module docstring for the added columns)."""

    name: str
    fairs: pd.DataFrame
    posts: pd.DataFrame
    seekers: pd.DataFrame
    districts: pd.DataFrame
    truth: Truth | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def places(self) -> int:
        return int(self.posts["places"].sum())

    def summary(self, lang: str = "zh") -> str:
        """One line: fairs, posts and places, seekers and groups."""
        groups = self.seekers["group"].replace("", np.nan).dropna()
        n_groups = int(groups.nunique())
        return text("fair.season_summary", lang, name=self.name, fairs=f"{len(self.fairs):,}",
                    posts=f"{len(self.posts):,}", places=f"{self.places:,}", seekers=f"{len(self.seekers):,}",
                    groups=f"{n_groups:,}", people=f"{len(groups):,}")

    def _repr_html_(self) -> str:
        return f"<p>{self.summary('zh')}</p>"
