/**
 * ingest messages (errors included), zh-CN; keys are prefixed 'ingest.'. A refused file's message is
 * shown "English / 中文" (ImportError), so each text here is the Chinese half of one such message.
 */
export const ingestZh = {
	'ingest.unreadableFile': '无法读取文件（{reason}）',
	'ingest.emptyFile': '文件为空',
	'ingest.noRows': '未找到数据行',
	'ingest.unknownEncoding': '未知编码 "{name}"',
	'ingest.unknownFields': '映射中有未知字段 {unknown}；{kind} 的字段为：{fields}',
	'ingest.unknownHeaders': '映射中的表头 {absent} 不在文件中；文件表头：{headers}',
	'ingest.missingRequired': '{kind} 导入缺少必填字段 {missing}；文件表头：{headers}',
	'ingest.unknownProfile': '未知映射方案 "{name}"',
	'ingest.profileKind': '映射方案 "{name}" 适用于 {profileKind}，不适用于 {kind}',
	'ingest.filterColumn': '映射方案的筛选条件指定了文件中没有的列 "{header}"',
	'ingest.inconsistentCsv':
		'文件的引号或换行格式无法一致解析（读到 {staged} 行，应为 {good} 行），请检查文件。',
	'ingest.xlsxUnreadable': '无法读取 XLSX 文件：{why}',
	'ingest.xlsxEncrypted': '不是可读取的 XLSX 文件（加密的工作簿或旧版 .xls，请另存为无密码的 .xlsx）',
	'ingest.zipNoDirectory': '不是可读取的 XLSX 文件（找不到 zip 目录）',
	'ingest.zipCorrupt': '不是可读取的 XLSX 文件（zip 目录已损坏）',
	'ingest.zip64': 'XLSX 文件过大（zip64 格式）',
	'ingest.zipTooManyParts': 'XLSX 文件包含的部件过多',
	'ingest.zipBomb': 'XLSX 部件 {entry} 压缩比 {ratio}:1，疑似压缩炸弹，已拒绝',
	'ingest.zipTooLarge': 'XLSX 解压后 {total} 字节，超过上限 {limit} 字节',
	'ingest.sheetNoHeader': '工作表 "{sheet}" 没有表头行',
	'ingest.sheetWideRow': '工作表 "{sheet}" 第 {row} 行的 {column} 列有数据，超出表头最后一列 {last}',
	'ingest.sheetRowNumber': '工作表 "{sheet}" 有缺少行号的行',
	'ingest.sheetEmpty': '工作表 "{sheet}" 是空的',
	'ingest.noWorksheet': '工作簿中没有工作表',
	'ingest.sheetBeforeList': '工作表 "{sheet}" 存放在工作表目录之前，无法按名称读取，请用 Excel 重新保存',
	'ingest.sheetNotFound': '找不到工作表 "{sheet}"，工作簿中有：{sheets}',
	'ingest.binaryFormat': '这是一个 {format} 文件，不是 CSV 或 XLSX',
	'ingest.binaryText': '第 {line} 行含有二进制数据（控制字符 {code}），文件不是可识别编码的文本',
	'ingest.sheetTooLarge': '对照表文件超过 {limit}，请拆分后导入',
	'ingest.firstLineTooLong': '第一行超过 {limit} 仍未结束，无法找到表头',
	'ingest.tooManyColumns': '文件有 {columns} 列，超过上限 {max} 列',
	'ingest.unclosedQuote':
		'第 {line} 行的引号没有在字段结尾处闭合，其后的行会被并入同一个值；请修正该行的引号后重新导入',
	'ingest.strayCr': '第 {line} 行中间有单独的回车符（CR），与文件的换行方式不一致',
	'ingest.mixedLineEnds':
		'第 {line} 行的换行方式（LF 或 CR LF）与前面的行不同；请用 Excel 或文本编辑器统一换行后重新保存',
	'ingest.csvUnreadable': '无法按 CSV 读取文件；未导入任何数据',
	'ingest.importFailed': '导入时发生内部错误；未导入任何数据（详情见服务器日志）',
	'ingest.zipNotWorkbook': '这是一个 zip 压缩包，但不是 Excel 工作簿（没有 xl/workbook.xml）',
	'ingest.inflateTooLarge': 'XLSX 解压超过 {limit}，已停止读取',
	'ingest.inflateRatio': 'XLSX 解压后是压缩大小的 {ratio} 倍以上，疑似压缩炸弹，已停止读取',
	'ingest.undo.button': '撤销本次导入',
	'ingest.undo.ask':
		'撤销导入 #{id}？将删除其新增的 {toDelete} 条记录，并将其修改的 {toRestore} 条记录恢复为之前的版本。',
	'ingest.undo.confirmButton': '确认撤销',
	'ingest.undo.cancel': '取消',
	'ingest.undo.undone': '已于 {at} 撤销',
	'ingest.undo.badge': '（已撤销）',
	'ingest.undo.usage': `workbench import undo 批次号 [--yes] [--json]

  不加 --yes 时只显示撤销将做什么，退出码为 2`,
	'ingest.undo.notFound': '没有导入批次 #{id}',
	'ingest.undo.alreadyUndone': '导入批次 #{id} 已于 {at} 撤销',
	'ingest.undo.blocked': '无法撤销导入批次 #{id}：之后的导入修改了相同的记录（{later}），请先撤销它们',
	'ingest.undo.confirm':
		'撤销导入 #{id}：将删除 {toDelete} 条记录，并将 {toRestore} 条记录恢复为之前的版本。加 --yes 再次运行以执行。',
	'ingest.undo.done': '已撤销导入 #{id}：删除 {toDelete} 条记录，恢复 {toRestore} 条。'
} as const;
