/**
 * The sandbox: bubblewrap when it is installed and works, `unshare` only when bwrap is missing (and
 * the provenance says so), and a failure that says exactly what to install or change otherwise. A
 * build is never run unisolated.
 *
 * bubblewrap layout (docs/build-type.md): a fresh tmpfs root holding the system folders read-only
 * (/usr, /etc, /opt, the lib and bin folders and every PATH entry), the source read-only at /src (the
 * working directory), a writable /out (`SECURE_FACTORY_OUT`), a writable /tmp on the host's temp
 * folder (HOME is /tmp/home), a new network namespace with only loopback, new pid/ipc/uts
 * namespaces, no capabilities, a new session, and the sandbox dies with its parent.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { InfrastructureError, type Logger } from '@secure-factory/core';

export const SANDBOX_SOURCE = '/src';
export const SANDBOX_OUTPUT = '/out';
export const SANDBOX_TEMP = '/tmp';
export const SANDBOX_HOME = '/tmp/home';

export const APPARMOR_SYSCTL = '/proc/sys/kernel/apparmor_restrict_unprivileged_userns';
export const INSTALL_HINT =
  'install bubblewrap: `sudo apt-get install -y bubblewrap` (Debian/Ubuntu), `sudo dnf install -y bubblewrap` (Fedora/RHEL), `sudo apk add bubblewrap` (Alpine)';

export interface SandboxTool {
  kind: 'bubblewrap' | 'unshare';
  path: string;
  version: string;
  /** Why this tool (the fallback says why bwrap was not used). */
  note?: string;
  /** What was done about AppArmor's user-namespace restriction, if anything. */
  apparmor: 'absent' | 'unrestricted' | 'restricted-but-root' | 'lifted-with-sudo';
}

export interface DetectOptions {
  /** PATH searched for bwrap and unshare (default: process.env.PATH). */
  searchPath?: string;
  /** The AppArmor sysctl file (tests point it at a fixture). */
  apparmorFile?: string;
  isRoot?: boolean;
  /** May we run `sudo -n sysctl` to lift the AppArmor restriction (default: on GitHub Actions only). */
  allowSudo?: boolean;
  logger?: Logger;
}

export function findExecutable(name: string, searchPath: string): string | undefined {
  for (const dir of searchPath.split(':')) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      const st = lstatSync(candidate, { throwIfNoEntry: false });
      if (st && (st.isFile() || st.isSymbolicLink()) && existsSync(candidate)) return candidate;
    } catch {
      // unreadable folder on PATH: skip it, as a shell would
    }
  }
  return undefined;
}

function readApparmor(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** The exact fix for GitHub's ubuntu-24.04 AppArmor restriction. */
export const APPARMOR_FIX =
  'unprivileged user namespaces are restricted by AppArmor (kernel.apparmor_restrict_unprivileged_userns=1, as on GitHub ubuntu-24.04 runners); ' +
  'add a step before the build: `sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0` (or install an AppArmor profile that allows bwrap userns), or run the build as root';

/** Picks and probes the sandbox tool; throws with the install command or the fix when none works. */
export function detectSandbox(options: DetectOptions = {}): SandboxTool {
  const searchPath = options.searchPath ?? process.env.PATH ?? '/usr/bin:/bin';
  const isRoot = options.isRoot ?? process.getuid?.() === 0;
  const allowSudo = options.allowSudo ?? process.env.GITHUB_ACTIONS === 'true';
  let apparmor: SandboxTool['apparmor'] = 'absent';
  const restricted = readApparmor(options.apparmorFile ?? APPARMOR_SYSCTL);
  if (restricted !== undefined) apparmor = restricted === '1' ? 'restricted-but-root' : 'unrestricted';
  if (restricted === '1' && !isRoot) {
    const sudo = findExecutable('sudo', searchPath);
    const sysctl =
      sudo && allowSudo
        ? spawnSync(sudo, ['-n', 'sysctl', '-w', 'kernel.apparmor_restrict_unprivileged_userns=0'], { encoding: 'utf8' })
        : undefined;
    if (!sysctl || sysctl.status !== 0) {
      throw new InfrastructureError(
        `cannot isolate the build: ${sysctl ? `sudo sysctl failed (${(sysctl.stderr || '').trim()})` : 'AppArmor restricts user namespaces and sudo was not allowed or not found'}`,
        { hint: APPARMOR_FIX },
      );
    }
    options.logger?.warning(
      'AppArmor restricted unprivileged user namespaces: lifted with `sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0`',
    );
    apparmor = 'lifted-with-sudo';
  }

  const bwrap = findExecutable('bwrap', searchPath);
  let bwrapProblem = 'bubblewrap (bwrap) is not installed (install it: `sudo apt-get install -y bubblewrap`)';
  if (bwrap) {
    const probe = spawnSync(bwrap, ['--ro-bind', '/', '/', '--unshare-net', '--cap-drop', 'ALL', '--die-with-parent', 'true'], {
      encoding: 'utf8',
    });
    if (probe.status === 0) {
      const v = spawnSync(bwrap, ['--version'], { encoding: 'utf8' });
      return { kind: 'bubblewrap', path: bwrap, version: (v.stdout || '').trim().replace(/^bubblewrap\s*/, ''), apparmor };
    }
    bwrapProblem = `bwrap is installed but cannot create namespaces: ${(probe.stderr || probe.error?.message || '').trim()}`;
  }
  const unshare = findExecutable('unshare', searchPath);
  if (unshare && !bwrap) {
    const probe = spawnSync(unshare, ['--user', '--map-root-user', '--net', '--mount', '--pid', '--fork', '--kill-child', 'true'], {
      encoding: 'utf8',
    });
    if (probe.status === 0) {
      const v = spawnSync(unshare, ['--version'], { encoding: 'utf8' });
      options.logger?.warning(`bubblewrap (bwrap) is not installed: isolating with unshare instead (${INSTALL_HINT})`);
      return {
        kind: 'unshare',
        path: unshare,
        version: (v.stdout || '').trim(),
        note: 'bubblewrap was not installed; unshare gives the same network, mount and pid isolation but shows the host file system read-write except the source',
        apparmor,
      };
    }
    bwrapProblem += `; unshare cannot create namespaces either: ${(probe.stderr || '').trim()}`;
  }
  const hint =
    restricted === '1'
      ? APPARMOR_FIX
      : bwrap
        ? 'allow unprivileged user namespaces (`sudo sysctl -w kernel.unprivileged_userns_clone=1`) or run as root'
        : INSTALL_HINT;
  throw new InfrastructureError(`cannot isolate the build (it is never run unisolated): ${bwrapProblem}`, { hint });
}

export interface SandboxSpec {
  tool: SandboxTool;
  argv: readonly string[];
  /** Host folders. */
  source: string;
  output?: string;
  /** The fetch cache folder, bound writable at /cache (bwrap) during the fetch phase. */
  cache?: string;
  /** The test phase sees the outputs read-only. */
  outputReadOnly?: boolean;
  temp: string;
  sourceWritable: boolean;
  /** true: share the host's network (fetch-only's fetch phase); false: only loopback. */
  network: boolean;
  env: Record<string, string>;
  timeoutMs: number;
  /** Host PATH, whose entries are made visible read-only. */
  hostPath: string;
  onOutput?: (chunk: string, stream: 'stdout' | 'stderr') => void;
}

export interface SandboxResult {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  /** The last 64 KiB of stdout and stderr (for the failure reason). */
  stdoutTail: string;
  stderrTail: string;
  durationMs: number;
}

const SYSTEM_DIRS = ['/usr', '/etc', '/opt', '/nix'];
const MAYBE_LINKS = ['/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32'];

function under(p: string, dirs: readonly string[]): boolean {
  return dirs.some((d) => p === d || p.startsWith(`${d}/`));
}

/** PATH entries that are not under a system folder, widened so `node_modules/.bin` links resolve. */
export function pathBinds(hostPath: string): string[] {
  const out = new Set<string>();
  const add = (p: string): void => {
    if (!path.isAbsolute(p) || under(p, SYSTEM_DIRS) || under(p, MAYBE_LINKS) || !existsSync(p)) return;
    out.add(p);
  };
  for (const entry of hostPath.split(':')) {
    if (!entry || !path.isAbsolute(entry)) continue;
    // node_modules/.bin holds relative links into node_modules: bind the whole node_modules.
    add(path.basename(entry) === '.bin' && path.basename(path.dirname(entry)) === 'node_modules' ? path.dirname(entry) : entry);
    try {
      add(realpathSync(entry));
    } catch {
      // missing PATH entry: nothing to bind
    }
  }
  try {
    add(path.dirname(realpathSync(process.execPath)));
  } catch {
    // no node to add
  }
  // Drop binds nested in another bind.
  const sorted = [...out].sort();
  return sorted.filter((p, i) => !sorted.slice(0, i).some((q) => p.startsWith(`${q}/`)));
}

export function bwrapArgs(spec: SandboxSpec): string[] {
  const a: string[] = [];
  for (const d of SYSTEM_DIRS) a.push('--ro-bind-try', d, d);
  for (const d of MAYBE_LINKS) {
    const st = lstatSync(d, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isSymbolicLink()) a.push('--symlink', readlinkSync(d), d);
    else a.push('--ro-bind', d, d);
  }
  for (const d of pathBinds(spec.hostPath)) a.push('--ro-bind-try', d, d);
  a.push(spec.sourceWritable ? '--bind' : '--ro-bind', spec.source, SANDBOX_SOURCE);
  if (spec.output) a.push(spec.outputReadOnly ? '--ro-bind' : '--bind', spec.output, SANDBOX_OUTPUT);
  if (spec.cache) a.push('--bind', spec.cache, '/cache');
  a.push('--bind', spec.temp, SANDBOX_TEMP, '--dev', '/dev', '--proc', '/proc');
  if (!spec.network) a.push('--unshare-net');
  a.push('--unshare-pid', '--unshare-ipc', '--unshare-uts', '--unshare-cgroup-try', '--hostname', 'sandbox');
  a.push('--cap-drop', 'ALL', '--die-with-parent', '--new-session', '--clearenv');
  for (const [k, v] of Object.entries(spec.env)) a.push('--setenv', k, v);
  a.push('--chdir', SANDBOX_SOURCE, '--', ...spec.argv);
  return a;
}

/** unshare fallback: host paths (no /src, /out), the source remounted read-only in a private mount namespace. */
export function unshareArgs(spec: SandboxSpec): string[] {
  const a = ['--user', '--map-root-user', '--mount', '--pid', '--fork', '--kill-child'];
  if (!spec.network) a.push('--net');
  const script = [
    'set -e',
    'if command -v ip >/dev/null 2>&1; then ip link set lo up 2>/dev/null || true; fi',
    spec.sourceWritable ? ':' : 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1"',
    // The output folder may sit inside the source (the default <source>/.secure-factory/out): bind it again, writable (or read-only for tests).
    'if [ -n "$2" ]; then mount --bind "$2" "$2" && mount -o "remount,bind,$3" "$2"; fi',
    'cd "$1"',
    'shift 3',
    'exec env -i "$@"',
  ].join('\n');
  const env = Object.entries(spec.env).map(([k, v]) => `${k}=${v}`);
  return [
    ...a,
    '--',
    '/bin/sh',
    '-c',
    script,
    'secure-factory-sandbox',
    spec.source,
    spec.output ?? '',
    spec.outputReadOnly ? 'ro' : 'rw',
    ...env,
    ...spec.argv,
  ];
}

const TAIL = 64 * 1024;

export async function runSandboxed(spec: SandboxSpec): Promise<SandboxResult> {
  const args = spec.tool.kind === 'bubblewrap' ? bwrapArgs(spec) : unshareArgs(spec);
  const started = Date.now();
  // A process group of its own, so the timeout kills the whole tree (bwrap's pid namespace dies with it).
  const child = spawn(spec.tool.path, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' },
  });
  let stdoutTail = '';
  let stderrTail = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (d: string) => {
    stdoutTail = (stdoutTail + d).slice(-TAIL);
    spec.onOutput?.(d, 'stdout');
  });
  child.stderr.on('data', (d: string) => {
    stderrTail = (stderrTail + d).slice(-TAIL);
    spec.onOutput?.(d, 'stderr');
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }, spec.timeoutMs);
  const [exitCode, signal] = await new Promise<[number | null, string | null]>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, sig) => resolve([code, sig]));
  }).finally(() => clearTimeout(timer));
  return { exitCode, signal, timedOut, stdoutTail, stderrTail, durationMs: Date.now() - started };
}
