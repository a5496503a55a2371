/**
 * JSON readers: hostile text through core parseJsonText (the parser behind every evidence, state and
 * SBOM read). Each ends as a value or a ConfigurationError at file:line:column — never a bare
 * SyntaxError, never a quote of the text (a link may have pointed at a secret).
 */
import { ConfigurationError, decodeUtf8, parseJsonText } from '@secure-factory/core';
import { fail, SECRET, type HostileCase } from './types.js';

const REFUSED: [string, string][] = [
  ['secret as a bare word', SECRET],
  ['passwd line', `root:x:0:0:${SECRET}:/root:/bin/bash`],
  ['token file', `ghp_${SECRET}`],
  ['truncated object', `{"a": "${SECRET}"`],
  ['truncated string', `"${SECRET}`],
  ['truncated array', `[1, 2, "${SECRET}"`],
  ['trailing comma', `{"a": "${SECRET}",}`],
  ['single quotes', `{'a': '${SECRET}'}`],
  ['comment', `{"a": 1 /* ${SECRET} */}`],
  ['NaN', `{"a": NaN, "s": "${SECRET}"}`],
  ['Infinity', `[Infinity, "${SECRET}"]`],
  ['hex number', `[0x1F, "${SECRET}"]`],
  ['leading zero', `[01, "${SECRET}"]`],
  ['raw newline in string', `["${SECRET}\n"]`],
  ['raw tab in string', `["\t${SECRET}"]`],
  ['bad escape', `["\\x41${SECRET}"]`],
  ['bad unicode escape', `["\\u12G4${SECRET}"]`],
  ['two documents', `{"a":1}{"b":"${SECRET}"}`],
  ['text after value', `{"a":1} ${SECRET}`],
  ['unquoted key', `{a: "${SECRET}"}`],
  ['missing colon', `{"a" "${SECRET}"}`],
  ['empty text', ''],
  ['only white space', ' \n\t '],
  ['NUL byte', `{"a": "\u0000${SECRET}"}`],
  ['HTML error page', `<html><body>${SECRET}</body></html>`],
  ['YAML instead of JSON', `a: ${SECRET}\nb: 2`],
  ['JavaScript', `module.exports = { a: "${SECRET}" }`],
  ['deep nesting, unterminated', '['.repeat(200_000)],
  ['deep objects, unterminated', '{"a":'.repeat(100_000)],
  ['lone surrogate escape then garbage', `["\\ud800" ${SECRET}]`],
  ['minus alone', `[-, "${SECRET}"]`],
  ['true misspelt', `[tru, "${SECRET}"]`],
];

const ACCEPTED: [string, string, (v: unknown) => boolean][] = [
  [
    '__proto__ key stays a key',
    '{"__proto__": {"polluted": true}}',
    (v) => Object.hasOwn(v as object, '__proto__') && ({} as { polluted?: boolean }).polluted === undefined,
  ],
  ['constructor key', '{"constructor": {"prototype": {"x": 1}}}', (v) => Object.hasOwn(v as object, 'constructor')],
  ['deep nesting that parses', `${'['.repeat(5000)}${']'.repeat(5000)}`, (v) => Array.isArray(v)],
  ['huge number', '[1e400]', (v) => (v as number[])[0] === Infinity],
  ['lone surrogate escape', '["\\ud800"]', (v) => (v as string[])[0]?.length === 1],
  ['duplicate keys (last wins, as JSON.parse)', '{"a": 1, "a": 2}', (v) => (v as { a: number }).a === 2],
];

export const jsonCases: HostileCase[] = [
  ...REFUSED.map(([name, text], i): HostileCase => ({
    id: `json/refused-${i}`,
    area: 'json',
    input: name,
    expect: 'ConfigurationError at file:line:column, text not quoted',
    run: () => {
      try {
        parseJsonText(text, 'evidence/x.intoto.json');
      } catch (e: unknown) {
        if (!(e instanceof ConfigurationError)) fail(`not a ConfigurationError: ${String(e)}`);
        if (e.location?.file !== 'evidence/x.intoto.json' || e.location.line === undefined) fail('no location');
        if (e.describe().includes(SECRET)) fail(`the message quotes the file: ${e.describe()}`);
        if (/"[^"]{6,}"\.\.\./.test(e.message)) fail(`the message quotes text: ${e.message}`);
        return;
      }
      fail('accepted');
    },
  })),
  ...ACCEPTED.map(([name, text, ok], i): HostileCase => ({
    id: `json/accepted-${i}`,
    area: 'json',
    input: name,
    expect: 'parsed, nothing polluted',
    run: () => {
      if (!ok(parseJsonText(text, 'x.json'))) fail('unexpected value');
    },
  })),
  ...(
    [
      ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"a":1}', 'utf16le')]), /UTF-16/],
      ['UTF-16BE with BOM', Buffer.from([0xfe, 0xff, 0, 0x7b, 0, 0x7d]), /UTF-16/],
      ['UTF-32BE with BOM', Buffer.from([0, 0, 0xfe, 0xff, 0, 0, 0, 0x7b]), /UTF-16 or UTF-32/],
      ['UTF-16LE without BOM', Buffer.from('{"a":1}', 'utf16le'), /UTF-16/],
      ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]), /not valid UTF-8/],
      ['overlong UTF-8', Buffer.from([0x5b, 0xc0, 0xaf, 0x5d]), /not valid UTF-8/],
      ['UTF-8 encoded surrogate', Buffer.from([0x5b, 0xed, 0xa0, 0x80, 0x5d]), /not valid UTF-8/],
    ] as const
  ).map(([name, bytes, re], i): HostileCase => ({
    id: `json/encoding-${i}`,
    area: 'json',
    input: name,
    expect: 'ConfigurationError saying to save as UTF-8',
    run: () => {
      try {
        decodeUtf8(bytes, 'x.json');
      } catch (e: unknown) {
        if (!(e instanceof ConfigurationError) || !re.test(e.message) || !/UTF-8/.test(e.describe())) fail(`wrong error: ${String(e)}`);
        return;
      }
      fail('decoded');
    },
  })),
  {
    id: 'json/utf8-bom',
    area: 'json',
    input: 'UTF-8 with BOM',
    expect: 'BOM dropped, parsed',
    run: () => {
      const text = decodeUtf8(Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]), 'x.json');
      if (JSON.stringify(parseJsonText(text, 'x.json')) !== '{}') fail('not parsed');
    },
  },
];
