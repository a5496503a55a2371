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
        subjectOciLayouts: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getListInput */ .DF)('subject-oci-layout'),
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
        npmTarballs: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getListInput */ .DF)('npm-tarball'),
        npmRegistry: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('npm-registry'),
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
/* harmony import */ var _secure_factory_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(81915);
/* harmony import */ var _secure_factory_attest__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83280);
/* harmony import */ var _secure_factory_materials__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(85867);
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
        npmTarballs: await expandNpmTarballs(inputs.npmTarballs),
        npmRegistry: inputs.npmRegistry,
        images: inputs.pushToRegistry || inputs.subjectOciLayouts.length > 0
            ? {
                registry: (0,_secure_factory_materials__WEBPACK_IMPORTED_MODULE_4__/* .createImageRegistry */ .nn)((0,_secure_factory_materials__WEBPACK_IMPORTED_MODULE_4__/* .createRegistryClient */ .Hn)()),
                layouts: inputs.subjectOciLayouts.map((dir) => ({ dir, name: inputs.subjectName ?? '' })),
                push: inputs.pushToRegistry,
            }
            : undefined,
        logger,
    });
    (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .setOutput */ .uH)('npm-provenance-paths', (result.npmProvenance ?? []).map((n) => n.bundlePath).join('\n'));
    (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .setOutput */ .uH)('bundle-paths', result.signed.map((s) => s.bundlePath).join('\n'));
    const ids = result.signed.flatMap((s) => (s.attestationId ? [s.attestationId] : []));
    (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .setOutput */ .uH)('attestation-ids', ids.join('\n'));
    // actions/attest's single-attestation outputs.
    (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .setOutput */ .uH)('bundle-path', result.signed[0]?.bundlePath ?? '');
    (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .setOutput */ .uH)('attestation-id', ids[0] ?? '');
    (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .setOutput */ .uH)('attestation-url', ids[0] ? `${inputs.serverUrl.replace(/\/+$/, '')}/${inputs.repository}/attestations/${ids[0]}` : '');
    // push-to-registry: the referrer manifests' digests (`<image>@<digest>` fetches one).
    const referrers = result.signed.flatMap((s) => s.referrers ?? []);
    (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .setOutput */ .uH)('attestation-digest', referrers[0]?.digest ?? '');
    (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .setOutput */ .uH)('attestation-digests', referrers.map((r) => r.digest).join('\n'));
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
                s.referrers?.length ? `registry ${s.referrers.map((r) => (0,_secure_factory_core__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(`${r.digest.slice(0, 19)}…`)).join(' ')}` : '',
            ]
                .filter(Boolean)
                .join(' · ') || '—',
        ])),
        result.signed.length > shown.length
            ? `\n_…and ${result.signed.length - shown.length} more; every bundle is in ${(0,_secure_factory_core__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(folder)}._`
            : '',
        '',
        ...(result.npmProvenance ?? []).map((n) => `npm provenance for ${(0,_secure_factory_core__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(n.purl)}: ${(0,_secure_factory_core__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(n.bundlePath)}\n`),
        referrers.length
            ? `Pushed to ${[...new Set(referrers.map((r) => (0,_secure_factory_core__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(r.image.replace(/@sha256:(.{12}).*$/, '@sha256:$1…'))))].join(', ')} as OCI referrers (${referrers[0]?.via === 'referrers-api' ? 'referrers API' : 'referrers tag schema'}).\n`
            : '',
        `Bundles (\`<statement>.sigstore.json\`) in ${(0,_secure_factory_core__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(folder)}${result.ephemeralPublicKeyPath ? ` · ephemeral public key ${(0,_secure_factory_core__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(result.ephemeralPublicKeyPath)}` : ''}`,
    ].join('\n'));
    return result;
}
/** npm-tarball lines: a path, or a glob of the files it matches (at least one). */
async function expandNpmTarballs(lines) {
    const out = [];
    for (const line of lines) {
        if (!/[*?[\]{}]/.test(line)) {
            out.push(line);
            continue;
        }
        const files = (await (0,_secure_factory_attest__WEBPACK_IMPORTED_MODULE_3__/* .subjectsFromPaths */ .wt)([line], process.cwd())).map((s) => s.name ?? '');
        out.push(...files);
    }
    return out;
}


/***/ })

};
