import os from 'node:os';
import path from 'node:path';
import { annotate, coreLogger, setOutput, writeSummary } from '@secure-factory/action-runtime';
import { code, findingsTable, md, policyFileInput, PolicyViolation, stateIcon, table } from '@secure-factory/core';
import { runBuildStage, type BuildResult } from '@secure-factory/isolated-build';
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
    networkAllow: inputs.allowHosts,
    reproducible: inputs.reproducible ? true : undefined,
    timeout: inputs.timeoutMinutes !== undefined ? inputs.timeoutMinutes * 60_000 : undefined,
    env: inputs.env,
    fetchCommand: inputs.fetchCommand,
    testCommand: inputs.testCommand,
    imageName: inputs.imageName,
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

export function summary(r: BuildResult, command: string): string {
  const lines = [`## secure-factory hermetic-build: ${r.passed ? 'passed' : 'failed'} ${stateIcon(r.passed ? 'passed' : 'failed')}`, ''];
  const iso = r.isolation;
  lines.push(
    `Command ${code(command)} ran in **${iso.tool} ${md(iso.version)}** on a copy-on-write workspace of the checkout: network ${iso.network.build} (fetch: ${iso.network.fetch}), environment reduced to ${iso.environment.passed.length} allow-listed variable(s), timeout ${Math.round(iso.timeoutMs / 60_000)} min.`,
  );
  if (iso.tool !== 'bubblewrap')
    lines.push('', `⚠️ **Weaker isolation: ${md(iso.tool)}, not bubblewrap.** The default gate refuses this build. ${md(iso.note ?? '')}`);
  else if (iso.note) lines.push('', `⚠️ ${md(iso.note)}`);
  if (r.failure) {
    const f = r.failure;
    const status = f.setupError
      ? `sandbox setup failed: ${f.setupError}`
      : f.timedOut
        ? 'timed out'
        : f.signal
          ? `killed by ${f.signal}`
          : `exit code ${f.exitCode}`;
    lines.push(
      '',
      `❌ **The ${f.phase} phase failed** (${md(status)}). Last lines of its output:`,
      '',
      '```text',
      ...f.lastLines.map((l) => l.replace(/```/g, "'''")),
      '```',
    );
  }
  lines.push('');
  if (r.integrity) {
    const i = r.integrity;
    lines.push(
      `Source integrity (${i.tracked} tracked file(s) of ${code(i.commit.slice(0, 12))} after ${i.phases.map((p) => p.phase).join(', ') || 'no phase'}): ${
        i.unchanged
          ? '✅ unchanged'
          : `❌ ${[...i.changed.map((p) => `changed ${code(p)}`), ...i.removed.map((p) => `removed ${code(p)}`), ...i.added.map((p) => `added ${code(p)}`), ...i.git.map((p) => `wrote ${code(p)}`)].slice(0, 20).join(', ')}`
      }`,
    );
  }
  if (r.egress && r.egress.length > 0) {
    lines.push(
      '',
      table(
        ['fetch connection', 'allowed', 'bytes out / in'],
        r.egress.slice(0, 50).map((c) => [code(`${c.host}:${c.port}`), c.allowed ? '✅' : '❌ refused', `${c.bytesOut} / ${c.bytesIn}`]),
      ),
    );
  }
  if (r.toolchains && r.toolchains.length > 0)
    lines.push('', `Toolchains: ${r.toolchains.map((t) => `${t.name} ${md(t.version)}`).join(' · ')}`);
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
