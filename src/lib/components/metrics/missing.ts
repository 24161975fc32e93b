/**
 * Whether a rate lacks its sales denominator: the metric has rows (repairs, returns …) but no
 * row has sales behind it, so the rate line would be blank. Null denominators are not "missing":
 * they mean the rate does not apply (e.g. returns with a supplier filter — sales have no supplier).
 */
export function lacksSales<R>(rows: readonly R[], denominator: (row: R) => number | null): boolean {
	if (rows.length === 0) return false;
	const values = rows.map(denominator);
	return values.some((v) => v !== null) && values.every((v) => v === null || v === 0);
}
