/** system messages (errors included), zh-CN; keys are prefixed 'system.'. */
export const systemZh = {
	'system.backup.notFolder': '{dir} 不是目录，请为备份选择新的目录',
	'system.backup.notEmpty': '备份目录 {dir} 不为空，请选择新的目录',
	'system.backup.badManifest': '不是可读取的工作台备份：{detail}',
	'system.backup.newerSchema':
		'该备份由更新版本的工作台生成（数据结构版本 {backup}，本版本最高 {here}），请先升级工作台',
	'system.backup.fileAltered': '备份已损坏：其中的文件 {path} 缺失或与清单中的 SHA-256 不符',
	'system.backup.fileUnreadable': '备份已损坏：其中的文件 {path} 缺失或无法读取，未做任何更改',
	'system.backup.tableMismatch':
		'恢复后的表 {table} 与备份不符（应有 {expected} 行，实际 {got} 行），未做任何更改',
	'system.backup.tableChecksum': '恢复后的表 {table} 与备份不符（{rows} 行均在，但校验和不同），未做任何更改',
	'system.backup.targetExists':
		'数据库 {path} 已存在：如需覆盖请加 --replace（原文件保留为 .before-restore-…）',
	'system.backup.fileConflict': '{path} 的恢复位置已有不同的文件：如需覆盖请加 --replace',
	'system.cli.backupSummary': '{tables} 张表，{rows} 行，{files} 个文件，数据结构版本 {schema}',
	'system.cli.previousKept': '被替换的数据库保留为 {path}',
	'system.cli.previousFileKept': '被替换的文件保留为 {path}',
	'system.cli.auditExported': '审计日志已导出到 {path}（{size} 字节，SHA-256 {sha256}）',
	'system.cli.auditOk': '审计日志完整：共 {entries} 条（其中 {unchained} 条早于哈希链）',
	'system.cli.auditBroken': '审计日志在第 {id} 条处断裂（{reason}）：该条或其之前的记录被修改或删除',
	'system.badSetting': '设置 {name} 的值“{value}”无效：{problem}',
	'system.formExpected': '请求无效：应提交表单（application/x-www-form-urlencoded 或 multipart/form-data）',
	'system.jsonTooLarge': '请求无效：JSON 请求体超过 {max} 字节',
	'system.databaseBusy':
		'数据库文件 {path} 正被其他进程占用（{detail}），请先停止工作台服务，或在网页中导入。',
	'system.cli.importing': '正在导入',
	'system.cli.batch': '批次 {batchId}：{file}（{source}）',
	'system.cli.delimiter': '分隔符 {delimiter}',
	'system.cli.sheet': '工作表 {sheet}',
	'system.cli.counts':
		'读取行数 {rows} = 新增 {accepted} + 更新 {updated} + 重复 {duplicates} + 拒收 {rejected} + 跳过 {skipped}',
	'system.cli.sha256': 'SHA-256 {sha256}',
	'system.cli.noRows': '（无数据）',
	'system.cli.badMap': '--map 的格式应为 "表头=字段"，收到 "{entry}"',
	'system.cli.badFilter': '--filter 的格式应为 维度=值，维度为 {dims} 之一；收到 "{entry}"',
	'system.cli.unreadableCatalogue': '{path}：无法读取目录文件（{reason}）',
	'system.cli.catalogueNotJson': '{path}：目录文件不是有效的 JSON（{reason}）',
	'system.cli.unreadableAssessment': '{path}：无法读取评价文件（{reason}）',
	'system.cli.assessmentNotJson': '{path}：评价文件不是有效的 JSON（{reason}）',
	'system.cli.refusedFile': '{path}：{reason}'
} as const;
