export const id = 164;
export const ids = [164];
export const modules = {

/***/ 48731:
/***/ ((__unused_webpack___webpack_module__, __unused_webpack___webpack_exports__, __webpack_require__) => {

/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73136);
/**
 * Imported first by index.ts. Some CommonJS dependencies bundled through @secure-factory/materials
 * (the CycloneDX library) read `__dirname` when they load; an ESM bundle has none, so Node would throw
 * before the action starts. Give them the bundle's folder.
 */


const g = globalThis;
g.__filename ??= (0,node_url__WEBPACK_IMPORTED_MODULE_1__.fileURLToPath)(import.meta.url);
g.__dirname ??= node_path__WEBPACK_IMPORTED_MODULE_0__.dirname(g.__filename);


/***/ }),

/***/ 4164:
/***/ ((__webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _cjs_globals_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48731);
/* harmony import */ var _secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7589);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(33931);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(61855);




await (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_1__/* .runAction */ .Cs)(async () => (0,_main_js__WEBPACK_IMPORTED_MODULE_3__/* .run */ .e)((0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .readInputs */ .K)()));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 33931:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ readInputs)
/* harmony export */ });
/* harmony import */ var _secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7589);

function readInputs() {
    const network = (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getEnumInput */ .iv)('network', ['none', 'fetch-only', ''], '');
    const timeout = (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getIntegerInput */ .$F)('timeout-minutes', 0, 0, 24 * 60);
    return {
        command: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getRequiredInput */ .K1)('command'),
        outputs: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getListInput */ .DF)('outputs'),
        path: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('path') ?? '.',
        fetchCommand: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('fetch-command'),
        network: network === '' ? undefined : network,
        allowHosts: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getListInput */ .DF)('allow-hosts'),
        reproducible: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getBooleanInput */ .Vt)('reproducible', false),
        testCommand: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('test-command'),
        timeoutMinutes: timeout === 0 ? undefined : timeout,
        env: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getListInput */ .DF)('env'),
        policy: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('policy'),
        evidence: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('evidence') ?? '.secure-factory/evidence',
        cache: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getBooleanInput */ .Vt)('cache', false),
        imageName: (0,_secure_factory_action_runtime__WEBPACK_IMPORTED_MODULE_0__/* .getOptionalInput */ .lI)('image-name'),
    };
}


/***/ }),

/***/ 61855:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// UNUSED EXPORTS: summary

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ../packages/action-runtime/dist/index.js + 2 modules
var dist = __webpack_require__(7589);
// EXTERNAL MODULE: ../packages/core/dist/index.js + 30 modules
var core_dist = __webpack_require__(81915);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __webpack_require__(643);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
;// CONCATENATED MODULE: ../packages/isolated-build/dist/egress-proxy.js
/**
 * The fetch phase's only way out: an HTTP proxy the factory runs on a unix socket, bound into the
 * sandbox (which has no network but loopback) and reached through a tiny forwarder listening on
 * 127.0.0.1 inside it. It allows CONNECT tunnels and plain forward requests to the hosts the
 * lockfiles resolve to plus `build.network.allow`, refuses everything else with 403, and records every
 * connection (host, port, bytes each way, allowed or why not) for the provenance.
 */





/** Registries a lockfile format resolves to when its entries carry no URL of their own. */
const DEFAULT_REGISTRIES = {
    'package-lock.json': ['registry.npmjs.org'],
    'npm-shrinkwrap.json': ['registry.npmjs.org'],
    'pnpm-lock.yaml': ['registry.npmjs.org'],
    'yarn.lock': ['registry.yarnpkg.com', 'registry.npmjs.org'],
    'Cargo.lock': ['index.crates.io', 'static.crates.io', 'crates.io'],
    'go.sum': ['proxy.golang.org', 'sum.golang.org'],
    'poetry.lock': ['pypi.org', 'files.pythonhosted.org'],
    'Pipfile.lock': ['pypi.org', 'files.pythonhosted.org'],
    'uv.lock': ['pypi.org', 'files.pythonhosted.org'],
    'requirements.txt': ['pypi.org', 'files.pythonhosted.org'],
    'Gemfile.lock': ['rubygems.org', 'index.rubygems.org'],
    'composer.lock': ['repo.packagist.org'],
};
function hostOf(url) {
    try {
        const u = new URL(url.replace(/^git\+/, ''));
        return u.hostname.toLowerCase() || undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * The hosts the fetch may reach: each lockfile's registry (its entries' resolved URLs, else the
 * format's default registry; a configured npm registry when the lockfile omits URLs), plus the
 * allow-list. Entries are host names, `host:port`, or `*.example.com`.
 */
function egressAllowList(lockfiles, packages, allow, hostEnv, npmrc) {
    const hosts = new Set();
    for (const l of lockfiles)
        for (const h of DEFAULT_REGISTRIES[l.name ?? ''] ?? [])
            hosts.add(h);
    for (const p of packages) {
        const h = p.downloadLocation ? hostOf(p.downloadLocation) : undefined;
        if (h)
            hosts.add(h);
    }
    const npmRegistry = hostEnv.npm_config_registry ?? hostEnv.NPM_CONFIG_REGISTRY;
    if (npmRegistry && lockfiles.some((l) => /^(package-lock|npm-shrinkwrap)\.json$|^pnpm-lock\.yaml$|^yarn\.lock$/.test(l.name ?? ''))) {
        const h = hostOf(npmRegistry);
        if (h)
            hosts.add(h);
    }
    for (const h of npmrcRegistries(npmrc))
        hosts.add(h);
    for (const a of allow)
        hosts.add(a.trim().toLowerCase());
    return [...hosts].filter(Boolean).sort();
}
/** Registries a committed `.npmrc` names (`registry=…`, `@scope:registry=…`): part of the verified source, like the lockfile. */
function npmrcRegistries(text) {
    const out = [];
    for (const line of (text ?? '').split(/\r?\n/)) {
        const m = /^\s*(?:@[^:=\s]+:)?registry\s*=\s*(\S+)\s*$/.exec(line);
        const h = m?.[1] ? hostOf(m[1]) : undefined;
        if (h)
            out.push(h);
    }
    return out;
}
function hostAllowed(list, host, port) {
    const h = host.toLowerCase().replace(/^\[|\]$/g, '');
    return list.some((entry) => {
        const m = /^(.*?)(?::(\d+))?$/.exec(entry);
        const name = (m?.[1] ?? entry).replace(/^\[|\]$/g, '');
        if (m?.[2] && Number(m[2]) !== port)
            return false;
        if (name.startsWith('*.'))
            return h.endsWith(name.slice(1));
        return h === name;
    });
}
/** `host:port` of a CONNECT request target (IPv6 in brackets). */
function splitTarget(target, defaultPort) {
    const m = /^\[([^\]]+)\]:(\d+)$/.exec(target) ?? /^([^:]+):(\d+)$/.exec(target) ?? /^([^:]+)$/.exec(target);
    if (!m?.[1])
        return undefined;
    const port = m[2] ? Number(m[2]) : defaultPort;
    if (!Number.isInteger(port) || port < 1 || port > 65535)
        return undefined;
    return { host: m[1], port };
}
async function startEgressProxy(allow) {
    const socketDir = await (0,promises_.mkdtemp)(external_node_path_.join((0,external_node_os_.tmpdir)(), 'sf-egress-'));
    const connections = [];
    const open = new Set();
    const server = (0,external_node_http_.createServer)((req, res) => {
        // A plain forward request: the request line holds an absolute http:// URL.
        let url;
        try {
            url = new URL(req.url ?? '');
        }
        catch {
            res.writeHead(400).end('secure-factory egress proxy: absolute URL expected\n');
            return;
        }
        const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
        const rec = { host: url.hostname, port, method: req.method ?? 'GET', allowed: false, bytesOut: 0, bytesIn: 0 };
        connections.push(rec);
        if (url.protocol !== 'http:' || !hostAllowed(allow, url.hostname, port)) {
            rec.error = url.protocol !== 'http:' ? `protocol ${url.protocol} refused` : 'host not allowed';
            res.writeHead(403, { 'content-type': 'text/plain' }).end(`secure-factory egress proxy: ${url.host} is not allowed for the fetch\n`);
            return;
        }
        rec.allowed = true;
        const headers = { ...req.headers };
        delete headers['proxy-connection'];
        delete headers['proxy-authorization'];
        const up = (0,external_node_http_.request)({ host: url.hostname, port, method: req.method, path: `${url.pathname}${url.search}`, headers }, (r) => {
            res.writeHead(r.statusCode ?? 502, r.headers);
            r.on('data', (d) => (rec.bytesIn += d.length));
            r.pipe(res);
        });
        up.on('error', (e) => {
            rec.error = e.message;
            if (!res.headersSent)
                res.writeHead(502).end(`secure-factory egress proxy: ${e.message}\n`);
            else
                res.destroy();
        });
        req.on('data', (d) => (rec.bytesOut += d.length));
        req.pipe(up);
    });
    server.on('connect', (req, client, head) => {
        const t = splitTarget(req.url ?? '', 443);
        const rec = {
            host: t?.host ?? String(req.url),
            port: t?.port ?? 0,
            method: 'CONNECT',
            allowed: false,
            bytesOut: 0,
            bytesIn: 0,
        };
        connections.push(rec);
        open.add(client);
        client.on('close', () => open.delete(client));
        client.on('error', () => undefined);
        if (!t || !hostAllowed(allow, t.host, t.port)) {
            rec.error = 'host not allowed';
            client.end(`HTTP/1.1 403 Forbidden\r\ncontent-type: text/plain\r\n\r\nsecure-factory egress proxy: ${rec.host} is not allowed for the fetch\n`);
            return;
        }
        rec.allowed = true;
        const up = (0,external_node_net_.connect)(t.port, t.host, () => {
            client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
            if (head.length > 0) {
                rec.bytesOut += head.length;
                up.write(head);
            }
            client.pipe(up);
            up.pipe(client);
        });
        open.add(up);
        up.on('close', () => open.delete(up));
        up.on('data', (d) => (rec.bytesIn += d.length));
        client.on('data', (d) => (rec.bytesOut += d.length));
        up.on('error', (e) => {
            rec.error = e.message;
            client.destroy();
        });
        client.on('close', () => up.destroy());
    });
    const sock = external_node_path_.join(socketDir, 'proxy.sock');
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(sock, resolve);
    });
    await (0,promises_.writeFile)(external_node_path_.join(socketDir, 'forward.cjs'), FORWARDER);
    return {
        socketDir,
        connections,
        close: async () => {
            for (const s of open)
                s.destroy();
            server.closeAllConnections();
            await new Promise((resolve) => server.close(() => resolve()));
            await (0,promises_.rm)(socketDir, { recursive: true, force: true });
        },
    };
}
/** The proxy environment of the fetch phase (npm, pip, cargo, go, curl, Node 24's fetch). */
function proxyEnvironment(port) {
    const url = `http://127.0.0.1:${port}`;
    return {
        HTTP_PROXY: url,
        HTTPS_PROXY: url,
        http_proxy: url,
        https_proxy: url,
        ALL_PROXY: url,
        NO_PROXY: '',
        no_proxy: '',
        npm_config_proxy: url,
        npm_config_https_proxy: url,
        NODE_USE_ENV_PROXY: '1',
        CARGO_HTTP_PROXY: url,
    };
}
/** In-sandbox side: `node forward.cjs PORT SOCKET -- CMD...` listens on 127.0.0.1:PORT, pipes each connection to SOCKET, runs CMD, exits with its status. */
const FORWARDER = String.raw `'use strict';
const net = require('node:net');
const { spawn } = require('node:child_process');
const [port, sock, sep, ...cmd] = process.argv.slice(2);
if (sep !== '--' || cmd.length === 0) { console.error('forward.cjs: usage PORT SOCKET -- CMD'); process.exit(2); }
const server = net.createServer((c) => {
  const up = net.connect(sock);
  c.pipe(up); up.pipe(c);
  c.on('error', () => up.destroy()); up.on('error', () => c.destroy());
});
server.listen(Number(port), '127.0.0.1', () => {
  const child = spawn(cmd[0], cmd.slice(1), { stdio: 'inherit' });
  child.on('error', (e) => { console.error(cmd[0] + ': ' + e.message); process.exit(127); });
  child.on('exit', (code, signal) => process.exit(code === null ? 128 + (require('node:os').constants.signals[signal] || 0) : code));
});
server.on('error', (e) => { console.error('secure-factory: the egress forwarder could not listen: ' + e.message); process.exit(125); });
`;

;// CONCATENATED MODULE: ../packages/isolated-build/dist/environment.js
/**
 * The sandbox's environment: nothing from the host but PATH and the names the policy or the inputs
 * allow, plus the fixed values that make a build repeatable (SOURCE_DATE_EPOCH, TZ, LC_ALL).
 */

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Set by the sandbox itself; an allow-list cannot override them. */
const RESERVED_NAMES = [
    'PATH',
    'HOME',
    'TMPDIR',
    'SOURCE_DATE_EPOCH',
    'TZ',
    'LC_ALL',
    'SECURE_FACTORY_OUT',
    'SECURE_FACTORY_SRC',
];
/** What the fetch phase gets on top of the allow-list: it needs to reach a registry through the site's proxy and CA. */
const FETCH_NAMES = [
    'HTTP_PROXY',
    'HTTPS_PROXY',
    'NO_PROXY',
    'http_proxy',
    'https_proxy',
    'no_proxy',
    'NODE_EXTRA_CA_CERTS',
    'SSL_CERT_FILE',
    'SSL_CERT_DIR',
];
function validateAllowList(names, where = 'build.env') {
    const out = [];
    for (const n of names) {
        if (!NAME.test(n))
            throw new core_dist/* ConfigurationError */.j1(`${where}: "${n}" is not an environment variable name`, {
                hint: 'use letters, digits and "_", not starting with a digit',
            });
        if (RESERVED_NAMES.includes(n)) {
            throw new core_dist/* ConfigurationError */.j1(`${where}: ${n} is set by the sandbox itself and cannot be passed in`, {
                hint: `remove ${n} from the list`,
            });
        }
        if (!out.includes(n))
            out.push(n);
    }
    return out.sort();
}
/**
 * A host variable's value, own entries only: `build.env: [constructor]` (or toString, __proto__) must not
 * pass Object's function into the sandbox or the provenance.
 */
function hostValue(hostEnv, name) {
    if (!Object.hasOwn(hostEnv, name))
        return undefined;
    const v = hostEnv[name];
    return typeof v === 'string' ? v : undefined;
}
function sandboxEnvironment(o) {
    const env = {};
    const passed = [];
    const names = o.phase === 'fetch' ? [...o.allow, ...FETCH_NAMES] : o.allow;
    for (const n of names) {
        const v = hostValue(o.hostEnv, n);
        if (v !== undefined) {
            env[n] = v;
            if (o.allow.includes(n))
                passed.push(n);
        }
    }
    Object.assign(env, {
        PATH: o.hostEnv.PATH ?? '/usr/local/bin:/usr/bin:/bin',
        HOME: o.layout.home,
        TMPDIR: o.layout.temp,
        SOURCE_DATE_EPOCH: String(o.sourceDateEpoch),
        TZ: 'UTC',
        LC_ALL: 'C',
        SECURE_FACTORY_SRC: o.layout.source,
    });
    if (o.layout.output)
        env.SECURE_FACTORY_OUT = o.layout.output;
    return { env, passed: [...new Set(passed)].sort() };
}
/**
 * Allow-listed variables as recorded in the provenance: the name and the SHA-256 of the value (values
 * may be secrets, and provenance is published; the digest still lets a verifier check a value it knows).
 */
function recordedVariables(hostEnv, names) {
    const out = {};
    for (const n of names) {
        const v = hostValue(hostEnv, n);
        if (v !== undefined)
            out[n] = { sha256: (0,core_dist/* sha256Hex */.fg)(v) };
    }
    return out;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ../packages/isolated-build/dist/fetch-cache.js
/**
 * The fetch phase's cache (the npm cache, pip's download folder...): a host folder bound at /cache
 * (`SECURE_FACTORY_CACHE`) while fetching, optionally restored from and saved to a cache service. A
 * restored entry is trusted only when its content digest equals the digest recorded in its key when it
 * was saved: an unverified cache is a poisoned cache, so a mismatch empties the folder and the fetch
 * starts clean. (The digest proves the entry was not altered after it was saved; it cannot vouch for
 * whoever saved it — the lockfile's integrity hashes, which `npm ci` checks, still decide the materials.)
 */



const KEY_VERSION = 'secure-factory-fetch-v1';
/** The key prefix: the lockfiles' digests and the fetch command decide what the cache may hold. */
function cacheKeyPrefix(lockfiles, fetchCommand, platform = `${process.platform}-${process.arch}`) {
    const h = (0,external_node_crypto_.createHash)('sha256');
    h.update(`${fetchCommand}\n`);
    for (const l of lockfiles)
        h.update(`${l.name ?? ''} ${l.digest?.sha256 ?? ''}\n`);
    return `${KEY_VERSION}-${platform}-${h.digest('hex').slice(0, 32)}-`;
}
async function contentDigest(dir) {
    return (await (0,core_dist/* digestTree */.hW)(dir)).sha256;
}
async function empty(dir) {
    await (0,promises_.rm)(dir, { recursive: true, force: true });
    await (0,promises_.mkdir)(dir, { recursive: true });
}
async function restoreFetchCache(o, prefix, logger) {
    const report = { key: prefix, restored: false };
    await (0,promises_.mkdir)(o.dir, { recursive: true });
    if (!o.store)
        return report;
    if ((await (0,promises_.readdir)(o.dir)).length > 0)
        await empty(o.dir);
    let matched;
    try {
        matched = await o.store.restore(o.dir, `${prefix}latest`, [prefix]);
    }
    catch (e) {
        // A cache service that fails is a miss, never a reason to trust what it left behind.
        report.error = (0,core_dist/* errorMessage */.gJ)(e);
        logger.warning(`fetch cache: restore failed (${report.error}); fetching without it`);
        await empty(o.dir);
        return report;
    }
    if (!matched)
        return report;
    report.restored = true;
    report.matchedKey = matched;
    const expected = matched.slice(prefix.length);
    const actual = await contentDigest(o.dir);
    report.verified = /^[0-9a-f]{64}$/.test(expected) && actual === expected;
    report.sha256 = actual;
    if (!report.verified) {
        logger.warning(`fetch cache: entry ${matched} has content sha256:${actual}, not the digest in its key; discarded`);
        await empty(o.dir);
    }
    else {
        logger.info(`fetch cache: restored ${matched} (content digest verified)`);
    }
    return report;
}
async function saveFetchCache(o, prefix, report, logger) {
    if (!o.store)
        return;
    const digest = await contentDigest(o.dir);
    if (report.verified && report.sha256 === digest)
        return; // unchanged: the entry already exists
    const key = `${prefix}${digest}`;
    try {
        await o.store.save(o.dir, key);
        report.savedKey = key;
        logger.info(`fetch cache: saved ${key}`);
    }
    catch (e) {
        logger.warning(`fetch cache: save failed (${(0,core_dist/* errorMessage */.gJ)(e)})`);
    }
}
/** The inside path of the cache folder. */
const SANDBOX_CACHE = '/cache';

;// CONCATENATED MODULE: ../packages/isolated-build/dist/github-context.js
/**
 * What the GitHub run tells us, read from the runner's environment and event file: the builder id
 * (the workflow ref), the invocation (run id and attempt), workflow inputs, and the actions and
 * images the workflow pins by SHA or digest. Outside GitHub, a local builder id.
 */




/** A workflow file is far smaller than this. */
const WORKFLOW_MAX_BYTES = 4 * 1024 * 1024;
/** The builder id of a run outside GitHub Actions (documented in docs/build-type.md). */
const LOCAL_BUILDER_ID = `${core_dist/* TOOL_URI */.qH}/local-builder`;
/** An unreadable event file leaves the inputs unknown; the workflow ref still identifies the run. */
function readEventInputs(file) {
    const inputs = (0,core_dist/* readEventPayload */.N5)(file)?.inputs;
    return inputs && typeof inputs === 'object' && !Array.isArray(inputs) ? inputs : undefined;
}
const USES = /\buses:\s*['"]?([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)((?:\/[A-Za-z0-9_./-]+)?)@([0-9a-f]{40})\b/g;
const IMAGE = /(?:\bimage:\s*['"]?(?:docker:\/\/)?|\bdocker:\/\/)([A-Za-z0-9][A-Za-z0-9._\-/:]*)@sha256:([0-9a-f]{64})/g;
/** Actions by SHA and images by digest named in a workflow file's text. */
function pinnedDependencies(text) {
    const out = new Map();
    for (const m of text.matchAll(USES)) {
        const [, repo, sub, sha] = m;
        out.set(`a:${repo}${sub}@${sha}`, { name: `${repo}${sub}`, uri: `git+https://github.com/${repo}@${sha}`, digest: { gitCommit: sha } });
    }
    for (const m of text.matchAll(IMAGE)) {
        const [, image, digest] = m;
        out.set(`i:${image}@${digest}`, { name: image, uri: `docker://${image}@sha256:${digest}`, digest: { sha256: digest } });
    }
    return [...out.values()];
}
function readRunContext(env, sourceDir) {
    const onGitHub = env.GITHUB_ACTIONS === 'true' && !!env.GITHUB_WORKFLOW_REF && !!env.GITHUB_REPOSITORY;
    if (!onGitHub) {
        return {
            onGitHub: false,
            builderId: LOCAL_BUILDER_ID,
            builderVersion: { 'secure-factory': core_dist/* TOOL_VERSION */.wr },
            invocationId: `urn:uuid:${(0,external_node_crypto_.randomUUID)()}`,
            dependencies: [],
        };
    }
    const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
    const workflowRef = env.GITHUB_WORKFLOW_REF;
    const repository = env.GITHUB_REPOSITORY;
    const at = workflowRef.lastIndexOf('@');
    const ref = at >= 0 ? workflowRef.slice(at + 1) : '';
    const fullPath = at >= 0 ? workflowRef.slice(0, at) : workflowRef;
    const workflowPath = fullPath.startsWith(`${repository}/`) ? fullPath.slice(repository.length + 1) : fullPath;
    const dependencies = [];
    // The action itself, when the runner says which commit it is.
    if (env.GITHUB_ACTION_REPOSITORY && env.GITHUB_ACTION_REF && /^[0-9a-f]{40}$/.test(env.GITHUB_ACTION_REF)) {
        dependencies.push({
            name: env.GITHUB_ACTION_REPOSITORY,
            uri: `git+${server}/${env.GITHUB_ACTION_REPOSITORY}@${env.GITHUB_ACTION_REF}`,
            digest: { gitCommit: env.GITHUB_ACTION_REF },
        });
    }
    // The workflow file in this checkout, when the run's workflow lives in this repository.
    const wfFile = external_node_path_.join(sourceDir, workflowPath);
    if (fullPath.startsWith(`${repository}/`) && !workflowPath.split('/').includes('..') && (0,external_node_fs_.existsSync)(wfFile)) {
        try {
            // The workflow is the repository's: a link out of the checkout, a FIFO or a huge file is not read.
            dependencies.push(...pinnedDependencies((0,core_dist/* readTextFileSync */.F3)(wfFile, { within: sourceDir, maxBytes: WORKFLOW_MAX_BYTES, what: 'workflow' })));
        }
        catch {
            // unreadable: the dependencies stay those the runner reported
        }
    }
    const version = { 'secure-factory': core_dist/* TOOL_VERSION */.wr };
    if (env.GITHUB_WORKFLOW_SHA)
        version['workflow-sha'] = env.GITHUB_WORKFLOW_SHA;
    const runner = {};
    for (const k of ['RUNNER_OS', 'RUNNER_ARCH', 'RUNNER_ENVIRONMENT', 'ImageOS', 'ImageVersion']) {
        const v = env[k];
        if (v)
            runner[k] = v;
    }
    const inputs = readEventInputs(env.GITHUB_EVENT_PATH);
    return {
        onGitHub: true,
        builderId: `${server}/${workflowRef}`,
        builderVersion: version,
        invocationId: `${server}/${repository}/actions/runs/${env.GITHUB_RUN_ID ?? '0'}/attempts/${env.GITHUB_RUN_ATTEMPT ?? '1'}`,
        workflow: { ref, repository, path: workflowPath },
        ...(inputs ? { workflowInputs: inputs } : {}),
        ...(env.GITHUB_EVENT_NAME ? { eventName: env.GITHUB_EVENT_NAME } : {}),
        dependencies,
        runner,
    };
}

// EXTERNAL MODULE: ../packages/materials/dist/index.js + 62 modules
var materials_dist = __webpack_require__(85867);
;// CONCATENATED MODULE: ../packages/isolated-build/dist/lockfile-dependencies.js
/**
 * The lockfile packages as provenance `resolvedDependencies`: each package's purl with the digests
 * its lockfile's integrity field gives (hex), plus the lockfile itself by SHA-256. Parsing is the
 * materials package's (one parser per format).
 */




const HEX_LENGTH = { sha512: 128, sha384: 96, sha256: 64, sha1: 40 };
/** Lockfiles at the top of the source folder, by the names materials knows. */
async function findLockfiles(sourceDir) {
    const names = await (0,promises_.readdir)(sourceDir);
    return names.filter((n) => (0,materials_dist/* formatFor */.Bm)(n) !== undefined).sort(core_dist/* compareBytewise */.GV);
}
async function lockfileDependencies(sourceDir) {
    const lockfiles = [];
    const packages = new Map();
    for (const name of await findLockfiles(sourceDir)) {
        const abs = external_node_path_.join(sourceDir, name);
        lockfiles.push({ name, uri: `file:${name}`, digest: { sha256: await (0,core_dist/* sha256File */.Q3)(abs) } });
        for (const p of (0,materials_dist/* readLockfile */.GQ)(abs, { root: sourceDir })) {
            const digest = {};
            // A malformed integrity value (wrong length) is left out rather than recorded as a digest.
            for (const [alg, hex] of Object.entries(p.integrity ?? {}))
                if (typeof hex === 'string' && hex.length === HEX_LENGTH[alg])
                    digest[alg] = hex;
            const d = { name: p.version ? `${p.name}@${p.version}` : p.name, uri: p.purl };
            if (Object.keys(digest).length > 0)
                d.digest = digest;
            if (p.resolved)
                d.downloadLocation = p.resolved;
            const key = `${p.purl} ${JSON.stringify(digest)}`;
            if (!packages.has(key))
                packages.set(key, d);
        }
    }
    return { lockfiles, packages: [...packages.values()].sort((a, b) => (0,core_dist/* compareBytewise */.GV)(a.uri ?? '', b.uri ?? '')) };
}

;// CONCATENATED MODULE: ../packages/isolated-build/dist/provenance.js
/** SLSA provenance v1 and the in-toto test-result statement for one build. */

function sourceDescriptor(source) {
    const uri = source.repositoryUri ? `${source.repositoryUri}@${source.commit}` : `git+file:source@${source.commit}`;
    return { uri, digest: { gitCommit: source.commit } };
}
function iso(d) {
    // RFC 3339 without milliseconds, as SLSA's examples write it.
    return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
function provenanceStatement(f) {
    const resolved = [sourceDescriptor(f.source), ...f.run.dependencies, ...f.lockfiles, ...f.packages];
    return (0,core_dist/* makeStatement */.UT)(f.subjects, core_dist/* PREDICATE */.W3.provenance, {
        buildDefinition: {
            buildType: core_dist/* BUILD_TYPE */.mK,
            externalParameters: f.externalParameters,
            internalParameters: f.internalParameters,
            resolvedDependencies: resolved,
        },
        runDetails: {
            builder: { id: f.run.builderId, version: f.run.builderVersion },
            metadata: { invocationId: f.run.invocationId, startedOn: iso(f.startedOn), finishedOn: iso(f.finishedOn) },
            byproducts: Object.entries(f.byproducts).map(([name, value]) => ({
                name,
                mediaType: 'application/json',
                content: Buffer.from(JSON.stringify(value)).toString('base64'),
            })),
        },
    });
}
function testResultStatement(subjects, test, run) {
    return (0,core_dist/* makeStatement */.UT)(subjects, core_dist/* PREDICATE */.W3.testResult, {
        result: test.passed ? 'PASSED' : 'FAILED',
        configuration: [
            {
                name: 'test-command',
                content: Buffer.from(test.command).toString('base64'),
                mediaType: 'text/x-shellscript',
                annotations: { exitCode: test.exitCode, timedOut: test.timedOut, sandbox: 'same as the build' },
            },
        ],
        ...(run.onGitHub ? { url: run.invocationId } : {}),
        ...(test.passed ? { passedTests: [test.command] } : { failedTests: [test.command] }),
    });
}

;// CONCATENATED MODULE: ../packages/isolated-build/dist/reproducibility.js
/** Compares two builds' outputs: which files differ, and where the first differing byte is. */

/** Offset of the first differing byte of two files, or undefined when equal. */
async function firstDifference(a, b, chunk = 1 << 20) {
    const [fa, fb] = await Promise.all([(0,promises_.open)(a, 'r'), (0,promises_.open)(b, 'r')]);
    try {
        const ba = Buffer.alloc(chunk);
        const bb = Buffer.alloc(chunk);
        let offset = 0;
        for (;;) {
            const [ra, rb] = await Promise.all([fa.read(ba, 0, chunk, offset), fb.read(bb, 0, chunk, offset)]);
            const n = Math.min(ra.bytesRead, rb.bytesRead);
            for (let i = 0; i < n; i++)
                if (ba[i] !== bb[i])
                    return offset + i;
            if (ra.bytesRead !== rb.bytesRead)
                return offset + n;
            if (n === 0)
                return undefined;
            offset += n;
        }
    }
    finally {
        await Promise.all([fa.close(), fb.close()]);
    }
}
async function compareOutputs(first, second) {
    const a = new Map(first.map((o) => [o.name, o]));
    const b = new Map(second.map((o) => [o.name, o]));
    const differences = [];
    for (const [name, x] of a) {
        const y = b.get(name);
        if (!y)
            differences.push({ name, onlyIn: 'first', sha256: { first: x.sha256 } });
        else if (x.sha256 !== y.sha256) {
            const at = await firstDifference(x.file, y.file);
            differences.push({ name, ...(at !== undefined ? { firstDifferenceAt: at } : {}), sha256: { first: x.sha256, second: y.sha256 } });
        }
    }
    for (const [name, y] of b)
        if (!a.has(name))
            differences.push({ name, onlyIn: 'second', sha256: { second: y.sha256 } });
    return { reproducible: differences.length === 0, compared: a.size, differences };
}

;// CONCATENATED MODULE: ../packages/isolated-build/dist/sandbox.js
/**
 * The sandbox: bubblewrap when it is installed and works, `unshare` only when bwrap is missing (and
 * the provenance says so), and a failure that says exactly what to install or change otherwise. A
 * build is never run unisolated.
 *
 * Every phase runs as `unshare --user --map-root-user --mount sh <phase script>`: the script mounts the
 * copy-on-write workspace (workspace.ts: the checkout as the lowest overlayfs layer, bubblewrap 0.8
 * having no --overlay) in that private mount namespace, then starts bubblewrap on it. bubblewrap layout
 * (docs/build-type.md): a fresh tmpfs root holding the system folders read-only (/usr, /etc, /opt, the
 * lib and bin folders, every PATH entry, the rustup and cargo homes), the workspace writable at /src
 * (the working directory), /tmp per phase, HOME at /tmp/home shared by the phases, /out
 * (`SECURE_FACTORY_OUT`), a network namespace with only loopback (the fetch phase reaches the egress
 * proxy through a unix socket), new user/pid/ipc/uts namespaces, no capabilities, a new session, and
 * the sandbox dies with its parent.
 */






const SANDBOX_SOURCE = '/src';
const SANDBOX_OUTPUT = '/out';
const SANDBOX_TEMP = '/tmp';
const SANDBOX_HOME = '/tmp/home';
/** Where the fetch phase finds the egress proxy's socket and forwarder. */
const SANDBOX_PROXY_DIR = '/run/secure-factory';
const APPARMOR_SYSCTL = '/proc/sys/kernel/apparmor_restrict_unprivileged_userns';
const INSTALL_HINT = 'install bubblewrap: `sudo apt-get install -y bubblewrap` (Debian/Ubuntu), `sudo dnf install -y bubblewrap` (Fedora/RHEL), `sudo apk add bubblewrap` (Alpine)';
function findExecutable(name, searchPath) {
    for (const dir of searchPath.split(':')) {
        if (!dir)
            continue;
        const candidate = external_node_path_.join(dir, name);
        try {
            const st = (0,external_node_fs_.lstatSync)(candidate, { throwIfNoEntry: false });
            if (st && (st.isFile() || st.isSymbolicLink()) && (0,external_node_fs_.existsSync)(candidate))
                return candidate;
        }
        catch {
            // unreadable folder on PATH: skip it, as a shell would
        }
    }
    return undefined;
}
function readApparmor(file) {
    try {
        return (0,external_node_fs_.readFileSync)(file, 'utf8').trim();
    }
    catch {
        return undefined;
    }
}
/** The exact fix for GitHub's ubuntu-24.04 AppArmor restriction. */
const APPARMOR_FIX = 'unprivileged user namespaces are restricted by AppArmor (kernel.apparmor_restrict_unprivileged_userns=1, as on GitHub ubuntu-24.04 runners); ' +
    'add a step before the build: `sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0` (or install an AppArmor profile that allows bwrap userns), or run the build as root';
/** Picks and probes the sandbox tool; throws with the install command or the fix when none works. */
function detectSandbox(options = {}) {
    const searchPath = options.searchPath ?? process.env.PATH ?? '/usr/bin:/bin';
    const isRoot = options.isRoot ?? process.getuid?.() === 0;
    const allowSudo = options.allowSudo ?? process.env.GITHUB_ACTIONS === 'true';
    let apparmor = 'absent';
    const restricted = readApparmor(options.apparmorFile ?? APPARMOR_SYSCTL);
    if (restricted !== undefined)
        apparmor = restricted === '1' ? 'restricted-but-root' : 'unrestricted';
    if (restricted === '1' && !isRoot) {
        const sudo = findExecutable('sudo', searchPath);
        const sysctl = sudo && allowSudo
            ? (0,external_node_child_process_.spawnSync)(sudo, ['-n', 'sysctl', '-w', 'kernel.apparmor_restrict_unprivileged_userns=0'], { encoding: 'utf8' })
            : undefined;
        if (!sysctl || sysctl.status !== 0) {
            throw new core_dist/* InfrastructureError */.EN(`cannot isolate the build: ${sysctl ? `sudo sysctl failed (${(sysctl.stderr || '').trim()})` : 'AppArmor restricts user namespaces and sudo was not allowed or not found'}`, { hint: APPARMOR_FIX });
        }
        options.logger?.warning('AppArmor restricted unprivileged user namespaces: lifted with `sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0`');
        apparmor = 'lifted-with-sudo';
    }
    const unshare = findExecutable('unshare', searchPath);
    if (!unshare) {
        const noBwrap = findExecutable('bwrap', searchPath) === undefined;
        throw new core_dist/* InfrastructureError */.EN(`cannot isolate the build (it is never run unisolated): ${noBwrap ? 'bubblewrap (bwrap) is not installed (install it: `sudo apt-get install -y bubblewrap`), and ' : ''}\`unshare\` (util-linux) is not on PATH`, {
            hint: `${noBwrap ? `${INSTALL_HINT}; ` : ''}install util-linux (\`sudo apt-get install -y util-linux\`): the workspace is mounted in an unshare namespace`,
        });
    }
    const overlay = probeOverlay(unshare);
    if (overlay) {
        throw new core_dist/* InfrastructureError */.EN(`cannot give the build its copy-on-write workspace: ${overlay}`, {
            hint: restricted === '1'
                ? APPARMOR_FIX
                : 'the workspace needs overlayfs in an unprivileged user namespace (Linux 5.11+, `sudo sysctl -w kernel.unprivileged_userns_clone=1` where that switch exists), or run as root',
        });
    }
    const bwrap = findExecutable('bwrap', searchPath);
    let bwrapProblem = 'bubblewrap (bwrap) is not installed (install it: `sudo apt-get install -y bubblewrap`)';
    if (bwrap) {
        // bwrap runs inside the workspace's user namespace: probe it there.
        const probe = (0,external_node_child_process_.spawnSync)(unshare, [
            '--user',
            '--map-root-user',
            '--mount',
            '--',
            bwrap,
            '--ro-bind',
            '/',
            '/',
            '--unshare-user',
            '--unshare-net',
            '--cap-drop',
            'ALL',
            '--die-with-parent',
            'true',
        ], { encoding: 'utf8' });
        if (probe.status === 0) {
            const v = (0,external_node_child_process_.spawnSync)(bwrap, ['--version'], { encoding: 'utf8' });
            return { kind: 'bubblewrap', path: bwrap, unshare, version: (v.stdout || '').trim().replace(/^bubblewrap\s*/, ''), apparmor };
        }
        bwrapProblem = `bwrap is installed but cannot create namespaces: ${(probe.stderr || probe.error?.message || '').trim()}`;
    }
    if (!bwrap && findExecutable('setpriv', searchPath) && findExecutable('chroot', searchPath)) {
        const probe = (0,external_node_child_process_.spawnSync)(unshare, ['--user', '--map-root-user', '--net', '--mount', '--pid', '--fork', '--kill-child', 'true'], {
            encoding: 'utf8',
        });
        if (probe.status === 0) {
            const v = (0,external_node_child_process_.spawnSync)(unshare, ['--version'], { encoding: 'utf8' });
            options.logger?.warning(`bubblewrap (bwrap) is not installed: isolating with unshare instead, a weaker kind the default gate refuses (${INSTALL_HINT})`);
            return {
                kind: 'unshare',
                path: unshare,
                unshare,
                version: (v.stdout || '').trim(),
                note: 'bubblewrap was not installed: unshare + chroot + setpriv built the same layout (read-only system, private /proc, no network, no capabilities), with less scrutiny than bubblewrap; the default production gate refuses this kind',
                apparmor,
            };
        }
        bwrapProblem += `; unshare cannot create namespaces either: ${(probe.stderr || '').trim()}`;
    }
    else if (!bwrap) {
        bwrapProblem += '; the unshare fallback also needs setpriv and chroot';
    }
    const hint = restricted === '1'
        ? APPARMOR_FIX
        : bwrap
            ? 'allow unprivileged user namespaces (`sudo sysctl -w kernel.unprivileged_userns_clone=1`) or run as root'
            : INSTALL_HINT;
    throw new core_dist/* InfrastructureError */.EN(`cannot isolate the build (it is never run unisolated): ${bwrapProblem}`, { hint });
}
let overlayProbe = null;
/** Mounts a tiny overlay in a user namespace and writes through it; undefined when that works, else why not. Probed once. */
function probeOverlay(unshare) {
    if (overlayProbe !== null)
        return overlayProbe;
    const dir = (0,external_node_fs_.mkdtempSync)(external_node_path_.join((0,external_node_os_.tmpdir)(), 'sf-overlay-probe-'));
    try {
        for (const d of ['lower', 'upper', 'work', 'merged'])
            (0,external_node_fs_.mkdirSync)(external_node_path_.join(dir, d));
        const script = `mount -t overlay overlay -o lowerdir=${dir}/lower,upperdir=${dir}/upper,workdir=${dir}/work,userxattr ${dir}/merged && touch ${dir}/merged/probe`;
        const r = (0,external_node_child_process_.spawnSync)(unshare, ['--user', '--map-root-user', '--mount', '--', '/bin/sh', '-c', script], { encoding: 'utf8' });
        overlayProbe =
            r.status === 0 && (0,external_node_fs_.existsSync)(external_node_path_.join(dir, 'upper', 'probe')) ? undefined : (r.stderr || r.error?.message || 'mount failed').trim();
    }
    finally {
        (0,external_node_child_process_.spawnSync)('chmod', ['-R', 'u+rwx', dir]);
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    }
    return overlayProbe;
}
const SYSTEM_DIRS = ['/usr', '/etc', '/opt', '/nix'];
const MAYBE_LINKS = ['/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32'];
function under(p, dirs) {
    return dirs.some((d) => p === d || p.startsWith(`${d}/`));
}
/** PATH entries that are not under a system folder, widened so `node_modules/.bin` links resolve. */
function pathBinds(hostPath) {
    const out = new Set();
    const add = (p) => {
        if (!external_node_path_.isAbsolute(p) || under(p, SYSTEM_DIRS) || under(p, MAYBE_LINKS) || !(0,external_node_fs_.existsSync)(p))
            return;
        out.add(p);
    };
    for (const entry of hostPath.split(':')) {
        if (!entry || !external_node_path_.isAbsolute(entry))
            continue;
        // node_modules/.bin holds relative links into node_modules: bind the whole node_modules.
        add(external_node_path_.basename(entry) === '.bin' && external_node_path_.basename(external_node_path_.dirname(entry)) === 'node_modules' ? external_node_path_.dirname(entry) : entry);
        try {
            add((0,external_node_fs_.realpathSync)(entry));
        }
        catch {
            // missing PATH entry: nothing to bind
        }
    }
    try {
        add(external_node_path_.dirname((0,external_node_fs_.realpathSync)(process.execPath)));
    }
    catch {
        // no node to add
    }
    // Drop binds nested in another bind.
    const sorted = [...out].sort();
    return sorted.filter((p, i) => !sorted.slice(0, i).some((q) => p.startsWith(`${q}/`)));
}
/** Folders bound into the sandbox at the same path (read-only): system folders are always there. */
function readOnlyBinds(spec) {
    const extra = (spec.readOnly ?? []).filter((d) => (0,external_node_fs_.existsSync)(d) && !under(d, SYSTEM_DIRS));
    const all = [...pathBinds(spec.hostPath), ...extra].sort();
    return [...new Set(all)].filter((p, i, a) => !a.slice(0, i).some((q) => p.startsWith(`${q}/`)));
}
function bwrapArgs(spec) {
    const a = [];
    for (const d of SYSTEM_DIRS)
        a.push('--ro-bind-try', d, d);
    for (const d of MAYBE_LINKS) {
        const st = (0,external_node_fs_.lstatSync)(d, { throwIfNoEntry: false });
        if (!st)
            continue;
        if (st.isSymbolicLink())
            a.push('--symlink', (0,external_node_fs_.readlinkSync)(d), d);
        else
            a.push('--ro-bind', d, d);
    }
    a.push('--bind', spec.workspace.merged, SANDBOX_SOURCE);
    a.push('--bind', spec.temp, SANDBOX_TEMP, '--bind', spec.home, SANDBOX_HOME);
    if (spec.output)
        a.push(spec.outputReadOnly ? '--ro-bind' : '--bind', spec.output, SANDBOX_OUTPUT);
    if (spec.cache)
        a.push('--bind', spec.cache, '/cache');
    if (spec.proxy)
        a.push('--ro-bind', spec.proxy.socketDir, SANDBOX_PROXY_DIR);
    // After /tmp: a toolchain under the host's /tmp (a Node unpacked there) stays visible on top of it.
    for (const d of readOnlyBinds(spec))
        a.push('--ro-bind-try', d, d);
    a.push('--dev', '/dev', '--proc', '/proc');
    // Always a network namespace of its own (only loopback): the fetch reaches out through the proxy's socket alone.
    a.push('--unshare-net', '--unshare-user', '--uid', String(hostUid()), '--gid', String(hostGid()));
    a.push('--unshare-pid', '--unshare-ipc', '--unshare-uts', '--unshare-cgroup-try', '--hostname', 'sandbox');
    a.push('--disable-userns', '--cap-drop', 'ALL', '--die-with-parent', '--new-session', '--clearenv');
    for (const [k, v] of Object.entries(spec.env))
        a.push('--setenv', k, v);
    a.push('--chdir', SANDBOX_SOURCE, '--', ...commandWithProxy(spec));
    return a;
}
const hostUid = () => process.getuid?.() ?? 0;
const hostGid = () => process.getgid?.() ?? 0;
/** The in-sandbox side of the egress proxy: a forwarder from 127.0.0.1:PORT to the proxy's socket, then the command. */
function commandWithProxy(spec) {
    if (!spec.proxy)
        return [...spec.argv];
    return [
        process.execPath,
        `${SANDBOX_PROXY_DIR}/forward.cjs`,
        String(spec.proxy.port),
        `${SANDBOX_PROXY_DIR}/proxy.sock`,
        '--',
        ...spec.argv,
    ];
}
/** POSIX shell single quoting. */
function shq(s) {
    return `'${s.replace(/'/g, `'\\''`)}'`;
}
function overlayOptions(w) {
    return `lowerdir=${[...w.lowers, w.lowerMount].join(':')},upperdir=${w.upper},workdir=${w.work},userxattr`;
}
/**
 * The phase script, run by `unshare --user --map-root-user --mount` (plus pid/net/ipc/uts for the unshare
 * fallback): bind the checkout, mount the overlay workspace, run the sandbox, record its exit status,
 * then (every sandboxed process being gone) run the integrity checker on the workspace.
 */
function phaseScript(spec, argsFile, statusFile) {
    const w = spec.workspace;
    const lines = [
        'set -u',
        `status() { printf '%s' "$1" > ${shq(`${statusFile}.tmp`)} && mv ${shq(`${statusFile}.tmp`)} ${shq(statusFile)}; }`,
        `mount --bind ${shq(w.source)} ${shq(w.lowerMount)} || { status 'setup:cannot bind the checkout'; exit 0; }`,
        `mount -t overlay overlay -o ${shq(overlayOptions(w))} ${shq(w.merged)} || { status 'setup:cannot mount the overlay workspace (overlayfs in a user namespace needs Linux 5.11+)'; exit 0; }`,
    ];
    if (spec.tool.kind === 'bubblewrap') {
        // bwrap wants the command on its own command line: options come from the file, the command from "$@".
        lines.push(`${shq(spec.tool.path)} --args 3 -- "$@" 3< ${shq(argsFile)}`, 'rc=$?');
    }
    else {
        lines.push(...chrootLines(spec), 'rc=$?');
    }
    lines.push('status "exit:$rc"');
    if (spec.check) {
        const c = spec.check;
        lines.push(`${shq(process.execPath)} ${shq(c.script)} ${shq(w.merged)} ${shq(w.upper)} ${shq(c.tracked)} ${shq(c.report)} ${c.algorithm} || echo 'secure-factory: the integrity check failed to run' >&2`);
    }
    lines.push('exit 0', '');
    return lines.join('\n');
}
/**
 * The unshare fallback builds what bubblewrap would: a fresh tmpfs root with the system folders and
 * tools read-only, the workspace, temp, home and output bound in, a private /proc (its own pid
 * namespace: no other process's command line), a minimal /dev, then chroot and every capability
 * dropped (setpriv), so the build can neither leave the root, remount, nor reach host sockets.
 */
function chrootLines(spec) {
    const R = external_node_path_.join(spec.ctl, `${spec.phase}-root`);
    const l = [
        `R=${shq(R)}`,
        'mkdir -p "$R" && mount -t tmpfs -o mode=0755 tmpfs "$R" || { status "setup:cannot mount the sandbox root"; exit 0; }',
    ];
    const ro = (host, inside = host) => {
        l.push(`if [ -d ${shq(host)} ]; then mkdir -p "$R"${shq(inside)} && mount --rbind ${shq(host)} "$R"${shq(inside)} && mount -o remount,bind,ro "$R"${shq(inside)} || { status 'setup:cannot bind ${host.replace(/'/g, '')}'; exit 0; }; fi`);
    };
    const rw = (host, inside) => {
        l.push(`mkdir -p "$R"${shq(inside)} && mount --bind ${shq(host)} "$R"${shq(inside)} || { status 'setup:cannot bind ${inside}'; exit 0; }`);
    };
    for (const d of SYSTEM_DIRS)
        ro(d);
    for (const d of MAYBE_LINKS) {
        const st = (0,external_node_fs_.lstatSync)(d, { throwIfNoEntry: false });
        if (!st)
            continue;
        if (st.isSymbolicLink())
            l.push(`ln -s ${shq((0,external_node_fs_.readlinkSync)(d))} "$R"${shq(d)}`);
        else
            ro(d);
    }
    rw(spec.workspace.merged, SANDBOX_SOURCE);
    rw(spec.temp, SANDBOX_TEMP);
    rw(spec.home, SANDBOX_HOME);
    if (spec.output) {
        rw(spec.output, SANDBOX_OUTPUT);
        if (spec.outputReadOnly)
            l.push(`mount -o remount,bind,ro "$R"${SANDBOX_OUTPUT}`);
    }
    if (spec.cache)
        rw(spec.cache, '/cache');
    if (spec.proxy)
        ro(spec.proxy.socketDir, SANDBOX_PROXY_DIR);
    for (const d of readOnlyBinds(spec))
        ro(d);
    l.push('mkdir -p "$R/dev" "$R/proc" "$R/dev/shm"', 'for n in null zero full random urandom tty; do touch "$R/dev/$n" && mount --bind "/dev/$n" "$R/dev/$n"; done', 'ln -s /proc/self/fd "$R/dev/fd"; ln -s /proc/self/fd/0 "$R/dev/stdin"; ln -s /proc/self/fd/1 "$R/dev/stdout"; ln -s /proc/self/fd/2 "$R/dev/stderr"', 'mount -t tmpfs tmpfs "$R/dev/shm"', 'mount -t proc proc "$R/proc" || { status "setup:cannot mount /proc"; exit 0; }', 'if command -v ip >/dev/null 2>&1; then ip link set lo up 2>/dev/null; fi', 'mount -o remount,ro,bind "$R" 2>/dev/null');
    const env = Object.entries(spec.env).map(([k, v]) => shq(`${k}=${v}`));
    const argv = commandWithProxy(spec).map(shq);
    l.push(`chroot "$R" /usr/bin/setpriv --inh-caps=-all --ambient-caps=-all --bounding-set=-all --no-new-privs -- /usr/bin/env -i ${env.join(' ')} /bin/sh -c 'cd /src && exec "$0" "$@"' ${argv.join(' ')}`);
    return l;
}
const TAIL = 64 * 1024;
async function runSandboxed(spec) {
    const argsFile = external_node_path_.join(spec.ctl, `${spec.phase}.args`);
    const statusFile = external_node_path_.join(spec.ctl, `${spec.phase}.status`);
    const scriptFile = external_node_path_.join(spec.ctl, `${spec.phase}.sh`);
    await (0,promises_.rm)(statusFile, { force: true });
    let argv = [];
    if (spec.tool.kind === 'bubblewrap') {
        const all = bwrapArgs(spec);
        const sep = all.lastIndexOf('--', all.length - commandWithProxy(spec).length - 1);
        argv = all.slice(sep + 1);
        await (0,promises_.writeFile)(argsFile, all
            .slice(0, sep)
            .map((a) => `${a}\0`)
            .join(''));
    }
    await (0,promises_.writeFile)(scriptFile, phaseScript(spec, argsFile, statusFile));
    const unshare = spec.tool.unshare;
    const ns = ['--user', '--map-root-user', '--mount'];
    if (spec.tool.kind === 'unshare')
        ns.push('--pid', '--fork', '--kill-child', '--net', '--ipc', '--uts');
    const started = Date.now();
    // A process group of its own, so the timeout kills the whole tree (bwrap's pid namespace dies with it).
    const child = (0,external_node_child_process_.spawn)(unshare, [...ns, '--', '/bin/sh', scriptFile, ...argv], {
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' },
    });
    let stdoutTail = '';
    let stderrTail = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d) => {
        stdoutTail = (stdoutTail + d).slice(-TAIL);
        spec.onOutput?.(d, 'stdout');
    });
    child.stderr.on('data', (d) => {
        stderrTail = (stderrTail + d).slice(-TAIL);
        spec.onOutput?.(d, 'stderr');
    });
    let timedOut = false;
    const timer = setTimeout(() => {
        timedOut = true;
        try {
            if (child.pid !== undefined)
                process.kill(-child.pid, 'SIGKILL');
        }
        catch {
            child.kill('SIGKILL');
        }
    }, spec.timeoutMs);
    const [code, sig] = await new Promise((resolve, reject) => {
        child.on('error', reject);
        child.on('close', (c, s) => resolve([c, s]));
    }).finally(() => clearTimeout(timer));
    const status = await (0,promises_.readFile)(statusFile, 'utf8').catch(() => '');
    const result = { exitCode: null, signal: null, timedOut, stdoutTail, stderrTail, durationMs: Date.now() - started };
    if (status.startsWith('exit:')) {
        const rc = Number(status.slice(5));
        // bwrap and sh report a command killed by signal N as 128+N.
        if (rc > 128 && rc < 128 + 65)
            result.signal = signalName(rc - 128);
        else
            result.exitCode = rc;
    }
    else if (status.startsWith('setup:')) {
        result.setupError = status.slice(6);
    }
    else if (!timedOut) {
        result.setupError = `the sandbox ended before the command finished (${code !== null ? `exit code ${code}` : `signal ${sig}`})`;
    }
    return result;
}
function signalName(n) {
    for (const [name, num] of Object.entries(external_node_os_.constants.signals))
        if (num === n)
            return name;
    return `signal ${n}`;
}

;// CONCATENATED MODULE: ../packages/isolated-build/dist/source-info.js
/** What the provenance says about the source: the commit, its time (SOURCE_DATE_EPOCH), where it lives. */


function git(dir, args) {
    const r = (0,external_node_child_process_.spawnSync)('git', ['-C', dir, ...args], { encoding: 'utf8', env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } });
    return { ok: r.status === 0, out: (r.stdout || '').trim(), err: (r.stderr || r.error?.message || '').trim() };
}
/**
 * Paths of `git status --porcelain=v1 -z`: `XY PATH` entries; a rename or copy (`R`/`C`) is followed by
 * an entry holding the original path, which is not a separate change.
 */
function porcelainPaths(out) {
    const entries = out.split('\0');
    const paths = [];
    for (let i = 0; i < entries.length; i++) {
        const e = entries[i];
        if (e.length < 4)
            continue;
        paths.push(e.slice(3));
        if (e[0] === 'R' || e[0] === 'C')
            i++;
    }
    return paths;
}
/** `git@github.com:o/r.git`, `https://user:token@github.com/o/r.git` → `git+https://github.com/o/r`. */
function normaliseRemote(url) {
    const scp = /^[^@/\s]+@([^:/\s]+):(.+)$/.exec(url);
    let host;
    let repoPath;
    if (scp?.[1] && scp[2]) {
        host = scp[1];
        repoPath = scp[2];
    }
    else {
        let u;
        try {
            u = new URL(url);
        }
        catch {
            return undefined;
        }
        if (!['https:', 'http:', 'ssh:', 'git:'].includes(u.protocol))
            return undefined;
        // Credentials in a remote URL must never reach the provenance.
        host = u.host;
        repoPath = u.pathname.replace(/^\//, '');
    }
    return `git+https://${host}/${repoPath.replace(/\.git$/, '').replace(/\/$/, '')}`;
}
function readSourceInfo(dir, env = process.env) {
    const head = git(dir, ['rev-parse', '--verify', 'HEAD^{commit}']);
    if (!head.ok || !/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(head.out)) {
        throw new core_dist/* ConfigurationError */.j1(`the source folder is not a git checkout with a commit: ${head.err || head.out}`, {
            location: { file: dir },
            hint: 'build from a git checkout (actions/checkout), so the provenance can name the commit and SOURCE_DATE_EPOCH can come from its time',
        });
    }
    const time = git(dir, ['log', '-1', '--format=%ct', head.out]);
    const status = (0,external_node_child_process_.spawnSync)('git', ['-C', dir, 'status', '--porcelain=v1', '-z', '--untracked-files=all'], {
        encoding: 'utf8',
        env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
    });
    // Not trimmed: each entry is `XY PATH` and a leading space is part of the status.
    const dirty = status.status === 0 ? porcelainPaths(status.stdout || '').filter((p) => !p.startsWith('.secure-factory/')) : [];
    let repositoryUri;
    if (env.GITHUB_REPOSITORY && env.GITHUB_ACTIONS === 'true') {
        const server = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/^https?:\/\//, '');
        repositoryUri = `git+https://${server}/${env.GITHUB_REPOSITORY}`;
    }
    else {
        const remote = git(dir, ['remote', 'get-url', 'origin']);
        if (remote.ok)
            repositoryUri = normaliseRemote(remote.out);
    }
    return { commit: head.out, commitTime: Number(time.out) || 0, repositoryUri, dirty };
}

;// CONCATENATED MODULE: ../packages/isolated-build/dist/subjects.js
/**
 * Subjects: every output file matched by the globs, named by the one rule of core `subjectName` (the
 * path relative to the output folder, which holds the outputs at their project paths) and hashed on
 * core's worker pool. A glob that leaves the folder, a symlink that points outside it and a glob that
 * matches nothing are errors.
 */




function checkGlob(pattern) {
    const p = pattern.trim();
    if (p === '')
        throw new core_dist/* ConfigurationError */.j1('an output glob is empty');
    if (p.includes('\0'))
        throw new core_dist/* ConfigurationError */.j1(`output glob ${JSON.stringify(pattern)} contains a NUL byte`);
    if (external_node_path_.posix.isAbsolute(p) || /^[A-Za-z]:[\\/]/.test(p)) {
        throw new core_dist/* ConfigurationError */.j1(`output glob "${p}" is absolute`, {
            hint: 'output globs are relative to the output folder ($SECURE_FACTORY_OUT), e.g. "dist/**"',
        });
    }
    if (p.split(/[\\/]/).includes('..')) {
        throw new core_dist/* ConfigurationError */.j1(`output glob "${p}" leaves the output folder ("..")`, {
            hint: 'output globs are relative to the output folder ($SECURE_FACTORY_OUT)',
        });
    }
    (0,core_dist/* outputGlob */.e9)(p); // an extglob, a negation or a brace bomb is refused here, before the build runs
    return p;
}
/** Normalises a relative name and refuses traversal (core subjectName, the one rule for names). */
function normaliseName(rel) {
    return subjectName(rel, 'the output path', 'the output folder');
}
/**
 * Core's output glob (picomatch's meaning for `*`, `**`, `?`, classes and braces, dot files included, in
 * linear time), with the usual shapes answered without it: "**" matches every listed path and "dir/**"
 * every path below dir and a file named dir (a listing holds only files and symlinks).
 */
function matcher(glob) {
    const g = glob.replace(/^\.\//, '');
    if (g === '**' || g === '**/*')
        return () => true;
    const m = /^([^*?[\]{}()!+@\\]+)\/\*\*(\/\*)?$/.exec(g);
    const below = m?.[1];
    if (below !== undefined && !below.split('/').includes('.')) {
        const prefix = `${below}/`;
        const itself = m?.[2] === undefined;
        return (p) => p.startsWith(prefix) || (itself && p === below);
    }
    const pattern = (0,core_dist/* outputGlob */.e9)(g);
    return (p) => pattern.test(p);
}
async function collectOutputs(outDir, globs) {
    if (globs.length === 0)
        throw new core_dist/* ConfigurationError */.j1('no output globs were given', { hint: 'pass --outputs GLOB (or the outputs input), e.g. "dist/**"' });
    const checked = globs.map(checkGlob);
    const root = await (0,promises_.realpath)(outDir);
    const found = new Map();
    // Files go to the hashing pool as they are matched, so hashing overlaps matching and naming.
    const hasher = new core_dist/* StreamingHasher */.K_();
    try {
        // The folder is listed once without following symlinks (core listTreeNames, no stat per file), then
        // matched with core's output glob: a symlink is seen as a symlink, never walked out of the folder.
        const tree = await (0,core_dist/* listTreeNames */.He)(root);
        for (const g of checked) {
            const isMatch = matcher(g);
            let n = 0;
            for (const entry of tree) {
                if (!isMatch(entry.path))
                    continue;
                n++;
                // A listed path is relative and normalised already; the one rule still refuses control characters.
                const name = (0,core_dist/* listedSubjectName */.Vh)(entry.path, 'the output path');
                if (found.has(name))
                    continue;
                let file = `${root}${external_node_path_.sep}${entry.path}`;
                if (entry.type === 'symlink') {
                    let target;
                    try {
                        target = await (0,promises_.realpath)(file);
                    }
                    catch {
                        throw new core_dist/* PolicyViolation */.oY(`output "${name}" is a dangling symlink`);
                    }
                    if (!target.startsWith(`${root}${external_node_path_.sep}`)) {
                        throw new core_dist/* PolicyViolation */.oY(`output "${name}" is a symlink that leaves the output folder (to ${target})`, {
                            hint: 'copy the file into the output folder instead of linking to it',
                        });
                    }
                    if (!(await (0,promises_.stat)(target)).isFile())
                        continue;
                    file = target;
                }
                found.set(name, file);
                hasher.add(file);
            }
            if (n === 0) {
                throw new core_dist/* ConfigurationError */.j1(`output glob "${g}" matched no file in the output folder`, {
                    hint: `the build must write its outputs into $SECURE_FACTORY_OUT (/out in the sandbox); the folder holds ${tree.length} file(s)${tree.length
                        ? `, e.g. ${tree
                            .slice(0, 3)
                            .map((e) => e.path)
                            .join(', ')}`
                        : ''}`,
                });
            }
        }
    }
    catch (e) {
        await hasher.abort();
        throw e;
    }
    // Sizes come back from the hashing itself (bytes read), so there is no stat pass over every output.
    const digests = await hasher.finish();
    const outputs = [...found].map(([name, file], i) => ({ name, file, size: digests[i]?.size ?? 0, sha256: digests[i]?.sha256 ?? '' }));
    // One glob over a sorted listing gives sorted names already; several globs may interleave.
    if (outputs.some((o, i) => i > 0 && (0,core_dist/* compareBytewise */.GV)(outputs[i - 1].name, o.name) > 0)) {
        outputs.sort((a, b) => (0,core_dist/* compareBytewise */.GV)(a.name, b.name));
    }
    return outputs;
}
function toSubjects(outputs) {
    return outputs.map((o) => ({ name: o.name, digest: { sha256: o.sha256 } }));
}
/**
 * The outputs as subjects, with every OCI image layout among them (a folder holding both `oci-layout`
 * and `index.json`, as buildah, umoci, skopeo or BuildKit's `type=oci` write one) turned into ONE
 * subject: the digest of its image manifest, which is what a registry, a runtime and the gate by
 * reference know the image by. The layout's own files (blobs, index.json, oci-layout) are then not
 * subjects. `imageName` names the image (`registry/name`); without it the folder's path does.
 */
async function outputSubjects(outDir, outputs, imageName) {
    const names = new Set(outputs.map((o) => o.name));
    const folders = outputs
        .filter((o) => o.name === 'oci-layout' || o.name.endsWith('/oci-layout'))
        .map((o) => external_node_path_.posix.dirname(o.name))
        .filter((f) => names.has(f === '.' ? 'index.json' : `${f}/index.json`));
    if (folders.length === 0) {
        if (imageName !== undefined)
            throw new core_dist/* ConfigurationError */.j1(`an image name (${imageName}) was given, but the outputs hold no OCI image layout`, {
                hint: 'write the image as an OCI layout (oci-layout, index.json, blobs/) into the output folder and match it with the output globs, e.g. "image/**"',
            });
        return { subjects: toSubjects(outputs), images: [] };
    }
    if (imageName !== undefined && folders.length > 1) {
        throw new core_dist/* ConfigurationError */.j1(`the outputs hold ${folders.length} OCI image layouts (${folders.join(', ')}); an image name names one`, {
            hint: 'write one image layout per build, or leave the image name out (each image is then named by its folder)',
        });
    }
    if (imageName === undefined && folders.includes('.')) {
        throw new core_dist/* ConfigurationError */.j1('the output folder itself is an OCI image layout, so it has no folder name to name the image by', {
            hint: 'give the image name (--image-name registry/name, the image-name input)',
        });
    }
    const root = await (0,promises_.realpath)(outDir);
    const images = [];
    for (const folder of folders) {
        const layout = await (0,materials_dist/* readOciLayout */.I$)(folder === '.' ? root : external_node_path_.join(root, folder));
        images.push({ folder, name: imageName ?? folder, digest: layout.image.digest });
    }
    const inLayout = (name) => folders.some((f) => f === '.' || name.startsWith(`${f}/`));
    return {
        subjects: [
            ...toSubjects(outputs.filter((o) => !inLayout(o.name))),
            ...images.map((i) => ({ name: i.name, digest: { sha256: i.digest.slice('sha256:'.length) } })),
        ],
        images,
    };
}

;// CONCATENATED MODULE: ../packages/isolated-build/dist/toolchains.js
/**
 * The host toolchains the sandbox sees and the provenance records: each known tool the phases' PATH
 * resolves (in PATH order, as the sandbox resolves it) that the commands name or the project's
 * manifests call for, with its path and the first line of `--version`.
 */




const TOOLS = [
    { name: 'node', args: ['--version'], manifests: ['package.json'] },
    { name: 'npm', args: ['--version'], manifests: ['package-lock.json', 'npm-shrinkwrap.json'] },
    { name: 'pnpm', args: ['--version'], manifests: ['pnpm-lock.yaml'] },
    { name: 'yarn', args: ['--version'], manifests: ['yarn.lock'] },
    { name: 'python3', args: ['--version'], manifests: ['pyproject.toml', 'setup.py', 'requirements.txt'] },
    { name: 'pip', args: ['--version'], manifests: ['requirements.txt'] },
    { name: 'cargo', args: ['--version'], manifests: ['Cargo.toml'] },
    { name: 'rustc', args: ['--version'], manifests: ['Cargo.toml'] },
    { name: 'go', args: ['version'], manifests: ['go.mod'] },
    { name: 'java', args: ['-version'], manifests: ['pom.xml', 'build.gradle'] },
    { name: 'gcc', args: ['--version'], manifests: ['Makefile'] },
    { name: 'make', args: ['--version'], manifests: ['Makefile'] },
];
function firstLine(s) {
    return (s.trim().split('\n')[0] ?? '').trim();
}
/** The toolchains used, probed on the host (the sandbox sees the same files read-only) in parallel. */
async function usedToolchains(source, commands, env, timeoutMs = 10_000) {
    const text = commands.join('\n');
    const wanted = TOOLS.filter((t) => new RegExp(`(^|[^A-Za-z0-9_.-])${t.name}([^A-Za-z0-9_-]|$)`).test(text) || t.manifests.some((m) => (0,external_node_fs_.existsSync)(external_node_path_.join(source, m))));
    const found = await Promise.all(wanted.map(async (t) => {
        const exe = findExecutable(t.name, env.PATH ?? '');
        if (!exe)
            return undefined;
        const version = await new Promise((resolve) => {
            (0,external_node_child_process_.execFile)(exe, t.args, { env, timeout: timeoutMs, encoding: 'utf8', cwd: source }, (err, stdout, stderr) => {
                resolve(firstLine(stdout) || firstLine(stderr) || (err ? `unknown (${err.message.split('\n')[0] ?? ''})` : 'unknown'));
            });
        });
        let real = exe;
        try {
            real = (0,external_node_fs_.realpathSync)(exe);
        }
        catch {
            // keep the PATH name
        }
        return { name: t.name, path: real === exe ? exe : `${exe} -> ${real}`, version };
    }));
    return found.filter((t) => t !== undefined);
}
/** `sh: 1: vite: not found`, `bash: line 1: tsc: command not found`, `env: 'x': No such file or directory`. */
function missingTool(stderr) {
    const m = /(?:^|\n)[^\n]*?(?:sh|bash|dash|zsh)(?::\s*\d+)?(?::\s*line \d+)?:\s*([^\s:]+):\s*(?:command )?not found/.exec(stderr) ??
        /(?:^|\n)env: '?([^'\n:]+)'?: No such file or directory/.exec(stderr) ??
        /(?:^|\n)bwrap: execvp ([^:\n]+): No such file or directory/.exec(stderr);
    return m?.[1];
}

;// CONCATENATED MODULE: ../packages/isolated-build/dist/workspace.js
/**
 * The build's writable workspace: a copy-on-write view of the verified checkout. The checkout is the
 * lowest, read-only layer of a kernel overlayfs mounted inside an unprivileged user and mount
 * namespace (bubblewrap 0.8 has no --overlay); each phase writes into a layer of its own, and the next
 * phase sees the earlier layers read-only:
 *
 *   fetch   lower: checkout                    upper: layers/fetch
 *   build   lower: fetch, checkout             upper: layers/build
 *   test    lower: build, fetch, checkout      upper: layers/test
 *   rebuild lower: fetch, checkout             upper: layers/build-2   (reproducibility check)
 *
 * So the host checkout is never written, a layer holds exactly what its phase wrote (the build's
 * layer is where its outputs are found), a test cannot alter what was built, and the second build of
 * the reproducibility check starts from the same fetched state as the first.
 *
 * Source integrity: after every phase, a small checker (this file's CHECKER, run by the factory's own
 * Node inside the mount namespace once every sandboxed process is dead) compares each tracked file of
 * the commit that the phase's layer touches with the commit's blob, and lists anything the phase put
 * under `.git/`. Files the phase did not touch come from the checkout, which the host-side check
 * (git status before and after) covers.
 */





function layerDir(ws, phase) {
    return { upper: external_node_path_.join(ws.root, 'layers', phase, 'upper'), work: external_node_path_.join(ws.root, 'layers', phase, 'work') };
}
/** The layers below a phase, topmost first (the checkout comes last, added by the sandbox). */
function lowerLayers(ws, phase, fetched) {
    const fetch = fetched ? [layerDir(ws, 'fetch').upper] : [];
    if (phase === 'fetch')
        return [];
    if (phase === 'test')
        return [layerDir(ws, 'build').upper, ...fetch];
    return fetch;
}
function workspace_git(dir, args) {
    const r = (0,external_node_child_process_.spawnSync)('git', ['-C', dir, ...args], {
        encoding: 'utf8',
        maxBuffer: 1 << 30,
        env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_CONFIG_NOSYSTEM: '1' },
    });
    if (r.status !== 0)
        throw new core_dist/* ConfigurationError */.j1(`git ${args.join(' ')} failed in ${dir}: ${(r.stderr || r.error?.message || '').trim()}`);
    return r.stdout;
}
/** Every file of the commit: `git ls-tree -r HEAD` (submodules are not files of this commit). */
function trackedFiles(source, commit) {
    const format = workspace_git(source, ['rev-parse', '--show-object-format']).trim() === 'sha256' ? 'sha256' : 'sha1';
    const files = [];
    for (const rec of workspace_git(source, ['ls-tree', '-r', '-z', '--full-tree', commit]).split('\0')) {
        if (!rec)
            continue;
        const tab = rec.indexOf('\t');
        const [mode, type, oid] = rec.slice(0, tab).split(' ');
        if (type !== 'blob' || !mode || !oid)
            continue;
        files.push({ path: rec.slice(tab + 1), mode, oid });
    }
    return { files, objectFormat: format };
}
/**
 * Refuses a folder the factory is about to write when any part of it below `base` is a symlink: a
 * committed `.secure-factory -> /somewhere` must not make the factory delete or write outside.
 */
async function assertNoSymlinks(base, target) {
    const rel = external_node_path_.relative(base, target);
    if (rel === '' || rel.startsWith('..') || external_node_path_.isAbsolute(rel))
        return;
    let cur = base;
    for (const part of rel.split(external_node_path_.sep)) {
        cur = external_node_path_.join(cur, part);
        const st = await (0,promises_.lstat)(cur).catch(() => undefined);
        if (!st)
            return;
        if (st.isSymbolicLink()) {
            throw new core_dist/* PolicyViolation */.oY(`${cur} is a symbolic link (to ${await (0,promises_.readlink)(cur)}); the factory will not write through it`, {
                hint: `remove the link ${external_node_path_.relative(base, cur)} from the checkout (the factory creates its own folders there), or pass --evidence/--output-dir outside the checkout`,
            });
        }
        if (!st.isDirectory())
            throw new core_dist/* PolicyViolation */.oY(`${cur} is not a folder; the factory will not replace it`);
    }
}
async function createWorkspace(source, commit) {
    const root = await (0,promises_.mkdtemp)(external_node_path_.join((0,external_node_os_.tmpdir)(), 'sf-ws-'));
    const { files, objectFormat } = trackedFiles(source, commit);
    const committedFactoryDir = files.find((f) => f.path === '.secure-factory' || f.path.startsWith('.secure-factory/'));
    if (committedFactoryDir) {
        await (0,promises_.rm)(root, { recursive: true, force: true });
        throw new core_dist/* PolicyViolation */.oY(`the commit holds ${committedFactoryDir.path}${committedFactoryDir.mode === '120000' ? ' (a symbolic link)' : ''}: .secure-factory is the factory's own folder and is never taken from the source`, { hint: 'remove .secure-factory from the repository and add it to .gitignore' });
    }
    const ws = {
        root,
        source,
        merged: external_node_path_.join(root, 'merged'),
        lower: external_node_path_.join(root, 'lower'),
        home: external_node_path_.join(root, 'home'),
        ctl: external_node_path_.join(root, 'ctl'),
        objectFormat,
        tracked: files,
    };
    await Promise.all([ws.merged, ws.lower, ws.home, ws.ctl].map((d) => (0,promises_.mkdir)(d, { recursive: true })));
    await (0,promises_.writeFile)(external_node_path_.join(ws.ctl, 'tracked.json'), JSON.stringify(files.map((f) => [f.path, f.mode, f.oid])));
    await (0,promises_.writeFile)(external_node_path_.join(ws.ctl, 'check.cjs'), CHECKER);
    return ws;
}
async function prepareLayer(ws, phase) {
    const l = layerDir(ws, phase);
    await (0,promises_.rm)(external_node_path_.dirname(l.upper), { recursive: true, force: true });
    await (0,promises_.mkdir)(l.upper, { recursive: true });
    await (0,promises_.mkdir)(l.work, { recursive: true });
    return l;
}
async function removeWorkspace(ws) {
    // overlayfs leaves its work/ folders mode 000 inside; rm -rf as the owner copes after a chmod.
    (0,external_node_child_process_.spawnSync)('chmod', ['-R', 'u+rwx', ws.root]);
    await (0,promises_.rm)(ws.root, { recursive: true, force: true }).catch(() => undefined);
}
async function readIntegrityReport(file, phase) {
    try {
        const r = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
        return { phase, changed: r.changed, removed: r.removed, git: r.git, rewrittenUnchanged: r.rewrittenUnchanged };
    }
    catch {
        return undefined;
    }
}
/**
 * The outputs: files the build phase wrote into the project that the globs select (never `.git/`),
 * hard-linked (or copied) into the output folder under their project-relative names, next to what the
 * build wrote to $SECURE_FACTORY_OUT. A name present in both is refused: no two outputs may share one.
 */
async function linkOutputs(upper, globs, outputDir) {
    const matchers = globs.map(core_dist/* outputGlob */.e9);
    const names = (await (0,core_dist/* listTreeNames */.He)(upper, { skipDirectories: ['.git'] })).filter((n) => matchers.some((m) => m.test(n.path)));
    for (const n of names) {
        const from = external_node_path_.join(upper, ...n.path.split('/'));
        const to = external_node_path_.join(outputDir, ...n.path.split('/'));
        await assertNoSymlinks(outputDir, external_node_path_.dirname(to));
        await (0,promises_.mkdir)(external_node_path_.dirname(to), { recursive: true });
        if (await (0,promises_.lstat)(to).catch(() => undefined)) {
            throw new core_dist/* PolicyViolation */.oY(`two outputs are named "${n.path}": one in the project and one in $SECURE_FACTORY_OUT`, {
                hint: 'write each output once: either where the project puts it, or into $SECURE_FACTORY_OUT',
            });
        }
        if (n.type === 'symlink')
            await (0,promises_.symlink)(await (0,promises_.readlink)(from), to);
        else
            await (0,promises_.link)(from, to).catch(() => (0,promises_.copyFile)(from, to));
    }
    return names.map((n) => n.path);
}
/**
 * The checker, run as `node check.cjs MERGED UPPER TRACKED REPORT ALGO` in the phase's mount
 * namespace after the sandbox is gone. It never follows a symlink the build made: every parent of a
 * tracked path must be a real folder, and files are opened with O_NOFOLLOW.
 */
const CHECKER = String.raw `'use strict';
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const [merged, upper, trackedFile, reportFile, algo] = process.argv.slice(2);
const tracked = JSON.parse(fs.readFileSync(trackedFile, 'utf8'));
const report = { changed: [], removed: [], git: [], rewrittenUnchanged: 0 };
const lst = (p) => { try { return fs.lstatSync(p); } catch { return undefined; } };
const topCache = new Map();
const touchedTop = (first) => { if (!topCache.has(first)) topCache.set(first, lst(path.join(upper, first)) !== undefined); return topCache.get(first); };
function blobId(file, size) {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  try {
    const h = crypto.createHash(algo);
    h.update('blob ' + size + '\0');
    const buf = Buffer.allocUnsafe(1 << 20);
    let n;
    while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) h.update(buf.subarray(0, n));
    return h.digest('hex');
  } finally { fs.closeSync(fd); }
}
for (const [rel, mode, oid] of tracked) {
  const parts = rel.split('/');
  if (!touchedTop(parts[0])) continue;
  if (lst(path.join(upper, rel)) === undefined) {
    // Not in this phase's layer: unchanged by it, unless a parent it did write hides the file.
    let hidden = false;
    let cur = merged;
    for (const p of parts) { cur = path.join(cur, p); const s = lst(cur); if (!s) { hidden = true; break; } }
    if (hidden) report.removed.push(rel);
    continue;
  }
  let cur = merged;
  let ok = true;
  for (const p of parts.slice(0, -1)) { cur = path.join(cur, p); const s = lst(cur); if (!s || !s.isDirectory()) { ok = false; break; } }
  if (!ok) { report.changed.push(rel); continue; }
  const file = path.join(merged, rel);
  const st = lst(file);
  if (!st) { report.removed.push(rel); continue; }
  let same = false;
  if (mode === '120000') same = st.isSymbolicLink() && crypto.createHash(algo).update('blob ' + Buffer.byteLength(fs.readlinkSync(file)) + '\0').update(fs.readlinkSync(file)).digest('hex') === oid;
  else if (st.isFile()) same = ((st.mode & 0o100) !== 0) === (mode === '100755') && blobId(file, st.size) === oid;
  if (same) report.rewrittenUnchanged++;
  else report.changed.push(rel);
}
const gitRoot = path.join(upper, '.git');
const walk = (dir, rel) => {
  const s = lst(dir);
  if (!s) return;
  if (!s.isDirectory()) { report.git.push(rel); return; }
  const entries = fs.readdirSync(dir);
  if (entries.length === 0 && rel !== '.git') report.git.push(rel + '/');
  for (const e of entries) walk(path.join(dir, e), rel + '/' + e);
};
walk(gitRoot, '.git');
report.changed.sort(); report.removed.sort(); report.git.sort();
fs.writeFileSync(reportFile + '.tmp', JSON.stringify(report));
fs.renameSync(reportFile + '.tmp', reportFile);
`;

;// CONCATENATED MODULE: ../packages/isolated-build/dist/build.js
/**
 * One hermetic build of a project as it is: fetch (materials from the lockfile, through the egress
 * proxy), build and test with the project's own commands in a copy-on-write workspace of the verified
 * checkout (workspace.ts), source integrity checked after every phase, subjects, optional
 * reproducibility check, then SLSA provenance v1 into the evidence folder.
 */



















const NETWORK_FAILURE = /ENOTCACHED|only-if-cached|Failed to connect|Couldn't connect|Network is unreachable|ENETUNREACH|EAI_AGAIN|getaddrinfo|Temporary failure in name resolution|Could not resolve host|ECONNREFUSED/;
const SOURCE_WRITE = /(?:EROFS|Read-only file system)/;
/** The in-sandbox port of the egress forwarder (the fetch phase has a network namespace of its own). */
const PROXY_PORT = 3128;
function lastLines(text, n) {
    return text.trimEnd().split('\n').slice(-n).join('\n');
}
/** The paths a failed write into a read-only folder names (`/src/...`). */
function sourceWritePaths(text) {
    const out = new Set();
    for (const line of text.split('\n')) {
        if (!SOURCE_WRITE.test(line))
            continue;
        for (const m of line.matchAll(/(\/src\/[^\s'":,)]+|\/src(?=['"\s:,)]|$))/g))
            if (m[1])
                out.add(m[1]);
    }
    return [...out].sort();
}
async function freshDir(dir, ours) {
    let entries = [];
    try {
        entries = await (0,promises_.readdir)(dir);
    }
    catch {
        // absent: created below
    }
    if (entries.length > 0) {
        if (!ours) {
            throw new core_dist/* ConfigurationError */.j1(`the output folder ${dir} is not empty`, {
                hint: 'give an empty or new folder: outputs must come from this build only',
            });
        }
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
    await (0,promises_.mkdir)(dir, { recursive: true });
}
/** Paths of the checkout that differ from the commit (git status), each with the digest of what is there now. */
function hostState(source) {
    const r = (0,external_node_child_process_.spawnSync)('git', ['-C', source, 'status', '--porcelain=v1', '-z', '--untracked-files=all'], {
        encoding: 'utf8',
        maxBuffer: 1 << 30,
        env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
    });
    const out = new Map();
    if (r.status !== 0)
        return out;
    const recs = r.stdout.split('\0');
    const paths = [];
    const untracked = new Set();
    for (let i = 0; i < recs.length; i++) {
        const rec = recs[i] ?? '';
        if (rec.length < 4)
            continue;
        if (rec[0] === 'R' || rec[0] === 'C')
            i++; // the rename's source follows
        const p = rec.slice(3);
        if (p.startsWith('.secure-factory/'))
            continue;
        paths.push(p);
        if (rec.startsWith('??'))
            untracked.add(p);
    }
    // One git process hashes every present file (a symlink by its target text, as git stores it).
    const present = paths.filter((p) => (0,external_node_fs_.lstatSync)(external_node_path_.join(source, p), { throwIfNoEntry: false })?.isFile() === true);
    const h = (0,external_node_child_process_.spawnSync)('git', ['-C', source, 'hash-object', '--no-filters', '--stdin-paths'], {
        input: present.join('\n'),
        encoding: 'utf8',
        maxBuffer: 1 << 30,
    });
    const ids = h.status === 0 ? h.stdout.trim().split('\n') : [];
    present.forEach((p, i) => out.set(p, ids[i] ?? 'unreadable'));
    for (const p of paths) {
        if (out.has(p))
            continue;
        const st = (0,external_node_fs_.lstatSync)(external_node_path_.join(source, p), { throwIfNoEntry: false });
        out.set(p, st?.isSymbolicLink() ? `link:${(0,external_node_fs_.readlinkSync)(external_node_path_.join(source, p))}` : st ? 'other' : 'absent');
    }
    // Untracked paths are marked, so a new file reads as added and a tracked one as changed.
    for (const p of untracked)
        out.set(p, `untracked:${out.get(p) ?? ''}`);
    return out;
}
function diffHostState(before, after) {
    const changed = [];
    const added = [];
    const removed = [];
    for (const [p, d] of after) {
        const b = before.get(p);
        if (b === undefined)
            (d === 'absent' ? removed : d.startsWith('untracked:') ? added : changed).push(p);
        else if (b !== d)
            (d === 'absent' ? removed : changed).push(p);
    }
    // A path dirty before and clean after was changed back to the commit's content: changed too.
    for (const p of before.keys())
        if (!after.has(p))
            changed.push(p);
    return { changed: changed.sort(), added: added.sort(), removed: removed.sort() };
}
async function runPhase(p) {
    const temp = await (0,promises_.mkdtemp)(external_node_path_.join((0,external_node_os_.tmpdir)(), 'sf-build-tmp-'));
    const layer = await prepareLayer(p.ws, p.name);
    const report = external_node_path_.join(p.ws.ctl, `${p.name}.integrity.json`);
    try {
        await (0,promises_.mkdir)(external_node_path_.join(temp, 'home'));
        const env = { ...p.env, TMPDIR: SANDBOX_TEMP };
        if (p.cache)
            env.SECURE_FACTORY_CACHE = SANDBOX_CACHE;
        if (p.proxy)
            Object.assign(env, proxyEnvironment(PROXY_PORT));
        const result = await runSandboxed({
            tool: p.tool,
            phase: p.name,
            argv: p.argv,
            workspace: {
                source: p.ws.source,
                lowerMount: p.ws.lower,
                lowers: lowerLayers(p.ws, p.name, p.fetched),
                upper: layer.upper,
                work: layer.work,
                merged: p.ws.merged,
            },
            home: p.ws.home,
            temp,
            ...(p.output ? { output: p.output } : {}),
            ...(p.cache ? { cache: p.cache } : {}),
            ...(p.proxy ? { proxy: { socketDir: p.proxy.socketDir, port: PROXY_PORT } } : {}),
            outputReadOnly: p.outputReadOnly === true,
            readOnly: p.readOnly,
            ctl: p.ws.ctl,
            check: {
                script: external_node_path_.join(p.ws.ctl, 'check.cjs'),
                tracked: external_node_path_.join(p.ws.ctl, 'tracked.json'),
                report,
                algorithm: p.ws.objectFormat,
            },
            env,
            timeoutMs: p.timeoutMs,
            hostPath: p.hostPath,
            onOutput: p.onOutput,
        });
        const integrity = await readIntegrityReport(report, p.name);
        return { result, ...(integrity ? { integrity } : {}) };
    }
    finally {
        (0,external_node_child_process_.spawnSync)('chmod', ['-R', 'u+rwx', temp]);
        await (0,promises_.rm)(temp, { recursive: true, force: true }).catch(() => undefined);
    }
}
function failed(r) {
    return r.timedOut || r.setupError !== undefined || r.exitCode !== 0;
}
function describeFailure(phase, r) {
    return {
        phase,
        exitCode: r.exitCode,
        signal: r.signal,
        timedOut: r.timedOut,
        lastLines: lastLines(r.stderrTail || r.stdoutTail, 20)
            .split('\n')
            .filter((l) => l.length > 0),
        ...(r.setupError ? { setupError: r.setupError } : {}),
    };
}
/** The largest package.json or .npmrc the build reads for itself. */
const MAX_PROJECT_FILE_BYTES = 16 * 1024 * 1024;
/**
 * The project's package.json, only to explain a missing tool: read through core's safe reader, and
 * anything odd about it (a FIFO, a device, a link leaving the project, too large, not a JSON object)
 * means no hint — never a hang or a read of /dev/zero.
 */
function hintPackageJson(source) {
    try {
        const file = external_node_path_.join(source, 'package.json');
        const pkg = JSON.parse((0,core_dist/* decodeUtf8 */._6)((0,core_dist/* readRegularFileSync */.cG)(file, { maxBytes: MAX_PROJECT_FILE_BYTES, within: source, what: 'package.json' }), file, 'package.json'));
        return typeof pkg === 'object' && pkg !== null && !Array.isArray(pkg) ? pkg : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * The project's .npmrc, whose registries join the fetch's egress allow-list: none when it does not exist;
 * a FIFO (a plain read blocked the build forever), a device, a link leaving the project, an oversized
 * file or text that is not UTF-8 is refused (exit 2 naming it), its content never quoted.
 */
async function projectNpmrc(source) {
    const file = external_node_path_.join(source, '.npmrc');
    let bytes;
    try {
        bytes = await (0,core_dist/* readRegularFile */.XF)(file, { maxBytes: MAX_PROJECT_FILE_BYTES, within: source, what: '.npmrc' });
    }
    catch (e) {
        if (e instanceof core_dist/* UnsafeFileError */.h && e.reason === 'missing')
            return undefined;
        throw e;
    }
    return (0,core_dist/* decodeUtf8 */._6)(bytes, file, '.npmrc');
}
/**
 * A missing tool the project itself declares (package.json dependencies, a node_modules/.bin program)
 * when nothing installed the dependencies: the fix is a fetch, not the runner's PATH.
 */
function declaredDependency(source, tool, fetched) {
    if (fetched || (0,external_node_fs_.existsSync)(external_node_path_.join(source, 'node_modules')))
        return undefined;
    const pkg = hintPackageJson(source);
    if (!pkg)
        return undefined;
    for (const field of ['devDependencies', 'dependencies', 'optionalDependencies']) {
        const deps = pkg[field];
        if (deps && typeof deps === 'object' && Object.hasOwn(deps, tool))
            return `package.json ${field}`;
    }
    return undefined;
}
/** A JavaScript lockfile at the root while node_modules is absent and no fetch ran. */
function uninstalledLockfile(source, fetched) {
    if (fetched || (0,external_node_fs_.existsSync)(external_node_path_.join(source, 'node_modules')))
        return undefined;
    return ['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock'].find((f) => (0,external_node_fs_.existsSync)(external_node_path_.join(source, f)));
}
function failureFindings(kind, r, timeoutMs, sandboxPath, project) {
    const out = [];
    const tail = `${r.stderrTail}\n${r.stdoutTail}`;
    if (r.setupError) {
        out.push({
            rule: 'build/sandbox-failed',
            severity: 'high',
            blocking: true,
            message: `the ${kind} sandbox could not be set up, so the command did not run: ${r.setupError}`,
            help: 'see the log above; the workspace needs overlayfs in a user namespace and bubblewrap',
        });
        return out;
    }
    if (r.timedOut) {
        out.push({
            rule: 'build/timeout',
            severity: 'high',
            blocking: true,
            message: `the ${kind} command was stopped after ${Math.round(timeoutMs / 1000)} s (timeout); the whole process tree was killed`,
            help: 'make the command finish, or raise the timeout (policy build.timeout, --timeout, timeout-minutes)',
        });
        return out;
    }
    const status = r.signal ? `killed by ${r.signal}` : `exit code ${r.exitCode}`;
    const last = lastLines(r.stderrTail || r.stdoutTail, 5);
    out.push({
        rule: kind === 'test' ? 'build/tests-failed' : `build/${kind}-failed`,
        severity: 'high',
        blocking: true,
        message: `the ${kind} command failed (${status})${last ? `: ${last}` : ''}`,
    });
    const tool = r.exitCode === 127 ? missingTool(tail) : undefined;
    const declared = tool && kind !== 'fetch' && project ? declaredDependency(project.source, tool, project.fetched) : undefined;
    if (tool && declared) {
        out.push({
            rule: 'build/dependencies-missing',
            severity: 'high',
            blocking: true,
            message: `the ${kind} command needs \`${tool}\` from the project's dependencies (${declared}), but nothing installed them: no fetch ran`,
            help: "restore the dependencies from the lockfile in the fetch phase before the build: --fetch 'npm ci' (CLI build and run), the fetch input (hermetic-build and the reusable workflow)",
            properties: { tool },
        });
    }
    else if (tool) {
        const uninstalled = kind !== 'fetch' && project ? uninstalledLockfile(project.source, project.fetched) : undefined;
        out.push({
            rule: 'build/tool-missing',
            severity: 'high',
            blocking: true,
            message: `the ${kind} command needs \`${tool}\`, which is not on the sandbox's PATH (${sandboxPath})`,
            help: `the sandbox sees the host's PATH folders read-only, in that order, plus what the fetch phase installs in the workspace (node_modules/.bin through npm scripts); install ${tool} on the runner or add its folder to PATH${uninstalled ? ` — or, if ${tool} comes from the project's packages: ${uninstalled} is there but nothing installed it (no fetch ran; --fetch 'npm ci', the fetch input)` : ''}`,
            properties: { tool, path: sandboxPath.split(':') },
        });
    }
    if (kind !== 'fetch' && NETWORK_FAILURE.test(tail)) {
        const line = tail.split('\n').find((l) => NETWORK_FAILURE.test(l)) ?? '';
        out.push({
            rule: 'build/network-denied',
            severity: 'high',
            blocking: true,
            message: `the ${kind} tried to reach the network, which the sandbox does not have (only loopback): ${line.trim()}`,
            help: 'fetch every material in the fetch phase (--fetch / fetch-command, e.g. npm ci) from the lockfile; the build runs offline',
        });
    }
    return out;
}
/**
 * Findings of the per-phase source check. `outputs`: the declared output globs. A tracked file that the
 * build phase rewrites and that a declared output glob names is the project's committed copy of an
 * artefact (axios commits dist/): the build regenerates it, which is reported, not refused. Every other
 * change — any change in the fetch or test phase, a removal, a file no declared output names — is.
 * The catch-all default ("every file the build wrote") declares nothing.
 */
function integrityFindings(report, outputs = []) {
    const out = [];
    const list = (xs) => `${xs.slice(0, 20).join(', ')}${xs.length > 20 ? ', …' : ''}`;
    const declared = outputs.filter((g) => !/^(\*\*(\/\*)?|\*\*\/\*\*)$/.test(g.trim())).map((g) => (0,core_dist/* pathPattern */.s$)(g.trim()));
    for (const p of report.phases) {
        const buildPhase = p.phase === 'build' || p.phase === 'build-2';
        const regenerated = buildPhase ? p.changed.filter((f) => declared.some((d) => d.test(f))) : [];
        const changed = regenerated.length > 0 ? p.changed.filter((f) => !regenerated.includes(f)) : p.changed;
        if (regenerated.length > 0) {
            out.push({
                rule: 'build/regenerated-output',
                severity: 'low',
                blocking: false,
                message: `the ${p.phase} phase regenerated ${regenerated.length} tracked file(s) that are declared outputs: ${list(regenerated)}; the artefacts are the rebuilt files, which differ from the copies committed in ${report.commit.slice(0, 12)}`,
                help: 'commit the rebuilt files if the repository is meant to hold them, or stop tracking generated files',
                properties: { phase: p.phase, regenerated },
            });
        }
        const touched = [...changed, ...p.removed];
        if (touched.length > 0) {
            out.push({
                rule: 'build/source-modified',
                severity: 'high',
                blocking: true,
                message: `the ${p.phase} phase changed the source of commit ${report.commit.slice(0, 12)}: ${changed.length ? `changed ${list(changed)}` : ''}${changed.length && p.removed.length ? '; ' : ''}${p.removed.length ? `removed ${list(p.removed)}` : ''}`,
                help: buildPhase
                    ? 'a build must not rewrite tracked sources. If these are build outputs the repository also commits (a dist/ folder), declare them as outputs (--outputs "dist/**", the outputs input) and the rebuilt files become the artefacts; else generated files belong in untracked paths'
                    : 'a fetch or build must not rewrite tracked files: generated files belong in untracked paths (dist/, build/); commit the regenerated file if it is meant to change',
                properties: { phase: p.phase, changed, removed: p.removed },
            });
        }
        if (p.git.length > 0) {
            out.push({
                rule: 'build/git-modified',
                severity: 'high',
                blocking: true,
                message: `the ${p.phase} phase wrote under .git/: ${list(p.git)}`,
                help: p.git.includes('.git/config')
                    ? "nothing in a fetch or build may write git hooks, config or the index. A `prepare` script such as husky's (`husky install` sets core.hooksPath) is the usual cause: fetch with `npm ci --ignore-scripts`, or set HUSKY=0 for the fetch"
                    : 'nothing in a fetch or build may write git hooks, config or the index; find the script that did (e.g. an npm install script)',
                properties: { phase: p.phase, paths: p.git },
            });
        }
    }
    const h = report.host;
    const hostPaths = [...h.changed, ...h.added, ...h.removed].sort();
    if (hostPaths.length > 0) {
        out.push({
            rule: 'build/source-modified',
            severity: 'high',
            blocking: true,
            message: `the checkout changed on the host while the build ran (${hostPaths.length} path(s)): ${list(hostPaths)}`,
            help: 'nothing may write the checkout during a build; the outputs no longer describe one source',
            properties: { phase: 'host', ...h },
        });
    }
    return out;
}
async function build(options) {
    const logger = options.logger;
    const hostEnv = options.hostEnv ?? process.env;
    const hostPath = hostEnv.PATH ?? '/usr/local/bin:/usr/bin:/bin';
    if (options.command.length === 0)
        throw new core_dist/* ConfigurationError */.j1('no build command was given', { hint: 'secure-factory build [options] -- CMD [ARG...]' });
    options.outputs.forEach(checkGlob);
    if (options.outputs.length === 0)
        throw new core_dist/* ConfigurationError */.j1('no output globs were given', { hint: 'pass --outputs GLOB, e.g. "dist/**"' });
    const source = external_node_path_.resolve(options.source);
    const startedOn = new Date();
    const timings = {};
    let mark = external_node_perf_hooks_.performance.now();
    const lap = (name) => {
        const now = external_node_perf_hooks_.performance.now();
        timings[name] = Math.round(now - mark);
        mark = now;
    };
    // Isolation first: nothing runs if the build cannot be isolated.
    const tool = detectSandbox({ searchPath: hostPath, logger, ...options.sandbox });
    logger.info(`isolation: ${tool.kind} ${tool.version}${tool.note ? ` (${tool.note})` : ''}`);
    if (tool.kind !== 'bubblewrap')
        logger.warning(`WEAKER ISOLATION: this build ran under ${tool.kind}, not bubblewrap; the default production gate refuses it`);
    lap('detect');
    const src = readSourceInfo(source, hostEnv);
    const findings = [];
    if (src.dirty.length > 0) {
        findings.push({
            rule: 'build/uncommitted-source',
            severity: 'medium',
            blocking: false,
            message: `the source has uncommitted changes, so commit ${src.commit.slice(0, 12)} does not describe it exactly: ${src.dirty.slice(0, 10).join(', ')}${src.dirty.length > 10 ? ', …' : ''}`,
            help: 'build from a clean checkout',
        });
    }
    const defaultOut = external_node_path_.join(source, '.secure-factory', 'out');
    const outputDir = external_node_path_.resolve(options.outputDir ?? defaultOut);
    // Nothing the factory writes may follow a link it did not make (a committed `.secure-factory -> /`).
    await assertNoSymlinks(source, outputDir);
    await assertNoSymlinks(source, external_node_path_.resolve(options.evidence));
    const hostBefore = hostState(source);
    const ws = await createWorkspace(source, src.commit);
    lap('source');
    const layout = { source: SANDBOX_SOURCE, output: SANDBOX_OUTPUT, temp: SANDBOX_TEMP, home: SANDBOX_HOME };
    const base = { allow: options.env, hostEnv, sourceDateEpoch: src.commitTime, layout };
    // Host toolchains: PATH in its order, rustup's toolchains and the cargo home read-only; the caches live in the shared HOME.
    const hostHome = hostEnv.HOME ?? (0,external_node_os_.homedir)();
    const rustupHome = hostEnv.RUSTUP_HOME ?? external_node_path_.join(hostHome, '.rustup');
    const cargoHome = hostEnv.CARGO_HOME ?? external_node_path_.join(hostHome, '.cargo');
    const readOnly = [rustupHome, cargoHome, '/opt/hostedtoolcache'].filter((d) => (0,external_node_fs_.existsSync)(d));
    const toolEnv = {
        GIT_OPTIONAL_LOCKS: '0',
        CARGO_HOME: `${SANDBOX_HOME}/.cargo`,
        ...((0,external_node_fs_.existsSync)(rustupHome) ? { RUSTUP_HOME: rustupHome } : {}),
    };
    const offline = { CARGO_NET_OFFLINE: 'true', GOPROXY: 'off', npm_config_offline: 'true' };
    const buildEnv = sandboxEnvironment({ ...base, phase: 'build' });
    Object.assign(buildEnv.env, toolEnv, offline);
    const print = options.onOutput ?? ((chunk) => logger.info(chunk.replace(/\n$/, '')));
    const useProxy = options.fetchCommand !== undefined && options.network === 'fetch-only';
    const isolation = {
        tool: tool.kind,
        version: tool.version,
        ...(tool.note ? { note: tool.note } : {}),
        apparmor: tool.apparmor,
        network: { build: 'loopback-only', fetch: options.fetchCommand ? (useProxy ? 'egress-proxy' : 'loopback-only') : 'not-run' },
        source: 'copy-on-write',
        workspace: 'overlayfs',
        layout,
        namespaces: tool.kind === 'bubblewrap'
            ? ['user', 'mount', 'network', 'pid', 'ipc', 'uts', 'cgroup']
            : ['user', 'mount', 'network', 'pid', 'ipc', 'uts'],
        capabilities: 'none',
        environment: {
            allowList: [...options.env],
            passed: buildEnv.passed,
            fixed: {
                TZ: 'UTC',
                LC_ALL: 'C',
                SOURCE_DATE_EPOCH: String(src.commitTime),
                HOME: layout.home,
                SECURE_FACTORY_OUT: layout.output,
                ...toolEnv,
            },
        },
        timeoutMs: options.timeoutMs,
    };
    const result = {
        passed: false,
        subjects: [],
        isolation,
        reproducible: undefined,
        findings,
        outputDir,
        commit: src.commit,
        timings,
    };
    const phaseReports = [];
    const finish = () => {
        logger.debug(`timings (ms): ${JSON.stringify(timings)}`);
        result.passed = !findings.some((f) => f.blocking === true);
        return result;
    };
    const fail = (phase, r) => {
        result.failure ??= describeFailure(phase, r);
    };
    const common = { tool, ws, timeoutMs: options.timeoutMs, hostPath, readOnly, onOutput: print };
    try {
        // The lockfiles before anything runs: they key the fetch cache, decide the egress allow-list and go into the provenance.
        const deps = await lockfileDependencies(source);
        const commands = [options.fetchCommand ?? '', options.command.join(' '), options.testCommand ?? ''];
        const toolchains = usedToolchains(source, commands, {
            PATH: hostPath,
            HOME: hostHome,
            ...((0,external_node_fs_.existsSync)(rustupHome) ? { RUSTUP_HOME: rustupHome } : {}),
        });
        // 1. Fetch: the lockfile decides; the only way out is the egress proxy (fetch-only), or none at all.
        let fetched = false;
        if (options.fetchCommand) {
            const cacheDir = options.cache ? external_node_path_.resolve(options.cache.dir) : undefined;
            const prefix = cacheKeyPrefix(deps.lockfiles, options.fetchCommand);
            if (options.cache && cacheDir) {
                result.cache = await restoreFetchCache({ ...options.cache, dir: cacheDir }, prefix, logger);
                if (result.cache.verified === false) {
                    findings.push({
                        rule: 'build/cache-poisoned',
                        severity: 'high',
                        blocking: false,
                        message: `the restored fetch cache ${result.cache.matchedKey ?? ''} did not match the content digest recorded when it was saved; it was discarded and the fetch started clean`,
                        help: "someone or something altered the cache entry: find out who can write this repository's caches",
                    });
                }
            }
            let proxy;
            if (useProxy) {
                const npmrc = await projectNpmrc(source);
                isolation.egressAllow = egressAllowList(deps.lockfiles, deps.packages, options.networkAllow ?? [], hostEnv, npmrc);
                proxy = await startEgressProxy(isolation.egressAllow);
            }
            logger.info(`fetch: ${options.fetchCommand} (network: ${proxy ? `egress proxy to ${isolation.egressAllow?.join(', ') || 'no host'}` : 'none, loopback only'})`);
            const fetchEnv = sandboxEnvironment({ ...base, phase: 'fetch' });
            delete fetchEnv.env.SECURE_FACTORY_OUT;
            Object.assign(fetchEnv.env, toolEnv);
            let r;
            try {
                const ran = await runPhase({
                    ...common,
                    name: 'fetch',
                    fetched: false,
                    ...(cacheDir ? { cache: cacheDir } : {}),
                    ...(proxy ? { proxy } : {}),
                    argv: ['/bin/sh', '-c', options.fetchCommand],
                    env: fetchEnv.env,
                });
                r = ran.result;
                if (ran.integrity)
                    phaseReports.push(ran.integrity);
            }
            finally {
                if (proxy) {
                    result.egress = proxy.connections;
                    await proxy.close();
                }
            }
            fetched = true;
            for (const host of [...new Set((result.egress ?? []).filter((c) => !c.allowed).map((c) => `${c.host}:${c.port}`))]) {
                findings.push({
                    rule: 'build/egress-refused',
                    severity: 'high',
                    blocking: true,
                    message: `the fetch tried to reach ${host}, which is neither a registry of its lockfiles nor in build.network.allow; the proxy refused it`,
                    help: `if ${host.replace(/:\d+$/, '')} is a registry the project really uses, add it to build.network.allow in the policy`,
                    properties: { host },
                });
            }
            if (failed(r)) {
                fail('fetch', r);
                findings.push(...failureFindings('fetch', r, options.timeoutMs, hostPath));
                if (options.network === 'none' && NETWORK_FAILURE.test(r.stderrTail + r.stdoutTail)) {
                    findings.push({
                        rule: 'build/fetch-offline',
                        severity: 'high',
                        blocking: true,
                        message: 'the fetch command needed the network, and network is none (the fetch phase is offline too)',
                        help: 'set build.network: fetch-only in the policy (or --network fetch-only), or fetch from a local cache',
                    });
                }
                result.integrity = integrityReport(src.commit, ws.tracked.length, phaseReports, diffHostState(hostBefore, hostState(source)));
                findings.push(...integrityFindings(result.integrity, options.outputs));
                return finish();
            }
            if (options.cache && cacheDir && result.cache)
                await saveFetchCache({ ...options.cache, dir: cacheDir }, prefix, result.cache, logger);
        }
        lap('fetch');
        // 2. Build, in its own layer over the fetched workspace, offline.
        await freshDir(outputDir, outputDir === defaultOut);
        logger.info(`build: ${options.command.join(' ')}`);
        const buildInto = async (name, output) => {
            const ran = await runPhase({ ...common, name, fetched, output, argv: options.command, env: buildEnv.env });
            if (ran.integrity)
                phaseReports.push(ran.integrity);
            if (failed(ran.result))
                return { r: ran.result };
            await linkOutputs(layerDir(ws, name).upper, options.outputs, output);
            return { r: ran.result, outputs: await collectOutputs(output, options.outputs) };
        };
        const built = await buildInto('build', outputDir);
        lap('build');
        const buildOk = !failed(built.r);
        if (!buildOk) {
            fail('build', built.r);
            findings.push(...failureFindings('build', built.r, options.timeoutMs, hostPath, { source: options.source, fetched }));
        }
        const outputs = built.outputs ?? [];
        result.subjects = buildOk ? (await outputSubjects(outputDir, outputs, options.imageName)).subjects : [];
        lap('subjects');
        // 3. Tests: a layer of their own over the build's (they may write temp files in the project, never alter what was built).
        let test;
        if (buildOk && options.testCommand) {
            logger.info(`test: ${options.testCommand}`);
            const ran = await runPhase({
                ...common,
                name: 'test',
                fetched,
                output: outputDir,
                outputReadOnly: true,
                argv: ['/bin/sh', '-c', options.testCommand],
                env: buildEnv.env,
            });
            if (ran.integrity)
                phaseReports.push(ran.integrity);
            const t = ran.result;
            test = { command: options.testCommand, passed: !failed(t), exitCode: t.exitCode, timedOut: t.timedOut };
            if (!test.passed) {
                fail('test', t);
                findings.push(...failureFindings('test', t, options.timeoutMs, hostPath, { source: options.source, fetched }));
            }
        }
        lap('tests');
        // 4. Reproducibility: a second build from the same fetched state into a fresh folder; every digest compared.
        if (buildOk && options.reproducible) {
            const second = await (0,promises_.mkdtemp)(external_node_path_.join((0,external_node_os_.tmpdir)(), 'sf-build-second-'));
            try {
                logger.info('reproducibility: building a second time from the same fetched workspace');
                let b2 = { r: built.r };
                try {
                    b2 = await buildInto('build-2', second);
                }
                catch (e) {
                    if (!(e instanceof core_dist/* ConfigurationError */.j1 || e instanceof core_dist/* PolicyViolation */.oY))
                        throw e;
                }
                if (failed(b2.r)) {
                    fail('build-2', b2.r);
                    findings.push({
                        ...failureFindings('build', b2.r, options.timeoutMs, hostPath)[0],
                        message: `the second build failed: ${b2.r.exitCode ?? b2.r.signal ?? b2.r.setupError ?? 'timeout'}`,
                    });
                }
                const cmp = await compareOutputs(outputs, b2.outputs ?? []);
                result.reproducibility = cmp;
                result.reproducible = cmp.reproducible;
                if (!cmp.reproducible) {
                    const list = cmp.differences
                        .slice(0, 10)
                        .map((d) => d.onlyIn ? `${d.name} (only in the ${d.onlyIn} build)` : `${d.name} (first difference at byte ${d.firstDifferenceAt ?? '?'})`);
                    findings.push({
                        rule: 'build/not-reproducible',
                        severity: 'high',
                        blocking: true,
                        message: `the build is not reproducible: ${cmp.differences.length} of ${cmp.compared} output(s) differ between two builds: ${list.join(', ')}`,
                        help: 'remove timestamps and randomness (use SOURCE_DATE_EPOCH, sort file lists, fix archive mtimes)',
                        properties: { differences: cmp.differences },
                    });
                }
            }
            finally {
                await (0,promises_.rm)(second, { recursive: true, force: true }).catch(() => undefined);
            }
        }
        lap('reproducibility');
        result.integrity = integrityReport(src.commit, ws.tracked.length, phaseReports, diffHostState(hostBefore, hostState(source)));
        findings.push(...integrityFindings(result.integrity, options.outputs));
        result.toolchains = await toolchains;
        lap('integrity');
        if (!buildOk)
            return finish();
        // 5. Evidence.
        const run = readRunContext(hostEnv, source);
        const finishedOn = new Date();
        const evidence = new core_dist/* EvidenceFolder */.eA(options.evidence);
        const statement = provenanceStatement({
            subjects: result.subjects,
            source: src,
            run,
            externalParameters: {
                source: { uri: `${src.repositoryUri ?? 'git+file:source'}@${src.commit}`, digest: { gitCommit: src.commit } },
                command: [...options.command],
                outputs: [...options.outputs],
                network: options.network,
                ...(options.networkAllow?.length ? { networkAllow: [...options.networkAllow] } : {}),
                ...(options.fetchCommand ? { fetchCommand: options.fetchCommand } : {}),
                ...(options.testCommand ? { testCommand: options.testCommand } : {}),
                reproducible: options.reproducible,
                timeoutMs: options.timeoutMs,
                environment: recordedVariables(hostEnv, buildEnv.passed),
                ...(run.workflow ? { workflow: run.workflow } : {}),
                ...(run.workflowInputs ? { inputs: run.workflowInputs } : {}),
                ...(run.eventName ? { eventName: run.eventName } : {}),
            },
            internalParameters: {
                isolation,
                toolchains: result.toolchains,
                ...(result.cache ? { fetchCache: result.cache } : {}),
                ...(run.runner ? { runner: run.runner } : {}),
            },
            lockfiles: deps.lockfiles,
            packages: deps.packages,
            byproducts: {
                isolation: { tool: isolation.tool, version: isolation.version, workspace: isolation.workspace, network: isolation.network },
                integrity: result.integrity,
                toolchains: result.toolchains,
                ...(result.egress ? { egress: result.egress } : {}),
                ...(result.cache ? { fetchCache: result.cache } : {}),
                ...(result.reproducibility ? { reproducibility: result.reproducibility } : {}),
                ...(test ? { tests: { passed: test.passed, exitCode: test.exitCode, timedOut: test.timedOut } } : {}),
                ...(result.failure ? { failure: result.failure } : {}),
                findings: findings.map((f) => ({ rule: f.rule, severity: f.severity, blocking: f.blocking === true, message: f.message })),
            },
            startedOn,
            finishedOn,
        });
        result.provenancePath = await evidence.write('provenance', statement);
        if (test)
            result.testResultPath = await evidence.write('tests', testResultStatement(result.subjects, test, run));
        lap('evidence');
        logger.info(`provenance: ${result.provenancePath} (${result.subjects.length} subject(s), ${deps.packages.length} lockfile package(s))`);
        return finish();
    }
    finally {
        await removeWorkspace(ws);
    }
}
function integrityReport(commit, tracked, phases, host) {
    const seen = new Set();
    const changed = [];
    const removed = [];
    const git = [];
    for (const p of phases) {
        for (const x of p.changed)
            if (!seen.has(x) && seen.add(x))
                changed.push(x);
        for (const x of p.removed)
            if (!seen.has(x) && seen.add(x))
                removed.push(x);
        for (const x of p.git)
            if (!seen.has(x) && seen.add(x))
                git.push(x);
    }
    changed.push(...host.changed.filter((x) => !seen.has(x)));
    removed.push(...host.removed.filter((x) => !seen.has(x)));
    const added = [...host.added];
    return {
        unchanged: changed.length + removed.length + git.length + added.length === 0,
        commit,
        tracked,
        phases,
        host,
        changed: changed.sort(),
        added,
        removed: removed.sort(),
        git: git.sort(),
    };
}

;// CONCATENATED MODULE: ../packages/isolated-build/dist/settings.js
/** Build settings from the policy's `build` section and the inputs: an input may tighten the policy, never loosen it. */


const NETWORK_MODES = ['none', 'fetch-only'];
function parseNetwork(v, where = 'network') {
    if (NETWORK_MODES.includes(v))
        return v;
    throw new core_dist/* ConfigurationError */.j1(`${where} is "${v}"; allowed values: ${NETWORK_MODES.join(', ')}`);
}
/** `500ms`, `90s`, or core's `30m`/`2h`/`1d`. */
function parseTimeout(v) {
    const m = /^([0-9]+)(ms|s)$/.exec(v.trim());
    if (m)
        return Number(m[1]) * (m[2] === 's' ? 1000 : 1);
    return (0,core_dist/* parseDuration */.E9)(v, 'timeout');
}
function resolveSettings(policy, inputs) {
    const fromPolicy = policy.source.file !== core_dist/* DEFAULT_POLICY_SOURCE */.Rv;
    let network = policy.build.network;
    if (inputs.network !== undefined) {
        const asked = parseNetwork(inputs.network);
        if (fromPolicy && policy.build.network === 'none' && asked === 'fetch-only') {
            throw new core_dist/* ConfigurationError */.j1(`the policy requires build.network: none; the input asks for fetch-only`, {
                location: { file: policy.source.file },
                hint: 'change build.network in the policy file, or drop the network input',
            });
        }
        network = asked;
    }
    let timeoutMs = policy.build.timeoutMs;
    if (inputs.timeout !== undefined) {
        timeoutMs = typeof inputs.timeout === 'number' ? inputs.timeout : parseTimeout(inputs.timeout);
        if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
            throw new core_dist/* ConfigurationError */.j1(`timeout must be positive`);
    }
    return {
        network,
        networkAllow: [...new Set([...policy.build.networkAllow, ...(inputs.networkAllow ?? [])])],
        // The policy can require reproducibility; an input can only add the check.
        reproducible: policy.build.reproducible || inputs.reproducible === true,
        timeoutMs,
        env: validateAllowList([...policy.build.env, ...(inputs.env ?? [])]),
    };
}

;// CONCATENATED MODULE: ../packages/isolated-build/dist/stage.js
/** The one entry point the CLI and the action share: policy + inputs → settings → build. */




async function runBuildStage(i) {
    const source = external_node_path_.resolve(i.source ?? '.');
    const policy = await (0,core_dist/* loadPolicy */.tb)(i.policy, { dir: source });
    const settings = resolveSettings(policy, {
        network: i.network,
        networkAllow: i.networkAllow,
        reproducible: i.reproducible,
        timeout: i.timeout,
        env: i.env,
    });
    const result = await build({
        source,
        command: i.command,
        outputs: i.outputs,
        evidence: external_node_path_.resolve(i.evidence ?? external_node_path_.join(source, core_dist/* DEFAULT_EVIDENCE_DIR */.C$)),
        network: settings.network,
        networkAllow: settings.networkAllow,
        reproducible: settings.reproducible,
        timeoutMs: settings.timeoutMs,
        env: settings.env,
        fetchCommand: i.fetchCommand,
        testCommand: i.testCommand,
        outputDir: i.outputDir,
        imageName: i.imageName,
        cache: i.cache,
        logger: i.logger,
        ...(i.hostEnv ? { hostEnv: i.hostEnv } : {}),
        ...(i.sandbox ? { sandbox: i.sandbox } : {}),
        ...(i.onOutput ? { onOutput: i.onOutput } : {}),
    });
    return { ...result, policyFile: policy.source.file };
}

;// CONCATENATED MODULE: ../packages/isolated-build/dist/parallel-digest.js
/**
 * SHA-256 of many files on every core, for the build (outputs, the integrity watch). The pool itself is
 * core `hashFiles`, shared with attest and the gate; this keeps the build's digest-list signature.
 */


/** Kept for callers that pass a threshold; the pool now decides by file count (see core hashFiles). */
const PARALLEL_THRESHOLD = (/* unused pure expression or super */ null && (32 << 20));
async function sha256Files(files, threads = availableParallelism(), threshold = PARALLEL_THRESHOLD) {
    const total = files.reduce((n, f) => n + f.size, 0);
    // A small set in bytes and in count stays on this thread: starting workers costs more than it saves.
    const n = total < threshold && files.length < 64 ? 1 : threads;
    return (await hashFiles(files, { threads: n })).map((d) => d.sha256);
}

;// CONCATENATED MODULE: ../packages/isolated-build/dist/index.js

















// EXTERNAL MODULE: ../node_modules/@actions/cache/lib/cache.js + 340 modules
var cache = __webpack_require__(68309);
;// CONCATENATED MODULE: ../actions/hermetic-build/lib/fetch-cache-store.js
/** The fetch cache on GitHub's cache service, through @actions/cache (the stage package stays free of @actions/*). */

function actionsCacheStore() {
    return {
        restore: (dir, primaryKey, restoreKeys) => cache/* restoreCache */.P3([dir], primaryKey, restoreKeys),
        save: async (dir, key) => {
            const id = await cache/* saveCache */.Io([dir], key);
            // saveCache reports "not saved" (a reserved key, no service) as -1 rather than throwing.
            if (id === -1)
                throw new Error('the cache service did not save the entry');
        },
    };
}

;// CONCATENATED MODULE: ../actions/hermetic-build/lib/main.js






async function run(inputs) {
    const logger = (0,dist/* coreLogger */.Wj)();
    const source = external_node_path_.resolve(inputs.path);
    // A policy path the user chose is relative to the source and must exist; the default one is optional.
    const chosen = (0,core_dist/* policyFileInput */.vW)(inputs.policy);
    const policy = chosen === undefined ? undefined : external_node_path_.resolve(source, chosen);
    const r = await runBuildStage({
        source,
        command: ['/bin/sh', '-c', inputs.command],
        outputs: inputs.outputs,
        evidence: external_node_path_.resolve(inputs.evidence),
        policy,
        network: inputs.network,
        networkAllow: inputs.allowHosts,
        reproducible: inputs.reproducible ? true : undefined,
        timeout: inputs.timeoutMinutes !== undefined ? inputs.timeoutMinutes * 60_000 : undefined,
        env: inputs.env,
        fetchCommand: inputs.fetchCommand,
        testCommand: inputs.testCommand,
        imageName: inputs.imageName,
        // The fetch cache folder lives in the runner's temp, outside the workspace and the outputs.
        cache: inputs.cache
            ? { dir: external_node_path_.join(process.env.RUNNER_TEMP ?? external_node_os_.tmpdir(), 'secure-factory-fetch-cache'), store: actionsCacheStore() }
            : undefined,
        logger,
    });
    (0,dist/* setOutput */.uH)('subjects', JSON.stringify(r.subjects));
    (0,dist/* setOutput */.uH)('provenance-path', r.provenancePath ?? '');
    (0,dist/* setOutput */.uH)('reproducible', r.reproducible === undefined ? '' : String(r.reproducible));
    (0,dist/* annotate */.fz)(r.findings);
    await (0,dist/* writeSummary */.Sy)(summary(r, inputs.command));
    if (!r.passed) {
        const blocking = r.findings.filter((f) => f.blocking === true);
        throw new core_dist/* PolicyViolation */.oY(`the build failed: ${blocking.map((f) => f.rule).join(', ')}`, { hint: blocking[0]?.help });
    }
}
function summary(r, command) {
    const lines = [`## secure-factory hermetic-build: ${r.passed ? 'passed' : 'failed'} ${(0,core_dist/* stateIcon */.hZ)(r.passed ? 'passed' : 'failed')}`, ''];
    const iso = r.isolation;
    lines.push(`Command ${(0,core_dist/* code */.aY)(command)} ran in **${iso.tool} ${(0,core_dist.md)(iso.version)}** on a copy-on-write workspace of the checkout: network ${iso.network.build} (fetch: ${iso.network.fetch}), environment reduced to ${iso.environment.passed.length} allow-listed variable(s), timeout ${Math.round(iso.timeoutMs / 60_000)} min.`);
    if (iso.tool !== 'bubblewrap')
        lines.push('', `⚠️ **Weaker isolation: ${(0,core_dist.md)(iso.tool)}, not bubblewrap.** The default gate refuses this build. ${(0,core_dist.md)(iso.note ?? '')}`);
    else if (iso.note)
        lines.push('', `⚠️ ${(0,core_dist.md)(iso.note)}`);
    if (r.failure) {
        const f = r.failure;
        const status = f.setupError
            ? `sandbox setup failed: ${f.setupError}`
            : f.timedOut
                ? 'timed out'
                : f.signal
                    ? `killed by ${f.signal}`
                    : `exit code ${f.exitCode}`;
        lines.push('', `❌ **The ${f.phase} phase failed** (${(0,core_dist.md)(status)}). Last lines of its output:`, '', '```text', ...f.lastLines.map((l) => l.replace(/```/g, "'''")), '```');
    }
    lines.push('');
    if (r.integrity) {
        const i = r.integrity;
        lines.push(`Source integrity (${i.tracked} tracked file(s) of ${(0,core_dist/* code */.aY)(i.commit.slice(0, 12))} after ${i.phases.map((p) => p.phase).join(', ') || 'no phase'}): ${i.unchanged
            ? '✅ unchanged'
            : `❌ ${[...i.changed.map((p) => `changed ${(0,core_dist/* code */.aY)(p)}`), ...i.removed.map((p) => `removed ${(0,core_dist/* code */.aY)(p)}`), ...i.added.map((p) => `added ${(0,core_dist/* code */.aY)(p)}`), ...i.git.map((p) => `wrote ${(0,core_dist/* code */.aY)(p)}`)].slice(0, 20).join(', ')}`}`);
    }
    if (r.egress && r.egress.length > 0) {
        lines.push('', (0,core_dist/* table */.tp)(['fetch connection', 'allowed', 'bytes out / in'], r.egress.slice(0, 50).map((c) => [(0,core_dist/* code */.aY)(`${c.host}:${c.port}`), c.allowed ? '✅' : '❌ refused', `${c.bytesOut} / ${c.bytesIn}`])));
    }
    if (r.toolchains && r.toolchains.length > 0)
        lines.push('', `Toolchains: ${r.toolchains.map((t) => `${t.name} ${(0,core_dist.md)(t.version)}`).join(' · ')}`);
    if (r.reproducible !== undefined)
        lines.push(`Reproducible: ${r.reproducible ? '✅ identical outputs from two builds' : `❌ ${r.reproducibility?.differences.length ?? 0} output(s) differ`}`);
    if (r.subjects.length > 0) {
        lines.push('', (0,core_dist/* table */.tp)(['output', 'sha256'], r.subjects.slice(0, 100).map((s) => [(0,core_dist/* code */.aY)(s.name ?? ''), (0,core_dist/* code */.aY)(s.digest.sha256 ?? '')])));
        if (r.subjects.length > 100)
            lines.push(`_…and ${r.subjects.length - 100} more (see the provenance)._`);
    }
    if (r.cache) {
        const c = r.cache;
        const state = !c.restored
            ? 'miss'
            : c.verified
                ? '✅ restored, content digest verified'
                : '❌ restored entry failed its digest check and was discarded';
        lines.push(`Fetch cache: ${state}${c.savedKey ? `; saved ${(0,core_dist/* code */.aY)(c.savedKey)}` : ''}`);
    }
    if (r.provenancePath)
        lines.push('', `Provenance: ${(0,core_dist/* code */.aY)(r.provenancePath)}`);
    lines.push('', (0,core_dist/* findingsTable */.f9)(r.findings));
    return lines.join('\n');
}


/***/ })

};
