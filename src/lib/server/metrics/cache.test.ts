import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../db/connection';
import { cached } from './cache';

let db: Database;
beforeAll(async () => {
	db = await Database.open(':memory:');
});
afterAll(() => db.close());

describe('cached metric results', () => {
	it('computes once per key and data version, and again after any write', async () => {
		let runs = 0;
		const compute = async () => [{ n: ++runs }];
		expect(await cached(db, 'a', compute)).toEqual([{ n: 1 }]);
		expect(await cached(db, 'a', compute)).toEqual([{ n: 1 }]);
		expect(await cached(db, 'b', compute)).toEqual([{ n: 2 }]);
		await db.write(async (conn) => conn.run('CREATE TABLE t (x INTEGER)'));
		expect(await cached(db, 'a', compute)).toEqual([{ n: 3 }]);
	});

	it('shares one computation between identical concurrent requests', async () => {
		let runs = 0;
		let release!: () => void;
		const gate = new Promise<void>((r) => (release = r));
		const compute = async () => {
			runs++;
			await gate;
			return { value: 42 };
		};
		const both = Promise.all([cached(db, 'same', compute), cached(db, 'same', compute)]);
		release();
		expect(await both).toEqual([{ value: 42 }, { value: 42 }]);
		expect(runs).toBe(1);
	});

	it('gives each caller its own copy', async () => {
		const first = await cached(db, 'copy', async () => ({ rows: [1, 2] }));
		first.rows.push(3);
		expect(await cached(db, 'copy', async () => ({ rows: [] as number[] }))).toEqual({ rows: [1, 2] });
	});

	it('does not keep a failure', async () => {
		await expect(cached(db, 'fails', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
		expect(await cached(db, 'fails', async () => 'ok')).toBe('ok');
	});

	it('never keeps a result read while a write was under way', async () => {
		let finish: (() => void) | undefined;
		const writing = db.write(() => new Promise<void>((r) => (finish = r)));
		// Wait until the write is under way (it holds a connection and the write lock).
		while (!finish) await new Promise((r) => setTimeout(r, 5));
		expect(await cached(db, 'during', async () => 'old')).toBe('old');
		finish();
		await writing;
		expect(await cached(db, 'during', async () => 'new')).toBe('new');
	});
});
