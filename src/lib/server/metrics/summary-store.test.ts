import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Database } from '../db/connection';
import { SummaryStore } from './summary-store';

let db: Database;
beforeAll(async () => {
	db = await Database.open(':memory:');
});
afterAll(() => db.close());

describe('summary store', () => {
	it('says why a build failed, leaves the records to answer, and builds again after a write', async () => {
		const store = new SummaryStore<number>();
		const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		let runs = 0;
		const build = async () => {
			if (++runs === 1) throw new Error('out of memory');
			return runs;
		};
		await store.prepare(db, 'k', build);
		expect(store.ready(db, 'k')).toBeUndefined();
		expect(log).toHaveBeenCalledTimes(1);
		expect(String(log.mock.calls[0][0])).toBe('summary k: build failed, the records answer:');
		expect(String(log.mock.calls[0][1])).toContain('out of memory');
		// Until the data changes, nothing builds it again on its own; the next write's build does.
		await db.write(async () => undefined);
		await store.prepare(db, 'k', build);
		expect(store.ready(db, 'k')).toBe(2);
		log.mockRestore();
	});
});
