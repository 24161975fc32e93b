import { UserError } from '$lib/domain/errors';
import { ROLES, type Role, type UserScope } from '$lib/domain/auth/user';
import { appendAudit } from '../audit/log';
import type { Database } from '../db/connection';
import { sqlList, type Sql } from '../db/sql';
import { atMs, systemClock, type Clock } from './clock';
import { hashPassword, passwordProblem } from './passwords';
import { endUserSessions } from './sessions';
import { USER_COLUMNS, userFromRow, type UserRecord } from './user-row';

/** Who makes a change, for the audit log: a user's name (or 'cli') and where from. */
export interface Actor {
	name: string;
	origin: string | null;
}

/** Names are what people type at the login form and on the command line: no spaces, no look-alike tricks. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function checkUserName(name: string): string {
	if (!NAME.test(name)) throw new UserError('auth.badName', { name });
	return name;
}

export function checkRole(role: string): Role {
	if (!(ROLES as readonly string[]).includes(role)) throw new UserError('auth.badRole', { role });
	return role as Role;
}

export function checkPassword(password: string): string {
	const problem = passwordProblem(password);
	if (problem === 'tooShort') throw new UserError('auth.passwordShort');
	if (problem === 'tooLong') throw new UserError('auth.passwordLong');
	return password;
}

export async function countUsers(db: Database | Sql): Promise<number> {
	const rows = await ('query' in db
		? db.query('SELECT count(*) AS n FROM users')
		: db.all('SELECT count(*) AS n FROM users'));
	return Number(rows[0].n);
}

export type { UserRecord };

export async function listUsers(db: Database): Promise<UserRecord[]> {
	return (await db.query(`SELECT ${USER_COLUMNS} FROM users ORDER BY name`)).map(userFromRow);
}

/** The user of this name with the password hash, or null; names are matched exactly. */
export async function findUser(
	db: Database,
	name: string
): Promise<(UserRecord & { passwordHash: string }) | null> {
	const [row] = await db.query(`SELECT ${USER_COLUMNS}, password_hash FROM users WHERE name = $1`, [name]);
	return row ? { ...userFromRow(row), passwordHash: String(row.password_hash) } : null;
}

/** The one lookup every command and page that names a user goes through: unknown names are an error. */
export async function requireUser(db: Database, name: string): Promise<UserRecord> {
	const user = await findUser(db, name);
	if (!user) throw new UserError('auth.noSuchUser', { name });
	const { passwordHash, ...record } = user;
	void passwordHash;
	return record;
}

export interface NewUser {
	name: string;
	role: Role;
	scope: UserScope;
	password: string;
}

async function insertUser(conn: Sql, user: NewUser, hash: string, now: number): Promise<number> {
	const [taken] = await conn.numbers('SELECT count(*) FROM users WHERE lower(name) = lower($1)', [user.name]);
	if (taken) throw new UserError('auth.nameTaken', { name: user.name });
	const [id] = await conn.numbers("SELECT nextval('user_seq')");
	await conn.run(
		`INSERT INTO users (id, name, role, password_hash, scope_regions, scope_models, created_at)
		 VALUES ($1, $2, $3, $4, $5, $6, ${atMs('$7')})`,
		[
			id,
			user.name,
			user.role,
			hash,
			sqlList('VARCHAR', user.scope.regions),
			sqlList('VARCHAR', user.scope.models),
			now
		]
	);
	return id;
}

/** Adds a user; names differing only in case are refused, so two people cannot look alike in the log. */
export async function addUser(
	db: Database,
	user: NewUser,
	actor: Actor,
	clock: Clock = systemClock
): Promise<UserRecord> {
	checkUserName(user.name);
	checkRole(user.role);
	const hash = await hashPassword(checkPassword(user.password));
	await db.writeAside(async (conn) => {
		const id = await insertUser(conn, user, hash, clock());
		await appendAudit(conn, {
			actor: actor.name,
			action: 'user.add',
			entity: 'user',
			entityId: user.name,
			detail: { id, role: user.role, scope: user.scope },
			origin: actor.origin
		});
	});
	return requireUser(db, user.name);
}

/**
 * The first admin, from /setup: refused once any user exists, checked inside the write so that two
 * set-up forms sent at once cannot both succeed.
 */
export async function addFirstAdmin(
	db: Database,
	name: string,
	password: string,
	origin: string | null
): Promise<void> {
	checkUserName(name);
	const hash = await hashPassword(checkPassword(password));
	await db.writeAside(async (conn) => {
		if (await countUsers(conn)) throw new UserError('auth.setupDone');
		const id = await insertUser(
			conn,
			{ name, role: 'admin', scope: { regions: [], models: [] }, password },
			hash,
			Date.now()
		);
		await appendAudit(conn, {
			actor: name,
			action: 'user.add',
			entity: 'user',
			entityId: name,
			detail: { id, role: 'admin', setup: true },
			origin
		});
	});
}

/** A new password for a user (their own change or an admin's reset); every session of theirs ends. */
export async function setPassword(
	db: Database,
	user: UserRecord,
	password: string,
	actor: Actor,
	action: 'user.reset' | 'user.password'
): Promise<void> {
	const hash = await hashPassword(checkPassword(password));
	await db.writeAside(async (conn) => {
		await conn.run('UPDATE users SET password_hash = $1 WHERE id = $2', [hash, user.id]);
		const ended = await endUserSessions(conn, user.id);
		await appendAudit(conn, {
			actor: actor.name,
			action,
			entity: 'user',
			entityId: user.name,
			detail: { sessionsEnded: ended },
			origin: actor.origin
		});
	});
}

/**
 * Refuses a change that would leave no active admin (user `id`, an active admin, disabled or given
 * another role): nobody could then add users or enable anyone again from the web.
 */
async function keepAnAdmin(conn: Sql, id: number, name: string): Promise<void> {
	const [others] = await conn.numbers(
		"SELECT count(*) FROM users WHERE role = 'admin' AND disabled_at IS NULL AND id <> $1",
		[id]
	);
	if (!others) throw new UserError('auth.lastAdmin', { name });
}

/** The user's role and whether they are disabled as the write sees them, not as the caller read them. */
async function currentState(conn: Sql, id: number): Promise<{ role: string; disabled: boolean }> {
	const [row] = await conn.all('SELECT role, disabled_at FROM users WHERE id = $1', [id]);
	return { role: String(row.role), disabled: row.disabled_at !== null };
}

/**
 * Disables (or enables again) a user: a disabled user's sessions end and their tokens stop working.
 * Returns false, writing nothing to the audit log, when the user was in that state already.
 */
export async function setDisabled(
	db: Database,
	user: UserRecord,
	disabled: boolean,
	actor: Actor,
	clock: Clock = systemClock
): Promise<boolean> {
	return db.writeAside(async (conn) => {
		const now = await currentState(conn, user.id);
		if (now.disabled === disabled) return false;
		if (disabled && now.role === 'admin') await keepAnAdmin(conn, user.id, user.name);
		if (disabled)
			await conn.run(`UPDATE users SET disabled_at = ${atMs('$1')} WHERE id = $2`, [clock(), user.id]);
		else await conn.run('UPDATE users SET disabled_at = NULL WHERE id = $1', [user.id]);
		const ended = disabled ? await endUserSessions(conn, user.id) : 0;
		await appendAudit(conn, {
			actor: actor.name,
			action: disabled ? 'user.disable' : 'user.enable',
			entity: 'user',
			entityId: user.name,
			detail: { sessionsEnded: ended },
			origin: actor.origin
		});
		return true;
	});
}

/** A new role and scope for a user, old and new values in the audit entry; the last active admin stays one. */
export async function updateUser(
	db: Database,
	user: UserRecord,
	change: { role: Role; scope: UserScope },
	actor: Actor
): Promise<void> {
	checkRole(change.role);
	await db.writeAside(async (conn) => {
		const now = await currentState(conn, user.id);
		if (now.role === 'admin' && !now.disabled && change.role !== 'admin')
			await keepAnAdmin(conn, user.id, user.name);
		await conn.run('UPDATE users SET role = $1, scope_regions = $2, scope_models = $3 WHERE id = $4', [
			change.role,
			sqlList('VARCHAR', change.scope.regions),
			sqlList('VARCHAR', change.scope.models),
			user.id
		]);
		await appendAudit(conn, {
			actor: actor.name,
			action: 'user.update',
			entity: 'user',
			entityId: user.name,
			detail: { from: { role: user.role, scope: user.scope }, to: change },
			origin: actor.origin
		});
	});
}
