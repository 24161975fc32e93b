#!/usr/bin/env node
// Runs the TypeScript CLI in place (same modules as the web app) through tsx's loader.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { register } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
register({ tsconfig: join(root, 'tsconfig.json') });
const { main } = await import(join(root, 'src/cli/main.ts'));
process.exitCode = await main(process.argv.slice(2));
