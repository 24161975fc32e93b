import { request } from './api';

/** The Arrow IPC bytes of one page of drill-down records (GET /api/records/TABLE?…). */
export async function fetchRecordBytes(url: string): Promise<Uint8Array> {
	return new Uint8Array(await (await request(url)).arrayBuffer());
}
