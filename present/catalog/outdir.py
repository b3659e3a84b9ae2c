"""Catalog entries: the output folder (``--out``), as the one writer (``scenarios.outdir``) checks and swaps it."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "outdir.empty": ("no output folder given ({shown}).", "没有给出输出文件夹（{shown}）。"),
    "outdir.empty.fix": ("give a new folder, e.g. --out out/plan.", "请给出一个新文件夹，例如 --out out/plan。"),
    "outdir.cwd": ("{path} is the working folder or a folder above it; it would be replaced whole.",
            "{path} 是当前工作文件夹或其上级文件夹，写入会整个替换它。"),
    "outdir.cwd.fix": ("give a new folder inside it, e.g. --out out/plan.", "请给出其中的一个新文件夹，例如 --out out/plan。"),
    "outdir.scenario": ("{path} holds the scenario's own files; it would be replaced whole.",
                 "{path} 中有场景文件本身，写入会整个替换它。"),
    "outdir.scenario.fix": ("give another folder, e.g. --out out/plan.", "请给出另一个文件夹，例如 --out out/plan。"),
    "outdir.not_ours": ("{path} holds files that labor-transfer did not write ({names}); it would be replaced whole.",
                 "{path} 中有不是 labor-transfer 写入的文件（{names}），写入会整个替换它。"),
    "outdir.not_ours.fix": ("give a new or empty folder, or one an earlier run wrote.",
                     "请给出一个新的或空的文件夹，或以前运行写入的文件夹。"),
    "outdir.file": ("cannot make the folder {path}: a file of that name is in the way.",
             "无法建立文件夹 {path}：已有同名文件。"),
    "outdir.file.fix": ("give the path of a folder (it is made when missing), not of a file.",
                 "请给出文件夹路径（不存在时会自动建立），而不是文件路径。"),
    "outdir.long": ("the name '{part}' has {n} bytes, more than the {limit} a folder name may have here.",
             "名称“{part}”有 {n} 字节，超过此处文件夹名称的上限 {limit} 字节。"),
    "outdir.long.fix": ("give a shorter folder name.", "请使用较短的文件夹名称。"),
    "outdir.busy": ("another run is writing {path} now.", "另一个运行正在写入 {path}。"),
    "outdir.busy.fix": ("wait for it to finish, or give another folder.", "请等它结束，或换一个文件夹。"),
    "outdir.write_in": ("cannot write in {path} ({reason}).", "无法在 {path} 中写入（{reason}）。"),
    "outdir.write": ("cannot write {path} ({reason}).", "无法写入 {path}（{reason}）。"),
    "outdir.write.fix": ("give a folder you may write to, on a disk with room (earlier outputs there are kept as they were).",
                  "请换一个可写入且空间足够的文件夹（其中原有的输出保持不变）。"),
    # output folders
    "out.file_in_way": ("cannot make the folder {folder}: a file of that name is in the way.", "无法建立文件夹 {folder}：已有同名文件。"),
    "out.file_in_way.fix": (
        "give the path of a folder (it is made when missing), not of a file.",
        "请给出文件夹路径（不存在时自动建立），而不是文件。",
    ),
    "out.path_in_way": ("cannot make the folder {folder}: a file is in the way.", "无法建立文件夹 {folder}：路径上有文件。"),
    "out.path_in_way.fix": (
        "give the path of a folder (it is made when missing), not of a file.",
        "请给出文件夹路径（不存在时自动建立），而不是文件。",
    ),
    "out.cannot_write_in": ("cannot write in {path} ({reason}).", "无法在 {path} 中写入（{reason}）。"),
    "out.cannot_write_in.fix": (
        "give a folder you may write to, on a disk with room (earlier outputs there are kept as they were).",
        "请给出有写入权限、磁盘空间足够的文件夹（其中原有的输出保持不变）。",
    ),
    "out.cannot_write": ("cannot write {path} ({reason}).", "无法写入 {path}（{reason}）。"),
    "out.cannot_write.fix": (
        "give a folder you may write to, on a disk with room (earlier outputs there are kept as they were).",
        "请给出有写入权限、磁盘空间足够的文件夹（其中原有的输出保持不变）。",
    ),
}
