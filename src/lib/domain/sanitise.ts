/**
 * Text that came from a user's file or from an engine (header cells, a reader's error message)
 * on its way into a message: a binary file's bytes, terminal escapes or a server path must never
 * reach a screen or a log line as they are. Control characters become spaces, absolute paths their
 * last part, and long text is cut.
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]+/g;
/** An absolute POSIX or Windows path, starting where a word may start (so "2025/6/3" is no path). */
const ABSOLUTE_PATH = /(^|[\s"'(=,:])(?:[A-Za-z]:\\|\/)(?:[^\s/\\"'<>|]+[/\\])+([^\s/\\"'<>|)]*)/g;
const MAX_CHARS = 300;

export function sanitiseText(text: string, max = MAX_CHARS): string {
	const clean = text.replace(CONTROL, ' ').replace(ABSOLUTE_PATH, '$1$2');
	return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** Every string inside a JSON-like value, sanitised. */
export function sanitiseValue<T>(value: T): T {
	if (typeof value === 'string') return sanitiseText(value) as T;
	if (Array.isArray(value)) return value.map((item: unknown) => sanitiseValue(item)) as T;
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sanitiseValue(v)])) as T;
	}
	return value;
}
