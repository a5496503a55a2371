/**
 * The vulnerability engine: per-ecosystem version ordering, OSV range semantics, severity from
 * CVSS, and two interchangeable sources (an offline database, the osv.dev API).
 */
export type {
  OsvAffected,
  OsvEvent,
  OsvRange,
  OsvRecord,
  OsvReference,
  OsvSeverity,
  PackageRef,
  RangeType,
  Severity,
  SeveritySource,
  VulnMatch,
  VulnSource,
  VulnSourceDescription,
} from './types.js';
export { compareVersions, comparatorFor, type VersionComparator } from './versions/compare-versions.js';
export { isAffected, evaluate, rangeContains, type Evaluation } from './affected.js';
export { canonicalEcosystem, ecosystemCovers, normalisePackageName, parseEcosystem, packageKey } from './ecosystems.js';
export { cvssScore, severityFromScore, recordSeverity, SEVERITY_RANK, type SeverityVerdict } from './severity.js';
export { mergeHits, type Hit } from './merge.js';
export { recordProblems, isOsvRecord } from './record-validation.js';
export { openOfflineDatabase, OfflineDatabase, type OfflineDatabaseOptions, type SkippedRecord } from './offline-database.js';
export { OsvApiSource, type OsvApiOptions } from './api-source.js';
