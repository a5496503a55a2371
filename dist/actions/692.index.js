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
/* harmony import */ var _rescan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(94518);
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
/* harmony import */ var _secure_factory_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(98346);
/* harmony import */ var _secure_factory_materials__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(24316);




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
/* harmony import */ var _secure_factory_core__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(98346);
/* harmony import */ var _secure_factory_materials__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(24316);






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

/***/ 94518:
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
// EXTERNAL MODULE: ../packages/core/dist/index.js + 26 modules
var core_dist = __webpack_require__(98346);
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
class issues_IssueClient {
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

// EXTERNAL MODULE: ../packages/materials/dist/index.js + 56 modules
var materials_dist = __webpack_require__(24316);
// EXTERNAL MODULE: ../packages/verify/dist/index.js + 42 modules
var verify_dist = __webpack_require__(76425);
;// CONCATENATED MODULE: ../packages/rescan/dist/remediation.js
const REMEDIATION_WINDOW_MS = 24 * 3600 * 1000;
const key = (advisory, pkg) => `${advisory}\u0000${pkg.ecosystem}\u0000${pkg.name}`;
function remediation_reconcile(previous, matches, now) {
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
    const result = remediation_reconcile(previous, matches, now);
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
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






const MAX_PAGES = 1000;
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
        if (page > MAX_PAGES)
            throw new InfrastructureError(`GitHub API: listing the repositories of ${org} did not end after ${MAX_PAGES} pages`);
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
const gitBlobSha1 = (bytes) => createHash('sha1').update(`blob ${bytes.length}\u0000`).update(bytes).digest('hex');
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
        if (gitBlobSha1(content) !== e.sha)
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
    const rawInventory = JSON.parse(bytes.toString('utf8'));
    const rawPlan = (await readJsonFile(planFile, { what: 'shard plan' }));
    if (rawInventory.apiVersion !== INVENTORY_API_VERSION)
        throw new ConfigurationError(`not a portfolio inventory (apiVersion ${INVENTORY_API_VERSION})`, { location: { file: invFile } });
    if (rawPlan.apiVersion !== PLAN_API_VERSION)
        throw new ConfigurationError(`not a shard plan (apiVersion ${PLAN_API_VERSION})`, { location: { file: planFile } });
    const inventory = rawInventory;
    const plan = rawPlan;
    if (plan.inventory !== `sha256:${sha256Hex(bytes)}`)
        throw new ConfigurationError('the shard plan was made from another inventory', {
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
    const v = (await readJsonFile(file, { what: 'shard result', maxBytes: 512 * 1024 * 1024 }));
    if (v.apiVersion !== SHARD_API_VERSION || !Array.isArray(v.artefacts))
        throw new ConfigurationError(`not a shard result (apiVersion ${SHARD_API_VERSION})`, { location: { file } });
    return v;
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
    const repositories = [];
    let resolvedNow = 0;
    for (const repo of inventory.repositories) {
        const matches = perRepo.get(repo.repository) ?? [];
        const dir = path.join(options.stateDir, ...repo.repository.split('/'));
        const previous = await readRemediations(dir);
        if (repo.status !== 'collected') {
            // No evidence branch (any more): nothing to rescan, but a clock never stops for want of evidence.
            const kept = previous.remediations.filter((r) => r.status === 'open');
            if (kept.length > 0)
                problems.push(`${repo.repository}: the evidence branch is gone but ${kept.length} remediation(s) were open; they stay open until a deployment without the advisory is admitted`);
            for (const r of kept)
                remediations.push({ ...r, repository: repo.repository, remainingMs: Date.parse(r.deadline) - now.getTime() });
            const overdue = kept.filter((r) => Date.parse(r.deadline) <= now.getTime()).length;
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
        const result = reconcile(previous, matches, now);
        if (options.github && result.opened.length + result.stillOpen.length + result.resolved.length > 0) {
            const [owner, name] = repo.repository.split('/');
            const client = new IssueClient({ owner, repo: name, token: options.github.token, baseUrl: options.github.baseUrl }, logger);
            const issues = await client.sync([...result.opened, ...result.stillOpen], result.resolved);
            for (const r of result.state.remediations) {
                const hit = [...issues.entries()].find(([m]) => m.includes(`advisory=${encodeURIComponent(r.advisory)} `) && m.includes(`/${encodeURIComponent(r.package.name)} `));
                if (hit)
                    r.issue = hit[1];
            }
        }
        await writeRemediations(dir, result.state);
        resolvedNow += result.resolved.length;
        for (const r of result.state.remediations) {
            if (r.status === 'open')
                remediations.push({ ...r, repository: repo.repository, remainingMs: Date.parse(r.deadline) - now.getTime() });
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
        },
        problems,
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
    return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(report.org)} · secure-factory portfolio</title><style>${CSS}</style></head>
<body><header><h1>${e(report.org)}: deployed portfolio</h1><p>generated ${e(report.generated)} · deployments collected ${e(report.collectedAt)} · OSV snapshot ${e(report.snapshot.version ?? report.snapshot.uri)}${report.snapshot.takenAt ? ` taken ${e(report.snapshot.takenAt)}` : ''} · ${e(report.shards.length)} shard(s)</p></header>
<main><dl class="kpis">${kpi('total-repositories', 'repositories', t.repositories)}${kpi('total-artefacts', 'deployed artefacts', t.artefacts)}${kpi('total-affected', 'affected artefacts', t.affected, t.affected ? 'bad' : 'ok')}${kpi('total-open', 'open remediations', t.open, t.open ? 'bad' : 'ok')}${kpi('total-overdue', 'past 24 hours', t.overdue, t.overdue ? 'bad' : 'ok')}${kpi('median-ttr', 'median time to remediate', median === undefined ? '–' : `${median} h`)}</dl>
<section><h2>Open remediations</h2>${remediations}</section>
<section><h2>Deployed artefacts by environment</h2>${perEnv || '<p class="muted">Nothing deployed.</p>'}</section>
<section><h2>Time to remediate</h2>${history}</section>
${notAdopted.length ? `<section><h2>Repositories without deployment evidence</h2><p>${notAdopted.map((r) => `<code>${e(r.repository)}</code>`).join(' ')}</p></section>` : ''}
${report.problems.length ? `<section><h2>Problems</h2><ul>${report.problems.map((p) => `<li>${e(p)}</li>`).join('')}</ul></section>` : ''}
</main></body></html>
`;
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
// EXTERNAL MODULE: ../packages/core/dist/index.js + 26 modules
var core_dist = __webpack_require__(98346);
// EXTERNAL MODULE: ../packages/materials/dist/index.js + 56 modules
var materials_dist = __webpack_require__(24316);
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
