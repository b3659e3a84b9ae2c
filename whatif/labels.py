"""Options in words: a variant's overrides as a planner says them ("晚点 60 分钟 · 大巴（53座） 14 辆"), not as
config paths."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from present.catalog import text
from present.clock import format_clock
from present.lang import check_lang, of_pair
from scenarios import Scenario

#: Words for override paths: path -> (Chinese, English), with ``{v}`` for the value. ``fleet.<type>.<field>`` and
#: clock-time fields are handled below; any other path is shown as ``path=value``.
PATH_WORDS: dict[str, tuple[str, str]] = {
    "train.delay_min": ("晚点 {v} 分钟", "{v} min late"),
    "train.cars": ("列车 {v} 节车厢", "{v} train cars"),
    "policy.max_stops": ("每车最多 {v} 站", "at most {v} stops per coach"),
    "policy.max_ride_min": ("乘车最长 {v} 分钟", "rides at most {v} min"),
    "policy.latest_arrival": ("最晚到达 {v}", "latest arrival {v}"),
    "policy.routes": ("线路 {v}", "{v} routes"),
    "policy.max_coach_wait_min": ("大巴最长等候 {v} 分钟", "coaches wait at most {v} min"),
    "station.bays": ("上车位 {v} 个", "{v} coach bays"),
    "station.desks": ("礼包发放台 {v} 个", "{v} gift-pack desks"),
    "travel.cv": ("行车时间波动 {v}", "travel-time variability {v}"),
}
FLEET_WORDS: dict[str, tuple[str, str]] = {
    "count": ("{name} {v} 辆", "{v} × {name}"),
    "available_from": ("{name} {v} 起可用", "{name} from {v}"),
    "seats": ("{name}座位 {v} 个", "{name} with {v} seats"),
}
ROUTE_WORDS = {"open": ("单程", "open"), "closed": ("可往返", "closed")}
BASE_WORDS = ("基准方案", "base")
SEPARATOR = " · "  # between the words of a variant's name, in either language


def coach_name(sc: Scenario | None, type_id: str, lang: str) -> str:
    """A coach type as the scenario names it ("大巴（53座）"), with its seats when the name lacks them ("53座大巴",
    "53-seat coach"); the id when the scenario does not have the type."""
    from present.labels import coach_type_name

    coach = sc.fleet.get(type_id) if sc is not None else None
    return type_id if coach is None else coach_type_name(coach, lang)


def _value(path: str, value: Any, lang: str) -> str:
    if isinstance(value, bool):
        return text("word.yes" if value else "word.no", lang)
    if path.endswith("routes") and str(value) in ROUTE_WORDS:
        return of_pair(ROUTE_WORDS[str(value)], lang)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float) and path.rsplit(".", 1)[-1] in ("arrival", "latest_arrival", "available_from"):
        return format_clock(float(value))
    return str(value)


def override_words(path: str, value: Any, lang: str = "zh", sc: Scenario | None = None) -> str:
    """One override in words: ``train.delay_min=60`` -> "晚点 60 分钟" / "60 min late"."""
    check_lang(lang)
    v = _value(path, value, lang)
    parts = path.split(".")
    if len(parts) == 3 and parts[0] == "fleet" and parts[2] in FLEET_WORDS:
        return of_pair(FLEET_WORDS[parts[2]], lang).format(name=coach_name(sc, parts[1], lang), v=v)
    if path in PATH_WORDS:
        return of_pair(PATH_WORDS[path], lang).format(v=v)
    return f"{path}={v}"


def variant_words(overrides: Mapping[str, Any], lang: str = "zh", sc: Scenario | None = None) -> str:
    """A variant in words: "晚点 60 分钟 · 53座大巴 14 辆"; no overrides: "基准方案" / "base"."""
    check_lang(lang)
    if not overrides:
        return of_pair(BASE_WORDS, lang)
    return SEPARATOR.join(override_words(p, v, lang, sc) for p, v in overrides.items())
