import { request } from './api';

/** One page of records (GET /api/records/TABLE?…): its Arrow IPC bytes and the selection's size. */
export async function fetchRecords(url: string): Promise<{ bytes: Uint8Array; count: number }> {
	const response = await request(url);
	const count = Number(response.headers.get('x-record-count'));
	return { bytes: new Uint8Array(await response.arrayBuffer()), count };
}
