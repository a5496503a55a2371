/**
 * The statement's claims must agree with the certificate that signed it: a provenance that says
 * "built from acme/app at commit X by workflow W" is only worth something if the OIDC identity
 * Fulcio certified is that same repository, commit and workflow. No anchor tool checks this
 * client-side; a compromised or confused builder could otherwise sign claims about another repository.
 */
import type { Statement } from '@secure-factory/core';
import type { CertificateIdentity } from './certificate.js';

export interface ProvenanceClaims {
  repository?: string;
  commit?: string;
  /** `.github/workflows/x.yml` */
  workflowPath?: string;
  ref?: string;
  builderId?: string;
  /** Workflow inputs (workflow_dispatch) as recorded. */
  inputs?: Record<string, unknown>;
  buildType?: string;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function repoFromUri(uri: string | undefined): { repository?: string; ref?: string } {
  if (!uri) return {};
  const m = /^(?:git\+)?https:\/\/github\.com\/([^/@]+\/[^/@]+?)(?:\.git)?(?:@(.+))?$/.exec(uri);
  if (!m?.[1]) return {};
  return { repository: m[1], ...(m[2] ? { ref: m[2] } : {}) };
}

/** Reads SLSA v0.2 and v1 provenance (GitHub workflow build types and ours) into one shape. */
export function provenanceClaims(statement: Statement): ProvenanceClaims | undefined {
  const p = obj(statement.predicate);
  const out: ProvenanceClaims = {};
  if (statement.predicateType === 'https://slsa.dev/provenance/v0.2') {
    const invocation = obj(p.invocation);
    const config = obj(invocation.configSource);
    const fromUri = repoFromUri(str(config.uri));
    Object.assign(out, fromUri);
    out.commit = str(obj(config.digest).sha1);
    out.workflowPath = str(config.entryPoint);
    out.builderId = str(obj(p.builder).id);
    out.buildType = str(p.buildType);
    const env = obj(invocation.environment);
    const payload = obj(env.github_event_payload);
    const inputs = obj(payload.inputs);
    const params = obj(obj(invocation.parameters).inputs);
    out.inputs = Object.keys(params).length > 0 ? params : inputs;
    if (!out.repository) out.repository = str(env.github_repository);
    if (!out.commit) out.commit = str(env.github_sha1);
    if (!out.ref) out.ref = str(env.github_ref);
  } else if (statement.predicateType === 'https://slsa.dev/provenance/v1') {
    const def = obj(p.buildDefinition);
    const ext = obj(def.externalParameters);
    const internal = obj(def.internalParameters);
    const workflow = obj(ext.workflow);
    out.buildType = str(def.buildType);
    out.builderId = str(obj(obj(p.runDetails).builder).id);
    const repoField = str(workflow.repository);
    if (repoField) Object.assign(out, repoFromUri(repoField.startsWith('https://') ? repoField : `https://github.com/${repoField}`));
    out.ref = str(workflow.ref) ?? out.ref;
    out.workflowPath = str(workflow.path);
    const deps = Array.isArray(def.resolvedDependencies) ? def.resolvedDependencies : [];
    for (const d of deps) {
      const dep = obj(d);
      const commit = str(obj(dep.digest).gitCommit) ?? str(obj(dep.digest).sha1);
      const fromDep = repoFromUri(str(dep.uri));
      if (commit && fromDep.repository && (!out.repository || fromDep.repository.toLowerCase() === out.repository.toLowerCase())) {
        out.commit = commit;
        out.repository ??= fromDep.repository;
        out.ref ??= fromDep.ref;
        break;
      }
    }
    const inputs = obj(ext.inputs);
    out.inputs = Object.keys(inputs).length > 0 ? inputs : obj(obj(obj(internal.github).event_payload).inputs);
    const gh = obj(internal.github);
    if (!out.repository && str(gh.repository)) out.repository = str(gh.repository);
  } else {
    return undefined;
  }
  for (const k of Object.keys(out) as (keyof ProvenanceClaims)[]) if (out[k] === undefined) delete out[k];
  return out;
}

/** Disagreements between the provenance and the certificate; empty when they agree (or say nothing). */
export function checkClaimsAgainstCertificate(statement: Statement, id: CertificateIdentity): string[] {
  const claims = provenanceClaims(statement);
  if (!claims) return [];
  const problems: string[] = [];
  const certRepo = repoFromUri(id.sourceRepositoryUri).repository;
  if (claims.repository && certRepo && claims.repository.toLowerCase() !== certRepo.toLowerCase()) {
    problems.push(`the provenance names repository ${claims.repository} but the certificate was issued to ${certRepo}`);
  }
  if (claims.commit && id.sourceRepositoryDigest && claims.commit.toLowerCase() !== id.sourceRepositoryDigest.toLowerCase()) {
    problems.push(`the provenance names commit ${claims.commit} but the certificate's is ${id.sourceRepositoryDigest}`);
  }
  if (claims.workflowPath && id.buildConfigUri) {
    const m = /^https:\/\/github\.com\/[^/]+\/[^/]+\/(.+?)@(.+)$/.exec(id.buildConfigUri);
    if (m?.[1] && m[1] !== claims.workflowPath.replace(/^\.\//, '')) {
      problems.push(`the provenance names workflow ${claims.workflowPath} but the certificate's build config is ${id.buildConfigUri}`);
    }
  }
  if (claims.ref && id.sourceRepositoryRef && claims.ref !== id.sourceRepositoryRef) {
    problems.push(`the provenance names ref ${claims.ref} but the certificate's is ${id.sourceRepositoryRef}`);
  }
  return problems;
}
