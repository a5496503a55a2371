export const id = 280;
export const ids = [280];
export const modules = {

/***/ 83280:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  wN: () => (/* reexport */ PUBLIC_GOOD),
  j8: () => (/* reexport */ actionsIdentityProvider),
  SS: () => (/* reexport */ actionsTokenAvailable),
  le: () => (/* reexport */ attestEvidence),
  kE: () => (/* reexport */ createSigningPipeline),
  Dk: () => (/* reexport */ customPredicate),
  vE: () => (/* reexport */ jwtClaims),
  gU: () => (/* reexport */ prepareSigner),
  wt: () => (/* reexport */ subjectsFromPaths)
});

// UNUSED EXPORTS: DEFAULT_MAX_SUBJECTS, EPHEMERAL_PUBLIC_KEY_FILE, MAX_PREDICATE_BYTES, NPM_DEFAULT_REGISTRY, NPM_PROVENANCE_FOLDER, RETRY, SIGSTORE_AUDIENCE, SIGSTORE_BUNDLE_MEDIA_TYPE, SUBJECTS_PREDICATE, TIMEOUT_MS, assertPublicCertificateAllowed, assertWitnessAvailable, attachToRelease, collectSubjects, decideTransparencyLog, dedupeSubjects, ephemeralSigner, imageSubjects, imageTargets, isPublicGoodFulcio, isPublicGoodRekor, npmEvidenceName, npmProvenanceDir, npmPurl, npmSubject, parseChecksums, publicKeyHint, publishAttestation, pushToImages, readNpmPackage, readSigningConfig, referrerAnnotations, repositoryVisibility, resolveServices, serviceError, signerFromPrivateKey, staticToken, subjectFromDigest, subjectKey, withSubjects

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ../packages/core/dist/index.js + 30 modules
var dist = __webpack_require__(81915);
;// CONCATENATED MODULE: ../packages/attest/dist/identity.js
/**
 * OIDC identity tokens for Fulcio: from the GitHub Actions runtime (the job's `id-token: write`
 * permission) or given directly. The token is fetched once and reused for every statement of a run.
 */

const SIGSTORE_AUDIENCE = 'sigstore';
function staticToken(token) {
    const t = token.trim();
    if (t.split('.').length !== 3)
        throw new dist/* ConfigurationError */.j1('the identity token is not a JWT (three dot-separated parts)');
    return { getToken: () => Promise.resolve(t) };
}
/** True when the runner offers an OIDC token (the job has `permissions: id-token: write`). */
function actionsTokenAvailable(env = process.env) {
    return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
}
/**
 * The runner's token endpoint: `GET <ACTIONS_ID_TOKEN_REQUEST_URL>&audience=sigstore` → `{value}`.
 * `http` overrides core's HTTP policy (tests shorten the deadline).
 */
function actionsIdentityProvider(env = process.env, audience = SIGSTORE_AUDIENCE, http = {}) {
    let cached;
    return {
        getToken: () => {
            cached ??= fetchActionsToken(env, audience, http);
            return cached;
        },
    };
}
async function fetchActionsToken(env, audience, http) {
    const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (!url || !bearer) {
        throw new dist/* ConfigurationError */.j1('no OIDC token: ACTIONS_ID_TOKEN_REQUEST_URL is not set', {
            hint: 'grant the job `permissions: id-token: write`, pass --identity-token, or use --signer key/ephemeral',
        });
    }
    // The runner's URL already carries a query string; the audience is appended the way @actions/core does.
    const full = `${url}${url.includes('?') ? '&' : '?'}audience=${encodeURIComponent(audience)}`;
    // Core httpRequest: bounded full-jitter retries on 408/429/5xx, resets and stalls, one deadline, a
    // byte limit (a token answer is small); what still fails is an InfrastructureError (exit 3).
    const res = await (0,dist/* httpRequest */.aj)({ url: full, headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json' } }, { service: 'the Actions OIDC token endpoint', attemptTimeoutMs: 15_000, deadlineMs: 60_000, maxBytes: 64 * 1024, ...http });
    if (!res.ok)
        throw new dist/* InfrastructureError */.EN(`the OIDC token endpoint answered HTTP ${res.status}`);
    const body = (await res.json());
    if (typeof body?.value !== 'string')
        throw new dist/* InfrastructureError */.EN('the OIDC token endpoint answered without a "value"');
    return body.value;
}
/** The claims of a JWT, not verified (Fulcio verifies it); used to read `repository_visibility`. */
function jwtClaims(token) {
    const part = token.split('.')[1];
    if (!part)
        return {};
    try {
        return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    }
    catch {
        return {};
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ../packages/attest/dist/key-signer.js
/**
 * Key-based signers: a PEM private key (ECDSA P-256 or Ed25519) from a file or a secret, or an
 * ephemeral P-256 key made for one local run. The bundle carries a public-key hint (the SHA-256 of the
 * DER SubjectPublicKeyInfo, hex) instead of a certificate; verifiers supply the key themselves.
 */


function publicKeyHint(publicKey) {
    return (0,external_node_crypto_.createHash)('sha256')
        .update(publicKey.export({ format: 'der', type: 'spki' }))
        .digest('hex');
}
function signerFromPrivateKey(pem, source = 'the private key') {
    let key;
    try {
        key = (0,external_node_crypto_.createPrivateKey)(pem);
    }
    catch (e) {
        throw new dist/* ConfigurationError */.j1(`${source} is not a readable PEM private key (unencrypted PKCS#8, SEC1 or PKCS#1)`, {
            cause: e,
            hint: 'make one with `openssl genpkey -algorithm ed25519` or `openssl ecparam -name prime256v1 -genkey -noout`',
        });
    }
    let algorithm;
    if (key.asymmetricKeyType === 'ed25519')
        algorithm = 'ed25519';
    else if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1')
        algorithm = 'ecdsa-p256-sha256';
    else {
        throw new dist/* ConfigurationError */.j1(`${source} is ${key.asymmetricKeyType ?? 'unknown'}${key.asymmetricKeyDetails?.namedCurve ? ` (${key.asymmetricKeyDetails.namedCurve})` : ''}; only ECDSA P-256 and Ed25519 are supported`);
    }
    const publicKey = (0,external_node_crypto_.createPublicKey)(key);
    const publicKeyPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const hint = publicKeyHint(publicKey);
    return {
        publicKeyPem,
        hint,
        algorithm,
        sign: (data) => Promise.resolve({
            signature: (0,external_node_crypto_.sign)(algorithm === 'ed25519' ? null : 'sha256', data, key),
            key: { $case: 'publicKey', publicKey: publicKeyPem, hint },
        }),
    };
}
/** A fresh P-256 key that lives only in this process; its public half is what verifiers get. */
function ephemeralSigner() {
    const { privateKey } = (0,external_node_crypto_.generateKeyPairSync)('ec', { namedCurve: 'P-256' });
    return signerFromPrivateKey(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), 'the ephemeral key');
}

;// CONCATENATED MODULE: ../packages/attest/dist/publish.js
/**
 * Publishing bundles to the GitHub attestations API: `POST {api}/repos/{owner}/{repo}/attestations`
 * with `{"bundle": …}` → `{"id": …}`. The API URL is an input (GHES, and a local server in tests).
 */

const API_HEADERS = { Accept: 'application/vnd.github+json', 'X-GitHub-Api-Version': '2022-11-28' };
/** GitHub's own error text (`{"message": …}`), short; never the raw body of something else. */
async function apiMessage(res) {
    try {
        const m = (await res.json())?.message;
        return typeof m === 'string' ? `: ${m.slice(0, 200)}` : '';
    }
    catch {
        return '';
    }
}
/**
 * Requests go through core `httpRequest`: bounded full-jitter retries (408/429/5xx, resets, stalls,
 * truncated bodies), Retry-After, one deadline, a byte limit; what still fails is exit 3.
 */
function policy(target, service, over = {}) {
    return { service, attemptTimeoutMs: 30_000, deadlineMs: 120_000, maxBytes: 1024 * 1024, ...over, ...target.http };
}
async function publishAttestation(target, bundle) {
    if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(target.repository)) {
        throw new dist/* ConfigurationError */.j1(`"${target.repository}" is not an OWNER/REPO repository name`);
    }
    if (!target.token)
        throw new dist/* ConfigurationError */.j1('publishing attestations needs a GitHub token', {
            hint: 'grant `attestations: write` and pass github-token',
        });
    const url = `${target.apiUrl.replace(/\/+$/, '')}/repos/${target.repository}/attestations`;
    // Publishing the same bundle twice stores it twice, harmlessly: 5xx answers are retried.
    const res = await (0,dist/* httpRequest */.aj)({
        url,
        method: 'POST',
        headers: { ...API_HEADERS, Authorization: `Bearer ${target.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ bundle }),
    }, policy(target, `the GitHub attestations API (${url})`));
    if (res.ok) {
        const body = await res.json();
        const id = body?.id;
        if (typeof id !== 'number' && typeof id !== 'string')
            throw new dist/* InfrastructureError */.EN(`the GitHub attestations API (${url}) answered without an id`);
        return String(id);
    }
    const last = `HTTP ${res.status}${await apiMessage(res)}`;
    if (res.status === 401 || res.status === 403 || res.status === 404 || res.status === 422) {
        throw new dist/* ConfigurationError */.j1(`the GitHub attestations API (${url}) refused the bundle: ${last}`, {
            hint: 'the job needs `permissions: attestations: write` (and `contents: read`)',
        });
    }
    throw new dist/* InfrastructureError */.EN(`the GitHub attestations API (${url}) failed: ${last}`);
}
/**
 * Attaches a file to the GitHub release of `tag`: `GET /repos/{repo}/releases/tags/{tag}` gives the
 * release's `upload_url`, then `POST {upload_url}?name=…` with the bytes. Returns the asset URL.
 */
async function attachToRelease(target, tag, name, data) {
    const api = target.apiUrl.replace(/\/+$/, '');
    const headers = { ...API_HEADERS, Authorization: `Bearer ${target.token}` };
    const releaseUrl = `${api}/repos/${target.repository}/releases/tags/${encodeURIComponent(tag)}`;
    const res = await (0,dist/* httpRequest */.aj)({ url: releaseUrl, headers }, policy(target, `the GitHub releases API (${releaseUrl})`));
    if (res.status === 404)
        throw new dist/* ConfigurationError */.j1(`there is no GitHub release for the tag "${tag}" in ${target.repository}`, {
            hint: 'create the release first',
        });
    if (!res.ok)
        throw new dist/* InfrastructureError */.EN(`the GitHub releases API (${releaseUrl}) answered HTTP ${res.status}`);
    const release = (await res.json());
    if (typeof release?.upload_url !== 'string')
        throw new dist/* InfrastructureError */.EN(`the release ${tag} has no upload_url`);
    const uploadUrl = `${release.upload_url.replace(/\{.*\}$/, '')}?name=${encodeURIComponent(name)}`;
    // An upload that failed with a 5xx may have stored the asset; a retry would then be refused as a
    // duplicate name (422). Only a 429 or a connection that failed before an answer is retried.
    const up = await (0,dist/* httpRequest */.aj)({ url: uploadUrl, method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: new Uint8Array(data) }, policy(target, `uploading ${name} to the release ${tag}`, { attemptTimeoutMs: 60_000, retryStatuses: [429] }));
    if (!up.ok) {
        const err = `uploading ${name} to the release ${tag} failed: HTTP ${up.status}${await apiMessage(up)}`;
        if (up.status === 422)
            throw new dist/* ConfigurationError */.j1(err, { hint: 'an asset with this name already exists on the release' });
        throw new dist/* InfrastructureError */.EN(err);
    }
    const asset = (await up.json());
    return typeof asset?.browser_download_url === 'string' ? asset.browser_download_url : uploadUrl;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ../packages/attest/dist/npm-package.js
/**
 * npm provenance made by the factory: `npm publish --provenance-file <bundle>` accepts a Sigstore bundle
 * whose DSSE statement has exactly one subject, named as npm names the package version
 * (`pkg:npm/%40scope/name@1.2.3`, plus `?repository_url=` for a registry other than npmjs) with the
 * sha512 of the tarball's bytes (what the registry records as `dist.integrity`). npm checks the name and
 * the digest, then verifies the bundle.
 *
 * The statement signed here is the build's own SLSA provenance for the tarball, with its subject
 * restated in npm's terms: the tarball must be one of the provenance's subjects (same sha256), so the
 * registry's copy says exactly what the factory's build said. It is written under `<evidence>/npm/`
 * so the gate, which reads the evidence folder's top level, never mistakes it for a separate claim.
 */





const NPM_DEFAULT_REGISTRY = 'https://registry.npmjs.org/';
/** The folder, inside the evidence folder, for npm provenance bundles. */
const NPM_PROVENANCE_FOLDER = 'npm';
const MAX_MANIFEST = 1024 * 1024;
/** The registry takes packages far smaller; a tarball unpacking beyond this is refused, not read on. */
const MAX_UNPACKED = 2 * 1024 ** 3;
// npm's rules for new package names: lower case, URL-safe, at most 214 characters, optional @scope/.
const NAME = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;
// semver 2.0 (npm publishes only valid versions).
const VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
/** npm's purl for a registry version: the leading `@` of a scope is written `%40`. */
function npmPurl(name, version, registry = NPM_DEFAULT_REGISTRY) {
    const purl = `pkg:npm/${name.replace(/^@/, '%40')}@${version}`;
    return normaliseRegistry(registry) === NPM_DEFAULT_REGISTRY ? purl : `${purl}?repository_url=${registry}`;
}
function normaliseRegistry(registry) {
    return registry.endsWith('/') ? registry : `${registry}/`;
}
/**
 * Reads an npm package tarball (`npm pack` output): hashes its bytes and reads `package/package.json`
 * from it in one pass. Anything else — not a file, not gzip, no manifest, an invalid name or version —
 * is a ConfigurationError naming the file.
 */
async function readNpmPackage(file, registry = NPM_DEFAULT_REGISTRY) {
    const st = await (0,promises_.lstat)(file).catch(() => undefined);
    if (!st)
        throw new dist/* ConfigurationError */.j1('the npm package tarball does not exist', { location: { file } });
    if (!st.isFile())
        throw new dist/* ConfigurationError */.j1('the npm package tarball is not a regular file', { location: { file } });
    // Two passes: the digests over every byte of the file, then the manifest (the tar reader stops at the
    // archive's end, before gzip's trailer).
    const sha256 = (0,external_node_crypto_.createHash)('sha256');
    const sha512 = (0,external_node_crypto_.createHash)('sha512');
    try {
        for await (const chunk of (0,external_node_fs_.createReadStream)(file)) {
            sha256.update(chunk);
            sha512.update(chunk);
        }
    }
    catch {
        throw new dist/* ConfigurationError */.j1('cannot read the npm package tarball', { location: { file } });
    }
    const source = (0,external_node_fs_.createReadStream)(file);
    let manifest;
    try {
        await (0,dist/* walkTar */.Nb)((0,dist/* gunzipped */.lY)(source, file), file, { maxTotalBytes: MAX_UNPACKED }, 
        // npm pack writes `package/`; some tools wrote another top folder (npm reads the first one's package.json).
        (entry) => manifest === undefined && /^[^/]+\/package\.json$/.test(entry.path) ? { read: true, maxBytes: MAX_MANIFEST } : { read: false }, (_entry, body) => {
            if (manifest === undefined)
                manifest = body;
        });
    }
    catch (e) {
        if (e instanceof dist/* TarError */.mt) {
            throw new dist/* ConfigurationError */.j1(`${e.message}: not an npm package tarball`, {
                hint: 'give the .tgz that `npm pack` wrote',
            });
        }
        throw e;
    }
    finally {
        source.destroy();
    }
    if (!manifest) {
        throw new dist/* ConfigurationError */.j1('the tarball holds no package/package.json: not an npm package', {
            location: { file },
            hint: 'give the .tgz that `npm pack` wrote',
        });
    }
    let pkg;
    try {
        pkg = JSON.parse((0,dist/* decodeUtf8 */._6)(manifest, `${file}!package/package.json`, 'package.json'));
    }
    catch (e) {
        if (e instanceof dist/* ConfigurationError */.j1)
            throw e;
        throw new dist/* ConfigurationError */.j1('package/package.json inside the tarball is not valid JSON', { location: { file } });
    }
    const name = pkg?.name;
    const version = pkg?.version;
    if (typeof name !== 'string' || name.length > 214 || !NAME.test(name)) {
        throw new dist/* ConfigurationError */.j1(`package/package.json names no valid npm package (name: ${JSON.stringify(name ?? null)?.slice(0, 80)})`, {
            location: { file },
        });
    }
    if (typeof version !== 'string' || version.length > 256 || !VERSION.test(version)) {
        throw new dist/* ConfigurationError */.j1(`package/package.json of ${name} has no valid semver version (version: ${JSON.stringify(version ?? null)?.slice(0, 80)})`, {
            location: { file },
        });
    }
    const digest512 = sha512.digest();
    // npm publishes `semver.clean(version)`: build metadata (`+build.7`) is dropped from the version it records.
    const published = version.replace(/\+.*$/, '');
    return {
        file,
        name,
        version: published,
        purl: npmPurl(name, published, registry),
        sha256: sha256.digest('hex'),
        sha512: digest512.toString('hex'),
        integrity: `sha512-${digest512.toString('base64')}`,
    };
}
/** The subject npm expects in a `--provenance-file` statement for this package. */
function npmSubject(pkg) {
    return { name: pkg.purl, digest: { sha512: pkg.sha512 } };
}
/** `@acme/cli@1.2.3` → `acme-cli-1.2.3`: the statement name under `<evidence>/npm/`. */
function npmEvidenceName(pkg) {
    return `${pkg.name.replace(/^@/, '').replace(/[^a-z0-9._-]+/g, '-')}-${pkg.version}`
        .toLowerCase()
        .replace(/[^a-z0-9._-]/g, '-')
        .slice(0, 128);
}
function npmProvenanceDir(evidenceDir) {
    return external_node_path_.join(evidenceDir, NPM_PROVENANCE_FOLDER);
}

;// CONCATENATED MODULE: ../packages/attest/dist/services.js
/**
 * Where the Sigstore services are: a Sigstore signing config (v0.1 or v0.2 JSON, as sigstore-conformance
 * and TUF distribute them) or explicit URLs, defaulting to the public-good instance.
 */

const PUBLIC_GOOD = {
    fulcio: 'https://fulcio.sigstore.dev',
    rekor: 'https://rekor.sigstore.dev',
    tsa: 'https://timestamp.sigstore.dev/api/v1/timestamp',
};
function entries(value, file, field) {
    if (value === undefined)
        return [];
    if (!Array.isArray(value))
        throw new dist/* ConfigurationError */.j1(`"${field}" must be a list of services`, { location: { file } });
    return value.map((v, i) => {
        const o = (v ?? {});
        if (typeof o.url !== 'string')
            throw new dist/* ConfigurationError */.j1(`"${field}[${i}].url" must be a string`, { location: { file } });
        return {
            url: o.url,
            majorApiVersion: typeof o.majorApiVersion === 'number' ? o.majorApiVersion : 1,
            start: typeof o.validFor?.start === 'string' ? Date.parse(o.validFor.start) : 0,
            end: typeof o.validFor?.end === 'string' ? Date.parse(o.validFor.end) : undefined,
        };
    });
}
/** The newest service valid now whose API version we speak (the rule sigstore-js applies). */
function pick(list, maxVersion, now = Date.now()) {
    return list
        .filter((s) => s.majorApiVersion <= maxVersion && (s.end === undefined || s.end >= now) && s.start <= now)
        .sort((a, b) => b.start - a.start)[0];
}
async function readSigningConfig(file) {
    const raw = (await (0,dist/* readJsonFile */.JE)(file));
    if (!raw || typeof raw !== 'object')
        throw new dist/* ConfigurationError */.j1('a signing config must be a JSON object', { location: { file } });
    // v0.1 (`caUrl`, `tlogUrls`) and v0.2 (`caUrls`, `rekorTlogUrls`, `tsaUrls`).
    const cas = typeof raw.caUrl === 'string'
        ? [{ url: raw.caUrl, majorApiVersion: 1, start: 0, end: undefined }]
        : entries(raw.caUrls, file, 'caUrls');
    const tlogs = entries(raw.rekorTlogUrls ?? raw.tlogUrls, file, 'rekorTlogUrls');
    const tsas = entries(raw.tsaUrls, file, 'tsaUrls');
    const ca = pick(cas, 1);
    if (!ca)
        throw new dist/* ConfigurationError */.j1('the signing config names no usable Fulcio (caUrls)', { location: { file } });
    const tlog = pick(tlogs, 2);
    const tsa = pick(tsas, 1);
    if (!tlog && !tsa) {
        throw new dist/* ConfigurationError */.j1('the signing config names neither a usable Rekor nor a timestamp authority', { location: { file } });
    }
    return { fulcioUrl: ca.url, rekorUrl: tlog?.url, rekorMajorVersion: tlog?.majorApiVersion ?? 1, tsaUrl: tsa?.url };
}
function checkUrl(name, url) {
    let u;
    try {
        u = new URL(url);
    }
    catch {
        throw new dist/* ConfigurationError */.j1(`${name} "${url}" is not a URL`);
    }
    if (u.protocol !== 'https:' && !(u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname))) {
        throw new dist/* ConfigurationError */.j1(`${name} "${url}" must use https (plain http only for a local service)`);
    }
    return url.replace(/\/+$/, '');
}
async function resolveServices(inputs) {
    const base = inputs.signingConfigFile
        ? await readSigningConfig(inputs.signingConfigFile)
        : { fulcioUrl: PUBLIC_GOOD.fulcio, rekorUrl: PUBLIC_GOOD.rekor, rekorMajorVersion: 1, tsaUrl: undefined };
    const out = { ...base };
    if (inputs.fulcioUrl)
        out.fulcioUrl = inputs.fulcioUrl;
    if (inputs.rekorUrl !== undefined) {
        out.rekorUrl = inputs.rekorUrl === '' ? undefined : inputs.rekorUrl;
        out.rekorMajorVersion = 1;
    }
    if (inputs.tsaUrl !== undefined)
        out.tsaUrl = inputs.tsaUrl === '' ? undefined : inputs.tsaUrl;
    out.fulcioUrl = checkUrl('the Fulcio URL', out.fulcioUrl);
    if (out.rekorUrl)
        out.rekorUrl = checkUrl('the Rekor URL', out.rekorUrl);
    if (out.tsaUrl)
        out.tsaUrl = checkUrl('the timestamp authority URL', out.tsaUrl);
    return out;
}
function isPublicGoodRekor(url) {
    if (!url)
        return false;
    try {
        const host = new URL(url).hostname;
        return host === 'rekor.sigstore.dev' || host.endsWith('.rekor.sigstore.dev');
    }
    catch {
        return false;
    }
}
function isPublicGoodFulcio(url) {
    if (!url)
        return false;
    try {
        return new URL(url).hostname === 'fulcio.sigstore.dev';
    }
    catch {
        return false;
    }
}

// EXTERNAL MODULE: ../node_modules/@sigstore/bundle/dist/index.js
var bundle_dist = __webpack_require__(83178);
// EXTERNAL MODULE: ../node_modules/@sigstore/sign/dist/index.js
var sign_dist = __webpack_require__(99185);
;// CONCATENATED MODULE: ../packages/attest/dist/sign.js
/**
 * One signing pipeline per run: a signer (Fulcio keyless, or a key) and its witnesses (Rekor, TSA),
 * built once and reused for every statement. Network calls retry with exponential backoff on 5xx,
 * 408, 429 and timeouts (bounded); a failure names the service that failed.
 */



const RETRY = { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 4000 };
const TIMEOUT_MS = 15_000;
function createSigningPipeline(options) {
    const retry = options.retry ?? RETRY;
    const timeout = options.timeoutMs ?? TIMEOUT_MS;
    const s = options.services;
    const witnesses = [];
    const used = {};
    const rekor = options.useRekor ? s.rekorUrl : undefined;
    if (rekor) {
        used.rekor = rekor;
        witnesses.push(new sign_dist/* RekorWitness */.fU({
            rekorBaseURL: rekor,
            majorApiVersion: s.rekorMajorVersion,
            entryType: options.rekorEntryType ?? 'intoto',
            fetchOnConflict: true,
            retry,
            timeout: s.rekorMajorVersion >= 2 ? Math.max(timeout, 20_000) : timeout,
        }));
    }
    if (s.tsaUrl) {
        used.tsa = s.tsaUrl;
        witnesses.push(new sign_dist/* TSAWitness */.gs({ tsaBaseURL: s.tsaUrl, retry, timeout }));
    }
    let signer;
    if (options.kind === 'keyless') {
        if (!options.identity)
            throw new dist/* ConfigurationError */.j1('keyless signing needs an OIDC identity token');
        if (witnesses.length === 0) {
            throw new dist/* ConfigurationError */.j1('keyless signing needs a transparency log or a timestamp authority to prove when the short-lived certificate was used', {
                hint: 'give a tsa-url (or a signing config with tsaUrls), or allow the transparency log in the policy (attest.public-transparency-log)',
            });
        }
        used.fulcio = s.fulcioUrl;
        signer = new sign_dist/* FulcioSigner */.$o({ identityProvider: options.identity, fulcioBaseURL: s.fulcioUrl, retry, timeout });
    }
    else {
        if (!options.keySigner)
            throw new dist/* ConfigurationError */.j1(`signer "${options.kind}" needs a private key`);
        signer = options.keySigner;
    }
    const wrap = async (what) => {
        try {
            return (0,bundle_dist.bundleToJSON)(await what());
        }
        catch (e) {
            throw serviceError(e, used);
        }
    };
    return {
        kind: options.kind,
        services: used,
        signStatement: (payload, payloadType = dist/* IN_TOTO_PAYLOAD_TYPE */.T4) => wrap(() => new sign_dist/* DSSEBundleBuilder */.VV({ signer, witnesses }).create({ data: payload, type: payloadType })),
        signArtifact: (data) => {
            // A message signature is checked through the hash its digest names; Ed25519 signs the message itself,
            // so no Sigstore verifier (ours, cosign, sigstore-js) could check the bundle: refuse to make it.
            if (options.keySigner?.algorithm === 'ed25519') {
                return Promise.reject(new dist/* ConfigurationError */.j1('an Ed25519 key cannot make a Sigstore message signature', {
                    hint: 'sign an in-toto statement with it (DSSE), or use an ECDSA P-256 key',
                }));
            }
            return wrap(() => new sign_dist/* MessageSignatureBundleBuilder */.z3({ signer, witnesses }).create({ data }));
        },
    };
}
/** Names the service behind a sigstore-js error, and whether the user (a bad token) or the service failed. */
function serviceError(e, services) {
    if (!(e instanceof sign_dist/* InternalError */.Gd))
        return e instanceof Error ? e : new Error(String(e));
    // Our own identity provider's errors (no token, bad runtime URL) come back wrapped: unwrap them.
    if ((0,dist/* isSecureFactoryError */.Y5)(e.cause))
        return e.cause;
    const detail = e.cause instanceof Error ? e.cause.message : e.message;
    const status = /^\((\d{3})\)/.exec(detail)?.[1];
    switch (e.code) {
        case 'CA_CREATE_SIGNING_CERTIFICATE_ERROR':
            if (status && Number(status) >= 400 && Number(status) < 500 && status !== '408' && status !== '429') {
                return new dist/* ConfigurationError */.j1(`Fulcio (${services.fulcio}) refused to issue a signing certificate: ${detail}`, {
                    cause: e,
                    hint: 'check the OIDC token: audience "sigstore", not expired, from an issuer this Fulcio trusts',
                });
            }
            return new dist/* InfrastructureError */.EN(`Fulcio (${services.fulcio}) failed to issue a signing certificate: ${detail}`, { cause: e });
        case 'TLOG_CREATE_ENTRY_ERROR':
        case 'TLOG_FETCH_ENTRY_ERROR':
            return new dist/* InfrastructureError */.EN(`Rekor (${services.rekor}) failed to record the signature: ${detail}`, { cause: e });
        case 'TSA_CREATE_TIMESTAMP_ERROR':
            return new dist/* InfrastructureError */.EN(`the timestamp authority (${services.tsa}) failed to timestamp the signature: ${detail}`, {
                cause: e,
            });
        case 'IDENTITY_TOKEN_READ_ERROR':
            return new dist/* InfrastructureError */.EN(`cannot read the OIDC identity token: ${detail}`, { cause: e });
        case 'IDENTITY_TOKEN_PARSE_ERROR':
            return new dist/* ConfigurationError */.j1(`the OIDC identity token is not valid: ${detail}`, { cause: e });
    }
    return new dist/* InfrastructureError */.EN(detail, { cause: e });
}

// EXTERNAL MODULE: ../node_modules/picomatch/index.js
var picomatch = __webpack_require__(55180);
;// CONCATENATED MODULE: ../packages/attest/dist/subjects.js
/**
 * Subjects made directly from files, globs, a `sha256sum`-style checksums file or image digests, so
 * attest is useful on its own. Every subject is an exact (name, sha256) pair; nothing is capped. Files
 * are named by the one rule of core `subjectNameOf` (the path relative to the project, `cwd`), the
 * same names the build gives, and hashed on core's worker pool.
 */




const GLOB = /[*?[\]{}]/;
/** The folder a glob cannot match above: its leading segments without glob characters. */
function staticBase(pattern) {
    const parts = pattern.split('/');
    const fixed = [];
    for (const p of parts.slice(0, -1)) {
        if (GLOB.test(p))
            break;
        fixed.push(p);
    }
    return fixed.join('/') || '.';
}
async function isFile(abs) {
    try {
        return (await (0,promises_.stat)(abs)).isFile();
    }
    catch {
        return undefined;
    }
}
/**
 * A subject is a file in the workspace, as actions/attest-build-provenance users expect: a file reached
 * through a symbolic link (the file itself or a folder on its way) must still lie inside the project once
 * every link is resolved. A link to a token or to /dev/zero elsewhere is refused by its name, never hashed.
 */
async function checkInsideProject(abs, shown, realRoot) {
    let real;
    try {
        real = await (0,promises_.realpath)(abs);
    }
    catch (e) {
        throw new dist/* ConfigurationError */.j1(`the subject "${shown}" is a symbolic link that cannot be resolved (${e.code ?? 'error'})`, { location: { file: abs } });
    }
    if (!(0,dist/* isInside */.FK)(real, realRoot)) {
        throw new dist/* ConfigurationError */.j1(`the subject "${shown}" is a symbolic link (or lies in a linked folder) leading outside the project ${realRoot}; refused`, {
            location: { file: abs },
            hint: 'a subject must be a file in the workspace: copy the artefact into the project, or give it by digest (sha256:<64 hex>)',
        });
    }
}
/**
 * Calls `onFile` with each file a glob matches below its static base, in byte order (dot files
 * included, as the build's output globs), and its path relative to the project; returns how many.
 */
async function expandGlob(pattern, root, realRoot, onFile) {
    const base = staticBase(pattern);
    const baseAbs = external_node_path_.resolve(root, base);
    const relBase = external_node_path_.relative(root, baseAbs).split(external_node_path_.sep).join('/');
    if (relBase === '..' || relBase.startsWith('../') || external_node_path_.isAbsolute(relBase)) {
        throw new dist/* ConfigurationError */.j1(`the subject pattern "${pattern}" reaches outside the project ${root}`, {
            hint: 'subjects are named by their path relative to the project: run from the project folder, or give the artefacts by digest (sha256:<64 hex>)',
        });
    }
    let names;
    // The listing does not enter linked folders, but the glob's base (or a folder above it) may be one.
    if ((await (0,promises_.realpath)(baseAbs).catch(() => undefined)) !== undefined)
        await checkInsideProject(baseAbs, base, realRoot);
    try {
        names = await (0,dist/* listTreeNames */.He)(baseAbs);
    }
    catch {
        names = [];
    }
    const normal = external_node_path_.posix.normalize(pattern).replace(/^\.\//, '');
    const prefix = relBase === '' ? '' : `${relBase}/`;
    // "dir/**" (the usual attest glob) matches every file below dir: no per-file match needed.
    const everything = normal === `${prefix}**` || normal === `${prefix}**/*`;
    const isMatch = picomatch(normal, { dot: true });
    let n = 0;
    for (const entry of names) {
        const relative = `${prefix}${entry.path}`;
        if (!everything && !isMatch(relative))
            continue;
        const abs = `${baseAbs}${external_node_path_.sep}${entry.path}`;
        if (entry.type === 'symlink') {
            // A dangling link is no file (skipped, as a shell glob would); a link leaving the project is
            // refused; a link inside it counts when it leads to a file (its content is what is hashed).
            if ((await (0,promises_.realpath)(abs).catch(() => undefined)) === undefined)
                continue;
            await checkInsideProject(abs, relative, realRoot);
            if ((await isFile(abs)) !== true)
                continue;
        }
        onFile(abs, relative);
        n++;
    }
    return n;
}
async function subjectsFromPaths(patterns, cwd) {
    const root = external_node_path_.resolve(cwd);
    const realRoot = await (0,promises_.realpath)(root).catch(() => root);
    const nameOf = (0,dist/* subjectNamer */.up)(root);
    const names = [];
    // Each file is named (a path outside the project fails here) and handed to the hashing pool as it
    // is found, so listing, naming and hashing overlap.
    const hasher = new dist/* StreamingHasher */.K_();
    const take = (abs, name) => {
        names.push(name);
        hasher.add(abs);
    };
    try {
        for (const pattern of patterns) {
            const literal = external_node_path_.resolve(root, pattern);
            const kind = await isFile(literal);
            // An existing file is taken as it is, even when its name holds glob characters (`[id].js`).
            if (kind === true) {
                const name = nameOf(literal);
                await checkInsideProject(literal, pattern, realRoot);
                take(literal, name);
                continue;
            }
            if (!GLOB.test(pattern)) {
                if (kind === undefined)
                    throw new dist/* ConfigurationError */.j1(`the subject file "${pattern}" does not exist`, { location: { file: literal } });
                throw new dist/* ConfigurationError */.j1(`the subject "${pattern}" is not a regular file (use a glob such as "${pattern}/**")`);
            }
            const n = await expandGlob(pattern, root, realRoot, (abs, relative) => take(abs, (0,dist/* projectSubjectName */.jB)(relative)));
            if (n === 0)
                throw new dist/* ConfigurationError */.j1(`the subject pattern "${pattern}" matches no file`, { hint: `paths are relative to ${root}` });
        }
    }
    catch (e) {
        await hasher.abort();
        throw e;
    }
    const digests = await hasher.finish();
    return names.map((name, i) => ({ name, digest: { sha256: digests[i]?.sha256 ?? '' } }));
}
function parseChecksums(text, file) {
    const out = [];
    text.split('\n').forEach((raw, i) => {
        const line = raw.replace(/\r$/, '');
        if (line.trim() === '' || line.startsWith('#'))
            return;
        const gnu = /^\\?([0-9a-fA-F]{64}) [ *](.+)$/.exec(line);
        const bsd = /^SHA256 \((.+)\) = ([0-9a-fA-F]{64})$/.exec(line);
        const hex = gnu?.[1] ?? bsd?.[2];
        const rawName = gnu?.[2] ?? bsd?.[1];
        if (!hex || !rawName) {
            throw new dist/* ConfigurationError */.j1('not a sha256sum line ("<64 hex>  <name>" or "SHA256 (<name>) = <64 hex>")', {
                location: { file, line: i + 1, column: 1 },
            });
        }
        // sha256sum starts a line with a backslash when it escaped the name (backslash-n for a newline).
        const escaped = line.startsWith('\\');
        const unescaped = escaped ? rawName.replace(/\\(.)/g, (_, c) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c)) : rawName;
        let name;
        try {
            name = (0,dist/* subjectName */.wn)(unescaped, `the name on line ${i + 1}`);
        }
        catch (e) {
            throw new dist/* ConfigurationError */.j1(e instanceof Error ? e.message : String(e), { cause: e, location: { file, line: i + 1, column: 1 } });
        }
        out.push({ name, digest: { sha256: hex.toLowerCase() } });
    });
    if (out.length === 0)
        throw new dist/* ConfigurationError */.j1('the checksums file lists no file', { location: { file } });
    return out;
}
function subjectFromDigest(spec, defaultName) {
    const m = /^(?:(.+)@)?sha256:([0-9a-fA-F]{64})$/.exec(spec.trim());
    if (!m?.[2] || !(0,dist/* isSha256Hex */.P4)(m[2].toLowerCase())) {
        throw new dist/* ConfigurationError */.j1(`${(0,dist/* safeInlineBounded */.oW)(JSON.stringify(spec), 200)} is not a digest: expected sha256:<64 hex> or NAME@sha256:<64 hex>`);
    }
    const name = m[1] ?? defaultName;
    if (!name)
        throw new dist/* ConfigurationError */.j1(`the digest "${spec}" needs a name: write NAME@sha256:… or give a subject name`);
    return {
        name: (0,dist/* subjectLabel */.pb)(name, m[1] !== undefined ? 'the name before @sha256' : 'the subject name'),
        digest: { sha256: m[2].toLowerCase() },
    };
}
/** The largest checksums file read (a million subjects of 200-byte names). */
const MAX_CHECKSUMS_BYTES = 256 * 1024 * 1024;
async function collectSubjects(src) {
    const cwd = src.cwd ?? process.cwd();
    const out = [];
    out.push(...(src.subjects ?? []).map((sub) => ({ ...sub, ...(sub.name !== undefined ? { name: (0,dist/* subjectName */.wn)(sub.name) } : {}) })));
    out.push(...(await subjectsFromPaths(src.paths ?? [], cwd)));
    for (const f of src.checksumFiles ?? []) {
        const abs = external_node_path_.resolve(cwd, f);
        // Core's safe reader: a FIFO is refused (a plain read blocks forever), a device or an oversized file is
        // refused before reading, and nothing of a file that is no checksums list is quoted. It may be a link.
        const text = (0,dist/* decodeUtf8 */._6)(await (0,dist/* readRegularFile */.XF)(abs, { maxBytes: MAX_CHECKSUMS_BYTES, within: '/', what: 'checksums file' }), abs, 'checksums file');
        out.push(...parseChecksums(text, abs));
    }
    for (const d of src.digests ?? [])
        out.push(subjectFromDigest(d, src.digestName));
    return dedupeSubjects(out);
}
function subjectKey(s) {
    return `${s.name ?? ''}\u0000${s.digest.sha256 ?? JSON.stringify(s.digest)}`;
}
/** Keeps the first of each exact (name, digest) pair; the same name with two digests is an error. */
function dedupeSubjects(subjects) {
    // Named sha256 subjects (nearly all) are keyed by name alone: no key string is built per subject.
    const byName = new Map();
    const seen = new Set();
    const out = [];
    for (const s of subjects) {
        const d = s.digest.sha256;
        if (s.name !== undefined && d !== undefined) {
            const prev = byName.get(s.name);
            if (prev === d)
                continue;
            if (prev !== undefined)
                throw new dist/* ConfigurationError */.j1(`the subject "${s.name}" is given with two digests (sha256:${prev} and sha256:${d})`);
            byName.set(s.name, d);
        }
        else {
            const k = subjectKey(s);
            if (seen.has(k))
                continue;
            seen.add(k);
        }
        out.push(s);
    }
    return out;
}

;// CONCATENATED MODULE: ../packages/attest/dist/image-registry.js
/**
 * Image subjects and `push-to-registry`, as actions/attest does it: each signed bundle is pushed to the
 * image's registry as an OCI 1.1 referrer of the image manifest (artifactType and layer media type
 * `application/vnd.dev.sigstore.bundle.v0.3+json`, an empty config, the annotations below), falling
 * back to the referrers tag schema (`sha256-<hex>`) where the registry has no referrers API.
 *
 * The registry protocol lives in the materials package (its one registry client); attest only knows
 * this small interface, which the CLI and the action pass in. That keeps attest free of registry code
 * and lets tests count what was pushed.
 */


/** The media type of a Sigstore bundle v0.3, used as the referrer's artifactType and layer type. */
const SIGSTORE_BUNDLE_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
/** The annotations actions/attest (through @sigstore/oci) puts on a bundle referrer. */
function referrerAnnotations(predicateType, now = new Date()) {
    return {
        'org.opencontainers.image.created': now.toISOString(),
        'dev.sigstore.bundle.content': 'dsse-envelope',
        'dev.sigstore.bundle.predicateType': predicateType,
    };
}
/** The `sha256:HEX` digest of a subject. */
function digestOf(subject) {
    return `sha256:${subject.digest.sha256 ?? ''}`;
}
/**
 * The images the run's bundles are pushed to: every subject given by digest, and every layout's image.
 * Names are checked here only for what every registry needs; the registry side checks the rest.
 */
function imageTargets(digestSubjects, layouts) {
    const out = new Map();
    for (const s of digestSubjects) {
        if (!s.name || !(0,dist/* isSha256Hex */.P4)(s.digest.sha256 ?? ''))
            continue;
        out.set(`${s.name}@${digestOf(s)}`, { name: s.name, digest: digestOf(s) });
    }
    for (const l of layouts)
        out.set(`${l.name}@${l.digest}`, l);
    const targets = [...out.values()];
    if (targets.length === 0) {
        throw new dist/* ConfigurationError */.j1('push-to-registry needs an image subject, and none was given', {
            hint: 'set subject-name to the image (registry/name, e.g. ghcr.io/acme/app) and subject-digest to its manifest digest (sha256:…), or subject-oci-layout to an OCI image layout folder',
        });
    }
    return targets;
}
/**
 * The run's extra subjects (files, checksums, digests, and the image of each OCI layout) and, with
 * push-to-registry, the images the bundles go to — each checked in its registry before anything is
 * signed. As actions/attest does, image names are lower-cased when pushing (registries refuse capitals).
 */
async function imageSubjects(sources, images) {
    const push = images?.push === true;
    const lower = (n) => (push && n !== undefined ? n.toLowerCase() : n);
    const digests = (sources.digests ?? []).map((d) => {
        const at = d.lastIndexOf('@');
        return at > 0 ? `${lower(d.slice(0, at)) ?? ''}${d.slice(at)}` : d;
    });
    const digestName = lower(sources.digestName);
    const extra = await collectSubjects({ ...sources, digests, digestName });
    if (!images)
        return { extra, targets: [] };
    const layouts = [];
    for (const l of images.layouts ?? []) {
        const name = lower(l.name.trim());
        if (!name) {
            throw new dist/* ConfigurationError */.j1(`the OCI layout ${l.dir} needs an image name`, {
                hint: 'set subject-name (--subject-name) to the image as registry/name, e.g. ghcr.io/acme/app',
            });
        }
        const { digest } = await images.registry.readLayout(l.dir);
        // The one subject-name rule (no control characters, nothing absolute) holds for image names too.
        layouts.push({ name: (0,dist/* subjectName */.wn)(name, 'the image name'), digest, layoutDir: l.dir });
    }
    const all = dedupeSubjects([...extra, ...layouts.map((t) => subjectFromDigest(t.digest, t.name))]);
    if (!push)
        return { extra: all, targets: [] };
    const targets = imageTargets(digests.map((d) => subjectFromDigest(d, digestName)), layouts);
    for (const t of targets)
        await images.registry.prepare(t);
    return { extra: all, targets };
}
/** Pushes one signed statement's bundle to every image it names as a subject. */
async function pushToImages(images, targets, name, statement, bundle, logger) {
    if (!images || targets.length === 0)
        return [];
    const named = new Set(statement.subject.map((s) => `sha256:${s.digest.sha256 ?? ''}`));
    const out = [];
    for (const image of targets.filter((t) => named.has(t.digest))) {
        const pushed = await images.registry.attachBundle(image, Buffer.from(JSON.stringify(bundle)), referrerAnnotations(statement.predicateType));
        out.push({ image: `${image.name}@${image.digest}`, ...pushed });
        logger.info(`${name}: pushed to ${image.name} as the referrer ${pushed.digest} (${pushed.via === 'referrers-api' ? 'referrers API' : 'referrers tag schema'})`);
    }
    return out;
}

;// CONCATENATED MODULE: ../packages/attest/dist/visibility.js
/**
 * Whether this run may write to the public-good Rekor. A public transparency log is public forever:
 * a private repository's name, workflow and commit would be published. Policy
 * `attest.public-transparency-log`: `always`, `never`, or `auto` (only when the repository is known to
 * be public). A Rekor that is not the public-good instance is the operator's own and always allowed.
 */


/**
 * From the OIDC claim `repository_visibility` and the event payload's `repository.private` /
 * `visibility`. When they disagree the more private answer wins: publishing is irreversible.
 */
async function repositoryVisibility(options) {
    const seen = [];
    const claim = options.tokenClaims?.repository_visibility;
    if (claim === 'public' || claim === 'private' || claim === 'internal')
        seen.push(claim);
    if (options.eventPath) {
        // Core's safe reader: a FIFO, a device, a link leaving its folder or an oversized payload is no
        // answer (a plain read blocked forever on a FIFO and read /dev/zero until memory ran out); the token
        // claim (or "unknown") then decides.
        const repository = (0,dist/* readEventPayload */.N5)(options.eventPath)?.repository;
        const v = repository?.visibility;
        if (v === 'public' || v === 'private' || v === 'internal')
            seen.push(v);
        if (repository?.private === true)
            seen.push('private');
        if (repository?.private === false)
            seen.push('public');
    }
    if (seen.includes('private'))
        return 'private';
    if (seen.includes('internal'))
        return 'internal';
    return seen.includes('public') ? 'public' : 'unknown';
}
function decideTransparencyLog(policy, rekorUrl, visibility) {
    if (!rekorUrl)
        return { useRekor: false, reason: 'no Rekor configured' };
    if (!isPublicGoodRekor(rekorUrl))
        return { useRekor: true, reason: `Rekor ${rekorUrl} is not the public-good log` };
    switch (policy) {
        case 'always':
            return { useRekor: true, reason: 'policy attest.public-transparency-log: always' };
        case 'never':
            return { useRekor: false, reason: 'policy attest.public-transparency-log: never' };
        case 'auto':
            return visibility === 'public'
                ? { useRekor: true, reason: 'the repository is public' }
                : {
                    useRekor: false,
                    reason: `the repository is ${visibility === 'unknown' ? 'of unknown visibility' : visibility}, so it stays off the public log`,
                };
    }
}
/** Keyless without any witness cannot be verified later: say what to configure. */
function assertWitnessAvailable(decision, tsaUrl) {
    if (decision.useRekor || tsaUrl)
        return;
    throw new dist/* ConfigurationError */.j1(`keyless signing needs a transparency log or a timestamp authority, and the public Rekor is not used: ${decision.reason}`, {
        hint: "give a tsa-url (e.g. your organisation's TSA) or set `attest: { public-transparency-log: always }` in the policy if publishing is acceptable",
    });
}
/**
 * The public-good Fulcio writes every certificate it issues to a public certificate transparency
 * log, and a GitHub certificate names the repository, workflow and commit: the same disclosure as the
 * public Rekor, so the same policy decides.
 */
function assertPublicCertificateAllowed(policy, fulcioUrl, visibility) {
    if (!isPublicGoodFulcio(fulcioUrl))
        return;
    if (policy === 'always' || (policy === 'auto' && visibility === 'public'))
        return;
    const why = policy === 'never'
        ? 'the policy says attest.public-transparency-log: never'
        : `the repository is ${visibility === 'unknown' ? 'of unknown visibility' : visibility}`;
    throw new dist/* ConfigurationError */.j1(`keyless signing with the public-good Fulcio would publish this repository's identity in its public certificate transparency log, and ${why}`, {
        hint: 'sign with a key (signer: key) or your own Sigstore instance (signing-config), or set `attest: { public-transparency-log: always }` if publishing is acceptable',
    });
}

;// CONCATENATED MODULE: ../packages/attest/dist/attest.js
/**
 * The attest stage: add the run's artefacts as subjects of every statement in the evidence folder,
 * split statements beyond the subject limit (never a silent cap), sign each into
 * `<name>.sigstore.json` (bundle v0.3, DSSE, application/vnd.in-toto+json) and optionally publish
 * each bundle to the GitHub attestations API.
 */











const EPHEMERAL_PUBLIC_KEY_FILE = 'ephemeral-key.pub.pem';
/** Predicate of the statement made when attest runs alone on subjects, with no evidence folder. */
const SUBJECTS_PREDICATE = `${dist/* TOOL_URI */.qH}/attestation/subjects/v1`;
const DEFAULT_MAX_SUBJECTS = 1024;
/** Builds the one signing pipeline of a run (token fetched once, trust decisions made once). */
async function prepareSigner(inputs) {
    const env = inputs.env ?? process.env;
    const services = await resolveServices(inputs.services);
    const explicitRekor = inputs.services.rekorUrl !== undefined || inputs.services.signingConfigFile !== undefined;
    let identity;
    let claims = {};
    let keySigner;
    if (inputs.kind === 'keyless') {
        identity = inputs.identityToken ? staticToken(inputs.identityToken) : actionsIdentityProvider(env);
        claims = jwtClaims(await identity.getToken());
    }
    else if (inputs.kind === 'key') {
        let pem = inputs.privateKeyPem;
        if (!pem && inputs.privateKeyFile) {
            // A FIFO, a device or a huge file is refused before anything is read; no byte of it is quoted.
            pem = await (0,dist/* readTextFile */.Gu)(inputs.privateKeyFile, { ...dist/* OPERATOR_FILE */.ec, maxBytes: 64 * 1024, what: 'private key file' });
        }
        if (!pem)
            throw new dist/* ConfigurationError */.j1('signer "key" needs a private key', { hint: 'pass --key FILE, or the private-key input from a secret' });
        keySigner = signerFromPrivateKey(pem, inputs.privateKeyFile ? `the key file ${inputs.privateKeyFile}` : 'the private key');
    }
    else {
        keySigner = ephemeralSigner();
    }
    const visibility = await repositoryVisibility({ tokenClaims: claims, eventPath: env.GITHUB_EVENT_PATH });
    let decision = decideTransparencyLog(inputs.transparencyLog, services.rekorUrl, visibility);
    if (inputs.kind !== 'keyless' && !explicitRekor) {
        // A key-signed bundle is verified with the key itself; logging it is opt-in.
        decision = { useRekor: false, reason: 'key signing logs only to an explicitly given Rekor' };
    }
    if (inputs.kind === 'keyless') {
        assertPublicCertificateAllowed(inputs.transparencyLog, services.fulcioUrl, visibility);
        assertWitnessAvailable(decision, services.tsaUrl);
    }
    const pipeline = createSigningPipeline({
        kind: inputs.kind,
        services,
        identity,
        keySigner,
        useRekor: decision.useRekor,
        rekorEntryType: inputs.rekorEntryType,
    });
    return { pipeline, decision, ...(keySigner ? { keySigner } : {}) };
}
/** Adds `extra` to a statement's subjects and splits it so no part exceeds `max` subjects. */
function withSubjects(statement, extra, max) {
    const own = dedupeSubjects(statement.subject);
    const have = new Set(own.map(subjectKey));
    const added = dedupeSubjects(extra).filter((s) => !have.has(subjectKey(s)));
    if (own.length + added.length <= max)
        return [{ ...statement, subject: [...own, ...added] }];
    const room = max - own.length;
    if (room <= 0) {
        throw new dist/* ConfigurationError */.j1(`a statement already has ${own.length} subjects, the limit is ${max}; no artefact can be added`, {
            hint: 'raise attest.max-subjects (at most 1024)',
        });
    }
    const parts = [];
    for (let i = 0; i < added.length; i += room)
        parts.push({ ...statement, subject: [...own, ...added.slice(i, i + room)] });
    return parts;
}
async function attestEvidence(inputs) {
    const { logger } = inputs;
    const max = inputs.maxSubjects ?? DEFAULT_MAX_SUBJECTS;
    const folder = new dist/* EvidenceFolder */.eA(inputs.evidenceDir);
    const { extra, targets } = await imageSubjects(inputs.subjects, inputs.images);
    const loaded = inputs.custom ? [] : await folder.load();
    if (inputs.custom) {
        if (extra.length === 0) {
            throw new dist/* ConfigurationError */.j1(`a ${inputs.custom.predicateType} attestation needs a subject`, {
                hint: 'set subject-path, subject-digest with subject-name, or subject-checksums',
            });
        }
        loaded.push({
            name: inputs.custom.name,
            statement: { ...(0,dist/* makeStatement */.UT)([], inputs.custom.predicateType, inputs.custom.predicate), subject: [] },
        });
    }
    else if (loaded.length === 0) {
        if (extra.length === 0) {
            throw new dist/* ConfigurationError */.j1(`nothing to sign: no *.intoto.json statement in ${inputs.evidenceDir} and no subject given`, {
                hint: 'run the earlier stages first, or pass subjects (--subject, --subject-digest, --subject-checksums)',
            });
        }
        // attest alone: one statement naming the subjects (split below like any other).
        const predicate = { tool: { name: dist/* TOOL_NAME */.lH, version: dist/* TOOL_VERSION */.wr }, createdOn: new Date().toISOString() };
        loaded.push({ name: 'subjects', statement: { ...(0,dist/* makeStatement */.UT)([], SUBJECTS_PREDICATE, predicate), subject: [] } });
    }
    if (extra.length > 0)
        logger.info(`adding ${extra.length} subject(s) to ${loaded.length} statement(s)`);
    const toSign = [];
    for (const entry of loaded) {
        const parts = withSubjects(entry.statement, extra, max);
        if (parts.length > 1) {
            logger.info(`${entry.name}: ${parts.reduce((n, p) => n + p.subject.length, 0)} subjects split into ${parts.length} statements of at most ${max}`);
        }
        parts.forEach((statement, i) => toSign.push({ name: i === 0 ? entry.name : `${entry.name}.part-${i + 1}`, statement }));
    }
    // Each npm tarball must be a subject of the build's provenance: checked before anything is signed.
    const npm = await npmStatements(inputs.npmTarballs ?? [], inputs.npmRegistry, toSign);
    const prepared = await prepareSigner(inputs.signer);
    const result = {
        signer: prepared.pipeline.kind,
        services: prepared.pipeline.services,
        transparencyLog: prepared.decision,
        signed: [],
    };
    if (targets.length > 0)
        result.images = targets;
    logger.info(`signing ${toSign.length} statement(s) with the ${result.signer} signer` +
        (result.services.fulcio ? `, Fulcio ${result.services.fulcio}` : '') +
        (result.services.rekor ? `, Rekor ${result.services.rekor}` : ', no transparency log') +
        (result.services.tsa ? `, TSA ${result.services.tsa}` : '') +
        ` (${prepared.decision.reason})`);
    if (prepared.keySigner) {
        result.publicKeyPem = prepared.keySigner.publicKeyPem;
        if (result.signer === 'ephemeral') {
            const file = external_node_path_.join(inputs.evidenceDir, EPHEMERAL_PUBLIC_KEY_FILE);
            await (0,dist/* writeFileAtomic */.qD)(file, prepared.keySigner.publicKeyPem);
            result.ephemeralPublicKeyPath = file;
        }
    }
    let done = 0;
    for (const { name, statement } of toSign) {
        const statementPath = await folder.write(name, statement);
        const bundle = await prepared.pipeline.signStatement(Buffer.from(JSON.stringify(statement), 'utf8'));
        const bundlePath = folder.bundlePathFor(name);
        await (0,dist/* writeJsonAtomic */.ZJ)(bundlePath, bundle);
        const signed = {
            name,
            statementPath,
            bundlePath,
            predicateType: statement.predicateType,
            subjects: statement.subject.length,
        };
        if (inputs.publish) {
            signed.attestationId = await publishAttestation(inputs.publish, bundle);
            logger.info(`${name}: published as attestation ${signed.attestationId}`);
        }
        const github = inputs.publish ?? inputs.github;
        if (inputs.releaseTag) {
            if (!github)
                throw new dist/* ConfigurationError */.j1('attaching bundles to a release needs the GitHub API URL, repository and token');
            signed.releaseAsset = await attachToRelease(github, inputs.releaseTag, external_node_path_.basename(bundlePath), Buffer.from(`${JSON.stringify(bundle, null, 2)}\n`));
            logger.info(`${name}: attached to release ${inputs.releaseTag}`);
        }
        const referrers = await pushToImages(inputs.images, targets, name, statement, bundle, logger);
        if (referrers.length > 0)
            signed.referrers = referrers;
        result.signed.push(signed);
        logger.progress?.(++done, toSign.length, 'signed');
    }
    if (npm.length > 0) {
        const npmFolder = new dist/* EvidenceFolder */.eA(npmProvenanceDir(inputs.evidenceDir));
        result.npmProvenance = [];
        for (const { pkg, statement } of npm) {
            const name = npmEvidenceName(pkg);
            const statementPath = await npmFolder.write(name, statement);
            const bundle = await prepared.pipeline.signStatement(Buffer.from(JSON.stringify(statement), 'utf8'));
            const bundlePath = npmFolder.bundlePathFor(name);
            await (0,dist/* writeJsonAtomic */.ZJ)(bundlePath, bundle);
            result.npmProvenance.push({ tarball: pkg.file, purl: pkg.purl, sha512: pkg.sha512, statementPath, bundlePath });
            logger.info(`${pkg.name}@${pkg.version}: npm provenance ${bundlePath} (npm publish --provenance-file)`);
        }
    }
    return result;
}
/** The build provenance of each tarball, restated with npm's one subject. */
async function npmStatements(tarballs, registry, statements) {
    const out = [];
    const seen = new Set();
    for (const file of tarballs) {
        const pkg = await readNpmPackage(file, registry);
        if (seen.has(pkg.purl))
            throw new dist/* ConfigurationError */.j1(`${pkg.name}@${pkg.version} is given twice for npm provenance`, { location: { file } });
        seen.add(pkg.purl);
        const provenance = statements.find(({ statement }) => statement.predicateType === dist/* PREDICATE */.W3.provenance && statement.subject.some((s) => s.digest.sha256 === pkg.sha256));
        if (!provenance) {
            throw new dist/* ConfigurationError */.j1(`no build provenance in the evidence names ${external_node_path_.basename(file)} (sha256:${pkg.sha256}): npm provenance restates the build's provenance of the tarball`, {
                location: { file },
                hint: 'build the tarball with the factory (`npm pack --pack-destination .secure-factory/out` as the build command) and attest with the same evidence folder',
            });
        }
        out.push({ pkg, statement: { ...provenance.statement, subject: [npmSubject(pkg)] } });
    }
    return out;
}

;// CONCATENATED MODULE: ../packages/attest/dist/custom-predicate.js
/**
 * One attestation with the caller's own predicate, as actions/attest makes it: `predicate-type` with
 * `predicate` (JSON text) or `predicate-path`, or an SBOM from `sbom-path` (SPDX → the SPDX document
 * type of its version, CycloneDX → https://cyclonedx.org/bom). The rules and limits are actions/attest's
 * (v4.2.2 src/predicate.ts and src/sbom.ts): 16 MiB at most, exactly one of predicate/predicate-path,
 * sbom-path alone, JSON only. Errors name the input to change.
 */

const MAX_PREDICATE_BYTES = 16 * 1024 * 1024;
/**
 * A predicate or SBOM file through core's safe reader: a FIFO (a plain read blocked forever), a device, a
 * link leaving the file's folder (a link to a JSON secret would otherwise be signed and published) or a
 * file over 16 MiB is refused before reading; the text must be UTF-8, and a JSON error names
 * line:column without quoting the text.
 */
async function readJsonFile(file, input) {
    let bytes;
    try {
        bytes = await (0,dist/* readRegularFile */.XF)(file, { maxBytes: MAX_PREDICATE_BYTES, what: `${input} file`, hint: `check the ${input} input` });
    }
    catch (e) {
        if (e instanceof dist/* UnsafeFileError */.h && e.reason === 'missing') {
            throw new dist/* ConfigurationError */.j1(`${input}: the file does not exist`, { location: { file }, hint: `check the ${input} input` });
        }
        if (e instanceof dist/* UnsafeFileError */.h && e.reason === 'too-large') {
            throw new dist/* ConfigurationError */.j1(`${input}: ${e.message} (16 MiB)`, { location: { file } });
        }
        throw e;
    }
    const text = (0,dist/* decodeUtf8 */._6)(bytes, file, `${input} file`);
    try {
        return (0,dist/* parseJsonText */.lk)(text, file);
    }
    catch (e) {
        if (!(e instanceof dist/* ConfigurationError */.j1))
            throw e;
        throw new dist/* ConfigurationError */.j1(`${input} is ${e.message}`, {
            ...(e.location ? { location: e.location } : {}),
            hint: `give ${input} as a JSON document`,
        });
    }
}
/** The inline `predicate` input: V8's message quotes the text, so only the kind of error is kept. */
function parseJson(text, input) {
    try {
        return JSON.parse(text);
    }
    catch (e) {
        throw new dist/* ConfigurationError */.j1(`${input} is not JSON: ${(0,dist/* jsonSyntaxReason */.cV)(e instanceof Error ? e.message : String(e))}`, {
            hint: `give ${input} as a JSON document`,
        });
    }
}
const obj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v) ? v : {};
/** The custom predicate the inputs ask for, or undefined when they ask for none. */
async function customPredicate(inputs) {
    const { predicateType, predicate, predicatePath, sbomPath } = inputs;
    if (sbomPath !== undefined) {
        if (predicateType !== undefined || predicate !== undefined || predicatePath !== undefined) {
            throw new dist/* ConfigurationError */.j1('sbom-path cannot be used together with predicate-type, predicate or predicate-path', {
                hint: 'attest the SBOM and a custom predicate in two steps',
            });
        }
        const sbom = obj(await readJsonFile(sbomPath, 'sbom-path'));
        if (typeof sbom.spdxVersion === 'string' && sbom.SPDXID !== undefined) {
            const version = sbom.spdxVersion.split('-')[1];
            if (!version)
                throw new dist/* ConfigurationError */.j1(`sbom-path: spdxVersion "${sbom.spdxVersion}" names no version`, { location: { file: sbomPath } });
            return { name: 'sbom', predicateType: `https://spdx.dev/Document/v${version}`, predicate: sbom };
        }
        if (sbom.bomFormat !== undefined && sbom.serialNumber !== undefined && sbom.specVersion !== undefined) {
            return { name: 'sbom', predicateType: 'https://cyclonedx.org/bom', predicate: sbom };
        }
        throw new dist/* ConfigurationError */.j1('sbom-path: unsupported SBOM format; it must be SPDX JSON or CycloneDX JSON', {
            location: { file: sbomPath },
        });
    }
    if (predicateType === undefined) {
        if (predicate !== undefined || predicatePath !== undefined) {
            throw new dist/* ConfigurationError */.j1('predicate and predicate-path need predicate-type', {
                hint: 'set predicate-type to the predicate’s URI',
            });
        }
        return undefined;
    }
    if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(predicateType)) {
        throw new dist/* ConfigurationError */.j1(`predicate-type "${predicateType}" is not a URI`, { hint: 'e.g. https://example.com/my-predicate/v1' });
    }
    if ((predicate === undefined) === (predicatePath === undefined)) {
        throw new dist/* ConfigurationError */.j1('give exactly one of predicate or predicate-path with predicate-type');
    }
    let value;
    if (predicatePath !== undefined)
        value = await readJsonFile(predicatePath, 'predicate-path');
    else {
        const text = predicate ?? '';
        if (Buffer.byteLength(text) > MAX_PREDICATE_BYTES) {
            throw new dist/* ConfigurationError */.j1(`predicate is ${Buffer.byteLength(text)} bytes; the limit is ${MAX_PREDICATE_BYTES} (16 MiB)`);
        }
        value = parseJson(text, 'predicate');
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new dist/* ConfigurationError */.j1('the predicate must be a JSON object (an in-toto Statement v1 predicate is an object)');
    }
    return { name: 'predicate', predicateType, predicate: value };
}

;// CONCATENATED MODULE: ../packages/attest/dist/index.js













/***/ })

};
