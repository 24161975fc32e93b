import type { SessionUser } from '$lib/domain/auth/user';
import type { Database } from '$lib/server/db/connection';

declare global {
	namespace App {
		interface Locals {
			locale: 'zh-CN' | 'en';
			/** The process-wide database, handed to the server modules a route calls (routes import no db module). */
			db: Database;
			/** Who the request acts as; null when no one is signed in. Set by hooks.server.ts. */
			user: SessionUser | null;
		}
	}
}

export {};
