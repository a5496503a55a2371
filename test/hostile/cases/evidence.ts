/**
 * Hostile files in the evidence folder (and the other files the factory reads from a repository or a
 * run): FIFOs, devices, sockets, directories, links leaving the folder, oversized and sparse files, bad
 * encodings. Each is refused quickly through core readRegularFile, the gate's evidence index lists it as
 * unreadable (so the gate refuses), and no refusal quotes the file.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  ConfigurationError,
  EvidenceFolder,
  loadPolicy,
  readRegularFile,
  readRegularFileSync,
  readRemediations,
  UnsafeFileError,
} from '@secure-factory/core';
import { indexEvidence } from '@secure-factory/verify';
import { fail, type HostileCase, SECRET, timed } from './types.js';

type Reason = UnsafeFileError['reason'];

interface FileSetup {
  name: string;
  input: string;
  /** Creates the hostile entry `target` inside dir; may return a cleanup. */
  make: (target: string, dir: string, outside: string) => void | (() => Promise<void>) | Promise<() => Promise<void>>;
  reason: Reason;
}

function mkfifo(p: string): void {
  execFileSync('mkfifo', [p]);
}

async function socketAt(p: string): Promise<() => Promise<void>> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(p, resolve));
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

const SETUPS: FileSetup[] = [
  { name: 'fifo', input: 'a FIFO', make: (t) => mkfifo(t), reason: 'not-regular' },
  { name: 'dev-zero', input: 'a link to /dev/zero', make: (t) => symlinkSync('/dev/zero', t), reason: 'link-outside' },
  { name: 'dev-urandom', input: 'a link to /dev/urandom', make: (t) => symlinkSync('/dev/urandom', t), reason: 'link-outside' },
  { name: 'dev-null', input: 'a link to /dev/null', make: (t) => symlinkSync('/dev/null', t), reason: 'link-outside' },
  { name: 'etc-passwd', input: 'a link to /etc/passwd', make: (t) => symlinkSync('/etc/passwd', t), reason: 'link-outside' },
  {
    name: 'proc-environ',
    input: 'a link to /proc/self/environ',
    make: (t) => symlinkSync('/proc/self/environ', t),
    reason: 'link-outside',
  },
  {
    name: 'token-outside',
    input: 'a link to a token file outside the folder',
    make: (t, _d, outside) => symlinkSync(path.join(outside, 'token'), t),
    reason: 'link-outside',
  },
  {
    name: 'relative-escape',
    input: 'a relative link ../outside/token',
    make: (t, dir, outside) => symlinkSync(path.relative(dir, path.join(outside, 'token')), t),
    reason: 'link-outside',
  },
  {
    name: 'link-to-link-outside',
    input: 'a link to a link (inside) to a secret outside',
    make: (t, dir, outside) => {
      symlinkSync(path.join(outside, 'token'), path.join(dir, '.hop'));
      symlinkSync(path.join(dir, '.hop'), t);
    },
    reason: 'link-outside',
  },
  {
    name: 'link-to-dir-outside',
    input: 'a link to a folder outside',
    make: (t, _d, outside) => symlinkSync(outside, t),
    reason: 'link-outside',
  },
  { name: 'dangling', input: 'a dangling link', make: (t) => symlinkSync('/nonexistent/secure-factory', t), reason: 'unreadable' },
  {
    name: 'loop',
    input: 'a link loop',
    make: (t, dir) => {
      symlinkSync(path.join(dir, '.b'), t);
      symlinkSync(t, path.join(dir, '.b'));
    },
    reason: 'unreadable',
  },
  { name: 'directory', input: 'a directory', make: (t) => mkdirSync(t), reason: 'not-regular' },
  { name: 'socket', input: 'a unix socket', make: (t) => socketAt(t), reason: 'not-regular' },
  {
    name: 'sparse-huge',
    input: 'a sparse 40 GB file',
    make: (t) => (writeFileSync(t, ''), truncateSync(t, 40 * 1024 ** 3)),
    reason: 'too-large',
  },
  {
    name: 'over-limit',
    input: 'a file one byte over the limit',
    make: (t) => writeFileSync(t, Buffer.alloc(1024 * 1024 + 1, 0x20)),
    reason: 'too-large',
  },
];

const LIMIT = 1024 * 1024;

async function withDir<T>(fn: (dir: string, outside: string) => Promise<T>): Promise<T> {
  const root = mkdtempSync(path.join(tmpdir(), 'sf-hostile-'));
  const dir = path.join(root, 'evidence');
  const outside = path.join(root, 'outside');
  mkdirSync(dir);
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'token'), `${SECRET}\n`);
  return fn(dir, outside);
}

function noLeak(text: string): void {
  if (text.includes(SECRET) || text.includes('root:x:0') || /\bPATH=/.test(text)) fail(`file content leaked: ${text}`);
}

async function expectRefused(p: Promise<unknown>, reason: Reason): Promise<void> {
  try {
    await timed('the read', 3000, p);
  } catch (e: unknown) {
    if (!(e instanceof UnsafeFileError)) fail(`not an UnsafeFileError: ${String(e)}`);
    noLeak(e.describe());
    if (e.reason !== reason) fail(`refused as ${e.reason}, expected ${reason}: ${e.message}`);
    return;
  }
  fail('the file was read');
}

export const evidenceCases: HostileCase[] = [];

for (const s of SETUPS) {
  // 1. The reader itself, async and sync.
  evidenceCases.push({
    id: `evidence/read-${s.name}`,
    area: 'evidence',
    input: `x.sigstore.json is ${s.input}`,
    expect: `refused (${s.reason}) within 3 s, nothing quoted`,
    run: () =>
      withDir(async (dir, outside) => {
        const target = path.join(dir, 'x.sigstore.json');
        const cleanup = await s.make(target, dir, outside);
        try {
          await expectRefused(readRegularFile(target, { maxBytes: LIMIT, within: dir, what: 'bundle' }), s.reason);
          await expectRefused((async () => readRegularFileSync(target, { maxBytes: LIMIT, within: dir, what: 'bundle' }))(), s.reason);
        } finally {
          if (cleanup) await cleanup();
        }
      }),
  });
  // 2. The gate's evidence index: listed as unreadable (the gate refuses), no hang, no leak.
  evidenceCases.push({
    id: `evidence/gate-${s.name}`,
    area: 'evidence',
    input: `gate evidence folder with x.sigstore.json as ${s.input}`,
    expect: 'listed unreadable (refusal) or exit 2, within 5 s, nothing quoted',
    run: () =>
      withDir(async (dir, outside) => {
        const target = path.join(dir, 'x.sigstore.json');
        const cleanup = await s.make(target, dir, outside);
        try {
          let index;
          try {
            index = await timed('indexEvidence', 5000, indexEvidence({ evidenceDir: dir }));
          } catch (e: unknown) {
            if (!(e instanceof ConfigurationError)) throw e;
            noLeak(e.describe());
            return;
          }
          if (index.bundles.length !== 0) fail('a hostile file became a candidate bundle');
          if (index.unreadable.length !== 1) fail(`expected one unreadable entry, got ${JSON.stringify(index.unreadable)}`);
          noLeak(JSON.stringify(index.unreadable));
        } finally {
          if (cleanup) await cleanup();
        }
      }),
  });
}

// 3. A statement without a bundle posing as each hostile kind: never read, and the folder's loader refuses.
for (const s of SETUPS.filter((x) => ['fifo', 'dev-zero', 'etc-passwd', 'token-outside', 'sparse-huge'].includes(x.name))) {
  evidenceCases.push({
    id: `evidence/statement-${s.name}`,
    area: 'evidence',
    input: `x.intoto.json is ${s.input}`,
    expect: 'EvidenceFolder.load refuses within 3 s, nothing quoted',
    run: () =>
      withDir(async (dir, outside) => {
        await s.make(path.join(dir, 'x.intoto.json'), dir, outside);
        try {
          await timed('load', 3000, new EvidenceFolder(dir).load());
        } catch (e: unknown) {
          if (!(e instanceof ConfigurationError)) fail(`not a ConfigurationError: ${String(e)}`);
          noLeak(e.describe());
          return;
        }
        fail('loaded');
      }),
  });
}

// 4. remediations.json (the rescan loop's state, read by the gate).
for (const s of SETUPS.filter((x) => ['fifo', 'dev-zero', 'etc-passwd', 'token-outside', 'directory'].includes(x.name))) {
  evidenceCases.push({
    id: `evidence/remediations-${s.name}`,
    area: 'evidence',
    input: `remediations.json is ${s.input}`,
    expect: 'exit 2 (ConfigurationError) within 3 s, nothing quoted; never "Invalid string length"',
    run: () =>
      withDir(async (dir, outside) => {
        await s.make(path.join(dir, 'remediations.json'), dir, outside);
        try {
          await timed('readRemediations', 3000, readRemediations(dir));
        } catch (e: unknown) {
          if (!(e instanceof ConfigurationError)) fail(`not a ConfigurationError: ${String(e)}`);
          noLeak(e.describe());
          return;
        }
        fail('read');
      }),
  });
}

// 5. The repository's default policy file as a hostile entry.
for (const s of SETUPS.filter((x) => ['fifo', 'dev-zero', 'etc-passwd', 'token-outside', 'directory', 'sparse-huge'].includes(x.name))) {
  evidenceCases.push({
    id: `evidence/policy-${s.name}`,
    area: 'evidence',
    input: `.github/secure-factory.yml is ${s.input}`,
    expect: 'exit 2 within 3 s, nothing quoted',
    run: () =>
      withDir(async (dir, outside) => {
        mkdirSync(path.join(dir, '.github'));
        await s.make(path.join(dir, '.github', 'secure-factory.yml'), dir, outside);
        try {
          await timed('loadPolicy', 3000, loadPolicy(undefined, { dir }));
        } catch (e: unknown) {
          if (!(e instanceof ConfigurationError)) fail(`not a ConfigurationError: ${String(e)}`);
          noLeak(e.describe());
          return;
        }
        fail('loaded');
      }),
  });
}

// 6. Links that stay inside the folder are followed (not every link is hostile).
evidenceCases.push({
  id: 'evidence/link-inside',
  area: 'evidence',
  input: 'x.sigstore.json links to a regular file in the same folder',
  expect: 'read',
  run: () =>
    withDir(async (dir) => {
      writeFileSync(path.join(dir, 'real.json'), '{}');
      symlinkSync('real.json', path.join(dir, 'x.sigstore.json'));
      const b = await readRegularFile(path.join(dir, 'x.sigstore.json'), { maxBytes: LIMIT, within: dir });
      if (b.toString() !== '{}') fail('wrong content');
    }),
});
