/**
 * The canonical record kinds and their fields: the one place that says which columns each table has,
 * how each value is parsed, and which export headers map to it. Shared by the browser (mapping form),
 * the server (ingest SQL, migrations) and the CLI.
 */

export const KINDS = ['repair', 'return', 'complaint', 'survey', 'sales'] as const;
export type Kind = (typeof KINDS)[number];

/** How a raw text cell becomes a typed value. */
export type FieldType =
	| 'text'
	| 'timestamp' // wall-clock local time, stored without time zone
	| 'date'
	| 'month' // a sales period, stored as the first day of the month
	| 'amount' // money, non-negative, 2 decimals
	| 'count' // non-negative integer
	| 'score5' // 1–5
	| 'score10' // 0–10
	| 'bool'
	| 'return_type';

export interface FieldDef {
	name: string;
	type: FieldType;
	required?: boolean;
	zh: string;
	en: string;
	/** Header spellings seen in real exports, matched after normalisation (see normaliseHeader). */
	synonyms: string[];
}

export interface KindDef {
	kind: Kind;
	table: string;
	zh: string;
	en: string;
	/** Natural key: re-importing the same key updates the record. */
	key: string[];
	fields: FieldDef[];
	/** Pairs [start, end] where end must not be earlier than start. */
	ordered: [string, string][];
}

const f = (
	name: string,
	type: FieldType,
	zh: string,
	en: string,
	synonyms: string[],
	required = false
): FieldDef => ({ name, type, zh, en, synonyms, required });

const region = f('region', 'text', '区域', 'Region', [
	'大区',
	'区域',
	'地区',
	'省份',
	'省',
	'region',
	'area',
	'state'
]);
const channel = f('channel', 'text', '渠道', 'Channel', [
	'渠道',
	'来源渠道',
	'受理渠道',
	'投诉渠道',
	'channel',
	'source',
	'submitted via'
]);
const model = (required: boolean) =>
	f(
		'product_model',
		'text',
		'产品型号',
		'Product model',
		[
			'产品型号',
			'机型',
			'型号',
			'产品',
			'商品型号',
			'车型',
			'model',
			'product model',
			'product',
			'sku',
			'stockcode',
			'product_id'
		],
		required
	);
const supplier = f('supplier', 'text', '服务商/供应商', 'Supplier', [
	'服务商',
	'供应商',
	'厂商',
	'品牌',
	'supplier',
	'vendor',
	'service partner',
	'company',
	'seller_id',
	'brand'
]);
const soldAt = f('sold_at', 'date', '购买日期', 'Purchase date', [
	'购买日期',
	'销售日期',
	'购机日期',
	'购买时间',
	'sold at',
	'purchase date',
	'date of purchase'
]);
const category = f('category', 'text', '品类', 'Category', [
	'品类',
	'产品类别',
	'产品大类',
	'类别',
	'category',
	'product category',
	'product_category_name'
]);

export const KIND_DEFS: Record<Kind, KindDef> = {
	repair: {
		kind: 'repair',
		table: 'repairs',
		zh: '维修工单',
		en: 'Repair orders',
		key: ['repair_id'],
		ordered: [['received_at', 'completed_at']],
		fields: [
			f(
				'repair_id',
				'text',
				'维修单号',
				'Repair ID',
				[
					'维修单号',
					'服务单号',
					'工单号',
					'维修工单号',
					'单号',
					'repair id',
					'repair_id',
					'ticket id',
					'order no',
					'id_ords'
				],
				true
			),
			f(
				'received_at',
				'timestamp',
				'报修时间',
				'Received',
				[
					'报修时间',
					'受理时间',
					'报修日期',
					'接单时间',
					'创建时间',
					'received at',
					'received',
					'event_date',
					'date'
				],
				true
			),
			model(true),
			category,
			f('serial_no', 'text', '机身条码', 'Serial number', [
				'机身条码',
				'序列号',
				'条码',
				'sn',
				'serial',
				'serial no',
				'serial number'
			]),
			f('defect_code', 'text', '故障代码', 'Defect code', [
				'故障代码',
				'故障编码',
				'defect code',
				'fault code',
				'error code'
			]),
			f('defect_category', 'text', '故障大类', 'Defect category', [
				'故障大类',
				'故障类别',
				'故障分类',
				'defect category',
				'fault type',
				'problem'
			]),
			f('symptom', 'text', '故障现象', 'Symptom', [
				'故障现象',
				'故障描述',
				'问题描述',
				'symptom',
				'fault description'
			]),
			f('root_cause', 'text', '故障原因', 'Root cause', ['故障原因', '原因分析', 'root cause', 'cause']),
			f('completed_at', 'timestamp', '完工时间', 'Completed', [
				'完工时间',
				'完成时间',
				'修复时间',
				'结单时间',
				'completed at',
				'completed'
			]),
			soldAt,
			region,
			f('service_center', 'text', '服务网点', 'Service centre', [
				'服务网点',
				'网点',
				'维修网点',
				'service center',
				'service centre',
				'group_identifier'
			]),
			supplier,
			f('in_warranty', 'bool', '保内', 'In warranty', [
				'保内',
				'是否保内',
				'保修状态',
				'保内/保外',
				'in warranty',
				'warranty'
			]),
			f('parts_cost', 'amount', '配件费', 'Parts cost', [
				'配件费',
				'材料费',
				'备件费',
				'parts cost',
				'parts'
			]),
			f('labor_cost', 'amount', '工时费', 'Labour cost', [
				'工时费',
				'人工费',
				'维修费',
				'labor cost',
				'labour cost',
				'labor'
			]),
			f('logistics_cost', 'amount', '物流费', 'Logistics cost', [
				'物流费',
				'运费',
				'上门费',
				'logistics cost',
				'freight'
			]),
			f('other_cost', 'amount', '其他费用', 'Other cost', ['其他费用', '其它费用', 'other cost']),
			f('status', 'text', '状态', 'Status', ['状态', '工单状态', '维修状态', 'status', 'repair_status'])
		]
	},
	return: {
		kind: 'return',
		table: 'returns',
		zh: '退换货',
		en: 'Returns',
		key: ['return_id'],
		ordered: [
			['requested_at', 'closed_at'],
			['requested_at', 'counter_done_at'],
			['requested_at', 'inspected_at']
		],
		fields: [
			f(
				'return_id',
				'text',
				'退货单号',
				'Return ID',
				['退货单号', '退换货单号', '售后单号', '退款单号', 'return id', 'return_id', 'rma'],
				true
			),
			f(
				'requested_at',
				'timestamp',
				'申请时间',
				'Requested',
				[
					'申请时间',
					'退货时间',
					'申请日期',
					'发起时间',
					'requested at',
					'requested',
					'return date',
					'invoicedate'
				],
				true
			),
			model(true),
			f('order_id', 'text', '订单号', 'Order ID', [
				'订单号',
				'订单编号',
				'原订单号',
				'order id',
				'order_id',
				'invoiceno'
			]),
			f('return_type', 'return_type', '类型', 'Return type', [
				'退换类型',
				'售后类型',
				'类型',
				'处理方式',
				'return type',
				'type'
			]),
			f('reason_code', 'text', '原因代码', 'Reason code', ['原因代码', '退货原因代码', 'reason code']),
			f('reason', 'text', '退货原因', 'Reason', ['退货原因', '原因', '退换原因', 'reason']),
			f('quantity', 'count', '数量', 'Quantity', ['数量', '退货数量', 'quantity', 'qty']),
			f('amount', 'amount', '金额', 'Amount', ['金额', '退款金额', '退货金额', 'amount', 'refund amount']),
			soldAt,
			f('counter_done_at', 'timestamp', '柜台受理完成时间', 'Counter done', [
				'柜台受理完成时间',
				'受理完成时间',
				'柜台完成时间',
				'counter done at',
				'counter done'
			]),
			f('inspected_at', 'timestamp', '检验时间', 'Inspected', [
				'检验时间',
				'检测时间',
				'质检时间',
				'inspected at',
				'inspected'
			]),
			f('closed_at', 'timestamp', '关闭时间', 'Closed', [
				'关闭时间',
				'完结时间',
				'结案时间',
				'办结时间',
				'closed at',
				'closed'
			]),
			channel,
			region,
			f('store', 'text', '门店', 'Store', ['门店', '店铺', '商场', 'store', 'shop']),
			supplier,
			f('defect_confirmed', 'bool', '质量问题确认', 'Defect confirmed', [
				'质量问题确认',
				'是否质量问题',
				'确认质量问题',
				'defect confirmed'
			])
		]
	},
	complaint: {
		kind: 'complaint',
		table: 'complaints',
		zh: '投诉',
		en: 'Complaints',
		key: ['complaint_id'],
		ordered: [
			['received_at', 'first_response_at'],
			['received_at', 'resolved_at']
		],
		fields: [
			f(
				'complaint_id',
				'text',
				'投诉编号',
				'Complaint ID',
				['投诉编号', '投诉单号', '投诉id', '编号', 'complaint id', 'complaint_id'],
				true
			),
			f(
				'received_at',
				'timestamp',
				'投诉时间',
				'Received',
				['投诉时间', '受理时间', '投诉日期', '登记时间', 'received at', 'date received', 'received'],
				true
			),
			channel,
			f('category', 'text', '投诉类别', 'Category', [
				'投诉类别',
				'投诉类型',
				'问题类型',
				'投诉问题',
				'category',
				'issue',
				'product',
				'compdesc'
			]),
			f('severity', 'text', '严重程度', 'Severity', ['严重程度', '等级', '投诉等级', 'severity', 'priority']),
			f('product_model', 'text', '产品型号', 'Product model', [
				'产品型号',
				'机型',
				'型号',
				'车型',
				'model',
				'product model',
				'sub-product',
				'modeltxt'
			]),
			supplier,
			region,
			f('store', 'text', '门店', 'Store', ['门店', '店铺', '商场', 'store', 'shop']),
			f('first_response_at', 'timestamp', '首次响应时间', 'First response', [
				'首次响应时间',
				'响应时间',
				'首次回复时间',
				'first response at',
				'first response'
			]),
			f('resolved_at', 'timestamp', '解决时间', 'Resolved', [
				'解决时间',
				'办结时间',
				'处理完成时间',
				'结案时间',
				'resolved at',
				'resolved',
				'date sent to company'
			]),
			f('status', 'text', '状态', 'Status', [
				'状态',
				'处理状态',
				'投诉状态',
				'status',
				'company response to consumer'
			]),
			f('compensation', 'amount', '补偿金额', 'Compensation', [
				'补偿金额',
				'赔偿金额',
				'补偿',
				'compensation'
			]),
			f('satisfaction', 'score5', '满意度', 'Satisfaction', ['满意度', '客户满意度', 'satisfaction']),
			f('description', 'text', '投诉内容', 'Description', [
				'投诉内容',
				'投诉描述',
				'问题描述',
				'内容',
				'description',
				'consumer complaint narrative',
				'cdescr'
			]),
			f('resolution', 'text', '处理结果', 'Resolution', ['处理结果', '处理意见', '解决方案', 'resolution'])
		]
	},
	survey: {
		kind: 'survey',
		table: 'surveys',
		zh: '回访/满意度调查',
		en: 'Surveys',
		key: ['response_id'],
		ordered: [],
		fields: [
			f(
				'response_id',
				'text',
				'回访编号',
				'Response ID',
				['回访编号', '回访单号', '问卷编号', 'response id', 'response_id', 'review_id'],
				true
			),
			f(
				'responded_at',
				'timestamp',
				'回访时间',
				'Responded',
				[
					'回访时间',
					'回访日期',
					'评价时间',
					'调查时间',
					'responded at',
					'responded',
					'review_answer_timestamp'
				],
				true
			),
			f('csat', 'score5', '满意度', 'CSAT', [
				'满意度',
				'满意度评分',
				'评分',
				'csat',
				'score',
				'review_score'
			]),
			f('nps', 'score10', '推荐意愿', 'NPS answer', [
				'推荐意愿',
				'推荐度',
				'推荐评分',
				'nps',
				'likelihood to recommend'
			]),
			channel,
			f('related_id', 'text', '关联单号', 'Related ID', [
				'关联单号',
				'服务单号',
				'工单号',
				'维修单号',
				'投诉编号',
				'related id',
				'order_id'
			]),
			f('product_model', 'text', '产品型号', 'Product model', [
				'产品型号',
				'机型',
				'型号',
				'model',
				'product model'
			]),
			region,
			f('comment', 'text', '客户意见', 'Comment', [
				'客户意见',
				'评价内容',
				'意见',
				'备注',
				'comment',
				'review_comment_message'
			])
		]
	},
	sales: {
		kind: 'sales',
		table: 'sales',
		zh: '销量',
		en: 'Sales',
		key: ['period', 'product_model', 'region', 'channel'],
		ordered: [],
		fields: [
			f(
				'period',
				'month',
				'月份',
				'Period',
				['月份', '期间', '销售月份', '年月', '统计月份', 'period', 'month'],
				true
			),
			model(true),
			category,
			region,
			channel,
			f(
				'units',
				'count',
				'销量',
				'Units sold',
				['销量', '销售数量', '数量', '台数', 'units', 'units sold', 'quantity'],
				true
			),
			f('revenue', 'amount', '销售额', 'Revenue', [
				'销售额',
				'销售金额',
				'金额',
				'收入',
				'revenue',
				'sales amount'
			])
		]
	}
};

export function kindDef(kind: Kind): KindDef {
	return KIND_DEFS[kind];
}

export function isKind(value: string): value is Kind {
	return (KINDS as readonly string[]).includes(value);
}
