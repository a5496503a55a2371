import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MemoryLogger, parsePolicy, type Policy } from '@secure-factory/core';
import { verifySource, type VerifySourceResult } from '@secure-factory/source';
import {
  cleanupFixtures,
  gpgKey,
  haveTool,
  revokeCertificate,
  shortLivedCa,
  gitsignStyleCommit,
  revokeKey,
  sshKey,
  tempDir,
  TestRepo,
  x509Identity,
  type GpgKey,
  type SshKey,
} from './git-fixtures.js';

/** A policy without the GitHub parts, so only git evidence decides. */
function policy(signers: unknown[], extra: Record<string, unknown> = {}): Policy {
  const source = {
    'signed-commits': 'all',
    range: 'base-branch',
    signers,
    reviews: { approvals: 0 },
    'branch-protection': false,
    workflows: { audit: false },
    ...extra,
  };
  return parsePolicy(JSON.stringify({ apiVersion: 'secure-factory/v1', source }), 'policy.yml');
}

async function verify(repo: TestRepo, p: Policy, more: Partial<Parameters<typeof verifySource>[0]> = {}): Promise<VerifySourceResult> {
  return verifySource({ repo: repo.dir, policy: p, logger: new MemoryLogger(), ...more });
}

const rules = (r: VerifySourceResult): string[] => r.findings.filter((f) => f.blocking).map((f) => f.rule);

let alice: GpgKey;
let mallory: GpgKey;
let bob: SshKey;
let eve: SshKey;

beforeAll(() => {
  alice = gpgKey('Alice', 'alice@example.com');
  mallory = gpgKey('Mallory', 'mallory@example.com');
  bob = sshKey('bob');
  eve = sshKey('eve');
});
afterAll(() => cleanupFixtures());

const aliceSigner = (): unknown => ({ name: 'alice', 'gpg-key': alice.armoured });
const bobSigner = (): unknown => ({ name: 'bob', ssh: bob.line, email: 'bob@example.com' });

describe('OpenPGP signatures', () => {
  it('passes when every commit in the range is signed by a policy key', async () => {
    const repo = new TestRepo();
    repo.commit('one', { kind: 'gpg', key: alice }, { email: 'alice@example.com' });
    repo.commit('two', { kind: 'gpg', key: alice }, { email: 'alice@example.com' });
    const r = await verify(repo, policy([aliceSigner()]), { expectedSha: repo.head() });
    expect(rules(r)).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.signatures.map((s) => s.status)).toEqual(['good', 'good']);
    expect(r.signatures[0]?.format).toBe('openpgp');
    expect(r.level).toBe(2);
  });

  it('fails on an unsigned commit in the middle of the range', async () => {
    const repo = new TestRepo();
    repo.commit('one', { kind: 'gpg', key: alice }, { email: 'alice@example.com' });
    const middle = repo.commit('two', { kind: 'none' }, { email: 'alice@example.com' });
    repo.commit('three', { kind: 'gpg', key: alice }, { email: 'alice@example.com' });
    const r = await verify(repo, policy([aliceSigner()]));
    expect(r.ok).toBe(false);
    const f = r.findings.find((x) => x.rule === 'source/unsigned-commit');
    expect(f?.properties?.commit).toBe(middle);
    expect(f?.blocking).toBe(true);
    expect(r.level).toBe(1);
  });

  it('fails on a signature by a key that is not in the policy', async () => {
    const repo = new TestRepo();
    repo.commit('one', { kind: 'gpg', key: alice }, { email: 'alice@example.com' });
    repo.commit('two', { kind: 'gpg', key: mallory }, { email: 'mallory@example.com' });
    const r = await verify(repo, policy([aliceSigner()]));
    expect(r.ok).toBe(false);
    expect(rules(r)).toContain('source/untrusted-signer');
  });

  it('accepts a key named by fingerprint only when it is found, and never from outside the policy', async () => {
    const repo = new TestRepo();
    repo.commit('one', { kind: 'gpg', key: alice }, { email: 'alice@example.com' });
    // Fingerprint of alice, but the machine's keyring (GNUPGHOME=mallory's) does not hold it.
    const old = process.env.GNUPGHOME;
    process.env.GNUPGHOME = mallory.home;
    try {
      const r = await verify(repo, policy([{ gpg: alice.fingerprint }]));
      expect(r.ok).toBe(false);
      expect(rules(r)).toContain('source/signer-policy');
      process.env.GNUPGHOME = alice.home;
      const r2 = await verify(repo, policy([{ gpg: alice.fingerprint }]));
      expect(rules(r2)).toEqual([]);
    } finally {
      if (old === undefined) delete process.env.GNUPGHOME;
      else process.env.GNUPGHOME = old;
    }
  });

  it('fails when the committer e-mail is not the signer’s (forged committer)', async () => {
    const repo = new TestRepo();
    repo.commit('one', { kind: 'gpg', key: alice }, { email: 'ceo@example.com' });
    const r = await verify(repo, policy([aliceSigner()]));
    expect(r.ok).toBe(false);
    expect(rules(r)).toEqual(['source/committer-mismatch']);
    expect(r.findings[0]?.message).toMatch(/ceo@example\.com is not theirs/);
  });

  it('fails on a signature by an expired key', async () => {
    const old = gpgKey('Old', 'old@example.com', { expired: true });
    const repo = new TestRepo();
    repo.commit('one', { kind: 'gpg', key: old }, { email: 'old@example.com' });
    const r = await verify(repo, policy([{ 'gpg-key': old.armoured }]));
    expect(r.ok).toBe(false);
    expect(rules(r)).toContain('source/expired-key');
  });

  it('fails on a signature by a revoked key', async () => {
    const rev = gpgKey('Rev', 'rev@example.com');
    const repo = new TestRepo();
    repo.commit('one', { kind: 'gpg', key: rev }, { email: 'rev@example.com' });
    const revoked = gpgKey('Rev2', 'rev2@example.com');
    repo.commit('two', { kind: 'gpg', key: revoked }, { email: 'rev2@example.com' });
    revokeKey(revoked);
    const r = await verify(repo, policy([{ 'gpg-key': rev.armoured }, { 'gpg-key': revoked.armoured }]));
    expect(r.ok).toBe(false);
    expect(rules(r)).toEqual(['source/revoked-key']);
  });

  it('fails on a tampered signature', async () => {
    const repo = new TestRepo();
    repo.commit('one', { kind: 'gpg', key: alice }, { email: 'alice@example.com' });
    // Rewrite the commit message keeping the original signature.
    const raw = repo.git('cat-file', 'commit', 'HEAD').replace('\none\n', '\nnot what was signed\n');
    const forged = execFileSync('git', ['-C', repo.dir, 'hash-object', '-t', 'commit', '-w', '--stdin'], {
      input: raw,
      encoding: 'utf8',
    }).trim();
    repo.git('reset', '-q', '--hard', forged);
    const r = await verify(repo, policy([aliceSigner()]));
    expect(rules(r)).toEqual(['source/bad-signature']);
  });

  it('fails closed when the policy lists no signers', async () => {
    const repo = new TestRepo();
    repo.commit('one', { kind: 'gpg', key: alice }, { email: 'alice@example.com' });
    const r = await verify(repo, policy([]));
    expect(r.ok).toBe(false);
    // One finding says why, first; the summary does not count commits as "signed" against it.
    expect(rules(r)).toEqual(['source/signer-policy']);
    expect(r.findings[0]?.message).toMatch(/^the policy lists no signers \(source.signers\), so none of the 1 commit\(s\) in the range/);
    expect(r.summary).toMatch(/not checked: the policy lists no signers/);
    expect(r.summary).not.toMatch(/commits signed by policy signers/);
  });

  it('groups a long history by cause: one finding per cause, first and last named, every commit in the JSON', async () => {
    const repo = new TestRepo();
    const unsigned: string[] = [];
    for (let i = 0; i < 5; i++) unsigned.push(repo.commit(`unsigned ${i}`, { kind: 'none' }, { email: 'alice@example.com' }));
    repo.commit('signed', { kind: 'gpg', key: alice }, { email: 'alice@example.com' });
    const untrusted = repo.commit('other key', { kind: 'gpg', key: mallory }, { email: 'mallory@example.com' });
    const r = await verify(repo, policy([aliceSigner()]));
    expect(rules(r).sort()).toEqual(['source/unsigned-commit', 'source/untrusted-signer']);
    const group = r.findings.find((f) => f.rule === 'source/unsigned-commit');
    expect(group?.message).toBe(
      `5 commits not signed: first ${unsigned[0]?.slice(0, 12)} (unsigned 0), last ${unsigned[4]?.slice(0, 12)} (unsigned 4); all listed in the JSON report`,
    );
    expect(group?.properties?.commits).toEqual([...unsigned].reverse());
    expect(r.findings.find((f) => f.rule === 'source/untrusted-signer')?.message).toMatch(
      new RegExp(`^commit ${untrusted.slice(0, 12)} \\(other key\\)`),
    );
  });
});

describe('SSH signatures', () => {
  it('passes for a key in the allowed signers, bound to its e-mail', async () => {
    const repo = new TestRepo();
    repo.commit('one', { kind: 'ssh', key: bob }, { email: 'bob@example.com' });
    const r = await verify(repo, policy([bobSigner()]));
    expect(rules(r)).toEqual([]);
    expect(r.signatures[0]).toMatchObject({ format: 'ssh', status: 'good', signer: 'bob', emailBound: true });
  });

  it('fails for a key that is not allowed (git reports a good signature by an unknown key)', async () => {
    const repo = new TestRepo();
    repo.commit('one', { kind: 'ssh', key: eve }, { email: 'bob@example.com' });
    const r = await verify(repo, policy([bobSigner()]));
    expect(rules(r)).toEqual(['source/untrusted-signer']);
  });

  it('fails when an allowed key signs for another committer', async () => {
    const repo = new TestRepo();
    repo.commit('one', { kind: 'ssh', key: bob }, { email: 'alice@example.com' });
    const r = await verify(repo, policy([bobSigner()]));
    expect(rules(r)).toEqual(['source/committer-mismatch']);
  });

  it('refuses a signer line that tries to smuggle allowed-signers options', async () => {
    const repo = new TestRepo();
    repo.commit('one', { kind: 'ssh', key: bob }, { email: 'bob@example.com' });
    const r = await verify(repo, policy([{ ssh: `cert-authority ${bob.line}`, email: 'bob@example.com' }]));
    expect(r.ok).toBe(false);
    expect(rules(r)).toEqual(expect.arrayContaining(['source/signer-policy']));
  });

  it('mixes OpenPGP and SSH signers in one range', async () => {
    const repo = new TestRepo();
    repo.commit('one', { kind: 'gpg', key: alice }, { email: 'alice@example.com' });
    repo.commit('two', { kind: 'ssh', key: bob }, { email: 'bob@example.com' });
    const r = await verify(repo, policy([aliceSigner(), bobSigner()]));
    expect(rules(r)).toEqual([]);
    expect(r.signatures.map((s) => s.format)).toEqual(['ssh', 'openpgp']);
  });
});

const describeX509 = haveTool('gpgsm') ? describe : describe.skip;
if (!haveTool('gpgsm')) process.stderr.write('SKIPPED (gpgsm is not installed: apt-get install gpgsm): X.509 commit signatures\n');

describeX509('X.509 signatures (gpgsm signs, openssl verifies against the policy CA)', () => {
  it('passes for a certificate from the policy CA whose identity matches', async () => {
    const dave = x509Identity('dave@example.com');
    const repo = new TestRepo();
    repo.commit('one', { kind: 'x509', id: dave }, { email: 'dave@example.com' });
    const r = await verify(repo, policy([{ x509: { identity: 'dave@example.com', issuer: 'Acme Test CA', 'ca-file': dave.caFile } }]));
    expect(rules(r)).toEqual([]);
    expect(r.signatures[0]).toMatchObject({ format: 'x509', status: 'good', emailBound: true });
  });

  it('fails for a certificate from another CA', async () => {
    const dave = x509Identity('dave@example.com');
    const other = x509Identity('dave@example.com');
    const repo = new TestRepo();
    repo.commit('one', { kind: 'x509', id: dave }, { email: 'dave@example.com' });
    const r = await verify(repo, policy([{ x509: { identity: 'dave@example.com', 'ca-file': other.caFile } }]));
    expect(rules(r)).toEqual(['source/untrusted-signer']);
    expect(r.findings[0]?.message).toMatch(/does not chain to a CA in the policy/);
  });

  it('fails for a certificate of another identity from the same CA, and for a forged committer', async () => {
    const dave = x509Identity('dave@example.com');
    const erin = x509Identity('erin@example.com', dave.ca);
    const repo = new TestRepo();
    repo.commit('one', { kind: 'x509', id: erin }, { email: 'erin@example.com' });
    const r = await verify(repo, policy([{ x509: { identity: 'dave@example.com', 'ca-file': dave.caFile } }]));
    expect(rules(r)).toEqual(['source/untrusted-signer']);
    expect(r.findings[0]?.message).toMatch(/is not dave@example\.com/);
    const repo2 = new TestRepo();
    repo2.commit('one', { kind: 'x509', id: dave }, { email: 'boss@example.com' });
    const r2 = await verify(repo2, policy([{ x509: { identity: 'dave@example.com', 'ca-file': dave.caFile } }]));
    expect(rules(r2)).toEqual(['source/committer-mismatch']);
  });

  it('gitsign-style certificates: the SAN and the Fulcio OIDC issuer extension must both match', async () => {
    const fulcio = x509Identity('dave@example.com', undefined, { oidcIssuer: 'https://github.com/login/oauth' });
    const repo = new TestRepo();
    repo.commit('one', { kind: 'x509', id: fulcio }, { email: 'dave@example.com' });
    const signer = (issuer: string): unknown => ({ x509: { identity: 'dave@example.com', issuer, 'ca-file': fulcio.caFile } });
    const good = await verify(repo, policy([signer('https://github.com/login/oauth')]));
    expect(rules(good)).toEqual([]);
    const bad = await verify(repo, policy([signer('https://accounts.google.com')]));
    expect(rules(bad)).toEqual(['source/untrusted-signer']);
    expect(bad.findings[0]?.message).toMatch(/issuer https:\/\/github\.com\/login\/oauth is not https:\/\/accounts\.google\.com/);
  });

  it('fails for a certificate that was not valid at the commit time, or that its CA revoked (CRL in the CA file)', async () => {
    const dave = x509Identity('dave@example.com');
    const signer = (caFile: string): unknown => ({ x509: { identity: 'dave@example.com', 'ca-file': caFile } });
    const late = new TestRepo();
    late.commit('one', { kind: 'x509', id: dave }, { email: 'dave@example.com', date: '2031-01-01T00:00:00Z' });
    const r = await verify(late, policy([signer(dave.caFile)]));
    expect(rules(r)).toEqual(['source/expired-key']);
    const repo = new TestRepo();
    repo.commit('one', { kind: 'x509', id: dave }, { email: 'dave@example.com' });
    expect(rules(await verify(repo, policy([signer(dave.caFile)])))).toEqual([]);
    const withCrl = revokeCertificate(dave);
    const revoked = await verify(repo, policy([signer(withCrl)]));
    expect(rules(revoked)).toEqual(['source/revoked-key']);
  });

  it('says what is missing when the x509 signer has no CA', async () => {
    const dave = x509Identity('dave@example.com');
    const repo = new TestRepo();
    repo.commit('one', { kind: 'x509', id: dave }, { email: 'dave@example.com' });
    const r = await verify(repo, policy([{ x509: { identity: 'dave@example.com' } }]));
    expect(rules(r)).toEqual(expect.arrayContaining(['source/signer-policy', 'source/untrusted-signer']));
  });
});

describe('gitsign-style signatures (CMS by a ten-minute Fulcio-style certificate, made with openssl)', () => {
  const WORKFLOW = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';
  const ACTIONS = 'https://token.actions.githubusercontent.com';
  // The certificate lived ten minutes on 2020-01-01; the commit was made inside that window.
  const window = { certStart: '20200101000000Z', certEnd: '20200101001000Z', commitTime: Date.UTC(2020, 0, 1, 0, 5) / 1000 };

  it('verifies at the commit time against the policy CA, matching the SAN and the OIDC issuer', async () => {
    const ca = shortLivedCa();
    const repo = new TestRepo();
    const sha = gitsignStyleCommit(repo, ca, {
      san: `URI:${WORKFLOW}`,
      oidcIssuer: ACTIONS,
      email: 'bot@example.com',
      message: 'release',
      ...window,
    });
    const signer = (identity: string, issuer: string): unknown => ({ x509: { identity, issuer, 'ca-file': ca.caFile } });
    const good = await verify(repo, policy([signer(WORKFLOW, ACTIONS)]));
    expect(rules(good)).toEqual([]);
    expect(good.signatures[0]).toMatchObject({ sha, format: 'x509', status: 'good', emailBound: false });
    expect(rules(await verify(repo, policy([signer(WORKFLOW, 'https://accounts.google.com')])))).toEqual(['source/untrusted-signer']);
    const otherWorkflow = await verify(repo, policy([signer(WORKFLOW.replace('release', 'pr'), ACTIONS)]));
    expect(otherWorkflow.findings[0]?.message).toMatch(/certificate identity .*release\.yml.* is not .*pr\.yml/);
  });

  it('a commit dated outside the certificate’s ten minutes fails', async () => {
    const ca = shortLivedCa();
    const repo = new TestRepo();
    gitsignStyleCommit(repo, ca, {
      san: 'email:dave@example.com',
      oidcIssuer: 'https://github.com/login/oauth',
      email: 'dave@example.com',
      message: 'late',
      ...window,
      commitTime: window.commitTime + 3600,
    });
    const r = await verify(
      repo,
      policy([{ x509: { identity: 'dave@example.com', issuer: 'https://github.com/login/oauth', 'ca-file': ca.caFile } }]),
    );
    expect(rules(r)).toEqual(['source/expired-key']);
  });

  it('a tampered gitsign-style commit is a bad signature', async () => {
    const ca = shortLivedCa();
    const repo = new TestRepo();
    gitsignStyleCommit(repo, ca, {
      san: 'email:dave@example.com',
      oidcIssuer: 'https://github.com/login/oauth',
      email: 'dave@example.com',
      message: 'honest',
      ...window,
    });
    const raw = repo.git('cat-file', 'commit', 'HEAD').replace('\nhonest\n', '\nevil\n');
    const forged = execFileSync('git', ['-C', repo.dir, 'hash-object', '-t', 'commit', '-w', '--stdin'], {
      input: raw,
      encoding: 'utf8',
    }).trim();
    repo.git('update-ref', 'HEAD', forged);
    const r = await verify(repo, policy([{ x509: { identity: 'dave@example.com', 'ca-file': ca.caFile } }]));
    expect(rules(r)).toEqual(['source/bad-signature']);
  });
});

describe('GitHub test merges (pull_request checkouts)', () => {
  function prMerge(extra?: string): { repo: TestRepo; merge: string } {
    const repo = new TestRepo();
    repo.commit('base', { kind: 'gpg', key: alice }, { email: 'alice@example.com' });
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('feature', { kind: 'gpg', key: alice }, { email: 'alice@example.com' });
    repo.git('checkout', '-q', 'main');
    repo.commit('main moved', { kind: 'gpg', key: alice }, { email: 'alice@example.com' });
    const env = {
      GIT_COMMITTER_NAME: 'GitHub',
      GIT_COMMITTER_EMAIL: 'noreply@github.com',
      GIT_AUTHOR_NAME: 'Alice',
      GIT_AUTHOR_EMAIL: 'alice@example.com',
    };
    repo.gitEnv(env, 'merge', '-q', '--no-ff', '--no-gpg-sign', '-m', 'Merge feature into main', 'feature');
    if (extra) {
      writeFileSync(path.join(repo.dir, extra), 'smuggled\n');
      repo.git('add', extra);
      repo.gitEnv(env, 'commit', '-q', '--amend', '--no-edit', '--no-gpg-sign');
    }
    return { repo, merge: repo.head() };
  }

  it('accepts GitHub’s unsigned merge when its tree is exactly the merge of its parents', async () => {
    const { repo } = prMerge();
    const r = await verify(repo, policy([aliceSigner()]));
    expect(rules(r)).toEqual([]);
    expect(r.signatures[0]).toMatchObject({ status: 'good', webFlow: true });
  });

  it('refuses a "GitHub" merge that carries content of its own', async () => {
    const { repo, merge } = prMerge('smuggled.txt');
    const r = await verify(repo, policy([aliceSigner()]));
    expect(rules(r)).toEqual(['source/unsigned-commit']);
    expect(r.findings[0]?.properties?.commit).toBe(merge);
  });
});

describe('ranges and shallow clones', () => {
  function history(): TestRepo {
    const repo = new TestRepo();
    repo.commit('old unsigned', { kind: 'none' }, { email: 'alice@example.com' });
    repo.git('tag', 'v1.0.0');
    repo.commit('a', { kind: 'gpg', key: alice }, { email: 'alice@example.com' });
    repo.commit('b', { kind: 'gpg', key: alice }, { email: 'alice@example.com' });
    return repo;
  }

  it('range N checks the last N commits only', async () => {
    const repo = history();
    expect((await verify(repo, policy([aliceSigner()], { range: 2 }))).ok).toBe(true);
    const r = await verify(repo, policy([aliceSigner()], { range: 3 }));
    expect(rules(r)).toEqual(['source/unsigned-commit']);
  });

  it('range last-tag checks the commits since the last tag', async () => {
    const repo = history();
    const r = await verify(repo, policy([aliceSigner()], { range: 'last-tag' }));
    expect(r.range?.description).toMatch(/v1\.0\.0\.\.HEAD/);
    expect(r.signatures).toHaveLength(2);
    expect(r.ok).toBe(true);
  });

  it('range base-branch checks the commits since the base, and the whole history without one', async () => {
    const repo = history();
    const base = repo.git('rev-parse', 'v1.0.0').trim();
    expect((await verify(repo, policy([aliceSigner()]), { base })).ok).toBe(true);
    const r = await verify(repo, policy([aliceSigner()]));
    expect(r.range?.description).toMatch(/whole history/);
    expect(rules(r)).toEqual(['source/unsigned-commit']);
  });

  it('range base-branch measures a feature branch from the remote default branch (origin/HEAD)', async () => {
    const origin = history();
    const dir = tempDir('sf-clone-');
    execFileSync('git', ['clone', '-q', `file://${origin.dir}`, dir]);
    const clone = new TestRepo(dir);
    clone.git('checkout', '-q', '-b', 'feature');
    clone.commit('feature work', { kind: 'gpg', key: alice }, { email: 'alice@example.com' });
    const r = await verify(clone, policy([aliceSigner()]));
    expect(r.range?.description).toMatch(/since the base branch/);
    expect(r.signatures).toHaveLength(1);
    expect(r.ok).toBe(true);
  });

  it('signed-commits: head checks HEAD only', async () => {
    const repo = history();
    repo.commit('c', { kind: 'none' }, { email: 'alice@example.com' });
    const r = await verify(repo, policy([aliceSigner()], { 'signed-commits': 'head' }));
    expect(rules(r)).toEqual(['source/unsigned-commit']);
    expect(r.signatures).toHaveLength(1);
  });

  it('deepens a shallow clone from its remote as far as the range needs', async () => {
    const origin = history();
    for (const m of ['c', 'd', 'e']) origin.commit(m, { kind: 'gpg', key: alice }, { email: 'alice@example.com' });
    const dir = tempDir('sf-clone-');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${origin.dir}`, dir]);
    const clone = new TestRepo(dir);
    expect(clone.git('rev-parse', '--is-shallow-repository').trim()).toBe('true');
    const r = await verify(clone, policy([aliceSigner()], { range: 4 }));
    expect(r.range?.deepened.length).toBeGreaterThan(0);
    expect(r.signatures).toHaveLength(4);
    expect(r.ok).toBe(true);
    const whole = await verify(clone, policy([aliceSigner()], { range: 'base-branch' }));
    expect(whole.signatures).toHaveLength(6);
    expect(rules(whole)).toEqual(['source/unsigned-commit']);
  });

  it('says what it could not see when a shallow clone has no remote', async () => {
    const origin = history();
    origin.commit('c', { kind: 'gpg', key: alice }, { email: 'alice@example.com' });
    const dir = tempDir('sf-clone-');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${origin.dir}`, dir]);
    const clone = new TestRepo(dir);
    clone.git('remote', 'remove', 'origin');
    const r = await verify(clone, policy([aliceSigner()], { range: 3 }));
    expect(r.ok).toBe(false);
    expect(r.findings.find((f) => f.rule === 'source/could-not-verify')?.message).toMatch(/shallow: only 1 of the last 3 commits/);
  });
});

describe('bad input', () => {
  it('a repository with no commits is a clear error', async () => {
    const repo = new TestRepo();
    await expect(verify(repo, policy([aliceSigner()]))).rejects.toThrow(/has no commits/);
  });

  it('a folder that is not a repository is a clear error', async () => {
    await expect(verifySource({ repo: tempDir('sf-empty-'), policy: policy([]), logger: new MemoryLogger() })).rejects.toThrow(
      /not a git work tree/,
    );
  });

  it('unreadable signers in the policy are findings, not crashes', async () => {
    const repo = new TestRepo();
    repo.commit('one', { kind: 'gpg', key: alice }, { email: 'alice@example.com' });
    const r = await verify(
      repo,
      policy([
        { 'gpg-key': '-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nnot a key\n-----END PGP PUBLIC KEY BLOCK-----\n' },
        { ssh: 'ssh-ed25519 AAAA' },
        { x509: { identity: 'x@example.com', 'ca-file': '/nonexistent/ca.pem' } },
        aliceSigner(),
      ]),
    );
    expect(r.ok).toBe(false);
    expect(r.findings.filter((f) => f.rule === 'source/signer-policy').map((f) => f.message)).toEqual([
      expect.stringMatching(/signers\[0\]: gpg-key holds no readable OpenPGP public key/) as unknown,
      expect.stringMatching(/signers\[1\]: the SSH public key cannot be read/) as unknown,
      expect.stringMatching(/signers\[2\]: x509.ca-file \/nonexistent\/ca.pem is missing/) as unknown,
    ]);
    // The good signer still verifies its commit.
    expect(r.signatures[0]?.status).toBe('good');
  });

  it('a detached HEAD is verified like any other commit', async () => {
    const repo = new TestRepo();
    const first = repo.commit('one', { kind: 'gpg', key: alice }, { email: 'alice@example.com' });
    repo.commit('two', { kind: 'gpg', key: alice }, { email: 'alice@example.com' });
    repo.git('checkout', '-q', '--detach', first);
    const r = await verify(repo, policy([aliceSigner()]), { expectedSha: first });
    expect(r.ok).toBe(true);
    expect(r.signatures).toHaveLength(1);
  });

  it('the default policy never passes a local repository by default', async () => {
    const repo = new TestRepo();
    repo.commit('one', { kind: 'gpg', key: alice }, { email: 'alice@example.com' });
    const r = await verifySource({
      repo: repo.dir,
      policy: parsePolicy('apiVersion: secure-factory/v1\nsource: {workflows: {audit: false}}\n', 'p.yml'),
      logger: new MemoryLogger(),
    });
    expect(r.ok).toBe(false);
    expect(rules(r)).toEqual(expect.arrayContaining(['source/signer-policy', 'source/could-not-verify']));
  });
});

describe('a clean work tree', () => {
  it('the factory’s own untracked output does not make the tree dirty; anything else is named', async () => {
    const repo = new TestRepo();
    repo.commit('one', { kind: 'gpg', key: alice }, { email: 'alice@example.com' }, 'src/app.txt');
    // What a standalone build and the stages leave behind in the checkout.
    mkdirSync(path.join(repo.dir, '.secure-factory', 'evidence'), { recursive: true });
    writeFileSync(path.join(repo.dir, '.secure-factory', 'evidence', 'provenance.intoto.json'), '{}');
    writeFileSync(path.join(repo.dir, 'secure-factory-source.sarif'), '{}');
    writeFileSync(path.join(repo.dir, 'secure-factory-materials.sarif'), '{}');
    const clean = await verify(repo, policy([aliceSigner()]));
    expect(rules(clean)).toEqual([]);

    writeFileSync(path.join(repo.dir, 'src', 'app.txt'), 'changed\n');
    writeFileSync(path.join(repo.dir, 'stray.log'), 'x\n');
    const dirty = await verify(repo, policy([aliceSigner()]));
    expect(rules(dirty)).toEqual(['source/dirty-tree']);
    expect(dirty.findings[0]?.message).toBe('the work tree has uncommitted changes in 2 path(s): M src/app.txt, ?? stray.log');
  });
});

/** `n` unsigned commits on main, written by one `git fast-import`. */
function fastHistory(repo: TestRepo, n: number): void {
  const stream = Array.from(
    { length: n },
    (_, i) =>
      `commit refs/heads/main\ncommitter Dev <alice@example.com> ${1_700_000_000 + i} +0000\ndata <<EOF\nc${i}\nEOF\nM 644 inline f.txt\ndata <<EOF\n${i}\nEOF\n`,
  ).join('');
  execFileSync('git', ['-C', repo.dir, 'fast-import', '--quiet'], { input: stream });
  repo.git('reset', '-q', '--hard', 'main');
}

describe('the source summary for a long history', () => {
  it('a range over the 10,000-commit cap is "could not verify" with a clear message; no signers is said first', async () => {
    const repo = new TestRepo();
    fastHistory(repo, 10_050);
    const r = await verify(repo, policy([]));
    expect(r.ok).toBe(false);
    expect(r.findings[0]?.rule).toBe('source/signer-policy');
    const cap = r.findings.find((f) => f.rule === 'source/could-not-verify');
    expect(cap?.message).toMatch(/the range holds more than 10000 commits, the most one run checks; only the newest 10000 were read/);
    expect(cap?.help).toMatch(/source\.since/);
    expect(r.range?.commits).toHaveLength(10_000);
  }, 120_000);

  it('stays short: one finding for 300 unsigned commits, a 30-row sample of signatures, and no contradiction', async () => {
    const repo = new TestRepo();
    fastHistory(repo, 300);
    const r = await verify(repo, policy([aliceSigner()]));
    expect(rules(r)).toEqual(['source/unsigned-commit']);
    expect(r.findings[0]?.message).toMatch(/^300 commits not signed: first [0-9a-f]{12} \(c0\), last [0-9a-f]{12} \(c299\)/);
    expect(r.summary).toMatch(/0 of 300 commits signed by policy signers/);
    expect(r.summary).toMatch(/…and 270 more/);
    expect(Buffer.byteLength(r.summary)).toBeLessThan(16 * 1024);
  });
});
