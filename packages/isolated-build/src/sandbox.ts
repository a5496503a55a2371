/**
 * The sandbox: bubblewrap when it is installed and works, `unshare` only when bwrap is missing (and
 * the provenance says so), and a failure that says exactly what to install or change otherwise. A
 * build is never run unisolated.
 *
 * Every phase runs as `unshare --user --map-root-user --mount sh <phase script>`: the script mounts the
 * copy-on-write workspace (workspace.ts: the checkout as the lowest overlayfs layer, bubblewrap 0.8
 * having no --overlay) in that private mount namespace, then starts bubblewrap on it. bubblewrap layout
 * (docs/build-type.md): a fresh tmpfs root holding the system folders read-only (/usr, /etc, /opt, the
 * lib and bin folders, every PATH entry, the rustup and cargo homes), the workspace writable at /src
 * (the working directory), /tmp per phase, HOME at /tmp/home shared by the phases, /out
 * (`SECURE_FACTORY_OUT`), a network namespace with only loopback (the fetch phase reaches the egress
 * proxy through a unix socket), new user/pid/ipc/uts namespaces, no capabilities, a new session, and
 * the sandbox dies with its parent.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, realpathSync, rmSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { constants as osConstants, tmpdir } from 'node:os';
import path from 'node:path';
import { InfrastructureError, type Logger } from '@secure-factory/core';

export const SANDBOX_SOURCE = '/src';
export const SANDBOX_OUTPUT = '/out';
export const SANDBOX_TEMP = '/tmp';
export const SANDBOX_HOME = '/tmp/home';
/** Where the fetch phase finds the egress proxy's socket and forwarder. */
export const SANDBOX_PROXY_DIR = '/run/secure-factory';

export const APPARMOR_SYSCTL = '/proc/sys/kernel/apparmor_restrict_unprivileged_userns';
export const INSTALL_HINT =
  'install bubblewrap: `sudo apt-get install -y bubblewrap` (Debian/Ubuntu), `sudo dnf install -y bubblewrap` (Fedora/RHEL), `sudo apk add bubblewrap` (Alpine)';

export interface SandboxTool {
  kind: 'bubblewrap' | 'unshare';
  path: string;
  version: string;
  /** `unshare`, which makes the mount namespace the workspace is mounted in (for both kinds). */
  unshare: string;
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

  const unshare = findExecutable('unshare', searchPath);
  if (!unshare) {
    const noBwrap = findExecutable('bwrap', searchPath) === undefined;
    throw new InfrastructureError(
      `cannot isolate the build (it is never run unisolated): ${noBwrap ? 'bubblewrap (bwrap) is not installed (install it: `sudo apt-get install -y bubblewrap`), and ' : ''}\`unshare\` (util-linux) is not on PATH`,
      {
        hint: `${noBwrap ? `${INSTALL_HINT}; ` : ''}install util-linux (\`sudo apt-get install -y util-linux\`): the workspace is mounted in an unshare namespace`,
      },
    );
  }
  const overlay = probeOverlay(unshare);
  if (overlay) {
    throw new InfrastructureError(`cannot give the build its copy-on-write workspace: ${overlay}`, {
      hint:
        restricted === '1'
          ? APPARMOR_FIX
          : 'the workspace needs overlayfs in an unprivileged user namespace (Linux 5.11+, `sudo sysctl -w kernel.unprivileged_userns_clone=1` where that switch exists), or run as root',
    });
  }
  const bwrap = findExecutable('bwrap', searchPath);
  let bwrapProblem = 'bubblewrap (bwrap) is not installed (install it: `sudo apt-get install -y bubblewrap`)';
  if (bwrap) {
    // bwrap runs inside the workspace's user namespace: probe it there.
    const probe = spawnSync(
      unshare,
      [
        '--user',
        '--map-root-user',
        '--mount',
        '--',
        bwrap,
        '--ro-bind',
        '/',
        '/',
        '--unshare-user',
        '--unshare-net',
        '--cap-drop',
        'ALL',
        '--die-with-parent',
        'true',
      ],
      { encoding: 'utf8' },
    );
    if (probe.status === 0) {
      const v = spawnSync(bwrap, ['--version'], { encoding: 'utf8' });
      return { kind: 'bubblewrap', path: bwrap, unshare, version: (v.stdout || '').trim().replace(/^bubblewrap\s*/, ''), apparmor };
    }
    bwrapProblem = `bwrap is installed but cannot create namespaces: ${(probe.stderr || probe.error?.message || '').trim()}`;
  }
  if (!bwrap && findExecutable('setpriv', searchPath) && findExecutable('chroot', searchPath)) {
    const probe = spawnSync(unshare, ['--user', '--map-root-user', '--net', '--mount', '--pid', '--fork', '--kill-child', 'true'], {
      encoding: 'utf8',
    });
    if (probe.status === 0) {
      const v = spawnSync(unshare, ['--version'], { encoding: 'utf8' });
      options.logger?.warning(
        `bubblewrap (bwrap) is not installed: isolating with unshare instead, a weaker kind the default gate refuses (${INSTALL_HINT})`,
      );
      return {
        kind: 'unshare',
        path: unshare,
        unshare,
        version: (v.stdout || '').trim(),
        note: 'bubblewrap was not installed: unshare + chroot + setpriv built the same layout (read-only system, private /proc, no network, no capabilities), with less scrutiny than bubblewrap; the default production gate refuses this kind',
        apparmor,
      };
    }
    bwrapProblem += `; unshare cannot create namespaces either: ${(probe.stderr || '').trim()}`;
  } else if (!bwrap) {
    bwrapProblem += '; the unshare fallback also needs setpriv and chroot';
  }
  const hint =
    restricted === '1'
      ? APPARMOR_FIX
      : bwrap
        ? 'allow unprivileged user namespaces (`sudo sysctl -w kernel.unprivileged_userns_clone=1`) or run as root'
        : INSTALL_HINT;
  throw new InfrastructureError(`cannot isolate the build (it is never run unisolated): ${bwrapProblem}`, { hint });
}

let overlayProbe: string | undefined | null = null;
/** Mounts a tiny overlay in a user namespace and writes through it; undefined when that works, else why not. Probed once. */
export function probeOverlay(unshare: string): string | undefined {
  if (overlayProbe !== null) return overlayProbe;
  const dir = mkdtempSync(path.join(tmpdir(), 'sf-overlay-probe-'));
  try {
    for (const d of ['lower', 'upper', 'work', 'merged']) mkdirSync(path.join(dir, d));
    const script = `mount -t overlay overlay -o lowerdir=${dir}/lower,upperdir=${dir}/upper,workdir=${dir}/work,userxattr ${dir}/merged && touch ${dir}/merged/probe`;
    const r = spawnSync(unshare, ['--user', '--map-root-user', '--mount', '--', '/bin/sh', '-c', script], { encoding: 'utf8' });
    overlayProbe =
      r.status === 0 && existsSync(path.join(dir, 'upper', 'probe')) ? undefined : (r.stderr || r.error?.message || 'mount failed').trim();
  } finally {
    spawnSync('chmod', ['-R', 'u+rwx', dir]);
    rmSync(dir, { recursive: true, force: true });
  }
  return overlayProbe;
}

export interface SandboxSpec {
  tool: SandboxTool;
  argv: readonly string[];
  /** Which phase this is (names the control files). */
  phase: string;
  /** The copy-on-write workspace (workspace.ts): the checkout, the layers above it (topmost first), this phase's layer. */
  workspace: { source: string; lowerMount: string; lowers: readonly string[]; upper: string; work: string; merged: string };
  /** HOME, shared by every phase (bound at /tmp/home). */
  home: string;
  /** This phase's temp folder (bound at /tmp). */
  temp: string;
  output?: string;
  /** The test phase sees the outputs read-only. */
  outputReadOnly?: boolean;
  /** The fetch cache folder, bound writable at /cache. */
  cache?: string;
  /** The fetch phase's only way out: the egress proxy's unix socket folder (bound at /run/secure-factory) and the in-sandbox port. */
  proxy?: { socketDir: string; port: number };
  /** More host folders visible read-only at their own path (rustup and cargo homes). */
  readOnly?: readonly string[];
  /** The factory's control folder (never bound in): argument file, status, integrity report. */
  ctl: string;
  /** Run the integrity checker after the command, in the same mount namespace. */
  check?: { script: string; tracked: string; report: string; algorithm: 'sha1' | 'sha256' };
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
  /** Set when the sandbox itself could not be set up (the command never ran). */
  setupError?: string;
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

/** Folders bound into the sandbox at the same path (read-only): system folders are always there. */
function readOnlyBinds(spec: SandboxSpec): string[] {
  const extra = (spec.readOnly ?? []).filter((d) => existsSync(d) && !under(d, SYSTEM_DIRS));
  const all = [...pathBinds(spec.hostPath), ...extra].sort();
  return [...new Set(all)].filter((p, i, a) => !a.slice(0, i).some((q) => p.startsWith(`${q}/`)));
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
  a.push('--bind', spec.workspace.merged, SANDBOX_SOURCE);
  a.push('--bind', spec.temp, SANDBOX_TEMP, '--bind', spec.home, SANDBOX_HOME);
  if (spec.output) a.push(spec.outputReadOnly ? '--ro-bind' : '--bind', spec.output, SANDBOX_OUTPUT);
  if (spec.cache) a.push('--bind', spec.cache, '/cache');
  if (spec.proxy) a.push('--ro-bind', spec.proxy.socketDir, SANDBOX_PROXY_DIR);
  // After /tmp: a toolchain under the host's /tmp (a Node unpacked there) stays visible on top of it.
  for (const d of readOnlyBinds(spec)) a.push('--ro-bind-try', d, d);
  a.push('--dev', '/dev', '--proc', '/proc');
  // Always a network namespace of its own (only loopback): the fetch reaches out through the proxy's socket alone.
  a.push('--unshare-net', '--unshare-user', '--uid', String(hostUid()), '--gid', String(hostGid()));
  a.push('--unshare-pid', '--unshare-ipc', '--unshare-uts', '--unshare-cgroup-try', '--hostname', 'sandbox');
  a.push('--disable-userns', '--cap-drop', 'ALL', '--die-with-parent', '--new-session', '--clearenv');
  for (const [k, v] of Object.entries(spec.env)) a.push('--setenv', k, v);
  a.push('--chdir', SANDBOX_SOURCE, '--', ...commandWithProxy(spec));
  return a;
}

const hostUid = (): number => process.getuid?.() ?? 0;
const hostGid = (): number => process.getgid?.() ?? 0;

/** The in-sandbox side of the egress proxy: a forwarder from 127.0.0.1:PORT to the proxy's socket, then the command. */
function commandWithProxy(spec: SandboxSpec): string[] {
  if (!spec.proxy) return [...spec.argv];
  return [
    process.execPath,
    `${SANDBOX_PROXY_DIR}/forward.cjs`,
    String(spec.proxy.port),
    `${SANDBOX_PROXY_DIR}/proxy.sock`,
    '--',
    ...spec.argv,
  ];
}

/** POSIX shell single quoting. */
export function shq(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function overlayOptions(w: SandboxSpec['workspace']): string {
  return `lowerdir=${[...w.lowers, w.lowerMount].join(':')},upperdir=${w.upper},workdir=${w.work},userxattr`;
}

/**
 * The phase script, run by `unshare --user --map-root-user --mount` (plus pid/net/ipc/uts for the unshare
 * fallback): bind the checkout, mount the overlay workspace, run the sandbox, record its exit status,
 * then (every sandboxed process being gone) run the integrity checker on the workspace.
 */
export function phaseScript(spec: SandboxSpec, argsFile: string, statusFile: string): string {
  const w = spec.workspace;
  const lines = [
    'set -u',
    `status() { printf '%s' "$1" > ${shq(`${statusFile}.tmp`)} && mv ${shq(`${statusFile}.tmp`)} ${shq(statusFile)}; }`,
    `mount --bind ${shq(w.source)} ${shq(w.lowerMount)} || { status 'setup:cannot bind the checkout'; exit 0; }`,
    `mount -t overlay overlay -o ${shq(overlayOptions(w))} ${shq(w.merged)} || { status 'setup:cannot mount the overlay workspace (overlayfs in a user namespace needs Linux 5.11+)'; exit 0; }`,
  ];
  if (spec.tool.kind === 'bubblewrap') {
    // bwrap wants the command on its own command line: options come from the file, the command from "$@".
    lines.push(`${shq(spec.tool.path)} --args 3 -- "$@" 3< ${shq(argsFile)}`, 'rc=$?');
  } else {
    lines.push(...chrootLines(spec), 'rc=$?');
  }
  lines.push('status "exit:$rc"');
  if (spec.check) {
    const c = spec.check;
    lines.push(
      `${shq(process.execPath)} ${shq(c.script)} ${shq(w.merged)} ${shq(w.upper)} ${shq(c.tracked)} ${shq(c.report)} ${c.algorithm} || echo 'secure-factory: the integrity check failed to run' >&2`,
    );
  }
  lines.push('exit 0', '');
  return lines.join('\n');
}

/**
 * The unshare fallback builds what bubblewrap would: a fresh tmpfs root with the system folders and
 * tools read-only, the workspace, temp, home and output bound in, a private /proc (its own pid
 * namespace: no other process's command line), a minimal /dev, then chroot and every capability
 * dropped (setpriv), so the build can neither leave the root, remount, nor reach host sockets.
 */
function chrootLines(spec: SandboxSpec): string[] {
  const R = path.join(spec.ctl, `${spec.phase}-root`);
  const l: string[] = [
    `R=${shq(R)}`,
    'mkdir -p "$R" && mount -t tmpfs -o mode=0755 tmpfs "$R" || { status "setup:cannot mount the sandbox root"; exit 0; }',
  ];
  const ro = (host: string, inside = host): void => {
    l.push(
      `if [ -d ${shq(host)} ]; then mkdir -p "$R"${shq(inside)} && mount --rbind ${shq(host)} "$R"${shq(inside)} && mount -o remount,bind,ro "$R"${shq(inside)} || { status 'setup:cannot bind ${host.replace(/'/g, '')}'; exit 0; }; fi`,
    );
  };
  const rw = (host: string, inside: string): void => {
    l.push(
      `mkdir -p "$R"${shq(inside)} && mount --bind ${shq(host)} "$R"${shq(inside)} || { status 'setup:cannot bind ${inside}'; exit 0; }`,
    );
  };
  for (const d of SYSTEM_DIRS) ro(d);
  for (const d of MAYBE_LINKS) {
    const st = lstatSync(d, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isSymbolicLink()) l.push(`ln -s ${shq(readlinkSync(d))} "$R"${shq(d)}`);
    else ro(d);
  }
  rw(spec.workspace.merged, SANDBOX_SOURCE);
  rw(spec.temp, SANDBOX_TEMP);
  rw(spec.home, SANDBOX_HOME);
  if (spec.output) {
    rw(spec.output, SANDBOX_OUTPUT);
    if (spec.outputReadOnly) l.push(`mount -o remount,bind,ro "$R"${SANDBOX_OUTPUT}`);
  }
  if (spec.cache) rw(spec.cache, '/cache');
  if (spec.proxy) ro(spec.proxy.socketDir, SANDBOX_PROXY_DIR);
  for (const d of readOnlyBinds(spec)) ro(d);
  l.push(
    'mkdir -p "$R/dev" "$R/proc" "$R/dev/shm"',
    'for n in null zero full random urandom tty; do touch "$R/dev/$n" && mount --bind "/dev/$n" "$R/dev/$n"; done',
    'ln -s /proc/self/fd "$R/dev/fd"; ln -s /proc/self/fd/0 "$R/dev/stdin"; ln -s /proc/self/fd/1 "$R/dev/stdout"; ln -s /proc/self/fd/2 "$R/dev/stderr"',
    'mount -t tmpfs tmpfs "$R/dev/shm"',
    'mount -t proc proc "$R/proc" || { status "setup:cannot mount /proc"; exit 0; }',
    'if command -v ip >/dev/null 2>&1; then ip link set lo up 2>/dev/null; fi',
    'mount -o remount,ro,bind "$R" 2>/dev/null',
  );
  const env = Object.entries(spec.env).map(([k, v]) => shq(`${k}=${v}`));
  const argv = commandWithProxy(spec).map(shq);
  l.push(
    `chroot "$R" /usr/bin/setpriv --inh-caps=-all --ambient-caps=-all --bounding-set=-all --no-new-privs -- /usr/bin/env -i ${env.join(' ')} /bin/sh -c 'cd /src && exec "$0" "$@"' ${argv.join(' ')}`,
  );
  return l;
}

const TAIL = 64 * 1024;

export async function runSandboxed(spec: SandboxSpec): Promise<SandboxResult> {
  const argsFile = path.join(spec.ctl, `${spec.phase}.args`);
  const statusFile = path.join(spec.ctl, `${spec.phase}.status`);
  const scriptFile = path.join(spec.ctl, `${spec.phase}.sh`);
  await rm(statusFile, { force: true });
  let argv: string[] = [];
  if (spec.tool.kind === 'bubblewrap') {
    const all = bwrapArgs(spec);
    const sep = all.lastIndexOf('--', all.length - commandWithProxy(spec).length - 1);
    argv = all.slice(sep + 1);
    await writeFile(
      argsFile,
      all
        .slice(0, sep)
        .map((a) => `${a}\0`)
        .join(''),
    );
  }
  await writeFile(scriptFile, phaseScript(spec, argsFile, statusFile));
  const unshare = spec.tool.unshare;
  const ns = ['--user', '--map-root-user', '--mount'];
  if (spec.tool.kind === 'unshare') ns.push('--pid', '--fork', '--kill-child', '--net', '--ipc', '--uts');
  const started = Date.now();
  // A process group of its own, so the timeout kills the whole tree (bwrap's pid namespace dies with it).
  const child = spawn(unshare, [...ns, '--', '/bin/sh', scriptFile, ...argv], {
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
  const [code, sig] = await new Promise<[number | null, string | null]>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c, s) => resolve([c, s]));
  }).finally(() => clearTimeout(timer));
  const status = await readFile(statusFile, 'utf8').catch(() => '');
  const result: SandboxResult = { exitCode: null, signal: null, timedOut, stdoutTail, stderrTail, durationMs: Date.now() - started };
  if (status.startsWith('exit:')) {
    const rc = Number(status.slice(5));
    // bwrap and sh report a command killed by signal N as 128+N.
    if (rc > 128 && rc < 128 + 65) result.signal = signalName(rc - 128);
    else result.exitCode = rc;
  } else if (status.startsWith('setup:')) {
    result.setupError = status.slice(6);
  } else if (!timedOut) {
    result.setupError = `the sandbox ended before the command finished (${code !== null ? `exit code ${code}` : `signal ${sig}`})`;
  }
  return result;
}

function signalName(n: number): string {
  for (const [name, num] of Object.entries(osConstants.signals)) if (num === n) return name;
  return `signal ${n}`;
}
