"""What reaches a terminal: text from data with its control characters shown as escapes, never obeyed.

A value read from a CSV may hold ESC sequences (``\\x1b[2J`` clears the screen, ``\\x1b]52;...`` writes the
clipboard) or a carriage return that hides what came before; printed raw, the terminal acts on them. Every line the
command line prints passes through ``printable``; the streams are set to escape what their encoding cannot show
(``PYTHONIOENCODING=ascii``) rather than fail.
"""

from __future__ import annotations

import contextlib
import re
import sys

#: C0 controls but tab and newline, DEL, and the C1 controls (which some terminals obey like ESC sequences).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str, *, newlines: bool = True) -> str:
    """``text`` with control characters written as ``\\x1b``-style escapes (newlines too unless ``newlines``)."""
    out = _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)
    return out if newlines else out.replace("\n", "\\n")


def safe_streams() -> None:
    """stdout and stderr escape what their encoding cannot write (an ASCII terminal gets ``\\u5b9a`` for 定)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # a stream that cannot change: left as it is
                reconfigure(errors="backslashreplace")
