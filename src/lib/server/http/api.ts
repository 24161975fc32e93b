import { json, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { ScopeError } from '$lib/domain/auth/scope';
import { bothLanguages, StatusError, type UserError } from '$lib/domain/errors';
import { createT, translate, type Locale, type MessageKey, type Params } from '$lib/i18n';
import { WorkspaceError } from '$lib/server/assessment/errors';
import { ImportError } from '$lib/server/ingest';
import { MetricQueryError } from '$lib/server/metrics/errors';

/** An error with an HTTP status whose message is safe to show to the user. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly details?: Record<string, unknown>
	) {
		super(message);
		this.name = 'ApiError';
	}
}

/** JSON bodies of API calls are small; anything larger is refused before it is buffered. */
const MAX_JSON_BYTES = 1024 * 1024;

function apiError(status: number, message: string, details?: Record<string, unknown>): Response {
	return json(details ? { error: message, ...details } : { error: message }, { status });
}

function zodMessage(error: z.ZodError): string {
	return error.issues
		.map((issue) =>
			issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message
		)
		.join('; ');
}

/**
 * Maps any thrown value to a JSON error response: 400 bad input, 422 refused file, 500 otherwise. Its
 * message is in `locale`; null (a reader whose language is unknown) says it in both, zh-CN first.
 */
export function errorResponse(error: unknown, locale: Locale | null): Response {
	const t = (key: MessageKey, params?: Params) =>
		locale ? translate(locale, key, params) : bothLanguages(key, params);
	const say = (e: UserError) => (locale ? e.in(locale) : e.message);
	if (error instanceof ApiError) return apiError(error.status, error.message, error.details);
	if (error instanceof z.ZodError) return apiError(400, t('api.badRequest', { detail: zodMessage(error) }));
	if (error instanceof WorkspaceError)
		return apiError(error.status, error.message, { code: error.code, ...error.details });
	if (error instanceof ImportError)
		return apiError(422, error.message, { code: error.code, details: error.details });
	if (error instanceof MetricQueryError) return apiError(400, say(error));
	if (error instanceof ScopeError) return apiError(403, say(error));
	if (error instanceof StatusError) return apiError(error.status, say(error), error.details);
	if (error instanceof SyntaxError) return apiError(400, t('api.badRequest', { detail: error.message }));
	const status = (error as { status?: unknown })?.status;
	if (typeof status === 'number' && status >= 400 && status < 600) {
		const message = (error as { body?: { message?: string }; message?: string }).body?.message;
		return apiError(status, message ?? String((error as Error).message ?? error));
	}
	console.error(error);
	return apiError(500, t('api.internal', { detail: (error as Error)?.message ?? String(error) }));
}

/**
 * Wraps an endpoint so that every failure becomes `{error}` JSON with the right status. A request by
 * API token (the CLI sending its work, a script) states no language: it is answered in both.
 */
export function api<E extends RequestEvent>(
	handler: (event: E) => Promise<Response>
): (event: E) => Promise<Response> {
	return async (event) => {
		try {
			return await handler(event);
		} catch (error) {
			const byToken = /^bearer\s/i.test(event.request.headers.get('authorization') ?? '');
			return errorResponse(error, byToken ? null : event.locals.locale);
		}
	};
}

/** Reads a JSON body of at most MAX_JSON_BYTES and validates it. */
export async function parseJson<S extends z.ZodType>(
	request: Request,
	schema: S,
	locale: Locale
): Promise<z.output<S>> {
	const t = createT(locale);
	const declared = Number(request.headers.get('content-length'));
	if (Number.isFinite(declared) && declared > MAX_JSON_BYTES)
		throw new ApiError(413, t('system.jsonTooLarge', { max: MAX_JSON_BYTES }));
	if (!request.body) throw new ApiError(400, t('api.emptyBody'));
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > MAX_JSON_BYTES) {
			await reader.cancel();
			throw new ApiError(
				413,
				t('api.badRequest', { detail: `JSON body larger than ${MAX_JSON_BYTES} bytes` })
			);
		}
		chunks.push(value);
	}
	const text = new TextDecoder().decode(Buffer.concat(chunks));
	if (text.trim() === '') throw new ApiError(400, t('api.emptyBody'));
	return schema.parse(JSON.parse(text));
}

/** Validates a URL's query string (single values). */
export function parseQuery<S extends z.ZodType>(url: URL, schema: S): z.output<S> {
	return schema.parse(Object.fromEntries(url.searchParams));
}

/** A positive integer id from a route parameter. */
export const idParam = z.coerce.number().int().positive().max(2_147_483_647);
