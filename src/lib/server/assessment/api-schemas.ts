import { z } from 'zod';
import { RECTIFICATION_STATUSES } from '$lib/domain/assessment/rectification-plan';

/** Request schemas of the assessment endpoints (the routes parse with these and call the lib). */

/** A calendar day YYYY-MM-DD that exists (2025-02-30 does not). */
export const daySchema = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
	.refine((d) => {
		const date = new Date(`${d}T00:00:00Z`);
		return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === d;
	}, 'no such date');

const line = (max: number) => z.string().trim().min(1).max(max);

export const createAssessmentSchema = z
	.object({
		name: line(200),
		site: line(200),
		periodFrom: daySchema,
		periodTo: daySchema,
		assessor: line(100),
		/** A certification body's catalogue already checked by POST /api/assessments/catalogue; checked again. */
		catalogue: z.unknown().optional()
	})
	.refine((v) => v.periodFrom <= v.periodTo, {
		path: ['periodTo'],
		message: 'the period ends before it starts'
	});

export const evidenceQuerySchema = z.object({
	version: z.coerce.number().int().positive(),
	leaf: z.string().trim().min(1).max(100),
	name: z.string().trim().min(1).max(255)
});

export const rectificationSchema = z
	.object({
		source: z.enum(['leaf', 'deduction']),
		leafId: z.string().trim().min(1).max(100).optional(),
		deductionIndex: z.number().int().min(0).optional(),
		action: line(2000),
		owner: line(100),
		dueDate: daySchema,
		status: z.enum(RECTIFICATION_STATUSES).optional()
	})
	.refine((v) => (v.source === 'leaf' ? v.leafId !== undefined : v.deductionIndex !== undefined), {
		message: 'a leaf action needs leafId, a deduction action needs deductionIndex'
	});

export const rectificationPatchSchema = z
	.object({
		action: line(2000),
		owner: line(100),
		dueDate: daySchema,
		status: z.enum(RECTIFICATION_STATUSES)
	})
	.partial()
	.refine((v) => Object.keys(v).length > 0, 'nothing to change');

export const compareQuerySchema = z.object({
	a: z.string().regex(/^\d{1,9}(:\d{1,9})?$/, 'an assessment id, optionally with :version'),
	b: z.string().regex(/^\d{1,9}(:\d{1,9})?$/, 'an assessment id, optionally with :version')
});
