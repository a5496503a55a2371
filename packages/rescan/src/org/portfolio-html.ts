/**
 * The portfolio page: one static HTML file (no server, no script, no external asset; CSS inline),
 * publishable on GitHub Pages. Every text that came from outside (advisory summaries, package and
 * repository names, environments) is escaped: advisory text is hostile input.
 */
import type { DriftReport } from '../drift.js';
import type { PortfolioReport } from './merge.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}
const e = escapeHtml;

export function formatRemaining(ms: number): string {
  const abs = Math.abs(ms);
  const h = Math.floor(abs / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  const text = `${h} h ${String(m).padStart(2, '0')} min`;
  return ms > 0 ? `${text} left` : `overdue by ${text}`;
}

const CSS = `
:root{color-scheme:light;--ok:#1a7f37;--bad:#cf222e;--warn:#9a6700;--muted:#57606a;--line:#d0d7de}
*{box-sizing:border-box}body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
header{background:#24292f;color:#fff;padding:16px 24px}header h1{margin:0;font-size:20px}header p{margin:4px 0 0;color:#c9d1d9;font-size:12px}
main{padding:16px 24px;max-width:1400px}section{background:#fff;border:1px solid var(--line);border-radius:6px;margin:0 0 16px;padding:12px 16px}
h2{font-size:16px;margin:0 0 8px}h3{font-size:14px;margin:12px 0 6px}
.kpis{display:flex;gap:12px;flex-wrap:wrap;margin:0 0 16px}.kpi{background:#fff;border:1px solid var(--line);border-radius:6px;padding:10px 16px;min-width:150px}
.kpi dt{color:var(--muted);font-size:12px}.kpi dd{margin:0;font-size:24px;font-weight:600}.kpi.bad dd{color:var(--bad)}.kpi.ok dd{color:var(--ok)}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}th{font-size:12px;color:var(--muted);font-weight:600}
code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace}.badge{display:inline-block;padding:0 6px;border-radius:10px;font-size:11px;font-weight:600;border:1px solid}
.pass{color:var(--ok);border-color:var(--ok)}.missing{color:var(--bad);border-color:var(--bad)}.sev-critical,.sev-high{color:var(--bad);font-weight:600}.sev-medium{color:var(--warn)}
.overdue{color:var(--bad);font-weight:600}.left{color:var(--warn)}.muted{color:var(--muted)}
.bar{background:#eaeef2;height:10px;border-radius:5px;width:160px;display:inline-block;vertical-align:middle}.bar span{display:block;height:10px;border-radius:5px;background:var(--ok)}.bar span.late{background:var(--bad)}
`;

const STEPS = ['source', 'materials', 'build', 'attest', 'gate'] as const;

/** Least-privilege drift: what grew in each repository's workflows since its last admitted release, with owners. */
function driftSection(reports: readonly DriftReport[]): string {
  const rows = reports.flatMap((d) =>
    d.findings.map(
      (f) =>
        `<tr><td>${e(d.repository)}</td><td class="sev-${e(f.severity)}">${e(f.severity)}</td><td><code>${e(f.rule.replace(/^drift\//, ''))}</code></td><td><code>${e(f.file ?? '')}</code>${f.properties?.job ? ` <span class="muted">job ${e(f.properties.job)}</span>` : ''}</td><td><code>${e(f.properties?.change ?? '')}</code></td><td>${e(((f.properties?.owners as string[] | undefined) ?? []).join(' '))}</td><td class="muted">${d.baseline ? `${e(d.baseline.commit.slice(0, 12))} → ${e(d.current.ref)}` : ''}</td></tr>`,
    ),
  );
  const unjudged = reports.filter((d) => d.status === 'no-baseline');
  const table = rows.length
    ? `<table id="drift"><thead><tr><th>repository</th><th>severity</th><th>drift</th><th>workflow</th><th>change</th><th>owners</th><th>released → now</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
    : `<p class="muted" id="drift">No drift: ${e(reports.length)} repositor${reports.length === 1 ? 'y' : 'ies'} compared with their last admitted release.</p>`;
  const note = unjudged.length
    ? `<p class="muted">No workflow posture recorded for the admitted release of ${unjudged.map((d) => `<code>${e(d.repository)}</code>`).join(' ')}: drift is judged from its next release on.</p>`
    : '';
  return `<section><h2>Least-privilege drift since the last admitted release</h2>${table}${note}</section>`;
}

export function renderPortfolio(report: PortfolioReport): string {
  const t = report.totals;
  const hours = report.history.map((h) => h.hours).sort((a, b) => a - b);
  const median =
    hours.length === 0
      ? undefined
      : hours.length % 2
        ? hours[(hours.length - 1) / 2]
        : ((hours[hours.length / 2 - 1] as number) + (hours[hours.length / 2] as number)) / 2;
  const kpi = (id: string, label: string, value: string | number, cls = ''): string =>
    `<div class="kpi ${cls}"><dt>${e(label)}</dt><dd id="${id}">${e(value)}</dd></div>`;
  const environments = [...new Set(report.artefacts.flatMap((a) => a.environments.map((x) => x.environment)))].sort();

  const remediations =
    report.remediations.length === 0
      ? '<p class="muted">No open remediation.</p>'
      : `<table id="remediations"><thead><tr><th>repository</th><th>advisory</th><th>severity</th><th>package</th><th>fixed in</th><th>environments</th><th>deadline</th><th>remaining</th></tr></thead><tbody>${report.remediations
          .map(
            (r) =>
              `<tr><td>${e(r.repository)}</td><td><code>${e(r.advisory)}</code>${r.issue?.url ? ` <span class="muted">issue #${e(r.issue.number)}</span>` : ''}</td><td class="sev-${e(r.severity)}">${e(r.severity)}</td><td><code>${e(`${r.package.name}@${r.package.version}`)}</code></td><td>${r.fixedVersions.length ? r.fixedVersions.map((v) => `<code>${e(v)}</code>`).join(', ') : '<span class="muted">none</span>'}</td><td>${e(r.environments.join(', '))}</td><td>${e(r.deadline)}</td><td class="${r.remainingMs > 0 ? 'left' : 'overdue'}">${e(formatRemaining(r.remainingMs))}</td></tr>`,
          )
          .join('')}</tbody></table>`;

  const perEnv = environments
    .map((env) => {
      const rows = report.artefacts
        .filter((a) => a.environments.some((x) => x.environment === env))
        .map((a) => {
          const chain = STEPS.map((s) => {
            const st = a.chain[s];
            const detail = 'level' in st && st.level ? st.level : 'detail' in st ? st.detail : '';
            return `<td><span class="badge ${st.status === 'pass' ? 'pass' : 'missing'}" title="${e(detail)}">${e(st.status)}</span></td>`;
          }).join('');
          const adv = a.advisories.length
            ? a.advisories.map((v) => `<code class="sev-${e(v.severity)}" title="${e(v.summary ?? '')}">${e(v.advisory)}</code>`).join(' ')
            : '<span class="muted">none</span>';
          const since = a.environments.find((x) => x.environment === env)?.time ?? '';
          return `<tr class="${a.blocking ? 'affected' : 'clean'}"><td>${e(a.repository)}</td><td>${e(a.name ?? '')}</td><td><code>${e(a.digest.slice(0, 19))}…</code></td><td>${e(since)}</td><td>${e(a.packages)}</td>${chain}<td>${adv}</td></tr>`;
        })
        .join('');
      return `<h3>${e(env)}</h3><table class="env"><thead><tr><th>repository</th><th>artefact</th><th>digest</th><th>deployed</th><th>packages</th>${STEPS.map((s) => `<th>${s}</th>`).join('')}<th>advisories</th></tr></thead><tbody>${rows}</tbody></table>`;
    })
    .join('');

  const history =
    report.history.length === 0
      ? '<p class="muted">Nothing remediated yet.</p>'
      : `<table id="history"><thead><tr><th>repository</th><th>advisory</th><th>package</th><th>first seen</th><th>resolved</th><th>time to remediate</th></tr></thead><tbody>${report.history
          .map(
            (h) =>
              `<tr><td>${e(h.repository)}</td><td><code>${e(h.advisory)}</code></td><td><code>${e(h.package)}</code></td><td>${e(h.firstSeen)}</td><td>${e(h.resolvedAt)}</td><td><span class="bar"><span class="${h.hours > 24 ? 'late' : ''}" style="width:${Math.min(100, Math.round((h.hours / 24) * 100))}%"></span></span> ${e(h.hours)} h</td></tr>`,
          )
          .join('')}</tbody></table>`;

  const notAdopted = report.repositories.filter((r) => r.status !== 'collected');
  const drift = report.drift ? driftSection(report.drift) : '';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(report.org)} · secure-factory portfolio</title><style>${CSS}</style></head>
<body><header><h1>${e(report.org)}: deployed portfolio</h1><p>generated ${e(report.generated)} · deployments collected ${e(report.collectedAt)} · OSV snapshot ${e(report.snapshot.version ?? report.snapshot.uri)}${report.snapshot.takenAt ? ` taken ${e(report.snapshot.takenAt)}` : ''} · ${e(report.shards.length)} shard(s)</p></header>
<main><dl class="kpis">${kpi('total-repositories', 'repositories', t.repositories)}${kpi('total-artefacts', 'deployed artefacts', t.artefacts)}${kpi('total-affected', 'affected artefacts', t.affected, t.affected ? 'bad' : 'ok')}${kpi('total-open', 'open remediations', t.open, t.open ? 'bad' : 'ok')}${kpi('total-overdue', 'past 24 hours', t.overdue, t.overdue ? 'bad' : 'ok')}${kpi('median-ttr', 'median time to remediate', median === undefined ? '–' : `${median} h`)}${t.drift !== undefined ? kpi('total-drift', 'least-privilege drift', t.drift, t.drift ? 'bad' : 'ok') : ''}</dl>
<section><h2>Open remediations</h2>${remediations}</section>
<section><h2>Deployed artefacts by environment</h2>${perEnv || '<p class="muted">Nothing deployed.</p>'}</section>
<section><h2>Time to remediate</h2>${history}</section>
${drift}
${notAdopted.length ? `<section><h2>Repositories without deployment evidence</h2><p>${notAdopted.map((r) => `<code>${e(r.repository)}</code>`).join(' ')}</p></section>` : ''}
${report.problems.length ? `<section><h2>Problems</h2><ul>${report.problems.map((p) => `<li>${e(p)}</li>`).join('')}</ul></section>` : ''}
</main></body></html>
`;
}
