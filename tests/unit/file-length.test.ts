import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Small modules with names that say what they hold: a source file over 300 lines must say why near its
 * top, in a comment starting "Over 300 lines:" — so a long file is a decision, not an accident.
 */
const LIMIT = 300;
const REASON = /^\s*(?:\/\/|\/?\*+|<!--)\s*Over 300 lines: \S/m;

describe('file length', () => {
	it('finds the reason in the first lines of every long source file', () => {
		const files = execFileSync(
			'git',
			['ls-files', '--cached', '--others', '--exclude-standard', 'src', 'tests', 'bench', 'scripts'],
			{
				encoding: 'utf8'
			}
		)
			.split('\n')
			.filter((f) => /\.(ts|js|svelte|css)$/.test(f));
		expect(files.length).toBeGreaterThan(100);
		const unexplained = files.filter((file) => {
			let text: string;
			try {
				text = readFileSync(file, 'utf8');
			} catch {
				return false; // deleted in the work tree
			}
			const lines = text.split('\n');
			return lines.length > LIMIT && !REASON.test(lines.slice(0, 40).join('\n'));
		});
		expect(unexplained).toEqual([]);
	});

	it('recognises the reason comment', () => {
		expect(REASON.test('/* Over 300 lines: one fixture per rule. */')).toBe(true);
		expect(REASON.test(' * Over 300 lines: the tokens and shared blocks.')).toBe(true);
		expect(REASON.test('// over three hundred lines')).toBe(false);
	});
});
