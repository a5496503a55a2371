/**
 * Names the user controls that become lookups or paths: environments (own keys only), evidence names
 * (no separators, no traversal), step output names and values ($GITHUB_OUTPUT delimiter form).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError, deployPolicyFor, EvidenceFolder, parsePolicy, safeInline } from '@secure-factory/core';
import { setOutput } from '@secure-factory/action-runtime';
import { ownersOf, parseCodeowners } from '@secure-factory/source';
import { subjectFromDigest } from '@secure-factory/attest';
import { checkGlob, collectOutputs } from '@secure-factory/isolated-build';
import { discover } from '@secure-factory/materials';
import { fail, RAW_CONTROL, timed, type HostileCase } from './types.js';

const policy = parsePolicy('apiVersion: secure-factory/v1\ndeploy: { production: { require: [provenance] } }\n', 'p.yml');

const ENVIRONMENTS = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupSetter__',
  'prototype',
  '',
  ' production',
  'production\n::error::x',
  'PRODUCTION',
  'production\u0000',
  'product\u200bion',
  '../production',
];

const EVIDENCE_NAMES = [
  '../x',
  '../../etc/passwd',
  'a/b',
  '/abs',
  '.hidden',
  'x\n',
  '',
  'UPPER',
  'a'.repeat(200),
  '..',
  'x\u0000y',
  'provenance\\..\\x',
  'x y',
];

const OUTPUT_NAMES = ['a b', 'a\nb', '::error::x', '', 'x=y', 'name<<EOF', '1abc\u001b'];

export const pathCases: HostileCase[] = [
  ...ENVIRONMENTS.map((env, i): HostileCase => ({
    id: `paths/environment-${i}`,
    area: 'paths',
    input: `--environment ${JSON.stringify(env)}`,
    expect: 'no such environment (own keys only)',
    run: () => {
      if (deployPolicyFor(policy, env) !== undefined) fail(`"${env}" found a deploy policy`);
    },
  })),
  ...EVIDENCE_NAMES.map((name, i): HostileCase => ({
    id: `paths/evidence-name-${i}`,
    area: 'paths',
    input: `evidence name ${JSON.stringify(name.slice(0, 40))}`,
    expect: 'ConfigurationError: no path separators',
    run: () => {
      try {
        new EvidenceFolder('/tmp/ev').pathFor(name);
      } catch (e: unknown) {
        if (!(e instanceof ConfigurationError)) fail(`not a ConfigurationError: ${String(e)}`);
        return;
      }
      fail('accepted');
    },
  })),
  ...OUTPUT_NAMES.map((name, i): HostileCase => ({
    id: `paths/output-name-${i}`,
    area: 'paths',
    input: `step output named ${JSON.stringify(name)}`,
    expect: 'refused before anything is written',
    run: () =>
      withOutputFile((file) => {
        try {
          setOutput(name, 'v');
        } catch {
          if (readFileSync(file, 'utf8') !== '') fail('something was written');
          return;
        }
        fail('accepted');
      }),
  })),
  {
    id: 'paths/output-delimiter',
    area: 'paths',
    input: 'output value holding ghadelimiter_ and a forged output line',
    expect: 'refused; $GITHUB_OUTPUT untouched',
    run: () =>
      withOutputFile((file) => {
        try {
          setOutput('allowed', 'false\nghadelimiter_1234\nallowed<<X\ntrue\nX');
        } catch {
          if (readFileSync(file, 'utf8') !== '') fail('something was written');
          return;
        }
        fail('accepted');
      }),
  },
  {
    id: 'paths/output-controls',
    area: 'paths',
    input: 'output value with ANSI and a newline',
    expect: 'written in the delimiter form, controls shown as text',
    run: () =>
      withOutputFile((file) => {
        setOutput('subjects', 'a\u001b[2J\nb');
        const text = readFileSync(file, 'utf8');
        if (!/^subjects<<ghadelimiter_[0-9a-f-]+\na\\u001b\[2J\nb\nghadelimiter_[0-9a-f-]+\n$/.test(text))
          fail(`unexpected: ${JSON.stringify(text)}`);
      }),
  },
];

/** Names an operator gives a digest (`--subject-name`, `NAME@sha256:…`): signed into evidence, shown in every verdict. */
const SUBJECT_LABELS: [string, string][] = [
  ['app\n::error::forged', '--subject-name'],
  ['app\r::add-mask::x', '--subject-name'],
  ['app\u0085::warning::x', '--subject-name'],
  ['app\u2028::error::x', '--subject-name'],
  ['app\u001b[2Jclean', '--subject-name'],
  ['ghcr.io/acme/\u202eexe.ppa', '--subject-name'],
  ['ghcr.io/acme/app\u200b', '--subject-name'],
  ['ghcr.io/acme/app\u2066x\u2069', '--subject-name'],
  ['\ufeffghcr.io/acme/app', '--subject-name'],
  ['   ', '--subject-name'],
  ['a'.repeat(1025), '--subject-name'],
  ['ghcr.io/acme/\u202eapp', 'NAME@sha256'],
  ['ghcr.io/acme/app\u0000', 'NAME@sha256'],
  ['ghcr.io/acme/app\u009b2J', 'NAME@sha256'],
];

pathCases.push(
  ...SUBJECT_LABELS.map(([name, how], i): HostileCase => ({
    id: `paths/subject-label-${i}`,
    area: 'paths',
    input: `attest ${how} ${safeInline(JSON.stringify(name.slice(0, 40)))}`,
    expect: 'exit 2 before anything is signed, the name shown with its controls visible (was: signed into the evidence as is)',
    run: () => {
      const digest = `sha256:${'a'.repeat(64)}`;
      try {
        if (how === '--subject-name') subjectFromDigest(digest, name);
        else subjectFromDigest(`${name}@${digest}`, undefined);
      } catch (e: unknown) {
        if (!(e instanceof ConfigurationError)) fail(`not a ConfigurationError: ${String(e)}`);
        if (RAW_CONTROL.test(e.message) || /\n|\r/.test(e.message)) fail(`raw control in ${JSON.stringify(e.message)}`);
        return;
      }
      fail('accepted');
    },
  })),
  {
    id: 'paths/subject-label-visible-unicode',
    area: 'paths',
    input: 'attest --subject-name with visible Unicode and an emoji joined by ZWJ (café/👩‍💻)',
    expect: 'kept byte for byte',
    run: () => {
      const name = 'registry.example/café/👩\u200d💻';
      if (subjectFromDigest(`sha256:${'a'.repeat(64)}`, name).name !== name) fail('the name changed');
    },
  },
);

/** Globs picomatch's RegExp backtracked on for seconds per path (`**\/*a*a*a*a*a*a*a*a*ab`: 4 s each). */
const GLOB_BOMBS = ['**/*a*a*a*a*a*a*a*a*ab', '*a*a*a*a*a*a*a*a*a*ab', '{*a,*b}*a*a*a*a*a*a*a*ab', `out/${'[a]*'.repeat(12)}b`];

pathCases.push(
  ...GLOB_BOMBS.flatMap((glob, i): HostileCase[] => [
    {
      id: `paths/output-glob-bomb-${i}`,
      area: 'paths',
      input: `build outputs glob ${JSON.stringify(glob)} over 200 outputs named with 40 "a"s`,
      expect: 'matched in linear time: all 200 listed within 3 s, or exit 2 "matched no file" (was: seconds per file, minutes in all)',
      run: async () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'sf-hostile-glob-'));
        mkdirSync(path.join(dir, 'out', 'x'), { recursive: true });
        for (let k = 0; k < 200; k++) writeFileSync(path.join(dir, 'out', 'x', `${'a'.repeat(40)}${k}`), '');
        try {
          await timed('collectOutputs', 3000, collectOutputs(dir, [glob]));
          fail('matched');
        } catch (e: unknown) {
          if (!(e instanceof ConfigurationError) || !/matched no file/.test(e.message)) fail(`unexpected: ${String(e)}`);
        }
      },
    },
    {
      id: `paths/ignore-glob-bomb-${i}`,
      area: 'paths',
      input: `materials.ignore ${JSON.stringify(glob)} over a tree of 200 files named with 40 "a"s`,
      expect: 'the folder walked within 3 s, nothing ignored (was: seconds per path)',
      run: async () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'sf-hostile-ignore-'));
        mkdirSync(path.join(dir, 'x'));
        for (let k = 0; k < 200; k++) writeFileSync(path.join(dir, 'x', `${'a'.repeat(40)}${k}`), '');
        const found = await timed(
          'discover',
          3000,
          Promise.resolve().then(() => discover(dir, [glob])),
        );
        if (found.ignored.length > 0) fail(`ignored ${found.ignored.join(', ')}`);
      },
    },
  ]),
  ...['!dist/**', 'dist/@(a|b).js', 'dist/!(x)', '[[:alpha:]]*', '{1..5000}', '{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}'].map(
    (glob, i): HostileCase => ({
      id: `paths/output-glob-refused-${i}`,
      area: 'paths',
      input: `build outputs glob ${JSON.stringify(glob)} (negation, extglob, POSIX class or a brace expansion past 256)`,
      expect: 'exit 2 naming the glob before the build runs (was: passed to picomatch, whose RegExp and expansion are unbounded)',
      run: () => {
        try {
          checkGlob(glob);
        } catch (e: unknown) {
          if (!(e instanceof ConfigurationError) || !e.message.includes('the glob')) fail(`unexpected: ${String(e)}`);
          return;
        }
        fail('accepted');
      },
    }),
  ),
);

const CODEOWNERS_BOMBS = [`${'*a'.repeat(12)}*b @evil`, `**/${'*a'.repeat(30)}*b @evil`, `/${'a*'.repeat(25)}b/ @evil`];

pathCases.push(
  ...CODEOWNERS_BOMBS.map((line, i): HostileCase => ({
    id: `paths/codeowners-bomb-${i}`,
    area: 'paths',
    input: `CODEOWNERS line ${JSON.stringify(line.slice(0, 30))}… against a 4,000-character path`,
    expect: 'no owner, decided in well under a second',
    run: () => {
      const started = Date.now();
      const rules = parseCodeowners(`* @owner\n${line}\n`);
      const r = ownersOf(rules, 'a'.repeat(4000));
      if (r.owners[0] !== '@owner') fail('the bomb line matched');
      if (Date.now() - started > 1000) fail(`took ${Date.now() - started} ms`);
    },
  })),
);

function withOutputFile(fn: (file: string) => void): void {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'sf-out-')), 'output');
  writeFileSync(file, '');
  const before = process.env.GITHUB_OUTPUT;
  process.env.GITHUB_OUTPUT = file;
  try {
    fn(file);
  } finally {
    if (before === undefined) delete process.env.GITHUB_OUTPUT;
    else process.env.GITHUB_OUTPUT = before;
  }
}
