/**
 * Loading `.github/secure-factory.yml`: YAML with positions, the JSON Schema, CEL compiled up front,
 * and every error naming file:line:column with the allowed values.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { compileCel } from '../cel.js';
import { outputGlob } from '../glob.js';
import { ConfigurationError } from '../errors.js';
import { decodeUtf8, readRegularFile, UnsafeFileError } from '../safe-read.js';
import { newAjv, pointerToPath, significantErrors, type ErrorObject, type ValidateFunction } from '../json-schema.js';
import { parseDuration } from './duration.js';
import { policySchema } from './schema.js';
import type { CelRule, DeployPolicy, EvidenceKind, Policy } from './types.js';

export const DEFAULT_POLICY_PATH = '.github/secure-factory.yml';
/** `Policy.source.file` of the built-in defaults (no policy file). */
export const DEFAULT_POLICY_SOURCE = '(defaults)';
const MAX_POLICY_BYTES = 1024 * 1024;

let validator: ValidateFunction | undefined;
function validate(): ValidateFunction {
  // verbose: errors carry their parent schema, so an unknown key can list the allowed ones.
  validator ??= newAjv({ verbose: true, strict: false }).compile(policySchema);
  return validator;
}

interface RawPolicy {
  apiVersion: 'secure-factory/v1';
  source?: {
    'signed-commits'?: 'all' | 'head' | 'none';
    range?: 'base-branch' | 'last-tag' | 'head' | number;
    since?: string;
    signers?: Policy['sourceCheck']['signers'];
    reviews?: { approvals?: number; codeowners?: boolean };
    'branch-protection'?: boolean;
    workflows?: { audit?: boolean; 'block-severity'?: Policy['materials']['blockSeverity']; ignore?: string[] };
  };
  materials?: {
    'block-severity'?: Policy['materials']['blockSeverity'];
    licenses?: { allow?: string[]; deny?: string[]; unknown?: 'allow' | 'warn' | 'block' };
    registries?: string[];
    integrity?: 'required' | 'optional';
    'non-registry'?: { git?: boolean; http?: boolean; file?: boolean };
    images?: {
      registries?: string[];
      pinned?: 'digest' | 'tag' | 'any';
      trust?: Policy['materials']['images']['trust'];
      validated?: 'required' | 'warn';
    };
    actions?: { pinned?: 'sha' | 'tag' | 'any'; allow?: string[] };
    database?: { path?: string; 'max-age'?: string };
    'include-dev'?: boolean;
    rules?: CelRule[];
    ignore?: string[];
    unpinned?: 'block' | 'warn' | 'allow';
  };
  build?: {
    network?: 'none' | 'fetch-only' | { mode?: 'none' | 'fetch-only'; allow?: string[] };
    reproducible?: boolean;
    timeout?: string;
    env?: string[];
  };
  attest?: { signer?: 'keyless' | 'key' | 'ephemeral'; 'public-transparency-log'?: 'auto' | 'always' | 'never'; 'max-subjects'?: number };
  deploy?: Record<
    string,
    {
      require?: EvidenceKind[];
      builder?: string;
      'source-level'?: number;
      'block-severity'?: Policy['materials']['blockSeverity'];
      'max-scan-age'?: string;
      'max-database-age'?: string;
      refs?: string[];
      environments?: string[];
      registries?: string[];
      'same-run'?: boolean;
      rules?: CelRule[];
    }
  >;
  'exception-max-days'?: number;
  exceptions?: Policy['exceptions'];
}

/**
 * An action input or flag naming the policy file: the default path (what every action.yml defaults to)
 * means "the project's own policy if it has one" — it may be absent; any other path must exist.
 */
export function policyFileInput(input: string | undefined): string | undefined {
  return input === undefined || input === '' || input === DEFAULT_POLICY_PATH ? undefined : input;
}

/**
 * Loads a policy file. Without a file, the project's `.github/secure-factory.yml` under `dir` (default:
 * the working directory) is read when it exists, and the built-in safe defaults apply when it does not.
 * A named file must exist.
 */
export async function loadPolicy(file: string | undefined, options: { now?: Date; dir?: string } = {}): Promise<Policy> {
  const path = file ?? (options.dir !== undefined ? join(options.dir, DEFAULT_POLICY_PATH) : DEFAULT_POLICY_PATH);
  let bytes: Buffer;
  try {
    // Regular files only, size checked on the open handle. The default file comes with the repository,
    // so a link there must stay inside it; a file the operator named may be a link to anywhere.
    bytes = await readRegularFile(path, {
      maxBytes: MAX_POLICY_BYTES,
      what: 'policy file',
      within: file === undefined ? (options.dir ?? '.') : '/',
    });
  } catch (e: unknown) {
    if (e instanceof UnsafeFileError && e.reason === 'missing' && file === undefined) return defaultPolicy();
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

export function parsePolicy(text: string, file: string, options: { now?: Date } = {}): Policy {
  const lineCounter = new LineCounter();
  // maxAliasCount bounds alias expansion (billion-laughs); uniqueKeys rejects duplicated keys.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  // An unresolved tag (`!evil`, `!!js/function`) is only a warning to the YAML library; in a policy it
  // is an error, never silently read as a plain value.
  const firstError = doc.errors[0] ?? doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (firstError) {
    const pos = firstError.linePos?.[0];
    throw new ConfigurationError(`not valid YAML: ${firstError.message.split('\n')[0] ?? firstError.code}`, {
      location: { file, line: pos?.line, column: pos?.col },
    });
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e: unknown) {
    throw new ConfigurationError(`the YAML cannot be read: ${(e as Error).message}`, { location: { file } });
  }
  if (value === null || value === undefined) {
    throw new ConfigurationError('the policy file is empty', {
      location: { file, line: 1, column: 1 },
      hint: 'start it with `apiVersion: secure-factory/v1`',
    });
  }
  const v = validate();
  if (!v(value)) {
    const err = significantErrors(v.errors ?? []).sort(errorOrder)[0] as ErrorObject;
    throw policyError(err, doc, lineCounter, file);
  }
  const raw = value as RawPolicy;
  const sha256 = createHash('sha256').update(text).digest('hex');
  let policy: Policy;
  try {
    policy = resolve(raw, { file, sha256 });
  } catch (e: unknown) {
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
function errorOrder(a: ErrorObject, b: ErrorObject): number {
  const rank = (e: ErrorObject): number =>
    e.keyword === 'additionalProperties' ? 0 : e.keyword === 'enum' || e.keyword === 'const' ? 1 : 2;
  return rank(a) - rank(b) || b.instancePath.length - a.instancePath.length;
}

function locate(doc: Document, lc: LineCounter, path: (string | number)[], keyOf?: string): { line?: number; column?: number } {
  let node = doc.getIn(path, true) as YamlNode | undefined;
  if (keyOf !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && p.key.value === keyOf);
    if (pair && isScalar(pair.key)) node = pair.key;
  }
  // Walk up until a node with a position is found.
  let p = path;
  while (!node?.range && p.length > 0) {
    p = p.slice(0, -1);
    node = doc.getIn(p, true) as YamlNode | undefined;
  }
  const offset = node?.range?.[0];
  if (offset === undefined) return { line: 1, column: 1 };
  const pos = lc.linePos(offset);
  return { line: pos.line, column: pos.col };
}

function policyError(err: ErrorObject, doc: Document, lc: LineCounter, file: string): ConfigurationError {
  const path = pointerToPath(err.instancePath);
  const dotted = path.length > 0 ? path.join('.') : '(top level)';
  let message: string;
  let hint: string | undefined;
  let loc: { line?: number; column?: number };
  switch (err.keyword) {
    case 'additionalProperties': {
      const key = (err.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((err.parentSchema as { properties?: Record<string, unknown> }).properties ?? {});
      const guess = closest(key, allowed);
      message = `unknown key "${key}" in ${dotted}`;
      hint = `${guess ? `did you mean "${guess}"? ` : ''}allowed keys: ${allowed.join(', ')}`;
      loc = locate(doc, lc, path, key);
      break;
    }
    case 'enum': {
      const allowed = (err.params as { allowedValues: unknown[] }).allowedValues;
      message = `${dotted} is ${JSON.stringify(doc.getIn(path))}, which is not allowed`;
      hint = `allowed values: ${allowed.map((a) => String(a)).join(', ')}`;
      loc = locate(doc, lc, path);
      break;
    }
    case 'const': {
      const allowed = (err.params as { allowedValue: unknown }).allowedValue;
      message = `${dotted} must be ${JSON.stringify(allowed)}`;
      if (path[0] === 'apiVersion') hint = 'this version of secure-factory reads apiVersion secure-factory/v1';
      loc = locate(doc, lc, path);
      break;
    }
    case 'required': {
      const missing = (err.params as { missingProperty: string }).missingProperty;
      message = `${dotted} is missing the required key "${missing}"`;
      if (missing === 'apiVersion') hint = 'add `apiVersion: secure-factory/v1` at the top';
      loc = locate(doc, lc, path);
      break;
    }
    case 'pattern': {
      message = `${dotted} is ${JSON.stringify(doc.getIn(path))}, which does not have the expected form`;
      hint = /m\|h\|d/.test(String((err.params as { pattern: string }).pattern))
        ? 'write a duration such as 30m, 24h or 7d'
        : `expected to match ${(err.params as { pattern: string }).pattern}`;
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
function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
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

function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j] as number;
      prev[j] = Math.min((prev[j] as number) + 1, (prev[j - 1] as number) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length] as number;
}

const DAY = 86_400_000;

export function defaultDeploy(): DeployPolicy {
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
export function deployPolicyFor(policy: Pick<Policy, 'deploy'>, environment: string): DeployPolicy | undefined {
  return Object.hasOwn(policy.deploy, environment) ? policy.deploy[environment] : undefined;
}

function resolve(raw: RawPolicy, source: { file: string; sha256: string }): Policy {
  const s = raw.source ?? {};
  const m = raw.materials ?? {};
  const b = raw.build ?? {};
  const a = raw.attest ?? {};
  // A null-prototype record: `--environment constructor`, `__proto__` or `toString` finds nothing
  // instead of Object.prototype's members (look environments up with deployPolicyFor).
  const deploy: Record<string, DeployPolicy> = Object.create(null) as Record<string, DeployPolicy>;
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
export function defaultPolicy(): Policy {
  return resolve(
    { apiVersion: 'secure-factory/v1' },
    { file: DEFAULT_POLICY_SOURCE, sha256: createHash('sha256').update('secure-factory/v1 defaults').digest('hex') },
  );
}

function checkSemantics(policy: Policy, doc: Document, lc: LineCounter, file: string, now: Date): void {
  // CEL expressions are compiled at load time so a typo is reported here, not at deploy time.
  const celLists: [(string | number)[], CelRule[]][] = [[['materials', 'rules'], policy.materials.rules]];
  for (const [env, d] of Object.entries(policy.deploy)) celLists.push([['deploy', env, 'rules'], d.rules]);
  for (const [path, rules] of celLists) {
    rules.forEach((r, i) => {
      try {
        compileCel(r.expression);
      } catch (e: unknown) {
        throw new ConfigurationError(`CEL rule "${r.name}" does not compile: ${(e as Error).message.split('\n')[0]}`, {
          location: { file, ...locate(doc, lc, [...path, i, 'expression']) },
        });
      }
    });
  }
  // materials.ignore globs are compiled here too: a negation, an extglob or a brace bomb names its line.
  policy.materials.ignore.forEach((glob, i) => {
    try {
      outputGlob(glob);
    } catch (e: unknown) {
      throw new ConfigurationError(`materials.ignore[${i}]: ${(e as Error).message}`, {
        location: { file, ...locate(doc, lc, ['materials', 'ignore', i]) },
        ...((e as ConfigurationError).hint ? { hint: (e as ConfigurationError).hint } : {}),
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
export function isExpired(expires: string, now: Date = new Date()): boolean {
  return Date.parse(`${expires}T23:59:59.999Z`) < now.getTime();
}
