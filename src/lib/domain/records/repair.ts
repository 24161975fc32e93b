import { fieldTable, region, model, supplier, soldAt, category } from './fields';
import type { KindDef } from './kinds';

export const repair: KindDef = {
	kind: 'repair',
	table: 'repairs',
	zh: '维修工单',
	en: 'Repair orders',
	key: ['repair_id'],
	ordered: [['received_at', 'completed_at']],
	dateField: 'received_at',
	fields: fieldTable({
		repair_id: [
			'text',
			'维修单号',
			'Repair ID',
			'维修单号, 服务单号, 工单号, 维修工单号, 单号, repair id, repair_id, ticket id, order no, id_ords',
			'required'
		],
		received_at: [
			'timestamp',
			'报修时间',
			'Received',
			'报修时间, 受理时间, 报修日期, 接单时间, 创建时间, received at, received, event_date, date',
			'required'
		],
		product_model: model(true),
		category,
		serial_no: [
			'text',
			'机身条码',
			'Serial number',
			'机身条码, 序列号, 条码, sn, serial, serial no, serial number'
		],
		defect_code: [
			'text',
			'故障代码',
			'Defect code',
			'故障代码, 故障编码, defect code, fault code, error code'
		],
		defect_category: [
			'text',
			'故障大类',
			'Defect category',
			'故障大类, 故障类别, 故障分类, defect category, fault type, problem'
		],
		symptom: ['text', '故障现象', 'Symptom', '故障现象, 故障描述, 问题描述, symptom, fault description'],
		root_cause: ['text', '故障原因', 'Root cause', '故障原因, 原因分析, root cause, cause'],
		completed_at: [
			'timestamp',
			'完工时间',
			'Completed',
			'完工时间, 完成时间, 修复时间, 结单时间, completed at, completed'
		],
		sold_at: soldAt,
		region,
		service_center: [
			'text',
			'服务网点',
			'Service centre',
			'服务网点, 网点, 维修网点, service center, service centre, group_identifier'
		],
		supplier,
		in_warranty: [
			'bool',
			'保内',
			'In warranty',
			'保内, 是否保内, 保修状态, 保内/保外, in warranty, warranty'
		],
		parts_cost: ['amount', '配件费', 'Parts cost', '配件费, 材料费, 备件费, parts cost, parts'],
		labor_cost: ['amount', '工时费', 'Labour cost', '工时费, 人工费, 维修费, labor cost, labour cost, labor'],
		logistics_cost: ['amount', '物流费', 'Logistics cost', '物流费, 运费, 上门费, logistics cost, freight'],
		other_cost: ['amount', '其他费用', 'Other cost', '其他费用, 其它费用, other cost'],
		status: ['text', '状态', 'Status', '状态, 工单状态, 维修状态, status, repair_status']
	})
};
