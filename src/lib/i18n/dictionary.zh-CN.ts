/** Defect code dictionary and chart card states, zh-CN; keys are prefixed 'dict.' and 'card.'. */
export const dictionaryZh = {
	'dict.title': '故障代码字典',
	'dict.subtitle':
		'每个故障代码的中文（及英文）名称。所有图表与报告显示为“代码 名称”。导入维修工单时，字典中没有的代码会从故障现象中学习名称；手工填写的名称不会被覆盖。',
	'dict.search': '搜索代码或名称',
	'dict.code': '故障代码',
	'dict.nameZh': '中文名称',
	'dict.nameEn': '英文名称',
	'dict.source': '来源',
	'dict.source.manual': '手工',
	'dict.source.import': '导入',
	'dict.source.learned': '学习',
	'dict.updated': '更新时间',
	'dict.updatedBy': '更新人',
	'dict.add': '添加',
	'dict.edit': '编辑',
	'dict.save': '保存',
	'dict.cancel': '取消',
	'dict.delete': '删除',
	'dict.confirmDelete': '删除故障代码 {code}（{name}）？图表将只显示代码。',
	'dict.empty': '字典为空。可逐条添加，或导入对照表。',
	'dict.noMatch': '没有匹配“{search}”的代码。',
	'dict.count': '共 {count} 个代码',
	'dict.import': '导入对照表',
	'dict.importHint':
		'CSV 或 XLSX：第一列故障代码，第二列故障名称，可选第三列英文名称；表头如“故障代码 / 故障名称 / 英文名称”或“code / name / english name”。任何一行有误则整个文件不导入。',
	'dict.imported': '已导入 {file}：新增 {added}，修改 {changed}，未变 {unchanged}',
	'dict.exists': '故障代码 {code} 已存在',
	'dict.notFound': '故障代码 {code} 不存在',
	'dict.noNameColumn': '{file}：找到了故障代码列，但没有故障名称列（如“故障名称”或“name”）',
	'dict.noRows': '{file}：没有任何故障代码行',
	'dict.tooManyRows': '{file}：超过 {max} 行，请拆分后导入',
	'dict.badRows': '{file} 有 {count} 处错误，未导入任何内容；第一处：第 {line} 行，{column} 列：{reason}',
	'dict.reason.codeMissing': '故障代码为空',
	'dict.reason.nameMissing': '故障名称为空',
	'dict.reason.tooLong': '内容过长',
	'dict.reason.repeated': '故障代码在文件中重复出现',
	'dict.cli.usage': `workbench defect-codes import FILE [--json]
workbench defect-codes list [--json]

  FILE            CSV 或 XLSX 对照表：代码、名称[、英文名称]`,
	'nav.defectCodes': '故障代码',

	'card.tableView': '表格',
	'card.chartView': '图表',
	'card.loading': '正在加载新数据…',
	'card.error': '无法计算该指标：{detail}',
	'card.missing': '尚未导入{kinds}数据',
	'card.missingWindow': '所选期间没有{kinds}数据',
	'card.ratesBlank': '按其计算的比率无法显示。',
	'card.importKind': '导入{kind}',
	'card.unit': '单位'
} as const;
