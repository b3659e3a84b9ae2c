"""Read a scenario's YAML with limits: its size, its nesting depth, its aliases expanded, and no duplicate keys.

PyYAML's ``SafeLoader`` makes no Python objects it should not, but it reads a file of any size, recurses once per
level of nesting (a few hundred levels end in a RecursionError), and shares aliased nodes, so that a 1 KB file of
nested aliases ("billion laughs") becomes a structure of a billion strings as soon as anything walks it. The loader
here counts every node as it would be once aliases are expanded and stops at ``MAX_NODES``; it refuses nesting past
``MAX_DEPTH``, a file past ``MAX_BYTES``, an alias inside the node it names, and a key given twice in one mapping.
A scenario file has a few hundred nodes, nested four deep; the limits leave two orders of magnitude of room.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent

from scenarios.errors import ScenarioError, cut, shown
from scenarios.files import read_limited

#: Largest scenario file read, in bytes (the bundled ones are about 2 KB; tables belong in CSV files).
MAX_BYTES = 1 << 20
#: Deepest nesting of lists and mappings (a scenario nests four levels; PyYAML recurses about twice a level).
MAX_DEPTH = 64
#: Most nodes (values, keys, lists, mappings), counted with every alias expanded.
MAX_NODES = 100_000


class YamlLimitError(yaml.YAMLError):
    """A limit of this loader was passed; ``line`` is 1-based."""

    def __init__(self, message: str, line: int) -> None:
        self.message = message
        self.line = line
        super().__init__(message)


class BadValue(yaml.YAMLError):
    """A scalar PyYAML recognised (by its form or tag) but could not turn into a value."""

    def __init__(self, node: yaml.Node, exc: Exception) -> None:
        self.line = node.start_mark.line + 1
        self.value = node.value if isinstance(node.value, str) else "..."
        self.kind = str(node.tag).rsplit(":", 1)[-1]
        self.reason = f" ({cut(str(exc), 80)})" if isinstance(exc, ValueError) else ""
        super().__init__(cut(str(exc), 80))


class LimitedLoader(yaml.SafeLoader):
    """The safe loader with limits on depth and expanded size, refusing duplicate keys and recursive aliases."""

    def __init__(self, stream: Any) -> None:
        super().__init__(stream)
        self._depth = 0
        self._nodes = 0
        self._sizes: dict[int, int] = {}  # id(node) -> nodes it stands for, aliases expanded (finished nodes only)

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node:
        if self.check_event(AliasEvent):
            event = self.peek_event()
            node = super().compose_node(parent, index)
            size = self._sizes.get(id(node))
            if size is None:
                raise YamlLimitError(
                    f"the alias *{cut(event.anchor, 20)} refers to a list or mapping that contains it",
                    event.start_mark.line + 1,
                )
            self._count(size, event.start_mark.line + 1)
            return node
        event = self.peek_event()
        line = event.start_mark.line + 1
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise YamlLimitError(f"lists and mappings nest more than {MAX_DEPTH} levels deep", line)
        before = self._nodes
        self._count(1, line)
        try:
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        self._sizes[id(node)] = self._nodes - before
        return node

    def _count(self, size: int, line: int) -> None:
        self._nodes += size
        if self._nodes > MAX_NODES:
            raise YamlLimitError(
                f"the file stands for more than {MAX_NODES:,} values once its aliases (*name) are expanded", line
            )

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        if isinstance(node, yaml.MappingNode):
            seen: dict[Any, int] = {}
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue
                key = self.construct_object(key_node, deep=True) if isinstance(key_node, yaml.ScalarNode) else None
                if key is None or not _hashable(key):
                    continue
                line = key_node.start_mark.line + 1
                if key in seen:
                    raise YamlLimitError(
                        f"the key {shown(key)} appears twice in one mapping, on lines {seen[key]} and {line}", line
                    )
                seen[key] = line
        return super().construct_mapping(node, deep)

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, OverflowError, AttributeError, KeyError) as exc:  # PyYAML's own failures
            raise BadValue(node, exc) from None


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def _value_error(path: Path, exc: BadValue) -> ScenarioError:
    if exc.kind == "timestamp":
        return ScenarioError(
            f"{shown(exc.value)} on line {exc.line} is not a calendar date{exc.reason}.",
            file=str(path),
            fix="write a real date as YYYY-MM-DD, e.g. 2023-02-01.",
        )
    return ScenarioError(
        f"cannot read {shown(exc.value)} on line {exc.line} as {cut(exc.kind, 20)}{exc.reason}.",
        file=str(path),
        fix=f"correct the value, or remove the '!!{cut(exc.kind, 20)}' tag; quote text.",
    )


def parse_yaml(text: str, path: Path) -> Any:
    """The document in ``text`` (read from ``path``), within the limits; errors are one ScenarioError line."""
    try:
        loader = LimitedLoader(text)
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()
    except BadValue as exc:
        raise _value_error(path, exc) from None
    except YamlLimitError as exc:
        where = "" if "line" in exc.message else f" (line {exc.line})"
        raise ScenarioError(
            f"{exc.message}{where}.",
            file=str(path),
            fix="write each value out once; a scenario needs neither deep nesting nor repeated keys.",
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" on line {mark.line + 1}" if mark is not None else ""
        problem = cut(getattr(exc, "problem", None) or "invalid YAML", 80)
        raise ScenarioError(
            f"YAML syntax error{line}: {problem}.", file=str(path), fix="check indentation and quoting near that line."
        ) from None


def read_yaml_text(path: Path) -> str:
    """The text of a YAML file of at most MAX_BYTES, UTF-8 (a byte-order mark is dropped)."""
    data = read_limited(
        path, MAX_BYTES, what="scenario file", fix="a scenario file holds the parameters; tables go in CSV files."
    )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ScenarioError(
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} on line {line}).",
            file=str(path),
            fix="save the file as UTF-8.",
        ) from None
