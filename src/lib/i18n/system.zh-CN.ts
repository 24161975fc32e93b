/** system messages (errors included), zh-CN; keys are prefixed 'system.'. */
export const systemZh = {
	'system.backup.notEmpty': '备份目录 {dir} 不为空，请选择新的目录',
	'system.backup.badManifest': '不是可读取的工作台备份：{detail}',
	'system.backup.newerSchema':
		'该备份由更新版本的工作台生成（数据结构版本 {backup}，本版本最高 {here}），请先升级工作台',
	'system.backup.fileAltered': '备份文件 {path} 缺失或与清单中的 SHA-256 不符',
	'system.backup.tableMismatch':
		'恢复后的表 {table} 与备份不符（应有 {expected} 行，实际 {got} 行），未做任何更改',
	'system.backup.targetExists':
		'数据库 {path} 已存在：如需覆盖请加 --replace（原文件保留为 .before-restore-…）',
	'system.backup.fileConflict': '{path} 的恢复位置已有不同的文件：如需覆盖请加 --replace',
	'system.cli.oneFolder': '{command} 需要且只需要一个目录',
	'system.cli.backupSummary': '{tables} 张表，{rows} 行，{files} 个文件，数据结构版本 {schema}',
	'system.cli.previousKept': '被替换的数据库保留为 {path}',
	'system.cli.auditUsage':
		'用法：audit verify [--json] | audit export --out 文件 [--format csv|xlsx] [--actor 用户] [--action 操作] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--q 文本] [--json]',
	'system.cli.auditExported': '审计日志已导出到 {path}（{size} 字节，SHA-256 {sha256}）',
	'system.cli.auditOk': '审计日志完整：共 {entries} 条（其中 {unchained} 条早于哈希链）',
	'system.cli.auditBroken': '审计日志在第 {id} 条处断裂（{reason}）：该条或其之前的记录被修改或删除',
	'system.badSetting': '设置 {name} 的值“{value}”无效：{problem}',
	'system.jsonTooLarge': '请求无效：JSON 请求体超过 {max} 字节',
	'system.databaseBusy':
		'数据库文件 {path} 正被其他进程占用（{detail}），请先停止工作台服务，或在网页中导入。',
	'system.cli.usage': `用法：workbench <命令> [选项]

命令：
  import FILE --kind repair|return|complaint|survey|sales [--map "表头=字段" ...]
              [--profile 名称] [--save-profile 名称] [--encoding 编码] [--sheet 工作表] [--json]
  metric ID [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--by 维度] [--filter 维度=值 ...] [--json]
  demo        把示例数据（data/samples）导入数据库
  assess score FILE.json [--catalogue CATALOGUE.json] [--json]   评价文件的 GB/T 27922 得分
  backup DIR  把所有表、证据文件与指标配置备份到新目录
  restore DIR [--replace]   把备份恢复到 WORKBENCH_DB（先逐表核对）
  user add NAME --role admin|analyst|auditor|viewer | list | disable NAME | reset NAME | token add|list|revoke
  defect-codes import FILE [--json] | defect-codes list [--json]   故障代码字典（对照表：代码、名称[、英文名称]）
  audit verify  重新计算审计日志的哈希链，指出第一条断裂的记录
  audit export --out 文件 [--format csv|xlsx] [--actor 用户] [--action 操作] [--from 日期] [--to 日期]   导出审计日志
  report monthly-review|complaint-analysis --period YYYY-MM --format html|pdf|xlsx --out 文件
              [--lang zh-CN|en] [--filter 维度=值 ...] [--json]
  report gbt27922 --assessment ID --format html|pdf|xlsx --out 文件 [--lang zh-CN|en] [--json]
  report get ID --out 文件 | report list   取回已生成报告的原始文件，或列出报告

数据库文件由 WORKBENCH_DB 指定（默认 data/workbench.duckdb）。服务器运行并占用数据库时，import、metric、report 与 audit export
会用 API 令牌交给服务器执行：--token T 或环境变量 WORKBENCH_TOKEN；backup、restore 与 audit verify 需要数据库文件本身，会被拒绝并说明做法。
WORKBENCH_LANG=zh-CN|en 指定命令行的语言。`,
	'system.cli.importing': '正在导入',
	'system.cli.batch': '批次 {batchId}：{file}（{source}）',
	'system.cli.delimiter': '分隔符 {delimiter}',
	'system.cli.sheet': '工作表 {sheet}',
	'system.cli.counts':
		'读取行数 {rows} = 新增 {accepted} + 更新 {updated} + 重复 {duplicates} + 拒收 {rejected} + 跳过 {skipped}',
	'system.cli.sha256': 'SHA-256 {sha256}',
	'system.cli.noRows': '（无数据）',
	'system.cli.importOneFile': 'import 只接受一个文件 FILE',
	'system.cli.badKind': '--kind 必须是以下之一：{kinds}',
	'system.cli.badMap': '--map 的格式应为 "表头=字段"，收到 "{entry}"',
	'system.cli.metricOneId': 'metric 只接受一个指标 ID',
	'system.cli.badFilter': '--filter 的格式应为 维度=值，维度为 {dims} 之一；收到 "{entry}"',
	'system.cli.assessUsage': '用法：assess score FILE.json [--catalogue CATALOGUE.json] [--json]',
	'system.cli.unreadableCatalogue': '{path}：无法读取目录文件（{reason}）',
	'system.cli.catalogueNotJson': '{path}：目录文件不是有效的 JSON（{reason}）',
	'system.cli.unreadableAssessment': '{path}：无法读取评价文件（{reason}）',
	'system.cli.assessmentNotJson': '{path}：评价文件不是有效的 JSON（{reason}）',
	'system.cli.refusedFile': '{path}：{reason}'
} as const;
