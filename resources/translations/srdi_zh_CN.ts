<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>SRDI Desk {version}

Qualification evidence and applications for China&apos;s tiered SME titles.

Database: {database}
Attachments: {attachments}
Backups: {backups}</source>
        <translation>SRDI Desk {version} 专精特新申报台

优质中小企业梯度培育认定的证明材料与申报管理。

数据库：{database}
附件：{attachments}
备份：{backups}</translation>
    </message>
    <message>
        <source>About SRDI Desk</source>
        <translation>关于 SRDI Desk</translation>
    </message>
</context>
<context>
    <name>ApplicationDialog</name>
    <message>
        <source>New application</source>
        <translation>新建申报</translation>
    </message>
    <message>
        <source>Name, code or pinyin initials</source>
        <translation>企业名称、统一社会信用代码或拼音首字母</translation>
    </message>
    <message>
        <source>0–100, if known</source>
        <translation>0–100（如已知）</translation>
    </message>
    <message>
        <source>(no batch)</source>
        <translation>（无批次）</translation>
    </message>
</context>
<context>
    <name>ApplicationTableModel</name>
    <message>
        <source>(no batch)</source>
        <translation>（无批次）</translation>
    </message>
</context>
<context>
    <name>ApplicationsPage</name>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部层级</translation>
    </message>
    <message>
        <source>New application…</source>
        <translation>新建申报…</translation>
    </message>
    <message>
        <source>Export application workbook…</source>
        <translation>导出申请书工作簿…</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>状态历史</translation>
    </message>
    <message>
        <source>All changes</source>
        <translation>全部变更</translation>
    </message>
    <message>
        <source>Completeness checklist</source>
        <translation>材料完整性清单</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>created</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>{at} · {who} · {before} → {after}</source>
        <translation>{at} · {who} · {before} → {after}</translation>
    </message>
    <message>
        <source> — {reason}</source>
        <translation> — {reason}</translation>
    </message>
    <message>
        <source>{verdict} · {count} item(s) still missing</source>
        <translation>{verdict} · 尚缺 {count} 项</translation>
    </message>
    <message>
        <source>{verdict} · nothing missing</source>
        <translation>{verdict} · 材料齐全</translation>
    </message>
    <message>
        <source>An alternative way to qualify, not a requirement</source>
        <translation>可选的替代条件，非必备项</translation>
    </message>
    <message>
        <source>Why does the application move to “{status}”? The reason is kept in its history.</source>
        <translation>该申报为何变为“{status}”？原因将记入其状态历史。</translation>
    </message>
    <message>
        <source>Moving to “{status}” is final. Add a note if you like.</source>
        <translation>变为“{status}”后不可再更改。如有需要，可填写备注。</translation>
    </message>
    <message>
        <source>Export the application workbook</source>
        <translation>导出申请书工作簿</translation>
    </message>
    <message>
        <source>Exporting the application workbook…</source>
        <translation>正在导出申请书工作簿…</translation>
    </message>
</context>
<context>
    <name>AttachFilesDialog</name>
    <message>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
</context>
<context>
    <name>AttachmentPreview</name>
    <message>
        <source>Select an attachment to preview it.</source>
        <translation>选择一个附件以预览。</translation>
    </message>
    <message>
        <source>The stored file {name} is missing.</source>
        <translation>已存储的文件 {name} 不存在。</translation>
    </message>
    <message>
        <source>This PDF cannot be shown.</source>
        <translation>无法显示此 PDF。</translation>
    </message>
    <message>
        <source>No preview for this file type</source>
        <translation>此文件类型不支持预览</translation>
    </message>
</context>
<context>
    <name>BackupFileDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>SRDI Desk backups (*.zip)</source>
        <translation>SRDI Desk 备份 (*.zip)</translation>
    </message>
</context>
<context>
    <name>BatchDeskPage</name>
    <message>
        <source>New batch…</source>
        <translation>新建批次…</translation>
    </message>
    <message>
        <source>Check the batch</source>
        <translation>核验本批次</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All verdicts</source>
        <translation>全部结论</translation>
    </message>
    <message>
        <source>Move selected to…</source>
        <translation>将所选申报变更为…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <source>The application workbook of each selected application, one file each, into a folder</source>
        <translation>将所选每个申请的申请书工作簿分别导出到一个文件夹</translation>
    </message>
    <message>
        <source>Export recommendation table…</source>
        <translation>导出推荐表…</translation>
    </message>
    <message>
        <source>The batch&apos;s recommendation summary: a sheet per tier and a totals sheet</source>
        <translation>本批次的推荐汇总表：每个层级一个工作表，另加汇总工作表</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>{tier} · {rulebook} · deadline {deadline} · {status}</source>
        <translation>{tier} · {rulebook} · 截止日期 {deadline} · {status}</translation>
    </message>
    <message>
        <source>{checked} of {total} checked</source>
        <translation>已核验 {checked} 个，共 {total} 个</translation>
    </message>
    <message>
        <source>Checking the applications of the batch…</source>
        <translation>正在核验本批次的申报…</translation>
    </message>
    <message>
        <source>Why do the {count} selected applications move to “{status}”? The reason is kept in each history.</source>
        <translation>所选 {count} 个申报为何变为“{status}”？原因将分别记入各申报的状态历史。</translation>
    </message>
    <message>
        <source>Moving {count} applications to “{status}” is final. Add a note if you like.</source>
        <translation>将 {count} 个申报变为“{status}”后不可再更改。如有需要，可填写备注。</translation>
    </message>
    <message>
        <source>Moved {moved} of {total} to “{status}”.</source>
        <translation>已将 {total} 个申报中的 {moved} 个变为“{status}”。</translation>
    </message>
    <message>
        <source>Skipped:</source>
        <translation>已跳过：</translation>
    </message>
    <message>
        <source>{firm}: cannot move from “{before}” to “{after}”</source>
        <translation>{firm}：不能从“{before}”变为“{after}”</translation>
    </message>
    <message>
        <source>{firm}: {why}</source>
        <translation>{firm}：{why}</translation>
    </message>
    <message>
        <source>Export the application workbooks to</source>
        <translation>将申请书工作簿导出到</translation>
    </message>
    <message>
        <source>Exported {count} of {total} application workbooks to {folder}</source>
        <translation>已导出 {count}/{total} 个申请书工作簿到 {folder}</translation>
    </message>
    <message>
        <source>Exporting the application workbooks…</source>
        <translation>正在导出申请书工作簿…</translation>
    </message>
    <message>
        <source>{batch} recommendation table</source>
        <translation>{batch}推荐汇总表</translation>
    </message>
    <message>
        <source>Export the recommendation table</source>
        <translation>导出推荐汇总表</translation>
    </message>
    <message>
        <source>Exporting the recommendation table…</source>
        <translation>正在导出推荐汇总表…</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <source>New batch</source>
        <translation>新建批次</translation>
    </message>
    <message>
        <source>e.g. 2026年第八批</source>
        <translation>如：2026年第八批</translation>
    </message>
    <message>
        <source>6-digit code, e.g. 320000 (optional)</source>
        <translation>6 位行政区划代码，如 320000（选填）</translation>
    </message>
    <message>
        <source>has a deadline</source>
        <translation>设置截止日期</translation>
    </message>
    <message>
        <source>Batch name</source>
        <translation>批次名称</translation>
    </message>
</context>
<context>
    <name>BatchTableModel</name>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺项数</translation>
    </message>
    <message>
        <source>First gap</source>
        <translation>首个缺项</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Evidence expired</source>
        <translation>已过期的证明材料</translation>
    </message>
    <message>
        <source>Expired or expiring within 30 days</source>
        <translation>已过期或 30 天内到期</translation>
    </message>
    <message>
        <source>Expired or expiring within 90 days</source>
        <translation>已过期或 90 天内到期</translation>
    </message>
    <message>
        <source>Verdicts of open applications (counting…)</source>
        <translation>进行中申报的结论（统计中…）</translation>
    </message>
    <message>
        <source>Counting the verdicts of every batch…</source>
        <translation>正在统计各批次的结论…</translation>
    </message>
    <message>
        <source>Verdicts: not counted (cancelled)</source>
        <translation>结论：未统计（已取消）</translation>
    </message>
    <message>
        <source>{batch} · tier {tier}</source>
        <translation>{batch} · 第 {tier} 层级</translation>
    </message>
    <message>
        <source>(no batch)</source>
        <translation>（无批次）</translation>
    </message>
    <message>
        <source>Applications by status, per batch and tier</source>
        <translation>各批次、各层级申报状态分布</translation>
    </message>
    <message>
        <source>Verdicts of open applications, per batch</source>
        <translation>各批次进行中申报的结论分布</translation>
    </message>
    <message>
        <source>Firms</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Firms by province (top {count})</source>
        <translation>企业省份分布（前 {count} 位）</translation>
    </message>
    <message>
        <source>Firms by industry section</source>
        <translation>企业行业门类分布</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>YYYY-MM-DD (empty: unknown)</source>
        <translation>YYYY-MM-DD（留空表示未知）</translation>
    </message>
    <message>
        <source>Pick a date</source>
        <translation>选择日期</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Record decision</source>
        <translation>记录人工判定</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Why (required): what was checked, and where</source>
        <translation>理由（必填）：核查了哪些内容、依据何处</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>DoctorDialog</name>
    <message>
        <source>Check database</source>
        <translation>检查数据库</translation>
    </message>
    <message>
        <source>Everything is in order.</source>
        <translation>一切正常。</translation>
    </message>
    <message>
        <source>Problems were found:</source>
        <translation>发现以下问题：</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>修复</translation>
    </message>
    <message>
        <source>Move orphaned files to the trash and restore missing or damaged files from the backups, as listed; nothing is deleted</source>
        <translation>按上列内容：将孤立文件移入回收站，并从备份中恢复缺失或损坏的文件；不会删除任何内容</translation>
    </message>
    <message>
        <source>The repair is done.</source>
        <translation>修复已完成。</translation>
    </message>
    <message>
        <source>Repairing…</source>
        <translation>正在修复…</translation>
    </message>
    <message>
        <source>Nothing to repair.</source>
        <translation>没有需要修复的内容。</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>正在检查数据库…</translation>
    </message>
</context>
<context>
    <name>DueTableModel</name>
    <message>
        <source>expired {days} days ago</source>
        <translation>已过期 {days} 天</translation>
    </message>
    <message>
        <source>expired yesterday</source>
        <translation>昨天已过期</translation>
    </message>
    <message>
        <source>expires today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>1 day left</source>
        <translation>剩余 1 天</translation>
    </message>
    <message>
        <source>{days} days left</source>
        <translation>剩余 {days} 天</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
</context>
<context>
    <name>EligibilityPanel</name>
    <message>
        <source>Automatic (by date and kind)</source>
        <translation>自动（按日期和申报类型）</translation>
    </message>
    <message>
        <source>New application</source>
        <translation>新申报</translation>
    </message>
    <message>
        <source>Re-review</source>
        <translation>复核</translation>
    </message>
    <message>
        <source>Record decision…</source>
        <translation>记录人工判定…</translation>
    </message>
    <message>
        <source>Clear decision</source>
        <translation>清除人工判定</translation>
    </message>
    <message>
        <source>Application year</source>
        <translation>申报年度</translation>
    </message>
    <message>
        <source>Rulebook</source>
        <translation>认定标准</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>申报类型</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>申报</translation>
    </message>
    <message>
        <source>— firm only —</source>
        <translation>— 不关联申报 —</translation>
    </message>
    <message>
        <source>Tier {tier}</source>
        <translation>第 {tier} 层级</translation>
    </message>
    <message>
        <source>The application sets the year, rulebook and kind.</source>
        <translation>年度、认定标准和申报类型由所选申报确定。</translation>
    </message>
    <message>
        <source>Y = {year} · size class: {size}</source>
        <translation>Y = {year} · 企业规模：{size}</translation>
    </message>
    <message>
        <source>Rulebook {rulebook} ({version})</source>
        <translation>认定标准 {rulebook}（{version}）</translation>
    </message>
    <message>
        <source>score {score} / {needed} ({groups})</source>
        <translation>得分 {score} / {needed}（{groups}）</translation>
    </message>
    <message>
        <source>direct route {route}</source>
        <translation>直通条件 {route}</translation>
    </message>
    <message>
        <source>Tier {tier} · {title}</source>
        <translation>第 {tier} 层级 · {title}</translation>
    </message>
    <message>
        <source>Rests on interpretations: {readings}</source>
        <translation>所依据的口径：{readings}</translation>
    </message>
    <message>
        <source>Decisions are recorded on an application: choose one under “Application”.</source>
        <translation>人工判定记录在申报上：请在“申报”中选择一个申报。</translation>
    </message>
    <message>
        <source>Select a criterion that needs a person&apos;s decision.</source>
        <translation>请选择一项需要人工判定的指标。</translation>
    </message>
    <message>
        <source>Decide “{criterion}”</source>
        <translation>判定“{criterion}”</translation>
    </message>
    <message>
        <source>Clear the decision on “{criterion}”</source>
        <translation>清除对“{criterion}”的判定</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <source>Edit evidence</source>
        <translation>编辑证明材料</translation>
    </message>
    <message>
        <source>Add evidence</source>
        <translation>添加证明材料</translation>
    </message>
    <message>
        <source>Related (partly checked: not known)</source>
        <translation>与主导产品相关（半选表示未知）</translation>
    </message>
</context>
<context>
    <name>EvidenceDuePage</name>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Double-click an item to open it in its firm</source>
        <translation>双击条目可在所属企业中打开</translation>
    </message>
    <message>
        <source>Expired, or expiring within</source>
        <translation>已过期或剩余有效期不超过</translation>
    </message>
    <message>
        <source>{count} items, {expired} expired</source>
        <translation>共 {count} 项，其中 {expired} 项已过期</translation>
    </message>
</context>
<context>
    <name>EvidenceLabels</name>
    <message>
        <source>Invention patent</source>
        <translation>发明专利</translation>
    </message>
    <message>
        <source>Utility-model patent</source>
        <translation>实用新型专利</translation>
    </message>
    <message>
        <source>Design patent</source>
        <translation>外观设计专利</translation>
    </message>
    <message>
        <source>Software copyright</source>
        <translation>软件著作权</translation>
    </message>
    <message>
        <source>IC layout design</source>
        <translation>集成电路布图设计</translation>
    </message>
    <message>
        <source>New plant variety</source>
        <translation>植物新品种</translation>
    </message>
    <message>
        <source>National new drug</source>
        <translation>国家新药</translation>
    </message>
    <message>
        <source>Other Class I IP</source>
        <translation>其他Ⅰ类知识产权</translation>
    </message>
    <message>
        <source>Management-system certification</source>
        <translation>管理体系认证</translation>
    </message>
    <message>
        <source>Product certification</source>
        <translation>产品认证</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>奖项</translation>
    </message>
    <message>
        <source>R&amp;D institution</source>
        <translation>研发机构</translation>
    </message>
    <message>
        <source>Standard drafted</source>
        <translation>参与制修订标准</translation>
    </message>
    <message>
        <source>Title held</source>
        <translation>已获称号</translation>
    </message>
    <message>
        <source>Market-share statement</source>
        <translation>市场占有率说明</translation>
    </message>
    <message>
        <source>First set / import substitution</source>
        <translation>首台（套）/进口替代</translation>
    </message>
    <message>
        <source>Audited report</source>
        <translation>审计报告</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Gazelle enterprise</source>
        <translation>瞪羚企业</translation>
    </message>
    <message>
        <source>Unicorn enterprise</source>
        <translation>独角兽企业</translation>
    </message>
    <message>
        <source>Science and technology award</source>
        <translation>科学技术奖</translation>
    </message>
    <message>
        <source>China Patent Award</source>
        <translation>中国专利奖</translation>
    </message>
    <message>
        <source>Maker China</source>
        <translation>创客中国</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Applied for</source>
        <translation>申请中</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Self-developed</source>
        <translation>自主研发</translation>
    </message>
    <message>
        <source>Acquired by transfer</source>
        <translation>受让取得</translation>
    </message>
    <message>
        <source>Overseas patent family</source>
        <translation>海外同族专利</translation>
    </message>
    <message>
        <source>Pledge financing</source>
        <translation>质押融资</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Drop files here to attach them to the selected item.</source>
        <translation>将文件拖放到此处，作为所选证明材料的附件。</translation>
    </message>
    <message>
        <source>Attach files…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Detach</source>
        <translation>移除附件</translation>
    </message>
    <message>
        <source>Add evidence “{title}”</source>
        <translation>添加证明材料“{title}”</translation>
    </message>
    <message>
        <source>Edit evidence “{title}”</source>
        <translation>编辑证明材料“{title}”</translation>
    </message>
    <message>
        <source>Remove evidence “{title}”</source>
        <translation>删除证明材料“{title}”</translation>
    </message>
    <message>
        <source>Attach {name}</source>
        <translation>添加附件 {name}</translation>
    </message>
    <message>
        <source>Detach {name}</source>
        <translation>移除附件 {name}</translation>
    </message>
</context>
<context>
    <name>EvidenceTableModel</name>
    <message>
        <source>Expired: not valid on {date}</source>
        <translation>已过期：{date} 不在有效期内</translation>
    </message>
    <message>
        <source>{date} (expired)</source>
        <translation>{date}（已过期）</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
</context>
<context>
    <name>ExportPaths</name>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>SRDI Desk packages (*.srdipkg)</source>
        <translation>SRDI Desk 材料包 (*.srdipkg)</translation>
    </message>
</context>
<context>
    <name>FiguresGrid</name>
    <message>
        <source>Add year</source>
        <translation>添加年度</translation>
    </message>
    <message>
        <source>Remove year</source>
        <translation>删除年度</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Edit {what} of {year}</source>
        <translation>编辑 {year} 年{what}</translation>
    </message>
    <message>
        <source>{year} is already in the grid.</source>
        <translation>{year} 年已在表中。</translation>
    </message>
    <message>
        <source>Add the year {year}</source>
        <translation>添加 {year} 年度</translation>
    </message>
    <message>
        <source>Choose a cell of the year to remove.</source>
        <translation>请先选中要删除年度中的任一单元格。</translation>
    </message>
    <message>
        <source>Remove the year {year}</source>
        <translation>删除 {year} 年度</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the workbook</source>
        <translation>选择工作簿</translation>
    </message>
    <message>
        <source>A data workbook exported by SRDI Desk, or any workbook with a header row (企业名称, 统一社会信用代码, 2024年营业收入…).</source>
        <translation>由本软件导出的数据工作簿，或任何带表头行（企业名称、统一社会信用代码、2024年营业收入…）的工作簿。</translation>
    </message>
    <message>
        <source>Path of an .xlsx or .xlsm file</source>
        <translation>.xlsx 或 .xlsm 文件的路径</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>No sheet of this workbook has a header row SRDI Desk recognises (企业名称, 统一社会信用代码 …).</source>
        <translation>该工作簿中没有可识别表头行（企业名称、统一社会信用代码…）的工作表。</translation>
    </message>
</context>
<context>
    <name>FirmEditorPage</name>
    <message>
        <source>Back to the list</source>
        <translation>返回列表</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the profile (Ctrl+S)</source>
        <translation>保存基本信息（Ctrl+S）</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>财务数据</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证明材料</translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation>条件核验</translation>
    </message>
    <message>
        <source>History</source>
        <translation>变更历史</translation>
    </message>
    <message>
        <source>New firm</source>
        <translation>新建企业</translation>
    </message>
    <message>
        <source>{name} (archived)</source>
        <translation>{name}（已归档）</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>编辑 {name}</translation>
    </message>
    <message>
        <source>Add {name}</source>
        <translation>添加 {name}</translation>
    </message>
</context>
<context>
    <name>FirmListPage</name>
    <message>
        <source>Name, USCC or pinyin initials</source>
        <translation>企业名称、统一社会信用代码或拼音首字母</translation>
    </message>
    <message>
        <source>All provinces</source>
        <translation>全部省份</translation>
    </message>
    <message>
        <source>All industries</source>
        <translation>全部行业</translation>
    </message>
    <message>
        <source>All verdicts</source>
        <translation>全部结论</translation>
    </message>
    <message>
        <source>Tier 1 passes</source>
        <translation>第1层级通过</translation>
    </message>
    <message>
        <source>Tier 2 passes</source>
        <translation>第2层级通过</translation>
    </message>
    <message>
        <source>Tier 3 passes</source>
        <translation>第3层级通过</translation>
    </message>
    <message>
        <source>Any tier pending</source>
        <translation>有层级待人工判定</translation>
    </message>
    <message>
        <source>Any tier incomplete</source>
        <translation>有层级数据不全</translation>
    </message>
    <message>
        <source>Fails every tier</source>
        <translation>各层级均未通过</translation>
    </message>
    <message>
        <source>Verdicts of this year&apos;s application, judged on each firm&apos;s own data</source>
        <translation>按本年度申报、依各企业自身数据得出的结论</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>显示已归档</translation>
    </message>
    <message>
        <source>New firm</source>
        <translation>新建企业</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Checking the verdicts of the listed firms…</source>
        <translation>正在判定所列企业的结论…</translation>
    </message>
    <message>
        <source>{n} firms</source>
        <translation>{n} 家企业</translation>
    </message>
    <message>
        <source>{n}+ firms</source>
        <translation>{n}+ 家企业</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Restore {name}</source>
        <translation>恢复 {name}</translation>
    </message>
    <message>
        <source>Archive {name}</source>
        <translation>归档 {name}</translation>
    </message>
    <message>
        <source>Delete {name} with all its figures, evidence and applications?
Edit → Undo brings it back.</source>
        <translation>删除 {name} 及其全部财务数据、证明材料和申报？
可通过“编辑 → 撤销”恢复。</translation>
    </message>
    <message>
        <source>Delete {name}</source>
        <translation>删除 {name}</translation>
    </message>
</context>
<context>
    <name>FirmTableModel</name>
    <message>
        <source>Industry</source>
        <translation>所属行业</translation>
    </message>
    <message>
        <source>Last-year revenue (10k CNY)</source>
        <translation>上年营业收入（万元）</translation>
    </message>
    <message>
        <source>Best tier</source>
        <translation>最高层级</translation>
    </message>
    <message>
        <source>Open applications</source>
        <translation>进行中的申报</translation>
    </message>
    <message>
        <source>{name} (archived)</source>
        <translation>{name}（已归档）</translation>
    </message>
    <message>
        <source>Operating revenue {year}: not entered</source>
        <translation>{year} 年营业收入：未填写</translation>
    </message>
    <message>
        <source>Operating revenue {year}: {amount} (10k CNY)</source>
        <translation>{year} 年营业收入：{amount}（万元）</translation>
    </message>
    <message>
        <source>No tier</source>
        <translation>各层级均未通过</translation>
    </message>
    <message>
        <source>Tier {tier}: {outcome}</source>
        <translation>第 {tier} 层级：{outcome}</translation>
    </message>
    <message>
        <source>Rulebook {rulebook}, application year {year}</source>
        <translation>认定标准 {rulebook}，申报年度 {year}</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待人工判定</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>数据不全</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>Welcome to SRDI Desk</source>
        <translation>欢迎使用 SRDI Desk</translation>
    </message>
    <message>
        <source>The database is empty. Load the demo data (34 firms with figures, evidence and applications) to look around, import a workbook of your own firms, or start with an empty database?</source>
        <translation>数据库为空。载入演示数据（34 家企业，含财务数据、佐证材料和申报）先看看，导入您自己企业的工作簿，还是从空数据库开始？</translation>
    </message>
    <message>
        <source>Load the demo data</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <source>Import a workbook</source>
        <translation>导入工作簿</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>从空数据库开始</translation>
    </message>
</context>
<context>
    <name>FiscalYearTableModel</name>
    <message>
        <source>Main-business share</source>
        <translation>主营业务收入占比</translation>
    </message>
    <message>
        <source>Operating revenue growth</source>
        <translation>营业收入增长率</translation>
    </message>
    <message>
        <source>Main-business revenue growth</source>
        <translation>主营业务收入增长率</translation>
    </message>
    <message>
        <source>R&amp;D ratio</source>
        <translation>研发费用占比</translation>
    </message>
    <message>
        <source>Debt ratio</source>
        <translation>资产负债率</translation>
    </message>
    <message>
        <source>Main-business revenue / operating revenue</source>
        <translation>主营业务收入 / 营业收入</translation>
    </message>
    <message>
        <source>Operating revenue against the year before</source>
        <translation>营业收入较上年增长</translation>
    </message>
    <message>
        <source>Main-business revenue against the year before</source>
        <translation>主营业务收入较上年增长</translation>
    </message>
    <message>
        <source>R&amp;D expense / operating revenue</source>
        <translation>研发费用 / 营业收入</translation>
    </message>
    <message>
        <source>Total liabilities / total assets</source>
        <translation>负债总额 / 资产总额</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Record, field, value or person</source>
        <translation>记录、字段、取值或操作人</translation>
    </message>
    <message>
        <source>Fi&amp;lter:</source>
        <translation>筛选(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Revert change…</source>
        <translation>撤销此变更(&amp;R)…</translation>
    </message>
    <message>
        <source>Revert the selected change (Alt+R); Ctrl+Z undoes the revert</source>
        <translation>撤销所选变更（Alt+R）；Ctrl+Z 可取消本次撤销</translation>
    </message>
    <message>
        <source>This change cannot be reverted: {reason}</source>
        <translation>此变更无法撤销：{reason}</translation>
    </message>
    <message>
        <source>No changes recorded yet.</source>
        <translation>尚无变更记录。</translation>
    </message>
    <message>
        <source>Revert: {record}</source>
        <translation>撤销变更：{record}</translation>
    </message>
    <message>
        <source>Remove “{record}” again?</source>
        <translation>再次删除“{record}”？</translation>
    </message>
    <message>
        <source>Put “{record}” back?</source>
        <translation>恢复“{record}”？</translation>
    </message>
    <message>
        <source>Set {field} of “{record}” back to {value}?</source>
        <translation>将“{record}”的{field}改回 {value}？</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Old → new</source>
        <translation>原值 → 新值</translation>
    </message>
    <message>
        <source>Cannot be reverted: {reason}</source>
        <translation>无法撤销：{reason}</translation>
    </message>
    <message>
        <source>{who} (from a package)</source>
        <translation>{who}（来自材料包）</translation>
    </message>
    <message>
        <source>{who} (kept over a package)</source>
        <translation>{who}（保留本机值，未采用材料包）</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>HistoryValues</name>
    <message>
        <source>Domestic</source>
        <translation>国内</translation>
    </message>
    <message>
        <source>International</source>
        <translation>国际</translation>
    </message>
    <message>
        <source>State-owned</source>
        <translation>国有</translation>
    </message>
    <message>
        <source>Joint venture</source>
        <translation>合资</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>民营</translation>
    </message>
    <message>
        <source>Foreign-owned</source>
        <translation>外资</translation>
    </message>
    <message>
        <source>No listing plan</source>
        <translation>暂无上市计划</translation>
    </message>
    <message>
        <source>Listing planned</source>
        <translation>拟上市</translation>
    </message>
    <message>
        <source>Listed</source>
        <translation>已上市</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Importing the workbook…</source>
        <translation>正在导入工作簿…</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was written.</source>
        <translation>导入已取消，未写入任何数据。</translation>
    </message>
    <message>
        <source>{created} created · {updated} updated · {unchanged} unchanged · {refused} refused</source>
        <translation>新建 {created} · 更新 {updated} · 未变 {unchanged} · 拒绝 {refused}</translation>
    </message>
    <message>
        <source>Imported.</source>
        <translation>导入完成。</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>未写入任何数据。</translation>
    </message>
    <message>
        <source>The import failed; nothing was written.</source>
        <translation>导入失败，未写入任何数据。</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import a workbook</source>
        <translation>导入工作簿</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Choose a workbook</source>
        <translation>选择工作簿</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx *.xlsm)</source>
        <translation>Excel 工作簿 (*.xlsx *.xlsm)</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>IndustryPicker</name>
    <message>
        <source>Search an industry by code or name…</source>
        <translation>按代码或名称搜索行业…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>SRDI Desk — 专精特新申报台</source>
        <translation>SRDI Desk — 专精特新申报台</translation>
    </message>
    <message>
        <source>Firms</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>申报</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Evidence due</source>
        <translation>证据到期</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New firm</source>
        <translation>新建企业(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Import workbook…</source>
        <translation>导入工作簿(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export data workbook…</source>
        <translation>导出数据工作簿(&amp;E)…</translation>
    </message>
    <message>
        <source>Export evidence &amp;package…</source>
        <translation>导出申报材料包(&amp;P)…</translation>
    </message>
    <message>
        <source>Export re&amp;view package…</source>
        <translation>导出审核意见包(&amp;V)…</translation>
    </message>
    <message>
        <source>Im&amp;port package…</source>
        <translation>导入材料包(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Load &amp;demo data</source>
        <translation>载入演示数据(&amp;D)</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>设置(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find firm</source>
        <translation>查找企业(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Firms</source>
        <translation>企业(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Applications</source>
        <translation>申报(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Batches</source>
        <translation>批次(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Evidence due</source>
        <translation>证据到期(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>概览(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>Check every application of a &amp;batch</source>
        <translation>核验批次内全部申报(&amp;B)</translation>
    </message>
    <message>
        <source>Check &amp;database…</source>
        <translation>检查数据库(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About SRDI Desk</source>
        <translation>关于 SRDI Desk(&amp;A)</translation>
    </message>
    <message>
        <source>Loading the demo data…</source>
        <translation>正在载入演示数据…</translation>
    </message>
    <message>
        <source>Export the data workbook</source>
        <translation>导出数据工作簿</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>导出已取消。</translation>
    </message>
    <message>
        <source>Exporting the data workbook…</source>
        <translation>正在导出数据工作簿…</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Replace all current data with the backup {name}? The current data is backed up first.</source>
        <translation>用备份 {name} 替换当前全部数据？替换前会先备份当前数据。</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>正在从备份恢复…</translation>
    </message>
    <message>
        <source>{count} firms · {path}</source>
        <translation>{count} 家企业 · {path}</translation>
    </message>
    <message>
        <source>Open or select a firm first.</source>
        <translation>请先打开或选中一家企业。</translation>
    </message>
    <message>
        <source>Export the evidence package</source>
        <translation>导出申报材料包</translation>
    </message>
    <message>
        <source>Export the review package</source>
        <translation>导出审核意见包</translation>
    </message>
    <message>
        <source>Package written to {path}</source>
        <translation>材料包已保存到 {path}</translation>
    </message>
    <message>
        <source>Writing the package…</source>
        <translation>正在写入材料包…</translation>
    </message>
    <message>
        <source>Import a package</source>
        <translation>导入材料包</translation>
    </message>
    <message>
        <source>Applying the package…</source>
        <translation>正在导入材料包…</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was changed.</source>
        <translation>导入已取消，数据未作任何更改。</translation>
    </message>
    <message>
        <source>Package applied: {written} records written, {files} files added, {kept} conflicts kept, {taken} taken.</source>
        <translation>材料包已导入：写入 {written} 条记录，新增 {files} 个文件；冲突保留本地 {kept} 项，采用材料包 {taken} 项。</translation>
    </message>
    <message>
        <source>Checking the package…</source>
        <translation>正在检查材料包…</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Sheets and column mapping</source>
        <translation>工作表与列对应</translation>
    </message>
    <message>
        <source>Check which field each column is read into; choose “(ignore)” for a column that should not be imported.</source>
        <translation>请核对每一列对应的字段；不需要导入的列请选择“（忽略）”。</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>表头</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Sheet “{sheet}”: no header row found, not read</source>
        <translation>工作表“{sheet}”：未找到表头行，不读取</translation>
    </message>
    <message>
        <source>Sheet “{sheet}”: header in row {rows} · {kind}</source>
        <translation>工作表“{sheet}”：表头在第 {rows} 行 · {kind}</translation>
    </message>
    <message>
        <source>A data workbook exported by SRDI Desk: its columns are known. A correction reads it as an ordinary workbook.</source>
        <translation>这是由本软件导出的数据工作簿，各列已知。若修改列对应，将按普通工作簿读取。</translation>
    </message>
    <message>
        <source>firms and fiscal years</source>
        <translation>企业及年度财务数据</translation>
    </message>
    <message>
        <source>market positions</source>
        <translation>市场地位</translation>
    </message>
    <message>
        <source>annual assessments</source>
        <translation>年度评价</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>（忽略）</translation>
    </message>
</context>
<context>
    <name>PackagePreviewDialog</name>
    <message>
        <source>Profile</source>
        <translation>企业信息</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>财务年度</translation>
    </message>
    <message>
        <source>Market position</source>
        <translation>市场地位</translation>
    </message>
    <message>
        <source>Annual assessment</source>
        <translation>年度评价</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>申报</translation>
    </message>
    <message>
        <source>Status change</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>人工认定</translation>
    </message>
    <message>
        <source>Conflicting ({count})</source>
        <translation>冲突（{count}）</translation>
    </message>
    <message>
        <source>New ({count})</source>
        <translation>新增（{count}）</translation>
    </message>
    <message>
        <source>Changed ({count})</source>
        <translation>修改（{count}）</translation>
    </message>
    <message>
        <source>Unchanged ({count})</source>
        <translation>未变（{count}）</translation>
    </message>
    <message>
        <source>Import package</source>
        <translation>导入材料包</translation>
    </message>
    <message>
        <source>Record / field</source>
        <translation>记录 / 字段</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>In the package</source>
        <translation>材料包中</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>&amp;Keep all mine</source>
        <translation>全部保留本机(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Take all theirs</source>
        <translation>全部采用材料包(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>导入(&amp;A)</translation>
    </message>
    <message>
        <source>Evidence package</source>
        <translation>申报材料包</translation>
    </message>
    <message>
        <source>Review package</source>
        <translation>审核意见包</translation>
    </message>
    <message>
        <source>{name} ({uscc}), new to this database</source>
        <translation>{name}（{uscc}），本机尚无此企业</translation>
    </message>
    <message>
        <source>{name} ({uscc})</source>
        <translation>{name}（{uscc}）</translation>
    </message>
    <message>
        <source>Made by {who} on {when} with SRDI Desk {version}; {files} files, {new_files} not here yet</source>
        <translation>由 {who} 于 {when} 用 SRDI Desk {version} 生成；共 {files} 个文件，其中 {new_files} 个本机尚无</translation>
    </message>
    <message>
        <source>Nothing to apply: this database already holds everything in the package.</source>
        <translation>无需导入：本机数据已包含材料包中的全部内容。</translation>
    </message>
    <message>
        <source>Values edited here since they last came from a package: {count}. Choose for each whether to keep yours (the default) or take the package&apos;s.</source>
        <translation>以下 {count} 项在上次导入材料包后已在本机修改。请逐项选择保留本机的值（默认）或采用材料包的值。</translation>
    </message>
    <message>
        <source>edited here by {who}</source>
        <translation>由 {who} 在本机修改</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留本机</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>采用材料包</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Nothing has been written yet.</source>
        <translation>尚未写入任何数据。</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Import only the valid rows</source>
        <translation>只导入有效的行</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>保存报告…</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在检查每一行…</translation>
    </message>
    <message>
        <source>Checking the workbook…</source>
        <translation>正在检查工作簿…</translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation>检查已取消。</translation>
    </message>
    <message>
        <source>The workbook cannot be imported:</source>
        <translation>该工作簿无法导入：</translation>
    </message>
    <message>
        <source>{created} to create · {updated} to update · {unchanged} unchanged · {refused} refused</source>
        <translation>将新建 {created} · 将更新 {updated} · 未变 {unchanged} · 拒绝 {refused}</translation>
    </message>
    <message>
        <source>Rows with problems are listed below. Correct the workbook, or import only the valid rows.</source>
        <translation>有问题的行列在下方。请修改工作簿，或只导入有效的行。</translation>
    </message>
    <message>
        <source>Report saved: {path}</source>
        <translation>报告已保存：{path}</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>登记信息</translation>
    </message>
    <message>
        <source>Location and industry</source>
        <translation>地区与行业</translation>
    </message>
    <message>
        <source>Derived from the industry</source>
        <translation>按所属行业自动确定</translation>
    </message>
    <message>
        <source>Leading product</source>
        <translation>主导产品</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>企业情况</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Compliance</source>
        <translation>合规经营</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>State-owned</source>
        <translation>国有</translation>
    </message>
    <message>
        <source>Joint venture</source>
        <translation>合资</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>民营</translation>
    </message>
    <message>
        <source>Foreign-owned</source>
        <translation>外资</translation>
    </message>
    <message>
        <source>No listing plan</source>
        <translation>无上市计划</translation>
    </message>
    <message>
        <source>Listing planned</source>
        <translation>有上市计划</translation>
    </message>
    <message>
        <source>Listed</source>
        <translation>已上市</translation>
    </message>
    <message>
        <source>Archived (hidden from the firm list)</source>
        <translation>已归档（不在企业列表中显示）</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>备注（选填）</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>A new language applies when SRDI Desk starts again.</source>
        <translation>新的语言设置将在重新启动 SRDI Desk 后生效。</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>UnsavedChangesDialog</name>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>the new firm</source>
        <translation>新企业</translation>
    </message>
    <message>
        <source>The profile of {name} has changes that are not saved yet.</source>
        <translation>{name}的基本信息有尚未保存的更改。</translation>
    </message>
    <message>
        <source>Save them before leaving?</source>
        <translation>离开前是否保存？</translation>
    </message>
</context>
<context>
    <name>VerdictTreeModel</name>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>实际值</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>标准值</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>差距</translation>
    </message>
    <message>
        <source>Evidence used</source>
        <translation>所用证明材料</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Manual review</source>
        <translation>人工判定</translation>
    </message>
    <message>
        <source>Missing data</source>
        <translation>缺少数据</translation>
    </message>
    <message>
        <source>Pending (manual decisions open)</source>
        <translation>待人工判定（尚有人工判定事项）</translation>
    </message>
    <message>
        <source>Incomplete (data missing)</source>
        <translation>数据不全（缺少数据）</translation>
    </message>
    <message>
        <source>Tier {tier} · {title}</source>
        <translation>第 {tier} 层级 · {title}</translation>
    </message>
    <message>
        <source>Rulebook {rulebook} ({version})</source>
        <translation>认定标准 {rulebook}（{version}）</translation>
    </message>
</context>
<context>
    <name>YearlyRecordsBox</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Domestic</source>
        <translation>国内</translation>
    </message>
    <message>
        <source>International</source>
        <translation>国际</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Level {level}</source>
        <translation>{level} 级</translation>
    </message>
    <message>
        <source>Save {what}</source>
        <translation>保存{what}</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Something went wrong: {error}
The details are in the log file.</source>
        <translation>出现错误：{error}
详细信息见日志文件。</translation>
    </message>
    <message>
        <source>SRDI Desk</source>
        <translation>SRDI Desk</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>待提交</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>已推荐</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已认定</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>未通过认定</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Tier 1 · innovative SME</source>
        <translation>第一层级 · 创新型中小企业</translation>
    </message>
    <message>
        <source>Tier 2 · specialised SME</source>
        <translation>第二层级 · 专精特新中小企业</translation>
    </message>
    <message>
        <source>Tier 3 · little giant</source>
        <translation>第三层级 · 专精特新“小巨人”企业</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>未核验</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Pending decisions</source>
        <translation>待人工判定</translation>
    </message>
    <message>
        <source>Incomplete data</source>
        <translation>数据不全</translation>
    </message>
    <message>
        <source>Passes</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Fails</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Needs a decision</source>
        <translation>需人工判定</translation>
    </message>
    <message>
        <source>Data missing</source>
        <translation>缺少数据</translation>
    </message>
    <message>
        <source>Re-review</source>
        <translation>复核</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新申报</translation>
    </message>
    <message>
        <source>By the assessment date</source>
        <translation>按评价日期确定</translation>
    </message>
    <message>
        <source>2022 rules (工信部企业〔2022〕63号)</source>
        <translation>2022 年认定标准（工信部企业〔2022〕63号）</translation>
    </message>
    <message>
        <source>2026 rules (工信部企业〔2026〕2号)</source>
        <translation>2026 年认定标准（工信部企业〔2026〕2号）</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>open</source>
        <translation>开放中</translation>
    </message>
    <message>
        <source>Invention patent</source>
        <translation>发明专利</translation>
    </message>
    <message>
        <source>Utility model</source>
        <translation>实用新型专利</translation>
    </message>
    <message>
        <source>Design patent</source>
        <translation>外观设计专利</translation>
    </message>
    <message>
        <source>Software copyright</source>
        <translation>软件著作权</translation>
    </message>
    <message>
        <source>IC layout design</source>
        <translation>集成电路布图设计</translation>
    </message>
    <message>
        <source>Plant variety</source>
        <translation>植物新品种</translation>
    </message>
    <message>
        <source>National new drug</source>
        <translation>国家新药</translation>
    </message>
    <message>
        <source>Other Class I IP</source>
        <translation>其他Ⅰ类知识产权</translation>
    </message>
    <message>
        <source>Management-system certification</source>
        <translation>管理体系认证</translation>
    </message>
    <message>
        <source>Product certification</source>
        <translation>产品认证</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>奖项</translation>
    </message>
    <message>
        <source>R&amp;D institution</source>
        <translation>研发机构</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>称号</translation>
    </message>
    <message>
        <source>Market-share statement</source>
        <translation>市场占有率说明</translation>
    </message>
    <message>
        <source>First set / import substitution</source>
        <translation>首台（套）/进口替代</translation>
    </message>
    <message>
        <source>Audited report</source>
        <translation>审计报告</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Back to draft</source>
        <translation>退回草稿</translation>
    </message>
    <message>
        <source>Mark ready</source>
        <translation>标记为待提交</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <source>Recommend</source>
        <translation>推荐</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>认定…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>不予认定…</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>撤回…</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>{title}: {gaps}</source>
        <translation>{title}：{gaps}</translation>
    </message>
</context>
</TS>
