import { describe, expect, it } from 'vitest';
import { generateReportSchema } from './api';
import { scheduleInputSchema } from './schedule';

describe('report filters', () => {
	const report = { kind: 'monthly-review', format: 'html' };
	const schedule = { kind: 'monthly-review', day: 3, time: '08:00', folder: '/srv/reports' };

	it('takes the filters the metrics know', () => {
		const filters = { region: ['华东'], in_warranty: ['yes'] };
		expect(generateReportSchema.parse({ ...report, filters }).filters).toEqual(filters);
		expect(scheduleInputSchema.parse({ ...schedule, filters }).filters).toEqual(filters);
	});

	it('refuses a filter no metric knows, naming it, rather than printing it over unfiltered figures', () => {
		for (const schema of [generateReportSchema, scheduleInputSchema]) {
			const parsed = schema.safeParse({
				...(schema === generateReportSchema ? report : schedule),
				filters: { 'region;drop': ['x'] }
			});
			expect(parsed.success).toBe(false);
			expect(parsed.error?.issues[0]).toMatchObject({
				path: ['filters', 'region;drop'],
				message: expect.stringContaining('unknown filter "region;drop"; known: model, category, region')
			});
		}
	});
});
