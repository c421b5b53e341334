"""Wording of the history's messages (records named in user terms, why a change cannot be
reverted, the CLI's lines), merged into catalog.MESSAGES. Each entry is (English, Chinese)
with identical placeholders."""
from __future__ import annotations

HISTORY_MESSAGES: dict[str, tuple[str, str]] = {
    # The record a change was made to
    "history.record.firm": ("Firm profile", "企业基本信息"),
    "history.record.fiscal_year": ("Fiscal year {year}", "{year}年度财务数据"),
    "history.record.market_position_domestic": ("Domestic market position {year}",
                                                "{year}年国内市场地位"),
    "history.record.market_position_international": ("International market position {year}",
                                                     "{year}年国际市场地位"),
    "history.record.annual_assessment": ("Annual assessment {year}", "{year}年度评价"),
    "history.record.evidence_item": ("Evidence: {title}", "证明材料：{title}"),
    "history.record.attachment": ("File: {name}", "附件：{name}"),
    "history.record.application": ("Application tier {tier} ({date})",
                                   "第{tier}层级申报（{date}）"),
    "history.record.manual_decision": ("Decision on {criterion}", "指标 {criterion} 的人工决定"),
    "history.record.batch": ("Batch {name}", "批次 {name}"),
    "history.record.other": ("{table} {id}", "{table} {id}"),
    # Why a change cannot be reverted
    "history.change_not_found": ("there is no change {id} in the history",
                                 "历史记录中没有编号为 {id} 的修改"),
    "history.cannot_revert": ("this kind of change cannot be reverted from the history",
                              "此类修改不能在历史记录中撤销"),
    "history.application_lifecycle": ("an application is never deleted; withdraw it instead",
                                      "申报不能删除，可改为撤回"),
    "history.firm_lifecycle": ("a firm is added and deleted in the firm list",
                               "企业请在企业列表中添加或删除"),
    "history.attachment": ("files are attached and removed on the Evidence tab",
                           "附件请在“证明材料”页添加或移除"),
    "history.status_by_workflow": ("the status moves only through the workflow (Applications "
                                   "page)", "申报状态只能通过流程变更（申报页）"),
    "history.automatic": ("recorded automatically with the decision; revert the decision or "
                          "its note instead", "随人工决定自动记录；请撤销决定或说明本身"),
    "history.record_gone": ("the record has been deleted since", "该记录此后已被删除"),
    "history.changed_since": ("{field} has been changed again since: it is now '{current}'",
                              "{field}此后已再次修改，当前为“{current}”"),
    "history.changed_since_empty": ("{field} has been changed again since: it is now empty",
                                    "{field}此后已再次修改，当前为空"),
    "history.changed_after_creation": ("the record has been changed since it was added; "
                                       "revert those changes first",
                                       "该记录添加后又被修改过，请先撤销那些修改"),
    "history.exists_again": ("the record exists again", "该记录已重新存在"),
    "history.no_effect": ("reverting changes nothing: {field} is set from other values",
                          "撤销不会产生变化：{field}由其他数据自动确定"),
    # Removing what a revert of a creation removes
    "market_position.not_found": ("there is no market position for {year}",
                                  "没有 {year} 年的市场地位数据"),
    "assessment.not_found": ("there is no assessment for {year}", "没有 {year} 年的年度评价"),
    # The CLI
    "history.none": ("No changes recorded yet", "尚无修改记录"),
    "history.reverted": ("Reverted change {id} (the revert is change {new_id})",
                         "已撤销修改 {id}（本次撤销记为修改 {new_id}）"),
    "history.action.create": ("added", "新增"),
    "history.action.update": ("changed", "修改"),
    "history.action.delete": ("deleted", "删除"),
    "history.cannot": ("cannot revert: {reason}", "不能撤销：{reason}"),
}
