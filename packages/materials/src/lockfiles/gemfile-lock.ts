/**
 * Gemfile.lock: sections GEM, GIT and PATH each list `specs:` with gems at four spaces of indent
 * (`name (version[-platform])`); their own dependencies are indented six. Gems under PATH are local.
 */
import { makePackage, type Package } from '../package.js';
import { checkText, lockfileError } from './lockfile-error.js';
import type { LockfileInput } from './types.js';

const SOURCES = new Set(['GEM', 'GIT', 'PATH', 'PLUGIN SOURCE']);

/** RubyGems' version pattern (Gem::Version::ANCHORED_VERSION_PATTERN), with Bundler's `-platform` suffix. */
const GEM_VERSION = /^[0-9]+(?:\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z_.-]+)?$/;
const GEM_HINT = 'regenerate it with `bundle lock`, or exclude the file with materials.ignore';

export function parseGemfileLock(input: LockfileInput): Package[] {
  const { file, text } = input;
  const out: Package[] = [];
  const declared = new Set<string>();
  const checksums = new Map<string, string>();
  let section = '';
  let revision = '';
  let remote = '';
  let inSpecs = false;
  const pending: { name: string; version: string; line: number; section: string; revision: string; remote: string }[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    if (!raw.startsWith(' ')) {
      section = raw.trim();
      revision = '';
      remote = '';
      inSpecs = false;
      return;
    }
    if (section === 'CHECKSUMS') {
      // Bundler 2.5+: `  name (version[-platform]) sha256=<hex>`.
      const c = /^ {2}(\S+) \(([^)]+)\) sha256=([0-9a-f]{64})$/.exec(raw);
      if (c?.[1] && c[2] && c[3]) checksums.set(`${c[1]}@${c[2].split('-')[0] ?? c[2]}`, c[3]);
      return;
    }
    if (section === 'DEPENDENCIES') {
      const m = /^ {2}(\S+?)(?:!)?(?: \(.*\))?$/.exec(raw);
      if (m?.[1]) declared.add(m[1].replace(/!$/, ''));
      return;
    }
    if (!SOURCES.has(section)) return;
    const kv = /^ {2}(\w+):\s*(.*)$/.exec(raw);
    if (kv) {
      if (kv[1] === 'revision') revision = kv[2] ?? '';
      if (kv[1] === 'remote' && remote === '') remote = kv[2] ?? '';
      inSpecs = kv[1] === 'specs';
      return;
    }
    if (!inSpecs) return;
    const spec = /^ {4}([^\s(]+) \(([^)]+)\)$/.exec(raw);
    if (!spec?.[1] || !spec[2]) {
      // Six spaces: a gem's own dependency. Four: a gem Bundler would install — one that is not
      // `name (version)` must not be skipped (the scan would pass without it).
      if (/^ {4}\S/.test(raw)) throw lockfileError(file, 'a gem under specs: must be `name (version)`', line, GEM_HINT);
      return;
    }
    if (!GEM_VERSION.test(spec[2])) {
      throw lockfileError(file, `${JSON.stringify(spec[2].slice(0, 60))} is not a gem version`, line, GEM_HINT);
    }
    // A platform-specific gem (`nokogiri (1.13.3-x86_64-linux)`) is the same version.
    const version = spec[2].split('-')[0] ?? spec[2];
    checkText(file, 'gem name', spec[1], line);
    checkText(file, 'version', version, line);
    pending.push({ name: spec[1], version, line, section, revision, remote });
  });
  for (const p of pending) {
    out.push(
      makePackage({
        ecosystem: 'RubyGems',
        name: p.name,
        version: p.version,
        sourceFile: file,
        direct: declared.size > 0 ? declared.has(p.name) : undefined,
        line: p.line,
        integrity: checksums.has(`${p.name}@${p.version}`) ? { sha256: checksums.get(`${p.name}@${p.version}`) ?? '' } : undefined,
        resolved: p.remote || undefined,
        kind: p.section === 'GIT' ? 'git' : p.section === 'PATH' ? 'file' : 'registry',
        commit: p.section === 'GIT' ? p.revision : '',
      }),
    );
  }
  return out;
}
