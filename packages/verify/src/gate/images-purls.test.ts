/**
 * How the gate reads container image references from the evidence (`parseImagePurl`, `imagesIn`) and
 * decides whether a registry is listed (`registryAllowed`). A reference read wrongly names another
 * repository than the one built FROM, so every case asserts the whole parsed reference: the registry
 * (Docker Hub's aliases, `repository_url`, a scheme or trailing slashes), the version (digest, tag,
 * `tag` qualifier, docker's `name:tag`) and whether it is pinned by a full sha256 digest.
 */
import { makeStatement, PREDICATE, type Statement } from '@secure-factory/core';
import { imagesIn, parseImagePurl, registryAllowed } from './images.js';

const HEX = 'b'.repeat(64);
const DIGEST = `sha256:${HEX}`;

const statement = (predicateType: string, predicate: unknown): Statement =>
  makeStatement([{ name: 'app', digest: { sha256: 'a'.repeat(64) } }], predicateType, predicate as Record<string, unknown>);

/** The repository parseImagePurl reads from a purl (undefined when it reads none). */
const repositoryOf = (purl: string): string | undefined => parseImagePurl(purl)?.repository;

describe('parseImagePurl', () => {
  it('reads only a purl that starts with pkg:docker/ or pkg:oci/', () => {
    expect(parseImagePurl('xpkg:docker/acme/base@1')).toBeUndefined();
    expect(parseImagePurl('pkg:npm/pkg:docker/acme/base@1')).toBeUndefined();
  });

  it('a docker purl without a version names the Docker Hub library image, unversioned', () => {
    expect(parseImagePurl('pkg:docker/node')).toEqual({
      repository: 'docker.io/library/node',
      version: '',
      pinned: false,
      purl: 'pkg:docker/node',
    });
  });

  it('a namespaced Docker Hub image keeps its namespace, an image on another registry gets no library/ prefix', () => {
    expect(repositoryOf('pkg:docker/acme/base@1.0')).toBe('docker.io/acme/base');
    expect(repositoryOf('pkg:docker/base@1.0?repository_url=ghcr.io')).toBe('ghcr.io/base');
  });

  it('strips an http or https scheme and any trailing slashes from repository_url, nothing else', () => {
    expect(repositoryOf('pkg:docker/acme/base@1.0?repository_url=http://ghcr.io')).toBe('ghcr.io/acme/base');
    expect(repositoryOf('pkg:docker/acme/base@1.0?repository_url=https://ghcr.io/')).toBe('ghcr.io/acme/base');
    expect(repositoryOf('pkg:docker/acme/base@1.0?repository_url=ghcr.io//')).toBe('ghcr.io/acme/base');
    // A scheme inside the value is part of the name: only a leading one is removed.
    expect(repositoryOf('pkg:oci/base@1.0?repository_url=reg.example/https://acme/base')).toBe('reg.example/https://acme/base');
  });

  it("only Docker Hub's own host names are Docker Hub: a look-alike host stays itself", () => {
    expect(repositoryOf('pkg:docker/node@1?repository_url=index.docker.io')).toBe('docker.io/library/node');
    expect(repositoryOf('pkg:docker/node@1?repository_url=hub.docker.com')).toBe('docker.io/library/node');
    expect(repositoryOf('pkg:docker/acme/x@1?repository_url=evilhub.docker.com')).toBe('evilhub.docker.com/acme/x');
    expect(repositoryOf('pkg:docker/acme/x@1?repository_url=index.docker.io.evil.example')).toBe('index.docker.io.evil.example/acme/x');
  });

  it('an oci purl: the bare name without repository_url, registry/name with a host, the full repository with a path', () => {
    expect(parseImagePurl(`pkg:oci/base@${DIGEST}`)).toEqual({
      repository: 'base',
      version: DIGEST,
      pinned: true,
      purl: `pkg:oci/base@${DIGEST}`,
    });
    expect(repositoryOf(`pkg:oci/base@${DIGEST}?repository_url=ghcr.io`)).toBe('ghcr.io/base');
    expect(repositoryOf(`pkg:oci/base@${DIGEST}?repository_url=ghcr.io/acme/debian`)).toBe('ghcr.io/acme/debian');
  });

  it('the tag qualifier is the version when the purl has none; neither gives an empty version', () => {
    expect(parseImagePurl('pkg:oci/base?repository_url=ghcr.io/acme/base&tag=1.2')).toMatchObject({
      repository: 'ghcr.io/acme/base',
      version: '1.2',
      pinned: false,
    });
    expect(parseImagePurl('pkg:oci/base?repository_url=ghcr.io/acme/base')).toMatchObject({ version: '', pinned: false });
  });

  it('pinned means exactly sha256: and 64 lowercase hex digits, nothing before or after', () => {
    expect(parseImagePurl(`pkg:docker/acme/base@${DIGEST}`)?.pinned).toBe(true);
    expect(parseImagePurl(`pkg:docker/acme/base@x${DIGEST}`)).toMatchObject({ version: `x${DIGEST}`, pinned: false });
    expect(parseImagePurl(`pkg:docker/acme/base@${DIGEST}0`)).toMatchObject({ version: `${DIGEST}0`, pinned: false });
  });
});

describe('imagesIn', () => {
  it('reads the CycloneDX metadata component (the image the SBOM describes) as well as the components', () => {
    const sbom = statement(PREDICATE.cyclonedx, {
      bomFormat: 'CycloneDX',
      metadata: { component: { type: 'container', purl: `pkg:docker/acme/app@${DIGEST}?repository_url=ghcr.io` } },
      components: [],
    });
    expect(imagesIn([sbom]).map((i) => i.repository)).toEqual(['ghcr.io/acme/app']);
  });

  it('a purl that is not a string is not read as one', () => {
    const sbom = statement(PREDICATE.cyclonedx, {
      bomFormat: 'CycloneDX',
      components: [{ type: 'container', purl: ['pkg:docker/acme/base@1?repository_url=ghcr.io'] }],
    });
    expect(imagesIn([sbom])).toEqual([]);
  });

  it('reads SPDX external references of type purl only', () => {
    const sbom = statement(PREDICATE.spdx, {
      spdxVersion: 'SPDX-2.3',
      packages: [
        {
          name: 'base',
          externalRefs: [
            { referenceType: 'other', referenceLocator: 'pkg:docker/acme/other@1?repository_url=ghcr.io' },
            { referenceType: 'purl', referenceLocator: 'pkg:docker/acme/base@1?repository_url=ghcr.io' },
          ],
        },
      ],
    });
    expect(imagesIn([sbom]).map((i) => i.repository)).toEqual(['ghcr.io/acme/base']);
  });

  it("reads a provenance's resolved dependencies by uri or name, only string image purls", () => {
    const prov = statement(PREDICATE.provenance, {
      buildDefinition: {
        buildType: 'x',
        externalParameters: {},
        resolvedDependencies: [
          { uri: 'git+https://github.com/acme/app', digest: { gitCommit: 'c'.repeat(40) } },
          { name: `pkg:oci/base@${DIGEST}?repository_url=ghcr.io/acme/base` },
          { uri: ['pkg:docker/acme/hidden@1?repository_url=ghcr.io'] },
        ],
      },
      runDetails: { builder: { id: 'x' } },
    });
    expect(imagesIn([prov])).toEqual([
      { repository: 'ghcr.io/acme/base', version: DIGEST, pinned: true, purl: `pkg:oci/base@${DIGEST}?repository_url=ghcr.io/acme/base` },
    ]);
  });
});

describe('registryAllowed', () => {
  it('an entry naming the repository itself allows it', () => {
    expect(registryAllowed('ghcr.io/acme/base', ['ghcr.io/acme/base'])).toBe(true);
    expect(registryAllowed('ghcr.io/acme/base', ['ghcr.io/acme/bas'])).toBe(false);
  });

  it('an entry written with an http or https scheme or trailing slashes means the same prefix', () => {
    expect(registryAllowed('ghcr.io/acme/base', ['http://ghcr.io/acme'])).toBe(true);
    expect(registryAllowed('ghcr.io/acme/base', ['https://ghcr.io/acme'])).toBe(true);
    expect(registryAllowed('ghcr.io/acme/base', ['ghcr.io/acme/'])).toBe(true);
    expect(registryAllowed('ghcr.io/acme/base', ['ghcr.io/acme//'])).toBe(true);
  });

  it('a scheme inside an entry is not removed, so it allows nothing more', () => {
    expect(registryAllowed('ghcr.io/acme/evil/x', ['ghcr.io/acme/https://evil'])).toBe(false);
  });
});
