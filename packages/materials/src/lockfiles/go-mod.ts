/**
 * go.mod, with go.sum beside it. `require` lists modules (`// indirect` marks transitive ones);
 * `replace` swaps a module (or one version of it) for another or for a local folder. Like
 * osv-scalibr, the `toolchain` (or else `go`) directive becomes a synthetic `stdlib` package, so
 * vulnerabilities of the Go standard library are matched too. Before Go 1.17 go.mod did not list
 * every transitive module; then the modules only go.sum names are added (as indirect).
 */
import { makePackage, type Package } from '../package.js';
import { checkText, lockfileError } from './lockfile-error.js';
import type { LockfileInput } from './types.js';

interface Require {
  path: string;
  version: string;
  line: number;
  indirect: boolean;
}

interface Replace {
  from: string;
  fromVersion: string | undefined;
  to: string;
  toVersion: string;
}

const DIRECTIVES = new Set(['module', 'go', 'toolchain', 'require', 'replace', 'exclude', 'retract', 'godebug', 'tool', 'ignore']);

function unquote(s: string): string {
  return s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s.startsWith('`') && s.endsWith('`') ? s.slice(1, -1) : s;
}

function stripV(v: string): string {
  return v.startsWith('v') ? v.slice(1) : v;
}

function goVersionAtLeast(v: string, major: number, minor: number): boolean {
  const m = /^(\d+)\.(\d+)/.exec(v);
  if (!m) return true;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return a > major || (a === major && b >= minor);
}

export function parseGoMod(input: LockfileInput): Package[] {
  const { file, text } = input;
  const requires: Require[] = [];
  const replaces: Replace[] = [];
  let goVersion: { version: string; line: number } | undefined;
  let toolchain: { version: string; line: number } | undefined;
  let block: string | undefined;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    const raw = lines[i] ?? '';
    const comment = raw.indexOf('//');
    const indirect = comment >= 0 && /^\/\/\s*indirect\b/.test(raw.slice(comment).trim());
    const body = (comment >= 0 ? raw.slice(0, comment) : raw).trim();
    if (body === '') continue;
    let directive: string;
    let args: string;
    if (block !== undefined) {
      if (body === ')') {
        block = undefined;
        continue;
      }
      directive = block;
      args = body;
    } else {
      const m = /^(\S+)\s*(.*)$/.exec(body);
      directive = m?.[1] ?? '';
      args = (m?.[2] ?? '').trim();
      if (!DIRECTIVES.has(directive)) {
        throw lockfileError(
          file,
          `could not extract: unknown go.mod directive "${directive.slice(0, 40)}"`,
          line,
          'is this a go.mod file?',
        );
      }
      if (args === '(') {
        block = directive;
        continue;
      }
    }
    const fields = args.split(/\s+/).map(unquote);
    switch (directive) {
      case 'go':
        checkText(file, 'go version', fields[0] ?? '', line);
        goVersion = { version: fields[0] ?? '', line };
        break;
      case 'toolchain':
        checkText(file, 'toolchain version', fields[0] ?? '', line);
        toolchain = { version: (fields[0] ?? '').replace(/^go/, ''), line };
        break;
      case 'require': {
        const [path, version] = fields;
        if (!path || !version) throw lockfileError(file, `malformed require: "${args.slice(0, 80)}"`, line);
        checkText(file, 'module path', path, line);
        checkText(file, 'version', version, line);
        requires.push({ path, version: stripV(version), line, indirect });
        break;
      }
      case 'replace': {
        const arrow = fields.indexOf('=>');
        if (arrow < 1) throw lockfileError(file, `malformed replace: "${args.slice(0, 80)}"`, line);
        const left = fields.slice(0, arrow);
        const right = fields.slice(arrow + 1);
        if (!left[0] || !right[0]) throw lockfileError(file, `malformed replace: "${args.slice(0, 80)}"`, line);
        replaces.push({
          from: left[0],
          fromVersion: left[1] ? stripV(left[1]) : undefined,
          to: right[0],
          toVersion: right[1] ? stripV(right[1]) : '',
        });
        break;
      }
      default:
        break;
    }
  }
  if (block !== undefined) throw lockfileError(file, `the ${block} block is not closed with ")"`, lines.length);

  const byKey = new Map<string, Package>();
  const put = (r: Require, fromSum = false): void => {
    let name = r.path;
    let version = r.version;
    const rep = replaces.find((x) => x.from === r.path && (x.fromVersion === undefined || x.fromVersion === r.version));
    if (rep) {
      name = rep.to;
      version = rep.toVersion;
    }
    if (input.options.excludeIndirect && (r.indirect || fromSum)) return;
    const key = `${name}@${version}`;
    if (byKey.has(key)) return;
    const local = name.startsWith('./') || name.startsWith('../') || name.startsWith('/');
    byKey.set(
      key,
      makePackage({
        ecosystem: 'Go',
        name,
        version,
        sourceFile: fromSum ? sumFile : file,
        direct: !(r.indirect || fromSum),
        line: r.line,
        kind: local ? 'file' : 'registry',
        // A replacement by a local folder builds whatever the folder holds: no version to match.
        declared: local ? `replace ${r.path} => ${name}` : undefined,
      }),
    );
  };
  let sumFile = file;
  for (const r of requires) put(r);
  // Go 1.16 and older: go.mod may omit transitive modules; go.sum lists what the build verified.
  if (goVersion && !goVersionAtLeast(goVersion.version, 1, 17)) {
    const sum = input.readRelative(
      file.endsWith('go.mod')
        ? 'go.sum'
        : `${
            file
              .split('/')
              .pop()
              ?.replace(/\.mod$/, '') ?? 'go'
          }.sum`,
    );
    if (sum) {
      sumFile = sum.file;
      const known = new Set(requires.map((r) => r.path));
      sum.text.split(/\r?\n/).forEach((l, i) => {
        const m = /^(\S+) (v\S+?) h1:/.exec(l);
        if (!m?.[1] || !m[2] || m[2].endsWith('/go.mod') || known.has(m[1])) return;
        put({ path: m[1], version: stripV(m[2]), line: i + 1, indirect: true }, true);
      });
    }
  }
  const out = [...byKey.values()];
  const std = toolchain ?? goVersion;
  if (std && std.version !== '') {
    out.push(
      makePackage({
        ecosystem: 'Go',
        name: 'stdlib',
        version: std.version,
        sourceFile: file,
        direct: true,
        line: std.line,
        kind: 'registry',
      }),
    );
  }
  return out;
}
