/**
 * One GitHub issue per advisory: opened when a rescan first finds it in something deployed, updated
 * on every rescan (environments, digests, fixed versions, deadline), closed when it is resolved. Issues
 * are found again by a marker comment in the body, so renaming an issue does not duplicate it.
 */
import { Octokit } from '@octokit/core';
import { httpFetch, InfrastructureError, md, code, table, type HttpPolicy, type Logger, type Remediation } from '@secure-factory/core';

export const ISSUE_LABEL = 'secure-factory';

export interface IssueTarget {
  owner: string;
  repo: string;
  token: string;
  /** https://api.github.com, or a local server in tests. */
  baseUrl: string;
  /** Overrides of core's HTTP policy (deadline, attempts, byte limit); tests shorten them. */
  http?: Partial<Omit<HttpPolicy, 'service'>> | undefined;
}

/**
 * Octokit's fetch on core `httpRequest`: bounded full-jitter retries, Retry-After, one deadline per
 * call, a byte limit; a service that still fails is an InfrastructureError (exit 3). A POST (opening an
 * issue, a dispatch) is retried only on 429 and on a connection that failed before an answer: a 5xx
 * may come after GitHub created the issue, and a retry would open it twice.
 */
function issuesFetch(http: IssueTarget['http']): typeof fetch {
  const base: HttpPolicy = { service: 'the GitHub issues API', maxBytes: 32 * 1024 * 1024, ...http };
  const read = httpFetch(base);
  const write = httpFetch({ ...base, retryStatuses: [429] });
  return (input, init) => ((init?.method ?? 'GET').toUpperCase() === 'POST' ? write : read)(input, init);
}

interface IssueLite {
  number: number;
  html_url?: string;
  body?: string | null;
  state: string;
  pull_request?: unknown;
}

export function marker(r: Pick<Remediation, 'advisory' | 'package'>): string {
  // Percent-encoded, so a hostile package name cannot close the HTML comment.
  return `<!-- secure-factory:remediation advisory=${encodeURIComponent(r.advisory)} package=${encodeURIComponent(r.package.ecosystem)}/${encodeURIComponent(r.package.name)} -->`;
}

export function issueTitle(r: Remediation): string {
  return `[secure-factory] ${r.advisory} (${r.severity}) in ${r.package.name}: fix by ${r.deadline.slice(0, 16).replace('T', ' ')} UTC`;
}

export function issueBody(r: Remediation): string {
  const rows = r.digests.map((d) => [code(d), r.environments.map(md).join(', ')]);
  return [
    marker(r),
    `**${md(r.advisory)}** (${[r.advisory, ...r.aliases]
      .filter((v, i, a) => a.indexOf(v) === i)
      .map(md)
      .join(', ')}) affects ${code(`${r.package.name}@${r.package.version}`)} (${md(r.package.ecosystem)}), which is deployed.`,
    '',
    `- severity: **${r.severity}**`,
    `- fixed in: ${r.fixedVersions.length > 0 ? r.fixedVersions.map(code).join(', ') : '_no fixed version published_'}`,
    `- first seen by the rescan: ${r.firstSeen}`,
    `- **deadline: ${r.deadline}** (24 hours later). After it the rescan fails and the gate refuses new deployments of these digests unless waived in \`exceptions:\`.`,
    '',
    table(['deployed digest', 'environments'], rows),
    '',
    'To resolve: upgrade the package, rebuild through the factory and redeploy; or add a waiver with a reason, an approver and an expiry.',
  ].join('\n');
}

export class IssueClient {
  private readonly octokit: Octokit;
  constructor(
    private readonly target: IssueTarget,
    private readonly logger: Logger,
  ) {
    this.octokit = new Octokit({
      auth: target.token,
      baseUrl: target.baseUrl.replace(/\/+$/, ''),
      request: { retries: 0, fetch: issuesFetch(target.http) },
      log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    });
  }

  private async call<T>(what: string, fn: () => Promise<{ data: T }>): Promise<T> {
    try {
      return (await fn()).data;
    } catch (e: unknown) {
      // The service did not answer usably (core httpRequest gave up): say that, not Octokit's "HTTP 500".
      const cause = (e as { cause?: unknown }).cause;
      if (cause instanceof InfrastructureError) throw new InfrastructureError(`GitHub API: ${what} failed: ${cause.message}`, { cause });
      const status = (e as { status?: number }).status;
      const hint = status === 403 || status === 404 ? 'the token needs issues: write on the repository' : undefined;
      throw new InfrastructureError(
        `GitHub API: ${what} failed${status ? ` (HTTP ${status})` : ''}: ${(e as Error).message}`,
        hint ? { hint, cause: e } : { cause: e },
      );
    }
  }

  /** The factory's issues (open and closed), bounded to 10 pages of 100. */
  async list(): Promise<IssueLite[]> {
    const out: IssueLite[] = [];
    for (let page = 1; page <= 10; page++) {
      const data = await this.call('listing issues', () =>
        this.octokit.request('GET /repos/{owner}/{repo}/issues', {
          owner: this.target.owner,
          repo: this.target.repo,
          labels: ISSUE_LABEL,
          state: 'all',
          per_page: 100,
          page,
        }),
      );
      // An HTML page or anything but a list is a broken answer (exit 3), not "no issues".
      if (!Array.isArray(data) || data.some((i) => i === null || typeof i !== 'object')) {
        throw new InfrastructureError('GitHub API: listing issues gave something that is not a list of issues', {
          hint: 'the API or a proxy in between returned something else; retry later',
        });
      }
      out.push(...(data as IssueLite[]).filter((i) => !i.pull_request));
      if (data.length < 100) break;
    }
    return out;
  }

  /** Opens or updates the issue of each remediation; closes the issues of resolved ones. Returns issue numbers. */
  async sync(open: readonly Remediation[], resolved: readonly Remediation[]): Promise<Map<string, { number: number; url?: string }>> {
    const existing = await this.list();
    const find = (r: Remediation): IssueLite | undefined => existing.find((i) => (i.body ?? '').includes(marker(r)));
    const out = new Map<string, { number: number; url?: string }>();
    for (const r of open) {
      const found = find(r);
      const body = issueBody(r);
      if (found) {
        await this.call(`updating issue #${found.number}`, () =>
          this.octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
            owner: this.target.owner,
            repo: this.target.repo,
            issue_number: found.number,
            title: issueTitle(r),
            body,
            state: 'open',
          }),
        );
        this.logger.info(`updated issue #${found.number} for ${r.advisory}`);
        out.set(marker(r), { number: found.number, ...(found.html_url ? { url: found.html_url } : {}) });
      } else {
        const created = await this.call(`opening an issue for ${r.advisory}`, () =>
          this.octokit.request('POST /repos/{owner}/{repo}/issues', {
            owner: this.target.owner,
            repo: this.target.repo,
            title: issueTitle(r),
            body,
            labels: [ISSUE_LABEL, 'security'],
          }),
        );
        this.logger.info(`opened issue #${created.number} for ${r.advisory}`);
        out.set(marker(r), { number: created.number, ...(created.html_url ? { url: created.html_url } : {}) });
      }
    }
    for (const r of resolved) {
      const found = find(r);
      if (!found || found.state === 'closed') continue;
      await this.call(`closing issue #${found.number}`, () =>
        this.octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
          owner: this.target.owner,
          repo: this.target.repo,
          issue_number: found.number,
          state: 'closed',
          state_reason: 'completed',
        }),
      );
      this.logger.info(`closed issue #${found.number}: ${r.advisory} is no longer found in anything deployed`);
    }
    return out;
  }

  /** Asks the repository to rebuild (a `repository_dispatch` the adopter's workflow listens to). */
  async dispatchRebuild(remediations: readonly Remediation[]): Promise<void> {
    await this.call('sending repository_dispatch secure-factory-rebuild', () =>
      this.octokit.request('POST /repos/{owner}/{repo}/dispatches', {
        owner: this.target.owner,
        repo: this.target.repo,
        event_type: 'secure-factory-rebuild',
        client_payload: { advisories: remediations.map((r) => r.advisory), digests: [...new Set(remediations.flatMap((r) => r.digests))] },
      }),
    );
  }
}
