/**
 * The materials stage: inventory (lockfiles, actions, images, or an SBOM given as input), OSV matching,
 * the `materials:` policy, SBOMs and the evidence statements. Plain inputs, a Logger, no @actions/core.
 */
import { closeSync, constants, openSync, readSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import {
  blockingFindings,
  compareFindings,
  ConfigurationError,
  DEFAULT_POLICY_SOURCE,
  EvidenceFolder,
  makeStatement,
  PREDICATE,
  TOOL_NAME,
  TOOL_URI,
  TOOL_VERSION,
  writeFileAtomic,
  type Finding,
  type Logger,
  type Policy,
  type Statement,
  readRegularFileSync,
  UnsafeFileError,
} from '@secure-factory/core';
import { collectMaterials } from '../materials.js';
import type { VulnMatch, VulnSource, VulnSourceDescription } from '../osv/index.js';
import type { ImageValidationRecord, Package } from '../package.js';
import { buildCycloneDx } from '../sbom/cyclonedx.js';
import { readSbomContents, sbomKind, type SbomContents } from '../sbom/read-sbom.js';
import { formatFor } from '../lockfiles/index.js';
import type { ExplicitLockfile } from '../materials.js';
import { RULE } from './rules.js';
import { buildSpdx } from '../sbom/spdx.js';
import { evaluateMaterials, type VulnerabilityReport } from './evaluate.js';
import { materialsSubjects } from './subject.js';

export interface ScanOptions {
  /** A folder, a lockfile or manifest, or a CycloneDX/SPDX JSON SBOM. */
  path: string;
  policy: Policy;
  /** Where statements and SBOM files are written; nothing is written without it. */
  evidenceDir?: string | undefined;
  /** OSV data; without it, vulnerabilities are not matched and a blocking finding says so. */
  vulnSource?: VulnSource | undefined;
  logger: Logger;
  now: Date;
  /** Lockfiles with other names (`--lockfile FORMAT:PATH`). */
  lockfiles?: readonly ExplicitLockfile[] | undefined;
  /**
   * Checks base images in their registries (materials.images.trust; oci/image-validation.ts). Injected:
   * the Sigstore verifier it needs lives in the verify package, which stage packages do not import.
   */
  images?:
    | {
        findings(packages: readonly Package[]): Promise<Finding[]>;
        /** The packages inside the images (oci/image-validation.ts `contents`), matched like any lockfile's. */
        contents?(packages: readonly Package[]): Promise<{ packages: Package[]; findings: Finding[]; summaries: string[] }>;
        /** Each image's validation verdict by purl (oci/image-validation.ts `records`), recorded in the SBOMs. */
        records?(packages: readonly Package[]): Promise<Map<string, ImageValidationRecord>>;
      }
    | undefined;
}

export interface ScanResult {
  input: 'tree' | 'sbom';
  packages: Package[];
  vulnerabilities: VulnerabilityReport[];
  findings: Finding[];
  blocking: Finding[];
  /** Distinct packages with at least one vulnerability. */
  vulnerableCount: number;
  database?: VulnSourceDescription | undefined;
  sbom: { cyclonedx?: string; spdx?: string };
  statements: string[];
  files: string[];
  /** What `materials.ignore` excluded (folders end with `/`). */
  ignored: string[];
  /** Where findings without a file are shown (SARIF): the policy file when it is in the tree, else the first lockfile. */
  placeholderFile?: string | undefined;
  /** The policy that judged the scan: its file and the vulnerability threshold. */
  policy: { file: string; sha256: string; blockSeverity: string };
}

const MATCHABLE = new Set(['npm', 'PyPI', 'Go', 'crates.io', 'RubyGems', 'Packagist']);
const MAX_SBOM_BYTES = 256 * 1024 * 1024;

/** What an SBOM's opening says it is, before parsing (a truncated file still says it). */
function claimedSbom(head: string): 'CycloneDX' | 'SPDX' | undefined {
  if (/"bomFormat"\s*:\s*"CycloneDX"/.test(head)) return 'CycloneDX';
  if (/"spdxVersion"\s*:\s*"SPDX-2/.test(head)) return 'SPDX';
  return undefined;
}

/** The first 64 KiB of a regular file already checked by the safe reader. */
function readHead(file: string): string {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const buf = Buffer.alloc(64 * 1024);
    return buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function readSbom(file: string): SbomContents | undefined {
  if (!/\.json$/i.test(file) || formatFor(file)) return undefined;
  // Through core's safe reader: a regular file (or a link inside its folder), size checked on the handle.
  let text: string;
  try {
    text = readRegularFileSync(file, { maxBytes: MAX_SBOM_BYTES, what: 'JSON file' }).toString('utf8');
  } catch (e: unknown) {
    if (!(e instanceof UnsafeFileError) || e.reason !== 'too-large') throw e;
    // Too large: refused when its opening claims an SBOM, otherwise not an SBOM we read.
    const claimed = claimedSbom(readHead(file));
    if (claimed) throw new ConfigurationError(`the ${claimed} SBOM is over the limit of ${MAX_SBOM_BYTES} bytes`, { location: { file } });
    return undefined;
  }
  const claimed = claimedSbom(text.slice(0, 64 * 1024));
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    if (!claimed) return undefined;
    // The parser's message is not quoted: it carries a snippet of the file.
    throw new ConfigurationError(`truncated or invalid ${claimed} JSON`, {
      location: { file: path.basename(file) },
      hint: 'regenerate the SBOM; a partial document would hide the packages it lost',
    });
  }
  if (!sbomKind(doc)) {
    if (claimed) throw new ConfigurationError(`not a ${claimed} SBOM this scanner reads`, { location: { file: path.basename(file) } });
    return undefined;
  }
  return readSbomContents(doc, path.basename(file));
}

function placeholder(root: string, policyFile: string, files: readonly string[]): string | undefined {
  if (policyFile !== DEFAULT_POLICY_SOURCE) {
    const rel = path.relative(root, path.resolve(root, policyFile));
    if (!rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).join('/');
  }
  return files[0];
}

export async function scan(options: ScanOptions): Promise<ScanResult> {
  const { logger, policy, now } = options;
  const target = path.resolve(options.path);
  let st;
  try {
    st = statSync(target);
  } catch (e: unknown) {
    throw new ConfigurationError(`cannot read the path to scan: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, {
      location: { file: options.path },
    });
  }
  const root = st.isDirectory() ? target : path.dirname(target);
  let packages: Package[];
  let files: string[];
  let lockfiles: string[];
  let suppressions: string[] = [];
  let input: ScanResult['input'] = 'tree';
  let ignored: string[] = [];
  const fromSbom = st.isFile() ? readSbom(target) : undefined;
  const extra: Finding[] = [];
  if (fromSbom) {
    input = 'sbom';
    packages = fromSbom.packages;
    if (fromSbom.unreadable.length > 0) {
      extra.push({
        rule: RULE.sbomIncomplete,
        severity: 'high',
        message: `${fromSbom.unreadable.length} SBOM component(s) name no package that can be matched: ${fromSbom.unreadable.slice(0, 5).join(', ')}${fromSbom.unreadable.length > 5 ? ', …' : ''}`,
        help: 'regenerate the SBOM with a package URL (purl) for every component',
        file: path.basename(target),
        blocking: true,
        properties: { components: fromSbom.unreadable.slice(0, 100), count: fromSbom.unreadable.length },
      });
    }
    files = [path.basename(target)];
    lockfiles = [target];
    logger.info(`Read ${packages.length} packages from the SBOM ${path.basename(target)}`);
  } else {
    const collected = collectMaterials(target, { ignore: policy.materials.ignore, lockfiles: options.lockfiles ?? [], logger });
    ({ packages, files, lockfiles, suppressions, ignored } = collected);
    for (const i of ignored) logger.info(`ignored (materials.ignore): ${i}`);
    logger.info(`Found ${packages.length} materials in ${files.length} file(s)`);
    // Scanning nothing is not a pass: a wrong path must not look like a clean bill of materials.
    if (files.length === 0) {
      throw new ConfigurationError('no lockfile, manifest, workflow, Dockerfile or SBOM found to scan', {
        location: { file: options.path },
        hint: 'point the scan at the project (a folder, a lockfile or an SBOM); a project without dependencies should still commit its lockfile',
      });
    }
  }
  for (const s of suppressions) logger.warning("another scanner's suppression file; ignored (use the policy's exceptions)", { file: s });
  if (options.images?.contents) {
    const inside = await options.images.contents(packages);
    for (const line of inside.summaries) logger.info(`Base image ${line}`);
    packages = [...packages, ...inside.packages];
    extra.push(...inside.findings);
  }

  let matches: VulnMatch[] = [];
  let database: VulnSourceDescription | undefined;
  if (options.vulnSource) {
    const queries = new Map<string, { ecosystem: string; name: string; version: string }>();
    for (const p of packages) {
      // Packages inside an image: OSV is asked about what its records name (Debian's source package...).
      if (p.image) {
        const q = p.image.osv;
        if (q) queries.set(`${q.ecosystem}\u0000${q.name}\u0000${q.version}`, q);
        continue;
      }
      // Workspace links are the project's own code, not the public package that may share the name.
      if (!MATCHABLE.has(p.ecosystem) || p.version === '' || p.kind === 'link') continue;
      if (!policy.materials.includeDev && p.groups.includes('dev')) continue;
      queries.set(`${p.ecosystem}\u0000${p.name}\u0000${p.version}`, { ecosystem: p.ecosystem, name: p.name, version: p.version });
    }
    matches = await options.vulnSource.match([...queries.values()]);
    database = options.vulnSource.describe();
    logger.info(`Matched ${queries.size} package versions against ${database.uri}: ${matches.length} advisories`);
  } else {
    logger.warning('No vulnerability database: packages were not matched against OSV');
  }

  const { findings, vulnerabilities } = evaluateMaterials({
    packages,
    matches,
    policy,
    suppressions,
    now,
    database,
    vulnerabilitiesChecked: options.vulnSource !== undefined,
  });
  for (const f of extra) findings.push(f);
  if (options.images) for (const f of await options.images.findings(packages)) findings.push(f);
  // The verdicts go into the signed SBOMs: the gate refuses on them without trusting this job's exit.
  if (options.images?.records) {
    const records = await options.images.records(packages);
    packages = packages.map((p) => {
      const r = p.ecosystem === 'Docker' && !p.image ? records.get(p.purl) : undefined;
      return r ? { ...p, validation: r } : p;
    });
  }
  findings.sort(compareFindings);
  const vulnerable = new Set(vulnerabilities.map((v) => `${v.package.ecosystem}\u0000${v.package.name}\u0000${v.package.version}`));

  const result: ScanResult = {
    input,
    packages,
    vulnerabilities,
    findings,
    blocking: blockingFindings(findings),
    vulnerableCount: vulnerable.size,
    database,
    sbom: {},
    statements: [],
    files,
    ignored,
    placeholderFile: placeholder(root, policy.source.file, files),
    policy: { file: policy.source.file, sha256: policy.source.sha256, blockSeverity: policy.materials.blockSeverity },
  };

  if (options.evidenceDir) {
    const dir = path.resolve(options.evidenceDir);
    await mkdir(dir, { recursive: true });
    const name = path.basename(root);
    const subjects = await materialsSubjects(target, lockfiles, root, packages.map((p) => p.purl).join('\n'));
    const folder = new EvidenceFolder(dir);
    const write = async (n: string, s: Statement<unknown>): Promise<void> => {
      result.statements.push(await folder.write(n, s));
    };
    // One SBOM at a time, each released before the next is built: with 200k packages each document
    // and its serialisation are tens of megabytes, and holding both at once doubles the peak.
    result.sbom.cyclonedx = path.join(dir, 'sbom.cyclonedx.json');
    await (async () => {
      const cdx = buildCycloneDx(packages, { name, now });
      // Compact: the SBOM of 200k packages is ~60 MB without indentation, twice that with it.
      await writeFileAtomic(result.sbom.cyclonedx ?? '', `${JSON.stringify(cdx)}\n`);
      await write('sbom.cdx', makeStatement(subjects, PREDICATE.cyclonedx, cdx));
    })();
    result.sbom.spdx = path.join(dir, 'sbom.spdx.json');
    await (async () => {
      const spdx = buildSpdx(packages, { name, now });
      await writeFileAtomic(result.sbom.spdx ?? '', `${JSON.stringify(spdx)}\n`);
      await write('sbom.spdx', makeStatement(subjects, PREDICATE.spdx, spdx));
    })();
    if (options.vulnSource && database) {
      await write('vulns', makeStatement(subjects, PREDICATE.vulns, vulnsPredicate(vulnerabilities, database, now)));
    }
    logger.info(`Wrote ${result.statements.length} statements to ${dir}`);
  }
  return result;
}

function vulnsPredicate(vulns: readonly VulnerabilityReport[], db: VulnSourceDescription, now: Date): Record<string, unknown> {
  const database: Record<string, string> = { uri: db.uri };
  if (db.version) database.version = db.version;
  if (db.lastUpdate) database.lastUpdate = db.lastUpdate;
  return {
    scanner: {
      uri: `${TOOL_URI}#${TOOL_NAME}-materials`,
      version: TOOL_VERSION,
      database,
      result: {
        vulnerabilities: vulns.map((v) => ({
          id: v.id,
          severity: [{ method: v.score ? 'CVSS' : 'secure-factory', score: v.score ?? v.severity }],
          annotations: [{ aliases: v.aliases, package: v.package, severity: v.severity, fixedVersions: v.fixedVersions, waived: v.waived }],
        })),
      },
    },
    scanMetadata: { scanStartedOn: now.toISOString(), scanFinishedOn: new Date(Math.max(Date.now(), now.getTime())).toISOString() },
  };
}
