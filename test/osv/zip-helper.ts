/** Writes zip archives with Python's zipfile (an independent, real zip writer) for the OSV tests. */
import { spawnSync } from 'node:child_process';

export function writeZip(file: string, entries: Record<string, string>, options: { stored?: boolean } = {}): void {
  const script = [
    'import json, sys, zipfile',
    'entries = json.load(sys.stdin)',
    'with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_STORED if sys.argv[2] == "stored" else zipfile.ZIP_DEFLATED) as z:',
    '    for name, text in entries.items():',
    '        z.writestr(name, text)',
  ].join('\n');
  const r = spawnSync('python3', ['-c', script, file, options.stored ? 'stored' : 'deflated'], {
    input: JSON.stringify(entries),
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`python3 zipfile failed: ${r.stderr}`);
}
