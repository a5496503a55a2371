/** Container image references as Docker parses them: `[registry/]repository[:tag][@digest]`. */
import { PackageURL } from 'packageurl-js';
import type { Package } from '../package.js';

export interface ImageRef {
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
}

export const DEFAULT_REGISTRY = 'docker.io';

/** Parses an image reference; undefined when it is not one (an unresolved variable, garbage). */
export function parseImageRef(ref: string): ImageRef | undefined {
  const s = ref.trim().replace(/^docker:\/\//, '');
  if (s === '' || /[\s$]/.test(s)) return undefined;
  let rest = s;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!/^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/.test(digest)) return undefined;
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!/^[\w][\w.-]{0,127}$/.test(tag)) return undefined;
  }
  let registry = DEFAULT_REGISTRY;
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    // The first component is a registry when it looks like a host (a dot, a port, or localhost).
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  if (registry === 'index.docker.io' || registry === 'registry-1.docker.io') registry = DEFAULT_REGISTRY;
  if (!/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(rest)) return undefined;
  if (registry === DEFAULT_REGISTRY && !rest.includes('/')) rest = `library/${rest}`;
  const out: ImageRef = { registry, repository: rest };
  if (tag !== undefined) out.tag = tag;
  if (digest !== undefined) out.digest = digest;
  return out;
}

/** `registry/repository` for matching against allowed registry prefixes (`ghcr.io/acme`). */
export function imageLocation(ref: ImageRef): string {
  return `${ref.registry}/${ref.repository}`;
}

export function imagePackage(reference: string, sourceFile: string, line: number | undefined, groups: string[] = []): Package {
  const ref = parseImageRef(reference);
  const base: Package = {
    ecosystem: 'Docker',
    name: reference,
    version: '',
    purl: '',
    groups,
    direct: true,
    sourceFile,
    reference,
    pinned: false,
    kind: 'registry',
  };
  if (line !== undefined) base.line = line;
  if (!ref) {
    base.purl = `pkg:docker/${encodeURIComponent(reference)}`;
    return base;
  }
  const slash = ref.repository.lastIndexOf('/');
  const namespace = slash > 0 ? ref.repository.slice(0, slash) : undefined;
  const name = slash > 0 ? ref.repository.slice(slash + 1) : ref.repository;
  const version = ref.digest ?? ref.tag ?? 'latest';
  const qualifiers: Record<string, string> = {};
  if (ref.registry !== DEFAULT_REGISTRY) qualifiers.repository_url = ref.registry;
  if (ref.digest && ref.tag) qualifiers.tag = ref.tag;
  base.name = ref.registry === DEFAULT_REGISTRY ? ref.repository : `${ref.registry}/${ref.repository}`;
  base.version = version;
  base.purl = new PackageURL(
    'docker',
    namespace,
    name,
    version,
    Object.keys(qualifiers).length ? qualifiers : undefined,
    undefined,
  ).toString();
  base.pinned = ref.digest !== undefined && /^sha256:[0-9a-f]{64}$/.test(ref.digest);
  base.registry = ref.registry;
  base.resolved = `${ref.registry}/${ref.repository}`;
  return base;
}
