import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldsMarkdown } from '../../scripts/readme-fields';

const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');

describe('README', () => {
	it('starts with the two set-up commands', () => {
		const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1].trim());
		expect(blocks[0]).toBe('npm ci && npm run demo');
		expect(blocks[1]).toBe('npm ci && npm run verify');
	});
	it('documents every field of every export kind as defined in src/lib/domain/records', () => {
		expect(readme).toContain(fieldsMarkdown());
	});
	it('names the test command .ci/run runs', () => {
		expect(readFileSync(join(import.meta.dirname, '../../.ci/run'), 'utf8')).toContain('npm run verify');
	});
});
