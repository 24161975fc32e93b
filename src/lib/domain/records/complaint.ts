import { fieldTable, region, channel, supplier, store } from './fields';
import type { KindDef } from './kinds';

export const complaint: KindDef = {
	kind: 'complaint',
	table: 'complaints',
	zh: '投诉',
	en: 'Complaints',
	key: ['complaint_id'],
	ordered: [
		['received_at', 'first_response_at'],
		['received_at', 'resolved_at']
	],
	dateField: 'received_at',
	fields: fieldTable({
		complaint_id: [
			'text',
			'投诉编号',
			'Complaint ID',
			'投诉编号, 投诉单号, 投诉id, 编号, complaint id, complaint_id',
			'required'
		],
		received_at: [
			'timestamp',
			'投诉时间',
			'Received',
			'投诉时间, 受理时间, 投诉日期, 登记时间, received at, date received, received',
			'required'
		],
		channel,
		category: [
			'text',
			'投诉类别',
			'Category',
			'投诉类别, 投诉类型, 问题类型, 投诉问题, category, issue, product, compdesc'
		],
		severity: ['text', '严重程度', 'Severity', '严重程度, 等级, 投诉等级, severity, priority'],
		product_model: [
			'text',
			'产品型号',
			'Product model',
			'产品型号, 机型, 型号, 车型, model, product model, sub-product, modeltxt'
		],
		supplier,
		region,
		store,
		first_response_at: [
			'timestamp',
			'首次响应时间',
			'First response',
			'首次响应时间, 响应时间, 首次回复时间, first response at, first response'
		],
		resolved_at: [
			'timestamp',
			'解决时间',
			'Resolved',
			'解决时间, 办结时间, 处理完成时间, 结案时间, resolved at, resolved, date sent to company'
		],
		status: ['text', '状态', 'Status', '状态, 处理状态, 投诉状态, status, company response to consumer'],
		compensation: ['amount', '补偿金额', 'Compensation', '补偿金额, 赔偿金额, 补偿, compensation'],
		satisfaction: ['score5', '满意度', 'Satisfaction', '满意度, 客户满意度, satisfaction'],
		description: [
			'text',
			'投诉内容',
			'Description',
			'投诉内容, 投诉描述, 问题描述, 内容, description, consumer complaint narrative, cdescr'
		],
		resolution: ['text', '处理结果', 'Resolution', '处理结果, 处理意见, 解决方案, resolution']
	})
};
