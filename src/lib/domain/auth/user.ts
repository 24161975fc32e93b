/** The four roles of issue 14; what each may do is the route policy's matrix (src/lib/server/auth). */
export const ROLES = ['admin', 'analyst', 'auditor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/**
 * A user's optional scope: when a list is non-empty, every metric, record, export and report the user
 * runs is limited to those regions / product models. Empty lists mean the whole company.
 */
export interface UserScope {
	regions: string[];
	models: string[];
}

/** The signed-in user a request acts as (from a session cookie or an API token). */
export interface SessionUser {
	id: number;
	name: string;
	role: Role;
	scope: UserScope;
}

export const NO_SCOPE: UserScope = { regions: [], models: [] };
