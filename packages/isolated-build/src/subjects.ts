/**
 * Subjects: every output file matched by the globs, named by the one rule of core `subjectName` (the
 * path relative to the output folder, which holds the outputs at their project paths) and hashed on
 * core's worker pool. A glob that leaves the folder, a symlink that points outside it and a glob that
 * matches nothing are errors.
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  compareBytewise,
  ConfigurationError,
  listedSubjectName,
  listTreeNames,
  outputGlob,
  PolicyViolation,
  StreamingHasher,
  subjectName,
  type Subject,
} from '@secure-factory/core';
import { readOciLayout } from '@secure-factory/materials';

export interface OutputFile {
  /** The subject name: relative, `/`-separated, normalised (core subjectName). */
  name: string;
  /** Absolute path of the bytes that were hashed (a symlink's target inside the folder). */
  file: string;
  size: number;
  sha256: string;
}

export function checkGlob(pattern: string): string {
  const p = pattern.trim();
  if (p === '') throw new ConfigurationError('an output glob is empty');
  if (p.includes('\0')) throw new ConfigurationError(`output glob ${JSON.stringify(pattern)} contains a NUL byte`);
  if (path.posix.isAbsolute(p) || /^[A-Za-z]:[\\/]/.test(p)) {
    throw new ConfigurationError(`output glob "${p}" is absolute`, {
      hint: 'output globs are relative to the output folder ($SECURE_FACTORY_OUT), e.g. "dist/**"',
    });
  }
  if (p.split(/[\\/]/).includes('..')) {
    throw new ConfigurationError(`output glob "${p}" leaves the output folder ("..")`, {
      hint: 'output globs are relative to the output folder ($SECURE_FACTORY_OUT)',
    });
  }
  outputGlob(p); // an extglob, a negation or a brace bomb is refused here, before the build runs
  return p;
}

/** Normalises a relative name and refuses traversal (core subjectName, the one rule for names). */
export function normaliseName(rel: string): string {
  return subjectName(rel, 'the output path', 'the output folder');
}

/**
 * Core's output glob (picomatch's meaning for `*`, `**`, `?`, classes and braces, dot files included, in
 * linear time), with the usual shapes answered without it: "**" matches every listed path and "dir/**"
 * every path below dir and a file named dir (a listing holds only files and symlinks).
 */
function matcher(glob: string): (p: string) => boolean {
  const g = glob.replace(/^\.\//, '');
  if (g === '**' || g === '**/*') return () => true;
  const m = /^([^*?[\]{}()!+@\\]+)\/\*\*(\/\*)?$/.exec(g);
  const below = m?.[1];
  if (below !== undefined && !below.split('/').includes('.')) {
    const prefix = `${below}/`;
    const itself = m?.[2] === undefined;
    return (p) => p.startsWith(prefix) || (itself && p === below);
  }
  const pattern = outputGlob(g);
  return (p) => pattern.test(p);
}

export async function collectOutputs(outDir: string, globs: readonly string[]): Promise<OutputFile[]> {
  if (globs.length === 0)
    throw new ConfigurationError('no output globs were given', { hint: 'pass --outputs GLOB (or the outputs input), e.g. "dist/**"' });
  const checked = globs.map(checkGlob);
  const root = await realpath(outDir);
  const found = new Map<string, string>();
  // Files go to the hashing pool as they are matched, so hashing overlaps matching and naming.
  const hasher = new StreamingHasher();
  try {
    // The folder is listed once without following symlinks (core listTreeNames, no stat per file), then
    // matched with core's output glob: a symlink is seen as a symlink, never walked out of the folder.
    const tree = await listTreeNames(root);
    for (const g of checked) {
      const isMatch = matcher(g);
      let n = 0;
      for (const entry of tree) {
        if (!isMatch(entry.path)) continue;
        n++;
        // A listed path is relative and normalised already; the one rule still refuses control characters.
        const name = listedSubjectName(entry.path, 'the output path');
        if (found.has(name)) continue;
        let file = `${root}${path.sep}${entry.path}`;
        if (entry.type === 'symlink') {
          let target: string;
          try {
            target = await realpath(file);
          } catch {
            throw new PolicyViolation(`output "${name}" is a dangling symlink`);
          }
          if (!target.startsWith(`${root}${path.sep}`)) {
            throw new PolicyViolation(`output "${name}" is a symlink that leaves the output folder (to ${target})`, {
              hint: 'copy the file into the output folder instead of linking to it',
            });
          }
          if (!(await stat(target)).isFile()) continue;
          file = target;
        }
        found.set(name, file);
        hasher.add(file);
      }
      if (n === 0) {
        throw new ConfigurationError(`output glob "${g}" matched no file in the output folder`, {
          hint: `the build must write its outputs into $SECURE_FACTORY_OUT (/out in the sandbox); the folder holds ${tree.length} file(s)${
            tree.length
              ? `, e.g. ${tree
                  .slice(0, 3)
                  .map((e) => e.path)
                  .join(', ')}`
              : ''
          }`,
        });
      }
    }
  } catch (e: unknown) {
    await hasher.abort();
    throw e;
  }
  // Sizes come back from the hashing itself (bytes read), so there is no stat pass over every output.
  const digests = await hasher.finish();
  const outputs = [...found].map(([name, file], i) => ({ name, file, size: digests[i]?.size ?? 0, sha256: digests[i]?.sha256 ?? '' }));
  // One glob over a sorted listing gives sorted names already; several globs may interleave.
  if (outputs.some((o, i) => i > 0 && compareBytewise((outputs[i - 1] as OutputFile).name, o.name) > 0)) {
    outputs.sort((a, b) => compareBytewise(a.name, b.name));
  }
  return outputs;
}

export function toSubjects(outputs: readonly OutputFile[]): Subject[] {
  return outputs.map((o) => ({ name: o.name, digest: { sha256: o.sha256 } }));
}

export interface ImageOutput {
  /** The layout folder, relative to the output folder (`.` for the folder itself). */
  folder: string;
  /** The subject name: the image name given (`registry/name`), else the folder's path. */
  name: string;
  /** `sha256:HEX` of the image manifest (or index) the layout's index.json names. */
  digest: string;
}

/**
 * The outputs as subjects, with every OCI image layout among them (a folder holding both `oci-layout`
 * and `index.json`, as buildah, umoci, skopeo or BuildKit's `type=oci` write one) turned into ONE
 * subject: the digest of its image manifest, which is what a registry, a runtime and the gate by
 * reference know the image by. The layout's own files (blobs, index.json, oci-layout) are then not
 * subjects. `imageName` names the image (`registry/name`); without it the folder's path does.
 */
export async function outputSubjects(
  outDir: string,
  outputs: readonly OutputFile[],
  imageName?: string,
): Promise<{ subjects: Subject[]; images: ImageOutput[] }> {
  const names = new Set(outputs.map((o) => o.name));
  const folders = outputs
    .filter((o) => o.name === 'oci-layout' || o.name.endsWith('/oci-layout'))
    .map((o) => path.posix.dirname(o.name))
    .filter((f) => names.has(f === '.' ? 'index.json' : `${f}/index.json`));
  if (folders.length === 0) {
    if (imageName !== undefined)
      throw new ConfigurationError(`an image name (${imageName}) was given, but the outputs hold no OCI image layout`, {
        hint: 'write the image as an OCI layout (oci-layout, index.json, blobs/) into the output folder and match it with the output globs, e.g. "image/**"',
      });
    return { subjects: toSubjects(outputs), images: [] };
  }
  if (imageName !== undefined && folders.length > 1) {
    throw new ConfigurationError(`the outputs hold ${folders.length} OCI image layouts (${folders.join(', ')}); an image name names one`, {
      hint: 'write one image layout per build, or leave the image name out (each image is then named by its folder)',
    });
  }
  if (imageName === undefined && folders.includes('.')) {
    throw new ConfigurationError('the output folder itself is an OCI image layout, so it has no folder name to name the image by', {
      hint: 'give the image name (--image-name registry/name, the image-name input)',
    });
  }
  const root = await realpath(outDir);
  const images: ImageOutput[] = [];
  for (const folder of folders) {
    const layout = await readOciLayout(folder === '.' ? root : path.join(root, folder));
    images.push({ folder, name: imageName ?? folder, digest: layout.image.digest });
  }
  const inLayout = (name: string): boolean => folders.some((f) => f === '.' || name.startsWith(`${f}/`));
  return {
    subjects: [
      ...toSubjects(outputs.filter((o) => !inLayout(o.name))),
      ...images.map((i) => ({ name: i.name, digest: { sha256: i.digest.slice('sha256:'.length) } })),
    ],
    images,
  };
}
