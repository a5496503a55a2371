/**
 * Finding evidence for artefact digests: Sigstore bundles in the evidence folder (`*.sigstore.json`),
 * bundle files given explicitly, and the GitHub attestations API. Bundles are read once and indexed
 * by the digests their (not yet verified) statement names; only the ones naming a gated digest are
 * then verified, each once, however many artefacts it names. Statements without a bundle are kept
 * only to say that they do not count.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import {
  BUNDLE_SUFFIX,
  ConfigurationError,
  jsonSyntaxReason,
  mapLimit,
  readRegularFile,
  sha256Hex,
  STATEMENT_SUFFIX,
  subjectDigests,
  UnsafeFileError,
  type Statement,
} from '@secure-factory/core';
import { candidateFromJson, type CandidateBundle } from './candidate.js';
import type { GitHubAttestationsClient } from './github-attestations.js';

export type { CandidateBundle } from './candidate.js';

const MAX_BUNDLE_BYTES = 32 * 1024 * 1024;

export interface UnsignedStatement {
  origin: string;
  /** sha256 hex of the file. */
  digest: string;
  subjects: Set<string>;
}

export interface Unreadable {
  origin: string;
  /** sha256 hex of the file, when it could be read. */
  digest?: string;
  reason: string;
}

export interface EvidenceIndex {
  bundles: CandidateBundle[];
  unsigned: UnsignedStatement[];
  unreadable: Unreadable[];
}

async function readCandidate(file: string, index: EvidenceIndex, within?: string): Promise<void> {
  let bytes: Buffer;
  try {
    // The core safe reader: a FIFO, device or socket, an oversized file or a link leaving the evidence
    // folder is refused without blocking, without reading it, and without quoting it.
    bytes = await readRegularFile(file, {
      maxBytes: MAX_BUNDLE_BYTES,
      what: 'bundle',
      ...(within !== undefined ? { within } : { within: '/' }),
    });
  } catch (e: unknown) {
    if (e instanceof UnsafeFileError && e.reason !== 'missing' && e.reason !== 'unreadable') {
      index.unreadable.push({ origin: file, reason: e.message });
      return;
    }
    throw new ConfigurationError(`cannot read the bundle: ${e instanceof UnsafeFileError ? e.message : String(e)}`, { location: { file } });
  }
  try {
    index.bundles.push(candidateFromJson(file, bytes));
  } catch (e: unknown) {
    // V8's JSON.parse message quotes the bytes: keep only the kind of error.
    const reason = e instanceof SyntaxError ? `not JSON: ${jsonSyntaxReason(e.message)}` : `not a bundle: ${(e as Error).message}`;
    index.unreadable.push({ origin: file, digest: sha256Hex(bytes), reason });
  }
}

/** Reads the evidence folder (top level only) and the explicit bundle files. */
export async function indexEvidence(options: {
  evidenceDir?: string | undefined;
  bundleFiles?: readonly string[];
}): Promise<EvidenceIndex> {
  const index: EvidenceIndex = { bundles: [], unsigned: [], unreadable: [] };
  const dir = options.evidenceDir;
  if (dir !== undefined) {
    let names: string[];
    try {
      names = (await readdir(dir)).sort();
    } catch (e: unknown) {
      throw new ConfigurationError(`cannot read the evidence folder: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, {
        location: { file: dir },
        hint: 'pass the folder the factory wrote its evidence to (default .secure-factory/evidence)',
      });
    }
    const set = new Set(names);
    const bundles = names.filter((n) => n.endsWith(BUNDLE_SUFFIX) && !n.startsWith('.'));
    await mapLimit(bundles, 16, (n) => readCandidate(path.join(dir, n), index, dir));
    for (const n of names) {
      if (!n.endsWith(STATEMENT_SUFFIX) || n.startsWith('.')) continue;
      if (set.has(`${n.slice(0, -STATEMENT_SUFFIX.length)}${BUNDLE_SUFFIX}`)) continue;
      // A statement without a bundle never counts; it is listed so the decision can say so.
      const file = path.join(dir, n);
      let bytes: Buffer;
      try {
        bytes = await readRegularFile(file, { maxBytes: MAX_BUNDLE_BYTES, what: 'statement', within: dir });
      } catch (e: unknown) {
        // A FIFO, device, oversized file or outward link posing as a statement is listed, never read.
        if (e instanceof UnsafeFileError) {
          index.unreadable.push({ origin: file, reason: e.message });
          continue;
        }
        throw e;
      }
      let subjects = new Set<string>();
      try {
        const statement = JSON.parse(bytes.toString('utf8')) as Statement;
        if (Array.isArray(statement.subject)) subjects = subjectDigests(statement);
      } catch {
        // Unreadable and unsigned: it would not count either way, so it is only listed.
      }
      index.unsigned.push({ origin: file, digest: sha256Hex(bytes), subjects });
    }
  }
  // Read concurrently, listed in a stable order so the same folder always gives the same decision log.
  index.bundles.sort((a, b) => (a.origin < b.origin ? -1 : a.origin > b.origin ? 1 : 0));
  for (const f of options.bundleFiles ?? []) await readCandidate(f, index);
  // The same bundle found twice (folder and explicit) is one input.
  const seen = new Set<string>();
  index.bundles = index.bundles.filter((b) => (seen.has(b.bundleDigest) ? false : (seen.add(b.bundleDigest), true)));
  return index;
}

/** Adds the API's bundles for each digest; a failure throws (the caller fails closed). */
export async function fetchFromGitHub(client: GitHubAttestationsClient, digests: readonly string[], index: EvidenceIndex): Promise<void> {
  const seen = new Set(index.bundles.map((b) => b.bundleDigest));
  const lists = await mapLimit(digests, 8, (d) => client.list(d));
  for (const list of lists) {
    for (const c of list) {
      if (seen.has(c.bundleDigest)) continue;
      seen.add(c.bundleDigest);
      index.bundles.push(c);
    }
  }
}
