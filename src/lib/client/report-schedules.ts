import type {
	ReportSchedule,
	ScheduleInput,
	SchedulePatch,
	ScheduleRun,
	ScheduleSettings
} from '$lib/domain/reports/schedule';
import { jsonBody, request, requestJson } from './api';

/** Calls of the Reports page's schedules section. */

const BASE = '/api/reports/schedules';
const one = (id: number) => `${BASE}/${id}`;

export const listSchedules = () => requestJson<ScheduleSettings & { schedules: ReportSchedule[] }>(BASE);

export const createSchedule = (input: ScheduleInput) =>
	requestJson<ReportSchedule>(BASE, jsonBody('POST', input));

export const updateSchedule = (id: number, patch: SchedulePatch) =>
	requestJson<ReportSchedule>(one(id), jsonBody('PATCH', patch));

export const deleteSchedule = async (id: number) => void (await request(one(id), { method: 'DELETE' }));

export const scheduleRuns = (id: number) => requestJson<ScheduleRun[]>(`${one(id)}/runs`);
