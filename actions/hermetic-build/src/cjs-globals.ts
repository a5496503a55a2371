/**
 * Imported first by index.ts. Some CommonJS dependencies bundled through @secure-factory/materials
 * (the CycloneDX library) read `__dirname` when they load; an ESM bundle has none, so Node would throw
 * before the action starts. Give them the bundle's folder.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const g = globalThis as { __dirname?: string; __filename?: string };
g.__filename ??= fileURLToPath(import.meta.url);
g.__dirname ??= path.dirname(g.__filename);
