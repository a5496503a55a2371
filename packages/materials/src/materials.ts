/** Reads every material under a path (a folder, a single lockfile or manifest) into one package list. */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError } from '@secure-factory/core';
import { discover, SUPPRESSION_FILES } from './discover.js';
import { formatFor, MAX_LOCKFILE_BYTES, readLockfile } from './lockfiles/index.js';
import { dockerfileImages } from './other/dockerfile.js';
import { yamlMaterials, type YamlKind } from './other/yaml-materials.js';
import type { Package } from './package.js';

export interface CollectedMaterials {
  packages: Package[];
  /** Absolute paths of the lockfiles read (their digests are the statements' subject outside git). */
  lockfiles: string[];
  /** Every file read, relative to the root. */
  files: string[];
  /** Suppression files of other scanners found in the tree (ignored), relative to the root. */
  suppressions: string[];
}

function readText(file: string, shown: string): string {
  const size = statSync(file).size;
  if (size > MAX_LOCKFILE_BYTES)
    throw new ConfigurationError(`the file is ${size} bytes, over the limit of ${MAX_LOCKFILE_BYTES}`, { location: { file: shown } });
  return readFileSync(file, 'utf8');
}

export function collectMaterials(target: string): CollectedMaterials {
  let st;
  try {
    st = statSync(target);
  } catch (e: unknown) {
    throw new ConfigurationError(`cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, { location: { file: target } });
  }
  const root = st.isDirectory() ? target : path.dirname(target);
  const rel = (f: string): string => path.relative(root, f).split(path.sep).join('/') || path.basename(f);
  const out: CollectedMaterials = { packages: [], lockfiles: [], files: [], suppressions: [] };
  const yaml = (file: string, kind: YamlKind): void => {
    out.packages.push(...yamlMaterials(readText(file, rel(file)), rel(file), kind));
    out.files.push(rel(file));
  };
  if (!st.isDirectory()) {
    const base = path.basename(target);
    if (formatFor(base)) {
      out.packages.push(...readLockfile(target, { root }));
      out.lockfiles.push(target);
    } else if (/^(?:dockerfile|containerfile)/i.test(base) || /\.dockerfile$/i.test(base)) {
      out.packages.push(...dockerfileImages(readText(target, base), base));
    } else if (base === 'action.yml' || base === 'action.yaml') yaml(target, 'action');
    else if (/^(?:docker-)?compose/.test(base)) yaml(target, 'compose');
    else if (/\.ya?ml$/.test(base)) yaml(target, /(?:^|\/)\.github\/workflows\//.test(target) ? 'workflow' : 'kubernetes');
    else if (SUPPRESSION_FILES.has(base)) out.suppressions.push(base);
    else throw new ConfigurationError('not a lockfile, manifest or SBOM secure-factory knows', { location: { file: target } });
    out.files.push(base);
    return out;
  }
  const found = discover(root);
  for (const f of found.lockfiles) {
    out.packages.push(...readLockfile(f, { root }));
    out.lockfiles.push(f);
    out.files.push(rel(f));
  }
  for (const f of found.workflows) yaml(f, 'workflow');
  for (const f of found.actions) yaml(f, 'action');
  for (const f of found.compose) yaml(f, 'compose');
  for (const f of found.kubernetes) yaml(f, 'kubernetes');
  for (const f of found.dockerfiles) {
    out.packages.push(...dockerfileImages(readText(f, rel(f)), rel(f)));
    out.files.push(rel(f));
  }
  out.suppressions = found.suppressions.map(rel);
  return out;
}
