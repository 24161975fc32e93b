import { KIND_DEFS, type FieldType } from '../src/lib/domain/records';

const TYPE_TEXT: Record<FieldType, string> = {
	text: 'text',
	timestamp: 'date-time',
	date: 'date',
	month: 'month',
	amount: 'amount ≥ 0',
	count: 'integer ≥ 0',
	score5: 'integer 1–5',
	score10: 'integer 0–10',
	bool: 'yes/no',
	return_type: 'return/exchange/refund'
};

/** The README's per-kind field tables, generated from src/lib/domain/records so the two cannot drift. */
export function fieldsMarkdown(): string {
	return Object.values(KIND_DEFS)
		.map((d) => {
			const checks = d.ordered.length
				? `; order checks: ${d.ordered.map(([a, b]) => `${b} ≥ ${a}`).join(', ')}`
				: '';
			const rows = d.fields.map(
				(f) =>
					`| \`${f.name}\` | ${f.required ? '**yes**' : ''} | ${TYPE_TEXT[f.type]} | ${f.synonyms.join(', ')} |`
			);
			return [
				`#### ${d.en} ${d.zh} — \`--kind ${d.kind}\` → table \`${d.table}\``,
				'',
				`Natural key: ${d.key.map((k) => `\`${k}\``).join(' + ')}${checks}.`,
				'',
				'| field | required | type | headers recognised |',
				'|---|---|---|---|',
				...rows
			].join('\n');
		})
		.join('\n\n');
}

if (process.argv[1]?.endsWith('readme-fields.ts')) process.stdout.write(`${fieldsMarkdown()}\n`);
