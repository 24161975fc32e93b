import type { GenerateReportRequest, ReportProgress, ReportSnapshot } from '$lib/domain/reports/api';
import { ApiFailure, jsonBody, request } from './api';

/** Calls of the Reports page. */

/**
 * Generates a report, reading the NDJSON progress lines as they come; resolves with the stored
 * snapshot, throws an ApiFailure with the server's message when generation fails.
 */
export async function generateReport(
	body: Omit<GenerateReportRequest, 'filters'> & { filters?: GenerateReportRequest['filters'] },
	onProgress: (line: ReportProgress) => void
): Promise<ReportSnapshot> {
	const response = await request('/api/reports', jsonBody('POST', body));
	const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
	let buffered = '';
	for (;;) {
		const { value, done } = await reader.read();
		buffered += value ?? '';
		const lines = buffered.split('\n');
		buffered = lines.pop() ?? '';
		for (const text of lines.filter((l) => l.trim())) {
			const line = JSON.parse(text) as ReportProgress;
			if ('error' in line) throw new ApiFailure(line.error, 500);
			if ('snapshot' in line) return line.snapshot;
			onProgress(line);
		}
		if (done) throw new ApiFailure('HTTP 500', 500);
	}
}

export const reportDownloadUrl = (id: string) => `/api/reports/${encodeURIComponent(id)}`;
