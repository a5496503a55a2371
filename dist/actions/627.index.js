export const id = 627;
export const ids = [627];
export const modules = {

/***/ 97627:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  xn: () => (/* reexport */ CODEOWNERS_PATHS),
  KA: () => (/* reexport */ WORKFLOW_RULES),
  qM: () => (/* reexport */ git_gitRun),
  w2: () => (/* reexport */ loadSourcePolicy),
  K2: () => (/* reexport */ ownersOf),
  BW: () => (/* reexport */ parseCodeowners),
  ZG: () => (/* reexport */ postureOfFiles),
  BV: () => (/* reexport */ readWorkflowFiles),
  t4: () => (/* reexport */ verifySource)
});

// UNUSED EXPORTS: CONFIDENCE_RANK, GIT_TIMEOUT_MS, INVALID_STRUCTURE_RULE, INVALID_YAML_RULE, MAX_CA_FILE_BYTES, MAX_PAGES, MAX_RANGE_COMMITS, MAX_SOURCE_LEVEL, MAX_WORKFLOW_BYTES, OID_FULCIO_ISSUER_V1, OID_FULCIO_ISSUER_V2, SOURCE_VERIFIER_ID, SOURCE_VSA_NAME, WORKFLOW_LEVEL, WORKFLOW_POSTURE_NAME, applyEdits, auditWorkflowText, auditWorkflows, branchOf, certIdentity, certificateExtensions, checkCommitIdentity, checkReviewEvidence, couldNotVerify, createGitHubClient, dirtyPaths, discoverZizmorConfig, findingsRecord, fixFiles, fulcioIssuer, git, githubRepoFromRemote, groupSignatureFindings, isContentNeutralMerge, isUnpinned, isWebFlowCommit, isX509Signature, levelName, loadPins, loadZizmorConfig, parseCommitObject, parseGpgColons, patternRegex, planFixes, postureStatement, prepareKeyring, readCommits, resolveRange, resourceFor, secretsInExpression, shallowBoundary, signatureDer, signatureFormat, signerLabel, sourceLevel, sourceVsa, unifiedPatch, verifySignatures, verifyX509Commit, workflowFilePosture, workflowPosture

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: ../packages/core/dist/index.js + 30 modules
var dist = __webpack_require__(81915);
;// CONCATENATED MODULE: ../packages/source/dist/git.js
/**
 * Running git. Every call pins the signature programs and turns prompts off, so a repository's own
 * configuration cannot swap the verifier for something that always says "good".
 */


/** Longer than any local git call on a real repository (fast-import of 10,000 commits takes under a second). */
const GIT_TIMEOUT_MS = 10 * 60 * 1000;
const MAX_OUTPUT = 256 * 1024 * 1024;
async function git_gitRun(repo, args, options = {}) {
    // core.fsmonitor from a repository's config would run a command on `git status`: never here.
    const config = Object.entries({ 'core.fsmonitor': 'false', ...options.config }).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
    const child = (0,external_node_child_process_.spawn)('git', ['-C', repo, ...config, ...args], {
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: 'true', LC_ALL: 'C', ...options.env },
        stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out = [];
    const err = [];
    let size = 0;
    child.stdout.on('data', (d) => {
        size += d.length;
        if (size <= MAX_OUTPUT)
            out.push(d);
    });
    child.stderr.on('data', (d) => err.push(d));
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
    const timeoutMs = options.timeoutMs ?? GIT_TIMEOUT_MS;
    let timer;
    const code = await new Promise((resolve, reject) => {
        timer = setTimeout(() => {
            child.kill('SIGKILL');
            reject(new dist/* ConfigurationError */.j1(`git ${args[0] ?? ''} did not finish within ${Math.round(timeoutMs / 1000)} s in ${repo}; stopped`, {
                location: { file: repo },
                hint: 'a file in .git that is a FIFO or device (shallow, a ref, the index) blocks git: check the repository, or clone it again',
            }));
        }, timeoutMs);
        child.on('error', (e) => {
            if (e.code === 'ENOENT')
                reject(new dist/* ConfigurationError */.j1('git is not installed', { hint: 'install git (apt-get install git)' }));
            else
                reject(e);
        });
        child.on('close', (c) => resolve(c ?? 128));
    }).finally(() => clearTimeout(timer));
    const bytes = Buffer.concat(out);
    const result = { stdout: bytes.toString('utf8'), bytes, stderr: Buffer.concat(err).toString('utf8'), code };
    if (code !== 0 && !options.allowFailure) {
        throw new dist/* ConfigurationError */.j1(`git ${args[0] ?? ''} failed in ${repo}: ${(result.stderr.trim().split('\n')[0] ?? '').trim() || `exit ${code}`}`);
    }
    return result;
}
async function git(repo, args, options = {}) {
    return (await git_gitRun(repo, args, options)).stdout;
}
function parseIdent(line) {
    const m = /^(.*?) <([^>]*)> (\d+) [+-]\d{4}$/.exec(line);
    if (!m)
        return { name: line, email: '', time: 0 };
    return { name: m[1] ?? '', email: m[2] ?? '', time: Number(m[3]) };
}
/** Parses a commit object as `git cat-file commit` prints it. */
function parseCommitObject(sha, text) {
    const split = text.indexOf('\n\n');
    const header = split < 0 ? text : text.slice(0, split);
    const body = split < 0 ? '' : text.slice(split + 2);
    const kept = [];
    const sig = [];
    const parents = [];
    let tree = '';
    let committer = { name: '', email: '', time: 0 };
    let author = { name: '', email: '', time: 0 };
    let inSig = false;
    for (const line of header.split('\n')) {
        if (line.startsWith('gpgsig ')) {
            inSig = true;
            sig.push(line.slice('gpgsig '.length));
            continue;
        }
        if (inSig && line.startsWith(' ')) {
            sig.push(line.slice(1));
            continue;
        }
        inSig = false;
        kept.push(line);
        if (line.startsWith('tree '))
            tree = line.slice(5).trim();
        else if (line.startsWith('parent '))
            parents.push(line.slice(7).trim());
        else if (line.startsWith('committer '))
            committer = parseIdent(line.slice(10));
        else if (line.startsWith('author '))
            author = parseIdent(line.slice(7));
    }
    const payload = `${kept.join('\n')}${split < 0 ? '' : `\n\n${body}`}`;
    return {
        sha,
        tree,
        parents,
        committerName: committer.name,
        committerEmail: committer.email,
        committerTime: committer.time,
        authorEmail: author.email,
        ...(sig.length > 0 ? { signature: `${sig.join('\n')}\n` } : {}),
        payload,
        subject: body.split('\n')[0] ?? '',
    };
}
/** Reads many commit objects with one `git cat-file --batch`. */
async function readCommits(repo, shas) {
    if (shas.length === 0)
        return [];
    const { bytes: buf } = await git_gitRun(repo, ['cat-file', '--batch'], { input: `${shas.join('\n')}\n` });
    const out = [];
    let at = 0;
    while (at < buf.length) {
        const nl = buf.indexOf(0x0a, at);
        if (nl < 0)
            break;
        const head = buf.subarray(at, nl).toString('utf8');
        at = nl + 1;
        const m = /^([0-9a-f]{40,64}) (\w+) (\d+)$/.exec(head);
        if (!m)
            continue; // "<sha> missing": the object is beyond a shallow boundary
        const size = Number(m[3]);
        const text = buf.subarray(at, at + size).toString('utf8');
        at += size + 1;
        if (m[2] === 'commit')
            out.push(parseCommitObject(m[1] ?? '', text));
    }
    return out;
}

;// CONCATENATED MODULE: ../packages/source/dist/commit-identity.js
/**
 * Commit identity: the checked-out HEAD is the commit that was expected (the event's SHA), and the
 * tree is clean, so what builds is exactly what was reviewed.
 */


/**
 * The factory's own output in a checkout: its evidence and work folder and the SARIF files its actions
 * write at the workspace root. Untracked, they are the factory's doing, not a change to the source.
 */
const FACTORY_OUTPUT = [/^\.secure-factory\//, /^secure-factory(-[\w.-]+)?\.sarif$/];
/** Paths of `git status --porcelain=v1 -z`, without the factory's own untracked output. */
function dirtyPaths(porcelainZ) {
    const out = [];
    const entries = porcelainZ.split('\0');
    for (let i = 0; i < entries.length; i++) {
        const e = entries[i] ?? '';
        if (e.length < 4)
            continue;
        const xy = e.slice(0, 2);
        const file = e.slice(3);
        // A rename or copy is followed by its source path.
        if (xy[0] === 'R' || xy[0] === 'C')
            i++;
        if (xy === '??' && FACTORY_OUTPUT.some((r) => r.test(file)))
            continue;
        out.push(`${xy.trim()} ${file}`);
    }
    return out;
}
async function checkCommitIdentity(opts) {
    const inside = await git(opts.repo, ['rev-parse', '--is-inside-work-tree']).catch(() => 'false');
    if (inside.trim() !== 'true') {
        throw new dist/* ConfigurationError */.j1(`${opts.repo} is not a git work tree`, { hint: 'check out the repository first (actions/checkout)' });
    }
    const head = (await git(opts.repo, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']).catch(() => '')).trim();
    if (!head)
        throw new dist/* ConfigurationError */.j1(`the repository at ${opts.repo} has no commits`);
    const status = await git(opts.repo, ['status', '--porcelain=v1', '-z', '--untracked-files=normal']);
    const dirty = dirtyPaths(status);
    const clean = dirty.length === 0;
    const shallow = (await git(opts.repo, ['rev-parse', '--is-shallow-repository'])).trim() === 'true';
    const problems = [];
    if (opts.expectedSha && opts.expectedSha !== head)
        problems.push(`HEAD is ${head}, not the expected commit ${opts.expectedSha}`);
    if (!clean) {
        const shown = dirty.slice(0, 10).join(', ');
        problems.push(`the work tree has uncommitted changes in ${dirty.length} path(s): ${shown}${dirty.length > 10 ? ', …' : ''}`);
    }
    const ok = problems.length === 0;
    for (const p of problems)
        opts.logger.error(p);
    const summary = [
        `### secure-factory source: commit identity ${ok ? '✅' : '❌'}`,
        '',
        `| check | result |`,
        `|---|---|`,
        `| HEAD | ${(0,dist/* code */.aY)(head)} |`,
        `| expected | ${opts.expectedSha ? (0,dist/* code */.aY)(opts.expectedSha) : '_not given_'} ${opts.expectedSha ? (opts.expectedSha === head ? '✅' : '❌') : ''} |`,
        `| clean work tree | ${clean ? '✅' : '❌'} |`,
        `| shallow clone | ${shallow ? 'yes (history checks deepen it as needed)' : 'no'} |`,
    ].join('\n');
    return { ok, head, expected: opts.expectedSha, clean, shallow, problems, summary, dirty };
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ../packages/source/dist/history.js
/**
 * The range of history the signature policy covers (`source.range`), and shallow clones: a clone
 * made with `fetch-depth: 1` is deepened from its remote as far as the range needs; when it cannot
 * be (no remote, fetch refused), the range says what could not be seen instead of passing quietly.
 */



const MAX_RANGE_COMMITS = 10_000;
async function isShallow(repo) {
    return (await git(repo, ['rev-parse', '--is-shallow-repository'])).trim() === 'true';
}
/** The largest shallow file read (a million 64-hex ids). */
const MAX_SHALLOW_BYTES = 64 * 1024 * 1024;
/**
 * The commits at the edge of a shallow clone, from git's `shallow` file, read through core's safe
 * reader: none when the file does not exist; a FIFO (a plain read blocked the audit forever), a device,
 * a link leaving the git folder or an oversized file is refused (exit 2 naming it), never read.
 */
async function shallowBoundary(repo) {
    const rel = (await git(repo, ['rev-parse', '--git-path', 'shallow'])).trim();
    const file = external_node_path_.isAbsolute(rel) ? rel : external_node_path_.join(repo, rel);
    let bytes;
    try {
        bytes = await (0,dist/* readRegularFile */.XF)(file, {
            maxBytes: MAX_SHALLOW_BYTES,
            what: "git's shallow file",
            hint: 'it lists the commits where a shallow clone ends; clone the repository again',
        });
    }
    catch (e) {
        if (e instanceof dist/* UnsafeFileError */.h && e.reason === 'missing')
            return new Set();
        throw e;
    }
    const text = (0,dist/* decodeUtf8 */._6)(bytes, file, "git's shallow file");
    return new Set(text.split('\n').filter((l) => /^[0-9a-f]{40,64}$/.test(l)));
}
async function remoteName(repo) {
    const remotes = (await git(repo, ['remote'])).split('\n').filter(Boolean);
    return remotes.includes('origin') ? 'origin' : remotes[0];
}
async function revList(repo, args) {
    const r = await git_gitRun(repo, ['rev-list', `--max-count=${MAX_RANGE_COMMITS + 1}`, ...args], { allowFailure: true });
    return r.code === 0 ? r.stdout.split('\n').filter(Boolean) : [];
}
async function resolveCommit(repo, rev) {
    const r = await git_gitRun(repo, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], { allowFailure: true });
    return r.code === 0 ? r.stdout.trim() : undefined;
}
class Deepener {
    repo;
    remote;
    logger;
    fetches = [];
    failures = [];
    constructor(repo, remote, logger) {
        this.repo = repo;
        this.remote = remote;
        this.logger = logger;
    }
    get possible() {
        return this.remote !== undefined;
    }
    async fetch(args) {
        if (!this.remote)
            return false;
        const what = `git fetch ${args.join(' ')} ${this.remote}`;
        this.logger.info(`deepening the shallow clone: ${what}`);
        try {
            await git(this.repo, ['fetch', '--quiet', '--no-write-fetch-head', ...args, this.remote]);
            this.fetches.push(what);
            return true;
        }
        catch (e) {
            this.failures.push(`${what} failed: ${(0,dist/* errorMessage */.gJ)(e)}`);
            this.logger.warning(`${what} failed: ${(0,dist/* errorMessage */.gJ)(e)}`);
            return false;
        }
    }
    async fetchCommit(sha) {
        if (!this.remote)
            return false;
        try {
            await git(this.repo, ['fetch', '--quiet', '--no-write-fetch-head', '--depth=1', this.remote, sha]);
            this.fetches.push(`git fetch --depth=1 ${this.remote} ${sha}`);
            return true;
        }
        catch (e) {
            this.failures.push(`fetching ${sha} failed: ${(0,dist/* errorMessage */.gJ)(e)}`);
            return false;
        }
    }
}
function finish(commits, description, gaps, deepener) {
    // A failed fetch matters only when something stayed unseen.
    const all = gaps.length > 0 ? [...gaps, ...deepener.failures.map((f) => `could not deepen the clone: ${f}`)] : [];
    let list = commits;
    if (list.length > MAX_RANGE_COMMITS) {
        list = list.slice(0, MAX_RANGE_COMMITS);
        all.push(`the range holds more than ${MAX_RANGE_COMMITS} commits, the most one run checks; only the newest ${MAX_RANGE_COMMITS} were read and the rest are unverified`);
    }
    return {
        commits: list,
        description,
        complete: gaps.length === 0 && list.length === commits.length,
        gaps: all,
        deepened: deepener.fetches,
    };
}
/** Whether the walk from HEAD stopped at a shallow boundary (so older commits exist but are unseen). */
async function hitsBoundary(repo, commits) {
    if (!(await isShallow(repo)))
        return false;
    const boundary = await shallowBoundary(repo);
    return commits.some((c) => boundary.has(c));
}
async function resolveRange(opts) {
    const { repo, head, range, logger } = opts;
    const deepener = new Deepener(repo, await remoteName(repo), logger);
    if (opts.since !== undefined) {
        const label = `${opts.since}..HEAD (source.since)`;
        let since = await resolveCommit(repo, opts.since);
        if (since === undefined && (await isShallow(repo)) && (await deepener.fetch(['--unshallow', '--tags']))) {
            since = await resolveCommit(repo, opts.since);
        }
        if (since === undefined) {
            return finish([head], label, [
                `source.since ${opts.since} is not a tag or commit of this clone: only HEAD was checked (fetch tags: actions/checkout fetch-depth: 0)`,
            ], deepener);
        }
        if (await isShallow(repo))
            await deepener.fetch(['--unshallow']);
        const commits = await revList(repo, [head, `^${since}`]);
        const gaps = [];
        const ancestor = await git_gitRun(repo, ['merge-base', '--is-ancestor', since, head], { allowFailure: true });
        if (ancestor.code === 1)
            gaps.push(`source.since ${opts.since} is not an ancestor of HEAD: set it to an earlier release of this line`);
        if (await hitsBoundary(repo, commits))
            gaps.push('the clone is shallow: history before the shallow boundary is unchecked');
        return finish(commits.length > 0 ? commits : [head], label, gaps, deepener);
    }
    if (range === 'head')
        return finish([head], 'HEAD only', [], deepener);
    if (typeof range === 'number') {
        let commits = await revList(repo, [`--max-count=${range}`, head]);
        if (commits.length < range && (await hitsBoundary(repo, commits))) {
            if (await deepener.fetch([`--deepen=${range}`]))
                commits = await revList(repo, [`--max-count=${range}`, head]);
        }
        const gaps = [];
        if (commits.length < range && (await hitsBoundary(repo, commits))) {
            gaps.push(`the clone is shallow: only ${commits.length} of the last ${range} commits could be seen`);
        }
        return finish(commits, `the last ${range} commits`, gaps, deepener);
    }
    if (range === 'last-tag') {
        if (await isShallow(repo))
            await deepener.fetch(['--unshallow', '--tags']);
        const tagOf = async (rev) => {
            const r = await git_gitRun(repo, ['describe', '--tags', '--abbrev=0', rev], { allowFailure: true });
            return r.code === 0 ? r.stdout.trim() : undefined;
        };
        const releasing = opts.ref?.startsWith('refs/tags/') ? opts.ref.slice('refs/tags/'.length) : undefined;
        let tag = await tagOf(head);
        // A release built from its own tag (or any tag on HEAD): the range is since the previous release.
        if (tag !== undefined && (tag === releasing || (await resolveCommit(repo, tag)) === head))
            tag = await tagOf(`${head}^`);
        const gaps = [];
        if (tag === undefined) {
            const commits = await revList(repo, [head]);
            if (await hitsBoundary(repo, commits))
                gaps.push('the clone is shallow and no tag could be seen: history before the shallow boundary is unchecked');
            return finish(commits, `the whole history (no release before ${releasing ?? 'HEAD'})`, gaps, deepener);
        }
        const commits = await revList(repo, [head, `^${tag}`]);
        return finish(commits.length > 0 ? commits : [head], `${tag}..${releasing ?? 'HEAD'} (since the previous release)`, gaps, deepener);
    }
    // base-branch: without an explicit base, a feature branch is measured from the remote's default branch.
    let baseRev = opts.base !== undefined && !/^0+$/.test(opts.base) ? opts.base : undefined;
    if (baseRev === undefined) {
        const remoteHead = await resolveCommit(repo, 'refs/remotes/origin/HEAD');
        if (remoteHead !== undefined) {
            const contained = await git_gitRun(repo, ['merge-base', '--is-ancestor', head, remoteHead], { allowFailure: true });
            if (contained.code === 1)
                baseRev = remoteHead;
        }
    }
    if (baseRev === undefined) {
        if (await isShallow(repo))
            await deepener.fetch(['--unshallow']);
        const commits = await revList(repo, [head]);
        const gaps = [];
        if (await hitsBoundary(repo, commits))
            gaps.push('the clone is shallow and has no remote to deepen from: history before the shallow boundary is unchecked');
        return finish(commits, 'the whole history (no base branch given)', gaps, deepener);
    }
    let base = await resolveCommit(repo, baseRev);
    if (base === undefined && /^[0-9a-f]{40,64}$/.test(baseRev) && (await deepener.fetchCommit(baseRev))) {
        base = await resolveCommit(repo, baseRev);
    }
    if (base === undefined) {
        return finish([head], `${baseRev}..HEAD`, [`the base ${baseRev} is not in the clone and could not be fetched: only HEAD was checked`], deepener);
    }
    const mergeBase = async () => {
        const r = await git_gitRun(repo, ['merge-base', base, head], { allowFailure: true });
        return r.code === 0 ? r.stdout.trim() : undefined;
    };
    let mb = await mergeBase();
    for (let i = 0; mb === undefined && i < 5 && (await isShallow(repo)) && deepener.possible; i++) {
        if (!(await deepener.fetch([`--deepen=${100 * 4 ** i}`])))
            break;
        mb = await mergeBase();
    }
    if (mb === undefined && (await isShallow(repo)) && deepener.possible && (await deepener.fetch(['--unshallow'])))
        mb = await mergeBase();
    if (mb === undefined) {
        const commits = await revList(repo, [head, `^${base}`]);
        const gap = (await hitsBoundary(repo, commits))
            ? `the clone is shallow and the base ${base.slice(0, 12)} could not be connected to HEAD: history before the shallow boundary is unchecked`
            : `HEAD and the base ${base.slice(0, 12)} have no common history`;
        return finish(commits.length > 0 ? commits : [head], `${base.slice(0, 12)}..HEAD (base branch)`, [gap], deepener);
    }
    const commits = await revList(repo, [head, `^${mb}`]);
    return finish(commits.length > 0 ? commits : [head], `${mb.slice(0, 12)}..HEAD (since the base branch)`, [], deepener);
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ../packages/source/dist/run-tool.js
/** Runs gpg, ssh-keygen and openssl: arguments as an array (no shell), output captured, missing tools named. */


const PACKAGE = { gpg: 'gnupg', gpgsm: 'gpgsm', 'ssh-keygen': 'openssh-client', openssl: 'openssl' };
async function runTool(command, args, options = {}) {
    const child = (0,external_node_child_process_.spawn)(command, args, { env: { ...process.env, LC_ALL: 'C', ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
    const code = await new Promise((resolve, reject) => {
        child.on('error', (e) => {
            if (e.code === 'ENOENT') {
                reject(new dist/* ConfigurationError */.j1(`${command} is not installed`, { hint: `install it (apt-get install ${PACKAGE[command] ?? command})` }));
            }
            else
                reject(e);
        });
        child.on('close', (c) => resolve(c ?? 128));
    });
    return { stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), code };
}

;// CONCATENATED MODULE: ../packages/source/dist/signers.js
/**
 * The allowed signers of the policy (`source.signers`), turned into what the verifiers read: a
 * temporary GNUPGHOME holding only the policy's OpenPGP keys, an SSH allowed-signers file, and the
 * X.509 trust anchors. Nothing from the machine's own keyrings is trusted implicitly.
 */





const SSH_KEY = /^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521|sk-ssh-ed25519@openssh\.com|sk-ecdsa-sha2-nistp256@openssh\.com) ([A-Za-z0-9+/]+={0,3})(?: .*)?$/;
// An allowed-signers principal is a pattern list: commas, quotes, spaces and wildcards would widen it.
const PRINCIPAL = /^[A-Za-z0-9._%+@-]{1,254}$/;
function signerLabel(s, i) {
    return s.name ?? s.email ?? s.x509?.identity ?? `signers[${i}]`;
}
function problem(i, message, help) {
    return { rule: 'source/signer-policy', severity: 'high', blocking: true, message: `source.signers[${i}]: ${message}`, help };
}
/** Parses `gpg --with-colons` key listings (pub/sub/fpr/uid records). */
function parseGpgColons(text) {
    const keys = [];
    let current;
    let expectFprFor;
    for (const line of text.split('\n')) {
        const f = line.split(':');
        switch (f[0]) {
            case 'pub':
                current = { fingerprint: '', fingerprints: [], emails: [], revoked: f[1] === 'r' };
                keys.push(current);
                expectFprFor = 'pub';
                break;
            case 'sub':
                expectFprFor = 'sub';
                break;
            case 'fpr': {
                const fpr = (f[9] ?? '').toUpperCase();
                if (current && fpr) {
                    if (expectFprFor === 'pub')
                        current.fingerprint = fpr;
                    current.fingerprints.push(fpr);
                }
                expectFprFor = undefined;
                break;
            }
            case 'uid': {
                const m = /<([^>]+)>/.exec(f[9] ?? '');
                if (current && m?.[1])
                    current.emails.push(m[1].toLowerCase());
                break;
            }
        }
    }
    return keys.filter((k) => k.fingerprint !== '');
}
async function gpg(home, args, input) {
    // --no-options: gpg.conf (trust-model always) is for verifying; reading keys must not depend on it.
    return runTool('gpg', ['--no-options', '--batch', '--no-tty', '--homedir', home, ...args], input === undefined ? {} : { input });
}
/** The largest CA file read (a bundle of roots, intermediates and CRLs). */
const MAX_CA_FILE_BYTES = 16 * 1024 * 1024;
/**
 * A signer's `x509.ca-file` through core's safe reader: '' when it does not exist (the policy finding
 * says so). A FIFO (a plain read blocked the source check forever, and openssl would block on it too), a
 * device, an oversized file, or a link leaving the repository (for a file named inside it; a file named
 * elsewhere may not link out of its own folder) is refused with exit 2 naming it, its content never read.
 */
async function readCaFile(caFile, baseDir) {
    const base = external_node_path_.resolve(baseDir);
    const rel = external_node_path_.relative(base, caFile);
    const inside = rel !== '' && !rel.startsWith('..') && !external_node_path_.isAbsolute(rel);
    try {
        const bytes = await (0,dist/* readRegularFile */.XF)(caFile, {
            maxBytes: MAX_CA_FILE_BYTES,
            what: 'x509.ca-file',
            ...(inside ? { within: base } : {}),
            hint: 'point ca-file at the PEM of the issuing CA, a regular file',
        });
        return bytes.toString('utf8');
    }
    catch (e) {
        if (e instanceof dist/* UnsafeFileError */.h && e.reason === 'missing')
            return '';
        throw e;
    }
}
async function prepareKeyring(signers, opts) {
    // Short path: gpg's sockets must fit in sun_path even when TMPDIR is long.
    const workDir = await (0,promises_.mkdtemp)(external_node_path_.join(process.platform === 'linux' ? '/tmp' : (0,external_node_os_.tmpdir)(), 'sf-src-'));
    const gnupgHome = external_node_path_.join(workDir, 'gnupg');
    await (0,promises_.mkdir)(gnupgHome, { mode: 0o700 });
    // Only the policy's keys are in this keyring, so their validity needs no web of trust.
    await (0,promises_.writeFile)(external_node_path_.join(gnupgHome, 'gpg.conf'), 'trust-model always\nno-auto-key-retrieve\nno-auto-key-locate\n');
    const allowedSignersFile = external_node_path_.join(workDir, 'allowed_signers');
    const keyring = {
        gnupgHome,
        allowedSignersFile,
        workDir,
        gpg: [],
        ssh: [],
        x509: [],
        findings: [],
        dispose: () => (0,promises_.rm)(workDir, { recursive: true, force: true }),
    };
    const allowed = [];
    for (const [i, s] of signers.entries()) {
        const label = signerLabel(s, i);
        const email = s.email?.toLowerCase();
        if (s['gpg-key'] !== undefined || s.gpg !== undefined) {
            let armoured = s['gpg-key'];
            if (armoured === undefined && s.gpg !== undefined) {
                // Fingerprint only: take that key (and nothing else) from the caller's own keyring.
                const exported = await runTool('gpg', ['--batch', '--no-tty', '--export', '--armor', s.gpg]);
                if (exported.stdout.includes('BEGIN PGP PUBLIC KEY BLOCK'))
                    armoured = exported.stdout;
                else {
                    keyring.findings.push(problem(i, `the OpenPGP key ${s.gpg} is not in this machine's keyring`, 'add the armoured public key to the policy as `gpg-key`'));
                    continue;
                }
            }
            const listed = await gpg(gnupgHome, ['--with-colons', '--import-options', 'show-only', '--import'], armoured);
            let keys = parseGpgColons(listed.stdout);
            if (s.gpg !== undefined) {
                const want = s.gpg.toUpperCase();
                keys = keys.filter((k) => k.fingerprints.some((f) => f.endsWith(want)));
            }
            if (keys.length === 0) {
                keyring.findings.push(problem(i, s.gpg ? `no OpenPGP key with fingerprint ${s.gpg} could be read` : 'gpg-key holds no readable OpenPGP public key', 'paste the output of `gpg --export --armor FINGERPRINT`'));
                continue;
            }
            const imported = await gpg(gnupgHome, ['--import'], armoured);
            if (imported.code !== 0 && !/imported|unchanged/.test(imported.stderr)) {
                keyring.findings.push(problem(i, `the OpenPGP key could not be imported: ${imported.stderr.trim().split('\n')[0] ?? ''}`, 'check the armoured key'));
                continue;
            }
            for (const k of keys) {
                keyring.gpg.push({
                    signer: i,
                    label,
                    fingerprint: k.fingerprint,
                    fingerprints: k.fingerprints,
                    emails: email ? [email] : k.emails,
                    revoked: k.revoked,
                });
            }
        }
        if (s.ssh !== undefined) {
            const m = SSH_KEY.exec(s.ssh.trim());
            if (!m) {
                keyring.findings.push(problem(i, 'ssh is not an SSH public key line', 'write it as `ssh-ed25519 AAAA... comment` (options such as cert-authority are not accepted)'));
                continue;
            }
            if (email !== undefined && !PRINCIPAL.test(email)) {
                keyring.findings.push(problem(i, `email "${email}" cannot be used as an SSH principal`, 'use a plain e-mail address'));
                continue;
            }
            const keyFile = external_node_path_.join(workDir, `ssh-${i}.pub`);
            await (0,promises_.writeFile)(keyFile, `${m[1]} ${m[2]}\n`);
            const fp = await runTool('ssh-keygen', ['-l', '-E', 'sha256', '-f', keyFile]);
            const fingerprint = /(SHA256:[A-Za-z0-9+/=]+)/.exec(fp.stdout)?.[1];
            if (fp.code !== 0 || fingerprint === undefined) {
                keyring.findings.push(problem(i, 'the SSH public key cannot be read', 'copy the whole line from the .pub file'));
                continue;
            }
            const principal = email ?? `signer-${i}@secure-factory.invalid`;
            allowed.push(`${principal} namespaces="git" ${m[1]} ${m[2]}`);
            keyring.ssh.push({ signer: i, label, principal, fingerprint, ...(email ? { email } : {}) });
        }
        if (s.x509 !== undefined) {
            const caFile = s.x509['ca-file'] === undefined ? undefined : external_node_path_.resolve(opts.baseDir, s.x509['ca-file']);
            if (caFile === undefined) {
                keyring.findings.push(problem(i, 'x509 has no ca-file, so no certificate can be trusted', 'set x509.ca-file to the PEM of the issuing CA (for gitsign, the Fulcio root)'));
                continue;
            }
            let ca;
            try {
                ca = await readCaFile(caFile, opts.baseDir);
            }
            catch (e) {
                await keyring.dispose();
                throw e;
            }
            if (!ca.includes('-----BEGIN CERTIFICATE-----')) {
                keyring.findings.push(problem(i, `x509.ca-file ${s.x509['ca-file']} is missing or holds no PEM certificate`, 'point ca-file at the PEM of the issuing CA'));
                continue;
            }
            keyring.x509.push({
                signer: i,
                label,
                caFile,
                ...(s.x509.identity ? { identity: s.x509.identity } : {}),
                ...(s.x509.issuer ? { issuer: s.x509.issuer } : {}),
                ...(email ? { email } : {}),
            });
        }
    }
    await (0,promises_.writeFile)(allowedSignersFile, allowed.length > 0 ? `${allowed.join('\n')}\n` : '');
    return keyring;
}

// EXTERNAL MODULE: ../node_modules/@octokit/core/dist-src/index.js + 13 modules
var dist_src = __webpack_require__(99710);
;// CONCATENATED MODULE: ../packages/source/dist/github-api.js
/**
 * The GitHub REST API calls the source checks make, behind a small interface with one Octokit
 * implementation and a configurable base URL (tests point it at a local server). Every call returns
 * either a value or a reason it could not be read; a missing permission is named, never a pass.
 */


const obj = (v) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? v : {});
const str = (v) => (typeof v === 'string' ? v : '');
const arr = (v) => (Array.isArray(v) ? v : []);
function failure(e) {
    // Octokit reports a failed connection as status 500 without a response: that is "not reached", not an answer.
    const answered = typeof e === 'object' && e !== null && e.response !== undefined;
    const status = answered && typeof e.status === 'number' ? e.status : 0;
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, status, message: message.split('\n')[0] ?? message };
}
/** Lists are read to their end (Link rel="next"); a longer list is "could not verify", never a partial answer. */
const MAX_PAGES = 50;
function hasNext(link) {
    return link !== undefined && /<[^>]*>\s*;\s*rel="next"/.test(link);
}
function pullInfo(p) {
    return {
        number: typeof p.number === 'number' ? p.number : 0,
        state: str(p.state),
        author: str(obj(p.user).login),
        headSha: str(obj(p.head).sha),
        baseRef: str(obj(p.base).ref),
        mergedAt: typeof p.merged_at === 'string' ? p.merged_at : null,
        mergeCommitSha: typeof p.merge_commit_sha === 'string' ? p.merge_commit_sha : null,
        url: str(p.html_url),
    };
}
function createGitHubClient(opts) {
    const octokit = new dist_src/* Octokit */.E({
        // Octokit's fetch through core's one HTTP client: a service that still fails surfaces as "not reached".
        request: { fetch: (0,dist/* httpFetch */.tX)({ service: 'the GitHub API', maxBytes: 32 * 1024 * 1024, ...opts.http }) },
        ...(opts.token ? { auth: opts.token } : {}),
        baseUrl: (opts.baseUrl ?? 'https://api.github.com').replace(/\/+$/, ''),
        userAgent: `${dist/* TOOL_NAME */.lH}/${dist/* TOOL_VERSION */.wr}`,
        log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    const base = { owner: opts.owner, repo: opts.repo };
    async function request(route, params) {
        try {
            const r = await octokit.request(route, { ...base, ...params, headers: { 'x-github-api-version': '2022-11-28' } });
            return { ok: true, value: { data: r.data, ...(typeof r.headers.link === 'string' ? { link: r.headers.link } : {}) } };
        }
        catch (e) {
            return failure(e);
        }
    }
    async function get(route, params) {
        const r = await request(route, params);
        return r.ok ? { ok: true, value: r.value.data } : r;
    }
    async function list(route, params, key) {
        const out = [];
        for (let page = 1;; page++) {
            if (page > MAX_PAGES) {
                return {
                    ok: false,
                    status: 200,
                    message: `the list is longer than ${MAX_PAGES} pages of 100 (${route.replace(/^GET /, '')}); nothing is decided on part of it`,
                };
            }
            const r = await request(route, { ...params, per_page: 100, page });
            if (!r.ok)
                return r;
            const items = key === undefined ? arr(r.value.data) : arr(obj(r.value.data)[key]);
            out.push(...items);
            // GitHub says whether more follows in the Link header; without one, a short page is the last.
            if (r.value.link !== undefined ? !hasNext(r.value.link) : items.length < 100)
                break;
        }
        return { ok: true, value: out };
    }
    function map(r, f) {
        return r.ok ? { ok: true, value: r.value.map((v) => f(obj(v))) } : r;
    }
    return {
        owner: opts.owner,
        repo: opts.repo,
        async commitVerification(sha) {
            const r = await get('GET /repos/{owner}/{repo}/commits/{ref}', { ref: sha });
            if (!r.ok)
                return r;
            const v = obj(obj(obj(r.value).commit).verification);
            if (str(obj(r.value).sha) !== sha)
                return { ok: false, status: 200, message: `the API answered for commit ${str(obj(r.value).sha) || '(none)'}, not ${sha}` };
            return {
                ok: true,
                value: {
                    verified: v.verified === true,
                    reason: str(v.reason),
                    signature: typeof v.signature === 'string' ? v.signature : null,
                    payload: typeof v.payload === 'string' ? v.payload : null,
                },
            };
        },
        async commitUsers(sha) {
            const r = await get('GET /repos/{owner}/{repo}/commits/{ref}', { ref: sha });
            if (!r.ok)
                return r;
            const c = obj(r.value);
            return { ok: true, value: { author: str(obj(c.author).login).toLowerCase(), committer: str(obj(c.committer).login).toLowerCase() } };
        },
        async pullsForCommit(sha) {
            return map(await list('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', { commit_sha: sha }), pullInfo);
        },
        async pull(n) {
            const r = await get('GET /repos/{owner}/{repo}/pulls/{pull_number}', { pull_number: n });
            return r.ok ? { ok: true, value: pullInfo(obj(r.value)) } : r;
        },
        async reviews(pull) {
            return map(await list('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', { pull_number: pull }), (r) => ({
                user: str(obj(r.user).login),
                state: str(r.state),
                commitId: str(r.commit_id),
                submittedAt: str(r.submitted_at),
            }));
        },
        async pullFiles(pull) {
            const r = await list('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', { pull_number: pull });
            return r.ok ? { ok: true, value: r.value.map((f) => str(obj(f).filename)).filter(Boolean) } : r;
        },
        async branchRules(branch) {
            return map(await list('GET /repos/{owner}/{repo}/rules/branches/{branch}', { branch }), (r) => ({
                type: str(r.type),
                parameters: obj(r.parameters),
                ...(typeof r.ruleset_source === 'string' ? { source: r.ruleset_source } : {}),
            }));
        },
        async classicProtection(branch) {
            const r = await get('GET /repos/{owner}/{repo}/branches/{branch}/protection', { branch });
            if (!r.ok)
                return r;
            const p = obj(r.value);
            const enabled = (v) => obj(v).enabled === true;
            const source = 'classic branch protection';
            const rules = [];
            // Classic protection blocks force pushes and deletion unless they are explicitly allowed.
            if (!enabled(p.allow_force_pushes))
                rules.push({ type: 'non_fast_forward', parameters: {}, source });
            if (!enabled(p.allow_deletions))
                rules.push({ type: 'deletion', parameters: {}, source });
            if (enabled(p.required_signatures))
                rules.push({ type: 'required_signatures', parameters: {}, source });
            const reviews = obj(p.required_pull_request_reviews);
            if (Object.keys(reviews).length > 0) {
                rules.push({
                    type: 'pull_request',
                    parameters: {
                        required_approving_review_count: typeof reviews.required_approving_review_count === 'number' ? reviews.required_approving_review_count : 0,
                        require_code_owner_review: reviews.require_code_owner_reviews === true,
                    },
                    source,
                });
            }
            const checks = obj(p.required_status_checks);
            if (Object.keys(checks).length > 0) {
                const contexts = [...arr(checks.checks).map((c) => str(obj(c).context)), ...arr(checks.contexts).map(str)].filter(Boolean);
                rules.push({
                    type: 'required_status_checks',
                    parameters: { required_status_checks: [...new Set(contexts)].map((context) => ({ context })) },
                    source,
                });
            }
            return { ok: true, value: rules };
        },
        async checkRuns(sha) {
            return map(await list('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', { ref: sha }, 'check_runs'), (c) => ({
                name: str(c.name),
                status: str(c.status),
                conclusion: typeof c.conclusion === 'string' ? c.conclusion : null,
                ...(typeof obj(c.app).id === 'number' ? { appId: obj(c.app).id } : {}),
            }));
        },
        async statuses(sha) {
            // The combined status pages its `statuses` like any list (30 by default).
            const r = await list('GET /repos/{owner}/{repo}/commits/{ref}/status', { ref: sha }, 'statuses');
            return r.ok ? { ok: true, value: r.value.map((s) => ({ context: str(obj(s).context), state: str(obj(s).state) })) } : r;
        },
        async teamMembers(org, team) {
            const r = await list('GET /orgs/{org}/teams/{team_slug}/members', { org, team_slug: team });
            return r.ok ? { ok: true, value: r.value.map((m) => str(obj(m).login).toLowerCase()).filter(Boolean) } : r;
        },
    };
}
/** "could not verify X: the token lacks Y" for a failed call; other failures say what happened. */
function couldNotVerify(what, permission, r) {
    if (r.status === 403 || r.status === 404)
        return `could not verify ${what}: the token lacks ${permission} (HTTP ${r.status}: ${r.message})`;
    if (r.status === 401)
        return `could not verify ${what}: the token was refused (HTTP 401: ${r.message})`;
    if (r.status === 0)
        return `could not verify ${what}: the GitHub API could not be reached (${r.message})`;
    if (r.status === 200)
        return `could not verify ${what}: ${r.message}`;
    return `could not verify ${what}: the GitHub API answered HTTP ${r.status} (${r.message})`;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ../packages/source/dist/ssh-signature.js
/**
 * SSH commit signatures (the SSHSIG format of OpenSSH's PROTOCOL.sshsig, what `git commit -S` with
 * gpg.format=ssh writes) verified in-process with Node's crypto, so a 10,000-commit history does not
 * start 10,000 `ssh-keygen -Y verify` processes. It checks what ssh-keygen checks: the magic and
 * version, the "git" namespace, a sha256/sha512 message hash, and the signature by the embedded key
 * over the SSHSIG signed data. Which keys are trusted is decided by the caller (the policy's keys, by
 * fingerprint). Key types it does not handle (security keys, ssh-rsa/SHA-1) return `undefined`, and
 * the caller falls back to git and ssh-keygen for them.
 */

class Reader {
    buf;
    at = 0;
    constructor(buf) {
        this.buf = buf;
    }
    bytes(n) {
        if (this.at + n > this.buf.length)
            throw new Error('truncated');
        const b = this.buf.subarray(this.at, this.at + n);
        this.at += n;
        return b;
    }
    uint32() {
        return this.bytes(4).readUInt32BE(0);
    }
    string() {
        return this.bytes(this.uint32());
    }
    get done() {
        return this.at === this.buf.length;
    }
}
const ssh_signature_str = (b) => {
    const buf = typeof b === 'string' ? Buffer.from(b) : b;
    const len = Buffer.alloc(4);
    len.writeUInt32BE(buf.length);
    return Buffer.concat([len, buf]);
};
/** An mpint without its sign byte, left-padded to `size` bytes. */
function unsigned(mpint, size) {
    let b = mpint;
    while (b.length > 1 && b[0] === 0)
        b = b.subarray(1);
    if (size === undefined || b.length >= size)
        return b;
    return Buffer.concat([Buffer.alloc(size - b.length), b]);
}
const CURVES = {
    nistp256: { crv: 'P-256', hash: 'sha256', size: 32 },
    nistp384: { crv: 'P-384', hash: 'sha384', size: 48 },
    nistp521: { crv: 'P-521', hash: 'sha512', size: 66 },
};
/** The public key and how to check a signature with it, or undefined for a type handled by ssh-keygen. */
function keyFor(blob) {
    const r = new Reader(blob);
    const type = r.string().toString();
    if (type === 'ssh-ed25519') {
        const raw = r.string();
        if (raw.length !== 32)
            return undefined;
        const key = (0,external_node_crypto_.createPublicKey)({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]), format: 'der', type: 'spki' });
        return { type, check: (data, sigType, sig) => sigType === 'ssh-ed25519' && (0,external_node_crypto_.verify)(null, data, key, sig) };
    }
    const ec = /^ecdsa-sha2-(nistp\d+)$/.exec(type);
    if (ec) {
        const curve = CURVES[ec[1] ?? ''];
        const name = r.string().toString();
        const point = r.string();
        if (!curve || name !== ec[1] || point[0] !== 4 || point.length !== 1 + 2 * curve.size)
            return undefined;
        const key = (0,external_node_crypto_.createPublicKey)({
            key: {
                kty: 'EC',
                crv: curve.crv,
                x: point.subarray(1, 1 + curve.size).toString('base64url'),
                y: point.subarray(1 + curve.size).toString('base64url'),
            },
            format: 'jwk',
        });
        return {
            type,
            check: (data, sigType, sig) => {
                if (sigType !== type)
                    return false;
                const s = new Reader(sig);
                const p1363 = Buffer.concat([unsigned(s.string(), curve.size), unsigned(s.string(), curve.size)]);
                return (0,external_node_crypto_.verify)(curve.hash, data, { key, dsaEncoding: 'ieee-p1363' }, p1363);
            },
        };
    }
    if (type === 'ssh-rsa') {
        const e = unsigned(r.string());
        const n = unsigned(r.string());
        const key = (0,external_node_crypto_.createPublicKey)({ key: { kty: 'RSA', e: e.toString('base64url'), n: n.toString('base64url') }, format: 'jwk' });
        // SHA-1 RSA signatures (sigType ssh-rsa) are left to ssh-keygen, which refuses them in SSHSIG.
        const hash = { 'rsa-sha2-256': 'sha256', 'rsa-sha2-512': 'sha512' };
        return { type, check: (data, sigType, sig) => hash[sigType] !== undefined && (0,external_node_crypto_.verify)(hash[sigType], data, key, sig) };
    }
    return undefined;
}
function sshFingerprint(blob) {
    return `SHA256:${(0,external_node_crypto_.createHash)('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}
/** Verifies an armoured SSHSIG signature over a commit payload; undefined when ssh-keygen must decide. */
function verifySshCommitSignature(armoured, payload) {
    const m = /-----BEGIN SSH SIGNATURE-----([\s\S]*?)-----END SSH SIGNATURE-----/.exec(armoured);
    if (!m)
        return undefined;
    try {
        const r = new Reader(Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64'));
        if (r.bytes(6).toString() !== 'SSHSIG' || r.uint32() !== 1)
            return undefined;
        const publicKey = r.string();
        const namespace = r.string().toString();
        const reserved = r.string();
        const hashAlg = r.string().toString();
        const signature = r.string();
        if (!r.done)
            return undefined;
        const fingerprint = sshFingerprint(publicKey);
        const key = keyFor(publicKey);
        if (!key)
            return undefined;
        if (namespace !== 'git')
            return { valid: false, fingerprint, reason: `the signature is for the namespace "${namespace}", not "git"` };
        if (hashAlg !== 'sha256' && hashAlg !== 'sha512')
            return { valid: false, fingerprint, reason: `unsupported hash "${hashAlg}"` };
        const s = new Reader(signature);
        const sigType = s.string().toString();
        const sig = s.string();
        const digest = (0,external_node_crypto_.createHash)(hashAlg).update(payload).digest();
        const signed = Buffer.concat([Buffer.from('SSHSIG'), ssh_signature_str(namespace), ssh_signature_str(reserved), ssh_signature_str(hashAlg), ssh_signature_str(digest)]);
        const valid = key.check(signed, sigType, sig);
        return valid ? { valid, fingerprint } : { valid, fingerprint, reason: 'the signature does not match the commit' };
    }
    catch {
        // Malformed: let ssh-keygen give its own verdict.
        return undefined;
    }
}

// EXTERNAL MODULE: ../node_modules/@sigstore/core/dist/index.js
var core_dist = __webpack_require__(42987);
;// CONCATENATED MODULE: ../packages/source/dist/x509.js
/**
 * X.509 commit signatures (`gpg.format x509`: gpgsm, or Sigstore's gitsign): a detached CMS
 * signature over the commit object. Verified with `openssl cms` against the policy's CA only (no
 * system trust store), at the commit's time (gitsign certificates live ten minutes), then the
 * signer certificate's identity (SAN) and issuer (for Fulcio certificates the OIDC issuer extension
 * 1.3.6.1.4.1.57264.1.8, or the deprecated .1.1) are compared with the policy.
 */







const OID_FULCIO_ISSUER_V1 = '1.3.6.1.4.1.57264.1.1';
const OID_FULCIO_ISSUER_V2 = '1.3.6.1.4.1.57264.1.8';
function isX509Signature(signature) {
    return /^-----BEGIN (SIGNED MESSAGE|PKCS7|CMS)-----/.test(signature);
}
/** The DER bytes inside an armoured CMS signature. */
function signatureDer(signature) {
    const body = signature
        .split('\n')
        .filter((l) => !l.startsWith('-----') && l.trim() !== '')
        .join('');
    return Buffer.from(body, 'base64');
}
/** The raw extnValue contents of every extension of a DER certificate, by dotted OID (read with @sigstore/core's ASN.1). */
function certificateExtensions(der) {
    const out = new Map();
    try {
        for (const e of core_dist.X509Certificate.parse(Buffer.from(der)).extensions) {
            const oid = e.subs[0];
            const value = e.subs[e.subs.length - 1];
            // OBJECT IDENTIFIER … OCTET STRING; anything else is not an extension this reads.
            if (oid?.tag.isOID() && value?.tag.isOctetString())
                out.set(oid.toOID(), value.value);
        }
    }
    catch {
        // Not a certificate this can read: no extensions (the identity then rests on the SAN and issuer DN).
    }
    return out;
}
/** The OIDC issuer a Fulcio certificate was issued for, if it is one. */
function fulcioIssuer(cert) {
    const ext = certificateExtensions(cert.raw);
    const v2 = ext.get(OID_FULCIO_ISSUER_V2);
    if (v2) {
        // .8 is a DER UTF8String inside the extension value.
        try {
            return core_dist.ASN1Obj.parseBuffer(Buffer.from(v2)).value.toString('utf8');
        }
        catch {
            // unreadable: fall back to the deprecated .1
        }
    }
    const v1 = ext.get(OID_FULCIO_ISSUER_V1);
    return v1 ? v1.toString('utf8') : undefined;
}
function certIdentity(cert) {
    const san = cert.subjectAltName ?? '';
    const emails = [];
    const uris = [];
    for (const part of san.split(/,\s*/)) {
        if (part.startsWith('email:'))
            emails.push(part.slice(6).toLowerCase());
        else if (part.startsWith('URI:'))
            uris.push(part.slice(4));
    }
    const email = /(?:^|\n)emailAddress=([^\n]+)/.exec(cert.subject)?.[1];
    if (email)
        emails.push(email.toLowerCase());
    const oidcIssuer = fulcioIssuer(cert);
    return {
        emails,
        uris,
        subject: cert.subject.replace(/\n/g, ', '),
        issuerDn: cert.issuer.replace(/\n/g, ', '),
        ...(oidcIssuer ? { oidcIssuer } : {}),
    };
}
function issuerMatches(want, id, cert) {
    if (id.oidcIssuer !== undefined)
        return id.oidcIssuer === want;
    const cn = /(?:^|\n)CN=([^\n]+)/.exec(cert.issuer)?.[1];
    return want === id.issuerDn || want === cn || want === cert.issuer;
}
async function verifyX509Commit(commit, signers, workDir) {
    const signature = commit.signature ?? '';
    const base = external_node_path_.join(workDir, `x509-${commit.sha}`);
    const sigFile = `${base}.sig.der`;
    const payloadFile = `${base}.payload`;
    const signerFile = `${base}.signer.pem`;
    await (0,promises_.writeFile)(sigFile, signatureDer(signature));
    await (0,promises_.writeFile)(payloadFile, commit.payload);
    try {
        const common = [
            'cms',
            '-verify',
            '-binary',
            '-inform',
            'DER',
            '-in',
            sigFile,
            '-content',
            payloadFile,
            '-out',
            '/dev/null',
            '-purpose',
            'any',
        ];
        // Intact at all? (no chain check) — separates "tampered" from "signed by someone else".
        const intact = await runTool('openssl', [...common, '-noverify', '-signer', signerFile]);
        if (intact.code !== 0)
            return { status: 'bad', message: 'the X.509 signature does not match the commit (tampered or corrupt)' };
        const cert = new external_node_crypto_.X509Certificate(await (0,promises_.readFile)(signerFile));
        const identity = certIdentity(cert);
        const mismatches = [];
        let chained = false;
        const failures = new Set();
        for (const s of signers) {
            if (!s.caFile)
                continue;
            const r = await runTool('openssl', [
                ...common,
                '-CAfile',
                s.caFile,
                '-no-CApath',
                '-no-CAstore',
                '-attime',
                String(commit.committerTime),
            ]);
            if (r.code !== 0) {
                if (/certificate has expired|certificate is not yet valid/i.test(r.stderr))
                    failures.add('expired');
                continue;
            }
            // A CA file that carries CRLs turns on revocation checking (there is no network for OCSP). The
            // CRL is newer than the commit, so this check ignores times; the validity window was checked above.
            // Read safely (a FIFO or device swapped in after the keyring checked it is no CRL, never a hang).
            const caText = await (0,dist/* readRegularFile */.XF)(s.caFile, { maxBytes: MAX_CA_FILE_BYTES, within: '/', what: 'x509.ca-file' }).then((b) => b.toString('utf8'), () => '');
            if (caText.includes('-----BEGIN X509 CRL-----')) {
                const crl = await runTool('openssl', [...common, '-CAfile', s.caFile, '-no-CApath', '-no-CAstore', '-crl_check', '-no_check_time']);
                if (crl.code !== 0) {
                    if (/certificate revoked/i.test(crl.stderr))
                        failures.add('revoked');
                    continue;
                }
            }
            chained = true;
            const wantId = s.identity ?? s.email;
            if (wantId !== undefined && !identity.emails.includes(wantId.toLowerCase()) && !identity.uris.includes(wantId)) {
                mismatches.push(`${s.label}: certificate identity ${[...identity.emails, ...identity.uris].join(', ') || identity.subject} is not ${wantId}`);
                continue;
            }
            if (s.issuer !== undefined && !issuerMatches(s.issuer, identity, cert)) {
                mismatches.push(`${s.label}: issuer ${identity.oidcIssuer ?? identity.issuerDn} is not ${s.issuer}`);
                continue;
            }
            return { status: 'good', signer: s, identity };
        }
        if (!chained && failures.has('revoked')) {
            return { status: 'revoked-key', message: `the certificate (${identity.subject}) has been revoked by its CA`, identity };
        }
        if (!chained && failures.has('expired')) {
            return {
                status: 'expired-key',
                message: `the certificate (${identity.subject}) was not valid at the commit time ${new Date(commit.committerTime * 1000).toISOString()}`,
                identity,
            };
        }
        if (!chained) {
            return {
                status: 'untrusted',
                message: `the certificate (${identity.subject}, issued by ${identity.issuerDn}) does not chain to a CA in the policy`,
                identity,
            };
        }
        return { status: 'identity-mismatch', message: mismatches.join('; '), identity };
    }
    finally {
        await (0,promises_.rm)(sigFile, { force: true });
        await (0,promises_.rm)(payloadFile, { force: true });
        await (0,promises_.rm)(signerFile, { force: true });
    }
}

;// CONCATENATED MODULE: ../packages/source/dist/signatures.js
/**
 * Commit signatures, checked with git and the real tools against the policy's signers only:
 * OpenPGP through a policy-only GNUPGHOME, SSH through `gpg.ssh.allowedSignersFile`, X.509 with
 * openssl. A good signature also has to belong to the committer: the committer e-mail must be one the
 * signer may use, so a trusted key cannot vouch for a forged identity. Commits made by GitHub's web
 * flow are accepted only when GitHub's own verification data, fetched for that exact commit, says
 * valid and carries the same signature and payload.
 */






function signatureFormat(signature) {
    if (!signature)
        return 'none';
    if (signature.startsWith('-----BEGIN PGP SIGNATURE-----'))
        return 'openpgp';
    if (signature.startsWith('-----BEGIN SSH SIGNATURE-----'))
        return 'ssh';
    if (isX509Signature(signature))
        return 'x509';
    return 'openpgp';
}
/** %G? and friends for many commits in one git call, verified with the policy-only keyring. */
async function gitVerdicts(repo, shas, keyring) {
    const out = new Map();
    const chunks = [];
    for (let i = 0; i < shas.length; i += 100)
        chunks.push(shas.slice(i, i + 100));
    // Each signature costs one gpg / ssh-keygen process: spread the chunks over the machine's cores.
    await (0,dist/* mapLimit */.sf)(chunks, Math.max(1, Math.min(4, (0,external_node_os_.availableParallelism)())), async (chunk) => {
        const r = await git_gitRun(repo, ['show', '-s', '--no-notes', '--format=%H%x00%G?%x00%GK%x00%GF%x00%GP%x00%GS%x1e', ...chunk], {
            env: { GNUPGHOME: keyring.gnupgHome },
            // The verifiers are pinned here so a repository's config cannot substitute its own.
            config: {
                'gpg.program': 'gpg',
                'gpg.ssh.program': 'ssh-keygen',
                'gpg.x509.program': 'gpgsm',
                'gpg.ssh.allowedSignersFile': keyring.allowedSignersFile,
                'gpg.ssh.revocationFile': '',
                'log.showSignature': 'false',
            },
        });
        for (const rec of r.stdout.split('\x1e')) {
            const [sha, status, key, fingerprint, primary, signer] = rec.replace(/^\n/, '').split('\0');
            if (sha && /^[0-9a-f]{40,64}$/.test(sha)) {
                out.set(sha, {
                    status: status ?? 'N',
                    key: key ?? '',
                    fingerprint: (fingerprint ?? '').trim(),
                    primary: (primary ?? '').trim(),
                    signer: signer ?? '',
                });
            }
        }
    });
    return out;
}
const GPG_STATUS = {
    B: { status: 'bad', text: 'the signature does not match the commit (tampered or corrupt)' },
    X: { status: 'expired-signature', text: 'the signature has expired' },
    Y: { status: 'expired-key', text: 'the signing key has expired' },
    R: { status: 'revoked-key', text: 'the signing key has been revoked' },
    E: { status: 'untrusted', text: 'the signing key is not one of the policy signers' },
    N: { status: 'unsigned', text: 'the commit is not signed' },
};
function isWebFlowCommit(c) {
    return c.committerName === 'GitHub' && c.committerEmail.toLowerCase() === 'noreply@github.com';
}
function emailCheck(result, allowed, committerEmail) {
    if (allowed === undefined || allowed.length === 0)
        return { ...result, emailBound: false };
    if (allowed.includes(committerEmail.toLowerCase()))
        return { ...result, emailBound: true };
    return {
        ...result,
        status: 'email-mismatch',
        emailBound: false,
        message: `signed by ${result.signer ?? 'a policy signer'}, but the committer e-mail ${committerEmail} is not theirs (allowed: ${allowed.join(', ')})`,
    };
}
async function webFlow(c, base, github) {
    const wf = { ...base, webFlow: true };
    if (!github) {
        return {
            ...wf,
            status: 'cannot-check',
            message: 'made by GitHub (web flow); could not verify it: no GitHub API access (give a token and the repository)',
        };
    }
    const r = await github.commitVerification(c.sha);
    if (!r.ok)
        return { ...wf, status: 'cannot-check', message: `made by GitHub (web flow); ${couldNotVerify('its signature', 'contents: read', r)}` };
    const v = r.value;
    const norm = (s) => (s ?? '').replace(/\r\n/g, '\n').trim();
    if (!v.verified || v.reason !== 'valid') {
        return {
            ...wf,
            status: 'bad',
            message: `made by GitHub (web flow), but GitHub reports the signature as not verified (${v.reason || 'no reason'})`,
        };
    }
    // Not trusted blindly: the verified signature and payload must be the ones in our commit object.
    if (norm(v.signature) !== norm(c.signature) || norm(v.payload) !== norm(c.payload)) {
        return { ...wf, status: 'bad', message: 'made by GitHub (web flow), but the signature GitHub verified is not the one in this commit' };
    }
    return {
        ...wf,
        status: 'good',
        signer: 'GitHub web flow (verified by the GitHub API)',
        emailBound: true,
        message: 'signed by GitHub (web flow); GitHub verified the signature',
    };
}
/**
 * GitHub's merge of a pull request (refs/pull/N/merge, what actions/checkout builds on pull_request
 * events) is not signed. It is accepted only when recomputing the merge of its two parents gives
 * exactly its tree: then every line in it comes from the parents, which the range checks themselves.
 */
async function isContentNeutralMerge(repo, c) {
    if (c.parents.length !== 2 || !c.tree)
        return false;
    const r = await git_gitRun(repo, ['merge-tree', '--write-tree', '--no-messages', c.parents[0], c.parents[1]], {
        allowFailure: true,
    });
    return r.code === 0 && r.stdout.split('\n')[0]?.trim() === c.tree;
}
async function verifySignatures(opts) {
    const { keyring } = opts;
    // SSH signatures are checked in-process (no ssh-keygen per commit); the rest, and key types the
    // in-process check does not handle, go through git with the policy-only keyring.
    const inProcess = new Map();
    for (const c of opts.commits) {
        if (signatureFormat(c.signature) !== 'ssh' || c.signature === undefined)
            continue;
        const v = verifySshCommitSignature(c.signature, c.payload);
        if (v === undefined)
            continue;
        const signer = keyring.ssh.find((k) => k.fingerprint === v.fingerprint);
        // git's %G? for SSH: G good and allowed, U good but no allowed principal, B bad.
        const status = !v.valid ? 'B' : signer ? 'G' : 'U';
        inProcess.set(c.sha, { status, key: v.fingerprint, fingerprint: v.fingerprint, primary: '', signer: signer?.principal ?? '' });
    }
    const gitChecked = opts.commits.filter((c) => {
        const f = signatureFormat(c.signature);
        return (f === 'openpgp' || f === 'ssh') && !inProcess.has(c.sha);
    });
    const verdicts = await gitVerdicts(opts.repo, gitChecked.map((c) => c.sha), keyring);
    for (const [sha, v] of inProcess)
        verdicts.set(sha, v);
    // X.509 checks, GitHub API look-ups and merge recomputation are per commit: run a few at a time.
    return (0,dist/* mapLimit */.sf)(opts.commits, 8, async (c) => {
        const format = signatureFormat(c.signature);
        const base = {
            sha: c.sha,
            subject: c.subject,
            committerEmail: c.committerEmail,
            format,
            status: 'unsigned',
            message: 'the commit is not signed',
        };
        let result;
        if (format === 'none')
            result = base;
        else if (format === 'x509') {
            const x = await verifyX509Commit(c, keyring.x509, keyring.workDir);
            if (x.status === 'good') {
                const allowed = x.signer.email ? [x.signer.email] : x.identity.emails;
                result = emailCheck({ ...base, status: 'good', signer: x.signer.label, key: x.identity.subject, message: `X.509 signature by ${x.signer.label}` }, allowed, c.committerEmail);
            }
            else
                result = { ...base, status: x.status === 'identity-mismatch' ? 'untrusted' : x.status, message: x.message };
        }
        else {
            const v = verdicts.get(c.sha) ?? { status: 'E', key: '', fingerprint: '', primary: '', signer: '' };
            result = format === 'ssh' ? sshResult(base, v, keyring) : gpgResult(base, v, keyring);
            if (result.status === 'good') {
                const allowed = format === 'ssh'
                    ? (keyring.ssh.find((s) => s.principal === v.signer)?.email ?? undefined)
                    : keyring.gpg.find((g) => g.fingerprints.includes(v.fingerprint.toUpperCase()) || g.fingerprint === v.primary.toUpperCase())
                        ?.emails;
                result = emailCheck(result, typeof allowed === 'string' ? [allowed] : allowed, c.committerEmail);
            }
        }
        if (result.status !== 'good' && format !== 'none' && isWebFlowCommit(c))
            result = await webFlow(c, result, opts.github);
        if (format === 'none' && isWebFlowCommit(c) && (await isContentNeutralMerge(opts.repo, c))) {
            result = {
                ...base,
                status: 'good',
                webFlow: true,
                signer: 'GitHub test merge (content-neutral)',
                emailBound: true,
                message: "GitHub's unsigned merge of a pull request: its tree is exactly the merge of its parents (recomputed here), so it adds no content",
            };
        }
        if (result.status !== 'good')
            opts.logger.debug(`${c.sha.slice(0, 12)}: ${result.message}`);
        return result;
    });
}
function gpgResult(base, v, keyring) {
    const key = v.primary || v.fingerprint || v.key;
    const withKey = { ...base, key };
    if (v.status === 'G' || v.status === 'U') {
        const fp = v.fingerprint.toUpperCase();
        const signer = keyring.gpg.find((g) => g.fingerprints.includes(fp) || g.fingerprint === v.primary.toUpperCase());
        // Only the policy's keys are in the keyring, but the fingerprint is checked against the policy anyway.
        if (!signer)
            return { ...withKey, status: 'untrusted', message: `signed by OpenPGP key ${key}, which is not a policy signer` };
        if (signer.revoked)
            return { ...withKey, status: 'revoked-key', message: `signed by ${signer.label}, whose key ${signer.fingerprint} is revoked` };
        return { ...withKey, status: 'good', signer: signer.label, message: `OpenPGP signature by ${signer.label}` };
    }
    const s = GPG_STATUS[v.status] ?? { status: 'cannot-check', text: `git reported signature status "${v.status}"` };
    const who = keyring.gpg.find((g) => g.fingerprints.includes(v.fingerprint.toUpperCase()))?.label;
    return {
        ...withKey,
        status: s.status,
        ...(who ? { signer: who } : {}),
        message: `${s.text}${key ? ` (key ${key}${who ? `, ${who}` : ''})` : ''}`,
    };
}
function sshResult(base, v, keyring) {
    const withKey = { ...base, key: v.fingerprint || v.key };
    if (v.status === 'G') {
        const signer = keyring.ssh.find((s) => s.principal === v.signer && s.fingerprint === v.fingerprint);
        if (!signer)
            return { ...withKey, status: 'untrusted', message: `signed by SSH key ${v.fingerprint}, which is not a policy signer` };
        return { ...withKey, status: 'good', signer: signer.label, message: `SSH signature by ${signer.label}` };
    }
    // For SSH, "U" is a good signature by a key that is not in the allowed signers file.
    if (v.status === 'U' || v.status === 'E') {
        return {
            ...withKey,
            status: 'untrusted',
            message: `signed by SSH key ${v.fingerprint || v.key || '(unknown)'}, which is not a policy signer`,
        };
    }
    const s = GPG_STATUS[v.status] ?? { status: 'cannot-check', text: `git reported signature status "${v.status}"` };
    return { ...withKey, status: s.status, message: s.text };
}

;// CONCATENATED MODULE: ../packages/source/dist/codeowners.js
/**
 * CODEOWNERS (GitHub's format: gitignore-style patterns, the last matching line wins, owners are
 * @user, @org/team or e-mail addresses).
 */

const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];
/** A CODEOWNERS pattern with GitHub's documented semantics (core's glob module, no RegExp). */
function patternRegex(pattern) {
    return (0,dist/* codeownersPattern */.ex)(pattern);
}
function parseCodeowners(text) {
    const rules = [];
    text.split('\n').forEach((raw, i) => {
        const line = raw.replace(/(^|\s)#.*$/, '').trim();
        if (!line)
            return;
        const [pattern, ...owners] = line.split(/\s+/);
        if (!pattern)
            return;
        try {
            rules.push({ pattern, owners, line: i + 1, regex: patternRegex(pattern) });
        }
        catch {
            // An unparsable pattern owns nothing (GitHub skips it as well).
        }
    });
    return rules;
}
/** The owners of a path: those of the last matching rule (an empty list means "no owner"). */
function ownersOf(rules, file) {
    for (let i = rules.length - 1; i >= 0; i--) {
        const r = rules[i];
        if (r.regex.test(file))
            return { owners: r.owners, rule: r };
    }
    return { owners: [] };
}

;// CONCATENATED MODULE: ../packages/source/dist/reviews.js



function finding(rule, message, help, blocking, properties) {
    return { rule, severity: blocking ? 'high' : 'medium', blocking, message, help, ...(properties ? { properties } : {}) };
}
function branchOf(ref, baseRef) {
    if (baseRef)
        return baseRef.replace(/^refs\/heads\//, '');
    if (ref?.startsWith('refs/heads/'))
        return ref.slice('refs/heads/'.length);
    if (ref && !ref.startsWith('refs/'))
        return ref;
    return undefined;
}
/** Each reviewer's latest decisive review (COMMENTED and PENDING do not change a decision). */
function latestDecisions(reviews) {
    const out = new Map();
    for (const r of reviews) {
        if (r.state === 'COMMENTED' || r.state === 'PENDING' || !r.user)
            continue;
        out.set(r.user.toLowerCase(), { state: r.state, commitId: r.commitId });
    }
    return out;
}
async function checkReviewEvidence(opts) {
    const { client, policy, head } = opts;
    const needReview = policy.reviews.approvals > 0;
    const ev = {
        rules: [],
        checks: [],
        findings: [],
        proven: {
            pullRequest: false,
            independentApproval: false,
            codeowners: false,
            statusChecks: false,
            branchProtection: false,
            reviewEnforced: false,
        },
    };
    const add = (check, result, detail) => {
        ev.checks.push({ check, result, detail });
    };
    // ---- rules active on the branch ----
    const branch = branchOf(opts.ref, opts.baseRef);
    let rules = [];
    if (branch === undefined) {
        const msg = `could not verify branch protection: the ref ${opts.ref ?? '(none)'} is not a branch and no base branch was given`;
        add('branch protection', 'not-verified', msg);
        if (policy.branchProtection)
            ev.findings.push(finding('source/could-not-verify', msg, 'set checkout-verify input base-ref to the protected branch the change came from (CLI --base-ref)', true));
    }
    else {
        ev.branch = branch;
        const r = await client.branchRules(branch);
        if (!r.ok) {
            const msg = couldNotVerify(`the rules of branch ${branch}`, 'metadata: read (and contents: read for private repositories)', r);
            add('branch protection', 'not-verified', msg);
            if (policy.branchProtection || needReview)
                ev.findings.push(finding('source/could-not-verify', msg, 'give the step a token that can read the repository rules', true));
        }
        else {
            rules = r.value;
            const has = (t) => rules.some((x) => x.type === t);
            // The rules endpoint returns rulesets only; classic branch protection is read separately.
            let classicNote = '';
            let classicUnreadable;
            if (!(has('non_fast_forward') && has('deletion') && has('pull_request'))) {
                const c = await client.classicProtection(branch);
                if (c.ok) {
                    rules = [...rules, ...c.value.filter((x) => !has(x.type))];
                    if (c.value.length > 0)
                        classicNote = ' (including classic branch protection)';
                }
                else if (!(c.status === 404 && /not protected/i.test(c.message))) {
                    classicUnreadable = couldNotVerify(`the classic branch protection of ${branch}`, 'administration: read', c);
                }
            }
            ev.rules = [...new Set(rules.map((x) => x.type))].sort();
            ev.proven.branchProtection = has('non_fast_forward') && has('deletion');
            const missing = ['non_fast_forward', 'deletion'].filter((t) => !has(t));
            if (ev.proven.branchProtection) {
                add('branch protection', 'passed', `force pushes and deletion of ${branch} are blocked by active rules${classicNote}`);
            }
            else if (classicUnreadable !== undefined) {
                add('branch protection', 'not-verified', `no active ruleset rule ${missing.join(' or ')} on ${branch}; ${classicUnreadable}`);
                if (policy.branchProtection) {
                    ev.findings.push(finding('source/could-not-verify', classicUnreadable, 'protect the branch with a ruleset, or give the token administration: read', true, {
                        branch,
                        rules: ev.rules,
                    }));
                }
            }
            else {
                add('branch protection', policy.branchProtection ? 'failed' : 'not-required', `no active rule ${missing.join(' or ')} on ${branch}`);
                if (policy.branchProtection) {
                    ev.findings.push(finding('source/branch-protection', `branch ${branch} is not protected: no active ${missing.join(' or ')} rule`, 'add a ruleset that blocks force pushes and deletion of the branch', true, { branch, rules: ev.rules }));
                }
            }
            const pr = rules.find((x) => x.type === 'pull_request');
            const count = typeof pr?.parameters.required_approving_review_count === 'number' ? pr.parameters.required_approving_review_count : 0;
            ev.proven.reviewEnforced = pr !== undefined && count >= Math.max(1, policy.reviews.approvals);
        }
    }
    // ---- the pull request that introduced HEAD ----
    let pull;
    const found = await findPull({ ...opts, branch });
    if (!found.ok) {
        add('pull request', 'not-verified', found.message);
        if (needReview || policy.reviews.codeowners)
            ev.findings.push(finding('source/could-not-verify', found.message, 'grant the token pull-requests: read', true));
    }
    else if (typeof found.value === 'string') {
        add('pull request', needReview ? 'failed' : 'not-required', found.value);
        if (needReview || policy.reviews.codeowners)
            ev.findings.push(finding('source/no-pull-request', found.value, 'merge changes through reviewed pull requests', true));
    }
    else {
        pull = found.value;
        ev.proven.pullRequest = true;
        add('pull request', 'passed', `#${pull.number} by ${pull.author}${pull.mergedAt ? ', merged' : ''}`);
    }
    let approvers = [];
    if (pull) {
        const reviews = await client.reviews(pull.number);
        if (!reviews.ok) {
            const msg = couldNotVerify(`the reviews of pull request #${pull.number}`, 'pull-requests: read', reviews);
            add('approvals', 'not-verified', msg);
            if (needReview || policy.reviews.codeowners)
                ev.findings.push(finding('source/could-not-verify', msg, 'grant the token pull-requests: read', true));
        }
        else {
            const decisions = latestDecisions(reviews.value);
            const author = pull.author.toLowerCase();
            // Two parties: neither the pull request's author nor whoever wrote its final commit may approve it.
            const excluded = new Set([author]);
            let finalAuthor = '';
            const users = await client.commitUsers(pull.headSha);
            let usersUnknown;
            if (users.ok) {
                finalAuthor = users.value.author;
                for (const u of [users.value.author, users.value.committer])
                    if (u && u !== 'web-flow')
                        excluded.add(u);
            }
            else {
                usersUnknown = couldNotVerify(`who wrote the final commit ${pull.headSha.slice(0, 12)}`, 'contents: read', users);
            }
            const stale = [];
            const own = [];
            for (const [user, d] of decisions) {
                if (d.state !== 'APPROVED')
                    continue;
                if (excluded.has(user))
                    own.push(user);
                else if (d.commitId === pull.headSha)
                    approvers.push(user);
                else
                    stale.push(user);
            }
            // Fail closed: without knowing the final commit's author, no approval can be shown independent.
            if (usersUnknown !== undefined)
                approvers = [];
            approvers = approvers.sort();
            ev.proven.independentApproval = approvers.length >= Math.max(1, policy.reviews.approvals);
            const detail = `${approvers.length} approval(s) on the final commit ${pull.headSha.slice(0, 12)} by someone other than ${pull.author}` +
                (finalAuthor && finalAuthor !== author ? ` and ${finalAuthor}` : '') +
                (approvers.length ? ` (${approvers.join(', ')})` : '') +
                (stale.length ? `; approvals of earlier commits do not count (${stale.join(', ')})` : '') +
                (own.length ? `; the authors' own approvals do not count (${own.sort().join(', ')})` : '') +
                (usersUnknown ? `; ${usersUnknown}` : '');
            const ok = approvers.length >= policy.reviews.approvals;
            add('approvals', needReview ? (ok ? 'passed' : 'failed') : 'not-required', detail);
            if (!ok) {
                ev.findings.push(finding('source/review', `pull request #${pull.number} has ${approvers.length} of ${policy.reviews.approvals} required approval(s): ${detail}`, 'have someone other than the author approve the final commit', true, {
                    pull: pull.number,
                    approvers,
                }));
            }
        }
        ev.pull = { number: pull.number, url: pull.url, author: pull.author, headSha: pull.headSha, approvers };
        if (policy.reviews.codeowners)
            await checkCodeowners(opts, pull, approvers, ev, add);
    }
    else if (policy.reviews.codeowners)
        add('CODEOWNERS', 'not-verified', 'no pull request to check');
    // ---- required status checks ----
    const contexts = [
        ...new Set(rules
            .filter((x) => x.type === 'required_status_checks')
            .flatMap((x) => Array.isArray(x.parameters.required_status_checks) ? x.parameters.required_status_checks : [])
            .map((c) => {
            const context = typeof c === 'object' && c !== null ? c.context : undefined;
            return typeof context === 'string' ? context : '';
        })
            .filter(Boolean)),
    ];
    if (contexts.length === 0)
        add('required status checks', 'not-required', 'the branch rules require no status checks');
    else {
        const sha = pull?.headSha || head;
        const runs = await client.checkRuns(sha);
        const statuses = await client.statuses(sha);
        if (!runs.ok && !statuses.ok) {
            const msg = couldNotVerify(`the required status checks of ${sha.slice(0, 12)}`, 'checks: read and statuses: read', runs);
            add('required status checks', 'not-verified', msg);
            ev.findings.push(finding('source/could-not-verify', msg, 'grant the token checks: read and statuses: read', true));
        }
        else {
            const passed = new Set();
            for (const c of runs.ok ? runs.value : [])
                if (c.status === 'completed' && c.conclusion === 'success')
                    passed.add(c.name);
            for (const s of statuses.ok ? statuses.value : [])
                if (s.state === 'success')
                    passed.add(s.context);
            const failed = contexts.filter((c) => !passed.has(c));
            ev.proven.statusChecks = failed.length === 0;
            add('required status checks', failed.length === 0 ? 'passed' : 'failed', failed.length === 0
                ? `${contexts.join(', ')} passed on ${sha.slice(0, 12)}`
                : `${failed.join(', ')} did not pass on ${sha.slice(0, 12)}`);
            if (failed.length > 0) {
                ev.findings.push(finding('source/status-checks', `required status checks did not pass on ${sha.slice(0, 12)}: ${failed.join(', ')}`, 'merge only after the required checks pass', true, { failed }));
            }
        }
    }
    return ev;
}
/** The pull request behind HEAD, or a sentence saying why there is none. */
async function findPull(opts) {
    const { client, head } = opts;
    if (opts.pullNumber !== undefined) {
        const r = await client.pull(opts.pullNumber);
        if (!r.ok)
            return { ok: false, message: couldNotVerify(`pull request #${opts.pullNumber}`, 'pull-requests: read', r) };
        if (r.value.headSha === head || (opts.headAliases ?? []).includes(r.value.headSha))
            return { ok: true, value: r.value };
        return {
            ok: true,
            value: `pull request #${opts.pullNumber} is at ${r.value.headSha.slice(0, 12) || '(unknown)'}, not at the checked-out commit ${head.slice(0, 12)}`,
        };
    }
    const pulls = await client.pullsForCommit(head);
    if (!pulls.ok)
        return { ok: false, message: couldNotVerify('the pull request that introduced the commit', 'pull-requests: read', pulls) };
    const pull = pulls.value.find((p) => p.mergeCommitSha === head && p.mergedAt !== null) ?? pulls.value.find((p) => p.headSha === head);
    if (pull === undefined)
        return { ok: true, value: `commit ${head.slice(0, 12)} was not introduced by a pull request (pushed directly)` };
    // A tag can point anywhere: the review counts only when it merged into the branch whose rules were checked.
    if (opts.branch !== undefined && pull.baseRef !== '' && pull.baseRef !== opts.branch) {
        return {
            ok: true,
            value: `commit ${head.slice(0, 12)} came from pull request #${pull.number} into ${pull.baseRef}, not into the protected branch ${opts.branch}`,
        };
    }
    return { ok: true, value: pull };
}
async function checkCodeowners(opts, pull, approvers, ev, add) {
    let text;
    for (const p of CODEOWNERS_PATHS) {
        const r = await git_gitRun(opts.repo, ['show', `${opts.head}:${p}`], { allowFailure: true });
        if (r.code === 0) {
            text = r.stdout;
            break;
        }
    }
    if (text === undefined) {
        add('CODEOWNERS', 'failed', 'the policy requires code-owner approval but the repository has no CODEOWNERS file');
        ev.findings.push(finding('source/codeowners', 'the policy requires code-owner approval but the repository has no CODEOWNERS file', 'add .github/CODEOWNERS', true));
        return;
    }
    const rules = parseCodeowners(text);
    const files = await opts.client.pullFiles(pull.number);
    if (!files.ok) {
        const msg = couldNotVerify(`code-owner approval of pull request #${pull.number}`, 'pull-requests: read', files);
        add('CODEOWNERS', 'not-verified', msg);
        ev.findings.push(finding('source/could-not-verify', msg, 'grant the token pull-requests: read', true));
        return;
    }
    const approved = new Set(approvers);
    const teamCache = new Map();
    const unapproved = [];
    const unverifiable = [];
    for (const file of files.value) {
        const { owners } = ownersOf(rules, file);
        if (owners.length === 0)
            continue;
        let ok = false;
        for (const owner of owners) {
            if (!owner.startsWith('@'))
                continue; // e-mail owners cannot be matched to GitHub logins here
            const name = owner.slice(1).toLowerCase();
            if (!name.includes('/')) {
                if (approved.has(name))
                    ok = true;
            }
            else {
                const [org, team] = name.split('/');
                if (!teamCache.has(name)) {
                    const m = await opts.client.teamMembers(org, team);
                    teamCache.set(name, m.ok ? m.value : couldNotVerify(`membership of ${owner}`, 'members: read on the organisation', m));
                }
                const members = teamCache.get(name);
                if (typeof members === 'string')
                    unverifiable.push(members);
                else if (members?.some((u) => approved.has(u)))
                    ok = true;
            }
            if (ok)
                break;
        }
        if (!ok)
            unapproved.push(`${file} (owners ${owners.join(' ')})`);
    }
    if (unapproved.length === 0) {
        ev.proven.codeowners = true;
        add('CODEOWNERS', 'passed', `every changed file owned in CODEOWNERS was approved by an owner (${files.value.length} files)`);
        return;
    }
    const detail = `${unapproved.length} changed file(s) lack an owner's approval: ${unapproved.slice(0, 5).join(', ')}${unapproved.length > 5 ? ', …' : ''}`;
    if (unverifiable.length > 0) {
        const msg = [...new Set(unverifiable)][0] ?? '';
        add('CODEOWNERS', 'not-verified', `${detail}; ${msg}`);
        ev.findings.push(finding('source/could-not-verify', msg, 'give the token read access to the organisation members', true));
    }
    else
        add('CODEOWNERS', 'failed', detail);
    ev.findings.push(finding('source/codeowners', detail, 'have a code owner approve the final commit', true, { files: unapproved.slice(0, 50) }));
}

;// CONCATENATED MODULE: ../packages/source/dist/source-level.js
const MAX_SOURCE_LEVEL = 3;
function sourceLevel(e) {
    if (!e.identity)
        return 0;
    if (!(e.signedHistory || e.branchProtection))
        return 1;
    if (!(e.branchProtection && e.reviewEnforced && e.independentApproval && e.codeowners))
        return 2;
    return 3;
}
function levelName(level) {
    return `SLSA_SOURCE_LEVEL_${level}`;
}

;// CONCATENATED MODULE: ../packages/source/dist/source-vsa.js
/** The source VSA: a verification_summary/v1 statement whose subject is the commit. */



const SOURCE_VSA_NAME = 'source.vsa';
const SOURCE_VERIFIER_ID = `${dist/* TOOL_URI */.qH}/checkout-verify`;
/** `https://github.com/OWNER/REPO` from a remote URL (https, ssh or scp form), if it is on GitHub. */
function githubRepoFromRemote(url) {
    const m = /^(?:https?:\/\/(?:[^@/]+@)?github\.com\/|ssh:\/\/git@github\.com\/|git@github\.com:)([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(url.trim());
    return m ? { owner: m[1], repo: m[2] } : undefined;
}
/** The repository's URI (subject name) and the VSA resourceUri `git+<repo>@<ref>`. */
async function resourceFor(opts) {
    let repoUri;
    if (opts.github) {
        repoUri = `${(opts.github.serverUrl ?? 'https://github.com').replace(/\/+$/, '')}/${opts.github.owner}/${opts.github.repo}`;
    }
    else {
        const remote = await git_gitRun(opts.repo, ['remote', 'get-url', 'origin'], { allowFailure: true });
        const gh = remote.code === 0 ? githubRepoFromRemote(remote.stdout) : undefined;
        const path = (await git_gitRun(opts.repo, ['rev-parse', '--show-toplevel'])).stdout.trim();
        // Credentials embedded in a remote URL must never reach evidence.
        const clean = remote.code === 0 ? remote.stdout.trim().replace(/\/\/[^@/]+@/, '//') : '';
        repoUri = gh ? `https://github.com/${gh.owner}/${gh.repo}` : /^https?:\/\//.test(clean) ? clean : `file://${path}`;
    }
    let ref = opts.ref;
    if (!ref) {
        const sym = await git_gitRun(opts.repo, ['symbolic-ref', '--quiet', 'HEAD'], { allowFailure: true });
        ref = sym.code === 0 ? sym.stdout.trim() : opts.head;
    }
    return { repoUri, resourceUri: `git+${repoUri}@${ref}`, ref };
}
function sourceVsa(opts) {
    return (0,dist/* makeStatement */.UT)([{ name: opts.repoUri, digest: { gitCommit: opts.head } }], dist/* PREDICATE */.W3.vsa, {
        verifier: { id: SOURCE_VERIFIER_ID, version: { 'secure-factory': dist/* TOOL_VERSION */.wr } },
        timeVerified: opts.now.toISOString(),
        resourceUri: opts.resourceUri,
        policy: { uri: opts.policy.source.file, digest: { sha256: opts.policy.source.sha256 } },
        verificationResult: opts.passed ? 'PASSED' : 'FAILED',
        // VSA v1: the highest level of each track verified, or "FAILED" when the policy check failed.
        verifiedLevels: opts.passed ? [levelName(opts.level)] : ['FAILED'],
        slsaVersion: '1.2',
    });
}

// EXTERNAL MODULE: ../node_modules/yaml/dist/index.js
var yaml_dist = __webpack_require__(6637);
;// CONCATENATED MODULE: ../packages/source/dist/audit/expressions.js
/**
 * GitHub Actions expressions (`${{ … }}`): extraction from raw YAML source and a small parser that
 * keeps the offset of every node, so findings can point at the exact context, as zizmor does.
 * Grammar: https://docs.github.com/en/actions/reference/workflows-and-actions/expressions
 */
/** Finds `${{ … }}` in text, skipping `}}` inside single-quoted string literals. */
function extractExpressions(text) {
    const out = [];
    let i = 0;
    while (i < text.length) {
        const open = text.indexOf('${{', i);
        if (open < 0)
            break;
        let j = open + 3;
        let inString = false;
        let close = -1;
        while (j < text.length) {
            const c = text[j];
            if (inString) {
                if (c === "'") {
                    if (text[j + 1] === "'")
                        j++;
                    else
                        inString = false;
                }
            }
            else if (c === "'") {
                inString = true;
            }
            else if (c === '}' && text[j + 1] === '}') {
                close = j;
                break;
            }
            j++;
        }
        if (close < 0)
            break;
        const raw = text.slice(open + 3, close);
        const lead = raw.length - raw.trimStart().length;
        out.push({ start: open, end: close + 2, body: raw.trim(), bodyStart: open + 3 + lead });
        i = close + 2;
    }
    return out;
}
class ExpressionSyntaxError extends Error {
    offset;
    constructor(message, offset) {
        super(message);
        this.offset = offset;
    }
}
function tokenize(src) {
    const tokens = [];
    let i = 0;
    while (i < src.length) {
        const c = src.charAt(i);
        if (/\s/.test(c)) {
            i++;
            continue;
        }
        const start = i;
        if (c === "'") {
            let value = '';
            i++;
            for (;;) {
                if (i >= src.length)
                    throw new ExpressionSyntaxError('unterminated string literal', start);
                if (src[i] === "'") {
                    if (src[i + 1] === "'") {
                        value += "'";
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                value += src[i];
                i++;
            }
            tokens.push({ type: 'string', text: src.slice(start, i), value, start, end: i });
            continue;
        }
        // Expressions have no arithmetic, so a sign or a dot before a digit starts a number literal.
        const startsNumber = /\d/.test(c) || ('+-.'.includes(c) && /\d/.test(src.charAt(i + 1)));
        const num = startsNumber ? /^(0x[0-9a-fA-F]+|[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)/.exec(src.slice(i)) : null;
        if (num) {
            i += num[0].length;
            tokens.push({ type: 'number', text: num[0], value: Number(num[0]), start, end: i });
            continue;
        }
        const ident = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(src.slice(i));
        if (ident) {
            i += ident[0].length;
            tokens.push({ type: 'ident', text: ident[0], start, end: i });
            continue;
        }
        const two = src.slice(i, i + 2);
        if (['==', '!=', '<=', '>=', '&&', '||'].includes(two)) {
            i += 2;
            tokens.push({ type: 'punct', text: two, start, end: i });
            continue;
        }
        if ('()[],.!<>*'.includes(c)) {
            i++;
            tokens.push({ type: 'punct', text: c, start, end: i });
            continue;
        }
        throw new ExpressionSyntaxError(`unexpected character ${JSON.stringify(c)}`, i);
    }
    tokens.push({ type: 'eof', text: '', start: src.length, end: src.length });
    return tokens;
}
const BINARY_PRECEDENCE = { '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 4, '<=': 4, '>': 4, '>=': 4 };
/** Parses an expression body (without the fence). Offsets in spans are relative to `src`, plus `base`. */
function parseExpression(src, base = 0) {
    const tokens = tokenize(src);
    let pos = 0;
    const peek = () => tokens[pos] ?? { type: 'eof', text: '', start: src.length, end: src.length };
    const next = () => {
        const t = peek();
        pos++;
        return t;
    };
    const expect = (text) => {
        const t = next();
        if (t.text !== text || t.type === 'string')
            throw new ExpressionSyntaxError(`expected ${text}`, t.start);
        return t;
    };
    const span = (start, end) => ({ start: start + base, end: end + base });
    function parseBinary(minPrec) {
        let left = parseUnary();
        for (;;) {
            const t = peek();
            const prec = t.type === 'punct' ? BINARY_PRECEDENCE[t.text] : undefined;
            if (prec === undefined || prec < minPrec)
                return left;
            next();
            const right = parseBinary(prec + 1);
            left = { kind: 'binary', op: t.text, left, right, span: { start: left.span.start, end: right.span.end } };
        }
    }
    function parseUnary() {
        const t = peek();
        if (t.type === 'punct' && t.text === '!') {
            next();
            const operand = parseUnary();
            return { kind: 'unary', op: '!', operand, span: { start: t.start + base, end: operand.span.end } };
        }
        return parsePostfix(parsePrimary());
    }
    function parsePrimary() {
        const t = next();
        if (t.type === 'string')
            return { kind: 'literal', value: t.value, span: span(t.start, t.end) };
        if (t.type === 'number')
            return { kind: 'literal', value: t.value, span: span(t.start, t.end) };
        if (t.type === 'punct' && t.text === '(') {
            const inner = parseBinary(1);
            const close = expect(')');
            // Keep the parentheses in the span (zizmor points at `(a || b).c` as a whole).
            return { ...inner, span: span(t.start, close.end) };
        }
        if (t.type === 'ident') {
            const lower = t.text.toLowerCase();
            if (lower === 'true' || lower === 'false')
                return { kind: 'literal', value: lower === 'true', span: span(t.start, t.end) };
            if (lower === 'null')
                return { kind: 'literal', value: null, span: span(t.start, t.end) };
            if (peek().text === '(' && peek().type === 'punct') {
                next();
                const args = [];
                if (!(peek().type === 'punct' && peek().text === ')')) {
                    for (;;) {
                        args.push(parseBinary(1));
                        if (peek().type === 'punct' && peek().text === ',') {
                            next();
                            continue;
                        }
                        break;
                    }
                }
                const close = expect(')');
                return { kind: 'call', name: t.text, args, span: span(t.start, close.end) };
            }
            return { kind: 'context', parts: [{ kind: 'name', name: t.text, span: span(t.start, t.end) }], span: span(t.start, t.end) };
        }
        throw new ExpressionSyntaxError(t.type === 'eof' ? 'unexpected end of expression' : `unexpected ${JSON.stringify(t.text)}`, t.start);
    }
    function parsePostfix(expr) {
        let cur = expr;
        for (;;) {
            const t = peek();
            if (t.type !== 'punct' || (t.text !== '.' && t.text !== '['))
                return cur;
            next();
            let part;
            let end;
            if (t.text === '.') {
                const n = next();
                if (n.type === 'punct' && n.text === '*')
                    part = { kind: 'star', span: span(n.start, n.end) };
                else if (n.type === 'ident')
                    part = { kind: 'name', name: n.text, span: span(n.start, n.end) };
                else
                    throw new ExpressionSyntaxError('expected a property name', n.start);
                end = n.end;
            }
            else {
                const inner = peek();
                if (inner.type === 'punct' && inner.text === '*') {
                    next();
                    const close = expect(']');
                    part = { kind: 'star', span: span(t.start, close.end) };
                    end = close.end;
                }
                else {
                    const idx = parseBinary(1);
                    const close = expect(']');
                    part =
                        idx.kind === 'literal' && typeof idx.value === 'string'
                            ? { kind: 'name', name: idx.value, span: span(t.start, close.end) }
                            : { kind: 'index', expr: idx, span: span(t.start, close.end) };
                    end = close.end;
                }
            }
            if (cur.kind === 'context' && cur.head === undefined) {
                cur = { kind: 'context', parts: [...cur.parts, part], span: { start: cur.span.start, end: end + base } };
            }
            else if (cur.kind === 'context') {
                cur = { ...cur, parts: [...cur.parts, part], span: { start: cur.span.start, end: end + base } };
            }
            else {
                cur = { kind: 'context', head: cur, parts: [part], span: { start: cur.span.start, end: end + base } };
            }
        }
    }
    const result = parseBinary(1);
    if (peek().type !== 'eof')
        throw new ExpressionSyntaxError(`unexpected ${JSON.stringify(peek().text)}`, peek().start);
    return result;
}
/** Parses, or returns undefined for text that is not a valid expression. */
function tryParseExpression(src, base = 0) {
    try {
        return parseExpression(src, base);
    }
    catch {
        return undefined;
    }
}
/**
 * The contexts whose value can flow into the result of an expression (zizmor's `dataflow_contexts`):
 * `a && b` yields b, `a || b` either side, `format`/`join`/`toJSON` their arguments, a context itself.
 */
function dataflowContexts(expr) {
    switch (expr.kind) {
        case 'context':
            return [expr];
        case 'call': {
            const name = expr.name.toLowerCase();
            if (name === 'tojson' || name === 'format' || name === 'join')
                return expr.args.flatMap(dataflowContexts);
            return [];
        }
        case 'binary':
            if (expr.op === '&&')
                return dataflowContexts(expr.right);
            if (expr.op === '||')
                return [...dataflowContexts(expr.left), ...dataflowContexts(expr.right)];
            return [];
        default:
            return [];
    }
}
/** The literal string values an expression can evaluate to through `&&`/`||` (for image refs). */
function dataflowLiterals(expr) {
    switch (expr.kind) {
        case 'literal':
            return [expr];
        case 'binary':
            if (expr.op === '&&')
                return dataflowLiterals(expr.right);
            if (expr.op === '||')
                return [...dataflowLiterals(expr.left), ...dataflowLiterals(expr.right)];
            return [];
        default:
            return [];
    }
}
/** Every node of an expression, depth first. */
function walkExpression(expr, fn) {
    fn(expr);
    switch (expr.kind) {
        case 'context':
            if (expr.head)
                walkExpression(expr.head, fn);
            for (const p of expr.parts)
                if (p.kind === 'index')
                    walkExpression(p.expr, fn);
            break;
        case 'call':
            for (const a of expr.args)
                walkExpression(a, fn);
            break;
        case 'unary':
            walkExpression(expr.operand, fn);
            break;
        case 'binary':
            walkExpression(expr.left, fn);
            walkExpression(expr.right, fn);
            break;
        default:
            break;
    }
}
/**
 * A context as a lower-case dotted pattern (`github.event.issue.title`, `steps.*.outcome`), or
 * undefined when it is computed (a call or a parenthesised head, a computed index).
 */
function contextPattern(ctx) {
    if (ctx.head)
        return undefined;
    const names = [];
    for (const p of ctx.parts) {
        if (p.kind === 'name')
            names.push(p.name.toLowerCase());
        else if (p.kind === 'star')
            names.push('*');
        else if (p.expr.kind === 'literal' && typeof p.expr.value === 'number')
            names.push('*');
        else
            return undefined;
    }
    return names.join('.');
}
/** Whether `pattern` matches `template`, where `*` in the template matches one segment. */
function matchesPattern(pattern, template) {
    const a = pattern.split('.');
    const b = template.split('.');
    if (a.length !== b.length)
        return false;
    return a.every((seg, i) => b[i] === '*' || seg === '*' || seg === b[i]);
}
/** Whether the pattern is `prefix` or below it (`github.event` is a child of `github`). */
function childOf(pattern, prefix) {
    return pattern === prefix || pattern.startsWith(`${prefix}.`);
}
function truthy(v) {
    return !(v === false || v === null || v === 0 || v === '' || (typeof v === 'number' && Number.isNaN(v)));
}
function toNumber(v) {
    if (v === null)
        return 0;
    if (typeof v === 'boolean')
        return v ? 1 : 0;
    if (typeof v === 'number')
        return v;
    const t = v.trim();
    return t === '' ? 0 : Number(t);
}
/** GitHub's loose comparison: strings case-insensitively, anything else as numbers. */
function compare(a, b) {
    if (typeof a === 'string' && typeof b === 'string') {
        const x = a.toLowerCase();
        const y = b.toLowerCase();
        return x < y ? -1 : x > y ? 1 : 0;
    }
    const x = toNumber(a);
    const y = toNumber(b);
    return Number.isNaN(x) || Number.isNaN(y) ? Number.NaN : x - y;
}
/**
 * Constant evaluation (zizmor's `consteval`) of literals, `!`, `&&`/`||` (GitHub's short-circuit
 * values) and comparisons; anything reading a context or calling a function is not constant.
 */
function constEval(e) {
    switch (e.kind) {
        case 'literal':
            return { value: e.value };
        case 'unary': {
            const v = constEval(e.operand);
            return v ? { value: !truthy(v.value) } : undefined;
        }
        case 'binary': {
            const l = constEval(e.left);
            const r = constEval(e.right);
            if (!l || !r)
                return undefined;
            switch (e.op) {
                case '&&':
                    return truthy(l.value) ? r : l;
                case '||':
                    return truthy(l.value) ? l : r;
                case '==':
                    return { value: compare(l.value, r.value) === 0 };
                case '!=':
                    return { value: compare(l.value, r.value) !== 0 };
                case '<':
                    return { value: compare(l.value, r.value) < 0 };
                case '<=':
                    return { value: compare(l.value, r.value) <= 0 };
                case '>':
                    return { value: compare(l.value, r.value) > 0 };
                case '>=':
                    return { value: compare(l.value, r.value) >= 0 };
                default:
                    return undefined;
            }
        }
        default:
            return undefined;
    }
}
/** Whether an `if:` value can never be true (zizmor skips such jobs and steps: they never run). */
function ifIsStaticallyFalse(value) {
    // Only exactly one fence (no text or spaces around it) or a bare expression: anything else is a
    // non-empty string, which is always true (unsound-condition's business).
    const fenced = /^\$\{\{([\s\S]*)\}\}$/.exec(value);
    const body = fenced ? fenced[1] : value;
    if (!fenced && value.includes('${{'))
        return false;
    const expr = tryParseExpression(body.trim());
    const v = expr ? constEval(expr) : undefined;
    return v !== undefined && v.value === false;
}

;// CONCATENATED MODULE: ../packages/source/dist/audit/shell.js
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'while', 'until', 'do', 'done', '!', '{', '}', 'time', 'case', 'esac', 'in']);
const OPERATORS = new Set(['\n', ';', '|', '&', '(', ')']);
/** Reads one word starting at `i` (quotes, `$(…)`, `${…}` and backticks kept whole); nested scripts go to `nested`. */
function readWord(s, i, nested) {
    while (i < s.length) {
        const c = s.charAt(i);
        if (/\s/.test(c) || c === ';' || c === '|' || c === '&' || c === '(' || c === ')' || c === '<' || c === '>')
            return i;
        if (c === '\\') {
            i += 2;
            continue;
        }
        if (c === "'") {
            const e = s.indexOf("'", i + 1);
            i = e < 0 ? s.length : e + 1;
            continue;
        }
        if (c === '"') {
            let j = i + 1;
            while (j < s.length && s[j] !== '"') {
                if (s[j] === '\\')
                    j++;
                else if (s[j] === '$' && s[j + 1] === '(') {
                    const e = matchParen(s, j + 1);
                    nested.push({ text: s.slice(j + 2, e), offset: j + 2 });
                    j = e;
                }
                else if (s[j] === '`') {
                    const e = s.indexOf('`', j + 1);
                    if (e > j)
                        nested.push({ text: s.slice(j + 1, e), offset: j + 1 });
                    j = e < 0 ? s.length : e;
                }
                j++;
            }
            i = j + 1;
            continue;
        }
        if (c === '$' && (s[i + 1] === '(' || s[i + 1] === '{')) {
            const e = s[i + 1] === '(' ? matchParen(s, i + 1) : s.indexOf('}', i + 2);
            if (s[i + 1] === '(')
                nested.push({ text: s.slice(i + 2, e), offset: i + 2 });
            i = e < 0 ? s.length : e + 1;
            continue;
        }
        if (c === '`') {
            const e = s.indexOf('`', i + 1);
            if (e > i)
                nested.push({ text: s.slice(i + 1, e), offset: i + 1 });
            i = e < 0 ? s.length : e + 1;
            continue;
        }
        i++;
    }
    return i;
}
function matchParen(s, open) {
    let depth = 0;
    for (let j = open; j < s.length; j++) {
        const c = s[j];
        if (c === '\\')
            j++;
        else if (c === "'") {
            const e = s.indexOf("'", j + 1);
            if (e < 0)
                return s.length;
            j = e;
        }
        else if (c === '(')
            depth++;
        else if (c === ')' && --depth === 0)
            return j;
    }
    return s.length;
}
function shellCommands(script, base = 0, pwsh = false) {
    // PowerShell's escape and line-continuation character is the backtick.
    if (pwsh)
        script = script.replace(/`\r?\n/g, (m) => ' '.repeat(m.length));
    const out = [];
    const nested = [];
    let words = [];
    let redirectNext = false;
    const flush = () => {
        // Keywords open compound commands; what follows them is a command of its own.
        while (words.length > 0 && KEYWORDS.has(words[0].text))
            words.shift();
        if (words[0]?.text === 'for' || words[0]?.text === 'select')
            words = [];
        let k = 0;
        while (k < words.length && /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/.test(words[k].text))
            k++;
        if (k < words.length) {
            const name = words[k];
            if (!/^[a-zA-Z_][\w-]*\s*\(\)$/.test(name.text))
                out.push({
                    name: name.text,
                    args: words.slice(k + 1).map((w) => w.text),
                    start: base + words[0].start,
                    end: base + words[words.length - 1].end,
                });
        }
        words = [];
    };
    let i = 0;
    while (i < script.length) {
        const c = script.charAt(i);
        if (c === '\\' && script[i + 1] === '\n') {
            i += 2;
            continue;
        }
        if (c === '#' && (i === 0 || /[\s;|&()]/.test(script.charAt(i - 1)))) {
            while (i < script.length && script[i] !== '\n')
                i++;
            continue;
        }
        if (OPERATORS.has(c)) {
            flush();
            redirectNext = false;
            i++;
            continue;
        }
        if (c === '<' || c === '>') {
            while (script[i] === '<' || script[i] === '>' || script[i] === '&' || script[i] === '|')
                i++;
            redirectNext = true;
            continue;
        }
        if (/\s/.test(c)) {
            i++;
            continue;
        }
        const start = i;
        i = readWord(script, i, nested);
        if (i === start)
            i++;
        const text = script.slice(start, i);
        if (redirectNext || (/^\d+$/.test(text) && (script[i] === '>' || script[i] === '<'))) {
            redirectNext = false;
            continue;
        }
        words.push({ text, start, end: i });
    }
    flush();
    for (const n of nested)
        out.push(...shellCommands(n.text, base + n.offset, pwsh));
    return out.sort((a, b) => a.start - b.start);
}
/**
 * zizmor's predicates consume one argument iterator: `args.any(p) && args.any(q)` means "q after p".
 * `Args` reproduces that: `any` advances past the first match, `all` consumes the rest.
 */
class Args {
    items;
    i = 0;
    constructor(items) {
        this.items = items;
    }
    any(p) {
        while (this.i < this.items.length)
            if (p(this.items[this.i++]))
                return true;
        return false;
    }
    all(p) {
        while (this.i < this.items.length)
            if (!p(this.items[this.i++]))
                return false;
        return true;
    }
    find(p) {
        while (this.i < this.items.length) {
            const a = this.items[this.i++];
            if (p(a))
                return a;
        }
        return undefined;
    }
    next() {
        return this.items[this.i++];
    }
    skipWhile(p) {
        while (this.i < this.items.length && p(this.items[this.i]))
            this.i++;
        return this;
    }
}
/** The shell a step's `run:` uses: `shell:` on the step, then job and workflow `defaults.run.shell`, else bash. */
function normalizeShell(shell) {
    if (!shell)
        return 'bash';
    const first = shell.trim().split(/\s+/)[0] ?? '';
    const base = first.split('/').pop() ?? first;
    return base.replace(/\.exe$/i, '');
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ../packages/source/dist/audit/yaml-source.js
/**
 * Workflow files parsed with positions: the `yaml` Document API keeps every node's source range, so a
 * finding can name the exact line and column of the key or expression it is about. Aliases are resolved
 * lazily (never expanded), which keeps "billion laughs" documents cheap.
 */


/** Larger files are refused: no real workflow comes close, and parsing cost grows with size. */
const MAX_WORKFLOW_BYTES = 5 * 1024 * 1024;
/** A `<<` merge key: the library gives it a symbol value when merges are enabled. */
function isMergeKey(k) {
    if (!(0,yaml_dist/* isScalar */.jn)(k))
        return false;
    const v = k.value;
    return v === '<<' || (typeof v === 'symbol' && v.description === '<<');
}
class yaml_source_YamlSource {
    file;
    text;
    lineCounter = new yaml_dist/* LineCounter */.HN();
    doc;
    lines;
    flat = new WeakMap();
    constructor(file, text) {
        this.file = file;
        this.text = text;
        if (Buffer.byteLength(text, 'utf8') > MAX_WORKFLOW_BYTES) {
            throw new dist/* ConfigurationError */.j1(`${file} is larger than ${MAX_WORKFLOW_BYTES / 1024 / 1024} MB; refusing to parse it`, {
                location: { file },
                hint: 'a workflow file this large is almost certainly not a real workflow; split it or exclude it with --ignore',
            });
        }
        // The library's own duplicate-key check is quadratic in the keys of a mapping; ours is linear.
        this.doc = (0,yaml_dist/* parseDocument */.Tp)(text, {
            lineCounter: this.lineCounter,
            keepSourceTokens: false,
            uniqueKeys: false,
            merge: true,
            prettyErrors: false,
        });
        this.lines = text.split('\n');
        const err = this.doc.errors[0];
        if (err) {
            const pos = this.position(err.pos[0]);
            throw new dist/* ConfigurationError */.j1(`malformed YAML: ${err.message.split('\n')[0] ?? err.code}`, {
                location: { file, line: pos.line, column: pos.column },
                hint: 'fix the YAML syntax; GitHub would refuse to run this file too',
            });
        }
        this.rejectDuplicateKeys();
    }
    rejectDuplicateKeys() {
        let duplicate;
        (0,yaml_dist/* visit */.YR)(this.doc, {
            Map: (_k, map) => {
                const seen = new Set();
                for (const item of map.items) {
                    const key = item.key;
                    if (!(0,yaml_dist/* isScalar */.jn)(key) || isMergeKey(key))
                        continue;
                    const name = this.str(key) ?? '';
                    if (seen.has(name)) {
                        duplicate = key;
                        return yaml_dist/* visit */.YR.BREAK;
                    }
                    seen.add(name);
                }
                return undefined;
            },
        });
        if (duplicate) {
            const pos = this.position(duplicate.range?.[0] ?? 0);
            throw new dist/* ConfigurationError */.j1(`malformed YAML: map keys must be unique (${JSON.stringify(this.str(duplicate))} repeats)`, {
                location: { file: this.file, line: pos.line, column: pos.column },
                hint: 'remove or merge the repeated key; GitHub would refuse to run this file too',
            });
        }
    }
    /** 1-based line and column (in code points, as SARIF's `unicodeCodePoints` and zizmor count). */
    position(offset) {
        const lp = this.lineCounter.linePos(offset);
        const lineText = this.lines[lp.line - 1] ?? '';
        const col = [...lineText.slice(0, lp.col - 1)].length + 1;
        return { line: lp.line, column: col };
    }
    root() {
        const c = this.resolve(this.doc.contents);
        return (0,yaml_dist/* isMap */.jh)(c) ? c : undefined;
    }
    resolve(node) {
        let n = node;
        for (let depth = 0; depth < 50 && (0,yaml_dist/* isAlias */.Vj)(n); depth++)
            n = n.resolve(this.doc);
        return n === null || n === undefined || (0,yaml_dist/* isAlias */.Vj)(n) ? undefined : n;
    }
    /** The pair for `key` in a mapping, following `<<` merge keys (own keys first, then merges in order). */
    pair(map, key) {
        return this.flattened(map)?.byName.get(key);
    }
    get(map, key) {
        const p = this.pair(map, key);
        return p ? this.resolve(p.value) : undefined;
    }
    /** Entries of a mapping as [key string, pair]; merge keys flattened. */
    entries(map) {
        return this.flattened(map)?.list ?? [];
    }
    /**
     * A mapping's keys with its `<<` merges flattened, once per mapping: merge sources that merge the same
     * anchor twice at every level (`<<: [*a39, *a39]` down to `*a0`) would otherwise be walked 2^40 times —
     * a 2 KB workflow that held the audit for ever. A merge that leads back to a mapping being flattened
     * (a cycle) adds nothing.
     */
    flattened(map) {
        const m = this.resolve(map);
        if (!(0,yaml_dist/* isMap */.jh)(m))
            return undefined;
        const known = this.flat.get(m);
        if (known)
            return known;
        const out = { list: [], byName: new Map() };
        this.flat.set(m, out); // a cycle back to this mapping sees what is known so far
        const add = (name, p) => {
            if (out.byName.has(name))
                return;
            out.byName.set(name, p);
            out.list.push([name, p]);
        };
        for (const item of m.items) {
            const k = this.resolve(item.key);
            if ((0,yaml_dist/* isScalar */.jn)(k) && !isMergeKey(k))
                add(String(k.value), item);
        }
        for (const item of m.items) {
            if (!isMergeKey(this.resolve(item.key)))
                continue;
            const v = this.resolve(item.value);
            for (const s of (0,yaml_dist/* isSeq */.oP)(v) ? v.items : [v])
                for (const [name, p] of this.flattened(s)?.list ?? [])
                    add(name, p);
        }
        return out;
    }
    items(seq) {
        const s = this.resolve(seq);
        if (!(0,yaml_dist/* isSeq */.oP)(s))
            return [];
        return s.items.map((i) => this.resolve(i)).filter((i) => i !== undefined);
    }
    /** A scalar's value as a string (booleans and numbers too); undefined for collections. */
    str(node) {
        const n = this.resolve(node);
        if (!(0,yaml_dist/* isScalar */.jn)(n))
            return undefined;
        if (n.value === null || n.value === undefined)
            return '';
        const v = n.value;
        if (typeof v === 'string')
            return v;
        if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint')
            return String(v);
        return undefined;
    }
    /** Raw source text of a node (what the author typed, before YAML unescaping). */
    raw(node) {
        const r = node.range;
        return r ? this.text.slice(r[0], r[1]) : '';
    }
    /** Range [start, end) of a node's value. */
    range(node) {
        const n = node ?? undefined;
        if (!n?.range)
            return undefined;
        return [n.range[0], n.range[1]];
    }
    /** Range of a whole `key: value` pair (from the key to the end of the value). */
    pairRange(pair) {
        const k = (0,yaml_dist/* isPair */.tO)(pair) ? pair.key : undefined;
        const start = k?.range?.[0];
        const v = pair.value;
        const end = v?.range?.[1] ?? k?.range?.[1];
        if (start === undefined || end === undefined)
            return undefined;
        return [start, end];
    }
    /** Lines (1-based) carrying a `# zizmor: ignore[...]` or `# secure-factory: ignore[...]` comment, with the ids. */
    ignoreComments() {
        const out = new Map();
        this.lines.forEach((line, i) => {
            const re = /#.*?\b(?:zizmor|secure-factory):\s*ignore\[([^\]]*)\]/g;
            let m;
            while ((m = re.exec(line)) !== null) {
                const ids = (m[1] ?? '').split(',').map((s) => s.trim().toLowerCase());
                const set = out.get(i + 1) ?? new Set();
                for (const id of ids)
                    if (id)
                        set.add(id);
                out.set(i + 1, set);
            }
        });
        return out;
    }
    /** The comment after a node on its line (`uses: x@sha # v1.2.3` → `v1.2.3`). */
    trailingComment(node) {
        const r = node.range;
        if (!r)
            return undefined;
        const { line } = this.position(r[1]);
        const lineText = this.lines[line - 1] ?? '';
        const endCol = this.lineCounter.linePos(r[1]).col - 1;
        const rest = lineText.slice(endCol);
        const m = /^\s*#\s*(.*)$/.exec(rest);
        return m?.[1]?.trim();
    }
}

;// CONCATENATED MODULE: ../packages/source/dist/audit/zizmor-config.js
/**
 * zizmor's configuration file (`zizmor.yml`, https://docs.zizmor.sh/configuration/), so a repository
 * that already tunes zizmor gets the same answers here: `rules.<id>.disable`, `.ignore`
 * (`file.yml[:line[:column]]`), `.remap.severity`, and the per-audit `config` of unpinned-uses
 * (policies), forbidden-uses (allow/deny) and dependabot-cooldown (days). A malformed file is a
 * ConfigurationError naming its line and column: a config error never turns into a silent pass.
 */





const SEGMENT = /^[A-Za-z0-9._-]+$/;
function parseUsesPattern(text) {
    if (text === '*')
        return { text, specificity: 0 };
    const at = text.indexOf('@');
    const pathPart = at >= 0 ? text.slice(0, at) : text;
    const ref = at >= 0 ? text.slice(at + 1) : undefined;
    if (ref !== undefined && ref === '')
        return undefined;
    const segs = pathPart.split('/');
    const [owner, repo, ...rest] = segs;
    if (!owner || !SEGMENT.test(owner) || repo === undefined)
        return undefined;
    if (repo === '*')
        return ref === undefined && rest.length === 0 ? { text, owner: owner.toLowerCase(), specificity: 1 } : undefined;
    if (!SEGMENT.test(repo))
        return undefined;
    if (rest.length === 1 && rest[0] === '*')
        return ref === undefined ? { text, owner: owner.toLowerCase(), repo: repo.toLowerCase(), specificity: 2 } : undefined;
    if (rest.some((s) => !SEGMENT.test(s)))
        return undefined;
    const subpath = rest.length > 0 ? rest.join('/').toLowerCase() : undefined;
    return {
        text,
        owner: owner.toLowerCase(),
        repo: repo.toLowerCase(),
        ...(subpath !== undefined ? { subpath } : {}),
        ...(ref !== undefined ? { ref } : {}),
        specificity: ref !== undefined ? 5 : subpath !== undefined ? 4 : 3,
    };
}
/** Whether `owner/repo[/subpath]@ref` matches a pattern. */
function matchesUses(p, uses) {
    switch (p.specificity) {
        case 0:
            return true;
        case 1:
            return uses.owner === p.owner;
        case 2:
            return uses.owner === p.owner && uses.repo === p.repo;
        case 3:
            return uses.owner === p.owner && uses.repo === p.repo && uses.subpath === undefined;
        case 4:
            return uses.owner === p.owner && uses.repo === p.repo && uses.subpath === p.subpath;
        default:
            return uses.owner === p.owner && uses.repo === p.repo && uses.subpath === p.subpath && uses.ref === p.ref;
    }
}
function mostSpecific(entries, uses) {
    let best;
    for (const e of entries)
        if (matchesUses(e[0], uses) && (!best || e[0].specificity >= best[0].specificity))
            best = e;
    return best;
}
/** zizmor's default: every action pinned by hash ("blanket policy"). */
function defaultAuditConfig() {
    return {
        rules: new Map(),
        unpinnedPolicies: [[{ text: '*', specificity: 0 }, 'hash-pin']],
        cooldownDays: 7,
        secretsAllowed: new Set(['github_token']),
    };
}
const SEVERITY_NAMES = { informational: 'info', info: 'info', low: 'low', medium: 'medium', high: 'high' };
function parseZizmorConfig(text, file) {
    const src = new yaml_source_YamlSource(file, text);
    const config = defaultAuditConfig();
    config.file = file;
    const fail = (message, node, hint) => {
        const pos = node?.range ? src.position(node.range[0]) : undefined;
        throw new dist/* ConfigurationError */.j1(`invalid zizmor configuration: ${message}`, {
            location: { file, ...(pos ? { line: pos.line, column: pos.column } : {}) },
            ...(hint ? { hint } : {}),
        });
    };
    const root = src.root();
    if (src.doc.contents === null)
        return config;
    if (!root)
        return fail('the file must be a mapping', src.doc.contents);
    const rules = src.get(root, 'rules');
    if (rules === undefined)
        return config;
    if (!(0,yaml_dist/* isMap */.jh)(rules))
        return fail('`rules` must be a mapping of audit ids', rules);
    for (const [id, pair] of src.entries(rules)) {
        const body = src.resolve(pair.value);
        const settings = { disable: false, ignore: [] };
        config.rules.set(id, settings);
        if (body === undefined || (src.str(body) === '' && !(0,yaml_dist/* isMap */.jh)(body)))
            continue;
        if (!(0,yaml_dist/* isMap */.jh)(body))
            return fail(`rules.${id} must be a mapping`, body);
        for (const [key, p] of src.entries(body)) {
            const v = src.resolve(p.value);
            if (key === 'disable') {
                const b = src.str(v);
                if (b !== 'true' && b !== 'false')
                    return fail(`rules.${id}.disable must be true or false`, v);
                settings.disable = b === 'true';
            }
            else if (key === 'ignore') {
                if (!(0,yaml_dist/* isSeq */.oP)(v))
                    return fail(`rules.${id}.ignore must be a list of "file.yml[:line[:column]]"`, v);
                for (const item of src.items(v)) {
                    const m = /^([^:]+?)(?::(\d+))?(?::(\d+))?$/.exec(src.str(item) ?? '');
                    if (!m?.[1])
                        return fail(`rules.${id}.ignore entries look like "ci.yml:12:3"`, item);
                    settings.ignore.push({
                        file: m[1],
                        ...(m[2] !== undefined ? { line: Number(m[2]) } : {}),
                        ...(m[3] !== undefined ? { column: Number(m[3]) } : {}),
                    });
                }
            }
            else if (key === 'remap') {
                const sev = src.str(src.get(v, 'severity'))?.toLowerCase();
                // Own keys only: `severity: constructor` must not find Object (an unprintable, never-blocking severity).
                const remapped = sev !== undefined && Object.hasOwn(SEVERITY_NAMES, sev) ? SEVERITY_NAMES[sev] : undefined;
                if (remapped === undefined)
                    return fail(`rules.${id}.remap.severity must be one of informational, low, medium, high`, v);
                settings.severity = remapped;
            }
            else if (key === 'config') {
                readAuditConfig(id, v);
            }
            else {
                return fail(`unknown setting rules.${id}.${key}`, p.key, 'allowed: disable, ignore, config, remap');
            }
        }
    }
    return config;
    function readAuditConfig(id, v) {
        if (!(0,yaml_dist/* isMap */.jh)(v)) {
            fail(`rules.${id}.config must be a mapping`, v);
            return;
        }
        if (id === 'unpinned-uses') {
            const policies = src.get(v, 'policies');
            if (!(0,yaml_dist/* isMap */.jh)(policies)) {
                fail('rules.unpinned-uses.config.policies must map repository patterns to hash-pin, ref-pin or any', policies ?? v);
                return;
            }
            for (const [text, p] of src.entries(policies)) {
                const pattern = parseUsesPattern(text);
                if (!pattern)
                    fail(`"${text}" is not a repository pattern`, p.key, 'use *, owner/*, owner/repo, owner/repo/*, owner/repo/path or owner/repo@ref');
                const policy = src.str(p.value);
                if (policy !== 'hash-pin' && policy !== 'ref-pin' && policy !== 'any')
                    fail(`"${policy ?? ''}" is not a pinning policy`, p.value, 'use hash-pin, ref-pin or any');
                config.unpinnedPolicies.push([pattern, policy]);
            }
        }
        else if (id === 'forbidden-uses') {
            const allow = src.get(v, 'allow');
            const deny = src.get(v, 'deny');
            if ((allow === undefined) === (deny === undefined)) {
                fail('rules.forbidden-uses.config needs exactly one of allow or deny', v);
                return;
            }
            const list = (allow ?? deny);
            if (!(0,yaml_dist/* isSeq */.oP)(list)) {
                fail('rules.forbidden-uses.config.allow/deny must be a list of repository patterns', list);
                return;
            }
            const patterns = src
                .items(list)
                .map((item) => parseUsesPattern(src.str(item) ?? '') ?? fail(`"${src.str(item) ?? ''}" is not a repository pattern`, item));
            config.forbidden = { mode: allow !== undefined ? 'allow' : 'deny', patterns };
        }
        else if (id === 'dependabot-cooldown') {
            const daysNode = src.get(v, 'days');
            const days = Number(src.str(daysNode));
            if (!Number.isInteger(days) || days < 1)
                fail('rules.dependabot-cooldown.config.days must be a positive whole number', daysNode ?? v);
            config.cooldownDays = days;
        }
        else if (id === 'secrets-outside-env') {
            const allow = src.get(v, 'allow');
            if (!(0,yaml_dist/* isSeq */.oP)(allow)) {
                fail('rules.secrets-outside-env.config.allow must be a list of secret names', allow ?? v);
                return;
            }
            for (const item of src.items(allow)) {
                const name = src.str(item);
                if (!name || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
                    fail(`"${name ?? ''}" is not a secret name`, item);
                config.secretsAllowed.add(name.toLowerCase());
            }
        }
        else if (id === 'archived-uses') {
            const list = src.get(v, 'repositories');
            if (!(0,yaml_dist/* isSeq */.oP)(list)) {
                fail('rules.archived-uses.config.repositories must be a list of owner/repo', list ?? v);
                return;
            }
            const settings = config.rules.get(id);
            settings.repositories = src.items(list).map((item) => {
                const r = src.str(item) ?? '';
                if (!/^[A-Za-z0-9._-]+\/[A-Za-z0-9._-]+$/.test(r))
                    fail(`"${r}" is not owner/repo`, item);
                return r.toLowerCase();
            });
        }
    }
}
/** The most a zizmor configuration may hold (a real one is a few KB). */
const MAX_ZIZMOR_CONFIG_BYTES = 1024 * 1024;
/**
 * Reads and parses a zizmor configuration through core's safe reader: the audited repository may make its
 * `zizmor.yml` a FIFO (a plain read blocks forever), a link to `/dev/zero` or to a secret outside `within`
 * (default: the folder holding the file), or UTF-16 text; each is an input error naming the file.
 */
async function loadZizmorConfig(file, within) {
    const bytes = await (0,dist/* readRegularFile */.XF)(file, {
        maxBytes: MAX_ZIZMOR_CONFIG_BYTES,
        ...(within !== undefined ? { within } : {}),
        what: 'zizmor configuration',
    });
    return parseZizmorConfig((0,dist/* decodeUtf8 */._6)(bytes, file, 'zizmor configuration'), file);
}
/**
 * zizmor's local discovery: `.github/zizmor.yml`, `zizmor.yml` (and `.yaml`) in the directory, then
 * in each parent, stopping at the first directory holding `.git`.
 */
function discoverZizmorConfig(start) {
    let dir = external_node_path_.resolve(start);
    for (;;) {
        for (const name of ['.github/zizmor.yml', '.github/zizmor.yaml', 'zizmor.yml', 'zizmor.yaml']) {
            const candidate = external_node_path_.join(dir, name);
            if ((0,external_node_fs_.existsSync)(candidate))
                return candidate;
        }
        if ((0,external_node_fs_.existsSync)(external_node_path_.join(dir, '.git')))
            return undefined;
        const parent = external_node_path_.dirname(dir);
        if (parent === dir)
            return undefined;
        dir = parent;
    }
}

;// CONCATENATED MODULE: ../packages/source/dist/audit/model.js




const PERSONA_RANK = { regular: 0, pedantic: 1, auditor: 2 };
function readStep(src, node, index, job) {
    const usesPair = src.pair(node, 'uses');
    const runPair = src.pair(node, 'run');
    const envPair = src.pair(node, 'env');
    const step = { node, index, with: src.get(node, 'with'), env: src.get(node, 'env'), envPair, job };
    const usesNode = usesPair ? src.resolve(usesPair.value) : undefined;
    if (usesPair && usesNode && (0,yaml_dist/* isScalar */.jn)(usesNode))
        step.uses = { value: src.str(usesNode) ?? '', node: usesNode, pair: usesPair };
    const runNode = runPair ? src.resolve(runPair.value) : undefined;
    if (runPair && runNode && (0,yaml_dist/* isScalar */.jn)(runNode))
        step.run = { value: src.str(runNode) ?? '', node: runNode, pair: runPair };
    return step;
}
function model_buildAuditFile(src, file, kind, publicRepository, config = defaultAuditConfig()) {
    const root = src.root();
    if (!root)
        return undefined;
    const out = { src, file, kind, root, triggers: [], onPair: undefined, jobs: [], steps: [], publicRepository, config };
    if (kind === 'workflow') {
        const onPair = src.pair(root, 'on') ?? src.pair(root, 'true');
        out.onPair = onPair;
        const on = onPair ? src.resolve(onPair.value) : undefined;
        if ((0,yaml_dist/* isScalar */.jn)(on))
            out.triggers.push({ name: src.str(on) ?? '', node: undefined });
        else if ((0,yaml_dist/* isSeq */.oP)(on))
            for (const t of src.items(on))
                out.triggers.push({ name: src.str(t) ?? '', node: undefined });
        else if ((0,yaml_dist/* isMap */.jh)(on))
            for (const [name, p] of src.entries(on))
                out.triggers.push({ name, node: src.resolve(p.value) });
        // As zizmor, jobs and steps whose `if:` is statically false are skipped: they never run.
        const never = (n) => {
            const v = src.str(src.get(n, 'if'));
            return v !== undefined && ifIsStaticallyFalse(v);
        };
        for (const [id, pair] of src.entries(src.get(root, 'jobs'))) {
            const node = src.resolve(pair.value);
            if (never(node))
                continue;
            const job = { id, pair, node, steps: [] };
            // A `parallel:` step (GitHub's background steps) runs its `uses:`/`run:` steps side by side at its
            // place in the job: each is audited as a step at that index, as zizmor does.
            job.steps = src
                .items(src.get(node, 'steps'))
                .flatMap((s, i) => {
                const parallel = src.get(s, 'parallel');
                return ((0,yaml_dist/* isSeq */.oP)(parallel) ? src.items(parallel) : [s]).map((n) => readStep(src, n, i, job));
            })
                .filter((s) => !never(s.node));
            out.jobs.push(job);
            out.steps.push(...job.steps);
        }
    }
    else if (kind === 'action') {
        const runs = src.get(root, 'runs');
        out.steps = src
            .items(src.get(runs, 'steps'))
            .map((s, i) => readStep(src, s, i, undefined))
            .filter((s) => {
            const v = src.str(src.get(s.node, 'if'));
            return !(v !== undefined && ifIsStaticallyFalse(v));
        });
    }
    return out;
}
function hasTrigger(f, ...names) {
    return f.triggers.some((t) => names.includes(t.name));
}
function isExpression(value) {
    return value !== undefined && value.includes('${{');
}
function model_parseUses(value) {
    const v = value.trim();
    if (v.startsWith('./') || v.startsWith('$/') || v === '.')
        return { kind: 'local' };
    if (v.startsWith('docker://'))
        return { kind: 'docker', image: v.slice('docker://'.length) };
    const at = v.lastIndexOf('@');
    const path = at >= 0 ? v.slice(0, at) : v;
    const ref = at >= 0 ? v.slice(at + 1) : undefined;
    const [owner, repo] = path.split('/');
    return { kind: 'repository', owner: owner?.toLowerCase(), repo: repo?.toLowerCase(), slug: path.toLowerCase(), ref };
}
/** Whether a step uses `owner/repo[/path]` (any ref). */
function model_usesAction(step, slug) {
    if (!step.uses)
        return false;
    const u = model_parseUses(step.uses.value);
    return u.kind === 'repository' && u.slug === slug.toLowerCase();
}
/** Whether `${{ }}`-free text of an env value is static. */
function envIsStatic(src, node) {
    if (!node)
        return true;
    const v = src.str(node);
    return v === undefined ? !(0,yaml_dist/* isMap */.jh)(node) && !(0,yaml_dist/* isSeq */.oP)(node) : extractExpressions(v).length === 0;
}
/** The value of env var `name` visible to a step (step, then job, then workflow), with its node. */
function lookupEnv(f, step, name) {
    const scopes = [
        step.env,
        step.job ? f.src.get(step.job.node, 'env') : undefined,
        f.kind === 'workflow' ? f.src.get(f.root, 'env') : undefined,
    ];
    for (const scope of scopes) {
        if (scope === undefined)
            continue;
        if ((0,yaml_dist/* isScalar */.jn)(scope))
            return { node: scope, found: true, opaque: true };
        const hit = f.src.entries(scope).find(([k]) => k === name) ?? f.src.entries(scope).find(([k]) => k.toLowerCase() === name.toLowerCase());
        if (hit)
            return { node: f.src.resolve(hit[1].value), found: true, opaque: false };
    }
    return { node: undefined, found: false, opaque: false };
}
/** Every value a matrix key can take: `[node, value]` pairs; `opaque` when the matrix is computed. */
function matrixValues(f, job, key) {
    const src = f.src;
    const matrix = job ? src.get(src.get(job.node, 'strategy'), 'matrix') : undefined;
    if (!matrix)
        return { values: [], opaque: false };
    if ((0,yaml_dist/* isScalar */.jn)(matrix))
        return { values: [], opaque: true };
    const values = [];
    let opaque = false;
    const collect = (n) => {
        if (!n)
            return;
        if ((0,yaml_dist/* isSeq */.oP)(n))
            for (const i of src.items(n))
                values.push({ node: i, value: src.str(i) });
        else
            values.push({ node: n, value: src.str(n) });
    };
    // An `exclude` entry naming only this key removes that value from the key's own dimension (GitHub
    // applies `exclude` before `include`, so included values stay).
    const excluded = new Set();
    for (const entry of src.items(src.get(matrix, 'exclude'))) {
        const keys = src.entries(entry).map(([k]) => k);
        const v = src.str(src.get(entry, key));
        if (keys.length === 1 && keys[0] === key && v !== undefined)
            excluded.add(v);
    }
    for (const [k, p] of src.entries(matrix)) {
        if (k === key) {
            const before = values.length;
            collect(src.resolve(p.value));
            const dimension = values.splice(before).filter((x) => x.value === undefined || !excluded.has(x.value));
            values.push(...dimension);
        }
        if (k === 'include' || k === 'exclude') {
            const inc = src.resolve(p.value);
            if (k === 'include' && (0,yaml_dist/* isScalar */.jn)(inc))
                opaque = true;
            if (k === 'include')
                for (const entry of src.items(inc)) {
                    if ((0,yaml_dist/* isScalar */.jn)(entry))
                        opaque = true;
                    const v = src.get(entry, key);
                    if (v)
                        collect(v);
                }
        }
    }
    return { values, opaque };
}
function nodeRange(node) {
    return node?.range ? [node.range[0], node.range[1]] : undefined;
}
/** The shell a step's `run:` uses (step `shell:`, then job and workflow `defaults.run.shell`, else bash), normalized. */
function stepShellName(f, step) {
    let shell = f.src.str(f.src.get(step.node, 'shell'));
    if (shell === undefined && step.job)
        shell = f.src.str(f.src.get(f.src.get(f.src.get(step.job.node, 'defaults'), 'run'), 'shell'));
    if (shell === undefined && f.kind === 'workflow')
        shell = f.src.str(f.src.get(f.src.get(f.src.get(f.root, 'defaults'), 'run'), 'shell'));
    if (shell === undefined && step.job) {
        // The runner's default: pwsh on Windows images, bash elsewhere (zizmor's runner_default_shell).
        const runsOn = f.src.get(step.job.node, 'runs-on');
        const labels = (0,yaml_dist/* isSeq */.oP)(runsOn) ? f.src.items(runsOn).map((n) => f.src.str(n) ?? '') : [f.src.str(runsOn) ?? ''];
        if (labels.some((l) => /^windows/i.test(l.trim())))
            return 'pwsh';
    }
    if (shell === undefined || shell.includes('${{'))
        return 'bash';
    return normalizeShell(shell).toLowerCase();
}
/** Simple commands of a step's `run:` (bash, sh, zsh, pwsh), with offsets into the file. */
function runCommands(f, step) {
    if (!step.run?.node.range)
        return [];
    const shell = stepShellName(f, step);
    if (!['bash', 'sh', 'zsh', 'pwsh', 'powershell'].includes(shell))
        return [];
    const node = step.run.node;
    const start = node.range[0];
    const pwsh = shell === 'pwsh' || shell === 'powershell';
    if ((0,yaml_dist/* isScalar */.jn)(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE'))
        return shellCommands(step.run.value, start + 1, pwsh);
    return shellCommands(f.src.raw(node), start, pwsh);
}
/** Where a scalar's text starts and ends in the file: for `|`/`>` block scalars, past the header line. */
function scalarValueRange(src, node) {
    if (!node.range)
        return undefined;
    let [start, end] = [node.range[0], node.range[1]];
    if ((0,yaml_dist/* isScalar */.jn)(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')) {
        const nl = src.text.indexOf('\n', start);
        if (nl >= 0 && nl < end) {
            start = nl + 1;
            while (start < end && /\s/.test(src.text.charAt(start)))
                start++;
            while (end > start && /\s/.test(src.text.charAt(end - 1)))
                end--;
        }
    }
    return [start, end];
}
/**
 * zizmor's matrix expansions: every leaf value a `matrix.*` context can take, with its dotted path
 * (`matrix.platform.target` for `platform: [{target: …}]`), from the matrix's keys and `include`
 * entries; `opaque` when the matrix (or its `include`) is itself an expression.
 */
function matrixExpansions(f, job) {
    const src = f.src;
    const matrix = job ? src.get(src.get(job.node, 'strategy'), 'matrix') : undefined;
    const expansions = [];
    if (!matrix)
        return { expansions, opaque: false };
    if ((0,yaml_dist/* isScalar */.jn)(matrix))
        return { expansions, opaque: true };
    let opaque = false;
    const flatten = (n, path) => {
        if (!n)
            return;
        if ((0,yaml_dist/* isSeq */.oP)(n))
            for (const item of src.items(n))
                flatten(item, path);
        else if ((0,yaml_dist/* isMap */.jh)(n))
            for (const [k, p] of src.entries(n))
                flatten(src.resolve(p.value), `${path}.${k.toLowerCase()}`);
        else
            expansions.push({ path, value: src.str(n), node: n });
    };
    for (const [k, p] of src.entries(matrix)) {
        const v = src.resolve(p.value);
        if (k === 'exclude')
            continue;
        if (k === 'include') {
            if ((0,yaml_dist/* isScalar */.jn)(v))
                opaque = true;
            for (const entry of src.items(v)) {
                if ((0,yaml_dist/* isScalar */.jn)(entry))
                    opaque = true;
                else
                    for (const [k2, p2] of src.entries(entry))
                        flatten(src.resolve(p2.value), `matrix.${k2.toLowerCase()}`);
            }
            continue;
        }
        flatten(v, `matrix.${k.toLowerCase()}`);
    }
    return { expansions, opaque };
}

;// CONCATENATED MODULE: ../packages/source/dist/audit/rules/cache-poisoning.js
/**
 * cache-poisoning: GitHub's Actions cache is shared across a repository's workflows, so anything a
 * pull request's workflow wrote into it can be restored into a release build. Workflows that publish
 * (release events, tag pushes, release branches, or jobs using a publishing action) must not restore
 * caches. Which inputs turn caching on, and the defaults per action version, follow zizmor.
 */


const on = (defaultOn) => () => defaultOn;
/** Cache-aware actions and the inputs that control their cache (zizmor's list, with version defaults). */
const CACHE_ACTIONS = {
    'actions/cache': [{ kind: 'opt-out', input: 'lookup-only' }],
    'swatinem/rust-cache': [{ kind: 'opt-out', input: 'lookup-only' }],
    'actions/setup-go': [{ kind: 'input', input: 'cache', defaultOn: (m) => m === undefined || m >= 4 }],
    'actions/setup-java': [{ kind: 'input', input: 'cache', defaultOn: on(false), stringEnables: true }],
    'actions/setup-python': [{ kind: 'input', input: 'cache', defaultOn: on(false), stringEnables: true }],
    'actions/setup-dotnet': [{ kind: 'input', input: 'cache', defaultOn: on(false) }],
    'actions/setup-node': [
        { kind: 'input', input: 'cache', defaultOn: on(false), exact: ['npm', 'yarn', 'pnpm'] },
        // package-manager-cache arrived (on by default) with setup-node v5.
        { kind: 'input', input: 'package-manager-cache', defaultOn: (m) => m === undefined || m >= 5 },
    ],
    // setup-uv enables its cache by default ("auto") below v10.
    'astral-sh/setup-uv': [{ kind: 'input', input: 'enable-cache', defaultOn: (m) => m === undefined || m < 10 }],
    'pyo3/maturin-action': [{ kind: 'input', input: 'sccache', defaultOn: on(false) }],
    'ruby/setup-ruby': [{ kind: 'input', input: 'bundler-cache', defaultOn: on(false) }],
    'mlugg/setup-zig': [{ kind: 'input', input: 'use-cache', defaultOn: on(true) }],
    'oven-sh/setup-bun': [{ kind: 'opt-out', input: 'no-cache' }],
    'determinatesystems/magic-nix-cache-action': [{ kind: 'input', input: 'use-gha-cache', defaultOn: on(true) }],
    'graalvm/setup-graalvm': [{ kind: 'input', input: 'cache', defaultOn: on(false), stringEnables: true }],
    'gradle/actions/setup-gradle': [{ kind: 'opt-out', input: 'cache-disabled' }],
    'docker/setup-buildx-action': [{ kind: 'all', inputs: ['cache-binary', 'version'] }],
    'actions-rust-lang/setup-rust-toolchain': [{ kind: 'input', input: 'cache', defaultOn: on(true) }],
    'jdx/mise-action': [{ kind: 'input', input: 'cache', defaultOn: on(true) }],
    'ramsey/composer-install': [{ kind: 'opt-out', input: 'ignore-cache', offValues: ['yes', 'true', '1'] }],
    'mozilla-actions/sccache-action': [{ kind: 'always' }],
    'nix-community/cache-nix-action': [{ kind: 'always' }],
    'awalsh128/cache-apt-pkgs-action': [{ kind: 'always' }],
};
/** Actions whose presence makes a job a publishing job, whatever the trigger (zizmor's list). */
const PUBLISHERS = new Set([
    'pypa/gh-action-pypi-publish',
    'rubygems/release-gem',
    'jreleaser/release-action',
    'goreleaser/goreleaser-action',
    'softprops/action-gh-release',
    'release-drafter/release-drafter',
    'googleapis/release-please-action',
    'docker/build-push-action',
    'redhat-actions/push-to-registry',
    'aws-actions/amazon-ecs-deploy-task-definition',
    'aws-actions/aws-cloudformation-github-deploy',
    'azure/aci-deploy',
    'azure/container-apps-deploy-action',
    'azure/functions-action',
    'azure/sql-action',
    'cloudflare/wrangler-action',
    'google-github-actions/deploy-appengine',
    'google-github-actions/deploy-cloudrun',
    'google-github-actions/deploy-cloud-functions',
]);
/** Whether a step is a known publisher; docker/build-push-action only when `push` is not false (zizmor's control field). */
function publishes(f, step) {
    if (!step.uses)
        return false;
    const slug = model_parseUses(step.uses.value).slug ?? '';
    if (!PUBLISHERS.has(slug))
        return false;
    if (slug === 'docker/build-push-action') {
        const v = f.src.str(f.src.get(step.with, 'push'))?.trim();
        return v === undefined || v.includes('${{') || v === 'true';
    }
    return true;
}
function major(f, step) {
    if (!step.uses)
        return undefined;
    const u = model_parseUses(step.uses.value);
    const fromRef = /^v?(\d+)(\.\d+)*$/.exec(u.ref ?? '');
    if (fromRef)
        return Number(fromRef[1]);
    const comment = f.src.trailingComment(step.uses.node);
    const fromComment = /(?:^|[=\s])v?(\d+)(\.\d+)*\b/.exec(comment ?? '');
    return fromComment ? Number(fromComment[1]) : undefined;
}
/** Release-like triggers and whether every one of them is tied to a tag. */
function releaseTriggers(f) {
    let release = false;
    let allTags = true;
    for (const t of f.triggers) {
        if (t.name === 'release')
            release = true;
        if (t.name !== 'push' || !t.node || !(0,yaml_dist/* isMap */.jh)(t.node))
            continue;
        if (f.src.get(t.node, 'tags') !== undefined)
            release = true;
        const branches = f.src.items(f.src.get(t.node, 'branches')).map((b) => f.src.str(b) ?? '');
        if (branches.some((b) => /release/i.test(b))) {
            release = true;
            allTags = false;
        }
    }
    return { release, allTags };
}
/** Does this input value enable caching? 'maybe' for expressions. */
function evaluate(value, stringEnables, tagOnly) {
    const v = value.trim();
    if (v.includes('${{')) {
        // `!startsWith(github.ref, 'refs/tags/')` is off on every run when every trigger is a tag.
        if (tagOnly && /!\s*\(?\s*(startsWith\(\s*github\.ref\s*,\s*'refs\/tags\/'\s*\)|.*github\.ref_type\s*==\s*'tag')/i.test(v))
            return false;
        return 'maybe';
    }
    const lower = v.toLowerCase();
    if (lower === 'true' || lower === 'auto')
        return true;
    if (lower === 'false' || lower === '')
        return false;
    return stringEnables ? true : false;
}
const cachePoisoning = (f, report) => {
    if (f.kind !== 'workflow')
        return;
    const triggers = releaseTriggers(f);
    for (const job of f.jobs) {
        const publishing = triggers.release || job.steps.some((s) => publishes(f, s));
        if (!publishing)
            continue;
        const tagOnly = triggers.release && triggers.allTags;
        for (const step of job.steps) {
            if (!step.uses)
                continue;
            const u = model_parseUses(step.uses.value);
            const toggles = u.kind === 'repository' ? CACHE_ACTIONS[u.slug ?? ''] : undefined;
            if (!toggles)
                continue;
            const m = major(f, step);
            let why;
            for (const t of toggles) {
                if (why)
                    break;
                if (t.kind === 'always')
                    why = 'always restores from cache';
                else if (t.kind === 'opt-out') {
                    const v = f.src.str(f.src.get(step.with, t.input));
                    const off = t.offValues ?? ['true'];
                    if (v === undefined)
                        why = `omitting \`${t.input}\` enables caching`;
                    else if (!off.includes(v.trim().toLowerCase()) && !(v.includes('${{') && evaluate(v, false, tagOnly) === false))
                        why = `\`${t.input}: ${v}\` may enable caching`;
                }
                else if (t.kind === 'all') {
                    const vals = t.inputs.map((i) => f.src.str(f.src.get(step.with, i)));
                    if (vals.every((v) => v !== undefined && evaluate(v, true, tagOnly) !== false))
                        why = `${t.inputs.join(' and ')} enable caching explicitly`;
                }
                else {
                    const node = f.src.get(step.with, t.input);
                    const v = f.src.str(node);
                    if (node === undefined || (!(0,yaml_dist/* isScalar */.jn)(node) && !(0,yaml_dist/* isSeq */.oP)(node))) {
                        if (t.defaultOn(m))
                            why = `omitting \`${t.input}\` enables caching${t.input === 'enable-cache' ? ' for this action version' : ''}`;
                    }
                    else if (v !== undefined) {
                        const enabled = t.input === 'enable-cache' && v.trim() === 'auto'
                            ? t.defaultOn(m)
                            : t.exact && !v.includes('${{')
                                ? t.exact.includes(v.trim().toLowerCase())
                                : evaluate(v, t.stringEnables === true, tagOnly);
                        if (enabled === true)
                            why = `\`${t.input}\` enables caching explicitly`;
                        else if (enabled === 'maybe')
                            why = `\`${t.input}\` may enable caching`;
                    }
                }
            }
            const range = f.src.pairRange(step.uses.pair);
            if (!why || !range)
                continue;
            report({
                audit: 'cache-poisoning',
                severity: 'high',
                confidence: 'low',
                persona: 'regular',
                message: `runtime artifacts potentially vulnerable to a cache poisoning attack: ${u.slug ?? ''} ${why} in a workflow that publishes`,
                range,
                ...(step.node.range ? { ignoreRange: [step.node.range[0], step.node.range[1]] } : {}),
            });
        }
    }
};

;// CONCATENATED MODULE: ../packages/source/dist/audit/rules/credentials.js
/**
 * Credentials and secrets: artipacked (actions/checkout leaves the token in .git/config, where a later
 * upload of the workspace publishes it), secrets-inherit, hard-coded container credentials,
 * overprovisioned secrets (`toJSON(secrets)`), unredacted secrets (`fromJSON(secrets.x)` yields values
 * the log masker does not know) and secrets used outside a deployment environment.
 */



/** Upload paths that publish the whole workspace, `.git/config` included. */
function uploadsWorkspace(f, step) {
    if (!model_usesAction(step, 'actions/upload-artifact'))
        return false;
    const paths = (f.src.str(f.src.get(step.with, 'path')) ?? '').split('\n').map((p) => p.trim());
    return paths.some((p) => ['.', './', '..', '../'].includes(p) || (/^\$\{\{[\s\S]*\}\}$/.test(p) && p.includes('github.workspace')));
}
const artipacked = (f, report) => {
    // Steps are grouped per job (or the action's steps): a checkout only leaks through its own job's uploads.
    const groups = f.kind === 'workflow' ? f.jobs.map((j) => j.steps) : [f.steps];
    for (const steps of groups) {
        const uploads = steps.filter((s) => uploadsWorkspace(f, s)).map((s) => s.index);
        for (const step of steps) {
            if (!model_usesAction(step, 'actions/checkout') || !step.node.range)
                continue;
            // `with:` computed by an expression cannot be analysed: zizmor says so to pedantic readers.
            const withPair = f.src.pair(step.node, 'with');
            if (withPair && (0,yaml_dist/* isScalar */.jn)(step.with) && (f.src.str(step.with) ?? '').includes('${{')) {
                const range = f.src.pairRange(withPair);
                if (range)
                    report({
                        audit: 'artipacked',
                        severity: 'info',
                        confidence: 'high',
                        persona: 'pedantic',
                        message: 'credential persistence through GitHub Actions artifacts: `with:` is an expression, so it may not set persist-credentials: false',
                        range,
                        ignoreRange: [step.node.range[0], range[1]],
                    });
                continue;
            }
            const value = f.src.str(f.src.get(step.with, 'persist-credentials'))?.trim().toLowerCase();
            if (value === 'false')
                continue;
            // An explicit `true` is deliberate: zizmor reports it to auditors only; an expression to pedantic.
            const persona = value === 'true' ? 'auditor' : value !== undefined && /^\$\{\{[\s\S]*\}\}$/.test(value) ? 'pedantic' : 'regular';
            const leaks = uploads.some((u) => u > step.index);
            if (uploads.length > 0 && !leaks)
                continue;
            // checkout v6+ keeps the token in $RUNNER_TEMP, not .git/config: zizmor lowers the severity one step.
            const ref = step.uses ? step.uses.value.slice(step.uses.value.lastIndexOf('@') + 1) : '';
            const major = /^[0-9a-f]{40}$/i.test(ref) ? undefined : /^v?(\d+)/.exec(ref)?.[1];
            const v6 = major !== undefined && Number(major) >= 6;
            report({
                audit: 'artipacked',
                severity: v6 ? (leaks ? 'medium' : 'low') : leaks ? 'high' : 'medium',
                confidence: leaks ? 'high' : 'low',
                persona,
                message: leaks
                    ? 'credential persistence through GitHub Actions artifacts: does not set persist-credentials: false, and a later step uploads the workspace with .git/config in it'
                    : 'credential persistence through GitHub Actions artifacts: does not set persist-credentials: false',
                range: [step.node.range[0], step.node.range[1]],
            });
        }
    }
};
const secretsInherit = (f, report) => {
    for (const job of f.jobs) {
        const secrets = f.src.get(job.node, 'secrets');
        const usesPair = f.src.pair(job.node, 'uses');
        if (!usesPair || f.src.str(secrets) !== 'inherit')
            continue;
        const range = f.src.pairRange(usesPair);
        if (!range)
            continue;
        report({
            audit: 'secrets-inherit',
            severity: 'medium',
            confidence: 'high',
            persona: 'regular',
            message: `secrets unconditionally inherited by called workflow: job \`${job.id}\` passes every secret of the caller (secrets: inherit); pass only the ones it needs`,
            range,
        });
    }
};
const hardcodedContainerCredentials = (f, report) => {
    const src = f.src;
    for (const job of f.jobs) {
        const containers = [];
        const c = src.get(job.node, 'container');
        if ((0,yaml_dist/* isMap */.jh)(c))
            containers.push({ node: c, what: 'container' });
        for (const [name, p] of src.entries(src.get(job.node, 'services'))) {
            const s = src.resolve(p.value);
            if ((0,yaml_dist/* isMap */.jh)(s))
                containers.push({ node: s, what: `service ${name}` });
        }
        for (const { node, what } of containers) {
            const credsPair = src.pair(node, 'credentials');
            const range = credsPair ? src.pairRange(credsPair) : undefined;
            if (!credsPair || !range)
                continue;
            // As zizmor: a password that is not wholly one `${{ }}` expression is written in the file (a
            // user name is not a secret).
            for (const field of ['password']) {
                const value = src.str(src.get(credsPair.value, field))?.trim();
                if (value === undefined || value === '' || /^\$\{\{[\s\S]*\}\}$/.test(value))
                    continue;
                report({
                    audit: 'hardcoded-container-credentials',
                    severity: 'high',
                    confidence: 'high',
                    persona: 'regular',
                    message: `hardcoded credential in GitHub Actions container configurations: ${what}: container registry ${field} is hard-coded; use \${{ secrets.NAME }}`,
                    range,
                });
            }
        }
    }
};
/** Every scalar holding an expression, with the parsed expressions and their fence offsets. */
function* expressionScalars(f) {
    const found = [];
    (0,yaml_dist/* visit */.YR)(f.src.doc, {
        Scalar(_key, node) {
            if (typeof node.value === 'string' && node.value.includes('${{'))
                found.push(node);
        },
    });
    for (const node of found) {
        if (!node.range)
            continue;
        for (const fx of extractExpressions(f.src.raw(node))) {
            yield { node, fenceStart: node.range[0] + fx.start, expr: tryParseExpression(fx.body, node.range[0] + fx.bodyStart) };
        }
    }
}
const overprovisionedSecrets = (f, report) => {
    for (const { fenceStart, expr } of expressionScalars(f)) {
        if (!expr)
            continue;
        let hit = false;
        walkExpression(expr, (e) => {
            if (e.kind !== 'context' || e.head)
                return;
            const first = e.parts[0];
            if (first?.kind !== 'name' || first.name.toLowerCase() !== 'secrets')
                return;
            if (e.parts.length === 1 || e.parts[1]?.kind === 'index')
                hit = true;
        });
        if (!hit)
            continue;
        report({
            audit: 'overprovisioned-secrets',
            severity: 'medium',
            confidence: 'high',
            persona: 'regular',
            message: 'excessively provisioned secrets: this expression injects the entire secrets context into the runner; reference each secret by name',
            range: [fenceStart, expr.span.end + 3],
        });
    }
};
const unredactedSecrets = (f, report) => {
    for (const { fenceStart, expr } of expressionScalars(f)) {
        if (!expr)
            continue;
        let hit = false;
        walkExpression(expr, (e) => {
            if (e.kind !== 'call' || e.name.toLowerCase() !== 'fromjson')
                return;
            if (e.args.some((a) => dataflowContexts(a).some((c) => childOf(contextPattern(c) ?? '', 'secrets'))))
                hit = true;
        });
        if (!hit)
            continue;
        report({
            audit: 'unredacted-secrets',
            severity: 'medium',
            confidence: 'high',
            persona: 'regular',
            message: 'leaked secret values: fromJSON on a secret yields values the log masker does not know, so they can appear in logs unredacted',
            range: [fenceStart, expr.span.end + 3],
        });
    }
};
const secretsOutsideEnv = (f, report) => {
    if (f.kind !== 'workflow')
        return;
    for (const job of f.jobs) {
        if (!job.node || f.src.get(job.node, 'environment') !== undefined || f.src.get(job.node, 'uses') !== undefined)
            continue;
        const jobRange = f.src.pairRange(job.pair);
        const scalars = [];
        (0,yaml_dist/* visit */.YR)(job.node, {
            Scalar(_k, n) {
                if (typeof n.value === 'string' && n.value.includes('${{'))
                    scalars.push(n);
            },
        });
        for (const node of scalars) {
            if (!(0,yaml_dist/* isScalar */.jn)(node) || !node.range)
                continue;
            for (const fx of extractExpressions(f.src.raw(node))) {
                const expr = tryParseExpression(fx.body, node.range[0] + fx.bodyStart);
                if (!expr)
                    continue;
                walkExpression(expr, (e) => {
                    if (e.kind !== 'context')
                        return;
                    const p = contextPattern(e);
                    if (!p || !childOf(p, 'secrets'))
                        return;
                    const tail = /^secrets\.([^.[]+)$/.exec(p)?.[1];
                    if (tail !== undefined && f.config.secretsAllowed.has(tail.toLowerCase()))
                        return;
                    report({
                        audit: 'secrets-outside-env',
                        severity: 'medium',
                        confidence: 'medium',
                        persona: 'auditor',
                        message: `secrets referenced without a dedicated environment: job \`${job.id}\` reads \`${f.src.text.slice(e.span.start, e.span.end)}\` without an environment: that could guard it`,
                        range: [e.span.start, e.span.end],
                        ...(jobRange ? { ignoreRange: jobRange } : {}),
                    });
                });
            }
        }
    }
};

;// CONCATENATED MODULE: ../packages/source/dist/audit/rules/scalar-expressions.js
/**
 * Every parsed `${{ }}` expression in a file's string scalars, in document order, with offsets into
 * the file: the walk that obfuscation and unsound-ternary share (one entry per fenced expression;
 * bodies that do not parse are skipped, as zizmor does).
 */


function scalarExpressions(f) {
    const scalars = [];
    (0,yaml_dist/* visit */.YR)(f.src.doc, {
        Scalar(_k, n) {
            if (typeof n.value === 'string' && n.value.includes('${{'))
                scalars.push(n);
        },
    });
    const out = [];
    for (const node of scalars) {
        if (!node.range)
            continue;
        for (const fx of extractExpressions(f.src.raw(node))) {
            const expr = tryParseExpression(fx.body, node.range[0] + fx.bodyStart);
            if (expr)
                out.push(expr);
        }
    }
    return out;
}

;// CONCATENATED MODULE: ../packages/source/dist/audit/rules/obfuscation.js
/**
 * obfuscation (zizmor): constructs that hide what a workflow does from a reviewer.
 * - `uses:` paths with `.`, `..` or empty components (regular, low);
 * - expressions that are constant: the whole `${{ }}` body ("can be replaced by its static
 *   evaluation") or, failing that, each maximal non-literal constant subexpression ("can be reduced
 *   to a constant") — literals, operators over constants, and `contains`, `startsWith`, `endsWith`,
 *   `format`, `toJSON`, `join` over constants (regular, low);
 * - computed context indices (`inputs[inputs.foo]`, pedantic, low);
 * - an action's `with:` given as one expression, which prevents analysis (regular, info).
 * As in zizmor, one finding per fenced expression; its persona is that of its last annotation.
 */



const REDUCIBLE_CALLS = new Set(['contains', 'startswith', 'endswith', 'format', 'tojson', 'join']);
function constantReducible(e) {
    switch (e.kind) {
        case 'literal':
            return true;
        case 'binary':
            return constantReducible(e.left) && constantReducible(e.right);
        case 'unary':
            return constantReducible(e.operand);
        case 'call':
            return REDUCIBLE_CALLS.has(e.name.toLowerCase()) && e.args.every(constantReducible);
        default:
            return false;
    }
}
/** Maximal constant subexpressions that are not bare literals (zizmor's `constant_reducible_subexprs`). */
function reducibleSubexprs(e) {
    if (e.kind !== 'literal' && constantReducible(e))
        return [e];
    switch (e.kind) {
        case 'call':
            return e.args.flatMap(reducibleSubexprs);
        case 'context':
            return e.parts.flatMap((p) => (p.kind === 'index' ? reducibleSubexprs(p.expr) : []));
        case 'binary':
            return [...reducibleSubexprs(e.left), ...reducibleSubexprs(e.right)];
        case 'unary':
            return reducibleSubexprs(e.operand);
        default:
            return [];
    }
}
/** Index parts that are neither literals nor `*` (zizmor's `computed_indices`). */
function computedIndices(e) {
    switch (e.kind) {
        case 'call':
            return e.args.flatMap(computedIndices);
        case 'context':
            return e.parts.flatMap((p) => (p.kind === 'index' && p.expr.kind !== 'literal' ? [p.span] : []));
        case 'binary':
            return [...computedIndices(e.left), ...computedIndices(e.right)];
        case 'unary':
            return computedIndices(e.operand);
        default:
            return [];
    }
}
const obfuscation = (f, report) => {
    for (const expr of scalarExpressions(f)) {
        const notes = [];
        if (constantReducible(expr))
            notes.push({ what: 'can be replaced by its static evaluation', span: expr.span, persona: 'regular' });
        else
            for (const s of reducibleSubexprs(expr))
                notes.push({ what: 'can be reduced to a constant', span: s.span, persona: 'regular' });
        for (const span of computedIndices(expr))
            notes.push({ what: 'index expression is computed', span, persona: 'pedantic' });
        if (notes.length === 0)
            continue;
        const first = notes[0];
        report({
            audit: 'obfuscation',
            severity: 'low',
            confidence: 'high',
            persona: notes[notes.length - 1].persona,
            message: `obfuscated usage of GitHub Actions features: \`${f.src.text.slice(first.span.start, first.span.end)}\` ${notes.map((n) => n.what).join('; ')}`,
            range: [first.span.start, first.span.end],
        });
    }
    for (const step of f.steps) {
        if (!step.uses?.node.range)
            continue;
        const u = model_parseUses(step.uses.value);
        if (u.kind !== 'repository' || !u.slug)
            continue;
        const parts = u.slug.split('/').slice(2);
        if (parts.some((p) => p === '' || p === '.' || p === '..'))
            report({
                audit: 'obfuscation',
                severity: 'low',
                confidence: 'high',
                persona: 'regular',
                message: `obfuscated usage of GitHub Actions features: \`${step.uses.value}\` has empty, \`.\` or \`..\` path components`,
                range: [step.uses.node.range[0], step.uses.node.range[1]],
            });
        const withPair = f.src.pair(step.node, 'with');
        if (withPair && (0,yaml_dist/* isScalar */.jn)(step.with) && (f.src.str(step.with) ?? '').includes('${{')) {
            const range = f.src.pairRange(withPair);
            if (range)
                report({
                    audit: 'obfuscation',
                    severity: 'info',
                    confidence: 'high',
                    persona: 'regular',
                    message: 'obfuscated usage of GitHub Actions features: use of an expression for `with:` prevents analysis',
                    range,
                    ignoreRange: [step.uses.node.range[0], range[1]],
                });
        }
    }
};

;// CONCATENATED MODULE: ../packages/source/dist/audit/rules/permissions.js

/** Severity of a workflow-level `X: write` grant; unknown scopes are medium. */
const WRITE_SEVERITY = {
    actions: 'high',
    attestations: 'high',
    checks: 'medium',
    contents: 'high',
    deployments: 'high',
    discussions: 'medium',
    'id-token': 'high',
    issues: 'high',
    models: 'medium',
    packages: 'high',
    pages: 'high',
    'pull-requests': 'high',
    'repository-projects': 'medium',
    'security-events': 'medium',
    statuses: 'low',
};
const excessivePermissions = (f, report) => {
    if (f.kind !== 'workflow')
        return;
    const src = f.src;
    const wfPair = src.pair(f.root, 'permissions');
    const wfPerms = wfPair ? src.resolve(wfPair.value) : undefined;
    const reusableOnly = f.triggers.length > 0 && f.triggers.every((t) => t.name === 'workflow_call');
    const allJobsExplicit = f.jobs.every((j) => src.pair(j.node, 'permissions') !== undefined);
    // zizmor makes workflow-level findings pedantic when no job inherits them (every job sets its own
    // permissions, or the workflow is only ever called, so callers decide) or when there is a single job
    // (the workflow's grant is then that job's own, and moving it changes nothing).
    const workflowPersona = (_grant) => allJobsExplicit || reusableOnly || f.jobs.length === 1 ? 'pedantic' : 'regular';
    const blanket = (value, range, where, persona) => {
        if (!range)
            return;
        if (value === 'write-all' || value === 'read-all') {
            report({
                audit: 'excessive-permissions',
                severity: value === 'write-all' ? 'high' : 'medium',
                confidence: 'high',
                persona,
                message: `overly broad permissions: ${where} uses ${value} permissions`,
                range,
            });
        }
    };
    if (!wfPair) {
        if (f.root.range)
            report({
                audit: 'excessive-permissions',
                severity: 'medium',
                confidence: 'medium',
                persona: workflowPersona(false),
                message: 'overly broad permissions: default permissions used due to no permissions: block',
                range: [f.root.range[0], f.root.range[1]],
            });
    }
    else if ((0,yaml_dist/* isScalar */.jn)(wfPerms)) {
        blanket(src.str(wfPerms), src.pairRange(wfPair), 'the workflow', workflowPersona(true));
    }
    else if ((0,yaml_dist/* isMap */.jh)(wfPerms)) {
        for (const [scope, p] of src.entries(wfPerms)) {
            if (src.str(p.value) !== 'write')
                continue;
            const range = src.pairRange(p);
            if (!range)
                continue;
            report({
                audit: 'excessive-permissions',
                // Own keys only: a scope named `constructor` or `__proto__` is an unknown scope, not Object.
                severity: (Object.hasOwn(WRITE_SEVERITY, scope) ? WRITE_SEVERITY[scope] : undefined) ?? 'medium',
                confidence: 'high',
                persona: workflowPersona(true),
                message: `overly broad permissions: ${scope}: write is overly broad at the workflow level (grant it to the job that needs it)`,
                range,
            });
        }
    }
    for (const job of f.jobs) {
        const jobPermsPair = src.pair(job.node, 'permissions');
        if (jobPermsPair) {
            const v = src.resolve(jobPermsPair.value);
            if ((0,yaml_dist/* isScalar */.jn)(v))
                blanket(src.str(v), src.pairRange(jobPermsPair), `job \`${job.id}\``, reusableOnly && src.get(job.node, 'uses') === undefined ? 'pedantic' : 'regular');
            continue;
        }
        if (wfPair)
            continue;
        const callsWorkflow = src.get(job.node, 'uses') !== undefined;
        const range = src.pairRange(job.pair);
        if (!range)
            continue;
        report({
            audit: 'excessive-permissions',
            severity: 'medium',
            confidence: 'medium',
            persona: reusableOnly && !callsWorkflow ? 'pedantic' : 'regular',
            message: `overly broad permissions: job \`${job.id}\` uses the default permissions because neither it nor the workflow has a permissions: block`,
            range,
        });
    }
};

;// CONCATENATED MODULE: ../packages/source/dist/audit/rules/pinning.js
/**
 * unpinned-uses and unpinned-images: a tag or branch can be moved to new code after review; only a
 * full commit SHA (actions) or an image digest (containers) names exactly what runs.
 */




const FULL_SHA = /^[0-9a-f]{40}$/i;
/** `owner/repo[/subpath]@ref` split for pattern matching (lower-case names, ref as written). */
function usesParts(value) {
    const u = model_parseUses(value);
    if (u.kind !== 'repository' || !u.slug)
        return undefined;
    const [owner, repo, ...rest] = u.slug.split('/');
    if (!owner || !repo)
        return undefined;
    return { owner, repo, ...(rest.length > 0 ? { subpath: rest.join('/') } : {}), ...(u.ref !== undefined ? { ref: u.ref } : {}) };
}
/** Every `uses:` of the file: steps and reusable-workflow jobs, with the value node. */
function allUses(f) {
    const out = [];
    for (const step of f.steps)
        if (step.uses)
            out.push({ value: step.uses.value, node: step.uses.node, parent: step.node });
    for (const job of f.jobs) {
        const uses = f.src.get(job.node, 'uses');
        const v = f.src.str(uses);
        if (uses && v !== undefined)
            out.push({ value: v, node: uses, parent: job.node });
    }
    return out;
}
const unpinnedUses = (f, report) => {
    for (const { value: rawValue, node, parent } of allUses(f)) {
        const value = rawValue.trim();
        const parts = usesParts(value);
        const range = scalarValueRange(f.src, node);
        if (!parts || !range)
            continue;
        const [pattern, policy] = mostSpecific(f.config.unpinnedPolicies, parts) ?? [{ text: '*', specificity: 0 }, 'hash-pin'];
        const blanket = pattern.text === '*' ? 'blanket policy' : `policy for ${pattern.text}`;
        let problem;
        if (policy === 'hash-pin' && !(parts.ref !== undefined && FULL_SHA.test(parts.ref)))
            problem = `\`${value}\` is not pinned to a full commit SHA (required by ${blanket})`;
        else if (policy === 'ref-pin' && parts.ref === undefined)
            problem = `\`${value}\` has no ref at all (required by ${blanket})`;
        if (!problem)
            continue;
        report({
            audit: 'unpinned-uses',
            severity: 'high',
            confidence: 'high',
            persona: 'regular',
            message: `unpinned action reference: ${problem}`,
            range,
            // zizmor's finding carries the whole step (or job): an ignore comment anywhere in it counts.
            ...(parent?.range ? { ignoreRange: [parent.range[0], parent.range[1]] } : {}),
        });
    }
};
/** forbidden-uses: only with a zizmor configuration listing allowed or denied actions. */
const forbiddenUses = (f, report) => {
    const rule = f.config.forbidden;
    if (!rule)
        return;
    for (const { value, node } of allUses(f)) {
        const parts = usesParts(value);
        if (!parts || !node.range)
            continue;
        const listed = rule.patterns.some((p) => matchesUses(p, parts));
        if (rule.mode === 'allow' ? listed : !listed)
            continue;
        report({
            audit: 'forbidden-uses',
            severity: 'high',
            confidence: 'high',
            persona: 'regular',
            message: `forbidden action or repository used: \`${value}\` is ${rule.mode === 'allow' ? 'not on the allow list' : 'on the deny list'} of ${f.config.file ?? 'the configuration'}`,
            range: [node.range[0], node.range[1]],
        });
    }
};
function imagePinning(ref) {
    const image = ref.trim().replace(/^docker:\/\//, '');
    if (image === '')
        return 'empty';
    if (/@sha256:/.test(image))
        return 'digest';
    const lastSlash = image.lastIndexOf('/');
    const colon = image.indexOf(':', lastSlash + 1);
    if (colon < 0)
        return 'unpinned';
    const tag = image.slice(colon + 1);
    return tag === '' || tag === 'latest' ? 'unpinned' : 'tag';
}
function imageFinding(pin, ref, range) {
    if (pin === 'digest' || pin === 'empty')
        return undefined;
    return {
        audit: 'unpinned-images',
        severity: 'high',
        confidence: 'high',
        persona: pin === 'unpinned' ? 'regular' : 'pedantic',
        message: pin === 'unpinned'
            ? `unpinned image reference: \`${ref}\` has no tag or uses \`latest\``
            : `unpinned image reference: \`${ref}\` is pinned to a tag, not a sha256 digest`,
        range,
    };
}
/** Checks one `image` value; `pair` is the key the finding points at for whole-value problems. */
function checkImage(f, job, node, pair, report) {
    const value = f.src.str(node);
    const pairRange = f.src.pairRange(pair);
    if (value === undefined || !pairRange || !node.range)
        return;
    const fenced = extractExpressions(f.src.raw(node));
    // As zizmor: only an image that is wholly one `${{ }}` is an expression; `repo:${{ matrix.tag }}`
    // is a literal whose tag is computed (a tag, not a digest: pedantic).
    if (fenced.length === 0 || !/^\$\{\{[\s\S]*\}\}$/.test(value.trim())) {
        const r = imageFinding(imagePinning(value), value, pairRange);
        if (r)
            report(r);
        return;
    }
    // As zizmor: every leaf the expression can evaluate to (through `&&`/`||`) is a candidate; a
    // matrix context contributes each of the matrix's values, anything else is opaque (may be unpinned).
    for (const fx of fenced) {
        const expr = tryParseExpression(fx.body, node.range[0] + fx.bodyStart);
        if (!expr) {
            report(opaqueImage(pairRange, value));
            continue;
        }
        const leaves = leafExpressions(expr);
        for (const leaf of leaves) {
            const range = leaves.length === 1 ? pairRange : [leaf.span.start, leaf.span.end];
            if (leaf.kind === 'literal') {
                if (typeof leaf.value === 'string' && leaf.value !== '') {
                    const r = imageFinding(imagePinning(leaf.value), leaf.value, range);
                    if (r)
                        report(r);
                }
                continue;
            }
            const pattern = leaf.kind === 'context' ? contextPattern(leaf) : undefined;
            if (pattern && childOf(pattern, 'matrix')) {
                const key = pattern.split('.')[1] ?? '';
                const { values } = matrixValues(f, job, key);
                for (const v of values) {
                    if (v.value === undefined || v.value.includes('${{')) {
                        report(opaqueImage(range, value));
                        continue;
                    }
                    const r = imageFinding(imagePinning(v.value), v.value, range);
                    if (r)
                        report({
                            ...r,
                            message: `${r.message} (through \`${value}\`, matrix value at line ${f.src.position(v.node.range?.[0] ?? 0).line})`,
                        });
                }
                continue;
            }
            report(opaqueImage(range, f.src.text.slice(leaf.span.start, leaf.span.end)));
        }
    }
}
function opaqueImage(range, text) {
    return {
        audit: 'unpinned-images',
        severity: 'high',
        confidence: 'low',
        persona: 'regular',
        message: `unpinned image reference: the image comes from \`${text}\`, which may be unpinned`,
        range,
    };
}
/** zizmor's `leaf_expressions`: the right of `&&`, both sides of `||`, anything else whole. */
function leafExpressions(e) {
    if (e.kind === 'binary' && e.op === '&&')
        return leafExpressions(e.right);
    if (e.kind === 'binary' && e.op === '||')
        return [...leafExpressions(e.left), ...leafExpressions(e.right)];
    return [e];
}
const unpinnedImages = (f, report) => {
    const src = f.src;
    for (const job of f.jobs) {
        const containerPair = src.pair(job.node, 'container');
        const container = containerPair ? src.resolve(containerPair.value) : undefined;
        if (containerPair && container) {
            if ((0,yaml_dist/* isScalar */.jn)(container))
                checkImage(f, job, container, containerPair, report);
            else if ((0,yaml_dist/* isMap */.jh)(container)) {
                const imagePair = src.pair(container, 'image');
                const image = imagePair ? src.resolve(imagePair.value) : undefined;
                if (imagePair && image)
                    checkImage(f, job, image, imagePair, report);
            }
        }
        for (const [, svcPair] of src.entries(src.get(job.node, 'services'))) {
            const svc = src.resolve(svcPair.value);
            if ((0,yaml_dist/* isScalar */.jn)(svc) && svc)
                checkImage(f, job, svc, svcPair, report);
            const imagePair = src.pair(svc, 'image');
            const image = imagePair ? src.resolve(imagePair.value) : undefined;
            if (imagePair && image)
                checkImage(f, job, image, imagePair, report);
        }
    }
    for (const step of f.steps) {
        const u = step.uses;
        if (!u || !u.node.range)
            continue;
        const raw = src.raw(u.node);
        const idx = raw.indexOf('docker://');
        if (idx < 0 || !u.value.trim().startsWith('docker://'))
            continue;
        const image = u.value.trim().slice('docker://'.length);
        const start = u.node.range[0] + idx + 'docker://'.length;
        const r = imageFinding(imagePinning(image), image, [start, start + image.length]);
        if (r)
            report(r);
    }
    if (f.kind === 'action') {
        const runs = src.get(f.root, 'runs');
        const imagePair = src.pair(runs, 'image');
        const image = imagePair ? src.resolve(imagePair.value) : undefined;
        const v = src.str(image);
        if (imagePair && v?.startsWith('docker://')) {
            const r = imageFinding(imagePinning(v), v, src.pairRange(imagePair) ?? [0, 0]);
            if (r)
                report(r);
        }
    }
};

;// CONCATENATED MODULE: ../packages/source/dist/audit/rules/runner.js
/**
 * What the runner is told to do: insecure workflow commands (`ACTIONS_ALLOW_UNSECURE_COMMANDS`
 * re-enables `::set-env`), writes of untrusted data to GITHUB_ENV/GITHUB_PATH (they change the
 * environment of every later step: `LD_PRELOAD`, `PATH`), and self-hosted runners (persistent
 * machines a pull request can compromise on public repositories).
 */



function insecureEnv(f, pair, report) {
    if (!pair)
        return;
    const env = f.src.resolve(pair.value);
    const range = f.src.pairRange(pair);
    if (!range || !env)
        return;
    if ((0,yaml_dist/* isScalar */.jn)(env) && extractExpressions(f.src.str(env) ?? '').length > 0) {
        report({
            audit: 'insecure-commands',
            severity: 'high',
            confidence: 'low',
            persona: 'auditor',
            message: 'execution of insecure workflow commands is enabled: non-static environment may contain ACTIONS_ALLOW_UNSECURE_COMMANDS',
            range,
        });
        return;
    }
    if (!(0,yaml_dist/* isMap */.jh)(env))
        return;
    const hit = f.src.entries(env).find(([k]) => k === 'ACTIONS_ALLOW_UNSECURE_COMMANDS');
    if (!hit)
        return;
    const v = f.src.str(hit[1].value)?.trim().toLowerCase();
    if (v !== 'true')
        return;
    report({
        audit: 'insecure-commands',
        severity: 'high',
        confidence: 'high',
        persona: 'regular',
        message: 'execution of insecure workflow commands is enabled: ACTIONS_ALLOW_UNSECURE_COMMANDS lets any output line set environment variables and PATH',
        range,
    });
}
const insecureCommands = (f, report) => {
    if (f.kind === 'workflow') {
        insecureEnv(f, f.src.pair(f.root, 'env'), report);
        for (const job of f.jobs)
            insecureEnv(f, f.src.pair(job.node, 'env'), report);
    }
    for (const step of f.steps)
        insecureEnv(f, step.envPair, report);
};
function stepShell(f, step) {
    let shell = f.src.str(f.src.get(step.node, 'shell'));
    if (shell === undefined && step.job)
        shell = f.src.str(f.src.get(f.src.get(f.src.get(step.job.node, 'defaults'), 'run'), 'shell'));
    if (shell === undefined && f.kind === 'workflow')
        shell = f.src.str(f.src.get(f.src.get(f.src.get(f.root, 'defaults'), 'run'), 'shell'));
    const s = (shell ?? 'bash').trim().toLowerCase();
    if (s.includes('${{'))
        return 'bash';
    if (/^(pwsh|powershell)\b/.test(s))
        return 'pwsh';
    if (/^cmd\b/.test(s))
        return 'cmd';
    if (/^python\b/.test(s))
        return 'python';
    if (/(^|\/)(bash|sh)\b/.test(s))
        return 'bash';
    return 'other';
}
/**
 * Writes to GITHUB_ENV/GITHUB_PATH that may carry attacker data, one per write, with the script line.
 * As zizmor: in bash, a redirect is dangerous unless the written text is constant (no `$`, no
 * backticks; a heredoc's body counts), and `| tee` always is; in pwsh and cmd every write is.
 */
function envFileWrites(script, shell) {
    const out = [];
    const lines = script.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i] ?? '';
        const target = /GITHUB_(ENV|PATH)\b/i.exec(line);
        if (!target)
            continue;
        const file = target[1]?.toUpperCase() === 'ENV' ? 'GITHUB_ENV' : 'GITHUB_PATH';
        if (shell === 'bash') {
            if (/\|\s*tee\b[^|]*\$\{?GITHUB_(ENV|PATH)\b/.test(line)) {
                out.push({ file, line: i });
                continue;
            }
            const m = /^(.*?)>>?\s*"?\$\{?GITHUB_(ENV|PATH)\}?"?/.exec(line);
            if (!m)
                continue;
            let written = m[1] ?? '';
            // A heredoc writes the following lines: look at them until the delimiter.
            const heredoc = /<<-?\s*(['"]?)(\w+)\1/.exec(line);
            if (heredoc) {
                const delim = heredoc[2] ?? '';
                const body = [];
                for (let j = i + 1; j < lines.length && (lines[j] ?? '').trim() !== delim; j++)
                    body.push(lines[j] ?? '');
                if (heredoc[1] === '')
                    written += body.join('\n');
            }
            if (/[$`]/.test(written))
                out.push({ file, line: i });
        }
        else if (shell === 'pwsh') {
            if (/(>>?|\b(out-file|add-content|set-content|tee-object)\b).*\$env:GITHUB_(ENV|PATH)/i.test(line))
                out.push({ file, line: i });
        }
        else if (shell === 'cmd') {
            if (/>>?\s*"?%GITHUB_(ENV|PATH)%/i.test(line))
                out.push({ file, line: i });
        }
    }
    return out;
}
const githubEnv = (f, report) => {
    if (f.kind === 'workflow' && !hasTrigger(f, 'pull_request_target', 'workflow_run'))
        return;
    for (const step of f.steps) {
        if (!step.run)
            continue;
        const shell = stepShell(f, step);
        const range = f.src.pairRange(step.run.pair);
        if (!range)
            continue;
        for (const w of envFileWrites(step.run.value, shell)) {
            report({
                audit: 'github-env',
                severity: 'high',
                confidence: 'low',
                persona: 'regular',
                message: `dangerous use of environment file: write to ${shell === 'pwsh' ? '$env:' : ''}${w.file} (script line ${w.line + 1}) may allow code execution in later steps`,
                range,
            });
        }
    }
};
const GITHUB_HOSTED = /^(ubuntu|windows|macos)-[\w.-]+$/i;
function runnerVerdict(labels) {
    if (labels.some((l) => l.toLowerCase() === 'self-hosted'))
        return 'self-hosted';
    if (labels.length > 0 && labels.every((l) => GITHUB_HOSTED.test(l)))
        return 'hosted';
    return 'unknown';
}
const selfHostedRunner = (f, report) => {
    const src = f.src;
    for (const job of f.jobs) {
        const pair = src.pair(job.node, 'runs-on');
        const node = pair ? src.resolve(pair.value) : undefined;
        const range = pair ? src.pairRange(pair) : undefined;
        if (!node || !range)
            continue;
        let why;
        let confidence = 'high';
        if ((0,yaml_dist/* isMap */.jh)(node)) {
            if (src.get(node, 'group') !== undefined)
                why = 'runner group implies self-hosted runner';
            else if (runnerVerdict(src.items(src.get(node, 'labels')).map((l) => src.str(l) ?? '')) === 'self-hosted')
                why = 'self-hosted runner label';
        }
        else if ((0,yaml_dist/* isSeq */.oP)(node) || !/^\s*\$\{\{[\s\S]*\}\}\s*$/.test(src.str(node) ?? '')) {
            // A label list (or one label): self-hosted runners carry the `self-hosted` label; a label that
            // is an expression may expand to one (zizmor flags that with low confidence).
            const labels = (0,yaml_dist/* isSeq */.oP)(node) ? src.items(node).map((l) => src.str(l) ?? '') : [src.str(node) ?? ''];
            if (runnerVerdict(labels) === 'self-hosted')
                why = 'self-hosted runner label';
            else if ((0,yaml_dist/* isSeq */.oP)(node) && extractExpressions(labels[0] ?? '').length > 0) {
                why = 'a label expression may expand into a self-hosted runner';
                confidence = 'low';
            }
        }
        else {
            // The whole runs-on is an expression: flag it when a matrix value it reads is self-hosted.
            for (const fx of extractExpressions(src.str(node) ?? '')) {
                const expr = tryParseExpression(fx.body);
                for (const ctx of expr ? dataflowContexts(expr) : []) {
                    const p = contextPattern(ctx);
                    if (!p?.startsWith('matrix.') || p.split('.').length !== 2)
                        continue;
                    const { values } = matrixValues(f, job, p.split('.')[1] ?? '');
                    if (values.some((x) => x.value?.toLowerCase().includes('self-hosted')))
                        why = 'matrix expansion includes a self-hosted runner';
                }
            }
        }
        if (!why)
            continue;
        report({
            audit: 'self-hosted-runner',
            severity: 'medium',
            confidence,
            persona: f.publicRepository ? 'regular' : 'auditor',
            message: `runs on a self-hosted runner: ${why}; on a public repository any pull request can run code on it`,
            range,
        });
    }
};

;// CONCATENATED MODULE: ../packages/source/dist/audit/rules/template-injection.js


/** Actions whose input is evaluated as code: `owner/repo` → input names. */
const CODE_INPUTS = {
    'actions/github-script': ['script'],
    'azure/cli': ['inlinescript'],
    'azure/powershell': ['inlinescript'],
    'jannekem/run-python-script-action': ['script'],
    'amadevus/pwsh-script': ['script'],
    'addnab/docker-run-action': ['run'],
    // yq's action runs `cmd` as a shell command line.
    'mikefarah/yq': ['cmd'],
};
/**
 * `github.*` values GitHub itself fixes (ids, the repository, run numbers, URLs of this server). Like
 * zizmor, every other `github.*` value is treated as attacker-influenced: branch and tag names
 * (`github.ref_name`, `github.head_ref`) may contain `$(...)`, and actor names, workflow names and
 * event fields are chosen by whoever triggers or edits them.
 */
const FIXED_GITHUB = new Set([
    'github.action_path',
    'github.api_url',
    'github.event_name',
    'github.event_path',
    'github.graphql_url',
    'github.job',
    'github.repository',
    'github.repository_id',
    'github.repository_owner',
    'github.repository_owner_id',
    'github.repositoryurl',
    'github.retention_days',
    'github.run_attempt',
    'github.run_id',
    'github.run_number',
    'github.server_url',
    'github.sha',
    'github.token',
    // A GitHub login: letters, digits and hyphens (bots add `[bot]`), so no shell syntax.
    'github.triggering_actor',
    'github.workflow_sha',
    'github.workspace',
]);
/**
 * Event payload fields that cannot carry attacker text: numbers, ids, hashes, booleans, timestamps,
 * enumerations. URLs are "structured" (the attacker controls part of the path). Everything else in
 * `github.event` (titles, bodies, names, logins, labels, refs...) is arbitrary. This follows the
 * shape of zizmor's context-capability table without copying it.
 */
const FIXED_EVENT_LEAF = /^(id|number|sha|before|after|size|state|author_association|private|public|fork|locked|merged|mergeable|draft|deleted|site_admin|default|protected|rebaseable|maintainer_can_modify|forced|created|is_answerable|run_attempt|run_number|comments|commits|additions|deletions|changed_files|review_comments|open_issues|watchers|forks|stargazers|[a-z_]*_(id|count|at|sha|number|on))$/;
const STRUCTURED_EVENT_LEAF = /(^|_)url$/;
const HIGH = { severity: 'high', confidence: 'high', persona: 'regular' };
function classifyGithub(pattern) {
    if (!childOf(pattern, 'github.event'))
        return FIXED_GITHUB.has(pattern) ? 'safe' : HIGH;
    if (childOf(pattern, 'github.event.inputs') || childOf(pattern, 'github.event.client_payload'))
        return HIGH;
    const parts = pattern.split('.');
    const leaf = parts[parts.length - 1] ?? '';
    if (parts.length <= 2 || leaf === '*')
        return HIGH;
    // gravatar_id and node_id are opaque strings, not numbers.
    if (FIXED_EVENT_LEAF.test(leaf) && leaf !== 'gravatar_id' && leaf !== 'node_id')
        return 'safe';
    if (STRUCTURED_EVENT_LEAF.test(leaf))
        return { severity: 'medium', confidence: 'high', persona: 'regular' };
    return HIGH;
}
function workflowInputType(f, name) {
    const on = f.onPair ? f.src.resolve(f.onPair.value) : undefined;
    for (const trig of ['workflow_dispatch', 'workflow_call']) {
        // Input names are case-insensitive (context patterns are lower-case).
        const hit = f.src.entries(f.src.get(f.src.get(on, trig), 'inputs')).find(([k]) => k.toLowerCase() === name.toLowerCase());
        if (hit)
            return f.src.str(f.src.get(f.src.resolve(hit[1].value), 'type')) ?? 'string';
    }
    return undefined;
}
function classify(f, step, pattern) {
    if (pattern === undefined)
        return { severity: 'info', confidence: 'low', persona: 'regular' };
    if (childOf(pattern, 'secrets'))
        return 'safe';
    if (childOf(pattern, 'github'))
        return classifyGithub(pattern);
    if (childOf(pattern, 'inputs')) {
        // As zizmor: a declared action input or string workflow input is arbitrary (high); a typed
        // workflow input is fixed; an input nobody declared is unknown (low, low confidence).
        const name = pattern.split('.')[1];
        const undeclared = { severity: 'low', confidence: 'low', persona: 'regular' };
        if (f.kind === 'action') {
            const declared = name !== undefined && f.src.entries(f.src.get(f.root, 'inputs')).some(([k]) => k.toLowerCase() === name);
            return declared ? { severity: 'high', confidence: 'high', persona: 'regular' } : undeclared;
        }
        const type = name ? workflowInputType(f, name) : undefined;
        if (type === undefined)
            return undeclared;
        if (type === 'boolean' || type === 'number' || type === 'choice' || type === 'environment')
            return 'safe';
        return { severity: 'high', confidence: 'high', persona: 'regular' };
    }
    if (childOf(pattern, 'env')) {
        const name = pattern.split('.')[1];
        if (!name || name === '*')
            return { severity: 'low', confidence: 'high', persona: 'regular' };
        const hit = lookupEnv(f, step, name);
        if (hit.found && !hit.opaque && envIsStatic(f.src, hit.node))
            return 'safe';
        return { severity: 'low', confidence: 'high', persona: 'regular' };
    }
    if (childOf(pattern, 'matrix')) {
        const key = pattern.split('.')[1];
        if (!key)
            return { severity: 'medium', confidence: 'medium', persona: 'regular' };
        // As zizmor: static unless some expansion at this path (`matrix.platform.target` reaches into
        // `platform: [{target: …}]`) is an expression, or the matrix itself is computed.
        const { expansions, opaque } = matrixExpansions(f, step.job);
        const at = expansions.filter((x) => x.path === pattern.toLowerCase());
        const isStatic = !opaque && at.every((v) => v.value !== undefined && extractExpressions(v.value).length === 0);
        return isStatic
            ? { severity: 'low', confidence: 'high', persona: 'auditor' }
            : { severity: 'medium', confidence: 'medium', persona: 'regular' };
    }
    if (matchesPattern(pattern, 'steps.*.outcome') ||
        matchesPattern(pattern, 'steps.*.conclusion') ||
        matchesPattern(pattern, 'needs.*.result') ||
        childOf(pattern, 'runner') ||
        childOf(pattern, 'strategy') ||
        childOf(pattern, 'job') ||
        childOf(pattern, 'vars'))
        return 'safe';
    return { severity: 'info', confidence: 'low', persona: 'regular' };
}
/** The code-bearing scalars of a step: the run block, or a script input of a code-evaluating action. */
function codeNodes(f, step) {
    if (step.run)
        return [{ node: step.run.node, what: 'run block' }];
    if (!step.uses)
        return [];
    const u = model_parseUses(step.uses.value);
    if (u.kind !== 'repository' || !u.owner || !u.repo)
        return [];
    const inputs = CODE_INPUTS[`${u.owner}/${u.repo}`];
    if (!inputs)
        return [];
    return f.src
        .entries(step.with)
        .filter(([k]) => inputs.includes(k.toLowerCase()))
        .map(([k, p]) => ({ node: f.src.resolve(p.value), what: `\`${k}\` input of ${u.owner}/${u.repo}` }))
        .filter((x) => x.node !== undefined);
}
const templateInjection = (f, report) => {
    for (const step of f.steps) {
        // zizmor's finding carries the whole step: an ignore comment anywhere in it counts.
        const stepIgnore = step.node.range ? { ignoreRange: [step.node.range[0], step.node.range[1]] } : {};
        for (const { node, what } of codeNodes(f, step)) {
            const start = node.range?.[0];
            if (start === undefined)
                continue;
            const raw = f.src.raw(node);
            for (const fenced of extractExpressions(raw)) {
                const base = start + fenced.bodyStart;
                const expr = tryParseExpression(fenced.body, base);
                if (!expr)
                    continue;
                let reported = false;
                for (const ctx of dataflowContexts(expr)) {
                    const pattern = contextPattern(ctx);
                    const verdict = classify(f, step, pattern);
                    if (verdict === 'safe')
                        continue;
                    reported = true;
                    const text = f.src.text.slice(ctx.span.start, ctx.span.end);
                    report({
                        audit: 'template-injection',
                        ...verdict,
                        message: `code injection via template expansion: \`${text}\` in this ${what} may expand into attacker-controllable code`,
                        range: [ctx.span.start, ctx.span.end],
                        ...stepIgnore,
                    });
                }
                const hasContext = dataflowContexts(expr).length > 0 || /[A-Za-z_]+\s*[.[]/.test(fenced.body);
                if (!reported && hasContext) {
                    report({
                        audit: 'template-injection',
                        severity: 'low',
                        confidence: 'high',
                        persona: 'pedantic',
                        message: `code injection via template expansion: an expression in this ${what} is expanded into code (pass it through env: instead)`,
                        range: [base, base + fenced.body.length],
                        ...stepIgnore,
                    });
                }
            }
        }
    }
};

;// CONCATENATED MODULE: ../packages/source/dist/audit/rules/trusted-publishing.js
/**
 * use-trusted-publishing: PyPI, RubyGems, crates.io and npm accept short-lived OIDC credentials from
 * the workflow itself; a long-lived API token in a secret is one more thing to leak. Flags publishing
 * actions given a token for an index that supports trusted publishing, and publish commands in jobs
 * that cannot mint an OIDC token (no `id-token: write`).
 */



const PYPI_URLS = ['https://upload.pypi.org/legacy/', 'https://test.pypi.org/legacy/'];
const RUBYGEMS = ['https://rubygems.org'];
const NPMJS = ['https://registry.npmjs.org', 'https://registry.npmjs.org/'];
/**
 * zizmor's control fields: an input that is absent takes `absent`; an exact-match field matches only
 * one of the listed values; an expression (`${{ }}`) could be anything, so it does not match.
 */
function exact(value, allowed, absent) {
    if (value === undefined)
        return absent;
    return allowed.includes(value);
}
function freeString(value, absent) {
    return value === undefined ? absent : true;
}
function bool(value, absent) {
    if (value === undefined)
        return absent;
    const v = value.trim();
    if (v.includes('${{'))
        return absent;
    return v === 'true';
}
/** Publishing actions configured with a manual credential: the finding's key under `with`. */
function actionFinding(f, step) {
    if (!step.uses)
        return undefined;
    const u = model_parseUses(step.uses.value);
    if (u.kind !== 'repository')
        return undefined;
    const input = (name) => {
        const n = f.src.get(step.with, name);
        return n === undefined ? undefined : f.src.str(n);
    };
    switch (u.slug) {
        case 'pypa/gh-action-pypi-publish':
            return freeString(input('password'), false) &&
                exact(input('repository-url'), PYPI_URLS, true) &&
                exact(input('repository_url'), PYPI_URLS, true)
                ? 'password'
                : undefined;
        case 'rubygems/release-gem':
            return !bool(input('setup-trusted-publisher'), true) ? 'setup-trusted-publisher' : undefined;
        case 'rubygems/configure-rubygems-credentials':
            return freeString(input('api-token'), false) && exact(input('gem-server'), RUBYGEMS, true) ? 'api-token' : undefined;
        case 'actions/setup-node':
            return exact(input('registry-url'), NPMJS, true) && bool(input('always-auth'), false) ? 'always-auth' : undefined;
        default:
            return undefined;
    }
}
/** Whether the job (or, without job permissions, the workflow) can request an OIDC token. */
function canMintIdToken(f, job) {
    const perms = job && f.src.pair(job.node, 'permissions')
        ? f.src.get(job.node, 'permissions')
        : f.kind === 'workflow'
            ? f.src.get(f.root, 'permissions')
            : undefined;
    if (perms === undefined)
        return f.kind === 'action';
    if ((0,yaml_dist/* isScalar */.jn)(perms))
        return f.src.str(perms) === 'write-all';
    return (0,yaml_dist/* isMap */.jh)(perms) && f.src.str(f.src.get(perms, 'id-token')) === 'write';
}
/** zizmor's `is_publish_command`, argument iterator semantics included (see `Args`). */
function isPublishCommand(cmd, argv) {
    const args = new Args(argv);
    switch (cmd) {
        case 'cargo':
            return args.any((a) => a === 'publish') && args.all((a) => a !== '--dry-run' && a !== '-n');
        case 'uv': {
            const sub = args.find((a) => a === 'publish' || a === 'run');
            if (sub === 'publish')
                return args.all((a) => a !== '--dry-run');
            if (sub === 'run')
                return args.any((a) => a === 'twine') && args.any((a) => a === 'upload');
            return false;
        }
        case 'uvx':
            return args.any((a) => a.startsWith('twine')) && args.any((a) => a === 'upload');
        case 'hatch':
        case 'pdm':
            return args.any((a) => a === 'publish');
        case 'poetry':
            return args.any((a) => a === 'publish') && args.all((a) => a !== '--dry-run');
        case 'twine':
            return args.any((a) => a === 'upload');
        case 'pipx':
            return args.any((a) => a === 'run') && args.any((a) => a.startsWith('twine')) && args.any((a) => a === 'upload');
        case 'gem':
            return args.any((a) => a === 'push');
        case 'bundle':
            return args.any((a) => a === 'exec') && args.any((a) => a === 'gem') && args.any((a) => a === 'push');
        case 'npm':
        case 'pnpm':
        case 'bun':
            return args.any((a) => a === 'publish') && args.all((a) => a !== '--dry-run');
        case 'yarn': {
            const sub = args.find((a) => a === 'publish' || a === 'npm');
            if (sub === 'publish')
                return true;
            if (sub === 'npm')
                return args.any((a) => a === 'publish') && args.all((a) => a !== '--dry-run' && a !== '-n');
            return false;
        }
        case 'bunx':
            return args.find((a) => a === 'npm' || a.startsWith('npm@')) !== undefined
                ? args.any((a) => a === 'publish') && args.all((a) => a !== '--dry-run')
                : false;
        case 'nuget':
        case 'nuget.exe':
            return args.any((a) => a === 'push');
        case 'dotnet':
            return args.any((a) => a === 'nuget') && args.any((a) => a === 'push');
        default:
            return cmd.startsWith('python') && args.any((a) => a === '-m') && args.any((a) => a === 'twine') && args.any((a) => a === 'upload');
    }
}
const useTrustedPublishing = (f, report) => {
    for (const step of f.steps) {
        const key = actionFinding(f, step);
        if (key && step.uses) {
            const usesRange = f.src.pairRange(step.uses.pair);
            if (usesRange)
                report({
                    ...trusted_publishing_finding(`${step.uses.value.split('@')[0]} uses a manually-configured credential (with.${key}) instead of Trusted Publishing`, usesRange),
                    ...(step.node.range ? { ignoreRange: [step.node.range[0], step.node.range[1]] } : {}),
                });
        }
        // zizmor checks `run:` commands in workflow jobs only (composite actions cannot know the caller's token).
        if (!step.run || f.kind !== 'workflow' || canMintIdToken(f, step.job))
            continue;
        for (const cmd of runCommands(f, step)) {
            if (!isPublishCommand(cmd.name, cmd.args))
                continue;
            report({
                ...trusted_publishing_finding(`\`${[cmd.name, ...cmd.args].join(' ').slice(0, 80)}\` publishes with a long-lived token; the registry supports trusted publishing (grant id-token: write and drop the token)`, [cmd.start, cmd.end]),
                ...(step.node.range ? { ignoreRange: [step.node.range[0], step.node.range[1]] } : {}),
            });
        }
    }
};
function trusted_publishing_finding(message, range) {
    return {
        audit: 'use-trusted-publishing',
        severity: 'info',
        confidence: 'high',
        persona: 'regular',
        message: `prefer trusted publishing for authentication: ${message}`,
        range,
    };
}

;// CONCATENATED MODULE: ../packages/source/dist/audit/rules/conditions.js
/**
 * Conditions that do not guard what they seem to: an `if:` mixing a `${{ }}` fence with other text
 * (or a trailing newline) is a non-empty string, hence always true (unsound-condition); and
 * `contains('main,develop', github.ref_name)` is a substring test an attacker-chosen ref can pass
 * (unsound-contains).
 */


function conditionPairs(f) {
    const out = [];
    for (const job of f.jobs) {
        const p = f.src.pair(job.node, 'if');
        if (p)
            out.push(p);
    }
    for (const step of f.steps) {
        const p = f.src.pair(step.node, 'if');
        if (p)
            out.push(p);
    }
    return out;
}
const unsoundCondition = (f, report) => {
    for (const pair of conditionPairs(f)) {
        const node = f.src.resolve(pair.value);
        const value = f.src.str(node);
        const range = f.src.pairRange(pair);
        if (!(0,yaml_dist/* isScalar */.jn)(node) || value === undefined || !range)
            continue;
        const fences = extractExpressions(value);
        if (fences.length === 0)
            continue;
        const single = fences.length === 1 && fences[0]?.start === 0 && fences[0].end === value.length;
        if (single)
            continue;
        report({
            audit: 'unsound-condition',
            severity: 'high',
            confidence: 'high',
            persona: 'regular',
            message: 'unsound conditional expression: text outside the ${{ }} fence (or a trailing newline) makes the condition a non-empty string, which always evaluates to true',
            range,
        });
    }
};
const unsoundContains = (f, report) => {
    for (const pair of conditionPairs(f)) {
        const node = f.src.resolve(pair.value);
        const value = f.src.str(node);
        const range = f.src.pairRange(pair);
        if (!(0,yaml_dist/* isScalar */.jn)(node) || value === undefined || !range)
            continue;
        const fences = extractExpressions(value);
        const bodies = fences.length > 0 ? fences.map((x) => x.body) : [value];
        for (const body of bodies) {
            const expr = tryParseExpression(body);
            if (!expr)
                continue;
            walkExpression(expr, (e) => {
                if (e.kind !== 'call' || e.name.toLowerCase() !== 'contains')
                    return;
                const [haystack, needle] = e.args;
                if (haystack?.kind !== 'literal' || typeof haystack.value !== 'string' || needle?.kind !== 'context')
                    return;
                const p = contextPattern(needle) ?? '';
                const controllable = childOf(p, 'github') || childOf(p, 'env') || childOf(p, 'inputs');
                const text = body.slice(needle.span.start, needle.span.end);
                report({
                    audit: 'unsound-contains',
                    severity: controllable ? 'high' : 'info',
                    confidence: 'high',
                    persona: 'regular',
                    message: `unsound contains condition: contains(..) on a string is a substring test; it can be bypassed if an attacker can control '${text}' (compare with == or use fromJSON of a list)`,
                    range,
                });
            });
        }
    }
};

;// CONCATENATED MODULE: ../packages/source/dist/audit/rules/hygiene.js
/**
 * Workflow hygiene that zizmor reports in its pedantic persona (and one regular misfeature):
 * concurrency-limits (runs pile up, old runs keep their tokens), undocumented-permissions (a grant
 * without a comment saying why), misfeature (the Windows `cmd` shell cannot be analysed).
 */



/**
 * concurrency-limits (zizmor, pedantic, low): a bare `concurrency: <group>` never cancels superseded
 * runs. Workflow-level bare → finding at `concurrency`; no workflow concurrency → one finding at `on`
 * for the jobs whose own concurrency is bare, and one for the jobs that have none. A mapping
 * (`group:` with or without `cancel-in-progress`) is the author's explicit choice and is not flagged;
 * reusable-only workflows leave concurrency to their callers.
 */
const concurrencyLimits = (f, report) => {
    if (f.kind !== 'workflow')
        return;
    if (f.triggers.length > 0 && f.triggers.every((t) => t.name === 'workflow_call'))
        return;
    const isBare = (n) => (0,yaml_dist/* isScalar */.jn)(n);
    const pair = f.src.pair(f.root, 'concurrency');
    const finding = (message, range) => report({ audit: 'concurrency-limits', severity: 'low', confidence: 'high', persona: 'pedantic', message, range });
    if (pair) {
        const range = f.src.pairRange(pair);
        if (isBare(f.src.resolve(pair.value)) && range)
            finding('insufficient job-level concurrency limits: workflow concurrency is missing cancel-in-progress', range);
        return;
    }
    const range = f.onPair ? f.src.pairRange(f.onPair) : undefined;
    if (!range)
        return;
    const normal = f.jobs.filter((j) => !f.src.pair(j.node, 'uses'));
    const bare = normal.filter((j) => isBare(f.src.get(j.node, 'concurrency')));
    const missing = normal.filter((j) => f.src.get(j.node, 'concurrency') === undefined);
    if (bare.length > 0)
        finding(`insufficient job-level concurrency limits: job concurrency is missing cancel-in-progress (${bare.map((j) => `\`${j.id}\``).join(', ')})`, range);
    if (missing.length > 0)
        finding(`insufficient job-level concurrency limits: workflow is missing a concurrency setting (affects ${missing.map((j) => `\`${j.id}\``).join(', ')})`, range);
};
const undocumentedPermissions = (f, report) => {
    if (f.kind !== 'workflow')
        return;
    const blocks = [];
    const wf = f.src.get(f.root, 'permissions');
    if (wf)
        blocks.push(wf);
    for (const job of f.jobs) {
        const p = f.src.get(job.node, 'permissions');
        if (p)
            blocks.push(p);
    }
    for (const block of blocks) {
        if (!(0,yaml_dist/* isMap */.jh)(block))
            continue;
        const undocumented = [];
        for (const [scope, p] of f.src.entries(block)) {
            const value = f.src.resolve(p.value);
            if (scope === 'contents' && f.src.str(value) === 'read')
                continue;
            const comment = value && (0,yaml_dist/* isScalar */.jn)(value) ? f.src.trailingComment(value) : undefined;
            if (!comment)
                undocumented.push(p);
        }
        const first = undocumented[0] ? f.src.pairRange(undocumented[0]) : undefined;
        const last = undocumented[undocumented.length - 1];
        const lastRange = last ? f.src.pairRange(last) : undefined;
        if (!first || !lastRange)
            continue;
        report({
            audit: 'undocumented-permissions',
            severity: 'low',
            confidence: 'high',
            persona: 'pedantic',
            message: `permissions without explanatory comments: ${undocumented.length} grant(s) need a comment saying why`,
            range: [first[0], lastRange[1]],
        });
    }
};
/**
 * misfeature (zizmor): `shell: cmd` on a run step (regular: no grammar, several continuation
 * mechanisms, not the Windows default since 2019), any other shell GitHub does not know (auditor),
 * and actions/setup-python's `pip-install` input (installs into a global environment). The effective
 * shell is the step's, then the job's and the workflow's `defaults.run.shell`; the finding points at
 * that `shell:`. All low severity, high confidence.
 */
const misfeature = (f, report) => {
    const shellPair = (step) => f.src.pair(step.node, 'shell') ??
        (step.job ? f.src.pair(f.src.get(f.src.get(step.job.node, 'defaults'), 'run'), 'shell') : undefined) ??
        (f.kind === 'workflow' ? f.src.pair(f.src.get(f.src.get(f.root, 'defaults'), 'run'), 'shell') : undefined);
    for (const step of f.steps) {
        if (step.uses && model_usesAction(step, 'actions/setup-python')) {
            const p = f.src.pair(step.with, 'pip-install');
            const range = p ? f.src.pairRange(p) : undefined;
            if (range)
                report({
                    audit: 'misfeature',
                    severity: 'low',
                    confidence: 'high',
                    persona: 'regular',
                    message: 'usage of GitHub Actions misfeatures: setup-python `pip-install` installs packages into a global environment in a brittle manner; use a virtual environment',
                    range,
                    ...(step.node.range ? { ignoreRange: [step.node.range[0], step.node.range[1]] } : {}),
                });
        }
        if (!step.run)
            continue;
        const p = shellPair(step);
        const value = p ? f.src.str(p.value) : undefined;
        const range = p ? f.src.pairRange(p) : undefined;
        if (value === undefined || !range || value.includes('${{'))
            continue;
        const shell = normalizeShell(value).toLowerCase();
        if (['bash', 'pwsh', 'python', 'sh', 'powershell'].includes(shell))
            continue;
        const cmd = shell === 'cmd';
        report({
            audit: 'misfeature',
            severity: 'low',
            confidence: 'high',
            persona: cmd ? 'regular' : 'auditor',
            message: cmd
                ? "usage of GitHub Actions misfeatures: the Windows CMD shell limits analysis (its quoting rules make injection hard to rule out); use 'shell: pwsh' or 'shell: bash'"
                : `usage of GitHub Actions misfeatures: \`${value}\` is not a shell GitHub Actions knows well; use 'bash' or 'pwsh'`,
            range,
        });
    }
};

;// CONCATENATED MODULE: ../packages/source/dist/audit/rules/tools.js

/** Permissions of an app token that do not concern repositories. */
const ORG_LEVEL = /^permission-(members|organization-.*)$/;
const githubApp = (f, report) => {
    for (const step of f.steps) {
        if (!step.uses || model_parseUses(step.uses.value).slug !== 'actions/create-github-app-token')
            continue;
        const entries = f.src.entries(step.with);
        const input = (name) => entries.find(([k]) => k === name);
        const emit = (message, range) => {
            if (range)
                report({
                    audit: 'github-app',
                    severity: 'high',
                    confidence: 'high',
                    persona: 'regular',
                    message: `dangerous use of GitHub App tokens: ${message}`,
                    range,
                });
        };
        const revoke = input('skip-token-revoke');
        const revokeValue = revoke ? f.src.str(revoke[1].value)?.trim().toLowerCase() : undefined;
        if (revoke && revokeValue !== 'false') {
            emit(revokeValue === 'true'
                ? 'token revocation disabled: the token stays valid after the job'
                : 'token revocation conditionally disabled', f.src.pairRange(revoke[1]));
        }
        const permissions = entries.filter(([k]) => k.startsWith('permission-')).map(([k]) => k);
        const owner = input('owner');
        if (owner && !input('repositories') && (permissions.length === 0 || permissions.some((p) => !ORG_LEVEL.test(p)))) {
            emit("token granted access to all repositories for this owner's app installation; list them in `repositories:`", f.src.pairRange(owner[1]));
        }
        if (permissions.length === 0 && step.uses.node.range) {
            emit('app token inherits blanket installation permissions; add `permission-<name>` inputs', [
                step.uses.node.range[0],
                step.uses.node.range[1],
            ]);
        }
    }
};
/** Setup actions that install the latest tool release unless `version` pins one. */
const TOOL_INSTALLERS = new Set(['aquasecurity/setup-trivy', '1password/load-secrets-action']);
const unpinnedTools = (f, report) => {
    for (const step of f.steps) {
        if (!step.uses || !TOOL_INSTALLERS.has(model_parseUses(step.uses.value).slug ?? ''))
            continue;
        const pair = f.src.pair(step.with, 'version');
        const value = pair ? f.src.str(pair.value)?.trim() : undefined;
        const emit = (message, range) => {
            if (range)
                report({
                    audit: 'unpinned-tools',
                    severity: 'medium',
                    confidence: 'high',
                    persona: 'regular',
                    message: `action installs an unpinned external tool: ${message}`,
                    range,
                });
        };
        if (!pair) {
            if (step.uses.node.range)
                emit('the action implicitly installs the latest version; set `version:`', [step.uses.node.range[0], step.uses.node.range[1]]);
        }
        else if (value === 'latest' || value === '') {
            emit('`version: latest` installs whatever was released last', f.src.pairRange(pair));
        }
        else if (value?.includes('${{')) {
            emit('the version comes from an expression and may be unpinned', f.src.pairRange(pair));
        }
    }
};

;// CONCATENATED MODULE: ../packages/source/dist/audit/rules/dependabot.js
const dependabotCooldown = (f, report) => {
    if (f.kind !== 'dependabot')
        return;
    // zizmor's default minimum is 7 days; a zizmor configuration can change it.
    const minDays = f.config.cooldownDays;
    for (const update of f.src.items(f.src.get(f.root, 'updates'))) {
        const ecosystem = f.src.pair(update, 'package-ecosystem');
        const cooldownPair = f.src.pair(update, 'cooldown');
        const cooldown = f.src.get(update, 'cooldown');
        const daysPair = f.src.pair(cooldown, 'default-days');
        const days = daysPair ? Number(f.src.str(daysPair.value)) : undefined;
        // As zizmor: the finding points at default-days, else at `cooldown:`, else at the update.
        const range = daysPair
            ? f.src.pairRange(daysPair)
            : cooldownPair
                ? f.src.pairRange(cooldownPair)
                : ecosystem
                    ? f.src.pairRange(ecosystem)
                    : undefined;
        if (!range || (days !== undefined && Number.isFinite(days) && days >= minDays))
            continue;
        report({
            audit: 'dependabot-cooldown',
            severity: 'medium',
            confidence: 'high',
            persona: 'regular',
            message: days === undefined
                ? `insufficient cooldown in Dependabot updates: no cooldown, so updates are proposed as soon as a release appears (set cooldown.default-days >= ${minDays})`
                : `insufficient cooldown in Dependabot updates: default-days ${f.src.str(daysPair?.value)} is less than ${minDays}`,
            range,
        });
    }
};
const dependabotExecution = (f, report) => {
    if (f.kind !== 'dependabot')
        return;
    for (const update of f.src.items(f.src.get(f.root, 'updates'))) {
        const pair = f.src.pair(update, 'insecure-external-code-execution');
        const range = pair ? f.src.pairRange(pair) : undefined;
        if (!pair || !range || f.src.str(pair.value)?.trim() !== 'allow')
            continue;
        report({
            audit: 'dependabot-execution',
            severity: 'high',
            confidence: 'high',
            persona: 'regular',
            message: 'external code execution in Dependabot updates: insecure-external-code-execution: allow runs code from the updated packages with access to the registry credentials',
            range,
        });
    }
};

;// CONCATENATED MODULE: ../packages/source/dist/audit/rules/triggers.js
/**
 * dangerous-triggers and bot-conditions. `pull_request_target` and `workflow_run` run with the base
 * repository's secrets and a write token on events a fork can cause; checking out the pull request's
 * head there runs the attacker's code with those privileges. `github.actor == 'dependabot[bot]'` is
 * spoofable: the actor is whoever last acted, not who wrote the code.
 */



const HEAD_REF = /github\.event\.(pull_request\.head\.(ref|sha)|workflow_run\.head_(branch|sha))|github\.head_ref|refs\/pull\//i;
function checksOutHead(f) {
    return f.steps.some((s) => {
        if (model_usesAction(s, 'actions/checkout'))
            return HEAD_REF.test(f.src.str(f.src.get(s.with, 'ref')) ?? '');
        return s.run !== undefined && /git\s+(fetch|checkout)|gh\s+pr\s+checkout/.test(s.run.value) && HEAD_REF.test(s.run.value);
    });
}
const dangerousTriggers = (f, report) => {
    if (f.kind !== 'workflow' || !f.onPair)
        return;
    // As zizmor: a workflow whose only job is one actions/labeler step is the blessed use of
    // pull_request_target (it never runs the pull request's code).
    const labelerOnly = f.jobs.length === 1 && f.steps.length === 1 && f.steps[0] !== undefined && model_usesAction(f.steps[0], 'actions/labeler');
    const risky = f.triggers
        .filter((t) => (t.name === 'pull_request_target' && !labelerOnly) || t.name === 'workflow_run')
        .map((t) => t.name);
    const range = f.src.pairRange(f.onPair);
    if (risky.length === 0 || !range)
        return;
    const head = checksOutHead(f);
    report({
        audit: 'dangerous-triggers',
        severity: head ? 'critical' : 'high',
        confidence: 'medium',
        persona: 'regular',
        message: head
            ? `use of fundamentally insecure workflow trigger: ${risky.join(', ')} with a checkout of the pull request's head runs untrusted code with the base repository's secrets`
            : `use of fundamentally insecure workflow trigger: ${risky.join(', ')} runs with the base repository's privileges on events others can cause`,
        range,
    });
};
/**
 * zizmor's spoofable contexts: the actor (whoever last acted) by name or id. The pull request's
 * author (`github.event.pull_request.user.login`) is what to check instead, so it is not one.
 */
const ACTOR_NAME_CONTEXTS = new Set(['github.actor', 'github.triggering_actor', 'github.event.pull_request.sender.login']);
const ACTOR_ID_CONTEXTS = new Set(['github.actor_id', 'github.event.pull_request.sender.id']);
/** Known bot user and integration ids (dependabot's integration 29110 and user 49699333, dependabot-preview, renovate). */
const BOT_IDS = new Set(['29110', '49699333', '27856297', '29139614']);
function isSpoofable(ctx, lit) {
    if (lit.kind !== 'literal' || lit.value === null)
        return false;
    const v = String(lit.value);
    return (ACTOR_NAME_CONTEXTS.has(ctx) && v.endsWith('[bot]')) || (ACTOR_ID_CONTEXTS.has(ctx) && BOT_IDS.has(v));
}
function spoofableCheck(expr) {
    let hit = false;
    walkExpression(expr, (e) => {
        if (e.kind !== 'binary' || e.op !== '==')
            return;
        const sides = [e.left, e.right];
        const ctx = sides.find((s) => s.kind === 'context');
        const other = sides.find((s) => s !== ctx);
        if (ctx?.kind === 'context' && other && isSpoofable(contextPattern(ctx) ?? '', other))
            hit = true;
    });
    return hit;
}
const botConditions = (f, report) => {
    if (f.kind !== 'workflow')
        return;
    if (!hasTrigger(f, 'pull_request_target', 'workflow_run', 'pull_request', 'issue_comment', 'pull_request_review', 'pull_request_review_comment'))
        return;
    const conditions = [];
    for (const job of f.jobs) {
        const c = f.src.get(job.node, 'if');
        if (c)
            conditions.push(c);
    }
    for (const step of f.steps) {
        const c = f.src.get(step.node, 'if');
        if (c)
            conditions.push(c);
    }
    for (const node of conditions) {
        if (!(0,yaml_dist/* isScalar */.jn)(node) || !node.range)
            continue;
        const raw = f.src.raw(node);
        const value = f.src.str(node) ?? '';
        const fenced = extractExpressions(raw);
        const bodies = fenced.length > 0
            ? fenced.map((x) => ({ body: x.body, start: node.range[0] + x.bodyStart }))
            : [{ body: value.trim(), start: node.range[0] + (raw.length - raw.trimStart().length) + (/^["']/.test(raw.trimStart()) ? 1 : 0) }];
        for (const { body, start } of bodies) {
            const expr = tryParseExpression(body, start);
            if (!expr || !spoofableCheck(expr))
                continue;
            report({
                audit: 'bot-conditions',
                severity: 'high',
                confidence: 'medium',
                persona: 'regular',
                message: 'spoofable bot actor check: the actor is whoever triggered the event, not the author of the code; check the pull request author or the event payload instead',
                range: [expr.span.start, expr.span.end],
            });
        }
    }
};

;// CONCATENATED MODULE: ../packages/source/dist/audit/rules/references.js
/**
 * What a `uses:` reference names, judged offline (zizmor's self-repository, archived-uses,
 * typosquat-uses and superfluous-actions):
 * - self-repository: `./path` is resolved against whatever the workspace holds at run time; GitHub's
 *   `$/path` syntax names the workflow's own repository at its own commit (regular, low, high).
 * - archived-uses: an action or reusable workflow from a repository its owner archived: it gets no
 *   fixes any more (regular, medium, high). The list is this project's own (ARCHIVED_REPOSITORIES),
 *   a subset of zizmor's; `rules.archived-uses.config.repositories` in zizmor.yml adds to it.
 * - typosquat-uses: `owner/repo` one keystroke away (a character omitted, repeated, replaced by a
 *   keyboard neighbour or look-alike, two neighbours swapped) from a popular action of another owner
 *   (regular, high, low confidence offline, as zizmor without a token).
 * - superfluous-actions: actions that wrap what `gh`, `git`, `jq` or `docker` already do on every
 *   runner (informational; some pedantic, as zizmor).
 */

/** Repositories of actions archived by their owners (public knowledge; zizmor ships a longer list). */
const ARCHIVED_REPOSITORIES = new Set([
    'actions/create-release',
    'actions/upload-release-asset',
    'actions/setup-ruby',
    'actions/setup-elixir',
    'actions/setup-haskell',
    'actions-rs/toolchain',
    'actions-rs/cargo',
    'actions-rs/audit-check',
    'actions-rs/clippy-check',
    'actions-rs/tarpaulin',
    'actions-rs/install',
    'actions-rs/grcov',
    'actions-rs/components-nightly',
    'actions-rs/meta',
    'pre-commit/mirrors-prettier',
].map((s) => s.toLowerCase()));
/** Popular actions (owner/repo) that typosquats imitate. */
const POPULAR_ACTIONS = [
    'actions/checkout',
    'actions/setup-node',
    'actions/setup-python',
    'actions/setup-go',
    'actions/setup-java',
    'actions/setup-dotnet',
    'actions/cache',
    'actions/upload-artifact',
    'actions/download-artifact',
    'actions/github-script',
    'actions/labeler',
    'actions/stale',
    'actions/create-github-app-token',
    'actions/attest-build-provenance',
    'actions/attest',
    'actions/dependency-review-action',
    'actions/configure-pages',
    'actions/deploy-pages',
    'actions/upload-pages-artifact',
    'docker/login-action',
    'docker/build-push-action',
    'docker/setup-buildx-action',
    'docker/setup-qemu-action',
    'docker/metadata-action',
    'github/codeql-action',
    'aws-actions/configure-aws-credentials',
    'azure/login',
    'google-github-actions/auth',
    'google-github-actions/setup-gcloud',
    'hashicorp/setup-terraform',
    'pypa/gh-action-pypi-publish',
    'softprops/action-gh-release',
    'peaceiris/actions-gh-pages',
    'codecov/codecov-action',
    'golangci/golangci-lint-action',
    'goreleaser/goreleaser-action',
    'dtolnay/rust-toolchain',
    'swatinem/rust-cache',
    'ruby/setup-ruby',
    'pnpm/action-setup',
    'astral-sh/setup-uv',
    'sigstore/cosign-installer',
    'slsa-framework/slsa-github-generator',
    'peter-evans/create-pull-request',
    'ossf/scorecard-action',
    'step-security/harden-runner',
    'shivammathur/setup-php',
    'gradle/actions',
    'subosito/flutter-action',
    'JamesIves/github-pages-deploy-action',
].map((s) => s.toLowerCase());
const SUPERFLUOUS = [
    { slug: 'ncipollo/release-action', instead: 'use `gh release` in a script step', persona: 'regular', confidence: 'high' },
    { slug: 'softprops/action-gh-release', instead: 'use `gh release` in a script step', persona: 'regular', confidence: 'high' },
    { slug: 'elgohr/github-release-action', instead: 'use `gh release` in a script step', persona: 'regular', confidence: 'high' },
    { slug: 'peter-evans/create-pull-request', instead: 'use `gh pr create` in a script step', persona: 'pedantic', confidence: 'low' },
    {
        slug: 'peter-evans/create-or-update-comment',
        instead: 'use `gh pr comment` or `gh issue comment` in a script step',
        persona: 'pedantic',
        confidence: 'low',
    },
    { slug: 'dacbd/create-issue-action', instead: 'use `gh issue create` in a script step', persona: 'regular', confidence: 'high' },
    {
        slug: 'actions-ecosystem/action-add-labels',
        instead: 'use `gh issue edit --add-label` or `gh pr edit --add-label` in a script step',
        persona: 'regular',
        confidence: 'high',
    },
    {
        slug: 'actions-ecosystem/action-remove-labels',
        instead: 'use `gh issue edit --remove-label` or `gh pr edit --remove-label` in a script step',
        persona: 'regular',
        confidence: 'high',
    },
    {
        slug: 'svenstaro/upload-release-action',
        instead: 'use `gh release create` and `gh release upload` in a script step',
        persona: 'regular',
        confidence: 'high',
    },
    {
        slug: 'addnab/docker-run-action',
        instead: 'use `docker run` in a script step, or a container step',
        persona: 'regular',
        confidence: 'high',
    },
    { slug: 'sergeysova/jq-action', instead: 'use `jq` in a script step', persona: 'regular', confidence: 'high' },
    { slug: 'dtolnay/rust-toolchain', instead: 'use `rustup` and/or `cargo` in a script step', persona: 'pedantic', confidence: 'medium' },
    {
        slug: 'stefanzweifel/git-auto-commit-action',
        instead: 'use `git add`, `git commit` and `git push` in a script step',
        persona: 'pedantic',
        confidence: 'low',
    },
    {
        slug: 'endbug/add-and-commit',
        instead: 'use `git add`, `git commit` and `git push` in a script step',
        persona: 'pedantic',
        confidence: 'low',
    },
];
/** Every `uses:` of the file: steps (workflow and composite) and reusable-workflow jobs. */
function references_allUses(f) {
    const out = [];
    for (const step of f.steps)
        if (step.uses)
            out.push({ ...step.uses, step, parent: step.node });
    for (const job of f.jobs) {
        const pair = f.src.pair(job.node, 'uses');
        const node = pair ? f.src.resolve(pair.value) : undefined;
        const value = f.src.str(node);
        if (pair && node && value !== undefined)
            out.push({ value, node, pair, parent: job.node });
    }
    return out;
}
function at(node, parent) {
    if (!node.range)
        return undefined;
    return {
        range: [node.range[0], node.range[1]],
        ...(parent?.range ? { ignoreRange: [parent.range[0], parent.range[1]] } : {}),
    };
}
const selfRepository = (f, report) => {
    for (const u of references_allUses(f)) {
        const v = u.value.trim();
        if (!v.startsWith('./') && v !== '.')
            continue;
        const loc = at(u.node, u.parent);
        if (!loc)
            continue;
        report({
            audit: 'self-repository',
            severity: 'low',
            confidence: 'high',
            persona: 'regular',
            message: `use GitHub's dedicated self-repository syntax: \`${v}\` is read from whatever the workspace holds at run time; write \`$${v.slice(1)}\``,
            ...loc,
        });
    }
};
function slugOf(value) {
    const u = model_parseUses(value);
    if (u.kind !== 'repository' || !u.owner || !u.repo)
        return undefined;
    return `${u.owner}/${u.repo}`;
}
/** `repos[].repo` of a pre-commit configuration, with its node (`local`/`meta` have no URL). */
function preCommitRepos(f) {
    if (f.kind !== 'pre-commit')
        return [];
    const out = [];
    for (const item of f.src.items(f.src.get(f.root, 'repos'))) {
        const node = f.src.get(item, 'repo');
        const url = f.src.str(node);
        if (node && url !== undefined && url !== 'local' && url !== 'meta')
            out.push({ url, node, parent: item });
    }
    return out;
}
/** `owner/repo` of a github.com repository URL (`https://github.com/owner/repo(.git)`). */
function githubSlug(url) {
    const m = /^[a-z+]+:\/\/(?:www\.)?github\.com\/([^/\s]+)\/([^/\s]+?)(?:\.git)?\/?$/i.exec(url.trim());
    return m ? `${m[1]}/${m[2]}`.toLowerCase() : undefined;
}
/**
 * insecure-url-scheme (zizmor): a pre-commit repository fetched over `http://` or `git://` (git's
 * plaintext transport) can be swapped in transit. High severity, high confidence, regular.
 */
const insecureUrlScheme = (f, report) => {
    for (const r of preCommitRepos(f)) {
        const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(r.url.trim())?.[1]?.toLowerCase();
        const loc = at(r.node, r.parent);
        if ((scheme !== 'http' && scheme !== 'git') || !loc)
            continue;
        report({
            audit: 'insecure-url-scheme',
            severity: 'high',
            confidence: 'high',
            persona: 'regular',
            message: `use of an insecure scheme within a URL: repository URL uses an insecure scheme: "${scheme}"; use https`,
            ...loc,
        });
    }
};
const archivedUses = (f, report) => {
    const extra = new Set((f.config.rules.get('archived-uses')?.repositories ?? []).map((r) => r.toLowerCase()));
    for (const r of preCommitRepos(f)) {
        const slug = githubSlug(r.url);
        const loc = at(r.node, r.parent);
        if (!slug || !loc || !(ARCHIVED_REPOSITORIES.has(slug) || extra.has(slug)))
            continue;
        report({
            audit: 'archived-uses',
            severity: 'medium',
            confidence: 'high',
            persona: 'regular',
            message: `action or reusable workflow from archived repository: the pre-commit repository ${slug} is archived and receives no fixes; replace it`,
            ...loc,
        });
    }
    for (const u of references_allUses(f)) {
        const slug = slugOf(u.value);
        if (!slug || !(ARCHIVED_REPOSITORIES.has(slug) || extra.has(slug)))
            continue;
        const loc = at(u.node, u.parent);
        if (!loc)
            continue;
        report({
            audit: 'archived-uses',
            severity: 'medium',
            confidence: 'high',
            persona: 'regular',
            message: `action or reusable workflow from archived repository: ${slug} is archived and receives no fixes; replace it`,
            ...loc,
        });
    }
};
const NEIGHBOURS = {
    '1': '2q',
    '2': '13qw',
    '3': '24we',
    '4': '35er',
    '5': '46rt',
    '6': '57ty',
    '7': '68yu',
    '8': '79ui',
    '9': '80io',
    '0': '9op',
    q: '12wa',
    w: '23qesa',
    e: '34wrds',
    r: '45etfd',
    t: '56rygf',
    y: '67tuhg',
    u: '78yijh',
    i: '89uokj',
    o: '90iplk',
    p: '0ol',
    a: 'qwsz',
    s: 'weadzx',
    d: 'ersfxc',
    f: 'rtdgcv',
    g: 'tyfhvb',
    h: 'yugjbn',
    j: 'uihknm',
    k: 'iojlm',
    l: 'opk',
    z: 'asx',
    x: 'zsdc',
    c: 'xdfv',
    v: 'cfgb',
    b: 'vghn',
    n: 'bhjm',
    m: 'njk',
    '-': '_.',
    _: '-.',
    '.': '-_',
};
/** Look-alikes: digits for letters and back. */
const HOMOGLYPHS = { o: '0', '0': 'o', i: '1l', l: '1i', '1': 'il', e: '3', '3': 'e', a: '4', s: '5', '5': 's' };
/** How `candidate` imitates `popular` in one keystroke, or undefined. */
function typoOf(candidate, popular) {
    if (candidate === popular)
        return undefined;
    const cOwner = candidate.split('/')[0];
    const pOwner = popular.split('/')[0];
    // Same owner: a misspelt repository of the same publisher is a broken reference, not a squat.
    if (cOwner === pOwner)
        return undefined;
    const a = candidate;
    const b = popular;
    if (a.length === b.length - 1) {
        for (let i = 0; i < b.length; i++)
            if (b.slice(0, i) + b.slice(i + 1) === a)
                return `omits '${b[i]}'`;
    }
    if (a.length === b.length + 1) {
        for (let i = 0; i < a.length; i++)
            if (a.slice(0, i) + a.slice(i + 1) === b)
                return a[i] === a[i - 1] || a[i] === a[i + 1] ? `repeats '${a[i]}'` : `inserts '${a[i]}'`;
    }
    if (a.length === b.length) {
        const diff = [];
        for (let i = 0; i < a.length; i++)
            if (a[i] !== b[i])
                diff.push(i);
        if (diff.length === 1) {
            const i = diff[0];
            const want = b.charAt(i);
            const got = a.charAt(i);
            if ((NEIGHBOURS[want] ?? '').includes(got))
                return `replaces '${want}' with its keyboard neighbour '${got}'`;
            if ((HOMOGLYPHS[want] ?? '').includes(got))
                return `replaces '${want}' with the look-alike '${got}'`;
        }
        if (diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]])
            return `swaps '${b[diff[0]]}${b[diff[1]]}'`;
    }
    return undefined;
}
const typosquatUses = (f, report) => {
    for (const u of references_allUses(f)) {
        const slug = slugOf(u.value);
        if (!slug || POPULAR_ACTIONS.includes(slug))
            continue;
        for (const p of POPULAR_ACTIONS) {
            const how = typoOf(slug, p);
            if (!how)
                continue;
            const loc = at(u.node, u.parent);
            if (loc)
                report({
                    audit: 'typosquat-uses',
                    severity: 'high',
                    confidence: 'low',
                    persona: 'regular',
                    message: `action reference resembles a popular action: ${slug} ${how} of ${p} (offline: whether it resolves to a live repository was not checked)`,
                    ...loc,
                });
            break;
        }
    }
};
const superfluousActions = (f, report) => {
    for (const step of f.steps) {
        if (!step.uses)
            continue;
        const u = model_parseUses(step.uses.value);
        if (u.kind !== 'repository' || !u.owner || !u.repo)
            continue;
        const slug = `${u.owner}/${u.repo}`;
        const hit = SUPERFLUOUS.find((s) => s.slug === slug);
        const loc = hit ? at(step.uses.node, step.node) : undefined;
        if (!hit || !loc)
            continue;
        report({
            audit: 'superfluous-actions',
            severity: 'info',
            confidence: hit.confidence,
            persona: hit.persona,
            message: `action functionality is already included by the runner: ${hit.instead}`,
            ...loc,
        });
    }
};

;// CONCATENATED MODULE: ../packages/source/dist/audit/rules/adhoc.js
/**
 * adhoc-packages (zizmor): a `run:` step that installs a package by name outside any lockfile
 * (`gem install rake`, `bundle add`, `npm install lodash`, `yarn add`, `pnpm add`) gets whatever the
 * registry serves that minute. Lockfile-driven installs (`npm ci`, `npm install` with no package,
 * `bundle install`) are fine. Regular persona, low severity, high confidence; bash, sh, zsh and pwsh
 * scripts in workflow and composite-action steps.
 */


const NPM_INSTALL = new Set(['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add']);
/** zizmor's `is_adhoc_install_command`, iterator semantics included. */
function isAdhocInstall(cmd, argv) {
    const args = new Args(argv);
    const flag = (a) => a.startsWith('-');
    switch (cmd) {
        case 'gem':
            return args.any((a) => a === 'install' || a === 'i') && args.any((a) => !flag(a));
        case 'bundle':
        case 'yarn':
        case 'pnpm':
            return args.any((a) => a === 'add') && args.any((a) => !flag(a));
        case 'npm': {
            const sub = args.skipWhile(flag).next();
            return sub !== undefined && NPM_INSTALL.has(sub) && args.any((a) => !flag(a));
        }
        default:
            return false;
    }
}
const adhocPackages = (f, report) => {
    for (const step of f.steps) {
        for (const cmd of runCommands(f, step)) {
            if (!isAdhocInstall(cmd.name, cmd.args))
                continue;
            report({
                audit: 'adhoc-packages',
                severity: 'low',
                confidence: 'high',
                persona: 'regular',
                message: `ad-hoc installation of packages: \`${[cmd.name, ...cmd.args].join(' ').slice(0, 80)}\` installs a package outside of a lockfile`,
                range: [cmd.start, cmd.end],
                ...(step.node.range ? { ignoreRange: [step.node.range[0], step.node.range[1]] } : {}),
            });
        }
    }
};

;// CONCATENATED MODULE: ../packages/source/dist/audit/rules/definitions.js


const anonymousDefinition = (f, report) => {
    if (f.kind !== 'workflow')
        return;
    if (f.src.get(f.root, 'name') === undefined) {
        // zizmor points at the start of the document.
        const start = f.root.range?.[0] ?? 0;
        report({
            audit: 'anonymous-definition',
            severity: 'low',
            confidence: 'high',
            persona: 'pedantic',
            message: "workflow or action definition without a name: use 'name: ...' to give this workflow a name",
            range: [start, start],
        });
    }
    for (const job of f.jobs) {
        if (f.src.pair(job.node, 'uses') || f.src.get(job.node, 'name') !== undefined)
            continue;
        const k = job.pair.key;
        if (!k?.range)
            continue;
        report({
            audit: 'anonymous-definition',
            severity: 'info',
            confidence: 'high',
            persona: 'pedantic',
            message: `workflow or action definition without a name: use 'name: ...' to give job \`${job.id}\` a name`,
            range: [k.range[0], job.node?.range?.[1] ?? k.range[1]],
        });
    }
};
function isFalsy(e) {
    return e.kind === 'literal' && (e.value === false || e.value === null || e.value === 0 || e.value === '');
}
function orOperands(e) {
    return e.kind === 'binary' && e.op === '||' ? [...orOperands(e.left), ...orOperands(e.right)] : [e];
}
function unsoundTrueValues(e) {
    if (constantReducible(e))
        return [];
    switch (e.kind) {
        case 'call':
            return e.args.flatMap(unsoundTrueValues);
        case 'context':
            return e.parts.flatMap((p) => (p.kind === 'index' ? unsoundTrueValues(p.expr) : []));
        case 'unary':
            return unsoundTrueValues(e.operand);
        case 'binary': {
            if (e.op !== '||')
                return [...unsoundTrueValues(e.left), ...unsoundTrueValues(e.right)];
            const ops = orOperands(e);
            const out = [];
            for (const o of ops.slice(0, -1))
                if (o.kind === 'binary' && o.op === '&&' && isFalsy(o.right))
                    out.push(o.right);
            for (const o of ops)
                out.push(...unsoundTrueValues(o));
            return out;
        }
        default:
            return [];
    }
}
const unsoundTernary = (f, report) => {
    for (const expr of scalarExpressions(f)) {
        for (const v of unsoundTrueValues(expr))
            report({
                audit: 'unsound-ternary',
                severity: 'low',
                confidence: 'high',
                persona: 'regular',
                message: `unsound pseudo-ternary expression: the true value \`${f.src.text.slice(v.span.start, v.span.end)}\` is falsy, so the expression always yields its false value`,
                range: [v.span.start, v.span.end],
            });
    }
};

;// CONCATENATED MODULE: ../packages/source/dist/audit/rules.js
















const SPECS = [
    {
        zizmor: 'template-injection',
        name: 'TemplateInjection',
        severity: 'high',
        short: 'code injection via template expansion',
        help: 'Do not expand `${{ }}` inside `run:` or a script input: pass the value through `env:` and use the shell variable ("$TITLE"), which the shell treats as data.',
        audit: templateInjection,
    },
    {
        zizmor: 'unpinned-uses',
        name: 'UnpinnedUses',
        severity: 'high',
        short: 'unpinned action reference',
        help: 'Pin every action and reusable workflow to a full 40-character commit SHA, with the version in a comment (`uses: actions/checkout@<sha> # v4.2.2`); tags and branches can be moved.',
        audit: unpinnedUses,
    },
    {
        zizmor: 'excessive-permissions',
        name: 'ExcessivePermissions',
        severity: 'high',
        short: 'overly broad permissions',
        help: 'Set `permissions: {}` at the top of the workflow and grant each job only the scopes it needs; avoid `write-all`/`read-all` and workflow-level `write` grants.',
        audit: excessivePermissions,
    },
    {
        zizmor: 'dangerous-triggers',
        name: 'DangerousTriggers',
        severity: 'high',
        short: 'use of fundamentally insecure workflow trigger',
        help: "`pull_request_target` and `workflow_run` run with secrets and a write token on events a fork can cause. Prefer `pull_request`; never check out or run the pull request's head code in such a workflow.",
        audit: dangerousTriggers,
    },
    {
        zizmor: 'secrets-inherit',
        name: 'SecretsInherit',
        severity: 'medium',
        short: 'secrets unconditionally inherited by called workflow',
        help: 'Replace `secrets: inherit` with the explicit list of secrets the called workflow needs.',
        audit: secretsInherit,
    },
    {
        zizmor: 'artipacked',
        name: 'Artipacked',
        severity: 'medium',
        short: 'credential persistence through GitHub Actions artifacts',
        help: 'Set `persist-credentials: false` on actions/checkout; otherwise the token stays in .git/config, where an uploaded workspace or a later step can read it.',
        audit: artipacked,
    },
    {
        zizmor: 'cache-poisoning',
        name: 'CachePoisoning',
        severity: 'high',
        short: 'runtime artifacts potentially vulnerable to a cache poisoning attack',
        help: 'Disable caching (e.g. `cache: false`, `lookup-only: true`) in workflows and jobs that publish releases: the cache is shared with pull request workflows.',
        audit: cachePoisoning,
    },
    {
        zizmor: 'github-env',
        name: 'GitHubEnv',
        severity: 'high',
        short: 'dangerous use of environment file',
        help: 'Do not write untrusted data to GITHUB_ENV or GITHUB_PATH in privileged workflows or actions: it changes the environment (LD_PRELOAD, PATH, NODE_OPTIONS) of every later step. Use step outputs instead.',
        audit: githubEnv,
    },
    {
        zizmor: 'insecure-commands',
        name: 'InsecureCommands',
        severity: 'high',
        short: 'execution of insecure workflow commands is enabled',
        help: 'Remove ACTIONS_ALLOW_UNSECURE_COMMANDS: it lets any printed line set environment variables and PATH. Use GITHUB_ENV/GITHUB_OUTPUT files.',
        audit: insecureCommands,
    },
    {
        zizmor: 'unpinned-images',
        name: 'UnpinnedImages',
        severity: 'high',
        short: 'unpinned image references',
        help: 'Pin container, service and `docker://` images by digest (`image@sha256:…`); tags can be moved to new content.',
        audit: unpinnedImages,
    },
    {
        zizmor: 'self-hosted-runner',
        name: 'SelfHostedRunner',
        severity: 'medium',
        short: 'runs on a self-hosted runner',
        help: 'On public repositories, use GitHub-hosted or ephemeral, isolated runners: a pull request can run code on a persistent self-hosted machine.',
        audit: selfHostedRunner,
    },
    {
        zizmor: 'hardcoded-container-credentials',
        name: 'HardcodedContainerCredentials',
        severity: 'high',
        short: 'hardcoded credential in GitHub Actions container configurations',
        help: 'Reference registry passwords through `${{ secrets.NAME }}`; rotate the password that was committed.',
        audit: hardcodedContainerCredentials,
    },
    {
        zizmor: 'overprovisioned-secrets',
        name: 'OverprovisionedSecrets',
        severity: 'medium',
        short: 'excessively provisioned secrets',
        help: 'Reference each secret by name (`secrets.NAME`) instead of the whole `secrets` context (`toJSON(secrets)`), so the job receives only what it uses.',
        audit: overprovisionedSecrets,
    },
    {
        zizmor: 'unredacted-secrets',
        name: 'UnredactedSecrets',
        severity: 'medium',
        short: 'leaked secret values',
        help: 'Do not store structured values in one secret and unpack them with fromJSON: the unpacked fields are not masked in logs. Use one secret per value.',
        audit: unredactedSecrets,
    },
    {
        zizmor: 'bot-conditions',
        name: 'BotConditions',
        severity: 'high',
        short: 'spoofable bot actor check',
        help: "Do not trust `github.actor == 'dependabot[bot]'`: the actor is whoever last acted. Check `github.event.pull_request.user.login` and the event type instead.",
        audit: botConditions,
    },
    {
        zizmor: 'secrets-outside-env',
        name: 'SecretsOutsideEnv',
        severity: 'medium',
        short: 'secrets referenced without a dedicated environment',
        help: 'Move secrets into a deployment environment (`environment:` on the job) so protection rules and reviewers guard them.',
        audit: secretsOutsideEnv,
    },
    {
        zizmor: 'obfuscation',
        name: 'Obfuscation',
        severity: 'low',
        short: 'obfuscated usage of GitHub Actions features',
        help: 'Write references plainly (no computed indices, no `.`/`..` in `uses:` paths) so reviewers can see what runs.',
        audit: obfuscation,
    },
    {
        zizmor: 'use-trusted-publishing',
        name: 'UseTrustedPublishing',
        severity: 'info',
        short: 'prefer trusted publishing for authentication',
        help: 'Publish to PyPI, RubyGems, crates.io and npm with trusted publishing: grant the job `id-token: write` and drop the long-lived API token.',
        audit: useTrustedPublishing,
    },
    {
        zizmor: 'unsound-condition',
        name: 'UnsoundCondition',
        severity: 'high',
        short: 'unsound conditional expression',
        help: 'Write `if:` as one bare expression or exactly one `${{ }}` fence with nothing around it (use `|-`/`>-` for block scalars); any other text makes the condition a non-empty string, which is always true.',
        audit: unsoundCondition,
    },
    {
        zizmor: 'unsound-contains',
        name: 'UnsoundContains',
        severity: 'high',
        short: 'unsound contains condition',
        help: '`contains(\'main,develop\', github.ref_name)` is a substring test (`mai` passes). Compare with `==`, or use `contains(fromJSON(\'["main","develop"]\'), github.ref_name)`.',
        audit: unsoundContains,
    },
    {
        zizmor: 'github-app',
        name: 'GitHubApp',
        severity: 'high',
        short: 'dangerous use of GitHub App tokens',
        help: 'Let actions/create-github-app-token revoke its token, scope it with `repositories:` and explicit `permission-<name>` inputs.',
        audit: githubApp,
    },
    {
        zizmor: 'unpinned-tools',
        name: 'UnpinnedTools',
        severity: 'medium',
        short: 'action installs an unpinned external tool',
        help: 'Give setup actions an exact `version:`; the default or `latest` installs whatever was released last.',
        audit: unpinnedTools,
    },
    {
        zizmor: 'misfeature',
        name: 'Misfeature',
        severity: 'low',
        short: 'usage of GitHub Actions misfeatures',
        help: "Avoid the Windows `cmd` shell: use 'shell: pwsh' or 'shell: bash'.",
        audit: misfeature,
    },
    {
        zizmor: 'concurrency-limits',
        name: 'ConcurrencyLimits',
        severity: 'low',
        short: 'insufficient job-level concurrency limits',
        help: 'Add `concurrency: { group: ..., cancel-in-progress: true }` so superseded runs stop (pedantic).',
        audit: concurrencyLimits,
    },
    {
        zizmor: 'undocumented-permissions',
        name: 'UndocumentedPermissions',
        severity: 'low',
        short: 'permissions without explanatory comments',
        help: 'Add a comment to every permission grant saying why the job needs it (pedantic).',
        audit: undocumentedPermissions,
    },
    {
        zizmor: 'dependabot-cooldown',
        name: 'DependabotCooldown',
        severity: 'medium',
        short: 'insufficient cooldown in Dependabot updates',
        help: 'Add `cooldown: { default-days: 7 }` to each Dependabot update so brand-new (possibly compromised) releases are not pulled in at once.',
        audit: dependabotCooldown,
    },
    {
        zizmor: 'dependabot-execution',
        name: 'DependabotExecution',
        severity: 'high',
        short: 'external code execution in Dependabot updates',
        help: 'Set `insecure-external-code-execution: deny` (or remove it): allowing it runs package code with the registry credentials.',
        audit: dependabotExecution,
    },
    {
        zizmor: 'forbidden-uses',
        name: 'ForbiddenUses',
        severity: 'high',
        short: 'forbidden action or repository used',
        help: 'Use only the actions the configuration allows (rules.forbidden-uses.config in zizmor.yml).',
        audit: forbiddenUses,
    },
    {
        zizmor: 'adhoc-packages',
        name: 'AdhocPackages',
        severity: 'low',
        short: 'ad-hoc installation of packages',
        help: 'Install packages from a lockfile (`npm ci`, `bundle install`, a pinned requirements file) instead of by name in a `run:` step, which takes whatever the registry serves that minute.',
        audit: adhocPackages,
    },
    {
        zizmor: 'anonymous-definition',
        name: 'AnonymousDefinition',
        severity: 'low',
        short: 'workflow or action definition without a name',
        help: "Give the workflow and each job a `name:` so runs can be found in GitHub's UI (pedantic).",
        audit: anonymousDefinition,
    },
    {
        zizmor: 'archived-uses',
        name: 'ArchivedUses',
        severity: 'medium',
        short: 'action or reusable workflow from archived repository',
        help: 'Replace actions from archived repositories: they receive no security fixes.',
        audit: archivedUses,
    },
    {
        zizmor: 'insecure-url-scheme',
        name: 'InsecureUrlScheme',
        severity: 'high',
        short: 'use of an insecure scheme within a URL',
        help: 'Fetch pre-commit repositories over https://: http:// and git:// can be altered in transit.',
        audit: insecureUrlScheme,
    },
    {
        zizmor: 'self-repository',
        name: 'SelfRepository',
        severity: 'low',
        short: "use GitHub's dedicated self-repository syntax",
        help: "Write `uses: $/path` instead of `uses: ./path`: the self-repository form is read from the workflow's own commit, not from whatever the workspace holds at run time.",
        audit: selfRepository,
    },
    {
        zizmor: 'superfluous-actions',
        name: 'SuperfluousActions',
        severity: 'info',
        short: 'action functionality is already included by the runner',
        help: 'Use the tools the runner already has (`gh`, `git`, `jq`, `docker`) in a script step instead of a third-party action.',
        audit: superfluousActions,
    },
    {
        zizmor: 'typosquat-uses',
        name: 'TyposquatUses',
        severity: 'high',
        short: 'action reference resembles a popular action',
        help: 'Check the owner and repository name character by character: this reference is one keystroke away from a popular action of another owner.',
        audit: typosquatUses,
    },
    {
        zizmor: 'unsound-ternary',
        name: 'UnsoundTernary',
        severity: 'low',
        short: 'unsound pseudo-ternary expression',
        help: "`cond && X || Y` yields Y whenever X is falsy (`''`, `0`, `false`, `null`): swap the branches (`!cond && Y || X`) or use a truthy value.",
        audit: unsoundTernary,
    },
];
const INVALID_YAML_RULE = 'workflow/invalid-yaml';
const INVALID_STRUCTURE_RULE = 'workflow/invalid-structure';
const WORKFLOW_RULES = [
    ...SPECS.map((s) => ({
        id: `workflow/${s.zizmor}`,
        name: s.name,
        shortDescription: s.short,
        help: s.help,
        helpUri: `https://docs.zizmor.sh/audits/#${s.zizmor}`,
        defaultSeverity: s.severity,
        equivalent: { zizmor: s.zizmor },
    })),
    {
        id: INVALID_YAML_RULE,
        name: 'InvalidYaml',
        shortDescription: 'workflow or action file is not valid YAML',
        help: 'Fix the YAML syntax; GitHub refuses to run the file and it cannot be audited.',
        defaultSeverity: 'high',
    },
    {
        id: INVALID_STRUCTURE_RULE,
        name: 'InvalidStructure',
        shortDescription: 'workflow, action or Dependabot file is not one GitHub can run',
        help: 'A workflow needs `on:` and `jobs:` (each job `runs-on:` or `uses:`, each step `uses:` or `run:`), an action `runs.using`, a Dependabot file `version` and `updates`; GitHub refuses the file and zizmor will not load it.',
        defaultSeverity: 'high',
    },
];
/** Audit functions by zizmor id, in the order they run. */
const AUDITS = SPECS.map((s) => ({ zizmor: s.zizmor, audit: s.audit }));

;// CONCATENATED MODULE: ../packages/source/dist/audit/structure.js
/**
 * Whether a file is the document GitHub would run, by the shape GitHub's workflow and action schemas
 * require and zizmor's models (github-actions-models) load: a workflow is a mapping with `on:` and
 * `jobs:`, each job has `runs-on:` (or `uses:`, a reusable workflow) and each step `uses:` or `run:` (or a
 * background-step control: `parallel:`, `wait:`, `wait-all:`, `cancel:`); an
 * action has `runs:` with `using:`; a Dependabot file has `version:` and `updates:`. GitHub refuses
 * anything else ("Invalid workflow file") and zizmor will not load it, so an audit that found nothing
 * in such a file must not pass it: the file is reported instead (workflow/invalid-structure).
 */


const WHAT = {
    workflow: 'a GitHub Actions workflow',
    action: 'a GitHub Actions action',
    dependabot: 'a Dependabot configuration',
};
const HELP = {
    workflow: 'a workflow is a mapping with `on:` (the events that run it) and `jobs:`, each job with `runs-on:` or `uses:` and each step with `uses:` or `run:`; GitHub refuses the file as it is. Move files that are not workflows out of .github/workflows',
    action: 'an action.yml is a mapping with `runs:` naming what it runs with (`using:`); GitHub cannot use the action as it is',
    dependabot: 'a dependabot.yml is a mapping with `version: 2` and `updates:`; GitHub ignores it as it is',
};
/** A key or id from the file as quoted in a message: one line, controls visible, at most 60 characters. */
function shown(name) {
    return (0,dist/* safeInlineBounded */.oW)(name, 60);
}
/** The keys of a workflow (GitHub's workflow syntax); GitHub refuses a file with any other. */
const WORKFLOW_KEYS = new Set(['name', 'run-name', 'on', 'permissions', 'env', 'defaults', 'concurrency', 'jobs']);
/** What a step does: an action, a script, or one of GitHub's background-step controls. */
const STEP_KINDS = ['uses', 'run', 'wait', 'wait-all', 'cancel'];
function structureProblem(src, kind) {
    if (kind === 'pre-commit')
        return undefined;
    const at = (node) => src.range(node)?.[0] ?? 0;
    const problem = (message, node) => ({
        message: `not ${WHAT[kind]}: ${message}`,
        help: HELP[kind],
        offset: at(node),
    });
    const root = src.root();
    if (!root)
        return problem('the file is empty or not a mapping');
    if (kind === 'workflow')
        return workflowProblem(src, root, problem);
    if (kind === 'action') {
        const runs = src.pair(root, 'runs');
        if (!runs)
            return problem('it has no `runs:`');
        if (!(0,yaml_dist/* isMap */.jh)(src.resolve(runs.value)))
            return problem('`runs:` is not a mapping', runs.key);
        if (src.get(runs.value, 'using') === undefined)
            return problem('`runs:` has no `using:`', runs.key);
        return undefined;
    }
    if (src.get(root, 'version') === undefined)
        return problem('it has no `version:`');
    const updates = src.pair(root, 'updates');
    if (!updates)
        return problem('it has no `updates:`');
    if (!(0,yaml_dist/* isSeq */.oP)(src.resolve(updates.value)))
        return problem('`updates:` is not a list', updates.key);
    return undefined;
}
function workflowProblem(src, root, problem) {
    for (const [key, pair] of src.entries(root)) {
        if (!WORKFLOW_KEYS.has(key) && key !== 'true')
            return problem(`\`${shown(key)}:\` is not a workflow key (${[...WORKFLOW_KEYS].join(', ')})`, pair.key);
    }
    // `on` is a string key in YAML 1.2; a YAML 1.1 reader would have made it `true`.
    const on = src.pair(root, 'on') ?? src.pair(root, 'true');
    if (!on)
        return problem('it has no `on:` (the events that run it)');
    for (const [id, pair] of src.entries(src.get(src.get(on.value, 'workflow_call'), 'inputs'))) {
        const type = src.str(src.get(pair.value, 'type'));
        if (type !== 'boolean' && type !== 'number' && type !== 'string') {
            return problem(`input \`${shown(id)}\` of \`on.workflow_call\` has no \`type:\` of boolean, number or string`, pair.key);
        }
    }
    const jobs = src.pair(root, 'jobs');
    if (!jobs)
        return problem('it has no `jobs:`');
    if (!(0,yaml_dist/* isMap */.jh)(src.resolve(jobs.value)))
        return problem('`jobs:` is not a mapping of job ids to jobs', jobs.key);
    for (const [id, pair] of src.entries(jobs.value)) {
        const job = src.resolve(pair.value);
        if (!(0,yaml_dist/* isMap */.jh)(job))
            return problem(`job \`${shown(id)}\` is not a mapping`, pair.key);
        if (src.pair(job, 'runs-on') === undefined && src.pair(job, 'uses') === undefined) {
            return problem(`job \`${shown(id)}\` has neither \`runs-on:\` nor \`uses:\``, pair.key);
        }
        const steps = src.pair(job, 'steps');
        if (!steps)
            continue;
        const list = src.resolve(steps.value);
        if (!(0,yaml_dist/* isSeq */.oP)(list))
            return problem(`the \`steps:\` of job \`${shown(id)}\` are not a list`, steps.key);
        for (const [i, item] of list.items.entries()) {
            const step = src.resolve(item);
            const where = `step ${i + 1} of job \`${shown(id)}\``;
            if (!(0,yaml_dist/* isMap */.jh)(step))
                return problem(`${where} is not a mapping`, step ?? steps.key);
            const parallel = src.pair(step, 'parallel');
            if (parallel) {
                const inner = src.resolve(parallel.value);
                if (!(0,yaml_dist/* isSeq */.oP)(inner))
                    return problem(`the \`parallel:\` of ${where} is not a list of steps`, parallel.key);
                for (const [j, sub] of inner.items.entries()) {
                    const s = src.resolve(sub);
                    if (!(0,yaml_dist/* isMap */.jh)(s) || !STEP_KINDS.some((k) => src.pair(s, k) !== undefined)) {
                        return problem(`parallel step ${j + 1} of ${where} has neither \`uses:\` nor \`run:\``, s ?? parallel.key);
                    }
                }
            }
            else if (!STEP_KINDS.some((k) => src.pair(step, k) !== undefined)) {
                return problem(`${where} has neither \`uses:\` nor \`run:\``, step);
            }
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ../packages/source/dist/audit/audit-workflows.js
/**
 * The workflow audit engine: finds workflows (`.github/workflows/*.yml|yaml`) and actions
 * (`action.yml|yaml`) under a root, parses each with positions, runs every rule, and returns core
 * `Finding`s carrying the zizmor audit id, persona and confidence in `properties`.
 */









const CONFIDENCE_RANK = { low: 0, medium: 1, high: 2 };
const SKIP_DIRS = new Set(['node_modules', '.git']);
const YAML_EXT = /\.ya?ml$/i;
function fileKind(rel) {
    const base = external_node_path_.posix.basename(rel).toLowerCase();
    // A file in .github/workflows is a workflow whatever its name (a workflow named dependabot.yml is one,
    // and auditing it as a Dependabot file would run none of the workflow rules on it: zizmor #1341).
    if (/(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i.test(rel))
        return 'workflow';
    if (base === 'action.yml' || base === 'action.yaml')
        return 'action';
    if (/(^|\/)\.github\/dependabot\.ya?ml$/i.test(rel) || base === 'dependabot.yml' || base === 'dependabot.yaml')
        return 'dependabot';
    if (base === '.pre-commit-config.yaml' || base === '.pre-commit-config.yml')
        return 'pre-commit';
    return undefined;
}
async function walk(dir, rootDir, out) {
    let entries;
    try {
        entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
    }
    catch (e) {
        throw new dist/* ConfigurationError */.j1(`cannot read directory ${dir}: ${(0,dist/* errorMessage */.gJ)(e)}`, { location: { file: dir } });
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
        const full = external_node_path_.join(dir, e.name);
        if (e.isDirectory()) {
            if (SKIP_DIRS.has(e.name))
                continue;
            await walk(full, rootDir, out);
        }
        else if (YAML_EXT.test(e.name)) {
            // Not only regular files: a link, FIFO or device named as a workflow is listed so the safe reader
            // refuses it by name (skipping it would audit the repository without it, and pass).
            const rel = external_node_path_.relative(rootDir, full).split(external_node_path_.sep).join('/');
            // Kinds are judged on the absolute path, so auditing `.github` or `.github/workflows` finds them too.
            const abs = full.split(external_node_path_.sep).join('/');
            const kind = fileKind(abs);
            // As zizmor: every dependabot.yml|yaml in the tree (GitHub reads .github/dependabot.yml; a copy
            // elsewhere is audited too, so a fixture or template cannot hide a finding).
            if (kind)
                out.push(rel);
        }
    }
}
/** The paths (relative to root) that git's ignore rules exclude; empty outside a git work tree. */
async function gitIgnored(root, rels) {
    if (rels.length === 0)
        return new Set();
    const r = await git_gitRun(root, ['check-ignore', '--no-index', '--stdin'], { input: `${rels.join('\n')}\n`, allowFailure: true }).catch(() => undefined);
    // 0: some are ignored, 1: none is, anything else: not a work tree (nothing to honour).
    if (!r || r.code !== 0)
        return new Set();
    return new Set(r.stdout.split('\n').filter((l) => l !== ''));
}
/** Files to audit: explicit files keep their given kind guess; directories are searched. */
async function discover(root, paths) {
    const rootStat = await (0,promises_.stat)(root).catch((e) => {
        throw new dist/* ConfigurationError */.j1(`cannot audit ${root}: ${(0,dist/* errorMessage */.gJ)(e)}`, {
            location: { file: root },
            hint: 'pass an existing directory or workflow file',
        });
    });
    // Anything but a folder is audited as one file (a FIFO or a device is then refused by the safe reader).
    if (!rootStat.isDirectory()) {
        const base = external_node_path_.dirname(root);
        const rel = external_node_path_.basename(root);
        return { base, files: [{ rel, kind: fileKind(root.split(external_node_path_.sep).join('/')) ?? 'workflow' }] };
    }
    const out = [];
    for (const p of paths && paths.length > 0 ? paths : ['.']) {
        const full = external_node_path_.resolve(root, p);
        const s = await (0,promises_.stat)(full).catch((e) => {
            throw new dist/* ConfigurationError */.j1(`cannot audit ${p}: ${(0,dist/* errorMessage */.gJ)(e)}`, { location: { file: p } });
        });
        if (!s.isDirectory()) {
            const rel = external_node_path_.relative(root, full).split(external_node_path_.sep).join('/');
            out.push({ rel, kind: fileKind(full.split(external_node_path_.sep).join('/')) ?? 'workflow' });
        }
        else {
            const found = [];
            await walk(full, root, found);
            for (const rel of found)
                out.push({ rel, kind: fileKind(external_node_path_.join(root, rel).split(external_node_path_.sep).join('/')) ?? 'workflow' });
        }
    }
    const seen = new Set();
    const unique = out.filter((f) => (seen.has(f.rel) ? false : (seen.add(f.rel), true)));
    // As zizmor, files the repository's .gitignore excludes (build output, mutation-testing sandboxes) are
    // not audited; explicitly named files always are.
    const named = new Set((paths ?? []).map((p) => external_node_path_.relative(root, external_node_path_.resolve(root, p)).split(external_node_path_.sep).join('/')));
    const ignored = await gitIgnored(root, unique.map((f) => f.rel).filter((r) => !named.has(r)));
    return { base: root, files: unique.filter((f) => !ignored.has(f.rel)) };
}
/** Audits one file's text; exported for tests and for callers holding the text already. */
function auditWorkflowText(text, file, kind, options = {}) {
    return auditWorkflowTextDetailed(text, file, kind, options).findings;
}
/** The one finding for a file GitHub cannot run (not YAML, or not a workflow): nothing else is audited in it. */
function unrunnableFile(rule, message, file, line, column, help) {
    return {
        findings: [
            {
                rule,
                severity: 'high',
                message,
                file,
                line,
                ...(column !== undefined ? { column } : {}),
                help,
                properties: { zizmor: null, persona: 'regular', confidence: 'high' },
            },
        ],
        suppressed: [],
        refused: [],
    };
}
function auditWorkflowTextDetailed(text, file, kind, options = {}) {
    const suppressed = [];
    const refused = [];
    let src;
    try {
        src = new yaml_source_YamlSource(file, text);
    }
    catch (e) {
        if (e instanceof dist/* ConfigurationError */.j1 && e.location?.line !== undefined && !/larger than/.test(e.message)) {
            return unrunnableFile(INVALID_YAML_RULE, e.message, file, e.location.line, e.location.column, e.hint ?? 'fix the YAML syntax');
        }
        throw e;
    }
    // Valid YAML that is no workflow (or action, or Dependabot file) runs nothing and has nothing to find:
    // reported instead of passing with no finding, as zizmor refuses to load it.
    const shape = structureProblem(src, kind);
    if (shape) {
        const at = src.position(shape.offset);
        return unrunnableFile(INVALID_STRUCTURE_RULE, shape.message, file, at.line, at.column, shape.help);
    }
    const config = options.config ?? defaultAuditConfig();
    const model = model_buildAuditFile(src, file, kind, options.publicRepository === true, config);
    if (!model)
        return { findings: [], suppressed, refused };
    const persona = options.persona ?? 'regular';
    const trust = options.trust ?? { inline: () => true, config: () => true, source: 'working tree' };
    const raw = [];
    for (const { zizmor, audit } of AUDITS) {
        if (options.disabled?.has(zizmor) || config.rules.get(zizmor)?.disable === true)
            continue;
        audit(model, (f) => raw.push(f));
    }
    const ignores = src.ignoreComments();
    const seen = new Set();
    const out = [];
    for (const r of raw) {
        if (PERSONA_RANK[r.persona] > PERSONA_RANK[persona])
            continue;
        const key = `${r.audit}:${r.range[0]}:${r.range[1]}:${r.message}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        const start = src.position(r.range[0]);
        const end = src.position(r.range[1]);
        const ignoreRange = r.ignoreRange ?? r.range;
        const from = src.position(ignoreRange[0]).line;
        const to = src.position(ignoreRange[1]).line;
        const note = (by, source) => ({
            rule: `workflow/${r.audit}`,
            file,
            line: start.line,
            column: start.column,
            by,
            source,
            message: r.message,
        });
        let inlineLine;
        for (let line = from; line <= to && inlineLine === undefined; line++) {
            const ids = ignores.get(line);
            if (ids && (ids.has(r.audit) || ids.has(`workflow/${r.audit}`)))
                inlineLine = line;
        }
        if (inlineLine !== undefined) {
            if (trust.inline(inlineLine)) {
                suppressed.push(note('inline', trust.source));
                continue;
            }
            refused.push(note('inline', 'this change (not in the trusted revision)'));
        }
        const settings = config.rules.get(r.audit);
        const base = external_node_path_.posix.basename(file.split(external_node_path_.sep).join('/'));
        const entry = settings?.ignore.find((i) => i.file === base && (i.line === undefined || i.line === start.line) && (i.column === undefined || i.column === start.column));
        if (entry) {
            if (entry.line === undefined || trust.config(start.line)) {
                suppressed.push(note('zizmor.yml', config.file ?? trust.source));
                continue;
            }
            refused.push(note('zizmor.yml', `${config.file ?? 'zizmor.yml'} (line ${start.line} changed since the trusted revision)`));
        }
        const rule = WORKFLOW_RULES.find((d) => d.id === `workflow/${r.audit}`);
        out.push({
            rule: `workflow/${r.audit}`,
            severity: settings?.severity ?? r.severity,
            message: r.message,
            file,
            line: start.line,
            column: start.column,
            endLine: end.line,
            endColumn: end.column,
            ...(rule ? { help: rule.help } : {}),
            properties: { zizmor: r.audit, persona: r.persona, confidence: r.confidence },
        });
    }
    return { findings: out.sort(dist/* compareFindings */.Eg), suppressed, refused };
}
/** The text of `rel` (relative to root) at a git revision, or undefined when the file did not exist there. */
async function textAtRevision(root, revision, rel) {
    const r = await git_gitRun(root, ['show', `${revision}:./${rel}`], { allowFailure: true });
    if (r.code === 0)
        return r.stdout;
    const check = await git_gitRun(root, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], { allowFailure: true });
    if (check.code !== 0)
        throw new dist/* ConfigurationError */.j1(`the trusted revision ${revision} is not a commit of ${root}`, {
            hint: 'fetch the base branch (actions/checkout with fetch-depth: 0) or pass the right base',
        });
    return undefined;
}
/** Lines of the trusted text, trimmed, for "is this line unchanged" checks. */
function lineSet(text) {
    const at = (text ?? '').split(/\r?\n/).map((l) => l.trim());
    return { set: new Set(at), at };
}
async function auditWorkflows(options) {
    const { logger } = options;
    const root = external_node_path_.resolve(options.root);
    const disabled = new Set();
    const skipGlobs = [];
    for (const entry of options.ignore ?? []) {
        const id = entry.replace(/^workflow\//, '');
        if (WORKFLOW_RULES.some((r) => r.id === `workflow/${id}`))
            disabled.add(id);
        else
            skipGlobs.push((0,dist/* pathPattern */.s$)(entry));
    }
    const { files, base } = await discover(root, options.paths);
    const mode = options.suppressions ?? 'working-tree';
    const revision = typeof mode === 'object' ? mode.trustedRevision : undefined;
    let config = defaultAuditConfig();
    if (typeof options.zizmorConfig === 'string' || (options.zizmorConfig === undefined && mode === 'working-tree')) {
        const configFile = options.zizmorConfig ?? discoverZizmorConfig(base);
        if (configFile !== undefined) {
            // The operator's --zizmor-config may be a link anywhere; a discovered one stays inside the repository.
            config = await loadZizmorConfig(configFile, options.zizmorConfig !== undefined ? '/' : base).catch((e) => {
                if (e instanceof dist/* ConfigurationError */.j1)
                    throw e;
                throw new dist/* ConfigurationError */.j1(`cannot read zizmor configuration ${configFile}: ${(0,dist/* errorMessage */.gJ)(e)}`, {
                    location: { file: configFile },
                });
            });
            logger.info(`using zizmor configuration ${external_node_path_.relative(process.cwd(), configFile) || configFile}`);
        }
    }
    else if (options.zizmorConfig === undefined && revision !== undefined) {
        // zizmor's discovery, but read from the trusted revision: the change under review cannot add or edit it.
        let trustedText;
        for (const name of ['.github/zizmor.yml', '.github/zizmor.yaml', 'zizmor.yml', 'zizmor.yaml']) {
            trustedText = await textAtRevision(base, revision, name);
            if (trustedText === undefined)
                continue;
            config = parseZizmorConfig(trustedText, `${name}@${revision.slice(0, 12)}`);
            logger.info(`using zizmor configuration ${name} as of ${revision.slice(0, 12)} (the trusted revision)`);
            break;
        }
        const current = discoverZizmorConfig(base);
        if (current &&
            (await (0,dist/* readRegularFile */.XF)(current, { maxBytes: MAX_WORKFLOW_BYTES, within: base, what: 'zizmor configuration' })
                .then((b) => b.toString('utf8'))
                .catch(() => '')) !== trustedText)
            logger.warning(`${external_node_path_.relative(base, current)} differs from the trusted revision ${revision.slice(0, 12)}: its changes are not honoured`, { file: external_node_path_.relative(base, current) });
    }
    else if (mode === 'none' && options.zizmorConfig === undefined) {
        const current = discoverZizmorConfig(base);
        if (current)
            logger.warning(`ignoring ${current}: suppressions from the audited repository are not honoured here`, { file: current });
    }
    // A disabled rule leaves no trace in the findings, so say so where a reviewer will see it.
    const off = [...config.rules.entries()].filter(([, r]) => r.disable).map(([id]) => id);
    if (off.length > 0)
        logger.warning(`rules disabled by ${config.file ?? 'zizmor.yml'}: ${off.join(', ')}`, { file: config.file ?? 'zizmor.yml' });
    const findings = [];
    const suppressed = [];
    const refused = [];
    const audited = [];
    for (const { rel, kind } of files) {
        if (skipGlobs.some((g) => g.test(rel))) {
            logger.debug(`skipping ${rel} (ignored)`);
            continue;
        }
        const full = external_node_path_.join(base, rel);
        const size = (await (0,promises_.stat)(full)).size;
        if (size > MAX_WORKFLOW_BYTES) {
            throw new dist/* ConfigurationError */.j1(`${rel} is ${(size / 1024 / 1024).toFixed(1)} MB, larger than the ${MAX_WORKFLOW_BYTES / 1024 / 1024} MB limit for workflow files`, {
                location: { file: rel },
                hint: 'no real workflow is this large; remove it or skip it with --ignore',
            });
        }
        // Core's safe reader and UTF-8 decoder: a workflow saved as UTF-16 would otherwise decode to text with a
        // zero byte between characters, parse as no workflow and pass the audit with no finding; a link leaving
        // the audited folder, a FIFO or a device is refused, never read.
        const text = (0,dist/* decodeUtf8 */._6)(await (0,dist/* readRegularFile */.XF)(full, { maxBytes: MAX_WORKFLOW_BYTES, within: base, what: 'workflow file' }), rel, 'workflow file');
        let trust;
        if (revision !== undefined) {
            const trusted = lineSet(await textAtRevision(base, revision, rel));
            const current = text.split(/\r?\n/).map((l) => l.trim());
            trust = {
                source: `revision ${revision.slice(0, 12)}`,
                inline: (line) => trusted.set.has(current[line - 1] ?? '\0'),
                config: (line) => trusted.at[line - 1] === current[line - 1],
            };
        }
        else if (mode === 'none')
            trust = { source: 'none', inline: () => false, config: () => false };
        logger.debug(`auditing ${rel} as ${kind}`);
        const r = auditWorkflowTextDetailed(text, rel, kind, {
            persona: options.persona ?? 'regular',
            disabled,
            publicRepository: options.publicRepository === true,
            config,
            ...(trust ? { trust } : {}),
        });
        findings.push(...r.findings);
        suppressed.push(...r.suppressed);
        refused.push(...r.refused);
        audited.push(rel);
    }
    // Both lists are part of the report: a reviewer sees what was silenced and what the change tried to.
    for (const s of suppressed)
        logger.info(`suppressed ${s.rule} at ${s.file}:${s.line}:${s.column} by ${s.by} (${s.source})`);
    for (const s of refused)
        logger.warning(`suppression of ${s.rule} not honoured: ${s.by} from ${s.source}`, { file: s.file, line: s.line, column: s.column });
    const shown = findings.filter((f) => (options.minSeverity === undefined || (0,dist/* atLeast */.jZ)(f.severity, options.minSeverity)) &&
        (options.minConfidence === undefined ||
            CONFIDENCE_RANK[f.properties?.confidence ?? 'high'] >= CONFIDENCE_RANK[options.minConfidence]));
    return {
        findings: shown.sort(dist/* compareFindings */.Eg),
        files: audited,
        suppressed,
        refused,
        belowThreshold: findings.length - shown.length,
        base,
        kinds: Object.fromEntries(files.filter((x) => audited.includes(x.rel)).map((x) => [x.rel, x.kind])),
    };
}

;// CONCATENATED MODULE: ../packages/source/dist/audit/fix.js
/**
 * Fix mode, like zizmor's `--fix`, for the mechanical findings — written as a unified patch for the
 * user to review and `git apply`, never applied in place:
 * - artipacked: `persist-credentials: false` in the checkout's `with:` (added when absent);
 * - excessive-permissions (no permissions anywhere): `permissions: {}` at the top of the workflow;
 * - unpinned-uses: the full commit SHA with the version as a comment (`@<sha> # v4.2.2`), when a pins
 *   file maps `owner/repo@ref` to the SHA (offline there is no other trustworthy source: a tag can be
 *   moved, and nothing here asks the network); otherwise skipped with a note;
 * - self-repository: `./path` → `$/path`;
 * - obfuscation in `uses:` paths: the normalised path.
 * Edits are textual insertions and replacements at the source offsets of the parsed YAML, so comments
 * and layout stay as they are; the patch is made by `git diff --no-index`.
 */








/** `owner/repo@ref` → 40-hex SHA, from a pins file: `owner/repo@ref <sha>` per line (`#` comments), or JSON `{ "owner/repo@ref": "sha" }`. */
async function loadPins(file) {
    // Core's safe reader: a FIFO or a device is refused, not read forever; the pins file may be a link anywhere.
    const text = await readTextFile(file, { ...OPERATOR_FILE, maxBytes: 16 * 1024 * 1024, what: 'pins file' });
    const pins = new Map();
    const add = (key, sha, line) => {
        if (!/^[^@\s]+\/[^@\s]+@\S+$/.test(key) || !/^[0-9a-f]{40}$/i.test(sha))
            // The line is not quoted: a pins file that is really some other file (a link to a secret) stays unread.
            throw new ConfigurationError(`pins file ${file}: ${line !== undefined ? `line ${line}` : 'an entry'} is not "owner/repo@ref <40-hex sha>"`, {
                location: { file, ...(line !== undefined ? { line } : {}) },
            });
        pins.set(key.toLowerCase(), sha.toLowerCase());
    };
    if (text.trimStart().startsWith('{')) {
        const json = parseJsonText(text, file);
        if (json === null || typeof json !== 'object' || Array.isArray(json))
            throw new ConfigurationError(`pins file ${file}: the JSON form must be an object of "owner/repo@ref": "sha"`, { location: { file } });
        for (const [k, v] of Object.entries(json))
            add(k, String(v));
    }
    else
        text.split('\n').forEach((raw, i) => {
            const l = raw.replace(/#.*$/, '').trim();
            if (!l)
                return;
            const [k, v, ...rest] = l.split(/\s+/);
            if (rest.length > 0)
                throw new ConfigurationError(`pins file ${file}: line ${i + 1} has extra words`, { location: { file, line: i + 1 } });
            add(k ?? '', v ?? '', i + 1);
        });
    return pins;
}
function indentOf(text, offset) {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    return /^[ \t-]*/.exec(text.slice(lineStart))[0].replace(/-/g, ' ');
}
function lineEnd(text, offset) {
    const e = text.indexOf('\n', offset);
    return e < 0 ? text.length : e;
}
/** The edits that fix one file's mechanical findings. */
function planFixes(text, file, kind, pins) {
    const src = new YamlSource(file, text);
    const f = buildAuditFile(src, file, kind, false);
    const edits = [];
    const skipped = [];
    if (!f)
        return { edits, skipped };
    const pos = (o) => `${file}:${src.position(o).line}`;
    // permissions: {} at the top when neither the workflow nor every job says what the token may do.
    if (kind === 'workflow' && !src.pair(f.root, 'permissions') && f.jobs.some((j) => !src.pair(j.node, 'permissions'))) {
        const jobsPair = src.pair(f.root, 'jobs');
        const k = jobsPair?.key;
        if (k?.range) {
            const at = text.lastIndexOf('\n', k.range[0] - 1) + 1;
            edits.push({
                start: at,
                end: at,
                text: 'permissions: {}\n\n',
                what: `${pos(at)}: add top-level permissions: {} (grant each job what it needs)`,
            });
        }
    }
    for (const step of f.steps) {
        if (!step.uses?.node.range)
            continue;
        const [us, ue] = step.uses.node.range;
        const value = step.uses.value.trim();
        // artipacked
        if (usesAction(step, 'actions/checkout')) {
            const pc = src.get(step.with, 'persist-credentials');
            const v = src.str(pc)?.trim().toLowerCase();
            if (pc?.range && v !== 'false' && !(v ?? '').includes('${{'))
                edits.push({ start: pc.range[0], end: pc.range[1], text: 'false', what: `${pos(pc.range[0])}: persist-credentials: false` });
            else if (pc === undefined && isMap(step.with) && step.with.items.length > 0) {
                const first = step.with.items[0].key;
                if (first.range) {
                    const ind = indentOf(text, first.range[0]);
                    const at = lineEnd(text, step.with.items[step.with.items.length - 1].value?.range?.[1] ?? first.range[1]);
                    edits.push({
                        start: at,
                        end: at,
                        text: `\n${ind}persist-credentials: false`,
                        what: `${pos(first.range[0])}: persist-credentials: false`,
                    });
                }
            }
            else if (step.with === undefined) {
                const usesKey = step.uses.pair.key;
                if (usesKey.range) {
                    const ind = indentOf(text, usesKey.range[0]);
                    const at = lineEnd(text, ue);
                    edits.push({
                        start: at,
                        end: at,
                        text: `\n${ind}with:\n${ind}  persist-credentials: false`,
                        what: `${pos(us)}: persist-credentials: false`,
                    });
                }
            }
        }
        const node = step.uses.node;
        const quote = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') ? text.charAt(us) : '';
        // self-repository
        if (value.startsWith('./')) {
            edits.push({ start: us, end: ue, text: `${quote}$${value.slice(1)}${quote}`, what: `${pos(us)}: ${value} → $${value.slice(1)}` });
            continue;
        }
        const u = parseUses(value);
        if (u.kind !== 'repository' || !u.owner || !u.repo || u.ref === undefined)
            continue;
        // obfuscation: normalise the path
        const sub = value.slice(0, value.lastIndexOf('@')).split('/').slice(2);
        let normalised = value;
        if (sub.some((c) => c === '' || c === '.' || c === '..')) {
            const out = [];
            let ok = true;
            for (const c of sub) {
                if (c === '' || c === '.')
                    continue;
                if (c === '..') {
                    if (out.length === 0)
                        ok = false;
                    out.pop();
                }
                else
                    out.push(c);
            }
            if (ok)
                normalised = `${[value.split('/')[0], value.split('/')[1]?.split('@')[0], ...out].join('/')}@${u.ref}`;
        }
        // unpinned-uses
        let replacement = normalised;
        let comment = '';
        if (!/^[0-9a-f]{40}$/i.test(u.ref)) {
            const sha = pins.get(`${u.owner}/${u.repo}@${u.ref}`.toLowerCase());
            if (sha) {
                replacement = `${replacement.slice(0, replacement.lastIndexOf('@'))}@${sha}`;
                comment = ` # ${u.ref}`;
            }
            else
                skipped.push(`${pos(us)}: ${value} is not pinned and the pins file has no ${u.owner}/${u.repo}@${u.ref}`);
        }
        if (replacement !== value || comment) {
            // Replace the value and any trailing comment on its line (a stale version comment would mislead).
            const end = comment ? lineEnd(text, ue) : ue;
            edits.push({
                start: us,
                end,
                text: `${quote}${replacement}${quote}${comment}`,
                what: `${pos(us)}: ${value} → ${replacement}${comment}`,
            });
        }
    }
    return { edits, skipped };
}
/** Plans and applies the fixes of the audited files (relative to `base`). */
async function fixFiles(base, files, pins) {
    const out = [];
    for (const { rel, kind } of files) {
        const original = await readTextFile(path.join(base, rel), { maxBytes: 16 * 1024 * 1024, within: base, what: 'workflow file' });
        let plan;
        try {
            plan = planFixes(original, rel, kind, pins);
        }
        catch {
            continue; // invalid YAML: reported by the audit, nothing to fix mechanically
        }
        out.push({
            file: rel,
            original,
            fixed: applyEdits(original, plan.edits),
            applied: plan.edits.map((e) => e.what),
            skipped: plan.skipped,
        });
    }
    return out;
}
function applyEdits(text, edits) {
    const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
    let out = text;
    let floor = Infinity;
    for (const e of sorted) {
        if (e.end > floor)
            continue; // overlapping edits: keep the later one only
        out = out.slice(0, e.start) + e.text + out.slice(e.end);
        floor = e.start;
    }
    return out;
}
/** A unified diff (git's format, `a/`/`b/` prefixes) of the fixes, for `git apply`. */
async function unifiedPatch(results) {
    const changed = results.filter((r) => r.original !== r.fixed);
    if (changed.length === 0)
        return '';
    const dir = await mkdtemp(path.join(tmpdir(), 'sf-fix-'));
    try {
        let patch = '';
        for (const r of changed) {
            for (const side of ['a', 'b']) {
                const p = path.join(dir, side, r.file);
                await mkdir(path.dirname(p), { recursive: true });
                await writeFile(p, side === 'a' ? r.original : r.fixed);
            }
            const d = await gitRun(dir, ['diff', '--no-index', '--no-color', '--no-prefix', '--', `a/${r.file}`, `b/${r.file}`], {
                allowFailure: true,
            });
            if (d.code > 1)
                throw new ConfigurationError(`git diff failed: ${d.stderr.trim()}`);
            patch += d.stdout;
        }
        return patch;
    }
    finally {
        await rm(dir, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ../packages/source/dist/audit/posture.js
/**
 * The least-privilege posture of a repository's workflows: what each job may write with the
 * GITHUB_TOKEN, which actions and reusable workflows it runs by a movable reference, and which secrets
 * it reads. checkout-verify records it in signed evidence (a `workflow-posture` statement next to the
 * source VSA); the rescan computes it again on the default branch and reports what grew since the
 * admitted release (packages/rescan/src/drift.ts).
 *
 * Only what widens privilege is recorded: write grants (per job, as in effect: the job's own block,
 * else the workflow's, else the repository default), unpinned references, secret names. Read grants
 * and SHA-pinned references are not drift.
 */








/** The job id used for grants made at the workflow level that no job overrides (a workflow without jobs). */
const WORKFLOW_LEVEL = '(workflow)';
const posture_FULL_SHA = /^[0-9a-f]{40}$/i;
/** A `uses:` value that can move under the caller: a tag or branch instead of a full commit SHA, an image without a digest. */
function isUnpinned(uses) {
    const v = uses.trim();
    if (v.startsWith('./') || v.startsWith('$/') || v === '.')
        return false; // the workflow's own repository, same commit
    if (v.startsWith('docker://'))
        return !/@sha256:[0-9a-f]{64}$/i.test(v);
    const at = v.lastIndexOf('@');
    return at < 0 || !posture_FULL_SHA.test(v.slice(at + 1));
}
/** Secret names an expression reads: `secrets.NAME`, `secrets['NAME']`; the whole context or a computed index as markers. */
function secretsInExpression(body) {
    const out = new Set();
    for (const m of body.matchAll(/\bsecrets\s*\.\s*([A-Za-z_][A-Za-z0-9_-]*)/g))
        out.add(m[1].toUpperCase());
    for (const m of body.matchAll(/\bsecrets\s*\[\s*'([^']*)'\s*\]/g))
        out.add(m[1].toUpperCase());
    if (/\bsecrets\s*\[\s*[^'\s]/.test(body))
        out.add('(computed index: any secret)');
    if (/\b(?:toJSON|format|join)\s*\(\s*secrets\s*[,)]/i.test(body))
        out.add('(all secrets)');
    // GITHUB_TOKEN's power is what the permissions grant; it is judged there, not as a secret.
    out.delete('GITHUB_TOKEN');
    return [...out];
}
function permissionsOf(src, node) {
    if (node === undefined)
        return 'absent';
    if ((0,yaml_dist/* isScalar */.jn)(node)) {
        const v = src.str(node) ?? '';
        return v === 'write-all' ? [{ scope: '*', access: 'write-all' }] : [];
    }
    if ((0,yaml_dist/* isMap */.jh)(node))
        return src
            .entries(node)
            .filter(([, p]) => src.str(p.value) === 'write')
            .map(([scope]) => ({ scope, access: 'write' }));
    return [];
}
/** The posture of one workflow file's text (`file` relative to the repository root). */
function workflowFilePosture(text, file) {
    const out = { path: file, permissions: [], unpinned: [], secrets: [] };
    let src;
    try {
        src = new yaml_source_YamlSource(file, text);
    }
    catch {
        // A file GitHub cannot parse runs nothing; the audit reports it (workflow/invalid-yaml).
        return out;
    }
    const model = model_buildAuditFile(src, file, 'workflow', false);
    if (!model)
        return out;
    const wfPair = src.pair(model.root, 'permissions');
    const wf = permissionsOf(src, wfPair ? src.resolve(wfPair.value) : undefined);
    const grants = new Map();
    const grant = (job, scope, access) => {
        grants.set(`${job}\u0000${scope}\u0000${access}`, { job, scope, access });
    };
    if (model.jobs.length === 0 && wf !== 'absent')
        for (const g of wf)
            grant(WORKFLOW_LEVEL, g.scope, g.access);
    for (const job of model.jobs) {
        const own = src.pair(job.node, 'permissions');
        const effective = own ? permissionsOf(src, src.resolve(own.value)) : wf;
        if (effective === 'absent')
            grant(job.id, '*', 'default');
        else
            for (const g of effective)
                grant(job.id, g.scope, g.access);
        const called = src.str(src.get(job.node, 'uses'));
        if (called !== undefined && isUnpinned(called))
            out.unpinned.push({ job: job.id, uses: called.trim() });
        if (src.str(src.get(job.node, 'secrets')) === 'inherit')
            out.secrets.push('(all secrets: secrets: inherit)');
    }
    for (const step of model.steps) {
        const uses = step.uses?.value;
        if (uses !== undefined && isUnpinned(uses))
            out.unpinned.push({ job: step.job?.id ?? WORKFLOW_LEVEL, uses: uses.trim() });
    }
    (0,yaml_dist/* visit */.YR)(src.doc, {
        Scalar: (_k, node) => {
            if (typeof node.value !== 'string' || !node.value.includes('${{'))
                return;
            for (const e of extractExpressions(node.value))
                out.secrets.push(...secretsInExpression(e.body));
        },
    });
    out.permissions = [...grants.values()].sort((a, b) => a.job.localeCompare(b.job) || a.scope.localeCompare(b.scope));
    const seenUses = new Set();
    out.unpinned = out.unpinned
        .filter((u) => (seenUses.has(`${u.job}\u0000${u.uses}`) ? false : (seenUses.add(`${u.job}\u0000${u.uses}`), true)))
        .sort((a, b) => a.uses.localeCompare(b.uses) || a.job.localeCompare(b.job));
    out.secrets = [...new Set(out.secrets)].sort();
    return out;
}
/** The audit result as recorded: one line per finding (rule, file, line, severity) and their digest. */
function findingsRecord(findings) {
    const list = findings
        .map((f) => ({ rule: f.rule, file: f.file ?? '', line: f.line ?? 0, severity: f.severity }))
        .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule));
    return { count: list.length, digest: `sha256:${(0,dist/* sha256Hex */.fg)(JSON.stringify(list))}`, list };
}
/** Posture and audit findings of a set of workflow files given as text (paths relative to the repository root). */
function postureOfFiles(files) {
    const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));
    const findings = sorted.flatMap((f) => auditWorkflowText(f.text, f.path, 'workflow'));
    return { files: sorted.map((f) => workflowFilePosture(f.text, f.path)), findings: findingsRecord(findings) };
}
/** The workflows of a checkout (`.github/workflows/*.yml|yaml`), read as regular files. */
async function readWorkflowFiles(root) {
    const dir = external_node_path_.join(root, '.github', 'workflows');
    let names;
    try {
        names = (await (0,promises_.readdir)(dir, { withFileTypes: true })).filter((d) => !d.isDirectory() && /\.ya?ml$/i.test(d.name)).map((d) => d.name);
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return [];
        throw new dist/* ConfigurationError */.j1(`cannot read ${dir}: ${(0,dist/* errorMessage */.gJ)(e)}`, { location: { file: dir } });
    }
    const out = [];
    for (const name of names.sort()) {
        const bytes = await (0,dist/* readRegularFile */.XF)(external_node_path_.join(dir, name), { maxBytes: MAX_WORKFLOW_BYTES, what: 'workflow file' });
        out.push({ path: `.github/workflows/${name}`, text: bytes.toString('utf8') });
    }
    return out;
}
/** The posture of a checkout's workflows. */
async function workflowPosture(root) {
    return postureOfFiles(await readWorkflowFiles(root));
}
/** The evidence name of the posture statement (`workflow-posture.intoto.json`, beside `source.vsa`). */
const WORKFLOW_POSTURE_NAME = 'workflow-posture';
/** The posture statement checkout-verify writes: subject the commit (attest adds the artefacts), predicate the posture. */
function postureStatement(opts) {
    return (0,dist/* makeStatement */.UT)([{ name: opts.repoUri, digest: { gitCommit: opts.head } }], dist/* WORKFLOW_POSTURE_PREDICATE */.PX, {
        repository: opts.repoUri,
        commit: opts.head,
        auditedAt: opts.now.toISOString(),
        ...opts.posture,
    });
}

;// CONCATENATED MODULE: ../packages/source/dist/audit/index.js







;// CONCATENATED MODULE: ../packages/source/dist/verify-source.js
/**
 * `verifySource`: every source check the policy asks for, in order — commit identity, the signed
 * history of the range, review and protection evidence from GitHub, the workflow audit — then the
 * source level reached, a source VSA in the evidence folder and a job summary saying what was
 * checked and what could not be. Fails closed: anything not proven is a blocking finding.
 */













const SIGNATURE_RULE = {
    unsigned: {
        rule: 'source/unsigned-commit',
        help: 'sign every commit (git config commit.gpgsign true) with a key listed in source.signers',
    },
    bad: { rule: 'source/bad-signature', help: 'the commit or its signature was altered: rebuild it from a trusted copy and re-sign it' },
    untrusted: {
        rule: 'source/untrusted-signer',
        help: 'sign with a key listed in source.signers, or add the signer to the policy through review',
    },
    'expired-key': { rule: 'source/expired-key', help: 'extend the key or re-sign the commits with a current key listed in the policy' },
    'expired-signature': { rule: 'source/expired-key', help: 're-sign the commits with a current key' },
    'revoked-key': {
        rule: 'source/revoked-key',
        help: 'a revoked key signed this commit: find out why it was revoked before trusting the change',
    },
    'email-mismatch': {
        rule: 'source/committer-mismatch',
        help: 'the committer e-mail must be the signer’s own (source.signers[].email or the key’s user id)',
    },
    'cannot-check': { rule: 'source/could-not-verify', help: 'give the step what it needs to check this signature' },
};
/** What a group of commits with one signature status has in common, for "N commits …". */
const GROUP_PHRASE = {
    unsigned: 'not signed',
    untrusted: 'not signed by a policy signer',
    bad: 'with a signature that does not match the commit',
    'expired-key': 'signed with an expired key',
    'expired-signature': 'with an expired signature',
    'revoked-key': 'signed with a revoked key',
    'email-mismatch': "signed by a policy signer for someone else's committer e-mail",
    'cannot-check': 'whose signature could not be checked',
};
const describeCommit = (s) => `${s.sha.slice(0, 12)} (${s.subject.slice(0, 60)})`;
/**
 * One finding per cause, not per commit: "182 commits not signed: first …, last …", with every commit
 * listed in the finding's properties (the --json output), so a long history reads in one screen.
 */
function groupSignatureFindings(bad) {
    const groups = new Map();
    for (const s of bad) {
        const status = s.status;
        groups.set(status, [...(groups.get(status) ?? []), s]);
    }
    return [...groups].map(([status, list]) => {
        const r = SIGNATURE_RULE[status];
        const severity = status === 'cannot-check' || status === 'unsigned' ? 'high' : 'critical';
        const one = list[0];
        if (list.length === 1) {
            return {
                rule: r.rule,
                severity,
                blocking: true,
                message: `commit ${describeCommit(one)}: ${one.message}`,
                help: r.help,
                properties: { commit: one.sha, status, format: one.format, ...(one.key ? { key: one.key } : {}) },
            };
        }
        // The range is newest first: the first offending commit in history is the last in the list.
        const first = list[list.length - 1];
        return {
            rule: r.rule,
            severity,
            blocking: true,
            message: `${list.length} commits ${GROUP_PHRASE[status]}: first ${describeCommit(first)}, last ${describeCommit(one)}; all listed in the JSON report`,
            help: r.help,
            properties: { status, count: list.length, commits: list.map((s) => s.sha), formats: [...new Set(list.map((s) => s.format))] },
        };
    });
}
/** Unexpired rule-scoped exceptions of the policy waive matching findings (they stay in the report). */
function applyExceptions(findings, policy, now) {
    return findings.map((f) => {
        const x = policy.exceptions.find((e) => e.rule === f.rule && e.advisory === undefined && e.package === undefined && !(0,dist/* isExpired */._d)(e.expires, now));
        return x ? { ...f, blocking: false, waived: { reason: x.reason, approver: x.approver, expires: x.expires } } : f;
    });
}
const ICON = {
    passed: '✅',
    failed: '❌',
    'not-verified': '⚠️ could not verify',
    'not-required': '⚪ not required',
};
async function verifySource(opts) {
    const { policy, logger } = opts;
    const sc = policy.sourceCheck;
    const now = opts.now ?? new Date();
    const findings = [];
    const checks = [];
    // 1. commit identity (no commits, not a repository: ConfigurationError from here)
    const identity = await checkCommitIdentity({ repo: opts.repo, expectedSha: opts.expectedSha, logger });
    const head = identity.head;
    if (opts.expectedSha && opts.expectedSha !== head) {
        findings.push({
            rule: 'source/commit-identity',
            severity: 'critical',
            blocking: true,
            message: `HEAD is ${head}, not the expected commit ${opts.expectedSha}`,
            help: 'check out the commit the workflow was triggered for',
        });
    }
    if (!identity.clean) {
        findings.push({
            rule: 'source/dirty-tree',
            severity: 'high',
            blocking: true,
            message: identity.problems.find((p) => p.includes('uncommitted')) ?? 'the work tree has uncommitted changes',
            help: 'build from a clean checkout: earlier steps must not modify tracked files or leave new files (the factory’s own .secure-factory/ and secure-factory*.sarif do not count)',
            properties: { paths: identity.dirty },
        });
    }
    checks.push({
        check: 'HEAD is the expected commit',
        result: opts.expectedSha ? (opts.expectedSha === head ? 'passed' : 'failed') : 'not-verified',
        detail: opts.expectedSha ? `HEAD ${head}` : `HEAD ${head}; no expected SHA was given`,
    });
    checks.push({
        check: 'clean work tree',
        result: identity.clean ? 'passed' : 'failed',
        detail: identity.clean
            ? 'no uncommitted changes'
            : `${identity.dirty.length} changed path(s): ${identity.dirty.slice(0, 5).join(', ')}${identity.dirty.length > 5 ? ', …' : ''}`,
    });
    const client = opts.githubClient ?? (opts.github ? createGitHubClient(opts.github) : undefined);
    const eventRef = opts.github?.ref ?? opts.ref;
    // 2. signatures over the range
    let range;
    let signatures = [];
    let signedHistory = false;
    if (sc.signedCommits === 'none') {
        checks.push({ check: 'signed commits', result: 'not-required', detail: 'source.signed-commits is none' });
    }
    else {
        range =
            sc.signedCommits === 'head'
                ? { commits: [head], description: 'HEAD only', complete: true, gaps: [], deepened: [] }
                : await resolveRange({
                    repo: opts.repo,
                    head,
                    // The event decides the default range: a tag is checked since the previous release tag, a
                    // push since its `before`, a pull request since its base; source.since overrides them all.
                    range: sc.range === 'base-branch' && eventRef?.startsWith('refs/tags/') ? 'last-tag' : sc.range,
                    since: sc.since,
                    ref: eventRef,
                    base: opts.base,
                    logger,
                });
        for (const gap of range.gaps) {
            findings.push({
                rule: 'source/could-not-verify',
                severity: 'high',
                blocking: true,
                message: `could not verify the whole range (${range.description}): ${gap}`,
                help: 'fetch the whole history (actions/checkout fetch-depth: 0), or start the check later: source.since: <the first signed release tag>',
            });
        }
        const keyring = await prepareKeyring(sc.signers, { baseDir: opts.repo });
        const noSigners = sc.signers.length === 0;
        try {
            findings.push(...keyring.findings);
            const objects = await readCommits(opts.repo, range.commits);
            if (objects.length !== range.commits.length) {
                range = { ...range, complete: false };
                findings.push({
                    rule: 'source/could-not-verify',
                    severity: 'high',
                    blocking: true,
                    message: `could not read ${range.commits.length - objects.length} of the ${range.commits.length} commits in the range`,
                    help: 'fetch the full history (actions/checkout fetch-depth: 0)',
                });
            }
            if (noSigners) {
                // Nothing can be trusted, so nothing is verified one commit at a time: one finding says why.
                findings.push({
                    rule: 'source/signer-policy',
                    severity: 'critical',
                    blocking: true,
                    message: `the policy lists no signers (source.signers), so none of the ${objects.length} commit(s) in the range (${range.description}) can be trusted`,
                    help: 'list the allowed signers (ssh, gpg/gpg-key or x509 with an email) in .github/secure-factory.yml, or set source.signed-commits: none',
                });
            }
            else
                signatures = await verifySignatures({ repo: opts.repo, commits: objects, keyring, github: client, logger });
        }
        finally {
            await keyring.dispose();
        }
        const bad = signatures.filter((s) => s.status !== 'good');
        findings.push(...groupSignatureFindings(bad));
        signedHistory = !noSigners && bad.length === 0 && range.complete && signatures.length > 0 && keyring.findings.length === 0;
        const unbound = signatures.filter((s) => s.status === 'good' && s.emailBound === false).length;
        checks.push({
            check: sc.signedCommits === 'head' ? 'HEAD is signed' : `signed commits (${range.description})`,
            result: noSigners || bad.length > 0 ? 'failed' : range.complete ? 'passed' : 'not-verified',
            detail: noSigners
                ? `not checked: the policy lists no signers (${range.commits.length} commit(s) in the range)`
                : `${signatures.length - bad.length} of ${signatures.length} commits signed by policy signers` +
                    (range.deepened.length ? `; deepened the clone (${range.deepened.length} fetch(es))` : '') +
                    (unbound ? `; ${unbound} signed by a signer without an e-mail, so the committer e-mail was not bound` : ''),
        });
    }
    // 3. review and protection evidence
    let review;
    const needsGitHub = sc.reviews.approvals > 0 || sc.reviews.codeowners || sc.branchProtection;
    if (client) {
        // GitHub's test merge (pull_request checkouts) stands for its PR-side parent, when it adds no content.
        const [headObject] = await readCommits(opts.repo, [head]);
        const headAliases = headObject && isWebFlowCommit(headObject) && (await isContentNeutralMerge(opts.repo, headObject)) ? headObject.parents.slice(1) : [];
        review = await checkReviewEvidence({
            client,
            repo: opts.repo,
            head,
            ref: opts.github?.ref,
            baseRef: opts.github?.baseRef,
            pullNumber: opts.github?.pullNumber,
            headAliases,
            policy: sc,
            logger,
        });
        findings.push(...review.findings);
        checks.push(...review.checks);
    }
    else {
        const what = [
            sc.reviews.approvals > 0 ? 'review' : '',
            sc.reviews.codeowners ? 'CODEOWNERS approval' : '',
            sc.branchProtection ? 'branch protection' : '',
        ]
            .filter(Boolean)
            .join(', ');
        checks.push({
            check: 'review and branch protection',
            result: needsGitHub ? 'not-verified' : 'not-required',
            detail: needsGitHub ? `no GitHub API access: ${what} not checked` : 'not required by the policy',
        });
        if (needsGitHub) {
            findings.push({
                rule: 'source/could-not-verify',
                severity: 'high',
                blocking: true,
                message: `could not verify ${what}: no GitHub API access (no token or repository given)`,
                help: 'give the step a token (checkout-verify input token; CLI --token with --repository), or set source.reviews.approvals: 0 and source.branch-protection: false',
            });
        }
    }
    // 4. the workflow audit
    let workflowFiles = [];
    const audit = opts.auditWorkflows ?? sc.workflows.audit;
    if (audit) {
        const auditor = opts.auditor ?? auditWorkflows;
        // The change under review must not silence its own audit: zizmor.yml and `# zizmor: ignore[...]`
        // comments count only as they are in the base revision (the same trusted revision as the policy);
        // without a base, none does. Honoured and refused suppressions are reported in the check.
        const r = await auditor({
            root: opts.repo,
            ignore: sc.workflows.ignore,
            suppressions: opts.base && !/^0+$/.test(opts.base) ? { trustedRevision: opts.base } : 'none',
            ...(opts.publicRepository !== undefined ? { publicRepository: opts.publicRepository } : {}),
            logger,
        });
        workflowFiles = r.files;
        const rank = { low: 0, medium: 1, high: 2 };
        const confidence = (f) => rank[f.properties?.confidence ?? 'high'] ?? 2;
        // --min-severity/--min-confidence never hide a finding that blocks.
        const audited = r.findings
            .map((f) => ({ ...f, blocking: (0,dist/* atLeast */.jZ)(f.severity, sc.workflows.blockSeverity) }))
            .filter((f) => f.blocking ||
            ((opts.minSeverity === undefined || (0,dist/* atLeast */.jZ)(f.severity, opts.minSeverity)) &&
                (opts.minConfidence === undefined || confidence(f) >= rank[opts.minConfidence])));
        findings.push(...audited);
        const blocking = audited.filter((f) => f.blocking).length;
        checks.push({
            check: 'workflow audit',
            result: blocking ? 'failed' : 'passed',
            detail: `${r.files.length} file(s), ${audited.length} finding(s), ${blocking} at or above ${sc.workflows.blockSeverity}; ${r.suppressed?.length ?? 0} suppressed by the base revision, ${r.refused?.length ?? 0} suppression(s) refused (not in the base revision)`,
        });
    }
    else
        checks.push({ check: 'workflow audit', result: 'not-required', detail: 'turned off' });
    // A policy that trusts nobody explains every other signature finding: it is read first.
    const all = applyExceptions(findings, policy, now).sort((a, b) => Number(b.rule === 'source/signer-policy') - Number(a.rule === 'source/signer-policy') || (0,dist/* compareFindings */.Eg)(a, b));
    const ok = !all.some((f) => f.blocking === true);
    const level = sourceLevel({
        identity: identity.clean && (!opts.expectedSha || opts.expectedSha === head),
        signedHistory: sc.signedCommits === 'all' && signedHistory,
        branchProtection: review?.proven.branchProtection ?? false,
        reviewEnforced: review?.proven.reviewEnforced ?? false,
        independentApproval: review?.proven.independentApproval ?? false,
        codeowners: !sc.reviews.codeowners || (review?.proven.codeowners ?? false),
    });
    let vsaPath;
    let resourceUri;
    if (opts.evidenceDir !== undefined) {
        const res = await resourceFor({ repo: opts.repo, head, github: opts.github ?? opts.repository, ref: opts.github?.ref ?? opts.ref });
        resourceUri = res.resourceUri;
        const statement = sourceVsa({ repoUri: res.repoUri, resourceUri: res.resourceUri, head, policy, passed: ok, level, now });
        vsaPath = await new dist/* EvidenceFolder */.eA(opts.evidenceDir).write(SOURCE_VSA_NAME, statement);
        // The workflows' least-privilege posture at this commit: the rescan's baseline for drift (docs/portfolio.md).
        const posture = await workflowPosture(opts.repo);
        await new dist/* EvidenceFolder */.eA(opts.evidenceDir).write(WORKFLOW_POSTURE_NAME, postureStatement({ repoUri: res.repoUri, head, posture, now }));
    }
    const summary = renderSummary({ ok, head, level, checks, signatures, findings: all, policy, resourceUri, vsaPath, review });
    return {
        ok,
        head,
        findings: all,
        level,
        levelName: levelName(level),
        ...(vsaPath ? { vsaPath } : {}),
        summary,
        checks,
        ...(range ? { range } : {}),
        signatures,
        ...(review ? { review } : {}),
        workflowFiles,
    };
}
function renderSummary(r) {
    const lines = [
        `### secure-factory source: ${r.ok ? 'verified ✅' : 'refused ❌'} · ${(0,dist/* code */.aY)(levelName(r.level))}`,
        '',
        `Commit ${(0,dist/* code */.aY)(r.head)}${r.resourceUri ? ` · ${(0,dist/* code */.aY)(r.resourceUri)}` : ''} · policy ${(0,dist/* code */.aY)(r.policy.source.file)} sha256:${r.policy.source.sha256.slice(0, 12)}…`,
        '',
        (0,dist/* table */.tp)(['check', 'result', 'detail'], 
        // Narrow: a long detail is cut here; the --json report and the findings carry it whole.
        r.checks.map((c) => [(0,dist.md)(c.check), ICON[c.result], (0,dist.md)(c.detail.length > 200 ? `${c.detail.slice(0, 199)}…` : c.detail)])),
    ];
    const notVerified = r.checks.filter((c) => c.result === 'not-verified');
    if (notVerified.length > 0) {
        lines.push('', '**Could not verify:**', '', ...notVerified.map((c) => `- ${(0,dist.md)(c.check)}: ${(0,dist.md)(c.detail)}`));
    }
    if (r.signatures.length > 0) {
        const shown = r.signatures.slice(0, 30);
        lines.push('', `<details><summary>Signatures (${r.signatures.length} commit(s))</summary>`, '', (0,dist/* table */.tp)(['commit', 'subject', 'format', 'result'], shown.map((s) => [
            (0,dist/* code */.aY)(s.sha.slice(0, 12)),
            (0,dist.md)(s.subject.slice(0, 72)),
            s.format,
            `${s.status === 'good' ? '✅' : '❌'} ${(0,dist.md)(s.message)}`,
        ])), r.signatures.length > shown.length ? `\n_…and ${r.signatures.length - shown.length} more._` : '', '', '</details>');
    }
    lines.push('', (0,dist/* findingsTable */.f9)(r.findings));
    if (r.vsaPath)
        lines.push('', `Source VSA: ${(0,dist/* code */.aY)(external_node_path_.basename(r.vsaPath))}`);
    return lines.join('\n');
}

;// CONCATENATED MODULE: ../packages/source/dist/policy-file.js
/**
 * Finding the policy for a repository: an explicit file must exist; otherwise the repository's own
 * `.github/secure-factory.yml`, and without one the built-in safe defaults. The VSA names the policy
 * by its path inside the repository, so the same file gives the same URI on every machine.
 */


async function loadSourcePolicy(opts) {
    const repo = external_node_path_.resolve(opts.repo);
    const named = opts.file === undefined ? undefined : external_node_path_.resolve(opts.baseDir ?? process.cwd(), opts.file);
    const policy = await (0,dist/* loadPolicy */.tb)(named, { dir: repo, ...(opts.now ? { now: opts.now } : {}) });
    if (policy.source.file === dist/* DEFAULT_POLICY_SOURCE */.Rv)
        return policy;
    const file = policy.source.file;
    const rel = external_node_path_.relative(repo, file);
    const name = rel.startsWith('..') || external_node_path_.isAbsolute(rel) ? file : rel.split(external_node_path_.sep).join('/');
    return { ...policy, source: { ...policy.source, file: name } };
}

;// CONCATENATED MODULE: ../packages/source/dist/index.js
















/***/ })

};
