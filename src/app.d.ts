import type { Database } from '$lib/server/db/connection';

declare global {
	namespace App {
		interface Locals {
			locale: 'zh-CN' | 'en';
			/** The process-wide database, handed to the server modules a route calls (routes import no db module). */
			db: Database;
		}
	}
}

export {};
