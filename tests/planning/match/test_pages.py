"""small_pages turns numpy's huge-page advice off inside its block and gives the setting back after."""

from __future__ import annotations

import pytest

from planning.match.pages import small_pages


def test_small_pages_inside_and_the_setting_restored_after() -> None:
    switch = pytest.importorskip("numpy._core.multiarray")._set_madvise_hugepage
    initial = switch(True)
    for before in (True, False):
        switch(before)
        with small_pages():
            assert switch(False) is False  # off inside (the call returns the setting it replaces)
        assert switch(before) is before
    switch(initial)
