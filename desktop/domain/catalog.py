"""The one place that words each message and field label, in English and Chinese.

Each entry is (English, Chinese). A test checks that every code used in the code base is here
and that both languages use the same placeholders.
"""
from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # Values typed or read from a file
    "value.not_a_number": ("'{value}' is not a number", "“{value}”不是数字"),
    "value.not_an_integer": ("'{value}' is not a whole number", "“{value}”不是整数"),
    "value.too_precise": ("'{value}' has more than {places} decimals",
                          "“{value}”的小数位超过 {places} 位"),
    "value.too_large": ("'{value}' is too large", "“{value}”数值过大"),
    "value.not_a_date": ("'{value}' is not a date (use YYYY-MM-DD)",
                         "“{value}”不是日期（请用 YYYY-MM-DD 格式）"),
    "value.not_a_boolean": ("'{value}' is not yes or no", "“{value}”不是“是”或“否”"),
    "value.unknown_choice": ("'{value}' is not one of: {choices}",
                             "“{value}”不在可选值中：{choices}"),
    "value.unknown_field": ("unknown field '{value}'", "未知字段“{value}”"),
    "value.not_an_object": ("expected an object of fields, got {value}",
                            "应为字段对象，实际为 {value}"),
    "field.required": ("is required", "为必填项"),
    "text.too_long": ("is longer than {max} characters", "超过 {max} 个字符"),
    # The unified social credit code
    "uscc.invalid_length": ("must have 18 characters, not {length}",
                            "应为 18 位，实际为 {length} 位"),
    "uscc.invalid_format": ("may contain only digits and the letters A–Y except I, O, S, V, Z "
                            "(the first 8 are digits)",
                            "只能包含数字和除 I、O、S、V、Z 外的大写字母（前 8 位须为数字）"),
    "uscc.invalid_checksum": ("check character is wrong: expected {expected}",
                              "校验码错误：应为 {expected}"),
    "uscc.duplicate": ("a firm with the code {uscc} already exists",
                       "统一社会信用代码为 {uscc} 的企业已存在"),
    # Figures and their relations
    "money.negative": ("must not be negative ({value})", "不能为负数（{value}）"),
    "count.negative": ("must not be negative ({value})", "不能为负数（{value}）"),
    "count.exceeds": ("{value} must not exceed {other} ({limit})",
                      "{value} 不能超过{other}（{limit}）"),
    "amount.exceeds": ("{value} must not exceed {other} ({limit})",
                       "{value} 不能超过{other}（{limit}）"),
    "year.out_of_range": ("{value} is not a year between {min} and {max}",
                          "{value} 不在 {min} 至 {max} 年之间"),
    "date.in_future": ("{value} lies in the future", "{value} 晚于今天"),
    "date.too_early": ("{value} is before {min}", "{value} 早于 {min}"),
    "date.before": ("{value} is before {other} ({limit})", "{value} 早于{other}（{limit}）"),
    "percent.out_of_range": ("{value} is not a percentage between 0 and 100",
                             "{value} 不是 0 到 100 之间的百分数"),
    "score.out_of_range": ("{value} is not between {min} and {max}",
                           "{value} 不在 {min} 至 {max} 之间"),
    "number.out_of_range": ("{value} is not between {min} and {max}",
                            "{value} 不在 {min} 至 {max} 之间"),
    "rank.not_positive": ("{value} is not a rank (1, 2, 3 …)", "{value} 不是有效名次（1、2、3……）"),
    # Codes and contact details
    "region.unknown": ("'{value}' is not a 6-digit administrative division code",
                       "“{value}”不是有效的 6 位行政区划代码"),
    "industry.unknown": ("'{value}' is not a code of GB/T 4754-2017 (e.g. C3985)",
                         "“{value}”不是 GB/T 4754-2017 行业代码（如 C3985）"),
    "product_code.invalid": ("'{value}' is not a 10-digit product code",
                             "“{value}”不是 10 位产品代码"),
    "email.invalid": ("'{value}' is not an e-mail address", "“{value}”不是有效的电子邮箱"),
    "phone.invalid": ("'{value}' is not a phone number", "“{value}”不是有效的电话号码"),
    "stock_code.required_when_listed": ("is required for a listed firm", "已上市企业须填写股票代码"),
    # Evidence
    "subtype.not_allowed": ("a {kind} item takes no subtype", "“{kind}”类证据不设子类"),
    "evidence.transfer_date_without_transfer": (
        "is only for rights acquired by transfer", "仅适用于受让取得的权利"),
    # Records that are missing or clash
    "firm.not_found": ("no firm with the code {uscc}", "找不到统一社会信用代码为 {uscc} 的企业"),
    "firm.id_not_found": ("no firm with id {id}", "找不到编号为 {id} 的企业"),
    "fiscal_year.not_found": ("no figures for {year}", "没有 {year} 年的财务数据"),
    "fiscal_year.duplicate": ("{year} is listed twice", "{year} 年重复"),
    "evidence.not_found": ("no evidence item with id {id}", "找不到编号为 {id} 的证据"),
    "attachment.not_found": ("no attachment with id {id}", "找不到编号为 {id} 的附件"),
    "batch.not_found": ("no batch named {name}", "找不到名为“{name}”的批次"),
    "batch.duplicate": ("a batch named {name} already exists", "名为“{name}”的批次已存在"),
    "application.not_found": ("no application with id {id}", "找不到编号为 {id} 的申报"),
    "application.duplicate": ("the firm already has an open tier-{tier} application in this batch",
                              "该企业在本批次已有进行中的第 {tier} 层级申报"),
    "application.firm_archived": ("the firm is archived", "该企业已归档"),
    "application.batch_tier": ("the batch is for tier {batch_tier}, not tier {tier}",
                               "该批次为第 {batch_tier} 层级，而非第 {tier} 层级"),
    "application.batch_closed": ("the batch {name} is closed", "批次“{name}”已关闭"),
    "status.illegal_move": ("cannot move from {from_status} to {to_status}",
                            "不能从“{from_status}”变为“{to_status}”"),
    "status.reason_required": ("a reason is required to move to {to_status}",
                               "变为“{to_status}”须填写原因"),
    # Files
    "file.unreadable": ("cannot read {path}: {error}", "无法读取 {path}：{error}"),
    "file.not_found": ("{path} does not exist", "{path} 不存在"),
    "file.too_large": ("{path} is larger than {limit} MB", "{path} 超过 {limit} MB"),
    "file.store_failed": ("cannot store {path}: {error}", "无法保存 {path}：{error}"),
    "json.invalid": ("{path} is not valid JSON: {error}", "{path} 不是有效的 JSON：{error}"),
    # The database
    "db.too_new": ("the database {path} has schema version {found}, newer than this version of "
                   "SRDI Desk supports ({supported}); update SRDI Desk to open it",
                   "数据库 {path} 的结构版本为 {found}，高于本版 SRDI Desk 支持的 {supported}；"
                   "请升级 SRDI Desk 后再打开"),
    "db.not_a_database": ("{path} is not an SRDI Desk database: {error}",
                          "{path} 不是 SRDI Desk 数据库：{error}"),
    "db.sqlite_too_old": ("SQLite {found} is too old for SRDI Desk, which needs {needed} or newer "
                          "(for its search index); install a newer Python or the SRDI Desk bundle",
                          "SQLite {found} 版本过旧，SRDI Desk 需要 {needed} 或更新版本"
                          "（用于检索索引）；请安装较新的 Python 或使用 SRDI Desk 安装包"),
    "db.busy": ("the database is busy (another window or command is writing); try again",
                "数据库正忙（另一个窗口或命令正在写入），请稍后重试"),
    "db.failed": ("the database refused the change: {error}", "数据库拒绝了此次修改：{error}"),
    # The rulebooks
    "rulebook.invalid": ("rulebook file {path}, key '{key}': {problem}",
                         "认定标准文件 {path} 中的“{key}”有误：{problem}"),
    "rulebook.unknown": ("no rulebook '{id}' (known: {known})", "没有“{id}”认定标准（可用：{known}）"),
    # Gaps: what a criterion still lacks, in the user's terms
    "gap.enter": ("enter {what}", "请填写{what}"),
    "gap.enter_for_year": ("enter {what} for {year}", "请填写 {year} 年{what}"),
    "gap.zero_denominator": ("{what} of {year} is zero", "{year} 年{what}为零"),
    "gap.raise": ("{what} of {year} needs +{amount}", "{year} 年{what}还需增加 {amount}"),
    "gap.lower": ("{what} of {year} must fall by {amount}", "{year} 年{what}需减少 {amount}"),
    "gap.raise_ratio": ("{value} < {threshold}: {what} of {year} needs +{amount} at this base",
                        "{value} < {threshold}：按现有基数，{year} 年{what}还需增加 {amount}"),
    "gap.lower_ratio": ("{value} > {threshold}: {what} of {year} must fall by {amount} at this base",
                        "{value} > {threshold}：按现有基数，{year} 年{what}需减少 {amount}"),
    "gap.raise_total": ("{what} of {years} together needs +{amount}",
                        "{years} 年{what}合计还需增加 {amount}"),
    "gap.raise_rate": ("growth {value} < {threshold}", "增长率 {value} 低于 {threshold}"),
    "gap.raise_share": ("market share {value} < {threshold}", "市场占有率 {value} 低于 {threshold}"),
    "gap.more_years": ("needs {years} more years in the niche: reached on {date}, so counted "
                       "from the {year} application",
                       "还需在细分市场经营 {years} 年：{date} 届满，自 {year} 年申报起计入"),
    "gap.more_items": ("needs {count} more {what}", "还需 {count} 项{what}"),
    "gap.need": ("needs {what}", "需要{what}"),
    "gap.more_points": ("{points} short of the pass mark", "距通过线还差 {points} 分"),
    "gap.confirm": ("passes on the figures; a person must confirm it (e.g. qualified investors, paid-in)",
                    "数据达标，须人工确认（如合格机构投资者、实缴情况）"),
    "gap.confirm_route": ("direct route {route} needs a person's confirmation",
                          "直通条件 {route} 须人工确认"),
    "gap.group_floor": ("{group} is {points} short of its floor of {floor}",
                        "{group}距最低分 {floor} 分还差 {points} 分"),
    "gap.decide": ("needs a person's decision, recorded with a note",
                   "需人工判定并填写说明"),
    "gap.not_met": ("condition not met", "条件未满足"),
    # Notes: why something counted or did not
    "note.exempt": ("exempt: {detail}", "豁免：{detail}"),
    "note.review_exempt": ("not required at re-review", "复核企业不作要求"),
    "note.direct_route": ("qualified by direct route {route}", "通过直通条件 {route}"),
    "note.prescreen": ("pre-screen: {value} {what}", "预筛：{value} {what}"),
    "note.ip_not_related": ("{item} not counted: not related to the leading product",
                            "{item} 不计入：与主导产品无关"),
    "note.ip_transferred": ("{item} not counted: acquired by transfer", "{item} 不计入：受让取得"),
    "note.ip_transferred_recently": ("{item} not counted: transferred less than {years} year(s) ago",
                                     "{item} 不计入：受让未满 {years} 年"),
    "note.ip_rank": ("{item} not counted: the firm ranks {rank} among the holders (at most {max})",
                     "{item} 不计入：企业为第 {rank} 权利人（须前 {max} 位）"),
    "note.ip_not_maintained": ("{item} not counted: maintained for {years} years or less",
                               "{item} 不计入：维持未满 {years} 年"),
    "note.title_not_valid": ("{item} ({since} → {until}) is not valid on {date}",
                             "{item}（{since} 至 {until}）于 {date} 不在有效期内"),
    "note.items": ("{items}", "{items}"),
    "note.size": ("{sector}: {what} {figures} ({year})", "{sector}：{what} {figures}（{year} 年）"),
    # Demo data and the CLI
    "demo.loaded": ("loaded {firms} demo firms, {applications} applications",
                    "已载入 {firms} 家演示企业、{applications} 个申报"),
    "demo.already_loaded": ("the demo data is already loaded ({firms} firms)",
                            "演示数据已载入（{firms} 家企业）"),
    "demo.firm_refused": ("demo firm #{index} ({name}) was refused:",
                          "第 {index} 家演示企业（{name}）未通过校验："),
    "cli.firm_added": ("added {name} ({uscc})", "已添加 {name}（{uscc}）"),
    "cli.firm_archived": ("archived {name} ({uscc})", "已归档 {name}（{uscc}）"),
    "cli.firm_restored": ("brought back {name} ({uscc})", "已恢复 {name}（{uscc}）"),
    "cli.no_firms": ("no firms", "没有企业"),
    "cli.gui_unavailable": ("the desktop window cannot start: {error}", "无法启动桌面窗口：{error}"),
    # The completeness checklist of an application
    "checklist.audited_report": ("audited financial report for {year}", "{year} 年度审计报告"),
    "checklist.title": ("{title}, valid on {date}", "{date} 有效的{title}"),
    "checklist.title_held": ("{title} under re-review, valid on {date}",
                             "待复核的{title}（{date} 有效）"),
    "checklist.market_share_statement": (
        "the firm's own market-share statement for the leading product (niche, market size, "
        "share and rank)", "主导产品市场占有率说明（企业自述：细分市场、市场规模、占有率及排名）"),
    "checklist.on_file": ("on file: {items}", "已有：{items}"),
    "checklist.not_on_file": ("not on file yet", "尚未录入"),
    # The attachment store: trash, verification, export as a folder tree
    "store.not_stored": ("{path} is not in the attachment store", "附件库中没有 {path}"),
    "store.not_in_trash": ("{path} is not in the trash", "回收站中没有 {path}"),
    "store.bad_path": ("'{path}' is not a path inside the attachment store",
                       "“{path}”不是附件库内的路径"),
    "store.trash_failed": ("cannot move {path}: {error}", "无法移动 {path}：{error}"),
    "store.missing": ("the stored file {path} is missing", "附件库中的文件 {path} 缺失"),
    "store.export_failed": ("cannot write {path}: {error}", "无法写入 {path}：{error}"),
    "store.kind_other": ("other", "其他"),
    "store.exported": ("wrote {count} files to {path}", "已将 {count} 个文件导出到 {path}"),
    # The doctor (srdi doctor, Tools → Check database)
    "doctor.db_ok": ("database {path}: no damage found", "数据库 {path}：未发现损坏"),
    "doctor.db_damaged": ("the database file is damaged: {detail}", "数据库文件已损坏：{detail}"),
    "doctor.fk_ok": ("every reference between tables points to an existing row",
                     "各表之间的引用均指向存在的记录"),
    "doctor.fk_broken": ("table {table}, row {rowid}: refers to a row of {parent} that does not exist",
                         "表 {table} 第 {rowid} 行：引用的 {parent} 记录不存在"),
    "doctor.files_ok": ("attachments: all {count} stored files are present and intact",
                        "附件：{count} 个已存文件全部存在且完好"),
    "doctor.file_orphaned": ("orphaned file {path}: stored but used by no evidence (repair moves it to the trash)",
                             "孤立文件 {path}：已存储但未被任何证明材料使用（修复会将其移入回收站）"),
    "doctor.orphan_trashed": ("moved the orphaned file {path} to the trash",
                              "已将孤立文件 {path} 移入回收站"),
    "doctor.rules_ok": ("rulebooks: {count} loaded and valid", "评价规则：已加载 {count} 套，均有效"),
    "doctor.rules_broken": ("the rulebooks in {path} cannot be loaded", "无法加载 {path} 中的评价规则"),
    "doctor.rules_error": ("{error}", "{error}"),
    "doctor.rules_none": ("no rulebook found in {path}", "{path} 中没有评价规则"),
    "doctor.healthy": ("everything is in order", "一切正常"),
    "doctor.problems_remain": ("problems found: {count}", "发现问题：{count} 个"),
    "backup.not_a_backup": ("{path} is not an SRDI Desk backup (not a zip file)",
                            "{path} 不是 SRDI Desk 备份文件（不是 zip 文件）"),
    "backup.unreadable": ("the backup {path} cannot be read: {error}",
                          "无法读取备份 {path}：{error}"),
    "backup.unsafe_name": ("the backup holds an unsafe file name '{name}'",
                           "备份中含有不安全的文件名“{name}”"),
    "backup.too_large": ("the backup {path} is too large or too highly compressed to open",
                         "备份 {path} 过大或压缩比过高，无法打开"),
    "backup.bad_manifest": ("the backup's manifest is missing or wrong: {error}",
                            "备份的清单缺失或有误：{error}"),
    "backup.unlisted_file": ("the backup holds '{name}', which its manifest does not list",
                             "备份中的“{name}”未列在清单中"),
    "backup.missing_file": ("the backup lacks '{name}', which its manifest lists",
                            "备份缺少清单所列的“{name}”"),
    "backup.hash_mismatch": ("'{name}' in the backup is damaged (its SHA-256 does not match)",
                             "备份中的“{name}”已损坏（SHA-256 不符）"),
    "backup.database_damaged": ("the backup's database is damaged: {error}",
                                "备份中的数据库已损坏：{error}"),
    "backup.done": ("Backup written: {path}", "已写入备份：{path}"),
    "backup.restored": ("Restored from {path}; the data before the restore was backed up to "
                        "{safety}", "已从 {path} 恢复；恢复前的数据已备份到 {safety}"),
    "backup.none": ("No backups yet in {folder}", "{folder} 中还没有备份"),
    "backup.summary": ("{created} ({reason}) · schema {schema} · {firms} firms · "
                       "{attachments} attachments",
                       "{created}（{reason}）· 数据结构版本 {schema} · {firms} 家企业 · "
                       "{attachments} 个附件"),
}

# Labels of fields and values (re-exported; they live in catalog_labels.py).
from .catalog_labels import FIELD_LABELS  # noqa: E402,F401


def _merge_excel_messages() -> None:
    from .catalog_db import DB_MESSAGES
    from .catalog_excel import EXPORT_MESSAGES, IMPORT_MESSAGES

    for part in (EXPORT_MESSAGES, IMPORT_MESSAGES, DB_MESSAGES):
        clash = set(part) & set(MESSAGES)
        if clash:
            raise RuntimeError(f"message codes defined twice: {sorted(clash)}")
        MESSAGES.update(part)


_merge_excel_messages()


def _merge_history_messages() -> None:
    from .catalog_history import HISTORY_MESSAGES

    clash = set(HISTORY_MESSAGES) & set(MESSAGES)
    if clash:
        raise RuntimeError(f"message codes defined twice: {sorted(clash)}")
    MESSAGES.update(HISTORY_MESSAGES)


_merge_history_messages()


def _merge_package_messages() -> None:
    from .catalog_package import PACKAGE_MESSAGES

    clash = set(PACKAGE_MESSAGES) & set(MESSAGES)
    if clash:
        raise RuntimeError(f"message codes defined twice: {sorted(clash)}")
    MESSAGES.update(PACKAGE_MESSAGES)


_merge_package_messages()
