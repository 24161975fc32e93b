import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: a session id or the secret part of an API token. */
export function newSecret(): string {
	return randomBytes(32).toString('base64url');
}

/**
 * What the database keeps of a secret: its SHA-256. The secret has 256 random bits, so a fast hash is
 * enough (nothing to guess), and a copy of the database holds no usable session or token.
 */
export function secretHash(secret: string): string {
	return createHash('sha256').update(secret).digest('hex');
}
