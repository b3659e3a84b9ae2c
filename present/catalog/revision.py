"""Catalog entries: a plan revised on the night (``planning.revision``, ``planning.repair``, ``whatif.replan``): why
it was revised, the revision sheet's words, and the notes for the station team about what the repair did."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # why, and the revision sheet
    "revision.revised": ("Revised", "修订版"),
    "revision.late": ("train {m} min late", "列车晚点 {m} 分钟"),
    "revision.broken": ("coach {c} broken", "{c} 号车故障"),
    "revision.missing": ("{n} workers missing", "{n} 人未到站"),
    "revision.none": ("no change", "无变化"),
    "revision.changed": ("revised", "已修订"),
    "revision.sheet": ("Revision", "修订说明"),
    "revision.shifted": ("{n} more workers keep their coach and only arrive at another time (see the dormitories "
                         "above)", "另有 {n} 人车次不变、仅到达时间变化（见上表各宿舍）"),
    "revision.status.moved": ("new coach", "换车"),
    "revision.status.later": ("later", "推迟"),
    "revision.status.earlier": ("earlier", "提前"),
    "revision.status.absent": ("not on the train", "未到站"),
    # notes for the station team (what the repair did)
    "note.missing": ("{n} missing workers taken off {k} manifests; they keep their posts.",
                     "{n} 名未到站人员已从 {k} 张乘车名单中划去，岗位保留。"),
    "note.delay": ("train {m} min late: every departure moves {m} min later.", "列车晚点 {m} 分钟：所有发车顺延 {m} 分钟。"),
    "note.spare_trip": ("{coach} trip {trip}: the whole trip goes to spare coach {spare} ({type}).",
                        "{coach} 第 {trip} 趟：整趟改由备用车 {spare}（{type_zh}）执行。"),
    "note.next_trip": ("{coach}: {n} workers for {ent} go on {back}'s next trip, leaving at {depart}.",
                       "{coach}：去 {ent} 的 {n} 人改乘 {back} 的下一趟，{depart} 发车。"),
    "note.join_trip": ("{coach}: {n} workers for {ent} join {target} trip {trip}.",
                       "{coach}：去 {ent} 的 {n} 人并入 {target} 第 {trip} 趟。"),
    "note.late_to_spare": ("{coach} trip {trip} would arrive after {latest}: it goes to spare coach {spare} ({type}), "
                           "leaving at {depart}.",
                           "{coach} 第 {trip} 趟将晚于 {latest} 到达：改由备用车 {spare}（{type_zh}）执行，{depart} 发车。"),
    "note.rearranged": ("{n} trips rearranged to arrive in time (split onto spare coaches, stops moved within their "
                        "district or reordered).", "为按时入住调整了 {n} 个车次（拆分到备用车、并入同区车次或调整站序）。"),
    "note.late": ("{n} workers arrive after {latest} (last at {last}): call their dormitories.",
                  "{n} 人晚于 {latest} 到达（最晚 {last}）：请通知其宿舍。"),
}
