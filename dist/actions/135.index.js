export const id = 135;
export const ids = [135];
export const modules = {

/***/ 30135:
/***/ ((__webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7589);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(21130);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(82322);



await (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .runAction */ .Cs)(async () => {
    await (0,_main_js__WEBPACK_IMPORTED_MODULE_2__/* .run */ .e)((0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .readInputs */ .K)());
});

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 21130:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ readInputs)
/* harmony export */ });
/* harmony import */ var _secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7589);
/** Every input of the gate-deploy action, read once into one typed object. */

function readInputs() {
    const rekor = (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('rekor-url');
    return {
        subjectPaths: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getListInput */ .DF)('subject-path'),
        subjectDigests: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getListInput */ .DF)('subject-digest'),
        images: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getListInput */ .DF)('images'),
        environment: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getRequiredInput */ .K1)('environment'),
        evidence: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('evidence') ?? '.secure-factory/evidence',
        policy: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('policy'),
        trustedRoot: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('trusted-root'),
        publicKeys: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getListInput */ .DF)('public-key'),
        builder: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('builder'),
        githubEnvironment: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('github-environment'),
        fetchAttestations: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getBooleanInput */ .Vt)('fetch-attestations', false),
        githubToken: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('github-token'),
        githubApiUrl: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('github-api-url') ?? process.env.GITHUB_API_URL ?? 'https://api.github.com',
        repository: process.env.GITHUB_REPOSITORY ?? '',
        signer: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getEnumInput */ .iv)('signer', ['auto', 'keyless', 'key', 'ephemeral'], 'auto'),
        privateKey: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('private-key'),
        fulcioUrl: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('fulcio-url'),
        rekorUrl: rekor === 'none' ? '' : rekor,
        tsaUrl: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('tsa-url'),
        signingConfig: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('signing-config'),
        record: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getBooleanInput */ .Vt)('record-deployment', true),
    };
}


/***/ }),

/***/ 82322:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7589);
/* harmony import */ var _secure_factory_core__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(81915);
/* harmony import */ var _secure_factory_materials__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(85867);
/* harmony import */ var _secure_factory_verify__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(19258);
/** The gate-deploy action: gate the artefacts, write outputs, the job summary and one annotation per failed check. */






async function run(inputs) {
    const logger = (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_2__/* .coreLogger */ .Wj)();
    if (inputs.subjectPaths.length === 0 && inputs.subjectDigests.length === 0 && inputs.images.length === 0) {
        throw new _secure_factory_core__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1('nothing to gate', {
            hint: 'set subject-path (files or globs), subject-digest (sha256:HEX) or images (registry/name@sha256:HEX)',
        });
    }
    if (inputs.privateKey)
        (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_2__/* .maskSecret */ .$l)(inputs.privateKey);
    if (inputs.githubToken)
        (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_2__/* .maskSecret */ .$l)(inputs.githubToken);
    const tokenAvailable = Boolean(process.env.ACTIONS_ID_TOKEN_REQUEST_URL && process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
    const kind = inputs.signer === 'auto' ? (tokenAvailable ? 'keyless' : inputs.privateKey ? 'key' : 'ephemeral') : inputs.signer;
    const policyFile = (0,_secure_factory_core__WEBPACK_IMPORTED_MODULE_3__/* .policyFileInput */ .vW)(inputs.policy);
    // Images alone need no evidence folder: their attestations come from the registry.
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const noFolder = inputs.images.length > 0 && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(workspace, inputs.evidence));
    if (noFolder)
        logger.info(`no evidence folder at ${inputs.evidence}: the images' attestations come from their registry only`);
    const result = await (0,_secure_factory_verify__WEBPACK_IMPORTED_MODULE_5__/* .gate */ .Gj)({
        artefacts: inputs.subjectDigests,
        images: inputs.images,
        // The registry client (docker config credentials, digests checked), injected into the gate.
        imageRegistry: inputs.images.length > 0 ? { ...(0,_secure_factory_materials__WEBPACK_IMPORTED_MODULE_4__/* .createRegistryClient */ .Hn)(), isMisbehaviour: (e) => e instanceof _secure_factory_materials__WEBPACK_IMPORTED_MODULE_4__/* .RegistryMisbehaviour */ .Co } : undefined,
        subjects: await (0,_secure_factory_verify__WEBPACK_IMPORTED_MODULE_5__/* .subjectsFromGlobs */ .Te)(inputs.subjectPaths, workspace),
        environment: inputs.environment,
        evidenceDir: noFolder ? undefined : inputs.evidence,
        policyFile,
        trustedRootFile: inputs.trustedRoot,
        publicKeyFiles: inputs.publicKeys,
        builder: inputs.builder,
        builderFromRunner: true,
        githubEnvironment: inputs.githubEnvironment,
        github: inputs.fetchAttestations
            ? { baseUrl: inputs.githubApiUrl, repository: inputs.repository, token: inputs.githubToken }
            : undefined,
        signer: {
            kind,
            privateKeyPem: inputs.privateKey,
            services: { signingConfigFile: inputs.signingConfig, fulcioUrl: inputs.fulcioUrl, rekorUrl: inputs.rekorUrl, tsaUrl: inputs.tsaUrl },
            transparencyLog: 'auto',
        },
        recordDeployment: inputs.record,
        logger,
    });
    (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_2__/* .setOutput */ .uH)('allowed', String(result.allowed));
    (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_2__/* .setOutput */ .uH)('vsa-path', result.vsaPath);
    (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_2__/* .setOutput */ .uH)('vsa-bundle-path', result.vsaBundlePath ?? '');
    (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_2__/* .setOutput */ .uH)('decision-path', result.decisionPath);
    await (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_2__/* .writeSummary */ .Sy)((0,_secure_factory_verify__WEBPACK_IMPORTED_MODULE_5__/* .renderGateSummary */ .oU)(result.decision, { mermaid: true, decisionPath: result.decisionPath }));
    // One annotation per distinct failing check (GitHub shows ten per step), naming the stage that owns it.
    const seen = new Set();
    for (const a of result.decision.artefacts) {
        for (const c of a.checks.filter((x) => x.status === 'fail')) {
            const key = `${c.stage}\u0000${c.id}\u0000${c.reason}`;
            if (seen.has(key) || seen.size >= 10)
                continue;
            seen.add(key);
            (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_2__/* .annotateError */ .TF)(`${c.reason}${c.fix ? ` — ${c.fix}` : ''}`, {
                title: `gate ${inputs.environment}: ${c.stage} · ${c.title} (${a.name ?? a.digest.slice(0, 12)})`,
            });
        }
    }
    if (!result.allowed) {
        const refused = result.decision.artefacts.filter((a) => !a.allowed).length;
        throw new _secure_factory_core__WEBPACK_IMPORTED_MODULE_3__/* .PolicyViolation */ .oY(result.decision.error?.message ??
            `${refused} artefact(s) refused for ${inputs.environment}; see the job summary and ${result.decisionPath}`);
    }
    return result;
}


/***/ })

};
