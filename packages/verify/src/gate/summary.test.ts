/**
 * The gate's job summary as a person sees it: rendered to HTML the way GitHub renders job summaries
 * (GitHub-flavoured Markdown, here with `marked`), then checked for size, width and content.
 */
import { marked } from 'marked';
import { renderSummary, SUMMARY_LIMIT_BYTES, type ArtefactDecision, type DecisionLog } from './decision.js';
import type { Check } from './types.js';

const pass = (id: string, title: string, stage: Check['stage'], evidence?: string): Check => ({
  id,
  title,
  stage,
  status: 'pass',
  reason: `${title} holds`,
  ...(evidence ? { evidence } : {}),
});
const CHECKS: Check[] = [
  pass('signatures', 'signatures', 'attest', 'provenance, sbom, vulnerabilities'),
  pass('builder', 'builder identity', 'build', 'provenance, Rekor 2026-11-24 10:02 UTC'),
  pass('source', 'source VSA', 'source', 'source VSA, Rekor 2026-11-24 10:01 UTC'),
  pass('vulnerabilities', 'vulnerabilities', 'materials'),
];
const SCAN_NO_TIME: Check = {
  id: 'scan-age',
  title: 'scan age',
  stage: 'attest',
  status: 'fail',
  reason: 'the scan bundle carries no transparency-log or timestamp time',
  fix: 'sign with a transparency log or a timestamp authority (attest inputs rekor-url or tsa-url)',
};

function artefact(i: number, allowed: boolean): ArtefactDecision {
  const digest = (i.toString(16).padStart(8, '0') + 'ab'.repeat(28)).slice(0, 64);
  return {
    digest,
    name: `dist/app-part-${i}.js`,
    allowed,
    verifiedLevels: allowed ? ['SLSA_BUILD_LEVEL_3', 'SLSA_SOURCE_LEVEL_3'] : [],
    checks: allowed ? CHECKS : [...CHECKS, SCAN_NO_TIME],
    waivers: [],
    inputs: [],
  };
}

function log(artefacts: ArtefactDecision[]): DecisionLog {
  return {
    apiVersion: 'secure-factory/gate-decision/v1',
    allowed: artefacts.every((a) => a.allowed),
    environment: 'production',
    time: '2026-11-25T12:00:07.123Z',
    tool: { name: 'secure-factory', version: '0.1.0' },
    policy: { uri: '.github/secure-factory.yml', digest: { sha256: 'e'.repeat(64) } },
    inputs: [],
    artefacts,
    vsa: { path: '.secure-factory/evidence/gate/gate-production-0123456789ab.vsa.intoto.json', sha256: 'f'.repeat(64), signed: true },
  };
}

const html = (markdown: string): string => marked.parse(markdown, { gfm: true, async: false });
const text = (h: string): string => h.replace(/<[^>]+>/g, '').replace(/&[a-z]+;|&#\d+;/g, ' ');
const count = (h: string, re: RegExp): number => (h.match(re) ?? []).length;

/** Cells of each table row in the rendered HTML. */
function rows(h: string): string[][] {
  return [...h.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
    [...(m[1] ?? '').matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => text(c[1] ?? '')),
  );
}

describe('the gate summary, rendered as GitHub renders it', () => {
  it('one artefact admitted: one verdict, one chain, one table of checks, dates as dates', () => {
    const md = renderSummary(log([artefact(1, true)]), { mermaid: true, decisionPath: '.secure-factory/evidence/gate/x.decision.json' });
    const h = html(md);
    expect(count(h, /secure-factory gate — production: admitted/g)).toBe(1);
    expect(count(h, /source ✅ → materials ✅ → build ✅ → attest ✅ → gate ✅/g)).toBe(1);
    expect(count(h, /<table>/g)).toBe(1);
    expect(rows(h)[0]).toEqual(['check', 'result', 'evidence', 'what to do']);
    expect(text(h)).toContain('2026-11-25 12:00 UTC');
    expect(text(h)).not.toMatch(/\d+ h ago/);
    expect(text(h)).not.toMatch(/[0-9a-f]{64}/);
    expect(text(h)).toContain('x.decision.json');
    expect(text(h)).toContain('SLSA_BUILD_LEVEL_3');
  });

  it('refused: the failing check names the stage that owns it and the action input that fixes it', () => {
    const h = html(renderSummary(log([artefact(1, false)])));
    expect(count(h, /production: refused/g)).toBe(1);
    expect(text(h)).toContain('attest ❌');
    expect(text(h)).toContain('materials ✅');
    const row = rows(h).find((r) => r[0] === 'scan age');
    expect(row?.[1]).toMatch(/^❌ the scan bundle carries no transparency-log or timestamp time/);
    expect(row?.[3]).toMatch(/attest inputs rekor-url or tsa-url/);
    expect(text(h)).not.toMatch(/--[a-z]/); // action inputs, never CLI flags
  });

  it('hundreds of artefacts: one table with a row each, what blocks said once, narrow, far below 1 MiB', () => {
    const many = Array.from({ length: 300 }, (_, i) => artefact(i, i % 3 !== 0));
    const md = renderSummary(log(many), { mermaid: true, decisionPath: 'gate.decision.json' });
    const h = html(md);
    expect(count(h, /<table>/g)).toBe(1);
    expect(count(h, /source (✅|❌|⚠️|⚪) → materials/g)).toBe(1);
    const table = rows(h);
    expect(table[0]).toEqual(['artefact', 'sha256', 'verdict', 'blocked by']);
    expect(table.length).toBe(1 + 200);
    expect(text(h)).toContain('…and 100 more artefact(s) (100 refused in all)');
    // The failing check once, with its count, not once per artefact.
    expect(count(text(h), /the scan bundle carries no transparency-log or timestamp time/g)).toBe(1);
    expect(text(h)).toContain('(100 artefacts)');
    // Narrow: four columns, short cells.
    for (const r of table) {
      expect(r.length).toBe(4);
      for (const cell of r) expect(cell.length).toBeLessThanOrEqual(110);
    }
    expect(Buffer.byteLength(md)).toBeLessThan(SUMMARY_LIMIT_BYTES);
  });

  it('is cut well under GitHub’s 1 MiB limit with a pointer to the decision log, whatever it holds', () => {
    const huge = Array.from({ length: 5000 }, (_, i) => ({
      ...artefact(i, false),
      checks: [{ ...SCAN_NO_TIME, id: `rule:r${i}`, reason: `rule ${i} failed: ${'x'.repeat(300)}` }],
    }));
    const md = renderSummary(log(huge), { limit: 5000, decisionPath: 'gate.decision.json' });
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(md).toMatch(/The summary is cut at 64 KiB; the decision log `gate.decision.json` has every artefact and check/);
    expect(count(html(md), /production: refused/g)).toBe(1);
  });
});
