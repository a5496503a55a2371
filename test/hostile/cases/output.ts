/**
 * Output: text from advisories, file names, package names and operator inputs, through every sink of the
 * output chokepoint. None may leave a line the runner reads as a workflow command, or a raw control,
 * ANSI or bidi character.
 */
import {
  escapeCommandData,
  escapeCommandProperty,
  safeInline,
  safeJson,
  safeText,
  SafeLineWriter,
  StreamLogger,
} from '@secure-factory/core';
import { generateKeyPairSync, sign } from 'node:crypto';
import { artifactFromBytes, createBundleVerifier } from '@secure-factory/verify';
import { fail, isRunnerCommand, RAW_CONTROL, runnerLines, type HostileCase } from './types.js';

const COMMANDS = [
  '::add-mask::hunter2',
  '::stop-commands::pwned',
  '::error::forged failure',
  '::error file=app.js,line=1,title=x::forged',
  '::warning::forged',
  '::notice::forged',
  '::debug::forged',
  '::group::forged',
  '::endgroup::',
  '::set-output name=allowed::true',
  '::save-state name=x::y',
  '::set-env name=NODE_OPTIONS::--require=/tmp/x',
  '::add-path::/tmp/evil',
  '::echo::on',
];
/** White space .NET's TrimStart removes before looking for "::". */
const LEADING = ['', ' ', '\t', '\u00a0', '\u3000', '\u2003', '  \t '];
/** Line breaks an attacker may use to start a new runner line. */
const BREAKS = ['\n', '\r', '\r\n', '\u0085', '\u2028', '\u2029', '\n\n'];
const V1 = [
  '##[error]forged',
  '##[add-mask]hunter2',
  '##[set-output name=allowed;]true',
  'npm@1.0.0 ##[warning]forged',
  '###[error]three hashes',
  '##[##[error]nested',
  '##[group]x',
  '##[endgroup]',
];
const CONTROLS = [
  ['ANSI colour', '\x1b[31mred\x1b[0m'],
  ['ANSI clear screen', '\x1b[2J\x1b[H'],
  ['ANSI erase line (fake a line)', 'ok\x1b[1A\x1b[2Kall checks passed'],
  ['OSC 8 hyperlink', '\x1b]8;;https://evil.example\x07click\x1b]8;;\x07'],
  ['OSC 52 clipboard write', '\x1b]52;c;Y3VybCBldmlsIHwgc2g=\x07'],
  ['OSC window title', '\x1b]0;pwned\x07'],
  ['C1 CSI', '\u009b31mred'],
  ['C1 OSC', '\u009d0;title\u009c'],
  ['bell', 'ding\x07'],
  ['backspace over text', 'safe\b\b\b\bevil'],
  ['NUL byte', 'a\u0000b'],
  ['DEL', 'a\u007fb'],
  ['vertical tab', 'a\u000bb'],
  ['form feed', 'a\u000cb'],
  ['right-to-left override (Trojan Source)', 'access\u202e\u2066// admin\u2069\u2066'],
  ['zero-width space', 'evi\u200bl'],
  ['byte-order mark', '\ufeffx'],
  ['escape then command', '\x1b[0m\n::error::after reset'],
] as const;

const SECRET_FREE = (s: string): string => s;

function checkSafe(out: string, where: string): void {
  for (const line of runnerLines(out)) if (isRunnerCommand(line)) fail(`${where}: a runner command survived: ${JSON.stringify(line)}`);
  if (RAW_CONTROL.test(out)) fail(`${where}: a raw control character survived: ${JSON.stringify(out)}`);
}

/** Every sink of the chokepoint with one payload. */
function throughEverySink(payload: string): void {
  checkSafe(safeText(payload), 'safeText');
  checkSafe(safeInline(payload), 'safeInline');
  if (/[\r\n]/.test(safeInline(payload))) fail('safeInline left a line break');
  const json = safeJson({ summary: payload, list: [payload] });
  checkSafe(json, 'safeJson');
  const back = JSON.parse(json) as { summary: string };
  if (back.summary !== payload) fail('safeJson changed the value');
  const lines: string[] = [];
  const log = new StreamLogger({ write: (s: string) => lines.push(s) }, true);
  log.info(payload);
  log.warning(payload, { file: payload, line: 1 });
  log.error(`advisory: ${payload}`);
  log.debug(payload);
  checkSafe(lines.join(''), 'StreamLogger');
  for (const cut of [1, 2, Math.floor(payload.length / 2)]) {
    const got: string[] = [];
    const w = new SafeLineWriter((l) => got.push(l));
    w.write(payload.slice(0, cut));
    w.write(payload.slice(cut));
    w.end();
    checkSafe(got.join(''), `SafeLineWriter cut at ${cut}`);
  }
  const data = escapeCommandData(payload);
  if (/[\r\n]/.test(data)) fail('escapeCommandData left a line break');
  const prop = escapeCommandProperty(payload);
  if (/[\r\n:,]/.test(prop)) fail('escapeCommandProperty left a separator');
}

export const outputCases: HostileCase[] = [];
const add = (id: string, input: string, payload: string): void => {
  outputCases.push({
    id: `output/${id}`,
    area: 'output',
    input,
    expect: 'neutralised in every sink',
    run: () => throughEverySink(SECRET_FREE(payload)),
  });
};

COMMANDS.forEach((cmd, i) => {
  LEADING.forEach((lead, j) => add(`cmd${i}-lead${j}`, `${JSON.stringify(lead)} + ${cmd}`, `${lead}${cmd}`));
});
COMMANDS.slice(0, 6).forEach((cmd, i) => {
  BREAKS.forEach((br, j) =>
    add(`cmd${i}-break${j}`, `advisory text ${JSON.stringify(br)} ${cmd}`, `Prototype pollution in lodash${br}${cmd}`),
  );
});
V1.forEach((v, i) => add(`v1-${i}`, v, v));
CONTROLS.forEach(([name, payload], i) => add(`control-${i}`, name, payload));
add('file-name', 'artefact file named app\\n::error::x.tgz', 'app\n::error::forged.tgz');
add('workflow-name', 'workflow file named x\\n::error::y.yml', '.github/workflows/x\n::error::y.yml');
add('environment-input', '--environment prod\\n::add-mask::x', 'prod\n::add-mask::x');
add('digest-input', '--subject-digest sha256:\\r::stop-commands::t', 'sha256:\r::stop-commands::t');
add('osv-summary', 'OSV summary with mask and stop-commands', 'RCE\n::add-mask::***\n::stop-commands::abc\n::error::fake\n::abc::');
add('long-line', '1 MB line ending in a command', `${'x'.repeat(1 << 20)}\n::error::late`);

// Text an attacker writes into a signed bundle, quoted back by the verifier's verdict (a subject's name in
// a mismatch, the statement's _type): the reason must be one line with its controls visible, whatever it held.
const BUNDLE_KEY = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const bundleVerifier = createBundleVerifier({ publicKeys: [BUNDLE_KEY.publicKey.export({ format: 'pem', type: 'spki' }).toString()] });
function bundleQuoting(statement: Record<string, unknown>): void {
  const payload = Buffer.from(JSON.stringify(statement));
  const type = 'application/vnd.in-toto+json';
  const pae = Buffer.concat([Buffer.from(`DSSEv1 ${type.length} ${type} ${payload.length} `), payload]);
  const bundle = {
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: { publicKey: { hint: '' }, tlogEntries: [], timestampVerificationData: { rfc3161Timestamps: [] } },
    dsseEnvelope: {
      payload: payload.toString('base64'),
      payloadType: type,
      signatures: [{ sig: sign('sha256', pae, BUNDLE_KEY.privateKey).toString('base64'), keyid: '' }],
    },
  };
  const v = bundleVerifier.verify(bundle, artifactFromBytes(Buffer.from('another artefact')));
  if (v.ok) fail('the bundle verified for an artefact it does not name');
  if (/[\r\n\u0085\u2028\u2029]/.test(v.reason)) fail(`the verdict's reason spans lines: ${JSON.stringify(v.reason)}`);
  checkSafe(v.reason, 'verdict reason');
}
const QUOTED = [
  ['mask and stop-commands', 'app\n::add-mask::hunter2\n::stop-commands::pwned'],
  ['CR then error', 'app\r::error::forged'],
  ['NEL then warning', 'app\u0085::warning::forged'],
  ['line separator then set-output', 'app\u2028::set-output name=allowed::true'],
  ['ANSI erase line', 'ok\x1b[1A\x1b[2Kall checks passed'],
  ['right-to-left override', 'app\u202e\u2066gpj.exe'],
] as const;
QUOTED.forEach(([name, text], i) => {
  const subject = { name: text, digest: { sha256: 'a'.repeat(64) } };
  outputCases.push({
    id: `output/bundle-subject-${i}`,
    area: 'output',
    input: `a signed statement's subject named with ${name}, quoted in an artefact mismatch`,
    expect: 'ARTIFACT_MISMATCH whose reason is one neutralised line',
    run: () => bundleQuoting({ _type: 'https://in-toto.io/Statement/v1', subject: [subject], predicateType: 'https://x/y', predicate: {} }),
  });
  outputCases.push({
    id: `output/bundle-type-${i}`,
    area: 'output',
    input: `a signed statement whose _type carries ${name}`,
    expect: 'MALFORMED whose reason is one neutralised line',
    run: () => bundleQuoting({ _type: text, subject: [subject], predicateType: 'https://x/y', predicate: {} }),
  });
});
