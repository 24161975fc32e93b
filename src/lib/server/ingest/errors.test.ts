import { describe, expect, it } from 'vitest';
import { ImportError } from './errors';

describe('ImportError', () => {
	it('never carries control characters or server paths into its message or details', () => {
		const error = new ImportError(
			'missing_required',
			'ingest.missingRequired',
			{
				kind: 'repair',
				missing: 'repair_id',
				headers: '\u0000\u001b[2J邢\u0011 | /srv/workbench/data/uploads/x.csv'
			},
			{ cause: 'open /srv/workbench/data/uploads/abc.csv failed\u0007' },
			'/srv/workbench/data/uploads/abc.csv'
		);
		for (const text of [error.message, error.in('en'), error.in('zh-CN'), JSON.stringify(error.details)]) {
			// eslint-disable-next-line no-control-regex
			expect(text).not.toMatch(/[\u0000-\u001f\u007f]/);
			expect(text).not.toContain('/srv/');
		}
		expect(error.message.startsWith('abc.csv: ')).toBe(true);
	});
});
