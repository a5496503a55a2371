/**
 * Pull-request mode: review what the change adds, removes and changes; fail only on what it
 * introduces; one comment on the pull request, updated in place; JSON outputs for the changes.
 */
import path from 'node:path';
import { annotate, coreLogger, setOutput, writeSummary } from '@secure-factory/action-runtime';
import { PolicyViolation, writeJsonAtomic } from '@secure-factory/core';
import { REVIEW_MARKER, reviewChanges, reviewMarkdown, RULE, scanSarif } from '@secure-factory/materials';
import type { ReviewInputs, RunInputs } from './inputs.js';
import { relocate, repositoryPolicy, vulnerabilityDatabase } from './main.js';
import { upsertComment } from './pr-comment.js';

export async function runReview(inputs: RunInputs, review: ReviewInputs): Promise<void> {
  const logger = coreLogger();
  const now = new Date();
  const target = path.resolve(inputs.workspace, inputs.path);
  const policy = await repositoryPolicy(inputs, now);
  const { vulnSource, save } = await vulnerabilityDatabase(inputs, policy, logger);
  const r = await reviewChanges({
    path: target,
    policy,
    evidenceDir: path.resolve(inputs.workspace, inputs.evidence),
    vulnSource,
    logger,
    now,
    lockfiles: inputs.lockfiles,
    base: review.base,
    head: review.head,
    config: review.config,
  });
  await save();
  const body = reviewMarkdown(r);
  const sarifPath = path.resolve(inputs.workspace, inputs.sarif);
  if (r.headScan) {
    const findings = relocate(r.introduced, target, inputs.workspace);
    await writeJsonAtomic(sarifPath, scanSarif({ ...r.headScan, findings, blocking: findings.filter((f) => f.blocking) }));
    setOutput('sarif-path', sarifPath);
    setOutput('sbom-path', r.headScan.sbom.cyclonedx ?? '');
    annotate([...findings.filter((f) => f.blocking), ...findings.filter((f) => !f.blocking)]);
  }
  await writeSummary(body);
  const repository = process.env.GITHUB_REPOSITORY ?? '';
  const [owner, repo] = repository.split('/');
  const wantComment = review.comment === 'always' || (review.comment === 'on-failure' && r.blocking.length > 0);
  if (wantComment) {
    if (!review.pullRequest || !owner || !repo || !inputs.githubToken) {
      logger.warning('comment-summary-in-pr: no pull request in the event (or no token); the summary is in the job summary only');
    } else {
      const c = await upsertComment(
        {
          baseUrl: process.env.GITHUB_API_URL ?? 'https://api.github.com',
          token: inputs.githubToken,
          owner,
          repo,
          pullRequest: review.pullRequest,
        },
        REVIEW_MARKER,
        body,
      );
      logger.info(`${c.created ? 'Commented on' : 'Updated the comment on'} #${review.pullRequest} (comment ${c.id})`);
    }
  }
  // dependency-review-action's output names, where they mean the same.
  setOutput('comment-content', body);
  setOutput('dependency-changes', JSON.stringify([...r.added, ...r.removed]));
  setOutput('changed-packages', JSON.stringify(r.changed));
  setOutput(
    'vulnerable-changes',
    JSON.stringify(
      r.introduced
        .filter((f) => f.rule === RULE.vulnerable)
        .map((f) => ({ ...f.properties, severity: f.severity, blocking: f.blocking === true })),
    ),
  );
  setOutput(
    'invalid-license-changes',
    JSON.stringify(
      r.introduced
        .filter((f) => f.rule.startsWith('materials/license-'))
        .map((f) => ({ rule: f.rule, message: f.message, ...f.properties })),
    ),
  );
  setOutput('denied-changes', JSON.stringify(r.introduced.filter((f) => f.rule === 'materials/denied-package').map((f) => f.properties)));
  setOutput(
    'unpinned-changes',
    JSON.stringify(r.introduced.filter((f) => f.rule === RULE.unpinned).map((f) => ({ message: f.message, ...f.properties }))),
  );
  setOutput('blocking-count', String(r.blocking.length));
  if (r.blocking.length > 0) {
    throw new PolicyViolation(
      `the change introduces ${r.blocking.length} blocking finding(s): ${r.blocking
        .slice(0, 3)
        .map((f) => f.message)
        .join('; ')}${r.blocking.length > 3 ? '; …' : ''}`,
    );
  }
}
