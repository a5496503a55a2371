import os from 'node:os';
import path from 'node:path';
import { annotate, coreLogger, setOutput, writeSummary } from '@secure-factory/action-runtime';
import { code, findingsTable, md, policyFileInput, PolicyViolation, stateIcon, table } from '@secure-factory/core';
import { runBuildStage, type BuildResult } from '@secure-factory/build';
import { actionsCacheStore } from './fetch-cache-store.js';
import type { RunInputs } from './inputs.js';

export async function run(inputs: RunInputs): Promise<void> {
  const logger = coreLogger();
  const source = path.resolve(inputs.path);
  // A policy path the user chose is relative to the source and must exist; the default one is optional.
  const chosen = policyFileInput(inputs.policy);
  const policy = chosen === undefined ? undefined : path.resolve(source, chosen);
  const r = await runBuildStage({
    source,
    command: ['/bin/sh', '-c', inputs.command],
    outputs: inputs.outputs,
    evidence: path.resolve(inputs.evidence),
    policy,
    network: inputs.network,
    reproducible: inputs.reproducible ? true : undefined,
    timeout: inputs.timeoutMinutes !== undefined ? inputs.timeoutMinutes * 60_000 : undefined,
    env: inputs.env,
    fetchCommand: inputs.fetchCommand,
    testCommand: inputs.testCommand,
    // The fetch cache folder lives in the runner's temp, outside the workspace and the outputs.
    cache: inputs.cache
      ? { dir: path.join(process.env.RUNNER_TEMP ?? os.tmpdir(), 'secure-factory-fetch-cache'), store: actionsCacheStore() }
      : undefined,
    logger,
  });
  setOutput('subjects', JSON.stringify(r.subjects));
  setOutput('provenance-path', r.provenancePath ?? '');
  setOutput('reproducible', r.reproducible === undefined ? '' : String(r.reproducible));
  annotate(r.findings);
  await writeSummary(summary(r, inputs.command));
  if (!r.passed) {
    const blocking = r.findings.filter((f) => f.blocking === true);
    throw new PolicyViolation(`the build failed: ${blocking.map((f) => f.rule).join(', ')}`, { hint: blocking[0]?.help });
  }
}

function summary(r: BuildResult, command: string): string {
  const lines = [`## secure-factory hermetic-build: ${r.passed ? 'passed' : 'failed'} ${stateIcon(r.passed ? 'passed' : 'failed')}`, ''];
  const iso = r.isolation;
  lines.push(
    `Command ${code(command)} ran in **${iso.tool} ${md(iso.version)}**: network ${iso.network.build}, source read-only, environment reduced to ${iso.environment.passed.length} allow-listed variable(s), timeout ${Math.round(iso.timeoutMs / 60_000)} min.`,
  );
  if (iso.note) lines.push('', `⚠️ ${md(iso.note)}`);
  lines.push('');
  if (r.integrity)
    lines.push(
      `Source integrity: ${r.integrity.unchanged ? '✅ unchanged' : `❌ ${r.integrity.changed.length + r.integrity.added.length + r.integrity.removed.length} path(s) changed`}`,
    );
  if (r.reproducible !== undefined)
    lines.push(
      `Reproducible: ${r.reproducible ? '✅ identical outputs from two builds' : `❌ ${r.reproducibility?.differences.length ?? 0} output(s) differ`}`,
    );
  if (r.subjects.length > 0) {
    lines.push(
      '',
      table(
        ['output', 'sha256'],
        r.subjects.slice(0, 100).map((s) => [code(s.name ?? ''), code(s.digest.sha256 ?? '')]),
      ),
    );
    if (r.subjects.length > 100) lines.push(`_…and ${r.subjects.length - 100} more (see the provenance)._`);
  }
  if (r.cache) {
    const c = r.cache;
    const state = !c.restored
      ? 'miss'
      : c.verified
        ? '✅ restored, content digest verified'
        : '❌ restored entry failed its digest check and was discarded';
    lines.push(`Fetch cache: ${state}${c.savedKey ? `; saved ${code(c.savedKey)}` : ''}`);
  }
  if (r.provenancePath) lines.push('', `Provenance: ${code(r.provenancePath)}`);
  lines.push('', findingsTable(r.findings));
  return lines.join('\n');
}
