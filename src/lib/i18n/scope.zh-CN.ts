/** Messages of per-user scope (regions / product models), spread into zh-CN.ts. */
export const scopeZh = {
	'scope.unscopable':
		'{what} 无法按 {dimension} 限定，而你的账号只能查看部分大区或型号的数据；为免显示范围以外的数据，已拒绝。请联系管理员。',
	'scope.auditPack':
		'GB/T 27922 审计包覆盖全公司（自评、抽样记录与全部数据血缘），无法按大区或型号限定；你的账号只能查看部分数据，不能生成此报告。',
	'scope.rejectedRows':
		'拒收行是导入文件的原始内容，无法按大区或型号限定；你的账号只能查看部分数据，不能下载拒收行。',
	'scope.label': '数据范围',
	'scope.whole': '全公司',
	'scope.regions': '大区：{list}',
	'scope.models': '产品型号：{list}'
} as const;
