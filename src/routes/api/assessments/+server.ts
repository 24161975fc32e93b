import { json } from '@sveltejs/kit';
import { createAssessmentSchema } from '$lib/domain/assessment/api';
import { createAssessment, listAssessments } from '$lib/server/assessment/assessments';
import { catalogueOrDefault } from '$lib/server/assessment/catalogue-store';
import { actorOf } from '$lib/server/http/actor';
import { api, parseJson } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** → {assessments: Assessment[]} newest period first. */
export const GET: RequestHandler = api(async ({ locals }) => {
	return json({ assessments: await listAssessments(locals.db) });
});

/** {name, site, periodFrom, periodTo, assessor, catalogue?} → 201 the assessment with an empty draft v1. */
export const POST: RequestHandler = api(async ({ request, locals }) => {
	const { catalogue, ...input } = await parseJson(request, createAssessmentSchema, locals.locale);
	const chosen = await catalogueOrDefault(catalogue);
	const assessment = await createAssessment(locals.db, input, chosen, actorOf(locals));
	return json(assessment, { status: 201 });
});
