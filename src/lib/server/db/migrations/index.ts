/**
 * Versioned schema changes, applied in order at start. A released migration is never edited:
 * a change to the schema is a new entry at the end of MIGRATIONS, written beside the migrations of
 * its area.
 */
import { ACCOUNTS } from './accounts';
import { ASSESSMENTS, AUDIT_CHAIN } from './assessments';
import { DEFECT_CODES, IMPORT_UNDO, RECORD_TABLES, REPAIR_SEQUENCE } from './records';
import { REPORT_SCHEDULES, REPORT_SCOPE, REPORT_SNAPSHOTS } from './reports';

export interface Migration {
	version: number;
	name: string;
	sql: string;
}

/** The history in the order it is applied. */
export const MIGRATIONS: Migration[] = [
	RECORD_TABLES,
	ASSESSMENTS,
	REPAIR_SEQUENCE,
	REPORT_SNAPSHOTS,
	REPORT_SCHEDULES,
	AUDIT_CHAIN,
	ACCOUNTS,
	IMPORT_UNDO,
	DEFECT_CODES,
	REPORT_SCOPE
];
