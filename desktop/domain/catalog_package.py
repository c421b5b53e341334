"""Wording of the evidence-package messages, merged into catalog.MESSAGES.

Each entry is (English, Chinese) with identical placeholders. `{path}` is the package file,
`{name}` the member inside it.
"""
from __future__ import annotations

PACKAGE_MESSAGES: dict[str, tuple[str, str]] = {
    # The file as a zip (storage/safe_zip.py, prefix "package")
    "package.not_a_zip": ("{path} is not an SRDI Desk package (not a zip file)",
                          "{path} 不是申报台材料包（不是 zip 文件）"),
    "package.unreadable": ("the package {path} cannot be read: {error}",
                           "无法读取材料包 {path}：{error}"),
    "package.member_unreadable": ("{path}: '{name}' cannot be read: {error}",
                                  "{path}：无法读取“{name}”：{error}"),
    "package.unsafe_name": ("{path}: unsafe entry name '{name}' (absolute, '..', backslash, "
                            "drive or folder)",
                            "{path}：条目名“{name}”不安全（绝对路径、“..”、反斜杠、盘符或文件夹）"),
    "package.link": ("{path}: '{name}' is a link, not a file", "{path}：“{name}”是链接，不是文件"),
    "package.duplicate_name": ("{path}: the name '{name}' occurs more than once",
                               "{path}：条目名“{name}”重复"),
    "package.too_many_members": ("{path} holds more than {limit} entries",
                                 "{path} 的条目超过 {limit} 个"),
    "package.member_too_large": ("{path}: '{name}' is larger than {limit} bytes",
                                 "{path}：“{name}”超过 {limit} 字节"),
    "package.total_too_large": ("{path} would unpack to more than {limit} bytes",
                                "{path} 解压后超过 {limit} 字节"),
    "package.compression_ratio": ("{path}: '{name}' is compressed more than {limit} times "
                                  "(a zip bomb?)",
                                  "{path}：“{name}”的压缩比超过 {limit} 倍（疑似压缩炸弹）"),
    "package.encrypted": ("{path}: '{name}' is encrypted", "{path}：“{name}”已加密"),
    "package.bad_manifest": ("{path}: the manifest is missing or wrong: {error}",
                             "{path}：清单缺失或有误：{error}"),
    "package.bad_data": ("{path}: '{name}' is not valid data: {error}",
                         "{path}：“{name}”不是有效的数据：{error}"),
    "package.unlisted_file": ("{path}: '{name}' is not listed in the manifest",
                              "{path}：“{name}”未列在清单中"),
    "package.missing_file": ("{path}: '{name}' is listed in the manifest but missing",
                             "{path}：清单列出的“{name}”缺失"),
    "package.size_mismatch": ("{path}: the size of '{name}' differs from the manifest",
                              "{path}：“{name}”的大小与清单不符"),
    "package.hash_mismatch": ("{path}: '{name}' is damaged or altered (its SHA-256 differs "
                              "from the manifest)",
                              "{path}：“{name}”已损坏或被改动（SHA-256 与清单不符）"),
    "package.unexpected_member": ("{path}: '{name}' does not belong in a package",
                                  "{path}：“{name}”不应出现在材料包中"),
    "package.unknown_format": ("{path} is not an SRDI Desk package (format '{value}')",
                               "{path} 不是申报台材料包（格式“{value}”）"),
    "package.unknown_version": ("{path} has package format version {value}; this SRDI Desk "
                                "reads version {supported}",
                                "{path} 的材料包格式版本为 {value}；本程序只能读取版本 {supported}"),
    "package.unknown_kind": ("{path}: unknown package kind '{value}'",
                             "{path}：未知的材料包类型“{value}”"),
    "package.store_damaged": ("the stored file {path} is missing or damaged; run the database "
                              "check (srdi doctor) first",
                              "已存储的文件 {path} 缺失或已损坏，请先检查数据库（srdi doctor）"),
    # The data inside
    "package.bad_uscc": ("{path}: the firm's unified social credit code '{value}' in {name} "
                         "is not valid",
                         "{path}：{name} 中企业的统一社会信用代码“{value}”无效"),
    "package.invalid_data": ("{path}: {count} problems in {name}; nothing was written",
                             "{path}：{name} 中有 {count} 个问题；未写入任何内容"),
    "package.firm_mismatch": ("{path}: the manifest names the firm {manifest}, the data "
                              "{data}", "{path}：清单中的企业为 {manifest}，数据中为 {data}"),
    "package.firm_unknown": ("the review is for {name} ({uscc}), a firm not in this database",
                             "该审核结果属于{name}（{uscc}），本数据库中没有这家企业"),
    "package.bad_base": ("the base values must be an object of texts",
                         "基准值必须是由文本组成的对象"),
    "package.bad_uid": ("'{value}' is not a record id (32 hexadecimal characters)",
                        "“{value}”不是记录标识（32 位十六进制字符）"),
    "package.bad_file_ref": ("expected a file as {{sha256, name, size, added_at}}",
                             "文件应为 {{sha256, name, size, added_at}}"),
    "package.missing_attachment": ("the file {value} is not in the package (or its size "
                                   "differs)", "材料包中没有文件 {value}（或大小不符）"),
    "package.duplicate_record": ("'{value}' occurs more than once", "“{value}”重复出现"),
    "package.status_not_last": ("the status {status} is not the last one of its history "
                                "({last})", "状态 {status} 与状态记录的最后一项（{last}）不一致"),
    "package.unknown_application": (
        "the review names an application this database does not have (tier {tier}, {kind}, "
        "{date}, id {uid})",
        "审核结果中的申报在本数据库中不存在（第{tier}层级，{kind}，{date}，标识 {uid}）"),
    "package.other_firm_record": ("the record {uid} belongs to another firm here",
                                  "记录 {uid} 在本数据库中属于另一家企业"),
    "package.rulebook_differs": ("the sender used rulebook {id} version {theirs}; here it is "
                                 "{mine}", "发送方使用的认定标准 {id} 为版本 {theirs}；本机为 {mine}"),
    # Results (CLI and GUI)
    "package.exported": ("wrote the {kind} package of {firm} to {path} ({files} files)",
                         "已将{firm}的{kind}包写入 {path}（{files} 个文件）"),
    "package.applied": ("applied {path}: {written} records written, {taken} conflicts taken "
                        "from the package, {kept} kept; {files} files added; backup {backup}",
                        "已导入 {path}：写入 {written} 条记录，{taken} 处冲突采用材料包的值，"
                        "{kept} 处保留本机的值；新增 {files} 个文件；备份 {backup}"),
    "package.nothing_to_apply": ("{path} holds nothing this database does not have already",
                                 "{path} 中没有本数据库尚未包含的内容"),
    "package.dry_run": ("dry run: nothing was written", "试运行：未写入任何内容"),
    "package.conflicts_refused": (
        "{count} conflicts with edits made here: nothing was written. Choose --conflicts keep "
        "(keep the values here) or --conflicts take (take the package's)",
        "有 {count} 处与本机修改冲突：未写入任何内容。请指定 --conflicts keep（保留本机的值）"
        "或 --conflicts take（采用材料包的值）"),
    "package.summary": ("{new} new, {changed} changed, {unchanged} unchanged, {conflicting} "
                        "conflicting", "新增 {new}，变更 {changed}，未变 {unchanged}，冲突 {conflicting}"),
    "package.header": ("{kind} package of {firm} ({uscc}) by {by}, {at}; SRDI Desk {version}; "
                       "{files} files, {size} bytes",
                       "{firm}（{uscc}）的{kind}包，由 {by} 于 {at} 生成；申报台 {version}；"
                       "{files} 个文件，{size} 字节"),
    "package.kind.evidence": ("evidence", "申报材料"),
    "package.kind.review": ("review", "审核结果"),
    "package.state.new": ("new", "新增"),
    "package.state.changed": ("changed", "变更"),
    "package.state.unchanged": ("unchanged", "未变"),
    "package.state.conflicting": ("conflict", "冲突"),
    "package.conflict": ("mine: {mine} (by {who}, {at}) · theirs: {theirs}",
                         "本机：{mine}（{who}，{at}）· 材料包：{theirs}"),
    "package.change": ("{mine} → {theirs}", "{mine} → {theirs}"),
    "package.part.firm": ("Firm", "企业"),
    "package.part.fiscal_year": ("Fiscal year", "财务年度"),
    "package.part.market_position": ("Market position", "市场地位"),
    "package.part.assessment": ("Assessment", "年度评价"),
    "package.part.evidence": ("Evidence", "证明材料"),
    "package.part.attachment": ("File", "附件"),
    "package.part.application": ("Application", "申报"),
    "package.part.status_change": ("Status change", "状态变更"),
    "package.part.decision": ("Decision", "人工判定"),
}
