import { z } from 'zod';
import { daySchema } from '$lib/domain/dates';
import { RECTIFICATION_STATUSES } from '$lib/domain/assessment/rectification-plan';

/** Request schemas of the assessment endpoints (the routes parse with these and call the lib). */

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
