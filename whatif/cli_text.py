"""The command line's language: argparse's own strings through a small gettext catalog, installed per run.

argparse looks its words up with ``gettext`` at the moment it says them; ``install(lang)`` points that look-up at
``present.catalog.args.GETTEXT`` for Chinese (and back at gettext for English), so usage, help headings and every
complaint about an argument speak the language of the command line.
"""

from __future__ import annotations

import argparse
import gettext

from present.catalog import text
from present.catalog.args import GETTEXT

#: The language of the running command line (set by ``install``).
_STATE = {"lang": "zh"}


def _zh(message: str) -> str:
    return GETTEXT.get(message, message)


def _zh_plural(singular: str, plural: str, n: int) -> str:
    return GETTEXT.get(singular if n == 1 else plural, singular if n == 1 else plural)


_GETTEXTS = {"zh": (_zh, _zh_plural), "en": (gettext.gettext, gettext.ngettext)}


def install(lang: str) -> None:
    """argparse (and ``say``) speak ``lang`` from now on."""
    _STATE["lang"] = lang
    argparse._, argparse.ngettext = _GETTEXTS[lang]  # type: ignore[attr-defined]


def say(key: str, **params: object) -> str:
    """The catalog message ``key`` in the command line's language."""
    return text(key, _STATE["lang"], **params)
