/**
 * A local GitHub REST API on 127.0.0.1 for tests: a route table of method + path (with `{param}`
 * placeholders) → a recorded JSON answer, and every request kept for assertions. Unknown routes get
 * GitHub's own 404 body, so the code under test sees the real failure shape.
 *
 *   const api = await startGitHubApiServer([{ method: 'GET', path: '/repos/{owner}/{repo}/commits/{sha}', body: {...} }]);
 *   ... createGitHubClient({ baseUrl: api.url, ... }) ...
 *   expect(api.requests.map((r) => r.path)).toContain('/repos/acme/app/commits/abc');
 *   await api.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiRoute {
  method: string;
  /** `/repos/{owner}/{repo}/pulls/{n}/reviews`: placeholders match one path segment, `{ref*}` one or more. */
  path: string;
  /** HTTP status; 200 by default. */
  status?: number;
  /** JSON body, or a function of the request (for paging or per-parameter answers). */
  body?: unknown;
  respond?: (req: RecordedRequest, params: Record<string, string>) => { status?: number; body?: unknown; headers?: Record<string, string> };
  headers?: Record<string, string>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string;
}

export interface GitHubApiServer {
  url: string;
  requests: RecordedRequest[];
  /** Adds or replaces a route (same method and path). */
  route(route: ApiRoute): void;
  close(): Promise<void>;
}

export const NOT_FOUND = { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' };

/** GitHub's answer when a token lacks a permission (integration tokens). */
export function forbidden(message = 'Resource not accessible by integration'): { status: number; body: unknown } {
  return { status: 403, body: { message, documentation_url: 'https://docs.github.com/rest', status: '403' } };
}

/** `{name}` matches one path segment; `{name*}` matches one or more (a git ref such as `heads/a/b`). */
function compile(path: string): RegExp {
  const parts = path
    .split(/(\{[a-z_]+\*?\})/i)
    .map((p) => (/^\{[a-z_]+\*\}$/i.test(p) ? '(.+)' : /^\{[a-z_]+\}$/i.test(p) ? '([^/]+)' : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`^${parts.join('')}$`);
}

function paramNames(path: string): string[] {
  return [...path.matchAll(/\{([a-z_]+)\*?\}/gi)].map((m) => m[1] as string);
}

export async function startGitHubApiServer(routes: ApiRoute[] = []): Promise<GitHubApiServer> {
  const table: ApiRoute[] = [...routes];
  const requests: RecordedRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: decodeURIComponent(url.pathname),
        query: Object.fromEntries(url.searchParams),
        headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      let status = 404;
      let body: unknown = NOT_FOUND;
      let extra: Record<string, string> = {};
      // Later routes win, so a test can override a default answer.
      for (let i = table.length - 1; i >= 0; i--) {
        const r = table[i] as ApiRoute;
        if (r.method.toUpperCase() !== recorded.method) continue;
        const m = compile(r.path).exec(recorded.path);
        if (!m) continue;
        const names = paramNames(r.path);
        const params: Record<string, string> = {};
        names.forEach((n, j) => (params[n] = m[j + 1] ?? ''));
        if (r.respond) {
          const out = r.respond(recorded, params);
          status = out.status ?? 200;
          body = out.body;
          extra = out.headers ?? {};
        } else {
          status = r.status ?? 200;
          body = r.body;
          extra = r.headers ?? {};
        }
        break;
      }
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'x-github-media-type': 'github.v3; format=json',
        ...extra,
      });
      res.end(body === undefined ? '' : JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    route(route) {
      const i = table.findIndex((r) => r.method === route.method && r.path === route.path);
      if (i >= 0) table.splice(i, 1);
      table.push(route);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A `respond` that pages a list the way GitHub does: `per_page` (default 30, at most 100) and `page`
 * query parameters, and a `Link` header with rel="next" / rel="last".
 */
export function paged(items: unknown[], wrap?: (pageItems: unknown[]) => unknown): NonNullable<ApiRoute['respond']> {
  return (req) => {
    const perPage = Math.min(100, Math.max(1, Number(req.query.per_page ?? 30) || 30));
    const page = Math.max(1, Number(req.query.page ?? 1) || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const link = (p: number): string => {
      const q = new URLSearchParams({ ...req.query, per_page: String(perPage), page: String(p) });
      return `<http://127.0.0.1${req.path}?${q.toString()}>`;
    };
    const links = [...(page < last ? [`${link(page + 1)}; rel="next"`] : []), `${link(last)}; rel="last"`];
    return { body: wrap ? wrap(slice) : slice, headers: { link: links.join(', ') } };
  };
}
