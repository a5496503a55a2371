export const id = 172;
export const ids = [172];
export const modules = {

/***/ 35172:
/***/ ((__webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7589);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51339);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(67147);



await (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .runAction */ .Cs)(async () => (0,_main_js__WEBPACK_IMPORTED_MODULE_2__/* .run */ .e)((0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .readInputs */ .K)()));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 51339:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ readInputs)
/* harmony export */ });
/* harmony import */ var _secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7589);
/* harmony import */ var _secure_factory_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(81915);


/** An optional input that must be one of the given names (case-insensitive); mapped to its value. */
function oneOf(name, values) {
    const raw = (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)(name);
    if (raw === undefined)
        return undefined;
    const v = values[raw.trim().toLowerCase()];
    if (v === undefined)
        throw new _secure_factory_core__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`input ${name} is ${JSON.stringify(raw)}`, {
            hint: `use one of: ${[...new Set(Object.keys(values))].join(', ')}`,
        });
    return v;
}
function readEvent() {
    return (0,_secure_factory_core__WEBPACK_IMPORTED_MODULE_1__/* .readEventPayload */ .N5)(process.env.GITHUB_EVENT_PATH) ?? {};
}
const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
// A full ref or a branch name; never an option or a revision expression.
const REF = /^(?!-)[^\s~^:?*[\\]+$/;
const env = (name) => process.env[name] || undefined;
function readInputs() {
    const expectedSha = (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('expected-sha');
    if (expectedSha !== undefined && !SHA.test(expectedSha)) {
        throw new _secure_factory_core__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`input "expected-sha" is "${expectedSha}"; it must be a full lower-case commit SHA`);
    }
    const policy = (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('policy');
    const refInput = (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('ref');
    const baseRefInput = (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('base-ref');
    for (const [name, v] of [
        ['ref', refInput],
        ['base-ref', baseRefInput],
    ]) {
        if (v !== undefined && !REF.test(v))
            throw new _secure_factory_core__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`input "${name}" is "${v}"; it must be a ref (refs/tags/v1.2.3) or a branch name`);
    }
    const event = readEvent();
    const prBase = event.pull_request?.base;
    const ref = refInput ?? env('GITHUB_REF');
    const isTag = ref?.startsWith('refs/tags/') === true;
    // A tag push's `before` is all zeros (a new ref) and names no range: the range is since the previous release.
    const base = typeof prBase?.sha === 'string' ? prBase.sha : typeof event.before === 'string' && !isTag ? event.before : undefined;
    const defaultBranch = typeof event.repository?.default_branch === 'string' ? event.repository.default_branch : undefined;
    const baseRef = baseRefInput ?? (typeof prBase?.ref === 'string' ? prBase.ref : (env('GITHUB_BASE_REF') ?? (isTag ? defaultBranch : undefined)));
    return {
        path: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('path') ?? '.',
        expectedSha,
        policy: (0,_secure_factory_core__WEBPACK_IMPORTED_MODULE_1__/* .policyFileInput */ .vW)(policy),
        evidence: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('evidence') ?? '.secure-factory/evidence',
        token: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('token'),
        auditWorkflows: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getBooleanInput */ .Vt)('audit-workflows', true),
        minSeverity: oneOf('min-severity', { informational: 'info', info: 'info', low: 'low', medium: 'medium', high: 'high' }),
        minConfidence: oneOf('min-confidence', { low: 'low', medium: 'medium', high: 'high' }),
        sarif: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('sarif') ?? 'secure-factory-source.sarif',
        context: {
            workspace: env('GITHUB_WORKSPACE') ?? process.cwd(),
            repository: env('GITHUB_REPOSITORY'),
            apiUrl: env('GITHUB_API_URL'),
            serverUrl: env('GITHUB_SERVER_URL'),
            ref,
            baseRef,
            // An all-zero `before` (a new branch) names no commit.
            base: base !== undefined && SHA.test(base) && !/^0+$/.test(base) ? base : undefined,
            pullNumber: typeof event.pull_request?.number === 'number' ? event.pull_request.number : undefined,
            publicRepository: typeof event.repository?.private === 'boolean' ? !event.repository.private : undefined,
        },
    };
}


/***/ }),

/***/ 67147:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var _secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7589);
/* harmony import */ var _secure_factory_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(81915);
/* harmony import */ var _secure_factory_source__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(97627);




async function run(inputs) {
    const logger = (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .coreLogger */ .Wj)();
    const ctx = inputs.context;
    const repo = node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(ctx.workspace, inputs.path);
    const policy = await (0,_secure_factory_source__WEBPACK_IMPORTED_MODULE_3__/* .loadSourcePolicy */ .w2)({ repo, file: inputs.policy, baseDir: ctx.workspace });
    const [owner, name, extra] = (ctx.repository ?? '').split('/');
    if (ctx.repository !== undefined && (!owner || !name || extra !== undefined)) {
        throw new _secure_factory_core__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`GITHUB_REPOSITORY is "${ctx.repository}"; expected OWNER/REPO`);
    }
    const github = inputs.token && owner && name
        ? {
            token: inputs.token,
            baseUrl: ctx.apiUrl,
            serverUrl: ctx.serverUrl,
            owner,
            repo: name,
            ref: ctx.ref,
            baseRef: ctx.baseRef,
            pullNumber: ctx.pullNumber,
        }
        : undefined;
    const result = await (0,_secure_factory_source__WEBPACK_IMPORTED_MODULE_3__/* .verifySource */ .t4)({
        repo,
        expectedSha: inputs.expectedSha,
        policy,
        github,
        repository: owner && name ? { owner, repo: name, serverUrl: ctx.serverUrl } : undefined,
        base: ctx.base,
        ref: ctx.ref,
        evidenceDir: node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(ctx.workspace, inputs.evidence),
        // The input can only turn the audit off where the policy itself asks for it.
        auditWorkflows: inputs.auditWorkflows && policy.sourceCheck.workflows.audit,
        publicRepository: ctx.publicRepository,
        minSeverity: inputs.minSeverity,
        minConfidence: inputs.minConfidence,
        logger,
    });
    // Paths in annotations and SARIF are relative to the workspace (the repository root on GitHub).
    const findings = result.findings.map((f) => f.file === undefined ? f : { ...f, file: node_path__WEBPACK_IMPORTED_MODULE_0__.relative(ctx.workspace, node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(repo, f.file)) });
    // Code scanning needs a location: the SARIF carries the findings that point into a file.
    const sarifPath = node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(ctx.workspace, inputs.sarif);
    const located = findings.filter((f) => f.file !== undefined);
    await (0,_secure_factory_core__WEBPACK_IMPORTED_MODULE_2__/* .writeJsonAtomic */ .ZJ)(sarifPath, (0,_secure_factory_core__WEBPACK_IMPORTED_MODULE_2__/* .toSarif */ .zv)({ name: _secure_factory_core__WEBPACK_IMPORTED_MODULE_2__/* .TOOL_NAME */ .lH, version: _secure_factory_core__WEBPACK_IMPORTED_MODULE_2__/* .TOOL_VERSION */ .wr, informationUri: _secure_factory_core__WEBPACK_IMPORTED_MODULE_2__/* .TOOL_URI */ .qH, rules: _secure_factory_source__WEBPACK_IMPORTED_MODULE_3__/* .WORKFLOW_RULES */ .KA }, located));
    (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .annotate */ .fz)(findings);
    await (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .writeSummary */ .Sy)(result.summary);
    (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .setOutput */ .uH)('verified', String(result.ok));
    (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .setOutput */ .uH)('source-level', result.levelName);
    (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .setOutput */ .uH)('vsa-path', result.vsaPath ?? '');
    (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .setOutput */ .uH)('sarif-path', sarifPath);
    (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .setOutput */ .uH)('findings-count', String(result.findings.length));
    if (!result.ok) {
        const blocking = result.findings.filter((f) => f.blocking);
        throw new _secure_factory_core__WEBPACK_IMPORTED_MODULE_2__/* .PolicyViolation */ .oY(`source verification failed: ${blocking.length} blocking finding(s): ${blocking
            .slice(0, 3)
            .map((f) => f.message)
            .join('; ')}${blocking.length > 3 ? '; …' : ''}`);
    }
}


/***/ })

};
