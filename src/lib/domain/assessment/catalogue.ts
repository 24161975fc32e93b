import { z } from 'zod';
import { CatalogueError, pathLabel } from './errors';
import { itemMetricSchema } from './metric';
import { sheetToCatalogueJson } from './sheet';

/**
 * The GB/T 27922 indicator catalogue (pure; browser and server). Shipped default:
 * data/standards/gbt27922-2011.json, replaceable by a certification body's own sheet (JSON, or an
 * XLSX/CSV through `catalogueFromRows`).
 *
 * Format:
 * ```
 * { "id": "gbt27922-2011", "title": "…", "edition": "…",
 *   "items": [ { "id": "1", "title_zh": "售后服务体系", "title_en": "…", "guidance": "…" },
 *              { "id": "1.1", "parent": "1", … },
 *              { "id": "1.1.1", "parent": "1.1", "points": 2, "guidance": "…",
 *                "metric"?: { "id": "complaints.sla", "params": { "column": "…", "weight": "…" },
 *                             "threshold": 0.9, "direction": "min" } } ] }
 * ```
 * - An item without `parent` is a first-level indicator; `parent` names another item's id.
 * - A leaf (an item nobody names as parent) is a check item: it, and only it, has `points` (> 0) and
 *   may have a `metric` (see metric.ts for `params`, `threshold` and `direction`).
 * - Leaf points sum to 100 (within 1e-9). An indicator's points are the sum of its leaves' points.
 * - `title_en` and `guidance` may be empty strings (or left out); `items` order is display order.
 * Unknown keys are ignored.
 */

const text = z.string().trim();

const itemSchema = z.object({
	id: text.min(1, 'id is empty'),
	parent: z.string().optional(),
	title_zh: text.min(1, 'title_zh is empty'),
	title_en: text.default(''),
	points: z.number().optional(),
	guidance: text.default(''),
	metric: itemMetricSchema.optional()
});

const catalogueSchema = z.object({
	id: text.min(1, 'id is empty'),
	title: text.min(1, 'title is empty'),
	edition: text.default(''),
	items: z.array(itemSchema).min(1, 'items is empty')
});

export type CatalogueItem = z.infer<typeof itemSchema>;
export type Catalogue = z.infer<typeof catalogueSchema>;

/** Tolerance for the points total (points are usually halves, but a sheet may hold 1/3s). */
const POINTS_TOLERANCE = 1e-9;

/** Items whose id some other item names as parent. */
function parentIds(catalogue: Catalogue): Set<string> {
	return new Set(catalogue.items.flatMap((item) => (item.parent === undefined ? [] : [item.parent])));
}

/** A validated catalogue, or CatalogueError listing every problem (each naming the item id). */
export function validateCatalogue(json: unknown): Catalogue {
	const parsed = catalogueSchema.safeParse(json);
	if (!parsed.success) {
		const items = (json as { items?: unknown[] } | null)?.items;
		throw new CatalogueError(
			parsed.error.issues.map((issue) => {
				const [head, index, ...rest] = issue.path;
				const item = head === 'items' && typeof index === 'number' ? items?.[index] : undefined;
				const id = (item as { id?: unknown } | undefined)?.id;
				const where =
					typeof id === 'string' && id.trim()
						? `item ${id}${rest.length ? ` ${pathLabel(rest)}` : ''}`
						: pathLabel(issue.path);
				return `${where}: ${issue.message}`;
			})
		);
	}
	const catalogue = parsed.data;
	const errors: string[] = [];
	const byId = new Map<string, CatalogueItem>();
	for (const item of catalogue.items) {
		if (byId.has(item.id)) errors.push(`item ${item.id}: id used more than once`);
		else byId.set(item.id, item);
	}
	const parents = parentIds(catalogue);
	for (const item of catalogue.items) {
		const where = `item ${item.id}`;
		if (item.parent !== undefined) {
			if (item.parent.trim() === '')
				errors.push(`${where}: parent is empty (leave "parent" out on a first-level indicator)`);
			else if (item.parent === item.id) errors.push(`${where}: is its own parent`);
			else if (!byId.has(item.parent)) errors.push(`${where}: parent "${item.parent}" does not exist`);
		}
		const leaf = !parents.has(item.id);
		if (leaf && item.points === undefined) errors.push(`${where}: check item (leaf) without points`);
		if (leaf && item.points !== undefined && !(item.points > 0))
			errors.push(`${where}: points must be greater than 0, got ${item.points}`);
		if (!leaf && item.points !== undefined)
			errors.push(
				`${where}: has check items under it, so it must not have points (they add up from its leaves)`
			);
		if (!leaf && item.metric) errors.push(`${where}: only a check item (leaf) can have a metric`);
	}
	errors.push(...cycleErrors(catalogue, byId));
	if (!catalogue.items.some((item) => item.parent === undefined))
		errors.push('no first-level indicator (an item without "parent")');
	if (!errors.length) {
		const total = leaves(catalogue).reduce((sum, leaf) => sum + (leaf.points ?? 0), 0);
		if (Math.abs(total - 100) > POINTS_TOLERANCE)
			errors.push(`check-item points sum to ${Math.round(total * 1e6) / 1e6}, not 100`);
	}
	if (errors.length) throw new CatalogueError(errors);
	return catalogue;
}

/** One error per item on a parent cycle (each cycle reported once, by its members in order). */
function cycleErrors(catalogue: Catalogue, byId: Map<string, CatalogueItem>): string[] {
	const errors: string[] = [];
	const settled = new Set<string>();
	for (const start of catalogue.items) {
		const path: string[] = [];
		let current: CatalogueItem | undefined = start;
		while (current && !settled.has(current.id) && !path.includes(current.id)) {
			path.push(current.id);
			current = current.parent === undefined ? undefined : byId.get(current.parent);
		}
		if (current && path.includes(current.id)) {
			const cycle = path.slice(path.indexOf(current.id));
			errors.push(`item ${cycle[0]}: parent cycle ${[...cycle, cycle[0]].join(' → ')}`);
		}
		path.forEach((id) => settled.add(id));
	}
	return errors;
}

/** Check items (leaves) in catalogue order. */
export function leaves(catalogue: Catalogue): CatalogueItem[] {
	const parents = parentIds(catalogue);
	return catalogue.items.filter((item) => !parents.has(item.id));
}

/** The items directly under `id`, in catalogue order. */
export function children(catalogue: Catalogue, id: string): CatalogueItem[] {
	return catalogue.items.filter((item) => item.parent === id);
}

/** First-level indicators (items without a parent), in catalogue order. */
export function firstLevel(catalogue: Catalogue): CatalogueItem[] {
	return catalogue.items.filter((item) => item.parent === undefined);
}

/** The item with this id, or undefined. */
export function item(catalogue: Catalogue, id: string): CatalogueItem | undefined {
	return catalogue.items.find((i) => i.id === id);
}

/** The leaves at or below `id` (the item itself when it is a leaf), in catalogue order. */
export function leavesUnder(catalogue: Catalogue, id: string): CatalogueItem[] {
	const inside = new Set([id]);
	for (let grew = true; grew;) {
		grew = false;
		for (const i of catalogue.items)
			if (i.parent !== undefined && inside.has(i.parent) && !inside.has(i.id)) {
				inside.add(i.id);
				grew = true;
			}
	}
	return leaves(catalogue).filter((leaf) => inside.has(leaf.id));
}

/** Points of an item: its own (leaf) or the sum of its leaves' points. */
export function pointsOf(catalogue: Catalogue, id: string): number {
	return leavesUnder(catalogue, id).reduce((sum, leaf) => sum + (leaf.points ?? 0), 0);
}

/** Depth of an item: 1 for first-level indicators, 2 for their children, … */
export function depthOf(catalogue: Catalogue, id: string): number {
	let depth = 1;
	for (let at = item(catalogue, id); at?.parent !== undefined; at = item(catalogue, at.parent)) depth++;
	return depth;
}

/**
 * A validated catalogue from a certification body's sheet (rows of cell texts; the columns are
 * documented in sheet.ts). `meta` gives the catalogue's id, title and edition, which a sheet lacks.
 */
export function catalogueFromRows(
	rows: readonly (readonly string[])[],
	meta: { id?: string; title?: string; edition?: string } = {}
): Catalogue {
	return validateCatalogue(sheetToCatalogueJson(rows, meta));
}

export { CatalogueError };
