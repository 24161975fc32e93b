/**
 * SVG polyline points of a sparkline: values spread evenly across `width`, scaled between their
 * minimum (bottom) and maximum (top) within `height`. A null value breaks the line, so the result is
 * one points string per unbroken run (a lone point is a run of one).
 */
export function sparklinePoints(values: readonly (number | null)[], width: number, height: number): string[] {
	const present = values.filter((v): v is number => v !== null);
	if (present.length === 0) return [];
	const lo = Math.min(...present);
	const span = Math.max(...present) - lo;
	const step = values.length > 1 ? width / (values.length - 1) : 0;
	const runs: string[][] = [[]];
	values.forEach((v, i) => {
		if (v === null) {
			if (runs[runs.length - 1].length) runs.push([]);
			return;
		}
		const y = span === 0 ? height / 2 : height - ((v - lo) / span) * height;
		runs[runs.length - 1].push(`${round(i * step)},${round(y)}`);
	});
	return runs.filter((r) => r.length).map((r) => r.join(' '));
}

const round = (n: number) => Math.round(n * 100) / 100;
