/**
 * Files an operator names on the command line, and files found in a scanned tree, that a second probe
 * (2026-12-06) found mishandled: an artefact that is a FIFO or `/dev/zero` hung `verify-bundle`,
 * `verify-attestation` and `sign-bundle` (every file hash opened it blocking, the worker pool too); a
 * bundle that is a link to a secret had its first bytes quoted by V8's JSON message; `gate --evidence`
 * naming a file or FIFO ended in "internal error" (exit 3); a workflow that is a FIFO or a link out of the
 * repository was skipped by the audit, which then passed without it; a lockfile holding half of a UTF-16
 * pair (a JSON escape) made the purl encoder throw (exit 3). Each must end, within the deadline, with the
 * exit code below, the file named, and nothing of the secret in the output. A third (2026-12-06, session 6):
 * a private key given where a public key belongs was silently turned into its public half and used.
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expectCliRefusal, runMain } from './project-files.js';
import { SECRET, type HostileCase } from './types.js';

/** A folder with a plain artefact, a FIFO, a link to /dev/zero and a link to a secret token outside it. */
function scratch(): { dir: string; art: string; fifo: string; zero: string; secret: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'sf-hostile-operator-'));
  const dir = path.join(root, 'work');
  mkdirSync(dir);
  const token = path.join(root, 'token');
  writeFileSync(token, `${SECRET} root:x:0:0\n`);
  const art = path.join(dir, 'app.tgz');
  writeFileSync(art, 'app');
  const fifo = path.join(dir, 'app.fifo');
  execFileSync('mkfifo', [fifo]);
  const zero = path.join(dir, 'zero.tgz');
  symlinkSync('/dev/zero', zero);
  const secret = path.join(dir, 'secret.json');
  symlinkSync(token, secret);
  return { dir, art, fifo, zero, secret };
}

const IDENTITY = [
  '--certificate-identity',
  'https://github.com/acme/app/.github/workflows/release.yml@refs/tags/v1',
  '--certificate-oidc-issuer',
  'https://token.actions.githubusercontent.com',
];

/** An artefact argument that is not a regular file, for each verb that hashes one. */
const ARTEFACT_VERBS: [string, (s: ReturnType<typeof scratch>, file: string) => string[]][] = [
  ['verify-bundle', (s, file) => ['verify-bundle', ...IDENTITY, '--bundle', s.art, file]],
  ['verify-attestation', (s, file) => ['verify-attestation', '--owner', 'acme', '--bundle', s.art, file]],
  ['sign-bundle', (s, file) => ['sign-bundle', '--identity-token', 'x', '--bundle', path.join(s.dir, 'out.json'), file]],
];

const artefactCases: HostileCase[] = ARTEFACT_VERBS.flatMap(([verb, args]) =>
  (['fifo', 'zero'] as const).map((kind): HostileCase => ({
    id: `operator-${verb}-artefact-${kind}`,
    area: 'evidence',
    input: `${verb}'s artefact argument is ${kind === 'fifo' ? 'a FIFO' : 'a link to /dev/zero'}`,
    expect: 'exit 2 naming it, at once (not a hang, not an endless read)',
    run: async () => {
      const s = scratch();
      const file = kind === 'fifo' ? s.fifo : s.zero;
      await expectCliRefusal(args(s, file), new RegExp(`${path.basename(file).replace('.', '\\.')}: .*not a regular file`));
    },
  })),
);

/** A private key (PEM) in the place of a public one: refused by name, its text never printed. */
const privateKeyCases: HostileCase[] = (
  [
    [
      'gate',
      (s: ReturnType<typeof scratch>, key: string) => ['gate', '--evidence', s.dir, '--public-key', key, `sha256:${'a'.repeat(64)}`],
      /key\.pem: the public key file holds a private key/,
    ],
    [
      'verify-bundle',
      (s: ReturnType<typeof scratch>, key: string) => ['verify-bundle', '--key', key, '--bundle', s.art, s.art],
      /public key 1 is a private key/,
    ],
  ] as const
).map(([verb, args, pattern]): HostileCase => ({
  id: `operator-${verb}-private-key`,
  area: 'paths',
  input: `${verb} given a PEM private key where its public key belongs`,
  expect: 'exit 2 saying it is a private key (was: its public half derived and used silently), no key text in the output',
  run: async () => {
    const s = scratch();
    const key = path.join(s.dir, 'key.pem');
    const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    writeFileSync(key, pem);
    const body = pem.split('\n')[1] ?? 'unreachable';
    const r = await runMain(args(s, key));
    if (`${r.out}${r.err}`.includes(body)) throw new Error('the private key reached the output');
    await expectCliRefusal(args(s, key), pattern);
  },
}));

export const operatorFileCases: HostileCase[] = [
  ...artefactCases,
  ...privateKeyCases,
  {
    id: 'operator-verify-bundle-secret-link',
    area: 'evidence',
    input: 'verify-bundle --bundle naming a link to a token file (not JSON)',
    expect: 'exit 1 (MALFORMED) saying only the kind of JSON error, never the bytes',
    run: async () => {
      const s = scratch();
      await expectCliRefusal(['verify-bundle', ...IDENTITY, '--bundle', s.secret, s.art], /not valid JSON: an unexpected character/, 1);
    },
  },
  ...(['file', 'fifo'] as const).map((kind): HostileCase => ({
    id: `operator-gate-evidence-${kind}`,
    area: 'paths',
    input: `gate --evidence naming a ${kind === 'fifo' ? 'FIFO' : 'regular file'} instead of a folder`,
    expect: 'exit 2 "the evidence folder is not a folder", nothing written (was: internal error, exit 3)',
    run: async () => {
      const s = scratch();
      const evidence = kind === 'fifo' ? s.fifo : s.art;
      await expectCliRefusal(['gate', '--evidence', evidence, `sha256:${'a'.repeat(64)}`], /the evidence folder is not a folder/);
    },
  })),
  ...(['fifo', 'outside-link', 'dev-zero'] as const).map((kind): HostileCase => ({
    id: `operator-audit-workflow-${kind}`,
    area: 'evidence',
    input: `a workflow file in .github/workflows that is ${kind === 'fifo' ? 'a FIFO' : kind === 'dev-zero' ? 'a link to /dev/zero' : 'a link to a token outside the repository'}`,
    expect: 'exit 2 naming it (was: skipped, and the audit passed without it)',
    run: async () => {
      const s = scratch();
      const workflows = path.join(s.dir, 'repo', '.github', 'workflows');
      mkdirSync(workflows, { recursive: true });
      writeFileSync(
        path.join(workflows, 'ok.yml'),
        'on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ok\n',
      );
      const file = path.join(workflows, 'ci.yml');
      if (kind === 'fifo') execFileSync('mkfifo', [file]);
      else symlinkSync(kind === 'dev-zero' ? '/dev/zero' : path.join(s.dir, '..', 'token'), file);
      await expectCliRefusal(
        ['audit-workflows', path.join(s.dir, 'repo')],
        /ci\.yml: the workflow file is (a FIFO|a symbolic link to a place outside)/,
      );
    },
  })),
  ...(
    [
      [
        'pipfile-escape',
        'Pipfile.lock',
        '{"_meta":{"hash":{"sha256":"abc"},"pipfile-spec":6},"default":{"requests":{"version":"==2\\ud800.31.0"}},"develop":{}}',
      ],
      [
        'package-lock-escape',
        'package-lock.json',
        '{"lockfileVersion":3,"packages":{"":{},"node_modules/le\\udc00ft":{"version":"1.0.0"}}}',
      ],
    ] as const
  ).map(([id, name, text]): HostileCase => ({
    id: `operator-lockfile-surrogate-${id}`,
    area: 'json',
    input: `${name} naming a package with half of a UTF-16 pair (a JSON \\u escape)`,
    expect: 'exit 2 naming the lockfile (was: URIError from the purl encoder, exit 3)',
    run: async () => {
      const s = scratch();
      writeFileSync(path.join(s.dir, name), text);
      await expectCliRefusal(
        ['scan', '--osv-db', 'examples/osv-db', '--offline', s.dir],
        new RegExp(`${name.replace('.', '\\.')}.*control or invisible characters`),
      );
    },
  })),
];
