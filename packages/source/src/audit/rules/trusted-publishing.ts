/**
 * use-trusted-publishing: PyPI, RubyGems, crates.io and npm accept short-lived OIDC credentials from
 * the workflow itself; a long-lived API token in a secret is one more thing to leak. Flags publishing
 * actions given a token for an index that supports trusted publishing, and publish commands in jobs
 * that cannot mint an OIDC token (no `id-token: write`).
 */
import { isMap, isScalar } from 'yaml';
import { parseUses, runCommands, type Audit, type AuditFile, type Job, type RawFinding, type Step } from '../model.js';
import { Args } from '../shell.js';

const PYPI_URLS = ['https://upload.pypi.org/legacy/', 'https://test.pypi.org/legacy/'];
const RUBYGEMS = ['https://rubygems.org'];
const NPMJS = ['https://registry.npmjs.org', 'https://registry.npmjs.org/'];

/**
 * zizmor's control fields: an input that is absent takes `absent`; an exact-match field matches only
 * one of the listed values; an expression (`${{ }}`) could be anything, so it does not match.
 */
function exact(value: string | undefined, allowed: string[], absent: boolean): boolean {
  if (value === undefined) return absent;
  return allowed.includes(value);
}
function freeString(value: string | undefined, absent: boolean): boolean {
  return value === undefined ? absent : true;
}
function bool(value: string | undefined, absent: boolean): boolean {
  if (value === undefined) return absent;
  const v = value.trim();
  if (v.includes('${{')) return absent;
  return v === 'true';
}

/** Publishing actions configured with a manual credential: the finding's key under `with`. */
function actionFinding(f: AuditFile, step: Step): string | undefined {
  if (!step.uses) return undefined;
  const u = parseUses(step.uses.value);
  if (u.kind !== 'repository') return undefined;
  const input = (name: string): string | undefined => {
    const n = f.src.get(step.with, name);
    return n === undefined ? undefined : f.src.str(n);
  };
  switch (u.slug) {
    case 'pypa/gh-action-pypi-publish':
      return freeString(input('password'), false) &&
        exact(input('repository-url'), PYPI_URLS, true) &&
        exact(input('repository_url'), PYPI_URLS, true)
        ? 'password'
        : undefined;
    case 'rubygems/release-gem':
      return !bool(input('setup-trusted-publisher'), true) ? 'setup-trusted-publisher' : undefined;
    case 'rubygems/configure-rubygems-credentials':
      return freeString(input('api-token'), false) && exact(input('gem-server'), RUBYGEMS, true) ? 'api-token' : undefined;
    case 'actions/setup-node':
      return exact(input('registry-url'), NPMJS, true) && bool(input('always-auth'), false) ? 'always-auth' : undefined;
    default:
      return undefined;
  }
}

/** Whether the job (or, without job permissions, the workflow) can request an OIDC token. */
function canMintIdToken(f: AuditFile, job: Job | undefined): boolean {
  const perms =
    job && f.src.pair(job.node, 'permissions')
      ? f.src.get(job.node, 'permissions')
      : f.kind === 'workflow'
        ? f.src.get(f.root, 'permissions')
        : undefined;
  if (perms === undefined) return f.kind === 'action';
  if (isScalar(perms)) return f.src.str(perms) === 'write-all';
  return isMap(perms) && f.src.str(f.src.get(perms, 'id-token')) === 'write';
}

/** zizmor's `is_publish_command`, argument iterator semantics included (see `Args`). */
export function isPublishCommand(cmd: string, argv: string[]): boolean {
  const args = new Args(argv);
  switch (cmd) {
    case 'cargo':
      return args.any((a) => a === 'publish') && args.all((a) => a !== '--dry-run' && a !== '-n');
    case 'uv': {
      const sub = args.find((a) => a === 'publish' || a === 'run');
      if (sub === 'publish') return args.all((a) => a !== '--dry-run');
      if (sub === 'run') return args.any((a) => a === 'twine') && args.any((a) => a === 'upload');
      return false;
    }
    case 'uvx':
      return args.any((a) => a.startsWith('twine')) && args.any((a) => a === 'upload');
    case 'hatch':
    case 'pdm':
      return args.any((a) => a === 'publish');
    case 'poetry':
      return args.any((a) => a === 'publish') && args.all((a) => a !== '--dry-run');
    case 'twine':
      return args.any((a) => a === 'upload');
    case 'pipx':
      return args.any((a) => a === 'run') && args.any((a) => a.startsWith('twine')) && args.any((a) => a === 'upload');
    case 'gem':
      return args.any((a) => a === 'push');
    case 'bundle':
      return args.any((a) => a === 'exec') && args.any((a) => a === 'gem') && args.any((a) => a === 'push');
    case 'npm':
    case 'pnpm':
    case 'bun':
      return args.any((a) => a === 'publish') && args.all((a) => a !== '--dry-run');
    case 'yarn': {
      const sub = args.find((a) => a === 'publish' || a === 'npm');
      if (sub === 'publish') return true;
      if (sub === 'npm') return args.any((a) => a === 'publish') && args.all((a) => a !== '--dry-run' && a !== '-n');
      return false;
    }
    case 'bunx':
      return args.find((a) => a === 'npm' || a.startsWith('npm@')) !== undefined
        ? args.any((a) => a === 'publish') && args.all((a) => a !== '--dry-run')
        : false;
    case 'nuget':
    case 'nuget.exe':
      return args.any((a) => a === 'push');
    case 'dotnet':
      return args.any((a) => a === 'nuget') && args.any((a) => a === 'push');
    default:
      return cmd.startsWith('python') && args.any((a) => a === '-m') && args.any((a) => a === 'twine') && args.any((a) => a === 'upload');
  }
}

export const useTrustedPublishing: Audit = (f, report) => {
  for (const step of f.steps) {
    const key = actionFinding(f, step);
    if (key && step.uses) {
      const usesRange = f.src.pairRange(step.uses.pair);
      if (usesRange)
        report({
          ...finding(
            `${step.uses.value.split('@')[0]} uses a manually-configured credential (with.${key}) instead of Trusted Publishing`,
            usesRange,
          ),
          ...(step.node.range ? { ignoreRange: [step.node.range[0], step.node.range[1]] as [number, number] } : {}),
        });
    }
    // zizmor checks `run:` commands in workflow jobs only (composite actions cannot know the caller's token).
    if (!step.run || f.kind !== 'workflow' || canMintIdToken(f, step.job)) continue;
    for (const cmd of runCommands(f, step)) {
      if (!isPublishCommand(cmd.name, cmd.args)) continue;
      report({
        ...finding(
          `\`${[cmd.name, ...cmd.args].join(' ').slice(0, 80)}\` publishes with a long-lived token; the registry supports trusted publishing (grant id-token: write and drop the token)`,
          [cmd.start, cmd.end],
        ),
        ...(step.node.range ? { ignoreRange: [step.node.range[0], step.node.range[1]] as [number, number] } : {}),
      });
    }
  }
};

function finding(message: string, range: [number, number]): RawFinding {
  return {
    audit: 'use-trusted-publishing',
    severity: 'info',
    confidence: 'high',
    persona: 'regular',
    message: `prefer trusted publishing for authentication: ${message}`,
    range,
  };
}
