import type { Actor } from '$lib/server/auth/users';

/**
 * Who every CLI command that changes data is in the audit log: 'cli', from 'cli'. Whoever holds the
 * database file is its admin; the account the shell runs as is no user of the workbench.
 */
export const CLI_ACTOR: Actor = { name: 'cli', origin: 'cli' };
