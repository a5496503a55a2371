/**
 * A build whose output is a container image written as an OCI image layout (oci-layout, index.json,
 * blobs/sha256/), as a daemonless build (buildah, umoci, skopeo, BuildKit type=oci) leaves one: the
 * subject is the image manifest digest, under the image name given (`--image-name`), not the layout's
 * files; other outputs keep their file subjects. Run with `secure-factory build` in bubblewrap.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { sha256Hex } from '@secure-factory/core';
import { runAction } from '../support/action-harness.js';
import { runCli } from '../support/cli.js';
import { makeRepo } from './support.js';

const HAVE_BWRAP = spawnSync('bwrap', ['--ro-bind', '/', '/', '--unshare-net', 'true']).status === 0;
const describeBwrap = HAVE_BWRAP ? describe : describe.skip;

/** A one-layer OCI layout as text files for the fixture repository (the layer is a tar's bytes stand-in). */
function layoutFiles(folder: string): { files: Record<string, string>; digest: string } {
  const files: Record<string, string> = {};
  const blob = (content: string): string => {
    const hex = sha256Hex(Buffer.from(content));
    files[`${folder}/blobs/sha256/${hex}`] = content;
    return `sha256:${hex}`;
  };
  const layer = 'layer bytes of the service\n';
  const config = JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [blob(layer)] } });
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: blob(config), size: config.length },
    layers: [
      { mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: `sha256:${sha256Hex(Buffer.from(layer))}`, size: layer.length },
    ],
  });
  const digest = blob(manifest);
  files[`${folder}/oci-layout`] = '{"imageLayoutVersion":"1.0.0"}';
  files[`${folder}/index.json`] = JSON.stringify({
    schemaVersion: 2,
    manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest, size: manifest.length }],
  });
  return { files, digest };
}

interface BuildJson {
  subjects: { name: string; digest: { sha256: string } }[];
  findings: { rule: string; message: string }[];
}

describeBwrap('secure-factory build: an OCI image layout among the outputs', () => {
  const { files, digest } = layoutFiles('image-src');
  const build = (repoDir: string, extra: string[]) =>
    runCli([
      'build',
      '--source',
      repoDir,
      '--outputs',
      'image/**',
      '--outputs',
      'notes.txt',
      ...extra,
      '--json',
      '--',
      'sh',
      '-c',
      'cp -r image-src "$SECURE_FACTORY_OUT/image" && echo release notes > "$SECURE_FACTORY_OUT/notes.txt"',
    ]);

  it('names the image by --image-name with its manifest digest; the layout files are not subjects; the provenance says so', async () => {
    const repo = makeRepo(files);
    const r = await build(repo.dir, ['--image-name', 'ghcr.io/acme/service']);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.exitCode).toBe(0);
    const json = JSON.parse(r.stdout) as BuildJson;
    expect(json.subjects).toEqual([
      { name: 'notes.txt', digest: { sha256: sha256Hex(Buffer.from('release notes\n')) } },
      { name: 'ghcr.io/acme/service', digest: { sha256: digest.slice(7) } },
    ]);
    const provenance = JSON.parse(readFileSync(path.join(repo.dir, '.secure-factory', 'evidence', 'provenance.intoto.json'), 'utf8')) as {
      subject: unknown[];
    };
    expect(provenance.subject).toContainEqual({ name: 'ghcr.io/acme/service', digest: { sha256: digest.slice(7) } });
  });

  it('without --image-name the image is named by its folder; an image name with no layout is an input error', async () => {
    const repo = makeRepo(files);
    const named = JSON.parse((await build(repo.dir, [])).stdout) as BuildJson;
    expect(named.subjects.map((s) => s.name)).toEqual(['notes.txt', 'image']);
    const none = await runCli([
      'build',
      '--source',
      makeRepo().dir,
      '--outputs',
      'o.txt',
      '--image-name',
      'ghcr.io/acme/service',
      '--',
      'sh',
      '-c',
      'cp input.txt "$SECURE_FACTORY_OUT/o.txt"',
    ]);
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toMatch(/an image name \(ghcr\.io\/acme\/service\) was given, but the outputs hold no OCI image layout/);
  });

  it('the hermetic-build action: image-name makes the layout one subject in its subjects output', async () => {
    const repo = makeRepo(files);
    const r = await runAction('hermetic-build', {
      workspace: repo.dir,
      inputs: { command: 'cp -r image-src "$SECURE_FACTORY_OUT/image"', outputs: 'image/**', 'image-name': 'ghcr.io/acme/service' },
    });
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.outputs.subjects ?? '[]')).toEqual([{ name: 'ghcr.io/acme/service', digest: { sha256: digest.slice(7) } }]);
  });
});
