export const id = 589;
export const ids = [589];
export const modules = {

/***/ 7589:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fz: () => (/* reexport */ annotate),
  TF: () => (/* reexport */ annotateError),
  Wj: () => (/* reexport */ coreLogger),
  Vt: () => (/* reexport */ getBooleanInput),
  iv: () => (/* reexport */ getEnumInput),
  $F: () => (/* reexport */ getIntegerInput),
  DF: () => (/* reexport */ getListInput),
  lI: () => (/* reexport */ getOptionalInput),
  K1: () => (/* reexport */ getRequiredInput),
  $l: () => (/* reexport */ maskSecret),
  Cs: () => (/* reexport */ runAction),
  uH: () => (/* reexport */ setOutput),
  Sy: () => (/* reexport */ writeSummary)
});

// EXTERNAL MODULE: ../node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(75360);
// EXTERNAL MODULE: ../packages/core/dist/index.js + 30 modules
var dist = __webpack_require__(81915);
;// CONCATENATED MODULE: ../packages/action-runtime/dist/inputs.js
/**
 * The only place action inputs are read. Values are trimmed of ASCII whitespace only (as
 * actions/checkout does for `ref`: a leading byte-order mark must not be silently dropped).
 */


function trimAscii(s) {
    return s.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
}
function raw(name) {
    return trimAscii(core/* getInput */.V4(name, { trimWhitespace: false }));
}
function getRequiredInput(name) {
    const v = raw(name);
    if (!v)
        throw new dist/* ConfigurationError */.j1(`input "${name}" is required`, { hint: `set it under \`with:\` in the workflow step` });
    return v;
}
function getOptionalInput(name) {
    const v = raw(name);
    return v === '' ? undefined : v;
}
function getBooleanInput(name, fallback) {
    const v = raw(name);
    if (v === '')
        return fallback;
    if (['true', 'True', 'TRUE'].includes(v))
        return true;
    if (['false', 'False', 'FALSE'].includes(v))
        return false;
    throw new dist/* ConfigurationError */.j1(`input "${name}" is "${v}"; it must be true or false`);
}
function getEnumInput(name, allowed, fallback) {
    const v = raw(name);
    if (v === '')
        return fallback;
    if (allowed.includes(v))
        return v;
    throw new dist/* ConfigurationError */.j1(`input "${name}" is "${v}"; allowed values: ${allowed.join(', ')}`);
}
/** Newline- or comma-separated list, blanks and `#` comments dropped. */
function getListInput(name) {
    return raw(name)
        .split(/[\n,]/)
        .map(trimAscii)
        .filter((s) => s !== '' && !s.startsWith('#'));
}
function getIntegerInput(name, fallback, min = 0, max = Number.MAX_SAFE_INTEGER) {
    const v = raw(name);
    if (v === '')
        return fallback;
    if (!/^[0-9]+$/.test(v) || Number(v) < min || Number(v) > max) {
        throw new dist/* ConfigurationError */.j1(`input "${name}" is "${v}"; it must be a whole number from ${min} to ${max}`);
    }
    return Number(v);
}

;// CONCATENATED MODULE: ../packages/action-runtime/dist/run.js
/**
 * The one try/catch every action ends in (user mistakes become a clear ::error, bugs keep their stack),
 * and the actions' half of the output chokepoint: the only module that calls @actions/core's printing
 * functions (an ESLint rule keeps actions/*\/src away from them). Every text goes through core's
 * `safeText`/`visibleControls` first, so an advisory, a file name or an operator's input can neither
 * start a workflow command nor smuggle terminal escapes into the log.
 */


function coreLogger() {
    return {
        debug: (m) => core/* debug */.Yz((0,dist/* annotationText */.xr)(m)),
        info: (m) => core/* info */.pq((0,dist/* safeText */.Hk)(m)),
        warning: (m, loc) => core/* warning */.$e((0,dist/* annotationText */.xr)(m), annotation(loc)),
        error: (m, loc) => core/* error */.z3((0,dist/* annotationText */.xr)(m), annotation(loc)),
        progress: (done, total, what) => {
            if (done === total || done % Math.max(1, Math.floor(total / 10)) === 0)
                core/* info */.pq((0,dist/* safeText */.Hk)(`${what}: ${done}/${total}`));
        },
    };
}
function annotation(loc) {
    if (!loc)
        return {};
    const a = {};
    // Properties are percent-encoded by @actions/core (`escapeProperty`: % CR LF : ,) after this.
    if (loc.file)
        a.file = (0,dist/* annotationText */.xr)(loc.file);
    if (loc.line)
        a.startLine = loc.line;
    if (loc.column)
        a.startColumn = loc.column;
    if (loc.title)
        a.title = (0,dist/* annotationText */.xr)(loc.title);
    return a;
}
/** One error annotation (a failed gate check, say) with an optional title and location. */
function annotateError(message, loc) {
    core/* error */.z3((0,dist/* annotationText */.xr)(message), annotation(loc));
}
/** Annotations on the offending line for each finding (errors for blocking ones). */
function annotate(findings, limit = 50) {
    for (const f of findings.slice(0, limit)) {
        const props = annotation({ file: f.file, line: f.line, column: f.column, title: f.rule });
        const text = (0,dist/* annotationText */.xr)(f.help ? `${f.message} — ${f.help}` : f.message);
        if (f.blocking)
            core/* error */.z3(text, props);
        else if (f.severity === 'low' || f.severity === 'info' || f.waived)
            core/* notice */.lm(text, props);
        else
            core/* warning */.$e(text, props);
    }
}
const OUTPUT_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/**
 * A step output. @actions/core writes `name<<ghadelimiter_<uuid>` blocks to $GITHUB_OUTPUT (and refuses
 * a value holding its delimiter); we also refuse any value mentioning the delimiter prefix, so a value
 * can never close the block early even if the uuid were guessed, and show control characters as text.
 */
function setOutput(name, value) {
    if (!OUTPUT_NAME.test(name))
        throw new Error(`invalid output name ${JSON.stringify(name)}`);
    const v = (0,dist/* visibleControls */.xx)(value);
    if (v.includes('ghadelimiter_')) {
        throw new Error(`output "${name}" holds the text "ghadelimiter_", which is reserved for $GITHUB_OUTPUT delimiters`);
    }
    core/* setOutput */.uH(name, v);
}
/** Registers a secret with the runner so it is masked in the log. */
function maskSecret(value) {
    core/* setSecret */.Pq(value);
}
async function runAction(body) {
    try {
        await body();
    }
    catch (thrown) {
        // A filesystem error on a path an input named (a file where a folder must be, a link loop) is an input error.
        const e = (0,dist/* filesystemInputError */.eg)(thrown) ?? thrown;
        if ((0,dist/* isSecureFactoryError */.Y5)(e)) {
            const loc = e.location;
            core/* setFailed */.C1((0,dist/* annotationText */.xr)((0,dist/* errorMessage */.gJ)(e)));
            if (loc)
                core/* error */.z3((0,dist/* annotationText */.xr)(e.message), annotation({ file: loc.file, line: loc.line, column: loc.column }));
        }
        else {
            // A bug: keep the stack in the log for the report.
            if (e instanceof Error && e.stack)
                core/* debug */.Yz((0,dist/* annotationText */.xr)(e.stack));
            core/* setFailed */.C1((0,dist/* annotationText */.xr)(`internal error: ${(0,dist/* errorMessage */.gJ)(e)}`));
        }
    }
}
/**
 * The job summary. Stage code builds it with `md()`/`code()` for every untrusted part; here control and
 * bidi characters are dropped from the whole document as a last line of defence. Without a summary file
 * the markdown is printed to the log, neutralised like any other line.
 */
async function writeSummary(markdown) {
    if (!process.env.GITHUB_STEP_SUMMARY) {
        core/* info */.pq((0,dist/* safeText */.Hk)(markdown));
        return;
    }
    await core/* summary */.z.addRaw((0,dist/* stripControl */.kU)(markdown), true).write();
}

;// CONCATENATED MODULE: ../packages/action-runtime/dist/index.js




/***/ }),

/***/ 81915:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mK: () => (/* reexport */ BUILD_TYPE),
  Zf: () => (/* reexport */ BUNDLE_SUFFIX),
  v6: () => (/* reexport */ CelRuleRunner),
  j1: () => (/* reexport */ ConfigurationError),
  C$: () => (/* reexport */ DEFAULT_EVIDENCE_DIR),
  Rv: () => (/* reexport */ DEFAULT_POLICY_SOURCE),
  dc: () => (/* reexport */ EXIT),
  eA: () => (/* reexport */ EvidenceFolder),
  T4: () => (/* reexport */ IN_TOTO_PAYLOAD_TYPE),
  EN: () => (/* reexport */ InfrastructureError),
  ec: () => (/* reexport */ OPERATOR_FILE),
  W3: () => (/* reexport */ PREDICATE),
  oY: () => (/* reexport */ PolicyViolation),
  j2: () => (/* reexport */ REMEDIATION_EVENT_PREDICATE),
  mT: () => (/* reexport */ STATEMENT_SUFFIX),
  K_: () => (/* reexport */ StreamingHasher),
  lH: () => (/* reexport */ TOOL_NAME),
  qH: () => (/* reexport */ TOOL_URI),
  wr: () => (/* reexport */ TOOL_VERSION),
  mt: () => (/* reexport */ TarError),
  h: () => (/* reexport */ UnsafeFileError),
  PX: () => (/* reexport */ WORKFLOW_POSTURE_PREDICATE),
  xr: () => (/* reexport */ annotationText),
  jZ: () => (/* reexport */ atLeast),
  Ur: () => (/* reexport */ blockingFindings),
  aY: () => (/* reexport */ code),
  ex: () => (/* reexport */ codeownersPattern),
  GV: () => (/* reexport */ compareBytewise),
  Eg: () => (/* reexport */ compareFindings),
  eO: () => (/* reexport */ compileUserRegExp),
  Ot: () => (/* reexport */ countBySeverity),
  _6: () => (/* reexport */ decodeUtf8),
  Jg: () => (/* reexport */ defaultDeploy),
  hj: () => (/* reexport */ deployPolicyFor),
  hW: () => (/* reexport */ digestTree),
  gJ: () => (/* reexport */ errorMessage),
  Rr: () => (/* reexport */ exitCodeFor),
  eg: () => (/* reexport */ filesystemInputError),
  Gl: () => (/* reexport */ findWaiver),
  f9: () => (/* reexport */ findingsTable),
  a3: () => (/* reexport */ formatDuration),
  j$: () => (/* reexport */ formatLocation),
  lY: () => (/* reexport */ gunzipped),
  tX: () => (/* reexport */ httpFetch),
  aj: () => (/* reexport */ httpRequest),
  DZ: () => (/* reexport */ humanAge),
  Ii: () => (/* reexport */ identityGlobMatch),
  _d: () => (/* reexport */ isExpired),
  FK: () => (/* reexport */ isInside),
  Y5: () => (/* reexport */ isSecureFactoryError),
  _Z: () => (/* reexport */ isSeverity),
  P4: () => (/* reexport */ isSha256Hex),
  cV: () => (/* reexport */ jsonSyntaxReason),
  IX: () => (/* reexport */ lineColumnAt),
  He: () => (/* reexport */ listTreeNames),
  Vh: () => (/* reexport */ listedSubjectName),
  tb: () => (/* reexport */ loadPolicy),
  UT: () => (/* reexport */ makeStatement),
  sf: () => (/* reexport */ mapLimit),
  md: () => (/* reexport */ md),
  A4: () => (/* reexport */ openRemediationsFor),
  e9: () => (/* reexport */ outputGlob),
  E9: () => (/* reexport */ parseDuration),
  lk: () => (/* reexport */ parseJsonText),
  s$: () => (/* reexport */ pathPattern),
  vW: () => (/* reexport */ policyFileInput),
  Or: () => (/* reexport */ policyGlobMatch),
  jB: () => (/* reexport */ projectSubjectName),
  ao: () => (/* reexport */ quietConsole),
  N5: () => (/* reexport */ readEventPayload),
  JE: () => (/* reexport */ readJsonFile),
  XF: () => (/* reexport */ readRegularFile),
  cG: () => (/* reexport */ readRegularFileSync),
  nW: () => (/* reexport */ readRemediations),
  Gu: () => (/* reexport */ readTextFile),
  F3: () => (/* reexport */ readTextFileSync),
  oW: () => (/* reexport */ safeInlineBounded),
  Hk: () => (/* reexport */ output_safeText),
  Q3: () => (/* reexport */ sha256File),
  fg: () => (/* reexport */ sha256Hex),
  qq: () => (/* reexport */ silentLogger),
  Mw: () => (/* reexport */ stageDiagram),
  Af: () => (/* reexport */ stageMermaid),
  hZ: () => (/* reexport */ stateIcon),
  kU: () => (/* reexport */ stripControl),
  IF: () => (/* reexport */ subjectDigests),
  qL: () => (/* reexport */ subjectFor),
  pb: () => (/* reexport */ subjectLabel),
  wn: () => (/* reexport */ subjectName),
  tE: () => (/* reexport */ subjectNameOf),
  up: () => (/* reexport */ subjectNamer),
  tp: () => (/* reexport */ table),
  zv: () => (/* reexport */ toSarif),
  Gq: () => (/* reexport */ validateStatement),
  xx: () => (/* reexport */ visibleControls),
  Nb: () => (/* reexport */ walkTar),
  qD: () => (/* reexport */ writeFileAtomic),
  ZJ: () => (/* reexport */ writeJsonAtomic),
  az: () => (/* reexport */ writeRemediations)
});

// UNUSED EXPORTS: CEL_EVALUATION_BUDGET_MS, CEL_TOTAL_BUDGET_MS, CelBudgetExceeded, DEFAULT_POLICY_PATH, HashPool, MAX_DURATION_MS, MAX_GLOB_ALTERNATIVES, MAX_GLOB_LENGTH, MAX_WILDCARD_PATTERN, MemoryLogger, OUTPUT_FOLDER, REMEDIATIONS_FILE, SEVERITIES, STAGES, STATEMENT_TYPE, SafeLineWriter, SecureFactoryError, StreamLogger, backtrackingHazard, compileCel, compileLinearRegExp, decodePayload, defaultPolicy, describeAjvError, diffTrees, digestFile, envelopeFor, escapeCommandData, escapeCommandProperty, evaluateCelBoolean, hashFiles, isStatement, jsonErrorOffset, listTree, loadStatementFile, matchGlobTokens, newAjv, normaliseTarPath, parsePolicy, pointerToPath, policySchema, preAuthEncoding, predicateSchemas, printErr, printJson, printOut, redirectOutput, remediationEventSchema, retryAfterMs, safeInline, safeJson, severityBadge, severityRank, significantErrors, statementSchema, toCel, unsupportedConstruct, wildcardMatch, workflowPostureSchema

;// CONCATENATED MODULE: ../packages/core/dist/errors.js
/**
 * Typed errors. Every error the factory raises carries a code, so callers (the CLI, the actions)
 * can map it to an exit code or a failed step without parsing messages. User mistakes are told
 * plainly; bugs keep their stack for the log.
 */
class SecureFactoryError extends Error {
    location;
    /** What the user should do next, when we know it. */
    hint;
    constructor(message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = new.target.name;
        this.location = options.location;
        this.hint = options.hint;
    }
    /** One line a person can act on: `file:line:column: message (hint)`. */
    describe() {
        const where = this.location ? `${formatLocation(this.location)}: ` : '';
        const hint = this.hint ? ` — ${this.hint}` : '';
        return `${where}${this.message}${hint}`;
    }
}
/** The user's input is wrong (usage, a file, a policy). Exit code 2. */
class ConfigurationError extends SecureFactoryError {
    code = 'CONFIGURATION';
}
/** The policy refused, or a verification failed. Exit code 1. */
class PolicyViolation extends SecureFactoryError {
    code = 'POLICY_VIOLATION';
}
/** A service or the machine failed; retrying may help. Exit code 3. */
class InfrastructureError extends SecureFactoryError {
    code = 'INFRASTRUCTURE';
}
function formatLocation(loc) {
    let s = loc.file;
    if (loc.line !== undefined) {
        s += `:${loc.line}`;
        if (loc.column !== undefined)
            s += `:${loc.column}`;
    }
    return s;
}
/** The message of anything thrown, without `as any`. */
function errorMessage(e) {
    if (e instanceof SecureFactoryError)
        return e.describe();
    if (e instanceof Error)
        return e.message;
    if (typeof e === 'string')
        return e;
    try {
        return JSON.stringify(e);
    }
    catch {
        return String(e);
    }
}
const EXIT = {
    passed: 0,
    failed: 1,
    usage: 2,
    infrastructure: 3,
};
/** Exit code for an error per the CLI contract: 1 policy, 2 input, 3 infrastructure; unknown errors are bugs (3). */
/** Node filesystem errors that say a path the user gave cannot be used as asked, and why. */
const FS_INPUT_ERRORS = {
    ENOENT: 'it does not exist',
    EEXIST: 'a file is in the way of a folder on its path',
    ENOTDIR: 'a file is where a folder must be',
    ELOOP: 'its path goes through a symbolic link loop',
    EISDIR: 'it is a folder, not a file',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    ENAMETOOLONG: 'the name is too long',
};
/**
 * A Node filesystem error on a path — a folder given where a file lies, a link loop, a read-only place —
 * as the input error it is (exit 2, naming the path and what to fix), or undefined for any other error.
 * `file` names the path when the error's own `path` is not the one to show.
 */
function filesystemInputError(e, file) {
    // Duck-typed: fs errors may come from another realm (a vm context), where `instanceof Error` is false.
    if (e instanceof SecureFactoryError || typeof e !== 'object' || e === null)
        return undefined;
    const { code, path } = e;
    if (typeof code !== 'string' || (path !== undefined && typeof path !== 'string'))
        return undefined;
    const where = file ?? path;
    if (where === undefined || !Object.hasOwn(FS_INPUT_ERRORS, code))
        return undefined;
    return new ConfigurationError(`cannot use this path: ${FS_INPUT_ERRORS[code]} (${code})`, {
        location: { file: where },
        hint: 'give a path that exists and is what the option asks for (a folder or a file), or remove what is in the way',
        cause: e,
    });
}
function exitCodeFor(e) {
    if (e instanceof SecureFactoryError) {
        switch (e.code) {
            case 'POLICY_VIOLATION':
                return EXIT.failed;
            case 'CONFIGURATION':
                return EXIT.usage;
            case 'INFRASTRUCTURE':
                return EXIT.infrastructure;
        }
    }
    return EXIT.infrastructure;
}
function isSecureFactoryError(e) {
    return e instanceof SecureFactoryError;
}

// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(46193);
;// CONCATENATED MODULE: ../packages/core/dist/output.js
/**
 * The output chokepoint. Every byte the factory prints — human lines on stderr, `--json` on stdout, a
 * build's streamed log, annotation text, summary fallbacks — goes through this module, and this module
 * is the only one allowed to touch `process.stdout` / `process.stderr` (an ESLint rule enforces it).
 *
 * Why: text from outside (an OSV advisory summary, a file name, a package name, an operator's
 * `--environment`) reaches the log, and the GitHub Actions runner reads the log for workflow commands.
 * The runner (actions/runner `ActionCommand.cs`) splits output with .NET `ReadLine` (`\n`, `\r`, `\r\n`)
 * and then honours
 *   - v2 commands: a line that, after `TrimStart()` (any Unicode white space), starts with `::`;
 *   - v1 commands: `##[name …]data` found ANYWHERE in a line (`message.IndexOf("##[")`).
 * An advisory saying `\n::add-mask::…\n::stop-commands::…` could otherwise silence or fake annotations.
 * So every line is neutralised: a leading `::` becomes `\::`, `##[` becomes `##\[`, and control, ANSI,
 * bidi-override and line-separator characters are shown as `\uXXXX` text instead of acting on the
 * terminal or the log viewer.
 */

// C0 controls except TAB and LF, DEL, C1 controls (incl. NEL U+0085), zero-width and bidi controls,
// LINE/PARAGRAPH SEPARATOR, BOM. CR is handled as a line break first (the runner treats it as one).
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
function hex4(c) {
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
/** Control/ANSI/bidi characters as visible `\u001b`-style text; TAB and LF are kept. */
function visibleControls(s) {
    return s.replace(INVISIBLE, hex4);
}
/** One line (no line breaks in it) made inert for the Actions runner's command parser. */
function neutraliseLine(line) {
    // JS `\s` covers every character .NET's TrimStart removes (and U+FEFF, which it does not: harmless).
    return line.replace(/^(\s*)::/u, '$1\\::').replaceAll('##[', '##\\[');
}
/**
 * Untrusted or mixed text made safe to print: line breaks normalised to `\n` (a lone `\r` is a line
 * break to the runner), every line neutralised, control characters made visible.
 */
function output_safeText(s) {
    return visibleControls(String(s))
        .split(/\r\n|\r|\n/)
        .map(neutraliseLine)
        .join('\n');
}
/** A single-line rendering (for a value quoted inside a message): line breaks become visible too. */
function safeInline(s) {
    return output_safeText(s).replace(/\n/g, '\\n').replace(/\t/g, '\\t');
}
/** safeInline cut to at most `max` characters, with `…` where it was cut. */
function safeInlineBounded(s, max) {
    const line = safeInline(s);
    return line.length > max ? `${line.slice(0, max)}…` : line;
}
/**
 * Text for an annotation or step-failure message that @actions/core will percent-encode (`escapeData`
 * turns CR/LF into %0D/%0A, so the text stays on its command's line): control characters made visible
 * and v1 `##[` neutralised, which is all that is left to do.
 */
function annotationText(s) {
    return visibleControls(String(s)).replaceAll('##[', '##\\[');
}
/**
 * Annotation data as @actions/core's `escapeData` encodes it (`%`, CR, LF percent-encoded), after the
 * control characters were made visible. Used when an annotation line is built by hand.
 */
function escapeCommandData(s) {
    return visibleControls(String(s)).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** Annotation property values as @actions/core's `escapeProperty` encodes them (`%`, CR, LF, `:`, `,`). */
function escapeCommandProperty(s) {
    return escapeCommandData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
/**
 * JSON text for stdout: the same value (a JSON parser reads it back unchanged) but with every character
 * the runner or a terminal could act on written as a `\uXXXX` escape, including `[` after `##`.
 * Big integers are written as decimal strings.
 */
function safeJson(value, indent = 2) {
    const text = JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), indent) ?? 'null';
    return text.replace(INVISIBLE, hex4).replaceAll('##[', '##\\u005b');
}
let stdoutSink = process.stdout;
let stderrSink = process.stderr;
/** Redirects the chokepoint (tests, and the CLI's in-process runs); returns a function that restores it. */
function redirectOutput(out, err = out) {
    const before = [stdoutSink, stderrSink];
    stdoutSink = out;
    stderrSink = err;
    return () => {
        [stdoutSink, stderrSink] = before;
    };
}
/** Human text to stderr, made safe; a trailing newline is added when missing. */
function output_printErr(text) {
    const s = output_safeText(text);
    stderrSink.write(s.endsWith('\n') ? s : `${s}\n`);
}
/** Human text to stdout (help, version), made safe. */
function printOut(text) {
    const s = output_safeText(text);
    stdoutSink.write(s.endsWith('\n') ? s : `${s}\n`);
}
/** A machine-readable result on stdout. */
function printJson(value) {
    stdoutSink.write(`${safeJson(value)}\n`);
}
/** A stream of text that arrives in chunks (a build's log): neutralised line by line. */
class SafeLineWriter {
    sink;
    maxLine;
    pending = '';
    // A multi-byte character split across two chunks must not become two replacement characters.
    decoder = new StringDecoder('utf8');
    constructor(sink = (l) => stderrSink.write(l), 
    /** A line longer than this is flushed in pieces, each piece neutralised as its own line. */
    maxLine = 64 * 1024) {
        this.sink = sink;
        this.maxLine = maxLine;
    }
    write(chunk) {
        this.pending += typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
        for (;;) {
            const m = /\r\n|\r|\n/.exec(this.pending);
            if (!m)
                break;
            // A lone CR at the very end may be the first half of CRLF: wait for the next chunk.
            if (m[0] === '\r' && m.index === this.pending.length - 1)
                break;
            this.sink(`${output_safeText(this.pending.slice(0, m.index))}\n`);
            this.pending = this.pending.slice(m.index + m[0].length);
        }
        while (this.pending.length > this.maxLine) {
            this.sink(`${output_safeText(this.pending.slice(0, this.maxLine))}\n`);
            this.pending = this.pending.slice(this.maxLine);
        }
    }
    /** Writes what is left of an unterminated last line. */
    end() {
        this.pending += this.decoder.end();
        if (this.pending !== '')
            this.sink(`${output_safeText(this.pending)}\n`);
        this.pending = '';
    }
}
/**
 * Runs a synchronous third-party call with `console.warn`/`console.log` silenced: a library's chatter
 * about odd input is not the factory's output (and could carry that input unescaped).
 */
function quietConsole(fn) {
    const { warn, log } = console;
    console.warn = () => { };
    console.log = () => { };
    try {
        return fn();
    }
    finally {
        console.warn = warn;
        console.log = log;
    }
}

;// CONCATENATED MODULE: ../packages/core/dist/logger.js
/**
 * The one logging surface stage packages see. Actions adapt it to @actions/core; the CLI writes to
 * stderr. Stage packages never import @actions/core.
 */

const silentLogger = {
    debug() { },
    info() { },
    warning() { },
    error() { },
};
/** Keeps every line; for tests and for rendering a report afterwards. */
class MemoryLogger {
    lines = [];
    debug(message) {
        this.lines.push({ level: 'debug', message });
    }
    info(message) {
        this.lines.push({ level: 'info', message });
    }
    warning(message, location) {
        this.lines.push({ level: 'warning', message, location });
    }
    error(message, location) {
        this.lines.push({ level: 'error', message, location });
    }
    text() {
        return this.lines.map((l) => `${l.level}: ${l.message}`).join('\n');
    }
}
/**
 * Writes human lines (stderr for the CLI: stdout is kept for --json). Every line goes through the
 * output chokepoint's `safeText`: a message quoting an advisory or a file name cannot emit a workflow
 * command or a terminal escape.
 */
class StreamLogger {
    verbose;
    lastProgress = 0;
    write;
    constructor(stream, verbose = false) {
        this.verbose = verbose;
        this.write = stream ? (line) => void stream.write(`${safeText(line)}\n`) : (line) => printErr(line);
    }
    debug(message) {
        if (this.verbose)
            this.write(`debug: ${message}`);
    }
    info(message) {
        this.write(message);
    }
    warning(message, location) {
        this.write(`warning: ${prefix(location)}${message}`);
    }
    error(message, location) {
        this.write(`error: ${prefix(location)}${message}`);
    }
    progress(done, total, what) {
        const now = Date.now();
        if (done !== total && now - this.lastProgress < 1000)
            return;
        this.lastProgress = now;
        this.write(`  ${what}: ${done}/${total}`);
    }
}
function prefix(location) {
    if (!location?.file)
        return '';
    let s = location.file;
    if (location.line !== undefined)
        s += `:${location.line}`;
    if (location.column !== undefined)
        s += `:${location.column}`;
    return `${s}: `;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(75919);
;// CONCATENATED MODULE: ../packages/core/dist/digest.js
/**
 * Streaming digests of files and of whole trees. Trees are hashed with a stable order (byte order of
 * the relative path, `/` separators) so the same tree gives the same digest on every machine.
 */







const HEX64 = /^[0-9a-f]{64}$/;
function sha256Hex(data) {
    return (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
}
function isSha256Hex(s) {
    return HEX64.test(s);
}
/** Only regular files are hashed: a FIFO would block for ever, a device (/dev/zero) never end. */
const NOT_REGULAR = 'not a regular file (a FIFO, device, socket or folder); give the artefact file itself';
/** Read size for one file; two such buffers are alive per file being hashed, whatever its size. */
const CHUNK = 1 << 21;
const MIN_CHUNK = 1 << 16;
/**
 * Reads a file once, with positional reads into two reused buffers, through every requested hash. The
 * next read runs on libuv's thread pool while this thread hashes the previous buffer, so reading and
 * hashing overlap (a stream does them one after the other and allocates a chunk per read); memory stays
 * at two buffers of at most 2 MiB.
 */
async function digestFile(file, algorithms = ['sha256']) {
    return (await readAndHash(file, algorithms)).digests;
}
async function readAndHash(file, algorithms) {
    const hashes = algorithms.map((a) => [a, (0,external_node_crypto_.createHash)(a)]);
    // O_NONBLOCK: opening a FIFO does not wait for a writer; the stat on the handle then refuses it.
    const fh = await (0,promises_.open)(file, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NONBLOCK | external_node_fs_.constants.O_NOCTTY);
    let position = 0;
    let pending = Promise.resolve();
    try {
        const stat = await fh.stat();
        if (!stat.isFile())
            throw new ConfigurationError(`cannot hash ${file}: ${NOT_REGULAR}`, { location: { file } });
        const { size } = stat;
        // A file that grows while it is read is hashed to its end: the size only picks the buffer size.
        const len = Math.min(CHUNK, Math.max(MIN_CHUNK, size));
        const bufs = [Buffer.allocUnsafe(len), Buffer.allocUnsafe(len)];
        let i = 0;
        pending = fh.read(bufs[0], 0, len, 0);
        for (;;) {
            const { bytesRead } = (await pending);
            if (bytesRead === 0)
                break;
            const current = bufs[i];
            position += bytesRead;
            i ^= 1;
            pending = fh.read(bufs[i], 0, len, position);
            const view = bytesRead === len ? current : current.subarray(0, bytesRead);
            for (const [, h] of hashes)
                h.update(view);
        }
    }
    finally {
        // Never close under a read still in flight (only when hashing threw).
        await pending.catch(() => undefined);
        await fh.close();
    }
    const digests = {};
    for (const [a, h] of hashes)
        digests[a] = h.digest('hex');
    return { digests, size: position };
}
async function sha256File(file) {
    const d = await digestFile(file, ['sha256']);
    return d.sha256;
}
/**
 * The pool's worker, passed inline so a single-file bundle (the actions) needs no extra worker file.
 * It hashes a batch of files per message with synchronous positional reads into one reused buffer
 * (no promise or stream per file) and answers with digests, sizes and errors in the batch's order.
 */
const WORKER = `
const { parentPort } = require('node:worker_threads');
const { createHash, hash } = require('node:crypto');
const { openSync, readSync, closeSync, fstatSync, constants } = require('node:fs');
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY;
const buf = Buffer.allocUnsafe(${CHUNK});
const oneShot = typeof hash === 'function'
  ? (data) => hash('sha256', data, 'buffer')
  : (data) => createHash('sha256').update(data).digest();
parentPort.on('message', ({ files }) => {
  // Raw digests and sizes in two transferred arrays: no string per file crosses the thread boundary.
  const digests = new Uint8Array(32 * files.length);
  const sizes = new Float64Array(files.length);
  let errors = null;
  for (let k = 0; k < files.length; k++) {
    let fd;
    try {
      fd = openSync(files[k], OPEN_FLAGS);
      if (!fstatSync(fd).isFile()) throw new Error(${JSON.stringify(NOT_REGULAR)});
      let n = readSync(fd, buf, 0, buf.length, 0);
      let pos = n;
      let d;
      if (n < buf.length && readSync(fd, buf, n, buf.length - n, n) === 0) {
        // The whole file in one read (most files): one-shot hash, no Hash object per file.
        d = oneShot(buf.subarray(0, n));
      } else {
        const h = createHash('sha256');
        h.update(buf.subarray(0, n));
        while ((n = readSync(fd, buf, 0, buf.length, pos)) > 0) {
          h.update(n === buf.length ? buf : buf.subarray(0, n));
          pos += n;
        }
        d = h.digest();
      }
      digests.set(d, 32 * k);
      sizes[k] = pos;
    } catch (e) {
      (errors ??= {})[k] = String((e && e.message) || e);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
  parentPort.postMessage({ digests, sizes, errors }, [digests.buffer, sizes.buffer]);
});
`;
/** Fewer files than this are hashed on this thread: starting workers costs more than it saves. */
const POOL_MIN_FILES = 8;
/** A batch closes at this many files or bytes (when sizes are known), whichever comes first. */
const BATCH_FILES = 256;
const BATCH_BYTES = 16 << 20;
const LARGE_FILE = 1 << 20;
function unreadable(file, reason, cause) {
    return new ConfigurationError(`cannot hash ${file}: ${reason}`, { cause, location: { file } });
}
/**
 * A pool of hashing worker threads (one per core by default). Node hashes on the thread that calls
 * `update`, so many files need threads to use many cores. Batches of files go to whichever worker is
 * idle; a caller can submit batches while it is still listing files, so listing and hashing overlap
 * and the workers boot while the first names are found. Close it when done.
 */
class HashPool {
    workers;
    idle = [];
    queue = [];
    running = new Map();
    failure;
    constructor(threads = (0,external_node_os_.availableParallelism)()) {
        // execArgv: [] so that a parent started with --input-type=module still evaluates the worker as CommonJS.
        this.workers = Array.from({ length: Math.max(1, threads) }, () => new external_node_worker_threads_.Worker(WORKER, { eval: true, execArgv: [] }));
        for (const w of this.workers) {
            this.idle.push(w);
            w.on('message', (m) => this.done(w, m));
            w.on('error', (e) => this.fail(e));
        }
    }
    /**
     * SHA-256 and size of each file, in order; a file that cannot be read rejects naming it. The files
     * are split into jobs of at most a quarter of an even share per worker, so a few large files spread
     * over every worker even when their sizes are unknown.
     */
    async hash(files) {
        const per = Math.max(1, Math.min(BATCH_FILES, Math.ceil(files.length / (4 * this.workers.length))));
        const jobs = [];
        for (let i = 0; i < files.length; i += per)
            jobs.push(this.job(files.slice(i, i + per)));
        return (await Promise.all(jobs)).flat();
    }
    job(files) {
        if (this.failure)
            return Promise.reject(this.failure);
        return new Promise((resolve, reject) => {
            this.queue.push({ files, resolve, reject });
            this.dispatch();
        });
    }
    async close() {
        this.fail(new Error('the hashing pool was closed'));
        await Promise.all(this.workers.map((w) => w.terminate()));
    }
    dispatch() {
        while (this.idle.length > 0 && this.queue.length > 0) {
            const w = this.idle.pop();
            const job = this.queue.shift();
            this.running.set(w, job);
            w.postMessage({ files: job.files });
        }
    }
    done(w, m) {
        const job = this.running.get(w);
        this.running.delete(w);
        this.idle.push(w);
        if (job) {
            const bad = m.errors ? Number(Object.keys(m.errors)[0]) : -1;
            if (bad >= 0) {
                job.reject(unreadable(job.files[bad] ?? '', m.errors?.[bad] ?? ''));
            }
            else {
                const raw = Buffer.from(m.digests.buffer, m.digests.byteOffset, m.digests.byteLength);
                job.resolve(job.files.map((_, k) => ({ sha256: raw.toString('hex', 32 * k, 32 * k + 32), size: m.sizes[k] })));
            }
        }
        this.dispatch();
    }
    fail(e) {
        this.failure ??= e;
        for (const job of [...this.running.values(), ...this.queue.splice(0)])
            job.reject(e);
        this.running.clear();
    }
}
/** Splits files into pool batches: at most BATCH_FILES files, or BATCH_BYTES when sizes are known. */
function batchesOf(items) {
    const out = [];
    let batch = [];
    let bytes = 0;
    for (const item of items) {
        batch.push(item);
        bytes += item.size ?? 0;
        if (batch.length >= BATCH_FILES || bytes >= BATCH_BYTES) {
            out.push(batch);
            batch = [];
            bytes = 0;
        }
    }
    if (batch.length > 0)
        out.push(batch);
    return out;
}
/**
 * SHA-256 and size of many files, in the input order, on a HashPool (given, or made for the call):
 * large files first, largest first when sizes are given, so one big file does not start last. A few
 * files are hashed on this thread with overlapped reads (digestFile) unless a pool is given. A file
 * that cannot be read fails the whole call with an error naming it.
 */
async function hashFiles(files, options = {}) {
    const list = files.map((f, index) => typeof f === 'string' ? { file: f, size: undefined, index } : { file: f.file, size: f.size, index });
    const threads = Math.max(1, Math.min(options.threads ?? (0,external_node_os_.availableParallelism)(), Math.ceil(list.length / 2)));
    if (!options.pool && (threads < 2 || list.length < POOL_MIN_FILES)) {
        return mapLimit(list, 4, async (f) => {
            try {
                const r = await readAndHash(f.file, ['sha256']);
                return { sha256: r.digests.sha256, size: r.size };
            }
            catch (e) {
                if (e instanceof ConfigurationError)
                    throw e;
                throw unreadable(f.file, e instanceof Error ? e.message : String(e), e);
            }
        });
    }
    // Large files first, largest first; small files keep their order (neighbours in a folder are read
    // faster together).
    const isLarge = (f) => (f.size ?? 0) >= LARGE_FILE;
    const order = [...list.filter(isLarge).sort((a, b) => (b.size ?? 0) - (a.size ?? 0)), ...list.filter((f) => !isLarge(f))];
    const pool = options.pool ?? new HashPool(threads);
    try {
        const out = new Array(list.length);
        await Promise.all(batchesOf(order).map(async (batch) => {
            const digests = await pool.hash(batch.map((f) => f.file));
            batch.forEach((f, k) => (out[f.index] = digests[k]));
        }));
        return out;
    }
    finally {
        if (!options.pool)
            await pool.close();
    }
}
/**
 * Hashes files as they are found: `add` hands a file over (in pool batches) while the caller goes on
 * listing; `finish` gives every digest in the order the files were added. The pool starts once there
 * are enough files to be worth it, so a build with two outputs hashes them here (one big file with
 * overlapped reads); for many files (a build's outputs, an attest glob) listing, naming and hashing
 * overlap. Call `abort` when giving up before `finish`.
 */
class StreamingHasher {
    pool;
    pending = [];
    files = [];
    flushed = 0;
    results = [];
    /** Adds a file; returns its index in finish()'s result. */
    add(file) {
        this.files.push(file);
        if (!this.pool && this.files.length >= POOL_MIN_FILES && (0,external_node_os_.availableParallelism)() > 1)
            this.pool = new HashPool();
        if (this.pool && this.files.length >= BATCH_FILES)
            this.flush(this.pool);
        return this.flushed + this.files.length - 1;
    }
    /** Every digest, in the order the files were added; closes the pool. */
    async finish() {
        try {
            if (this.pool) {
                this.flush(this.pool);
            }
            else {
                this.results.push(...(await hashFiles(this.files, { threads: 1 })));
            }
            await Promise.all(this.pending);
            return this.results;
        }
        finally {
            await this.pool?.close();
        }
    }
    /** Stops without waiting for digests (on an error elsewhere). */
    async abort() {
        await this.pool?.close();
        await Promise.allSettled(this.pending);
    }
    flush(pool) {
        if (this.files.length === 0)
            return;
        const first = this.flushed;
        const p = pool.hash(this.files).then((d) => d.forEach((digest, i) => (this.results[first + i] = digest)));
        // Rejections surface in finish(); until then they must not count as unhandled.
        p.catch(() => undefined);
        this.pending.push(p);
        this.flushed += this.files.length;
        this.files = [];
    }
}
/** Runs `fn` over `items` with at most `limit` in flight, keeping result order. */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
        for (;;) {
            const i = next++;
            if (i >= items.length)
                return;
            results[i] = await fn(items[i], i);
        }
    });
    await Promise.all(workers);
    return results;
}
/**
 * Byte-wise comparison of the UTF-8 encodings, so the order does not depend on the locale. UTF-8 byte
 * order is code point order; UTF-16 code units (what `<` compares) agree with it except that a
 * surrogate (a code point above U+FFFF) must sort after U+E000–U+FFFF, so those two ranges are swapped.
 */
function compareBytewise(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
        let x = a.charCodeAt(i);
        let y = b.charCodeAt(i);
        if (x === y)
            continue;
        if (x >= 0xd800)
            x += x < 0xe000 ? 0x2000 : -0x800;
        if (y >= 0xd800)
            y += y < 0xe000 ? 0x2000 : -0x800;
        return x < y ? -1 : 1;
    }
    return a.length - b.length;
}
/**
 * Names of the regular files and symlinks below `root`, in byte order (symlinks are recorded, never
 * followed). One readdir per folder and no stat per file: the file type comes with the entry.
 */
async function listTreeNames(root, options = {}) {
    const skip = new Set(options.skipDirectories ?? []);
    const read = async (dir) => {
        const entries = (await (0,promises_.readdir)(dir, { withFileTypes: true })).filter((e) => (e.isDirectory() && !skip.has(e.name)) || e.isSymbolicLink() || e.isFile());
        const children = new Map();
        for (const e of entries) {
            if (!e.isDirectory())
                continue;
            const child = read(external_node_path_.join(dir, e.name));
            // Awaited in order later; a failure before then must not count as unhandled.
            child.catch(() => undefined);
            children.set(e.name, child);
        }
        entries.sort((a, b) => compareEntryNames(a.name, a.isDirectory(), b.name, b.isDirectory()));
        return { entries, children };
    };
    const out = [];
    const flatten = async (folder, rel) => {
        for (const e of folder.entries) {
            const relPath = rel ? `${rel}/${e.name}` : e.name;
            if (e.isDirectory())
                await flatten(await folder.children.get(e.name), relPath);
            else
                out.push({ path: relPath, type: e.isSymbolicLink() ? 'symlink' : 'file' });
        }
    };
    await flatten(await read(root), '');
    return out;
}
/** compareBytewise of two names, a folder's as if "/" followed it, without building that string. */
function compareEntryNames(a, aDir, b, bDir) {
    if (a.length === b.length)
        return compareBytewise(a, b);
    const aShorter = a.length < b.length;
    const [shorter, shorterDir, longer] = aShorter ? [a, aDir, b] : [b, bDir, a];
    // Only a folder whose name starts the other name is decided by its "/": against the longer name's
    // next character ("/" is 0x2F and no name holds one).
    if (!shorterDir || !longer.startsWith(shorter))
        return compareBytewise(a, b);
    const slashFirst = longer.charCodeAt(shorter.length) > 0x2f;
    return aShorter === slashFirst ? -1 : 1;
}
/** Lists regular files and symlinks below `root` with their sizes (symlinks are recorded, never followed). */
async function listTree(root, options = {}) {
    const names = await listTreeNames(root, options);
    // Many lstat calls in flight: one at a time costs a round trip through the thread pool each.
    return mapLimit(names, 64, async (f) => ({
        ...f,
        size: f.type === 'file' ? (await (0,promises_.lstat)(external_node_path_.join(root, ...f.path.split('/')))).size : 0,
    }));
}
/**
 * Digest of a whole tree: SHA-256 over `sha256sum`-style lines (`<hex>  <path>\n`, symlinks hashed
 * as `link:<target>`), in byte order of the path.
 */
async function digestTree(root, options = {}) {
    const files = await listTree(root, options);
    const abs = (rel) => external_node_path_.join(root, ...rel.split('/'));
    const regular = files.filter((f) => f.type === 'file');
    const hashed = await hashFiles(regular.map((f) => ({ file: abs(f.path), size: f.size })), options.concurrency !== undefined ? { threads: options.concurrency } : {});
    const byPath = new Map(regular.map((f, i) => [f.path, hashed[i]]));
    const entries = await mapLimit(files, 16, async (f) => {
        if (f.type === 'symlink') {
            const target = await (0,promises_.readlink)(abs(f.path));
            return { path: f.path, type: 'symlink', target, sha256: sha256Hex(`link:${target}`), size: 0 };
        }
        const d = byPath.get(f.path);
        return { path: f.path, type: 'file', sha256: d.sha256, size: d.size };
    });
    const h = (0,external_node_crypto_.createHash)('sha256');
    for (const e of entries)
        h.update(`${e.sha256}  ${e.path}\n`);
    return { sha256: h.digest('hex'), entries };
}
/** Files whose digest differs between two tree listings, plus added and removed ones. */
function diffTrees(before, after) {
    const a = new Map(before.map((e) => [e.path, e.sha256]));
    const b = new Map(after.map((e) => [e.path, e.sha256]));
    const added = [];
    const removed = [];
    const changed = [];
    for (const [p, d] of b) {
        const old = a.get(p);
        if (old === undefined)
            added.push(p);
        else if (old !== d)
            changed.push(p);
    }
    for (const p of a.keys())
        if (!b.has(p))
            removed.push(p);
    return { added, removed, changed };
}

;// CONCATENATED MODULE: ../packages/core/dist/subject-name.js
/**
 * One rule for naming artefacts, used by build, attest, run and the gate: a file's subject name is its
 * path relative to the project root, with `/` separators, so `dist/axios.js` and `dist/esm/axios.js`
 * stay two subjects. The factory's output folder (`.secure-factory/out`) holds the build's outputs at
 * their project paths, so a file inside it is named by its path within it: attesting or gating
 * `.secure-factory/out/**` gives the names the build's provenance gave.
 *
 * Names are kept byte for byte (spaces and any Unicode are fine, nothing is re-normalised), but a name
 * must stay inside the project: absolute paths and `..` are refused, and so are control characters,
 * which would make `sha256sum`-style lines (`<hex>  <name>`) ambiguous.
 */



/** The build's output folder, relative to the project. */
const OUTPUT_FOLDER = '.secure-factory/out';
const IN_OUTPUT_FOLDER = `${OUTPUT_FOLDER}/`;
/**
 * What no artefact name may hold: C0 and C1 controls, line and paragraph separators, bidirectional
 * formatting (the "Trojan Source" overrides that make `app.exe` read as `exe.ppa`), zero-width spaces
 * and the byte-order mark. Zero-width (non-)joiners stay: emoji and Persian names need them.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;
const subject_name_INVISIBLE = 'contains a control character or invisible formatting (a bidi override, a zero-width space)';
/** The longest name a subject label may have (an image reference is at most a few hundred characters). */
const MAX_LABEL = 1024;
const PATH_HINT = 'subjects are named by their path relative to the project (e.g. "dist/app.js"): give a path inside the project';
function escapes(what, original, reason, hint = PATH_HINT) {
    return new ConfigurationError(`${what} ${safeInlineBounded(JSON.stringify(original), 200)} ${reason}`, { hint });
}
/**
 * Checks and normalises a relative name: platform separators become `/`, `.` segments and a leading
 * `./` go, and a name that is empty, absolute, leaves the project (`..`), ends in `/` or holds a
 * control character is refused with an error naming it.
 */
function subjectName(relative, what = 'the subject', within = 'the project') {
    if (relative === '')
        throw escapes(what, relative, 'is empty');
    if (CONTROL.test(relative))
        throw escapes(what, relative, subject_name_INVISIBLE);
    const posix = external_node_path_.sep === '/' ? relative : relative.split(external_node_path_.sep).join('/');
    if (external_node_path_.posix.isAbsolute(posix) || /^[A-Za-z]:[\\/]/.test(posix))
        throw escapes(what, relative, 'is an absolute path');
    const n = external_node_path_.posix.normalize(posix);
    if (n === '..' || n.startsWith('../'))
        throw escapes(what, relative, `leaves ${within} ("..")`);
    if (n === '.' || n === './' || n.endsWith('/'))
        throw escapes(what, relative, 'names a folder, not a file');
    return n.startsWith('./') ? n.slice(2) : n;
}
/**
 * The subject name of a path that comes from a listing (core `listTreeNames`, joined with `/` under a
 * folder inside the project): it is relative and normalised by construction, so only what a file name
 * itself may hold is checked — the same refusal of control characters as `subjectName`, at a fraction
 * of its cost for 100,000 outputs.
 */
function listedSubjectName(relative, what = 'the subject') {
    if (relative === '' || relative.charCodeAt(0) === 0x2f || relative.startsWith('..') || CONTROL.test(relative)) {
        return subjectName(relative, what); // throws with the reason
    }
    return relative;
}
/** A listed path relative to the project, named by the project rule (the output folder's files by their path in it). */
function projectSubjectName(relative) {
    const name = listedSubjectName(relative);
    return name.startsWith(IN_OUTPUT_FOLDER) ? name.slice(IN_OUTPUT_FOLDER.length) : name;
}
/**
 * The subject name of `file` in the project at `root` (both resolved against the current folder): its
 * relative path, or its path within the output folder when it lies there.
 */
function subjectNameOf(root, file) {
    return subjectNamer(root)(file);
}
/** `subjectNameOf` for many files of one project: the root is resolved once. */
function subjectNamer(root) {
    const base = external_node_path_.resolve(root);
    const prefix = base.endsWith(external_node_path_.sep) ? base : `${base}${external_node_path_.sep}`;
    return (file) => {
        const abs = external_node_path_.isAbsolute(file) ? external_node_path_.normalize(file) : external_node_path_.resolve(file);
        if (!abs.startsWith(prefix) || abs.length === prefix.length) {
            throw new ConfigurationError(`${file} is outside the project ${root}, so it has no subject name`, {
                hint: 'subjects are named by their path relative to the project: run from the project folder, or give the artefact by its digest (sha256:<64 hex>)',
            });
        }
        return projectSubjectName(subjectName(abs.slice(prefix.length), `the path of ${file}`));
    };
}
/**
 * A subject name the operator gives as is (`--subject-name`, `NAME@sha256:…`, an image reference):
 * not a path, so `/`, `:` and `@` are fine, but it is signed into evidence and shown in every verdict,
 * so it must be visible text — no control, bidirectional formatting or zero-width character — of at
 * most 1,024 characters.
 */
function subjectLabel(name, what = 'the subject name') {
    const refuse = (reason) => escapes(what, name, reason, 'name the artefact with visible characters: its path or its image reference (registry/name)');
    if (name.trim() === '')
        throw refuse('is empty');
    if (CONTROL.test(name))
        throw refuse(subject_name_INVISIBLE);
    if (name.length > MAX_LABEL)
        throw refuse(`is ${name.length} characters long, over ${MAX_LABEL}`);
    return name;
}

;// CONCATENATED MODULE: ../packages/core/dist/statement.js
const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
const PREDICATE = {
    provenance: 'https://slsa.dev/provenance/v1',
    vsa: 'https://slsa.dev/verification_summary/v1',
    cyclonedx: 'https://cyclonedx.org/bom',
    spdx: 'https://spdx.dev/Document',
    vulns: 'https://in-toto.io/attestation/vulns/v0.1',
    testResult: 'https://in-toto.io/attestation/test-result/v0.1',
};
function subjectFor(name, digest) {
    const d = {};
    for (const [k, v] of Object.entries(digest))
        if (typeof v === 'string')
            d[k] = v;
    return { name, digest: d };
}
function makeStatement(subject, predicateType, predicate) {
    return { _type: STATEMENT_TYPE, subject, predicateType, predicate };
}
/** The sha256 digests a statement names, as `name -> hex`. */
function subjectDigests(statement) {
    const out = new Set();
    for (const s of statement.subject) {
        const d = s.digest.sha256;
        if (d)
            out.add(d.toLowerCase());
    }
    return out;
}

// EXTERNAL MODULE: ../node_modules/ajv/dist/ajv.js
var dist_ajv = __webpack_require__(79793);
// EXTERNAL MODULE: ../node_modules/ajv-formats/dist/index.js
var dist = __webpack_require__(36789);
var dist_namespaceObject = /*#__PURE__*/__webpack_require__.t(dist, 2);
;// CONCATENATED MODULE: ../packages/core/dist/json-schema.js
/**
 * One place that builds ajv validators, so every package validates the same way and reports the
 * same error shape. ajv and ajv-formats are CommonJS; their default exports are unwrapped here once.
 */


function formatsPlugin() {
    const mod = dist_namespaceObject;
    const d = mod.default;
    return typeof d === 'function' ? d : d.default;
}
function newAjv(options = {}) {
    const ajv = new dist_ajv.Ajv({ allErrors: true, strict: true, ...options });
    formatsPlugin()(ajv);
    return ajv;
}
/** `/a/0/b` → `['a', 0, 'b']`, numbers for array indexes. */
function pointerToPath(pointer) {
    if (!pointer)
        return [];
    return pointer
        .split('/')
        .slice(1)
        .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}
/** A readable one-line reason for one ajv error. */
function describeAjvError(e) {
    const at = e.instancePath ? e.instancePath : '(top level)';
    switch (e.keyword) {
        case 'additionalProperties': {
            const p = e.params.additionalProperty;
            return `${at}: unknown key "${p}"`;
        }
        case 'enum': {
            const allowed = e.params.allowedValues;
            return `${at}: must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;
        }
        case 'required': {
            const p = e.params.missingProperty;
            return `${at}: missing required key "${p}"`;
        }
        case 'const': {
            const allowed = e.params.allowedValue;
            return `${at}: must be ${JSON.stringify(allowed)}`;
        }
        default:
            return `${at}: ${e.message ?? e.keyword}`;
    }
}
/** Drops errors that only restate a more specific one (ajv reports every failing branch of anyOf/oneOf). */
function significantErrors(errors) {
    const specific = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && e.keyword !== 'if');
    return specific.length > 0 ? specific : [...errors];
}

;// CONCATENATED MODULE: ../packages/core/dist/tool.js
/** Who we are, as recorded in evidence (scanner uri, verifier id, builder id, SARIF driver). */
const TOOL_NAME = 'secure-factory';
const TOOL_VERSION = '0.1.0';
const TOOL_URI = 'https://github.com/secure-factory/secure-factory';
/** The buildType of our provenance; documented in docs/build-type.md. */
const BUILD_TYPE = `${TOOL_URI}/build-type/v1`;

;// CONCATENATED MODULE: ../packages/core/dist/factory-predicates.js

const WORKFLOW_POSTURE_PREDICATE = `${TOOL_URI}/workflow-posture/v1`;
const REMEDIATION_EVENT_PREDICATE = `${TOOL_URI}/remediation-event/v1`;
const severity = { enum: ['critical', 'high', 'medium', 'low', 'info'] };
const str = { type: 'string' };
const strings = { type: 'array', items: str };
const workflowPostureSchema = {
    type: 'object',
    additionalProperties: false,
    required: ['repository', 'commit', 'auditedAt', 'files', 'findings'],
    properties: {
        repository: str,
        commit: { type: 'string', pattern: '^[0-9a-f]{40}([0-9a-f]{24})?$' },
        auditedAt: { type: 'string', format: 'date-time' },
        files: {
            type: 'array',
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['path', 'permissions', 'unpinned', 'secrets'],
                properties: {
                    path: str,
                    permissions: {
                        type: 'array',
                        items: {
                            type: 'object',
                            additionalProperties: false,
                            required: ['job', 'scope', 'access'],
                            properties: { job: str, scope: str, access: { enum: ['write', 'write-all', 'default'] } },
                        },
                    },
                    unpinned: {
                        type: 'array',
                        items: { type: 'object', additionalProperties: false, required: ['job', 'uses'], properties: { job: str, uses: str } },
                    },
                    secrets: strings,
                },
            },
        },
        findings: {
            type: 'object',
            additionalProperties: false,
            required: ['count', 'digest', 'list'],
            properties: {
                count: { type: 'integer', minimum: 0 },
                digest: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' },
                list: {
                    type: 'array',
                    items: {
                        type: 'object',
                        additionalProperties: false,
                        required: ['rule', 'file', 'line', 'severity'],
                        properties: { rule: str, file: str, line: { type: 'integer', minimum: 0 }, severity },
                    },
                },
            },
        },
    },
};
const remediationEventSchema = {
    type: 'object',
    additionalProperties: false,
    required: ['event', 'scope', 'sequence', 'requestedAt'],
    properties: {
        event: { enum: ['opened', 'updated', 'waived', 'stopped', 'overdue', 'checked'] },
        scope: str,
        remediation: {
            type: 'object',
            additionalProperties: false,
            required: ['advisory', 'aliases', 'package', 'severity', 'fixedVersions', 'digests', 'environments', 'status'],
            properties: {
                advisory: { type: 'string', minLength: 1 },
                aliases: strings,
                package: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['ecosystem', 'name', 'version'],
                    properties: { ecosystem: str, name: str, version: str },
                },
                severity,
                fixedVersions: strings,
                digests: strings,
                environments: strings,
                status: { enum: ['open', 'resolved', 'waived'] },
            },
        },
        open: strings,
        previous: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' },
        sequence: { type: 'integer', minimum: 1 },
        requestedAt: { type: 'string', format: 'date-time' },
    },
    if: { properties: { event: { const: 'checked' } } },
    then: { required: ['open'] },
    else: { required: ['remediation'] },
};

;// CONCATENATED MODULE: ../packages/core/dist/statement-schema.js
/**
 * JSON Schemas for in-toto Statement v1 and the predicates the factory writes. in-toto/attestation
 * and slsa-framework/slsa publish only protos and Markdown (no JSON Schema), so these are written
 * from the protos (statement.proto, resource_descriptor.proto, provenance.proto, vsa.proto,
 * test_result.proto, vulns.proto) with the proto3 JSON names.
 */


// The factory's own predicates are exported with the schemas that check them.


const digestSet = {
    type: 'object',
    minProperties: 1,
    // Algorithm names are lower case; hex digests for the sha families, other encodings (gitCommit) stay strings.
    propertyNames: { pattern: '^[a-zA-Z0-9_]+$' },
    additionalProperties: { type: 'string', minLength: 1 },
    properties: {
        sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
        sha512: { type: 'string', pattern: '^[0-9a-f]{128}$' },
        sha1: { type: 'string', pattern: '^[0-9a-f]{40}$' },
        gitCommit: { type: 'string', pattern: '^[0-9a-f]{40}([0-9a-f]{24})?$' },
    },
};
const resourceDescriptor = {
    type: 'object',
    additionalProperties: false,
    properties: {
        name: { type: 'string' },
        uri: { type: 'string' },
        digest: digestSet,
        content: { type: 'string', contentEncoding: 'base64' },
        downloadLocation: { type: 'string' },
        mediaType: { type: 'string' },
        annotations: { type: 'object' },
    },
    // The spec: at least one of uri, digest, content must be set.
    anyOf: [{ required: ['uri'] }, { required: ['digest'] }, { required: ['content'] }],
};
const timestamp = { type: 'string', format: 'date-time' };
const statementSchema = {
    $id: 'https://secure-factory.dev/schemas/in-toto-statement-v1.json',
    type: 'object',
    additionalProperties: false,
    required: ['_type', 'subject', 'predicateType', 'predicate'],
    properties: {
        _type: { const: STATEMENT_TYPE },
        subject: {
            type: 'array',
            minItems: 1,
            items: { ...resourceDescriptor, required: ['digest'] },
        },
        predicateType: { type: 'string', format: 'uri' },
        predicate: { type: 'object' },
    },
};
const provenanceSchema = {
    type: 'object',
    additionalProperties: false,
    required: ['buildDefinition', 'runDetails'],
    properties: {
        buildDefinition: {
            type: 'object',
            additionalProperties: false,
            required: ['buildType', 'externalParameters'],
            properties: {
                buildType: { type: 'string', format: 'uri' },
                externalParameters: { type: 'object' },
                internalParameters: { type: 'object' },
                resolvedDependencies: { type: 'array', items: resourceDescriptor },
            },
        },
        runDetails: {
            type: 'object',
            additionalProperties: false,
            required: ['builder'],
            properties: {
                builder: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['id'],
                    properties: {
                        id: { type: 'string', format: 'uri' },
                        version: { type: 'object', additionalProperties: { type: 'string' } },
                        builderDependencies: { type: 'array', items: resourceDescriptor },
                    },
                },
                metadata: {
                    type: 'object',
                    additionalProperties: false,
                    properties: { invocationId: { type: 'string' }, startedOn: timestamp, finishedOn: timestamp },
                },
                byproducts: { type: 'array', items: resourceDescriptor },
            },
        },
    },
};
const vsaSchema = {
    type: 'object',
    additionalProperties: false,
    required: ['verifier', 'timeVerified', 'resourceUri', 'policy', 'verificationResult', 'verifiedLevels'],
    properties: {
        verifier: {
            type: 'object',
            additionalProperties: false,
            required: ['id'],
            properties: { id: { type: 'string', format: 'uri' }, version: { type: 'object', additionalProperties: { type: 'string' } } },
        },
        timeVerified: timestamp,
        resourceUri: { type: 'string', minLength: 1 },
        policy: {
            type: 'object',
            additionalProperties: false,
            properties: { uri: { type: 'string' }, digest: digestSet },
        },
        inputAttestations: {
            type: 'array',
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['digest'],
                properties: { uri: { type: 'string' }, digest: digestSet },
            },
        },
        verificationResult: { enum: ['PASSED', 'FAILED'] },
        verifiedLevels: { type: 'array', items: { type: 'string', pattern: '^[A-Z0-9_]+$' } },
        dependencyLevels: { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } },
        slsaVersion: { type: 'string', pattern: '^[0-9]+\\.[0-9]+$' },
    },
};
const testResultSchema = {
    type: 'object',
    additionalProperties: false,
    required: ['result', 'configuration'],
    properties: {
        result: { enum: ['PASSED', 'WARNED', 'FAILED'] },
        configuration: { type: 'array', items: resourceDescriptor },
        url: { type: 'string' },
        passedTests: { type: 'array', items: { type: 'string' } },
        warnedTests: { type: 'array', items: { type: 'string' } },
        failedTests: { type: 'array', items: { type: 'string' } },
    },
};
const vulnsSchema = {
    type: 'object',
    additionalProperties: false,
    required: ['scanner'],
    properties: {
        scanner: {
            type: 'object',
            additionalProperties: false,
            required: ['uri'],
            properties: {
                uri: { type: 'string', minLength: 1 },
                version: { type: 'string' },
                database: {
                    type: 'object',
                    additionalProperties: false,
                    properties: { uri: { type: 'string' }, version: { type: 'string' }, lastUpdate: timestamp },
                },
                result: {
                    type: 'object',
                    additionalProperties: false,
                    properties: {
                        vulnerabilities: {
                            type: 'array',
                            items: {
                                type: 'object',
                                additionalProperties: false,
                                required: ['id'],
                                properties: {
                                    id: { type: 'string', minLength: 1 },
                                    severity: {
                                        type: 'array',
                                        items: {
                                            type: 'object',
                                            additionalProperties: false,
                                            required: ['method', 'score'],
                                            properties: { method: { type: 'string' }, score: { type: 'string' } },
                                        },
                                    },
                                    annotations: { type: 'array', items: { type: 'object' } },
                                },
                            },
                        },
                    },
                },
            },
        },
        scanMetadata: {
            type: 'object',
            additionalProperties: false,
            properties: { scanStartedOn: timestamp, scanFinishedOn: timestamp },
        },
    },
};
/** Predicate schemas by predicateType; CycloneDX and SPDX are checked against their official schemas elsewhere. */
const predicateSchemas = {
    [PREDICATE.provenance]: provenanceSchema,
    [PREDICATE.vsa]: vsaSchema,
    [PREDICATE.testResult]: testResultSchema,
    [PREDICATE.vulns]: vulnsSchema,
    [WORKFLOW_POSTURE_PREDICATE]: workflowPostureSchema,
    [REMEDIATION_EVENT_PREDICATE]: remediationEventSchema,
};
let compiled;
function validators() {
    if (!compiled) {
        const ajv = newAjv({ strict: false });
        const predicates = new Map();
        for (const [type, schema] of Object.entries(predicateSchemas))
            predicates.set(type, ajv.compile(schema));
        compiled = { statement: ajv.compile(statementSchema), predicates };
    }
    return compiled;
}
/** Problems with a statement (empty when valid): the envelope shape and, for known types, the predicate. */
function validateStatement(value) {
    const v = validators();
    if (!v.statement(value))
        return significantErrors(v.statement.errors ?? []).map(describeAjvError);
    const st = value;
    const pv = v.predicates.get(st.predicateType);
    if (pv && !pv(st.predicate)) {
        return significantErrors(pv.errors ?? []).map((e) => `predicate${describeAjvError(e).replace(/^\(top level\)/, '')}`);
    }
    return [];
}
function isStatement(value) {
    return validateStatement(value).length === 0;
}

;// CONCATENATED MODULE: ../packages/core/dist/atomic-file.js
/**
 * Evidence is never half-written: every file goes to a temporary name in the same directory, is
 * flushed to disk, then renamed over the target (rename is atomic within a filesystem).
 */




async function writeFileAtomic(file, data, mode = 0o644) {
    const dir = external_node_path_.dirname(file);
    await (0,promises_.mkdir)(dir, { recursive: true }).catch((e) => {
        throw filesystemInputError(e, dir) ?? e;
    });
    const tmp = external_node_path_.join(dir, `.${external_node_path_.basename(file)}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`);
    const fh = await (0,promises_.open)(tmp, 'wx', mode).catch((e) => {
        throw filesystemInputError(e, file) ?? e;
    });
    try {
        await fh.writeFile(data);
        await fh.sync();
    }
    catch (e) {
        await fh.close().catch(() => undefined);
        await (0,promises_.rm)(tmp, { force: true });
        throw e;
    }
    await fh.close();
    try {
        await (0,promises_.rename)(tmp, file);
    }
    catch (e) {
        await (0,promises_.rm)(tmp, { force: true });
        throw filesystemInputError(e, file) ?? e;
    }
}
async function writeJsonAtomic(file, value) {
    await writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}

;// CONCATENATED MODULE: ../packages/core/dist/safe-read.js
/**
 * The one way the factory reads a file that came from outside (evidence, policy, remediations, SBOMs,
 * lockfiles, keys). A hostile evidence folder can hold a FIFO named `x.sigstore.json` (a plain
 * `readFile` blocks forever), a symlink to `/dev/zero` (read until memory runs out) or to `/etc/passwd`
 * or a token file (whose bytes a parser error would then quote into the log). So:
 *   - the file is opened with O_NOFOLLOW | O_NONBLOCK (opening a FIFO does not wait for a writer), and
 *     `fstat` on the open handle must say "regular file" — no FIFOs, devices, sockets or directories;
 *   - a symbolic link is followed only when its target stays inside the allowed folder;
 *   - the size is checked on the open handle before any byte is read, and reading stops at the limit
 *     even if the file grows meanwhile;
 *   - error messages name the file and the reason, never its content.
 */




/** A refusal to read a file: not a regular file, too large, a link leaving the folder, or unreadable. */
class UnsafeFileError extends ConfigurationError {
    reason;
    constructor(message, file, 
    /** Machine-readable reason. */
    reason, hint, cause) {
        super(message, { location: { file }, ...(hint ? { hint } : {}), ...(cause !== undefined ? { cause } : {}) });
        this.reason = reason;
    }
}
const OPEN_FLAGS = external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW | external_node_fs_.constants.O_NONBLOCK;
function kind(st) {
    if (st.isFIFO())
        return 'a FIFO (named pipe)';
    if (st.isCharacterDevice())
        return 'a character device';
    if (st.isBlockDevice())
        return 'a block device';
    if (st.isSocket())
        return 'a socket';
    if (st.isDirectory())
        return 'a directory';
    if (st.isSymbolicLink())
        return 'a symbolic link';
    return 'not a regular file';
}
function errnoCode(e) {
    return e.code ?? 'error';
}
/** Whether `child` is `parent` or lies below it (lexically: resolve links first where they matter). */
function isInside(child, parent) {
    const rel = external_node_path_.relative(parent, child);
    return rel === '' || (!rel.startsWith('..') && !external_node_path_.isAbsolute(rel));
}
function what(o) {
    return o.what ?? 'file';
}
function missing(file, o, e) {
    const code = errnoCode(e);
    if (code === 'ENOENT')
        return new UnsafeFileError(`the ${what(o)} does not exist`, file, 'missing', o.hint, e);
    return new UnsafeFileError(`cannot read the ${what(o)}: ${code}`, file, 'unreadable', o.hint, e);
}
function linkPlan(file, st, resolved, folder, o) {
    if (!st.isSymbolicLink())
        return { target: file };
    const refuse = () => new UnsafeFileError(`the ${what(o)} is a symbolic link to a place outside ${o.within === false ? 'the evidence' : 'its folder'}; refused`, file, 'link-outside', o.hint ?? 'replace the link with the file itself');
    if (o.within === false)
        throw refuse();
    let target;
    let base;
    try {
        target = resolved();
        base = folder();
    }
    catch (e) {
        // A dangling or looping link.
        throw new UnsafeFileError(`the ${what(o)} is a symbolic link that cannot be resolved (${errnoCode(e)})`, file, 'unreadable', o.hint, e);
    }
    if (!isInside(target, base))
        throw refuse();
    return { target };
}
function checkHandle(file, st, o) {
    if (!st.isFile()) {
        throw new UnsafeFileError(`the ${what(o)} is ${kind(st)}, not a regular file; refused`, file, 'not-regular', o.hint);
    }
    if (st.size > o.maxBytes) {
        throw new UnsafeFileError(`the ${what(o)} is ${st.size} bytes, over the limit of ${o.maxBytes}`, file, 'too-large', o.hint);
    }
}
function tooLarge(file, o) {
    return new UnsafeFileError(`the ${what(o)} grew past the limit of ${o.maxBytes} bytes while being read`, file, 'too-large', o.hint);
}
/** Reads a regular file safely (see the module comment). */
async function readRegularFile(file, options) {
    let st;
    try {
        st = await (0,promises_.lstat)(file);
    }
    catch (e) {
        throw missing(file, options, e);
    }
    // Cheap refusals before open(): a FIFO, device or socket is never opened at all.
    if (!st.isSymbolicLink() && !st.isFile())
        checkHandle(file, st, options);
    let plan;
    if (st.isSymbolicLink()) {
        const target = await (0,promises_.realpath)(file).catch((e) => {
            throw new UnsafeFileError(`the ${what(options)} is a symbolic link that cannot be resolved (${errnoCode(e)})`, file, 'unreadable', options.hint, e);
        });
        const base = options.within === false ? '' : await (0,promises_.realpath)(options.within ?? external_node_path_.dirname(file)).catch(() => '\0');
        plan = linkPlan(file, st, () => target, () => base, options);
    }
    else
        plan = { target: file };
    let handle;
    try {
        handle = await (0,promises_.open)(plan.target, OPEN_FLAGS);
    }
    catch (e) {
        if (errnoCode(e) === 'ELOOP') {
            throw new UnsafeFileError(`the ${what(options)} changed into a symbolic link while being opened; refused`, file, 'link-outside', options.hint);
        }
        throw missing(file, options, e);
    }
    try {
        const hst = await handle.stat();
        checkHandle(file, hst, options);
        const chunks = [];
        let total = 0;
        const buf = Buffer.allocUnsafe(Math.min(Math.max(hst.size + 1, 4096), options.maxBytes + 1, 1 << 20));
        for (;;) {
            const { bytesRead } = await handle.read(buf, 0, buf.length, null);
            if (bytesRead === 0)
                break;
            total += bytesRead;
            if (total > options.maxBytes)
                throw tooLarge(file, options);
            chunks.push(Buffer.from(buf.subarray(0, bytesRead)));
        }
        return Buffer.concat(chunks, total);
    }
    catch (e) {
        if (e instanceof UnsafeFileError)
            throw e;
        throw new UnsafeFileError(`cannot read the ${what(options)}: ${errnoCode(e)}`, file, 'unreadable', options.hint, e);
    }
    finally {
        await handle.close();
    }
}
/** The synchronous twin of `readRegularFile`, for parsers that are synchronous. */
function readRegularFileSync(file, options) {
    let st;
    try {
        st = (0,external_node_fs_.lstatSync)(file);
    }
    catch (e) {
        throw missing(file, options, e);
    }
    if (!st.isSymbolicLink() && !st.isFile())
        checkHandle(file, st, options);
    const plan = linkPlan(file, st, () => (0,external_node_fs_.realpathSync)(file), () => (options.within === false ? '' : (0,external_node_fs_.realpathSync)(options.within ?? external_node_path_.dirname(file))), options);
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(plan.target, OPEN_FLAGS);
    }
    catch (e) {
        if (errnoCode(e) === 'ELOOP') {
            throw new UnsafeFileError(`the ${what(options)} changed into a symbolic link while being opened; refused`, file, 'link-outside', options.hint);
        }
        throw missing(file, options, e);
    }
    try {
        const hst = (0,external_node_fs_.fstatSync)(fd);
        checkHandle(file, hst, options);
        const chunks = [];
        let total = 0;
        const buf = Buffer.allocUnsafe(Math.min(Math.max(hst.size + 1, 4096), options.maxBytes + 1, 1 << 20));
        for (;;) {
            const n = (0,external_node_fs_.readSync)(fd, buf, 0, buf.length, null);
            if (n === 0)
                break;
            total += n;
            if (total > options.maxBytes)
                throw tooLarge(file, options);
            chunks.push(Buffer.from(buf.subarray(0, n)));
        }
        return Buffer.concat(chunks, total);
    }
    catch (e) {
        if (e instanceof UnsafeFileError)
            throw e;
        throw new UnsafeFileError(`cannot read the ${what(options)}: ${errnoCode(e)}`, file, 'unreadable', options.hint, e);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
/**
 * Bytes → text for a file that must be UTF-8 (JSON, YAML, lockfiles). A UTF-16 or UTF-32 byte-order
 * mark gets a message saying how to fix it; invalid UTF-8 is refused (nothing of it is quoted); a UTF-8
 * byte-order mark is dropped (RFC 8259 §8.1 lets parsers ignore it; YAML 1.2 allows it).
 */
function decodeUtf8(bytes, file, whatFile = 'file') {
    const b0 = bytes[0];
    const b1 = bytes[1];
    if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff) || (b0 === 0 && b1 === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)) {
        throw new ConfigurationError(`the ${whatFile} is UTF-16 or UTF-32 encoded (it starts with a byte-order mark)`, {
            location: { file },
            hint: 'save it as UTF-8',
        });
    }
    // UTF-16 without a byte-order mark: ASCII text then has a zero byte after each character.
    if (bytes.length >= 4 && ((b0 !== 0 && b1 === 0 && bytes[3] === 0) || (b0 === 0 && b1 !== 0 && bytes[2] === 0))) {
        throw new ConfigurationError(`the ${whatFile} looks UTF-16 encoded (zero bytes between characters)`, {
            location: { file },
            hint: 'save it as UTF-8',
        });
    }
    try {
        return UTF8.decode(bytes);
    }
    catch (e) {
        throw new ConfigurationError(`the ${whatFile} is not valid UTF-8`, { location: { file }, hint: 'save it as UTF-8', cause: e });
    }
}
/** A UTF-8 text file read through `readRegularFile` (regular file, size bounded, nothing quoted). */
async function readTextFile(file, options) {
    return decodeUtf8(await readRegularFile(file, options), file, what(options));
}
/** The synchronous twin of `readTextFile`. */
function readTextFileSync(file, options) {
    return decodeUtf8(readRegularFileSync(file, options), file, what(options));
}
/**
 * For a file the operator names (a key, a config): a symbolic link may lead
 * anywhere (mounted secrets are links), but FIFOs, devices and oversized files are still refused.
 */
const OPERATOR_FILE = { within: '/' };

;// CONCATENATED MODULE: ../packages/core/dist/json-file.js
/** Reading JSON files with errors that name the file, line and column, never a bare SyntaxError. */


function lineColumnAt(text, offset) {
    let line = 1;
    let last = -1;
    for (let i = 0; i < offset && i < text.length; i++) {
        if (text.charCodeAt(i) === 10) {
            line++;
            last = i;
        }
    }
    return { line, column: offset - last };
}
/** Parses JSON text; a syntax error becomes a ConfigurationError at file:line:column. */
function parseJsonText(text, file) {
    try {
        return JSON.parse(text);
    }
    catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        const lc = /line (\d+) column (\d+)/.exec(msg);
        const pos = /position (\d+)/.exec(msg);
        let line;
        let column;
        if (lc) {
            line = Number(lc[1]);
            column = Number(lc[2]);
        }
        else if (pos) {
            ({ line, column } = lineColumnAt(text, Number(pos[1])));
        }
        else {
            // V8 gives no position for "Unexpected token" errors: find it with a small grammar walk.
            let offset;
            try {
                offset = jsonErrorOffset(text);
            }
            catch {
                // Too deep for the walk (the JS stack ran out first): place the error at the end.
                offset = undefined;
            }
            ({ line, column } = lineColumnAt(text, offset ?? text.length));
        }
        const reason = jsonSyntaxReason(msg);
        throw new ConfigurationError(`not valid JSON: ${reason}`, { location: { file, line, column }, cause: e });
    }
}
/**
 * V8's JSON.parse messages quote the input (`Unexpected token 'r', "root:x:0:0:"... is not valid JSON`);
 * the file may be a secret a link pointed at, so only the kind of error is kept, never the text.
 */
function jsonSyntaxReason(message) {
    if (/Unexpected end of JSON input|Unterminated string/i.test(message))
        return 'the text ends too early (truncated?)';
    if (/Bad control character/i.test(message))
        return 'a control character inside a string';
    if (/Bad (escaped character|Unicode escape)/i.test(message))
        return 'a bad escape inside a string';
    if (/Unexpected non-whitespace character after JSON/i.test(message))
        return 'more text after the JSON value';
    if (/Expected property name|Expected ',' or '}'|Expected ':'/i.test(message))
        return 'an object is malformed';
    if (/Expected ',' or ']'/i.test(message))
        return 'an array is malformed';
    if (/Unexpected token|Unexpected number|Unexpected string|Unexpected character/i.test(message))
        return 'an unexpected character';
    if (/Maximum call stack|too deep/i.test(message))
        return 'nested too deeply';
    return 'a syntax error';
}
/**
 * Offset of the first JSON syntax error (undefined when the text is valid). A recursive-descent walk of
 * the JSON grammar (RFC 8259) with an explicit depth bound, used only to place an error V8 reported
 * without a position.
 */
function jsonErrorOffset(text) {
    class At extends Error {
        offset;
        constructor(offset) {
            super('json syntax error');
            this.offset = offset;
        }
    }
    let i = 0;
    const ws = () => {
        while (i < text.length && ' \t\n\r'.includes(text[i]))
            i++;
    };
    const fail = () => {
        throw new At(i);
    };
    const literal = (word) => {
        if (text.startsWith(word, i))
            i += word.length;
        else
            fail();
    };
    const str = () => {
        i++; // opening quote
        while (i < text.length) {
            const c = text.charCodeAt(i);
            if (c === 34) {
                i++;
                return;
            }
            if (c < 0x20)
                fail();
            if (c === 92) {
                i++;
                const e = text[i];
                if (e === 'u') {
                    if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5)))
                        fail();
                    i += 5;
                }
                else if (e !== undefined && '"\\/bfnrt'.includes(e))
                    i++;
                else
                    fail();
            }
            else
                i++;
        }
        fail();
    };
    const num = () => {
        const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
        if (!m || m[0] === '' || m[0] === '-')
            fail();
        i += m[0].length;
    };
    const value = (depth) => {
        if (depth > 2_000)
            fail();
        ws();
        const c = text[i];
        if (c === '{') {
            i++;
            ws();
            if (text[i] === '}') {
                i++;
                return;
            }
            for (;;) {
                ws();
                if (text[i] !== '"')
                    fail();
                str();
                ws();
                if (text[i] !== ':')
                    fail();
                i++;
                value(depth + 1);
                ws();
                if (text[i] === ',')
                    i++;
                else if (text[i] === '}') {
                    i++;
                    return;
                }
                else
                    fail();
            }
        }
        else if (c === '[') {
            i++;
            ws();
            if (text[i] === ']') {
                i++;
                return;
            }
            for (;;) {
                value(depth + 1);
                ws();
                if (text[i] === ',')
                    i++;
                else if (text[i] === ']') {
                    i++;
                    return;
                }
                else
                    fail();
            }
        }
        else if (c === '"')
            str();
        else if (c === 't')
            literal('true');
        else if (c === 'f')
            literal('false');
        else if (c === 'n')
            literal('null');
        else if (c === '-' || (c !== undefined && c >= '0' && c <= '9'))
            num();
        else
            fail();
    };
    try {
        value(0);
        ws();
        return i < text.length ? i : undefined;
    }
    catch (e) {
        if (e instanceof At)
            return e.offset;
        throw e;
    }
}
/**
 * Reads and parses a JSON file through the safe reader: regular files only, size bounded on the open
 * handle, UTF-8 only, and no error ever quotes the file's bytes.
 */
async function readJsonFile(file, limits = {}) {
    const what = limits.what ?? 'file';
    const bytes = await readRegularFile(file, {
        maxBytes: limits.maxBytes ?? 256 * 1024 * 1024,
        what,
        ...(limits.within !== undefined ? { within: limits.within } : {}),
    });
    return parseJsonText(decodeUtf8(bytes, file, what), file);
}
/** The largest runner event payload read (GitHub caps webhook payloads at 25 MB). */
const MAX_EVENT_BYTES = 32 * 1024 * 1024;
/**
 * The runner's event payload (`$GITHUB_EVENT_PATH`) as a JSON object, or undefined when there is none or
 * it cannot be read as one: a FIFO, a device, a link out of its folder, an oversized or malformed file
 * tells nothing (its bytes are never quoted), so callers fall back to what they know without it.
 */
function readEventPayload(file) {
    if (!file)
        return undefined;
    try {
        const v = JSON.parse(decodeUtf8(readRegularFileSync(file, { maxBytes: MAX_EVENT_BYTES, what: 'event payload' }), file, 'event payload'));
        return typeof v === 'object' && v !== null && !Array.isArray(v) ? v : undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ../packages/core/dist/path-glob.js
/**
 * Path globs (gitignore / CODEOWNERS style) matched without regular expressions. A glob compiled to a
 * RegExp (`*a*a*a*a*a*a*b` → `[^/]*a[^/]*a…`) backtracks exponentially: a seven-star CODEOWNERS line
 * took seconds against a 40-character path, eight stars took minutes. Here a pattern is a list of tokens
 * and matching walks the set of reachable text positions token by token: O(tokens × path length), always.
 */
function inClass(t, c) {
    if (c === '/')
        return false;
    const code = c.charCodeAt(0);
    const hit = t.chars.includes(c) || t.ranges.some(([lo, hi]) => code >= lo && code <= hi);
    return hit !== t.negated;
}
/** Whether the whole text matches the tokens. */
function matchGlobTokens(tokens, text) {
    const n = text.length;
    let cur = new Uint8Array(n + 1);
    cur[0] = 1;
    for (const t of tokens) {
        const next = new Uint8Array(n + 1);
        let any = false;
        switch (t.kind) {
            case 'char':
                for (let i = 0; i < n; i++)
                    if (cur[i] && text[i] === t.char)
                        next[i + 1] = 1;
                break;
            case 'one':
                for (let i = 0; i < n; i++)
                    if (cur[i] && text[i] !== '/')
                        next[i + 1] = 1;
                break;
            case 'class':
                for (let i = 0; i < n; i++)
                    if (cur[i] && inClass(t, text[i]))
                        next[i + 1] = 1;
                break;
            case 'star':
                for (let j = 0; j <= n; j++)
                    next[j] = cur[j] || (j > 0 && next[j - 1] && text[j - 1] !== '/') ? 1 : 0;
                break;
            case 'any':
                for (let j = 0; j <= n; j++)
                    next[j] = cur[j] || (j > 0 && next[j - 1]) ? 1 : 0;
                break;
            case 'dirs': {
                // (?:.*/)? — stay, or consume anything that ends with a '/'.
                let seen = false;
                for (let j = 0; j <= n; j++) {
                    next[j] = cur[j] || (seen && j > 0 && text[j - 1] === '/') ? 1 : 0;
                    if (cur[j])
                        seen = true;
                }
                break;
            }
            case 'subpath': {
                // (?:/.*)? — stay, or a '/' then anything.
                let slash = false;
                for (let j = 0; j <= n; j++) {
                    next[j] = cur[j] || slash ? 1 : 0;
                    if (j < n && cur[j] && text[j] === '/')
                        slash = true;
                }
                break;
            }
        }
        for (let j = 0; j <= n && !any; j++)
            if (next[j])
                any = true;
        if (!any)
            return false;
        cur = next;
    }
    return cur[n] === 1;
}

;// CONCATENATED MODULE: ../packages/core/dist/wildcard.js
/** Patterns longer than this never match: no policy needs them and they only cost time. */
const MAX_WILDCARD_PATTERN = 4096;
function wildcardMatch(pattern, text, options = {}) {
    if (pattern.length > MAX_WILDCARD_PATTERN)
        return false;
    const p = options.caseInsensitive ? pattern.toLowerCase() : pattern;
    const t = options.caseInsensitive ? text.toLowerCase() : text;
    let pi = 0;
    let ti = 0;
    let star = -1;
    let mark = 0;
    const anyQ = options.questionMark !== 'literal';
    while (ti < t.length) {
        const pc = p[pi];
        if (pc === '*') {
            star = pi++;
            mark = ti;
        }
        else if (pc !== undefined && ((anyQ && pc === '?') || pc === t[ti])) {
            pi++;
            ti++;
        }
        else if (star !== -1) {
            pi = star + 1;
            ti = ++mark;
        }
        else
            return false;
    }
    while (p[pi] === '*')
        pi++;
    return pi === p.length;
}

;// CONCATENATED MODULE: ../packages/core/dist/glob.js
/**
 * The one glob module: every place that matches a pattern against a name or a path calls one of the
 * variants below, each with the documented semantics of the format it reads. None compiles a glob to
 * a RegExp: patterns come from repositories and policy files, and a RegExp glob backtracks on a crafted
 * pattern (`*a*a*a*a*a*a*a*a*ab` against 40 `a`s: picomatch 4.0.7's RegExp takes ~10 s, CODEOWNERS
 * lines like it took minutes with the old hand-written RegExps). The engines are wildcard.ts (greedy,
 * one backtrack point) and path-glob.ts (reachable positions, O(pattern × path)).
 */




/** `*` (no `/`), `?` (one char, no `/`), `**` (anything) and `**\/` (zero or more directories) as tokens; the rest literal. */
function pathTokens(glob) {
    const out = [];
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === '*') {
            if (glob[i + 1] === '*') {
                // "**/" matches any number of directories; a trailing "**" matches everything inside.
                if (glob[i + 2] === '/') {
                    out.push({ kind: 'dirs' });
                    i += 2;
                }
                else {
                    out.push({ kind: 'any' });
                    i += 1;
                }
            }
            else
                out.push({ kind: 'star' });
        }
        else if (c === '?')
            out.push({ kind: 'one' });
        else
            out.push({ kind: 'char', char: c });
    }
    return out;
}
/**
 * A CODEOWNERS pattern, as GitHub documents it (gitignore rules with exceptions): a leading `/` or a
 * `/` inside anchors the pattern at the repository root, otherwise it matches at any depth; a trailing
 * `/` matches everything beneath that directory; `*` never crosses `/`; a pattern whose last segment
 * has no wildcard also owns what is beneath it, while a wildcard last segment (`docs/*`) does not reach
 * into subdirectories.
 */
function codeownersPattern(pattern) {
    let p = pattern;
    const dirOnly = p.endsWith('/');
    if (dirOnly)
        p = p.slice(0, -1);
    const anchored = p.startsWith('/') || p.includes('/');
    if (p.startsWith('/'))
        p = p.slice(1);
    const tokens = anchored ? [] : [{ kind: 'dirs' }];
    tokens.push(...pathTokens(p));
    const last = p.split('/').pop() ?? '';
    if (dirOnly)
        tokens.push({ kind: 'char', char: '/' }, { kind: 'any' });
    else if (!/[*?]/.test(last))
        tokens.push({ kind: 'subpath' });
    return { test: (path) => matchGlobTokens(tokens, path) };
}
/**
 * A path pattern relative to a root (the audit's `ignore` entries): anchored at the root, `*` and `?`
 * within one segment, `**` across segments, and a match on a directory covers what is beneath it.
 */
function pathPattern(pattern) {
    const tokens = [...pathTokens(pattern.replace(/^\.\//, '')), { kind: 'subpath' }];
    return { test: (path) => matchGlobTokens(tokens, path) };
}
/** A policy name glob (allowed actions, licences, packages): `*` and `?` match anything, case-insensitively. */
function policyGlobMatch(pattern, value) {
    return wildcardMatch(pattern, value, { caseInsensitive: true });
}
/** An identity glob (builder refs, certificate SANs, source refs): only `*` is special (any run, `/` included); case matters. */
function identityGlobMatch(pattern, value) {
    return wildcardMatch(pattern, value, { questionMark: 'literal' });
}
/** The most alternatives a brace pattern may expand to (`{a,b}{c,d}` is four). */
const MAX_GLOB_ALTERNATIVES = 256;
/** The longest glob accepted. */
const MAX_GLOB_LENGTH = 4096;
function globError(pattern, reason) {
    return new ConfigurationError(`the glob ${safeInlineBounded(JSON.stringify(pattern), 200)} ${reason}`, {
        hint: 'use *, ?, ** (whole path segments), [abc], [!abc], [a-z] and {a,b}',
    });
}
/** The index of the `}` closing the `{` at `open`, or -1; `\` escapes. */
function closingBrace(p, open) {
    let depth = 0;
    for (let i = open; i < p.length; i++) {
        const c = p[i];
        if (c === '\\')
            i++;
        else if (c === '{')
            depth++;
        else if (c === '}' && --depth === 0)
            return i;
    }
    return -1;
}
/** The top-level comma-separated parts of a brace body, or undefined when it has no top-level comma. */
function braceParts(body) {
    const parts = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < body.length; i++) {
        const c = body[i];
        if (c === '\\')
            i++;
        else if (c === '{')
            depth++;
        else if (c === '}')
            depth--;
        else if (c === ',' && depth === 0) {
            parts.push(body.slice(start, i));
            start = i + 1;
        }
    }
    if (parts.length === 0) {
        // {1..3} and {a..c}: a sequence, as Bash and picomatch expand it.
        const m = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])$/.exec(body);
        if (!m)
            return undefined;
        const [a, b] = [m[1], m[2]];
        const numeric = /\d/.test(a) && /\d/.test(b);
        if (!numeric && (/\d/.test(a) || /\d/.test(b)))
            return undefined;
        const from = numeric ? Number(a) : a.charCodeAt(0);
        const to = numeric ? Number(b) : b.charCodeAt(0);
        const step = from <= to ? 1 : -1;
        // Stops one past the limit: the caller refuses a sequence that long without building all of it.
        for (let v = from; parts.length <= MAX_GLOB_ALTERNATIVES; v += step) {
            parts.push(numeric ? String(v) : String.fromCharCode(v));
            if (v === to)
                break;
        }
        return parts;
    }
    parts.push(body.slice(start));
    return parts;
}
/** `{a,b}` and `{1..3}` expanded (nested too), at most MAX_GLOB_ALTERNATIVES results. */
function expandBraces(pattern, original) {
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '\\') {
            i++;
            continue;
        }
        if (c !== '{')
            continue;
        const close = closingBrace(pattern, i);
        if (close < 0)
            return [pattern];
        const parts = braceParts(pattern.slice(i + 1, close));
        if (!parts)
            continue; // `{x}`: literal braces
        if (parts.length > MAX_GLOB_ALTERNATIVES)
            throw globError(original, `expands to more than ${MAX_GLOB_ALTERNATIVES} alternatives`);
        const head = pattern.slice(0, i);
        const tail = pattern.slice(close + 1);
        const out = [];
        for (const part of parts) {
            for (const e of expandBraces(head + part + tail, original)) {
                out.push(e);
                if (out.length > MAX_GLOB_ALTERNATIVES)
                    throw globError(original, `expands to more than ${MAX_GLOB_ALTERNATIVES} alternatives`);
            }
        }
        return out;
    }
    return [pattern];
}
/** `[…]` starting at `open`: the token and the index after `]`, or undefined when it does not close. */
function classToken(p, open) {
    let i = open + 1;
    const negated = p[i] === '!' || p[i] === '^';
    if (negated)
        i++;
    let chars = '';
    const ranges = [];
    for (let first = true; i < p.length; first = false) {
        let c = p[i];
        if (c === ']' && !first)
            return { token: { kind: 'class', negated, chars, ranges }, end: i + 1 };
        if (c === '\\' && i + 1 < p.length)
            c = p[++i];
        if (p[i + 1] === '-' && p[i + 2] !== undefined && p[i + 2] !== ']') {
            let hi = p[i + 2];
            let skip = 3;
            if (hi === '\\' && p[i + 3] !== undefined) {
                hi = p[i + 3];
                skip = 4;
            }
            ranges.push([c.charCodeAt(0), hi.charCodeAt(0)]);
            i += skip;
        }
        else {
            chars += c;
            i++;
        }
    }
    return undefined;
}
/** One path segment (no `/`) as tokens: runs of `*` are one star, `?` one character, `[…]` a class, `\x` a literal x. */
function segmentTokens(seg, out) {
    for (let i = 0; i < seg.length; i++) {
        const c = seg[i];
        if (c === '*') {
            if (out[out.length - 1]?.kind !== 'star')
                out.push({ kind: 'star' });
        }
        else if (c === '?')
            out.push({ kind: 'one' });
        else if (c === '[') {
            const cls = classToken(seg, i);
            if (cls) {
                out.push(cls.token);
                i = cls.end - 1;
            }
            else
                out.push({ kind: 'char', char: c });
        }
        else if (c === '\\' && i + 1 < seg.length)
            out.push({ kind: 'char', char: seg[++i] });
        else
            out.push({ kind: 'char', char: c });
    }
}
function globTokens(glob) {
    // `**/**` means what `**` means.
    const segs = glob.split('/').filter((seg, i, all) => !(seg === '**' && all[i - 1] === '**'));
    const out = [];
    segs.forEach((seg, i) => {
        const last = i === segs.length - 1;
        if (seg === '**') {
            // A whole-segment globstar: zero or more directories; last, everything beneath (and the folder itself).
            if (last) {
                // As picomatch: `dist/**` (and `?/**`, `*.d/**`) also match the folder's own name; after a segment
                // ending in `*` (`*/**`, `lib*/**`) only what lies beneath matches.
                if (i === 0)
                    out.push({ kind: 'any' });
                else if (segs[i - 1].endsWith('*'))
                    out.push({ kind: 'char', char: '/' }, { kind: 'any' });
                else
                    out.push({ kind: 'subpath' });
            }
            else {
                if (i > 0 && segs[i - 1] !== '**')
                    out.push({ kind: 'char', char: '/' });
                out.push({ kind: 'dirs' });
            }
            return;
        }
        if (i > 0 && segs[i - 1] !== '**')
            out.push({ kind: 'char', char: '/' });
        segmentTokens(seg, out);
    });
    return out;
}
/**
 * An output or ignore glob (build outputs, `materials.ignore`), with picomatch's meaning for what such
 * globs use — `*` and `?` within a segment, dot files included; `**` as a whole segment for any number
 * of directories (`dist/**` also matches a file named `dist`), inside a segment a plain `*`; `[abc]`, `[!abc]`, `[a-z]`; `{a,b}` and
 * `{1..3}`; `\` escapes — matched in linear time (picomatch's RegExp for `**\/*a*a*a*a*a*a*a*a*ab` took
 * 4 s per path). Extglobs (`@(a|b)`, `!(x)`), POSIX classes and a leading `!` are refused by name.
 */
function outputGlob(pattern) {
    if (pattern.length > MAX_GLOB_LENGTH)
        throw globError(pattern.slice(0, 200), `is longer than ${MAX_GLOB_LENGTH} characters`);
    const p = pattern.replace(/^(\.\/)+/, '');
    if (p === '')
        throw globError(pattern, 'is empty');
    if (p.startsWith('!'))
        throw globError(pattern, 'starts with "!" (negation), which output and ignore globs do not support');
    if (/(^|[^\\])[@!+*?]\(/.test(p))
        throw globError(pattern, 'uses an extglob such as @(a|b) or !(x), which is not supported');
    if (p.includes('[[:'))
        throw globError(pattern, 'uses a POSIX character class such as [[:alpha:]], which is not supported');
    const alternatives = expandBraces(p, pattern).map(globTokens);
    return { test: (path) => alternatives.some((tokens) => matchGlobTokens(tokens, path)) };
}

// EXTERNAL MODULE: ../node_modules/re2js/build/index.js
var build = __webpack_require__(98966);
;// CONCATENATED MODULE: ../packages/core/dist/linear-regex.js
/**
 * Regular expressions given by a user (`--certificate-identity-regexp`, `--cert-identity-regex`, the
 * policy's identity patterns) run in linear time, or are refused at parse time (exit 2). A JS RegExp
 * backtracks and cannot be interrupted: `^(a|a)*$` against a long identity runs for hours, on the thread
 * that decides.
 *
 * The engine is `re2js`, a pure-JS port of RE2: the engine, and the syntax, of Go's `regexp`, which
 * cosign, gh and slsa-verifier read these flags with. A pattern is searched for anywhere in the identity
 * (Go's `MatchString`) unless it anchors itself with `^`/`$`; `$` is the end of the text, `(?i)` and the
 * other inline flags work as in Go. RE2 has no backreferences or lookaround; a pattern that uses them is
 * refused naming what to drop, and so is counted repetition over RE2's limit of 1000.
 *
 * A parse-time check also refuses nested quantifiers (`(a+)+`, `(x*y)*`). RE2 runs them in linear time;
 * they are refused because they are the catastrophic shapes of every backtracking engine (JS, PCRE,
 * Python) the same pattern may be pasted into. compileLinearRegExp is RE2 alone, without that check.
 */


class LinearRegExp {
    source;
    #re;
    constructor(source, re) {
        this.source = source;
        this.#re = re;
    }
    test(input) {
        return this.#re.test(input);
    }
    toString() {
        return `/${this.source === '' ? '(?:)' : this.source}/`;
    }
}
/** Why RE2 cannot run the pattern at all (a backreference, a lookaround), or undefined. */
function unsupportedConstruct(source) {
    return scan(source, false);
}
/**
 * Why a pattern is refused before it is compiled: what RE2 cannot run (see unsupportedConstruct), or
 * nested quantifiers. Reads the source as a JS RegExp does, which for these constructs is as RE2 does.
 */
function backtrackingHazard(source) {
    return scan(source, true);
}
function scan(source, nested) {
    // Per open group: whether it holds a repeating quantifier (directly or in a nested group).
    const groups = [];
    let lastGroupRepeats = false;
    let prevWasGroupClose = false;
    for (let i = 0; i < source.length; i++) {
        const c = source[i];
        const closedGroup = prevWasGroupClose;
        prevWasGroupClose = false;
        if (c === '\\') {
            const n = source[i + 1] ?? '';
            if (/[1-9]/.test(n))
                return 'a backreference (\\1 …)';
            if (n === 'k' && source[i + 2] === '<')
                return 'a named backreference (\\k<…>)';
            i++;
            continue;
        }
        if (c === '[') {
            // A character class: skip to its closing bracket (escapes and a leading ] included).
            let j = i + 1;
            if (source[j] === '^')
                j++;
            if (source[j] === ']')
                j++;
            for (; j < source.length && source[j] !== ']'; j++)
                if (source[j] === '\\')
                    j++;
            i = j;
            continue;
        }
        if (c === '(') {
            if (source.startsWith('(?=', i) || source.startsWith('(?!', i) || source.startsWith('(?<=', i) || source.startsWith('(?<!', i))
                return 'a lookaround ((?=…), (?!…), (?<=…), (?<!…))';
            groups.push(false);
            continue;
        }
        if (c === ')') {
            lastGroupRepeats = groups.pop() ?? false;
            if (lastGroupRepeats && groups.length > 0)
                groups[groups.length - 1] = true;
            prevWasGroupClose = true;
            continue;
        }
        const rep = repeatAt(source, i);
        if (rep) {
            if (nested && closedGroup && lastGroupRepeats && rep.repeats)
                return `a quantified group that itself holds a quantifier (nested quantifiers, like (a+)+)`;
            if (rep.repeats && groups.length > 0)
                groups[groups.length - 1] = true;
            i += rep.length - 1;
            // A lazy quantifier's `?` belongs to it.
            if (source[i + 1] === '?')
                i++;
        }
    }
    return undefined;
}
/** A quantifier at `i`: its length and whether it repeats (more than once), as opposed to `?` or `{0,1}`. */
function repeatAt(source, i) {
    const c = source[i];
    if (c === '*' || c === '+')
        return { length: 1, repeats: true };
    if (c === '?')
        return { length: 1, repeats: false };
    if (c === '{') {
        const m = /^\{([0-9]+)(,([0-9]*))?\}/.exec(source.slice(i));
        if (!m)
            return undefined;
        const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
        return { length: m[0].length, repeats: max > 1 };
    }
    return undefined;
}
const RE2_SYNTAX = 'RE2 syntax, as cosign and gh read it';
function refuse(source, what, construct, why, hint) {
    throw new ConfigurationError(`${what} ${JSON.stringify(source)} uses ${construct}, ${why}`, { hint });
}
/**
 * Compiles a pattern with RE2 (linear time, Go's syntax and search semantics), without the
 * nested-quantifier check: refused with a ConfigurationError (exit 2) naming `what` when RE2 cannot
 * run it. compileUserRegExp is what takes a user's pattern.
 */
function compileLinearRegExp(source, what) {
    const unsupported = unsupportedConstruct(source);
    if (unsupported)
        refuse(source, what, unsupported, 'which RE2 (linear time) does not support', `write it without backreferences or lookaround (${RE2_SYNTAX})`);
    try {
        return new LinearRegExp(source, build/* RE2JS */.L3.compile(source));
    }
    catch (e) {
        if (!(e instanceof build/* RE2JSSyntaxException */.pB))
            throw e;
        if (e.error === 'invalid repeat count' || e.error === 'expression too large') {
            throw new ConfigurationError(`${what} ${JSON.stringify(source)} cannot be matched in linear time`, {
                hint: `RE2 allows counted repetitions up to {1000} and a bounded compiled size; keep them small (${e.message})`,
            });
        }
        throw new ConfigurationError(`${what} ${JSON.stringify(source)} is not a valid regular expression`, {
            hint: `${e.message} (${RE2_SYNTAX})`,
        });
    }
}
/**
 * Compiles a user's regular expression for matching identities: refused with a ConfigurationError
 * (exit 2) naming `what` when it is not valid RE2, or uses nested quantifiers.
 */
function compileUserRegExp(source, what) {
    const hazard = unsupportedConstruct(source) === undefined ? backtrackingHazard(source) : undefined;
    if (hazard)
        refuse(source, what, hazard, 'which backtracks catastrophically in any backtracking engine the pattern may be reused with', `write it without nested quantifiers (${RE2_SYNTAX})`);
    return compileLinearRegExp(source, what);
}

;// CONCATENATED MODULE: ../packages/core/dist/http.js
/**
 * The shared HTTP client for the factory's network services (GitHub API, OSV, Sigstore, OIDC, cache,
 * registries). One place decides what a flaky service may do to a run:
 *   - retries only on what is worth retrying (connection resets and refusals, stalls, truncated bodies,
 *     408/429/500/502/503/504), at most `maxAttempts` times, with full-jitter exponential backoff;
 *   - `Retry-After` (seconds or an HTTP date) is honoured, capped, and never waited past the deadline;
 *   - one overall deadline covers every attempt, backoff and body read; each attempt also has its own
 *     timeout, so a server that accepts and then stalls cannot hang a stage;
 *   - a body is read with a byte limit (an endless or oversized answer is refused, not buffered);
 *   - when the service still fails, an InfrastructureError (exit 3) names the service and the last
 *     reason — never a response the caller could mistake for success, never the body's text.
 */

const DEFAULT_RETRY = [408, 429, 500, 502, 503, 504];
class Retryable extends Error {
}
function delay(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
/** Retry-After: delta-seconds or an HTTP-date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
function retryAfterMs(value, now) {
    if (value === null)
        return undefined;
    const v = value.trim();
    if (/^[0-9]{1,9}$/.test(v))
        return Number(v) * 1000;
    const at = Date.parse(v);
    if (Number.isNaN(at))
        return undefined;
    return Math.max(0, at - now);
}
function reasonOf(e) {
    const cause = e.cause;
    if (cause?.code)
        return cause.code;
    if (cause?.message)
        return cause.message.split('\n')[0] ?? 'error';
    if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError'))
        return 'no answer in time';
    if (e instanceof Error)
        return e.message.split('\n')[0] ?? e.name;
    return String(e);
}
async function readBounded(res, maxBytes) {
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes) {
        await res.body?.cancel().catch(() => undefined);
        throw new InfrastructureError(`answered with ${declared} bytes, more than the limit of ${maxBytes}`);
    }
    if (!res.body)
        return Buffer.alloc(0);
    const chunks = [];
    let total = 0;
    const reader = res.body.getReader();
    try {
        for (;;) {
            let r;
            try {
                r = await reader.read();
            }
            catch (e) {
                // The connection closed or stalled mid-body: a truncated answer, worth another attempt.
                throw new Retryable(`the answer was cut off (${reasonOf(e)})`);
            }
            if (r.done)
                break;
            total += r.value.byteLength;
            if (total > maxBytes) {
                await reader.cancel().catch(() => undefined);
                throw new InfrastructureError(`answered with more than the limit of ${maxBytes} bytes`);
            }
            chunks.push(Buffer.from(r.value));
        }
    }
    finally {
        reader.releaseLock();
    }
    return Buffer.concat(chunks, total);
}
/** One request under the policy above. Non-retryable answers (2xx, 3xx, most 4xx) are returned as they are. */
async function httpRequest(request, policy) {
    const now = policy.now ?? Date.now;
    const sleep = policy.sleep ?? delay;
    const random = policy.random ?? Math.random;
    const doFetch = policy.fetch ?? fetch;
    const deadlineMs = policy.deadlineMs ?? 60_000;
    const attemptTimeoutMs = policy.attemptTimeoutMs ?? 20_000;
    const maxAttempts = Math.max(1, policy.maxAttempts ?? 4);
    const maxBytes = policy.maxBytes ?? 32 * 1024 * 1024;
    const retryStatuses = new Set(policy.retryStatuses ?? DEFAULT_RETRY);
    const base = policy.baseDelayMs ?? 250;
    const cap = policy.maxDelayMs ?? 8_000;
    const started = now();
    const deadline = started + deadlineMs;
    let last = 'no attempt was made';
    const fail = (attempts, extra = '') => new InfrastructureError(`${policy.service} failed after ${attempts} attempt${attempts === 1 ? '' : 's'}${extra}: ${last}`, {
        hint: `${policy.service} is unavailable; retry later — nothing was decided on a partial answer`,
    });
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        const remaining = deadline - now();
        if (remaining <= 0)
            throw fail(attempt - 1, ` within ${deadlineMs} ms`);
        let retryAfter;
        try {
            const init = {
                method: request.method ?? 'GET',
                signal: AbortSignal.timeout(Math.min(attemptTimeoutMs, remaining)),
                redirect: 'follow',
            };
            if (request.headers)
                init.headers = request.headers;
            if (request.body !== undefined)
                init.body = request.body;
            let res;
            try {
                res = await doFetch(request.url, init);
            }
            catch (e) {
                throw new Retryable(`cannot reach ${policy.service} (${reasonOf(e)})`);
            }
            if (retryStatuses.has(res.status)) {
                retryAfter = retryAfterMs(res.headers.get('retry-after'), now());
                await res.body?.cancel().catch(() => undefined);
                throw new Retryable(`HTTP ${res.status}`);
            }
            const bytes = await readBounded(res, maxBytes);
            return {
                status: res.status,
                ok: res.ok,
                url: res.url || request.url,
                headers: res.headers,
                attempts: attempt,
                bytes,
                text: async () => bytes.toString('utf8'),
                json: async () => {
                    try {
                        return JSON.parse(bytes.toString('utf8'));
                    }
                    catch {
                        throw new InfrastructureError(`${policy.service} answered HTTP ${res.status} with something that is not JSON`, {
                            hint: 'the service or a proxy in between returned an error page; retry later',
                        });
                    }
                },
            };
        }
        catch (e) {
            if (!(e instanceof Retryable)) {
                if (e instanceof InfrastructureError) {
                    last = e.message;
                    throw fail(attempt);
                }
                throw e;
            }
            last = e.message;
        }
        if (attempt === maxAttempts)
            break;
        // Full jitter (AWS architecture blog, "Exponential Backoff And Jitter"): uniform in [0, min(cap, base·2^n)].
        let wait = Math.floor(random() * Math.min(cap, base * 2 ** (attempt - 1)));
        if (retryAfter !== undefined)
            wait = Math.max(wait, Math.min(retryAfter, cap));
        if (retryAfter !== undefined && retryAfter > deadline - now()) {
            throw fail(attempt, `; it asked to retry after ${Math.ceil(retryAfter / 1000)} s, past the deadline`);
        }
        if (now() + wait >= deadline)
            throw fail(attempt, ` within ${deadlineMs} ms`);
        await sleep(wait);
    }
    throw fail(maxAttempts);
}

;// CONCATENATED MODULE: ../packages/core/dist/http-fetch.js
/**
 * A `fetch` for libraries that take one (Octokit's `request.fetch`), routed through core's one HTTP
 * client: bounded full-jitter retries on 408/429/5xx, resets, stalls and truncated bodies, Retry-After
 * honoured, one deadline per call, a byte limit. When the service still fails, the library sees the
 * InfrastructureError (exit 3) thrown by its fetch, never a partial answer.
 */

/** Statuses whose Response must not carry a body (the Response constructor refuses one). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);
function httpFetch(policy, options = {}) {
    const postPolicy = options.postRetryStatuses ? { ...policy, retryStatuses: options.postRetryStatuses } : policy;
    return async (input, init) => {
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        const req = { url, method: (init?.method ?? 'GET').toUpperCase() };
        if (init?.headers)
            req.headers = Object.fromEntries(new Headers(init.headers).entries());
        if (typeof init?.body === 'string' || init?.body instanceof Uint8Array)
            req.body = init.body;
        // PATCH and DELETE pass through as they are.
        const res = await httpRequest(req, req.method === 'POST' ? postPolicy : policy);
        return new Response(NULL_BODY.has(res.status) ? null : new Uint8Array(res.bytes), { status: res.status, headers: res.headers });
    };
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ../packages/core/dist/tar.js
/**
 * A streaming tar reader (POSIX ustar with pax extended headers, and GNU long names) for archives the
 * factory did not make: container image layers (the package databases inside) and npm package
 * tarballs (`package/package.json`). It never writes a file, holds at most one entry's bounded content,
 * and refuses what an honest archive never holds, with a `TarError` (exit 2) naming the archive:
 *   - a header whose checksum is wrong, a size that is not a number, a stream that ends mid-entry;
 *   - a path with a `..` component (path traversal) or a NUL byte;
 *   - more uncompressed bytes than the caller allows (a decompression bomb), or a wanted entry larger
 *     than its limit.
 * No tar library is in the dependency tree, and the ones on npm unpack to disk.
 */


/** A malformed or hostile archive (exit 2). */
class TarError extends ConfigurationError {
}
const BLOCK = 512;
/** Pulls exact byte counts out of a chunked stream without concatenating more than it must. */
class ChunkReader {
    maxTotal;
    what;
    chunks = [];
    buffered = 0;
    done = false;
    total = 0;
    it;
    constructor(source, maxTotal, what) {
        this.maxTotal = maxTotal;
        this.what = what;
        this.it = source[Symbol.asyncIterator]();
    }
    async fill(n) {
        while (this.buffered < n && !this.done) {
            const r = await this.it.next();
            if (r.done) {
                this.done = true;
                break;
            }
            const b = Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value);
            this.total += b.length;
            if (this.total > this.maxTotal) {
                throw new TarError(`${this.what} unpacks to more than ${this.maxTotal} bytes; refused (a decompression bomb or an oversized archive)`);
            }
            this.chunks.push(b);
            this.buffered += b.length;
        }
    }
    /** Exactly n bytes, or fewer at the end of the stream. */
    async read(n) {
        await this.fill(n);
        const take = Math.min(n, this.buffered);
        const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
        const out = all.subarray(0, take);
        const rest = all.subarray(take);
        this.chunks = rest.length > 0 ? [rest] : [];
        this.buffered = rest.length;
        return out;
    }
    /** Skips n bytes, chunk by chunk; false when the stream ended first. */
    async skip(n) {
        let left = n;
        while (left > 0) {
            if (this.buffered === 0) {
                await this.fill(1);
                if (this.buffered === 0)
                    return false;
            }
            const head = this.chunks[0];
            if (head.length <= left) {
                left -= head.length;
                this.buffered -= head.length;
                this.chunks.shift();
            }
            else {
                this.chunks[0] = head.subarray(left);
                this.buffered -= left;
                left = 0;
            }
        }
        return true;
    }
    /** Drains what is left, so a stream error (a corrupt gzip trailer) still surfaces. */
    async drain() {
        while (!this.done) {
            this.chunks = [];
            this.buffered = 0;
            await this.fill(1);
        }
    }
}
function cString(b) {
    const nul = b.indexOf(0);
    return (nul >= 0 ? b.subarray(0, nul) : b).toString('utf8');
}
/** Numeric header fields: octal text, or GNU base-256 (high bit set) for sizes over 8 GiB. */
function headerNumber(b, what) {
    if (b.length > 0 && (b[0] & 0x80) !== 0) {
        let n = 0;
        for (let i = 1; i < b.length; i++)
            n = n * 256 + b[i];
        if ((b[0] & 0x7f) !== 0 || !Number.isSafeInteger(n))
            throw new TarError(`${what}: a size field out of range`);
        return n;
    }
    const s = cString(b).trim();
    if (s === '')
        return 0;
    if (!/^[0-7]+$/.test(s))
        throw new TarError(`${what}: a header number that is not octal`);
    return parseInt(s, 8);
}
function checksumOk(h) {
    const stored = headerNumber(h.subarray(148, 156), 'checksum');
    let sum = 0;
    for (let i = 0; i < BLOCK; i++)
        sum += i >= 148 && i < 156 ? 32 : h[i];
    return sum === stored;
}
/**
 * The path as it would land in the root file system: `./a/b/` → `a/b`. A `..` component refuses
 * the layer: extracted by a careless tool it writes outside the root, so no honest image has one.
 */
function normaliseTarPath(raw, what) {
    if (raw.includes('\0'))
        throw new TarError(`${what}: a path with a NUL byte; refused`);
    const parts = raw.split('/').filter((p) => p !== '' && p !== '.');
    if (parts.includes('..')) {
        throw new TarError(`${what} holds the path "${raw.slice(0, 200)}", which climbs out of the root (..); refused as path traversal`, {
            hint: 'write the archive with a tool that stores paths relative to its root',
        });
    }
    return parts.join('/');
}
/** pax extended header records: `LEN key=value\n`. */
function paxRecords(b, what) {
    const out = {};
    let i = 0;
    while (i < b.length) {
        const space = b.indexOf(0x20, i);
        if (space < 0)
            break;
        const len = Number(b.subarray(i, space).toString('ascii'));
        if (!Number.isInteger(len) || len <= 0 || i + len > b.length)
            throw new TarError(`${what}: a malformed pax header`);
        const rec = b.subarray(space + 1, i + len - 1).toString('utf8');
        const eq = rec.indexOf('=');
        if (eq > 0)
            out[rec.slice(0, eq)] = rec.slice(eq + 1);
        i += len;
    }
    return out;
}
const TYPES = { '0': 'file', '\0': 'file', '7': 'file', '5': 'directory', '2': 'symlink', '1': 'hardlink' };
/**
 * Walks a tar stream; `visit` decides per entry whether its content is read (bounded) and handed to
 * `onContent`. Entries are seen in stream order; the caller applies its own semantics (an image layer's whiteouts).
 */
async function walkTar(stream, what, limits, visit, onContent) {
    const r = new ChunkReader(stream, limits.maxTotalBytes, what);
    const maxHeader = limits.maxHeaderBytes ?? 1024 * 1024;
    let entries = 0;
    let pax = {};
    let longName;
    let longLink;
    let zeroBlocks = 0;
    for (;;) {
        const h = await r.read(BLOCK);
        if (h.length === 0)
            break; // some writers omit the two zero blocks
        if (h.length < BLOCK)
            throw new TarError(`${what} ends in the middle of a tar header; refused (truncated archive)`);
        if (h.every((x) => x === 0)) {
            if (++zeroBlocks === 2)
                break;
            continue;
        }
        zeroBlocks = 0;
        if (!checksumOk(h))
            throw new TarError(`${what}: a tar header with a wrong checksum; refused (not a tar archive, or corrupt)`);
        const flag = String.fromCharCode(h[156]);
        let size = headerNumber(h.subarray(124, 136), what);
        const padded = Math.ceil(size / BLOCK) * BLOCK;
        if (flag === 'x' || flag === 'g' || flag === 'L' || flag === 'K') {
            if (size > maxHeader)
                throw new TarError(`${what}: an extended tar header of ${size} bytes; refused`);
            const body = await r.read(padded);
            if (body.length < padded)
                throw new TarError(`${what} ends in the middle of a tar header; refused (truncated archive)`);
            const data = body.subarray(0, size);
            if (flag === 'x')
                pax = { ...pax, ...paxRecords(data, what) };
            else if (flag === 'g')
                paxRecords(data, what); // global records: nothing this reader needs
            else if (flag === 'L')
                longName = cString(data);
            else
                longLink = cString(data);
            continue;
        }
        const magic = h.subarray(257, 263).toString('latin1');
        const prefix = magic.startsWith('ustar') ? cString(h.subarray(345, 500)) : '';
        const name = pax.path ?? longName ?? (prefix ? `${prefix}/${cString(h.subarray(0, 100))}` : cString(h.subarray(0, 100)));
        const linkname = pax.linkpath ?? longLink ?? cString(h.subarray(157, 257));
        if (pax.size !== undefined) {
            if (!/^\d+$/.test(pax.size) || !Number.isSafeInteger(Number(pax.size)))
                throw new TarError(`${what}: a pax size that is not a number`);
            size = Number(pax.size);
        }
        pax = {};
        longName = undefined;
        longLink = undefined;
        const entry = { path: normaliseTarPath(name, what), type: TYPES[flag] ?? 'other', size, linkname };
        entries++;
        // Only regular files carry content (a hard link's size field is 0 by convention; trust nothing else).
        const contentBytes = entry.type === 'file' ? size : 0;
        const dataBlocks = Math.ceil(contentBytes / BLOCK) * BLOCK;
        const decision = visit(entry);
        if (decision.read && entry.type === 'file') {
            if (size > decision.maxBytes) {
                throw new TarError(`${what}: /${entry.path} is ${size} bytes, over the limit of ${decision.maxBytes} for it; refused`, {
                    hint: 'the file is larger than this reader takes for it',
                });
            }
            const body = await r.read(dataBlocks);
            if (body.length < dataBlocks)
                throw new TarError(`${what} ends in the middle of /${entry.path}; refused (truncated archive)`);
            onContent(entry, body.subarray(0, size));
        }
        else if (!(await r.skip(dataBlocks))) {
            throw new TarError(`${what} ends in the middle of /${entry.path}; refused (truncated archive)`);
        }
    }
    await r.drain();
    return { entries, bytes: r.total };
}
/** A gzip-compressed stream, decompressed (`.tgz`, `tar+gzip` layers); a bad stream is a `TarError` naming it. */
function gunzipped(stream, what) {
    const gunzip = (0,external_node_zlib_.createGunzip)();
    stream.on('error', (err) => gunzip.destroy(err));
    stream.pipe(gunzip);
    return (async function* () {
        try {
            for await (const chunk of gunzip)
                yield chunk;
        }
        catch (err) {
            if (err instanceof TarError)
                throw err;
            throw new TarError(`${what}: not a valid gzip stream (${err.message})`, { cause: err });
        }
    })();
}

;// CONCATENATED MODULE: ../packages/core/dist/evidence.js
/**
 * The evidence folder: one in-toto statement per file (`<name>.intoto.json`), each signed into
 * `<name>.sigstore.json` beside it by the attest stage. Written atomically; loaded with errors that
 * name the file.
 */






const DEFAULT_EVIDENCE_DIR = '.secure-factory/evidence';
const STATEMENT_SUFFIX = '.intoto.json';
const BUNDLE_SUFFIX = '.sigstore.json';
const NAME = /^[a-z0-9][a-z0-9._-]{0,127}$/;
class EvidenceFolder {
    dir;
    constructor(dir) {
        this.dir = dir;
    }
    pathFor(name) {
        assertName(name);
        return external_node_path_.join(this.dir, `${name}${STATEMENT_SUFFIX}`);
    }
    bundlePathFor(name) {
        assertName(name);
        return external_node_path_.join(this.dir, `${name}${BUNDLE_SUFFIX}`);
    }
    /** Validates and writes a statement; returns its path. */
    async write(name, statement) {
        const problems = validateStatement(statement);
        if (problems.length > 0) {
            // Our own statement failing its schema is a bug, not user input: say which field.
            throw new Error(`internal error: statement "${name}" is not a valid in-toto Statement v1: ${problems.join('; ')}`);
        }
        const file = this.pathFor(name);
        await writeJsonAtomic(file, statement);
        return file;
    }
    /** Statements and bundles present, sorted by name. A missing folder is an empty list. */
    async list() {
        let names;
        try {
            names = await (0,promises_.readdir)(this.dir);
        }
        catch (e) {
            if (e.code === 'ENOENT')
                return [];
            throw new ConfigurationError(`cannot read the evidence folder: ${e.message}`, { location: { file: this.dir } });
        }
        const set = new Set(names);
        const out = [];
        for (const f of names.sort()) {
            if (!f.endsWith(STATEMENT_SUFFIX) || f.startsWith('.'))
                continue;
            const name = f.slice(0, -STATEMENT_SUFFIX.length);
            const entry = { name, statementPath: external_node_path_.join(this.dir, f) };
            if (set.has(`${name}${BUNDLE_SUFFIX}`))
                entry.bundlePath = external_node_path_.join(this.dir, `${name}${BUNDLE_SUFFIX}`);
            out.push(entry);
        }
        return out;
    }
    /** Loads every statement; a corrupt or invalid file is a ConfigurationError naming it. */
    async load() {
        const entries = await this.list();
        const out = [];
        for (const e of entries)
            out.push({ ...e, statement: await loadStatementFile(e.statementPath) });
        return out;
    }
    async loadOne(name) {
        return loadStatementFile(this.pathFor(name));
    }
}
async function loadStatementFile(file) {
    const value = await readJsonFile(file);
    const problems = validateStatement(value);
    if (problems.length > 0) {
        throw new ConfigurationError(`not a valid in-toto Statement v1: ${problems.slice(0, 3).join('; ')}`, {
            location: { file },
            hint: 'regenerate the evidence or remove the file',
        });
    }
    return value;
}
function assertName(name) {
    if (!NAME.test(name)) {
        throw new ConfigurationError(`evidence name "${name}" must be lower-case letters, digits, ".", "_" or "-" (no path separators)`);
    }
}

;// CONCATENATED MODULE: ../packages/core/dist/findings.js
/** The findings model every stage reports in: one shape, three renderers (summary, SARIF, JSON). */
const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];
const RANK = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };
function severityRank(s) {
    return RANK[s];
}
function atLeast(s, threshold) {
    if (threshold === 'none')
        return false;
    return RANK[s] >= RANK[threshold];
}
function isSeverity(s) {
    return SEVERITIES.includes(s);
}
/** Sorts most severe first, then by file and position, so reports are stable. */
function compareFindings(a, b) {
    return (RANK[b.severity] - RANK[a.severity] ||
        (a.file ?? '').localeCompare(b.file ?? '') ||
        (a.line ?? 0) - (b.line ?? 0) ||
        (a.column ?? 0) - (b.column ?? 0) ||
        a.rule.localeCompare(b.rule));
}
function countBySeverity(findings) {
    const out = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
    for (const f of findings)
        out[f.severity]++;
    return out;
}
function blockingFindings(findings) {
    return findings.filter((f) => f.blocking === true);
}

;// CONCATENATED MODULE: ../packages/core/dist/markdown.js
// eslint-disable-next-line no-control-regex
const markdown_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
/** Removes control, zero-width, line-separator and bidi characters (terminal and Trojan Source tricks). */
function stripControl(s) {
    return s.replace(markdown_CONTROL, '');
}
/** Escapes untrusted text for a markdown table cell or paragraph. */
function md(s) {
    return stripControl(s)
        .replace(/\r\n|\r|\n/g, ' ')
        .replace(/[\\`*_{}[\]()#+!|<>~]/g, (c) => `\\${c}`)
        .replace(/&/g, '&amp;');
}
/** Inline code for untrusted text: backticks cannot be escaped inside code spans, so they are replaced. */
function code(s) {
    const clean = stripControl(s)
        .replace(/\r\n|\r|\n/g, ' ')
        .replace(/`/g, "'")
        .replace(/\|/g, '\\|');
    return `\`${clean}\``;
}
function table(header, rows) {
    const line = (cells) => `| ${cells.join(' | ')} |`;
    return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
const STAGES = ['source', 'materials', 'build', 'attest', 'gate'];
const ICON = { passed: '✅', failed: '❌', skipped: '⚪', warning: '⚠️' };
function stateIcon(s) {
    return ICON[s];
}
/** `source ✅ → materials ❌ → build ✅ → attest ✅ → gate ❌` */
function stageDiagram(states, stages = STAGES) {
    return stages.map((s) => `${s} ${ICON[states[s] ?? 'skipped']}`).join(' → ');
}
/** A mermaid flowchart of the same chain, which GitHub renders in job summaries. */
function stageMermaid(states, stages = STAGES) {
    const lines = ['```mermaid', 'flowchart LR'];
    stages.forEach((s, i) => {
        lines.push(`  ${s}["${s} ${ICON[states[s] ?? 'skipped']}"]`);
        if (i > 0)
            lines.push(`  ${stages[i - 1]} --> ${s}`);
    });
    const colour = { passed: '#2da44e', failed: '#cf222e', skipped: '#8c959f', warning: '#bf8700' };
    for (const s of stages)
        lines.push(`  style ${s} stroke:${colour[states[s] ?? 'skipped']},stroke-width:2px`);
    lines.push('```');
    return lines.join('\n');
}
const SEVERITY_ICON = { critical: '🟥', high: '🟧', medium: '🟨', low: '🟦', info: '⬜' };
function severityBadge(s) {
    return `${SEVERITY_ICON[s]} ${s}`;
}
/** A findings table for a job summary: blocking ones first, each with what to do. */
function findingsTable(findings, limit = 50) {
    if (findings.length === 0)
        return '_No findings._';
    const rows = findings
        .slice(0, limit)
        .map((f) => [
        severityBadge(f.severity),
        code(f.rule),
        md(f.message),
        f.file ? code(`${f.file}${f.line ? `:${f.line}` : ''}`) : '',
        f.waived ? `waived by ${md(f.waived.approver)} until ${md(f.waived.expires)}` : f.blocking ? '**blocks**' : 'reported',
        f.help ? md(f.help) : '',
    ]);
    let out = table(['severity', 'rule', 'finding', 'where', 'status', 'what to do'], rows);
    if (findings.length > limit)
        out += `\n\n_…and ${findings.length - limit} more (see the SARIF or JSON report)._`;
    return out;
}

;// CONCATENATED MODULE: ../packages/core/dist/sarif.js


const LEVEL = {
    critical: 'error',
    high: 'error',
    medium: 'warning',
    low: 'note',
    info: 'note',
};
// GitHub code scanning reads `security-severity` (a CVSS-like score) to rank security alerts.
const SECURITY_SEVERITY = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' };
/** Relative, forward-slash URIs for artifact locations (code scanning matches them against the repo). */
function toUri(file) {
    return file
        .replace(/\\/g, '/')
        .replace(/^\.\//, '')
        .split('/')
        .map((seg) => encodeURIComponent(seg))
        .join('/');
}
function toSarif(tool, findings) {
    const ruleIndex = new Map();
    const rules = [...tool.rules];
    // A set, not rules.some() per finding: with a rule per advisory that would be quadratic.
    const known = new Set(rules.map((r) => r.id));
    for (const f of findings) {
        if (!known.has(f.rule)) {
            known.add(f.rule);
            rules.push({ id: f.rule, name: f.rule, shortDescription: f.rule, help: f.help ?? f.message, defaultSeverity: f.severity });
        }
    }
    rules.forEach((r, i) => ruleIndex.set(r.id, i));
    const results = findings.map((f) => {
        const result = {
            ruleId: f.rule,
            ruleIndex: ruleIndex.get(f.rule),
            level: LEVEL[f.severity],
            // Text from advisories and files: control characters shown as text (code scanning shows it verbatim).
            message: { text: visibleControls(f.help ? `${f.message}\n${f.help}` : f.message) },
            properties: { severity: f.severity, blocking: f.blocking === true, ...(f.properties ?? {}) },
        };
        if (f.waived) {
            result.suppressions = [
                {
                    kind: 'external',
                    status: 'accepted',
                    justification: visibleControls(`${f.waived.reason} (approved by ${f.waived.approver}, expires ${f.waived.expires})`),
                },
            ];
        }
        if (f.file) {
            const region = {};
            if (f.line && f.line > 0) {
                region.startLine = f.line;
                if (f.column && f.column > 0)
                    region.startColumn = f.column;
                if (f.endLine && f.endLine >= f.line)
                    region.endLine = f.endLine;
                if (f.endColumn && f.endColumn > 0)
                    region.endColumn = f.endColumn;
            }
            result.locations = [
                {
                    physicalLocation: {
                        artifactLocation: { uri: toUri(f.file) },
                        ...(Object.keys(region).length > 0 ? { region } : {}),
                    },
                },
            ];
        }
        return result;
    });
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: tool.name,
                        version: tool.version,
                        semanticVersion: tool.version,
                        informationUri: tool.informationUri,
                        rules: rules.map((r) => ({
                            id: r.id,
                            name: r.name,
                            shortDescription: { text: visibleControls(r.shortDescription) },
                            fullDescription: { text: visibleControls(r.shortDescription) },
                            // The markdown form is rendered by code scanning: untrusted help must not inject links or HTML.
                            help: { text: visibleControls(r.help), markdown: md(r.help) },
                            ...(r.helpUri ? { helpUri: r.helpUri } : {}),
                            defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
                            properties: {
                                'security-severity': SECURITY_SEVERITY[r.defaultSeverity],
                                tags: ['security', 'supply-chain'],
                                ...(r.equivalent ? { equivalent: r.equivalent } : {}),
                            },
                        })),
                    },
                },
                results,
                columnKind: 'unicodeCodePoints',
            },
        ],
    };
}

// EXTERNAL MODULE: external "node:vm"
var external_node_vm_ = __webpack_require__(30714);
// EXTERNAL MODULE: ../node_modules/@marcbachmann/cel-js/lib/index.js + 13 modules
var lib = __webpack_require__(19963);
;// CONCATENATED MODULE: ../packages/core/dist/cel.js
/**
 * CEL (Common Expression Language) for policy rules the declarative keys cannot say. We use
 * @marcbachmann/cel-js: maintained, zero dependencies, ESM, and it bounds expression size and depth
 * at parse time, which matters for expressions that come from a repository's policy file.
 */



const env = new lib/* Environment */.OH({
    unlistedVariablesAreDyn: true,
    homogeneousAggregateLiterals: false,
    limits: { maxAstNodes: 5000, maxDepth: 64, maxListElements: 1000, maxMapEntries: 1000, maxCallArguments: 32 },
});
const cache = new Map();
/** Parses once; a syntax error throws with the parser's message. */
function compileCel(expression) {
    let p = cache.get(expression);
    if (!p) {
        const parsed = env.parse(expression);
        p = (ctx) => parsed(ctx);
        cache.set(expression, p);
    }
    return p;
}
/** Wall-clock budget for one rule evaluation. Parse-time limits bound size and depth, not running time. */
const CEL_EVALUATION_BUDGET_MS = 1000;
/** Wall-clock budget shared by all the rules of one decision (one artefact's gate, one scan). */
const CEL_TOTAL_BUDGET_MS = 5000;
/** A rule that ran past its evaluation budget (nested comprehensions over large lists, say). */
class CelBudgetExceeded extends ConfigurationError {
    rule;
    budgetMs;
    scope;
    constructor(rule, budgetMs, 
    /** 'rule': this rule ran out of its own budget; 'total': the rules before it used up the shared one. */
    scope = 'rule') {
        super(scope === 'rule'
            ? `CEL rule "${rule}" ran out of its evaluation budget (${budgetMs} ms) and counts as not satisfied`
            : `CEL rule "${rule}" was not evaluated: the policy's rules used up their shared evaluation budget (${budgetMs} ms); it counts as not satisfied`, { hint: `simplify rule "${rule}" and the rules before it: avoid nesting comprehensions (all/exists/map/filter) over large lists` });
        this.rule = rule;
        this.budgetMs = budgetMs;
        this.scope = scope;
    }
}
// `vm` timeouts are enforced by a watchdog that terminates whatever JavaScript runs inside the call,
// including the library's evaluator reached through the closure: a synchronous, in-process time bound.
const RUN = new external_node_vm_.Script('run()', { filename: 'secure-factory-cel-budget' });
function withBudget(fn, budgetMs, rule) {
    const sandbox = (0,external_node_vm_.createContext)({ run: fn });
    try {
        return RUN.runInContext(sandbox, { timeout: budgetMs, breakOnSigint: false });
    }
    catch (e) {
        if (e.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
            throw new CelBudgetExceeded(rule, budgetMs);
        throw e;
    }
}
/**
 * Evaluates to a boolean within a time budget; anything else (an evaluation error, a non-boolean, a rule
 * out of budget) is a ConfigurationError naming the rule.
 */
function evaluateCelBoolean(expression, context, name = 'rule', options = {}) {
    return evaluateConverted(expression, () => toCel(context), name, options.budgetMs ?? CEL_EVALUATION_BUDGET_MS);
}
/**
 * The rules of one decision over one context: the context is converted to CEL values once (not once per
 * rule: an SBOM of 100,000 packages), each rule gets at most its own budget, and all of them together at
 * most `totalMs` — a policy of many slow rules cannot hold a gate for rules × budget. A rule reached after
 * the total ran out is refused without running (CelBudgetExceeded, scope 'total').
 */
class CelRuleRunner {
    context;
    totalMs;
    ruleMs;
    input;
    deadline;
    constructor(context, totalMs = CEL_TOTAL_BUDGET_MS, ruleMs = CEL_EVALUATION_BUDGET_MS) {
        this.context = context;
        this.totalMs = totalMs;
        this.ruleMs = ruleMs;
        this.deadline = Date.now() + totalMs;
    }
    evaluate(expression, name) {
        const left = this.deadline - Date.now();
        if (left <= 0)
            throw new CelBudgetExceeded(name, this.totalMs, 'total');
        const budget = Math.min(this.ruleMs, left);
        try {
            return evaluateConverted(expression, () => (this.input ??= toCel(this.context)), name, budget);
        }
        catch (e) {
            // Cut short by the shared budget rather than its own: say so.
            if (e instanceof CelBudgetExceeded && budget < this.ruleMs)
                throw new CelBudgetExceeded(name, this.totalMs, 'total');
            throw e;
        }
    }
}
function evaluateConverted(expression, input, name, budgetMs) {
    let result;
    try {
        const program = compileCel(expression);
        const converted = input();
        result = withBudget(() => program(converted), budgetMs, name);
    }
    catch (e) {
        if (e instanceof CelBudgetExceeded)
            throw e;
        const first = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
        throw new ConfigurationError(`CEL rule "${name}" failed to evaluate: ${first}`);
    }
    if (typeof result !== 'boolean') {
        throw new ConfigurationError(`CEL rule "${name}" must evaluate to true or false, got ${typeof result}`);
    }
    return result;
}
/** JSON → CEL values: whole numbers become ints (BigInt), so `x.count > 0` type-checks as CEL expects. */
function toCel(value) {
    if (typeof value === 'number')
        return Number.isInteger(value) ? BigInt(value) : value;
    if (Array.isArray(value))
        return value.map(toCel);
    if (value && typeof value === 'object') {
        const out = {};
        // defineProperty: a key named "__proto__" in evidence JSON stays a key and never swaps the prototype.
        for (const [k, v] of Object.entries(value))
            Object.defineProperty(out, k, { value: toCel(v), enumerable: true, writable: true, configurable: true });
        return out;
    }
    return value;
}

;// CONCATENATED MODULE: ../packages/core/dist/policy/schema.js
/**
 * The JSON Schema of `.github/secure-factory.yml` (apiVersion secure-factory/v1). Every object is
 * closed (`additionalProperties: false`) so a typo in a key is an error that names the allowed keys,
 * not a silently ignored setting — in a security tool an ignored key is a policy bypass.
 */
const schema_severity = { enum: ['critical', 'high', 'medium', 'low', 'none'] };
const duration = { type: 'string', pattern: '^[0-9]+(m|h|d)$' };
const stringList = { type: 'array', items: { type: 'string', minLength: 1 } };
/** CEL rules per list: each may run up to a second, and they share five (core CEL_TOTAL_BUDGET_MS). */
const MAX_RULES = 100;
const celRule = {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'expression'],
    properties: {
        name: { type: 'string', minLength: 1 },
        expression: { type: 'string', minLength: 1 },
        message: { type: 'string' },
    },
};
const signer = {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
        name: { type: 'string' },
        ssh: { type: 'string', minLength: 1, description: 'an SSH public key line (ssh-ed25519 AAAA... comment)' },
        gpg: { type: 'string', pattern: '^[0-9A-Fa-f]{16,40}$', description: 'a GPG key fingerprint or long key id' },
        'gpg-key': { type: 'string', description: 'an ASCII-armoured GPG public key' },
        email: { type: 'string', minLength: 3 },
        x509: {
            type: 'object',
            additionalProperties: false,
            properties: { identity: { type: 'string' }, issuer: { type: 'string' }, 'ca-file': { type: 'string' } },
        },
    },
};
const deployEnvironment = {
    type: 'object',
    additionalProperties: false,
    properties: {
        require: { type: 'array', items: { enum: ['provenance', 'source', 'sbom', 'vulnerabilities', 'tests'] } },
        builder: { type: 'string', minLength: 1, description: 'the builder identity (reusable workflow ref) the provenance must come from' },
        'source-level': { type: 'integer', minimum: 0, maximum: 4 },
        'block-severity': schema_severity,
        'max-scan-age': duration,
        'max-database-age': duration,
        refs: stringList,
        environments: stringList,
        registries: stringList,
        'same-run': { type: 'boolean' },
        rules: { type: 'array', items: celRule, maxItems: MAX_RULES },
    },
};
const policySchema = {
    $id: 'https://secure-factory.dev/schemas/policy-v1.json',
    type: 'object',
    additionalProperties: false,
    required: ['apiVersion'],
    properties: {
        apiVersion: { const: 'secure-factory/v1' },
        source: {
            type: 'object',
            additionalProperties: false,
            properties: {
                'signed-commits': { enum: ['all', 'head', 'none'] },
                range: {
                    oneOf: [{ enum: ['base-branch', 'last-tag', 'head'] }, { type: 'integer', minimum: 1, maximum: 100000 }],
                },
                since: {
                    type: 'string',
                    // A ref name or SHA: never an option (leading -) or a revision expression.
                    pattern: '^[^-\\s~^:?*\\[\\\\][^\\s~^:?*\\[\\\\]*$',
                    description: 'a tag or commit: the signed-history check covers since..HEAD (e.g. the first release that was signed)',
                },
                signers: { type: 'array', items: signer },
                reviews: {
                    type: 'object',
                    additionalProperties: false,
                    properties: { approvals: { type: 'integer', minimum: 0, maximum: 100 }, codeowners: { type: 'boolean' } },
                },
                'branch-protection': { type: 'boolean' },
                workflows: {
                    type: 'object',
                    additionalProperties: false,
                    properties: {
                        audit: { type: 'boolean' },
                        'block-severity': schema_severity,
                        ignore: stringList,
                    },
                },
            },
        },
        materials: {
            type: 'object',
            additionalProperties: false,
            properties: {
                'block-severity': schema_severity,
                licenses: {
                    type: 'object',
                    additionalProperties: false,
                    properties: {
                        allow: stringList,
                        deny: stringList,
                        unknown: { enum: ['allow', 'warn', 'block'] },
                    },
                },
                registries: stringList,
                integrity: { enum: ['required', 'optional'] },
                'non-registry': {
                    type: 'object',
                    additionalProperties: false,
                    properties: { git: { type: 'boolean' }, http: { type: 'boolean' }, file: { type: 'boolean' } },
                },
                images: {
                    type: 'object',
                    additionalProperties: false,
                    properties: {
                        registries: stringList,
                        pinned: { enum: ['digest', 'tag', 'any'] },
                        // Who may sign the base images of each registry: a Sigstore identity (certificate SAN, and
                        // optionally its OIDC issuer) or a public key (PEM text, or a path relative to the policy file).
                        trust: {
                            type: 'array',
                            items: {
                                type: 'object',
                                additionalProperties: false,
                                required: ['registry'],
                                oneOf: [{ required: ['identity'] }, { required: ['key'] }],
                                properties: {
                                    registry: { type: 'string', minLength: 1 },
                                    identity: { type: 'string', minLength: 1 },
                                    issuer: { type: 'string', minLength: 1 },
                                    key: { type: 'string', minLength: 1 },
                                },
                            },
                        },
                        validated: { enum: ['required', 'warn'] },
                    },
                },
                actions: {
                    type: 'object',
                    additionalProperties: false,
                    properties: { pinned: { enum: ['sha', 'tag', 'any'] }, allow: stringList },
                },
                database: {
                    type: 'object',
                    additionalProperties: false,
                    properties: { path: { type: 'string' }, 'max-age': duration },
                },
                'include-dev': { type: 'boolean' },
                rules: { type: 'array', items: celRule, maxItems: MAX_RULES },
                ignore: stringList,
                unpinned: { enum: ['block', 'warn', 'allow'] },
            },
        },
        build: {
            type: 'object',
            additionalProperties: false,
            properties: {
                // `network: fetch-only`, or `network: { mode: fetch-only, allow: [registry.corp.example] }`.
                network: {
                    oneOf: [
                        { enum: ['none', 'fetch-only'] },
                        {
                            type: 'object',
                            additionalProperties: false,
                            properties: { mode: { enum: ['none', 'fetch-only'] }, allow: stringList },
                        },
                    ],
                },
                reproducible: { type: 'boolean' },
                timeout: duration,
                env: stringList,
            },
        },
        attest: {
            type: 'object',
            additionalProperties: false,
            properties: {
                signer: { enum: ['keyless', 'key', 'ephemeral'] },
                'public-transparency-log': { enum: ['auto', 'always', 'never'] },
                'max-subjects': { type: 'integer', minimum: 1, maximum: 1024 },
            },
        },
        deploy: {
            type: 'object',
            propertyNames: { pattern: '^[A-Za-z0-9_.-]{1,64}$' },
            additionalProperties: deployEnvironment,
        },
        'exception-max-days': { type: 'integer', minimum: 1, maximum: 366 },
        exceptions: {
            type: 'array',
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['reason', 'approver', 'expires'],
                properties: {
                    advisory: { type: 'string', minLength: 1 },
                    rule: { type: 'string', minLength: 1 },
                    package: { type: 'string', minLength: 1 },
                    digest: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' },
                    environment: { type: 'string' },
                    reason: { type: 'string', minLength: 1 },
                    approver: { type: 'string', minLength: 1 },
                    expires: { type: 'string', format: 'date' },
                },
                anyOf: [{ required: ['advisory'] }, { required: ['rule'] }, { required: ['package'] }],
            },
        },
    },
};

// EXTERNAL MODULE: ../node_modules/yaml/dist/index.js
var yaml_dist = __webpack_require__(6637);
;// CONCATENATED MODULE: ../packages/core/dist/policy/duration.js

const UNIT = { m: 60_000, h: 3_600_000, d: 86_400_000 };
/** Ten years. */
const MAX_DURATION_MS = 3650 * 86_400_000;
/** `30m`, `24h`, `7d` → milliseconds. */
function parseDuration(s, where = 'duration') {
    const m = /^([0-9]+)(m|h|d)$/.exec(s.trim());
    if (!m)
        throw new ConfigurationError(`${where}: "${s}" is not a duration; write a number and a unit: 30m, 24h, 7d`);
    const ms = Number(m[1]) * UNIT[m[2]];
    // A duration so long it switches a freshness check off is a mistake (or an attack), not a policy.
    if (!Number.isSafeInteger(ms) || ms > MAX_DURATION_MS) {
        throw new ConfigurationError(`${where}: "${s}" is longer than ${MAX_DURATION_MS / UNIT.d}d, the longest duration a policy may give`);
    }
    return ms;
}
function formatDuration(ms) {
    if (ms % UNIT.d === 0)
        return `${ms / UNIT.d}d`;
    if (ms % UNIT.h === 0)
        return `${ms / UNIT.h}h`;
    return `${Math.round(ms / UNIT.m)}m`;
}
/** A rough human age: `3 h`, `2 d`, `45 min`. */
function humanAge(ms) {
    if (ms < UNIT.h)
        return `${Math.max(0, Math.round(ms / UNIT.m))} min`;
    if (ms < 2 * UNIT.d)
        return `${Math.round(ms / UNIT.h)} h`;
    return `${Math.round(ms / UNIT.d)} d`;
}

;// CONCATENATED MODULE: ../packages/core/dist/policy/load.js
/**
 * Loading `.github/secure-factory.yml`: YAML with positions, the JSON Schema, CEL compiled up front,
 * and every error naming file:line:column with the allowed values.
 */










const DEFAULT_POLICY_PATH = '.github/secure-factory.yml';
/** `Policy.source.file` of the built-in defaults (no policy file). */
const DEFAULT_POLICY_SOURCE = '(defaults)';
const MAX_POLICY_BYTES = 1024 * 1024;
let validator;
function validate() {
    // verbose: errors carry their parent schema, so an unknown key can list the allowed ones.
    validator ??= newAjv({ verbose: true, strict: false }).compile(policySchema);
    return validator;
}
/**
 * An action input or flag naming the policy file: the default path (what every action.yml defaults to)
 * means "the project's own policy if it has one" — it may be absent; any other path must exist.
 */
function policyFileInput(input) {
    return input === undefined || input === '' || input === DEFAULT_POLICY_PATH ? undefined : input;
}
/**
 * Loads a policy file. Without a file, the project's `.github/secure-factory.yml` under `dir` (default:
 * the working directory) is read when it exists, and the built-in safe defaults apply when it does not.
 * A named file must exist.
 */
async function loadPolicy(file, options = {}) {
    const path = file ?? (options.dir !== undefined ? (0,external_node_path_.join)(options.dir, DEFAULT_POLICY_PATH) : DEFAULT_POLICY_PATH);
    let bytes;
    try {
        // Regular files only, size checked on the open handle. The default file comes with the repository,
        // so a link there must stay inside it; a file the operator named may be a link to anywhere.
        bytes = await readRegularFile(path, {
            maxBytes: MAX_POLICY_BYTES,
            what: 'policy file',
            within: file === undefined ? (options.dir ?? '.') : '/',
        });
    }
    catch (e) {
        if (e instanceof UnsafeFileError && e.reason === 'missing' && file === undefined)
            return defaultPolicy();
        if (e instanceof UnsafeFileError && e.reason === 'missing') {
            throw new ConfigurationError('cannot read the policy file: it does not exist', {
                location: { file: path },
                hint: 'check the path, or omit it to use the default policy',
            });
        }
        throw e;
    }
    return parsePolicy(decodeUtf8(bytes, path, 'policy file'), path, options);
}
function parsePolicy(text, file, options = {}) {
    const lineCounter = new yaml_dist/* LineCounter */.HN();
    // maxAliasCount bounds alias expansion (billion-laughs); uniqueKeys rejects duplicated keys.
    const doc = (0,yaml_dist/* parseDocument */.Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
    // An unresolved tag (`!evil`, `!!js/function`) is only a warning to the YAML library; in a policy it
    // is an error, never silently read as a plain value.
    const firstError = doc.errors[0] ?? doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
    if (firstError) {
        const pos = firstError.linePos?.[0];
        throw new ConfigurationError(`not valid YAML: ${firstError.message.split('\n')[0] ?? firstError.code}`, {
            location: { file, line: pos?.line, column: pos?.col },
        });
    }
    let value;
    try {
        value = doc.toJS({ maxAliasCount: 100 });
    }
    catch (e) {
        throw new ConfigurationError(`the YAML cannot be read: ${e.message}`, { location: { file } });
    }
    if (value === null || value === undefined) {
        throw new ConfigurationError('the policy file is empty', {
            location: { file, line: 1, column: 1 },
            hint: 'start it with `apiVersion: secure-factory/v1`',
        });
    }
    const v = validate();
    if (!v(value)) {
        const err = significantErrors(v.errors ?? []).sort(errorOrder)[0];
        throw policyError(err, doc, lineCounter, file);
    }
    const raw = value;
    const sha256 = (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
    let policy;
    try {
        policy = resolve(raw, { file, sha256 });
    }
    catch (e) {
        // A value the schema's pattern let through but resolving refused (a ten-thousand-year duration): name the file.
        if (e instanceof ConfigurationError && !e.location) {
            throw new ConfigurationError(e.message, { location: { file }, cause: e, ...(e.hint ? { hint: e.hint } : {}) });
        }
        throw e;
    }
    checkSemantics(policy, doc, lineCounter, file, options.now ?? new Date());
    return policy;
}
// Report the most useful error first: unknown keys and bad enums before generic type errors.
function errorOrder(a, b) {
    const rank = (e) => e.keyword === 'additionalProperties' ? 0 : e.keyword === 'enum' || e.keyword === 'const' ? 1 : 2;
    return rank(a) - rank(b) || b.instancePath.length - a.instancePath.length;
}
function locate(doc, lc, path, keyOf) {
    let node = doc.getIn(path, true);
    if (keyOf !== undefined && (0,yaml_dist/* isMap */.jh)(node)) {
        const pair = node.items.find((p) => (0,yaml_dist/* isScalar */.jn)(p.key) && p.key.value === keyOf);
        if (pair && (0,yaml_dist/* isScalar */.jn)(pair.key))
            node = pair.key;
    }
    // Walk up until a node with a position is found.
    let p = path;
    while (!node?.range && p.length > 0) {
        p = p.slice(0, -1);
        node = doc.getIn(p, true);
    }
    const offset = node?.range?.[0];
    if (offset === undefined)
        return { line: 1, column: 1 };
    const pos = lc.linePos(offset);
    return { line: pos.line, column: pos.col };
}
function policyError(err, doc, lc, file) {
    const path = pointerToPath(err.instancePath);
    const dotted = path.length > 0 ? path.join('.') : '(top level)';
    let message;
    let hint;
    let loc;
    switch (err.keyword) {
        case 'additionalProperties': {
            const key = err.params.additionalProperty;
            const allowed = Object.keys(err.parentSchema.properties ?? {});
            const guess = closest(key, allowed);
            message = `unknown key "${key}" in ${dotted}`;
            hint = `${guess ? `did you mean "${guess}"? ` : ''}allowed keys: ${allowed.join(', ')}`;
            loc = locate(doc, lc, path, key);
            break;
        }
        case 'enum': {
            const allowed = err.params.allowedValues;
            message = `${dotted} is ${JSON.stringify(doc.getIn(path))}, which is not allowed`;
            hint = `allowed values: ${allowed.map((a) => String(a)).join(', ')}`;
            loc = locate(doc, lc, path);
            break;
        }
        case 'const': {
            const allowed = err.params.allowedValue;
            message = `${dotted} must be ${JSON.stringify(allowed)}`;
            if (path[0] === 'apiVersion')
                hint = 'this version of secure-factory reads apiVersion secure-factory/v1';
            loc = locate(doc, lc, path);
            break;
        }
        case 'required': {
            const missing = err.params.missingProperty;
            message = `${dotted} is missing the required key "${missing}"`;
            if (missing === 'apiVersion')
                hint = 'add `apiVersion: secure-factory/v1` at the top';
            loc = locate(doc, lc, path);
            break;
        }
        case 'pattern': {
            message = `${dotted} is ${JSON.stringify(doc.getIn(path))}, which does not have the expected form`;
            hint = /m\|h\|d/.test(String(err.params.pattern))
                ? 'write a duration such as 30m, 24h or 7d'
                : `expected to match ${err.params.pattern}`;
            loc = locate(doc, lc, path);
            break;
        }
        default:
            message = `${dotted} ${err.message ?? 'is not valid'}`;
            loc = locate(doc, lc, path);
    }
    return new ConfigurationError(message, { location: { file, ...loc }, ...(hint ? { hint } : {}) });
}
/** The allowed word nearest to a typo (Levenshtein distance at most 3). */
function closest(word, candidates) {
    let best;
    let bestD = 4;
    for (const c of candidates) {
        const d = levenshtein(word.toLowerCase(), c.toLowerCase());
        if (d < bestD) {
            bestD = d;
            best = c;
        }
    }
    return best;
}
function levenshtein(a, b) {
    const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let diag = prev[0];
        prev[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const tmp = prev[j];
            prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
            diag = tmp;
        }
    }
    return prev[b.length];
}
const DAY = 86_400_000;
function defaultDeploy() {
    return {
        require: ['provenance', 'source', 'sbom', 'vulnerabilities'],
        sourceLevel: 1,
        blockSeverity: 'critical',
        maxScanAgeMs: DAY,
        maxDatabaseAgeMs: 2 * DAY,
        refs: [],
        environments: [],
        registries: [],
        sameRun: true,
        rules: [],
    };
}
/**
 * The deploy policy of an environment named by the operator or the OIDC token: own keys only, so
 * `constructor`, `__proto__`, `toString` and friends are "no such environment", never an inherited member.
 */
function deployPolicyFor(policy, environment) {
    return Object.hasOwn(policy.deploy, environment) ? policy.deploy[environment] : undefined;
}
function resolve(raw, source) {
    const s = raw.source ?? {};
    const m = raw.materials ?? {};
    const b = raw.build ?? {};
    const a = raw.attest ?? {};
    // A null-prototype record: `--environment constructor`, `__proto__` or `toString` finds nothing
    // instead of Object.prototype's members (look environments up with deployPolicyFor).
    const deploy = Object.create(null);
    for (const [env, d] of Object.entries(raw.deploy ?? {})) {
        const def = defaultDeploy();
        deploy[env] = {
            require: d.require ?? def.require,
            ...(d.builder !== undefined ? { builder: d.builder } : {}),
            sourceLevel: d['source-level'] ?? def.sourceLevel,
            blockSeverity: d['block-severity'] ?? m['block-severity'] ?? def.blockSeverity,
            maxScanAgeMs: d['max-scan-age'] ? parseDuration(d['max-scan-age']) : def.maxScanAgeMs,
            maxDatabaseAgeMs: d['max-database-age'] ? parseDuration(d['max-database-age']) : def.maxDatabaseAgeMs,
            refs: d.refs ?? [],
            environments: d.environments ?? [],
            registries: d.registries ?? m.images?.registries ?? [],
            sameRun: d['same-run'] ?? true,
            rules: d.rules ?? [],
        };
    }
    return {
        apiVersion: 'secure-factory/v1',
        source,
        sourceCheck: {
            signedCommits: s['signed-commits'] ?? 'all',
            range: s.range ?? 'base-branch',
            ...(s.since !== undefined ? { since: s.since } : {}),
            signers: s.signers ?? [],
            reviews: { approvals: s.reviews?.approvals ?? 1, codeowners: s.reviews?.codeowners ?? false },
            branchProtection: s['branch-protection'] ?? true,
            workflows: {
                audit: s.workflows?.audit ?? true,
                blockSeverity: s.workflows?.['block-severity'] ?? 'high',
                ignore: s.workflows?.ignore ?? [],
            },
        },
        materials: {
            blockSeverity: m['block-severity'] ?? 'critical',
            licenses: { allow: m.licenses?.allow ?? [], deny: m.licenses?.deny ?? [], unknown: m.licenses?.unknown ?? 'warn' },
            registries: m.registries ?? [],
            integrity: m.integrity ?? 'required',
            nonRegistry: { git: m['non-registry']?.git ?? false, http: m['non-registry']?.http ?? false, file: m['non-registry']?.file ?? true },
            images: {
                registries: m.images?.registries ?? [],
                pinned: m.images?.pinned ?? 'digest',
                trust: m.images?.trust ?? [],
                validated: m.images?.validated ?? 'warn',
            },
            actions: { pinned: m.actions?.pinned ?? 'sha', allow: m.actions?.allow ?? [] },
            database: {
                ...(m.database?.path ? { path: m.database.path } : {}),
                maxAgeMs: m.database?.['max-age'] ? parseDuration(m.database['max-age']) : 2 * DAY,
            },
            includeDev: m['include-dev'] ?? false,
            rules: m.rules ?? [],
            ignore: m.ignore ?? [],
            unpinned: m.unpinned ?? 'block',
        },
        build: {
            network: typeof b.network === 'object' ? (b.network.mode ?? 'fetch-only') : (b.network ?? 'none'),
            networkAllow: typeof b.network === 'object' ? (b.network.allow ?? []) : [],
            reproducible: b.reproducible ?? false,
            timeoutMs: b.timeout ? parseDuration(b.timeout) : 60 * 60_000,
            env: b.env ?? [],
        },
        attest: {
            signer: a.signer ?? 'keyless',
            publicTransparencyLog: a['public-transparency-log'] ?? 'auto',
            maxSubjects: a['max-subjects'] ?? 1024,
        },
        deploy,
        exceptionMaxDays: raw['exception-max-days'] ?? 90,
        exceptions: raw.exceptions ?? [],
    };
}
/** The built-in policy used when a repository has no policy file: the safe choices. */
function defaultPolicy() {
    return resolve({ apiVersion: 'secure-factory/v1' }, { file: DEFAULT_POLICY_SOURCE, sha256: (0,external_node_crypto_.createHash)('sha256').update('secure-factory/v1 defaults').digest('hex') });
}
function checkSemantics(policy, doc, lc, file, now) {
    // CEL expressions are compiled at load time so a typo is reported here, not at deploy time.
    const celLists = [[['materials', 'rules'], policy.materials.rules]];
    for (const [env, d] of Object.entries(policy.deploy))
        celLists.push([['deploy', env, 'rules'], d.rules]);
    for (const [path, rules] of celLists) {
        rules.forEach((r, i) => {
            try {
                compileCel(r.expression);
            }
            catch (e) {
                throw new ConfigurationError(`CEL rule "${r.name}" does not compile: ${e.message.split('\n')[0]}`, {
                    location: { file, ...locate(doc, lc, [...path, i, 'expression']) },
                });
            }
        });
    }
    // materials.ignore globs are compiled here too: a negation, an extglob or a brace bomb names its line.
    policy.materials.ignore.forEach((glob, i) => {
        try {
            outputGlob(glob);
        }
        catch (e) {
            throw new ConfigurationError(`materials.ignore[${i}]: ${e.message}`, {
                location: { file, ...locate(doc, lc, ['materials', 'ignore', i]) },
                ...(e.hint ? { hint: e.hint } : {}),
            });
        }
    });
    const maxMs = policy.exceptionMaxDays * DAY;
    policy.exceptions.forEach((x, i) => {
        const expires = Date.parse(`${x.expires}T23:59:59Z`);
        if (Number.isNaN(expires)) {
            throw new ConfigurationError(`exceptions[${i}].expires "${x.expires}" is not a date`, {
                location: { file, ...locate(doc, lc, ['exceptions', i, 'expires']) },
                hint: 'write YYYY-MM-DD',
            });
        }
        if (expires - now.getTime() > maxMs) {
            throw new ConfigurationError(`exceptions[${i}] expires ${x.expires}, more than ${policy.exceptionMaxDays} days from now`, {
                location: { file, ...locate(doc, lc, ['exceptions', i, 'expires']) },
                hint: 'waivers are temporary: pick an earlier date or raise exception-max-days',
            });
        }
    });
}
/** Whether a waiver has expired at `now` (it holds through the end of its expiry day, UTC). */
function isExpired(expires, now = new Date()) {
    return Date.parse(`${expires}T23:59:59.999Z`) < now.getTime();
}

;// CONCATENATED MODULE: ../packages/core/dist/remediations.js
/**
 * The closed loop's shared state. The gate writes deployment records (packages/verify, docs/gate.md);
 * the rescan loop reads them, rescans each deployed digest's SBOM and keeps `remediations.json` (one
 * entry per advisory and package) beside them, which the gate reads back so that a digest with an open
 * blocking remediation is refused unless waived.
 */





const REMEDIATIONS_FILE = 'remediations.json';
async function readRemediations(dir) {
    const file = external_node_path_.join(dir, REMEDIATIONS_FILE);
    let value;
    try {
        value = await readJsonFile(file, { maxBytes: 64 * 1024 * 1024, what: 'remediation state' });
    }
    catch (e) {
        if (e instanceof UnsafeFileError && e.reason === 'missing')
            return { apiVersion: 'secure-factory/remediations/v1', updated: new Date(0).toISOString(), remediations: [] };
        throw e;
    }
    const v = value;
    if (v.apiVersion !== 'secure-factory/remediations/v1' || !Array.isArray(v.remediations)) {
        throw new ConfigurationError('not a secure-factory remediation state (apiVersion secure-factory/remediations/v1)', {
            location: { file },
        });
    }
    return v;
}
async function writeRemediations(dir, state) {
    const file = external_node_path_.join(dir, REMEDIATIONS_FILE);
    await writeJsonAtomic(file, state);
    return file;
}
/** Open remediations that name this digest: the gate refuses it while any is open and unwaived. */
function openRemediationsFor(state, digest) {
    return state.remediations.filter((r) => r.status === 'open' && r.digests.includes(digest));
}

;// CONCATENATED MODULE: ../packages/core/dist/policy/waivers.js

function packageMatches(x, p) {
    if (x.package === undefined)
        return true;
    if (!p)
        return false;
    return (x.package === p.name ||
        (p.version !== undefined && x.package === `${p.name}@${p.version}`) ||
        (p.purl !== undefined && x.package === p.purl));
}
function findWaiver(exceptions, subject, now, maxDays) {
    const out = {};
    exceptions.forEach((exception, index) => {
        const x = exception;
        if (x.digest !== undefined && (subject.digest === undefined || x.digest.toLowerCase() !== subject.digest.toLowerCase()))
            return;
        if (x.environment !== undefined && x.environment !== subject.environment)
            return;
        if (x.advisory !== undefined && !(subject.ids ?? []).includes(x.advisory))
            return;
        if (x.rule !== undefined && x.rule !== subject.rule)
            return;
        if (!packageMatches(x, subject.package))
            return;
        if (x.advisory === undefined && x.rule === undefined && x.package === undefined)
            return;
        const tooLong = Date.parse(`${x.expires}T23:59:59Z`) - now.getTime() > maxDays * 86_400_000;
        if (isExpired(x.expires, now) || tooLong)
            out.expired ??= { index, exception };
        else
            out.active ??= { index, exception };
    });
    return out;
}

;// CONCATENATED MODULE: ../packages/core/dist/index.js

































/***/ })

};
