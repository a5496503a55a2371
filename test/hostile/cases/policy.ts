/**
 * Policy files: hostile YAML through core parsePolicy (text) — every one ends as a ConfigurationError
 * naming the file (exit 2) or a valid policy, within a time bound; nothing hangs or crashes.
 */
import { ConfigurationError, deployPolicyFor, parsePolicy } from '@secure-factory/core';
import { fail, type HostileCase } from './types.js';

const H = 'apiVersion: secure-factory/v1\n';
const now = new Date('2026-12-01T00:00:00Z');
const many = (n: number, f: (i: number) => string): string => Array.from({ length: n }, (_, i) => f(i)).join('');

const REFUSED: [string, string][] = [
  [
    'billion laughs (aliases)',
    `${H}a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n`,
  ],
  ['alias to an undefined anchor', `${H}materials: *nowhere\n`],
  ['recursive alias', `${H}a: &a [*a]\n`],
  ['deep flow nesting', `${H}materials: ${'['.repeat(5000)}${']'.repeat(5000)}\n`],
  ['deep block nesting', `${H}${many(500, (i) => `${' '.repeat(i)}k${i}:\n`)}`],
  ['duplicate keys', `${H}build: { network: none }\nbuild: { network: fetch-only }\n`],
  ['unknown top-level key', `${H}bulid: { network: none }\n`],
  ['wrong apiVersion', 'apiVersion: secure-factory/v0\n'],
  ['missing apiVersion', 'build: { network: none }\n'],
  ['a list instead of a map', '- apiVersion: secure-factory/v1\n'],
  ['a scalar document', 'secure-factory\n'],
  ['null document', '~\n'],
  ['two documents', `${H}---\n${H}`],
  ['tabs for indentation', `${H}build:\n\tnetwork: none\n`],
  ['!!js/function tag', `${H}build: !!js/function "function(){ return process.exit(1) }"\n`],
  ['!!binary where a string is expected', `${H}build: { network: !!binary aGVsbG8= }\n`],
  ['unknown local tag', `${H}build: !evil { network: none }\n`],
  ['merge key smuggling an unknown key', `${H}x: &x { evil: true }\nbuild: { <<: *x, network: none }\n`],
  ['network value not allowed', `${H}build: { network: host }\n`],
  ['huge number for approvals', `${H}source: { reviews: { approvals: 1e400 } }\n`],
  ['negative approvals', `${H}source: { reviews: { approvals: -1 } }\n`],
  ['duration overflow', `${H}deploy: { production: { max-scan-age: 999999999999999999999d } }\n`],
  ['duration garbage', `${H}deploy: { production: { max-scan-age: "1d; rm -rf /" } }\n`],
  ['CEL syntax error', `${H}deploy: { production: { rules: [ { name: r, expression: "a &&" } ] } }\n`],
  ['CEL too many nodes', `${H}deploy: { production: { rules: [ { name: big, expression: "${many(3000, () => '1 + ')}1 == 0" } ] } }\n`],
  ['CEL too deep', `${H}deploy: { production: { rules: [ { name: deep, expression: "${'('.repeat(200)}true${')'.repeat(200)}" } ] } }\n`],
  [
    'CEL list literal too long',
    `${H}deploy: { production: { rules: [ { name: long, expression: "size([${many(1500, (i) => `${i},`)}0]) > 0" } ] } }\n`,
  ],
  ['waiver without expiry', `${H}exceptions: [ { advisory: GHSA-aaaa-bbbb-cccc, reason: r, approver: bob } ]\n`],
  [
    'waiver expiring in the year 9999',
    `${H}exceptions: [ { advisory: GHSA-aaaa-bbbb-cccc, reason: r, approver: bob, expires: 9999-12-31 } ]\n`,
  ],
  [
    'waiver with an impossible date',
    `${H}exceptions: [ { advisory: GHSA-aaaa-bbbb-cccc, reason: r, approver: bob, expires: 2026-02-30 } ]\n`,
  ],
  ['NUL byte in a value', `${H}build: { network: "none\u0000" }\n`],
  ['workflow command in a key', `${H}"::error::forged": 1\n`],
  ['ANSI in a key', `${H}"\u001b[2Jbuild": {}\n`],
  ['over a megabyte', `${H}# ${'x'.repeat(1024 * 1024)}\nbuild: { network: nonee }\n`],
  ['environment name with a newline', `${H}deploy: { "prod\\n::error::x": { require: [provenance] } }\n`],
  ['require an unknown evidence kind', `${H}deploy: { production: { require: [provenance, magic] } }\n`],
  ['block-severity not a severity', `${H}materials: { block-severity: catastrophic }\n`],
  ['signers as a string', `${H}source: { signers: "everyone" }\n`],
  ['unterminated flow map', `${H}build: { network: none\n`],
  ['unterminated quoted string', `${H}build: { network: "none }\n`],
];

const ACCEPTED: [string, string, (p: ReturnType<typeof parsePolicy>) => boolean][] = [
  ['CRLF line endings', `${H.replace('\n', '\r\n')}build: { network: none }\r\n`, (p) => p.build.network === 'none'],
  ['comments only after apiVersion', `${H}# nothing else\n`, (p) => p.build.network === 'none'],
  [
    'environment named constructor stays an own key',
    `${H}deploy: { production: { require: [provenance] } }\n`,
    (p) => deployPolicyFor(p, 'constructor') === undefined && deployPolicyFor(p, 'production') !== undefined,
  ],
  [
    'an anchor used once (no bomb)',
    `${H}deploy:\n  production: { refs: &r ['refs/tags/v*'] }\n  staging: { refs: *r }\n`,
    (p) => deployPolicyFor(p, 'staging')?.refs[0] === 'refs/tags/v*',
  ],
];

function refused(text: string): void {
  const started = Date.now();
  try {
    parsePolicy(text, '.github/secure-factory.yml', { now });
  } catch (e: unknown) {
    if (!(e instanceof ConfigurationError)) fail(`not a ConfigurationError: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
    if (e.location?.file !== '.github/secure-factory.yml' && !e.describe().includes('secure-factory.yml'))
      fail(`the file is not named: ${e.describe()}`);
    if (Date.now() - started > 3000) fail('took longer than 3 s');
    return;
  }
  fail('accepted');
}

export const policyCases: HostileCase[] = [
  ...REFUSED.map(([name, text], i): HostileCase => ({
    id: `policy/refused-${i}`,
    area: 'policy',
    input: name,
    expect: 'exit 2 naming the file, within 3 s',
    run: () => refused(text),
  })),
  ...ACCEPTED.map(([name, text, ok], i): HostileCase => ({
    id: `policy/accepted-${i}`,
    area: 'policy',
    input: name,
    expect: 'a valid policy',
    run: () => {
      const p = parsePolicy(text, 'p.yml', { now });
      if (!ok(p)) fail('unexpected policy');
    },
  })),
];
