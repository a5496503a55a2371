export const id = 692;
export const ids = [692];
export const modules = {

/***/ 37692:
/***/ ((__webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7589);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38627);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48563);
/* harmony import */ var _rescan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(61216);
/* harmony import */ var _review_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(57674);





await (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .runAction */ .Cs)(async () => {
    const inputs = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .readInputs */ .K)();
    if (inputs.rescan.length > 0)
        await (0,_rescan_js__WEBPACK_IMPORTED_MODULE_3__/* .runRescan */ .q)(inputs);
    else if (inputs.review)
        await (0,_review_js__WEBPACK_IMPORTED_MODULE_4__/* .runReview */ .O)(inputs, inputs.review);
    else
        await (0,_main_js__WEBPACK_IMPORTED_MODULE_2__/* .run */ .eF)(inputs);
});

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 38627:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ readInputs)
/* harmony export */ });
/* harmony import */ var _secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7589);
/* harmony import */ var _secure_factory_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(81915);
/* harmony import */ var _secure_factory_materials__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(85867);



function pullRequestEvent() {
    const name = process.env.GITHUB_EVENT_NAME ?? '';
    const file = process.env.GITHUB_EVENT_PATH;
    if (!file || !['pull_request', 'pull_request_target', 'merge_group'].includes(name))
        return undefined;
    return (0,_secure_factory_core__WEBPACK_IMPORTED_MODULE_1__/* .readEventPayload */ .N5)(file)?.pull_request;
}
const SEVERITY = { critical: 'critical', high: 'high', moderate: 'medium', low: 'low' };
function readReview() {
    const event = pullRequestEvent();
    const base = (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('base-ref') ?? event?.base?.sha;
    if (!base)
        return undefined;
    // On a pull_request event actions/checkout checks out GitHub's merge commit (GITHUB_SHA), whose
    // tree is the base plus the PR's changes: that working tree is the head to review. The PR's own head
    // commit is the default only when it is what was checked out (or the workflow checked it out).
    const eventHead = event?.head?.sha && event.head.sha === process.env.GITHUB_SHA ? event.head.sha : undefined;
    const head = (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('head-ref') ?? eventHead;
    const severity = (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('fail-on-severity');
    if (severity !== undefined && !(severity in SEVERITY))
        throw new _secure_factory_core__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`input fail-on-severity: ${JSON.stringify(severity)} is not one of critical, high, moderate, low`);
    const scopes = (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getListInput */ .DF)('fail-on-scopes');
    for (const s of scopes)
        if (!['runtime', 'development', 'unknown'].includes(s))
            throw new _secure_factory_core__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`input fail-on-scopes: ${JSON.stringify(s)} is not one of runtime, development, unknown`);
    const allow = (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getListInput */ .DF)('allow-licenses');
    const deny = (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getListInput */ .DF)('deny-licenses');
    if (allow.length > 0 && deny.length > 0)
        throw new _secure_factory_core__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('inputs allow-licenses and deny-licenses cannot both be set (as in dependency-review-action)');
    const commentRaw = (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('comment-summary-in-pr') ?? 'never';
    const comment = commentRaw === 'true' ? 'always' : commentRaw === 'false' ? 'never' : commentRaw;
    if (comment !== 'always' && comment !== 'on-failure' && comment !== 'never')
        throw new _secure_factory_core__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`input comment-summary-in-pr: ${JSON.stringify(commentRaw)} is not one of always, on-failure, never, true, false`);
    return {
        base,
        head,
        pullRequest: typeof event?.number === 'number' ? event.number : undefined,
        comment,
        config: {
            failOnSeverity: severity !== undefined ? SEVERITY[severity] : undefined,
            failOnScopes: (scopes.length > 0 ? scopes : ['runtime', 'unknown']),
            ...(allow.length > 0 ? { allowLicenses: allow } : {}),
            ...(deny.length > 0 ? { denyLicenses: deny } : {}),
            allowGhsas: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getListInput */ .DF)('allow-ghsas'),
            denyPackages: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getListInput */ .DF)('deny-packages'),
            warnOnly: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getBooleanInput */ .Vt)('warn-only', false),
        },
    };
}
function clockInput(v) {
    if (v === undefined || v === 'local')
        return undefined;
    if (v === 'keyless')
        return 'keyless';
    throw new _secure_factory_core__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`rescan-clock must be keyless or local, not "${v}"`, {
        hint: 'keyless signs each state change with the job OIDC identity and a TSA timestamp (needs id-token: write)',
    });
}
function readInputs() {
    const policy = (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('policy');
    return {
        path: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('path') ?? '.',
        policy: (0,_secure_factory_core__WEBPACK_IMPORTED_MODULE_1__/* .policyFileInput */ .vW)(policy),
        evidence: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('evidence') ?? '.secure-factory/evidence',
        osvDatabase: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('osv-database'),
        osvApiUrl: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('osv-api-url') ?? 'https://api.osv.dev',
        sarif: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('sarif') ?? 'secure-factory-materials.sarif',
        cache: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getBooleanInput */ .Vt)('cache', true),
        workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
        rescan: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getListInput */ .DF)('rescan'),
        rescanState: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('rescan-state'),
        rescanWorkflows: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('rescan-workflows'),
        rescanClock: clockInput((0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('rescan-clock')),
        rescanTsaUrl: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('rescan-tsa-url'),
        rescanClockIdentity: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('rescan-clock-identity'),
        rescanFulcioUrl: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('rescan-fulcio-url'),
        rescanTrustedRoot: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('rescan-trusted-root'),
        githubIssues: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getBooleanInput */ .Vt)('github-issues', false),
        githubToken: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('github-token'),
        rebuild: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getBooleanInput */ .Vt)('rebuild', false),
        fixPrs: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getBooleanInput */ .Vt)('fix-prs', false),
        lockfiles: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getListInput */ .DF)('lockfiles').map(_secure_factory_materials__WEBPACK_IMPORTED_MODULE_2__/* .parseLockfileArgument */ .gE),
        review: readReview(),
    };
}


/***/ }),

/***/ 48563:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eF: () => (/* binding */ run),
/* harmony export */   mC: () => (/* binding */ vulnerabilityDatabase),
/* harmony export */   sU: () => (/* binding */ relocate),
/* harmony export */   tN: () => (/* binding */ repositoryPolicy)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _actions_cache__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(68309);
/* harmony import */ var _secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7589);
/* harmony import */ var _secure_factory_core__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(81915);
/* harmony import */ var _secure_factory_materials__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(85867);
/* harmony import */ var _secure_factory_verify__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(19258);







/**
 * The cache version hashes the paths as given: a path relative to the workspace (the runner's working
 * directory) names the same cache from every job, wherever the workspace is.
 */
function cachePath(dir) {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_1__.relative(process.cwd(), dir);
    return rel && !rel.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute(rel) ? rel : dir;
}
/** The OSV database is cached by day: the first job of the day restores yesterday's and refreshes it. */
async function restoreDatabase(dir, logger) {
    const day = new Date().toISOString().slice(0, 10);
    const key = `secure-factory-osv-${node_path__WEBPACK_IMPORTED_MODULE_1__.basename(dir)}-${day}`;
    try {
        const hit = await _actions_cache__WEBPACK_IMPORTED_MODULE_2__/* .restoreCache */ .P3([cachePath(dir)], key, [`secure-factory-osv-${node_path__WEBPACK_IMPORTED_MODULE_1__.basename(dir)}-`]);
        return hit === key ? undefined : key;
    }
    catch (e) {
        logger.warning(`OSV database cache not restored: ${(0,_secure_factory_core__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(e)}`);
        return key;
    }
}
/** Paths in findings are relative to the scanned folder; annotations and SARIF want the repository's. */
function relocate(findings, root, workspace) {
    return findings.map((f) => (f.file ? { ...f, file: node_path__WEBPACK_IMPORTED_MODULE_1__.relative(workspace, node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(root, f.file)).split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/') } : f));
}
/** The repository's own policy file, at the default path of the workspace when no input names one. */
async function repositoryPolicy(inputs, now) {
    return (0,_secure_factory_core__WEBPACK_IMPORTED_MODULE_4__/* .loadPolicy */ .tb)(inputs.policy === undefined ? undefined : node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(inputs.workspace, inputs.policy), {
        now,
        dir: inputs.workspace,
    });
}
/** The offline database (restored from the day's cache) or the OSV API; `save` refreshes the cache. */
async function vulnerabilityDatabase(inputs, policy, logger) {
    let vulnSource;
    let saveKey;
    const dbInput = inputs.osvDatabase ?? policy.materials.database.path;
    const dbPath = dbInput ? node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(inputs.workspace, dbInput) : undefined;
    if (dbPath) {
        if (inputs.cache && _actions_cache__WEBPACK_IMPORTED_MODULE_2__/* .isFeatureAvailable */ .w3())
            saveKey = await restoreDatabase(dbPath, logger);
        vulnSource = await (0,_secure_factory_materials__WEBPACK_IMPORTED_MODULE_5__/* .openOfflineDatabase */ .NM)(dbPath, { logger });
    }
    else {
        vulnSource = new _secure_factory_materials__WEBPACK_IMPORTED_MODULE_5__/* .OsvApiSource */ .eW({ baseUrl: inputs.osvApiUrl, logger });
    }
    const save = async () => {
        if (dbPath && saveKey && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dbPath)) {
            try {
                await _actions_cache__WEBPACK_IMPORTED_MODULE_2__/* .saveCache */ .Io([cachePath(dbPath)], saveKey);
            }
            catch (e) {
                logger.warning(`OSV database cache not saved: ${(0,_secure_factory_core__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(e)}`);
            }
        }
    };
    return { vulnSource, save };
}
/**
 * Base images are validated as `secure-factory scan` validates them (materials.images.trust): the
 * materials registry client and validator with the verify package's bundle verifier, so the SBOM this
 * action signs records each image's verdict — the gate's image-validation check reads it.
 */
function baseImageValidator(policy, now) {
    if (policy.materials.images.trust.length === 0)
        return undefined;
    return new _secure_factory_materials__WEBPACK_IMPORTED_MODULE_5__/* .ImageValidator */ .m_({
        client: (0,_secure_factory_materials__WEBPACK_IMPORTED_MODULE_5__/* .createRegistryClient */ .Hn)(),
        verify: (0,_secure_factory_verify__WEBPACK_IMPORTED_MODULE_6__/* .imageSignatureVerifier */ .g_)(),
        images: policy.materials.images,
        policyFile: policy.source.file,
        waivers: { exceptions: policy.exceptions, maxDays: policy.exceptionMaxDays, now },
    });
}
async function run(inputs) {
    const logger = (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_3__/* .coreLogger */ .Wj)();
    const now = new Date();
    const target = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(inputs.workspace, inputs.path);
    const policy = await repositoryPolicy(inputs, now);
    const { vulnSource, save } = await vulnerabilityDatabase(inputs, policy, logger);
    const result = await (0,_secure_factory_materials__WEBPACK_IMPORTED_MODULE_5__/* .scan */ .SQ)({
        path: target,
        policy,
        evidenceDir: node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(inputs.workspace, inputs.evidence),
        vulnSource,
        logger,
        now,
        lockfiles: inputs.lockfiles,
        images: baseImageValidator(policy, now),
    });
    await save();
    const root = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(target).isDirectory() ? target : node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(target);
    const findings = relocate(result.findings, root, inputs.workspace);
    const sarifPath = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(inputs.workspace, inputs.sarif);
    const placeholder = result.placeholderFile
        ? relocate([{ rule: '', severity: 'info', message: '', file: result.placeholderFile }], root, inputs.workspace)[0]?.file
        : undefined;
    await (0,_secure_factory_core__WEBPACK_IMPORTED_MODULE_4__/* .writeJsonAtomic */ .ZJ)(sarifPath, (0,_secure_factory_materials__WEBPACK_IMPORTED_MODULE_5__/* .scanSarif */ .pM)({ ...result, findings, placeholderFile: placeholder }));
    // Blocking findings first, so the annotation limit never hides one.
    (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_3__/* .annotate */ .fz)([...findings.filter((f) => f.blocking), ...findings.filter((f) => !f.blocking)]);
    await (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_3__/* .writeSummary */ .Sy)((0,_secure_factory_materials__WEBPACK_IMPORTED_MODULE_5__/* .scanSummary */ .yK)({ ...result, findings, blocking: findings.filter((f) => f.blocking) }));
    (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_3__/* .setOutput */ .uH)('sbom-path', result.sbom.cyclonedx ?? '');
    (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_3__/* .setOutput */ .uH)('vulnerable-count', String(result.vulnerableCount));
    (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_3__/* .setOutput */ .uH)('blocking-count', String(result.blocking.length));
    (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_3__/* .setOutput */ .uH)('sarif-path', sarifPath);
    if (result.blocking.length > 0) {
        throw new _secure_factory_core__WEBPACK_IMPORTED_MODULE_4__/* .PolicyViolation */ .oY(`materials refused: ${result.blocking.length} blocking finding(s): ${result.blocking
            .slice(0, 3)
            .map((f) => f.message)
            .join('; ')}${result.blocking.length > 3 ? '; …' : ''}`);
    }
}


/***/ }),

/***/ 61216:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  q: () => (/* binding */ runRescan)
});

// UNUSED EXPORTS: evidenceFolders

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ../packages/action-runtime/dist/index.js + 2 modules
var dist = __webpack_require__(7589);
// EXTERNAL MODULE: ../packages/core/dist/index.js + 30 modules
var core_dist = __webpack_require__(81915);
// EXTERNAL MODULE: ../node_modules/@octokit/core/dist-src/index.js + 13 modules
var dist_src = __webpack_require__(99710);
;// CONCATENATED MODULE: ../packages/rescan/dist/issues.js
/**
 * One GitHub issue per advisory: opened when a rescan first finds it in something deployed, updated
 * on every rescan (environments, digests, fixed versions, deadline), closed when it is resolved. Issues
 * are found again by a marker comment in the body, so renaming an issue does not duplicate it.
 */


const ISSUE_LABEL = 'secure-factory';
/**
 * Octokit's fetch on core `httpRequest`: bounded full-jitter retries, Retry-After, one deadline per
 * call, a byte limit; a service that still fails is an InfrastructureError (exit 3). A POST (opening an
 * issue, a dispatch) is retried only on 429 and on a connection that failed before an answer: a 5xx
 * may come after GitHub created the issue, and a retry would open it twice.
 */
function issuesFetch(http) {
    const base = { service: 'the GitHub issues API', maxBytes: 32 * 1024 * 1024, ...http };
    const read = (0,core_dist/* httpFetch */.tX)(base);
    const write = (0,core_dist/* httpFetch */.tX)({ ...base, retryStatuses: [429] });
    return (input, init) => ((init?.method ?? 'GET').toUpperCase() === 'POST' ? write : read)(input, init);
}
function marker(r) {
    // Percent-encoded, so a hostile package name cannot close the HTML comment.
    return `<!-- secure-factory:remediation advisory=${encodeURIComponent(r.advisory)} package=${encodeURIComponent(r.package.ecosystem)}/${encodeURIComponent(r.package.name)} -->`;
}
function issueTitle(r) {
    return `[secure-factory] ${r.advisory} (${r.severity}) in ${r.package.name}: fix by ${r.deadline.slice(0, 16).replace('T', ' ')} UTC`;
}
function issueBody(r) {
    const rows = r.digests.map((d) => [(0,core_dist/* code */.aY)(d), r.environments.map(core_dist.md).join(', ')]);
    return [
        marker(r),
        `**${(0,core_dist.md)(r.advisory)}** (${[r.advisory, ...r.aliases]
            .filter((v, i, a) => a.indexOf(v) === i)
            .map(core_dist.md)
            .join(', ')}) affects ${(0,core_dist/* code */.aY)(`${r.package.name}@${r.package.version}`)} (${(0,core_dist.md)(r.package.ecosystem)}), which is deployed.`,
        '',
        `- severity: **${r.severity}**`,
        `- fixed in: ${r.fixedVersions.length > 0 ? r.fixedVersions.map(core_dist/* code */.aY).join(', ') : '_no fixed version published_'}`,
        `- first seen by the rescan: ${r.firstSeen}`,
        `- **deadline: ${r.deadline}** (24 hours later). After it the rescan fails and the gate refuses new deployments of these digests unless waived in \`exceptions:\`.`,
        '',
        (0,core_dist/* table */.tp)(['deployed digest', 'environments'], rows),
        '',
        'To resolve: upgrade the package, rebuild through the factory and redeploy; or add a waiver with a reason, an approver and an expiry.',
    ].join('\n');
}
class issues_IssueClient {
    target;
    logger;
    octokit;
    constructor(target, logger) {
        this.target = target;
        this.logger = logger;
        this.octokit = new dist_src/* Octokit */.E({
            auth: target.token,
            baseUrl: target.baseUrl.replace(/\/+$/, ''),
            request: { retries: 0, fetch: issuesFetch(target.http) },
            log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
        });
    }
    async call(what, fn) {
        try {
            return (await fn()).data;
        }
        catch (e) {
            // The service did not answer usably (core httpRequest gave up): say that, not Octokit's "HTTP 500".
            const cause = e.cause;
            if (cause instanceof core_dist/* InfrastructureError */.EN)
                throw new core_dist/* InfrastructureError */.EN(`GitHub API: ${what} failed: ${cause.message}`, { cause });
            const status = e.status;
            const hint = status === 403 || status === 404 ? 'the token needs issues: write on the repository' : undefined;
            throw new core_dist/* InfrastructureError */.EN(`GitHub API: ${what} failed${status ? ` (HTTP ${status})` : ''}: ${e.message}`, hint ? { hint, cause: e } : { cause: e });
        }
    }
    /** The factory's issues (open and closed), bounded to 10 pages of 100. */
    async list() {
        const out = [];
        for (let page = 1; page <= 10; page++) {
            const data = await this.call('listing issues', () => this.octokit.request('GET /repos/{owner}/{repo}/issues', {
                owner: this.target.owner,
                repo: this.target.repo,
                labels: ISSUE_LABEL,
                state: 'all',
                per_page: 100,
                page,
            }));
            // An HTML page or anything but a list is a broken answer (exit 3), not "no issues".
            if (!Array.isArray(data) || data.some((i) => i === null || typeof i !== 'object')) {
                throw new core_dist/* InfrastructureError */.EN('GitHub API: listing issues gave something that is not a list of issues', {
                    hint: 'the API or a proxy in between returned something else; retry later',
                });
            }
            out.push(...data.filter((i) => !i.pull_request));
            if (data.length < 100)
                break;
        }
        return out;
    }
    /** Opens or updates the issue of each remediation; closes the issues of resolved ones. Returns issue numbers. */
    async sync(open, resolved) {
        const existing = await this.list();
        const find = (r) => existing.find((i) => (i.body ?? '').includes(marker(r)));
        const out = new Map();
        for (const r of open) {
            const found = find(r);
            const body = issueBody(r);
            if (found) {
                await this.call(`updating issue #${found.number}`, () => this.octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
                    owner: this.target.owner,
                    repo: this.target.repo,
                    issue_number: found.number,
                    title: issueTitle(r),
                    body,
                    state: 'open',
                }));
                this.logger.info(`updated issue #${found.number} for ${r.advisory}`);
                out.set(marker(r), { number: found.number, ...(found.html_url ? { url: found.html_url } : {}) });
            }
            else {
                const created = await this.call(`opening an issue for ${r.advisory}`, () => this.octokit.request('POST /repos/{owner}/{repo}/issues', {
                    owner: this.target.owner,
                    repo: this.target.repo,
                    title: issueTitle(r),
                    body,
                    labels: [ISSUE_LABEL, 'security'],
                }));
                this.logger.info(`opened issue #${created.number} for ${r.advisory}`);
                out.set(marker(r), { number: created.number, ...(created.html_url ? { url: created.html_url } : {}) });
            }
        }
        for (const r of resolved) {
            const found = find(r);
            if (!found || found.state === 'closed')
                continue;
            await this.call(`closing issue #${found.number}`, () => this.octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
                owner: this.target.owner,
                repo: this.target.repo,
                issue_number: found.number,
                state: 'closed',
                state_reason: 'completed',
            }));
            this.logger.info(`closed issue #${found.number}: ${r.advisory} is no longer found in anything deployed`);
        }
        return out;
    }
    /** Asks the repository to rebuild (a `repository_dispatch` the adopter's workflow listens to). */
    async dispatchRebuild(remediations) {
        await this.call('sending repository_dispatch secure-factory-rebuild', () => this.octokit.request('POST /repos/{owner}/{repo}/dispatches', {
            owner: this.target.owner,
            repo: this.target.repo,
            event_type: 'secure-factory-rebuild',
            client_payload: { advisories: remediations.map((r) => r.advisory), digests: [...new Set(remediations.flatMap((r) => r.digests))] },
        }));
    }
}

// EXTERNAL MODULE: ../packages/materials/dist/index.js + 62 modules
var materials_dist = __webpack_require__(85867);
// EXTERNAL MODULE: ../packages/verify/dist/index.js + 44 modules
var verify_dist = __webpack_require__(19258);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ../packages/rescan/dist/remediation.js
const REMEDIATION_WINDOW_MS = 24 * 3600 * 1000;
const key = (advisory, pkg) => `${advisory}\u0000${pkg.ecosystem}\u0000${pkg.name}`;
function reconcile(previous, matches, now) {
    const iso = now.toISOString();
    const byKey = new Map();
    for (const r of previous.remediations)
        byKey.set(key(r.advisory, r.package), { ...r, digests: [...r.digests], environments: [...r.environments] });
    const seen = new Map();
    for (const m of matches) {
        const k = key(m.advisory, m.package);
        seen.set(k, [...(seen.get(k) ?? []), m]);
    }
    const opened = [];
    const stillOpen = [];
    const resolved = [];
    for (const [k, ms] of seen) {
        const first = ms[0];
        const digests = [...new Set(ms.map((m) => m.digest))].sort();
        const environments = [...new Set(ms.map((m) => m.environment))].sort();
        const waived = ms.every((m) => m.waived);
        const existing = byKey.get(k);
        if (existing && existing.status !== 'resolved') {
            existing.digests = digests;
            existing.environments = environments;
            existing.severity = first.severity;
            existing.fixedVersions = first.fixedVersions;
            existing.package = first.package;
            existing.status = waived ? 'waived' : 'open';
            if (existing.status === 'open')
                stillOpen.push(existing);
        }
        else {
            const r = {
                advisory: first.advisory,
                aliases: first.aliases,
                package: first.package,
                severity: first.severity,
                fixedVersions: first.fixedVersions,
                digests,
                environments,
                firstSeen: iso,
                deadline: new Date(now.getTime() + REMEDIATION_WINDOW_MS).toISOString(),
                status: waived ? 'waived' : 'open',
                ...(existing?.issue ? { issue: existing.issue } : {}),
            };
            byKey.set(k, r);
            if (r.status === 'open')
                opened.push(r);
        }
    }
    for (const [k, r] of byKey) {
        if (!seen.has(k) && r.status !== 'resolved') {
            r.status = 'resolved';
            r.resolvedAt = iso;
            resolved.push(r);
        }
    }
    const remediations = [...byKey.values()].sort((a, b) => a.advisory.localeCompare(b.advisory) || a.package.name.localeCompare(b.package.name));
    const overdue = remediations.filter((r) => r.status === 'open' && Date.parse(r.deadline) <= now.getTime());
    return { state: { apiVersion: 'secure-factory/remediations/v1', updated: iso, remediations }, opened, stillOpen, resolved, overdue };
}

;// CONCATENATED MODULE: ../packages/rescan/dist/clock-evidence.js
/**
 * The remediation clock on trusted time. Every state change of a remediation — opened, updated,
 * waived, stopped, overdue — is an in-toto statement (`remediation-event/v1`) signed into a Sigstore
 * bundle with an RFC 3161 timestamp from a timestamp authority, and written atomically to
 * `<state>/remediation-events/` (the evidence branch in CI). The 24-hour clock is computed from those
 * timestamps only:
 * - a remediation's clock starts at the TSA time of the event that opened it; its deadline is 24 hours later;
 * - "now" is the TSA time of this run's own signature (an event, or a `checked` statement when nothing
 *   changed but something is open); the local clock is never used for a deadline;
 * - the events of one remediation form a chain (sequence numbers and the previous bundle's sha256), so
 *   an altered, reordered or removed event is refused, as is a bundle that does not verify or carries
 *   no trusted timestamp, any unsigned file in the folder, and a `remediations.json` whose entry has no
 *   signed event or a deadline the signed events do not give.
 * `remediations.json` stays as the gate's and the issues' view; it is rewritten from the signed events.
 */





const EVENTS_DIR = 'remediation-events';
const clock_evidence_BUNDLE_SUFFIX = '.sigstore.json';
const MAX_EVENT_BYTES = 4 * 1024 * 1024;
const remediationKey = (r) => `${r.advisory}/${r.package.ecosystem}/${r.package.name}`;
const keyHash = (key) => (0,core_dist/* sha256Hex */.fg)(key).slice(0, 16);
const eventsDir = (stateDir) => external_node_path_.join(stateDir, EVENTS_DIR);
function refused(message, file) {
    return new core_dist/* ConfigurationError */.j1(message, {
        ...(file ? { location: { file } } : {}),
        hint: 'the remediation clock is evidence: restore the state folder from the evidence branch (its git history keeps every signed event); never edit it by hand',
    });
}
/** Whether a state folder keeps its clock with signed events (a run without a trusted clock must then refuse it). */
async function hasSignedClock(stateDir) {
    try {
        return (await (0,promises_.readdir)(eventsDir(stateDir))).length > 0;
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return false;
        throw e;
    }
}
/** The statement inside a DSSE bundle, unverified: only to learn which subject digest to verify against. */
function payloadOf(bundle) {
    const env = bundle?.dsseEnvelope;
    if (typeof env?.payload !== 'string')
        return undefined;
    try {
        return JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8'));
    }
    catch {
        return undefined;
    }
}
/** Reads and verifies every event of a state folder; refuses anything unsigned, untimestamped, altered or out of chain. */
async function readEventLog(stateDir, clock) {
    const dir = eventsDir(stateDir);
    let names;
    try {
        names = (await (0,promises_.readdir)(dir)).sort();
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return { chains: new Map(), checked: [] };
        throw e;
    }
    const chains = new Map();
    const checked = [];
    for (const name of names) {
        const file = external_node_path_.join(dir, name);
        if (name.startsWith('.'))
            continue; // an atomic write's temporary file
        if (!name.endsWith(clock_evidence_BUNDLE_SUFFIX))
            throw refused(`${EVENTS_DIR}/${name} is not a signed event (a Sigstore bundle): unsigned state is refused`, file);
        const bytes = await (0,core_dist/* readRegularFile */.XF)(file, { maxBytes: MAX_EVENT_BYTES, what: 'remediation event' });
        let bundle;
        try {
            bundle = JSON.parse(bytes.toString('utf8'));
        }
        catch {
            throw refused(`${EVENTS_DIR}/${name} is not JSON: the signed state was altered; refused`, file);
        }
        const sha = payloadOf(bundle)?.subject?.[0]?.digest?.sha256;
        if (typeof sha !== 'string' || !/^[0-9a-f]{64}$/.test(sha))
            throw refused(`${EVENTS_DIR}/${name} holds no in-toto statement with a sha256 subject: refused`, file);
        const v = clock.verifier.verify(bundle, { kind: 'digest', algorithm: 'sha256', hex: sha, sha256: sha }, { ...clock.policy, requireStatement: true });
        if (!v.ok)
            throw refused(`${EVENTS_DIR}/${name} does not verify (${v.code}: ${v.reason}): a signed state change was altered; refused`, file);
        const tsa = v.witnessed.filter((w) => w.source === 'tsa').map((w) => w.time);
        if (tsa.length === 0)
            throw refused(`${EVENTS_DIR}/${name} carries no RFC 3161 timestamp from a trusted timestamp authority: its time cannot be trusted; refused`, file);
        if (v.statement?.predicateType !== core_dist/* REMEDIATION_EVENT_PREDICATE */.j2)
            throw refused(`${EVENTS_DIR}/${name} is not a remediation event (${String(v.statement?.predicateType)}); refused`, file);
        const predicate = v.statement.predicate;
        // Several timestamps: the earliest is the one that bounds when the signature existed.
        const event = {
            file,
            digest: `sha256:${(0,core_dist/* sha256Hex */.fg)(bytes)}`,
            predicate,
            time: new Date(Math.min(...tsa.map((t) => t.getTime()))),
        };
        if (predicate.event === 'checked') {
            checked.push(event);
            continue;
        }
        if (!predicate.remediation)
            throw refused(`${EVENTS_DIR}/${name} names no remediation; refused`, file);
        const key = remediationKey(predicate.remediation);
        chains.set(key, [...(chains.get(key) ?? []), event]);
    }
    for (const [key, events] of chains) {
        events.sort((a, b) => a.predicate.sequence - b.predicate.sequence);
        events.forEach((e, i) => {
            const where = `${EVENTS_DIR}/${external_node_path_.basename(e.file)} (${key}, event ${e.predicate.sequence})`;
            if (e.predicate.sequence !== i + 1)
                throw refused(`${where}: the events of ${key} are not numbered 1..${events.length}: one was removed or added; refused`, e.file);
            const prev = events[i - 1];
            if (prev && e.predicate.previous !== prev.digest)
                throw refused(`${where} does not follow event ${prev.predicate.sequence}: an event was replaced or reordered; refused`, e.file);
            if (!prev && e.predicate.previous !== undefined)
                throw refused(`${where} names a previous event where there is none; refused`, e.file);
            if (prev && e.time.getTime() < prev.time.getTime())
                throw refused(`${where} was timestamped before the event it follows; refused`, e.file);
        });
    }
    return { chains, checked };
}
/** Where the clock of a chain stands: the start of its current episode (after the last `stopped`), its last state. */
function episode(events) {
    let startIndex = 0;
    events.forEach((e, i) => {
        if (e.predicate.event === 'stopped' && i + 1 < events.length)
            startIndex = i + 1;
    });
    const current = events.slice(startIndex);
    return {
        start: current[0],
        last: current[current.length - 1],
        overdueSigned: current.some((e) => e.predicate.event === 'overdue'),
    };
}
/** The remediation state the signed events give (times from the TSA only); issue numbers taken from remediations.json. */
function stateFromLog(log, json) {
    const remediations = [];
    for (const [key, events] of log.chains) {
        const { start, last } = episode(events);
        const r = last.predicate.remediation;
        const issue = json.remediations.find((x) => remediationKey(x) === key)?.issue;
        remediations.push({
            advisory: r.advisory,
            aliases: r.aliases,
            package: r.package,
            severity: r.severity,
            fixedVersions: r.fixedVersions,
            digests: r.digests,
            environments: r.environments,
            firstSeen: start.time.toISOString(),
            deadline: new Date(start.time.getTime() + REMEDIATION_WINDOW_MS).toISOString(),
            status: last.predicate.event === 'stopped' ? 'resolved' : r.status,
            ...(last.predicate.event === 'stopped' ? { resolvedAt: last.time.toISOString() } : {}),
            ...(issue ? { issue } : {}),
        });
    }
    const times = [...log.chains.values()]
        .flat()
        .concat(log.checked)
        .map((e) => e.time.getTime());
    return {
        apiVersion: 'secure-factory/remediations/v1',
        updated: new Date(times.length ? Math.max(...times) : 0).toISOString(),
        remediations: remediations.sort((a, b) => a.advisory.localeCompare(b.advisory) || a.package.name.localeCompare(b.package.name)),
    };
}
/** Refuses a remediations.json that claims what the signed events do not: an entry without events, another deadline. */
function checkStateFile(json, signed, file) {
    for (const r of json.remediations) {
        if (r.status === 'resolved')
            continue;
        const s = signed.remediations.find((x) => remediationKey(x) === remediationKey(r));
        if (!s)
            throw refused(`remediations.json holds ${remediationKey(r)} (${r.status}), which no signed event records: unsigned state is refused`, file);
        if (s.firstSeen !== r.firstSeen || s.deadline !== r.deadline)
            throw refused(`remediations.json gives ${remediationKey(r)} the deadline ${r.deadline}, but its signed events (timestamped by the TSA) give ${s.deadline}: the state file was altered; refused`, file);
    }
}
/** The previous state for a run: from the verified events, with remediations.json checked against them. */
async function readTrustedState(stateDir, clock) {
    const log = await readEventLog(stateDir, clock);
    const json = await (0,core_dist/* readRemediations */.nW)(stateDir);
    const state = stateFromLog(log, json);
    checkStateFile(json, state, external_node_path_.join(stateDir, 'remediations.json'));
    return { state, log };
}
const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
function changeOf(prev, next) {
    if (!prev || prev.status === 'resolved')
        return next.status === 'waived' ? 'waived' : 'opened';
    if (prev.status !== next.status)
        return next.status === 'waived' ? 'waived' : next.status === 'resolved' ? 'stopped' : 'updated';
    const changed = !same(prev.digests, next.digests) ||
        !same(prev.environments, next.environments) ||
        !same(prev.fixedVersions, next.fixedVersions) ||
        prev.severity !== next.severity ||
        prev.package.version !== next.package.version;
    return changed ? 'updated' : undefined;
}
/**
 * Reconciles the matches with the signed state and signs every change. `localNow` only orders work and
 * is recorded as `requestedAt`; deadlines, "now" and overdue come from the TSA's timestamps.
 */
async function reconcileOnTrustedTime(stateDir, previous, matches, localNow, clock, logger) {
    const result = reconcile(previous.state, matches, localNow);
    const before = new Map(previous.state.remediations.map((r) => [remediationKey(r), r]));
    const chains = new Map([...previous.log.chains].map(([k, v]) => [k, [...v]]));
    const events = [];
    let trustedNow;
    const write = async (name, predicate, subject) => {
        const statement = (0,core_dist/* makeStatement */.UT)([{ name: subject.name, digest: { sha256: subject.sha } }], core_dist/* REMEDIATION_EVENT_PREDICATE */.j2, predicate);
        const problems = (0,core_dist/* validateStatement */.Gq)(statement);
        if (problems.length > 0)
            throw new Error(`internal error: a remediation event is not valid: ${problems.join('; ')}`);
        const bundle = await clock.sign(Buffer.from(JSON.stringify(statement)));
        const text = `${JSON.stringify(bundle)}\n`;
        // Read back through the verifier: the time is the TSA's as verified, never what the signer returned.
        const v = clock.verifier.verify(bundle, { kind: 'digest', algorithm: 'sha256', hex: subject.sha, sha256: subject.sha }, { ...clock.policy, requireStatement: true });
        if (!v.ok)
            throw new core_dist/* ConfigurationError */.j1(`the remediation event just signed does not verify (${v.code}: ${v.reason})`, {
                hint: 'check the clock key and the TSA trust root given to the rescan',
            });
        const tsa = v.witnessed.filter((w) => w.source === 'tsa').map((w) => w.time.getTime());
        if (tsa.length === 0)
            throw new core_dist/* ConfigurationError */.j1('the remediation event was signed without an RFC 3161 timestamp from a trusted TSA', {
                hint: 'give the rescan a timestamp authority (--tsa-url) and its trust root (--trusted-root)',
            });
        const file = external_node_path_.join(eventsDir(stateDir), name);
        await (0,core_dist/* writeFileAtomic */.qD)(file, text);
        events.push(file);
        const time = new Date(Math.min(...tsa));
        if (!trustedNow || time > trustedNow)
            trustedNow = time;
        return { file, digest: `sha256:${(0,core_dist/* sha256Hex */.fg)(text)}`, predicate, time };
    };
    const sign = async (r, event) => {
        const key = remediationKey(r);
        const chain = chains.get(key) ?? [];
        const last = chain[chain.length - 1];
        const predicate = {
            event,
            scope: clock.scope,
            remediation: {
                advisory: r.advisory,
                aliases: r.aliases,
                package: r.package,
                severity: r.severity,
                fixedVersions: r.fixedVersions,
                digests: r.digests,
                environments: r.environments,
                status: r.status,
            },
            ...(last ? { previous: last.digest } : {}),
            sequence: chain.length + 1,
            requestedAt: localNow.toISOString(),
        };
        const e = await write(`${keyHash(key)}-${String(chain.length + 1).padStart(4, '0')}-${event}${clock_evidence_BUNDLE_SUFFIX}`, predicate, {
            name: `remediation/${key}`,
            sha: (0,core_dist/* sha256Hex */.fg)(key),
        });
        chains.set(key, [...chain, e]);
        return e;
    };
    for (const r of result.state.remediations) {
        const event = changeOf(before.get(remediationKey(r)), r);
        if (!event)
            continue;
        const e = await sign(r, event);
        const { start } = episode(chains.get(remediationKey(r)) ?? [e]);
        r.firstSeen = start.time.toISOString();
        r.deadline = new Date(start.time.getTime() + REMEDIATION_WINDOW_MS).toISOString();
        if (event === 'stopped')
            r.resolvedAt = e.time.toISOString();
        logger.info(`${clock.scope}: ${remediationKey(r)} ${event} at ${e.time.toISOString()} (TSA time)`);
    }
    const open = result.state.remediations.filter((r) => r.status === 'open');
    if (!trustedNow && open.length > 0) {
        const keys = open.map(remediationKey).sort();
        const requestedAt = localNow.toISOString();
        await write(`checked-${requestedAt.replace(/[-:.]/g, '')}-${(0,external_node_crypto_.randomBytes)(3).toString('hex')}${clock_evidence_BUNDLE_SUFFIX}`, { event: 'checked', scope: clock.scope, open: keys, sequence: 1, requestedAt }, { name: `rescan/${clock.scope}`, sha: (0,core_dist/* sha256Hex */.fg)(JSON.stringify({ scope: clock.scope, keys, requestedAt })) });
    }
    const now = trustedNow;
    const overdue = now ? open.filter((r) => Date.parse(r.deadline) <= now.getTime()) : [];
    for (const r of overdue) {
        if (episode(chains.get(remediationKey(r)) ?? []).overdueSigned)
            continue;
        await sign(r, 'overdue');
    }
    // opened/stillOpen/resolved hold the same objects as the state: the signed times above are theirs too.
    return {
        state: { ...result.state, updated: (now ?? new Date(previous.state.updated)).toISOString() },
        opened: result.opened,
        stillOpen: result.stillOpen,
        resolved: result.resolved,
        overdue,
        ...(now ? { trustedNow: now } : {}),
        events,
    };
}
/** The state a run starts from: verified signed events with `clock`; the plain file otherwise (never a signed folder read unverified). */
async function clock_evidence_readClockState(stateDir, clock) {
    // The state folder may not exist yet (a first run); anything else than a folder is an input error.
    const st = await (0,promises_.stat)(stateDir).catch((e) => {
        if (e.code === 'ENOENT')
            return undefined;
        throw (0,core_dist/* filesystemInputError */.eg)(e, stateDir) ?? e;
    });
    if (st && !st.isDirectory())
        throw new core_dist/* ConfigurationError */.j1('the remediation state folder is not a folder', {
            location: { file: stateDir },
            hint: "--state names the folder that keeps remediations.json (default: the first evidence folder's deployments/)",
        });
    if (clock)
        return readTrustedState(stateDir, clock);
    if (await hasSignedClock(stateDir))
        throw new core_dist/* ConfigurationError */.j1(`${stateDir} keeps its remediation clock with signed events, and no trusted clock was given`, {
            hint: 'pass --clock-key, --tsa-url and --trusted-root: once the clock is signed it is never read on the local time',
        });
    return { state: await (0,core_dist/* readRemediations */.nW)(stateDir) };
}
/** Moves the clock: signed (TSA time) with `clock`, on the local time otherwise. */
async function clock_evidence_advanceClock(stateDir, previous, matches, now, clock, logger) {
    if (!clock)
        return { ...reconcile(previous.state, matches, now), events: [] };
    return reconcileOnTrustedTime(stateDir, { state: previous.state, log: previous.log ?? (await readEventLog(stateDir, clock)) }, matches, now, clock, logger);
}
/**
 * Matches that hold every unresolved remediation as it is (nothing opens, updates or stops): for a
 * repository that cannot be rescanned, so that advancing the clock only signs its "now" and any overdue.
 */
function clock_evidence_holdAsIs(state) {
    return state.remediations
        .filter((r) => r.status !== 'resolved')
        .flatMap((r) => r.digests.flatMap((digest) => r.environments.map((environment) => ({
        advisory: r.advisory,
        aliases: r.aliases,
        package: r.package,
        severity: r.severity,
        fixedVersions: r.fixedVersions,
        digest,
        environment,
        waived: r.status === 'waived',
    }))));
}

// EXTERNAL MODULE: ../packages/source/dist/index.js + 43 modules
var source_dist = __webpack_require__(97627);
;// CONCATENATED MODULE: ../packages/rescan/dist/drift.js
/**
 * Least-privilege drift: the workflows on a repository's default branch compared with the posture
 * checkout-verify recorded for the last admitted release (the `workflow-posture` statement in that
 * run's evidence). What grew is a finding with an owner:
 * - a new write grant: a job may now write a scope it could not (or `write-all`, or no permissions
 *   block any more: the repository default);
 * - a new unpinned action: a `uses:` by tag or branch that the release did not have in that file;
 * - a new secret: a secret the release's version of that file did not read.
 * Narrowing (a grant removed, a reference pinned, a secret dropped) is not a finding. The owner is the
 * workflow file's CODEOWNERS on the default branch, else the repository itself.
 */



const DRIFT_RULES = [
    {
        id: 'drift/new-write-permission',
        name: 'NewWritePermission',
        shortDescription: 'a workflow job may write more than at the last admitted release',
        help: 'grant the job only the scopes it needs (permissions: per job), or admit a release that records this posture on purpose',
        defaultSeverity: 'high',
    },
    {
        id: 'drift/new-unpinned-action',
        name: 'NewUnpinnedAction',
        shortDescription: 'a workflow runs an action by a movable reference it did not use at the last admitted release',
        help: 'pin the action to a full commit SHA (with a # vX.Y.Z comment)',
        defaultSeverity: 'high',
    },
    {
        id: 'drift/new-secret',
        name: 'NewSecretUse',
        shortDescription: 'a workflow reads a secret it did not read at the last admitted release',
        help: 'check the secret is needed by this workflow and scoped to the job (or an environment) that needs it',
        defaultSeverity: 'medium',
    },
];
/** Scopes whose write grant lets a job change code, releases or identity: high; the rest medium. */
const HIGH_SCOPES = new Set([
    'actions',
    'attestations',
    'contents',
    'deployments',
    'id-token',
    'issues',
    'packages',
    'pages',
    'pull-requests',
    'security-events',
]);
const grantKey = (job, g) => `${job}\u0000${g.scope}\u0000${g.access}`;
/** What grew from `baseline` to `current` (pure; the definitions above). */
function comparePosture(baseline, current) {
    const before = new Map(baseline.files.map((f) => [f.path, f]));
    const out = [];
    for (const f of current.files) {
        const old = before.get(f.path);
        const oldGrants = new Set((old?.permissions ?? []).map((g) => grantKey(g.job, g)));
        // write-all and the repository default already covered every scope of that job.
        const broad = (job) => oldGrants.has(grantKey(job, { scope: '*', access: 'write-all' }));
        const hadDefault = (job) => oldGrants.has(grantKey(job, { scope: '*', access: 'default' }));
        for (const g of f.permissions) {
            if (oldGrants.has(grantKey(g.job, g)))
                continue;
            if (g.access === 'write' && (broad(g.job) || hadDefault(g.job)))
                continue;
            const where = `job \`${g.job}\` of ${f.path}`;
            if (g.access === 'write')
                out.push({
                    rule: 'drift/new-write-permission',
                    severity: HIGH_SCOPES.has(g.scope) ? 'high' : 'medium',
                    file: f.path,
                    job: g.job,
                    detail: `${g.scope}: write`,
                    message: `${where} now has \`${g.scope}: write\`, which it did not have at the last admitted release`,
                });
            else if (g.access === 'write-all')
                out.push({
                    rule: 'drift/new-write-permission',
                    severity: 'high',
                    file: f.path,
                    job: g.job,
                    detail: 'write-all',
                    message: `${where} now has \`permissions: write-all\` (every scope), which it did not have at the last admitted release`,
                });
            else
                out.push({
                    rule: 'drift/new-write-permission',
                    severity: 'high',
                    file: f.path,
                    job: g.job,
                    detail: 'no permissions block',
                    message: `${where} has no permissions block any more (the repository default applies, often write to everything); at the last admitted release it had one`,
                });
        }
        const oldUses = new Set((old?.unpinned ?? []).map((u) => u.uses));
        const reported = new Set();
        for (const u of f.unpinned) {
            if (oldUses.has(u.uses) || reported.has(u.uses))
                continue;
            reported.add(u.uses);
            out.push({
                rule: 'drift/new-unpinned-action',
                severity: 'high',
                file: f.path,
                job: u.job,
                detail: u.uses,
                message: `${f.path} now runs \`${u.uses}\` (job \`${u.job}\`), a reference that can move, not used there at the last admitted release`,
            });
        }
        const oldSecrets = new Set(old?.secrets ?? []);
        for (const s of f.secrets) {
            if (oldSecrets.has(s))
                continue;
            out.push({
                rule: 'drift/new-secret',
                severity: s.startsWith('(') ? 'high' : 'medium',
                file: f.path,
                detail: s,
                message: s.startsWith('(')
                    ? `${f.path} now reads ${s}, which it did not at the last admitted release`
                    : `${f.path} now reads the secret \`${s}\`, which it did not at the last admitted release`,
            });
        }
    }
    return out;
}
/** Drift findings with their owners (CODEOWNERS of the workflow file on the default branch, else the repository). */
function driftFindings(repository, baseline, current, codeowners, context) {
    return comparePosture(baseline, current).map((c) => {
        const owned = (0,source_dist/* ownersOf */.K2)(codeowners, c.file).owners;
        const owners = owned.length > 0 ? owned : [repository];
        return {
            rule: c.rule,
            severity: c.severity,
            message: `${repository}: ${c.message}`,
            file: c.file,
            help: DRIFT_RULES.find((r) => r.id === c.rule)?.help ?? '',
            blocking: false,
            properties: {
                repository,
                owners,
                ownerSource: owned.length > 0 ? 'CODEOWNERS' : 'repository',
                ...(c.job ? { job: c.job } : {}),
                change: c.detail,
                baselineCommit: context.baselineCommit,
                ref: context.ref,
            },
        };
    });
}
/** The newest admitted deployment among `records` (the last admitted release). */
function drift_lastAdmitted(records) {
    return [...records].sort((a, b) => b.record.time.localeCompare(a.record.time))[0];
}
/** The posture statement of a run's evidence, preferring one that names the digest (attest adds the artefacts). */
async function readBaselinePosture(evidenceDir, digest) {
    const statements = (await new core_dist/* EvidenceFolder */.eA(evidenceDir).load()).filter((s) => s.statement.predicateType === core_dist/* WORKFLOW_POSTURE_PREDICATE */.PX);
    const hex = digest.replace(/^sha256:/, '');
    const hit = statements.find((s) => (0,core_dist/* subjectDigests */.IF)(s.statement).has(hex)) ?? statements[0];
    return hit ? { predicate: hit.statement.predicate, statementPath: hit.statementPath } : undefined;
}
/**
 * Drift of one repository: `files` are its default branch's workflows (paths from the repository root),
 * `codeownersText` its CODEOWNERS there, `release` the last admitted deployment and its evidence folder.
 */
async function drift_repositoryDrift(opts) {
    const current = (0,source_dist/* postureOfFiles */.ZG)(opts.files);
    const cur = {
        ref: opts.ref,
        ...(opts.commit ? { commit: opts.commit } : {}),
        files: current.files.length,
        auditFindings: current.findings.count,
    };
    if (!opts.release)
        return { repository: opts.repository, status: 'no-release', current: cur, findings: [] };
    const r = opts.release.record;
    const release = { digest: r.digest, ...(r.name ? { name: r.name } : {}), environment: r.environment, admitted: r.time };
    const found = await readBaselinePosture(opts.release.evidence, r.digest);
    if (!found)
        return { repository: opts.repository, status: 'no-baseline', current: cur, release, findings: [] };
    const baseline = {
        commit: found.predicate.commit,
        statement: external_node_path_.relative(opts.relativeTo ?? process.cwd(), found.statementPath) || found.statementPath,
    };
    const rules = opts.codeownersText !== undefined ? (0,source_dist/* parseCodeowners */.BW)(opts.codeownersText) : [];
    return {
        repository: opts.repository,
        status: 'compared',
        current: cur,
        release,
        baseline,
        findings: driftFindings(opts.repository, found.predicate, current, rules, { baselineCommit: found.predicate.commit, ref: opts.ref }),
    };
}
/** Markdown for a job summary or a file: one line per repository, then the findings with their owners. */
function driftMarkdown(reports) {
    const lines = ['### Least-privilege drift since the last admitted release', ''];
    lines.push((0,core_dist/* table */.tp)(['repository', 'compared with', 'default branch', 'drift'], reports.map((r) => [
        (0,core_dist.md)(r.repository),
        r.release && r.baseline
            ? `${(0,core_dist/* code */.aY)(r.release.digest.slice(0, 19))}… (${(0,core_dist.md)(r.release.environment)}, ${(0,core_dist.md)(r.release.admitted)}) at ${(0,core_dist/* code */.aY)(r.baseline.commit.slice(0, 12))}`
            : r.status === 'no-baseline'
                ? '_the admitted release recorded no workflow posture_'
                : '_nothing admitted yet_',
        `${(0,core_dist.md)(r.current.ref)}: ${r.current.files} workflow(s)`,
        String(r.findings.length),
    ])));
    const all = reports.flatMap((r) => r.findings);
    if (all.length > 0) {
        lines.push('', (0,core_dist/* table */.tp)(['severity', 'rule', 'file', 'change', 'owners'], all.map((f) => [
            f.severity,
            (0,core_dist/* code */.aY)(f.rule),
            (0,core_dist/* code */.aY)(`${String(f.properties?.repository)}:${f.file ?? ''}`),
            (0,core_dist/* code */.aY)(f.properties?.change ?? ''),
            (0,core_dist.md)((f.properties?.owners ?? []).join(' ')),
        ])));
    }
    return lines.join('\n');
}
/** The CODEOWNERS text of a checkout (GitHub's order: .github/, root, docs/), if any. */
async function readCodeowners(root) {
    for (const p of source_dist/* CODEOWNERS_PATHS */.xn) {
        try {
            return (await (0,core_dist/* readRegularFile */.XF)(external_node_path_.join(root, ...p.split('/')), { maxBytes: 3 * 1024 * 1024, what: 'CODEOWNERS file' })).toString('utf8');
        }
        catch (e) {
            if (e instanceof core_dist/* UnsafeFileError */.h && e.reason === 'missing')
                continue;
            throw e;
        }
    }
    return undefined;
}
/**
 * Drift of a repository checked out at `root` (its default branch: what the scheduled rescan checks
 * out), against the newest admitted deployment among `releases`.
 */
async function checkoutDrift(opts) {
    const head = await (0,source_dist/* gitRun */.qM)(opts.root, ['rev-parse', 'HEAD'], { allowFailure: true });
    let ref = opts.ref;
    if (!ref) {
        const sym = await (0,source_dist/* gitRun */.qM)(opts.root, ['symbolic-ref', '--quiet', '--short', 'HEAD'], { allowFailure: true });
        ref = sym.code === 0 ? sym.stdout.trim() : 'HEAD';
    }
    const release = drift_lastAdmitted(opts.releases);
    const codeownersText = await readCodeowners(opts.root);
    return drift_repositoryDrift({
        repository: opts.repository,
        ref,
        ...(head.code === 0 ? { commit: head.stdout.trim() } : {}),
        files: await (0,source_dist/* readWorkflowFiles */.BV)(opts.root),
        ...(codeownersText !== undefined ? { codeownersText } : {}),
        ...(release ? { release } : {}),
    });
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ../packages/rescan/dist/github-fetch.js
/**
 * Octokit for the rescan's writes (issues, remediation pull requests), its `fetch` routed through core's
 * one HTTP client (bounded full-jitter retries, Retry-After, one deadline per call, a byte limit).
 */


/** core's `httpFetch`, with a POST (a commit, a ref, a pull request, an issue) retried only on 429. */
function coreFetch(policy) {
    return (0,core_dist/* httpFetch */.tX)(policy, { postRetryStatuses: [429] });
}
function githubOctokit(target, http = {}) {
    return new dist_src/* Octokit */.E({
        auth: target.token,
        baseUrl: target.baseUrl.replace(/\/+$/, ''),
        userAgent: `${core_dist/* TOOL_NAME */.lH}/${core_dist/* TOOL_VERSION */.wr}`,
        request: { fetch: coreFetch({ service: 'the GitHub API', maxBytes: 64 * 1024 * 1024, ...http }), retries: 0 },
        log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    });
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
;// CONCATENATED MODULE: ../packages/rescan/dist/lockfile-update.js
/**
 * Moves a vulnerable dependency to its lowest fixed version in a lockfile, with the ecosystem's own
 * tool — the change a person would make, so the pull request reviews and builds like theirs.
 *
 * npm (package-lock.json v2/v3), with npm itself and `--package-lock-only --ignore-scripts` (nothing is
 * downloaded into node_modules and no package script runs):
 *   - a direct dependency: `npm install <name>@<fixed> --package-lock-only --ignore-scripts`, keeping the
 *     section (dependencies/devDependencies/optional) and the range style (`^`, `~` or exact) of the
 *     requirement, as Dependabot does for a direct security update;
 *   - a transitive one: `npm update` would take the *highest* version the parents allow, and a permanent
 *     `overrides` entry would pin the package forever. Instead npm runs once with a temporary override
 *     keyed on the vulnerable version only (`"<name>@<vulnerable>": "<fixed>"`, npm's own matcher
 *     syntax), then once more with the original package.json: npm keeps a locked version that satisfies
 *     every parent's range, so the result is a lockfile-only change to the lowest fixed version. Where a
 *     parent's range excludes every fixed version, the second run puts the vulnerable version back and
 *     the check below refuses the result (the parent must be upgraded: a person's decision).
 * Afterwards the lockfile is read again and every instance that was vulnerable must be at or above its
 * target; anything else is an error, never a silent pass.
 *
 * Names and versions come from SBOMs and advisories (outside input). They reach npm only as elements of
 * an argument array (no shell), and only when they are valid npm names and SemVer versions; a name
 * starting with `-` (an option to npm) or holding `/`, `..` or shell characters is refused. npm runs in a
 * temporary folder holding only package.json and package-lock.json, so a repository's `.npmrc` cannot
 * redirect the registry, its credentials or the script shell.
 *
 * pip, Cargo, Go and the other ecosystems are not done yet: they are refused by name.
 */





/** The ecosystems this module can update. */
const SUPPORTED_ECOSYSTEMS = ['npm'];
const NPM_NAME = /^(?:@[A-Za-z0-9~][A-Za-z0-9._~-]*\/)?[A-Za-z0-9~][A-Za-z0-9._~-]*$/;
/** A valid npm package name (the registry's rules, stricter where a name could act as an option or a path). */
function validNpmName(name) {
    return name.length > 0 && name.length <= 214 && NPM_NAME.test(name) && !name.split('/').some((p) => p === '.' || p === '..');
}
// semver.org's own regular expression for a SemVer 2.0.0 version.
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
/** A plain SemVer version, as npm writes it in a lockfile (no range, no tag, no leading `v`). */
function validNpmVersion(version) {
    return version.length <= 256 && SEMVER.test(version);
}
/** The lowest fixed version above `version`, if any. */
function lowestFixedAbove(ecosystem, version, fixed) {
    return [...fixed].filter((f) => (0,materials_dist/* compareVersions */.Zy)(ecosystem, f, version) > 0).sort((a, b) => (0,materials_dist/* compareVersions */.Zy)(ecosystem, a, b))[0];
}
function parseJson(bytes, what) {
    let v;
    try {
        v = JSON.parse(bytes.toString('utf8'));
    }
    catch {
        throw new core_dist/* ConfigurationError */.j1(`${what} is not valid JSON`);
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v))
        throw new core_dist/* ConfigurationError */.j1(`${what} is not a JSON object`);
    return v;
}
function lockPackages(lock, what) {
    const version = lock.lockfileVersion;
    if (version !== 2 && version !== 3)
        throw new core_dist/* ConfigurationError */.j1(`${what} is lockfileVersion ${String(version)}; only versions 2 and 3 can be updated`, {
            hint: 'run npm install once with npm 7 or newer to move it to lockfile version 3',
        });
    const packages = lock.packages;
    if (typeof packages !== 'object' || packages === null)
        throw new core_dist/* ConfigurationError */.j1(`${what} has no "packages"`);
    return packages;
}
/** Lockfile keys naming `name`, with their versions. */
function instances(packages, name) {
    const out = [];
    for (const [at, p] of Object.entries(packages)) {
        if (p.link === true || typeof p.version !== 'string')
            continue;
        const i = at.lastIndexOf('node_modules/');
        if (i < 0 || at.slice(i + 'node_modules/'.length) !== name)
            continue;
        out.push({ at, version: p.version, direct: at === `node_modules/${name}` });
    }
    return out;
}
const SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies'];
function directSpec(pkg, name) {
    for (const section of SECTIONS) {
        const deps = pkg[section];
        if (typeof deps === 'object' && deps !== null && typeof deps[name] === 'string')
            return { section, spec: deps[name] };
    }
    return undefined;
}
async function runNpm(args, cwd, tool) {
    const command = tool.npm ?? 'npm';
    const env = {};
    for (const [k, v] of Object.entries(process.env))
        if (v !== undefined)
            env[k] = v;
    Object.assign(env, { npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' }, tool.env ?? {});
    if (tool.registry)
        env.npm_config_registry = tool.registry;
    const timeoutMs = tool.timeoutMs ?? 300_000;
    // An argument array and no shell: names and versions are data, never shell words.
    const child = (0,external_node_child_process_.spawn)(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], shell: false });
    const err = [];
    let errBytes = 0;
    child.stdout.resume();
    child.stderr.on('data', (d) => {
        if (errBytes < 64 * 1024)
            err.push(d);
        errBytes += d.length;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    try {
        const code = await new Promise((resolve, reject) => {
            child.on('error', (e) => e.code === 'ENOENT'
                ? reject(new core_dist/* ConfigurationError */.j1(`${command} is not installed`, { hint: 'remediation pull requests need npm on PATH' }))
                : reject(e));
            child.on('close', (c, signal) => resolve(c ?? signal ?? 'killed'));
        });
        if (code !== 0) {
            const tail = Buffer.concat(err)
                .toString('utf8')
                .split('\n')
                .filter((l) => /\S/.test(l))
                .slice(-4)
                // Only the tool's own error lines, kept short and free of control characters.
                .map((l) => l.replace(/[^\x20-\x7e]/g, '?').slice(0, 300))
                .join(' | ');
            throw new core_dist/* InfrastructureError */.EN(`npm ${args.slice(0, 2).join(' ')} failed (${typeof code === 'number' ? `exit ${code}` : code === 'SIGKILL' ? `no result within ${timeoutMs} ms` : code})${tail ? `: ${tail}` : ''}`, { hint: 'the lockfile was not changed; the remediation issue stays open' });
        }
    }
    finally {
        clearTimeout(timer);
    }
}
const NPM_FLAGS = ['--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'];
/**
 * Updates `<dir>/package-lock.json` (and package.json for a direct dependency) so that no locked
 * instance of each package is at a vulnerable version. `dir` must be a scratch folder holding only the
 * two files (the caller writes them from the repository's tree).
 */
async function updateNpmLockfile(dir, fixes, tool = {}) {
    const pkgFile = external_node_path_.join(dir, 'package.json');
    const lockFile = external_node_path_.join(dir, 'package-lock.json');
    const read = async (f, what) => (0,core_dist/* readRegularFile */.XF)(f, { maxBytes: 64 * 1024 * 1024, what });
    const originalLock = lockPackages(parseJson(await read(lockFile, 'package-lock.json'), 'package-lock.json'), 'package-lock.json');
    const declared = parseJson(await read(pkgFile, 'package.json'), 'package.json');
    const commands = [];
    const targets = [];
    for (const fix of fixes) {
        if (fix.ecosystem !== 'npm')
            throw new core_dist/* ConfigurationError */.j1(`${fix.ecosystem} lockfiles are not updated yet (only npm)`, {
                hint: 'upgrade the package by hand; the remediation issue stays open',
            });
        if (!validNpmName(fix.name))
            throw new core_dist/* ConfigurationError */.j1(`"${encodeURIComponent(fix.name)}" is not a valid npm package name`);
        for (const v of [...fix.vulnerable, ...fix.fixedVersions])
            if (!validNpmVersion(v))
                throw new core_dist/* ConfigurationError */.j1(`"${encodeURIComponent(v)}" (for ${fix.name}) is not a plain SemVer version npm can install`);
        for (const i of instances(originalLock, fix.name)) {
            if (!fix.vulnerable.includes(i.version))
                continue;
            const to = lowestFixedAbove('npm', i.version, fix.fixedVersions);
            if (!to)
                throw new core_dist/* ConfigurationError */.j1(`no fixed version of ${fix.name} above ${i.version} is published`, {
                    hint: 'waive the advisory with an expiry, or replace the package',
                });
            // Direct: declared in package.json and locked at the top level (not merely hoisted there).
            targets.push({ name: fix.name, at: i.at, from: i.version, to, direct: i.direct && directSpec(declared, fix.name) !== undefined });
        }
    }
    if (targets.length === 0)
        return {
            changes: [],
            commands,
            packageJson: await read(pkgFile, 'package.json'),
            packageLock: await read(lockFile, 'package-lock.json'),
        };
    // Direct dependencies: npm install name@fixed, keeping the requirement's section and range style.
    for (const t of targets.filter((x) => x.direct)) {
        const pkg = parseJson(await read(pkgFile, 'package.json'), 'package.json');
        if (pkg.workspaces !== undefined)
            throw new core_dist/* ConfigurationError */.j1('npm workspaces are not updated yet', { hint: 'upgrade the package by hand' });
        const direct = directSpec(pkg, t.name);
        if (!direct)
            continue; // locked at the top level only as a hoisted transitive dependency
        const style = validNpmVersion(direct.spec) ? ['--save-exact'] : direct.spec.startsWith('~') ? ['--save-prefix=~'] : [];
        const section = direct.section === 'devDependencies' ? ['--save-dev'] : direct.section === 'optionalDependencies' ? ['--save-optional'] : [];
        const args = ['install', `${t.name}@${t.to}`, ...section, ...style, ...NPM_FLAGS];
        commands.push(['npm', ...args].join(' '));
        await runNpm(args, dir, tool);
    }
    // Transitive ones: a temporary override on the vulnerable version, then the original package.json again.
    const afterDirect = lockPackages(parseJson(await read(lockFile, 'package-lock.json'), 'package-lock.json'), 'package-lock.json');
    const pending = targets.filter((t) => afterDirect[t.at]?.version === t.from);
    if (pending.length > 0) {
        const pkgBytes = await read(pkgFile, 'package.json');
        const pkg = parseJson(pkgBytes, 'package.json');
        if (pkg.workspaces !== undefined)
            throw new core_dist/* ConfigurationError */.j1('npm workspaces are not updated yet', { hint: 'upgrade the package by hand' });
        const existing = (typeof pkg.overrides === 'object' && pkg.overrides !== null ? pkg.overrides : {});
        const overrides = { ...existing };
        for (const t of pending) {
            if (Object.keys(existing).some((k) => k === t.name || k.startsWith(`${t.name}@`)))
                throw new core_dist/* ConfigurationError */.j1(`package.json already overrides ${t.name}; the factory does not change a person's override`, {
                    hint: `raise the override of ${t.name} to ${t.to} by hand`,
                });
            overrides[`${t.name}@${t.from}`] = t.to;
        }
        await (0,promises_.writeFile)(pkgFile, `${JSON.stringify({ ...pkg, overrides }, null, 2)}\n`);
        const args = ['install', ...NPM_FLAGS];
        commands.push(`npm ${args.join(' ')}   # with the temporary overrides ${JSON.stringify(overrides)}`);
        await runNpm(args, dir, tool);
        await (0,promises_.writeFile)(pkgFile, pkgBytes);
        commands.push(`npm ${args.join(' ')}   # with the original package.json`);
        await runNpm(args, dir, tool);
    }
    const final = lockPackages(parseJson(await read(lockFile, 'package-lock.json'), 'package-lock.json'), 'package-lock.json');
    const changes = [];
    for (const t of targets) {
        // The instance may have moved (hoisted or nested differently): look at every instance of the name.
        const now = instances(final, t.name);
        const stillVulnerable = now.filter((i) => i.version === t.from);
        if (stillVulnerable.length > 0)
            throw new core_dist/* ConfigurationError */.j1(`npm kept ${t.name}@${t.from} at ${stillVulnerable.map((i) => i.at).join(', ')}: a parent's version range excludes every fixed version`, { hint: `upgrade the package that depends on ${t.name} (or add an override by hand); the remediation issue stays open` });
        const moved = final[t.at]?.version ?? now.map((i) => i.version).sort((a, b) => (0,materials_dist/* compareVersions */.Zy)('npm', a, b))[0] ?? t.to;
        if ((0,materials_dist/* compareVersions */.Zy)('npm', moved, t.to) < 0)
            throw new core_dist/* ConfigurationError */.j1(`npm moved ${t.name} at ${t.at} to ${moved}, below the fixed version ${t.to}`);
        changes.push({ name: t.name, at: t.at, from: t.from, to: moved, direct: t.direct });
    }
    return { changes, commands, packageJson: await read(pkgFile, 'package.json'), packageLock: await read(lockFile, 'package-lock.json') };
}

;// CONCATENATED MODULE: ../packages/rescan/dist/fix-pr.js
/**
 * Remediation pull requests: for each open advisory with a fixed version, one pull request per
 * repository on the branch `secure-factory/fix-<advisory>`, moving every vulnerable instance of the
 * package to its lowest fixed version in the repository's npm lockfiles with npm itself
 * (lockfile-update.ts). One pull request per advisory, like Dependabot's security updates (one per
 * vulnerable dependency) and Renovate's vulnerability branches: it reviews, builds and reverts on its
 * own, and it matches the one remediation issue it refers to.
 *
 * Made with the GitHub REST API only (no git push, no credentials on disk): the default branch's tree
 * and blobs are read (every blob hashed against its git id), the changed files are written as blobs, a
 * tree on the default branch's tree and a commit whose parent is the default branch's head; the branch
 * is created or moved to it, and the pull request opened or updated in place. The next rescan rebuilds
 * the change from the then-current default branch: no duplicate branches or pull requests, and nothing
 * new when nothing changed.
 *
 * The pull request refers to the remediation issue without a closing keyword ("Remediates #N", not
 * "Fixes #N"): merging it does not stop the clock. The issue and its clock close when the rescan sees a
 * deployment of a digest without the advisory admitted by the gate.
 *
 * Fails closed, per advisory: npm failing, a fix npm cannot reach, a branch holding a commit the factory
 * did not make, or an API error gives a `failed` result with the reason (the issue stays open; the CLI
 * exits 3). A pull request a person closed without merging is not reopened (`declined`).
 */







const FIX_BRANCH_PREFIX = 'secure-factory/fix-';
/** A trailer in every commit the factory makes on a fix branch; a branch without it belongs to a person. */
const FIX_TRAILER = 'Secure-Factory-Remediation:';
const MAX_PAGES = 50;
const MAX_LOCKFILES = 50;
const ADVISORY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$/;
/** The fix requests of a repository: open (unwaived) remediations with a fixed version, grouped by advisory. */
function fix_pr_fixRequests(remediations, matches) {
    const byAdvisory = new Map();
    for (const r of remediations) {
        if (r.status !== 'open' || r.fixedVersions.length === 0)
            continue;
        const vulnerable = new Set([r.package.version]);
        for (const m of matches)
            if (m.advisory === r.advisory && m.package.ecosystem === r.package.ecosystem && m.package.name === r.package.name && !m.waived)
                vulnerable.add(m.package.version);
        const req = byAdvisory.get(r.advisory) ?? {
            advisory: r.advisory,
            aliases: r.aliases,
            severity: r.severity,
            deadline: r.deadline,
            packages: [],
            issues: [],
        };
        req.packages.push({
            ecosystem: r.package.ecosystem,
            name: r.package.name,
            vulnerable: [...vulnerable].sort(),
            fixedVersions: r.fixedVersions,
        });
        if (r.issue && !req.issues.includes(r.issue.number))
            req.issues.push(r.issue.number);
        if (r.deadline < req.deadline)
            req.deadline = r.deadline;
        byAdvisory.set(r.advisory, req);
    }
    return [...byAdvisory.values()].sort((a, b) => a.advisory.localeCompare(b.advisory));
}
function fixBranch(advisory) {
    if (!ADVISORY_ID.test(advisory) || advisory.includes('..') || advisory.endsWith('.lock'))
        throw new core_dist/* InfrastructureError */.EN(`"${encodeURIComponent(advisory)}" cannot name a branch`);
    return `${FIX_BRANCH_PREFIX}${advisory}`;
}
function prMarker(advisory) {
    return `<!-- secure-factory:fix-pr advisory=${encodeURIComponent(advisory)} -->`;
}
/**
 * What a pull request was made from: the default branch's head and the request (packages, versions,
 * issues, deadline). The same stamp on the open pull request and a factory commit on that head mean
 * nothing changed since the last rescan: npm is not run again.
 */
function requestStamp(req, head) {
    const digest = (0,external_node_crypto_.createHash)('sha256')
        .update(JSON.stringify([head, req.advisory, req.severity, req.deadline, req.issues, req.packages]))
        .digest('hex')
        .slice(0, 32);
    return `<!-- secure-factory:fix-pr-request ${digest} -->`;
}
const gitBlobSha1 = (bytes) => (0,external_node_crypto_.createHash)('sha1').update(`blob ${bytes.length}\u0000`).update(bytes).digest('hex');
function summary(req, changes) {
    const moves = [...new Map(changes.map((c) => [`${c.name}@${c.from}→${c.to}`, c])).values()];
    return moves.map((c) => `${c.name} ${c.from} → ${c.to}`).join(', ') || req.packages.map((p) => p.name).join(', ');
}
function prTitle(req, changes) {
    return `[secure-factory] Fix ${req.advisory} (${req.severity}): ${summary(req, changes)}`;
}
function prBody(req, changes, commands, base, stamp = '') {
    const ids = [req.advisory, ...req.aliases].filter((v, i, a) => a.indexOf(v) === i);
    return [
        prMarker(req.advisory) + stamp,
        `Moves the vulnerable dependency to the lowest fixed version of **${(0,core_dist.md)(req.advisory)}** (${ids.map(core_dist.md).join(', ')}, ${req.severity}), with npm, in the lockfiles of ${(0,core_dist/* code */.aY)(base)}.`,
        '',
        (0,core_dist/* table */.tp)(['lockfile', 'package', 'from', 'to', 'dependency'], changes.map((c) => [(0,core_dist/* code */.aY)(c.lockfile), (0,core_dist/* code */.aY)(c.name), (0,core_dist/* code */.aY)(c.from), (0,core_dist/* code */.aY)(c.to), c.direct ? 'direct' : `transitive (${(0,core_dist/* code */.aY)(c.at)})`])),
        '',
        ...req.issues.map((n) => `Remediates #${n}`),
        '',
        `The remediation clock runs until **${req.deadline}**. It stops when the rescan sees a deployment of a digest without the advisory admitted by the factory's gate — not when this pull request merges: merge it, let the factory build and gate the release, and deploy it.`,
        '',
        '<details><summary>How this was made</summary>',
        '',
        '```',
        ...commands.map((c) => c.replace(/`/g, "'")),
        '```',
        '',
        `Each rescan rebuilds this branch from the current ${(0,core_dist/* code */.aY)(base)} (a commit made by the factory, trailer ${(0,core_dist/* code */.aY)(`${FIX_TRAILER} ${req.advisory}`)}). A commit pushed here by a person stops the factory from touching the branch.`,
        '</details>',
    ].join('\n');
}
/** Fix pull requests in one repository. */
class fix_pr_FixPullRequests {
    target;
    logger;
    options;
    octokit;
    repository;
    blobs = new Map();
    constructor(target, logger, options = {}) {
        this.target = target;
        this.logger = logger;
        this.options = options;
        this.octokit = githubOctokit(target, options.http);
        this.repository = `${target.owner}/${target.repo}`;
    }
    apiError(what, e) {
        const status = e.status;
        return new core_dist/* InfrastructureError */.EN(`GitHub API: ${what} in ${this.repository} failed${status ? ` (HTTP ${status})` : ''}`, {
            hint: status === 401 || status === 403 || status === 404
                ? 'the token needs contents: write and pull-requests: write on the repository'
                : 'no pull request was changed for this advisory; the remediation issue stays open',
            cause: e,
        });
    }
    async call(what, fn) {
        try {
            const r = await fn();
            return { data: r.data, link: typeof r.headers.link === 'string' ? r.headers.link : '' };
        }
        catch (e) {
            throw this.apiError(what, e);
        }
    }
    get base() {
        return { owner: this.target.owner, repo: this.target.repo };
    }
    async ref(branch) {
        try {
            const r = await this.octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { ...this.base, ref: `heads/${branch}` });
            const sha = r.data.object?.sha;
            if (typeof sha !== 'string')
                throw new core_dist/* InfrastructureError */.EN(`GitHub API: the branch ${branch} of ${this.repository} names no commit`);
            return sha;
        }
        catch (e) {
            if (e.status === 404)
                return undefined;
            if (e instanceof core_dist/* InfrastructureError */.EN)
                throw e;
            throw this.apiError(`reading the branch ${branch}`, e);
        }
    }
    async commit(sha) {
        const { data } = await this.call(`reading commit ${sha}`, () => this.octokit.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', { ...this.base, commit_sha: sha }));
        if (typeof data.tree?.sha !== 'string')
            throw new core_dist/* InfrastructureError */.EN(`GitHub API: commit ${sha} of ${this.repository} has no tree`);
        return { tree: data.tree.sha, parents: (data.parents ?? []).map((p) => p.sha ?? ''), message: data.message ?? '' };
    }
    async blob(entry) {
        const cached = this.blobs.get(entry.sha);
        if (cached)
            return cached;
        if ((entry.size ?? 0) > 64 * 1024 * 1024)
            throw new core_dist/* InfrastructureError */.EN(`${this.repository}:${entry.path} is larger than 64 MiB`);
        const { data } = await this.call(`reading ${entry.path}`, () => this.octokit.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', { ...this.base, file_sha: entry.sha }));
        if (data.encoding !== 'base64' || typeof data.content !== 'string')
            throw new core_dist/* InfrastructureError */.EN(`GitHub API: ${this.repository}:${entry.path} did not come back base64-encoded`);
        const bytes = Buffer.from(data.content, 'base64');
        if (gitBlobSha1(bytes) !== entry.sha)
            throw new core_dist/* InfrastructureError */.EN(`GitHub API: ${this.repository}:${entry.path} does not hash to the blob ${entry.sha} its tree names`);
        this.blobs.set(entry.sha, bytes);
        return bytes;
    }
    /** Every pull request whose head is the branch (open and closed), to the last page. */
    async pulls(branch) {
        const out = [];
        for (let page = 1;; page++) {
            if (page > MAX_PAGES)
                throw new core_dist/* InfrastructureError */.EN(`GitHub API: the pull requests of ${branch} in ${this.repository} did not end after ${MAX_PAGES} pages`);
            const { data, link } = await this.call(`listing the pull requests of ${branch}`, () => this.octokit.request('GET /repos/{owner}/{repo}/pulls', {
                ...this.base,
                head: `${this.target.owner}:${branch}`,
                state: 'all',
                per_page: 100,
                page,
            }));
            if (!Array.isArray(data))
                throw new core_dist/* InfrastructureError */.EN(`GitHub API: listing pull requests in ${this.repository} did not answer a list`);
            // GitHub filters by head; the check is repeated in case a server ignores the filter.
            out.push(...data.filter((p) => p.head?.ref === undefined || p.head.ref === branch));
            if (link ? !/rel="next"/.test(link) : data.length < 100)
                break;
        }
        return out;
    }
    /** Opens or updates the fix pull request of each request; one result per request, never a throw for one advisory. */
    async sync(requests) {
        if (requests.length === 0)
            return [];
        const results = [];
        let context;
        try {
            context = await this.readDefaultBranch();
        }
        catch (e) {
            return requests.map((r) => this.failed(r, e));
        }
        const scratch = await (0,promises_.mkdtemp)(external_node_path_.join(external_node_os_.tmpdir(), 'sf-fix-pr-'));
        try {
            for (const req of requests) {
                try {
                    results.push(await this.syncOne(req, context, scratch));
                }
                catch (e) {
                    results.push(this.failed(req, e));
                }
            }
        }
        finally {
            await (0,promises_.rm)(scratch, { recursive: true, force: true });
        }
        for (const r of results) {
            const where = `${this.repository} ${r.advisory}`;
            if (r.status === 'failed')
                this.logger.error(`fix pull request for ${where} failed: ${r.message ?? ''}`);
            else if (r.status === 'unsupported' || r.status === 'declined' || r.status === 'already-fixed')
                this.logger.warning(`${where}: ${r.message ?? r.status}`);
            else
                this.logger.info(`${r.status} pull request #${r.number ?? '?'} for ${where} (${r.branch})`);
        }
        return results;
    }
    failed(req, e) {
        let branch = '';
        try {
            branch = fixBranch(req.advisory);
        }
        catch {
            /* the message below says why */
        }
        return { repository: this.repository, advisory: req.advisory, branch, status: 'failed', changes: [], message: (0,core_dist/* errorMessage */.gJ)(e) };
    }
    async readDefaultBranch() {
        const { data: repo } = await this.call('reading the repository', () => this.octokit.request('GET /repos/{owner}/{repo}', this.base));
        const defaultBranch = typeof repo.default_branch === 'string' ? repo.default_branch : '';
        if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,200}$/.test(defaultBranch) || defaultBranch.includes('..'))
            throw new core_dist/* InfrastructureError */.EN(`GitHub API: ${this.repository} names no valid default branch`);
        const head = await this.ref(defaultBranch);
        if (!head)
            throw new core_dist/* InfrastructureError */.EN(`GitHub API: the default branch ${defaultBranch} of ${this.repository} was not found`);
        const { tree } = await this.commit(head);
        const { data } = await this.call(`reading the tree of ${defaultBranch}`, () => this.octokit.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', { ...this.base, tree_sha: tree, recursive: '1' }));
        if (data.truncated !== false || !Array.isArray(data.tree))
            throw new core_dist/* InfrastructureError */.EN(`GitHub API: the tree of ${defaultBranch} in ${this.repository} is truncated or missing`, {
                hint: 'lockfiles cannot be found in part of a tree; update the dependency by hand',
            });
        const entries = data.tree;
        const lockfiles = [];
        for (const e of entries) {
            if (e.type !== 'blob' || !(e.path === 'package-lock.json' || e.path.endsWith('/package-lock.json')))
                continue;
            const parts = e.path.split('/');
            if (parts.includes('node_modules') || parts.some((p) => p === '' || p === '.' || p === '..'))
                continue;
            const pkgPath = [...parts.slice(0, -1), 'package.json'].join('/');
            const pkg = entries.find((x) => x.path === pkgPath && x.type === 'blob');
            if (!pkg)
                continue;
            lockfiles.push({ lock: e, pkg });
        }
        if (lockfiles.length > MAX_LOCKFILES)
            throw new core_dist/* InfrastructureError */.EN(`${this.repository} holds ${lockfiles.length} npm lockfiles, more than ${MAX_LOCKFILES}`);
        return { defaultBranch, head, tree, lockfiles };
    }
    async syncOne(req, ctx, scratch) {
        const branch = fixBranch(req.advisory);
        const result = (status, extra = {}) => ({
            repository: this.repository,
            advisory: req.advisory,
            branch,
            status,
            changes: [],
            ...extra,
        });
        const unsupported = req.packages.filter((p) => !SUPPORTED_ECOSYSTEMS.includes(p.ecosystem));
        if (unsupported.length > 0)
            return result('unsupported', {
                message: `${[...new Set(unsupported.map((p) => p.ecosystem))].join(', ')} lockfiles are not updated by the factory yet (only npm): upgrade ${unsupported.map((p) => p.name).join(', ')} by hand; the issue stays open`,
            });
        const pulls = await this.pulls(branch);
        const open = pulls.find((p) => p.state === 'open');
        const newest = [...pulls].sort((a, b) => b.number - a.number)[0];
        if (!open && newest && newest.state === 'closed' && !newest.merged_at)
            return result('declined', {
                number: newest.number,
                ...(newest.html_url ? { url: newest.html_url } : {}),
                message: `pull request #${newest.number} was closed without merging; the factory does not reopen it (the issue and its clock stay open)`,
            });
        // Nothing changed since the last rescan (same default branch head, same request): no npm run, no API write.
        const stamp = requestStamp(req, ctx.head);
        if (open && (open.body ?? '').includes(stamp)) {
            const current = await this.ref(branch);
            const c = current ? await this.commit(current) : undefined;
            if (c && c.message.includes(`${FIX_TRAILER} ${req.advisory}`) && c.parents.length === 1 && c.parents[0] === ctx.head)
                return result('unchanged', {
                    number: open.number,
                    ...(open.html_url ? { url: open.html_url } : {}),
                    message: `nothing changed since the last rescan (${ctx.defaultBranch} at ${ctx.head.slice(0, 12)})`,
                });
        }
        // The change, made by npm from the default branch's files.
        const changes = [];
        const commands = [];
        const files = [];
        for (const [i, { lock, pkg }] of ctx.lockfiles.entries()) {
            const lockBytes = await this.blob(lock);
            if (!req.packages.some((p) => lockBytes.includes(Buffer.from(`node_modules/${p.name}"`))))
                continue;
            const pkgBytes = await this.blob(pkg);
            const dir = external_node_path_.join(scratch, `${branch.replace(/[^A-Za-z0-9._-]/g, '_')}-${i}`);
            await (0,promises_.rm)(dir, { recursive: true, force: true });
            await (0,promises_.mkdir)(dir, { recursive: true });
            await (0,promises_.writeFile)(external_node_path_.join(dir, 'package-lock.json'), lockBytes);
            await (0,promises_.writeFile)(external_node_path_.join(dir, 'package.json'), pkgBytes);
            const update = await updateNpmLockfile(dir, req.packages, this.options.npm);
            if (update.changes.length === 0)
                continue;
            const where = external_node_path_.posix.dirname(lock.path);
            commands.push(...update.commands.map((c) => (where === '.' ? c : `(in ${where}) ${c}`)));
            changes.push(...update.changes.map((c) => ({ ...c, lockfile: lock.path })));
            if (!update.packageLock.equals(lockBytes))
                files.push({ path: lock.path, content: update.packageLock });
            if (!update.packageJson.equals(pkgBytes))
                files.push({ path: pkg.path, content: update.packageJson });
        }
        if (changes.length === 0)
            return result('already-fixed', {
                ...(open ? { number: open.number, ...(open.html_url ? { url: open.html_url } : {}) } : {}),
                message: `no npm lockfile on ${ctx.defaultBranch} locks a vulnerable version of ${req.packages.map((p) => p.name).join(', ')}: build and deploy ${ctx.defaultBranch} through the factory to stop the clock`,
            });
        // The tree and commit, through the git data API.
        const entries = [];
        for (const f of files) {
            const { data } = await this.call(`writing ${f.path}`, () => this.octokit.request('POST /repos/{owner}/{repo}/git/blobs', {
                ...this.base,
                content: f.content.toString('base64'),
                encoding: 'base64',
            }));
            if (data.sha !== gitBlobSha1(f.content))
                throw new core_dist/* InfrastructureError */.EN(`GitHub API: the blob written for ${f.path} has another hash`);
            entries.push({ path: f.path, mode: '100644', type: 'blob', sha: data.sha });
        }
        const { data: tree } = await this.call('writing the tree', () => this.octokit.request('POST /repos/{owner}/{repo}/git/trees', { ...this.base, base_tree: ctx.tree, tree: entries }));
        if (typeof tree.sha !== 'string')
            throw new core_dist/* InfrastructureError */.EN('GitHub API: writing the tree gave no sha');
        const existing = await this.ref(branch);
        let moved = true;
        if (existing) {
            const c = await this.commit(existing);
            if (!c.message.includes(`${FIX_TRAILER} ${req.advisory}`))
                throw new core_dist/* InfrastructureError */.EN(`the branch ${branch} in ${this.repository} holds a commit the factory did not make`, {
                    hint: `the factory leaves it alone: merge or delete ${branch}, or rename it; the remediation issue stays open`,
                });
            moved = !(c.tree === tree.sha && c.parents.length === 1 && c.parents[0] === ctx.head);
        }
        if (moved) {
            const message = [
                `fix(deps): ${summary(req, changes)} (${req.advisory})`,
                '',
                `Moves the vulnerable dependency to the lowest fixed version with npm (${req.packages.map((p) => p.name).join(', ')}).`,
                '',
                `${FIX_TRAILER} ${req.advisory}`,
            ].join('\n');
            const { data: commit } = await this.call('writing the commit', () => this.octokit.request('POST /repos/{owner}/{repo}/git/commits', {
                ...this.base,
                message,
                tree: tree.sha,
                parents: [ctx.head],
            }));
            if (typeof commit.sha !== 'string')
                throw new core_dist/* InfrastructureError */.EN('GitHub API: writing the commit gave no sha');
            if (existing)
                await this.call(`moving ${branch}`, () => this.octokit.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
                    ...this.base,
                    ref: `heads/${branch}`,
                    sha: commit.sha,
                    force: true,
                }));
            else
                await this.call(`creating ${branch}`, () => this.octokit.request('POST /repos/{owner}/{repo}/git/refs', {
                    ...this.base,
                    ref: `refs/heads/${branch}`,
                    sha: commit.sha,
                }));
        }
        const title = prTitle(req, changes);
        const body = prBody(req, changes, commands, ctx.defaultBranch, stamp);
        if (open) {
            if (moved || (open.body ?? '') !== body)
                await this.call(`updating pull request #${open.number}`, () => this.octokit.request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', { ...this.base, pull_number: open.number, title, body }));
            return result(moved ? 'updated' : 'unchanged', { number: open.number, ...(open.html_url ? { url: open.html_url } : {}), changes });
        }
        const { data: created } = await this.call(`opening a pull request for ${req.advisory}`, () => this.octokit.request('POST /repos/{owner}/{repo}/pulls', {
            ...this.base,
            title,
            head: branch,
            base: ctx.defaultBranch,
            body,
            maintainer_can_modify: false,
        }));
        return result('opened', { number: created.number, ...(created.html_url ? { url: created.html_url } : {}), changes });
    }
}

;// CONCATENATED MODULE: ../packages/rescan/dist/rescan.js
/**
 * The closed loop: read what the gate admitted (deployment records), take each deployed digest's SBOM
 * evidence, match it against a fresh vulnerability database, and keep the 24-hour remediation clock —
 * one GitHub issue per advisory, a failed run past the deadline, and a state file the gate reads so
 * that an affected digest is refused until it is fixed or waived.
 */








/**
 * What is deployed now: per environment and artefact name, the newest admitted record (the org
 * inventory's rule). A later admitted deployment of the same name supersedes the older digest — that is
 * what stops a clock; a record without a name is keyed by its digest and stays deployed.
 */
function deployedNow(all) {
    const current = new Map();
    for (const x of all) {
        const k = `${x.record.environment}\u0000${x.record.name ?? x.record.digest}`;
        const prev = current.get(k);
        if (!prev || prev.record.time < x.record.time || (prev.record.time === x.record.time && prev.dir < x.dir))
            current.set(k, x);
    }
    return [...current.values()];
}
async function rescan(options) {
    const { logger, policy, now } = options;
    if (options.evidenceDirs.length === 0)
        throw new core_dist/* ConfigurationError */.j1('no evidence folder given', { hint: 'pass the folder(s) where the gate wrote deployments/' });
    const problems = [];
    const deployedByDigest = new Map();
    const releases = [];
    const all = [];
    for (const dir of options.evidenceDirs) {
        const { records, skipped } = await (0,verify_dist/* readDeployments */.Fz)(dir);
        for (const s of skipped)
            problems.push(`unreadable deployment record skipped: ${s}`);
        releases.push(...records.map((record) => ({ record, evidence: dir })));
        all.push(...records.map((record) => ({ record, dir })));
    }
    const current = deployedNow(all);
    const deployedKeys = new Set(current.map((c) => `${c.record.environment}\u0000${c.record.digest}`));
    const superseded = new Set(all.map((x) => `${x.record.environment}\u0000${x.record.digest}`).filter((k) => !deployedKeys.has(k)));
    for (const k of superseded)
        logger.info(`${k.replace('\u0000', ': ')} was superseded by a later admitted deployment of the same name`);
    for (const dir of [...new Set(current.map((c) => c.dir))]) {
        // SBOM statements of this run, by the digests they name (attest adds the artefacts as subjects).
        const sboms = (await new core_dist/* EvidenceFolder */.eA(dir).load()).filter((s) => s.statement.predicateType === core_dist/* PREDICATE */.W3.cyclonedx || s.statement.predicateType === core_dist/* PREDICATE */.W3.spdx);
        for (const r of current.filter((c) => c.dir === dir).map((c) => c.record)) {
            const hex = r.digest.replace(/^sha256:/, '');
            const entry = deployedByDigest.get(r.digest) ?? {
                digest: r.digest,
                environments: [],
                packages: 0,
                pkgs: [],
                envs: new Set(),
                ...(r.name ? { name: r.name } : {}),
            };
            entry.envs.add(r.environment);
            deployedByDigest.set(r.digest, entry);
            if (entry.sbom)
                continue;
            const sbom = sboms.find((s) => (0,core_dist/* subjectDigests */.IF)(s.statement).has(hex));
            if (!sbom) {
                problems.push(`no SBOM evidence names ${r.digest} (deployed to ${r.environment}) in ${dir}: it cannot be rescanned`);
                continue;
            }
            entry.sbom = external_node_path_.relative(process.cwd(), sbom.statementPath) || sbom.statementPath;
            entry.pkgs = (0,materials_dist/* packagesFromSbom */.d_)(sbom.statement.predicate, sbom.statementPath).filter((p) => p.version !== '');
            entry.packages = entry.pkgs.length;
        }
    }
    const deployed = [...deployedByDigest.values()].map((d) => ({ ...d, environments: [...d.envs].sort() }));
    logger.info(`rescanning ${deployed.length} deployed digest(s) against ${options.vulnSource.describe().uri}`);
    const matches = [];
    for (const d of deployed) {
        if (d.pkgs.length === 0)
            continue;
        // What OSV names: for a base image's OS packages, the release's ecosystem and the source package.
        const queries = d.pkgs.map(materials_dist/* osvPackageRef */.AK).filter((q) => q !== undefined);
        const found = await options.vulnSource.match(queries);
        for (const v of found) {
            for (const env of d.environments) {
                const threshold = (0,core_dist/* deployPolicyFor */.hj)(policy, env)?.blockSeverity ?? policy.materials.blockSeverity;
                if (!(0,core_dist/* atLeast */.jZ)(v.severity, threshold))
                    continue;
                const w = (0,core_dist/* findWaiver */.Gl)(policy.exceptions, { ids: [v.id, ...v.aliases], package: v.package, digest: d.digest, environment: env }, now, policy.exceptionMaxDays);
                matches.push({
                    advisory: v.id,
                    aliases: v.aliases,
                    package: v.package,
                    severity: v.severity,
                    fixedVersions: v.fixedVersions,
                    digest: d.digest,
                    environment: env,
                    waived: w.active !== undefined,
                });
            }
        }
    }
    const stateDir = options.stateDir ?? external_node_path_.join(options.evidenceDirs[0], 'deployments');
    const previous = await clock_evidence_readClockState(stateDir, options.clock);
    // A deployment without SBOM evidence cannot be shown free of an advisory: where it is deployed now, the
    // open remediations of its environments carry over to it (the clock does not stop for want of evidence).
    for (const d of deployed.filter((x) => !x.sbom))
        for (const r of previous.state.remediations.filter((x) => x.status === 'open'))
            for (const environment of d.environments.filter((e) => r.environments.includes(e))) {
                matches.push({ ...r, digest: d.digest, environment, waived: false });
                problems.push(`${d.digest} in ${environment} has no SBOM evidence; ${r.advisory} stays open for it`);
            }
    const result = await clock_evidence_advanceClock(stateDir, previous, matches, now, options.clock, logger);
    let pullRequests;
    if (options.github) {
        const client = new issues_IssueClient(options.github, logger);
        const issues = await client.sync([...result.opened, ...result.stillOpen], result.resolved);
        for (const r of result.state.remediations) {
            const hit = [...issues.entries()].find(([m]) => m.includes(`advisory=${encodeURIComponent(r.advisory)} `) && m.includes(`/${encodeURIComponent(r.package.name)} `));
            if (hit)
                r.issue = hit[1];
        }
        if (options.rebuild && result.opened.length > 0)
            await client.dispatchRebuild(result.opened);
        if (options.fixPrs) {
            pullRequests = await new fix_pr_FixPullRequests(options.github, logger, options.fixPrs).sync(fix_pr_fixRequests(result.state.remediations, matches));
            for (const pr of pullRequests.filter((p) => p.status === 'failed'))
                problems.push(`no fix pull request for ${pr.advisory}: ${pr.message ?? 'failed'}`);
        }
    }
    const statePath = await (0,core_dist/* writeRemediations */.az)(stateDir, result.state);
    for (const r of result.overdue)
        logger.error(`${r.advisory} in ${r.package.name}@${r.package.version} is past its deadline ${r.deadline} (deployed: ${r.digests.join(', ')})`);
    for (const r of result.opened)
        logger.warning(`new: ${r.advisory} (${r.severity}) in ${r.package.name}@${r.package.version}, deployed to ${r.environments.join(', ')}; fix by ${r.deadline}`);
    let drift;
    if (options.workflows) {
        drift = await checkoutDrift({ ...options.workflows, releases });
        if (drift.status === 'no-baseline')
            problems.push(`the last admitted release (${drift.release?.digest ?? 'see deployments/'}) recorded no workflow posture: least-privilege drift cannot be judged until a release made by this version of checkout-verify is admitted`);
        for (const f of drift.findings)
            logger.warning(`drift: ${f.message} (owners: ${(f.properties?.owners ?? []).join(' ')})`);
    }
    return {
        deployed: deployed.map(({ digest, environments, name, sbom, packages }) => ({
            digest,
            environments,
            packages,
            ...(name ? { name } : {}),
            ...(sbom ? { sbom } : {}),
        })),
        matches,
        opened: result.opened,
        stillOpen: result.stillOpen,
        resolved: result.resolved,
        overdue: result.overdue,
        statePath,
        database: options.vulnSource.describe(),
        problems,
        ...(drift ? { drift } : {}),
        ...(pullRequests ? { pullRequests } : {}),
        ...(result.trustedNow ? { trustedNow: result.trustedNow.toISOString() } : {}),
        ...(options.clock ? { events: result.events } : {}),
    };
}

// EXTERNAL MODULE: ../packages/attest/dist/index.js + 11 modules
var attest_dist = __webpack_require__(83280);
;// CONCATENATED MODULE: ../packages/rescan/dist/clock-signers.js
/**
 * The two ways to sign the remediation clock, on the attest signing pipeline (no transparency log: the
 * TSA's RFC 3161 timestamp is the point) and checked with the bundle verifier:
 * - a key (a PEM private key from a secret): events verify with its public key;
 * - keyless in GitHub Actions: the job's OIDC token → a Fulcio certificate for the rescan workflow;
 *   events verify only when signed by that identity (the workflow ref and the token issuer), so an
 *   event written by another workflow of the repository is refused.
 */



/** Signs with a PEM private key; `trustedRoot` is a file holding the TSA's certificates (default the bundled roots). */
async function keyClock(opts) {
    const keySigner = signerFromPrivateKey(opts.privateKeyPem, opts.source);
    const pipeline = createSigningPipeline({
        kind: 'key',
        keySigner,
        services: { fulcioUrl: PUBLIC_GOOD.fulcio, rekorMajorVersion: 1, tsaUrl: opts.tsaUrl },
        useRekor: false,
    });
    const verifier = createBundleVerifier({ trustedRoot: await loadTrustedRoot(opts.trustedRoot), publicKeys: [keySigner.publicKeyPem] });
    return { sign: (payload) => pipeline.signStatement(payload), verifier };
}
/**
 * Keyless: the identity (default: the Actions runtime's token) signs through Fulcio. The identity events
 * must carry is `expectedIdentity`, or the workflow the token names (`job_workflow_ref`), with its issuer.
 */
async function keylessClock(opts) {
    const identity = opts.identity ?? (0,attest_dist/* actionsIdentityProvider */.j8)();
    const claims = (0,attest_dist/* jwtClaims */.vE)(await identity.getToken());
    const workflow = typeof claims.job_workflow_ref === 'string' ? `https://github.com/${claims.job_workflow_ref}` : undefined;
    const san = opts.expectedIdentity ?? workflow;
    if (!san)
        throw new core_dist/* ConfigurationError */.j1('the keyless clock cannot tell which identity must sign its events', {
            hint: 'give the expected certificate identity (the rescan workflow, https://github.com/OWNER/REPO/.github/workflows/FILE@REF)',
        });
    const pipeline = (0,attest_dist/* createSigningPipeline */.kE)({
        kind: 'keyless',
        identity,
        services: { fulcioUrl: opts.fulcioUrl ?? attest_dist/* PUBLIC_GOOD */.wN.fulcio, rekorMajorVersion: 1, tsaUrl: opts.tsaUrl ?? attest_dist/* PUBLIC_GOOD */.wN.tsa },
        useRekor: false,
    });
    return {
        sign: (payload) => pipeline.signStatement(payload),
        verifier: (0,verify_dist/* createBundleVerifier */.Bb)({ trustedRoot: await (0,verify_dist/* loadTrustedRoot */.KE)(opts.trustedRoot) }),
        policy: { subjectAlternativeName: san, ...(typeof claims.iss === 'string' ? { issuer: claims.iss } : {}) },
    };
}

;// CONCATENATED MODULE: ../packages/rescan/dist/org/github.js
/**
 * Reads an organisation's deployment records through the GitHub REST API: every repository
 * (GET /orgs/{org}/repos, followed page by page to the end of its Link header), and in each the evidence
 * branch the factory's gate publishes to (`runs/<run>/evidence/` with `deployments/*.json`, statements
 * and their Sigstore bundles), read as one recursive git tree and the blobs it names.
 *
 * Fails closed: a page that fails, a truncated tree, a blob whose git hash does not match what the tree
 * said, or a path that is not a plain relative name is an InfrastructureError naming the repository —
 * never a shorter list. A repository without the evidence branch is reported as such (it deploys nothing
 * through the factory).
 */






const github_MAX_PAGES = 1000;
const MAX_BLOB_BYTES = (/* unused pure expression or super */ null && (256 * 1024 * 1024));
/** runs/<run>/evidence/<name>.intoto.json | .sigstore.json | deployments/<record>.json */
const RUN_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const STATEMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;
function octokitFor(source) {
    return new Octokit({ auth: source.token, baseUrl: source.baseUrl.replace(/\/$/, ''), request: { retries: 0 } });
}
function apiError(what, e) {
    const status = e.status;
    return new InfrastructureError(`GitHub API: ${what} failed${status ? ` (HTTP ${status})` : ''}: ${e.message}`, {
        hint: status === 401 || status === 403 || status === 404
            ? 'the token needs metadata: read and contents: read on every repository of the organisation'
            : 'nothing was rescanned: a partial list of repositories would hide deployed artefacts',
        cause: e,
    });
}
async function call(what, fn) {
    try {
        return await fn();
    }
    catch (e) {
        throw apiError(what, e);
    }
}
/** Every repository of the organisation, following the Link header to the last page. */
async function listOrgRepos(octokit, org) {
    const out = [];
    const seen = new Set();
    for (let page = 1;; page++) {
        if (page > github_MAX_PAGES)
            throw new InfrastructureError(`GitHub API: listing the repositories of ${org} did not end after ${github_MAX_PAGES} pages`);
        const { data, headers } = await call(`listing the repositories of ${org} (page ${page})`, () => octokit.request('GET /orgs/{org}/repos', { org, type: 'all', sort: 'full_name', per_page: 100, page }));
        if (!Array.isArray(data))
            throw new InfrastructureError(`GitHub API: listing the repositories of ${org} (page ${page}) did not answer a list`);
        for (const r of data) {
            if (typeof r.full_name !== 'string' || !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(r.full_name))
                throw new InfrastructureError(`GitHub API: a repository of ${org} (page ${page}) has no valid full_name`);
            if (seen.has(r.full_name))
                continue; // a repository created while paging shifts the pages
            seen.add(r.full_name);
            out.push({
                repository: r.full_name,
                archived: r.archived === true,
                ...(typeof r.default_branch === 'string' ? { defaultBranch: r.default_branch } : {}),
            });
        }
        const link = typeof headers.link === 'string' ? headers.link : '';
        if (!/rel="next"/.test(link))
            break;
    }
    return out.sort((a, b) => a.repository.localeCompare(b.repository));
}
/** The evidence files of interest: a (run, relative path) or undefined. */
function evidencePath(p) {
    const parts = p.split('/');
    if (parts[0] !== 'runs' || parts[2] !== 'evidence' || !RUN_SEGMENT.test(parts[1] ?? ''))
        return undefined;
    if (parts.length === 4) {
        const f = parts[3];
        if ((f.endsWith(STATEMENT_SUFFIX) || f.endsWith(BUNDLE_SUFFIX)) && STATEMENT_NAME.test(f))
            return { run: parts[1], rel: f };
    }
    if (parts.length === 5 && parts[3] === 'deployments' && RECORD_NAME.test(parts[4]))
        return { run: parts[1], rel: `deployments/${parts[4]}` };
    return undefined;
}
const github_gitBlobSha1 = (bytes) => createHash('sha1').update(`blob ${bytes.length}\u0000`).update(bytes).digest('hex');
/**
 * Copies the evidence of every run that holds deployment records into
 * `<dest>/<owner>/<repo>/runs/<run>/evidence/`, the layout the single-repository rescan reads.
 */
async function collectRepoEvidence(octokit, repository, branch, dest, logger) {
    const [owner, repo] = repository.split('/');
    let tree;
    try {
        tree = (await octokit.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', { owner, repo, tree_sha: branch, recursive: '1' }))
            .data;
    }
    catch (e) {
        const status = e.status;
        // 404 (no such branch) and 409 (an empty repository) both mean: nothing was ever published.
        if (status === 404 || status === 409)
            return { repository, status: 'no-evidence-branch', files: 0, bytes: 0 };
        throw apiError(`reading ${branch} of ${repository}`, e);
    }
    if (tree.truncated)
        throw new InfrastructureError(`GitHub API: the tree of ${branch} in ${repository} is truncated (over GitHub's 100,000 entries)`, {
            hint: 'prune old runs from the evidence branch (keep the runs still deployed), then rerun',
        });
    const wanted = tree.tree
        .filter((e) => e.type === 'blob')
        .map((e) => ({ e, at: evidencePath(e.path) }))
        .filter((x) => x.at !== undefined);
    const runsWithRecords = new Set(wanted.filter((w) => w.at.rel.startsWith('deployments/')).map((w) => w.at.run));
    let files = 0;
    let bytes = 0;
    for (const { e, at } of wanted) {
        if (!runsWithRecords.has(at.run))
            continue;
        if ((e.size ?? 0) > MAX_BLOB_BYTES)
            throw new InfrastructureError(`${repository}:${e.path} is ${e.size} bytes, over the limit of ${MAX_BLOB_BYTES}`);
        const { data } = await call(`reading ${repository}:${e.path}`, () => octokit.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', { owner, repo, file_sha: e.sha }));
        const blob = data;
        if (blob.encoding !== 'base64' || typeof blob.content !== 'string')
            throw new InfrastructureError(`GitHub API: ${repository}:${e.path} did not come back base64-encoded`);
        const content = Buffer.from(blob.content, 'base64');
        if (github_gitBlobSha1(content) !== e.sha)
            throw new InfrastructureError(`GitHub API: ${repository}:${e.path} does not hash to the blob ${e.sha} its tree names`);
        const file = path.join(dest, owner, repo, 'runs', at.run, 'evidence', ...at.rel.split('/'));
        await mkdir(path.dirname(file), { recursive: true });
        await writeFileAtomic(file, content);
        files++;
        bytes += content.length;
    }
    logger.info(`${repository}: ${runsWithRecords.size} run(s) with deployment records, ${files} file(s) collected`);
    return { repository, status: 'collected', files, bytes };
}
/** Lists the organisation and collects every repository's evidence into `dest`. */
async function collectOrg(source, dest, logger) {
    const octokit = octokitFor(source);
    const repos = await listOrgRepos(octokit, source.org);
    logger.info(`${source.org}: ${repos.length} repositor${repos.length === 1 ? 'y' : 'ies'}`);
    const collected = [];
    for (const r of repos)
        collected.push(await collectRepoEvidence(octokit, r.repository, source.evidenceBranch ?? 'secure-factory/evidence', dest, logger));
    return { repos, collected };
}

;// CONCATENATED MODULE: ../packages/rescan/dist/org/state-schemas.js
/**
 * The shapes of the files the portfolio rescan's jobs hand each other (inventory.json and plan.json from
 * the plan job, shard-i-of-n.json from each shard job). They travel as workflow artifacts: one altered,
 * truncated or produced by another version must end as exit 2 naming the file and the field, never as a
 * TypeError deep in the merge (exit 3) or a shard that quietly checks nothing. Open schemas: fields a
 * newer writer adds are ignored; the fields this code reads are required and typed.
 */

const str = { type: 'string' };
const count = { type: 'integer', minimum: 0 };
const strings = { type: 'array', items: str };
const inventorySchema = {
    type: 'object',
    required: ['apiVersion', 'org', 'collectedAt', 'repositories', 'artefacts', 'superseded', 'problems'],
    properties: {
        apiVersion: str,
        org: str,
        collectedAt: str,
        repositories: {
            type: 'array',
            items: {
                type: 'object',
                required: ['repository', 'status', 'records'],
                properties: { repository: str, status: str, records: count },
            },
        },
        artefacts: {
            type: 'array',
            items: {
                type: 'object',
                required: ['repository', 'digest', 'run', 'environments', 'sbom', 'packages', 'chain'],
                properties: {
                    repository: str,
                    digest: str,
                    name: str,
                    run: str,
                    environments: {
                        type: 'array',
                        items: { type: 'object', required: ['environment', 'time'], properties: { environment: str, time: str } },
                    },
                    sbom: { type: 'boolean' },
                    packages: { type: 'array', items: { type: 'array', minItems: 3, maxItems: 3, items: str } },
                    chain: { type: 'object' },
                },
            },
        },
        superseded: { type: 'array', items: { type: 'object' } },
        problems: strings,
        drift: { type: 'array', items: { type: 'object' } },
    },
};
const planSchema = {
    type: 'object',
    required: ['apiVersion', 'inventory', 'artefacts', 'packages', 'shards'],
    properties: {
        apiVersion: str,
        inventory: str,
        artefacts: count,
        packages: count,
        shards: {
            type: 'array',
            items: {
                type: 'object',
                required: ['shard', 'artefacts', 'packages'],
                properties: { shard: str, artefacts: { type: 'array', items: count }, packages: count },
            },
        },
    },
};
const shardSchema = {
    type: 'object',
    required: ['apiVersion', 'shard', 'inventory', 'snapshot', 'artefacts', 'packages', 'elapsedMs'],
    properties: {
        apiVersion: str,
        shard: str,
        inventory: str,
        snapshot: { type: 'object' },
        artefacts: {
            type: 'array',
            items: {
                type: 'object',
                required: ['index', 'repository', 'digest', 'packages', 'matches'],
                properties: {
                    index: count,
                    repository: str,
                    digest: str,
                    packages: count,
                    matches: {
                        type: 'array',
                        items: {
                            type: 'object',
                            required: ['advisory', 'aliases', 'package', 'severity', 'fixedVersions'],
                            properties: {
                                advisory: str,
                                aliases: strings,
                                package: {
                                    type: 'object',
                                    required: ['ecosystem', 'name', 'version'],
                                    properties: { ecosystem: str, name: str, version: str },
                                },
                                severity: str,
                                fixedVersions: strings,
                                summary: str,
                            },
                        },
                    },
                },
            },
        },
        packages: count,
        elapsedMs: { type: 'number', minimum: 0 },
    },
};
const WHAT = { inventory: 'portfolio inventory', plan: 'shard plan', shard: 'shard result' };
let validators;
/**
 * Refuses (exit 2, naming the file) a portfolio file that is not of `kind` at `apiVersion`, or whose
 * shape is wrong (naming the first problems).
 */
function state_schemas_checkPortfolioFile(kind, value, file, apiVersion) {
    if (typeof value !== 'object' || value === null || value.apiVersion !== apiVersion)
        throw new ConfigurationError(`not a ${WHAT[kind]} (apiVersion ${apiVersion})`, { location: { file } });
    if (!validators) {
        const ajv = newAjv({ strict: false });
        validators = { inventory: ajv.compile(inventorySchema), plan: ajv.compile(planSchema), shard: ajv.compile(shardSchema) };
    }
    const validate = validators[kind];
    if (!validate(value)) {
        const problems = significantErrors(validate.errors ?? [])
            .slice(0, 3)
            .map(describeAjvError);
        throw new ConfigurationError(`not a valid ${WHAT[kind]}: ${problems.join('; ')}`, {
            location: { file },
            hint: 'use the files the portfolio rescan jobs wrote, unaltered (inventory.json and plan.json from the plan job, shard-*.json from the shard jobs)',
        });
    }
    return value;
}

;// CONCATENATED MODULE: ../packages/rescan/dist/org/inventory.js
/**
 * The portfolio inventory: every artefact deployed now, per repository and environment, with the
 * packages of its SBOM and the status of its chain. Built from evidence folders laid out as
 * `<root>/<owner>/<repo>/runs/<run>/evidence/` (what `collectOrg` writes, and what an evidence branch
 * checkout holds), with the same readers the single-repository rescan uses (`readDeployments`,
 * `EvidenceFolder`, `packagesFromSbom`).
 *
 * "Deployed now": per repository, environment and artefact name, the newest admitted record. A newer
 * deployment of the same name supersedes the older digest (that is how a fix stops the clock); a record
 * without a name is keyed by its digest and stays deployed.
 */







const INVENTORY_API_VERSION = 'secure-factory/portfolio-inventory/v1';
const PLAN_API_VERSION = 'secure-factory/portfolio-plan/v1';
async function dirs(p) {
    try {
        return (await readdir(p, { withFileTypes: true }))
            .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
            .map((d) => d.name)
            .sort();
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return [];
        throw e;
    }
}
const names = (s, hex) => subjectDigests(s.statement).has(hex);
function chainOf(record, statements, hex, hasSbom) {
    const levels = record.verifiedLevels ?? [];
    const source = levels
        .filter((l) => l.startsWith('SLSA_SOURCE_LEVEL_'))
        .sort()
        .pop();
    const build = levels
        .filter((l) => l.startsWith('SLSA_BUILD_LEVEL_'))
        .sort()
        .pop();
    const provenance = statements.find((s) => s.statement.predicateType === PREDICATE.provenance && names(s, hex));
    const vulns = statements.find((s) => s.statement.predicateType === PREDICATE.vulns);
    const signed = statements.filter((s) => names(s, hex) && s.bundlePath !== undefined).length;
    const naming = statements.filter((s) => names(s, hex)).length;
    return {
        source: source ? { status: 'pass', level: source } : { status: 'missing' },
        materials: {
            status: hasSbom && vulns ? 'pass' : 'missing',
            detail: `${hasSbom ? 'SBOM' : 'no SBOM'}, ${vulns ? 'vulnerability scan' : 'no vulnerability scan'}`,
        },
        build: provenance ? { status: 'pass', ...(build ? { level: build } : {}) } : { status: 'missing' },
        attest: { status: naming > 0 && signed === naming ? 'pass' : 'missing', detail: `${signed} of ${naming} statement(s) signed` },
        gate: { status: 'pass', time: record.time, ...(record.policy ? { policy: record.policy.uri } : {}) },
    };
}
/** Builds the inventory from `<root>/<owner>/<repo>/runs/<run>/evidence/`. */
async function buildInventory(root, org, now, listed) {
    const problems = [];
    const repositories = [];
    const artefacts = [];
    const superseded = [];
    let repoNames = listed?.map((l) => l.repository);
    if (!repoNames) {
        repoNames = [];
        for (const o of await dirs(root))
            for (const r of await dirs(path.join(root, o)))
                repoNames.push(`${o}/${r}`);
    }
    for (const repository of repoNames) {
        const status = listed?.find((l) => l.repository === repository)?.status ?? 'collected';
        const [owner, repo] = repository.split('/');
        const runsDir = path.join(root, owner, repo, 'runs');
        const all = [];
        for (const run of await dirs(runsDir)) {
            const evidence = path.join(runsDir, run, 'evidence');
            const { records, skipped } = await readDeployments(evidence);
            for (const s of skipped)
                problems.push(`${repository}: unreadable deployment record skipped: runs/${run}/evidence/deployments/${s}`);
            for (const record of records)
                all.push({ record, run, evidence });
        }
        repositories.push({ repository, status, records: all.length });
        // Newest first; the first record of each (environment, name) is what is deployed there now.
        all.sort((a, b) => b.record.time.localeCompare(a.record.time) || b.run.localeCompare(a.run));
        const current = new Map();
        for (const x of all) {
            const k = `${x.record.environment}\u0000${x.record.name ?? x.record.digest}`;
            const newer = current.get(k);
            if (!newer)
                current.set(k, x);
            else if (newer.record.digest !== x.record.digest)
                superseded.push({
                    repository,
                    environment: x.record.environment,
                    digest: x.record.digest,
                    ...(x.record.name ? { name: x.record.name } : {}),
                    time: x.record.time,
                    supersededBy: newer.record.digest,
                });
        }
        const byDigest = new Map();
        const loaded = new Map();
        for (const x of [...current.values()].sort((a, b) => a.record.digest.localeCompare(b.record.digest))) {
            const existing = byDigest.get(x.record.digest);
            if (existing) {
                existing.environments.push({ environment: x.record.environment, time: x.record.time });
                continue;
            }
            let statements = loaded.get(x.evidence);
            if (!statements) {
                statements = await new EvidenceFolder(x.evidence).load();
                loaded.set(x.evidence, statements);
            }
            const hex = x.record.digest.replace(/^sha256:/, '');
            const sbom = statements.find((s) => (s.statement.predicateType === PREDICATE.cyclonedx || s.statement.predicateType === PREDICATE.spdx) && names(s, hex));
            let packages = [];
            if (sbom) {
                packages = packagesFromSbom(sbom.statement.predicate, sbom.statementPath)
                    .filter((p) => p.version !== '')
                    .map((p) => [p.ecosystem, p.name, p.version]);
            }
            else {
                problems.push(`${repository}: no SBOM evidence names ${x.record.digest} (deployed to ${x.record.environment}): it cannot be rescanned`);
            }
            const a = {
                repository,
                digest: x.record.digest,
                ...(x.record.name ? { name: x.record.name } : {}),
                run: x.run,
                sbom: sbom !== undefined,
                environments: [{ environment: x.record.environment, time: x.record.time }],
                packages,
                chain: chainOf(x.record, statements, hex, sbom !== undefined),
            };
            byDigest.set(x.record.digest, a);
            artefacts.push(a);
        }
    }
    for (const a of artefacts)
        a.environments.sort((x, y) => x.environment.localeCompare(y.environment));
    artefacts.sort((a, b) => a.repository.localeCompare(b.repository) || a.digest.localeCompare(b.digest));
    return { apiVersion: INVENTORY_API_VERSION, org, collectedAt: now.toISOString(), repositories, artefacts, superseded, problems };
}
/** Writes inventory.json and plan.json into `dir`; returns the plan. */
async function writeInventoryAndPlan(dir, inventory, options = {}) {
    const text = `${JSON.stringify(inventory)}\n`;
    const planned = planShards(inventory.artefacts.map((a) => a.packages.length), options);
    // An empty portfolio still has one (empty) shard, so a matrix is never empty and the merge always runs.
    const shards = planned.length > 0 ? planned : [{ shard: '1/1', artefacts: [], packages: 0 }];
    const plan = {
        apiVersion: PLAN_API_VERSION,
        inventory: `sha256:${sha256Hex(text)}`,
        artefacts: inventory.artefacts.length,
        packages: inventory.artefacts.reduce((s, a) => s + a.packages.length, 0),
        shards,
    };
    await writeFileAtomic(path.join(dir, 'inventory.json'), text);
    await writeJsonAtomic(path.join(dir, 'plan.json'), plan);
    return plan;
}
/** The matrix for `strategy.matrix`: `{"shard": ["1/n", …]}`. */
function matrixOf(plan) {
    return { shard: plan.shards.map((s) => s.shard) };
}
/** Reads inventory.json and plan.json from `dir`, checking the plan was made from this inventory. */
async function readInventoryAndPlan(dir) {
    const invFile = path.join(dir, 'inventory.json');
    const planFile = path.join(dir, 'plan.json');
    const bytes = await readRegularFile(invFile, { maxBytes: 512 * 1024 * 1024, what: 'portfolio inventory' });
    // Parsed through core: a syntax error names file:line:column and never quotes the text.
    const rawInventory = parseJsonText(decodeUtf8(bytes, invFile, 'portfolio inventory'), invFile);
    const rawPlan = await readJsonFile(planFile, { what: 'shard plan' });
    const inventory = checkPortfolioFile('inventory', rawInventory, invFile, INVENTORY_API_VERSION);
    const plan = checkPortfolioFile('plan', rawPlan, planFile, PLAN_API_VERSION);
    if (plan.inventory !== `sha256:${sha256Hex(bytes)}`)
        throw new ConfigurationError('the shard plan was made from another inventory', {
            location: { file: planFile },
            hint: 'use the inventory.json and plan.json written together by `rescan --org ORG --plan`',
        });
    const outside = plan.shards.flatMap((s) => s.artefacts).find((i) => i >= inventory.artefacts.length);
    if (outside !== undefined)
        throw new ConfigurationError(`the shard plan names artefact ${outside}, but the inventory holds ${inventory.artefacts.length}`, {
            location: { file: planFile },
            hint: 'use the inventory.json and plan.json written together by `rescan --org ORG --plan`',
        });
    return { inventory, plan };
}

;// CONCATENATED MODULE: ../packages/rescan/dist/org/shard.js
/**
 * One shard of the org-wide rescan: the artefacts the plan gives it, matched against one OSV snapshot
 * (the same for every shard of a run: its digest is recorded and the merge refuses a mix).
 */




const SHARD_API_VERSION = 'secure-factory/portfolio-shard/v1';
async function rescanShard(inventory, plan, shard, db, takenAt) {
    const { index, count } = parseShard(shard);
    if (count !== plan.shards.length)
        throw new ConfigurationError(`shard ${shard}: the plan has ${plan.shards.length} shard(s), not ${count}`, {
            hint: 'take the shard list from `rescan --org ORG --plan` (its matrix JSON)',
        });
    const mine = plan.shards[index - 1];
    if (!mine)
        throw new ConfigurationError(`shard ${shard} is not in the plan`);
    const started = performance.now();
    const artefacts = [];
    let packages = 0;
    for (const i of mine.artefacts) {
        const a = inventory.artefacts[i];
        if (!a)
            throw new ConfigurationError(`shard ${shard}: the plan names artefact ${i}, which the inventory does not have`);
        const found = a.packages.length === 0 ? [] : await db.match(a.packages.map(([ecosystem, name, version]) => ({ ecosystem, name, version })));
        packages += a.packages.length;
        artefacts.push({
            index: i,
            repository: a.repository,
            digest: a.digest,
            packages: a.packages.length,
            matches: found.map((v) => ({
                advisory: v.id,
                aliases: v.aliases,
                package: v.package,
                severity: v.severity,
                fixedVersions: v.fixedVersions,
                ...(v.summary ? { summary: v.summary } : {}),
            })),
        });
    }
    const d = db.describe();
    const snapshot = { ...d, ...((takenAt ?? d.lastUpdate) ? { takenAt: takenAt ?? d.lastUpdate } : {}) };
    return {
        apiVersion: SHARD_API_VERSION,
        shard,
        inventory: plan.inventory,
        snapshot,
        artefacts,
        packages,
        elapsedMs: Math.round(performance.now() - started),
    };
}
const shardFileName = (shard) => `shard-${shard.replace('/', '-of-')}.json`;
async function writeShard(dir, result) {
    const file = path.join(dir, shardFileName(result.shard));
    await writeJsonAtomic(file, result);
    return file;
}
async function shard_readShard(file) {
    const v = await readJsonFile(file, { what: 'shard result', maxBytes: 512 * 1024 * 1024 });
    return checkPortfolioFile('shard', v, file, SHARD_API_VERSION);
}

;// CONCATENATED MODULE: ../packages/rescan/dist/org/merge.js
/**
 * Merges the shards of one org-wide rescan into the portfolio report, and keeps the 24-hour clock per
 * repository: `<state>/<owner>/<repo>/remediations.json` (the single-repository state format), one
 * GitHub issue per advisory in each affected repository. Refuses shards of another inventory, a mix of
 * OSV snapshots, and a missing or repeated shard: a partial merge would report a portfolio as clean.
 */







const PORTFOLIO_API_VERSION = 'secure-factory/portfolio/v1';
async function findShardFiles(dir, depth = 0) {
    const out = [];
    let entries;
    try {
        entries = await readdir(dir, { withFileTypes: true });
    }
    catch (e) {
        throw new ConfigurationError(`cannot read the shard results: ${e.message}`, {
            location: { file: dir },
            hint: 'pass the folder the shard jobs uploaded their shard-i-of-n.json files to',
        });
    }
    for (const e of entries) {
        const p = path.join(dir, e.name);
        if (e.isDirectory() && depth < 3)
            out.push(...(await findShardFiles(p, depth + 1)));
        else if (e.isFile() && /^shard-[0-9]+-of-[0-9]+\.json$/.test(e.name))
            out.push(p);
    }
    return out.sort();
}
async function readShards(dir, plan) {
    const files = await findShardFiles(dir);
    const byShard = new Map();
    let snapshot;
    for (const f of files) {
        const r = await readShard(f);
        if (r.inventory !== plan.inventory)
            throw new ConfigurationError(`shard ${r.shard} was made from another inventory`, { location: { file: f } });
        const v = r.snapshot.version ?? r.snapshot.uri;
        if (snapshot !== undefined && v !== snapshot)
            throw new ConfigurationError(`shard ${r.shard} was rescanned against another OSV snapshot (${v}, not ${snapshot})`, {
                location: { file: f },
                hint: 'every shard of a run must use the one snapshot taken in the plan job',
            });
        snapshot = v;
        if (byShard.has(r.shard))
            throw new ConfigurationError(`shard ${r.shard} is present twice`, { location: { file: f } });
        byShard.set(r.shard, r);
    }
    const missing = plan.shards.filter((s) => !byShard.has(s.shard)).map((s) => s.shard);
    if (missing.length > 0)
        throw new ConfigurationError(`${missing.length} shard result(s) missing in ${dir}: ${missing.slice(0, 10).join(', ')}`, {
            hint: 'a failed matrix job leaves its shard out: rerun it; the merge never reports a partial portfolio',
        });
    return plan.shards.map((s) => byShard.get(s.shard));
}
async function mergePortfolio(inventory, plan, shards, options) {
    const { policy, now, logger } = options;
    const matchesOf = new Map();
    for (const s of shards)
        for (const a of s.artefacts)
            matchesOf.set(a.index, a.matches);
    const artefacts = [];
    const perRepo = new Map();
    for (const [i, a] of inventory.artefacts.entries()) {
        const advisories = matchesOf.get(i);
        if (!advisories)
            throw new ConfigurationError(`artefact ${a.repository} ${a.digest} is in no shard of the plan`);
        let blocking = false;
        const list = perRepo.get(a.repository) ?? [];
        for (const v of advisories) {
            for (const { environment } of a.environments) {
                const threshold = deployPolicyFor(policy, environment)?.blockSeverity ?? policy.materials.blockSeverity;
                if (!atLeast(v.severity, threshold))
                    continue;
                const w = findWaiver(policy.exceptions, { ids: [v.advisory, ...v.aliases], package: v.package, digest: a.digest, environment }, now, policy.exceptionMaxDays);
                if (!w.active)
                    blocking = true;
                list.push({ ...v, digest: a.digest, environment, waived: w.active !== undefined });
            }
        }
        perRepo.set(a.repository, list);
        artefacts.push({
            repository: a.repository,
            digest: a.digest,
            ...(a.name ? { name: a.name } : {}),
            environments: a.environments,
            packages: a.packages.length,
            chain: a.chain,
            advisories,
            blocking,
        });
    }
    const remediations = [];
    const problems = [...inventory.problems];
    const history = [];
    const pullRequests = [];
    const repositories = [];
    let resolvedNow = 0;
    for (const repo of inventory.repositories) {
        const matches = perRepo.get(repo.repository) ?? [];
        const dir = path.join(options.stateDir, ...repo.repository.split('/'));
        const clock = options.clock ? { ...options.clock, scope: repo.repository } : undefined;
        const prior = await readClockState(dir, clock);
        const previous = prior.state;
        if (repo.status !== 'collected') {
            // No evidence branch (any more): nothing to rescan, but a clock never stops for want of evidence.
            const kept = previous.remediations.filter((r) => r.status === 'open');
            if (kept.length > 0)
                problems.push(`${repo.repository}: the evidence branch is gone but ${kept.length} remediation(s) were open; they stay open until a deployment without the advisory is admitted`);
            // On the TSA's time when the clock is signed: the run signs its "now" (and any overdue) for them too.
            const keptNow = clock && kept.length > 0 ? ((await advanceClock(dir, prior, holdAsIs(previous), now, clock, logger)).trustedNow ?? now) : now;
            for (const r of kept)
                remediations.push({ ...r, repository: repo.repository, remainingMs: Date.parse(r.deadline) - keptNow.getTime() });
            const overdue = kept.filter((r) => Date.parse(r.deadline) <= keptNow.getTime()).length;
            repositories.push({ repository: repo.repository, status: repo.status, artefacts: 0, open: kept.length, overdue });
            continue;
        }
        // An artefact without SBOM evidence cannot be shown free of an advisory: where it replaced an affected
        // deployment, the open remediations of that environment carry over to it (the clock does not stop).
        for (const a of inventory.artefacts.filter((x) => x.repository === repo.repository && !x.sbom))
            for (const r of previous.remediations.filter((x) => x.status === 'open'))
                for (const { environment } of a.environments.filter((x) => r.environments.includes(x.environment))) {
                    matches.push({ ...r, digest: a.digest, environment, waived: false });
                    problems.push(`${repo.repository}: ${a.digest} in ${environment} has no SBOM evidence; ${r.advisory} stays open for it`);
                }
        const result = await advanceClock(dir, prior, matches, now, clock, logger);
        // Remaining time on the TSA's clock when the clock is signed (the local clock otherwise).
        const clockNow = result.trustedNow ?? now;
        if (options.github && result.opened.length + result.stillOpen.length + result.resolved.length > 0) {
            const [owner, name] = repo.repository.split('/');
            const client = new IssueClient({ owner, repo: name, token: options.github.token, baseUrl: options.github.baseUrl }, logger);
            const issues = await client.sync([...result.opened, ...result.stillOpen], result.resolved);
            for (const r of result.state.remediations) {
                const hit = [...issues.entries()].find(([m]) => m.includes(`advisory=${encodeURIComponent(r.advisory)} `) && m.includes(`/${encodeURIComponent(r.package.name)} `));
                if (hit)
                    r.issue = hit[1];
            }
            if (options.fixPrs) {
                const requests = fixRequests(result.state.remediations, matches);
                const fixes = new FixPullRequests({ owner, repo: name, token: options.github.token, baseUrl: options.github.baseUrl }, logger, options.fixPrs);
                for (const pr of await fixes.sync(requests)) {
                    pullRequests.push(pr);
                    // Never a silent pass: the issue stays open and the merge says why the fix was not proposed.
                    if (pr.status === 'failed')
                        problems.push(`${repo.repository}: no fix pull request for ${pr.advisory}: ${pr.message ?? 'failed'}`);
                }
            }
        }
        await writeRemediations(dir, result.state);
        resolvedNow += result.resolved.length;
        for (const r of result.state.remediations) {
            if (r.status === 'open')
                remediations.push({ ...r, repository: repo.repository, remainingMs: Date.parse(r.deadline) - clockNow.getTime() });
            if (r.status === 'resolved' && r.resolvedAt)
                history.push({
                    repository: repo.repository,
                    advisory: r.advisory,
                    package: `${r.package.ecosystem}/${r.package.name}@${r.package.version}`,
                    firstSeen: r.firstSeen,
                    resolvedAt: r.resolvedAt,
                    hours: Math.round(((Date.parse(r.resolvedAt) - Date.parse(r.firstSeen)) / 3_600_000) * 10) / 10,
                });
        }
        for (const r of result.opened)
            logger.warning(`${repo.repository}: new ${r.advisory} (${r.severity}) in ${r.package.name}@${r.package.version}; fix by ${r.deadline}`);
        for (const r of result.overdue)
            logger.error(`${repo.repository}: ${r.advisory} in ${r.package.name}@${r.package.version} is past its deadline ${r.deadline}`);
        repositories.push({
            repository: repo.repository,
            status: repo.status,
            artefacts: inventory.artefacts.filter((a) => a.repository === repo.repository).length,
            open: result.state.remediations.filter((r) => r.status === 'open').length,
            overdue: result.overdue.length,
        });
    }
    remediations.sort((a, b) => a.remainingMs - b.remainingMs || a.repository.localeCompare(b.repository));
    history.sort((a, b) => b.resolvedAt.localeCompare(a.resolvedAt));
    const first = shards[0];
    return {
        apiVersion: PORTFOLIO_API_VERSION,
        org: inventory.org,
        generated: now.toISOString(),
        collectedAt: inventory.collectedAt,
        snapshot: first ? first.snapshot : { uri: 'none' },
        shards: shards.map((s) => ({ shard: s.shard, artefacts: s.artefacts.length, packages: s.packages, elapsedMs: s.elapsedMs })),
        repositories,
        artefacts,
        remediations,
        history,
        totals: {
            repositories: inventory.repositories.length,
            artefacts: artefacts.length,
            packages: plan.packages,
            affected: artefacts.filter((a) => a.blocking).length,
            open: remediations.length,
            overdue: remediations.filter((r) => r.remainingMs <= 0).length,
            resolved: resolvedNow,
            ...(inventory.drift ? { drift: inventory.drift.reduce((n, d) => n + d.findings.length, 0) } : {}),
        },
        problems,
        ...(inventory.drift ? { drift: inventory.drift } : {}),
        ...(options.fixPrs ? { pullRequests } : {}),
    };
}

;// CONCATENATED MODULE: ../packages/rescan/dist/org/portfolio-html.js
const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
function escapeHtml(value) {
    return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}
const e = (/* unused pure expression or super */ null && (escapeHtml));
function formatRemaining(ms) {
    const abs = Math.abs(ms);
    const h = Math.floor(abs / 3_600_000);
    const m = Math.floor((abs % 3_600_000) / 60_000);
    const text = `${h} h ${String(m).padStart(2, '0')} min`;
    return ms > 0 ? `${text} left` : `overdue by ${text}`;
}
const CSS = (/* unused pure expression or super */ null && (`
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
`));
const STEPS = (/* unused pure expression or super */ null && (['source', 'materials', 'build', 'attest', 'gate']));
/** Least-privilege drift: what grew in each repository's workflows since its last admitted release, with owners. */
function driftSection(reports) {
    const rows = reports.flatMap((d) => d.findings.map((f) => `<tr><td>${e(d.repository)}</td><td class="sev-${e(f.severity)}">${e(f.severity)}</td><td><code>${e(f.rule.replace(/^drift\//, ''))}</code></td><td><code>${e(f.file ?? '')}</code>${f.properties?.job ? ` <span class="muted">job ${e(f.properties.job)}</span>` : ''}</td><td><code>${e(f.properties?.change ?? '')}</code></td><td>${e((f.properties?.owners ?? []).join(' '))}</td><td class="muted">${d.baseline ? `${e(d.baseline.commit.slice(0, 12))} → ${e(d.current.ref)}` : ''}</td></tr>`));
    const unjudged = reports.filter((d) => d.status === 'no-baseline');
    const table = rows.length
        ? `<table id="drift"><thead><tr><th>repository</th><th>severity</th><th>drift</th><th>workflow</th><th>change</th><th>owners</th><th>released → now</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
        : `<p class="muted" id="drift">No drift: ${e(reports.length)} repositor${reports.length === 1 ? 'y' : 'ies'} compared with their last admitted release.</p>`;
    const note = unjudged.length
        ? `<p class="muted">No workflow posture recorded for the admitted release of ${unjudged.map((d) => `<code>${e(d.repository)}</code>`).join(' ')}: drift is judged from its next release on.</p>`
        : '';
    return `<section><h2>Least-privilege drift since the last admitted release</h2>${table}${note}</section>`;
}
function renderPortfolio(report) {
    const t = report.totals;
    const hours = report.history.map((h) => h.hours).sort((a, b) => a - b);
    const median = hours.length === 0
        ? undefined
        : hours.length % 2
            ? hours[(hours.length - 1) / 2]
            : (hours[hours.length / 2 - 1] + hours[hours.length / 2]) / 2;
    const kpi = (id, label, value, cls = '') => `<div class="kpi ${cls}"><dt>${e(label)}</dt><dd id="${id}">${e(value)}</dd></div>`;
    const environments = [...new Set(report.artefacts.flatMap((a) => a.environments.map((x) => x.environment)))].sort();
    const remediations = report.remediations.length === 0
        ? '<p class="muted">No open remediation.</p>'
        : `<table id="remediations"><thead><tr><th>repository</th><th>advisory</th><th>severity</th><th>package</th><th>fixed in</th><th>environments</th><th>deadline</th><th>remaining</th></tr></thead><tbody>${report.remediations
            .map((r) => `<tr><td>${e(r.repository)}</td><td><code>${e(r.advisory)}</code>${r.issue?.url ? ` <span class="muted">issue #${e(r.issue.number)}</span>` : ''}</td><td class="sev-${e(r.severity)}">${e(r.severity)}</td><td><code>${e(`${r.package.name}@${r.package.version}`)}</code></td><td>${r.fixedVersions.length ? r.fixedVersions.map((v) => `<code>${e(v)}</code>`).join(', ') : '<span class="muted">none</span>'}</td><td>${e(r.environments.join(', '))}</td><td>${e(r.deadline)}</td><td class="${r.remainingMs > 0 ? 'left' : 'overdue'}">${e(formatRemaining(r.remainingMs))}</td></tr>`)
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
    const history = report.history.length === 0
        ? '<p class="muted">Nothing remediated yet.</p>'
        : `<table id="history"><thead><tr><th>repository</th><th>advisory</th><th>package</th><th>first seen</th><th>resolved</th><th>time to remediate</th></tr></thead><tbody>${report.history
            .map((h) => `<tr><td>${e(h.repository)}</td><td><code>${e(h.advisory)}</code></td><td><code>${e(h.package)}</code></td><td>${e(h.firstSeen)}</td><td>${e(h.resolvedAt)}</td><td><span class="bar"><span class="${h.hours > 24 ? 'late' : ''}" style="width:${Math.min(100, Math.round((h.hours / 24) * 100))}%"></span></span> ${e(h.hours)} h</td></tr>`)
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

;// CONCATENATED MODULE: ../packages/rescan/dist/org/drift-org.js
/**
 * Least-privilege drift across an organisation: for every repository that deploys through the factory,
 * its default branch's workflows and CODEOWNERS are read through the contents API
 * (GET /repos/{owner}/{repo}/contents/{path}?ref=BRANCH) and compared with the posture recorded for
 * its last admitted release (in the evidence `collectOrg` copied). Fails closed like the collection:
 * an answer that is not what GitHub sends, or a file that does not hash to the blob id the listing
 * named, is an InfrastructureError naming the repository; only a 404 means "not there".
 */







const drift_org_gitBlobSha1 = (bytes) => createHash('sha1').update(`blob ${bytes.length}\u0000`).update(bytes).digest('hex');
const drift_org_status = (e) => e.status;
function failure(what, e) {
    const s = drift_org_status(e);
    return new InfrastructureError(`GitHub API: ${what} failed${s ? ` (HTTP ${s})` : ''}: ${e.message}`, {
        hint: s === 401 || s === 403
            ? 'the token needs contents: read on every repository of the organisation'
            : 'drift was not judged: a partial read of the workflows would hide a new grant',
        cause: e,
    });
}
/** One file's bytes, checked against its blob id; undefined when the path does not exist (404). */
async function readContent(octokit, repository, file, ref, maxBytes) {
    const [owner, repo] = repository.split('/');
    let data;
    try {
        data = (await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', { owner, repo, path: file, ref })).data;
    }
    catch (e) {
        if (drift_org_status(e) === 404)
            return undefined;
        throw failure(`reading ${repository}:${file}@${ref}`, e);
    }
    const entry = data;
    if (Array.isArray(data) || entry.type !== 'file')
        return undefined; // a directory where a file was looked for
    if (typeof entry.size === 'number' && entry.size > maxBytes)
        throw new InfrastructureError(`${repository}:${file} is ${entry.size} bytes, over the limit of ${maxBytes}`);
    if (entry.encoding !== 'base64' || typeof entry.content !== 'string' || typeof entry.sha !== 'string')
        throw new InfrastructureError(`GitHub API: ${repository}:${file} did not come back as a base64 file with its blob id`);
    const bytes = Buffer.from(entry.content, 'base64');
    if (drift_org_gitBlobSha1(bytes) !== entry.sha)
        throw new InfrastructureError(`GitHub API: ${repository}:${file} does not hash to the blob ${entry.sha} GitHub named`);
    return bytes;
}
/** The default branch's `.github/workflows/*.yml|yaml` and CODEOWNERS, through the contents API. */
async function readDefaultBranchWorkflows(octokit, repository, ref) {
    const [owner, repo] = repository.split('/');
    let listing;
    try {
        listing = (await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', { owner, repo, path: '.github/workflows', ref })).data;
    }
    catch (e) {
        if (drift_org_status(e) !== 404)
            throw failure(`listing ${repository}:.github/workflows@${ref}`, e);
        listing = [];
    }
    if (!Array.isArray(listing))
        throw new InfrastructureError(`GitHub API: ${repository}:.github/workflows@${ref} is not a directory listing`);
    const files = [];
    for (const e of listing) {
        if (e.type !== 'file' || typeof e.name !== 'string' || !/^[^/\\]+\.ya?ml$/i.test(e.name))
            continue;
        const p = `.github/workflows/${e.name}`;
        const bytes = await readContent(octokit, repository, p, ref, MAX_WORKFLOW_BYTES);
        if (bytes)
            files.push({ path: p, text: bytes.toString('utf8') });
    }
    for (const p of CODEOWNERS_PATHS) {
        const bytes = await readContent(octokit, repository, p, ref, 3 * 1024 * 1024);
        if (bytes)
            return { files, codeownersText: bytes.toString('utf8') };
    }
    return { files };
}
async function releasesIn(root, repository) {
    const runsDir = path.join(root, ...repository.split('/'), 'runs');
    let runs;
    try {
        runs = (await readdir(runsDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return [];
        throw e;
    }
    const out = [];
    for (const run of runs.sort()) {
        const evidence = path.join(runsDir, run, 'evidence');
        const { records } = await readDeployments(evidence);
        out.push(...records.map((record) => ({ record, evidence })));
    }
    return out;
}
/**
 * Drift of every listed repository that has an admitted release in `collectedRoot` (what `collectOrg`
 * wrote). Archived repositories and those without a default branch are skipped.
 */
async function orgDrift(octokit, repos, collectedRoot, logger) {
    const out = [];
    for (const r of repos) {
        if (r.archived || !r.defaultBranch)
            continue;
        const releases = await releasesIn(collectedRoot, r.repository);
        const release = lastAdmitted(releases);
        if (!release)
            continue;
        const { files, codeownersText } = await readDefaultBranchWorkflows(octokit, r.repository, r.defaultBranch);
        const report = await repositoryDrift({
            repository: r.repository,
            ref: r.defaultBranch,
            files,
            ...(codeownersText !== undefined ? { codeownersText } : {}),
            release,
            relativeTo: collectedRoot,
        });
        logger.info(`${r.repository}: ${files.length} workflow(s) on ${r.defaultBranch}, ${report.status === 'compared' ? `${report.findings.length} drift finding(s)` : 'no recorded posture to compare with'}`);
        out.push(report);
    }
    return out;
}

;// CONCATENATED MODULE: ../packages/rescan/dist/org/index.js








;// CONCATENATED MODULE: ../packages/rescan/dist/index.js










// EXTERNAL MODULE: ../actions/scan-deps/lib/main.js
var main = __webpack_require__(48563);
;// CONCATENATED MODULE: ../actions/scan-deps/lib/rescan.js
/**
 * Rescan mode (`rescan:` input): the closed loop on GitHub. The deployment records the gate wrote are
 * rescanned against today's database; one issue per advisory with a 24-hour deadline; the step fails
 * once a deadline has passed.
 */






/** Evidence folders: each given folder that holds `deployments/`, else those below it (three levels at most). */
function evidenceFolders(roots) {
    const out = [];
    const visit = (dir, depth) => {
        if ((0,external_node_fs_.existsSync)(external_node_path_.join(dir, 'deployments'))) {
            out.push(dir);
            return;
        }
        if (depth === 0)
            return;
        for (const e of (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true }))
            if (e.isDirectory() && !e.name.startsWith('.git'))
                visit(external_node_path_.join(dir, e.name), depth - 1);
    };
    for (const r of roots)
        if ((0,external_node_fs_.existsSync)(r))
            visit(r, 3);
    return out.sort();
}
async function runRescan(inputs) {
    const logger = (0,dist/* coreLogger */.Wj)();
    const now = new Date();
    const policy = await (0,main/* repositoryPolicy */.tN)(inputs, now);
    const dirs = evidenceFolders(inputs.rescan.map((r) => external_node_path_.resolve(inputs.workspace, r)));
    if (dirs.length === 0)
        throw new core_dist/* ConfigurationError */.j1(`no deployment records found under ${inputs.rescan.join(', ')}`, {
            hint: 'point rescan: at the evidence folders the gate wrote deployments/ into',
        });
    const repository = process.env.GITHUB_REPOSITORY ?? '';
    const [owner, repo] = repository.split('/');
    if (inputs.githubIssues && (!owner || !repo || !inputs.githubToken))
        throw new core_dist/* ConfigurationError */.j1('github-issues needs GITHUB_REPOSITORY and the github-token input');
    if (inputs.fixPrs && !inputs.githubIssues)
        throw new core_dist/* ConfigurationError */.j1('fix-prs needs github-issues: each pull request refers to the remediation issue');
    const { vulnSource, save } = await (0,main/* vulnerabilityDatabase */.mC)(inputs, policy, logger);
    const clock = inputs.rescanClock === 'keyless'
        ? await keylessClock({
            ...(inputs.rescanTsaUrl ? { tsaUrl: inputs.rescanTsaUrl } : {}),
            ...(inputs.rescanClockIdentity ? { expectedIdentity: inputs.rescanClockIdentity } : {}),
            ...(inputs.rescanFulcioUrl ? { fulcioUrl: inputs.rescanFulcioUrl } : {}),
            ...(inputs.rescanTrustedRoot ? { trustedRoot: external_node_path_.resolve(inputs.workspace, inputs.rescanTrustedRoot) } : {}),
        })
        : undefined;
    const r = await rescan({
        evidenceDirs: dirs,
        ...(inputs.rescanState ? { stateDir: external_node_path_.resolve(inputs.workspace, inputs.rescanState) } : {}),
        policy,
        vulnSource,
        logger,
        now,
        ...(inputs.githubIssues && owner && repo && inputs.githubToken
            ? { github: { owner, repo, token: inputs.githubToken, baseUrl: process.env.GITHUB_API_URL ?? 'https://api.github.com' } }
            : {}),
        rebuild: inputs.rebuild,
        ...(clock ? { clock: { ...clock, scope: repository || 'local' } } : {}),
        ...(inputs.fixPrs ? { fixPrs: {} } : {}),
        ...(inputs.rescanWorkflows && repository
            ? { workflows: { root: external_node_path_.resolve(inputs.workspace, inputs.rescanWorkflows), repository } }
            : {}),
    });
    await save();
    for (const p of r.problems)
        logger.warning(p);
    const open = [...r.opened, ...r.stillOpen];
    const rows = open.map((x) => [
        (0,core_dist.md)(x.advisory),
        (0,core_dist/* code */.aY)(`${x.package.name}@${x.package.version}`),
        x.severity,
        x.fixedVersions.map(core_dist/* code */.aY).join(', ') || '—',
        x.environments.map(core_dist.md).join(', '),
        `${x.deadline}${Date.parse(x.deadline) <= (r.trustedNow ? Date.parse(r.trustedNow) : now.getTime()) ? ' ❌ passed' : ''}`,
        x.issue ? `#${x.issue.number}` : '',
    ]);
    await (0,dist/* writeSummary */.Sy)([
        `### secure-factory rescan: ${r.deployed.length} deployed digest(s), ${r.opened.length} new, ${open.length} open, ${r.overdue.length} overdue`,
        '',
        `Database: ${(0,core_dist/* code */.aY)(r.database.uri)}${r.database.lastUpdate ? ` (newest record ${r.database.lastUpdate})` : ''}`,
        '',
        rows.length > 0
            ? (0,core_dist/* table */.tp)(['advisory', 'package', 'severity', 'fixed in', 'environments', 'deadline', 'issue'], rows)
            : '_Nothing deployed is affected by a blocking advisory._',
        ...(r.pullRequests && r.pullRequests.length > 0
            ? [
                '',
                (0,core_dist/* table */.tp)(['fix pull request', 'advisory', 'status', 'note'], r.pullRequests.map((p) => [p.number ? `#${p.number}` : '—', (0,core_dist.md)(p.advisory), p.status, (0,core_dist.md)(p.message ?? '')])),
            ]
            : []),
        ...(r.drift ? ['', driftMarkdown([r.drift])] : []),
    ].join('\n'));
    if (r.drift)
        (0,dist/* setOutput */.uH)('drift-count', String(r.drift.findings.length));
    (0,dist/* setOutput */.uH)('remediations-path', r.statePath);
    (0,dist/* setOutput */.uH)('open-count', String(open.length));
    (0,dist/* setOutput */.uH)('overdue-count', String(r.overdue.length));
    const failedFixes = (r.pullRequests ?? []).filter((p) => p.status === 'failed');
    if (r.overdue.length === 0 && failedFixes.length > 0)
        throw new core_dist/* InfrastructureError */.EN(`${failedFixes.length} fix pull request(s) could not be made (the issues stay open): ${failedFixes.map((p) => `${p.advisory}: ${p.message ?? ''}`).join('; ')}`);
    if (r.overdue.length > 0) {
        throw new core_dist/* PolicyViolation */.oY(`${r.overdue.length} remediation(s) past the 24-hour deadline: ${r.overdue.map((x) => `${x.advisory} in ${x.package.name}@${x.package.version}`).join('; ')}`);
    }
}


/***/ }),

/***/ 57674:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  O: () => (/* binding */ runReview)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ../packages/action-runtime/dist/index.js + 2 modules
var dist = __webpack_require__(7589);
// EXTERNAL MODULE: ../packages/core/dist/index.js + 30 modules
var core_dist = __webpack_require__(81915);
// EXTERNAL MODULE: ../packages/materials/dist/index.js + 62 modules
var materials_dist = __webpack_require__(85867);
// EXTERNAL MODULE: ../actions/scan-deps/lib/main.js
var main = __webpack_require__(48563);
;// CONCATENATED MODULE: ../actions/scan-deps/lib/pr-comment.js
/**
 * One pull-request comment per review, updated in place on re-runs: the comment is found again by the
 * hidden marker its body starts with (REST: list issue comments, then PATCH it or POST a new one).
 */

// GitHub lists at most 100 comments a page; 50 pages is 5,000 comments, far beyond a real PR.
const MAX_PAGES = 50;
// GitHub refuses comment bodies over 65,536 characters.
const MAX_BODY = 65_000;
async function call(t, method, route, body) {
    // Core httpRequest: bounded full-jitter retries (408/429/5xx, resets, stalls, truncated bodies),
    // Retry-After, one deadline, a byte limit; a service that still fails is exit 3. A POST (a new
    // comment) is retried only on 429 or a connection that failed before an answer, never after a 5xx
    // that may have posted it.
    const res = await (0,core_dist/* httpRequest */.aj)({
        url: `${t.baseUrl.replace(/\/+$/, '')}${route}`,
        method,
        headers: {
            accept: 'application/vnd.github+json',
            authorization: `Bearer ${t.token}`,
            'x-github-api-version': '2022-11-28',
            'user-agent': 'secure-factory-scan-deps',
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    }, {
        service: 'the GitHub API (pull-request comments)',
        attemptTimeoutMs: 30_000,
        deadlineMs: 120_000,
        maxBytes: 32 * 1024 * 1024,
        ...(method === 'POST' ? { retryStatuses: [429] } : {}),
        ...t.http,
    });
    if (!res.ok) {
        let message = '';
        try {
            const m = (await res.json())?.message;
            if (typeof m === 'string')
                message = ` ${m.slice(0, 200)}`;
        }
        catch {
            // not JSON: the body is not quoted
        }
        throw new core_dist/* InfrastructureError */.EN(`GitHub API ${method} ${route}: ${res.status}${message}`, {
            hint: res.status === 403 || res.status === 404 ? 'the job needs pull-requests: write to comment' : undefined,
        });
    }
    if (res.bytes.length === 0)
        return undefined;
    return res.json();
}
/** Creates the comment, or updates the one carrying `marker`; returns its id and whether it was new. */
async function upsertComment(t, marker, body) {
    const text = body.length > MAX_BODY ? `${body.slice(0, MAX_BODY)}\n\n… (truncated; see the job summary)` : body;
    const base = `/repos/${encodeURIComponent(t.owner)}/${encodeURIComponent(t.repo)}/issues`;
    for (let page = 1; page <= MAX_PAGES; page++) {
        const list = await call(t, 'GET', `${base}/${t.pullRequest}/comments?per_page=100&page=${page}`);
        if (!Array.isArray(list))
            throw new core_dist/* InfrastructureError */.EN(`GitHub API: the comments of #${t.pullRequest} are not a list`);
        const mine = list.find((c) => typeof c === 'object' &&
            c !== null &&
            typeof c.body === 'string' &&
            c.body.startsWith(marker));
        if (mine) {
            await call(t, 'PATCH', `${base}/comments/${mine.id}`, { body: text });
            return { id: mine.id, created: false };
        }
        if (list.length < 100)
            break;
    }
    const created = (await call(t, 'POST', `${base}/${t.pullRequest}/comments`, { body: text }));
    return { id: created?.id ?? 0, created: true };
}

;// CONCATENATED MODULE: ../actions/scan-deps/lib/review.js
/**
 * Pull-request mode: review what the change adds, removes and changes; fail only on what it
 * introduces; one comment on the pull request, updated in place; JSON outputs for the changes.
 */






async function runReview(inputs, review) {
    const logger = (0,dist/* coreLogger */.Wj)();
    const now = new Date();
    const target = external_node_path_.resolve(inputs.workspace, inputs.path);
    const policy = await (0,main/* repositoryPolicy */.tN)(inputs, now);
    const { vulnSource, save } = await (0,main/* vulnerabilityDatabase */.mC)(inputs, policy, logger);
    const r = await (0,materials_dist/* reviewChanges */.o2)({
        path: target,
        policy,
        evidenceDir: external_node_path_.resolve(inputs.workspace, inputs.evidence),
        vulnSource,
        logger,
        now,
        lockfiles: inputs.lockfiles,
        base: review.base,
        head: review.head,
        config: review.config,
    });
    await save();
    const body = (0,materials_dist/* reviewMarkdown */.Wq)(r);
    const sarifPath = external_node_path_.resolve(inputs.workspace, inputs.sarif);
    if (r.headScan) {
        const findings = (0,main/* relocate */.sU)(r.introduced, target, inputs.workspace);
        await (0,core_dist/* writeJsonAtomic */.ZJ)(sarifPath, (0,materials_dist/* scanSarif */.pM)({ ...r.headScan, findings, blocking: findings.filter((f) => f.blocking) }));
        (0,dist/* setOutput */.uH)('sarif-path', sarifPath);
        (0,dist/* setOutput */.uH)('sbom-path', r.headScan.sbom.cyclonedx ?? '');
        (0,dist/* annotate */.fz)([...findings.filter((f) => f.blocking), ...findings.filter((f) => !f.blocking)]);
    }
    await (0,dist/* writeSummary */.Sy)(body);
    const repository = process.env.GITHUB_REPOSITORY ?? '';
    const [owner, repo] = repository.split('/');
    const wantComment = review.comment === 'always' || (review.comment === 'on-failure' && r.blocking.length > 0);
    if (wantComment) {
        if (!review.pullRequest || !owner || !repo || !inputs.githubToken) {
            logger.warning('comment-summary-in-pr: no pull request in the event (or no token); the summary is in the job summary only');
        }
        else {
            const c = await upsertComment({
                baseUrl: process.env.GITHUB_API_URL ?? 'https://api.github.com',
                token: inputs.githubToken,
                owner,
                repo,
                pullRequest: review.pullRequest,
            }, materials_dist/* REVIEW_MARKER */.aq, body);
            logger.info(`${c.created ? 'Commented on' : 'Updated the comment on'} #${review.pullRequest} (comment ${c.id})`);
        }
    }
    // dependency-review-action's output names, where they mean the same.
    (0,dist/* setOutput */.uH)('comment-content', body);
    (0,dist/* setOutput */.uH)('dependency-changes', JSON.stringify([...r.added, ...r.removed]));
    (0,dist/* setOutput */.uH)('changed-packages', JSON.stringify(r.changed));
    (0,dist/* setOutput */.uH)('vulnerable-changes', JSON.stringify(r.introduced
        .filter((f) => f.rule === materials_dist/* RULE */.xZ.vulnerable)
        .map((f) => ({ ...f.properties, severity: f.severity, blocking: f.blocking === true }))));
    (0,dist/* setOutput */.uH)('invalid-license-changes', JSON.stringify(r.introduced
        .filter((f) => f.rule.startsWith('materials/license-'))
        .map((f) => ({ rule: f.rule, message: f.message, ...f.properties }))));
    (0,dist/* setOutput */.uH)('denied-changes', JSON.stringify(r.introduced.filter((f) => f.rule === 'materials/denied-package').map((f) => f.properties)));
    (0,dist/* setOutput */.uH)('unpinned-changes', JSON.stringify(r.introduced.filter((f) => f.rule === materials_dist/* RULE */.xZ.unpinned).map((f) => ({ message: f.message, ...f.properties }))));
    (0,dist/* setOutput */.uH)('blocking-count', String(r.blocking.length));
    if (r.blocking.length > 0) {
        throw new core_dist/* PolicyViolation */.oY(`the change introduces ${r.blocking.length} blocking finding(s): ${r.blocking
            .slice(0, 3)
            .map((f) => f.message)
            .join('; ')}${r.blocking.length > 3 ? '; …' : ''}`);
    }
}


/***/ })

};
