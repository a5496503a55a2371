/**
 * What to gate: files (hashed here), `sha256:HEX` digests, or image references pinned by digest. A file
 * is named by the one rule of core `subjectNameOf`: its path relative to the project (`cwd`), as the
 * build and attest name it; a file outside the project is refused (gate it by `sha256:` digest).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ConfigurationError, sha256File, subjectNameOf } from '@secure-factory/core';

export interface GateSubject {
  /** sha256 hex */
  digest: string;
  name?: string;
  /** The file it was hashed from: evidence naming it by another algorithm (npm's sha512) is matched by hashing it again. */
  file?: string;
}

const DIGEST = /^sha256:([0-9a-fA-F]{64})$/;
const IMAGE = /^([a-z0-9.-]+(?::[0-9]+)?\/[^@\s]+)@sha256:([0-9a-f]{64})$/;

export async function resolveSubject(arg: string, cwd = process.cwd()): Promise<GateSubject> {
  const d = DIGEST.exec(arg);
  if (d) return { digest: (d[1] as string).toLowerCase() };
  const img = IMAGE.exec(arg);
  if (img) return { digest: img[2] as string, name: img[1] as string };
  const file = path.resolve(cwd, arg);
  let isFile: boolean;
  try {
    isFile = (await stat(file)).isFile();
  } catch {
    throw new ConfigurationError(`"${arg}" is neither a file nor a digest`, {
      hint: 'give an artefact file, sha256:<64 hex>, or an image as registry/name@sha256:<64 hex>',
    });
  }
  if (!isFile) throw new ConfigurationError(`"${arg}" is not a regular file`, { hint: 'gate each artefact file, not a folder' });
  const name = subjectNameOf(cwd, file);
  return { digest: await sha256File(file), name, file };
}

export async function resolveSubjects(args: readonly string[], cwd = process.cwd()): Promise<GateSubject[]> {
  if (args.length === 0)
    throw new ConfigurationError('nothing to gate', { hint: 'give one or more artefact files or sha256:DIGEST values' });
  const out: GateSubject[] = [];
  const seen = new Set<string>();
  for (const a of args) {
    const s = await resolveSubject(a, cwd);
    if (seen.has(s.digest)) continue;
    seen.add(s.digest);
    out.push(s);
  }
  return out;
}
