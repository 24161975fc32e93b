/**
 * The CLI's usage texts and what it says of the arguments it was given (src/cli/args.ts), zh-CN; spread
 * into zh-CN.ts. A command's usage is its synopsis lines, each starting with `workbench`, then notes.
 */
export const cliZh = {
	'system.cli.usage': `用法：workbench <命令> [选项]

命令：
  import FILE --kind repair|return|complaint|survey|sales [--map "表头=字段" ...]
              [--profile 名称] [--save-profile 名称] [--encoding 编码] [--sheet 工作表] [--json]
  import undo 批次号 [--yes] [--json]   撤销一次导入
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
  report schedule list|add|remove|run-due   定时报告

workbench <命令> --help 或 workbench help <命令> 显示该命令的用法。
数据库文件由 WORKBENCH_DB 指定（默认 data/workbench.duckdb）。服务器运行并占用数据库时，import、metric、report 与 audit export
会用 API 令牌交给服务器执行：--token T 或环境变量 WORKBENCH_TOKEN；backup、restore 与 audit verify 需要数据库文件本身，会被拒绝并说明做法。
WORKBENCH_LANG=zh-CN|en 指定命令行的语言。`,
	'system.cli.usageHead': '用法：',
	'system.cli.unknownCommand': '未知命令 "{command}"',
	'system.cli.unknownOption': '未知选项 {option}',
	'system.cli.optionNeedsValue': '{option} 需要一个值',
	'system.cli.optionTakesNoValue': '{option} 不接受取值',
	'system.cli.missing': '缺少 {what}',
	'system.cli.unexpectedArgument': '多余的参数 "{argument}"',
	'system.cli.badWhat': '{command} 后应为 {choices} 之一',
	'system.cli.notNumber': '{what} 应为数字，收到 "{value}"',
	'system.cli.missingChoice': '缺少 {option}，可选值：{allowed}',
	'system.cli.badChoice': '{option} 的值 "{value}" 无效，可选值：{allowed}',
	'system.cli.badOption': '{option}{problem}',
	'system.cli.outIsFolder': '{path} 是目录：--out 需要一个文件名',
	'system.cli.outNoFolder': '{path}：无法写入文件，目录 {folder} 不存在',
	'system.cli.cannotWrite': '{path}：无法写入文件（{reason}）',
	'system.cli.noSamples': '无法读取示例数据 {path}（{reason}）；请用 WORKBENCH_SAMPLES 指定其目录',
	'system.cli.importUsage': `workbench import FILE --kind repair|return|complaint|survey|sales [--map "表头=字段" ...]
                 [--profile 名称] [--save-profile 名称] [--encoding 编码] [--sheet 工作表] [--token T] [--json]
workbench import undo 批次号 [--yes] [--json]

  --kind          文件内容的类型（写入哪张表）
  --map           把某个表头映射到字段，优先于内置同义词（可重复）
  --profile       用已保存的映射方案；--save-profile 保存本次使用的映射
  --encoding      指定编码，不用自动识别的结果（utf-8、gb18030、utf-16le …）
  --sheet         要读取的 XLSX 工作表（默认第一个可见工作表）
  --token         服务器占用数据库时使用的 API 令牌（或 WORKBENCH_TOKEN）
  --json          标准输出只有一个 JSON 对象：批次及其计数`,
	'system.cli.metricUsage': `workbench metric ID [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--by 维度] [--filter 维度=值 ...] [--token T] [--json]

  ID              指标编号：{metrics}
  --from, --to    起止日期（含当天）
  --by            分组维度（GET /api/metrics 列出各指标可用的维度）
  --filter        维度为 {filters} 之一；同一维度可重复，表示取其一
  --json          标准输出为一个对象 {"metric": ID, "rows": [...]}`,
	'system.cli.assessUsage': `workbench assess score FILE.json [--catalogue CATALOGUE.json] [--json]

  评价文件的 GB/T 27922 得分、星级以及与下一级别的差距`,
	'system.cli.auditUsage': `workbench audit verify [--json]
workbench audit export --out 文件 [--format csv|xlsx] [--actor 用户] [--action 操作]
                      [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--q 文本] [--token T] [--json]`,
	'system.cli.backupUsage': `workbench backup DIR [--json]

  DIR 为新的或空的目录；请先停止服务器`,
	'system.cli.restoreUsage': `workbench restore DIR [--replace] [--json]

  --replace       覆盖已有的数据库及不同的指标配置（原文件各自保留为 <文件>.before-restore-<时间>）`,
	'system.cli.demoUsage': `workbench demo [--json]

  导入示例数据（WORKBENCH_SAMPLES，默认 data/samples），并为管理员 demo 生成新密码`
} as const;
