/**
 * The shapes of OSV records (https://ossf.github.io/osv-schema/) and of what the vulnerability engine
 * hands back. Only the fields the engine reads are typed; records keep every other field untouched.
 */

export type RangeType = 'ECOSYSTEM' | 'SEMVER' | 'GIT';

export interface OsvEvent {
  introduced?: string;
  fixed?: string;
  last_affected?: string;
  limit?: string;
}

export interface OsvRange {
  type: RangeType | (string & {});
  repo?: string;
  events: OsvEvent[];
  database_specific?: Record<string, unknown>;
}

export interface OsvSeverity {
  type: string; // CVSS_V2, CVSS_V3, CVSS_V4, Ubuntu, ...
  score: string;
}

export interface OsvAffected {
  package?: { ecosystem: string; name: string; purl?: string };
  severity?: OsvSeverity[];
  ranges?: OsvRange[];
  versions?: string[];
  ecosystem_specific?: Record<string, unknown>;
  database_specific?: Record<string, unknown>;
}

export interface OsvReference {
  type: string;
  url: string;
}

export interface OsvRecord {
  schema_version?: string;
  id: string;
  modified?: string;
  published?: string;
  withdrawn?: string;
  aliases?: string[];
  related?: string[];
  upstream?: string[];
  summary?: string;
  details?: string;
  severity?: OsvSeverity[];
  affected?: OsvAffected[];
  references?: OsvReference[];
  database_specific?: Record<string, unknown>;
  [key: string]: unknown;
}

/** A package as the lockfile parsers report it. */
export interface PackageRef {
  ecosystem: string;
  name: string;
  version: string;
}

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** Where a match's severity came from, so a report can say "unknown, treated as high". */
export type SeveritySource = 'cvss_v4' | 'cvss_v3' | 'cvss_v2' | 'database' | 'malicious' | 'unknown';

/** One issue (aliases merged) on one package version. */
export interface VulnMatch {
  /** The representative id: a GHSA id when the merged group has one, else the smallest record id. */
  id: string;
  /** Every other id and alias of the merged records (never `related`), sorted. */
  aliases: string[];
  package: PackageRef;
  severity: Severity;
  /** The CVSS base score as text ("9.8"), when a vector gave one. */
  score?: string;
  /** The CVSS vector the score came from. */
  vector?: string;
  severitySource?: SeveritySource;
  /** `fixed` events above the installed version in the ranges that matched, ecosystem-ordered. */
  fixedVersions: string[];
  /** "Possibly affected": why the records could only be read conservatively (an unparseable bound). */
  uncertain?: string[];
  summary?: string;
  references?: string[];
  modified?: string;
  published?: string;
}

export interface VulnSourceDescription {
  /** Where the data came from: `file:///…/all.zip`, `https://api.osv.dev`. */
  uri: string;
  /** A content digest of an offline database (`sha256:…`), when known. */
  version?: string;
  /** RFC 3339: the newest `modified` among the records seen. */
  lastUpdate?: string;
}

export interface VulnSource {
  match(packages: readonly PackageRef[]): Promise<VulnMatch[]>;
  describe(): VulnSourceDescription;
}
