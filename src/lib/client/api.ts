/**
 * The browser's one way to call the server: every request of every page goes through `request` (or
 * `upload` when it must report progress), and every failure becomes an ApiFailure carrying the server's
 * translated `{error}` message, the status and the body (`code`, `issues`, `missing`, …).
 */

export class ApiFailure extends Error {
	constructor(
		message: string,
		/** 0 when the server could not be reached. */
		readonly status: number,
		readonly body: Record<string, unknown> = {}
	) {
		super(message);
		this.name = 'ApiFailure';
	}

	get code(): string | undefined {
		return typeof this.body.code === 'string' ? this.body.code : undefined;
	}
}

function failure(status: number, text: string): ApiFailure {
	const fallback = `HTTP ${status}`;
	try {
		const body = JSON.parse(text) as Record<string, unknown>;
		return new ApiFailure(typeof body.error === 'string' ? body.error : fallback, status, body);
	} catch {
		return new ApiFailure(text.trim() || fallback, status);
	}
}

/** Sends one request; resolves with the response when it is 2xx, throws an ApiFailure otherwise. */
export async function request(url: string, init: RequestInit = {}): Promise<Response> {
	let response: Response;
	try {
		response = await fetch(url, init);
	} catch (error) {
		throw new ApiFailure((error as Error).message, 0);
	}
	if (!response.ok) throw failure(response.status, await response.text());
	return response;
}

/** A JSON answer (an empty body reads as `{}`). */
export async function requestJson<T>(url: string, init: RequestInit = {}): Promise<T> {
	const text = await (await request(url, init)).text();
	return (text ? JSON.parse(text) : {}) as T;
}

export const jsonBody = (method: string, body: unknown): RequestInit => ({
	method,
	headers: { 'content-type': 'application/json' },
	body: JSON.stringify(body)
});

/** Raw bytes, not a form: the server streams the body to disk, and no CSRF form check applies. */
export const fileBody = (file: File): RequestInit => ({
	method: 'POST',
	headers: { 'content-type': 'application/octet-stream' },
	body: file
});

/**
 * POSTs a file as raw bytes with upload progress (fetch cannot report it, so this one uses
 * XMLHttpRequest); `networkMessage` is the failure's text when the server cannot be reached.
 */
export function upload<T>(
	url: string,
	file: File,
	onProgress: (fraction: number) => void,
	networkMessage: string
): Promise<T> {
	return new Promise((resolve, reject) => {
		const xhr = new XMLHttpRequest();
		xhr.open('POST', url);
		xhr.setRequestHeader('content-type', 'application/octet-stream');
		xhr.upload.onprogress = (e) => {
			if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
		};
		xhr.onload = () => {
			if (xhr.status >= 200 && xhr.status < 300) {
				onProgress(1);
				resolve(JSON.parse(xhr.responseText) as T);
			} else reject(failure(xhr.status, xhr.responseText));
		};
		xhr.onerror = () => reject(new ApiFailure(networkMessage, 0));
		xhr.onabort = () => reject(new ApiFailure(networkMessage, 0));
		xhr.send(file);
	});
}
