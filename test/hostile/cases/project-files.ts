/**
 * Project and operator files that were read with a plain `readFile`, found by an adversarial probe:
 * `scan -L requirements:../../../etc/passwd` quoted a line of the outside file, attest's subject globs
 * followed a link to a secret outside the workspace and hashed it, and package.json, yarn.lock, .npmrc,
 * the shallow file, `--provenance-path`, `predicate-path`, the CA file of a signer … blocked forever on a
 * FIFO or read `/dev/zero` until memory ran out. Each must end as exit 2 naming the file (or, where the
 * file only refines a guess, a quiet skip), within 3 s, without a byte of a secret in the output.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { collectSubjects, customPredicate, repositoryVisibility } from '@secure-factory/attest';
import { collectMaterials } from '@secure-factory/materials';
import { prepareKeyring } from '@secure-factory/source';
import { ConfigurationError, errorMessage, exitCodeFor, redirectOutput, silentLogger } from '@secure-factory/core';
// By path: the packages' built type declarations may predate these exports.
import { runFactory } from '../../../packages/cli/src/factory-run.js';
import { main } from '../../../packages/cli/src/main.js';
import { hintPackageJson, projectNpmrc } from '../../../packages/isolated-build/src/build.js';
import { readRunContext } from '../../../packages/isolated-build/src/github-context.js';
import { looksLikeKubernetes } from '../../../packages/materials/src/discover.js';
import { shallowBoundary } from '../../../packages/source/src/history.js';
import { dockerConfigCredentials } from '../../../packages/materials/src/oci/registry-client.js';
import { resolveTrust } from '../../../packages/materials/src/oci/image-validation.js';
import { fail, type HostileCase, isRunnerCommand, runnerLines, SECRET, timed } from './types.js';

/** A project folder and a folder beside it holding a secret token. */
function scratch(): { dir: string; outside: string; token: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'sf-hostile-project-'));
  const dir = path.join(root, 'project');
  const outside = path.join(root, 'outside');
  mkdirSync(dir);
  mkdirSync(outside);
  const token = path.join(outside, 'token');
  // Shaped like a requirements line, so a parser that reads it would have something to quote.
  writeFileSync(token, `${SECRET}==1.0.0 ; root:x:0:0\n`);
  return { dir, outside, token };
}

function checkText(text: string): void {
  if (text.includes(SECRET) || text.includes('root:x:0')) fail(`leaked a secret: ${JSON.stringify(text)}`);
  if (/Invalid string length|internal error|\n\s+at /.test(text)) fail(`unclear failure: ${JSON.stringify(text)}`);
}

/** `p` must end, within 3 s, in a ConfigurationError (exit 2) whose text matches `pattern` and quotes nothing. */
export async function expectRefusal(what: string, p: Promise<unknown>, pattern: RegExp): Promise<void> {
  let caught: unknown;
  try {
    await timed(what, 3000, p);
  } catch (e: unknown) {
    caught = e;
  }
  if (caught === undefined) fail(`${what} succeeded`);
  if (!(caught instanceof ConfigurationError)) fail(`not a ConfigurationError: ${errorMessage(caught)}`);
  if (exitCodeFor(caught) !== 2) fail(`exit ${exitCodeFor(caught)}, expected 2`);
  const text = `${caught.describe()} ${caught.hint ?? ''}`;
  checkText(text);
  if (!pattern.test(text)) fail(`message ${JSON.stringify(text)} does not match ${String(pattern)}`);
}

/** The CLI in this process: exit code, stdout and stderr. */
export async function runMain(args: string[]): Promise<{ code: number | string | undefined; out: string; err: string }> {
  let out = '';
  let err = '';
  const restore = redirectOutput({ write: (s: string) => (out += s) }, { write: (s: string) => (err += s) });
  const before = process.exitCode;
  process.exitCode = undefined;
  try {
    await timed(args[0] ?? 'the cli', 5000, main(['node', 'secure-factory', ...args]));
    return { code: process.exitCode, out, err };
  } finally {
    process.exitCode = before;
    restore();
  }
}

/** The CLI must exit `code` (2 unless said) with stderr matching `pattern`, nothing of the secret in stdout or stderr, no raw command. */
export async function expectCliRefusal(args: string[], pattern: RegExp, code = 2): Promise<void> {
  const r = await runMain(args);
  const all = `${r.out}\n${r.err}`;
  checkText(all);
  if (runnerLines(all).some(isRunnerCommand)) fail(`a workflow command reached the output: ${JSON.stringify(all)}`);
  if (r.code !== code) fail(`exit ${String(r.code)}, expected ${code}; stderr ${JSON.stringify(r.err)}`);
  if (!pattern.test(r.err)) fail(`stderr ${JSON.stringify(r.err)} does not match ${String(pattern)}`);
}

/** `-L requirements:PATH` arguments that leave the scanned folder, each made in a fresh scratch. */
const LOCKFILE_OUTSIDE: [string, string, (s: ReturnType<typeof scratch>) => string, RegExp][] = [
  ['relative', 'a relative path climbing out of the project (../outside/token)', (s) => path.relative(process.cwd(), s.token), /token/],
  ['absolute', 'an absolute path outside the project', (s) => s.token, /outside\/token/],
  [
    'link',
    'a link inside the project to a token outside it',
    (s) => {
      symlinkSync(s.token, path.join(s.dir, 'pins.txt'));
      return path.join(s.dir, 'pins.txt');
    },
    /pins\.txt/,
  ],
  [
    'linked-folder',
    'a file in a folder of the project that is a link to a folder outside it',
    (s) => {
      symlinkSync(s.outside, path.join(s.dir, 'deps'));
      return path.join(s.dir, 'deps', 'token');
    },
    /deps\/token/,
  ],
  [
    'dev-zero',
    'a link inside the project to /dev/zero',
    (s) => {
      symlinkSync('/dev/zero', path.join(s.dir, 'zero.txt'));
      return path.join(s.dir, 'zero.txt');
    },
    /zero\.txt/,
  ],
];

/** attest subjects (`subject-path`, globs) that lead outside the workspace, each made in a fresh scratch. */
const SUBJECT_OUTSIDE: [string, string, (s: ReturnType<typeof scratch>) => string, RegExp][] = [
  [
    'glob-link',
    'a glob matching a link to a token outside the workspace',
    (s) => {
      mkdirSync(path.join(s.dir, 'dist'));
      writeFileSync(path.join(s.dir, 'dist', 'app.tgz'), 'app');
      symlinkSync(s.token, path.join(s.dir, 'dist', 'secret.tgz'));
      return 'dist/**';
    },
    /"dist\/secret\.tgz".*outside the project/s,
  ],
  [
    'path-link',
    'a subject path that is a link to a token outside the workspace',
    (s) => {
      symlinkSync(s.token, path.join(s.dir, 'app.tgz'));
      return 'app.tgz';
    },
    /"app\.tgz".*outside the project/s,
  ],
  [
    'glob-dev-zero',
    'a glob matching a link to /dev/zero',
    (s) => {
      mkdirSync(path.join(s.dir, 'dist'));
      writeFileSync(path.join(s.dir, 'dist', 'app.tgz'), 'app');
      symlinkSync('/dev/zero', path.join(s.dir, 'dist', 'zero.tgz'));
      return 'dist/*.tgz';
    },
    /"dist\/zero\.tgz".*outside the project/s,
  ],
  [
    'linked-base',
    'a glob whose folder is a link to a folder outside the workspace',
    (s) => {
      symlinkSync(s.outside, path.join(s.dir, 'out'));
      return 'out/**';
    },
    /"out".*outside the project/s,
  ],
  [
    'fifo-path',
    'a subject path that is a FIFO',
    (s) => {
      execFileSync('mkfifo', [path.join(s.dir, 'app.tgz')]);
      return 'app.tgz';
    },
    /"app\.tgz" is not a regular file/,
  ],
];

/** The hostile shapes a project file takes: what it is, how to make it, and what the refusal must say. */
type Kind = 'fifo' | 'dev-zero' | 'secret-link' | 'oversized' | 'latin1';
const KIND_INPUT: Record<Kind, string> = {
  fifo: 'a FIFO',
  'dev-zero': 'a link to /dev/zero',
  'secret-link': 'a link to a token outside the project',
  oversized: 'a sparse file over the size limit',
  latin1: 'invalid UTF-8 (a Latin-1 byte) around a secret',
};
const KIND_REASON: Record<Kind, string> = {
  fifo: 'FIFO',
  // A file the operator names may be a link anywhere (mounted secrets are links): /dev/zero is then refused as a device.
  'dev-zero': '(?:outside|character device)',
  'secret-link': 'outside',
  oversized: 'over the limit',
  latin1: 'not valid UTF-8',
};

function makeHostile(file: string, kind: Kind, s: ReturnType<typeof scratch>, limit = 100 * 1024 * 1024): void {
  if (kind === 'fifo') execFileSync('mkfifo', [file]);
  else if (kind === 'dev-zero') symlinkSync('/dev/zero', file);
  else if (kind === 'secret-link') symlinkSync(s.token, file);
  else if (kind === 'oversized') {
    writeFileSync(file, '{}');
    truncateSync(file, limit + 1);
  } else writeFileSync(file, Buffer.from(`{"k": "caf\xe9 ${SECRET}"}`, 'latin1'));
}

/** `file` as each hostile kind; `run` is what reads it, the refusal must name `shown`. */
function fileCases(
  id: string,
  shown: string,
  kinds: readonly Kind[],
  what: string,
  place: (s: ReturnType<typeof scratch>) => string,
  run: (s: ReturnType<typeof scratch>, file: string) => Promise<unknown>,
  limit?: number,
): HostileCase[] {
  return kinds.map((kind): HostileCase => ({
    id: `evidence/${id}-${kind}`,
    area: 'evidence',
    input: `${what} is ${KIND_INPUT[kind]}`,
    expect: `exit 2 naming ${shown} within 3 s, nothing quoted (was: a plain read — blocked forever on a FIFO, read /dev/zero until memory ran out)`,
    run: async () => {
      const s = scratch();
      const file = place(s);
      makeHostile(file, kind, s, limit);
      const escaped = shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      await expectRefusal(id, run(s, file), new RegExp(`${escaped}.*${KIND_REASON[kind]}`, 's'));
    },
  }));
}

/** The same, through the CLI: exit 2 with stderr naming `shown` and the reason. */
function cliFileCases(
  id: string,
  shown: string,
  kinds: readonly Kind[],
  what: string,
  place: (s: ReturnType<typeof scratch>) => string,
  args: (s: ReturnType<typeof scratch>, file: string) => string[],
  limit?: number,
): HostileCase[] {
  return kinds.map((kind): HostileCase => ({
    id: `evidence/${id}-${kind}`,
    area: 'evidence',
    input: `${what} is ${KIND_INPUT[kind]}`,
    expect: `exit 2 naming ${shown} within 3 s, nothing quoted (was: a plain read — blocked forever on a FIFO, read /dev/zero until memory ran out)`,
    run: async () => {
      const s = scratch();
      const file = place(s);
      makeHostile(file, kind, s, limit);
      const escaped = shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      await expectCliRefusal(args(s, file), new RegExp(`${escaped}.*${KIND_REASON[kind]}`, 's'));
    },
  }));
}

const ALL: readonly Kind[] = ['fifo', 'dev-zero', 'secret-link', 'oversized', 'latin1'];

const runIn = (dir: string, extra: { build?: string } = {}): Promise<unknown> =>
  runFactory({
    dir,
    environment: 'production',
    logger: silentLogger,
    vulnSource: () => Promise.reject(new Error('no vulnerability source expected before the refusal')),
    ...extra,
  });

const POD = 'apiVersion: v1\nkind: Pod\nspec: { containers: [{ name: a, image: nginx }] }\n';

export const projectFileCases: HostileCase[] = [
  ...fileCases(
    'source-x509-ca-file',
    'ca.pem',
    ['fifo', 'dev-zero', 'secret-link', 'oversized'],
    "the policy's x509 signer ca-file (ca-file: ca.pem, in the repository)",
    (s) => path.join(s.dir, 'ca.pem'),
    async (s) => {
      const keyring = await prepareKeyring([{ x509: { 'ca-file': 'ca.pem', identity: 'a@example.com' } }], { baseDir: s.dir });
      await keyring.dispose();
      return keyring;
    },
    16 * 1024 * 1024,
  ),
  ...fileCases(
    'source-shallow-file',
    'shallow',
    ['fifo', 'dev-zero', 'secret-link', 'oversized'],
    "the source check's range: git's .git/shallow",
    (s) => {
      execFileSync('git', ['init', '-q', s.dir]);
      return path.join(s.dir, '.git', 'shallow');
    },
    (s) => shallowBoundary(s.dir),
    64 * 1024 * 1024,
  ),
  ...fileCases(
    'attest-predicate-path',
    'pred.json',
    ALL,
    'attest predicate-path',
    (s) => path.join(s.dir, 'pred.json'),
    (_s, file) => customPredicate({ predicateType: 'https://example.com/p/v1', predicatePath: file }),
    16 * 1024 * 1024,
  ),
  ...fileCases(
    'attest-sbom-path',
    'sbom.json',
    ['fifo', 'dev-zero', 'secret-link'],
    'attest sbom-path',
    (s) => path.join(s.dir, 'sbom.json'),
    (_s, file) => customPredicate({ sbomPath: file }),
  ),
  ...(['fifo', 'dev-zero', 'secret-link'] as const).map((kind): HostileCase => ({
    id: `evidence/attest-event-payload-${kind}`,
    area: 'evidence',
    input: `attest reads the repository's visibility from GITHUB_EVENT_PATH, which is ${KIND_INPUT[kind]} (the token outside says "public")`,
    expect:
      'no answer from it ("unknown", so no public log under auto), within 3 s (was: blocked forever / read /dev/zero / read the token)',
    run: async () => {
      const s = scratch();
      writeFileSync(s.token, JSON.stringify({ repository: { private: false, visibility: 'public' } }));
      const file = path.join(s.dir, 'event.json');
      makeHostile(file, kind, s);
      const v = await timed('repositoryVisibility', 3000, repositoryVisibility({ eventPath: file }));
      if (v !== 'unknown') fail(`visibility ${v}, expected unknown`);
    },
  })),
  ...cliFileCases(
    'verify-artifact-provenance',
    'prov.intoto.jsonl',
    ALL,
    '`verify-artifact --provenance-path`',
    (s) => path.join(s.dir, 'prov.intoto.jsonl'),
    (_s, file) => ['verify-artifact', `sha256:${'a'.repeat(64)}`, '--provenance-path', file, '--source-uri', 'github.com/o/r'],
    32 * 1024 * 1024,
  ),
  ...cliFileCases(
    'attest-private-key',
    'key.pem',
    ['fifo', 'dev-zero', 'oversized', 'latin1'],
    '`attest --signer key --key`',
    (s) => path.join(s.dir, 'key.pem'),
    (s, file) => [
      'attest',
      '--signer',
      'key',
      '--key',
      file,
      '--subject-digest',
      `sha256:${'a'.repeat(64)}`,
      '--subject-name',
      'app',
      '--evidence',
      path.join(s.dir, 'evidence'),
    ],
    64 * 1024,
  ),
  ...fileCases(
    'docker-config',
    'config.json',
    ['fifo', 'dev-zero', 'oversized', 'latin1'],
    'the docker config ($DOCKER_CONFIG/config.json) read for registry credentials',
    (s) => path.join(s.dir, 'config.json'),
    (s) => Promise.resolve().then(() => dockerConfigCredentials('registry.example', { DOCKER_CONFIG: s.dir })),
    4 * 1024 * 1024,
  ),
  ...fileCases(
    'image-trust-key',
    'trust.pem',
    ['fifo', 'dev-zero', 'oversized', 'latin1'],
    "the policy's materials.images.trust key file",
    (s) => path.join(s.dir, 'trust.pem'),
    (s) =>
      Promise.resolve().then(() => resolveTrust({ registry: 'registry.example/team', key: 'trust.pem' }, path.join(s.dir, 'policy.yml'))),
    64 * 1024,
  ),
  ...(['fifo', 'dev-zero', 'secret-link'] as const).flatMap((kind): HostileCase[] =>
    (['event', 'workflow'] as const).map((which) => ({
      id: `evidence/build-run-context-${which}-${kind}`,
      area: 'evidence',
      input: `the build's run context reads ${which === 'event' ? 'GITHUB_EVENT_PATH (workflow inputs)' : "the run's workflow file (pinned actions)"}, which is ${KIND_INPUT[kind]}`,
      expect:
        'nothing taken from it (no inputs, no pinned dependencies), at once (was: a synchronous read — the build blocked forever on a FIFO)',
      run: () => {
        const s = scratch();
        writeFileSync(s.token, JSON.stringify({ inputs: { [SECRET]: '1' } }) + `\nuses: ${SECRET}/a@${'a'.repeat(40)}\n`);
        mkdirSync(path.join(s.dir, '.github', 'workflows'), { recursive: true });
        const event = path.join(s.dir, 'event.json');
        const workflow = path.join(s.dir, '.github', 'workflows', 'build.yml');
        if (which === 'event') {
          writeFileSync(workflow, 'on: push\n');
          makeHostile(event, kind, s);
        } else {
          writeFileSync(event, '{"inputs": {"a": "1"}}');
          makeHostile(workflow, kind, s);
        }
        const ctx = readRunContext(
          {
            GITHUB_ACTIONS: 'true',
            GITHUB_REPOSITORY: 'o/r',
            GITHUB_WORKFLOW_REF: 'o/r/.github/workflows/build.yml@refs/heads/main',
            GITHUB_EVENT_PATH: event,
          },
          s.dir,
        );
        checkText(JSON.stringify(ctx));
        if (which === 'event' && ctx.workflowInputs !== undefined) fail(`inputs read: ${JSON.stringify(ctx.workflowInputs)}`);
        if (which === 'workflow' && ctx.dependencies.length > 0) fail(`dependencies read: ${JSON.stringify(ctx.dependencies)}`);
      },
    })),
  ),
  ...(['fifo', 'dev-zero', 'secret-link'] as const).map((kind): HostileCase => ({
    id: `evidence/scan-kubernetes-sniff-${kind}`,
    area: 'evidence',
    input: `a YAML file the scan sniffs for a Kubernetes manifest is ${KIND_INPUT[kind]} (the secret a Pod naming it as its image)`,
    expect: 'no manifest, within 3 s; the folder scan skips it and reads only the real Pod (was: a plain read of whatever it was)',
    run: async () => {
      const s = scratch();
      writeFileSync(s.token, POD.replace('nginx', SECRET));
      writeFileSync(path.join(s.dir, 'pod.yaml'), POD);
      const file = path.join(s.dir, 'k8s.yaml');
      makeHostile(file, kind, s);
      const sniffed = await timed(
        'looksLikeKubernetes',
        3000,
        Promise.resolve().then(() => looksLikeKubernetes(file)),
      );
      if (sniffed) fail('taken for a Kubernetes manifest');
      const found = await timed(
        'collectMaterials',
        3000,
        Promise.resolve().then(() => collectMaterials(s.dir)),
      );
      const images = found.packages.map((p) => p.name).join(' ');
      checkText(images);
      if (JSON.stringify(found.files) !== JSON.stringify(['pod.yaml'])) fail(`read ${JSON.stringify(found.files)}, expected pod.yaml only`);
    },
  })),
  ...fileCases(
    'run-package-json',
    'package.json',
    ALL,
    "`secure-factory run`: the project's package.json",
    (s) => path.join(s.dir, 'package.json'),
    (s) => runIn(s.dir),
  ),
  ...fileCases(
    'run-yarn-lock',
    'yarn.lock',
    ['fifo', 'dev-zero', 'secret-link'],
    "`secure-factory run`: the project's yarn.lock (sniffed for Yarn Berry)",
    (s) => path.join(s.dir, 'yarn.lock'),
    (s) => runIn(s.dir, { build: 'true' }),
  ),
  ...fileCases(
    'build-npmrc',
    '.npmrc',
    ALL,
    "the build's fetch (egress proxy): the project's .npmrc",
    (s) => path.join(s.dir, '.npmrc'),
    (s) => projectNpmrc(s.dir),
    16 * 1024 * 1024,
  ),
  ...(['fifo', 'dev-zero', 'secret-link'] as const).map((kind): HostileCase => ({
    id: `evidence/build-hint-package-json-${kind}`,
    area: 'evidence',
    input: `the build explains a missing tool from the project's package.json, which is ${KIND_INPUT[kind]}`,
    expect: 'no hint, within 3 s, nothing read (was: blocked forever / read /dev/zero / read the token)',
    run: async () => {
      const s = scratch();
      // The token outside is valid JSON here, so only the refusal to follow the link keeps it unread.
      writeFileSync(s.token, JSON.stringify({ devDependencies: { [SECRET]: '1.0.0' } }));
      makeHostile(path.join(s.dir, 'package.json'), kind, s);
      const hint = await timed(
        'hintPackageJson',
        3000,
        Promise.resolve().then(() => hintPackageJson(s.dir)),
      );
      if (hint !== undefined) fail(`expected no hint, got ${JSON.stringify(hint)}`);
    },
  })),
  ...LOCKFILE_OUTSIDE.map(([name, input, make, pattern]): HostileCase => ({
    id: `paths/scan-lockfile-outside-${name}`,
    area: 'paths',
    input: `scan -L requirements:PATH naming ${input}`,
    expect: 'exit 2 naming the path, "leaves the scanned folder", no line of it quoted (was: a line of the file in the error)',
    run: async () => {
      const s = scratch();
      const arg = make(s);
      const db = path.join(path.dirname(s.dir), 'osv-db');
      mkdirSync(db);
      writeFileSync(
        path.join(db, 'a.json'),
        JSON.stringify({
          id: 'PYSEC-0000-1',
          modified: '2026-01-01T00:00:00Z',
          affected: [{ package: { ecosystem: 'PyPI', name: 'x' }, versions: ['1'] }],
        }),
      );
      await expectCliRefusal(
        ['scan', s.dir, '--offline', '--osv-db', db, '-L', `requirements:${arg}`],
        new RegExp(`${pattern.source}.*leaves the scanned folder`, 's'),
      );
    },
  })),
  ...SUBJECT_OUTSIDE.map(([name, input, make, pattern]): HostileCase => ({
    id: `paths/attest-subject-${name}`,
    area: 'paths',
    input: `attest subject-path: ${input}`,
    expect: 'exit 2 naming the subject within 3 s, never hashed or read (was: the outside file attested)',
    run: async () => {
      const s = scratch();
      const pattern1 = make(s);
      await expectRefusal('collectSubjects', collectSubjects({ paths: [pattern1], cwd: s.dir }), pattern);
    },
  })),
];
