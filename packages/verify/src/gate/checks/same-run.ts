/**
 * Same run: the decision rests on one run (the newest provenance's) and every statement is taken
 * from it; evidence from another run, or whose commit disagrees with the run's certificate (or, for
 * key-signed evidence, with the signed provenance), makes the set mixed, and so does a run certificate
 * that names no commit (nothing binds the statements to it).
 */
import type { DeployPolicy, EvidenceKind, ProvenancePredicate } from '@secure-factory/core';
import { describeRun, runKeyOf, short } from '../identity.js';
import type { Evidence } from '../types.js';
import { KINDS, newest, type GateCheck, type GateContext } from './context.js';

/** Picks the run (the newest provenance's, else the run most statements come from) and the evidence used from it. */
export function pickRun(
  ctx: Pick<GateContext, 'fromBuilder' | 'byKind'>,
  deploy: Pick<DeployPolicy, 'sameRun'>,
): Pick<GateContext, 'anchor' | 'used' | 'offRun'> {
  let anchor = newest(ctx.byKind.get('provenance') ?? []);
  if (!anchor) {
    const counts = new Map<string, number>();
    for (const e of ctx.fromBuilder) counts.set(runKeyOf(e), (counts.get(runKeyOf(e)) ?? 0) + 1);
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    anchor = ctx.fromBuilder.find((e) => runKeyOf(e) === top);
  }
  const anchorRun = anchor ? runKeyOf(anchor) : undefined;
  const used: Partial<Record<EvidenceKind, Evidence>> = {};
  const offRun: string[] = [];
  for (const k of KINDS) {
    const list = ctx.byKind.get(k) ?? [];
    const same = list.filter((e) => runKeyOf(e) === anchorRun);
    const chosen = newest(same) ?? (deploy.sameRun ? undefined : newest(list));
    if (chosen) used[k] = chosen;
    else if (list.length > 0) {
      // Evidence of this kind exists, but only from another run: it must not vouch for this artefact.
      offRun.push(`${k} comes from ${describeRun(list[0] as Evidence)}`);
      if (deploy.sameRun) used[k] = newest(list);
    }
  }
  return { anchor, used, offRun };
}

/** Cross-checks between the certificate and what the statements say about the commit. */
function mismatchesOf({ anchor, used, offRun, byKind }: GateContext): string[] {
  const prov = used.provenance;
  const mismatches = [...offRun];
  if (anchor?.signer.kind === 'key') mismatches.push(...keyRunMismatches(prov, byKind.get('provenance') ?? []));
  if (anchor) {
    // A certificate names the run's commit; a key does not, so for key-signed evidence the signed
    // provenance's source commit is the run's, and every statement must agree with it.
    const commit =
      anchor.signer.kind === 'certificate' ? anchor.signer.identity.sourceRepositoryDigest : prov ? gitCommitsIn(prov)[0] : undefined;
    // A certificate without a commit claim (neither Fulcio's 1.3.6.1.4.1.57264.1.13 nor the legacy .1.3)
    // cannot bind the statements to a commit: the run is not known to have built what they name.
    if (anchor.signer.kind === 'certificate' && !commit)
      mismatches.push(
        "the run's certificate names no source commit (Fulcio's source repository digest), so the statements cannot be bound to it",
      );
    const provCommits = prov ? gitCommitsIn(prov) : [];
    if (commit && prov && provCommits.length > 0 && !provCommits.includes(commit)) {
      mismatches.push(`the provenance names commit ${short(provCommits[0] as string)}, its certificate ${short(commit)}`);
    }
    const src = used.source;
    // Key-signed evidence is bound through the provenance's commit: without one, nothing ties the source
    // VSA to what was built.
    if (anchor.signer.kind === 'key' && !commit && src)
      mismatches.push('the key-signed provenance names no source commit, so the source VSA cannot be bound to the build');
    if (commit && src) {
      const named = src.statement.subject.map((s) => s.digest.gitCommit).filter((c): c is string => typeof c === 'string');
      // A source VSA verifies a commit (the factory's names it as a gitCommit subject): one that names
      // none verifies nothing this run is known to have built.
      if (named.length === 0) mismatches.push(`the source VSA names no commit (a gitCommit subject), the run built ${short(commit)}`);
      else if (!named.includes(commit))
        mismatches.push(`the source VSA is about commit ${short(named[0] as string)}, the run built ${short(commit)}`);
    }
  }
  return mismatches;
}

export const sameRunCheck: GateCheck = (ctx) => {
  const mismatches = mismatchesOf(ctx);
  const usedList = Object.values(ctx.used);
  if (!ctx.deploy.sameRun || usedList.length === 0) return [];
  return [
    {
      id: 'same-run',
      title: 'same run',
      stage: 'attest',
      status: mismatches.length > 0 ? 'fail' : 'pass',
      reason: mismatches.length > 0 ? `evidence is mixed: ${mismatches.join('; ')}` : ctx.anchor ? describeRun(ctx.anchor) : 'one run',
      evidence: `${usedList.length} bundle(s)`,
      ...(mismatches.length > 0
        ? { fix: 'gate the artefact with the evidence of the run that built it; re-run the factory for a fresh, complete set' }
        : {}),
    },
  ];
};

/**
 * Key-signed evidence is one run only when its signed statements say so: every provenance from the
 * key must name the same run (invocation id) and the same source commit as the one in use.
 */
function keyRunMismatches(prov: Evidence | undefined, provenances: readonly Evidence[]): string[] {
  if (!prov) return [];
  const runOf = (e: Evidence): string | undefined => {
    const id = (e.statement.predicate as Partial<ProvenancePredicate>).runDetails?.metadata?.invocationId;
    return typeof id === 'string' && id !== '' ? id : undefined;
  };
  const out: string[] = [];
  const run = runOf(prov);
  const commit = gitCommitsIn(prov)[0];
  for (const other of provenances) {
    if (other === prov || other.signer.kind !== 'key' || prov.signer.kind !== 'key' || other.signer.keyId !== prov.signer.keyId) continue;
    const otherRun = runOf(other);
    const otherCommit = gitCommitsIn(other)[0];
    if (otherRun !== run) out.push(`key-signed provenances name different runs (${run ?? 'none'}, ${otherRun ?? 'none'})`);
    else if (otherCommit !== commit)
      out.push(`key-signed provenances name different commits (${short(commit ?? 'none')}, ${short(otherCommit ?? 'none')})`);
  }
  return out;
}

function gitCommitsIn(e: Evidence): string[] {
  const p = e.statement.predicate as Partial<ProvenancePredicate>;
  const out: string[] = [];
  for (const d of p.buildDefinition?.resolvedDependencies ?? []) {
    const c = d.digest?.gitCommit ?? d.digest?.sha1;
    if (typeof c === 'string' && /^[0-9a-f]{40}$/.test(c)) out.push(c);
  }
  return out;
}
