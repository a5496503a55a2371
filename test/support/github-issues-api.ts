/** GitHub's issues API on the local test server, keeping issues the way GitHub does (list, create, update). */
import { startGitHubApiServer, type GitHubApiServer } from './github-api-server.js';

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: { name: string }[];
  html_url: string;
}

/** Issues routes with state: list (label filter, paging), create, update. */
export async function startIssuesApi(): Promise<{ api: GitHubApiServer; issues: FakeIssue[] }> {
  const issues: FakeIssue[] = [];
  const api = await startGitHubApiServer([
    {
      method: 'GET',
      path: '/repos/{owner}/{repo}/issues',
      respond: (req) => {
        const label = req.query.labels;
        const page = Number(req.query.page ?? '1');
        const per = Number(req.query.per_page ?? '30');
        const list = issues.filter((i) => !label || i.labels.some((l) => l.name === label));
        return { body: list.slice((page - 1) * per, page * per) };
      },
    },
    {
      method: 'POST',
      path: '/repos/{owner}/{repo}/issues',
      respond: (req, p) => {
        const b = JSON.parse(req.body) as { title: string; body: string; labels: string[] };
        const issue: FakeIssue = {
          number: issues.length + 1,
          title: b.title,
          body: b.body,
          state: 'open',
          labels: b.labels.map((name) => ({ name })),
          html_url: `https://github.com/${p.owner}/${p.repo}/issues/${issues.length + 1}`,
        };
        issues.push(issue);
        return { status: 201, body: issue };
      },
    },
    {
      method: 'PATCH',
      path: '/repos/{owner}/{repo}/issues/{issue_number}',
      respond: (req, p) => {
        const issue = issues.find((i) => i.number === Number(p.issue_number));
        if (!issue) return { status: 404, body: { message: 'Not Found' } };
        Object.assign(issue, JSON.parse(req.body) as Partial<FakeIssue>);
        return { body: issue };
      },
    },
  ]);
  return { api, issues };
}
