"""Words of the change sheet and its terminal summary, keyed, in Chinese and English (``say(lang, key, ...)``)."""

from __future__ import annotations

from present.lang import check_lang

TEXTS: dict[str, dict[str, str]] = {
    "zh": {
        "sheet": "变更",
        "title": "与原计划相比的变更",
        "headline": "换车或换企业 {moved} 人；需重印乘车名单 {reprint} 张；增加站点 {added} 个、取消 {removed} 个；"
                    "发车时间变动超过 5 分钟 {departs} 车次",
        "delay": "列车晚点 {m} 分钟：所有发车与到达顺延 {m} 分钟（下列时间变动已扣除此顺延）",
        "moved_head": "人员变动（{n} 人）",
        "reprint_head": "需重印的乘车名单（{n} 张）：{which}",
        "reprint_none": "需重印的乘车名单：无",
        "unchanged": "其余 {n} 张乘车名单不变，无需重印",
        "added_head": "增加的站点：{which}",
        "removed_head": "取消的站点：{which}",
        "departs_head": "发车时间变动超过 5 分钟：{which}",
        "signs_head": "受影响的区市接站牌：{which}",
        "sheets_head": "受影响的区市名单页：{which}",
        "none": "无",
        "sep": "、",
        "more": "等 {n} 项",
        "trip": "{c} 第 {t} 趟",
        "stop": "{c} 第 {t} 趟 {e}",
        "depart": "{c} 第 {t} 趟 {a}→{b}",
        "new": "（新增）",
        "cancelled": "（取消）",
        "unplaced": "未安置",
        "no_coach": "不乘车",
        "why_edited": "安置表中改派企业",
        "why_removed": "安置表中删除或未安置",
        "why_placed": "安置表中新安置",
        "why_rerouted": "原车次座位或站点不够，换车",
        "why_coach_unmet": "表中所填车号无法接纳（座位、站点或时限不允许）",
        "why_broken": "原车故障",
        "why_absent": "未到站",
        "why_repair": "为按时入住调整车次",
        "col_worker": "工号",
        "col_name": "姓名",
        "col_from": "原企业 / 原车次",
        "col_to": "新企业 / 新车次",
        "col_why": "原因",
        "col_item": "项目",
        "col_what": "内容",
    },
    "en": {
        "sheet": "Changes",
        "title": "Changes against the base plan",
        "headline": "{moved} workers change coach or enterprise; {reprint} manifests to reprint; {added} stops "
                    "added, {removed} removed; {departs} departures moved by more than 5 min",
        "delay": "train {m} min late: every departure and arrival moves {m} min later (the time changes below are "
                 "beyond that)",
        "moved_head": "Workers moved ({n})",
        "reprint_head": "Manifests to reprint ({n}): {which}",
        "reprint_none": "Manifests to reprint: none",
        "unchanged": "the other {n} manifests are unchanged: no reprint",
        "added_head": "Stops added: {which}",
        "removed_head": "Stops removed: {which}",
        "departs_head": "Departures moved by more than 5 min: {which}",
        "signs_head": "District signs affected: {which}",
        "sheets_head": "District sheets affected: {which}",
        "none": "none",
        "sep": ", ",
        "more": "and {n} more",
        "trip": "{c} trip {t}",
        "stop": "{c} trip {t} {e}",
        "depart": "{c} trip {t} {a}→{b}",
        "new": " (new)",
        "cancelled": " (cancelled)",
        "unplaced": "not placed",
        "no_coach": "no coach",
        "why_edited": "sent to another enterprise in the edited placement",
        "why_removed": "deleted or left unplaced in the edited placement",
        "why_placed": "newly placed in the edited placement",
        "why_rerouted": "no seat or stop left on the old trip: another coach",
        "why_coach_unmet": "the coach written on the row cannot take them (seats, stops or times)",
        "why_broken": "their coach broke down",
        "why_absent": "not on the train",
        "why_repair": "moved to arrive in time",
        "col_worker": "Worker ID",
        "col_name": "Name",
        "col_from": "Was (enterprise / trip)",
        "col_to": "Now (enterprise / trip)",
        "col_why": "Why",
        "col_item": "Item",
        "col_what": "What",
    },
}


def say(lang: str, key: str, **values: object) -> str:
    """The text of ``key`` in ``lang``, with its placeholders filled."""
    check_lang(lang)
    return TEXTS[lang][key].format(**values)
