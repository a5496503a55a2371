import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gitHubAttestationsClient } from './github-attestations.js';
import { githubEnvironmentFor, runnerClaims } from './setup.js';

const token = (claims: Record<string, unknown>): string => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`;

/** A runner token endpoint answering one JWT (the URL already has `?`, as the runner's does). */
async function withTokenServer<T>(jwt: string, f: (env: NodeJS.ProcessEnv) => Promise<T>): Promise<T> {
  const server = createServer((_req, res) => res.end(JSON.stringify({ value: jwt })));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  try {
    return await f({ ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${port}/token?x=1`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't' });
  } finally {
    server.close();
  }
}

describe('the GitHub environment comes from the job’s signed claims', () => {
  it('reads environment and job_workflow_ref from the job’s OIDC token', async () => {
    const claims = await withTokenServer(
      token({ environment: 'production', job_workflow_ref: 'o/r/.github/workflows/f.yml@refs/tags/v1' }),
      (env) => runnerClaims(env),
    );
    expect(claims).toEqual({ environment: 'production', jobWorkflowRef: 'o/r/.github/workflows/f.yml@refs/tags/v1' });
  });

  it('a job without an environment has no environment claim', async () => {
    expect(await withTokenServer(token({ job_workflow_ref: 'x' }), (env) => runnerClaims(env))).toEqual({ jobWorkflowRef: 'x' });
    expect(await runnerClaims({})).toBeUndefined();
  });

  it('on Actions the input may only narrow the claim', () => {
    expect(githubEnvironmentFor(undefined, { environment: 'production' }, true)).toBe('production');
    expect(githubEnvironmentFor('production', { environment: 'production' }, true)).toBe('production');
    expect(() => githubEnvironmentFor('staging', { environment: 'production' }, true)).toThrow(
      /github-environment is "staging" but this job's OIDC token says it runs in the environment "production"/,
    );
    // No claim: an input cannot supply what GitHub did not sign.
    const warnings: string[] = [];
    const logger = { info: () => undefined, warning: (m: string) => warnings.push(m), error: () => undefined, debug: () => undefined };
    expect(githubEnvironmentFor('production', {}, true, logger)).toBeUndefined();
    expect(githubEnvironmentFor('production', undefined, true, logger)).toBeUndefined();
    expect(warnings[0]).toMatch(/names no environment/);
  });

  it('off Actions (the CLI) the operator’s flag is taken', () => {
    expect(githubEnvironmentFor('production', undefined, false)).toBe('production');
  });
});

describe('the attestations API is read to its end or not at all', () => {
  async function pagedServer(pages: number): Promise<{ url: string; hits: () => number; close: () => void }> {
    let hits = 0;
    const server = createServer((req, res) => {
      hits++;
      const page = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('page') ?? '1');
      const port = (server.address() as AddressInfo).port;
      const path = (req.url ?? '').split('?')[0];
      if (page < pages) res.setHeader('link', `<http://127.0.0.1:${port}${path}?per_page=100&page=${page + 1}>; rel="next"`);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ attestations: [] }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits: () => hits, close: () => server.close() };
  }

  it('follows rel="next" to the last page', async () => {
    const s = await pagedServer(4);
    try {
      await expect(gitHubAttestationsClient({ baseUrl: s.url, repository: 'o/r', maxPages: 5 }).list('a'.repeat(64))).resolves.toEqual([]);
      expect(s.hits()).toBe(4);
    } finally {
      s.close();
    }
  });

  it('a list longer than the bound fails closed, naming the bound', async () => {
    const s = await pagedServer(9);
    try {
      await expect(gitHubAttestationsClient({ baseUrl: s.url, repository: 'o/r', maxPages: 3 }).list('a'.repeat(64))).rejects.toThrow(
        /more than 3 pages of 100 attestations .* does not decide on a partial list/,
      );
      expect(s.hits()).toBe(3);
    } finally {
      s.close();
    }
  });
});
