export const id = 895;
export const ids = [895];
export const modules = {

/***/ 92895:
/***/ ((__webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7589);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38226);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(28714);



await (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .runAction */ .Cs)(async () => {
    await (0,_main_js__WEBPACK_IMPORTED_MODULE_2__/* .run */ .e)((0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .readInputs */ .K)());
});

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 38226:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ readInputs)
/* harmony export */ });
/* harmony import */ var _secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7589);
/** Every input of the attest action, read once into one typed object. */

function readInputs() {
    const signer = (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getEnumInput */ .iv)('signer', ['keyless', 'key', 'ephemeral', 'policy'], 'policy');
    const rekor = (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('rekor-url');
    return {
        evidence: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('evidence') ?? '.secure-factory/evidence',
        subjectPaths: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getListInput */ .DF)('subject-path'),
        subjectDigests: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getListInput */ .DF)('subject-digest'),
        subjectName: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('subject-name'),
        subjectChecksums: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getListInput */ .DF)('subject-checksums'),
        signer: signer === 'policy' ? undefined : signer,
        privateKey: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('private-key'),
        fulcioUrl: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('fulcio-url'),
        rekorUrl: rekor === 'none' ? '' : rekor,
        tsaUrl: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('tsa-url'),
        signingConfig: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('signing-config'),
        publish: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getBooleanInput */ .Vt)('publish', false),
        releaseTag: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('release-tag'),
        githubToken: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('github-token'),
        githubApiUrl: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('github-api-url') ?? process.env.GITHUB_API_URL ?? 'https://api.github.com',
        repository: process.env.GITHUB_REPOSITORY ?? '',
        policy: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('policy'),
        predicateType: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('predicate-type'),
        predicate: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('predicate'),
        predicatePath: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('predicate-path'),
        sbomPath: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('sbom-path'),
        pushToRegistry: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getBooleanInput */ .Vt)('push-to-registry', false),
        showSummary: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getBooleanInput */ .Vt)('show-summary', true),
        serverUrl: process.env.GITHUB_SERVER_URL ?? 'https://github.com',
    };
}


/***/ }),

/***/ 28714:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var _secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7589);
/* harmony import */ var _secure_factory_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(98346);
/* harmony import */ var _secure_factory_attest__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(82434);
/** The attest action: sign the evidence folder's statements, optionally publish them, report. */




async function run(inputs) {
    const logger = (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .coreLogger */ .Wj)();
    const policy = await (0,_secure_factory_core__WEBPACK_IMPORTED_MODULE_2__/* .loadPolicy */ .tb)((0,_secure_factory_core__WEBPACK_IMPORTED_MODULE_2__/* .policyFileInput */ .vW)(inputs.policy));
    const signer = inputs.signer ?? policy.attest.signer;
    if (signer === 'key' && !inputs.privateKey) {
        throw new _secure_factory_core__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('signer: key needs the private-key input', {
            hint: 'pass it from a secret: `private-key: ${{ secrets.SIGNING_KEY }}`',
        });
    }
    if (inputs.pushToRegistry) {
        throw new _secure_factory_core__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('push-to-registry is not supported yet', {
            hint: 'remove push-to-registry (the attestation is still published to GitHub with publish: true), or use actions/attest for the registry copy',
        });
    }
    const custom = await (0,_secure_factory_attest__WEBPACK_IMPORTED_MODULE_3__/* .customPredicate */ .Dk)({
        predicateType: inputs.predicateType,
        predicate: inputs.predicate,
        predicatePath: inputs.predicatePath,
        sbomPath: inputs.sbomPath,
    });
    const github = { apiUrl: inputs.githubApiUrl, repository: inputs.repository, token: inputs.githubToken ?? '' };
    const result = await (0,_secure_factory_attest__WEBPACK_IMPORTED_MODULE_3__/* .attestEvidence */ .le)({
        evidenceDir: inputs.evidence,
        subjects: {
            paths: inputs.subjectPaths,
            digests: inputs.subjectDigests,
            digestName: inputs.subjectName,
            checksumFiles: inputs.subjectChecksums,
        },
        signer: {
            kind: signer,
            privateKeyPem: inputs.privateKey,
            services: { signingConfigFile: inputs.signingConfig, fulcioUrl: inputs.fulcioUrl, rekorUrl: inputs.rekorUrl, tsaUrl: inputs.tsaUrl },
            transparencyLog: policy.attest.publicTransparencyLog,
        },
        maxSubjects: policy.attest.maxSubjects,
        publish: inputs.publish ? github : undefined,
        releaseTag: inputs.releaseTag,
        github,
        custom,
        logger,
    });
    (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .setOutput */ .uH)('bundle-paths', result.signed.map((s) => s.bundlePath).join('\n'));
    const ids = result.signed.flatMap((s) => (s.attestationId ? [s.attestationId] : []));
    (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .setOutput */ .uH)('attestation-ids', ids.join('\n'));
    // actions/attest's single-attestation outputs.
    (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .setOutput */ .uH)('bundle-path', result.signed[0]?.bundlePath ?? '');
    (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .setOutput */ .uH)('attestation-id', ids[0] ?? '');
    (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .setOutput */ .uH)('attestation-url', ids[0] ? `${inputs.serverUrl.replace(/\/+$/, '')}/${inputs.repository}/attestations/${ids[0]}` : '');
    if (!inputs.showSummary)
        return result;
    const services = [
        result.services.fulcio ? `Fulcio ${(0,_secure_factory_core__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(result.services.fulcio)}` : undefined,
        result.services.rekor ? `Rekor ${(0,_secure_factory_core__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(result.services.rekor)}` : 'no transparency log',
        result.services.tsa ? `TSA ${(0,_secure_factory_core__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(result.services.tsa)}` : undefined,
    ].filter((s) => s !== undefined);
    // One table, narrow: the predicate by its last path segment, attestations as links; paths once below.
    const url = (id) => `${inputs.serverUrl.replace(/\/+$/, '')}/${inputs.repository}/attestations/${id}`;
    const shown = result.signed.slice(0, 100);
    const folder = result.signed[0] ? node_path__WEBPACK_IMPORTED_MODULE_0__.dirname(result.signed[0].bundlePath) : inputs.evidence;
    await (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .writeSummary */ .Sy)([
        `### secure-factory attest: ${result.signed.length} statement(s) signed ✅`,
        '',
        `Signer: **${result.signer}** · ${services.join(' · ')} · ${(0,_secure_factory_core__WEBPACK_IMPORTED_MODULE_2__.md)(result.transparencyLog.reason)}`,
        '',
        (0,_secure_factory_core__WEBPACK_IMPORTED_MODULE_2__/* .table */ .tp)(['statement', 'predicate', 'subjects', 'attestation'], shown.map((s) => [
            (0,_secure_factory_core__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(s.name),
            (0,_secure_factory_core__WEBPACK_IMPORTED_MODULE_2__.md)(s.predicateType.replace(/^https?:\/\//, '').slice(-48)),
            String(s.subjects),
            [
                s.attestationId ? `[${(0,_secure_factory_core__WEBPACK_IMPORTED_MODULE_2__.md)(s.attestationId)}](${url(s.attestationId)})` : '',
                s.releaseAsset ? `release ${(0,_secure_factory_core__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(s.releaseAsset)}` : '',
            ]
                .filter(Boolean)
                .join(' · ') || '—',
        ])),
        result.signed.length > shown.length
            ? `\n_…and ${result.signed.length - shown.length} more; every bundle is in ${(0,_secure_factory_core__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(folder)}._`
            : '',
        '',
        `Bundles (\`<statement>.sigstore.json\`) in ${(0,_secure_factory_core__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(folder)}${result.ephemeralPublicKeyPath ? ` · ephemeral public key ${(0,_secure_factory_core__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(result.ephemeralPublicKeyPath)}` : ''}`,
    ].join('\n'));
    return result;
}


/***/ })

};
