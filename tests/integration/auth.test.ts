import { describe, expect, it, vi } from 'vitest';
import { NO_SCOPE } from '../../src/lib/domain/auth/user';
import { logIn, logOut } from '../../src/lib/server/auth/login';
import { hashPassword, verifyPassword, generatePassword } from '../../src/lib/server/auth/passwords';
import { LoginLimiter } from '../../src/lib/server/auth/rate-limit';
import { resolveSession } from '../../src/lib/server/auth/sessions';
import { addToken, listTokens, resolveToken, revokeToken } from '../../src/lib/server/auth/tokens';
import {
	addFirstAdmin,
	addUser,
	countUsers,
	requireUser,
	setDisabled,
	setPassword,
	updateUser
} from '../../src/lib/server/auth/users';
import { CLI, CLIENT, manualClock, PASSWORD } from '../helpers/accounts';
import { useTempDatabase } from '../helpers/temp-db';

const HOUR = 3_600_000;

describe('passwords', () => {
	it('hashes with argon2id, verifies, and refuses a wrong password or a broken hash', async () => {
		const hash = await hashPassword(PASSWORD);
		expect(hash).toMatch(/^\$argon2id\$/);
		expect(await verifyPassword(hash, PASSWORD)).toBe(true);
		expect(await verifyPassword(hash, `${PASSWORD}!`)).toBe(false);
		expect(await verifyPassword('not a hash', PASSWORD)).toBe(false);
		const generated = generatePassword();
		expect(generated).toMatch(/^[a-zA-Z2-9]{20}$/);
		expect(generatePassword()).not.toBe(generated);
	});
});

describe('users, sessions and tokens', () => {
	const t = useTempDatabase({ each: true });
	const limits = { idleMs: 8 * HOUR, maxMs: 7 * 24 * HOUR };

	async function login(clock = manualClock(), limiter = new LoginLimiter(5, 15 * 60_000, clock)) {
		await addUser(t.db, { name: 'ana', role: 'analyst', scope: NO_SCOPE, password: PASSWORD }, CLI, clock);
		const outcome = await logIn(t.db, { name: 'ana', password: PASSWORD }, CLIENT, { clock, limiter });
		if (!outcome.ok) throw new Error('login failed');
		return { clock, secret: outcome.secret };
	}

	it('refuses bad names, short passwords and a name taken in another case', async () => {
		await expect(
			addUser(t.db, { name: 'a b', role: 'viewer', scope: NO_SCOPE, password: PASSWORD }, CLI)
		).rejects.toThrow(/not valid/);
		await expect(
			addUser(t.db, { name: 'bo', role: 'viewer', scope: NO_SCOPE, password: 'short' }, CLI)
		).rejects.toThrow(/12 characters/);
		await addUser(
			t.db,
			{ name: 'Bo', role: 'viewer', scope: { regions: ['华东'], models: [] }, password: PASSWORD },
			CLI
		);
		await expect(
			addUser(t.db, { name: 'bo', role: 'viewer', scope: NO_SCOPE, password: PASSWORD }, CLI)
		).rejects.toThrow(/exists already/);
		const bo = await requireUser(t.db, 'Bo');
		expect(bo.scope).toEqual({ regions: ['华东'], models: [] });
		await updateUser(t.db, bo, { role: 'auditor', scope: { regions: [], models: ['X1', 'X2'] } }, CLI);
		expect(await requireUser(t.db, 'Bo')).toMatchObject({
			role: 'auditor',
			scope: { regions: [], models: ['X1', 'X2'] }
		});
		const actions = await t.db.query('SELECT action, actor FROM audit_log ORDER BY id');
		expect(actions).toEqual([
			{ action: 'user.add', actor: 'cli' },
			{ action: 'user.update', actor: 'cli' }
		]);
	});

	it('keeps an active admin, disables or enables a user once, and gives a disabled user no token', async () => {
		const add = (name: string, role: 'admin' | 'viewer') =>
			addUser(t.db, { name, role, scope: NO_SCOPE, password: PASSWORD }, CLI);
		const root = await add('root', 'admin');
		await expect(setDisabled(t.db, root, true, CLI)).rejects.toThrow(/root is the last active admin/);
		await expect(updateUser(t.db, root, { role: 'viewer', scope: NO_SCOPE }, CLI)).rejects.toThrow(
			/last active admin/
		);
		const deputy = await add('deputy', 'admin');
		expect(await setDisabled(t.db, deputy, true, CLI)).toBe(true);
		// A disabled admin manages nothing: root is still the last active one.
		await expect(updateUser(t.db, root, { role: 'viewer', scope: NO_SCOPE }, CLI)).rejects.toThrow(
			/last active admin/
		);
		expect(await setDisabled(t.db, deputy, true, CLI)).toBe(false);
		await expect(addToken(t.db, deputy, 'cron', CLI)).rejects.toThrow(/deputy is disabled/);
		expect(await setDisabled(t.db, deputy, false, CLI)).toBe(true);
		expect(await setDisabled(t.db, deputy, false, CLI)).toBe(false);
		await updateUser(t.db, root, { role: 'viewer', scope: NO_SCOPE }, CLI);
		const actions = await t.db.query("SELECT action FROM audit_log WHERE action <> 'user.add' ORDER BY id");
		expect(actions.map((r) => r.action)).toEqual(['user.disable', 'user.enable', 'user.update']);
		expect(await listTokens(t.db)).toEqual([]);
	});

	it('creates the first admin from set-up once, and refuses set-up while any user exists', async () => {
		await addFirstAdmin(t.db, 'boss', PASSWORD, '10.0.0.7');
		expect(await requireUser(t.db, 'boss')).toMatchObject({ role: 'admin' });
		await expect(addFirstAdmin(t.db, 'second', PASSWORD, '10.0.0.7')).rejects.toThrow(
			/first-time setup is closed/
		);
		expect(await countUsers(t.db)).toBe(1);
		expect(await t.db.query('SELECT actor, action, origin FROM audit_log')).toEqual([
			{ actor: 'boss', action: 'user.add', origin: '10.0.0.7' }
		]);
	});

	it('gives a new session id at every login and keeps only its hash', async () => {
		const { clock, secret } = await login();
		const again = await logIn(t.db, { name: 'ana', password: PASSWORD }, CLIENT, {
			clock,
			limiter: new LoginLimiter()
		});
		expect(again.ok && again.secret).not.toBe(secret);
		const stored = await t.db.query('SELECT id_hash FROM sessions');
		expect(stored).toHaveLength(2);
		expect(stored.map((r) => r.id_hash)).not.toContain(secret);
		expect((await resolveSession(t.db, secret, clock, limits))?.name).toBe('ana');
		// A made-up id (one an attacker planted before login) is no session.
		expect(await resolveSession(t.db, 'planted-id', clock, limits)).toBeNull();
	});

	it('ends a session after the idle timeout, and after the absolute one however busy', async () => {
		const { clock, secret } = await login();
		clock.advance(7 * HOUR);
		expect(await resolveSession(t.db, secret, clock, limits)).not.toBeNull();
		clock.advance(7 * HOUR); // 7 h since the last use: still inside the idle limit
		expect(await resolveSession(t.db, secret, clock, limits)).not.toBeNull();
		clock.advance(8 * HOUR + 1);
		expect(await resolveSession(t.db, secret, clock, limits)).toBeNull();
		expect(await t.db.query('SELECT * FROM sessions')).toHaveLength(0);

		const busy = await logIn(t.db, { name: 'ana', password: PASSWORD }, CLIENT, {
			clock,
			limiter: new LoginLimiter()
		});
		if (!busy.ok) throw new Error('login failed');
		// Used every 6 hours for a week: alive to the last moment of day 7, ended after it.
		for (let step = 0; step < 28; step++) {
			clock.advance(6 * HOUR);
			expect(await resolveSession(t.db, busy.secret, clock, limits)).not.toBeNull();
		}
		clock.advance(6 * HOUR);
		expect(await resolveSession(t.db, busy.secret, clock, limits)).toBeNull();
	});

	it('logs out one session or everywhere, and a new password ends every session', async () => {
		const { clock, secret } = await login();
		const user = (await resolveSession(t.db, secret, clock, limits))!;
		const second = await logIn(t.db, { name: 'ana', password: PASSWORD }, CLIENT, {
			clock,
			limiter: new LoginLimiter()
		});
		if (!second.ok) throw new Error('login failed');
		await logOut(t.db, user, secret, false, CLIENT.address);
		expect(await resolveSession(t.db, secret, clock, limits)).toBeNull();
		expect(await resolveSession(t.db, second.secret, clock, limits)).not.toBeNull();
		await setPassword(t.db, await requireUser(t.db, 'ana'), 'another long password', CLI, 'user.reset');
		expect(await resolveSession(t.db, second.secret, clock, limits)).toBeNull();
		const audit = await t.db.query(
			"SELECT action, origin FROM audit_log WHERE action LIKE 'user.log%' ORDER BY id"
		);
		expect(audit).toEqual([
			{ action: 'user.login', origin: '10.0.0.7' },
			{ action: 'user.login', origin: '10.0.0.7' },
			{ action: 'user.logout', origin: '10.0.0.7' }
		]);
	});

	it('keeps who a session or token acts as until an account changes, and never past that change', async () => {
		const { clock, secret } = await login();
		const ana = await requireUser(t.db, 'ana');
		const { token } = await addToken(t.db, ana, 'dashboards', CLI, clock);
		const reads = vi.spyOn(t.db, 'query');
		expect((await resolveSession(t.db, secret, clock, limits))?.role).toBe('analyst');
		expect((await resolveToken(t.db, token, clock))?.role).toBe('analyst');
		const first = reads.mock.calls.length;
		clock.advance(30_000);
		await resolveSession(t.db, secret, clock, limits);
		await resolveToken(t.db, token, clock);
		// A minute later each is touched (a write, not a read of the accounts), still from the kept rows.
		clock.advance(30_000);
		await resolveSession(t.db, secret, clock, limits);
		await resolveToken(t.db, token, clock);
		expect(reads.mock.calls.length).toBe(first);

		await updateUser(t.db, ana, { role: 'viewer', scope: { regions: ['华东'], models: [] } }, CLI);
		expect(await resolveSession(t.db, secret, clock, limits)).toMatchObject({
			role: 'viewer',
			scope: { regions: ['华东'] }
		});
		expect((await resolveToken(t.db, token, clock))?.role).toBe('viewer');
		await setDisabled(t.db, await requireUser(t.db, 'ana'), true, CLI, clock);
		expect(await resolveSession(t.db, secret, clock, limits)).toBeNull();
		expect(await resolveToken(t.db, token, clock)).toBeNull();
		reads.mockRestore();
	});

	it('answers unknown names, wrong passwords and disabled users alike', async () => {
		const { clock } = await login();
		const limiter = new LoginLimiter(100, 60_000, clock);
		await setDisabled(t.db, await requireUser(t.db, 'ana'), true, CLI, clock);
		expect(await logIn(t.db, { name: 'ana', password: PASSWORD }, CLIENT, { clock, limiter })).toEqual({
			ok: false,
			reason: 'bad'
		});
		expect(await logIn(t.db, { name: 'nobody', password: PASSWORD }, CLIENT, { clock, limiter })).toEqual({
			ok: false,
			reason: 'bad'
		});
		expect(await t.db.query('SELECT * FROM sessions')).toHaveLength(0);
	});

	it('resolves a token to its user, refuses it once revoked, and notes its use at most once a minute', async () => {
		const clock = manualClock();
		const ana = await addUser(
			t.db,
			{ name: 'ana', role: 'analyst', scope: NO_SCOPE, password: PASSWORD },
			CLI,
			clock
		);
		const made = await addToken(t.db, ana, 'nightly import', CLI, clock);
		expect(made.token.startsWith(made.prefix)).toBe(true);
		expect(JSON.stringify(await t.db.query('SELECT * FROM api_tokens'))).not.toContain(made.token);
		expect((await resolveToken(t.db, made.token, clock))?.name).toBe('ana');
		const usedAt = (await listTokens(t.db, ana.id))[0].lastUsedAt;
		expect(usedAt).toBe(clock());
		clock.advance(30_000);
		await resolveToken(t.db, made.token, clock);
		expect((await listTokens(t.db))[0].lastUsedAt).toBe(usedAt);
		clock.advance(30_000);
		await resolveToken(t.db, made.token, clock);
		expect((await listTokens(t.db))[0].lastUsedAt).toBe(clock());
		expect(await resolveToken(t.db, `${made.token}x`, clock)).toBeNull();

		// Another user may not revoke it through their own token list.
		await expect(revokeToken(t.db, made.id, CLI, { ownerId: ana.id + 1 })).rejects.toThrow(/no token/);
		await revokeToken(t.db, made.id, CLI, { clock });
		expect(await resolveToken(t.db, made.token, clock)).toBeNull();
		expect((await listTokens(t.db))[0].revokedAt).toBe(clock());
	});
});
