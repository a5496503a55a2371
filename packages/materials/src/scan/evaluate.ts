/**
 * The `materials:` policy applied to the inventory and the vulnerability matches: one Finding per
 * problem, blocking when the policy says so and no unexpired waiver in `exceptions:` covers it.
 */
import {
  atLeast,
  CelRuleRunner,
  policyGlobMatch,
  findWaiver,
  isExpired,
  type Exception,
  type Finding,
  type Policy,
  type Severity,
} from '@secure-factory/core';
import type { VulnMatch } from '../osv/index.js';
import { osvPackageRef, packageJson, type Package } from '../package.js';
import { imageLocation, parseImageRef } from '../other/image-ref.js';
import { checkLicense } from './licenses.js';
import { RULE } from './rules.js';

export interface VulnerabilityReport {
  id: string;
  aliases: string[];
  package: { ecosystem: string; name: string; version: string };
  severity: Severity;
  score?: string;
  fixedVersions: string[];
  summary?: string;
  waived: boolean;
  /** Possibly affected: the advisory's range could only be read conservatively. */
  uncertain?: string[];
  references?: string[];
  vector?: string;
}

export interface EvaluateInput {
  packages: readonly Package[];
  matches: readonly VulnMatch[];
  policy: Policy;
  suppressions: readonly string[];
  now: Date;
  database?: { uri: string; lastUpdate?: string } | undefined;
  vulnerabilitiesChecked: boolean;
}

const LOCKFILE_ECOSYSTEMS = new Set(['npm', 'PyPI', 'Go', 'crates.io', 'RubyGems', 'Packagist']);
/** Formats that record a hash for every registry package (requirements.txt, go.mod and Gemfile.lock may not). */
const HASHING_FORMATS =
  /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lock|Cargo\.lock|Pipfile\.lock|poetry\.lock|uv\.lock)$/;

/** Files that say whether a dependency is for development (a dev flag or group) or for run time. */
const RECORDS_SCOPE =
  /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|pnpm-lock\.yaml|bun\.lock|Pipfile\.lock|uv\.lock|composer\.lock|package\.json|Pipfile|pyproject\.toml|Cargo\.toml)$/;

/** `development` or `runtime` where the format says, undefined where it does not (requirements.txt, yarn.lock...). */
export function dependencyScope(p: Package): 'development' | 'runtime' | undefined {
  if (p.groups.includes('dev')) return 'development';
  return RECORDS_SCOPE.test(p.sourceFile) ? 'runtime' : undefined;
}

function pkgLabel(p: { name: string; version: string }): string {
  return p.version ? `${p.name}@${p.version}` : p.name;
}

/** `libssl3@3.0.11-1~deb12u1 (source openssl 3.0.11-1~deb12u1, Debian:12) in the image registry/name@sha256:…`. */
function imagePackageLabel(p: Package, q: { ecosystem: string; name: string; version: string }): string {
  const source = q.name !== p.name || q.version !== p.version ? `source ${q.name} ${q.version}, ` : '';
  const image = p.image;
  if (!image?.imagePurl) return `${p.name}@${p.version} (${source}${q.ecosystem}) in ${image?.reference ?? 'an image'}`;
  const pin = image.digest && !image.reference.includes('@') ? `@${image.digest}` : '';
  return `${p.name}@${p.version} (${source}${q.ecosystem}) in the image ${image.reference}${pin}`;
}

function hostAllowed(url: string, allowed: readonly string[]): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const where = `${u.host}${u.pathname}`;
  return allowed.some((a) => {
    const s = a.replace(/^https?:\/\//, '').replace(/\/+$/, '');
    return where === s || where.startsWith(`${s}/`) || u.host === s;
  });
}

function prefixAllowed(location: string, allowed: readonly string[]): boolean {
  return allowed.some((a) => {
    const s = a.replace(/\/+$/, '');
    return location === s || location.startsWith(`${s}/`);
  });
}

/** Policy globs are core's (no RegExp: a `*a*a*a…b` glob must not backtrack for minutes). */
const globMatch = policyGlobMatch;

export function evaluateMaterials(input: EvaluateInput): { findings: Finding[]; vulnerabilities: VulnerabilityReport[] } {
  const { policy, now } = input;
  const m = policy.materials;
  const findings: Finding[] = [];
  const used = new Set<Exception>();

  const push = (f: Finding, ids: readonly string[], pkg: Package | undefined, blocks: boolean): boolean => {
    const scope = pkg ? dependencyScope(pkg) : undefined;
    if (scope) f.properties = { ...f.properties, scope };
    // Waivers scoped to a digest or an environment are the gate's business: with neither given here, they do not match.
    const waiver = findWaiver(policy.exceptions, { ids, rule: f.rule, ...(pkg ? { package: pkg } : {}) }, now, policy.exceptionMaxDays)
      .active?.exception;
    if (waiver) {
      used.add(waiver);
      f.waived = { reason: waiver.reason, approver: waiver.approver, expires: waiver.expires };
      f.blocking = false;
    } else f.blocking = blocks;
    findings.push(f);
    return waiver !== undefined;
  };
  const where = (p: Package): Pick<Finding, 'file' | 'line'> => ({ file: p.sourceFile, ...(p.line !== undefined ? { line: p.line } : {}) });
  // The project's own workspace packages (links) are not third-party materials.
  const considered = input.packages.filter((p) => (m.includeDev || !p.groups.includes('dev')) && p.kind !== 'link');

  // Vulnerabilities: one finding per advisory per package occurrence (each lockfile line gets its annotation).
  const byKey = new Map<string, Package[]>();
  for (const p of considered) {
    // A package inside an image is matched as what OSV was asked about it (Debian: its source package).
    const q = osvPackageRef(p);
    if (!q) continue;
    const k = `${q.ecosystem}\u0000${q.name}\u0000${q.version}`;
    const list = byKey.get(k) ?? [];
    list.push(p);
    byKey.set(k, list);
  }
  const vulnerabilities: VulnerabilityReport[] = [];
  for (const v of input.matches) {
    const ids = [v.id, ...v.aliases];
    const occurrences = byKey.get(`${v.package.ecosystem}\u0000${v.package.name}\u0000${v.package.version}`) ?? [];
    let waived = false;
    for (const p of occurrences.length > 0 ? occurrences : [undefined]) {
      const fixed = v.fixedVersions.length > 0 ? `fixed in ${v.fixedVersions.join(', ')}` : 'no fixed version yet';
      const possibly = v.uncertain ? ` (possibly affected: ${v.uncertain[0] ?? ''})` : '';
      const f: Finding = {
        rule: RULE.vulnerable,
        severity: v.severity,
        message: `${v.id}${v.aliases.length ? ` (${v.aliases.slice(0, 3).join(', ')})` : ''} in ${p?.image ? imagePackageLabel(p, v.package) : pkgLabel(v.package)}: ${v.summary ?? 'known vulnerability'} — ${fixed}${possibly}`,
        help:
          p?.image && v.fixedVersions.length > 0
            ? `move to a base image whose ${v.package.name} is ${v.fixedVersions[0] ?? ''} or later (or upgrade the package in the image and pin the new digest)`
            : v.fixedVersions.length > 0
              ? `upgrade ${v.package.name} to ${v.fixedVersions[0] ?? ''} or later`
              : 'no fix is published: remove the dependency or add a waiver with an expiry',
        ...(p ? where(p) : {}),
        properties: {
          advisory: v.id,
          aliases: v.aliases,
          package: v.package,
          ...(p?.image ? { image: { reference: p.image.reference, digest: p.image.digest, package: p.purl } } : {}),
          fixedVersions: v.fixedVersions,
          ...(v.score ? { score: v.score } : {}),
          ...(v.vector ? { vector: v.vector } : {}),
          ...(v.uncertain ? { possiblyAffected: v.uncertain } : {}),
          ...(v.references?.length ? { references: v.references } : {}),
        },
      };
      waived = push(f, ids, p, atLeast(v.severity, m.blockSeverity)) || waived;
    }
    vulnerabilities.push({
      id: v.id,
      aliases: v.aliases,
      package: v.package,
      severity: v.severity,
      ...(v.score ? { score: v.score } : {}),
      fixedVersions: v.fixedVersions,
      ...(v.summary ? { summary: v.summary } : {}),
      waived,
      ...(v.uncertain ? { uncertain: v.uncertain } : {}),
      ...(v.references?.length ? { references: v.references } : {}),
      ...(v.vector ? { vector: v.vector } : {}),
    });
  }

  // Licences: only when the policy names some.
  if (m.licenses.allow.length > 0 || m.licenses.deny.length > 0) {
    const unknownByFile = new Map<string, Package[]>();
    for (const p of considered) {
      if (!LOCKFILE_ECOSYSTEMS.has(p.ecosystem) || p.image) continue;
      const verdicts = (p.licenses && p.licenses.length > 0 ? p.licenses : [undefined]).map((l) =>
        checkLicense(l, m.licenses.allow, m.licenses.deny),
      );
      const bad = verdicts.find((v) => !v.ok && v.reason !== 'unknown');
      if (bad && !bad.ok) {
        const rule = bad.reason === 'denied' ? RULE.licenseDenied : RULE.licenseNotAllowed;
        push(
          {
            rule,
            severity: 'high',
            message: `${pkgLabel(p)} is licensed ${bad.detail}`,
            help: 'replace the dependency, or change materials.licenses',
            ...where(p),
            properties: { package: pkgLabel(p), licenses: p.licenses ?? [] },
          },
          [],
          p,
          true,
        );
      } else if (verdicts.some((v) => !v.ok)) {
        const list = unknownByFile.get(p.sourceFile) ?? [];
        list.push(p);
        unknownByFile.set(p.sourceFile, list);
      }
    }
    if (m.licenses.unknown !== 'allow') {
      for (const [file, list] of unknownByFile) {
        push(
          {
            rule: RULE.licenseUnknown,
            severity: m.licenses.unknown === 'block' ? 'high' : 'low',
            message: `${list.length} package(s) have no SPDX licence in ${file}: ${list.slice(0, 5).map(pkgLabel).join(', ')}${list.length > 5 ? ', …' : ''}`,
            help: 'scan an SBOM that records licences, or set materials.licenses.unknown',
            file,
            ...(list[0]?.line !== undefined ? { line: list[0].line } : {}),
            properties: { count: list.length },
          },
          [],
          undefined,
          m.licenses.unknown === 'block',
        );
      }
    }
  }

  // Sources: registries, non-registry kinds, integrity.
  const missingIntegrity = new Map<string, Package[]>();
  for (const p of considered) {
    if (!LOCKFILE_ECOSYSTEMS.has(p.ecosystem) || p.image) continue;
    if (
      m.registries.length > 0 &&
      p.resolved &&
      /^https?:\/\//.test(p.resolved) &&
      (p.kind === 'registry' || p.kind === 'http') &&
      !hostAllowed(p.resolved, m.registries)
    ) {
      push(
        {
          rule: RULE.registry,
          severity: 'high',
          message: `${pkgLabel(p)} is fetched from ${new URL(p.resolved).host}, not an allowed registry`,
          help: `allowed: ${m.registries.join(', ')}`,
          ...where(p),
          properties: { resolved: p.resolved },
        },
        [],
        p,
        true,
      );
    }
    const kind = p.kind === 'link' ? 'file' : p.kind;
    if ((kind === 'git' && !m.nonRegistry.git) || (kind === 'http' && !m.nonRegistry.http) || (kind === 'file' && !m.nonRegistry.file)) {
      push(
        {
          rule: RULE.nonRegistry,
          severity: 'medium',
          message: `${pkgLabel(p)} comes from ${kind === 'git' ? 'a git repository' : kind === 'http' ? 'a URL' : 'a local path'}${p.resolved ? ` (${p.resolved})` : ''}`,
          help: `publish it to a registry, or allow ${kind} sources in materials.non-registry`,
          ...where(p),
          properties: { kind },
        },
        [],
        p,
        true,
      );
    }
    if (m.integrity === 'required' && p.kind === 'registry' && !p.integrity && HASHING_FORMATS.test(p.sourceFile)) {
      const list = missingIntegrity.get(p.sourceFile) ?? [];
      list.push(p);
      missingIntegrity.set(p.sourceFile, list);
    }
  }
  for (const [file, list] of missingIntegrity) {
    push(
      {
        rule: RULE.integrity,
        severity: 'medium',
        message: `${list.length} registry package(s) in ${file} have no integrity hash: ${list.slice(0, 5).map(pkgLabel).join(', ')}${list.length > 5 ? ', …' : ''}`,
        help: 'regenerate the lockfile so each entry records its hash (materials.integrity)',
        file,
        ...(list[0]?.line !== undefined ? { line: list[0].line } : {}),
        properties: { count: list.length },
      },
      [],
      undefined,
      true,
    );
  }

  // Declared dependencies that pin no single release: a finding each, never skipped.
  if (m.unpinned !== 'allow') {
    const why: Record<string, string> = {
      range: 'a version range',
      none: 'no version',
      url: 'a URL',
      vcs: 'a VCS reference without a commit',
      path: 'a local path',
      variable: 'an unexpanded variable',
      'not-locked': 'a declaration its lockfile does not hold',
    };
    for (const p of considered) {
      if (!LOCKFILE_ECOSYSTEMS.has(p.ecosystem) || p.image) continue;
      const unversioned = p.kind === 'file' ? 'path' : p.kind === 'http' ? 'url' : p.kind === 'git' ? 'vcs' : 'none';
      const reason = p.unpinned ?? (p.version === '' && !p.commit ? unversioned : undefined);
      if (!reason) continue;
      push(
        {
          rule: RULE.unpinned,
          severity: 'high',
          message: `${p.name} is declared with ${why[reason] ?? reason}${p.declared ? `: ${p.declared}` : ''}${p.version ? ` (matched as ${p.version})` : ' (cannot be matched against advisories)'}`,
          help:
            reason === 'not-locked'
              ? 'regenerate the lockfile so it resolves every declared dependency'
              : 'pin the exact release (==1.2.3, a lockfile, a commit), or set materials.unpinned: warn in the policy',
          ...where(p),
          properties: { package: pkgLabel(p), reason, ...(p.declared ? { declared: p.declared } : {}) },
        },
        [],
        p,
        m.unpinned === 'block',
      );
    }
  }

  // Actions and images.
  for (const p of input.packages) {
    if (p.ecosystem === 'GitHub Actions') {
      if (m.actions.allow.length > 0 && !m.actions.allow.some((a) => globMatch(a, p.name) || globMatch(a, p.reference ?? ''))) {
        push(
          {
            rule: RULE.actionNotAllowed,
            severity: 'high',
            message: `${p.reference ?? p.name} is not in materials.actions.allow`,
            ...where(p),
          },
          [],
          p,
          true,
        );
      }
      const unpinned = m.actions.pinned === 'sha' ? !p.pinned : m.actions.pinned === 'tag' ? p.version === '' : false;
      if (unpinned) {
        push(
          {
            rule: RULE.actionPin,
            severity: 'high',
            message: `${p.reference ?? p.name} is not pinned by a full commit SHA`,
            help: 'pin it to the 40-character commit SHA of the release, with a `# vX.Y.Z` comment',
            ...where(p),
            properties: { reference: p.reference },
          },
          [],
          p,
          true,
        );
      }
    } else if (p.ecosystem === 'Docker') {
      const ref = parseImageRef(p.reference ?? p.name);
      if (!ref) {
        push(
          {
            rule: RULE.imageUnresolved,
            severity: 'medium',
            message: `image reference "${p.reference ?? p.name}" cannot be resolved`,
            help: 'name the image literally or give the build argument a default',
            ...where(p),
          },
          [],
          p,
          true,
        );
        continue;
      }
      const unpinned =
        m.images.pinned === 'digest' ? !p.pinned : m.images.pinned === 'tag' ? !ref.digest && (!ref.tag || ref.tag === 'latest') : false;
      if (unpinned) {
        push(
          {
            rule: RULE.imagePin,
            severity: 'high',
            message: `${p.reference ?? p.name} is not pinned by digest`,
            help: 'reference the image as name@sha256:<digest>',
            ...where(p),
            properties: { reference: p.reference },
          },
          [],
          p,
          true,
        );
      }
      if (m.images.registries.length > 0 && !prefixAllowed(imageLocation(ref), m.images.registries)) {
        push(
          {
            rule: RULE.imageRegistry,
            severity: 'high',
            message: `${p.reference ?? p.name} comes from ${ref.registry}, not an allowed registry`,
            help: `mirror it to one of: ${m.images.registries.join(', ')}`,
            ...where(p),
            properties: { registry: ref.registry },
          },
          [],
          p,
          true,
        );
      }
    }
  }

  for (const s of input.suppressions) {
    findings.push({
      rule: RULE.suppression,
      severity: 'low',
      message: `${s} is another scanner's suppression file; secure-factory ignores it`,
      help: "waivers belong in the policy file's exceptions, with a reason, an approver and an expiry",
      file: s,
      blocking: false,
    });
  }
  for (const x of policy.exceptions) {
    if (!isExpired(x.expires, now) || x.environment || x.digest) continue;
    const scope = x.advisory ?? x.rule ?? x.package ?? 'waiver';
    findings.push({
      rule: RULE.waiverExpired,
      severity: 'medium',
      message: `the waiver for ${scope}${x.package && x.advisory ? ` (${x.package})` : ''} expired on ${x.expires}; it no longer applies`,
      help: 'fix the finding, or renew the waiver with a new expiry',
      file: policy.source.file,
      blocking: false,
      properties: { exception: { ...x } },
    });
  }
  if (!input.vulnerabilitiesChecked) {
    findings.push({
      rule: RULE.notChecked,
      severity: 'high',
      message: 'no vulnerability database was given: packages were not matched against OSV',
      blocking: true,
    });
  } else if (input.database?.lastUpdate) {
    const age = now.getTime() - Date.parse(input.database.lastUpdate);
    if (age > m.database.maxAgeMs) {
      // Reported, not blocking here: the gate enforces the database age per environment (max-database-age).
      push(
        {
          rule: RULE.databaseStale,
          severity: 'medium',
          message: `the vulnerability database (${input.database.uri}) was last updated ${input.database.lastUpdate}, ${Math.round(age / 3_600_000)} h ago`,
          help: 'refresh the OSV database (materials.database.max-age)',
        },
        [],
        undefined,
        false,
      );
    }
  }
  // CEL rules: what the declarative keys cannot say, over the same data `scan --json` prints.
  if (m.rules.length > 0) {
    const context = {
      packages: input.packages.map((p) => ({
        ...packageJson(p),
        kind: p.kind ?? '',
        pinned: p.pinned ?? null,
        registry: p.registry ?? '',
        licenses: p.licenses ?? [],
      })),
      vulnerabilities: vulnerabilities.map((v) => ({
        id: v.id,
        aliases: v.aliases,
        package: v.package,
        severity: v.severity,
        fixed_versions: v.fixedVersions,
        waived: v.waived,
      })),
    };
    const runner = new CelRuleRunner(context);
    for (const r of m.rules) {
      if (runner.evaluate(r.expression, r.name)) continue;
      push(
        {
          rule: RULE.celRule,
          severity: 'high',
          message: r.message ?? `policy rule "${r.name}" is not satisfied`,
          help: `materials.rules: ${r.name}: ${r.expression}`,
          file: policy.source.file,
          properties: { name: r.name },
        },
        [],
        undefined,
        true,
      );
    }
  }
  return { findings, vulnerabilities };
}
