import type { RejectReason } from '$lib/domain/ingest/api';
import { analyticsZh } from './analytics.zh-CN';
import { cliZh } from './cli.zh-CN';
import { cliForwardZh } from './cli-forward.zh-CN';
import { dictionaryZh } from './dictionary.zh-CN';
import { assessmentZh } from './assessment.zh-CN';
import { authZh } from './auth.zh-CN';
import { ingestZh } from './ingest.zh-CN';
import { reportComplaintsZh } from './report-complaints.zh-CN';
import { reportScheduleZh } from './report-schedule.zh-CN';
import { auditZh } from './audit.zh-CN';
import { reportAuditZh } from './report-audit.zh-CN';
import { recordsZh } from './records.zh-CN';
import { reportsZh } from './reports.zh-CN';
import { scopeZh } from './scope.zh-CN';
import { systemZh } from './system.zh-CN';

/** Reject reason codes of the importer; `satisfies` below makes a missing one a type error. */
const reject = {
	'reject.required_missing': '必填字段缺失',
	'reject.invalid_timestamp': '日期时间无法识别',
	'reject.invalid_date': '日期无法识别',
	'reject.invalid_month': '月份无法识别',
	'reject.invalid_number': '数字无法识别',
	'reject.invalid_bool': '是/否值无法识别',
	'reject.invalid_return_type': '退换类型无法识别（应为退货/换货/退款）',
	'reject.out_of_range': '超出允许范围',
	'reject.negative': '不能为负数',
	'reject.end_before_start': '结束时间早于开始时间',
	'reject.column_count': '列数与表头不一致',
	'reject.invalid_encoding': '含有无效的 UTF-8 字节（该行编码损坏）',
	'reject.record_too_long': '该行超过 16 MiB，无法读取'
} satisfies Record<`reject.${RejectReason}`, string>;

/**
 * The zh-CN messages: the reference dictionary. Every key here must exist in en.ts (checked by the
 * type of that file). Field and kind labels are not here: they come from src/lib/domain/records.
 * Placeholders: {name}.
 */
export const zhCN = {
	'app.name': '服务质量工作台',
	'app.tagline': '售后服务质量分析',

	'nav.label': '主导航',
	'nav.overview': '概览',
	'nav.defects': '缺陷趋势',
	'nav.warranty': '质保可靠性',
	'nav.cost': '质保成本',
	'nav.returns': '退换货',
	'nav.complaints': '投诉',
	'nav.satisfaction': '满意度',
	'nav.assessment': 'GB/T 27922 自评',
	'nav.reports': '报告',
	'nav.data': '数据',

	'locale.label': '语言',
	'locale.zh-CN': '中文',
	'locale.en': 'English',

	'common.back': '返回',
	'common.copy': '复制',
	'common.copied': '已复制',
	'common.none': '无',
	'common.yes': '是',
	'common.no': '否',
	'common.prev': '上一页',
	'common.next': '下一页',
	'common.pageInfo': '第 {page} / {pages} 页，共 {total} 条',
	'common.loading': '加载中…',

	'error.title': '出错了',
	'error.notFound': '找不到这个页面。',
	'error.body': '处理请求时出错，请稍后重试。',
	'error.home': '返回概览',

	'data.title': '数据',
	'data.subtitle': '导入的导出文件、各数据表的记录数与数据血缘',
	'data.tables': '数据表',
	'data.records': '条记录',
	'data.rejectedRows': '拒收行',
	'data.history': '导入历史',
	'data.importFile': '导入文件',
	'data.empty.title': '还没有导入数据',
	'data.empty.body':
		'从 CRM、ERP、呼叫中心或电商后台导出维修工单、退换货、投诉、回访或销量数据（CSV 或 XLSX，GBK 或 UTF-8 均可），在这里导入。',
	'data.empty.cta': '导入第一个文件',

	'col.batch': '批次',
	'col.importedAt': '导入时间',
	'col.importedBy': '导入人',
	'col.file': '文件',
	'col.kind': '类型',
	'col.encoding': '编码',
	'col.delimiterSheet': '分隔符 / 工作表',
	'col.sha256': 'SHA-256',
	'col.rows': '行数',
	'col.accepted': '新增',
	'col.updated': '更新',
	'col.duplicates': '重复',
	'col.rejected': '拒收',
	'col.skipped': '跳过',
	'col.duration': '耗时',

	'delimiter.tab': '制表符',
	'delimiter.comma': '逗号',
	'delimiter.semicolon': '分号',
	'delimiter.pipe': '竖线',

	'batch.title': '导入批次 #{id}',
	'batch.lineage': '数据血缘',
	'batch.fileSize': '文件大小',
	'batch.fileType': '文件类型',
	'batch.headerLine': '表头行',
	'batch.profile': '映射方案',
	'batch.mapping': '字段映射',
	'batch.header': '文件表头',
	'batch.field': '字段',
	'batch.extraColumn': '保留为附加列',
	'batch.rejected': '拒收行',
	'batch.noRejected': '本批次没有拒收行。',
	'batch.download': '下载拒收行（CSV）',
	'batch.backToData': '返回数据',
	'batch.notFound': '批次 {id} 不存在',

	'rej.line': '行号',
	'rej.column': '列',
	'rej.field': '字段',
	'rej.reasonCode': '原因代码',
	'rej.reason': '原因',
	'rej.value': '值',
	'rej.allErrors': '全部问题',
	'rej.raw': '原始内容',

	...reject,
	...analyticsZh,
	...assessmentZh,
	...authZh,
	...ingestZh,
	...reportsZh,
	...recordsZh,
	...reportComplaintsZh,
	...reportScheduleZh,
	...auditZh,
	...reportAuditZh,
	...systemZh,
	...scopeZh,
	...cliZh,
	...cliForwardZh,
	...dictionaryZh,

	'phase.uploading': '上传文件',
	'phase.reading': '读取文件',
	'phase.validating': '校验数据',
	'phase.writing': '写入数据库',
	'phase.done': '完成',

	'import.title': '导入文件',
	'import.subtitle': '选择导出文件，确认字段映射，然后导入。同一文件重复导入不会产生重复数据。',
	'import.file': '文件',
	'import.drop': '将文件拖放到此处，或',
	'import.browse': '选择文件',
	'import.formats': '支持 CSV、TSV、TXT、XLSX，最大 {max}',
	'import.change': '更换文件',
	'import.kind': '数据类型',
	'import.profile': '映射方案',
	'import.profileNone': '不使用（按表头自动识别）',
	'import.encoding': '编码',
	'import.encodingAuto': '自动（检测为 {enc}）',
	'import.sheet': '工作表',
	'import.preview': '预览（前 {n} 行）',
	'import.headerLine': '表头位于第 {line} 行',
	'import.titleRows': '表头上方的 {n} 行标题将被跳过',
	'import.mapping': '字段映射',
	'import.fileHeader': '文件表头',
	'import.mapTo': '对应字段',
	'import.sample': '示例值',
	'import.ignore': '— 忽略 / 保留为附加列',
	'import.required': '必填',
	'import.missing': '以下必填字段尚未映射：{fields}',
	'import.duplicate': '字段“{field}”被映射了多次',
	'import.saveProfile': '另存为映射方案（可选）',
	'import.saveProfileHint': '例如“CRM 维修导出”。下个月同一系统的导出文件会自动套用。',
	'import.profileNameInvalid': '方案名称只能包含文字、数字、空格、点、短横线和下划线，最多 80 个字符',
	'import.shipped': '内置',
	'import.start': '开始导入',
	'import.uploading': '正在上传',
	'import.serverPreview': '正在上传，以便在服务器端预览 XLSX',
	'import.processing': '正在导入',
	'import.done': '导入完成',
	'import.viewBatch': '查看批次 #{id}',
	'import.another': '再导入一个文件',
	'import.refused': '文件未导入',
	'import.failed': '导入失败',
	'import.unsupported': '不支持的文件类型：{name}。请选择 CSV、TSV、TXT 或 XLSX 文件。',
	'import.tooLarge': '文件 {name} 超过上传上限 {max}。',
	'import.empty': '文件 {name} 为空或没有可识别的表头。',
	'import.previewFailed': '无法预览文件：{message}',
	'import.network': '网络错误，请重试。',

	'result.rows': '读取行数',
	'result.accepted': '新增',
	'result.updated': '更新',
	'result.duplicates': '重复',
	'result.rejected': '拒收',
	'result.skipped': '跳过',
	'result.batch': '批次',
	'result.duration': '耗时',
	'result.file': '文件',

	'api.badRequest': '请求无效：{detail}',
	'api.emptyBody': '请求体为空',
	'api.tooLarge': '文件超过上传上限 {max}',
	'api.bodyLimit':
		'请求体超过服务器的 BODY_SIZE_LIMIT（{detail}）。请使用 npm start 启动，或设置 BODY_SIZE_LIMIT=Infinity。',
	'api.uploadNotFound': '上传文件 {id} 不存在或已过期，请重新上传',
	'api.jobNotFound': '导入任务 {id} 不存在或已过期',
	'api.batchNotFound': '批次 {id} 不存在',
	'api.profileNotFound': '映射方案“{name}”不存在',
	'api.jobRunning': '该文件正在导入中（任务 {id}）',
	'api.hostRefused':
		'本服务不接受该主机名的访问。请使用启动时的地址（ORIGIN）打开，或把该主机名加入 WORKBENCH_ALLOWED_HOSTS。',
	'api.originRefused': '已拒绝：请求来自其他网站（{origin}）。',
	'api.internal': '服务器内部错误：{detail}'
} as const;

export type MessageKey = keyof typeof zhCN;
