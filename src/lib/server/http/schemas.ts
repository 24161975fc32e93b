import { z } from 'zod';
import { KIND_DEFS, KINDS } from '$lib/domain/records';
import { profileNameSchema } from '$lib/server/ingest/profiles';

/** Request schemas shared by the import endpoints. */

export const kindSchema = z.enum(KINDS);

/** header → field name, or '' for "ignore / keep as extra column". */
const mappingSchema = z
	.record(z.string().max(500), z.string().max(100))
	.refine((m) => Object.keys(m).length <= 2000, 'too many headers');

const encodingSchema = z
	.string()
	.trim()
	.toLowerCase()
	.regex(/^[a-z0-9_-]{2,40}$/, 'an encoding label such as utf-8 or gb18030');

const sheetSchema = z.string().min(1).max(200);

/** Every mapped field must be a field of the kind (or '' to keep the column as an extra column). */
function checkMapping(
	value: { kind: (typeof KINDS)[number]; map?: Record<string, string> },
	ctx: z.RefinementCtx
): void {
	if (!value.map) return;
	const names = new Set(KIND_DEFS[value.kind].fields.map((f) => f.name));
	for (const [header, field] of Object.entries(value.map)) {
		if (field !== '' && !names.has(field))
			ctx.addIssue({
				code: 'custom',
				path: ['map', header],
				message: `unknown field "${field}" for kind ${value.kind}`
			});
	}
}

export const previewBodySchema = z
	.object({
		kind: kindSchema,
		encoding: encodingSchema.optional(),
		sheet: sheetSchema.optional(),
		map: mappingSchema.optional()
	})
	.strict()
	.superRefine(checkMapping);

export const importBodySchema = z
	.object({
		uploadId: z.uuid(),
		kind: kindSchema,
		map: mappingSchema.optional(),
		profile: profileNameSchema.optional(),
		saveProfile: profileNameSchema.optional(),
		encoding: encodingSchema.optional(),
		sheet: sheetSchema.optional()
	})
	.strict()
	.superRefine(checkMapping);
