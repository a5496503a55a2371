// Builds the Containerfile into an OCI image layout without a daemon: $SECURE_FACTORY_OUT/image
// (default dist/image). It understands the instructions this Containerfile uses — FROM (pinned by
// digest), COPY, USER, WORKDIR, CMD — and refuses any other. The base image's layers come from
// base-image/, an OCI layout of the FROM image fetched before the build (the demo writes it; in CI,
// e.g. `skopeo copy docker://REF@sha256:… oci:base-image`), and must be the very image FROM names.
// Deterministic: fixed tar metadata, no timestamps, so the image digest is reproducible.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { layerFrom, readLayout, writeLayout } from './oci.mjs';

const out = path.join(process.env.SECURE_FACTORY_OUT ?? 'dist', 'image');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const lines = readFileSync('Containerfile', 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));

let base;
const layers = [];
const config = {};
for (const line of lines) {
  const [instruction, ...rest] = line.split(/\s+/);
  const args = rest.join(' ');
  switch (instruction.toUpperCase()) {
    case 'FROM': {
      const m = /^(\S+)@(sha256:[0-9a-f]{64})$/.exec(args);
      if (!m) throw new Error(`FROM ${args}: the base image must be pinned by digest (name@sha256:…)`);
      if (!existsSync('base-image/index.json')) throw new Error(`base-image/ holds no OCI layout: fetch ${args} into it first`);
      base = readLayout('base-image');
      if (base.digest !== m[2]) throw new Error(`base-image/ holds ${base.digest}, but FROM names ${m[2]}`);
      for (const [i, l] of base.manifest.layers.entries())
        layers.push({ blob: base.blob(l.digest), diffId: base.config.rootfs.diff_ids[i] });
      Object.assign(config, base.config.config ?? {});
      break;
    }
    case 'COPY': {
      const [from, to] = rest;
      const files = {};
      const walk = (dir, into) => {
        for (const name of readdirSync(dir).sort()) {
          const p = path.join(dir, name);
          if (statSync(p).isDirectory()) walk(p, `${into}${name}/`);
          else files[`${into}${name}`] = `// ${pkg.name}@${pkg.version}\n${readFileSync(p, 'utf8')}`;
        }
      };
      walk(from, to.replace(/^\//, ''));
      layers.push(layerFrom(files));
      break;
    }
    case 'USER':
      config.User = args;
      break;
    case 'WORKDIR':
      config.WorkingDir = args;
      break;
    case 'CMD':
      config.Cmd = JSON.parse(args);
      break;
    default:
      throw new Error(`Containerfile: ${instruction} is not supported by build.mjs`);
  }
}
if (!base) throw new Error('Containerfile: no FROM');
config.Labels = { 'org.opencontainers.image.title': pkg.name, 'org.opencontainers.image.version': pkg.version };
const digest = writeLayout(out, {
  layers,
  config: { architecture: base.config.architecture, os: base.config.os, config },
  tag: pkg.version,
});
console.log(`built ${out}: ${digest} (${layers.length} layers, base ${base.digest.slice(0, 19)}…)`);
