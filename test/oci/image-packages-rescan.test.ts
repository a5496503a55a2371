/**
 * The closed loop over base-image contents: a deployed artefact whose SBOM evidence nests the base
 * image's OS packages under the image component (as the materials scan writes it) is rescanned with
 * what OSV's Debian records name — the source package in the `Debian:12` ecosystem — so a Debian
 * advisory published after the deployment opens a remediation for it.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { loadPolicy, MemoryLogger, PREDICATE } from '@secure-factory/core';
import { openOfflineDatabase } from '@secure-factory/materials';
import { rescan } from '@secure-factory/rescan';

let work: string;
beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'sf-image-rescan-'));
});
afterEach(async () => rm(work, { recursive: true, force: true }));

const IMAGE_PURL = 'pkg:docker/acme/base@sha256%3A' + 'a'.repeat(64) + '?repository_url=registry.acme.example';

/** Written from the OSV schema for this test: a Debian 12 advisory on the openssl source package. */
const RECORD = {
  schema_version: '1.7.0',
  id: 'DEBIAN-CVE-2099-0001',
  modified: '2026-12-01T00:00:00Z',
  summary: 'openssl: test advisory for the image rescan',
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
  affected: [
    {
      package: { ecosystem: 'Debian:12', name: 'openssl' },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '3.0.13-1~deb12u1' }] }],
    },
  ],
};

async function deployed(): Promise<string> {
  const evidence = path.join(work, 'evidence');
  await mkdir(path.join(evidence, 'deployments'), { recursive: true });
  const hex = createHash('sha256').update('app.tgz').digest('hex');
  const bom = {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    components: [
      {
        type: 'container',
        name: 'registry.acme.example/acme/base',
        version: `sha256:${'a'.repeat(64)}`,
        'bom-ref': IMAGE_PURL,
        purl: IMAGE_PURL,
        components: [
          {
            type: 'library',
            name: 'libssl3',
            version: '3.0.11-1~deb12u1',
            'bom-ref': `${IMAGE_PURL}#pkg:deb/debian/libssl3`,
            purl: 'pkg:deb/debian/libssl3@3.0.11-1~deb12u1?arch=amd64&distro=debian-12&upstream=openssl',
          },
        ],
      },
    ],
  };
  await writeFile(
    path.join(evidence, 'sbom.intoto.json'),
    JSON.stringify({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: 'app.tgz', digest: { sha256: hex } }],
      predicateType: PREDICATE.cyclonedx,
      predicate: bom,
    }),
  );
  await writeFile(
    path.join(evidence, 'deployments', `20261201T080000Z-production-${hex.slice(0, 12)}-abc123.json`),
    JSON.stringify({
      apiVersion: 'secure-factory/deployment/v1',
      environment: 'production',
      digest: `sha256:${hex}`,
      name: 'app.tgz',
      time: '2026-12-01T08:00:00.000Z',
      vsa: { path: 'vsa.intoto.json', sha256: 'a'.repeat(64) },
      decisionPath: 'decision.json',
      policy: null,
    }),
  );
  return evidence;
}

describe('rescan of base-image contents', () => {
  it('a Debian advisory on the source package opens a remediation for the deployed digest', async () => {
    const evidence = await deployed();
    const osv = path.join(work, 'osv');
    await mkdir(osv);
    await writeFile(path.join(osv, `${RECORD.id}.json`), JSON.stringify(RECORD));
    const result = await rescan({
      evidenceDirs: [evidence],
      stateDir: path.join(work, 'state'),
      policy: await loadPolicy(undefined, { now: new Date() }),
      vulnSource: await openOfflineDatabase(osv),
      logger: new MemoryLogger(),
      now: new Date(),
    });
    expect(result.opened.map((r) => [r.advisory, r.package.ecosystem, r.package.name, r.package.version])).toEqual([
      ['DEBIAN-CVE-2099-0001', 'Debian:12', 'openssl', '3.0.11-1~deb12u1'],
    ]);
  });
});
