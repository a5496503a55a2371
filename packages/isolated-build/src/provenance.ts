/** SLSA provenance v1 and the in-toto test-result statement for one build. */
import {
  BUILD_TYPE,
  makeStatement,
  PREDICATE,
  type ProvenancePredicate,
  type ResourceDescriptor,
  type Statement,
  type Subject,
  type TestResultPredicate,
} from '@secure-factory/core';
import type { RunContext } from './github-context.js';
import type { SourceInfo } from './source-info.js';

export interface ProvenanceFacts {
  subjects: Subject[];
  source: SourceInfo;
  run: RunContext;
  externalParameters: Record<string, unknown>;
  internalParameters: Record<string, unknown>;
  lockfiles: ResourceDescriptor[];
  packages: ResourceDescriptor[];
  byproducts: Record<string, unknown>;
  startedOn: Date;
  finishedOn: Date;
}

export function sourceDescriptor(source: SourceInfo): ResourceDescriptor {
  const uri = source.repositoryUri ? `${source.repositoryUri}@${source.commit}` : `git+file:source@${source.commit}`;
  return { uri, digest: { gitCommit: source.commit } };
}

function iso(d: Date): string {
  // RFC 3339 without milliseconds, as SLSA's examples write it.
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function provenanceStatement(f: ProvenanceFacts): Statement<ProvenancePredicate> {
  const resolved: ResourceDescriptor[] = [sourceDescriptor(f.source), ...f.run.dependencies, ...f.lockfiles, ...f.packages];
  return makeStatement<ProvenancePredicate>(f.subjects, PREDICATE.provenance, {
    buildDefinition: {
      buildType: BUILD_TYPE,
      externalParameters: f.externalParameters,
      internalParameters: f.internalParameters,
      resolvedDependencies: resolved,
    },
    runDetails: {
      builder: { id: f.run.builderId, version: f.run.builderVersion },
      metadata: { invocationId: f.run.invocationId, startedOn: iso(f.startedOn), finishedOn: iso(f.finishedOn) },
      byproducts: Object.entries(f.byproducts).map(([name, value]) => ({
        name,
        mediaType: 'application/json',
        content: Buffer.from(JSON.stringify(value)).toString('base64'),
      })),
    },
  });
}

export function testResultStatement(
  subjects: Subject[],
  test: { command: string; passed: boolean; exitCode: number | null; timedOut: boolean },
  run: RunContext,
): Statement<TestResultPredicate> {
  return makeStatement<TestResultPredicate>(subjects, PREDICATE.testResult, {
    result: test.passed ? 'PASSED' : 'FAILED',
    configuration: [
      {
        name: 'test-command',
        content: Buffer.from(test.command).toString('base64'),
        mediaType: 'text/x-shellscript',
        annotations: { exitCode: test.exitCode, timedOut: test.timedOut, sandbox: 'same as the build' },
      },
    ],
    ...(run.onGitHub ? { url: run.invocationId } : {}),
    ...(test.passed ? { passedTests: [test.command] } : { failedTests: [test.command] }),
  });
}
