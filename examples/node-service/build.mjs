// Builds the service into $SECURE_FACTORY_OUT (default dist/): the sources with a banner, and a
// manifest listing each file's size. Deterministic: no timestamps, sorted file order.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const out = process.env.SECURE_FACTORY_OUT ?? 'dist';
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
mkdirSync(out, { recursive: true });
const files = readdirSync('src')
  .filter((f) => f.endsWith('.js'))
  .sort();
const manifest = [];
for (const f of files) {
  const body = `// ${pkg.name}@${pkg.version}\n${readFileSync(path.join('src', f), 'utf8')}`;
  writeFileSync(path.join(out, f), body);
  manifest.push({ file: f, bytes: Buffer.byteLength(body) });
}
writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify({ name: pkg.name, version: pkg.version, files: manifest }, null, 2)}\n`);
console.log(`built ${files.length} files into ${out}`);
