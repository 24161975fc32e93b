/** The record kinds and the shape of their definitions. */

export const KINDS = ['repair', 'return', 'complaint', 'survey', 'sales'] as const;
export type Kind = (typeof KINDS)[number];

/** How a raw text cell becomes a typed value. */
export type FieldType =
	| 'text'
	| 'timestamp' // wall-clock local time, stored without time zone
	| 'date'
	| 'month' // a sales period, stored as the first day of the month
	| 'amount' // money, non-negative, 2 decimals
	| 'count' // non-negative integer
	| 'score5' // 1–5
	| 'score10' // 0–10
	| 'bool'
	| 'return_type';

export interface FieldDef {
	name: string;
	type: FieldType;
	required?: boolean;
	zh: string;
	en: string;
	/** Header spellings seen in real exports, matched after normalisation (see normaliseHeader). */
	synonyms: string[];
}

export interface KindDef {
	kind: Kind;
	table: string;
	zh: string;
	en: string;
	/** Natural key: re-importing the same key updates the record. */
	key: string[];
	fields: FieldDef[];
	/** Pairs [start, end] where end must not be earlier than start. */
	ordered: [string, string][];
	/** The date the records are filtered and ordered by. */
	dateField: string;
}
