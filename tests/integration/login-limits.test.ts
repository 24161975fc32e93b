import { describe, expect, it } from 'vitest';
import { NO_SCOPE } from '../../src/lib/domain/auth/user';
import { confirmPassword, logIn } from '../../src/lib/server/auth/login';
import { LoginLimiter } from '../../src/lib/server/auth/rate-limit';
import { safeNext } from '../../src/lib/server/auth/request';
import { addUser } from '../../src/lib/server/auth/users';
import { CLI, CLIENT, manualClock, PASSWORD } from '../helpers/accounts';
import { useTempDatabase } from '../helpers/temp-db';

/** How far a guesser gets: the login limiter, the password check before a change, the way back after login. */
describe('login limits', () => {
	const t = useTempDatabase({ each: true });

	it('limits failed logins per account and per address, then lets them in again', async () => {
		const clock = manualClock();
		const limiter = new LoginLimiter(5, 15 * 60_000, clock);
		await addUser(t.db, { name: 'ana', role: 'analyst', scope: NO_SCOPE, password: PASSWORD }, CLI, clock);
		for (let i = 0; i < 5; i++)
			expect(await logIn(t.db, { name: 'ana', password: 'wrong' }, CLIENT, { clock, limiter })).toEqual({
				ok: false,
				reason: 'bad'
			});
		// The right password is refused too while the account is locked out.
		const refused = await logIn(t.db, { name: 'ana', password: PASSWORD }, CLIENT, { clock, limiter });
		expect(refused).toEqual({ ok: false, reason: 'limited', retryAfter: 900 });
		// Another address, same account: still refused (per account).
		expect(
			(
				await logIn(
					t.db,
					{ name: 'ana', password: PASSWORD },
					{ ...CLIENT, address: '10.0.0.8' },
					{ clock, limiter }
				)
			).ok
		).toBe(false);
		// Same address, another name: refused (per address).
		expect(await logIn(t.db, { name: 'someone', password: 'x' }, CLIENT, { clock, limiter })).toMatchObject({
			reason: 'limited'
		});
		clock.advance(15 * 60_000);
		expect((await logIn(t.db, { name: 'ana', password: PASSWORD }, CLIENT, { clock, limiter })).ok).toBe(
			true
		);
		const failed = await t.db.query("SELECT origin FROM audit_log WHERE action = 'user.login_failed'");
		expect(failed).toHaveLength(5);
		expect(failed[0].origin).toBe('10.0.0.7');
	});

	it('holds the current-password check before a change to the same limit as logins, audited', async () => {
		const clock = manualClock();
		const limiter = new LoginLimiter(5, 15 * 60_000, clock);
		await addUser(t.db, { name: 'ana', role: 'analyst', scope: NO_SCOPE, password: PASSWORD }, CLI, clock);
		const confirm = (password: string) => confirmPassword(t.db, { name: 'ana', password }, CLIENT, limiter);
		for (let i = 0; i < 5; i++) expect(await confirm(`guess ${i}`)).toEqual({ ok: false, reason: 'bad' });
		expect(await confirm(PASSWORD)).toEqual({ ok: false, reason: 'limited', retryAfter: 900 });
		// The same account's logins are held back too: one limit for both ways of guessing.
		expect(await logIn(t.db, { name: 'ana', password: PASSWORD }, CLIENT, { clock, limiter })).toMatchObject({
			reason: 'limited'
		});
		clock.advance(15 * 60_000);
		expect(await confirm(PASSWORD)).toEqual({ ok: true });
		const actions = await t.db.query(
			"SELECT action, count(*)::INT AS n FROM audit_log WHERE action LIKE 'user.reauth%' GROUP BY 1 ORDER BY 1"
		);
		expect(actions).toEqual([
			{ action: 'user.reauth_failed', n: 5 },
			{ action: 'user.reauth_refused', n: 1 }
		]);
	});

	it('follows a next parameter only to a path of this site, as a browser reads it', () => {
		expect(safeNext('/defects?model=A#top')).toBe('/defects?model=A#top');
		expect(safeNext('/a/../reports')).toBe('/reports');
		expect(safeNext('/报告')).toBe('/%E6%8A%A5%E5%91%8A');
		for (const bad of [
			null,
			'',
			'https://evil.example/',
			'//evil.example',
			'/\\evil.example',
			'/\t/evil.example',
			'/\n/evil.example',
			'\t//evil.example',
			'javascript:alert(1)'
		])
			expect(safeNext(bad)).toBe('/');
	});
});
