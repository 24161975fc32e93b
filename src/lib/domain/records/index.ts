/**
 * The canonical record kinds and their fields: the one place that says which columns each table has,
 * how each value is parsed, and which export headers map to it. Shared by the browser (mapping form),
 * the server (ingest SQL, migrations) and the CLI.
 */

import { complaint } from './complaint';
import { KINDS, type Kind, type KindDef } from './kinds';
import { repair } from './repair';
import { returnKind } from './return';
import { sales } from './sales';
import { survey } from './survey';

export { KINDS, type FieldDef, type FieldType, type Kind, type KindDef } from './kinds';

export const KIND_DEFS: Record<Kind, KindDef> = { repair, return: returnKind, complaint, survey, sales };

export function isKind(value: string): value is Kind {
	return (KINDS as readonly string[]).includes(value);
}
