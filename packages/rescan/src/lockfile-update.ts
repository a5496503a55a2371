/**
 * Moves a vulnerable dependency to its lowest fixed version in a lockfile, with the ecosystem's own
 * tool — the change a person would make, so the pull request reviews and builds like theirs.
 *
 * npm (package-lock.json v2/v3), with npm itself and `--package-lock-only --ignore-scripts` (nothing is
 * downloaded into node_modules and no package script runs):
 *   - a direct dependency: `npm install <name>@<fixed> --package-lock-only --ignore-scripts`, keeping the
 *     section (dependencies/devDependencies/optional) and the range style (`^`, `~` or exact) of the
 *     requirement, as Dependabot does for a direct security update;
 *   - a transitive one: `npm update` would take the *highest* version the parents allow, and a permanent
 *     `overrides` entry would pin the package forever. Instead npm runs once with a temporary override
 *     keyed on the vulnerable version only (`"<name>@<vulnerable>": "<fixed>"`, npm's own matcher
 *     syntax), then once more with the original package.json: npm keeps a locked version that satisfies
 *     every parent's range, so the result is a lockfile-only change to the lowest fixed version. Where a
 *     parent's range excludes every fixed version, the second run puts the vulnerable version back and
 *     the check below refuses the result (the parent must be upgraded: a person's decision).
 * Afterwards the lockfile is read again and every instance that was vulnerable must be at or above its
 * target; anything else is an error, never a silent pass.
 *
 * Names and versions come from SBOMs and advisories (outside input). They reach npm only as elements of
 * an argument array (no shell), and only when they are valid npm names and SemVer versions; a name
 * starting with `-` (an option to npm) or holding `/`, `..` or shell characters is refused. npm runs in a
 * temporary folder holding only package.json and package-lock.json, so a repository's `.npmrc` cannot
 * redirect the registry, its credentials or the script shell.
 *
 * pip, Cargo, Go and the other ecosystems are not done yet: they are refused by name.
 */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigurationError, InfrastructureError, readRegularFile } from '@secure-factory/core';
import { compareVersions } from '@secure-factory/materials';

/** One package to move: every locked instance at a vulnerable version goes to the lowest fixed version above it. */
export interface PackageFix {
  ecosystem: string;
  name: string;
  /** Versions found vulnerable (in the deployed SBOMs). */
  vulnerable: string[];
  fixedVersions: string[];
}

export interface LockfileChange {
  name: string;
  /** The lockfile key (`node_modules/a/node_modules/b`). */
  at: string;
  from: string;
  to: string;
  direct: boolean;
}

export interface NpmToolOptions {
  /** The npm command (default `npm` on PATH). */
  npm?: string;
  /** Registry URL for npm (default: npm's own configuration). */
  registry?: string;
  /** One npm run; default 5 minutes. */
  timeoutMs?: number;
  /** Extra environment for npm (tests point the cache at a temporary folder). */
  env?: Record<string, string>;
}

export interface LockfileUpdate {
  changes: LockfileChange[];
  /** The npm commands that ran, for the pull request's description. */
  commands: string[];
  packageJson: Buffer;
  packageLock: Buffer;
}

/** The ecosystems this module can update. */
export const SUPPORTED_ECOSYSTEMS = ['npm'] as const;

const NPM_NAME = /^(?:@[A-Za-z0-9~][A-Za-z0-9._~-]*\/)?[A-Za-z0-9~][A-Za-z0-9._~-]*$/;

/** A valid npm package name (the registry's rules, stricter where a name could act as an option or a path). */
export function validNpmName(name: string): boolean {
  return name.length > 0 && name.length <= 214 && NPM_NAME.test(name) && !name.split('/').some((p) => p === '.' || p === '..');
}

// semver.org's own regular expression for a SemVer 2.0.0 version.
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** A plain SemVer version, as npm writes it in a lockfile (no range, no tag, no leading `v`). */
export function validNpmVersion(version: string): boolean {
  return version.length <= 256 && SEMVER.test(version);
}

/** The lowest fixed version above `version`, if any. */
export function lowestFixedAbove(ecosystem: string, version: string, fixed: readonly string[]): string | undefined {
  return [...fixed].filter((f) => compareVersions(ecosystem, f, version) > 0).sort((a, b) => compareVersions(ecosystem, a, b))[0];
}

interface LockPackage {
  version?: string;
  link?: boolean;
}

function parseJson(bytes: Buffer, what: string): Record<string, unknown> {
  let v: unknown;
  try {
    v = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new ConfigurationError(`${what} is not valid JSON`);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ConfigurationError(`${what} is not a JSON object`);
  return v as Record<string, unknown>;
}

function lockPackages(lock: Record<string, unknown>, what: string): Record<string, LockPackage> {
  const version = lock.lockfileVersion;
  if (version !== 2 && version !== 3)
    throw new ConfigurationError(`${what} is lockfileVersion ${String(version)}; only versions 2 and 3 can be updated`, {
      hint: 'run npm install once with npm 7 or newer to move it to lockfile version 3',
    });
  const packages = lock.packages;
  if (typeof packages !== 'object' || packages === null) throw new ConfigurationError(`${what} has no "packages"`);
  return packages as Record<string, LockPackage>;
}

/** Lockfile keys naming `name`, with their versions. */
function instances(packages: Record<string, LockPackage>, name: string): { at: string; version: string; direct: boolean }[] {
  const out: { at: string; version: string; direct: boolean }[] = [];
  for (const [at, p] of Object.entries(packages)) {
    if (p.link === true || typeof p.version !== 'string') continue;
    const i = at.lastIndexOf('node_modules/');
    if (i < 0 || at.slice(i + 'node_modules/'.length) !== name) continue;
    out.push({ at, version: p.version, direct: at === `node_modules/${name}` });
  }
  return out;
}

const SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;

function directSpec(pkg: Record<string, unknown>, name: string): { section: (typeof SECTIONS)[number]; spec: string } | undefined {
  for (const section of SECTIONS) {
    const deps = pkg[section];
    if (typeof deps === 'object' && deps !== null && typeof (deps as Record<string, unknown>)[name] === 'string')
      return { section, spec: (deps as Record<string, string>)[name] as string };
  }
  return undefined;
}

async function runNpm(args: string[], cwd: string, tool: NpmToolOptions): Promise<void> {
  const command = tool.npm ?? 'npm';
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  Object.assign(env, { npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' }, tool.env ?? {});
  if (tool.registry) env.npm_config_registry = tool.registry;
  const timeoutMs = tool.timeoutMs ?? 300_000;
  // An argument array and no shell: names and versions are data, never shell words.
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], shell: false });
  const err: Buffer[] = [];
  let errBytes = 0;
  child.stdout.resume();
  child.stderr.on('data', (d: Buffer) => {
    if (errBytes < 64 * 1024) err.push(d);
    errBytes += d.length;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  try {
    const code = await new Promise<number | string>((resolve, reject) => {
      child.on('error', (e: NodeJS.ErrnoException) =>
        e.code === 'ENOENT'
          ? reject(new ConfigurationError(`${command} is not installed`, { hint: 'remediation pull requests need npm on PATH' }))
          : reject(e),
      );
      child.on('close', (c, signal) => resolve(c ?? signal ?? 'killed'));
    });
    if (code !== 0) {
      const tail = Buffer.concat(err)
        .toString('utf8')
        .split('\n')
        .filter((l) => /\S/.test(l))
        .slice(-4)
        // Only the tool's own error lines, kept short and free of control characters.
        .map((l) => l.replace(/[^\x20-\x7e]/g, '?').slice(0, 300))
        .join(' | ');
      throw new InfrastructureError(
        `npm ${args.slice(0, 2).join(' ')} failed (${typeof code === 'number' ? `exit ${code}` : code === 'SIGKILL' ? `no result within ${timeoutMs} ms` : code})${tail ? `: ${tail}` : ''}`,
        { hint: 'the lockfile was not changed; the remediation issue stays open' },
      );
    }
  } finally {
    clearTimeout(timer);
  }
}

const NPM_FLAGS = ['--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'];

/**
 * Updates `<dir>/package-lock.json` (and package.json for a direct dependency) so that no locked
 * instance of each package is at a vulnerable version. `dir` must be a scratch folder holding only the
 * two files (the caller writes them from the repository's tree).
 */
export async function updateNpmLockfile(dir: string, fixes: readonly PackageFix[], tool: NpmToolOptions = {}): Promise<LockfileUpdate> {
  const pkgFile = path.join(dir, 'package.json');
  const lockFile = path.join(dir, 'package-lock.json');
  const read = async (f: string, what: string): Promise<Buffer> => readRegularFile(f, { maxBytes: 64 * 1024 * 1024, what });
  const originalLock = lockPackages(parseJson(await read(lockFile, 'package-lock.json'), 'package-lock.json'), 'package-lock.json');
  const declared = parseJson(await read(pkgFile, 'package.json'), 'package.json');
  const commands: string[] = [];
  const targets: { name: string; at: string; from: string; to: string; direct: boolean }[] = [];

  for (const fix of fixes) {
    if (fix.ecosystem !== 'npm')
      throw new ConfigurationError(`${fix.ecosystem} lockfiles are not updated yet (only npm)`, {
        hint: 'upgrade the package by hand; the remediation issue stays open',
      });
    if (!validNpmName(fix.name)) throw new ConfigurationError(`"${encodeURIComponent(fix.name)}" is not a valid npm package name`);
    for (const v of [...fix.vulnerable, ...fix.fixedVersions])
      if (!validNpmVersion(v))
        throw new ConfigurationError(`"${encodeURIComponent(v)}" (for ${fix.name}) is not a plain SemVer version npm can install`);
    for (const i of instances(originalLock, fix.name)) {
      if (!fix.vulnerable.includes(i.version)) continue;
      const to = lowestFixedAbove('npm', i.version, fix.fixedVersions);
      if (!to)
        throw new ConfigurationError(`no fixed version of ${fix.name} above ${i.version} is published`, {
          hint: 'waive the advisory with an expiry, or replace the package',
        });
      // Direct: declared in package.json and locked at the top level (not merely hoisted there).
      targets.push({ name: fix.name, at: i.at, from: i.version, to, direct: i.direct && directSpec(declared, fix.name) !== undefined });
    }
  }
  if (targets.length === 0)
    return {
      changes: [],
      commands,
      packageJson: await read(pkgFile, 'package.json'),
      packageLock: await read(lockFile, 'package-lock.json'),
    };

  // Direct dependencies: npm install name@fixed, keeping the requirement's section and range style.
  for (const t of targets.filter((x) => x.direct)) {
    const pkg = parseJson(await read(pkgFile, 'package.json'), 'package.json');
    if (pkg.workspaces !== undefined)
      throw new ConfigurationError('npm workspaces are not updated yet', { hint: 'upgrade the package by hand' });
    const direct = directSpec(pkg, t.name);
    if (!direct) continue; // locked at the top level only as a hoisted transitive dependency
    const style = validNpmVersion(direct.spec) ? ['--save-exact'] : direct.spec.startsWith('~') ? ['--save-prefix=~'] : [];
    const section =
      direct.section === 'devDependencies' ? ['--save-dev'] : direct.section === 'optionalDependencies' ? ['--save-optional'] : [];
    const args = ['install', `${t.name}@${t.to}`, ...section, ...style, ...NPM_FLAGS];
    commands.push(['npm', ...args].join(' '));
    await runNpm(args, dir, tool);
  }

  // Transitive ones: a temporary override on the vulnerable version, then the original package.json again.
  const afterDirect = lockPackages(parseJson(await read(lockFile, 'package-lock.json'), 'package-lock.json'), 'package-lock.json');
  const pending = targets.filter((t) => afterDirect[t.at]?.version === t.from);
  if (pending.length > 0) {
    const pkgBytes = await read(pkgFile, 'package.json');
    const pkg = parseJson(pkgBytes, 'package.json');
    if (pkg.workspaces !== undefined)
      throw new ConfigurationError('npm workspaces are not updated yet', { hint: 'upgrade the package by hand' });
    const existing = (typeof pkg.overrides === 'object' && pkg.overrides !== null ? pkg.overrides : {}) as Record<string, unknown>;
    const overrides: Record<string, unknown> = { ...existing };
    for (const t of pending) {
      if (Object.keys(existing).some((k) => k === t.name || k.startsWith(`${t.name}@`)))
        throw new ConfigurationError(`package.json already overrides ${t.name}; the factory does not change a person's override`, {
          hint: `raise the override of ${t.name} to ${t.to} by hand`,
        });
      overrides[`${t.name}@${t.from}`] = t.to;
    }
    await writeFile(pkgFile, `${JSON.stringify({ ...pkg, overrides }, null, 2)}\n`);
    const args = ['install', ...NPM_FLAGS];
    commands.push(`npm ${args.join(' ')}   # with the temporary overrides ${JSON.stringify(overrides)}`);
    await runNpm(args, dir, tool);
    await writeFile(pkgFile, pkgBytes);
    commands.push(`npm ${args.join(' ')}   # with the original package.json`);
    await runNpm(args, dir, tool);
  }

  const final = lockPackages(parseJson(await read(lockFile, 'package-lock.json'), 'package-lock.json'), 'package-lock.json');
  const changes: LockfileChange[] = [];
  for (const t of targets) {
    // The instance may have moved (hoisted or nested differently): look at every instance of the name.
    const now = instances(final, t.name);
    const stillVulnerable = now.filter((i) => i.version === t.from);
    if (stillVulnerable.length > 0)
      throw new ConfigurationError(
        `npm kept ${t.name}@${t.from} at ${stillVulnerable.map((i) => i.at).join(', ')}: a parent's version range excludes every fixed version`,
        { hint: `upgrade the package that depends on ${t.name} (or add an override by hand); the remediation issue stays open` },
      );
    const moved = final[t.at]?.version ?? now.map((i) => i.version).sort((a, b) => compareVersions('npm', a, b))[0] ?? t.to;
    if (compareVersions('npm', moved, t.to) < 0)
      throw new ConfigurationError(`npm moved ${t.name} at ${t.at} to ${moved}, below the fixed version ${t.to}`);
    changes.push({ name: t.name, at: t.at, from: t.from, to: moved, direct: t.direct });
  }
  return { changes, commands, packageJson: await read(pkgFile, 'package.json'), packageLock: await read(lockFile, 'package-lock.json') };
}
