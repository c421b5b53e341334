"""Wording of the database's waiting message and of the doctor's file repairs, merged into
catalog.MESSAGES (as catalog_excel.py is). Each entry is (English, Chinese) with identical
placeholders.
"""
from __future__ import annotations

DB_MESSAGES: dict[str, tuple[str, str]] = {
    # Another writer (a second window, the CLI) holds the database: said once, then waited for.
    "db.waiting": ("waiting for another window or command to finish writing to the database…",
                   "正在等待另一个窗口或命令完成对数据库的写入……"),
    # The doctor's report of a missing or corrupted attachment file
    "doctor.file_missing_restorable": (
        "attachment file {path} ({name}, evidence “{title}” of {firm}) is missing from the "
        "store; a good copy is in {source}: the repair restores it",
        "附件文件 {path}（{firm}的证据“{title}”，{name}）在文件库中缺失；{source} 中有完好的副本，"
        "修复会将其恢复"),
    "doctor.file_missing_lost": (
        "attachment file {path} ({name}, evidence “{title}” of {firm}) is missing from the "
        "store, and no backup holds a good copy: attach the file again from the original",
        "附件文件 {path}（{firm}的证据“{title}”，{name}）在文件库中缺失，且没有任何备份存有完好的副本："
        "请用原件重新添加该文件"),
    "doctor.file_corrupted_restorable": (
        "attachment file {path} ({name}, evidence “{title}” of {firm}) is corrupted: its content "
        "no longer matches its checksum; a good copy is in {source}: the repair moves the "
        "damaged file to the trash and restores the copy",
        "附件文件 {path}（{firm}的证据“{title}”，{name}）已损坏：内容与校验值不符；{source} 中有完好的"
        "副本，修复会把损坏的文件移到回收站并恢复该副本"),
    "doctor.file_corrupted_lost": (
        "attachment file {path} ({name}, evidence “{title}” of {firm}) is corrupted: its content "
        "no longer matches its checksum, and no backup holds a good copy: attach the file "
        "again from the original",
        "附件文件 {path}（{firm}的证据“{title}”，{name}）已损坏：内容与校验值不符，且没有任何备份存有"
        "完好的副本：请用原件重新添加该文件"),
    # What the repair did with it
    "doctor.file_restored": (
        "restored the missing file {path} ({name}, evidence “{title}” of {firm}) from {source}",
        "已从 {source} 恢复缺失的文件 {path}（{firm}的证据“{title}”，{name}）"),
    "doctor.file_replaced": (
        "moved the corrupted file {path} ({name}, evidence “{title}” of {firm}) to the trash and "
        "restored a good copy from {source}",
        "已将损坏的文件 {path}（{firm}的证据“{title}”，{name}）移到回收站，并从 {source} 恢复了完好的副本"),
    "doctor.file_not_restored": (
        "could not restore {path} ({name}, evidence “{title}” of {firm}): no backup holds a "
        "copy with the recorded checksum; attach the file again from the original",
        "无法恢复 {path}（{firm}的证据“{title}”，{name}）：没有任何备份存有校验值相符的副本；"
        "请用原件重新添加该文件"),
    "doctor.restore_failed": ("could not restore {path}: {error}", "无法恢复 {path}：{error}"),
    "doctor.repair_hint_all": ("run `srdi doctor --repair` to apply the safe repairs named above",
                               "运行 `srdi doctor --repair` 执行上述安全修复"),
}
