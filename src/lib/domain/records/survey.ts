import { fieldTable, region, channel } from './fields';
import type { KindDef } from './kinds';

export const survey: KindDef = {
	kind: 'survey',
	table: 'surveys',
	zh: '回访/满意度调查',
	en: 'Surveys',
	key: ['response_id'],
	ordered: [],
	dateField: 'responded_at',
	fields: fieldTable({
		response_id: [
			'text',
			'回访编号',
			'Response ID',
			'回访编号, 回访单号, 问卷编号, response id, response_id, review_id',
			'required'
		],
		responded_at: [
			'timestamp',
			'回访时间',
			'Responded',
			'回访时间, 回访日期, 评价时间, 调查时间, responded at, responded, review_answer_timestamp',
			'required'
		],
		csat: ['score5', '满意度', 'CSAT', '满意度, 满意度评分, 评分, csat, score, review_score'],
		nps: ['score10', '推荐意愿', 'NPS answer', '推荐意愿, 推荐度, 推荐评分, nps, likelihood to recommend'],
		channel,
		related_id: [
			'text',
			'关联单号',
			'Related ID',
			'关联单号, 服务单号, 工单号, 维修单号, 投诉编号, related id, order_id'
		],
		product_model: ['text', '产品型号', 'Product model', '产品型号, 机型, 型号, model, product model'],
		region,
		comment: [
			'text',
			'客户意见',
			'Comment',
			'客户意见, 评价内容, 意见, 备注, comment, review_comment_message'
		]
	})
};
