// Regenerates public-good-trusted-root.{json,ts} from the seeds.json that @sigstore/tuf ships.
// The result is the npm package's copy, not TUF-verified; online, `loadTrustedRoot()` (every
// stage's default) fetches a TUF-verified root.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const seeds = require('@sigstore/tuf/seeds.json');
const version = require('@sigstore/tuf/package.json').version;
const mirror = seeds['https://tuf-repo-cdn.sigstore.dev'];
const root = JSON.parse(Buffer.from(mirror.targets['trusted_root.json'], 'base64').toString('utf8'));
writeFileSync(path.join(here, 'public-good-trusted-root.json'), `${JSON.stringify(root, null, 2)}\n`);
const ts = readFileSync(path.join(here, 'public-good-trusted-root.ts'), 'utf8');
const header = ts
  .slice(0, ts.indexOf('export const PUBLIC_GOOD_TRUSTED_ROOT_SOURCE'))
  .replace(/@sigstore\/tuf \S+ /, `@sigstore/tuf ${version} `);
writeFileSync(
  path.join(here, 'public-good-trusted-root.ts'),
  `${header}export const PUBLIC_GOOD_TRUSTED_ROOT_SOURCE = '@sigstore/tuf@${version} seeds.json (not TUF-verified)';\nexport const PUBLIC_GOOD_TRUSTED_ROOT: unknown = ${JSON.stringify(root, null, 2)};\n`,
);
console.log(`wrote the public-good trusted root from @sigstore/tuf ${version}`);
