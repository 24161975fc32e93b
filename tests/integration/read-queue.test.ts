import { describe, expect, it } from 'vitest';
import { asOneWork, MAX_OVERTAKEN_MS, nextReadIndex, READ_SLOTS } from '../../src/lib/server/db/connection';
import { useTempDatabase } from '../helpers/temp-db';

/**
 * The read queue (Database.reading): with every slot taken, a freed slot goes to the request with the
 * fewest reads outstanding, so one short metric call is not queued behind a page's dozen queries.
 */
describe('read queue', () => {
	const ctx = useTempDatabase();

	it('picks the first read of the work with the fewest reads outstanding, unless the earliest waited too long', () => {
		const page = { reads: 9 };
		const call = { reads: 1 };
		const other = { reads: 1 };
		const queue = [
			{ work: page, since: 0 },
			{ work: page, since: 1 },
			{ work: call, since: 2 },
			{ work: other, since: 3 }
		];
		expect(nextReadIndex(queue, 10)).toBe(2);
		expect(nextReadIndex(queue.slice(0, 2), 10)).toBe(0);
		expect(nextReadIndex(queue, MAX_OVERTAKEN_MS - 1)).toBe(2);
		expect(nextReadIndex(queue, MAX_OVERTAKEN_MS)).toBe(0);
	});

	it('starts a request’s one read before the queued reads of a request that came first', async () => {
		const db = ctx.db;
		// A scan of about 100 ms on this machine, so the first request holds every slot for a while.
		const scan = (rows: number) => `SELECT count(*) AS n FROM range(${rows}) t(x) WHERE x % 7 = 3`;
		const started = performance.now();
		await db.query(scan(10_000_000));
		const rows = Math.round((10_000_000 * 100) / Math.max(1, performance.now() - started));
		const finished: string[] = [];
		const queued = 3;
		const page = asOneWork(() =>
			Promise.all(
				Array.from({ length: READ_SLOTS + queued }, (_, i) =>
					db.query(scan(rows)).then(() => finished.push(`page ${i}`))
				)
			)
		);
		await new Promise((resolve) => setTimeout(resolve, 20));
		const call = asOneWork(() => db.query('SELECT 1 AS one').then(() => finished.push('call')));
		await Promise.all([page, call]);
		// In arrival order it would finish last; it took the first slot freed instead.
		expect(finished.indexOf('call')).toBeLessThanOrEqual(READ_SLOTS);
		expect(finished).toHaveLength(READ_SLOTS + queued + 1);
	});
});
