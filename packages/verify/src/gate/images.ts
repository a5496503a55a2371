/**
 * Container images named by the evidence: `pkg:docker/...` and `pkg:oci/...` package URLs in the SBOM
 * (CycloneDX components, SPDX external refs) and in the provenance's resolved dependencies.
 */
import { identityGlobMatch, sha256Hex, type ProvenancePredicate, type Statement } from '@secure-factory/core';
import type { ArtifactInput } from '../bundle/artifact.js';
import type { LoadedTrustedRoot } from '../bundle/trusted-root.js';
import { createBundleVerifier, type BundleVerifier, type VerifyPolicy } from '../bundle/verifier.js';

export interface ImageRef {
  /** `docker.io/library/node`, `ghcr.io/acme/base`. */
  repository: string;
  /** `sha256:HEX` when pinned by digest, else the tag (or empty). */
  version: string;
  pinned: boolean;
  purl: string;
}

const DIGEST = /^sha256:[0-9a-f]{64}$/;

/** Parses a docker/oci purl; other purls give undefined. */
export function parseImagePurl(purl: string): ImageRef | undefined {
  const m = /^pkg:(docker|oci)\/([^@?#]+)(?:@([^?#]+))?(?:\?([^#]*))?/.exec(purl);
  if (!m) return undefined;
  const type = m[1] as string;
  let namePath = decodeURIComponent(m[2] as string);
  let version = decodeURIComponent(m[3] ?? '');
  // Tolerate the docker habit `name:tag` where a purl would say `name@tag`.
  const tagAt = namePath.lastIndexOf(':');
  if (!version && tagAt > namePath.lastIndexOf('/')) {
    version = namePath.slice(tagAt + 1);
    namePath = namePath.slice(0, tagAt);
  }
  const qualifiers = new URLSearchParams(m[4] ?? '');
  let registry = (qualifiers.get('repository_url') ?? '').replace(/^https?:\/\//, '').replace(/\/+$/, '');
  let repository: string;
  if (type === 'docker') {
    // purl-spec: the default repository_url of pkg:docker is Docker Hub.
    if (registry === '' || /^(registry\.hub\.docker\.com|index\.docker\.io|hub\.docker\.com)$/.test(registry)) registry = 'docker.io';
    const name = registry === 'docker.io' && !namePath.includes('/') ? `library/${namePath}` : namePath;
    repository = `${registry}/${name}`;
  } else {
    // pkg:oci: repository_url is the full repository (registry/namespace/name).
    repository = registry === '' ? namePath : registry.includes('/') ? registry : `${registry}/${namePath}`;
  }
  const tag = qualifiers.get('tag') ?? '';
  return { repository: repository.toLowerCase(), version: version || tag, pinned: DIGEST.test(version), purl };
}

/** Every image purl named by an SBOM (CycloneDX or SPDX) or a provenance. */
export function imagesIn(statements: readonly Statement[]): ImageRef[] {
  const purls = new Set<string>();
  for (const s of statements) collectPurls(s, purls);
  const out: ImageRef[] = [];
  for (const p of [...purls].sort()) {
    const ref = parseImagePurl(p);
    if (ref) out.push(ref);
  }
  return out;
}

function collectPurls(s: Statement, out: Set<string>): void {
  const p = s.predicate;
  // CycloneDX: components (nested) with purl.
  const walkComponents = (list: unknown): void => {
    if (!Array.isArray(list)) return;
    for (const c of list as Record<string, unknown>[]) {
      if (typeof c.purl === 'string') out.add(c.purl);
      walkComponents(c.components);
    }
  };
  walkComponents(p.components);
  const meta = p.metadata as { component?: unknown } | undefined;
  if (meta?.component) walkComponents([meta.component]);
  // SPDX 2.3: packages[].externalRefs[] of type purl.
  if (Array.isArray(p.packages)) {
    for (const pkg of p.packages as { externalRefs?: { referenceType?: string; referenceLocator?: string }[] }[]) {
      for (const r of pkg.externalRefs ?? []) if (r.referenceType === 'purl' && r.referenceLocator) out.add(r.referenceLocator);
    }
  }
  // Provenance: resolvedDependencies uri/name.
  const bd = (p as Partial<ProvenancePredicate>).buildDefinition;
  for (const d of bd?.resolvedDependencies ?? []) {
    for (const v of [d.uri, d.name]) if (typeof v === 'string' && /^pkg:(docker|oci)\//.test(v)) out.add(v);
  }
}

/** `ghcr.io/acme` allows `ghcr.io/acme/x`; `docker.io` must be listed to allow Docker Hub. */
export function registryAllowed(repository: string, allowed: readonly string[]): boolean {
  return allowed.some((a) => {
    const prefix = a
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/\/+$/, '');
    return repository === prefix || repository.startsWith(`${prefix}/`);
  });
}

/**
 * The bundle check the materials stage's image validation is given (it cannot import this package):
 * a key trust entry verifies with that key alone (no timestamp needed, as for the factory's key-signed
 * evidence); an identity entry with the trust roots given (default the shipped public-good and GitHub
 * ones) and the certificate SAN (and issuer).
 */
export function imageSignatureVerifier(
  options: { trustedRoot?: LoadedTrustedRoot } = {},
): (
  bundle: unknown,
  artifact: { kind: 'digest'; sha256: string } | { kind: 'bytes'; data: Buffer },
  statement: boolean,
  trust: { registry: string; identity?: string; issuer?: string; keyPem?: string },
) => { ok: true; signer: string } | { ok: false; reason: string } {
  const byKey = new Map<string, BundleVerifier>();
  let byIdentity: BundleVerifier | undefined;
  return (bundle, artifact, statement, trust) => {
    let verifier: BundleVerifier;
    if (trust.keyPem) {
      verifier = byKey.get(trust.keyPem) ?? createBundleVerifier({ publicKeys: [trust.keyPem], timestampThreshold: 0 });
      byKey.set(trust.keyPem, verifier);
    } else if (trust.identity) {
      verifier = byIdentity ??= createBundleVerifier(options.trustedRoot ? { trustedRoot: options.trustedRoot } : {});
    } else return { ok: false, reason: `the trust entry for ${trust.registry} names neither an identity nor a key` };
    const input: ArtifactInput =
      artifact.kind === 'digest'
        ? { kind: 'digest', algorithm: 'sha256', hex: artifact.sha256, sha256: artifact.sha256 }
        : { kind: 'bytes', data: artifact.data, sha256: sha256Hex(artifact.data) };
    const policy: VerifyPolicy = { requireStatement: statement, checkClaims: false };
    // `*` in an identity matches any run of characters (a release tag, a ref): checked after the
    // verifier with core's linear wildcard matcher, never as a regular expression.
    const glob = trust.identity?.includes('*') === true;
    if (trust.identity && !glob) policy.subjectAlternativeName = trust.identity;
    if (trust.issuer) policy.issuer = trust.issuer;
    const v = verifier.verify(bundle, input, policy);
    if (!v.ok) return { ok: false, reason: `${v.code}: ${v.reason}` };
    if (trust.keyPem && v.signer.kind !== 'key') return { ok: false, reason: 'signed with a certificate, the policy trusts a key' };
    if (trust.identity && v.signer.kind !== 'certificate') return { ok: false, reason: 'signed with a key, the policy trusts an identity' };
    if (glob && v.signer.kind === 'certificate') {
      const san = v.signer.identity.subjectAlternativeName ?? '';
      if (!identityGlobMatch(trust.identity ?? '', san)) {
        return {
          ok: false,
          reason: `IDENTITY: the certificate identity ${JSON.stringify(san)} does not match ${JSON.stringify(trust.identity)}`,
        };
      }
    }
    return { ok: true, signer: v.signer.kind === 'key' ? v.signer.keyId : (v.signer.identity.subjectAlternativeName ?? 'a certificate') };
  };
}
