export const id = 258;
export const ids = [258];
export const modules = {

/***/ 19258:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Bb: () => (/* reexport */ createBundleVerifier),
  Gj: () => (/* reexport */ gate),
  g_: () => (/* reexport */ imageSignatureVerifier),
  KE: () => (/* reexport */ loadTrustedRoot),
  Fz: () => (/* reexport */ readDeployments),
  oU: () => (/* reexport */ renderSummary),
  Te: () => (/* reexport */ subjectsFromGlobs)
});

// UNUSED EXPORTS: BUNDLE_MEDIA_TYPES, DECISION_API_VERSION, DEPLOYMENTS_DIR, DEPLOYMENT_API_VERSION, DIGEST_ALGORITHMS, FAILURE_HINTS, GATE_VERIFIER_ID, GITHUB_ACTIONS_ISSUER, GITHUB_WORKFLOW_BUILD_TYPE, IN_TOTO_MEDIA, MAX_ARTIFACT_BYTES, MAX_REASON_LENGTH, MAX_REGISTRY_BUNDLE_BYTES, OTHERNAME_USERNAME_OID, PUBLIC_GOOD_TRUSTED_ROOT_SOURCE, RECORD_NAME, SIGSTORE_BUNDLE_MEDIA, SLSA_PROVENANCE_V1, VERIFY_CODES, WEAK_ALGORITHMS, allRoots, artifactDigest, artifactFromBytes, artifactFromDigest, artifactLabel, attestationOptionsProblem, boundedReason, buildEvidenceVerifier, certificateIdentity, checkClaimsAgainstCertificate, checkIdentity, embeddedTrustedRoots, evaluateDeployPolicy, evidenceKindOf, fetchFromGitHub, fetchTrustedRootOverTuf, gateVsaStatement, gitHubAttestationsClient, githubEnvironmentFor, githubTrustedRoot, imageRegistryAllowed, imagesIn, indexEvidence, isPrivateKeyPem, loadTrustedRootFile, matchBuilder, oneLineReason, parseDeployImage, parseDigest, parseImagePurl, parseProvenanceFile, parseTrustedRoot, provenanceClaims, publicGoodTrustedRoot, readArtifactArgument, readBundleFile, recordDeployments, recordedImageVerdicts, registryAllowed, renderGateExplain, runGate, runnerClaims, runnerWorkflowRef, sanMatcher, sigstoreEvidenceVerifier, subjectMatches, verdictFromThrown, verifyArtifactProvenance, verifyAttestations, verifyGithubAttestation, verifySlsaProvenance, vsaSigner, vulnFindings

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ../packages/core/dist/index.js + 30 modules
var dist = __webpack_require__(81915);
;// CONCATENATED MODULE: ../packages/verify/dist/bundle/artifact.js
/**
 * The thing a bundle is checked against: a file's bytes, or only its digest in one of the algorithms
 * an in-toto subject may name (`sha256:HEX`, `sha512:HEX`, `sha384:HEX`, `sha1:HEX`, `gitCommit:HEX`…).
 * With the bytes, the verifier computes whatever algorithm the statement names; with a digest alone,
 * the statement must name that algorithm.
 */



/** in-toto digest algorithms (ResourceDescriptor digest set) and their hex lengths. */
const DIGEST_ALGORITHMS = {
    sha256: 64,
    sha224: 56,
    sha384: 96,
    sha512: 128,
    sha512_224: 56,
    sha512_256: 64,
    sha3_224: 56,
    sha3_256: 64,
    sha3_384: 96,
    sha3_512: 128,
    sha1: 40,
    md5: 32,
    gitBlob: 40,
    gitCommit: 40,
    gitTree: 40,
    gitTag: 40,
    dirHash: 64,
};
/**
 * Algorithms computed from an artefact's bytes (Node crypto names); git object ids are not a file's hash.
 * sha256 is not here: every artefact carries it from the moment it is read (`artifact.sha256`).
 */
const COMPUTABLE = {
    sha224: 'sha224',
    sha384: 'sha384',
    sha512: 'sha512',
    sha512_224: 'sha512-224',
    sha512_256: 'sha512-256',
    sha3_224: 'sha3-224',
    sha3_256: 'sha3-256',
    sha3_384: 'sha3-384',
    sha3_512: 'sha3-512',
    sha1: 'sha1',
};
/** Weak algorithms are never enough on their own to bind a statement to an artefact. */
const WEAK_ALGORITHMS = new Set(['md5', 'sha1']);
const DIGEST = /^([A-Za-z0-9_]+):([0-9a-fA-F]+)$/;
function artifactFromBytes(data, name) {
    return { kind: 'bytes', data, sha256: sha256Hex(data), ...(name ? { name } : {}) };
}
/** `ALG:HEX` with a known algorithm and the right length, or undefined. */
function parseDigest(text) {
    const m = DIGEST.exec(text);
    if (!m?.[1] || !m[2])
        return undefined;
    const len = DIGEST_ALGORITHMS[m[1]];
    if (len === undefined || m[2].length !== len)
        return undefined;
    return { algorithm: m[1], hex: m[2].toLowerCase() };
}
function artifactFromDigest(digest, name) {
    const d = parseDigest(digest);
    if (!d) {
        throw new dist/* ConfigurationError */.j1(`"${digest}" is not a digest: expected ALGORITHM:HEX with an in-toto algorithm (${Object.keys(DIGEST_ALGORITHMS).join(', ')}) and its full length`);
    }
    return {
        kind: 'digest',
        algorithm: d.algorithm,
        hex: d.hex,
        ...(d.algorithm === 'sha256' ? { sha256: d.hex } : {}),
        ...(name ? { name } : {}),
    };
}
/** The artefact's digest in `algorithm` (computed from the bytes), or undefined when it cannot be known. */
function artifactDigest(artifact, algorithm) {
    if (artifact.kind === 'digest')
        return artifact.algorithm === algorithm ? artifact.hex : undefined;
    if (algorithm === 'sha256')
        return artifact.sha256;
    // Own keys only: a subject's digest set may name `constructor` or `__proto__`.
    const node = Object.hasOwn(COMPUTABLE, algorithm) ? COMPUTABLE[algorithm] : undefined;
    return node ? (0,external_node_crypto_.createHash)(node).update(artifact.data).digest('hex') : undefined;
}
/** `sha512:ab12…` for messages: the digest given, or the file's sha256. */
function artifact_artifactLabel(artifact) {
    return artifact.kind === 'digest' ? `${artifact.algorithm}:${artifact.hex}` : `sha256:${artifact.sha256}`;
}
/**
 * Whether a subject's digest set names this artefact: at least one algorithm the artefact can be
 * checked in (not a weak one alone) matches, and none that can be checked differs.
 */
function subjectMatches(digest, artifact) {
    let strong = false;
    for (const [alg, value] of Object.entries(digest)) {
        if (typeof value !== 'string')
            continue;
        const mine = artifactDigest(artifact, alg);
        if (mine === undefined)
            continue;
        if (mine !== value.toLowerCase())
            return false;
        if (!WEAK_ALGORITHMS.has(alg))
            strong = true;
    }
    return strong;
}
/**
 * FILE_OR_DIGEST as the Sigstore conformance protocol defines it, for any in-toto algorithm: a digest
 * when it reads `ALG:HEX` with the right length and is not a path on disk; a file path otherwise.
 */
/** The largest artefact read into memory to be verified (its digests in every algorithm are computed from the bytes). */
const MAX_ARTIFACT_BYTES = (/* unused pure expression or super */ null && (4 * 1024 ** 3));
async function readArtifactArgument(arg) {
    if (parseDigest(arg) && !existsSync(arg))
        return artifactFromDigest(arg);
    let data;
    try {
        // Regular files only: a FIFO would block for ever, /dev/zero never end. A link given on the command
        // line is the user's own choice and is followed wherever it points.
        data = await readRegularFile(arg, { maxBytes: MAX_ARTIFACT_BYTES, within: '/', what: 'artefact' });
    }
    catch (e) {
        if (e instanceof UnsafeFileError && e.reason !== 'missing' && e.reason !== 'unreadable')
            throw e;
        const cause = e instanceof UnsafeFileError && e.cause !== undefined ? e.cause : e;
        const code = cause.code ?? String(cause);
        const looksLikeDigest = /^[A-Za-z0-9_]+:[0-9a-fA-F]+$/.test(arg);
        throw new ConfigurationError(`cannot read the artefact: ${code}`, {
            location: { file: arg },
            cause: e,
            ...(looksLikeDigest
                ? {
                    hint: `to give a digest, write ALGORITHM:HEX with its full length (${Object.keys(DIGEST_ALGORITHMS).slice(0, 4).join(', ')}, …)`,
                }
                : {}),
        });
    }
    return artifactFromBytes(data, arg);
}

;// CONCATENATED MODULE: ../packages/verify/dist/bundle/attestation.js
/**
 * `gh attestation verify` semantics over Sigstore bundles (GitHub CLI pkg/cmd/attestation/verify:
 * options.go, policy.go, verification/extensions.go), offline:
 * - one of `owner` / `repo` is required; `repo` implies its owner;
 * - the certificate's Source Repository Owner URI (1.16) must be `https://github.com/OWNER` and,
 *   with `repo`, its Source Repository URI (1.12) `https://github.com/OWNER/REPO` (case-insensitive);
 * - the SAN is matched by exactly one of `signerRepo` (`(?i)^https://github.com/SIGNER_REPO/`),
 *   `signerWorkflow` (`^https://[HOST/]OWNER/REPO/PATH`), `certIdentity` (exact) or
 *   `certIdentityRegex`; with none of them, by the repository (or owner): `(?i)^https://github.com/REPO/`;
 * - the OIDC issuer defaults to `https://token.actions.githubusercontent.com`;
 * - only statements of `predicateType` (default SLSA provenance v1) are considered;
 * - `denySelfHostedRunners` demands the runner environment `github-hosted`; `sourceRef`,
 *   `sourceDigest` and `signerDigest` pin the certificate's 1.14, 1.13 and 1.10 extensions.
 * At least one bundle must pass every check; each failing bundle says why.
 */



const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';
/** A usage error in the options, phrased as gh phrases it; undefined when the options are usable. */
function attestationOptionsProblem(o) {
    if (!o.owner && !o.repo)
        return 'one of --owner or --repo is required';
    if (o.owner && o.repo)
        return '--owner and --repo cannot be used together';
    if (o.repo && o.repo.split('/').length !== 2)
        return `invalid value provided for repo: ${o.repo} (expected OWNER/REPO)`;
    if (o.signerRepo && o.signerRepo.split('/').length !== 2)
        return `invalid value provided for signer-repo: ${o.signerRepo}`;
    const exclusive = [o.certIdentity, o.certIdentityRegex, o.signerRepo, o.signerWorkflow].filter((v) => v !== undefined && v !== '');
    if (exclusive.length > 1)
        return 'only one of --cert-identity, --cert-identity-regex, --signer-repo and --signer-workflow may be given';
    if (o.certIdentityRegex !== undefined) {
        try {
            compileUserRegExp(o.certIdentityRegex, '--cert-identity-regex');
        }
        catch (e) {
            // Invalid, or one that could backtrack (nested quantifiers, backreferences): a usage error.
            return e instanceof ConfigurationError ? e.message : String(e);
        }
    }
    return undefined;
}
const attestation_escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The SAN matcher gh builds from the flags. */
function sanMatcher(o) {
    if (o.signerRepo)
        return { regex: new RegExp(`^https://github\\.com/${attestation_escape(o.signerRepo)}/`, 'i'), describe: `signer repository ${o.signerRepo}` };
    if (o.signerWorkflow) {
        const hasHost = /^[a-zA-Z0-9-]+\.[a-zA-Z0-9-]+.*$/.test(o.signerWorkflow);
        const full = hasHost ? o.signerWorkflow : `${o.hostname ?? 'github.com'}/${o.signerWorkflow}`;
        return { regex: new RegExp(`^https://${attestation_escape(full)}`), describe: `signer workflow ${full}` };
    }
    if (o.certIdentity)
        return { exact: o.certIdentity, describe: `identity ${o.certIdentity}` };
    if (o.certIdentityRegex)
        return { regex: compileUserRegExp(o.certIdentityRegex, '--cert-identity-regex'), describe: `identity matching ${o.certIdentityRegex}` };
    const scope = o.repo ?? o.owner ?? '';
    return { regex: new RegExp(`^https://github\\.com/${attestation_escape(scope)}/`, 'i'), describe: `a workflow of ${scope}` };
}
/**
 * GitHub's release attestations are signed by a certificate with no OIDC issuer and no repository
 * extensions (SAN https://dotcom.releases.github.com); the repository they are about is in the signed
 * statement (release predicate `repository: OWNER/REPO`), so that is what --owner/--repo are held to.
 */
function releaseRepositoryProblems(o, statement) {
    const repo = statement.predicate?.repository;
    const have = typeof repo === 'string' ? repo.toLowerCase() : '';
    const owner = (o.owner ?? o.repo?.split('/')[0] ?? '').toLowerCase();
    if (have.split('/')[0] !== owner)
        return [`expected a release of a repository of ${owner}, the attestation is about ${have || 'no repository'}`];
    if (o.repo && have !== o.repo.toLowerCase())
        return [`expected a release of ${o.repo}, the attestation is about ${have || 'no repository'}`];
    return [];
}
function identityProblems(o, id, statement) {
    const out = [];
    const owner = o.owner ?? o.repo?.split('/')[0] ?? '';
    const wantOwner = `https://github.com/${owner}`;
    if (o.certOidcIssuer === '' && id.issuer === undefined && id.sourceRepositoryOwnerUri === undefined)
        out.push(...releaseRepositoryProblems(o, statement));
    else if ((id.sourceRepositoryOwnerUri ?? '').toLowerCase() !== wantOwner.toLowerCase())
        out.push(`expected SourceRepositoryOwnerURI to be ${wantOwner}, got ${id.sourceRepositoryOwnerUri ?? 'none'}`);
    if (o.repo && id.sourceRepositoryOwnerUri !== undefined) {
        const want = `https://github.com/${o.repo}`;
        if ((id.sourceRepositoryUri ?? '').toLowerCase() !== want.toLowerCase())
            out.push(`expected SourceRepositoryURI to be ${want}, got ${id.sourceRepositoryUri ?? 'none'}`);
    }
    const issuer = o.certOidcIssuer ?? GITHUB_ACTIONS_ISSUER;
    if (issuer === '') {
        if (id.issuer !== undefined)
            out.push(`expected a certificate without an OIDC issuer, got ${id.issuer}`);
    }
    else if ((id.issuer ?? '').toLowerCase() !== issuer.toLowerCase()) {
        out.push(`expected Issuer to be ${issuer}, got ${id.issuer ?? 'none'}${id.issuer?.startsWith(`${issuer}/`)
            ? ' -- if you have a custom OIDC issuer policy for your enterprise, use --cert-oidc-issuer with your issuer'
            : ''}`);
    }
    const san = sanMatcher(o);
    const actual = id.subjectAlternativeName ?? '';
    if (san.exact !== undefined ? actual !== san.exact : san.regex !== undefined && !san.regex.test(actual))
        out.push(`the certificate's identity ${actual || '(none)'} is not ${san.describe}`);
    if (o.denySelfHostedRunners && id.runnerEnvironment !== 'github-hosted')
        out.push(`expected a GitHub-hosted runner, the attestation was made on ${id.runnerEnvironment ?? 'an unknown runner'}`);
    if (o.sourceRef !== undefined && id.sourceRepositoryRef !== o.sourceRef)
        out.push(`expected source ref ${o.sourceRef}, got ${id.sourceRepositoryRef ?? 'none'}`);
    if (o.sourceDigest !== undefined &&
        (id.sourceRepositoryDigest ?? '').toLowerCase() !== o.sourceDigest.replace(/^sha1:/, '').toLowerCase())
        out.push(`expected source digest ${o.sourceDigest}, got ${id.sourceRepositoryDigest ?? 'none'}`);
    if (o.signerDigest !== undefined && (id.buildSignerDigest ?? '').toLowerCase() !== o.signerDigest.replace(/^sha1:/, '').toLowerCase())
        out.push(`expected signer digest ${o.signerDigest}, got ${id.buildSignerDigest ?? 'none'}`);
    return out;
}
/** Verifies each bundle for the artefact and the gh policy; passes when at least one satisfies all of it. */
function verifyAttestations(verifier, bundles, artifact, options) {
    const predicateType = options.predicateType ?? SLSA_PROVENANCE_V1;
    const results = [];
    const failures = [];
    for (const { origin, bundle } of bundles) {
        const v = verifier.verify(bundle, artifact, { requireStatement: true, checkClaims: false });
        if (!v.ok) {
            failures.push({ origin, code: v.code, reason: v.reason });
            continue;
        }
        const statement = v.statement;
        if (statement.predicateType !== predicateType) {
            failures.push({
                origin,
                code: 'PREDICATE_TYPE',
                reason: `the statement's predicate type is ${statement.predicateType}, not ${predicateType}`,
            });
            continue;
        }
        if (v.signer.kind !== 'certificate') {
            failures.push({ origin, code: 'IDENTITY', reason: 'the attestation is signed with a key, not a GitHub Actions certificate' });
            continue;
        }
        const problems = identityProblems(options, v.signer.identity, statement);
        if (problems.length > 0) {
            failures.push({ origin, code: 'IDENTITY', reason: problems.join('; ') });
            continue;
        }
        results.push({ origin, verified: v, statement, identity: v.signer.identity });
    }
    const ok = results.length > 0;
    const summary = ok
        ? `${results.length} of ${bundles.length} attestation(s) for ${artifactLabel(artifact)} verified`
        : bundles.length === 0
            ? `no attestations found for ${artifactLabel(artifact)}`
            : failures.every((f) => f.code === 'PREDICATE_TYPE')
                ? `none of the ${bundles.length} attestation(s) has the predicate type ${predicateType} (use --predicate-type for another)`
                : `none of the ${bundles.length} attestation(s) for ${artifactLabel(artifact)} satisfies the policy`;
    return { ok, results, failures, summary };
}
/**
 * Bundles from a `--bundle` file as gh reads it: one bundle (JSON) or JSON lines, each a bundle or
 * an attestation API record `{ "bundle": … }`. Lines that are not JSON are reported, not thrown.
 */
function readBundleFile(text, origin) {
    const problems = [];
    const unwrap = (v) => {
        const o = v;
        return o && typeof o === 'object' && o.mediaType === undefined && o.bundle !== undefined ? o.bundle : v;
    };
    const trimmed = text.trim();
    try {
        return { bundles: [{ origin, bundle: unwrap(JSON.parse(trimmed)) }], problems };
    }
    catch {
        // JSON lines, below.
    }
    const bundles = [];
    trimmed.split('\n').forEach((line, i) => {
        if (line.trim() === '')
            return;
        try {
            bundles.push({ origin: `${origin}:${i + 1}`, bundle: unwrap(JSON.parse(line)) });
        }
        catch {
            problems.push(`${origin}:${i + 1}: not JSON`);
        }
    });
    return { bundles, problems };
}

;// CONCATENATED MODULE: ../packages/verify/dist/bundle/certificate.js
const BASE = '1.3.6.1.4.1.57264.1.';
const V2 = {
    '8': 'issuer',
    '9': 'buildSignerUri',
    '10': 'buildSignerDigest',
    '11': 'runnerEnvironment',
    '12': 'sourceRepositoryUri',
    '13': 'sourceRepositoryDigest',
    '14': 'sourceRepositoryRef',
    '15': 'sourceRepositoryIdentifier',
    '16': 'sourceRepositoryOwnerUri',
    '17': 'sourceRepositoryOwnerIdentifier',
    '18': 'buildConfigUri',
    '19': 'buildConfigDigest',
    '20': 'buildTrigger',
    '21': 'runInvocationUri',
    '22': 'sourceRepositoryVisibility',
};
function v2Value(cert, oid) {
    const ext = cert.extension(oid);
    if (!ext)
        return undefined;
    // The value is a DER UTF8String inside the extension's OCTET STRING.
    const inner = ext.valueObj.subs[0];
    return (inner ? inner.value : ext.value).toString('utf8');
}
function legacyValue(cert, oid) {
    return cert.extension(oid)?.value.toString('utf8');
}
const OTHERNAME_USERNAME_OID = '1.3.6.1.4.1.57264.1.7';
function otherNameSan(cert) {
    try {
        return cert.extSubjectAltName?.otherName(OTHERNAME_USERNAME_OID);
    }
    catch {
        return undefined;
    }
}
function certificateIdentity(cert) {
    const id = {};
    const san = cert.extSubjectAltName;
    let sanValue;
    if (san?.uri)
        [sanValue, id.subjectAlternativeNameType] = [san.uri, 'uri'];
    else if (san?.rfc822Name)
        [sanValue, id.subjectAlternativeNameType] = [san.rfc822Name, 'email'];
    else {
        // Fulcio's username identities (docs/oid-info.md: 1.3.6.1.4.1.57264.1.7, an otherName SAN, UTF8String).
        const other = otherNameSan(cert);
        if (other)
            [sanValue, id.subjectAlternativeNameType] = [other, 'otherName'];
    }
    if (sanValue)
        id.subjectAlternativeName = sanValue;
    for (const [suffix, field] of Object.entries(V2)) {
        const v = v2Value(cert, BASE + suffix);
        if (v !== undefined)
            id[field] = v;
    }
    id.issuer ??= legacyValue(cert, `${BASE}1`);
    id.buildTrigger ??= legacyValue(cert, `${BASE}2`);
    id.sourceRepositoryDigest ??= legacyValue(cert, `${BASE}3`);
    const legacyRepo = legacyValue(cert, `${BASE}5`);
    if (legacyRepo && !id.sourceRepositoryUri)
        id.sourceRepositoryUri = `https://github.com/${legacyRepo}`;
    id.sourceRepositoryRef ??= legacyValue(cert, `${BASE}6`);
    // GitHub's SAN is the job workflow ref; older certificates have no 1.9.
    if (!id.buildSignerUri && id.issuer === 'https://token.actions.githubusercontent.com' && sanValue?.startsWith('https://'))
        id.buildSignerUri = sanValue;
    for (const k of Object.keys(id))
        if (id[k] === undefined)
            delete id[k];
    return id;
}

;// CONCATENATED MODULE: ../packages/verify/dist/bundle/identity-policy.js
/**
 * Identity policy: who must have signed. Exact SAN or a regular expression, the OIDC issuer, and the
 * GitHub certificate extensions. Each mismatch is reported with the expected and the actual value.
 */

const GITHUB = 'https://github.com/';
function asGithubUrl(v) {
    return v.startsWith('https://') ? v : `${GITHUB}${v.replace(/^github\.com\//, '')}`;
}
/** The reasons the identity does not satisfy the policy; empty when it does. */
function checkIdentity(policy, id) {
    const problems = [];
    const eq = (what, expected, actual) => {
        if (expected === undefined)
            return;
        if (actual !== expected)
            problems.push(`${what}: expected ${JSON.stringify(expected)}, the certificate has ${actual === undefined ? 'none' : JSON.stringify(actual)}`);
    };
    eq('certificate identity (SAN)', policy.subjectAlternativeName, id.subjectAlternativeName);
    if (policy.subjectAlternativeNameRegExp !== undefined) {
        const re = typeof policy.subjectAlternativeNameRegExp === 'string'
            ? // Linear time or refused (exit 2): a user's pattern never backtracks on a hostile SAN.
                (0,dist/* compileUserRegExp */.eO)(policy.subjectAlternativeNameRegExp, 'the certificate identity regular expression')
            : policy.subjectAlternativeNameRegExp;
        if (!id.subjectAlternativeName || !re.test(id.subjectAlternativeName)) {
            problems.push(`certificate identity (SAN) ${JSON.stringify(id.subjectAlternativeName ?? null)} does not match ${String(re)}`);
        }
    }
    if (policy.issuer === '') {
        if (id.issuer !== undefined)
            problems.push(`OIDC issuer: expected a certificate without one, the certificate has ${JSON.stringify(id.issuer)}`);
    }
    else
        eq('OIDC issuer', policy.issuer, id.issuer);
    eq('source repository', policy.sourceRepository === undefined ? undefined : asGithubUrl(policy.sourceRepository), id.sourceRepositoryUri);
    eq('source ref', policy.sourceRef, id.sourceRepositoryRef);
    eq('source commit', policy.sourceCommit?.toLowerCase(), id.sourceRepositoryDigest?.toLowerCase());
    eq('workflow (build config URI)', policy.workflowRef === undefined ? undefined : asGithubUrl(policy.workflowRef), id.buildConfigUri);
    eq('signer workflow (build signer URI)', policy.signerWorkflowRef === undefined ? undefined : asGithubUrl(policy.signerWorkflowRef), id.buildSignerUri);
    eq('runner environment', policy.runnerEnvironment, id.runnerEnvironment);
    eq('trigger', policy.trigger, id.buildTrigger);
    return problems;
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ../node_modules/@sigstore/protobuf-specs/dist/index.js
var protobuf_specs_dist = __webpack_require__(56736);
;// CONCATENATED MODULE: ../packages/verify/dist/trust/github-trusted-root.js
/**
 * GitHub's Sigstore instance (Fulcio at fulcio.githubapp.com and the timestamp authority at
 * timestamp.githubapp.com; no transparency log, no CT log): the trust root GitHub Artifact Attestations
 * of private repositories chain to. This is the trusted_root.json that GitHub serves over TUF from
 * tuf-repo.github.com (what `gh attestation trusted-root` prints), as recorded on 2025-12-20 in
 * github.com/letmehateu/automata-slsa-sigstore-verifier samples/trusted_root.jsonl (line 2) at commit
 * fa0e97a49e2d20d51fe6e638b1d4032e149e9380 (MIT). Certificates and validity windows are public facts;
 * they are copied, NOT verified over TUF here. The same data is kept as github-trusted-root.json.
 */
const GITHUB_TRUSTED_ROOT_SOURCE = 'GitHub trusted root (tuf-repo.github.com snapshot of 2025-12-20, not TUF-verified)';
/** When the snapshot was taken: its age is reported with every offline decision. */
const GITHUB_TRUSTED_ROOT_SNAPSHOT_DATE = '2025-12-20T00:00:00Z';
const GITHUB_TRUSTED_ROOT = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    certificateAuthorities: [
        {
            subject: {
                organization: 'GitHub, Inc.',
                commonName: 'Internal Services Root',
            },
            uri: 'fulcio.githubapp.com',
            certChain: {
                certificates: [
                    {
                        rawBytes: 'MIICKjCCAbCgAwIBAgIUW3TJVeOvr+NSvJXdOw8nEEn7HhQwCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZGdWxjaW8gSW50ZXJtZWRpYXRlIGwxMB4XDTIzMDkxMjE0MDY1NFoXDTI0MDkxMTE0MDY1NFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZGdWxjaW8gSW50ZXJtZWRpYXRlIGwyMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEsosodObhuHG6Pr5vp5y+pmnKawS1h2hwv3r3hBwqh3ZHJAw64mhDnDs9fw4jKkZEBYRSVyOHyZppz4day8hgpTIDwdj44Oan4RDb+wmj04jfhVLjLsQ4Q/X4K/ynRgNXo3sweTAOBgNVHQ8BAf8EBAMCAQYwEwYDVR0lBAwwCgYIKwYBBQUHAwMwEgYDVR0TAQH/BAgwBgEB/wIBADAdBgNVHQ4EFgQUm0vkDkQZ29hutYdayJobIRmf/iMwHwYDVR0jBBgwFoAUwOG4UqRLTz7eejgRBs9JjqFFmzMwCgYIKoZIzj0EAwMDaAAwZQIwIBl93E7vkWTvdeIm1WSIM4qNsj0ApE8LCj3k1vrY5x6/7yhAZs7QlO3/FBCoEeaZAjEAlJcNr37uZq9BYHODHBeO/gP+6EfbzsNaLV22ASBlhF/a9y83ESLuqCNN7IxGxmWT',
                    },
                    {
                        rawBytes: 'MIICFTCCAZugAwIBAgIUD3Jlqt4qhrcZI4UnGfPGrEq/pjQwCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDkxMTEyMDAwMFoXDTI4MDkwOTEyMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZGdWxjaW8gSW50ZXJtZWRpYXRlIGwxMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE7X7nK0wC7uEmDjW+on0sXIX3FacL3hhcrhneA+M/kl1OtvQiPmFrH9lbUQqOj/AfspJ8uGY3jaq8WuSg6ghatzYfuuzLAJIK4nGpCBafncF8EynOssPq64/Dz+JUWXqlo2YwZDAOBgNVHQ8BAf8EBAMCAQYwEgYDVR0TAQH/BAgwBgEB/wIBATAdBgNVHQ4EFgQUwOG4UqRLTz7eejgRBs9JjqFFmzMwHwYDVR0jBBgwFoAUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaAAwZQIxAI8HWLrke7uzhOpwlD1cNixPmoX9XFKe7bEPozo0D+vKi0Gt6VlC7xPedFIw4/AypAIwQP+FGRWvfx0IAH5/n0aRiN7/LVpyFA5RkJASZOVOib2Y8pNuhXa9V3ZbWO6v6kW/',
                    },
                    {
                        rawBytes: 'MIIB9TCCAXqgAwIBAgIUNFryA06EHDIcd5EIbe8swbl9OY4wCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDgwNzEyMDAwMFoXDTMzMDgwNDEyMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEXYaXx4H0oNuVP/2cfydA3oaafvvkkkgb5hbL8/j/BO25S7uTmDOCA5e4QLLWCKFuc+xp2j14tCH4WmHzMUDvf2tXtInVliY5wZgQMM9L6klo/IwA9x4omdcjnT+kKJAjo0UwQzAOBgNVHQ8BAf8EBAMCAQYwEgYDVR0TAQH/BAgwBgEB/wIBAjAdBgNVHQ4EFgQUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaQAwZgIxAPzXsV+eokrqOHSQZH/XhhHE1slOscKy3DQpYpYJ1AWmJ2lJu/XOmubBX5s7apllUwIxALw2Ts8CDACiK42UymC8fk6sbNfoXUAWqdyKTVt2Lst+wNdkRniGvx7jT65BKTkcsQ==',
                    },
                ],
            },
            validFor: {
                start: '2023-10-27T16:30:00Z',
                end: '2024-05-25T00:00:00Z',
            },
        },
        {
            subject: {
                organization: 'GitHub, Inc.',
                commonName: 'Internal Services Root',
            },
            uri: 'fulcio.githubapp.com',
            certChain: {
                certificates: [
                    {
                        rawBytes: 'MIICKzCCAbCgAwIBAgIUOpyw2HaZefsj/4SPXutGof8E2CkwCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZGdWxjaW8gSW50ZXJtZWRpYXRlIGwxMB4XDTI0MDUxMzAwMDAwMFoXDTI1MDUxMzAwMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZGdWxjaW8gSW50ZXJtZWRpYXRlIGwyMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEJNJWvW8fckfk/oQmh+qCeIlFXl9YLEkKSjZCgcVB92Fi1HQnvmpCiyqpvP91SmT1/G6QbrmTGV7MmIQlDnBWHNUT+jwZ3elGu/yfr/v8U0uhZTIli/BMj5Y4ICHK/j4do3sweTAOBgNVHQ8BAf8EBAMCAQYwEwYDVR0lBAwwCgYIKwYBBQUHAwMwEgYDVR0TAQH/BAgwBgEB/wIBADAdBgNVHQ4EFgQUD0fF3cs+ldPyiWohHJ3JmO91V7gwHwYDVR0jBBgwFoAUwOG4UqRLTz7eejgRBs9JjqFFmzMwCgYIKoZIzj0EAwMDaQAwZgIxAO7BRC9i7oGUHjjlcHU/bfqk2NLy7t6wm3K5W+jBLFbAj6sVjYcY+rrYhop/OjclbQIxALafBKLPIPjoCI29BUHwLBFP6e92ZlyaoFtoqccceXAevRaDjXFvb5+M7wnD6AuAJw==',
                    },
                    {
                        rawBytes: 'MIICFTCCAZugAwIBAgIUD3Jlqt4qhrcZI4UnGfPGrEq/pjQwCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDkxMTEyMDAwMFoXDTI4MDkwOTEyMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZGdWxjaW8gSW50ZXJtZWRpYXRlIGwxMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE7X7nK0wC7uEmDjW+on0sXIX3FacL3hhcrhneA+M/kl1OtvQiPmFrH9lbUQqOj/AfspJ8uGY3jaq8WuSg6ghatzYfuuzLAJIK4nGpCBafncF8EynOssPq64/Dz+JUWXqlo2YwZDAOBgNVHQ8BAf8EBAMCAQYwEgYDVR0TAQH/BAgwBgEB/wIBATAdBgNVHQ4EFgQUwOG4UqRLTz7eejgRBs9JjqFFmzMwHwYDVR0jBBgwFoAUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaAAwZQIxAI8HWLrke7uzhOpwlD1cNixPmoX9XFKe7bEPozo0D+vKi0Gt6VlC7xPedFIw4/AypAIwQP+FGRWvfx0IAH5/n0aRiN7/LVpyFA5RkJASZOVOib2Y8pNuhXa9V3ZbWO6v6kW/',
                    },
                    {
                        rawBytes: 'MIIB9TCCAXqgAwIBAgIUNFryA06EHDIcd5EIbe8swbl9OY4wCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDgwNzEyMDAwMFoXDTMzMDgwNDEyMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEXYaXx4H0oNuVP/2cfydA3oaafvvkkkgb5hbL8/j/BO25S7uTmDOCA5e4QLLWCKFuc+xp2j14tCH4WmHzMUDvf2tXtInVliY5wZgQMM9L6klo/IwA9x4omdcjnT+kKJAjo0UwQzAOBgNVHQ8BAf8EBAMCAQYwEgYDVR0TAQH/BAgwBgEB/wIBAjAdBgNVHQ4EFgQUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaQAwZgIxAPzXsV+eokrqOHSQZH/XhhHE1slOscKy3DQpYpYJ1AWmJ2lJu/XOmubBX5s7apllUwIxALw2Ts8CDACiK42UymC8fk6sbNfoXUAWqdyKTVt2Lst+wNdkRniGvx7jT65BKTkcsQ==',
                    },
                ],
            },
            validFor: {
                start: '2024-05-13T00:00:00Z',
                end: '2024-10-25T00:00:00Z',
            },
        },
        {
            subject: {
                organization: 'GitHub, Inc.',
                commonName: 'Internal Services Root',
            },
            uri: 'fulcio.githubapp.com',
            certChain: {
                certificates: [
                    {
                        rawBytes: 'MIICKzCCAbCgAwIBAgIUQeyd9UH06yZ63pDuqjgUZ58CnpMwCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZGdWxjaW8gSW50ZXJtZWRpYXRlIGwxMB4XDTI0MTAwMzEyMDAwMFoXDTI1MTAwMzEyMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZGdWxjaW8gSW50ZXJtZWRpYXRlIGwyMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEwvbET2w+j9j9j50iTInH1gb9GSXkpsCvWz5orX1zgme+/Qh/5gMkpfmgfOSLV2ZRgT1hzujYmnKQvP2mCxYnbwQELAkAf+VhEY/7Uw3zZvguGQSdF1cxzRHiMTOha5eFo3sweTAOBgNVHQ8BAf8EBAMCAQYwEwYDVR0lBAwwCgYIKwYBBQUHAwMwEgYDVR0TAQH/BAgwBgEB/wIBADAdBgNVHQ4EFgQUMib9z4ZYBcQANTVvVCa3KoTGbBUwHwYDVR0jBBgwFoAUwOG4UqRLTz7eejgRBs9JjqFFmzMwCgYIKoZIzj0EAwMDaQAwZgIxAPIU/zlJiJrxn6oTWNdEAD/YBSnhyxcvpq1D2DzFy8E8hbkEfMZPErYL7HyoL/BkdwIxAN9KDEKyktEUBrfHehfcLAzI2kERJx+8DSslXswOIbLaeqYfWsmrQAt5C0X/nOWxXA==',
                    },
                    {
                        rawBytes: 'MIICFTCCAZugAwIBAgIUD3Jlqt4qhrcZI4UnGfPGrEq/pjQwCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDkxMTEyMDAwMFoXDTI4MDkwOTEyMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZGdWxjaW8gSW50ZXJtZWRpYXRlIGwxMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE7X7nK0wC7uEmDjW+on0sXIX3FacL3hhcrhneA+M/kl1OtvQiPmFrH9lbUQqOj/AfspJ8uGY3jaq8WuSg6ghatzYfuuzLAJIK4nGpCBafncF8EynOssPq64/Dz+JUWXqlo2YwZDAOBgNVHQ8BAf8EBAMCAQYwEgYDVR0TAQH/BAgwBgEB/wIBATAdBgNVHQ4EFgQUwOG4UqRLTz7eejgRBs9JjqFFmzMwHwYDVR0jBBgwFoAUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaAAwZQIxAI8HWLrke7uzhOpwlD1cNixPmoX9XFKe7bEPozo0D+vKi0Gt6VlC7xPedFIw4/AypAIwQP+FGRWvfx0IAH5/n0aRiN7/LVpyFA5RkJASZOVOib2Y8pNuhXa9V3ZbWO6v6kW/',
                    },
                    {
                        rawBytes: 'MIIB9TCCAXqgAwIBAgIUNFryA06EHDIcd5EIbe8swbl9OY4wCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDgwNzEyMDAwMFoXDTMzMDgwNDEyMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEXYaXx4H0oNuVP/2cfydA3oaafvvkkkgb5hbL8/j/BO25S7uTmDOCA5e4QLLWCKFuc+xp2j14tCH4WmHzMUDvf2tXtInVliY5wZgQMM9L6klo/IwA9x4omdcjnT+kKJAjo0UwQzAOBgNVHQ8BAf8EBAMCAQYwEgYDVR0TAQH/BAgwBgEB/wIBAjAdBgNVHQ4EFgQUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaQAwZgIxAPzXsV+eokrqOHSQZH/XhhHE1slOscKy3DQpYpYJ1AWmJ2lJu/XOmubBX5s7apllUwIxALw2Ts8CDACiK42UymC8fk6sbNfoXUAWqdyKTVt2Lst+wNdkRniGvx7jT65BKTkcsQ==',
                    },
                ],
            },
            validFor: {
                start: '2024-10-07T00:00:00Z',
                end: '2025-06-19T00:00:00Z',
            },
        },
        {
            subject: {
                organization: 'GitHub, Inc.',
                commonName: 'Internal Services Root',
            },
            uri: 'fulcio.githubapp.com',
            certChain: {
                certificates: [
                    {
                        rawBytes: 'MIICKTCCAbCgAwIBAgIUU7Y2PESb8FK88XCRQvI2rKDB5skwCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZGdWxjaW8gSW50ZXJtZWRpYXRlIGwxMB4XDTI1MDUyNzAwMDAwMFoXDTI2MDUyNzAwMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZGdWxjaW8gSW50ZXJtZWRpYXRlIGwyMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEevMuOTGccTTXLu65xinRJP4gxkOemyAPCmUXEvhXKtLd+aDgN87PI0QxutOmPuQD2dLZVfxQmt5lvwJpUDIVYkKpH3mDxYbF6MJPMbq+A/EhkMaOS2+mcJRJdY2uam0Vo3sweTAOBgNVHQ8BAf8EBAMCAQYwEwYDVR0lBAwwCgYIKwYBBQUHAwMwEgYDVR0TAQH/BAgwBgEB/wIBADAdBgNVHQ4EFgQU8tE1L3b7FV3qJKzSqy1w97vPt6AwHwYDVR0jBBgwFoAUwOG4UqRLTz7eejgRBs9JjqFFmzMwCgYIKoZIzj0EAwMDZwAwZAIwSIsnfcDIvp+9SGBe9Es4xLDgZ6/B3wtODu+jtNUznQFPw1/WHa3iBMp3vYPkIqZDAjBBD4AKu166Hg7tDd5E8ckSCNNDkXD0Q7Xdl4yujgqv0goVMeOgRA1pKDGszhunjAQ=',
                    },
                    {
                        rawBytes: 'MIICFTCCAZugAwIBAgIUD3Jlqt4qhrcZI4UnGfPGrEq/pjQwCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDkxMTEyMDAwMFoXDTI4MDkwOTEyMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZGdWxjaW8gSW50ZXJtZWRpYXRlIGwxMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE7X7nK0wC7uEmDjW+on0sXIX3FacL3hhcrhneA+M/kl1OtvQiPmFrH9lbUQqOj/AfspJ8uGY3jaq8WuSg6ghatzYfuuzLAJIK4nGpCBafncF8EynOssPq64/Dz+JUWXqlo2YwZDAOBgNVHQ8BAf8EBAMCAQYwEgYDVR0TAQH/BAgwBgEB/wIBATAdBgNVHQ4EFgQUwOG4UqRLTz7eejgRBs9JjqFFmzMwHwYDVR0jBBgwFoAUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaAAwZQIxAI8HWLrke7uzhOpwlD1cNixPmoX9XFKe7bEPozo0D+vKi0Gt6VlC7xPedFIw4/AypAIwQP+FGRWvfx0IAH5/n0aRiN7/LVpyFA5RkJASZOVOib2Y8pNuhXa9V3ZbWO6v6kW/',
                    },
                    {
                        rawBytes: 'MIIB9TCCAXqgAwIBAgIUNFryA06EHDIcd5EIbe8swbl9OY4wCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDgwNzEyMDAwMFoXDTMzMDgwNDEyMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEXYaXx4H0oNuVP/2cfydA3oaafvvkkkgb5hbL8/j/BO25S7uTmDOCA5e4QLLWCKFuc+xp2j14tCH4WmHzMUDvf2tXtInVliY5wZgQMM9L6klo/IwA9x4omdcjnT+kKJAjo0UwQzAOBgNVHQ8BAf8EBAMCAQYwEgYDVR0TAQH/BAgwBgEB/wIBAjAdBgNVHQ4EFgQUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaQAwZgIxAPzXsV+eokrqOHSQZH/XhhHE1slOscKy3DQpYpYJ1AWmJ2lJu/XOmubBX5s7apllUwIxALw2Ts8CDACiK42UymC8fk6sbNfoXUAWqdyKTVt2Lst+wNdkRniGvx7jT65BKTkcsQ==',
                    },
                ],
            },
            validFor: {
                start: '2025-05-27T00:00:00Z',
                end: '2025-12-09T00:00:00Z',
            },
        },
        {
            subject: {
                organization: 'GitHub, Inc.',
                commonName: 'Internal Services Root',
            },
            uri: 'fulcio.githubapp.com',
            certChain: {
                certificates: [
                    {
                        rawBytes: 'MIICKjCCAbCgAwIBAgIUNansGfOzaol+jXgh/wsz0X36zTMwCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZGdWxjaW8gSW50ZXJtZWRpYXRlIGwxMB4XDTI1MTExMzAwMDAwMFoXDTI2MTExMzAwMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZGdWxjaW8gSW50ZXJtZWRpYXRlIGwyMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE24Un0srydTqXkWtrVrNdgPRNa1cCZqBRpFImYqItuVs/mszkn+RSlwcMzg/LwphU84qwA8Xv2z8ZaIETHspoQgMO4dP5zhJ5W8M+9crL1kR4Co2vS3TJZF9Qpsg+HiTro3sweTAOBgNVHQ8BAf8EBAMCAQYwEwYDVR0lBAwwCgYIKwYBBQUHAwMwEgYDVR0TAQH/BAgwBgEB/wIBADAdBgNVHQ4EFgQUGO6KtZB8c9gbXS2uNF3tXCtFNhEwHwYDVR0jBBgwFoAUwOG4UqRLTz7eejgRBs9JjqFFmzMwCgYIKoZIzj0EAwMDaAAwZQIxALmOdTRy/SiOc+QSf+eAPz24xWGhMryvNpyNvBZDeyqthC9KaMKmX+kHwJ0A6/bTXQIwE1mPbkH6tBXuWxlR/2Bj7UZ3MADlHSYGQUjpHMdQqJk17UVBywad5U6uA/f0pFdU',
                    },
                    {
                        rawBytes: 'MIICFTCCAZugAwIBAgIUD3Jlqt4qhrcZI4UnGfPGrEq/pjQwCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDkxMTEyMDAwMFoXDTI4MDkwOTEyMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZGdWxjaW8gSW50ZXJtZWRpYXRlIGwxMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE7X7nK0wC7uEmDjW+on0sXIX3FacL3hhcrhneA+M/kl1OtvQiPmFrH9lbUQqOj/AfspJ8uGY3jaq8WuSg6ghatzYfuuzLAJIK4nGpCBafncF8EynOssPq64/Dz+JUWXqlo2YwZDAOBgNVHQ8BAf8EBAMCAQYwEgYDVR0TAQH/BAgwBgEB/wIBATAdBgNVHQ4EFgQUwOG4UqRLTz7eejgRBs9JjqFFmzMwHwYDVR0jBBgwFoAUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaAAwZQIxAI8HWLrke7uzhOpwlD1cNixPmoX9XFKe7bEPozo0D+vKi0Gt6VlC7xPedFIw4/AypAIwQP+FGRWvfx0IAH5/n0aRiN7/LVpyFA5RkJASZOVOib2Y8pNuhXa9V3ZbWO6v6kW/',
                    },
                    {
                        rawBytes: 'MIIB9TCCAXqgAwIBAgIUNFryA06EHDIcd5EIbe8swbl9OY4wCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDgwNzEyMDAwMFoXDTMzMDgwNDEyMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEXYaXx4H0oNuVP/2cfydA3oaafvvkkkgb5hbL8/j/BO25S7uTmDOCA5e4QLLWCKFuc+xp2j14tCH4WmHzMUDvf2tXtInVliY5wZgQMM9L6klo/IwA9x4omdcjnT+kKJAjo0UwQzAOBgNVHQ8BAf8EBAMCAQYwEgYDVR0TAQH/BAgwBgEB/wIBAjAdBgNVHQ4EFgQUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaQAwZgIxAPzXsV+eokrqOHSQZH/XhhHE1slOscKy3DQpYpYJ1AWmJ2lJu/XOmubBX5s7apllUwIxALw2Ts8CDACiK42UymC8fk6sbNfoXUAWqdyKTVt2Lst+wNdkRniGvx7jT65BKTkcsQ==',
                    },
                ],
            },
            validFor: {
                start: '2025-11-13T00:00:00Z',
            },
        },
    ],
    timestampAuthorities: [
        {
            subject: {
                organization: 'GitHub, Inc.',
                commonName: 'Internal Services Root',
            },
            uri: 'timestamp.githubapp.com',
            certChain: {
                certificates: [
                    {
                        rawBytes: 'MIICHDCCAaGgAwIBAgIUNDVlmtZuvoujn4KwiC/oxIr8hxAwCgYIKoZIzj0EAwMwMjEVMBMGA1UEChMMR2l0SHViLCBJbmMuMRkwFwYDVQQDExBUU0EgaW50ZXJtZWRpYXRlMB4XDTIzMDgzMTEyMDAwMFoXDTI0MDgzMDEyMDAwMFowMjEVMBMGA1UEChMMR2l0SHViLCBJbmMuMRkwFwYDVQQDExBUU0EgVGltZXN0YW1waW5nMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEV/zJhNTdu0Fa9hGCUih/JvqEoE81tEWrAVwUXXhdRgIY9hIFErLhNo6sSOpV9d7Zuy0KWMHhcimCUr41a1732ByVRy3f+Z4QhqpsgFMh5b5J90HJLK7HOyUZjehAnvSno3gwdjAOBgNVHQ8BAf8EBAMCB4AwDAYDVR0TAQH/BAIwADAdBgNVHQ4EFgQUGwE6T5ZIh6lY9wP6vt42UHyVMewwHwYDVR0jBBgwFoAUdh+GTP65aetHLVLs9hdhGgDIKIwwFgYDVR0lAQH/BAwwCgYIKwYBBQUHAwgwCgYIKoZIzj0EAwMDaQAwZgIxAJo48LtrSsn0UmLtqGiUKg2EUvso+aDN5EyjpvMmobZ/Oq9zjnR7Of369hoABW4/1gIxANg5ZW4FqijhsXnA3md6jM9yLrLCI9QL+KnuZnXq6WgAcNQaAN7PNNjVDKV3iJEklw==',
                    },
                    {
                        rawBytes: 'MIICJDCCAaqgAwIBAgIUckXVHpiw7iJY1V/jY8LYLj5TgqAwCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDgwNzEyMDAwMFoXDTI4MDgwNTEyMDAwMFowMjEVMBMGA1UEChMMR2l0SHViLCBJbmMuMRkwFwYDVQQDExBUU0EgaW50ZXJtZWRpYXRlMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEISv96hTQ58QroEzzu4K+o9p8YkwDCBia2U7Y+VBNbOG/w1mLRibve9hSeUE1FSyLBMkiFSSm6MexcsbjyqOoNtRxuMinyYt6DSEox+/It2s/bTPyNAN0QP0DCQQOpnTZo3sweTAOBgNVHQ8BAf8EBAMCAQYwEwYDVR0lBAwwCgYIKwYBBQUHAwgwEgYDVR0TAQH/BAgwBgEB/wIBADAdBgNVHQ4EFgQUdh+GTP65aetHLVLs9hdhGgDIKIwwHwYDVR0jBBgwFoAUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaAAwZQIxAIhf+2E5W2yOb/fCDAjhL/G/jerf74M0tG/zyo32U2keawxkzZosDdwnPaHaGLynAQIwa8nr3en4fZz1AdOZm6nK5hr1qK2F94nifgnAJ/WeT0fZnK/oHan0R28x363qYuYH',
                    },
                    {
                        rawBytes: 'MIIB9TCCAXqgAwIBAgIUNFryA06EHDIcd5EIbe8swbl9OY4wCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDgwNzEyMDAwMFoXDTMzMDgwNDEyMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEXYaXx4H0oNuVP/2cfydA3oaafvvkkkgb5hbL8/j/BO25S7uTmDOCA5e4QLLWCKFuc+xp2j14tCH4WmHzMUDvf2tXtInVliY5wZgQMM9L6klo/IwA9x4omdcjnT+kKJAjo0UwQzAOBgNVHQ8BAf8EBAMCAQYwEgYDVR0TAQH/BAgwBgEB/wIBAjAdBgNVHQ4EFgQUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaQAwZgIxAPzXsV+eokrqOHSQZH/XhhHE1slOscKy3DQpYpYJ1AWmJ2lJu/XOmubBX5s7apllUwIxALw2Ts8CDACiK42UymC8fk6sbNfoXUAWqdyKTVt2Lst+wNdkRniGvx7jT65BKTkcsQ==',
                    },
                ],
            },
            validFor: {
                start: '2023-10-27T16:30:00Z',
                end: '2024-05-25T00:00:00Z',
            },
        },
        {
            subject: {
                organization: 'GitHub, Inc.',
                commonName: 'Internal Services Root',
            },
            uri: 'timestamp.githubapp.com',
            certChain: {
                certificates: [
                    {
                        rawBytes: 'MIICGzCCAaGgAwIBAgIUPPgn6ner1PU/75CQ+62fdBuazaAwCgYIKoZIzj0EAwMwMjEVMBMGA1UEChMMR2l0SHViLCBJbmMuMRkwFwYDVQQDExBUU0EgaW50ZXJtZWRpYXRlMB4XDTI0MDUxMzAwMDAwMFoXDTI1MDUxMzAwMDAwMFowMjEVMBMGA1UEChMMR2l0SHViLCBJbmMuMRkwFwYDVQQDExBUU0EgVGltZXN0YW1waW5nMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEA0pG1mAC4qafk1JJuOoIvhnMME9XmBDxjGFreDLnyzaexIzRw+UHUFy8C2gE6Me+0tIGQt4Ftbu66NGmfvBkR6boPMYQSU2O5X5ykZBm/9LR/Aqz0lgmBy/OlXvTJjglo3gwdjAOBgNVHQ8BAf8EBAMCB4AwDAYDVR0TAQH/BAIwADAdBgNVHQ4EFgQUDa4GVhd97Z2V8kiVl9DB0kC53CMwHwYDVR0jBBgwFoAUdh+GTP65aetHLVLs9hdhGgDIKIwwFgYDVR0lAQH/BAwwCgYIKwYBBQUHAwgwCgYIKoZIzj0EAwMDaAAwZQIwEQHd++b7IBAAuqT2/1i/wXf1WM2XrkFF6qd1c3kFcBVvdLQyJ5KoyNUHnfCCVJROAjEA+FoASOEcARlU6RqVcif9JthHwzh6nNwz0AfAHvO8xantN/7HjiLmFrFEGR/g0kN/',
                    },
                    {
                        rawBytes: 'MIICJDCCAaqgAwIBAgIUckXVHpiw7iJY1V/jY8LYLj5TgqAwCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDgwNzEyMDAwMFoXDTI4MDgwNTEyMDAwMFowMjEVMBMGA1UEChMMR2l0SHViLCBJbmMuMRkwFwYDVQQDExBUU0EgaW50ZXJtZWRpYXRlMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEISv96hTQ58QroEzzu4K+o9p8YkwDCBia2U7Y+VBNbOG/w1mLRibve9hSeUE1FSyLBMkiFSSm6MexcsbjyqOoNtRxuMinyYt6DSEox+/It2s/bTPyNAN0QP0DCQQOpnTZo3sweTAOBgNVHQ8BAf8EBAMCAQYwEwYDVR0lBAwwCgYIKwYBBQUHAwgwEgYDVR0TAQH/BAgwBgEB/wIBADAdBgNVHQ4EFgQUdh+GTP65aetHLVLs9hdhGgDIKIwwHwYDVR0jBBgwFoAUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaAAwZQIxAIhf+2E5W2yOb/fCDAjhL/G/jerf74M0tG/zyo32U2keawxkzZosDdwnPaHaGLynAQIwa8nr3en4fZz1AdOZm6nK5hr1qK2F94nifgnAJ/WeT0fZnK/oHan0R28x363qYuYH',
                    },
                    {
                        rawBytes: 'MIIB9TCCAXqgAwIBAgIUNFryA06EHDIcd5EIbe8swbl9OY4wCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDgwNzEyMDAwMFoXDTMzMDgwNDEyMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEXYaXx4H0oNuVP/2cfydA3oaafvvkkkgb5hbL8/j/BO25S7uTmDOCA5e4QLLWCKFuc+xp2j14tCH4WmHzMUDvf2tXtInVliY5wZgQMM9L6klo/IwA9x4omdcjnT+kKJAjo0UwQzAOBgNVHQ8BAf8EBAMCAQYwEgYDVR0TAQH/BAgwBgEB/wIBAjAdBgNVHQ4EFgQUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaQAwZgIxAPzXsV+eokrqOHSQZH/XhhHE1slOscKy3DQpYpYJ1AWmJ2lJu/XOmubBX5s7apllUwIxALw2Ts8CDACiK42UymC8fk6sbNfoXUAWqdyKTVt2Lst+wNdkRniGvx7jT65BKTkcsQ==',
                    },
                ],
            },
            validFor: {
                start: '2024-05-13T00:00:00Z',
                end: '2024-10-25T00:00:00Z',
            },
        },
        {
            subject: {
                organization: 'GitHub, Inc.',
                commonName: 'Internal Services Root',
            },
            uri: 'timestamp.githubapp.com',
            certChain: {
                certificates: [
                    {
                        rawBytes: 'MIICGzCCAaGgAwIBAgIUH7swiMTn+svhcDh80OeZccDTj7AwCgYIKoZIzj0EAwMwMjEVMBMGA1UEChMMR2l0SHViLCBJbmMuMRkwFwYDVQQDExBUU0EgaW50ZXJtZWRpYXRlMB4XDTI0MTAwNDEyMDAwMFoXDTI1MTAwNDEyMDAwMFowMjEVMBMGA1UEChMMR2l0SHViLCBJbmMuMRkwFwYDVQQDExBUU0EgVGltZXN0YW1waW5nMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEM7jdYNBTeD6hjym2/y73b50u2AFQsf8305Sr1NleOqamH9aWt6obhJQH3NoNUw9iFzHcDvafYWQFMu7SmOxS5n3aqwwfR8oJxKnEl36uCmGB+8TXS3B76SVTHEhG5rzOo3gwdjAOBgNVHQ8BAf8EBAMCB4AwDAYDVR0TAQH/BAIwADAdBgNVHQ4EFgQUQvz9YbWX3S6a+jruBkhRBiE2RCkwHwYDVR0jBBgwFoAUdh+GTP65aetHLVLs9hdhGgDIKIwwFgYDVR0lAQH/BAwwCgYIKwYBBQUHAwgwCgYIKoZIzj0EAwMDaAAwZQIxAI4dhu5iyx/g+z1vKAAWvHtebl1ZwsC+Vwgjm6Ttlq5yLNHHvYEnJ/h15Qv2IuXvdgIwZ8H/iy4lXsFJdFYSsB1/zavl24EgxSzxK/pCpihXMetYYDA/lX3xMyquisMx45rN',
                    },
                    {
                        rawBytes: 'MIICJDCCAaqgAwIBAgIUckXVHpiw7iJY1V/jY8LYLj5TgqAwCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDgwNzEyMDAwMFoXDTI4MDgwNTEyMDAwMFowMjEVMBMGA1UEChMMR2l0SHViLCBJbmMuMRkwFwYDVQQDExBUU0EgaW50ZXJtZWRpYXRlMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEISv96hTQ58QroEzzu4K+o9p8YkwDCBia2U7Y+VBNbOG/w1mLRibve9hSeUE1FSyLBMkiFSSm6MexcsbjyqOoNtRxuMinyYt6DSEox+/It2s/bTPyNAN0QP0DCQQOpnTZo3sweTAOBgNVHQ8BAf8EBAMCAQYwEwYDVR0lBAwwCgYIKwYBBQUHAwgwEgYDVR0TAQH/BAgwBgEB/wIBADAdBgNVHQ4EFgQUdh+GTP65aetHLVLs9hdhGgDIKIwwHwYDVR0jBBgwFoAUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaAAwZQIxAIhf+2E5W2yOb/fCDAjhL/G/jerf74M0tG/zyo32U2keawxkzZosDdwnPaHaGLynAQIwa8nr3en4fZz1AdOZm6nK5hr1qK2F94nifgnAJ/WeT0fZnK/oHan0R28x363qYuYH',
                    },
                    {
                        rawBytes: 'MIIB9TCCAXqgAwIBAgIUNFryA06EHDIcd5EIbe8swbl9OY4wCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDgwNzEyMDAwMFoXDTMzMDgwNDEyMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEXYaXx4H0oNuVP/2cfydA3oaafvvkkkgb5hbL8/j/BO25S7uTmDOCA5e4QLLWCKFuc+xp2j14tCH4WmHzMUDvf2tXtInVliY5wZgQMM9L6klo/IwA9x4omdcjnT+kKJAjo0UwQzAOBgNVHQ8BAf8EBAMCAQYwEgYDVR0TAQH/BAgwBgEB/wIBAjAdBgNVHQ4EFgQUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaQAwZgIxAPzXsV+eokrqOHSQZH/XhhHE1slOscKy3DQpYpYJ1AWmJ2lJu/XOmubBX5s7apllUwIxALw2Ts8CDACiK42UymC8fk6sbNfoXUAWqdyKTVt2Lst+wNdkRniGvx7jT65BKTkcsQ==',
                    },
                ],
            },
            validFor: {
                start: '2024-10-07T00:00:00Z',
                end: '2025-06-19T00:00:00Z',
            },
        },
        {
            subject: {
                organization: 'GitHub, Inc.',
                commonName: 'Internal Services Root',
            },
            uri: 'timestamp.githubapp.com',
            certChain: {
                certificates: [
                    {
                        rawBytes: 'MIICGzCCAaGgAwIBAgIUaaAaeAO3NzYXR/muq5YMnGY34IUwCgYIKoZIzj0EAwMwMjEVMBMGA1UEChMMR2l0SHViLCBJbmMuMRkwFwYDVQQDExBUU0EgaW50ZXJtZWRpYXRlMB4XDTI1MDUyNzAwMDAwMFoXDTI2MDUyNzAwMDAwMFowMjEVMBMGA1UEChMMR2l0SHViLCBJbmMuMRkwFwYDVQQDExBUU0EgVGltZXN0YW1waW5nMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEAjyAb+jWITMjkgbjWC02N05Zf5/kPs73ICf5/8lHSyHnoqqItP2z3fkMpWiRpelX8eIjzCjZ0Zht+DpGxtJUNh5jMa+fFv2qoDLGbnQ17DXKXCr9nWHF4vCMflHZK5JHo3gwdjAOBgNVHQ8BAf8EBAMCB4AwDAYDVR0TAQH/BAIwADAdBgNVHQ4EFgQUyvAcv8s1s37A/IWZAwdEptzjfWIwHwYDVR0jBBgwFoAUdh+GTP65aetHLVLs9hdhGgDIKIwwFgYDVR0lAQH/BAwwCgYIKwYBBQUHAwgwCgYIKoZIzj0EAwMDaAAwZQIwMnoHA4qDtR3eRohUIhvHGG70xT9XMfEnuj0kRvi9wu9VumL4pXqz1ktJgTBm6DrYAjEA5SYnRfUm2yAYmGEkJr9RvSCV9O7X+fL8KqfM4TOPrXJLMERQjhRXbWZ4DjxvifnF',
                    },
                    {
                        rawBytes: 'MIICJDCCAaqgAwIBAgIUckXVHpiw7iJY1V/jY8LYLj5TgqAwCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDgwNzEyMDAwMFoXDTI4MDgwNTEyMDAwMFowMjEVMBMGA1UEChMMR2l0SHViLCBJbmMuMRkwFwYDVQQDExBUU0EgaW50ZXJtZWRpYXRlMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEISv96hTQ58QroEzzu4K+o9p8YkwDCBia2U7Y+VBNbOG/w1mLRibve9hSeUE1FSyLBMkiFSSm6MexcsbjyqOoNtRxuMinyYt6DSEox+/It2s/bTPyNAN0QP0DCQQOpnTZo3sweTAOBgNVHQ8BAf8EBAMCAQYwEwYDVR0lBAwwCgYIKwYBBQUHAwgwEgYDVR0TAQH/BAgwBgEB/wIBADAdBgNVHQ4EFgQUdh+GTP65aetHLVLs9hdhGgDIKIwwHwYDVR0jBBgwFoAUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaAAwZQIxAIhf+2E5W2yOb/fCDAjhL/G/jerf74M0tG/zyo32U2keawxkzZosDdwnPaHaGLynAQIwa8nr3en4fZz1AdOZm6nK5hr1qK2F94nifgnAJ/WeT0fZnK/oHan0R28x363qYuYH',
                    },
                    {
                        rawBytes: 'MIIB9TCCAXqgAwIBAgIUNFryA06EHDIcd5EIbe8swbl9OY4wCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDgwNzEyMDAwMFoXDTMzMDgwNDEyMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEXYaXx4H0oNuVP/2cfydA3oaafvvkkkgb5hbL8/j/BO25S7uTmDOCA5e4QLLWCKFuc+xp2j14tCH4WmHzMUDvf2tXtInVliY5wZgQMM9L6klo/IwA9x4omdcjnT+kKJAjo0UwQzAOBgNVHQ8BAf8EBAMCAQYwEgYDVR0TAQH/BAgwBgEB/wIBAjAdBgNVHQ4EFgQUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaQAwZgIxAPzXsV+eokrqOHSQZH/XhhHE1slOscKy3DQpYpYJ1AWmJ2lJu/XOmubBX5s7apllUwIxALw2Ts8CDACiK42UymC8fk6sbNfoXUAWqdyKTVt2Lst+wNdkRniGvx7jT65BKTkcsQ==',
                    },
                ],
            },
            validFor: {
                start: '2025-05-27T00:00:00Z',
                end: '2025-12-09T00:00:00Z',
            },
        },
        {
            subject: {
                organization: 'GitHub, Inc.',
                commonName: 'Internal Services Root',
            },
            uri: 'timestamp.githubapp.com',
            certChain: {
                certificates: [
                    {
                        rawBytes: 'MIICGzCCAaGgAwIBAgIUHiljSG9Nx/Qf/gPpl7V1kyRh/jYwCgYIKoZIzj0EAwMwMjEVMBMGA1UEChMMR2l0SHViLCBJbmMuMRkwFwYDVQQDExBUU0EgaW50ZXJtZWRpYXRlMB4XDTI1MTExMzAwMDAwMFoXDTI2MTExMzAwMDAwMFowMjEVMBMGA1UEChMMR2l0SHViLCBJbmMuMRkwFwYDVQQDExBUU0EgVGltZXN0YW1waW5nMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEG1ZUJgbtNpInC7jR9hi4OMWK5yF5VeRpmCs6ADS5lx23MEHo3ek32O123e3YwH+J3F9Vbpd7ePQHnpdc6tsBcQ/y/NPw2Vf+VwMI/E35C5/3Y9A5kRXq9CFXC1bU6Fj6o3gwdjAOBgNVHQ8BAf8EBAMCB4AwDAYDVR0TAQH/BAIwADAdBgNVHQ4EFgQUXa9JaNrcN+1Je5aHEemVnH2XXtMwHwYDVR0jBBgwFoAUdh+GTP65aetHLVLs9hdhGgDIKIwwFgYDVR0lAQH/BAwwCgYIKwYBBQUHAwgwCgYIKoZIzj0EAwMDaAAwZQIwJyVOay8lriDg4Up0VFWc/o19mzuQeoEItzM2dG50eXF4KbPo9zfdviS3D6StPFRGAjEA5IHCXJ8qP8CsAsQmT3IPimUTAvDNJZI4GFIxs+od/R/EUHGu4NxuwPX3A1ZnJP7z',
                    },
                    {
                        rawBytes: 'MIICJDCCAaqgAwIBAgIUckXVHpiw7iJY1V/jY8LYLj5TgqAwCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDgwNzEyMDAwMFoXDTI4MDgwNTEyMDAwMFowMjEVMBMGA1UEChMMR2l0SHViLCBJbmMuMRkwFwYDVQQDExBUU0EgaW50ZXJtZWRpYXRlMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEISv96hTQ58QroEzzu4K+o9p8YkwDCBia2U7Y+VBNbOG/w1mLRibve9hSeUE1FSyLBMkiFSSm6MexcsbjyqOoNtRxuMinyYt6DSEox+/It2s/bTPyNAN0QP0DCQQOpnTZo3sweTAOBgNVHQ8BAf8EBAMCAQYwEwYDVR0lBAwwCgYIKwYBBQUHAwgwEgYDVR0TAQH/BAgwBgEB/wIBADAdBgNVHQ4EFgQUdh+GTP65aetHLVLs9hdhGgDIKIwwHwYDVR0jBBgwFoAUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaAAwZQIxAIhf+2E5W2yOb/fCDAjhL/G/jerf74M0tG/zyo32U2keawxkzZosDdwnPaHaGLynAQIwa8nr3en4fZz1AdOZm6nK5hr1qK2F94nifgnAJ/WeT0fZnK/oHan0R28x363qYuYH',
                    },
                    {
                        rawBytes: 'MIIB9TCCAXqgAwIBAgIUNFryA06EHDIcd5EIbe8swbl9OY4wCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDgwNzEyMDAwMFoXDTMzMDgwNDEyMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEXYaXx4H0oNuVP/2cfydA3oaafvvkkkgb5hbL8/j/BO25S7uTmDOCA5e4QLLWCKFuc+xp2j14tCH4WmHzMUDvf2tXtInVliY5wZgQMM9L6klo/IwA9x4omdcjnT+kKJAjo0UwQzAOBgNVHQ8BAf8EBAMCAQYwEgYDVR0TAQH/BAgwBgEB/wIBAjAdBgNVHQ4EFgQUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaQAwZgIxAPzXsV+eokrqOHSQZH/XhhHE1slOscKy3DQpYpYJ1AWmJ2lJu/XOmubBX5s7apllUwIxALw2Ts8CDACiK42UymC8fk6sbNfoXUAWqdyKTVt2Lst+wNdkRniGvx7jT65BKTkcsQ==',
                    },
                ],
            },
            validFor: {
                start: '2025-11-13T00:00:00Z',
            },
        },
    ],
};

;// CONCATENATED MODULE: ../packages/verify/dist/trust/github-tuf-root.js
/**
 * The TUF root (version 3) of GitHub's trust repository, tuf-repo.github.com, as embedded by the
 * GitHub CLI: github.com/cli/cli pkg/cmd/attestation/verification/embed/tuf-repo.github.com/root.json at
 * commit 44ee17760709bedf1cad7e452e61751489b81a33 (MIT). Public keys only; TUF rotates it forward on
 * the first online refresh, each new root signed by the previous one.
 */
const GITHUB_TUF_MIRROR = 'https://tuf-repo.github.com';
const GITHUB_TUF_ROOT = {
    signatures: [
        {
            keyid: '4f4d1dd75f2d7f3860e3a068d7bed90dec5f0faafcbe1ace7fb7d95d29e07228',
            sig: '',
        },
        {
            keyid: 'eb8eff37f93af2faaba519f341decec3cecd3eeafcace32966db9723842c8a62',
            sig: '',
        },
        {
            keyid: '539dde44014c850fe6eeb8b299eb7dae2e1f4bf83454b949e98aa73542cdc65a',
            sig: '',
        },
        {
            keyid: 'a10513a5ab61acd0c6b6fbe0504856ead18f3b17c4fabbe3fa848c79a5a187cf',
            sig: '3046022100ca341d3ba2ef7657d69c2825729959681f55aec497b612e81a547e2abb616b49022100cd605b412a3d991f92e0818e07e60383bbd23904723eec221d6e39fdfeae3104',
        },
        {
            keyid: '5e01c9a0b2641a8965a4a74e7df0bc7b2d8278a2c3ca0cf7a3f2f783d3c69800',
            sig: '3046022100d0f70effe60d6a18319e2890088cd01d45c654ee6d2ce1d5c3cdcf2dc7f637570221008f947a2d7334d948f1c4794b0a465f1dfb99a578dd8d1f4563cee0581f457db2',
        },
        {
            keyid: '54809115b40137aac01af4b7ac2408c77ea0d58fa4dad48fc3196497d2a26f44',
            sig: '304502201ae931db1c48020fb37af54d446ac856306f619dfc3f93ddcff70d2880e443dc022100992b70451aa74805adef24e85ec352e598812267f623979bd4ce719b66b62d22',
        },
        {
            keyid: '88737ccdac7b49cc237e9aaead81be2a40278b886a693d8149a19cf543f093d3',
            sig: '3045022023bba8e14c177609f43873aa0087ef983ddd2bad9a0a832c0cf279e1be8798f2022100facfaecc1d7ee793042eaaa6970fb9ca700c3bdbf4ee43ed0f8d0fc3aef96563',
        },
        {
            keyid: 'd6a89e23fb22801a0d1186bf1bdd007e228f65a8aa9964d24d06cb5fbb0ce91c',
            sig: '3046022100d2f6cceb05d135ce6a6ce7fe1dc76c24508154ad71c433028e64ca95ba716ffb022100f0592d60eb67508dd5f9cc593a4cca33bbaf94882c3d74a560fda845a456c6cc',
        },
        {
            keyid: '8b498a80a1b7af188c10c9abdf6aade81d14faaffcde2abcd6063baa673ebd12',
            sig: '30450221009af2f0c534ed92de909a3b727f7101319c18e10623de8f48a0eba980d3d54d830220095842b16c58567c71f9dfa0b54e79daca1b2fecf3cb2ea4ee6d8393bdf93294',
        },
    ],
    signed: {
        _type: 'root',
        consistent_snapshot: true,
        expires: '2025-04-11T14:36:57Z',
        keys: {
            '4f4d1dd75f2d7f3860e3a068d7bed90dec5f0faafcbe1ace7fb7d95d29e07228': {
                keytype: 'ecdsa',
                keyval: {
                    public: '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAENki7aZVips5SgRzCd/Om0CGzQKY/\nnv84giqVDmdwb2ys82Z6soFLasvYYEEQcwqaC170n9gr93wHUgPc796uJA==\n-----END PUBLIC KEY-----\n',
                },
                scheme: 'ecdsa-sha2-nistp256',
                'x-tuf-on-ci-keyowner': '@ashtom',
            },
            '539dde44014c850fe6eeb8b299eb7dae2e1f4bf83454b949e98aa73542cdc65a': {
                keytype: 'ecdsa',
                keyval: {
                    public: '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAElD0o2sOZN9n3RKQ7PtMLAoXj+2Ai\nn4PKT/pfnzDlNLrD3VTQwCc4sR4t+OLu4KQ+qk+kXkR9YuBsu3bdJZ1OWw==\n-----END PUBLIC KEY-----\n',
                },
                scheme: 'ecdsa-sha2-nistp256',
                'x-tuf-on-ci-keyowner': '@nerdneha',
            },
            '54809115b40137aac01af4b7ac2408c77ea0d58fa4dad48fc3196497d2a26f44': {
                keytype: 'ecdsa',
                keyval: {
                    public: '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEimKcdST+ORD+g0aGEFDOVZDAaIYg\nIgesNKiIe2L7MUsYx5UHhzQ08quvew13eYSCNJnfwooFZu7cdTu8AwqFjQ==\n-----END PUBLIC KEY-----\n',
                },
                scheme: 'ecdsa-sha2-nistp256',
                'x-tuf-on-ci-keyowner': '@alexiswales',
            },
            '88737ccdac7b49cc237e9aaead81be2a40278b886a693d8149a19cf543f093d3': {
                keytype: 'ecdsa',
                keyval: {
                    public: '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEBagkskNOpOTbetTX5CdnvMy+LiWn\nonRrNrqAHL4WgiebH7Uig7GLhC3bkeA/qgb926/vr9qhOPG9Buj2HatrPw==\n-----END PUBLIC KEY-----\n',
                },
                scheme: 'ecdsa-sha2-nistp256',
                'x-tuf-on-ci-keyowner': '@gregose',
            },
            '8b498a80a1b7af188c10c9abdf6aade81d14faaffcde2abcd6063baa673ebd12': {
                keytype: 'ecdsa',
                keyval: {
                    public: '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE7IEoVNwrprchXGhT5sAhSax7SOd3\n8duuISghCzfmHdKJWSbV2wJRamRiUVRtmA83K/qm5cT20WXMCT5QeM/D3A==\n-----END PUBLIC KEY-----\n',
                },
                scheme: 'ecdsa-sha2-nistp256',
                'x-tuf-on-ci-keyowner': '@trevrosen',
            },
            a10513a5ab61acd0c6b6fbe0504856ead18f3b17c4fabbe3fa848c79a5a187cf: {
                keytype: 'ecdsa',
                keyval: {
                    public: '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEC2wJ3xscyXxBLybJ9FVjwkyQMe53\nRHUz77AjMO8MzVaT8xw6ZvJqdNZiytYtigWULlINxw6frNsWJKb/f7lC8A==\n-----END PUBLIC KEY-----\n',
                },
                scheme: 'ecdsa-sha2-nistp256',
                'x-tuf-on-ci-keyowner': '@kommendorkapten',
            },
            d6a89e23fb22801a0d1186bf1bdd007e228f65a8aa9964d24d06cb5fbb0ce91c: {
                keytype: 'ecdsa',
                keyval: {
                    public: '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEDdORwcruW3gqAgaLjH/nNdGMB4kQ\nAvA+wD6DyO4P/wR8ee2ce83NZHq1ZADKhve0rlYKaKy3CqyQ5SmlZ36Zhw==\n-----END PUBLIC KEY-----\n',
                },
                scheme: 'ecdsa-sha2-nistp256',
                'x-tuf-on-ci-keyowner': '@krukow',
            },
            eb8eff37f93af2faaba519f341decec3cecd3eeafcace32966db9723842c8a62: {
                keytype: 'ecdsa',
                keyval: {
                    public: '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAENynVdQnM9h7xU71G7PiJpQaDemub\nkbjsjYwLlPJTQVuxQO8WeIpJf8MEh5rf01t2dDIuCsZ5gRx+QvDv0UzfsA==\n-----END PUBLIC KEY-----\n',
                },
                scheme: 'ecdsa-sha2-nistp256',
                'x-tuf-on-ci-keyowner': '@mph4',
            },
            eb9799b483affac9da87ef4c9ea467928415c961349e607e5e6e485679b07f8f: {
                keytype: 'ecdsa',
                keyval: {
                    public: '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAENKNcNcX+d73lS1TRFb9Vnp8JvOoh\nzYQ+in43iGenbG8RGo9L/6FJ2hoRbVU6xskvyuErcdPbCdI4GxrQ5i8hkw==\n-----END PUBLIC KEY-----\n',
                },
                scheme: 'ecdsa-sha2-nistp256',
                'x-tuf-on-ci-online-uri': 'azurekms://production-tuf-root.vault.azure.net/keys/Online-Key/aaf375fd8ed24acb949a5cc173700b05',
            },
        },
        roles: {
            root: {
                keyids: [
                    'a10513a5ab61acd0c6b6fbe0504856ead18f3b17c4fabbe3fa848c79a5a187cf',
                    '4f4d1dd75f2d7f3860e3a068d7bed90dec5f0faafcbe1ace7fb7d95d29e07228',
                    '88737ccdac7b49cc237e9aaead81be2a40278b886a693d8149a19cf543f093d3',
                    'd6a89e23fb22801a0d1186bf1bdd007e228f65a8aa9964d24d06cb5fbb0ce91c',
                    'eb8eff37f93af2faaba519f341decec3cecd3eeafcace32966db9723842c8a62',
                    '8b498a80a1b7af188c10c9abdf6aade81d14faaffcde2abcd6063baa673ebd12',
                    '539dde44014c850fe6eeb8b299eb7dae2e1f4bf83454b949e98aa73542cdc65a',
                    '54809115b40137aac01af4b7ac2408c77ea0d58fa4dad48fc3196497d2a26f44',
                ],
                threshold: 3,
            },
            snapshot: {
                keyids: ['eb9799b483affac9da87ef4c9ea467928415c961349e607e5e6e485679b07f8f'],
                threshold: 1,
                'x-tuf-on-ci-expiry-period': 21,
                'x-tuf-on-ci-signing-period': 7,
            },
            targets: {
                keyids: [
                    'a10513a5ab61acd0c6b6fbe0504856ead18f3b17c4fabbe3fa848c79a5a187cf',
                    '4f4d1dd75f2d7f3860e3a068d7bed90dec5f0faafcbe1ace7fb7d95d29e07228',
                    '88737ccdac7b49cc237e9aaead81be2a40278b886a693d8149a19cf543f093d3',
                    'd6a89e23fb22801a0d1186bf1bdd007e228f65a8aa9964d24d06cb5fbb0ce91c',
                    'eb8eff37f93af2faaba519f341decec3cecd3eeafcace32966db9723842c8a62',
                    '8b498a80a1b7af188c10c9abdf6aade81d14faaffcde2abcd6063baa673ebd12',
                    '539dde44014c850fe6eeb8b299eb7dae2e1f4bf83454b949e98aa73542cdc65a',
                    '54809115b40137aac01af4b7ac2408c77ea0d58fa4dad48fc3196497d2a26f44',
                ],
                threshold: 3,
            },
            timestamp: {
                keyids: ['eb9799b483affac9da87ef4c9ea467928415c961349e607e5e6e485679b07f8f'],
                threshold: 1,
                'x-tuf-on-ci-expiry-period': 7,
                'x-tuf-on-ci-signing-period': 6,
            },
        },
        spec_version: '1.0.31',
        version: 3,
        'x-tuf-on-ci-expiry-period': 240,
        'x-tuf-on-ci-signing-period': 60,
    },
};

;// CONCATENATED MODULE: ../packages/verify/dist/trust/public-good-trusted-root.js
/**
 * The Sigstore public-good trusted root (Fulcio CAs, Rekor and CT log keys, TSA), as shipped in the
 * `seeds.json` of @sigstore/tuf 5.0.1 (TUF root of tuf-repo-cdn.sigstore.dev). It is copied, NOT
 * verified over TUF here: offline we trust the npm package it came from. `loadTrustedRoot()`
 * fetches a TUF-verified copy when online. The same data is kept as public-good-trusted-root.json for
 * tools; regenerate both with `node packages/verify/src/trust/refresh-seed.mjs`.
 */
const PUBLIC_GOOD_TRUSTED_ROOT_SOURCE = '@sigstore/tuf@5.0.1 seeds.json (not TUF-verified)';
const PUBLIC_GOOD_TRUSTED_ROOT = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [
        {
            baseUrl: 'https://rekor.sigstore.dev',
            hashAlgorithm: 'SHA2_256',
            publicKey: {
                rawBytes: 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE2G2Y+2tabdTV5BcGiBIx0a9fAFwrkBbmLSGtks4L3qX6yYY0zufBnhC8Ur/iy55GhWP/9A/bY2LhC30M9+RYtw==',
                keyDetails: 'PKIX_ECDSA_P256_SHA_256',
                validFor: {
                    start: '2021-01-12T11:53:27Z',
                },
            },
            logId: {
                keyId: 'wNI9atQGlz+VWfO6LRygH4QUfY/8W4RFwiT5i5WRgB0=',
            },
        },
        {
            baseUrl: 'https://log2025-1.rekor.sigstore.dev',
            hashAlgorithm: 'SHA2_256',
            publicKey: {
                rawBytes: 'MCowBQYDK2VwAyEAt8rlp1knGwjfbcXAYPYAkn0XiLz1x8O4t0YkEhie244=',
                keyDetails: 'PKIX_ED25519',
                validFor: {
                    start: '2025-09-23T00:00:00Z',
                },
            },
            logId: {
                keyId: 'zxGZFVvd0FEmjR8WrFwMdcAJ9vtaY/QXf44Y1wUeP6A=',
            },
        },
    ],
    certificateAuthorities: [
        {
            subject: {
                organization: 'sigstore.dev',
                commonName: 'sigstore',
            },
            uri: 'https://fulcio.sigstore.dev',
            certChain: {
                certificates: [
                    {
                        rawBytes: 'MIIB+DCCAX6gAwIBAgITNVkDZoCiofPDsy7dfm6geLbuhzAKBggqhkjOPQQDAzAqMRUwEwYDVQQKEwxzaWdzdG9yZS5kZXYxETAPBgNVBAMTCHNpZ3N0b3JlMB4XDTIxMDMwNzAzMjAyOVoXDTMxMDIyMzAzMjAyOVowKjEVMBMGA1UEChMMc2lnc3RvcmUuZGV2MREwDwYDVQQDEwhzaWdzdG9yZTB2MBAGByqGSM49AgEGBSuBBAAiA2IABLSyA7Ii5k+pNO8ZEWY0ylemWDowOkNa3kL+GZE5Z5GWehL9/A9bRNA3RbrsZ5i0JcastaRL7Sp5fp/jD5dxqc/UdTVnlvS16an+2Yfswe/QuLolRUCrcOE2+2iA5+tzd6NmMGQwDgYDVR0PAQH/BAQDAgEGMBIGA1UdEwEB/wQIMAYBAf8CAQEwHQYDVR0OBBYEFMjFHQBBmiQpMlEk6w2uSu1KBtPsMB8GA1UdIwQYMBaAFMjFHQBBmiQpMlEk6w2uSu1KBtPsMAoGCCqGSM49BAMDA2gAMGUCMH8liWJfMui6vXXBhjDgY4MwslmN/TJxVe/83WrFomwmNf056y1X48F9c4m3a3ozXAIxAKjRay5/aj/jsKKGIkmQatjI8uupHr/+CxFvaJWmpYqNkLDGRU+9orzh5hI2RrcuaQ==',
                    },
                ],
            },
            validFor: {
                start: '2021-03-07T03:20:29Z',
                end: '2022-12-31T23:59:59.999Z',
            },
        },
        {
            subject: {
                organization: 'sigstore.dev',
                commonName: 'sigstore',
            },
            uri: 'https://fulcio.sigstore.dev',
            certChain: {
                certificates: [
                    {
                        rawBytes: 'MIICGjCCAaGgAwIBAgIUALnViVfnU0brJasmRkHrn/UnfaQwCgYIKoZIzj0EAwMwKjEVMBMGA1UEChMMc2lnc3RvcmUuZGV2MREwDwYDVQQDEwhzaWdzdG9yZTAeFw0yMjA0MTMyMDA2MTVaFw0zMTEwMDUxMzU2NThaMDcxFTATBgNVBAoTDHNpZ3N0b3JlLmRldjEeMBwGA1UEAxMVc2lnc3RvcmUtaW50ZXJtZWRpYXRlMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE8RVS/ysH+NOvuDZyPIZtilgUF9NlarYpAd9HP1vBBH1U5CV77LSS7s0ZiH4nE7Hv7ptS6LvvR/STk798LVgMzLlJ4HeIfF3tHSaexLcYpSASr1kS0N/RgBJz/9jWCiXno3sweTAOBgNVHQ8BAf8EBAMCAQYwEwYDVR0lBAwwCgYIKwYBBQUHAwMwEgYDVR0TAQH/BAgwBgEB/wIBADAdBgNVHQ4EFgQU39Ppz1YkEZb5qNjpKFWixi4YZD8wHwYDVR0jBBgwFoAUWMAeX5FFpWapesyQoZMi0CrFxfowCgYIKoZIzj0EAwMDZwAwZAIwPCsQK4DYiZYDPIaDi5HFKnfxXx6ASSVmERfsynYBiX2X6SJRnZU84/9DZdnFvvxmAjBOt6QpBlc4J/0DxvkTCqpclvziL6BCCPnjdlIB3Pu3BxsPmygUY7Ii2zbdCdliiow=',
                    },
                    {
                        rawBytes: 'MIIB9zCCAXygAwIBAgIUALZNAPFdxHPwjeDloDwyYChAO/4wCgYIKoZIzj0EAwMwKjEVMBMGA1UEChMMc2lnc3RvcmUuZGV2MREwDwYDVQQDEwhzaWdzdG9yZTAeFw0yMTEwMDcxMzU2NTlaFw0zMTEwMDUxMzU2NThaMCoxFTATBgNVBAoTDHNpZ3N0b3JlLmRldjERMA8GA1UEAxMIc2lnc3RvcmUwdjAQBgcqhkjOPQIBBgUrgQQAIgNiAAT7XeFT4rb3PQGwS4IajtLk3/OlnpgangaBclYpsYBr5i+4ynB07ceb3LP0OIOZdxexX69c5iVuyJRQ+Hz05yi+UF3uBWAlHpiS5sh0+H2GHE7SXrk1EC5m1Tr19L9gg92jYzBhMA4GA1UdDwEB/wQEAwIBBjAPBgNVHRMBAf8EBTADAQH/MB0GA1UdDgQWBBRYwB5fkUWlZql6zJChkyLQKsXF+jAfBgNVHSMEGDAWgBRYwB5fkUWlZql6zJChkyLQKsXF+jAKBggqhkjOPQQDAwNpADBmAjEAj1nHeXZp+13NWBNa+EDsDP8G1WWg1tCMWP/WHPqpaVo0jhsweNFZgSs0eE7wYI4qAjEA2WB9ot98sIkoF3vZYdd3/VtWB5b9TNMea7Ix/stJ5TfcLLeABLE4BNJOsQ4vnBHJ',
                    },
                ],
            },
            validFor: {
                start: '2022-04-13T20:06:15Z',
            },
        },
    ],
    ctlogs: [
        {
            baseUrl: 'https://ctfe.sigstore.dev/test',
            hashAlgorithm: 'SHA2_256',
            publicKey: {
                rawBytes: 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEbfwR+RJudXscgRBRpKX1XFDy3PyudDxz/SfnRi1fT8ekpfBd2O1uoz7jr3Z8nKzxA69EUQ+eFCFI3zeubPWU7w==',
                keyDetails: 'PKIX_ECDSA_P256_SHA_256',
                validFor: {
                    start: '2021-03-14T00:00:00Z',
                    end: '2022-10-31T23:59:59.999Z',
                },
            },
            logId: {
                keyId: 'CGCS8ChS/2hF0dFrJ4ScRWcYrBY9wzjSbea8IgY2b3I=',
            },
        },
        {
            baseUrl: 'https://ctfe.sigstore.dev/2022',
            hashAlgorithm: 'SHA2_256',
            publicKey: {
                rawBytes: 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEiPSlFi0CmFTfEjCUqF9HuCEcYXNKAaYalIJmBZ8yyezPjTqhxrKBpMnaocVtLJBI1eM3uXnQzQGAJdJ4gs9Fyw==',
                keyDetails: 'PKIX_ECDSA_P256_SHA_256',
                validFor: {
                    start: '2022-10-20T00:00:00Z',
                },
            },
            logId: {
                keyId: '3T0wasbHETJjGR4cmWc3AqJKXrjePK3/h4pygC8p7o4=',
            },
        },
    ],
    timestampAuthorities: [
        {
            subject: {
                organization: 'sigstore.dev',
                commonName: 'sigstore-tsa-selfsigned',
            },
            uri: 'https://timestamp.sigstore.dev/api/v1/timestamp',
            certChain: {
                certificates: [
                    {
                        rawBytes: 'MIICEDCCAZagAwIBAgIUOhNULwyQYe68wUMvy4qOiyojiwwwCgYIKoZIzj0EAwMwOTEVMBMGA1UEChMMc2lnc3RvcmUuZGV2MSAwHgYDVQQDExdzaWdzdG9yZS10c2Etc2VsZnNpZ25lZDAeFw0yNTA0MDgwNjU5NDNaFw0zNTA0MDYwNjU5NDNaMC4xFTATBgNVBAoTDHNpZ3N0b3JlLmRldjEVMBMGA1UEAxMMc2lnc3RvcmUtdHNhMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE4ra2Z8hKNig2T9kFjCAToGG30jky+WQv3BzL+mKvh1SKNR/UwuwsfNCg4sryoYAd8E6isovVA3M4aoNdm9QDi50Z8nTEyvqgfDPtTIwXItfiW/AFf1V7uwkbkAoj0xxco2owaDAOBgNVHQ8BAf8EBAMCB4AwHQYDVR0OBBYEFIn9eUOHz9BlRsMCRscsc1t9tOsDMB8GA1UdIwQYMBaAFJjsAe9/u1H/1JUeb4qImFMHic6/MBYGA1UdJQEB/wQMMAoGCCsGAQUFBwMIMAoGCCqGSM49BAMDA2gAMGUCMDtpsV/6KaO0qyF/UMsX2aSUXKQFdoGTptQGc0ftq1csulHPGG6dsmyMNd3JB+G3EQIxAOajvBcjpJmKb4Nv+2Taoj8Uc5+b6ih6FXCCKraSqupe07zqswMcXJTe1cExvHvvlw==',
                    },
                    {
                        rawBytes: 'MIIB9zCCAXygAwIBAgIUV7f0GLDOoEzIh8LXSW80OJiUp14wCgYIKoZIzj0EAwMwOTEVMBMGA1UEChMMc2lnc3RvcmUuZGV2MSAwHgYDVQQDExdzaWdzdG9yZS10c2Etc2VsZnNpZ25lZDAeFw0yNTA0MDgwNjU5NDNaFw0zNTA0MDYwNjU5NDNaMDkxFTATBgNVBAoTDHNpZ3N0b3JlLmRldjEgMB4GA1UEAxMXc2lnc3RvcmUtdHNhLXNlbGZzaWduZWQwdjAQBgcqhkjOPQIBBgUrgQQAIgNiAAQUQNtfRT/ou3YATa6wB/kKTe70cfJwyRIBovMnt8RcJph/COE82uyS6FmppLLL1VBPGcPfpQPYJNXzWwi8icwhKQ6W/Qe2h3oebBb2FHpwNJDqo+TMaC/tdfkv/ElJB72jRTBDMA4GA1UdDwEB/wQEAwIBBjASBgNVHRMBAf8ECDAGAQH/AgEAMB0GA1UdDgQWBBSY7AHvf7tR/9SVHm+KiJhTB4nOvzAKBggqhkjOPQQDAwNpADBmAjEAwGEGrfGZR1cen1R8/DTVMI943LssZmJRtDp/i7SfGHmGRP6gRbuj9vOK3b67Z0QQAjEAuT2H673LQEaHTcyQSZrkp4mX7WwkmF+sVbkYY5mXN+RMH13KUEHHOqASaemYWK/E',
                    },
                ],
            },
            validFor: {
                start: '2025-07-04T00:00:00Z',
            },
        },
    ],
};

;// CONCATENATED MODULE: ../packages/verify/dist/bundle/trusted-root.js
/**
 * Trust material. By default two Sigstore instances, chosen per bundle by the certificate chain:
 * the public-good instance (Fulcio, Rekor, CT logs, TSA) and GitHub's (Fulcio at fulcio.githubapp.com
 * and a TSA, no transparency or CT log), each refreshed over TUF with @sigstore/tuf when online
 * (cached; TUF honours every metadata expiry) and otherwise taken from the snapshot shipped with the
 * tool, whose age is reported. A `--trusted-root FILE` replaces both. Built once per process.
 */








function parseTrustedRoot(json, source) {
    if (!json || typeof json !== 'object' || Array.isArray(json)) {
        throw new dist/* ConfigurationError */.j1('a trusted root must be a JSON object', { location: { file: source } });
    }
    const media = json.mediaType;
    if (typeof media !== 'string' || !media.startsWith('application/vnd.dev.sigstore.trustedroot')) {
        throw new dist/* ConfigurationError */.j1(`not a Sigstore trusted root (mediaType ${JSON.stringify(media)})`, { location: { file: source } });
    }
    const missing = missingValidityStarts(json);
    if (missing.length > 0) {
        // A missing bound must not widen trust to "always" (sigstore-conformance
        // trust-root-tlog-missing-validity-start): the spec makes `start` required.
        throw new dist/* ConfigurationError */.j1(`the trusted root is malformed: ${missing.join(', ')} ha${missing.length === 1 ? 's' : 've'} no validFor.start`, {
            location: { file: source },
        });
    }
    let root;
    try {
        root = protobuf_specs_dist.TrustedRoot.fromJSON(json);
    }
    catch (e) {
        throw new dist/* ConfigurationError */.j1(`the trusted root cannot be read: ${e instanceof Error ? e.message : String(e)}`, {
            location: { file: source },
            cause: e,
        });
    }
    return { root, source };
}
function missingValidityStarts(json) {
    const out = [];
    const list = (v) => (Array.isArray(v) ? v : []);
    const hasStart = (v) => typeof v?.start === 'string';
    for (const field of ['tlogs', 'ctlogs']) {
        list(json[field]).forEach((log, i) => {
            if (!hasStart(log.publicKey?.validFor))
                out.push(`${field}[${i}].publicKey`);
        });
    }
    for (const field of ['certificateAuthorities', 'timestampAuthorities']) {
        list(json[field]).forEach((ca, i) => {
            if (!hasStart(ca.validFor))
                out.push(`${field}[${i}]`);
        });
    }
    return out;
}
/** The shipped public-good snapshot alone (tests, and the base of the default set). */
function publicGoodTrustedRoot() {
    return { ...parseTrustedRoot(PUBLIC_GOOD_TRUSTED_ROOT, PUBLIC_GOOD_TRUSTED_ROOT_SOURCE), instance: 'public-good' };
}
/** The shipped GitHub snapshot alone. */
function githubTrustedRoot(now = new Date()) {
    const age = now.getTime() - Date.parse(GITHUB_TRUSTED_ROOT_SNAPSHOT_DATE);
    return {
        ...parseTrustedRoot(GITHUB_TRUSTED_ROOT, `${GITHUB_TRUSTED_ROOT_SOURCE}, ${(0,dist/* humanAge */.DZ)(Math.max(0, age))} old`),
        instance: 'github',
    };
}
/** The default set offline: public-good with GitHub's instance beside it, both from the shipped snapshots. */
function embeddedTrustedRoots(now = new Date()) {
    const pg = publicGoodTrustedRoot();
    const gh = githubTrustedRoot(now);
    return { ...pg, source: `${pg.source}; ${gh.source}`, companions: [gh] };
}
/** Every root of a loaded set, primary first. */
function allRoots(loaded) {
    return [loaded, ...(loaded.companions ?? [])];
}
function trustUpdateFromEnv() {
    const v = process.env.SECURE_FACTORY_TRUST_UPDATE;
    return v === 'off' || v === 'require' || v === 'auto' ? v : 'auto';
}
function defaultCacheDir() {
    const fromEnv = process.env.SECURE_FACTORY_TUF_CACHE;
    if (fromEnv)
        return fromEnv;
    const xdg = process.env.XDG_CACHE_HOME;
    const home = (0,external_node_os_.homedir)();
    return external_node_path_.join(xdg || (home ? external_node_path_.join(home, '.cache') : (0,external_node_os_.tmpdir)()), 'secure-factory', 'tuf');
}
/**
 * A TUF-verified trusted root from `mirror`, cached under `cacheDir`: the cached metadata is used
 * while TUF says it is current, and refreshed (root rotation, timestamp, snapshot, targets — each
 * checked for signatures, thresholds, versions and expiry by tuf-js) otherwise.
 */
async function fetchTrustedRootOverTuf(options) {
    const tuf = await __webpack_require__.e(/* import() */ 958).then(__webpack_require__.t.bind(__webpack_require__, 43273, 19));
    let rootPath;
    if (options.rootJson !== undefined) {
        (0,external_node_fs_.mkdirSync)(options.cacheDir, { recursive: true });
        rootPath = external_node_path_.join(options.cacheDir, `${new URL(options.mirror).host.replace(/[^A-Za-z0-9.-]/g, '_')}.seed-root.json`);
        (0,external_node_fs_.writeFileSync)(rootPath, JSON.stringify(options.rootJson));
    }
    // forceCache: the cached metadata answers while TUF says it is current (tuf-js checks each role's
    // expiry and falls back to the mirror when any has expired or is missing).
    return tuf.getTrustedRoot({
        mirrorURL: options.mirror,
        cachePath: options.cacheDir,
        ...(rootPath ? { rootPath } : {}),
        forceCache: true,
        retry: false,
        timeout: options.timeoutMs ?? 5000,
    });
}
function oneLine(e) {
    const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : undefined;
    const msg = `${e instanceof Error ? e.message : String(e)}${cause ? ` (${cause})` : ''}`;
    return msg.split('\n')[0]?.slice(0, 200) ?? 'unknown error';
}
/**
 * The trust roots to verify with: `file` alone when given (as before); otherwise public-good and
 * GitHub's, each over TUF when `update` allows and it answers, else the shipped snapshot with its age.
 */
async function loadTrustedRoot(file, options = {}) {
    if (file)
        return loadTrustedRootFile(file);
    const update = options.update ?? trustUpdateFromEnv();
    const now = options.now ?? new Date();
    const embedded = embeddedTrustedRoots(now);
    if (update === 'off')
        return embedded;
    const cacheDir = options.cacheDir ?? defaultCacheDir();
    const readRoot = async (mirror, rootFile, rootJson) => fetchTrustedRootOverTuf({
        mirror,
        cacheDir,
        ...(rootFile ? { rootJson: await (0,dist/* readJsonFile */.JE)(rootFile) } : rootJson !== undefined ? { rootJson } : {}),
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    });
    const pgMirror = options.publicGoodMirror ?? 'https://tuf-repo-cdn.sigstore.dev';
    const ghMirror = options.githubMirror ?? GITHUB_TUF_MIRROR;
    const [pg, gh] = await Promise.allSettled([
        readRoot(pgMirror, options.publicGoodTufRoot, undefined),
        readRoot(ghMirror, options.githubTufRoot, GITHUB_TUF_ROOT),
    ]);
    if (update === 'require') {
        const failed = [
            pg.status === 'rejected' ? `${pgMirror}: ${oneLine(pg.reason)}` : '',
            gh.status === 'rejected' ? `${ghMirror}: ${oneLine(gh.reason)}` : '',
        ]
            .filter(Boolean)
            .join('; ');
        if (failed)
            throw new dist/* InfrastructureError */.EN(`cannot refresh the trusted roots over TUF: ${failed}`);
    }
    const [embeddedGh] = embedded.companions ?? [];
    const primary = pg.status === 'fulfilled'
        ? { root: pg.value, source: `public-good over TUF (${pgMirror}), verified`, instance: 'public-good' }
        : { ...embedded, companions: [], source: `${embedded.source.split('; ')[0] ?? ''} — TUF unreachable (${oneLine(pg.reason)})` };
    const github = gh.status === 'fulfilled'
        ? { root: gh.value, source: `GitHub over TUF (${ghMirror}), verified`, instance: 'github' }
        : {
            ...embeddedGh,
            source: `${embeddedGh.source} — TUF unreachable (${oneLine(gh.reason)})`,
        };
    return { ...primary, source: `${primary.source}; ${github.source}`, companions: [github] };
}
/**
 * A `--trusted-root` file: one trusted root (JSON), or JSON lines of them as `gh attestation
 * trusted-root` prints (public-good and GitHub's): the first is primary, each bundle is checked
 * against the one its certificate chains to.
 */
async function loadTrustedRootFile(file) {
    const text = (0,dist/* decodeUtf8 */._6)(await (0,dist/* readRegularFile */.XF)(file, { maxBytes: 16 * 1024 * 1024, what: 'trusted root', within: '/' }), file, 'trusted root');
    let docs;
    try {
        docs = [JSON.parse(text)];
    }
    catch {
        const lines = text.split('\n').filter((l) => l.trim() !== '');
        docs = lines.map((l, i) => {
            try {
                return JSON.parse(l);
            }
            catch {
                throw new dist/* ConfigurationError */.j1(`line ${i + 1} is not JSON: a trusted root file is one JSON document or JSON lines of them`, {
                    location: { file, line: i + 1 },
                    hint: 'save it as `gh attestation trusted-root` prints it (one root per line), or give one JSON document',
                });
            }
        });
        if (docs.length === 0)
            throw new dist/* ConfigurationError */.j1('the trusted root file is empty', { location: { file } });
    }
    const roots = docs.map((d, i) => ({
        ...parseTrustedRoot(d, docs.length > 1 ? `${file}:${i + 1}` : file),
        instance: 'file',
    }));
    const [first, ...rest] = roots;
    return rest.length > 0 ? { ...first, source: `${file} (${roots.length} trusted roots)`, companions: rest } : first;
}

// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(98995);
// EXTERNAL MODULE: ../node_modules/@sigstore/bundle/dist/index.js
var bundle_dist = __webpack_require__(83178);
// EXTERNAL MODULE: ../node_modules/@sigstore/core/dist/index.js
var core_dist = __webpack_require__(42987);
// EXTERNAL MODULE: ../node_modules/@sigstore/verify/dist/index.js
var verify_dist = __webpack_require__(43665);
// EXTERNAL MODULE: ../node_modules/@noble/curves/nist.js + 10 modules
var nist = __webpack_require__(32794);
;// CONCATENATED MODULE: ../packages/verify/dist/bundle/claims.js
const obj = (v) => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});
const str = (v) => (typeof v === 'string' && v !== '' ? v : undefined);
function repoFromUri(uri) {
    if (!uri)
        return {};
    const m = /^(?:git\+)?https:\/\/github\.com\/([^/@]+\/[^/@]+?)(?:\.git)?(?:@(.+))?$/.exec(uri);
    if (!m?.[1])
        return {};
    return { repository: m[1], ...(m[2] ? { ref: m[2] } : {}) };
}
/** Reads SLSA v0.2 and v1 provenance (GitHub workflow build types and ours) into one shape. */
function provenanceClaims(statement) {
    const p = obj(statement.predicate);
    const out = {};
    if (statement.predicateType === 'https://slsa.dev/provenance/v0.2') {
        const invocation = obj(p.invocation);
        const config = obj(invocation.configSource);
        const fromUri = repoFromUri(str(config.uri));
        Object.assign(out, fromUri);
        out.commit = str(obj(config.digest).sha1);
        out.workflowPath = str(config.entryPoint);
        out.builderId = str(obj(p.builder).id);
        out.buildType = str(p.buildType);
        const env = obj(invocation.environment);
        const payload = obj(env.github_event_payload);
        const inputs = obj(payload.inputs);
        const params = obj(obj(invocation.parameters).inputs);
        out.inputs = Object.keys(params).length > 0 ? params : inputs;
        if (!out.repository)
            out.repository = str(env.github_repository);
        if (!out.commit)
            out.commit = str(env.github_sha1);
        if (!out.ref)
            out.ref = str(env.github_ref);
    }
    else if (statement.predicateType === 'https://slsa.dev/provenance/v1') {
        const def = obj(p.buildDefinition);
        const ext = obj(def.externalParameters);
        const internal = obj(def.internalParameters);
        const workflow = obj(ext.workflow);
        out.buildType = str(def.buildType);
        out.builderId = str(obj(obj(p.runDetails).builder).id);
        const repoField = str(workflow.repository);
        if (repoField)
            Object.assign(out, repoFromUri(repoField.startsWith('https://') ? repoField : `https://github.com/${repoField}`));
        out.ref = str(workflow.ref) ?? out.ref;
        out.workflowPath = str(workflow.path);
        const deps = Array.isArray(def.resolvedDependencies) ? def.resolvedDependencies : [];
        for (const d of deps) {
            const dep = obj(d);
            const commit = str(obj(dep.digest).gitCommit) ?? str(obj(dep.digest).sha1);
            const fromDep = repoFromUri(str(dep.uri));
            if (commit && fromDep.repository && (!out.repository || fromDep.repository.toLowerCase() === out.repository.toLowerCase())) {
                out.commit = commit;
                out.repository ??= fromDep.repository;
                out.ref ??= fromDep.ref;
                break;
            }
        }
        const inputs = obj(ext.inputs);
        out.inputs = Object.keys(inputs).length > 0 ? inputs : obj(obj(obj(internal.github).event_payload).inputs);
        const gh = obj(internal.github);
        if (!out.repository && str(gh.repository))
            out.repository = str(gh.repository);
    }
    else {
        return undefined;
    }
    for (const k of Object.keys(out))
        if (out[k] === undefined)
            delete out[k];
    return out;
}
/** Disagreements between the provenance and the certificate; empty when they agree (or say nothing). */
function claims_checkClaimsAgainstCertificate(statement, id) {
    const claims = provenanceClaims(statement);
    if (!claims)
        return [];
    const problems = [];
    const certRepo = repoFromUri(id.sourceRepositoryUri).repository;
    if (claims.repository && certRepo && claims.repository.toLowerCase() !== certRepo.toLowerCase()) {
        problems.push(`the provenance names repository ${claims.repository} but the certificate was issued to ${certRepo}`);
    }
    if (claims.commit && id.sourceRepositoryDigest && claims.commit.toLowerCase() !== id.sourceRepositoryDigest.toLowerCase()) {
        problems.push(`the provenance names commit ${claims.commit} but the certificate's is ${id.sourceRepositoryDigest}`);
    }
    if (claims.workflowPath && id.buildConfigUri) {
        const m = /^https:\/\/github\.com\/[^/]+\/[^/]+\/(.+?)@(.+)$/.exec(id.buildConfigUri);
        if (m?.[1] && m[1] !== claims.workflowPath.replace(/^\.\//, '')) {
            problems.push(`the provenance names workflow ${claims.workflowPath} but the certificate's build config is ${id.buildConfigUri}`);
        }
    }
    if (claims.ref && id.sourceRepositoryRef && claims.ref !== id.sourceRepositoryRef) {
        problems.push(`the provenance names ref ${claims.ref} but the certificate's is ${id.sourceRepositoryRef}`);
    }
    return problems;
}

;// CONCATENATED MODULE: ../packages/verify/dist/bundle/shape.js
/** Protobuf JSON writes an absent field as null too. */
const absent = (v) => v === undefined || v === null;
const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
function problem(code, path, what) {
    return { code, reason: `the bundle's ${path} ${what}` };
}
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;
function checkString(v, path, opts = {}) {
    if (absent(v))
        return opts.required === false ? undefined : problem('MALFORMED', path, 'is missing');
    if (typeof v !== 'string')
        return problem('MALFORMED', path, `must be a string, not ${kind(v)}`);
    if (opts.base64 && !BASE64.test(v.replace(/\s+/g, '')))
        return problem('MALFORMED', path, 'is not base64');
    return undefined;
}
function kind(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'a list';
    return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}
function checkTlogEntry(e, path) {
    if (!isObj(e))
        return problem('TRANSPARENCY_LOG', path, `must be an object, not ${kind(e)}`);
    for (const f of ['logIndex', 'integratedTime']) {
        const v = e[f];
        if (!absent(v) && typeof v !== 'string' && typeof v !== 'number')
            return problem('TRANSPARENCY_LOG', `${path}.${f}`, `must be a number, not ${kind(v)}`);
        if (typeof v === 'string' && !/^-?[0-9]+$/.test(v))
            return problem('TRANSPARENCY_LOG', `${path}.${f}`, 'is not an integer');
    }
    if (!isObj(e.logId))
        return problem('TRANSPARENCY_LOG', `${path}.logId`, absent(e.logId) ? 'is missing' : 'must be an object');
    const keyId = checkString(e.logId.keyId, `${path}.logId.keyId`, { base64: true });
    if (keyId)
        return { ...keyId, code: 'TRANSPARENCY_LOG' };
    if (!isObj(e.kindVersion))
        return problem('TRANSPARENCY_LOG', `${path}.kindVersion`, absent(e.kindVersion) ? 'is missing' : 'must be an object');
    for (const f of ['kind', 'version']) {
        const bad = checkString(e.kindVersion[f], `${path}.kindVersion.${f}`);
        if (bad)
            return { ...bad, code: 'TRANSPARENCY_LOG' };
    }
    const body = checkString(e.canonicalizedBody, `${path}.canonicalizedBody`, { base64: true });
    if (body)
        return { ...body, code: 'TRANSPARENCY_LOG' };
    if (!absent(e.inclusionPromise)) {
        if (!isObj(e.inclusionPromise))
            return problem('TRANSPARENCY_LOG', `${path}.inclusionPromise`, 'must be an object');
        const set = checkString(e.inclusionPromise.signedEntryTimestamp, `${path}.inclusionPromise.signedEntryTimestamp`, { base64: true });
        if (set)
            return { ...set, code: 'TRANSPARENCY_LOG' };
    }
    if (!absent(e.inclusionProof)) {
        const p = e.inclusionProof;
        const pp = `${path}.inclusionProof`;
        if (!isObj(p))
            return problem('TRANSPARENCY_LOG', pp, 'must be an object');
        // Protobuf JSON omits an empty list: no hashes is a proof for a tree of one leaf.
        if (!absent(p.hashes) && !Array.isArray(p.hashes))
            return problem('TRANSPARENCY_LOG', `${pp}.hashes`, 'must be a list');
        for (const [i, h] of (Array.isArray(p.hashes) ? p.hashes : []).entries()) {
            const bad = checkString(h, `${pp}.hashes[${i}]`, { base64: true });
            if (bad)
                return { ...bad, code: 'TRANSPARENCY_LOG' };
        }
        const root = checkString(p.rootHash, `${pp}.rootHash`, { base64: true });
        if (root)
            return { ...root, code: 'TRANSPARENCY_LOG' };
        if (!isObj(p.checkpoint))
            return problem('TRANSPARENCY_LOG', `${pp}.checkpoint`, absent(p.checkpoint) ? 'is missing (an inclusion proof needs the signed checkpoint)' : 'must be an object');
        const env = checkString(p.checkpoint.envelope, `${pp}.checkpoint.envelope`);
        if (env)
            return { ...env, code: 'TRANSPARENCY_LOG' };
    }
    return undefined;
}
/** The first shape problem of a bundle JSON, or undefined when the fields the verifier reads are well-formed. */
function shapeProblem(json) {
    const vm = json.verificationMaterial;
    if (!isObj(vm))
        return problem('MALFORMED', 'verificationMaterial', absent(vm) ? 'is missing' : `must be an object, not ${kind(vm)}`);
    const keyFields = ['certificate', 'x509CertificateChain', 'publicKey'].filter((f) => !absent(vm[f]));
    if (keyFields.length === 0)
        return problem('MALFORMED', 'verificationMaterial', 'names no signer: it needs a certificate, an x509CertificateChain or a publicKey');
    if (keyFields.length > 1)
        return problem('MALFORMED', 'verificationMaterial', `has more than one signer (${keyFields.join(', ')})`);
    if (!absent(vm.certificate)) {
        if (!isObj(vm.certificate))
            return problem('MALFORMED', 'verificationMaterial.certificate', 'must be an object');
        const raw = checkString(vm.certificate.rawBytes, 'verificationMaterial.certificate.rawBytes', { base64: true });
        if (raw)
            return raw;
    }
    if (!absent(vm.x509CertificateChain)) {
        const chain = vm.x509CertificateChain;
        if (!isObj(chain) || !Array.isArray(chain.certificates) || chain.certificates.length === 0)
            return problem('MALFORMED', 'verificationMaterial.x509CertificateChain.certificates', 'must be a non-empty list');
        for (const [i, c] of chain.certificates.entries()) {
            if (!isObj(c))
                return problem('MALFORMED', `verificationMaterial.x509CertificateChain.certificates[${i}]`, 'must be an object');
            const raw = checkString(c.rawBytes, `verificationMaterial.x509CertificateChain.certificates[${i}].rawBytes`, { base64: true });
            if (raw)
                return raw;
        }
    }
    if (!absent(vm.publicKey)) {
        if (!isObj(vm.publicKey))
            return problem('MALFORMED', 'verificationMaterial.publicKey', 'must be an object');
        const hint = checkString(vm.publicKey.hint, 'verificationMaterial.publicKey.hint', { required: false });
        if (hint)
            return hint;
    }
    if (!absent(vm.tlogEntries)) {
        if (!Array.isArray(vm.tlogEntries))
            return problem('TRANSPARENCY_LOG', 'verificationMaterial.tlogEntries', 'must be a list');
        for (const [i, e] of vm.tlogEntries.entries()) {
            const bad = checkTlogEntry(e, `verificationMaterial.tlogEntries[${i}]`);
            if (bad)
                return bad;
        }
    }
    const tvd = vm.timestampVerificationData;
    if (!absent(tvd)) {
        if (!isObj(tvd))
            return problem('TIMESTAMP', 'verificationMaterial.timestampVerificationData', 'must be an object');
        const list = tvd.rfc3161Timestamps;
        if (!absent(list)) {
            if (!Array.isArray(list))
                return problem('TIMESTAMP', 'verificationMaterial.timestampVerificationData.rfc3161Timestamps', 'must be a list');
            for (const [i, t] of list.entries()) {
                const p = `verificationMaterial.timestampVerificationData.rfc3161Timestamps[${i}]`;
                if (!isObj(t))
                    return problem('TIMESTAMP', p, 'must be an object');
                const bad = checkString(t.signedTimestamp, `${p}.signedTimestamp`, { base64: true });
                if (bad)
                    return { ...bad, code: 'TIMESTAMP' };
            }
        }
    }
    const dsse = json.dsseEnvelope;
    const msg = json.messageSignature;
    if (absent(dsse) && absent(msg))
        return problem('MALFORMED', 'content', 'is missing: a bundle has a dsseEnvelope or a messageSignature');
    if (!absent(dsse) && !absent(msg))
        return problem('MALFORMED', 'content', 'has both a dsseEnvelope and a messageSignature');
    if (!absent(dsse)) {
        if (!isObj(dsse))
            return problem('MALFORMED', 'dsseEnvelope', `must be an object, not ${kind(dsse)}`);
        const payload = checkString(dsse.payload, 'dsseEnvelope.payload', { base64: true });
        if (payload)
            return payload;
        const pt = checkString(dsse.payloadType, 'dsseEnvelope.payloadType');
        if (pt)
            return pt;
        if (!Array.isArray(dsse.signatures) || dsse.signatures.length === 0)
            return problem('MALFORMED', 'dsseEnvelope.signatures', absent(dsse.signatures) ? 'is missing' : 'must be a non-empty list');
        if (dsse.signatures.length > 1)
            return problem('MALFORMED', 'dsseEnvelope.signatures', 'has more than one signature (a bundle carries exactly one)');
        for (const [i, s] of dsse.signatures.entries()) {
            if (!isObj(s))
                return problem('MALFORMED', `dsseEnvelope.signatures[${i}]`, 'must be an object');
            const sig = checkString(s.sig, `dsseEnvelope.signatures[${i}].sig`, { base64: true });
            if (sig)
                return sig;
        }
    }
    else {
        if (!isObj(msg))
            return problem('MALFORMED', 'messageSignature', `must be an object, not ${kind(msg)}`);
        const sig = checkString(msg.signature, 'messageSignature.signature', { base64: true });
        if (sig)
            return sig;
        if (!absent(msg.messageDigest)) {
            if (!isObj(msg.messageDigest))
                return problem('MALFORMED', 'messageSignature.messageDigest', 'must be an object');
            const alg = msg.messageDigest.algorithm;
            if (!absent(alg) && typeof alg !== 'string' && typeof alg !== 'number')
                return problem('MALFORMED', 'messageSignature.messageDigest.algorithm', `must be a hash algorithm name, not ${kind(alg)}`);
            const d = checkString(msg.messageDigest.digest, 'messageSignature.messageDigest.digest', { base64: true });
            if (d)
                return d;
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ../packages/verify/dist/bundle/verifier.js
/**
 * Verifying Sigstore bundles offline: bundle + artefact (bytes, or a digest in any in-toto algorithm)
 * + trusted roots + identity policy → the verified statement, or a typed reason a person can act on.
 *
 * What follows the Sigstore client specification and the peers (sigstore-go, gh):
 * - the trust root is chosen by the certificate chain: public-good (Fulcio + Rekor + CT log) or
 *   GitHub's instance (Fulcio + TSA only, no transparency or CT log), each with its own thresholds;
 * - RFC 3161 timestamps are counted against a threshold; ones that do not verify are ignored;
 * - a Rekor checkpoint is accepted when a signature on it verifies with the log's key (its key hint
 *   names the log), whatever name the signature line carries;
 * - the only trusted times are those something signed: a Rekor entry's integrated time when a signed
 *   entry timestamp (inclusion promise) covers it, and verified RFC 3161 timestamps;
 * - a key-signed bundle is reported with the fingerprint of the key that verified the signature,
 *   never the bundle's (unsigned) key hint.
 * Nothing a library throws reaches the caller as JavaScript text: every failure is a FailureCode.
 */














const IN_TOTO_MEDIA = 'application/vnd.in-toto+json';
const BUNDLE_MEDIA_TYPES = [
    'application/vnd.dev.sigstore.bundle+json;version=0.1',
    'application/vnd.dev.sigstore.bundle+json;version=0.2',
    'application/vnd.dev.sigstore.bundle+json;version=0.3',
    'application/vnd.dev.sigstore.bundle.v0.3+json',
];
/** What each code means for a person, and what to do. */
const FAILURE_HINTS = {
    MALFORMED: 'the file is not a well-formed Sigstore bundle; fetch it again or re-create it with a Sigstore client',
    ARTIFACT_MISMATCH: 'check that you are verifying the same artefact the bundle was made for',
    SIGNATURE: 'the bundle or the artefact was altered after signing; do not trust it',
    CERTIFICATE: 'the signing certificate does not chain to a trusted root at signing time; pass the right --trusted-root or refresh the trust roots',
    TRANSPARENCY_LOG: 'the transparency-log entry does not prove this signature; re-fetch the bundle or pass the trusted root of the log it used',
    TIMESTAMP: 'no trusted time proves when it was signed; pass the trusted root of its timestamp authority',
    PUBLIC_KEY: 'give the public key the bundle was signed with (--key), or verify by identity',
    IDENTITY: 'the signer is not the one the policy expects; check the identity flags',
    CLAIMS: 'the statement claims a build the certificate does not vouch for; do not trust it',
    UNSUPPORTED: 'this kind of bundle cannot be verified here',
};
function fail(code, reason) {
    return { ok: false, code, reason };
}
/** @sigstore/verify's error codes as verdicts (a Map: a code is the library's text, never an inherited name). */
const VERIFY_CODES = new Map([
    ['TLOG_ERROR', 'TRANSPARENCY_LOG'],
    ['TLOG_INCLUSION_PROOF_ERROR', 'TRANSPARENCY_LOG'],
    ['TLOG_INCLUSION_PROMISE_ERROR', 'TRANSPARENCY_LOG'],
    ['TLOG_MISSING_INCLUSION_ERROR', 'TRANSPARENCY_LOG'],
    ['TLOG_BODY_ERROR', 'TRANSPARENCY_LOG'],
    ['CERTIFICATE_ERROR', 'CERTIFICATE'],
    ['PUBLIC_KEY_ERROR', 'PUBLIC_KEY'],
    ['SIGNATURE_ERROR', 'SIGNATURE'],
    ['TIMESTAMP_ERROR', 'TIMESTAMP'],
    ['UNTRUSTED_SIGNER_ERROR', 'IDENTITY'],
    ['NOT_IMPLEMENTED_ERROR', 'UNSUPPORTED'],
]);
/** JavaScript's own error classes mean "a field had a shape nothing expected", never a verdict to show as-is. */
const JS_ERRORS = new Set(['TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'URIError', 'EvalError']);
/**
 * A thrown value as a verdict: a Sigstore error by its code, JavaScript's own errors and anything that is
 * not an Error as MALFORMED (a field of a shape nothing expected), ASN.1/DER parse errors as MALFORMED
 * with their message, anything else as `fallback`. Exported for its tests.
 */
function verdictFromThrown(e, fallback, what) {
    if (!(e instanceof Error) || JS_ERRORS.has(e.name)) {
        return fail('MALFORMED', `${what}: a field of the bundle has a shape no Sigstore client writes`);
    }
    const code = VERIFY_CODES.get(String(e.code));
    // ASN.1, DER, certificate parse errors from @sigstore/core: a broken encoding inside the bundle.
    const kind = code ?? (/ASN1|DER|parse/i.test(e.name) ? 'MALFORMED' : fallback);
    return fail(kind, `${what}: ${oneLineReason(e.message)}`);
}
/** The longest reason a verdict gives: reasons quote the bundle (subject names, claims), which may be huge. */
const MAX_REASON_LENGTH = 2000;
/** A verdict's reason on one line, its control characters visible, at most MAX_REASON_LENGTH long. */
function boundedReason(reason) {
    return (0,dist/* safeInlineBounded */.oW)(reason, MAX_REASON_LENGTH);
}
/** One line, no control characters, no JS property-access jargon. Exported for its tests. */
function oneLineReason(msg) {
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    const line = msg.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
    if (/Cannot read propert|is not a function|is not iterable|undefined|null/.test(line))
        return 'a field is missing or of the wrong type';
    return line.slice(0, 300) || 'no detail';
}
function spkiFingerprint(key) {
    return `sha256:${(0,dist/* sha256Hex */.fg)(key.export({ format: 'der', type: 'spki' }))}`;
}
/**
 * Every given key is tried, in the order given: the bundle's key hint is not signed, so it picks nothing.
 * The Verifier gets one key per attempt, so the key that verified is known.
 */
function singleKeyFinder(key) {
    return () => ({ publicKey: key, validFor: () => true });
}
/** The curves a digest-only ECDSA check supports. */
const PREHASHED_CURVES = new Map([
    ['prime256v1', nist/* p256 */.s9],
    ['secp384r1', nist/* p384 */.sL],
]);
/** ECDSA over a digest we did not compute: Node's crypto cannot; @noble/curves with prehash off can. */
function verifyPrehashed(curve, key, digest, signature) {
    // An EC key's JWK always has both coordinates: the uncompressed point is 04 || x || y.
    const jwk = key.export({ format: 'jwk' });
    const point = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x, 'base64url'), Buffer.from(jwk.y, 'base64url')]);
    // noble answers false for a signature that is not DER or not of this digest; it does not throw.
    return curve.verify(signature, digest, point, { prehash: false, lowS: false, format: 'der' });
}
/** The bundle's signature content, checked against a digest instead of the message (which we do not have). */
function digestOnlyContent(base, digest, onUnsupported) {
    // The library's own comparisons (against the log entry) stay; only the signature check is replaced.
    const content = Object.create(base);
    content.verifySignature = (key) => {
        const curve = PREHASHED_CURVES.get(String(key.asymmetricKeyDetails?.namedCurve));
        if (key.asymmetricKeyType !== 'ec' || !curve) {
            onUnsupported(key);
            return false;
        }
        return verifyPrehashed(curve, key, digest, base.signature);
    };
    return content;
}
function parseStatement(payload) {
    let value;
    try {
        value = JSON.parse(payload.toString('utf8'));
    }
    catch {
        return 'the DSSE payload is not JSON';
    }
    const st = value;
    if (!st || typeof st !== 'object' || Array.isArray(st))
        return 'the DSSE payload is not a JSON object';
    if (st._type !== 'https://in-toto.io/Statement/v1' && st._type !== 'https://in-toto.io/Statement/v0.1') {
        return `the DSSE payload is not an in-toto statement (_type ${JSON.stringify(st._type ?? null)})`;
    }
    if (!Array.isArray(st.subject) || typeof st.predicateType !== 'string')
        return 'the in-toto statement has no subject list or predicateType';
    for (const [i, s] of st.subject.entries()) {
        const d = s?.digest;
        if (!d || typeof d !== 'object' || Array.isArray(d))
            return `subject[${i}] of the in-toto statement has no digest set`;
    }
    return st;
}
function subjectSummary(statement) {
    return `${statement.subject
        .slice(0, 5)
        .map((s) => {
        const entries = Object.entries(s.digest).filter(([, v]) => typeof v === 'string');
        const [alg, hex] = entries[0] ?? ['?', '?'];
        return `${String(s.name ?? '?').slice(0, 100)}@${alg}:${String(hex).slice(0, 12)}…`;
    })
        .join(', ')}${statement.subject.length > 5 ? ', …' : ''}`;
}
function matchSubject(statement, artifact) {
    for (const s of statement.subject)
        if (subjectMatches(s.digest, artifact))
            return undefined;
    const algs = [...new Set(statement.subject.flatMap((s) => Object.keys(s.digest)))];
    const needs = artifact.kind === 'digest' && !algs.includes(artifact.algorithm)
        ? `; the statement names its subjects by ${algs.join(', ') || 'nothing'}, not ${artifact.algorithm}: give the artefact file or a digest in one of those`
        : '';
    return `no subject of the statement has the digest ${artifact_artifactLabel(artifact)} (subjects: ${subjectSummary(statement)})${needs}`;
}
/** Bounds the work an attacker can make a verifier do (sigstore-python's MAX_ALLOWED_TIMESTAMP). */
const MAX_TIMESTAMPS = 32;
const MESSAGE_DIGEST_ALGORITHMS = { SHA2_256: 'sha256', SHA2_384: 'sha384', SHA2_512: 'sha512' };
const requireCjs = (0,external_node_module_.createRequire)(import.meta.url);
let verifyRfc3161;
/** @sigstore/verify's own RFC 3161 check, one timestamp at a time (its Verifier fails on the first bad one). */
function rfc3161Verifier() {
    verifyRfc3161 ??= requireCjs('@sigstore/verify/dist/timestamp/tsa.js').verifyRFC3161Timestamp;
    return verifyRfc3161;
}
/**
 * Names on a checkpoint's signature lines (`— NAME BASE64`, the signed-note format). A name only widens
 * which log's key is tried (the key hint still picks the log and its key must verify), so a line of the
 * note body read as a name is harmless.
 */
function checkpointNames(entity) {
    const names = new Set();
    for (const entry of entity.tlogEntries) {
        for (const line of (entry.inclusionProof?.checkpoint?.envelope ?? '').split('\n')) {
            const [dash, name] = line.split(' ');
            if (dash === '\u2014' && name)
                names.add(name);
        }
    }
    return [...names];
}
/**
 * A PEM private key where a public key is expected. createPublicKey would silently derive its public
 * half; a private key handed to the verifying side is a leaked key, so callers refuse it instead.
 */
function isPrivateKeyPem(pem) {
    return /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(pem);
}
function createBundleVerifier(options = {}) {
    const loaded = options.trustedRoot ?? embeddedTrustedRoots();
    const keys = (options.publicKeys ?? []).map((pem, i) => {
        if (isPrivateKeyPem(pem)) {
            throw new dist/* ConfigurationError */.j1(`public key ${i + 1} is a private key`, {
                hint: 'give only its public half (openssl pkey -in KEY -pubout), and keep the private key off the verifying side',
            });
        }
        try {
            return (0,external_node_crypto_.createPublicKey)(pem);
        }
        catch {
            throw new dist/* ConfigurationError */.j1(`public key ${i + 1} is not a valid PEM public key (its encoding does not decode)`, {
                hint: 'give the PEM "PUBLIC KEY" the bundle was signed with, unaltered',
            });
        }
    });
    const tsThreshold = options.timestampThreshold ?? 1;
    const contexts = allRoots(loaded).map((l) => {
        const material = (0,verify_dist/* toTrustMaterial */.jO)(l.root);
        return {
            loaded: l,
            instance: l.instance ?? 'file',
            material,
            caSubjects: material.certificateAuthorities.flatMap((ca) => ca.certChain.map((c) => c.subject)),
            hasCtlogs: material.ctlogs.length > 0,
        };
    });
    const primary = contexts[0];
    /** The root whose CAs issued the leaf: gh and sigstore-go pick the instance the same way. */
    const rootFor = (cert) => contexts.find((c) => c.caSubjects.some((s) => core_dist.crypto.bufferEqual(s, cert.issuer)));
    /** Trust material whose logs accept the checkpoint's signature names: the key decides, not the name. */
    const withCheckpointNames = (material, names) => ({
        ...material,
        tlogs: material.tlogs.map((t) => ({ ...t, baseURL: [t.baseURL, ...names].join(' ') })),
    });
    const verify = (input, artifact, policy = {}) => {
        let v;
        try {
            v = verifyOne(input, artifact, policy);
        }
        catch (e) {
            // Last line: whatever escaped is reported as a verdict, never as a JavaScript message.
            v = verdictFromThrown(e, 'MALFORMED', 'the bundle cannot be verified');
        }
        return v.ok ? v : fail(v.code, boundedReason(v.reason));
    };
    const verifyOne = (input, artifact, policy) => {
        let json = input;
        if (typeof input === 'string' || Buffer.isBuffer(input)) {
            try {
                json = JSON.parse(input.toString());
            }
            catch (e) {
                // V8's message quotes the text, and the file may be a secret a link pointed at: only the kind of error.
                return fail('MALFORMED', `the bundle is not valid JSON: ${(0,dist/* jsonSyntaxReason */.cV)(e instanceof Error ? e.message : String(e))}`);
            }
        }
        if (!json || typeof json !== 'object' || Array.isArray(json))
            return fail('MALFORMED', 'the bundle is not a JSON object');
        const mediaType = json.mediaType;
        if (typeof mediaType !== 'string' || !BUNDLE_MEDIA_TYPES.includes(mediaType)) {
            return fail('MALFORMED', `not a Sigstore bundle: media type ${JSON.stringify(mediaType ?? null)} is not one of ${BUNDLE_MEDIA_TYPES.join(', ')}`);
        }
        const shape = shapeProblem(json);
        if (shape)
            return fail(shape.code, shape.reason);
        let bundle;
        try {
            bundle = (0,bundle_dist.bundleFromJSON)(json);
        }
        catch (e) {
            const msg = e instanceof Error ? e.message : String(e);
            const fields = e.fields;
            const detail = Array.isArray(fields) ? `${msg}: ${fields.join(', ')}` : msg;
            const code = /inclusionProof|inclusionPromise|tlogEntries/.test(detail) ? 'TRANSPARENCY_LOG' : 'MALFORMED';
            return fail(code, `the bundle is not valid: ${oneLineReason(detail)}`);
        }
        let statement;
        let payloadType;
        let unsupported;
        let entity;
        try {
            if (bundle.content.$case === 'dsseEnvelope') {
                const env = bundle.content.dsseEnvelope;
                payloadType = env.payloadType;
                if (payloadType !== IN_TOTO_MEDIA)
                    return fail('UNSUPPORTED', `the DSSE payload type is ${JSON.stringify(payloadType)}, not ${IN_TOTO_MEDIA}`);
                const parsed = parseStatement(env.payload);
                if (typeof parsed === 'string')
                    return fail('MALFORMED', parsed);
                statement = parsed;
                const mismatch = matchSubject(statement, artifact);
                if (mismatch)
                    return fail('ARTIFACT_MISMATCH', mismatch);
                entity = (0,verify_dist/* toSignedEntity */.DC)(bundle);
            }
            else {
                if (policy.requireStatement)
                    return fail('UNSUPPORTED', 'the bundle signs a message, not an in-toto statement');
                const md = bundle.content.messageSignature.messageDigest;
                // bundleFromJSON gives the algorithm as the enum's number.
                const alg = md ? MESSAGE_DIGEST_ALGORITHMS[protobuf_specs_dist.HashAlgorithm[md.algorithm]] : undefined;
                const signedHex = md ? Buffer.from(md.digest).toString('hex') : undefined;
                if (artifact.kind === 'bytes') {
                    // With the bytes, the signature is checked over them; a message digest, when present, must agree.
                    const mine = alg ? artifactDigest(artifact, alg) : undefined;
                    if (md && alg && mine !== signedHex)
                        return fail('ARTIFACT_MISMATCH', `the bundle's message digest is not the artefact's ${alg}:${mine ?? '?'}`);
                    entity = (0,verify_dist/* toSignedEntity */.DC)(bundle, artifact.data);
                }
                else {
                    const mine = alg ? artifactDigest(artifact, alg) : undefined;
                    // No digest, an algorithm we do not know or cannot compute from the given digest: mine is undefined.
                    if (mine === undefined || mine !== signedHex) {
                        return fail('ARTIFACT_MISMATCH', mine === undefined && alg
                            ? `the bundle signs a ${alg} message digest; give the artefact file or its ${alg}: digest`
                            : `the bundle's message digest is not the artefact's ${artifact_artifactLabel(artifact)}`);
                    }
                    const base = (0,verify_dist/* toSignedEntity */.DC)(bundle);
                    entity = {
                        ...base,
                        signature: digestOnlyContent(base.signature, Buffer.from(mine, 'hex'), (key) => {
                            unsupported = `a ${key.asymmetricKeyType ?? 'unknown'} signature cannot be verified from a digest alone; give the artefact file`;
                        }),
                    };
                }
            }
        }
        catch (e) {
            return verdictFromThrown(e, 'MALFORMED', 'the bundle cannot be read');
        }
        const isKey = entity.key.$case === 'public-key';
        if (isKey && keys.length === 0)
            return fail('PUBLIC_KEY', 'the bundle is signed with a key, and no public key was given (--key)');
        if (!isKey && keys.length > 0 && policy.subjectAlternativeName === undefined && policy.subjectAlternativeNameRegExp === undefined) {
            return fail('PUBLIC_KEY', 'a public key was given, but the bundle is signed with a certificate');
        }
        const cert = entity.key.$case === 'certificate' ? entity.key.certificate : undefined;
        const found = cert ? rootFor(cert) : primary;
        if (!found) {
            // No trust root has the issuing CA: say which CA, and that a newer trust root may have it.
            return fail('CERTIFICATE', `the signing certificate was issued by ${issuerName(cert)}, which is not a certificate authority of the trust roots in use (${loaded.source}); if it is a newer CA of a trusted instance, refresh the trust roots over TUF (online) or pass --trusted-root`);
        }
        const ctx = found;
        // RFC 3161 timestamps: keep the ones that verify against the root's TSAs; the threshold counts those.
        const tsaTimestamps = entity.timestamps.filter((t) => t.$case === 'timestamp-authority');
        if (tsaTimestamps.length > MAX_TIMESTAMPS)
            return fail('TIMESTAMP', `the bundle carries ${tsaTimestamps.length} RFC 3161 timestamps, too many (at most ${MAX_TIMESTAMPS}, as sigstore-python allows)`);
        const seenTs = new Set();
        for (const t of tsaTimestamps) {
            const der = (0,dist/* sha256Hex */.fg)(t.timestamp.root.toDER());
            if (seenTs.has(der))
                return fail('TIMESTAMP', 'the bundle carries the same RFC 3161 timestamp twice (duplicate timestamps are refused, as the peers do)');
            seenTs.add(der);
        }
        const kept = entity.timestamps.filter((t) => {
            if (t.$case !== 'timestamp-authority')
                return true;
            try {
                rfc3161Verifier()(t.timestamp, entity.signature.signature, ctx.material.timestampAuthorities);
                return true;
            }
            catch {
                return false;
            }
        });
        const ignoredTimestamps = tsaTimestamps.length - kept.filter((t) => t.$case === 'timestamp-authority').length;
        const verifiedTsa = kept.some((t) => t.$case === 'timestamp-authority');
        const signedTlogTime = kept.some((t) => t.$case === 'transparency-log' && t.tlogEntry.inclusionPromise !== undefined);
        if (!isKey && tsaTimestamps.length > 0 && !verifiedTsa && !signedTlogTime) {
            return fail('TIMESTAMP', `none of the ${tsaTimestamps.length} RFC 3161 timestamp(s) verifies against the trusted timestamp authorities of the ${ctx.instance} trust root (${ctx.loaded.source})`);
        }
        const filtered = { ...entity, timestamps: kept };
        const material = withCheckpointNames(ctx.material, checkpointNames(entity));
        let signerKey;
        if (isKey) {
            // Try every trusted key; the one that verifies is the signer (the bundle's key hint is unsigned).
            let lastError;
            let found;
            for (const k of keys) {
                try {
                    new verify_dist/* Verifier */.BL({ ...material, publicKey: singleKeyFinder(k) }, { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 }).verify(filtered);
                    found = k;
                    break;
                }
                catch (e) {
                    lastError = e;
                }
            }
            if (!found) {
                if (unsupported)
                    return fail('UNSUPPORTED', unsupported);
                // Sigstore checks a message signature with the hash its digest names; Ed25519 signs the message
                // itself (no hash), so such a bundle can be neither checked here nor by cosign or sigstore-js.
                if (bundle.content.$case === 'messageSignature' && keys.some((k) => k.asymmetricKeyType === 'ed25519')) {
                    return fail('UNSUPPORTED', 'an Ed25519 key cannot verify a message signature (Sigstore checks those through a hash): sign an in-toto statement with it, or use an ECDSA P-256 key');
                }
                return verdictFromThrown(lastError, 'SIGNATURE', keys.length > 1 ? `none of the ${keys.length} given keys verifies the bundle` : 'the given key does not verify the bundle');
            }
            signerKey = found;
        }
        else {
            // Without a verified TSA time only a log entry's promise can give one, so an entry is needed (from a root
            // without logs that fails, as it must: nothing signed a time). Demanded, it is needed from any root.
            const tlogThreshold = options.requireTransparencyLog || !verifiedTsa ? 1 : 0;
            const verifier = new verify_dist/* Verifier */.BL(material, {
                tlogThreshold,
                ctlogThreshold: ctx.hasCtlogs ? 1 : 0,
                timestampThreshold: tsThreshold,
            });
            try {
                signerKey = verifier.verify(filtered).key;
            }
            catch (e) {
                if (unsupported)
                    return fail('UNSUPPORTED', unsupported);
                const v = verdictFromThrown(e, 'SIGNATURE', `verification against the ${ctx.instance} trust root failed`);
                if (v.code === 'TIMESTAMP' && ignoredTimestamps > 0)
                    return fail('TIMESTAMP', `${v.reason} (${ignoredTimestamps} RFC 3161 timestamp(s) did not verify and were ignored)`);
                return v;
            }
        }
        const witnessed = [];
        for (const t of kept) {
            // A Rekor integrated time is signed only by the entry's SET (inclusion promise); an inclusion
            // proof covers the body, not the time, and a Rekor v2 entry has no integrated time at all.
            if (t.$case === 'transparency-log') {
                if (t.tlogEntry.inclusionPromise && Number(t.tlogEntry.integratedTime) > 0)
                    witnessed.push({ source: 'tlog', time: new Date(Number(t.tlogEntry.integratedTime) * 1000) });
            }
            else
                witnessed.push({ source: 'tsa', time: t.timestamp.signingTime });
        }
        const timestamps = witnessed.map((w) => w.time);
        const common = {
            ok: true,
            mediaType,
            ...(statement ? { statement } : {}),
            ...(payloadType ? { payloadType } : {}),
            trustRoot: ctx.instance,
            timestamps,
            witnessed,
            ignoredTimestamps,
        };
        if (isKey)
            return { ...common, signer: { kind: 'key', keyId: spkiFingerprint(signerKey) } };
        const identity = cert ? certificateIdentity(cert) : {};
        const problems = checkIdentity(policy, identity);
        if (problems.length > 0)
            return fail('IDENTITY', problems.join('; '));
        if (statement && policy.checkClaims !== false) {
            const claimProblems = claims_checkClaimsAgainstCertificate(statement, identity);
            if (claimProblems.length > 0)
                return fail('CLAIMS', claimProblems.join('; '));
        }
        return { ...common, signer: { kind: 'certificate', identity } };
    };
    return { trustedRootSource: loaded.source, verify };
}
/** `CN=Fulcio Intermediate l2, O=GitHub, Inc.` for messages. */
function issuerName(cert) {
    try {
        return new external_node_crypto_.X509Certificate(cert.root.toDER()).issuer.split('\n').reverse().join(', ').replace(/\\,/g, ',');
    }
    catch {
        return 'an unknown issuer';
    }
}

;// CONCATENATED MODULE: ../packages/verify/dist/bundle/slsa-verifier.js


const GENERATOR_REPO = 'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/';
/**
 * Reusable workflows slsa-verifier trusts to sign provenance (certificate SAN), as its
 * verifiers/internal/gha/builder.go lists them: the generic and container generators, the Go and
 * container-based builders, and the BYOB delegators (whose provenance names the builder they ran).
 */
const TRUSTED_SIGNERS = new Set([
    'generator_generic_slsa3.yml',
    'generator_container_slsa3.yml',
    'builder_go_slsa3.yml',
    'builder_container-based_slsa3.yml',
    'delegator_generic_slsa3.yml',
    'delegator_lowperms-generic_slsa3.yml',
].map((f) => GENERATOR_REPO + f));
const DELEGATORS = new Set([`${GENERATOR_REPO}delegator_generic_slsa3.yml`, `${GENERATOR_REPO}delegator_lowperms-generic_slsa3.yml`]);
const slsa_verifier_obj = (v) => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});
const slsa_verifier_str = (v) => (typeof v === 'string' ? v : undefined);
function splitId(id) {
    const at = id.lastIndexOf('@');
    if (at < 0)
        return { path: id };
    return { path: id.slice(0, at), ref: id.slice(at + 1).replace(/^refs\/tags\//, '') };
}
/** Is this provenance file a Sigstore bundle, or a legacy DSSE envelope (JSON lines)? */
function parseProvenanceFile(text) {
    const trimmed = text.trim();
    let first;
    try {
        first = JSON.parse(trimmed);
    }
    catch {
        const line = trimmed.split('\n')[0] ?? '';
        try {
            first = JSON.parse(line);
        }
        catch {
            return { kind: 'invalid', reason: 'the provenance file is neither a Sigstore bundle nor JSON lines' };
        }
    }
    const o = slsa_verifier_obj(first);
    if (typeof o.mediaType === 'string' && o.mediaType.startsWith('application/vnd.dev.sigstore.bundle'))
        return { kind: 'bundle', bundle: first };
    if (typeof o.payloadType === 'string' && Array.isArray(o.signatures)) {
        return {
            kind: 'legacy',
            reason: 'legacy DSSE envelope with the certificate in the signature and no transparency-log entry: slsa-verifier finds its Rekor entry by an online search, which cannot be done offline, so it is not trusted (regenerate with a builder that emits Sigstore bundles, slsa-github-generator v2+)',
        };
    }
    return { kind: 'invalid', reason: 'the provenance file is not a Sigstore bundle' };
}
function provenanceRefs(st) {
    const p = slsa_verifier_obj(st.predicate);
    if (st.predicateType === 'https://slsa.dev/provenance/v0.2') {
        const inv = slsa_verifier_obj(p.invocation);
        const uri = slsa_verifier_str(slsa_verifier_obj(inv.configSource).uri);
        const payload = slsa_verifier_obj(slsa_verifier_obj(inv.environment).github_event_payload);
        const m = uri ? /^(git\+https:\/\/github\.com\/[^@]+)(?:@(.+))?$/.exec(uri) : null;
        return {
            ...(m?.[2] ? { ref: m[2] } : {}),
            ...(slsa_verifier_str(payload.base_ref) ? { baseRef: slsa_verifier_str(payload.base_ref) } : {}),
            ...(m?.[1] ? { repositoryUri: m[1] } : {}),
            inputs: slsa_verifier_obj(payload.inputs),
            ...(slsa_verifier_str(slsa_verifier_obj(p.builder).id) ? { builderId: slsa_verifier_str(slsa_verifier_obj(p.builder).id) } : {}),
        };
    }
    const def = slsa_verifier_obj(p.buildDefinition);
    const internal = slsa_verifier_obj(def.internalParameters);
    const ext = slsa_verifier_obj(def.externalParameters);
    const workflow = slsa_verifier_obj(ext.workflow);
    const payload = slsa_verifier_obj(internal.GITHUB_EVENT_PAYLOAD ?? slsa_verifier_obj(internal.github).event_payload);
    const deps = Array.isArray(def.resolvedDependencies) ? def.resolvedDependencies.map(slsa_verifier_obj) : [];
    const depUri = slsa_verifier_str(deps[0]?.uri);
    const m = depUri ? /^(git\+https:\/\/github\.com\/[^@]+)(?:@(.+))?$/.exec(depUri) : null;
    const ref = slsa_verifier_str(internal.GITHUB_REF) ?? slsa_verifier_str(workflow.ref) ?? m?.[2];
    const repo = slsa_verifier_str(workflow.repository);
    return {
        ...(ref ? { ref } : {}),
        ...(slsa_verifier_str(payload.base_ref) ? { baseRef: slsa_verifier_str(payload.base_ref) } : {}),
        ...(m?.[1] ? { repositoryUri: m[1] } : repo ? { repositoryUri: `git+${repo}` } : {}),
        inputs: Object.keys(slsa_verifier_obj(ext.inputs)).length > 0 && !internal.GITHUB_EVENT_PAYLOAD ? slsa_verifier_obj(ext.inputs) : slsa_verifier_obj(payload.inputs),
        ...(slsa_verifier_str(slsa_verifier_obj(slsa_verifier_obj(p.runDetails).builder).id) ? { builderId: slsa_verifier_str(slsa_verifier_obj(slsa_verifier_obj(p.runDetails).builder).id) } : {}),
    };
}
function semver(tag) {
    const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[-+].*)?$/.exec(tag);
    if (!m?.[1])
        return undefined;
    return [Number(m[1]), m[2] === undefined ? undefined : Number(m[2]), m[3] === undefined ? undefined : Number(m[3])];
}
const bad = (error, reason) => ({ ok: false, error, reason });
function verifySlsaProvenance(verifier, bundle, artifacts, options) {
    let statement;
    let san;
    for (const artifact of artifacts) {
        const verdict = verifier.verify(bundle, artifact, { issuer: GITHUB_ACTIONS_ISSUER, requireStatement: true, checkClaims: true });
        if (!verdict.ok) {
            switch (verdict.code) {
                case 'ARTIFACT_MISMATCH':
                    return bad('ErrorMismatchHash', verdict.reason);
                case 'TRANSPARENCY_LOG':
                    return bad('ErrorRekorSearch', verdict.reason);
                case 'MALFORMED':
                case 'UNSUPPORTED':
                    return bad('ErrorInvalidDssePayload', verdict.reason);
                case 'CLAIMS':
                    return bad('ErrorMismatchSource', verdict.reason);
                default:
                    return bad('ErrorInvalidSignature', `${verdict.code}: ${verdict.reason}`);
            }
        }
        statement = verdict.statement;
        if (verdict.signer.kind === 'certificate')
            san = verdict.signer.identity.buildSignerUri ?? verdict.signer.identity.subjectAlternativeName;
    }
    if (!statement || !san)
        return bad('ErrorInvalidSignature', 'no artefact given, or the bundle is not signed by a certificate');
    const signer = splitId(san);
    if (!TRUSTED_SIGNERS.has(signer.path))
        return bad('ErrorUntrustedReusableWorkflow', `the provenance was signed by ${san}, which is not a trusted SLSA builder`);
    const info = provenanceRefs(statement);
    // The builder: for delegators (BYOB), the trusted reusable workflow recorded in the provenance.
    const builderId = DELEGATORS.has(signer.path) ? (info.builderId ?? san) : san;
    if (options.builderId) {
        const want = splitId(options.builderId);
        const have = splitId(builderId);
        if (!DELEGATORS.has(signer.path) && want.path !== have.path && !TRUSTED_SIGNERS.has(want.path)) {
            return bad('ErrorUntrustedReusableWorkflow', `${options.builderId} is not a trusted builder`);
        }
        if (want.path !== have.path || (want.ref !== undefined && want.ref !== have.ref)) {
            return bad('ErrorMismatchBuilderID', `the builder is ${builderId}, not ${options.builderId}`);
        }
    }
    // The builder must be a release (for delegators, the trusted reusable workflow they ran).
    const builderRef = splitId(builderId).ref;
    if (builderRef === undefined || !/^v\d+\.\d+\.\d+/.test(builderRef)) {
        return bad('ErrorInvalidRef', `the builder ${builderId} is not referenced by a release tag`);
    }
    const wantSource = `git+https://${options.sourceUri.replace(/^https:\/\//, '').replace(/^git\+https:\/\//, '')}`;
    if (!info.repositoryUri || info.repositoryUri.replace(/\.git$/, '') !== wantSource) {
        return bad('ErrorMismatchSource', `the provenance's source is ${info.repositoryUri ?? 'missing'}, expected ${wantSource}`);
    }
    const ref = info.ref;
    if (options.sourceBranch !== undefined) {
        let branchRef;
        if (ref?.startsWith('refs/heads/'))
            branchRef = ref;
        else if (ref?.startsWith('refs/tags/'))
            branchRef = info.baseRef;
        if (!branchRef?.startsWith('refs/heads/'))
            return bad('ErrorInvalidRef', `the provenance names no branch (ref ${ref ?? 'missing'})`);
        if (branchRef !== `refs/heads/${options.sourceBranch}`)
            return bad('ErrorMismatchBranch', `built from ${branchRef}, expected refs/heads/${options.sourceBranch}`);
    }
    const tag = ref?.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : undefined;
    if (options.sourceTag !== undefined) {
        if (tag === undefined)
            return bad('ErrorInvalidRef', `the provenance's ref ${ref ?? 'missing'} is not a tag`);
        if (tag !== options.sourceTag)
            return bad('ErrorMismatchTag', `built from tag ${tag}, expected ${options.sourceTag}`);
    }
    if (options.sourceVersionedTag !== undefined) {
        const want = semver(options.sourceVersionedTag);
        if (!want)
            return bad('ErrorInvalidSemver', `${options.sourceVersionedTag} is not a semantic version`);
        if (tag === undefined)
            return bad('ErrorInvalidRef', `the provenance's ref ${ref ?? 'missing'} is not a tag`);
        const have = semver(tag);
        if (!have)
            return bad('ErrorInvalidSemver', `the provenance's tag ${tag} is not a semantic version`);
        const ok = want[0] === have[0] && (want[1] === undefined || want[1] === (have[1] ?? 0)) && (want[2] === undefined || want[2] === (have[2] ?? 0));
        if (!ok)
            return bad('ErrorMismatchVersionedTag', `built from tag ${tag}, which does not match ${options.sourceVersionedTag}`);
    }
    for (const [k, v] of Object.entries(options.buildWorkflowInputs ?? {})) {
        // Own inputs only: `--build-workflow-input constructor=…` must not find Object's constructor.
        const actual = Object.hasOwn(info.inputs, k) ? info.inputs[k] : undefined;
        const text = typeof actual === 'string' ? actual : JSON.stringify(actual);
        if (actual === undefined || text !== v) {
            return bad('ErrorMismatchWorkflowInputs', `workflow input ${k}: expected ${JSON.stringify(v)}, the provenance has ${actual === undefined ? 'none' : JSON.stringify(actual)}`);
        }
    }
    return { ok: true, builderId, statement, sourceUri: options.sourceUri };
}
const GITHUB_WORKFLOW_BUILD_TYPE = 'https://actions.github.io/buildtypes/workflow/v1';
/**
 * GitHub artifact attestations (actions/attest-build-provenance), as slsa-verifier's
 * `verify-github-attestation`: the signing workflow (certificate build signer URI) must be the
 * `builderId` given — there is no built-in list of trusted builders, so an empty one is refused —
 * and the certificate's source repository must be `sourceUri`.
 */
function verifyGithubAttestation(verifier, bundle, artifacts, options) {
    if (!options.builderId)
        return bad('ErrorUntrustedReusableWorkflow', 'a GitHub artifact attestation needs --builder-id naming the workflow trusted to sign it');
    let statement;
    let signerUri;
    let sourceRepo;
    let identity;
    for (const artifact of artifacts) {
        const verdict = verifier.verify(bundle, artifact, { issuer: GITHUB_ACTIONS_ISSUER, requireStatement: true, checkClaims: false });
        if (!verdict.ok) {
            if (verdict.code === 'ARTIFACT_MISMATCH')
                return bad('ErrorMismatchHash', verdict.reason);
            if (verdict.code === 'TRANSPARENCY_LOG')
                return bad('ErrorRekorSearch', verdict.reason);
            if (verdict.code === 'CLAIMS')
                return bad('ErrorMismatchSource', verdict.reason);
            return bad('ErrorInvalidSignature', `${verdict.code}: ${verdict.reason}`);
        }
        statement = verdict.statement;
        if (verdict.signer.kind === 'certificate') {
            signerUri = verdict.signer.identity.buildSignerUri;
            sourceRepo = verdict.signer.identity.sourceRepositoryUri;
            identity = verdict.signer.identity;
        }
    }
    if (!statement || !signerUri)
        return bad('ErrorInvalidSignature', 'no artefact given, or the bundle is not signed by a GitHub Actions certificate');
    const want = splitId(options.builderId);
    const have = splitId(signerUri);
    if (want.path !== have.path || (want.ref !== undefined && want.ref !== have.ref)) {
        return bad('ErrorUntrustedReusableWorkflow', `the attestation was signed by ${signerUri}, not by ${options.builderId}`);
    }
    const wantRepo = `https://${options.sourceUri.replace(/^(git\+)?https:\/\//, '')}`;
    if (sourceRepo !== wantRepo)
        return bad('ErrorMismatchSource', `the certificate's source repository is ${sourceRepo ?? 'missing'}, expected ${wantRepo}`);
    // Checked after the signer, so an untrusted signer is reported as such (slsa-verifier's order).
    const claims = identity ? checkClaimsAgainstCertificate(statement, identity) : [];
    if (claims.length > 0)
        return bad('ErrorMismatchSource', claims.join('; '));
    return { ok: true, builderId: signerUri, statement, sourceUri: options.sourceUri };
}
/** verify-artifact: slsa-github-generator provenance, or a GitHub artifact attestation by its build type. */
function verifyArtifactProvenance(verifier, bundle, artifacts, options) {
    const payload = slsa_verifier_obj(slsa_verifier_obj(bundle).dsseEnvelope).payload;
    if (typeof payload === 'string') {
        try {
            const st = slsa_verifier_obj(JSON.parse(Buffer.from(payload, 'base64').toString('utf8')));
            if (slsa_verifier_str(slsa_verifier_obj(slsa_verifier_obj(st.predicate).buildDefinition).buildType) === GITHUB_WORKFLOW_BUILD_TYPE)
                return verifyGithubAttestation(verifier, bundle, artifacts, options);
        }
        catch {
            // Not JSON: the full verification below reports it precisely.
        }
    }
    return verifySlsaProvenance(verifier, bundle, artifacts, options);
}

;// CONCATENATED MODULE: ../packages/verify/dist/gate/identity.js
/**
 * Which signer may vouch for the chain. The builder is the factory's reusable workflow, named by the
 * certificate's Build Signer URI; it must be pinned by a tag or a commit SHA, never a branch, so a
 * push to a branch of the factory cannot produce admissible evidence.
 */

const identity_GITHUB = 'https://github.com/';
const SHA = /^[0-9a-f]{40}$/;
/** `https://github.com/o/r/.github/workflows/x.yml@refs/tags/v1` → `o/r/.github/workflows/x.yml@refs/tags/v1`. */
function builderOf(signer) {
    if (signer.kind === 'key')
        return `key:${signer.keyId}`;
    const uri = signer.identity.buildSignerUri;
    if (!uri)
        return undefined;
    return uri.startsWith(identity_GITHUB) ? uri.slice(identity_GITHUB.length) : uri;
}
/** Whether a workflow ref is pinned: a tag (`refs/tags/...`) or a full commit SHA. */
function isPinnedRef(ref) {
    return ref.startsWith('refs/tags/') || SHA.test(ref);
}
/** Glob with `*` (any run of characters, including `/`); everything else literal. */
function globMatch(pattern, value) {
    return (0,dist/* identityGlobMatch */.Ii)(pattern, value);
}
/**
 * Matches a signer against the expected builder: `owner/repo/.github/workflows/x.yml` (any pinned
 * ref), `...x.yml@refs/tags/v1*` (a glob on the ref), or `key:HEX` / `key:sha256:HEX` (sha256 of the
 * key's SPKI) for key-signed evidence.
 */
function matchBuilder(signer, expected) {
    const actual = builderOf(signer);
    if (!actual)
        return { ok: false, reason: 'the certificate names no build signer (not a GitHub Actions workflow identity)' };
    if (expected === undefined) {
        return { ok: false, reason: `signed by ${actual}, but no builder identity is configured` };
    }
    const want = expected.startsWith(identity_GITHUB) ? expected.slice(identity_GITHUB.length) : expected;
    if (signer.kind === 'key' || want.startsWith('key:')) {
        // The key id is the fingerprint of the key that verified the signature (never the bundle's unsigned hint).
        const norm = (k) => k.replace(/^key:sha256:/i, 'key:').toLowerCase();
        return norm(actual) === norm(want) ? { ok: true, builder: actual } : { ok: false, reason: `signed by ${actual}, expected ${want}` };
    }
    const at = actual.lastIndexOf('@');
    const path = at < 0 ? actual : actual.slice(0, at);
    const ref = at < 0 ? '' : actual.slice(at + 1);
    const wantAt = want.lastIndexOf('@');
    const wantPath = wantAt < 0 ? want : want.slice(0, wantAt);
    const wantRef = wantAt < 0 ? undefined : want.slice(wantAt + 1);
    if (path !== wantPath)
        return { ok: false, reason: `signed by ${actual}, expected ${want}` };
    if (wantRef !== undefined && !globMatch(wantRef, ref))
        return { ok: false, reason: `signed by ${actual}, expected ref ${wantRef}` };
    if (!isPinnedRef(ref)) {
        return { ok: false, reason: `the builder ${actual} runs from "${ref || '(no ref)'}", not a tag or a commit SHA` };
    }
    return { ok: true, builder: actual };
}
/** The run a bundle was signed in: run URI + commit + builder for keyless, the key itself for a key signer. */
function runKeyOf(e) {
    if (e.signer.kind === 'key')
        return `key:${e.signer.keyId}`;
    const id = e.signer.identity;
    return `${id.runInvocationUri ?? '(no run)'} ${id.sourceRepositoryDigest ?? '(no commit)'} ${id.buildSignerUri ?? '(no builder)'}`;
}
/** `run 8812 attempt 1, commit 4be1…9a0` for people. */
function describeRun(e) {
    if (e.signer.kind === 'key')
        return `key ${identity_short(e.signer.keyId.replace(/^sha256:/, ''))}`;
    const id = e.signer.identity;
    const m = /\/runs\/([0-9]+)(?:\/attempts\/([0-9]+))?/.exec(id.runInvocationUri ?? '');
    const run = m ? `run ${m[1]}${m[2] ? ` attempt ${m[2]}` : ''}` : 'no run id';
    const commit = id.sourceRepositoryDigest ? `commit ${identity_short(id.sourceRepositoryDigest)}` : 'no commit';
    return `${run}, ${commit}`;
}
function identity_short(hex) {
    return hex.length > 12 ? `${hex.slice(0, 4)}…${hex.slice(-4)}` : hex;
}

;// CONCATENATED MODULE: ../packages/verify/dist/gate/images.js
/**
 * Container images named by the evidence: `pkg:docker/...` and `pkg:oci/...` package URLs in the SBOM
 * (CycloneDX components, SPDX external refs) and in the provenance's resolved dependencies.
 */


const images_DIGEST = /^sha256:[0-9a-f]{64}$/;
/** Parses a docker/oci purl; other purls give undefined. */
function parseImagePurl(purl) {
    const m = /^pkg:(docker|oci)\/([^@?#]+)(?:@([^?#]+))?(?:\?([^#]*))?/.exec(purl);
    if (!m)
        return undefined;
    const type = m[1];
    let namePath = decodeURIComponent(m[2]);
    let version = decodeURIComponent(m[3] ?? '');
    // Tolerate the docker habit `name:tag` where a purl would say `name@tag`.
    const tagAt = namePath.lastIndexOf(':');
    if (!version && tagAt > namePath.lastIndexOf('/')) {
        version = namePath.slice(tagAt + 1);
        namePath = namePath.slice(0, tagAt);
    }
    const qualifiers = new URLSearchParams(m[4] ?? '');
    let registry = (qualifiers.get('repository_url') ?? '').replace(/^https?:\/\//, '').replace(/\/+$/, '');
    let repository;
    if (type === 'docker') {
        // purl-spec: the default repository_url of pkg:docker is Docker Hub.
        if (registry === '' || /^(registry\.hub\.docker\.com|index\.docker\.io|hub\.docker\.com)$/.test(registry))
            registry = 'docker.io';
        const name = registry === 'docker.io' && !namePath.includes('/') ? `library/${namePath}` : namePath;
        repository = `${registry}/${name}`;
    }
    else {
        // pkg:oci: repository_url is the full repository (registry/namespace/name).
        repository = registry === '' ? namePath : registry.includes('/') ? registry : `${registry}/${namePath}`;
    }
    const tag = qualifiers.get('tag') ?? '';
    return { repository: repository.toLowerCase(), version: version || tag, pinned: images_DIGEST.test(version), purl };
}
/** Every image purl named by an SBOM (CycloneDX or SPDX) or a provenance. */
function imagesIn(statements) {
    const purls = new Set();
    for (const s of statements)
        collectPurls(s, purls);
    const out = [];
    for (const p of [...purls].sort()) {
        const ref = parseImagePurl(p);
        if (ref)
            out.push(ref);
    }
    return out;
}
function collectPurls(s, out) {
    const p = s.predicate;
    // CycloneDX: components (nested) with purl.
    const walkComponents = (list) => {
        if (!Array.isArray(list))
            return;
        for (const c of list) {
            if (typeof c.purl === 'string')
                out.add(c.purl);
            walkComponents(c.components);
        }
    };
    walkComponents(p.components);
    const meta = p.metadata;
    if (meta?.component)
        walkComponents([meta.component]);
    // SPDX 2.3: packages[].externalRefs[] of type purl.
    if (Array.isArray(p.packages)) {
        for (const pkg of p.packages) {
            for (const r of pkg.externalRefs ?? [])
                if (r.referenceType === 'purl' && r.referenceLocator)
                    out.add(r.referenceLocator);
        }
    }
    // Provenance: resolvedDependencies uri/name.
    const bd = p.buildDefinition;
    for (const d of bd?.resolvedDependencies ?? []) {
        for (const v of [d.uri, d.name])
            if (typeof v === 'string' && /^pkg:(docker|oci)\//.test(v))
                out.add(v);
    }
}
/** `ghcr.io/acme` allows `ghcr.io/acme/x`; `docker.io` must be listed to allow Docker Hub. */
function registryAllowed(repository, allowed) {
    return allowed.some((a) => {
        const prefix = a
            .toLowerCase()
            .replace(/^https?:\/\//, '')
            .replace(/\/+$/, '');
        return repository === prefix || repository.startsWith(`${prefix}/`);
    });
}
/**
 * The bundle check the materials stage's image validation is given (it cannot import this package):
 * a key trust entry verifies with that key alone (no timestamp needed, as for the factory's key-signed
 * evidence); an identity entry with the trust roots given (default the shipped public-good and GitHub
 * ones) and the certificate SAN (and issuer).
 */
function imageSignatureVerifier(options = {}) {
    const byKey = new Map();
    let byIdentity;
    return (bundle, artifact, statement, trust) => {
        let verifier;
        if (trust.keyPem) {
            verifier = byKey.get(trust.keyPem) ?? createBundleVerifier({ publicKeys: [trust.keyPem], timestampThreshold: 0 });
            byKey.set(trust.keyPem, verifier);
        }
        else if (trust.identity) {
            verifier = byIdentity ??= createBundleVerifier(options.trustedRoot ? { trustedRoot: options.trustedRoot } : {});
        }
        else
            return { ok: false, reason: `the trust entry for ${trust.registry} names neither an identity nor a key` };
        const input = artifact.kind === 'digest'
            ? { kind: 'digest', algorithm: 'sha256', hex: artifact.sha256, sha256: artifact.sha256 }
            : { kind: 'bytes', data: artifact.data, sha256: (0,dist/* sha256Hex */.fg)(artifact.data) };
        const policy = { requireStatement: statement, checkClaims: false };
        // `*` in an identity matches any run of characters (a release tag, a ref): checked after the
        // verifier with core's linear wildcard matcher, never as a regular expression.
        const glob = trust.identity?.includes('*') === true;
        if (trust.identity && !glob)
            policy.subjectAlternativeName = trust.identity;
        if (trust.issuer)
            policy.issuer = trust.issuer;
        const v = verifier.verify(bundle, input, policy);
        if (!v.ok)
            return { ok: false, reason: `${v.code}: ${v.reason}` };
        if (trust.keyPem && v.signer.kind !== 'key')
            return { ok: false, reason: 'signed with a certificate, the policy trusts a key' };
        if (trust.identity && v.signer.kind !== 'certificate')
            return { ok: false, reason: 'signed with a key, the policy trusts an identity' };
        if (glob && v.signer.kind === 'certificate') {
            const san = v.signer.identity.subjectAlternativeName ?? '';
            if (!(0,dist/* identityGlobMatch */.Ii)(trust.identity ?? '', san)) {
                return {
                    ok: false,
                    reason: `IDENTITY: the certificate identity ${JSON.stringify(san)} does not match ${JSON.stringify(trust.identity)}`,
                };
            }
        }
        return { ok: true, signer: v.signer.kind === 'key' ? v.signer.keyId : (v.signer.identity.subjectAlternativeName ?? 'a certificate') };
    };
}

;// CONCATENATED MODULE: ../packages/verify/dist/gate/checks/waivers.js
/**
 * Waivers: scope digest × advisory|rule × environment, unexpired, within the maximum — the same
 * matching as the rescan loop (core's findWaiver). A failed waivable check passes as a warning when an
 * unexpired waiver covers it; every waiver used or found expired is listed, and an expired one blocks.
 */


/** Failed checks a waiver may cover by `rule:`; the chain itself (identity, signatures, same run) cannot be waived. */
const WAIVABLE_CHECKS = new Set(['registries', 'image-validation', 'tests', 'database-age']);
/** The waiver lookups for one digest in one environment at one time, and the list of those used. */
function waiverBook(policy, digest, environment, now) {
    const waivers = [];
    const waiverFor = (subject) => {
        const m = (0,dist/* findWaiver */.Gl)(policy.exceptions, { ...subject, digest: `sha256:${digest}`, environment }, now, policy.exceptionMaxDays);
        const use = (hit, state) => ({
            index: hit.index,
            scope: [hit.exception.advisory, hit.exception.rule, hit.exception.package].filter(Boolean).join(' '),
            reason: hit.exception.reason,
            approver: hit.exception.approver,
            expires: hit.exception.expires,
            state,
        });
        return { ok: m.active ? use(m.active, 'used') : undefined, expired: m.expired ? use(m.expired, 'expired') : undefined };
    };
    const noteWaiver = (w) => {
        if (!waivers.some((x) => x.index === w.index && x.state === w.state))
            waivers.push(w);
    };
    return { waiverFor, noteWaiver, waivers };
}
/** A failed waivable check passes (as a warning) when an unexpired waiver covers its rule id. */
function waive(check, ctx) {
    if (check.status !== 'fail')
        return check;
    if (!WAIVABLE_CHECKS.has(check.id) && !check.id.startsWith('rule:'))
        return check;
    const name = check.id.startsWith('rule:') ? check.id.slice(5) : check.id;
    const byName = ctx.waiverFor({ rule: name });
    const w = byName.ok || byName.expired ? byName : ctx.waiverFor({ rule: check.id });
    if (w.ok) {
        ctx.noteWaiver(w.ok);
        return { ...check, status: 'warn', reason: `${check.reason} — waived by ${w.ok.approver} until ${w.ok.expires}` };
    }
    if (w.expired) {
        ctx.noteWaiver(w.expired);
        return { ...check, reason: `${check.reason} — its waiver by ${w.expired.approver} expired ${w.expired.expires}` };
    }
    return check;
}
/** The summary of every waiver the other checks used; runs last. */
const waiversCheck = ({ waivers, policy }) => {
    if (waivers.length === 0)
        return [];
    const expired = waivers.filter((w) => w.state === 'expired');
    return [
        {
            id: 'waivers',
            title: 'waivers',
            stage: 'gate',
            status: expired.length > 0 ? 'fail' : 'warn',
            reason: waivers
                .map((w) => `${w.scope} ${w.state === 'expired' ? 'EXPIRED' : 'waived'} by ${w.approver} until ${w.expires} (${w.reason})`)
                .join('; '),
            evidence: `policy sha256:${identity_short(policy.source.sha256)}`,
            ...(expired.length > 0 ? { fix: 'fix what the expired waiver covered, or renew it with a new expiry and approver' } : {}),
        },
    ];
};

;// CONCATENATED MODULE: ../packages/verify/dist/gate/checks/image-validation.js


const IMAGE_VALIDATION_PROPERTY = 'secure-factory:image:validation';
function fromPairs(purl, pairs) {
    const image = parseImagePurl(purl);
    if (!image)
        return [];
    const verdicts = pairs.filter(([k]) => k === IMAGE_VALIDATION_PROPERTY).map(([, v]) => v);
    if (verdicts.length === 0)
        return [];
    const get = (k) => pairs.find(([n]) => n === `${IMAGE_VALIDATION_PROPERTY}:${k}`)?.[1];
    // Two verdicts for one component: verified only when both say so.
    const verdict = verdicts.find((v) => v !== 'verified') ?? 'verified';
    const r = { image, verdict };
    const digest = get('digest');
    const signer = get('signer');
    const bundle = get('bundle');
    if (digest)
        r.digest = digest;
    if (signer)
        r.signer = signer;
    if (bundle)
        r.bundle = bundle;
    return [r];
}
/** The validation verdicts a CycloneDX or SPDX SBOM predicate records. */
function recordedImageVerdicts(sbom) {
    const p = sbom.predicate;
    const out = [];
    const walk = (list) => {
        if (!Array.isArray(list))
            return;
        for (const c of list) {
            if (c === null || typeof c !== 'object')
                continue;
            if (typeof c.purl === 'string' && Array.isArray(c.properties)) {
                const pairs = c.properties.flatMap((x) => x && typeof x.name === 'string' && typeof x.value === 'string' ? [[x.name, x.value]] : []);
                out.push(...fromPairs(c.purl, pairs));
            }
            walk(c.components);
        }
    };
    walk(p.components);
    if (Array.isArray(p.packages)) {
        for (const pkg of p.packages) {
            if (pkg === null || typeof pkg !== 'object' || !Array.isArray(pkg.externalRefs) || !Array.isArray(pkg.annotations))
                continue;
            const purl = pkg.externalRefs.find((r) => r && r.referenceType === 'purl' && typeof r.referenceLocator === 'string')?.referenceLocator;
            if (!purl)
                continue;
            const pairs = [];
            for (const a of pkg.annotations) {
                if (!a || typeof a.comment !== 'string')
                    continue;
                for (const line of a.comment.split('\n')) {
                    const eq = line.indexOf('=');
                    if (eq > 0)
                        pairs.push([line.slice(0, eq), line.slice(eq + 1)]);
                }
            }
            out.push(...fromPairs(purl, pairs));
        }
    }
    return out;
}
function label(img) {
    return img.version ? `${img.repository}${img.pinned ? '@' : ':'}${img.version}` : img.repository;
}
const WHAT = {
    unsigned: 'no signature',
    untrusted: 'no signature by a signer the policy trusts',
    unreachable: 'its registry could not be read',
    refused: 'its registry contradicted itself',
    unresolved: 'the reference names no image',
};
const imageValidationCheck = (ctx) => {
    const { used, policy } = ctx;
    if (policy.materials.images.validated !== 'required')
        return [];
    const images = imagesIn([used.sbom, used.provenance].filter((e) => e !== undefined).map((e) => e.statement));
    if (images.length === 0)
        return [];
    const recorded = used.sbom ? recordedImageVerdicts(used.sbom.statement) : [];
    const bad = [];
    let missingVerdict = false;
    let refused = false;
    for (const img of images) {
        const mine = recorded.filter((r) => r.image.repository === img.repository && (r.image.version === img.version || (img.pinned && r.digest === img.version)));
        if (mine.length === 0) {
            missingVerdict = true;
            bad.push(`${label(img)}: no validation verdict in the signed SBOM`);
            continue;
        }
        const r = mine.find((m) => m.verdict !== 'verified');
        if (!r)
            continue;
        if (r.verdict === 'refused')
            refused = true;
        bad.push(`${label(img)}: ${r.verdict} (${WHAT[r.verdict] ?? 'not verified'})`);
    }
    const verified = images.length - bad.length;
    const signers = [...new Set(recorded.filter((r) => r.verdict === 'verified').flatMap((r) => (r.signer ? [r.signer] : [])))];
    const fixes = [];
    if (bad.length > missingVerdictCount(bad))
        fixes.push('build FROM a base image signed by a signer materials.images.trust names for its registry, and run the factory again');
    if (missingVerdict)
        fixes.push('produce the evidence again with this secure-factory (the materials stage records each base image verdict in the SBOM) and materials.images.trust naming the signers');
    const check = {
        id: 'image-validation',
        title: 'base image validation',
        stage: 'materials',
        status: bad.length > 0 ? 'fail' : 'pass',
        reason: bad.length > 0
            ? `${bad.join('; ')} (materials.images.validated: required)`
            : `${verified} image(s) verified${signers.length > 0 ? ` (signed by ${signers.join(', ')})` : ''}`,
        ...(used.sbom ? { evidence: 'SBOM' } : {}),
        ...(bad.length > 0 ? { fix: fixes.join('; ') } : {}),
    };
    // A registry that lied is never waived: the image is not what its reference says.
    return [refused ? check : waive(check, ctx)];
};
function missingVerdictCount(bad) {
    return bad.filter((b) => b.endsWith('no validation verdict in the signed SBOM')).length;
}

;// CONCATENATED MODULE: ../packages/verify/dist/gate/vulns.js
/**
 * Findings out of a vulns v0.1 predicate (`scanner.result.vulnerabilities[]`): the advisory id, its
 * severity (a word or a CVSS base score), and the package and fix when the scanner annotated them.
 */

function vulnFindings(predicate) {
    const p = predicate;
    const list = p.scanner?.result?.vulnerabilities ?? [];
    return list.map(toFinding);
}
function toFinding(v) {
    // No prototype: an annotation with an own "__proto__" key (JSON.parse makes one) stays a plain key and
    // cannot give the other lookups below inherited values.
    const notes = Object.create(null);
    for (const a of v.annotations ?? [])
        Object.assign(notes, a);
    let severity;
    // A signed statement may still be malformed (`severity: "high"`, entries without a score): only
    // string scores are read; anything else gives no severity, which counts as critical below.
    for (const s of Array.isArray(v.severity) ? v.severity : []) {
        const score = s?.score;
        const sev = typeof score === 'string' ? severityOf(score) : undefined;
        if (sev && (!severity || rank(sev) > rank(severity)))
            severity = sev;
    }
    if (!severity && typeof notes.severity === 'string')
        severity = severityOf(notes.severity);
    // The package: a string (`name`, `name@version`, a purl) or the materials stage's {ecosystem, name, version}.
    // Read through str(): a string, number or null in its place has no string name or version.
    const pkgObj = notes.package;
    const pkg = vulns_str(pkgObj?.name) ?? vulns_str(notes.package) ?? vulns_str(notes.purl) ?? vulns_str(notes.name);
    const version = vulns_str(pkgObj?.version) ?? vulns_str(notes.version);
    const fixedList = [notes.fixed, notes.fixedVersions].find((x) => Array.isArray(x) && x.length > 0);
    const fixed = fixedList ? fixedList.map(String).join(', ') : (vulns_str(notes.fixed) ?? vulns_str(notes.fixedVersion));
    const aliases = Array.isArray(notes.aliases) ? notes.aliases.map(String) : [];
    return {
        id: v.id,
        aliases,
        // An advisory without a usable severity is treated as critical: the gate fails closed.
        severity: severity ?? 'critical',
        ...(pkg ? { package: version && !pkg.includes('@') ? `${pkg}@${version}` : pkg, packageName: pkg } : {}),
        ...(pkg && version ? { packageVersion: version } : {}),
        ...(fixed ? { fixed } : {}),
    };
}
function vulns_str(v) {
    return typeof v === 'string' && v !== '' ? v : undefined;
}
const RANK = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };
function rank(s) {
    return RANK[s];
}
/** `CRITICAL`, `moderate`, `9.8` are understood; anything else (`none`, `unknown`, a vector) is no severity. */
function severityOf(score) {
    const word = score.trim().toLowerCase();
    if (word === 'moderate')
        return 'medium';
    if ((0,dist/* isSeverity */._Z)(word))
        return word;
    const n = /^([0-9]+(?:\.[0-9]+)?)$/.exec(word);
    if (n) {
        const x = Number(n[1]);
        if (x >= 9)
            return 'critical';
        if (x >= 7)
            return 'high';
        if (x >= 4)
            return 'medium';
        if (x > 0)
            return 'low';
        return 'info';
    }
    return undefined;
}

;// CONCATENATED MODULE: ../packages/verify/dist/gate/checks/context.js
/**
 * What every gate check sees: the policy section for the environment, the evidence already sorted by
 * signer and run, and the waiver bookkeeping. Built once by the runner (../evaluate.ts); a check
 * reads it and returns its own results, each with the stage it blames and the fix it suggests.
 */

/** The verifier id of the VSAs the gate writes. */
const GATE_VERIFIER_ID = `${dist/* TOOL_URI */.qH}/gate-deploy`;
const KINDS = ['provenance', 'source', 'sbom', 'vulnerabilities', 'tests'];
const CLOCK_SKEW_MS = 5 * 60_000;
const MISSING = 'no signed evidence of this kind for this artefact';
function missing(id, title, stage, fix) {
    return { id, title, stage, status: 'fail', reason: MISSING, fix };
}
function kindOf(e) {
    const t = e.statement.predicateType;
    if (t === dist/* PREDICATE */.W3.provenance)
        return 'provenance';
    if (t === dist/* PREDICATE */.W3.cyclonedx || t === dist/* PREDICATE */.W3.spdx)
        return 'sbom';
    if (t === dist/* PREDICATE */.W3.vulns)
        return 'vulnerabilities';
    if (t === dist/* PREDICATE */.W3.testResult)
        return 'tests';
    if (t === dist/* PREDICATE */.W3.vsa) {
        const p = e.statement.predicate;
        const levels = p.verifiedLevels ?? [];
        // A source VSA (checkout-verify) speaks of source levels only, or says FAILED; the gate's own VSA is not source evidence.
        if (p.verifier?.id === GATE_VERIFIER_ID || levels.some((l) => l.startsWith('SLSA_BUILD_LEVEL_')))
            return undefined;
        if (levels.length === 0 || levels.every((l) => l.startsWith('SLSA_SOURCE_LEVEL_') || l === 'FAILED'))
            return 'source';
    }
    return undefined;
}
function timeLabel(e) {
    if (!e.trustedTime)
        return 'no trusted time';
    const t = e.trustedTime.time.toISOString().slice(0, 16).replace('T', ' ');
    const by = { tlog: 'Rekor', tsa: 'TSA', key: 'key made' }[e.trustedTime.source];
    return `${by} ${t} UTC`;
}
function newest(list) {
    return [...list].sort((a, b) => (b.trustedTime?.time.getTime() ?? 0) - (a.trustedTime?.time.getTime() ?? 0))[0];
}

;// CONCATENATED MODULE: ../packages/verify/dist/gate/checks/builder-identity.js


/** Splits the verified evidence by whether the builder signed it, and files the builder's by kind. */
function selectByBuilder(evidence, builder) {
    const fromBuilder = [];
    const wrongIdentity = [];
    for (const e of evidence) {
        const m = matchBuilder(e.signer, builder);
        if (m.ok)
            fromBuilder.push(e);
        else
            wrongIdentity.push(`${kindOf(e) ?? e.statement.predicateType}: ${m.reason}`);
    }
    const byKind = new Map();
    for (const e of fromBuilder) {
        const k = kindOf(e);
        if (k)
            byKind.set(k, [...(byKind.get(k) ?? []), e]);
    }
    return { fromBuilder, wrongIdentity, byKind };
}
function builderLabel(e) {
    if (e.signer.kind === 'key')
        return `key ${e.signer.keyId}`;
    return e.signer.identity.buildSignerUri?.replace(/^https:\/\/github\.com\//, '');
}
const builderIdentityCheck = ({ required, used, wrongIdentity, builder, environment }) => {
    const base = { id: 'builder', title: 'builder identity', stage: 'build' };
    const prov = used.provenance;
    const ignored = `ignored ${wrongIdentity.length} bundle(s) by other signers: ${wrongIdentity.join('; ')}`;
    if (prov) {
        return [
            {
                ...base,
                status: wrongIdentity.length > 0 ? 'warn' : 'pass',
                reason: (builderLabel(prov) ?? 'signed') + (wrongIdentity.length > 0 ? `; ${ignored}` : ''),
                evidence: `provenance, ${timeLabel(prov)}`,
            },
        ];
    }
    if (required.has('provenance')) {
        const seen = wrongIdentity.filter((w) => w.startsWith('provenance'));
        return [
            {
                ...base,
                status: 'fail',
                reason: builder === undefined
                    ? 'no builder identity is configured, so no provenance can be trusted'
                    : seen.length > 0
                        ? seen.join('; ')
                        : `no provenance signed by ${builder}`,
                fix: builder === undefined
                    ? `set deploy.${environment}.builder (e.g. OWNER/secure-factory/.github/workflows/secure-factory.yml@refs/tags/v1.3.0) in the policy, or the gate-deploy input builder (CLI: --certificate-identity)`
                    : 'build with the factory workflow named in the policy, pinned by tag or commit SHA',
            },
        ];
    }
    return wrongIdentity.length > 0 ? [{ ...base, status: 'warn', reason: ignored }] : [];
};
/**
 * Evidence that verified but was set aside for its signer is not "missing": say so, and point at the
 * builder. Rewrites the other checks' results; runs after all of them.
 */
function attributeMissing(checks, ctx) {
    return checks.map((c) => {
        const rejected = ctx.wrongIdentity.filter((w) => w.startsWith(`${c.id}:`));
        if (c.status !== 'fail' || c.reason !== MISSING || rejected.length === 0)
            return c;
        return {
            ...c,
            stage: 'gate',
            reason: `the ${c.title} verified, but not from the trusted builder (${rejected[0]?.slice(c.id.length + 2)})`,
            fix: ctx.builder === undefined
                ? `set deploy.${ctx.environment}.builder to the factory workflow that signs the evidence (or the gate-deploy input builder)`
                : 'sign the evidence with the factory workflow named in the policy (deploy.<env>.builder)',
        };
    });
}

;// CONCATENATED MODULE: ../packages/verify/dist/gate/checks/environment.js
/**
 * The deploy policy for the environment. No deploy section at all: the built-in defaults. Some
 * sections but not this one: a typo must not silently trade the environment's own rules for the
 * defaults, so that refuses.
 */

function deployPolicyCheck(policy, environment) {
    const noDeploySection = Object.keys(policy.deploy).length === 0;
    const deploy = (0,dist/* deployPolicyFor */.hj)(policy, environment) ?? (noDeploySection ? (0,dist/* defaultDeploy */.Jg)() : undefined);
    const checks = [];
    const base = { id: 'environment', title: 'deploy policy', stage: 'gate' };
    if (noDeploySection) {
        checks.push({ ...base, status: 'pass', reason: `no deploy section in ${policy.source.file}: the built-in defaults apply` });
    }
    if (!deploy) {
        checks.push({
            ...base,
            status: 'fail',
            reason: `the policy has no deploy section for "${environment}"`,
            fix: `add deploy.${environment} to ${policy.source.file} (environments there: ${Object.keys(policy.deploy).join(', ') || 'none'})`,
        });
    }
    return { deploy, checks };
}

;// CONCATENATED MODULE: ../packages/verify/dist/gate/checks/freshness.js
/**
 * Freshness of the scan in use: its age by the transparency log / timestamp authority (never by dates
 * the statement claims), and the age of its vulnerability database (waivable by rule `database-age`).
 */



function scanAgeCheck(scan, { now, deploy }) {
    const base = { id: 'scan-age', title: 'scan age' };
    const scanAge = scan.trustedTime ? now.getTime() - scan.trustedTime.time.getTime() : undefined;
    if (!scan.trustedTime) {
        return {
            ...base,
            // The signing (attest) leaves the time out, not the scan.
            stage: 'attest',
            status: 'fail',
            reason: 'the scan bundle carries no transparency-log or timestamp time',
            fix: 'sign with a transparency log or a timestamp authority (attest inputs rekor-url or tsa-url)',
        };
    }
    if (scanAge !== undefined && scanAge < -CLOCK_SKEW_MS) {
        return {
            ...base,
            stage: 'materials',
            status: 'fail',
            reason: `the scan's trusted time ${timeLabel(scan)} is in the future`,
            fix: "check this machine's clock",
        };
    }
    const ok = (scanAge ?? Infinity) <= deploy.maxScanAgeMs;
    return {
        ...base,
        stage: 'materials',
        status: ok ? 'pass' : 'fail',
        reason: `${(0,dist/* humanAge */.DZ)(Math.max(0, scanAge ?? 0))} old by ${timeLabel(scan)}${ok ? '' : `; the limit is ${(0,dist/* formatDuration */.a3)(deploy.maxScanAgeMs)}`}`,
        ...(ok ? {} : { fix: 'rescan (run the factory again) and gate with the fresh evidence' }),
    };
}
function databaseAgeCheck(scan, { now, deploy }) {
    const base = { id: 'database-age', title: 'database age', stage: 'materials' };
    const lastUpdate = scan.statement.predicate.scanner?.database?.lastUpdate;
    const dbTime = lastUpdate ? Date.parse(lastUpdate) : NaN;
    const scanTime = scan.trustedTime?.time.getTime();
    if (Number.isNaN(dbTime)) {
        return {
            ...base,
            status: 'fail',
            reason: 'the scan does not say when its vulnerability database was updated',
            fix: 'use a scanner that records scanner.database.lastUpdate',
        };
    }
    if (scanTime !== undefined && dbTime > scanTime + CLOCK_SKEW_MS) {
        return {
            ...base,
            status: 'fail',
            reason: `the database claims an update (${lastUpdate}) after the scan was signed`,
            fix: 'the scan statement is inconsistent; rescan',
        };
    }
    const age = now.getTime() - dbTime;
    const ok = age <= deploy.maxDatabaseAgeMs;
    return {
        ...base,
        status: ok ? 'pass' : 'fail',
        reason: `${(0,dist/* humanAge */.DZ)(Math.max(0, age))} old${ok ? '' : `; the limit is ${(0,dist/* formatDuration */.a3)(deploy.maxDatabaseAgeMs)}`}`,
        ...(ok ? {} : { fix: 'update the vulnerability database and rescan' }),
    };
}
const freshnessCheck = (ctx) => {
    const scan = ctx.used.vulnerabilities;
    if (!scan)
        return [];
    return [scanAgeCheck(scan, ctx), waive(databaseAgeCheck(scan, ctx), ctx)];
};

;// CONCATENATED MODULE: ../packages/verify/dist/gate/checks/isolation.js
/**
 * Isolation is evidence: the factory's provenance records how the build was isolated
 * (`internalParameters.isolation.tool`: bubblewrap with its version, or the weaker unshare fallback).
 * The default policy admits only builds isolated by bubblewrap; a provenance of the factory's build
 * type that names another kind, or none, fails the check with the way to install it. Provenance of
 * other build types (slsa-github-generator, a container builder) says nothing the gate can read here
 * and is left to the builder-identity check.
 */


const ISOLATION_INSTALL_HINT = 'install bubblewrap on the runner (`sudo apt-get install -y bubblewrap`; on GitHub ubuntu-24.04 also `sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0`) and build again';
/** The isolation check for one provenance predicate, or undefined when it is not the factory's build type. */
function isolationCheck(predicate, evidence) {
    const def = predicate?.buildDefinition;
    if (def?.buildType !== dist/* BUILD_TYPE */.mK)
        return undefined;
    const iso = def.internalParameters?.isolation;
    const tool = typeof iso?.tool === 'string' ? iso.tool : undefined;
    const version = typeof iso?.version === 'string' ? iso.version : '';
    if (tool === 'bubblewrap') {
        return {
            id: 'isolation',
            title: 'build isolation',
            stage: 'build',
            status: 'pass',
            reason: `bubblewrap ${version}${typeof iso?.workspace === 'string' ? `, ${iso.workspace} workspace` : ''}`.trim(),
            evidence,
        };
    }
    return {
        id: 'isolation',
        title: 'build isolation',
        stage: 'build',
        status: 'fail',
        reason: tool
            ? `the build ran under ${tool}${version ? ` ${version}` : ''}, a weaker isolation than bubblewrap, which the policy requires`
            : 'the provenance does not say how the build was isolated',
        evidence,
        fix: ISOLATION_INSTALL_HINT,
    };
}
/** Isolation is evidence: the provenance in use must say bubblewrap. */
const isolationGateCheck = ({ used }) => {
    const prov = used.provenance;
    const check = prov ? isolationCheck(prov.statement.predicate, `provenance, ${timeLabel(prov)}`) : undefined;
    return check ? [check] : [];
};

;// CONCATENATED MODULE: ../packages/verify/dist/gate/checks/remediations.js
const remediationsCheck = ({ input, now, waiverFor, noteWaiver }) => {
    const open = input.openRemediations ?? [];
    if (open.length === 0)
        return [];
    const blocking = [];
    const waived = [];
    for (const r of open) {
        const w = waiverFor({ ids: [r.advisory, ...r.aliases], package: { name: r.package.name, version: r.package.version } });
        const what = `${r.severity}: ${r.advisory} in ${r.package.name}@${r.package.version}${r.fixedVersions.length > 0 ? ` (fixed in ${r.fixedVersions.join(', ')})` : ''}, found by the rescan ${r.firstSeen.slice(0, 10)}, deadline ${r.deadline}${Date.parse(r.deadline) < now.getTime() ? ' (passed)' : ''}`;
        if (w.ok) {
            noteWaiver(w.ok);
            waived.push(`${r.advisory} waived by ${w.ok.approver} until ${w.ok.expires}`);
        }
        else {
            if (w.expired)
                noteWaiver(w.expired);
            blocking.push(w.expired ? `${what} — its waiver by ${w.expired.approver} expired ${w.expired.expires}` : what);
        }
    }
    return [
        {
            id: 'remediations',
            title: 'open remediations',
            stage: 'materials',
            status: blocking.length > 0 ? 'fail' : 'warn',
            reason: blocking.length > 0 ? blocking.join('; ') : waived.join('; '),
            evidence: 'remediations.json (rescan)',
            ...(blocking.length > 0 ? { fix: 'rebuild with the fixed versions, or add a waiver with an expiry' } : {}),
        },
    ];
};

;// CONCATENATED MODULE: ../packages/verify/dist/gate/checks/rules.js
/** The policy's CEL rules over the typed evidence; an error in a rule is a "no" (the gate fails closed). */


const rulesCheck = (ctx) => {
    const { deploy, input, used, findings } = ctx;
    if (deploy.rules.length === 0)
        return [];
    const runner = new dist/* CelRuleRunner */.v6(celContext(input, used, findings));
    return deploy.rules.map((rule) => {
        let status;
        let reason;
        try {
            const ok = runner.evaluate(rule.expression, rule.name);
            status = ok ? 'pass' : 'fail';
            reason = ok ? 'holds' : (rule.message ?? `${rule.expression} is false`);
        }
        catch (e) {
            status = 'fail';
            reason = (0,dist/* errorMessage */.gJ)(e);
        }
        return waive({
            id: `rule:${rule.name}`,
            title: `rule ${rule.name}`,
            stage: 'gate',
            status,
            reason,
            ...(status === 'fail' ? { fix: 'meet the rule or waive it with an exception (rule: ' + rule.name + ')' } : {}),
        }, ctx);
    });
};
/** The typed input CEL rules see. */
function celContext(input, used, findings) {
    const pred = (k) => used[k]?.statement.predicate ?? null;
    const prov = used.provenance;
    return {
        subject: { digest: `sha256:${input.digest}`, name: input.name ?? '' },
        environment: input.environment,
        now: input.now.toISOString(),
        provenance: pred('provenance'),
        source: pred('source'),
        sbom: pred('sbom'),
        vulns: pred('vulnerabilities'),
        tests: pred('tests'),
        identity: prov?.signer.kind === 'certificate' ? { ...prov.signer.identity } : {},
        findings: findings.map((f) => ({ id: f.id, severity: f.severity, package: f.package ?? '', fixed: f.fixed ?? '' })),
        statements: Object.entries(used).map(([kind, e]) => ({
            kind,
            predicateType: e.statement.predicateType,
            subjectCount: e.statement.subject.length,
            trustedTime: e.trustedTime?.time.toISOString() ?? '',
        })),
    };
}

;// CONCATENATED MODULE: ../packages/verify/dist/gate/checks/registries.js
/** Registries: container images (from the SBOM and provenance) only from allowed registries, pinned by digest when the policy says so. */


const registriesCheck = (ctx) => {
    const { used, deploy, policy } = ctx;
    const images = imagesIn([used.sbom, used.provenance].filter((e) => e !== undefined).map((e) => e.statement));
    if (images.length === 0 && deploy.registries.length === 0)
        return [];
    const pinnedPolicy = policy.materials.images.pinned;
    const bad = [];
    for (const img of images) {
        if (deploy.registries.length > 0 && !registryAllowed(img.repository, deploy.registries))
            bad.push(`${img.repository} is not from an allowed registry`);
        else if (pinnedPolicy === 'digest' && !img.pinned)
            bad.push(`${img.repository}:${img.version || 'latest'} is not pinned by digest`);
    }
    return [
        waive({
            id: 'registries',
            title: 'image registries',
            stage: 'materials',
            status: bad.length > 0 ? 'fail' : 'pass',
            reason: bad.length > 0
                ? bad.join('; ')
                : images.length === 0
                    ? 'no container images'
                    : `${images.length} image(s), all ${deploy.registries.length > 0 ? `from ${deploy.registries.join(', ')}` : 'allowed'}${pinnedPolicy === 'digest' ? ', by digest' : ''}`,
            ...(bad.length > 0
                ? { fix: `use images from ${deploy.registries.join(', ') || 'an allowed registry'}, pinned by @sha256 digest` }
                : {}),
        }, ctx),
    ];
};

;// CONCATENATED MODULE: ../packages/verify/dist/gate/checks/same-run.js


/** Picks the run (the newest provenance's, else the run most statements come from) and the evidence used from it. */
function pickRun(ctx, deploy) {
    let anchor = newest(ctx.byKind.get('provenance') ?? []);
    if (!anchor) {
        const counts = new Map();
        for (const e of ctx.fromBuilder)
            counts.set(runKeyOf(e), (counts.get(runKeyOf(e)) ?? 0) + 1);
        const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
        anchor = ctx.fromBuilder.find((e) => runKeyOf(e) === top);
    }
    const anchorRun = anchor ? runKeyOf(anchor) : undefined;
    const used = {};
    const offRun = [];
    for (const k of KINDS) {
        const list = ctx.byKind.get(k) ?? [];
        const same = list.filter((e) => runKeyOf(e) === anchorRun);
        const chosen = newest(same) ?? (deploy.sameRun ? undefined : newest(list));
        if (chosen)
            used[k] = chosen;
        else if (list.length > 0) {
            // Evidence of this kind exists, but only from another run: it must not vouch for this artefact.
            offRun.push(`${k} comes from ${describeRun(list[0])}`);
            if (deploy.sameRun)
                used[k] = newest(list);
        }
    }
    return { anchor, used, offRun };
}
/** Cross-checks between the certificate and what the statements say about the commit. */
function mismatchesOf({ anchor, used, offRun, byKind }) {
    const prov = used.provenance;
    const mismatches = [...offRun];
    if (anchor?.signer.kind === 'key')
        mismatches.push(...keyRunMismatches(prov, byKind.get('provenance') ?? []));
    if (anchor) {
        // A certificate names the run's commit; a key does not, so for key-signed evidence the signed
        // provenance's source commit is the run's, and every statement must agree with it.
        const commit = anchor.signer.kind === 'certificate' ? anchor.signer.identity.sourceRepositoryDigest : prov ? gitCommitsIn(prov)[0] : undefined;
        // A certificate without a commit claim (neither Fulcio's 1.3.6.1.4.1.57264.1.13 nor the legacy .1.3)
        // cannot bind the statements to a commit: the run is not known to have built what they name.
        if (anchor.signer.kind === 'certificate' && !commit)
            mismatches.push("the run's certificate names no source commit (Fulcio's source repository digest), so the statements cannot be bound to it");
        const provCommits = prov ? gitCommitsIn(prov) : [];
        if (commit && prov && provCommits.length > 0 && !provCommits.includes(commit)) {
            mismatches.push(`the provenance names commit ${identity_short(provCommits[0])}, its certificate ${identity_short(commit)}`);
        }
        const src = used.source;
        // Key-signed evidence is bound through the provenance's commit: without one, nothing ties the source
        // VSA to what was built.
        if (anchor.signer.kind === 'key' && !commit && src)
            mismatches.push('the key-signed provenance names no source commit, so the source VSA cannot be bound to the build');
        if (commit && src) {
            const named = src.statement.subject.map((s) => s.digest.gitCommit).filter((c) => typeof c === 'string');
            // A source VSA verifies a commit (the factory's names it as a gitCommit subject): one that names
            // none verifies nothing this run is known to have built.
            if (named.length === 0)
                mismatches.push(`the source VSA names no commit (a gitCommit subject), the run built ${identity_short(commit)}`);
            else if (!named.includes(commit))
                mismatches.push(`the source VSA is about commit ${identity_short(named[0])}, the run built ${identity_short(commit)}`);
        }
    }
    return mismatches;
}
const sameRunCheck = (ctx) => {
    const mismatches = mismatchesOf(ctx);
    const usedList = Object.values(ctx.used);
    if (!ctx.deploy.sameRun || usedList.length === 0)
        return [];
    return [
        {
            id: 'same-run',
            title: 'same run',
            stage: 'attest',
            status: mismatches.length > 0 ? 'fail' : 'pass',
            reason: mismatches.length > 0 ? `evidence is mixed: ${mismatches.join('; ')}` : ctx.anchor ? describeRun(ctx.anchor) : 'one run',
            evidence: `${usedList.length} bundle(s)`,
            ...(mismatches.length > 0
                ? { fix: 'gate the artefact with the evidence of the run that built it; re-run the factory for a fresh, complete set' }
                : {}),
        },
    ];
};
/**
 * Key-signed evidence is one run only when its signed statements say so: every provenance from the
 * key must name the same run (invocation id) and the same source commit as the one in use.
 */
function keyRunMismatches(prov, provenances) {
    if (!prov)
        return [];
    const runOf = (e) => {
        const id = e.statement.predicate.runDetails?.metadata?.invocationId;
        return typeof id === 'string' && id !== '' ? id : undefined;
    };
    const out = [];
    const run = runOf(prov);
    const commit = gitCommitsIn(prov)[0];
    for (const other of provenances) {
        if (other === prov || other.signer.kind !== 'key' || prov.signer.kind !== 'key' || other.signer.keyId !== prov.signer.keyId)
            continue;
        const otherRun = runOf(other);
        const otherCommit = gitCommitsIn(other)[0];
        if (otherRun !== run)
            out.push(`key-signed provenances name different runs (${run ?? 'none'}, ${otherRun ?? 'none'})`);
        else if (otherCommit !== commit)
            out.push(`key-signed provenances name different commits (${identity_short(commit ?? 'none')}, ${identity_short(otherCommit ?? 'none')})`);
    }
    return out;
}
function gitCommitsIn(e) {
    const p = e.statement.predicate;
    const out = [];
    for (const d of p.buildDefinition?.resolvedDependencies ?? []) {
        const c = d.digest?.gitCommit ?? d.digest?.sha1;
        if (typeof c === 'string' && /^[0-9a-f]{40}$/.test(c))
            out.push(c);
    }
    return out;
}

;// CONCATENATED MODULE: ../packages/verify/dist/gate/checks/sbom.js
/** SBOM: a signed SBOM (CycloneDX or SPDX 2.3) from the same run. */


const sbomCheck = ({ required, used }) => {
    const sbom = used.sbom;
    if (!required.has('sbom') && !sbom)
        return [];
    if (!sbom)
        return [missing('sbom', 'SBOM', 'materials', 'run scan-deps (the materials stage) in the same run')];
    return [
        {
            id: 'sbom',
            title: 'SBOM',
            stage: 'materials',
            status: 'pass',
            reason: sbom.statement.predicateType === dist/* PREDICATE */.W3.spdx ? 'SPDX 2.3' : 'CycloneDX',
            evidence: timeLabel(sbom),
        },
    ];
};

;// CONCATENATED MODULE: ../packages/verify/dist/gate/checks/signatures.js
/** Signatures: every bundle naming this digest verified; unsigned statements never count. */

const signaturesCheck = ({ input }) => {
    const invalid = input.rejected.filter((r) => r.kind !== 'unsigned');
    const unsigned = input.rejected.filter((r) => r.kind === 'unsigned');
    const base = { id: 'signatures', title: 'signatures', stage: 'attest' };
    if (invalid.length > 0) {
        return [
            {
                ...base,
                status: 'fail',
                reason: `${invalid.length} bundle(s) naming this artefact do not verify: ${invalid.map((r) => `${r.origin}: ${r.reason}`).join('; ')}`,
                fix: 'remove the bundle or re-sign the evidence; a bundle that does not verify may have been tampered with',
            },
        ];
    }
    if (input.evidence.length === 0) {
        const others = input.otherBundles ?? 0;
        return [
            {
                ...base,
                status: 'fail',
                reason: `no signed evidence names sha256:${input.digest}` +
                    (others > 0 ? ` (${others} bundle(s) found name other digests: is this the artefact that was built?)` : '') +
                    (unsigned.length > 0 ? `; ${unsigned.length} unsigned statement(s) do not count` : ''),
                fix: 'gate the exact artefact the factory built, and sign its evidence with the attest stage',
            },
        ];
    }
    return [
        {
            ...base,
            status: unsigned.length > 0 ? 'warn' : 'pass',
            reason: `${input.evidence.length} bundle(s) verified` +
                (unsigned.length > 0 ? `; ${unsigned.length} unsigned statement(s) ignored (${unsigned.map((u) => u.origin).join(', ')})` : ''),
            evidence: input.evidence.map((e) => kindOf(e) ?? e.statement.predicateType).join(', '),
        },
    ];
};

;// CONCATENATED MODULE: ../packages/verify/dist/gate/checks/source.js

const sourceCheck = ({ required, used, deploy }) => {
    const src = used.source;
    if (!required.has('source') && !src)
        return [];
    if (!src)
        return [missing('source', 'source VSA', 'source', 'run checkout-verify (the source stage) in the same run')];
    const p = src.statement.predicate;
    const level = Math.max(-1, ...(p.verifiedLevels ?? [])
        .map((l) => /^SLSA_SOURCE_LEVEL_([0-9]+)$/.exec(l)?.[1])
        .filter((x) => x !== undefined)
        .map(Number));
    const ok = p.verificationResult === 'PASSED' && level >= deploy.sourceLevel;
    return [
        {
            id: 'source',
            title: 'source level',
            stage: 'source',
            status: ok ? 'pass' : 'fail',
            reason: p.verificationResult !== 'PASSED'
                ? `the source verification ${p.verificationResult ?? 'has no result'}`
                : `SLSA Source level ${level < 0 ? 'none' : level}${ok ? '' : `, the policy needs ${deploy.sourceLevel}`}`,
            evidence: `source VSA, ${timeLabel(src)}`,
            ...(ok ? {} : { fix: 'meet the source requirements (signed commits, reviews, branch protection) and rebuild' }),
        },
    ];
};

;// CONCATENATED MODULE: ../packages/verify/dist/gate/checks/tests.js


const testsCheck = (ctx) => {
    const t = ctx.used.tests;
    if (!ctx.required.has('tests') && !t)
        return [];
    if (!t)
        return [missing('tests', 'tests', 'build', 'record the test result in the build stage')];
    const p = t.statement.predicate;
    const ok = p.result === 'PASSED' || p.result === 'WARNED';
    return [
        waive({
            id: 'tests',
            title: 'tests',
            stage: 'build',
            status: p.result === 'PASSED' ? 'pass' : ok ? 'warn' : 'fail',
            reason: `${p.result ?? 'no result'}${p.failedTests?.length ? `: ${p.failedTests.length} failed (${p.failedTests.slice(0, 5).join(', ')})` : ''}`,
            evidence: timeLabel(t),
            ...(ok ? {} : { fix: 'fix the failing tests and rebuild' }),
        }, ctx),
    ];
};

;// CONCATENATED MODULE: ../packages/verify/dist/gate/checks/vulnerabilities.js
/** Vulnerabilities: no finding at or above the policy's block severity, unless an unexpired waiver covers it. */


const vulnerabilitiesCheck = ({ required, used, deploy, findings, now, waiverFor, noteWaiver }) => {
    const scan = used.vulnerabilities;
    if (!required.has('vulnerabilities') && !scan)
        return [];
    if (!scan)
        return [missing('vulnerabilities', 'vulnerabilities', 'materials', 'run scan-deps (the materials stage) in the same run')];
    const blocking = [];
    const waived = [];
    for (const f of findings.filter((x) => (0,dist/* atLeast */.jZ)(x.severity, deploy.blockSeverity))) {
        const ids = [f.id, ...f.aliases];
        const w = waiverFor({
            ids,
            ...(f.packageName ? { package: { name: f.packageName, ...(f.packageVersion ? { version: f.packageVersion } : {}) } } : {}),
        });
        const what = `${f.severity}: ${f.id}${f.package ? ` in ${f.package}` : ''}${f.fixed ? ` (fixed in ${f.fixed})` : ''}`;
        if (w.ok) {
            noteWaiver(w.ok);
            waived.push(`${f.id} waived by ${w.ok.approver} until ${w.ok.expires}`);
        }
        else if (w.expired) {
            noteWaiver(w.expired);
            blocking.push(`${what} — its waiver by ${w.expired.approver} expired ${w.expired.expires}`);
        }
        else
            blocking.push(what);
    }
    const p = scan.statement.predicate;
    const dbAge = p.scanner?.database?.lastUpdate ? now.getTime() - Date.parse(p.scanner.database.lastUpdate) : undefined;
    const scanAge = scan.trustedTime ? now.getTime() - scan.trustedTime.time.getTime() : undefined;
    const ageNote = `${scanAge !== undefined ? `scan ${(0,dist/* humanAge */.DZ)(scanAge)} old` : 'scan time unknown'}${dbAge !== undefined && !Number.isNaN(dbAge) ? ` (DB ${(0,dist/* humanAge */.DZ)(dbAge)} old)` : ''}`;
    return [
        {
            id: 'vulnerabilities',
            title: 'vulnerabilities',
            stage: 'materials',
            status: blocking.length > 0 ? 'fail' : 'pass',
            reason: blocking.length > 0
                ? `${blocking.length} at or above ${deploy.blockSeverity}: ${blocking.join('; ')}`
                : `none at or above ${deploy.blockSeverity} (${findings.length} reported${waived.length > 0 ? `, ${waived.join('; ')}` : ''})`,
            evidence: ageNote,
            ...(blocking.length > 0 ? { fix: 'upgrade, or add a waiver with an expiry' } : {}),
        },
    ];
};

;// CONCATENATED MODULE: ../packages/verify/dist/gate/checks/who-deploys.js
/** Refs and environments: who may deploy here — the run's source ref and the deploying job's GitHub environment. */

const refsCheck = ({ deploy, anchor, environment }) => {
    if (deploy.refs.length === 0)
        return [];
    const ref = anchor?.signer.kind === 'certificate' ? anchor.signer.identity.sourceRepositoryRef : undefined;
    const ok = ref !== undefined && deploy.refs.some((r) => globMatch(r, ref));
    return [
        {
            id: 'refs',
            title: 'ref',
            stage: 'source',
            status: ok ? 'pass' : 'fail',
            reason: ref === undefined
                ? 'the evidence names no source ref (certificate extension 1.3.6.1.4.1.57264.1.14)'
                : `${ref}${ok ? '' : ` is not one of ${deploy.refs.join(', ')}`}`,
            ...(ok ? {} : { fix: `deploy to ${environment} from ${deploy.refs.join(' or ')}` }),
        },
    ];
};
const githubEnvironmentCheck = ({ deploy, anchor, input }) => {
    if (deploy.environments.length === 0)
        return [];
    const env = (anchor?.signer.kind === 'certificate' ? anchor.signer.identity.environment : undefined) ?? input.githubEnvironment;
    const ok = env !== undefined && deploy.environments.includes(env);
    return [
        {
            id: 'github-environment',
            title: 'GitHub environment',
            stage: 'gate',
            status: ok ? 'pass' : 'fail',
            reason: env === undefined
                ? 'the deploying job names no GitHub environment'
                : `${env}${ok ? '' : ` is not one of ${deploy.environments.join(', ')}`}`,
            ...(ok ? {} : { fix: `run the deploy job in the GitHub environment ${deploy.environments.join(' or ')}` }),
        },
    ];
};

;// CONCATENATED MODULE: ../packages/verify/dist/gate/evaluate.js




















/** The checks, in the order the decision lists them; waivers last (it sums up what the others waived). */
const CHECKS = [
    signaturesCheck,
    builderIdentityCheck,
    isolationGateCheck,
    sameRunCheck,
    sourceCheck,
    refsCheck,
    githubEnvironmentCheck,
    sbomCheck,
    vulnerabilitiesCheck,
    freshnessCheck,
    remediationsCheck,
    testsCheck,
    registriesCheck,
    imageValidationCheck,
    rulesCheck,
    waiversCheck,
];
function evaluate(input) {
    const { policy, environment, now } = input;
    const selected = deployPolicyCheck(policy, environment);
    const deploy = selected.deploy;
    if (!deploy)
        return { allowed: false, checks: selected.checks, waivers: [], verifiedLevels: [], used: {} };
    const builder = input.builder ?? deploy.builder ?? input.defaultBuilder;
    const byBuilder = selectByBuilder(input.evidence, builder);
    const run = pickRun(byBuilder, deploy);
    const ctx = {
        input,
        policy,
        environment,
        now,
        deploy,
        required: new Set(deploy.require),
        builder,
        ...byBuilder,
        ...run,
        findings: run.used.vulnerabilities ? vulnFindings(run.used.vulnerabilities.statement.predicate) : [],
        ...waiverBook(policy, input.digest, environment, now),
    };
    const checks = attributeMissing([...selected.checks, ...CHECKS.flatMap((check) => check(ctx))], ctx);
    const allowed = checks.every((c) => c.status !== 'fail');
    const { anchor, used } = run;
    return {
        allowed,
        checks,
        waivers: [...ctx.waivers],
        verifiedLevels: allowed ? levels(used, builder) : [],
        used,
        ...(anchor ? { run: describeRun(anchor) } : {}),
        ...(builder !== undefined
            ? {
                builder: { identity: builder, from: input.builder !== undefined ? 'option' : deploy.builder !== undefined ? 'policy' : 'runner' },
            }
            : {}),
    };
}
/** SLSA levels the gate can vouch for: Build L3 for a pinned reusable workflow with a Fulcio identity. */
function levels(used, builder) {
    const out = [];
    const prov = used.provenance;
    // Build L3 needs the signing identity isolated from the build: a reusable workflow (Build Signer URI)
    // other than the caller's own (Build Config URI). One job of the caller's workflow (the composite
    // action) signs with its own identity: L2.
    const isolated = prov?.signer.kind === 'certificate' &&
        prov.signer.identity.buildSignerUri !== undefined &&
        prov.signer.identity.buildSignerUri !== prov.signer.identity.buildConfigUri;
    if (prov && builder !== undefined)
        out.push(isolated ? 'SLSA_BUILD_LEVEL_3' : 'SLSA_BUILD_LEVEL_2');
    const src = used.source;
    if (src) {
        const lv = (src.statement.predicate.verifiedLevels ?? []).filter((l) => /^SLSA_SOURCE_LEVEL_[0-9]+$/.test(l));
        // By number, not by text (SLSA_SOURCE_LEVEL_10 is above _2).
        const max = lv.sort((a, b) => Number(a.slice('SLSA_SOURCE_LEVEL_'.length)) - Number(b.slice('SLSA_SOURCE_LEVEL_'.length))).at(-1);
        if (max)
            out.push(max);
    }
    return out;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ../packages/verify/dist/gate/candidate.js
/** A bundle as found, before verification: where it came from, its digest, and the digests it names. */

/**
 * The keys a statement is indexed by: its sha256 subjects as bare hex (the gate's subject key), and
 * subjects named by sha512 only (npm provenance) as `sha512:HEX`.
 */
function indexDigests(statement) {
    const out = (0,dist/* subjectDigests */.IF)(statement);
    for (const s of statement.subject) {
        const d = s?.digest;
        if (d && typeof d.sha512 === 'string' && typeof d.sha256 !== 'string')
            out.add(`sha512:${d.sha512.toLowerCase()}`);
    }
    return out;
}
/** Digests named by a bundle's DSSE payload, without verifying anything (an index, not a trust decision). */
function peekSubjects(bundle) {
    const env = bundle?.dsseEnvelope;
    if (!env || typeof env.payload !== 'string' || env.payloadType !== dist/* IN_TOTO_PAYLOAD_TYPE */.T4)
        return new Set();
    try {
        const statement = JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8'));
        if (!Array.isArray(statement.subject))
            return new Set();
        return indexDigests(statement);
    }
    catch {
        return new Set();
    }
}
/** Why a parsed JSON value is not a Sigstore bundle at all (before any verification), or undefined. */
function notABundle(bundle) {
    if (bundle === null || typeof bundle !== 'object' || Array.isArray(bundle))
        return 'the JSON is not an object';
    const b = bundle;
    // Every bundle version's media type starts so: …bundle+json;version=0.1 / 0.2, …bundle.v0.3+json.
    if (typeof b.mediaType !== 'string' || !b.mediaType.startsWith('application/vnd.dev.sigstore.bundle')) {
        return 'no Sigstore bundle mediaType';
    }
    const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
    if (!isObject(b.dsseEnvelope) && !isObject(b.messageSignature))
        return 'neither a dsseEnvelope nor a messageSignature';
    return undefined;
}
/**
 * Parses a bundle found in the evidence folder, a registry or the API. Throws SyntaxError when the bytes are
 * not JSON and an Error when the JSON is not a Sigstore bundle (so it is listed as unreadable, not as a
 * bundle that names other digests).
 */
function candidateFromJson(origin, bytes) {
    const text = typeof bytes === 'string' ? bytes : bytes.toString('utf8');
    const bundle = JSON.parse(text);
    const problem = notABundle(bundle);
    if (problem !== undefined)
        throw new Error(problem);
    return { origin, bundleDigest: (0,dist/* sha256Hex */.fg)(text), bundle, subjects: peekSubjects(bundle) };
}

;// CONCATENATED MODULE: ../packages/verify/dist/gate/lookup.js
/**
 * Finding evidence for artefact digests: Sigstore bundles in the evidence folder (`*.sigstore.json`),
 * bundle files given explicitly, and the GitHub attestations API. Bundles are read once and indexed
 * by the digests their (not yet verified) statement names; only the ones naming a gated digest are
 * then verified, each once, however many artefacts it names. Statements without a bundle are kept
 * only to say that they do not count.
 */




const MAX_BUNDLE_BYTES = 32 * 1024 * 1024;
async function readCandidate(file, index, within) {
    let bytes;
    try {
        // The core safe reader: a FIFO, device or socket, an oversized file or a link leaving the evidence
        // folder is refused without blocking, without reading it, and without quoting it.
        bytes = await (0,dist/* readRegularFile */.XF)(file, {
            maxBytes: MAX_BUNDLE_BYTES,
            what: 'bundle',
            ...(within !== undefined ? { within } : { within: '/' }),
        });
    }
    catch (e) {
        if (e instanceof dist/* UnsafeFileError */.h && e.reason !== 'missing' && e.reason !== 'unreadable') {
            index.unreadable.push({ origin: file, reason: e.message });
            return;
        }
        throw new dist/* ConfigurationError */.j1(`cannot read the bundle: ${e instanceof dist/* UnsafeFileError */.h ? e.message : String(e)}`, { location: { file } });
    }
    try {
        index.bundles.push(candidateFromJson(file, bytes));
    }
    catch (e) {
        // V8's JSON.parse message quotes the bytes: keep only the kind of error.
        const reason = e instanceof SyntaxError ? `not JSON: ${(0,dist/* jsonSyntaxReason */.cV)(e.message)}` : `not a bundle: ${e.message}`;
        index.unreadable.push({ origin: file, digest: (0,dist/* sha256Hex */.fg)(bytes), reason });
    }
}
/** Reads the evidence folder (top level only) and the explicit bundle files. */
async function indexEvidence(options) {
    const index = { bundles: [], unsigned: [], unreadable: [] };
    const dir = options.evidenceDir;
    if (dir !== undefined) {
        let names;
        try {
            names = (await (0,promises_.readdir)(dir)).sort();
        }
        catch (e) {
            throw new dist/* ConfigurationError */.j1(`cannot read the evidence folder: ${e.code ?? String(e)}`, {
                location: { file: dir },
                hint: 'pass the folder the factory wrote its evidence to (default .secure-factory/evidence)',
            });
        }
        const set = new Set(names);
        const bundles = names.filter((n) => n.endsWith(dist/* BUNDLE_SUFFIX */.Zf) && !n.startsWith('.'));
        await (0,dist/* mapLimit */.sf)(bundles, 16, (n) => readCandidate(external_node_path_.join(dir, n), index, dir));
        for (const n of names) {
            if (!n.endsWith(dist/* STATEMENT_SUFFIX */.mT) || n.startsWith('.'))
                continue;
            if (set.has(`${n.slice(0, -dist/* STATEMENT_SUFFIX */.mT.length)}${dist/* BUNDLE_SUFFIX */.Zf}`))
                continue;
            // A statement without a bundle never counts; it is listed so the decision can say so.
            const file = external_node_path_.join(dir, n);
            let bytes;
            try {
                bytes = await (0,dist/* readRegularFile */.XF)(file, { maxBytes: MAX_BUNDLE_BYTES, what: 'statement', within: dir });
            }
            catch (e) {
                // A FIFO, device, oversized file or outward link posing as a statement is listed, never read.
                if (e instanceof dist/* UnsafeFileError */.h) {
                    index.unreadable.push({ origin: file, reason: e.message });
                    continue;
                }
                throw e;
            }
            let subjects = new Set();
            try {
                const statement = JSON.parse(bytes.toString('utf8'));
                if (Array.isArray(statement.subject))
                    subjects = (0,dist/* subjectDigests */.IF)(statement);
            }
            catch {
                // Unreadable and unsigned: it would not count either way, so it is only listed.
            }
            index.unsigned.push({ origin: file, digest: (0,dist/* sha256Hex */.fg)(bytes), subjects });
        }
    }
    // Read concurrently, listed in a stable order so the same folder always gives the same decision log.
    index.bundles.sort((a, b) => (a.origin < b.origin ? -1 : a.origin > b.origin ? 1 : 0));
    for (const f of options.bundleFiles ?? [])
        await readCandidate(f, index);
    // The same bundle found twice (folder and explicit) is one input.
    const seen = new Set();
    index.bundles = index.bundles.filter((b) => (seen.has(b.bundleDigest) ? false : (seen.add(b.bundleDigest), true)));
    return index;
}
/** Adds the API's bundles for each digest; a failure throws (the caller fails closed). */
async function fetchFromGitHub(client, digests, index) {
    const seen = new Set(index.bundles.map((b) => b.bundleDigest));
    const lists = await (0,dist/* mapLimit */.sf)(digests, 8, (d) => client.list(d));
    for (const list of lists) {
        for (const c of list) {
            if (seen.has(c.bundleDigest))
                continue;
            seen.add(c.bundleDigest);
            index.bundles.push(c);
        }
    }
}

;// CONCATENATED MODULE: ../packages/verify/dist/gate/github-attestations.js
/**
 * The GitHub attestations API, read side: `GET /repos/{owner}/{repo}/attestations/sha256:{hex}`
 * (paginated by the Link header). One small client with a configurable base URL, so tests point it at
 * a local server. Any failure throws: the gate fails closed rather than deciding on partial evidence.
 */


const REPO = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
function gitHubAttestationsClient(options) {
    if (!REPO.test(options.repository)) {
        throw new dist/* ConfigurationError */.j1(`the repository "${options.repository}" is not OWNER/REPO`);
    }
    const base = options.baseUrl.replace(/\/+$/, '');
    const headers = { Accept: 'application/vnd.github+json', 'X-GitHub-Api-Version': '2022-11-28' };
    if (options.token)
        headers.Authorization = `Bearer ${options.token}`;
    const timeout = options.timeoutMs ?? 30_000;
    // The core HTTP client: bounded retries with jitter for resets, stalls and 429/5xx, one deadline,
    // byte-limited bodies; what still fails is an InfrastructureError (exit 3) and the gate refuses.
    const get = (url) => (0,dist/* httpRequest */.aj)({ url, headers }, {
        service: 'the GitHub attestations API',
        attemptTimeoutMs: timeout,
        deadlineMs: Math.max(timeout, 120_000),
        maxBytes: 64 * 1024 * 1024,
    });
    return {
        async list(digestHex) {
            const out = [];
            const maxPages = options.maxPages ?? 50;
            let url = `${base}/repos/${options.repository}/attestations/sha256:${digestHex}?per_page=100`;
            for (let page = 0; url; page++) {
                // Read to the end or not at all: the gate never decides on the first N pages of a longer list.
                if (page === maxPages) {
                    throw new dist/* InfrastructureError */.EN(`the GitHub attestations API lists more than ${maxPages} pages of 100 attestations for sha256:${digestHex}; the gate does not decide on a partial list`, { hint: "pass the run's own bundles (evidence folder) with fetch-attestations: false, or remove stale attestations" });
                }
                const res = await get(url);
                if (res.status === 404)
                    return out;
                if (res.status === 401 || res.status === 403) {
                    throw new dist/* ConfigurationError */.j1(`the GitHub attestations API refused the request (HTTP ${res.status})`, {
                        hint: 'give a token with `attestations: read` (or `contents: read`) on the repository',
                    });
                }
                if (!res.ok)
                    throw new dist/* InfrastructureError */.EN(`the GitHub attestations API answered HTTP ${res.status} for sha256:${digestHex}`);
                const body = (await res.json());
                const list = body === null || typeof body !== 'object' ? undefined : (body.attestations ?? []);
                if (!Array.isArray(list)) {
                    throw new dist/* InfrastructureError */.EN('the GitHub attestations API answered without an attestations list', {
                        hint: 'the API or a proxy in between returned something else; retry later',
                    });
                }
                for (const [i, entry] of list.entries()) {
                    // A list holding null or a non-object is a broken answer, not "no evidence": fail closed with exit 3.
                    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
                        throw new dist/* InfrastructureError */.EN(`the GitHub attestations API listed an entry #${page * 100 + i} that is not an object`, {
                            hint: 'retry later; the gate does not decide on a broken list',
                        });
                    }
                    const a = entry;
                    const origin = `${url.split('?')[0]}#${page * 100 + i}`;
                    if (a.bundle !== undefined && a.bundle !== null)
                        out.push(parsed(origin, JSON.stringify(a.bundle)));
                    else if (typeof a.bundle_url === 'string' && a.bundle_url !== '') {
                        const r = await get(a.bundle_url);
                        if (!r.ok)
                            throw new dist/* InfrastructureError */.EN(`cannot download an attestation bundle (HTTP ${r.status})`);
                        out.push(parsed(a.bundle_url, await r.text()));
                    }
                }
                url = nextLink(res.headers.get('link'));
            }
            return out;
        },
    };
}
/** A bundle the API served that is not JSON or not a bundle is a broken answer (exit 3), as in gh. */
function parsed(origin, text) {
    try {
        return candidateFromJson(origin, text);
    }
    catch (e) {
        // JSON.parse's message quotes the bytes: say only what it is.
        const what = e instanceof SyntaxError ? 'is not JSON' : `is not a Sigstore bundle (${e.message})`;
        throw new dist/* InfrastructureError */.EN(`the GitHub attestations API served a bundle that ${what}: ${origin.split('?')[0]}`, {
            hint: 'retry later; the gate does not decide on a broken answer',
        });
    }
}
function nextLink(link) {
    if (!link)
        return undefined;
    for (const part of link.split(',')) {
        const m = /<([^>]+)>\s*;\s*rel="next"/.exec(part);
        if (m)
            return m[1];
    }
    return undefined;
}

;// CONCATENATED MODULE: ../packages/verify/dist/gate/decision.js
/**
 * The gate's answer in three forms: the JSON decision log (every input and every check), the VSA
 * the next system verifies (slsa.dev/verification_summary/v1), and the job summary a person reads —
 * the chain with each link green or red, and a table with what to do.
 */



const DECISION_API_VERSION = 'secure-factory/gate-decision/v1';
const STAGES = ['source', 'materials', 'build', 'attest', 'gate'];
function policyUri(file) {
    return file === dist/* DEFAULT_POLICY_SOURCE */.Rv ? `${dist/* TOOL_URI */.qH}/policy/defaults/v1` : file;
}
/** One VSA for the call: PASSED naming every artefact when all were admitted, else FAILED. */
function vsaStatement(log) {
    const subjects = log.artefacts.map((a) => ({ name: a.name ?? `sha256:${a.digest}`, digest: { sha256: a.digest } }));
    const inputs = new Set(log.artefacts.flatMap((a) => a.inputs));
    const byDigest = new Map(log.inputs.map((i) => [i.digest, i.origin]));
    // A level is claimed only when every artefact reached it.
    // VSA v1: the highest level of each track verified, or FAILED when the policy check failed.
    const levels = log.allowed
        ? (log.artefacts[0]?.verifiedLevels ?? []).filter((l) => log.artefacts.every((a) => a.verifiedLevels.includes(l)))
        : ['FAILED'];
    const first = log.artefacts[0];
    const predicate = {
        verifier: { id: GATE_VERIFIER_ID, version: { 'secure-factory': dist/* TOOL_VERSION */.wr } },
        timeVerified: log.time,
        resourceUri: first?.name ?? (first ? `sha256:${first.digest}` : 'unknown'),
        policy: log.policy ? { uri: log.policy.uri, digest: log.policy.digest } : { uri: 'unparsable' },
        inputAttestations: [...inputs].sort().map((d) => ({ uri: byDigest.get(d) ?? d, digest: { sha256: d.replace(/^sha256:/, '') } })),
        verificationResult: log.allowed ? 'PASSED' : 'FAILED',
        verifiedLevels: levels,
        slsaVersion: '1.0',
    };
    return (0,dist/* makeStatement */.UT)(subjects, dist/* PREDICATE */.W3.vsa, predicate);
}
function stageStates(checks, allowed) {
    const out = {};
    for (const s of STAGES) {
        const mine = checks.filter((c) => c.stage === s && c.status !== 'skip');
        out[s] = mine.some((c) => c.status === 'fail')
            ? 'failed'
            : mine.some((c) => c.status === 'warn')
                ? 'warning'
                : mine.length > 0
                    ? 'passed'
                    : 'skipped';
    }
    out.gate = allowed ? (out.gate === 'warning' ? 'warning' : 'passed') : 'failed';
    return out;
}
const ICON = { pass: '✅', fail: '❌', warn: '⚠️', skip: '⚪' };
/** GitHub refuses a job summary over 1 MiB; the gate's stays far below and points at the decision log. */
const SUMMARY_LIMIT_BYTES = 64 * 1024;
/** Longest cell text: a reason longer than this is cut (the decision log has it whole). */
const CELL = 160;
const decision_RANK = { failed: 3, warning: 2, passed: 1, skipped: 0 };
const cut = (s, n = CELL) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const when = (iso) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;
/** One chain for the run: each stage as bad as it is for the worst artefact. */
function runStageStates(log) {
    const out = {};
    const each = log.artefacts.map((a) => stageStates(a.checks, a.allowed));
    for (const s of STAGES) {
        out[s] = each.reduce((worst, st) => (decision_RANK[st[s]] > decision_RANK[worst] ? st[s] : worst), 'skipped');
    }
    if (log.error || !log.allowed)
        out.gate = 'failed';
    return out;
}
/**
 * The job summary a person reads in five seconds: one verdict, one chain, one table — the checks of a
 * single artefact, or one row per artefact for many — then what blocks, each with the stage that owns
 * it and what to change. Reasons are cut and rows capped; the decision log has everything.
 */
function renderSummary(log, options = {}) {
    const limit = options.limit ?? 200;
    const n = log.artefacts.length;
    const verdict = log.allowed ? 'admitted' : 'refused';
    const one = n === 1 ? log.artefacts[0] : undefined;
    const what = one ? `${one.name ? `${(0,dist/* code */.aY)(one.name)} ` : ''}sha256:${identity_short(one.digest)}` : `${n} artefact(s)`;
    const out = [`> **secure-factory gate — ${(0,dist.md)(log.environment)}: ${verdict}** · ${what}`, ''];
    if (log.error)
        out.push(`${(0,dist/* stateIcon */.hZ)('failed')} the gate could not decide: ${(0,dist.md)(cut(log.error.message, 400))}`, '');
    const states = runStageStates(log);
    out.push((0,dist/* stageDiagram */.Mw)(states), '');
    if (options.mermaid)
        out.push((0,dist/* stageMermaid */.Af)(states), '');
    if (one) {
        out.push((0,dist/* table */.tp)(['check', 'result', 'evidence', 'what to do'], one.checks.map((c) => [
            (0,dist.md)(c.title),
            `${ICON[c.status]} ${(0,dist.md)(cut(c.reason))}`,
            c.evidence ? (0,dist.md)(cut(c.evidence, 80)) : '',
            c.status === 'fail' && c.fix ? (0,dist.md)(cut(c.fix)) : '—',
        ])), '');
    }
    else if (n > 1) {
        const rows = log.artefacts.slice(0, limit).map((a) => {
            const failing = a.checks.filter((c) => c.status === 'fail');
            return [
                a.name ? (0,dist/* code */.aY)(cut(a.name, 60)) : '—',
                (0,dist/* code */.aY)(identity_short(a.digest)),
                a.allowed ? '✅ admitted' : '❌ refused',
                failing.length ? (0,dist.md)(cut(failing.map((c) => `${c.stage}: ${c.title}`).join(', '), 100)) : '—',
            ];
        });
        out.push((0,dist/* table */.tp)(['artefact', 'sha256', 'verdict', 'blocked by'], rows), '');
        if (n > limit)
            out.push(`_…and ${n - limit} more artefact(s) (${log.artefacts.filter((a) => !a.allowed).length} refused in all); every one is in the decision log._`, '');
    }
    // What blocks: each distinct failing check once, owned by its stage, with the fix.
    if (n !== 1) {
        const distinct = new Map();
        for (const a of log.artefacts) {
            for (const c of a.checks.filter((x) => x.status === 'fail')) {
                const key = `${c.stage}\u0000${c.id}\u0000${c.reason}`;
                const seen = distinct.get(key);
                if (seen)
                    seen.count++;
                else
                    distinct.set(key, { c, count: 1 });
            }
        }
        const list = [...distinct.values()];
        if (list.length > 0) {
            out.push('**What blocks**', '');
            for (const { c, count } of list.slice(0, 20)) {
                out.push(`- **${c.stage}** · ${(0,dist.md)(c.title)}: ${(0,dist.md)(cut(c.reason))}${count > 1 ? ` (${count} artefacts)` : ''}${c.fix ? ` → ${(0,dist.md)(cut(c.fix))}` : ''}`);
            }
            if (list.length > 20)
                out.push(`- …and ${list.length - 20} more; see the decision log`);
            out.push('');
        }
    }
    const levels = log.allowed
        ? (log.artefacts[0]?.verifiedLevels ?? []).filter((l) => log.artefacts.every((a) => a.verifiedLevels.includes(l)))
        : [];
    if (levels.length > 0)
        out.push(`Verified levels: ${levels.map((l) => (0,dist/* code */.aY)(l)).join(', ')}`, '');
    const policy = log.policy ? `policy ${(0,dist/* code */.aY)(log.policy.uri)} sha256:${identity_short(log.policy.digest.sha256)}` : 'no policy';
    const vsa = log.vsa ? ` · VSA ${(0,dist/* code */.aY)(log.vsa.path)}${log.vsa.signed ? ' (signed)' : ' (unsigned)'}` : '';
    const decision = options.decisionPath ? ` · decision log ${(0,dist/* code */.aY)(options.decisionPath)}` : '';
    out.push(`_${when(log.time)} · ${policy} · ${log.inputs.length} input bundle(s)${vsa}${decision}_`);
    let text = out.join('\n');
    if (Buffer.byteLength(text) > SUMMARY_LIMIT_BYTES) {
        // Never near GitHub's 1 MiB limit: keep the head (verdict, chain, first rows) and point at the log.
        const note = `\n\n_The summary is cut at ${SUMMARY_LIMIT_BYTES / 1024} KiB; the decision log${options.decisionPath ? ` ${(0,dist/* code */.aY)(options.decisionPath)}` : ''} has every artefact and check._`;
        let bytes = 0;
        const kept = [];
        for (const line of text.split('\n')) {
            bytes += Buffer.byteLength(line) + 1;
            if (bytes > SUMMARY_LIMIT_BYTES - 1024)
                break;
            kept.push(line);
        }
        text = kept.join('\n') + note;
    }
    return text;
}
/** `--explain`: every check on its own line, for a terminal. */
function renderExplain(log) {
    const lines = [];
    if (log.error)
        lines.push(`error: ${log.error.message}`);
    for (const a of log.artefacts) {
        lines.push(`${a.allowed ? 'ADMITTED' : 'REFUSED'} ${a.name ?? ''} sha256:${a.digest} for ${log.environment}`.replace('  ', ' '));
        lines.push(`  ${stageDiagram(stageStates(a.checks, a.allowed))}`);
        for (const c of a.checks) {
            lines.push(`  [${c.status.toUpperCase()}] ${c.title}: ${c.reason}${c.evidence ? ` (${c.evidence})` : ''}`);
            if (c.status === 'fail' && c.fix)
                lines.push(`         fix: ${c.fix}`);
        }
        for (const w of a.waivers)
            lines.push(`  waiver #${w.index} ${w.scope}: ${w.state} (by ${w.approver}, until ${w.expires}: ${w.reason})`);
    }
    return lines.join('\n');
}

;// CONCATENATED MODULE: ../packages/verify/dist/gate/deployments.js
/**
 * Deployment records: what the gate admitted, where, when, on the strength of which VSA. One file per
 * admitted artefact in `<evidence>/deployments/`, each written atomically under a unique name, so
 * concurrent gates never lose a record and the rescan loop reads a consistent set (see docs/gate.md).
 */




const DEPLOYMENT_API_VERSION = 'secure-factory/deployment/v1';
const DEPLOYMENTS_DIR = 'deployments';
/** `20261125T025425Z-production-3f9a0b1c2d3e-a1b2c3.json` */
const RECORD_NAME = /^[0-9]{8}T[0-9]{6}Z-[a-z0-9._-]+-[0-9a-f]{12}-[0-9a-f]{6}\.json$/;
async function recordDeployments(evidenceDir, log, decisionPath, now) {
    const dir = external_node_path_.join(evidenceDir, DEPLOYMENTS_DIR);
    const stamp = now
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
    const env = log.environment.toLowerCase().replace(/[^a-z0-9._-]/g, '-');
    const out = [];
    for (const a of log.artefacts.filter((x) => x.allowed)) {
        const record = {
            apiVersion: DEPLOYMENT_API_VERSION,
            environment: log.environment,
            digest: `sha256:${a.digest}`,
            ...(a.name ? { name: a.name } : {}),
            time: log.time,
            vsa: { path: log.vsa?.path ?? '', ...(log.vsa?.bundlePath ? { bundlePath: log.vsa.bundlePath } : {}), sha256: log.vsa?.sha256 ?? '' },
            decisionPath,
            policy: log.policy ? { uri: log.policy.uri, sha256: log.policy.digest.sha256 } : null,
            verifiedLevels: a.verifiedLevels,
        };
        const file = external_node_path_.join(dir, `${stamp}-${env}-${a.digest.slice(0, 12)}-${(0,external_node_crypto_.randomBytes)(3).toString('hex')}.json`);
        await (0,dist/* writeJsonAtomic */.ZJ)(file, record);
        out.push(file);
    }
    return out;
}
/** Every deployment record, oldest first; a corrupt file is skipped with its name in `skipped`. */
async function readDeployments(evidenceDir) {
    const dir = external_node_path_.join(evidenceDir, DEPLOYMENTS_DIR);
    let names;
    try {
        // Only files named as the gate names records; other state kept beside them (remediations.json) is not a record.
        names = (await (0,promises_.readdir)(dir)).filter((n) => RECORD_NAME.test(n)).sort();
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return { records: [], skipped: [] };
        throw e;
    }
    const records = [];
    const skipped = [];
    for (const n of names) {
        try {
            // Safe reader: a FIFO or an outward link named like a record is skipped, never read.
            const bytes = await (0,dist/* readRegularFile */.XF)(external_node_path_.join(dir, n), { maxBytes: 1024 * 1024, what: 'deployment record', within: dir });
            const r = JSON.parse(bytes.toString('utf8'));
            if (r.apiVersion === DEPLOYMENT_API_VERSION && typeof r.digest === 'string')
                records.push(r);
            else
                skipped.push(n);
        }
        catch {
            skipped.push(n);
        }
    }
    records.sort((a, b) => a.time.localeCompare(b.time));
    return { records, skipped };
}

;// CONCATENATED MODULE: ../packages/verify/dist/gate/sigstore-verifier.js
/**
 * The gate's EvidenceVerifier over the trust layer's bundle verifier: signature, certificate chain,
 * transparency log or timestamp, and the provenance's claims against the certificate. The identity
 * (which builder) is the gate policy's business, so no identity policy is passed here.
 *
 * Only signed data reaches the gate: the trusted time is a Rekor time covered by a signed entry
 * timestamp or a verified RFC 3161 time (never a bare `integratedTime`), the key signer is named by
 * the fingerprint of the key that verified (never the bundle's `publicKey.hint`), and a provenance
 * must name as its builder an identity the certificate vouches for.
 */


const SLSA_V02 = 'https://slsa.dev/provenance/v0.2';
/** The builder id a provenance names (SLSA v1 runDetails.builder.id, v0.2 builder.id). */
function provenanceBuilderId(statement) {
    const p = statement.predicate;
    if (statement.predicateType === dist/* PREDICATE */.W3.provenance) {
        const id = p?.runDetails?.builder?.id;
        return typeof id === 'string' ? id : undefined;
    }
    if (statement.predicateType === SLSA_V02) {
        const id = p?.builder?.id;
        return typeof id === 'string' ? id : undefined;
    }
    return undefined;
}
/**
 * Whether a provenance's builder id names the certificate's own identity: the workflow that signed
 * (build signer URI), the top-level workflow (build config URI, what the factory records), the SAN,
 * or GitHub's runner ids (`https://github.com/actions/runner/github-hosted`) matching the certificate's
 * runner environment, as actions/attest-build-provenance writes.
 */
function builderMatchesCertificate(builderId, id) {
    const own = [id.buildSignerUri, id.buildConfigUri, id.subjectAlternativeName].filter((v) => typeof v === 'string');
    if (own.includes(builderId))
        return true;
    const runner = /^https:\/\/github\.com\/actions\/runner\/(github-hosted|self-hosted)$/.exec(builderId);
    return runner !== null && id.runnerEnvironment === runner[1];
}
function sigstoreEvidenceVerifier(verifier) {
    return {
        trustedRootSource: verifier.trustedRootSource,
        verify(bundle, digest) {
            // `sha256` hex as the gate indexes, or `ALG:HEX` for evidence named by another algorithm.
            const artifact = artifactFromDigest(digest.includes(':') ? digest : `sha256:${digest}`);
            const verdict = verifier.verify(bundle, artifact, { requireStatement: true, checkClaims: true });
            if (!verdict.ok)
                return Promise.reject(new dist/* PolicyViolation */.oY(`${verdict.code.toLowerCase().replace(/_/g, ' ')}: ${verdict.reason}`));
            const statement = verdict.statement;
            if (!statement)
                return Promise.reject(new dist/* PolicyViolation */.oY('the bundle signs no in-toto statement'));
            if (verdict.signer.kind === 'certificate') {
                const builderId = provenanceBuilderId(statement);
                if (builderId !== undefined && !builderMatchesCertificate(builderId, verdict.signer.identity)) {
                    const id = verdict.signer.identity;
                    return Promise.reject(new dist/* PolicyViolation */.oY(`claims: the provenance names builder ${builderId}, but its certificate was issued to ${id.buildSignerUri ?? id.subjectAlternativeName ?? 'another identity'}; a signer may not vouch for another builder`));
                }
            }
            // The earliest signed time, with the witness that signed it.
            const earliest = [...verdict.witnessed].sort((a, b) => a.time.getTime() - b.time.getTime())[0];
            const trustedTime = earliest ? { time: earliest.time, source: earliest.source } : undefined;
            return Promise.resolve({
                statement,
                signer: verdict.signer.kind === 'certificate'
                    ? { kind: 'certificate', identity: verdict.signer.identity }
                    : { kind: 'key', keyId: verdict.signer.keyId.replace(/^sha256:/, '') },
                ...(trustedTime ? { trustedTime } : {}),
            });
        },
    };
}

// EXTERNAL MODULE: ../packages/attest/dist/index.js + 11 modules
var attest_dist = __webpack_require__(83280);
;// CONCATENATED MODULE: ../packages/verify/dist/gate/registry-images.js
/**
 * Images gated by reference (`registry/name@sha256:HEX`), straight from the registry: the reference is
 * held to the deploy policy's registries before any network call (Docker Hub only when the policy names
 * it), the manifest is fetched by digest and its bytes hashed again here, the image's Sigstore bundles
 * are listed as OCI referrers (the referrers API, else the `sha256-HEX` tag schema) and downloaded with
 * a size bound, and each bundle becomes one more candidate for the same evaluation as the evidence
 * folder's. The subject is the manifest digest.
 *
 * The registry client is injected (the materials package has the one implementation; this package
 * depends on core and attest only). What the registry sends is checked here too, so a client bug or a
 * proxy cannot make a lie pass: the manifest's digest, each referrer's `subject`, each blob's digest.
 */



/** Sigstore bundle media types, as actions/attest and cosign push them (artifactType and layer). */
const SIGSTORE_BUNDLE_MEDIA = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const BUNDLE_LAYER_MEDIA = new Set([SIGSTORE_BUNDLE_MEDIA, 'application/vnd.dev.sigstore.bundle+json;version=0.3']);
/** Referrers read per image; a registry listing more gets the first ones only (never a pass for it). */
const MAX_REFERRERS = 64;
/** The largest bundle read from a registry, and the most read per image. */
const MAX_REGISTRY_BUNDLE_BYTES = 16 * 1024 * 1024;
const MAX_BYTES_PER_IMAGE = 64 * 1024 * 1024;
const registry_images_DIGEST = /^sha256:[0-9a-f]{64}$/;
const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);
/** A reference with a password in it is never echoed. */
function shown(reference) {
    // The only @ a reference may hold is the one before its digest (an OCI algorithm: sha256, sha384,
    // sha512): any other (`user:pw@host`, with or without a scheme, a port or a path) may be a credential.
    return reference.replace(/@(?:sha256|sha384|sha512):[^@]*$/, '').includes('@')
        ? '(an image reference with credentials in it)'
        : JSON.stringify(reference);
}
/**
 * Parses `[registry/]name[:tag]@sha256:HEX` as Docker does (the first component is a registry when it
 * has a dot, a port or is `localhost`; else Docker Hub). A tag without a digest is refused: the gate
 * admits what a digest names, never what a tag points to today.
 */
function parseDeployImage(reference) {
    const s = reference.trim();
    const bad = (why) => new dist/* ConfigurationError */.j1(`the image ${shown(s)} ${why}`, {
        hint: 'give it as registry/name@sha256:<64 hex> (e.g. ghcr.io/acme/app@sha256:…)',
    });
    if (s === '' || /[\s$]/.test(s) || s.includes('://'))
        throw bad('is not an image reference');
    const at = s.indexOf('@');
    let rest = at >= 0 ? s.slice(0, at) : s;
    const digest = at >= 0 ? s.slice(at + 1) : undefined;
    if (digest === undefined) {
        const tagAt = rest.lastIndexOf(':');
        const name = tagAt > rest.lastIndexOf('/') ? rest.slice(0, tagAt) : rest;
        throw new dist/* ConfigurationError */.j1(`refused: the image ${shown(s)} names no digest; the gate admits images by digest only (a tag can be moved)`, {
            hint: `pin it by its manifest digest: ${name}@sha256:<64 hex> (skopeo inspect --format '{{.Digest}}' docker://${rest}, or crane digest ${rest})`,
        });
    }
    if (!registry_images_DIGEST.test(digest))
        throw bad('has a digest that is not sha256:<64 lowercase hex>');
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/'))
        rest = rest.slice(0, colon); // name:tag@digest: the digest decides.
    let registry = DOCKER_HUB;
    const slash = rest.indexOf('/');
    if (slash > 0) {
        const first = rest.slice(0, slash);
        if (first.includes('.') || first.includes(':') || first === 'localhost') {
            registry = first.toLowerCase();
            rest = rest.slice(slash + 1);
        }
    }
    if (DOCKER_HUB_ALIASES.has(registry))
        registry = DOCKER_HUB;
    if (!/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(rest)) {
        throw bad('has no valid repository name (lowercase letters, digits, separators)');
    }
    if (registry === DOCKER_HUB && !rest.includes('/'))
        rest = `library/${rest}`;
    return { reference: s, registry, repository: rest, digest };
}
/** A policy entry with Docker Hub's other names folded into `docker.io`. */
function normaliseAllowed(entry) {
    const e = entry
        .trim()
        .toLowerCase()
        .replace(/^https?:\/\//, '')
        .replace(/\/+$/, '');
    const slash = e.indexOf('/');
    const host = slash >= 0 ? e.slice(0, slash) : e;
    return DOCKER_HUB_ALIASES.has(host) ? `${DOCKER_HUB}${slash >= 0 ? e.slice(slash) : ''}` : e;
}
function imageRegistryAllowed(image, allowed) {
    return registryAllowed(`${image.registry}/${image.repository}`, allowed.map(normaliseAllowed));
}
/** Blamed on the gate's policy when the registry is not listed, on the attestations' store otherwise. */
const check = (status, reason, fix, stage = 'attest') => ({
    id: 'image-registry',
    title: 'image in its registry',
    stage,
    status,
    reason,
    ...(fix ? { fix } : {}),
});
/** The subject an image is gated as: its manifest digest, named `registry/repository` (as actions/attest names image subjects). */
function imageSubject(image) {
    return { digest: image.digest.slice('sha256:'.length), name: `${image.registry}/${image.repository}` };
}
/**
 * Looks at each image: refused without a network call when its registry is not listed; else its
 * manifest is read by digest and its Sigstore bundle referrers are added to `index`.
 */
async function lookUpImages(images, options, index) {
    const out = [];
    for (const image of images) {
        const where = `${image.registry}/${image.repository}`;
        if (!imageRegistryAllowed(image, options.allowed)) {
            const hub = image.registry === DOCKER_HUB;
            out.push({
                image,
                failure: { kind: 'refused' },
                check: check('fail', `${where} is from ${hub ? 'Docker Hub (docker.io)' : image.registry}, a registry deploy.${options.environment}.registries does not list${options.allowed.length > 0 ? ` (${options.allowed.join(', ')})` : ' (it lists none)'}; the registry was not contacted`, hub
                    ? 'deploy an image from your own registry (copy it there and sign it); Docker Hub is refused unless the policy names docker.io'
                    : `deploy from a listed registry, or add ${image.registry} to deploy.${options.environment}.registries`, 'gate'),
            });
            continue;
        }
        if (!options.client)
            throw new dist/* ConfigurationError */.j1('images given by reference need a registry client (internal wiring)');
        out.push(await lookUpOne(image, options.client, index, options.logger));
    }
    return out;
}
async function lookUpOne(image, client, index, logger) {
    const where = `${image.registry}/${image.repository}`;
    const lie = (reason) => ({
        image,
        failure: { kind: 'refused' },
        check: check('fail', `${reason}; refused`, 'do not deploy from this registry until it serves what it is asked for: check it and any proxy in between'),
    });
    try {
        const m = await client.getManifest(image.registry, image.repository, image.digest);
        // The client checks this too; a second look costs one hash and does not trust the client.
        const got = `sha256:${(0,dist/* sha256Hex */.fg)(m.bytes)}`;
        if (got !== image.digest)
            return lie(`the registry ${image.registry} sent a manifest whose digest is ${got}, not ${image.digest}`);
        const listed = await client.referrers(image.registry, image.repository, image.digest, SIGSTORE_BUNDLE_MEDIA);
        if (listed.length > MAX_REFERRERS)
            logger.warning(`${where}: ${listed.length} referrers listed; the first ${MAX_REFERRERS} are read`);
        let bytes = 0;
        let bundles = 0;
        const seen = new Set(index.bundles.map((b) => b.bundleDigest));
        for (const d of listed.slice(0, MAX_REFERRERS)) {
            const origin = `${where}@${d.digest}`;
            const r = await client.getManifest(image.registry, image.repository, d.digest);
            if (`sha256:${(0,dist/* sha256Hex */.fg)(r.bytes)}` !== d.digest)
                return lie(`the referrer ${d.digest} in ${image.registry} has another digest`);
            if (r.manifest.subject?.digest !== image.digest) {
                return lie(`the registry ${image.registry} lists ${d.digest} as an attestation of ${image.digest}, but it refers to ${typeof r.manifest.subject?.digest === 'string' && registry_images_DIGEST.test(r.manifest.subject.digest) ? r.manifest.subject.digest : 'nothing'}`);
            }
            for (const layer of r.manifest.layers ?? []) {
                if (!BUNDLE_LAYER_MEDIA.has(layer.mediaType) || typeof layer.digest !== 'string' || !registry_images_DIGEST.test(layer.digest))
                    continue;
                // A bundle already read (another referrer listing the same blob) costs nothing: a registry listing
                // one large blob many times must not use up the budget of the distinct bundles after it.
                if (seen.has(layer.digest.slice('sha256:'.length)))
                    continue;
                const size = typeof layer.size === 'number' ? layer.size : Number.NaN;
                if (!(size >= 0) || size > MAX_REGISTRY_BUNDLE_BYTES || bytes + size > MAX_BYTES_PER_IMAGE) {
                    index.unreadable.push({
                        origin,
                        digest: layer.digest.slice('sha256:'.length),
                        reason: Number.isFinite(size) && size >= 0
                            ? `the bundle declares ${size} bytes, over the limit of ${MAX_REGISTRY_BUNDLE_BYTES} bytes (${MAX_BYTES_PER_IMAGE} per image); not read`
                            : 'the bundle declares no valid size (a number of bytes, 0 or more); not read',
                    });
                    continue;
                }
                const blob = await client.getBlob(image.registry, image.repository, layer.digest, Math.min(size, MAX_REGISTRY_BUNDLE_BYTES));
                bytes += blob.length;
                const hex = (0,dist/* sha256Hex */.fg)(blob);
                if (`sha256:${hex}` !== layer.digest)
                    return lie(`the bundle ${layer.digest} in ${image.registry} has the digest sha256:${hex}`);
                if (seen.has(hex))
                    continue;
                seen.add(hex);
                try {
                    index.bundles.push(candidateFromJson(origin, blob));
                    bundles++;
                }
                catch (e) {
                    // JSON.parse's message quotes the bytes: the decision log says only what it is.
                    const reason = e instanceof SyntaxError
                        ? 'the bundle in the registry is not JSON'
                        : `the referrer in the registry is not a Sigstore bundle: ${e.message}`;
                    index.unreadable.push({ origin, digest: hex, reason });
                }
            }
        }
        logger.info(`${where}@${image.digest}: manifest verified, ${bundles} bundle(s) from ${Math.min(listed.length, MAX_REFERRERS)} referrer(s)`);
        return {
            image,
            check: check('pass', `manifest ${image.digest} read from ${image.registry} (digest checked); ${bundles} Sigstore bundle(s) from its referrers`),
        };
    }
    catch (e) {
        if (client.isMisbehaviour?.(e))
            return lie((0,dist/* errorMessage */.gJ)(e));
        if (e instanceof dist/* ConfigurationError */.j1)
            throw e;
        return {
            image,
            failure: { kind: 'unreachable', error: e },
            check: check('fail', `cannot read the image from its registry: ${(0,dist/* isSecureFactoryError */.Y5)(e) && e.hint ? e.message : (0,dist/* errorMessage */.gJ)(e)}`, 
            // The client's hint (e.g. `docker login` to it) says more than a generic retry.
            (0,dist/* isSecureFactoryError */.Y5)(e) && e.hint
                ? e.hint
                : 'the gate does not decide without the image and its attestations; retry when the registry answers (and check the credentials in the docker config)'),
        };
    }
}

;// CONCATENATED MODULE: ../packages/verify/dist/gate/gate.js
/**
 * `gate`: find the evidence for each artefact digest, verify every bundle once, evaluate the deploy
 * policy of the environment, and write the answer — decision log, VSA (signed when a signer is
 * given), deployment records. Fails closed: a policy that does not parse, a trust root that cannot be
 * read, an API that cannot be reached, or any unexpected error is a refusal, recorded as such.
 */











async function sha512File(file) {
    const hash = (0,external_node_crypto_.createHash)('sha512');
    for await (const chunk of (0,external_node_fs_.createReadStream)(file))
        hash.update(chunk);
    return hash.digest('hex');
}
/** `sha512:HEX` → the gated file's sha256 key, for the files some bundle may name by sha512 only. */
async function sha512Aliases(index, subjects) {
    const alias = new Map();
    if (!index.bundles.some((b) => [...b.subjects].some((d) => d.startsWith('sha512:'))))
        return alias;
    for (const s of subjects)
        if (s.file !== undefined)
            alias.set(`sha512:${await sha512File(s.file)}`, s.digest);
    return alias;
}
async function runGate(options) {
    const { logger, environment } = options;
    const now = options.now ?? new Date();
    const outDir = options.outDir ?? external_node_path_.join(options.evidenceDir ?? '.secure-factory', 'gate');
    let fatal;
    let infra;
    // Image references are parsed before anything else: a tag without a digest (or garbage) is bad
    // input, refused with the fix before any file or network is touched.
    const images = (options.images ?? []).map(parseDeployImage);
    const known = new Set(options.subjects.map((s) => s.digest));
    const subjects = [
        ...options.subjects,
        ...images.map(imageSubject).filter((s) => !known.has(s.digest) && (known.add(s.digest), true)),
    ];
    // The evidence folder is where the decision log goes too: a file or FIFO in its place is bad input,
    // refused before anything is read (a missing folder is refused below, and created for the log).
    if (options.evidenceDir !== undefined) {
        const st = await (0,promises_.stat)(options.evidenceDir).catch(() => undefined);
        if (st !== undefined && !st.isDirectory()) {
            throw new dist/* ConfigurationError */.j1('the evidence folder is not a folder', {
                location: { file: options.evidenceDir },
                hint: 'pass the folder the factory wrote its evidence to (default .secure-factory/evidence)',
            });
        }
    }
    // Nothing to gate is a usage error, never an empty (and so vacuously true) admission.
    if (subjects.length === 0) {
        throw new dist/* ConfigurationError */.j1('nothing to gate: no artefact digest and no image reference was given', {
            hint: 'name the artefacts (files, --subject-digest) or the images (--image REF@sha256:…) to gate',
        });
    }
    const log = {
        apiVersion: DECISION_API_VERSION,
        allowed: false,
        environment,
        time: now.toISOString(),
        tool: { name: 'secure-factory', version: dist/* TOOL_VERSION */.wr },
        policy: null,
        inputs: [],
        artefacts: [],
    };
    try {
        const policy = options.policy ?? (await (0,dist/* loadPolicy */.tb)(options.policyFile, { now }));
        log.policy = { uri: policyUri(policy.source.file), digest: { sha256: policy.source.sha256 } };
        const index = await indexEvidence({ evidenceDir: options.evidenceDir, bundleFiles: options.bundleFiles ?? [] });
        // Registries not listed by the deploy policy are refused here without a network call.
        const lookups = new Map();
        for (const l of await lookUpImages(images, { client: options.imageRegistry, allowed: (0,dist/* deployPolicyFor */.hj)(policy, environment)?.registries ?? [], environment, logger }, index)) {
            lookups.set(l.image.digest.slice('sha256:'.length), l);
            if (l.failure?.kind === 'unreachable')
                infra ??= l.failure.error;
        }
        const apiCheck = await fetchApi(options, subjects, index, logger);
        if (apiCheck?.status === 'fail')
            infra = apiCheck.error;
        // Advisories found after the build by the rescan loop: an open one refuses the digest unless waived.
        const remediationsDir = options.remediationsDir ?? (options.evidenceDir !== undefined ? external_node_path_.join(options.evidenceDir, DEPLOYMENTS_DIR) : undefined);
        const remediations = remediationsDir !== undefined ? await (0,dist/* readRemediations */.nW)(remediationsDir) : undefined;
        const wanted = new Set(subjects.map((s) => s.digest));
        // Evidence naming a gated file by sha512 only (npm provenance): hash those files again, and let
        // `sha512:HEX` stand for the file's sha256 key.
        const alias = await sha512Aliases(index, subjects);
        for (const key of alias.keys())
            wanted.add(key);
        const keyOf = (d) => alias.get(d) ?? d;
        const verifier = typeof options.verifier === 'function' ? await options.verifier() : options.verifier;
        if (verifier.trustedRootSource !== undefined) {
            log.trustRoots = verifier.trustedRootSource;
            logger.info(`trust roots: ${verifier.trustedRootSource}`);
        }
        const { verified, invalid } = await verifyBundles(index, wanted, verifier, options, log);
        // Index the verified statements by the digests they (verifiably) name.
        const byDigest = new Map();
        for (const e of verified) {
            const keys = new Set([...indexDigests(e.statement)].filter((d) => wanted.has(d)).map(keyOf));
            for (const k of keys)
                byDigest.set(k, [...(byDigest.get(k) ?? []), e]);
        }
        const unreadable = index.unreadable.map((u) => ({
            origin: u.origin,
            subjects: [],
            reason: u.reason,
            kind: 'unreadable',
        }));
        for (const s of subjects) {
            const look = lookups.get(s.digest);
            if (look?.failure) {
                // Not from a listed registry, or the registry lied or failed: refused on that alone.
                log.artefacts.push({
                    digest: s.digest,
                    ...(s.name ? { name: s.name } : {}),
                    allowed: false,
                    verifiedLevels: [],
                    checks: [look.check],
                    waivers: [],
                    inputs: [],
                });
                logger.info(`refused: ${s.name ?? ''} sha256:${s.digest} (${look.check.reason})`);
                continue;
            }
            const evidence = (byDigest.get(s.digest) ?? []).sort((a, b) => a.origin.localeCompare(b.origin));
            const rejected = [
                ...invalid.filter((r) => r.subjects.some((d) => keyOf(d) === s.digest)),
                ...index.unsigned
                    .filter((u) => u.subjects.has(s.digest))
                    .map((u) => ({ origin: u.origin, subjects: [s.digest], reason: 'unsigned', kind: 'unsigned' })),
                ...unreadable,
            ];
            const ev = evaluate({
                digest: s.digest,
                ...(s.name ? { name: s.name } : {}),
                environment,
                policy,
                evidence,
                rejected,
                otherBundles: index.bundles.length - evidence.length,
                now,
                ...(options.builder ? { builder: options.builder } : {}),
                ...(options.defaultBuilder ? { defaultBuilder: options.defaultBuilder } : {}),
                ...(options.githubEnvironment ? { githubEnvironment: options.githubEnvironment } : {}),
                ...(remediations ? { openRemediations: (0,dist/* openRemediationsFor */.A4)(remediations, `sha256:${s.digest}`) } : {}),
            });
            const checks = [...(look ? [look.check] : []), ...(apiCheck ? [apiCheck.check] : []), ...ev.checks];
            const allowed = ev.allowed && apiCheck?.status !== 'fail';
            log.artefacts.push({
                digest: s.digest,
                ...(s.name ? { name: s.name } : {}),
                allowed,
                ...(ev.run ? { run: ev.run } : {}),
                ...(ev.builder ? { builder: ev.builder } : {}),
                verifiedLevels: allowed ? ev.verifiedLevels : [],
                checks,
                waivers: ev.waivers,
                inputs: Object.values(ev.used).map((e) => `sha256:${e.bundleDigest}`),
            });
            logger.info(`${allowed ? 'admitted' : 'refused'}: ${s.name ?? ''} sha256:${s.digest} (${checks
                .filter((c) => c.status === 'fail')
                .map((c) => c.title)
                .join(', ') || 'every check passed'})`);
        }
        log.allowed = log.artefacts.length > 0 && log.artefacts.every((a) => a.allowed);
    }
    catch (e) {
        // Fail closed: whatever went wrong, the answer is no, and the decision log says why.
        fatal = e;
        log.allowed = false;
        log.error = { code: (0,dist/* isSecureFactoryError */.Y5)(e) ? e.code : 'INTERNAL', message: (0,dist/* errorMessage */.gJ)(e) };
        log.artefacts = subjects.map((s) => cannotDecide(s, e));
        logger.error(`the gate could not decide: ${(0,dist/* errorMessage */.gJ)(e)}`);
    }
    const written = await writeOutputs(options, subjects, log, outDir, now);
    fatal ??= written.signError;
    // A gate that could not decide (or could not reach its infrastructure) says so in its exit code.
    const exitCode = log.allowed
        ? dist/* EXIT */.dc.passed
        : fatal !== undefined || infra !== undefined
            ? (0,dist/* exitCodeFor */.Rr)(fatal !== undefined ? fatal : infra)
            : dist/* EXIT */.dc.failed;
    const { signError: _ignored, ...paths } = written;
    void _ignored;
    return { allowed: log.allowed, exitCode, decision: log, summary: renderSummary(log, { decisionPath: paths.decisionPath }), ...paths };
}
/** Verifies each bundle that names a gated digest exactly once, and lists every input in the decision log. */
async function verifyBundles(index, wanted, verifier, options, log) {
    const { logger } = options;
    // Verify each bundle that names a gated digest exactly once.
    const relevant = index.bundles.filter((b) => [...b.subjects].some((d) => wanted.has(d)));
    logger.info(`${index.bundles.length} bundle(s) found, ${relevant.length} name the ${wanted.size} artefact(s); verifying`);
    const verified = [];
    const invalid = [];
    await (0,dist/* mapLimit */.sf)(relevant, 8, async (b) => {
        const digest = [...b.subjects].find((d) => wanted.has(d));
        try {
            const v = await verifier.verify(b.bundle, digest);
            // A key the caller made for this run dates what it signed: nothing can be older than the key.
            const keyTime = v.signer.kind === 'key' && !v.trustedTime && options.keysCreatedAt
                ? { trustedTime: { time: options.keysCreatedAt, source: 'key' } }
                : {};
            verified.push({ ...v, ...keyTime, origin: b.origin, bundleDigest: b.bundleDigest });
        }
        catch (e) {
            if ((0,dist/* isSecureFactoryError */.Y5)(e) && e.code === 'INFRASTRUCTURE')
                throw e;
            invalid.push({
                origin: b.origin,
                bundleDigest: b.bundleDigest,
                subjects: [...b.subjects],
                reason: (0,dist/* errorMessage */.gJ)(e),
                kind: 'invalid',
            });
        }
    });
    for (const b of index.bundles) {
        const v = verified.find((x) => x.bundleDigest === b.bundleDigest);
        const bad = invalid.find((x) => x.bundleDigest === b.bundleDigest);
        log.inputs.push({
            origin: b.origin,
            digest: `sha256:${b.bundleDigest}`,
            ...(v ? { predicateType: v.statement.predicateType } : {}),
            status: v ? 'verified' : bad ? 'invalid' : 'other-digest',
            ...(bad ? { reason: bad.reason } : {}),
        });
    }
    for (const u of index.unsigned)
        log.inputs.push({
            origin: u.origin,
            digest: `sha256:${u.digest}`,
            status: 'unsigned',
            reason: 'a statement without a Sigstore bundle never counts',
        });
    for (const u of index.unreadable)
        log.inputs.push({ origin: u.origin, digest: u.digest ? `sha256:${u.digest}` : 'sha256:', status: 'unreadable', reason: u.reason });
    return { verified, invalid };
}
/** The refusal of one artefact when the gate could not decide at all (fail closed). */
function cannotDecide(s, e) {
    return {
        digest: s.digest,
        ...(s.name ? { name: s.name } : {}),
        allowed: false,
        verifiedLevels: [],
        checks: [
            {
                id: 'gate',
                title: 'gate',
                stage: 'gate',
                status: 'fail',
                reason: (0,dist/* isSecureFactoryError */.Y5)(e) ? `${e.location ? `${(0,dist/* formatLocation */.j$)(e.location)}: ` : ''}${e.message}` : (0,dist/* errorMessage */.gJ)(e),
                fix: (0,dist/* isSecureFactoryError */.Y5)(e) && e.hint ? e.hint : 'fix the input and run the gate again',
            },
        ],
        waivers: [],
        inputs: [],
    };
}
async function fetchApi(options, subjects, index, logger) {
    if (!options.github)
        return undefined;
    try {
        const before = index.bundles.length;
        await fetchFromGitHub(options.github, subjects.map((s) => s.digest), index);
        const n = index.bundles.length - before;
        logger.info(`GitHub attestations API: ${n} new bundle(s)`);
        return {
            status: 'pass',
            check: { id: 'attestations-api', title: 'GitHub attestations', stage: 'attest', status: 'pass', reason: `${n} bundle(s) fetched` },
        };
    }
    catch (e) {
        logger.error((0,dist/* errorMessage */.gJ)(e));
        return {
            status: 'fail',
            error: e,
            check: {
                id: 'attestations-api',
                title: 'GitHub attestations',
                stage: 'attest',
                status: 'fail',
                reason: `cannot fetch attestations: ${(0,dist/* errorMessage */.gJ)(e)}`,
                fix: 'the gate does not decide on partial evidence; retry when the API is reachable',
            },
        };
    }
}
async function writeOutputs(options, subjects, log, outDir, now) {
    const env = options.environment.toLowerCase().replace(/[^a-z0-9._-]/g, '-');
    const key = subjects.length === 1
        ? subjects[0].digest.slice(0, 12)
        : (0,dist/* sha256Hex */.fg)(subjects
            .map((s) => s.digest)
            .sort()
            .join('\n')).slice(0, 12);
    const base = `gate-${env}-${key}`;
    const folder = new dist/* EvidenceFolder */.eA(outDir);
    let statement = vsaStatement(log);
    let vsaBundlePath;
    let signed = false;
    let signError;
    if (options.signStatement) {
        try {
            const bundle = await options.signStatement(statement);
            vsaBundlePath = folder.bundlePathFor(`${base}.vsa`);
            await (0,dist/* writeJsonAtomic */.ZJ)(vsaBundlePath, bundle);
            signed = true;
        }
        catch (e) {
            // An admission whose answer cannot be signed is no admission.
            options.logger.error(`cannot sign the VSA: ${(0,dist/* errorMessage */.gJ)(e)}`);
            signError = e;
            log.allowed = false;
            log.error ??= { code: (0,dist/* isSecureFactoryError */.Y5)(e) ? e.code : 'INTERNAL', message: `cannot sign the VSA: ${(0,dist/* errorMessage */.gJ)(e)}` };
            // The VSA on disk says what the decision log says: FAILED, not the admission that could not be signed.
            statement = vsaStatement(log);
        }
    }
    const vsaPath = await folder.write(`${base}.vsa`, statement);
    log.vsa = {
        path: vsaPath,
        ...(vsaBundlePath ? { bundlePath: vsaBundlePath } : {}),
        sha256: (0,dist/* sha256Hex */.fg)(`${JSON.stringify(statement, null, 2)}\n`),
        signed,
    };
    const decisionPath = external_node_path_.join(outDir, `${base}.decision.json`);
    let deploymentPaths = [];
    if (log.allowed && options.evidenceDir !== undefined && options.recordDeployment !== false) {
        deploymentPaths = await recordDeployments(options.evidenceDir, log, decisionPath, now);
    }
    await (0,dist/* writeJsonAtomic */.ZJ)(decisionPath, log);
    return {
        decisionPath,
        vsaPath,
        ...(vsaBundlePath ? { vsaBundlePath } : {}),
        deploymentPaths,
        ...(signError !== undefined ? { signError } : {}),
    };
}

;// CONCATENATED MODULE: ../packages/verify/dist/gate/subjects.js
/**
 * What to gate: files (hashed here), `sha256:HEX` digests, or image references pinned by digest. A file
 * is named by the one rule of core `subjectNameOf`: its path relative to the project (`cwd`), as the
 * build and attest name it; a file outside the project is refused (gate it by `sha256:` digest).
 */



const subjects_DIGEST = /^sha256:([0-9a-fA-F]{64})$/;
const IMAGE = /^([a-z0-9.-]+(?::[0-9]+)?\/[^@\s]+)@sha256:([0-9a-f]{64})$/;
async function resolveSubject(arg, cwd = process.cwd()) {
    const d = subjects_DIGEST.exec(arg);
    if (d)
        return { digest: d[1].toLowerCase() };
    const img = IMAGE.exec(arg);
    if (img)
        return { digest: img[2], name: img[1] };
    const file = external_node_path_.resolve(cwd, arg);
    let isFile;
    try {
        isFile = (await (0,promises_.stat)(file)).isFile();
    }
    catch {
        throw new dist/* ConfigurationError */.j1(`"${arg}" is neither a file nor a digest`, {
            hint: 'give an artefact file, sha256:<64 hex>, or an image as registry/name@sha256:<64 hex>',
        });
    }
    if (!isFile)
        throw new dist/* ConfigurationError */.j1(`"${arg}" is not a regular file`, { hint: 'gate each artefact file, not a folder' });
    const name = (0,dist/* subjectNameOf */.tE)(cwd, file);
    return { digest: await (0,dist/* sha256File */.Q3)(file), name, file };
}
async function resolveSubjects(args, cwd = process.cwd()) {
    if (args.length === 0)
        throw new dist/* ConfigurationError */.j1('nothing to gate', { hint: 'give one or more artefact files or sha256:DIGEST values' });
    const out = [];
    const seen = new Set();
    for (const a of args) {
        const s = await resolveSubject(a, cwd);
        if (seen.has(s.digest))
            continue;
        seen.add(s.digest);
        out.push(s);
    }
    return out;
}

;// CONCATENATED MODULE: ../packages/verify/dist/gate/setup.js
/**
 * From plain inputs (CLI flags, action inputs) to the gate's collaborators: the trust layer, the VSA
 * signer (the attest layer's pipeline: keyless, key or ephemeral) and the GitHub attestations client.
 * Shared by `secure-factory gate` and the gate-deploy action so both behave the same.
 */










async function buildVerifier(trustedRootFile, publicKeyFiles) {
    const trustedRoot = await loadTrustedRoot(trustedRootFile);
    const publicKeys = [];
    for (const f of publicKeyFiles) {
        // Safe reader (regular file, bounded); then the key must parse here, so garbage is an input error
        // naming the file (exit 2) rather than OpenSSL decoder text from deep inside verification.
        const bytes = await (0,dist/* readRegularFile */.XF)(f, { maxBytes: 64 * 1024, what: 'public key file', within: '/' });
        const pem = (0,dist/* decodeUtf8 */._6)(bytes, f, 'public key file');
        if (isPrivateKeyPem(pem)) {
            throw new dist/* ConfigurationError */.j1('the public key file holds a private key', {
                location: { file: f },
                hint: 'pass only its public half (openssl pkey -in KEY -pubout), and keep the private key off the deploy side',
            });
        }
        try {
            (0,external_node_crypto_.createPublicKey)(pem);
        }
        catch (e) {
            throw new dist/* ConfigurationError */.j1('the public key file does not hold a PEM public key', {
                location: { file: f },
                hint: 'pass a PEM file starting with -----BEGIN PUBLIC KEY----- (e.g. cosign.pub, or openssl pkey -pubout)',
                cause: e,
            });
        }
        publicKeys.push(pem);
    }
    return sigstoreEvidenceVerifier(createBundleVerifier({ trustedRoot, publicKeys }));
}
/** The attest layer's pipeline, prepared on first use; an ephemeral key's public half is written beside the VSA. */
function vsaSigner(inputs, outDir) {
    return async (statement) => {
        const prepared = await (0,attest_dist/* prepareSigner */.gU)(inputs);
        if (prepared.keySigner && inputs.kind === 'ephemeral') {
            await (0,dist/* writeFileAtomic */.qD)(external_node_path_.join(outDir, 'gate-ephemeral-key.pub.pem'), prepared.keySigner.publicKeyPem);
        }
        return prepared.pipeline.signStatement(Buffer.from(JSON.stringify(statement), 'utf8'));
    };
}
/**
 * This job's claims, from the runner's OIDC token: the gate runs in the factory's own workflow, so
 * `job_workflow_ref` is the builder to pin when the policy names none, and `environment` is the GitHub
 * environment of the run. Fulcio certificates carry no environment extension, so the token is the only
 * signed source of it (gh and actions/attest read it from there too). Undefined when the job cannot
 * mint a token (then the builder and environment checks fail closed).
 */
async function runnerClaims(env = process.env, logger) {
    if (!(0,attest_dist/* actionsTokenAvailable */.SS)(env))
        return undefined;
    try {
        const claims = (0,attest_dist/* jwtClaims */.vE)(await (0,attest_dist/* actionsIdentityProvider */.j8)(env).getToken());
        return {
            ...(typeof claims.job_workflow_ref === 'string' ? { jobWorkflowRef: claims.job_workflow_ref } : {}),
            ...(typeof claims.environment === 'string' && claims.environment !== '' ? { environment: claims.environment } : {}),
        };
    }
    catch (e) {
        logger?.warning(`cannot read this job's OIDC claims: ${e instanceof Error ? e.message : String(e)}`);
        return undefined;
    }
}
/** The reusable workflow this job runs in (`job_workflow_ref` of its OIDC token). */
async function runnerWorkflowRef(env = process.env, logger) {
    return (await runnerClaims(env, logger))?.jobWorkflowRef;
}
/**
 * The GitHub environment the gate holds the policy's `deploy.<env>.environments` to. On Actions it is
 * the job's signed `environment` claim and nothing else: an input can only narrow it (it must match),
 * never supply it. Off Actions (the CLI) there is no signed claim and the operator's flag is taken.
 */
function githubEnvironmentFor(input, claims, onActions, logger) {
    if (!onActions)
        return input;
    const claimed = claims?.environment;
    if (input !== undefined && claimed !== undefined && input !== claimed) {
        throw new dist/* ConfigurationError */.j1(`github-environment is "${input}" but this job's OIDC token says it runs in the environment "${claimed}"`, { hint: `remove the github-environment input, or set it to ${claimed}` });
    }
    if (input !== undefined && claimed === undefined) {
        logger?.warning(`github-environment "${input}" is not taken: this job's OIDC token names no environment (declare \`environment: ${input}\` on the job and grant id-token: write)`);
    }
    return claimed;
}
/** Files and globs (as the attest stage expands them) → subjects with their names. */
async function subjectsFromGlobs(patterns, cwd = process.cwd()) {
    const found = await (0,attest_dist/* subjectsFromPaths */.wt)(patterns, cwd);
    return found.flatMap((s) => (s.digest.sha256 ? [{ digest: s.digest.sha256, ...(s.name ? { name: s.name } : {}) }] : []));
}
/** Resolves the artefacts and runs the gate; bad artefact arguments are a recorded refusal too. */
async function gate(inputs) {
    const given = inputs.subjects ?? [];
    const images = inputs.images ?? [];
    const subjects = [
        ...given,
        ...(inputs.artefacts.length > 0 || (given.length === 0 && images.length === 0)
            ? await resolveSubjects(inputs.artefacts, inputs.cwd)
            : []),
    ];
    const outDir = inputs.outDir ?? external_node_path_.join(inputs.evidenceDir ?? '.secure-factory', 'gate');
    // On Actions (the action sets builderFromRunner) the run's own signed claims decide builder and environment.
    const claims = inputs.builderFromRunner ? await runnerClaims(process.env, inputs.logger) : undefined;
    return runGate({
        subjects,
        environment: inputs.environment,
        policyFile: inputs.policyFile,
        evidenceDir: inputs.evidenceDir,
        bundleFiles: inputs.bundleFiles ?? [],
        github: inputs.github ? gitHubAttestationsClient(inputs.github) : undefined,
        ...(images.length > 0 ? { images, imageRegistry: inputs.imageRegistry } : {}),
        verifier: () => buildVerifier(inputs.trustedRootFile, inputs.publicKeyFiles ?? []),
        builder: inputs.builder,
        keysCreatedAt: inputs.keysCreatedAt,
        defaultBuilder: !inputs.builder ? claims?.jobWorkflowRef : undefined,
        githubEnvironment: githubEnvironmentFor(inputs.githubEnvironment, claims, inputs.builderFromRunner === true, inputs.logger),
        outDir,
        signStatement: inputs.signer && inputs.signer !== 'none' ? vsaSigner(inputs.signer, outDir) : undefined,
        ...(inputs.recordDeployment !== undefined ? { recordDeployment: inputs.recordDeployment } : {}),
        ...(inputs.now ? { now: inputs.now } : {}),
        logger: inputs.logger,
    });
}

;// CONCATENATED MODULE: ../packages/verify/dist/gate/index.js














;// CONCATENATED MODULE: ../packages/verify/dist/index.js













/***/ })

};
