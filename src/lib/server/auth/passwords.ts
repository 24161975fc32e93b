import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';

/** Algorithm.Argon2id: the library's enum is a const enum, which this build cannot import by value. */
const ARGON2ID = 2 as Algorithm;

/** Shorter passwords are refused: a guessed 8-character password falls to an offline attack on a stolen hash. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** argon2id with the library's defaults (19 MiB, 2 passes): OWASP's recommended minimum. */
export function hashPassword(password: string): Promise<string> {
	return hash(password, { algorithm: ARGON2ID });
}

/** False for a wrong password and for a hash this library cannot read; never throws on user input. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
	try {
		return await verify(storedHash, password);
	} catch {
		return false;
	}
}

/**
 * A hash of a password no one knows, checked when the named user does not exist, so that a login for
 * an unknown name takes as long as one with a wrong password and the timing tells nothing.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
	decoy ??= hashPassword(randomBytes(16).toString('hex'));
	return decoy;
}

/** The problem with a chosen password, or null: only its length is ruled, as NIST SP 800-63B advises. */
export function passwordProblem(password: string): 'tooShort' | 'tooLong' | null {
	if ([...password].length < MIN_PASSWORD_LENGTH) return 'tooShort';
	if (password.length > MAX_PASSWORD_LENGTH) return 'tooLong';
	return null;
}

/** Letters and digits without look-alikes (0/O, 1/l/I), so a printed password can be typed. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 20 characters from a 56-letter alphabet: about 116 bits, shown once by `user add` and `user reset`. */
export function generatePassword(length = 20): string {
	const out: string[] = [];
	while (out.length < length) {
		for (const byte of randomBytes(length * 2)) {
			// Bytes past the last whole multiple of the alphabet would favour its first letters.
			if (byte < 256 - (256 % ALPHABET.length) && out.length < length)
				out.push(ALPHABET[byte % ALPHABET.length]);
		}
	}
	return out.join('');
}
