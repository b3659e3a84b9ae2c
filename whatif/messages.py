"""Every message the commands print themselves: ``cmd.<key>`` of the message catalog (``present.catalog.commands``),
in Chinese and English.

``say(lang, key, **values)`` formats one. Errors keep the library's words (one line after ``error:``); what is here
is the commands' own voice: progress steps, the few closing lines a planner can read aloud, where the files are.
"""

from __future__ import annotations

from present.catalog import text
from present.lang import check_lang


def say(lang: str, key: str, **values: object) -> str:
    """The message ``cmd.<key>`` in ``lang``, with ``values`` filled in."""
    return text(f"cmd.{key}", check_lang(lang), **values)
