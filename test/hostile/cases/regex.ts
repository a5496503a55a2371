/**
 * Regular expressions from the operator (`--certificate-identity-regexp`, `--cert-identity-regex`)
 * against a long hostile identity. A JS RegExp cannot be interrupted, so each pattern is either refused
 * at parse time (exit 2, naming the flag) or run by the linear-time engine — within a second, never a
 * match it should not give.
 */
import { ConfigurationError, exitCodeFor } from '@secure-factory/core';
import { attestationOptionsProblem, checkIdentity } from '@secure-factory/verify';
import { fail, type HostileCase } from './types.js';

const LONG = `https://github.com/${'a'.repeat(30_000)}!`;

/** Refused at parse time: backtracking shapes no linear engine runs, or that the check names. */
const REFUSED: [string, RegExp][] = [
  ['^(a+)+$', /nested quantifiers/],
  ['^(a*)*$', /nested quantifiers/],
  ['^(a|aa+)+$', /nested quantifiers/],
  ['^(.*a){20}$', /nested quantifiers/],
  ['^((https://)?[a-z/.]+)*!$', /nested quantifiers/],
  ['^(a+)\\1+$', /backreference/],
  ['^(?=(a+))\\1$', /lookaround|backreference/],
  ['^(?:(?!b).)+$', /lookaround/],
  ['a{1,100000}', /linear time/],
];

/** Accepted, and linear: the same long identity answers at once. */
const LINEAR = [
  '^https://github\\.com/(a|a)*$',
  '^https://github\\.com/(a|aa)*c$',
  '.*.*.*.*.*.*x$',
  '^https://github\\.com/(a|a?)*$',
  '^[^!]*[^!]*[^!]*[^!]*$',
];

const within = (started: number, ms: number): void => {
  if (Date.now() - started > ms) fail(`took ${Date.now() - started} ms`);
};

export const regexCases: HostileCase[] = [
  ...REFUSED.flatMap(([source, why], i): HostileCase[] => [
    {
      id: `regex/identity-refused-${i}`,
      area: 'regex',
      input: `--certificate-identity-regexp ${source} against a 30,000-character SAN`,
      expect: 'exit 2 at parse time, naming the pattern',
      run: () => {
        const started = Date.now();
        try {
          checkIdentity({ subjectAlternativeNameRegExp: source }, { subjectAlternativeName: LONG });
        } catch (e: unknown) {
          if (!(e instanceof ConfigurationError) || exitCodeFor(e) !== 2) fail(`not exit 2: ${String(e)}`);
          if (!why.test(e.message) || !e.message.includes(JSON.stringify(source))) fail(`unclear: ${e.message}`);
          within(started, 1_000);
          return;
        }
        fail('accepted');
      },
    },
    {
      id: `regex/gh-refused-${i}`,
      area: 'regex',
      input: `--cert-identity-regex ${source}`,
      expect: 'usage error (exit 2) naming the flag',
      run: () => {
        const started = Date.now();
        const problem = attestationOptionsProblem({ owner: 'acme', certIdentityRegex: source });
        if (problem === undefined) fail('accepted');
        if (!problem.startsWith('--cert-identity-regex ') || !why.test(problem)) fail(`unclear: ${problem}`);
        within(started, 1_000);
      },
    },
  ]),
  ...LINEAR.map((source, i): HostileCase => ({
    id: `regex/linear-${i}`,
    area: 'regex',
    input: `--certificate-identity-regexp ${source} (polynomial or exponential when backtracking) against a 30,000-character SAN`,
    expect: 'no match, in linear time',
    run: () => {
      const started = Date.now();
      const problems = checkIdentity({ subjectAlternativeNameRegExp: source }, { subjectAlternativeName: LONG });
      within(started, 1_000);
      if (problems.length !== 1 || !problems[0]?.includes('does not match')) fail(`not refused: ${problems.join('; ')}`);
    },
  })),
];
