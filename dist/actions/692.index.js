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
/* harmony import */ var _rescan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(78083);
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
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var _secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7589);
/* harmony import */ var _secure_factory_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(39054);
/* harmony import */ var _secure_factory_materials__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(20289);




function pullRequestEvent() {
    const name = process.env.GITHUB_EVENT_NAME ?? '';
    const file = process.env.GITHUB_EVENT_PATH;
    if (!file || !['pull_request', 'pull_request_target', 'merge_group'].includes(name))
        return undefined;
    try {
        return JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8')).pull_request;
    }
    catch {
        return undefined;
    }
}
const SEVERITY = { critical: 'critical', high: 'high', moderate: 'medium', low: 'low' };
function readReview() {
    const event = pullRequestEvent();
    const base = (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .getOptionalInput */ .lI)('base-ref') ?? event?.base?.sha;
    if (!base)
        return undefined;
    // On a pull_request event actions/checkout checks out GitHub's merge commit (GITHUB_SHA), whose
    // tree is the base plus the PR's changes: that working tree is the head to review. The PR's own head
    // commit is the default only when it is what was checked out (or the workflow checked it out).
    const eventHead = event?.head?.sha && event.head.sha === process.env.GITHUB_SHA ? event.head.sha : undefined;
    const head = (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .getOptionalInput */ .lI)('head-ref') ?? eventHead;
    const severity = (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .getOptionalInput */ .lI)('fail-on-severity');
    if (severity !== undefined && !(severity in SEVERITY))
        throw new _secure_factory_core__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`input fail-on-severity: ${JSON.stringify(severity)} is not one of critical, high, moderate, low`);
    const scopes = (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .getListInput */ .DF)('fail-on-scopes');
    for (const s of scopes)
        if (!['runtime', 'development', 'unknown'].includes(s))
            throw new _secure_factory_core__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`input fail-on-scopes: ${JSON.stringify(s)} is not one of runtime, development, unknown`);
    const allow = (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .getListInput */ .DF)('allow-licenses');
    const deny = (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .getListInput */ .DF)('deny-licenses');
    if (allow.length > 0 && deny.length > 0)
        throw new _secure_factory_core__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('inputs allow-licenses and deny-licenses cannot both be set (as in dependency-review-action)');
    const commentRaw = (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .getOptionalInput */ .lI)('comment-summary-in-pr') ?? 'never';
    const comment = commentRaw === 'true' ? 'always' : commentRaw === 'false' ? 'never' : commentRaw;
    if (comment !== 'always' && comment !== 'on-failure' && comment !== 'never')
        throw new _secure_factory_core__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`input comment-summary-in-pr: ${JSON.stringify(commentRaw)} is not one of always, on-failure, never, true, false`);
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
            allowGhsas: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .getListInput */ .DF)('allow-ghsas'),
            denyPackages: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .getListInput */ .DF)('deny-packages'),
            warnOnly: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .getBooleanInput */ .Vt)('warn-only', false),
        },
    };
}
function readInputs() {
    const policy = (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .getOptionalInput */ .lI)('policy');
    return {
        path: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .getOptionalInput */ .lI)('path') ?? '.',
        policy: (0,_secure_factory_core__WEBPACK_IMPORTED_MODULE_2__/* .policyFileInput */ .vW)(policy),
        evidence: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .getOptionalInput */ .lI)('evidence') ?? '.secure-factory/evidence',
        osvDatabase: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .getOptionalInput */ .lI)('osv-database'),
        osvApiUrl: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .getOptionalInput */ .lI)('osv-api-url') ?? 'https://api.osv.dev',
        sarif: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .getOptionalInput */ .lI)('sarif') ?? 'secure-factory-materials.sarif',
        cache: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .getBooleanInput */ .Vt)('cache', true),
        workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
        rescan: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .getListInput */ .DF)('rescan'),
        rescanState: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .getOptionalInput */ .lI)('rescan-state'),
        githubIssues: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .getBooleanInput */ .Vt)('github-issues', false),
        githubToken: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .getOptionalInput */ .lI)('github-token'),
        rebuild: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .getBooleanInput */ .Vt)('rebuild', false),
        lockfiles: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .getListInput */ .DF)('lockfiles').map(_secure_factory_materials__WEBPACK_IMPORTED_MODULE_3__/* .parseLockfileArgument */ .gE),
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
/* harmony import */ var _secure_factory_core__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(39054);
/* harmony import */ var _secure_factory_materials__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(20289);






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

/***/ 78083:
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
// EXTERNAL MODULE: ../packages/core/dist/index.js + 25 modules
var core_dist = __webpack_require__(39054);
// EXTERNAL MODULE: ../node_modules/@octokit/core/dist-src/index.js + 13 modules
var dist_src = __webpack_require__(99710);
;// CONCATENATED MODULE: ../packages/rescan/dist/issues.js
/**
 * One GitHub issue per advisory: opened when a rescan first finds it in something deployed, updated
 * on every rescan (environments, digests, fixed versions, deadline), closed when it is resolved. Issues
 * are found again by a marker comment in the body, so renaming an issue does not duplicate it.
 */


const ISSUE_LABEL = 'secure-factory';
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
class IssueClient {
    target;
    logger;
    octokit;
    constructor(target, logger) {
        this.target = target;
        this.logger = logger;
        this.octokit = new dist_src/* Octokit */.E({ auth: target.token, baseUrl: target.baseUrl.replace(/\/$/, ''), request: { retries: 0 } });
    }
    async call(what, fn) {
        try {
            return (await fn()).data;
        }
        catch (e) {
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

// EXTERNAL MODULE: ../packages/materials/dist/index.js + 54 modules
var materials_dist = __webpack_require__(20289);
// EXTERNAL MODULE: ../packages/verify/dist/index.js + 27 modules
var verify_dist = __webpack_require__(85346);
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

;// CONCATENATED MODULE: ../packages/rescan/dist/rescan.js
/**
 * The closed loop: read what the gate admitted (deployment records), take each deployed digest's SBOM
 * evidence, match it against a fresh vulnerability database, and keep the 24-hour remediation clock —
 * one GitHub issue per advisory, a failed run past the deadline, and a state file the gate reads so
 * that an affected digest is refused until it is fixed or waived.
 */






/** The newest record of each (environment, digest). */
function latest(records) {
    const byKey = new Map();
    for (const r of records) {
        const k = `${r.environment}\u0000${r.digest}`;
        const prev = byKey.get(k);
        if (!prev || prev.time < r.time)
            byKey.set(k, r);
    }
    return [...byKey.values()];
}
async function rescan(options) {
    const { logger, policy, now } = options;
    if (options.evidenceDirs.length === 0)
        throw new core_dist/* ConfigurationError */.j1('no evidence folder given', { hint: 'pass the folder(s) where the gate wrote deployments/' });
    const problems = [];
    const deployedByDigest = new Map();
    for (const dir of options.evidenceDirs) {
        const { records, skipped } = await (0,verify_dist/* readDeployments */.Fz)(dir);
        for (const s of skipped)
            problems.push(`unreadable deployment record skipped: ${s}`);
        if (records.length === 0)
            continue;
        // SBOM statements of this run, by the digests they name (attest adds the artefacts as subjects).
        const sboms = (await new core_dist/* EvidenceFolder */.eA(dir).load()).filter((s) => s.statement.predicateType === core_dist/* PREDICATE */.W3.cyclonedx || s.statement.predicateType === core_dist/* PREDICATE */.W3.spdx);
        for (const r of latest(records)) {
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
        const found = await options.vulnSource.match(d.pkgs.map((p) => ({ ecosystem: p.ecosystem, name: p.name, version: p.version })));
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
    const previous = await (0,core_dist/* readRemediations */.nW)(stateDir);
    const result = reconcile(previous, matches, now);
    if (options.github) {
        const client = new IssueClient(options.github, logger);
        const issues = await client.sync([...result.opened, ...result.stillOpen], result.resolved);
        for (const r of result.state.remediations) {
            const hit = [...issues.entries()].find(([m]) => m.includes(`advisory=${encodeURIComponent(r.advisory)} `) && m.includes(`/${encodeURIComponent(r.package.name)} `));
            if (hit)
                r.issue = hit[1];
        }
        if (options.rebuild && result.opened.length > 0)
            await client.dispatchRebuild(result.opened);
    }
    const statePath = await (0,core_dist/* writeRemediations */.az)(stateDir, result.state);
    for (const r of result.overdue)
        logger.error(`${r.advisory} in ${r.package.name}@${r.package.version} is past its deadline ${r.deadline} (deployed: ${r.digests.join(', ')})`);
    for (const r of result.opened)
        logger.warning(`new: ${r.advisory} (${r.severity}) in ${r.package.name}@${r.package.version}, deployed to ${r.environments.join(', ')}; fix by ${r.deadline}`);
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
    };
}

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
    const { vulnSource, save } = await (0,main/* vulnerabilityDatabase */.mC)(inputs, policy, logger);
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
        `${x.deadline}${Date.parse(x.deadline) <= now.getTime() ? ' ❌ passed' : ''}`,
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
    ].join('\n'));
    (0,dist/* setOutput */.uH)('remediations-path', r.statePath);
    (0,dist/* setOutput */.uH)('open-count', String(open.length));
    (0,dist/* setOutput */.uH)('overdue-count', String(r.overdue.length));
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
// EXTERNAL MODULE: ../packages/core/dist/index.js + 25 modules
var core_dist = __webpack_require__(39054);
// EXTERNAL MODULE: ../packages/materials/dist/index.js + 54 modules
var materials_dist = __webpack_require__(20289);
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
    const res = await fetch(`${t.baseUrl.replace(/\/+$/, '')}${route}`, {
        method,
        headers: {
            accept: 'application/vnd.github+json',
            authorization: `Bearer ${t.token}`,
            'x-github-api-version': '2022-11-28',
            'user-agent': 'secure-factory-scan-deps',
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    if (!res.ok) {
        let message = text.slice(0, 200);
        try {
            const m = JSON.parse(text).message;
            if (typeof m === 'string')
                message = m;
        }
        catch {
            // not JSON
        }
        throw new core_dist/* InfrastructureError */.EN(`GitHub API ${method} ${route}: ${res.status} ${message}`, {
            hint: res.status === 403 || res.status === 404 ? 'the job needs pull-requests: write to comment' : undefined,
        });
    }
    return text === '' ? undefined : JSON.parse(text);
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
