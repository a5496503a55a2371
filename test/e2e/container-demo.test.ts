/**
 * The demo's container part, run as `npm run demo` runs it (scripts/demo-container.mjs on Node 24):
 * examples/container-service built without a daemon into an OCI image on a base image that is signed in a
 * real registry (Debian's docker-registry on loopback) by a key its policy trusts, pushed with its
 * attestations, admitted by the gate BY REFERENCE; the same service refused FROM an unsigned rebuild of
 * the base image (materials/image-unvalidated, and the gate alone: the signed SBOM records the base image's
 * verdict, unsigned, and materials.images.validated: required refuses it) and FROM the same bytes in a
 * repository the policy does not list (materials, and the gate's image registries check). Without docker-registry the demo says SKIPPED and how to install it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../support/shared.js';
import { dockerRegistryBin } from '../support/oci-registry.js';

interface Stage {
  stage: string;
  state: string;
  detail: string;
  findings: { rule: string; blocking: boolean; message: string }[];
}
interface Variant {
  name: string;
  exitCode: number;
  admitted: boolean;
  stages: Stage[];
  gate: string;
  gateRules: string[];
  image?: string;
  evidence: string;
}

const script = path.join(REPO_ROOT, 'scripts', 'demo-container.mjs');
const describeWithRegistry = dockerRegistryBin ? describe : describe.skip;
if (!dockerRegistryBin)
  console.log('test/e2e/container-demo: SKIPPED — docker-registry is not installed (apt-get install docker-registry)');

describeWithRegistry('npm run demo: the container example', () => {
  it('admits the image built on the signed base image by reference; refuses the unsigned base and the unlisted registry', () => {
    const r = spawnSync(process.execPath, [script, '--json'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 400_000 });
    expect(r.stderr).toMatch(
      /container example, FROM the signed base image: ADMITTED ✅ by reference 127\.0\.0\.1:\d+\/demo\/container-service@sha256:[0-9a-f]{64}/,
    );
    const out = JSON.parse(r.stdout) as { skipped: boolean; variants: Variant[] };
    expect(r.status).toBe(0);
    expect(out.skipped).toBe(false);
    expect(out.variants.map((v) => v.name)).toEqual(['signed', 'unsigned', 'unlisted']);
    const [listed, unsigned, unlisted] = out.variants;

    // Admitted: every stage passed, the base image's OS packages read from its dpkg database, the image
    // pushed with its bundles and gated by reference.
    expect(listed?.exitCode).toBe(0);
    expect(listed?.admitted).toBe(true);
    expect(listed?.stages.map((s) => [s.stage, s.state])).toEqual([
      ['source', 'passed'],
      ['materials', 'passed'],
      ['build', 'passed'],
      ['attest', 'passed'],
      ['gate', 'passed'],
    ]);
    expect(listed?.stages.find((s) => s.stage === 'materials')?.findings.filter((f) => f.rule.startsWith('materials/image'))).toEqual([]);
    expect(listed?.stages.find((s) => s.stage === 'build')?.detail).toMatch(/1 artefact\(s\) · .* · reproducible: yes/);
    expect(listed?.stages.find((s) => s.stage === 'attest')?.detail).toMatch(
      /pushed with the image to 127\.0\.0\.1:\d+\/demo\/container-service \(tag-schema\)/,
    );
    expect(listed?.stages.find((s) => s.stage === 'gate')?.detail).toBe(`admitted for production · by reference ${listed?.image ?? '?'}`);
    // The kept decision log names the registry as the origin of every input.
    const gateDir = path.join(REPO_ROOT, listed?.evidence ?? '', 'gate');
    const decisionFile = readdirSync(gateDir).find((f) => f.endsWith('.decision.json'));
    const decision = JSON.parse(readFileSync(path.join(gateDir, decisionFile ?? ''), 'utf8')) as { inputs?: { origin?: string }[] };
    const origins = (decision.inputs ?? []).map((i) => i.origin ?? '');
    expect(origins.length).toBeGreaterThanOrEqual(5);
    for (const o of origins) expect(o).toMatch(/^127\.0\.0\.1:\d+\/demo\/container-service@sha256:[0-9a-f]{64}$/);

    // Refused: the base image has no signature by the trusted key — by materials, and by the gate on its
    // own: the signed SBOM records the verdict (unsigned), so no failed job is needed to refuse it.
    expect(unsigned?.exitCode).toBe(1);
    expect(unsigned?.admitted).toBe(false);
    const unsignedMaterials = unsigned?.stages.find((s) => s.stage === 'materials');
    expect(unsignedMaterials?.state).toBe('failed');
    expect(unsignedMaterials?.findings.find((f) => f.rule === 'materials/image-unvalidated')).toMatchObject({ blocking: true });
    expect(unsignedMaterials?.findings.find((f) => f.rule === 'materials/image-unvalidated')?.message).toMatch(
      /127\.0\.0\.1:\d+\/demo\/debian-base@sha256:[0-9a-f]{64} has no valid signature by a signer the policy trusts/,
    );
    expect(r.stderr).toMatch(
      /container example, FROM an unsigned rebuild of it: REFUSED ❌ \S+ — first failing stage: materials; the gate by reference: refused \(gate\/image-validation\)/,
    );
    expect(unsigned?.gate).toBe('refused');
    expect(unsigned?.gateRules).toEqual(['gate/image-validation']);
    const unsignedGate = unsigned?.stages.find((s) => s.stage === 'gate');
    expect(unsignedGate?.state).toBe('failed');
    expect(unsignedGate?.findings.find((f) => f.rule === 'gate/image-validation')?.message).toMatch(
      /127\.0\.0\.1:\d+\/demo\/debian-base@sha256:[0-9a-f]{64}: unsigned \(no signature\)/,
    );
    // The signed variant's SBOM says verified, with the key that signed it.
    expect(listed?.gateRules).toEqual([]);

    // Refused: the base image's registry is not listed — a blocking materials finding, and the gate's
    // image registries check fails on the signed SBOM naming it.
    expect(unlisted?.exitCode).toBe(1);
    expect(unlisted?.admitted).toBe(false);
    const materials = unlisted?.stages.find((s) => s.stage === 'materials');
    expect(materials?.state).toBe('failed');
    expect(materials?.findings.some((f) => f.blocking && /127\.0\.0\.1:\d+\/hub\/debian-base/.test(f.message))).toBe(true);
    const gate = unlisted?.stages.find((s) => s.stage === 'gate');
    expect(gate?.state).toBe('failed');
    expect(gate?.detail).toMatch(
      /^refused: .*image registries.* · by reference 127\.0\.0\.1:\d+\/demo\/container-service-from-hub@sha256:/,
    );
    expect(gate?.findings.find((f) => f.rule === 'gate/registries')?.message).toMatch(/hub\/debian-base is not from an allowed registry/);
    // No signer is trusted for the unlisted repository: its verdict is untrusted, refused too.
    expect(gate?.findings.find((f) => f.rule === 'gate/image-validation')?.message).toMatch(
      /hub\/debian-base@sha256:[0-9a-f]{64}: untrusted/,
    );
  }, 420_000);
});

describe('npm run demo without docker-registry', () => {
  it('says the container example was skipped and how to get it, and exits 0', () => {
    // A PATH holding only sh: no docker-registry to be found.
    const bin = mkdtempSync(path.join(tmpdir(), 'sf-no-registry-'));
    try {
      symlinkSync('/bin/sh', path.join(bin, 'sh'));
      const r = spawnSync(process.execPath, [script, '--json'], { cwd: REPO_ROOT, encoding: 'utf8', env: { PATH: bin } });
      expect(r.stderr).toContain('container example: SKIPPED — docker-registry is not installed');
      expect(r.stderr).toContain('sudo apt-get install docker-registry');
      expect(JSON.parse(r.stdout)).toMatchObject({ skipped: true, variants: [] });
      expect(r.status).toBe(0);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
    expect(existsSync(script)).toBe(true);
  });
});
