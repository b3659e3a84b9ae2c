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
import yaml.cyaml

from scenarios.errors import Msg, ScenarioError, cut, shown
from scenarios.files import read_limited

#: Largest scenario file read, in bytes (the bundled ones are about 2 KB; tables belong in CSV files).
MAX_BYTES = 1 << 20
#: Deepest nesting of lists and mappings (a scenario nests four levels; PyYAML recurses about twice a level).
MAX_DEPTH = 64
#: Most nodes (values, keys, lists, mappings), counted with every alias expanded.
MAX_NODES = 100_000


class YamlLimitError(yaml.YAMLError):
    """A limit of this loader was passed; ``line`` is 1-based."""

    def __init__(self, key: str, line: int, /, **params: Any) -> None:
        self.msg = Msg(key, **params)
        self.line = line
        super().__init__(str(self.msg))


class BadValue(yaml.YAMLError):
    """A scalar PyYAML recognised (by its form or tag) but could not turn into a value."""

    def __init__(self, node: yaml.Node, exc: Exception) -> None:
        self.line = node.start_mark.line + 1
        self.value = node.value if isinstance(node.value, str) else "..."
        self.kind = str(node.tag).rsplit(":", 1)[-1]
        self.reason = f" ({cut(str(exc), 80)})" if isinstance(exc, ValueError) else ""
        super().__init__(cut(str(exc), 80))


class _Frame:
    """An open list or mapping during the check of the events."""

    __slots__ = ("anchor", "is_map", "keys", "next_is_key", "start")

    def __init__(self, is_map: bool, start: int, anchor: str | None) -> None:
        self.is_map, self.start, self.anchor = is_map, start, anchor
        self.next_is_key = True
        self.keys: dict[str, int] = {}


def check_events(text: str) -> None:
    """Refuse nesting past MAX_DEPTH, more than MAX_NODES nodes with aliases expanded, and recursive aliases.

    Reads the parser's events only (libyaml's parser when installed: fast, and not recursive), so nothing is built
    before the document is known to be small; raises YamlLimitError (or PyYAML's own error for bad syntax).
    """
    stack: list[_Frame] = []
    sizes: dict[str, int] = {}  # anchor -> nodes it stands for (finished nodes only)
    count = 0
    for event in yaml.parse(text, Loader=_PARSER):
        line = event.start_mark.line + 1
        if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            frame = stack.pop()
            if frame.anchor is not None:
                sizes[frame.anchor] = count - frame.start
            continue
        if not isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.CollectionStartEvent)):
            continue
        parent = stack[-1] if stack else None
        if parent is not None and parent.is_map:
            parent.next_is_key = not parent.next_is_key
        if isinstance(event, yaml.AliasEvent):
            size = sizes.get(event.anchor)
            if size is None and any(f.anchor == event.anchor for f in stack):
                name = cut(event.anchor, 20)
                raise YamlLimitError("yaml.alias_loop", line, name=name)
            count += size or 1
        else:
            count += 1
            if event.anchor is not None:
                sizes.pop(event.anchor, None)
        if count > MAX_NODES:
            raise YamlLimitError("yaml.nodes", line, limit=MAX_NODES)
        if isinstance(event, yaml.ScalarEvent):
            if event.anchor is not None:
                sizes[event.anchor] = 1
        elif isinstance(event, yaml.CollectionStartEvent):
            if len(stack) >= MAX_DEPTH:
                raise YamlLimitError("yaml.depth", line, limit=MAX_DEPTH)
            stack.append(_Frame(isinstance(event, yaml.MappingStartEvent), count, event.anchor))


class _Constructor(yaml.constructor.SafeConstructor):
    """The safe constructor, refusing a key given twice and reporting a value it cannot build by its line."""

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
                    raise YamlLimitError("yaml.twice_key", line, name=shown(key), first=seen[key], second=line)
                seen[key] = line
        return super().construct_mapping(node, deep)

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, OverflowError, AttributeError, KeyError) as exc:  # PyYAML's own failures
            raise BadValue(node, exc) from None


if getattr(yaml, "__with_libyaml__", False):
    _PARSER: Any = yaml.CSafeLoader

    class LimitedLoader(yaml.cyaml.CParser, _Constructor, yaml.resolver.Resolver):  # type: ignore[misc]
        """libyaml's parser and composer (the document is checked first), this module's constructor."""

        def __init__(self, stream: str) -> None:
            yaml.cyaml.CParser.__init__(self, stream)
            _Constructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

else:  # pragma: no cover - libyaml ships with the PyYAML wheels
    _PARSER = yaml.SafeLoader

    class LimitedLoader(  # type: ignore[no-redef]
        yaml.reader.Reader,
        yaml.scanner.Scanner,
        yaml.parser.Parser,
        yaml.composer.Composer,
        _Constructor,
        yaml.resolver.Resolver,
    ):
        """PyYAML's pure-Python parser and composer (the document is checked first), this module's constructor."""

        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            _Constructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def _value_error(path: Path, exc: BadValue) -> ScenarioError:
    value, kind = shown(exc.value), cut(exc.kind, 20)
    if exc.kind == "timestamp":
        return ScenarioError("yaml.date", file=str(path), value=value, line=exc.line, reason=exc.reason)
    return ScenarioError("yaml.value", file=str(path), value=value, line=exc.line, kind=kind, reason=exc.reason)


def parse_yaml(text: str, path: Path) -> Any:
    """The document in ``text`` (read from ``path``), within the limits; errors are one ScenarioError line."""
    try:
        check_events(text)
        loader = LimitedLoader(text)
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()
    except BadValue as exc:
        raise _value_error(path, exc) from None
    except YamlLimitError as exc:
        where = "" if exc.msg.key == "yaml.twice_key" else Msg("yaml.at_line", line=exc.line)
        raise ScenarioError("yaml.limit", file=str(path), inner=exc.msg, where=where) from None
    except yaml.reader.ReaderError as exc:
        line = text[: int(exc.position or 0)].count("\n") + 1
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
        raise ScenarioError("yaml.control", file=str(path), code=f"{code:#04x}", line=line) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = Msg("yaml.on_line", line=mark.line + 1) if mark is not None else ""
        problem = cut(getattr(exc, "problem", None) or "invalid YAML", 80)
        raise ScenarioError("yaml.syntax", file=str(path), line=line, problem=problem) from None


def read_yaml_text(path: Path) -> str:
    """The text of a YAML file of at most MAX_BYTES, UTF-8 (a byte-order mark is dropped)."""
    data = read_limited(
        path,
        MAX_BYTES,
        what="scenario file",
        fix="yaml.too_big.fix",
    )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ScenarioError("yaml.not_utf8", file=str(path), byte=f"{data[exc.start]:02x}", line=line) from None
