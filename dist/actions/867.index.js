export const id = 867;
export const ids = [867];
export const modules = {

/***/ 85867:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  m_: () => (/* reexport */ ImageValidator),
  eW: () => (/* reexport */ OsvApiSource),
  aq: () => (/* reexport */ REVIEW_MARKER),
  xZ: () => (/* reexport */ RULE),
  Co: () => (/* reexport */ RegistryMisbehaviour),
  Zy: () => (/* reexport */ compareVersions),
  nn: () => (/* reexport */ createImageRegistry),
  Hn: () => (/* reexport */ createRegistryClient),
  Bm: () => (/* reexport */ formatFor),
  NM: () => (/* reexport */ openOfflineDatabase),
  AK: () => (/* reexport */ osvPackageRef),
  d_: () => (/* reexport */ packagesFromSbom),
  gE: () => (/* reexport */ parseLockfileArgument),
  GQ: () => (/* reexport */ readLockfile),
  I$: () => (/* reexport */ readOciLayout),
  o2: () => (/* reexport */ reviewChanges),
  Wq: () => (/* reexport */ reviewMarkdown),
  SQ: () => (/* reexport */ scan),
  pM: () => (/* reexport */ scanSarif),
  yK: () => (/* reexport */ scanSummary)
});

// UNUSED EXPORTS: APK_INSTALLED, DEFAULT_FILE_LIMITS, DEFAULT_IMAGE_LIMITS, DEFAULT_REGISTRY, DPKG_STATUS, DPKG_STATUS_DIR, IMAGE_UNSCANNED, IMAGE_UNVALIDATED, IMAGE_VALIDATION_PROPERTY, ImageFiles, ImagePackageReader, LOCKFILE_FORMATS, LayerRefused, LayerUnreadable, MANIFEST_NAMES, MATERIALS_RULES, MAX_LAYOUT_BLOB_BYTES, MAX_LOCKFILE_BYTES, MAX_MANIFEST_BYTES, MEDIA, OS_RELEASE_PATHS, OfflineDatabase, RPM_OTHER_PATHS, RPM_SQLITE_PATHS, RegistryError, SEVERITY_RANK, SKIPPED_DIRS, SUPPRESSION_FILES, actionPackage, applyLayer, attachSigstoreBundle, buildCycloneDx, buildSpdx, canonicalEcosystem, checkLicense, collectMaterials, comparatorFor, cvssScore, decompressLayer, dependencyScope, discover, distributionFromFilename, distroFromPurlQualifier, distroOf, dockerConfigCredentials, dockerfileImages, ecosystemCovers, evaluate, evaluateMaterials, formatById, gitCommitOf, ignoreMatcher, imageComponentPackages, imageContentRef, imageDescriptor, imageLocation, imagePackage, imageReadError, imageValidationProperties, isAffected, isBareReference, isManifest, isMaterialFile, isOsvRecord, isSpdxExpression, loadSqlite, lockfilesFor, looksLikeKubernetes, makePackage, makePurl, materialsSubjects, mergeHits, normalisePackageName, normalizePythonName, osPackageFromPurl, osPackagePurl, osvQuery, packageIdentity, packageJson, packageKey, parseApkInstalled, parseChallenge, parseDpkgStatus, parseEcosystem, parseImageRef, parseOsRelease, parseRpmHeader, parseRpmSqlite, purlType, pushImageName, pushOciLayout, pythonPackage, rangeContains, readLayoutBlob, readManifest, readSbomContents, recordProblems, recordSeverity, referrersTag, registryBase, resolveTrust, sbomKind, scanJson, scanText, severityFromScore, uniqueByPurl, walkTar, wantedLimit, yamlMaterials

// EXTERNAL MODULE: ../node_modules/packageurl-js/index.js
var packageurl_js = __webpack_require__(98141);
// EXTERNAL MODULE: ../packages/core/dist/index.js + 30 modules
var dist = __webpack_require__(81915);
;// CONCATENATED MODULE: ../packages/materials/dist/lockfiles/lockfile-error.js
/**
 * Errors and limits shared by the lockfile parsers: a lockfile that cannot be read is a
 * ConfigurationError naming the file (and line when known), never a crash and never a silent pass.
 */

/** Lockfiles larger than this are refused before parsing (a hostile input must not exhaust memory). */
const MAX_LOCKFILE_BYTES = 100 * 1024 * 1024;
function lockfileError(file, message, line, hint) {
    return new dist/* ConfigurationError */.j1(message, {
        location: line === undefined ? { file } : { file, line },
        hint: hint ?? 'regenerate the lockfile with its package manager, or remove it from the scanned tree',
    });
}
// C0/C1 controls, DEL, bidi overrides and zero-width characters: never part of a real package name,
// and dangerous in a terminal, a job summary or an annotation.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
// Half of a UTF-16 pair: no UTF-8 file holds one, but a JSON escape (`"\ud800"`) makes one, and it cannot be
// encoded into a purl, a URL or UTF-8 output.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// No ecosystem allows whitespace, quotes, brackets or markup in a package name; such a name is an attack
// on whatever renders it (a terminal, a job summary, a SARIF viewer), not a package.
const NOT_IN_NAMES = /[\s<>[\]()`|\\"'{}]/;
/**
 * Refuses a package name or version carrying control characters (and names with markup characters).
 * `hint` replaces the lockfile hint for other package lists (an image's package database).
 */
function checkText(file, what, value, line, hint) {
    if (/name|path/.test(what) && NOT_IN_NAMES.test(value)) {
        throw lockfileError(file, `${what} ${JSON.stringify(value.slice(0, 80))} contains characters no package name may hold`, line, hint);
    }
    if (CONTROL.test(value) || LONE_SURROGATE.test(value)) {
        throw lockfileError(file, `${what} ${JSON.stringify(value.slice(0, 80))} contains control or invisible characters`, line, hint);
    }
    if (value.length > 512)
        throw lockfileError(file, `${what} is ${value.length} characters long (over 512)`, line, hint);
}
/**
 * A lockfile version newer than the known ones: read with a warning when its shape is the one known
 * (package managers bump the number for changes a scanner does not depend on, as Yarn 4 did with 9
 * and 10), refused otherwise.
 */
function newerVersion(input, what, version, known, shapeKnown, hint) {
    if (!shapeKnown)
        throw lockfileError(input.file, `unknown ${what} ${JSON.stringify(version)} (known: ${known})`, undefined, hint);
    input.options.warn?.(`${what} ${JSON.stringify(version)} is newer than the versions known (${known}); read as the newest known shape`);
}
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function optString(file, obj, key, where) {
    const v = obj[key];
    if (v === undefined || v === null)
        return undefined;
    if (typeof v !== 'string')
        throw lockfileError(file, `${where}: "${key}" must be a string, not ${typeName(v)}`);
    return v;
}
function typeName(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'an array';
    return `a ${typeof v}`;
}
/** 1-based line of the first occurrence of `needle` at or after `from`, or undefined. */
class LineIndex {
    text;
    starts = [0];
    constructor(text) {
        this.text = text;
        for (let i = 0; i < text.length; i++)
            if (text.charCodeAt(i) === 10)
                this.starts.push(i + 1);
    }
    lineAt(offset) {
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if ((this.starts[mid] ?? 0) <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo + 1;
    }
    find(needle, from = 0) {
        const i = this.text.indexOf(needle, from);
        return i < 0 ? undefined : this.lineAt(i);
    }
}

;// CONCATENATED MODULE: ../packages/materials/dist/package.js
/**
 * The one shape every material takes once parsed: lockfile packages, actions and images alike, named
 * with OSV ecosystem names and a purl, so SBOMs, vulnerability matching and policy read one list.
 */


const PURL_TYPE = {
    npm: 'npm',
    PyPI: 'pypi',
    Go: 'golang',
    'crates.io': 'cargo',
    RubyGems: 'gem',
    Packagist: 'composer',
    'GitHub Actions': 'githubactions',
    Docker: 'docker',
    Debian: 'deb',
    Ubuntu: 'deb',
    Alpine: 'apk',
    Wolfi: 'apk',
    Chainguard: 'apk',
    'Red Hat': 'rpm',
    'Rocky Linux': 'rpm',
    AlmaLinux: 'rpm',
    SUSE: 'rpm',
    openSUSE: 'rpm',
    Mageia: 'rpm',
    openEuler: 'rpm',
    'Photon OS': 'rpm',
};
function purlType(ecosystem) {
    return PURL_TYPE[ecosystem];
}
/** PEP 503 normalised name, as PyPI and the pypi purl type want it. */
function normalizePythonName(name) {
    return name.toLowerCase().replace(/[-_.]+/g, '-');
}
/** Builds the purl of a package (namespace split as each purl type specifies). */
function makePurl(ecosystem, name, version, qualifiers) {
    const type = PURL_TYPE[ecosystem];
    let namespace;
    let base = name;
    switch (ecosystem) {
        case 'npm':
            if (name.startsWith('@') && name.includes('/')) {
                namespace = name.slice(0, name.indexOf('/'));
                base = name.slice(name.indexOf('/') + 1);
            }
            break;
        case 'Go':
        case 'Packagist':
        case 'GitHub Actions':
        case 'Docker': {
            const i = name.lastIndexOf('/');
            if (i > 0) {
                namespace = name.slice(0, i);
                base = name.slice(i + 1);
            }
            break;
        }
        case 'PyPI':
            base = normalizePythonName(name);
            break;
        default:
            break;
    }
    if (ecosystem === 'Packagist' || ecosystem === 'GitHub Actions') {
        namespace = namespace?.toLowerCase();
        base = base.toLowerCase();
    }
    try {
        return new packageurl_js.PackageURL(type, namespace, base, version === '' ? undefined : version, qualifiers, undefined).toString();
    }
    catch {
        // A name the purl spec cannot hold (already refused by the parsers' name check); keep a readable id.
        // Lone surrogates (from a JSON escape) would make encodeURIComponent throw: shown as U+FFFD.
        const encode = (t) => encodeURIComponent(t.replace(new RegExp(LONE_SURROGATE.source, 'g'), '\ufffd'));
        return `pkg:${type}/${encode(name)}${version ? `@${encode(version)}` : ''}`;
    }
}
/** A Package with its purl; optional fields left out when unknown (so JSON stays small). */
function makePackage(init) {
    const pkg = {
        ecosystem: init.ecosystem,
        name: init.name,
        version: init.version,
        purl: makePurl(init.ecosystem, init.name, init.version),
        groups: [...new Set(init.groups ?? [])].sort(),
        direct: init.direct,
        sourceFile: init.sourceFile,
    };
    if (init.line !== undefined)
        pkg.line = init.line;
    if (init.integrity && Object.keys(init.integrity).length > 0)
        pkg.integrity = init.integrity;
    if (init.resolved)
        pkg.resolved = init.resolved;
    if (init.kind)
        pkg.kind = init.kind;
    if (init.commit)
        pkg.commit = init.commit;
    if (init.licenses && init.licenses.length > 0)
        pkg.licenses = init.licenses;
    if (init.unpinned)
        pkg.unpinned = init.unpinned;
    if (init.declared !== undefined)
        pkg.declared = init.declared;
    return pkg;
}
/**
 * What OSV is asked about a package: its own ecosystem, name and version, or for a package inside an
 * image what its distribution's records name (`Debian:12`, the source package); undefined when it
 * cannot be matched (an image's package from a distribution OSV has no ecosystem for).
 */
function osvPackageRef(p) {
    if (p.image)
        return p.image.osv;
    return { ecosystem: p.ecosystem, name: p.name, version: p.version };
}
/** `name@version` within an ecosystem: the identity used to merge and compare package sets. */
function packageIdentity(p) {
    return `${p.ecosystem}\u0000${p.name}\u0000${p.version}`;
}
/** A package as `secure-factory scan --json` prints it (snake_case per the CLI contract); CEL rules see the same shape. */
function package_packageJson(p) {
    return {
        ecosystem: p.ecosystem,
        name: p.name,
        version: p.version,
        purl: p.purl,
        groups: p.groups,
        direct: p.direct ?? null,
        source_file: p.sourceFile,
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ../node_modules/json5/lib/index.js
var lib = __webpack_require__(59491);
;// CONCATENATED MODULE: ../packages/materials/dist/lockfiles/npm-source.js
/** What the JavaScript lockfiles share: commit pins in git URLs, SRI integrity strings, source kinds. */

// The forms npm, yarn, pnpm and bun write for git dependencies (same cases osv-scalibr recognises).
const COMMIT_PATTERNS = [
    /(?:^|.+@)(?:git(?:\+(?:ssh|https))?|ssh):\/\/.+#(\w+)$/,
    /(?:^|.+@)https:\/\/.+\.git#(\w+)$/,
    /https:\/\/codeload\.github\.com(?:\/[\w.-]+){2}\/tar\.gz\/(\w+)$/,
    /.+#commit[:=](\w+)$/,
    /^(?:github|gitlab|bitbucket):.+#(\w+)$/,
];
const GIT_HOSTS = new Set(['bitbucket.org', 'github.com', 'gitlab.com']);
/** The commit a git dependency is pinned to, or "" when the reference names none. */
function commitFromReference(ref) {
    if (!ref)
        return '';
    // Every pattern needs a "#" or codeload's host: registry tarball URLs (nearly all) skip the regexes,
    // whose leading `.+` costs a scan per position on a long URL.
    if (ref.includes('#') || ref.includes('codeload.github.com'))
        for (const re of COMMIT_PATTERNS) {
            const m = re.exec(ref);
            if (m?.[1])
                return m[1];
        }
    // Parsing every registry tarball URL is costly on large lockfiles: only the git hosts matter here.
    if (!/^[a-z+]+:\/\/(?:[^/@]*@)?(?:github\.com|gitlab\.com|bitbucket\.org)(?:[/:?#]|$)/i.test(ref))
        return '';
    let u;
    try {
        u = new URL(ref);
    }
    catch {
        return '';
    }
    if (!GIT_HOSTS.has(u.host))
        return '';
    const r = u.searchParams.get('ref');
    if (r)
        return r;
    return u.hash.replace(/^#/, '');
}
/** Parses an SRI string (`sha512-<base64> sha1-<base64>`) into hex digests by algorithm. */
function parseSri(sri) {
    if (!sri)
        return undefined;
    const out = {};
    for (const part of sri.trim().split(/\s+/)) {
        const m = /^(sha512|sha384|sha256|sha1)-([A-Za-z0-9+/=]+)$/.exec(part);
        if (!m?.[1] || !m[2])
            continue;
        const alg = m[1];
        out[alg] = Buffer.from(m[2], 'base64').toString('hex');
    }
    return Object.keys(out).length > 0 ? out : undefined;
}
/** Classifies where a JavaScript package comes from, by its resolved URL or version specifier. */
function jsSourceKind(resolved, version) {
    const ref = resolved ?? version ?? '';
    if (/^(?:git\+|git:|ssh:|github:|gitlab:|bitbucket:)/.test(ref) || commitFromReference(ref) !== '')
        return 'git';
    if (/^(?:file:|\.{0,2}\/)/.test(ref))
        return 'file';
    if (/^link:/.test(ref) || /^(?:workspace|portal):/.test(ref))
        return 'link';
    if (/^https?:\/\//.test(ref))
        return /\/-\/[^/]+\.tgz(?:[?#].*)?$/.test(ref) ? 'registry' : 'http';
    return 'registry';
}
/**
 * The package and version a registry tarball URL names — `…/lodash/-/lodash-4.17.21.tgz`,
 * `…/@babel/core/-/core-7.0.0.tgz` (npmjs, yarnpkg, Artifactory, Verdaccio and most mirrors use this
 * layout) — or undefined for any other URL (git, file, a registry of another shape).
 */
function registryTarball(url) {
    const end = url.search(/[?#]/);
    const segs = (end >= 0 ? url.slice(0, end) : url).split('/');
    const n = segs.length;
    const fileName = segs[n - 1] ?? '';
    if (n < 4 || segs[n - 2] !== '-' || !fileName.endsWith('.tgz'))
        return undefined;
    let dir = segs[n - 3] ?? '';
    let scope = segs[n - 4] ?? '';
    try {
        dir = decodeURIComponent(dir);
        scope = decodeURIComponent(scope);
    }
    catch {
        return undefined;
    }
    // `@scope/name` as two segments, or one encoded segment `@scope%2fname`.
    const name = dir.startsWith('@') ? dir : scope.startsWith('@') ? `${scope}/${dir}` : dir;
    const base = name.slice(name.lastIndexOf('/') + 1);
    const stem = fileName.slice(0, -'.tgz'.length);
    if (!stem.startsWith(`${base}-`))
        return { name, version: '' };
    return { name, version: stem.slice(base.length + 1) };
}
/**
 * Refuses a lockfile entry whose registry tarball names another package or version than the entry: the
 * package manager installs the tarball (its integrity is the tarball's), so a scan of the entry's name and
 * version would check a package that is not installed — the shape of a tampered lockfile.
 */
function tarballDisagreement(name, version, resolved) {
    if (!resolved || !version)
        return undefined;
    const t = registryTarball(resolved);
    if (!t)
        return undefined;
    if (t.name === name && t.version === version)
        return undefined;
    // Quoted from the lockfile: one line, controls visible, bounded.
    const shown = (0,dist/* safeInlineBounded */.oW)(resolved, 160);
    const tarball = (0,dist/* safeInlineBounded */.oW)(`${t.name}${t.version ? `@${t.version}` : ' (of another file name)'}`, 120);
    return `${name}@${version} is installed from ${shown}, the tarball of ${tarball}: the package manager installs that, not what the scan would check`;
}
const TARBALL_HINT = 'regenerate the lockfile with the package manager (npm install, yarn, pnpm install); a lockfile whose entries disagree with their tarballs may have been tampered with';

;// CONCATENATED MODULE: ../packages/materials/dist/lockfiles/bun-lock.js
/**
 * bun.lock, bun's text lockfile: JSON with trailing commas (read with json5). Each entry of `packages`
 * is a tuple whose first element is `name@version` (or `name@github:owner/repo#commit`).
 */




function parseBunLock(input) {
    const { file, text } = input;
    let doc;
    try {
        doc = lib.parse(text);
    }
    catch (e) {
        const m = /at (\d+):(\d+)/.exec(e instanceof Error ? e.message : '');
        throw lockfileError(file, `not a valid bun.lock: ${e instanceof Error ? e.message : String(e)}`, m ? Number(m[1]) : undefined);
    }
    if (!isRecord(doc))
        throw lockfileError(file, `a bun.lock must hold an object, not ${typeName(doc)}`);
    if (doc.lockfileVersion !== undefined && doc.lockfileVersion !== 0 && doc.lockfileVersion !== 1) {
        const v = doc.lockfileVersion;
        newerVersion(input, 'bun lockfileVersion', v, '0, 1', typeof v === 'number' && Number.isInteger(v) && v > 1, 'update secure-factory');
    }
    if (doc.packages === undefined)
        return [];
    if (!isRecord(doc.packages))
        throw lockfileError(file, `"packages" must be an object, not ${typeName(doc.packages)}`);
    const declared = new Set();
    if (isRecord(doc.workspaces)) {
        for (const ws of Object.values(doc.workspaces)) {
            if (!isRecord(ws))
                continue;
            for (const k of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
                const d = ws[k];
                if (isRecord(d))
                    for (const n of Object.keys(d))
                        declared.add(n);
            }
        }
    }
    const lines = new LineIndex(text);
    let cursor = 0;
    const out = [];
    const errors = [];
    let errorLine;
    for (const [key, tuple] of Object.entries(doc.packages)) {
        const at = text.indexOf(`${JSON.stringify(key)}:`, cursor);
        const line = at >= 0 ? lines.lineAt(at) : undefined;
        if (at >= 0)
            cursor = at + 1;
        const spec = Array.isArray(tuple) ? tuple[0] : undefined;
        if (typeof spec !== 'string') {
            errors.push(`could not extract '${key}': ${Array.isArray(tuple) ? (tuple.length === 0 ? 'empty package tuple' : 'the first element of the package tuple is not a string') : `the entry is ${typeName(tuple)}, not a tuple`}`);
            errorLine ??= line;
            continue;
        }
        const scoped = spec.startsWith('@');
        const body = scoped ? spec.slice(1) : spec;
        const i = body.indexOf('@');
        const name = (scoped ? '@' : '') + (i < 0 ? body : body.slice(0, i));
        const ref = i < 0 ? '' : body.slice(i + 1);
        const hash = ref.indexOf('#');
        let version = hash < 0 ? ref : ref.slice(0, hash);
        const commit = hash < 0 ? '' : ref.slice(hash + 1);
        // bun.lock records either a commit or a version, never both.
        if (commit !== '')
            version = '';
        // A file dependency records no version (workspace: and link: references are kept as written, as osv-scalibr does).
        if (version.startsWith('file:'))
            version = '';
        checkText(file, 'package name', name, line);
        checkText(file, 'version', version, line);
        const integrity = Array.isArray(tuple) && typeof tuple[3] === 'string' ? tuple[3] : undefined;
        const resolvedUrl = Array.isArray(tuple) && typeof tuple[1] === 'string' && tuple[1] !== '' ? tuple[1] : undefined;
        const kind = commit !== ''
            ? 'git'
            : /^(?:file|workspace|link):/.test(ref)
                ? ref.startsWith('file:')
                    ? 'file'
                    : 'link'
                : jsSourceKind(resolvedUrl, ref);
        out.push(makePackage({
            ecosystem: 'npm',
            name,
            version,
            sourceFile: file,
            direct: declared.size > 0 ? !key.includes('/', scoped ? key.indexOf('/') + 1 : 0) && declared.has(key) : undefined,
            line,
            integrity: parseSri(integrity),
            resolved: resolvedUrl ?? (commit !== '' ? ref : undefined),
            kind,
            commit,
        }));
    }
    if (errors.length > 0)
        throw lockfileError(file, errors.join('; '), errorLine);
    return out;
}

// EXTERNAL MODULE: ../node_modules/smol-toml/dist/index.js + 8 modules
var smol_toml_dist = __webpack_require__(91746);
;// CONCATENATED MODULE: ../packages/materials/dist/lockfiles/toml-document.js
/** TOML lockfiles (Cargo, Poetry, uv) parsed with smol-toml; errors at file:line. */


function parseToml(file, text) {
    let doc;
    try {
        doc = (0,smol_toml_dist/* parse */.qg)(text);
    }
    catch (e) {
        const line = e instanceof smol_toml_dist/* TomlError */.zx ? e.line : undefined;
        const msg = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
        throw lockfileError(file, `not valid TOML: ${msg}`, line);
    }
    if (!isRecord(doc))
        throw lockfileError(file, `expected a TOML table, not ${typeName(doc)}`);
    return doc;
}
/** `[[package]]` tables as an array of records, with a clear error for anything else. */
function packageTables(file, doc) {
    const p = doc.package;
    if (p === undefined)
        return [];
    if (!Array.isArray(p))
        throw lockfileError(file, `"package" must be an array of tables ([[package]]), not ${typeName(p)}`);
    return p.map((t, i) => {
        if (!isRecord(t))
            throw lockfileError(file, `package #${i + 1} must be a table, not ${typeName(t)}`);
        return t;
    });
}
/** Line of the `name = ` key of each `[[package]]` table, in order. */
function packageNameLines(text) {
    const lines = new LineIndex(text);
    const out = [];
    const re = /^\s*\[\[package\]\]\s*$/gm;
    for (let m = re.exec(text); m; m = re.exec(text)) {
        const after = m.index + m[0].length;
        const nameAt = text.slice(after).search(/^\s*name\s*=/m);
        out.push(lines.lineAt(nameAt >= 0 ? after + nameAt + 1 : m.index));
    }
    return out;
}
function str(file, t, key, where, line) {
    const v = t[key];
    if (v === undefined)
        return undefined;
    if (typeof v !== 'string')
        throw lockfileError(file, `${where}: "${key}" must be a string, not ${typeName(v)}`, line);
    return v;
}

;// CONCATENATED MODULE: ../packages/materials/dist/lockfiles/cargo-lock.js
/** Cargo.lock (versions 1 to 4): one `[[package]]` table per crate; `source` says registry or git. */



function parseCargoLock(input) {
    const { file, text } = input;
    const doc = parseToml(file, text);
    if (doc.version !== undefined && ![1, 2, 3, 4].includes(Number(doc.version))) {
        const v = Number(doc.version);
        newerVersion(input, 'Cargo.lock version', doc.version, '1 to 4', Number.isInteger(v) && v > 4, 'update secure-factory');
    }
    const lines = packageNameLines(text);
    const tables = packageTables(file, doc);
    // The workspace's own crates (no source) name the direct dependencies: `name`, `name version` or `name version (source)`.
    const direct = new Set();
    for (const t of tables) {
        if (t.source !== undefined || !Array.isArray(t.dependencies))
            continue;
        for (const d of t.dependencies)
            if (typeof d === 'string')
                direct.add(d.split(' ').slice(0, 2).join(' '));
    }
    const isDirect = (name, version) => direct.has(name) || direct.has(`${name} ${version}`);
    return tables.flatMap((t, i) => {
        const line = lines[i];
        const where = `package #${i + 1}`;
        const name = str(file, t, 'name', where, line);
        const version = str(file, t, 'version', where, line);
        if (!name || version === undefined)
            throw lockfileError(file, `${where} has no name or version`, line);
        checkText(file, 'crate name', name, line);
        checkText(file, 'version', version, line);
        const source = str(file, t, 'source', where, line);
        // No source: a crate of this workspace, not a dependency.
        if (source === undefined)
            return [];
        const checksum = str(file, t, 'checksum', where, line);
        const git = source.startsWith('git+');
        const commit = git ? (/#([0-9a-f]{40})$/.exec(source)?.[1] ?? '') : '';
        return [
            makePackage({
                ecosystem: 'crates.io',
                name,
                version,
                sourceFile: file,
                direct: direct.size > 0 ? isDirect(name, version) : undefined,
                line,
                integrity: checksum && /^[0-9a-f]{64}$/.test(checksum) ? { sha256: checksum } : undefined,
                resolved: source,
                kind: git ? 'git' : source.startsWith('registry+') || source.startsWith('sparse+') ? 'registry' : 'http',
                commit,
            }),
        ];
    });
}

;// CONCATENATED MODULE: ../packages/materials/dist/lockfiles/composer-lock.js
/** composer.lock: `packages` (production) and `packages-dev`; the git reference is the commit. */


function parseComposerLock(input) {
    const { file, text } = input;
    const doc = input.json();
    if (!isRecord(doc))
        throw lockfileError(file, `a composer.lock must hold a JSON object, not ${typeName(doc)}`);
    const lines = new LineIndex(text);
    const out = [];
    for (const section of ['packages', 'packages-dev']) {
        const list = doc[section];
        if (list === undefined || list === null)
            continue;
        if (!Array.isArray(list))
            throw lockfileError(file, `"${section}" must be an array, not ${typeName(list)}`);
        let cursor = Math.max(text.indexOf(`"${section}"`), 0);
        list.forEach((entry, i) => {
            if (!isRecord(entry))
                throw lockfileError(file, `${section}[${i}] must be an object, not ${typeName(entry)}`);
            const { name, version } = entry;
            if (typeof name !== 'string' || typeof version !== 'string') {
                throw lockfileError(file, `${section}[${i}] needs a string "name" and "version"`);
            }
            const at = text.indexOf(`"name": ${JSON.stringify(name)}`, cursor);
            const line = at >= 0 ? lines.lineAt(at) : undefined;
            if (at >= 0)
                cursor = at + 1;
            checkText(file, 'package name', name, line);
            checkText(file, 'version', version, line);
            const source = isRecord(entry.source) ? entry.source : {};
            const dist = isRecord(entry.dist) ? entry.dist : {};
            // The reference is a commit for git sources and zip dists of GitHub; some repositories use a tag name instead.
            const reference = [source.reference, dist.reference].find((r) => typeof r === 'string' && /^[0-9a-f]{7,40}$/.test(r));
            const commit = reference ?? '';
            const shasum = typeof dist.shasum === 'string' && /^[0-9a-f]{40}$/.test(dist.shasum) ? dist.shasum : undefined;
            const licenses = Array.isArray(entry.license) ? entry.license.filter((l) => typeof l === 'string') : [];
            const distUrl = typeof dist.url === 'string' ? dist.url : undefined;
            out.push(makePackage({
                ecosystem: 'Packagist',
                name,
                version,
                sourceFile: file,
                groups: section === 'packages-dev' ? ['dev'] : [],
                line,
                integrity: shasum ? { sha1: shasum } : undefined,
                resolved: distUrl ?? (typeof source.url === 'string' ? source.url : undefined),
                kind: dist.type === 'path' || source.type === 'path' ? 'file' : 'registry',
                commit,
                // Several licences in composer.json mean the user may choose one (composer's own semantics).
                licenses: licenses.length > 1 ? [licenses.map((l) => `(${l})`).join(' OR ')] : licenses,
            }));
        });
    }
    return out;
}

;// CONCATENATED MODULE: ../packages/materials/dist/lockfiles/gemfile-lock.js
/**
 * Gemfile.lock: sections GEM, GIT and PATH each list `specs:` with gems at four spaces of indent
 * (`name (version[-platform])`); their own dependencies are indented six. Gems under PATH are local.
 */


const SOURCES = new Set(['GEM', 'GIT', 'PATH', 'PLUGIN SOURCE']);
/** RubyGems' version pattern (Gem::Version::ANCHORED_VERSION_PATTERN), with Bundler's `-platform` suffix. */
const GEM_VERSION = /^[0-9]+(?:\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z_.-]+)?$/;
const GEM_HINT = 'regenerate it with `bundle lock`, or exclude the file with materials.ignore';
function parseGemfileLock(input) {
    const { file, text } = input;
    const out = [];
    const declared = new Set();
    const checksums = new Map();
    let section = '';
    let revision = '';
    let remote = '';
    let inSpecs = false;
    const pending = [];
    const lines = text.split(/\r?\n/);
    lines.forEach((raw, i) => {
        const line = i + 1;
        if (raw.trim() === '')
            return;
        if (!raw.startsWith(' ')) {
            section = raw.trim();
            revision = '';
            remote = '';
            inSpecs = false;
            return;
        }
        if (section === 'CHECKSUMS') {
            // Bundler 2.5+: `  name (version[-platform]) sha256=<hex>`.
            const c = /^ {2}(\S+) \(([^)]+)\) sha256=([0-9a-f]{64})$/.exec(raw);
            if (c?.[1] && c[2] && c[3])
                checksums.set(`${c[1]}@${c[2].split('-')[0] ?? c[2]}`, c[3]);
            return;
        }
        if (section === 'DEPENDENCIES') {
            const m = /^ {2}(\S+?)(?:!)?(?: \(.*\))?$/.exec(raw);
            if (m?.[1])
                declared.add(m[1].replace(/!$/, ''));
            return;
        }
        if (!SOURCES.has(section))
            return;
        const kv = /^ {2}(\w+):\s*(.*)$/.exec(raw);
        if (kv) {
            if (kv[1] === 'revision')
                revision = kv[2] ?? '';
            if (kv[1] === 'remote' && remote === '')
                remote = kv[2] ?? '';
            inSpecs = kv[1] === 'specs';
            return;
        }
        if (!inSpecs)
            return;
        const spec = /^ {4}([^\s(]+) \(([^)]+)\)$/.exec(raw);
        if (!spec?.[1] || !spec[2]) {
            // Six spaces: a gem's own dependency. Four: a gem Bundler would install — one that is not
            // `name (version)` must not be skipped (the scan would pass without it).
            if (/^ {4}\S/.test(raw))
                throw lockfileError(file, 'a gem under specs: must be `name (version)`', line, GEM_HINT);
            return;
        }
        if (!GEM_VERSION.test(spec[2])) {
            throw lockfileError(file, `${JSON.stringify(spec[2].slice(0, 60))} is not a gem version`, line, GEM_HINT);
        }
        // A platform-specific gem (`nokogiri (1.13.3-x86_64-linux)`) is the same version.
        const version = spec[2].split('-')[0] ?? spec[2];
        checkText(file, 'gem name', spec[1], line);
        checkText(file, 'version', version, line);
        pending.push({ name: spec[1], version, line, section, revision, remote });
    });
    for (const p of pending) {
        out.push(makePackage({
            ecosystem: 'RubyGems',
            name: p.name,
            version: p.version,
            sourceFile: file,
            direct: declared.size > 0 ? declared.has(p.name) : undefined,
            line: p.line,
            integrity: checksums.has(`${p.name}@${p.version}`) ? { sha256: checksums.get(`${p.name}@${p.version}`) ?? '' } : undefined,
            resolved: p.remote || undefined,
            kind: p.section === 'GIT' ? 'git' : p.section === 'PATH' ? 'file' : 'registry',
            commit: p.section === 'GIT' ? p.revision : '',
        }));
    }
    return out;
}

;// CONCATENATED MODULE: ../packages/materials/dist/lockfiles/go-mod.js
/**
 * go.mod, with go.sum beside it. `require` lists modules (`// indirect` marks transitive ones);
 * `replace` swaps a module (or one version of it) for another or for a local folder. Like
 * osv-scalibr, the `toolchain` (or else `go`) directive becomes a synthetic `stdlib` package, so
 * vulnerabilities of the Go standard library are matched too. Before Go 1.17 go.mod did not list
 * every transitive module; then the modules only go.sum names are added (as indirect).
 */


const DIRECTIVES = new Set(['module', 'go', 'toolchain', 'require', 'replace', 'exclude', 'retract', 'godebug', 'tool', 'ignore']);
function unquote(s) {
    return s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s.startsWith('`') && s.endsWith('`') ? s.slice(1, -1) : s;
}
function stripV(v) {
    return v.startsWith('v') ? v.slice(1) : v;
}
function goVersionAtLeast(v, major, minor) {
    const m = /^(\d+)\.(\d+)/.exec(v);
    if (!m)
        return true;
    const a = Number(m[1]);
    const b = Number(m[2]);
    return a > major || (a === major && b >= minor);
}
function parseGoMod(input) {
    const { file, text } = input;
    const requires = [];
    const replaces = [];
    let goVersion;
    let toolchain;
    let block;
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
        const line = i + 1;
        const raw = lines[i] ?? '';
        const comment = raw.indexOf('//');
        const indirect = comment >= 0 && /^\/\/\s*indirect\b/.test(raw.slice(comment).trim());
        const body = (comment >= 0 ? raw.slice(0, comment) : raw).trim();
        if (body === '')
            continue;
        let directive;
        let args;
        if (block !== undefined) {
            if (body === ')') {
                block = undefined;
                continue;
            }
            directive = block;
            args = body;
        }
        else {
            const m = /^(\S+)\s*(.*)$/.exec(body);
            directive = m?.[1] ?? '';
            args = (m?.[2] ?? '').trim();
            if (!DIRECTIVES.has(directive)) {
                throw lockfileError(file, `could not extract: unknown go.mod directive "${directive.slice(0, 40)}"`, line, 'is this a go.mod file?');
            }
            if (args === '(') {
                block = directive;
                continue;
            }
        }
        const fields = args.split(/\s+/).map(unquote);
        switch (directive) {
            case 'go':
                checkText(file, 'go version', fields[0] ?? '', line);
                goVersion = { version: fields[0] ?? '', line };
                break;
            case 'toolchain':
                checkText(file, 'toolchain version', fields[0] ?? '', line);
                toolchain = { version: (fields[0] ?? '').replace(/^go/, ''), line };
                break;
            case 'require': {
                const [path, version] = fields;
                if (!path || !version)
                    throw lockfileError(file, `malformed require: "${args.slice(0, 80)}"`, line);
                checkText(file, 'module path', path, line);
                checkText(file, 'version', version, line);
                requires.push({ path, version: stripV(version), line, indirect });
                break;
            }
            case 'replace': {
                const arrow = fields.indexOf('=>');
                if (arrow < 1)
                    throw lockfileError(file, `malformed replace: "${args.slice(0, 80)}"`, line);
                const left = fields.slice(0, arrow);
                const right = fields.slice(arrow + 1);
                if (!left[0] || !right[0])
                    throw lockfileError(file, `malformed replace: "${args.slice(0, 80)}"`, line);
                replaces.push({
                    from: left[0],
                    fromVersion: left[1] ? stripV(left[1]) : undefined,
                    to: right[0],
                    toVersion: right[1] ? stripV(right[1]) : '',
                });
                break;
            }
            default:
                break;
        }
    }
    if (block !== undefined)
        throw lockfileError(file, `the ${block} block is not closed with ")"`, lines.length);
    const byKey = new Map();
    const put = (r, fromSum = false) => {
        let name = r.path;
        let version = r.version;
        const rep = replaces.find((x) => x.from === r.path && (x.fromVersion === undefined || x.fromVersion === r.version));
        if (rep) {
            name = rep.to;
            version = rep.toVersion;
        }
        if (input.options.excludeIndirect && (r.indirect || fromSum))
            return;
        const key = `${name}@${version}`;
        if (byKey.has(key))
            return;
        const local = name.startsWith('./') || name.startsWith('../') || name.startsWith('/');
        byKey.set(key, makePackage({
            ecosystem: 'Go',
            name,
            version,
            sourceFile: fromSum ? sumFile : file,
            direct: !(r.indirect || fromSum),
            line: r.line,
            kind: local ? 'file' : 'registry',
            // A replacement by a local folder builds whatever the folder holds: no version to match.
            declared: local ? `replace ${r.path} => ${name}` : undefined,
        }));
    };
    let sumFile = file;
    for (const r of requires)
        put(r);
    // Go 1.16 and older: go.mod may omit transitive modules; go.sum lists what the build verified.
    if (goVersion && !goVersionAtLeast(goVersion.version, 1, 17)) {
        const sum = input.readRelative(file.endsWith('go.mod')
            ? 'go.sum'
            : `${file
                .split('/')
                .pop()
                ?.replace(/\.mod$/, '') ?? 'go'}.sum`);
        if (sum) {
            sumFile = sum.file;
            const known = new Set(requires.map((r) => r.path));
            sum.text.split(/\r?\n/).forEach((l, i) => {
                const m = /^(\S+) (v\S+?) h1:/.exec(l);
                if (!m?.[1] || !m[2] || m[2].endsWith('/go.mod') || known.has(m[1]))
                    return;
                put({ path: m[1], version: stripV(m[2]), line: i + 1, indirect: true }, true);
            });
        }
    }
    const out = [...byKey.values()];
    const std = toolchain ?? goVersion;
    if (std && std.version !== '') {
        out.push(makePackage({
            ecosystem: 'Go',
            name: 'stdlib',
            version: std.version,
            sourceFile: file,
            direct: true,
            line: std.line,
            kind: 'registry',
        }));
    }
    return out;
}

;// CONCATENATED MODULE: ../packages/materials/dist/lockfiles/package-lock.js
/**
 * package-lock.json (lockfileVersion 1, 2 and 3) and npm-shrinkwrap.json. Version 2+ lists every
 * installed path under `packages`; version 1 nests `dependencies`. Packages installed at several paths
 * are listed once per name@version (or commit), with dependency groups merged the way npm means them:
 * if any occurrence is a production dependency, the package is one.
 */



function mergeGroups(a, b) {
    // No group on either occurrence means a production dependency.
    if (!a || a.length === 0 || !b || b.length === 0)
        return undefined;
    return [...new Set([...a, ...b])].sort();
}
function add(map, key, e) {
    const prev = map.get(key);
    if (prev) {
        prev.groups = mergeGroups(prev.groups, e.groups);
        if (prev.direct !== true && e.direct !== undefined)
            prev.direct = e.direct;
        if (e.requires)
            prev.requires = [...(prev.requires ?? []), ...e.requires];
        return prev;
    }
    map.set(key, e);
    return e;
}
/** The installed path node would load `dep` from when required by the package at `from`. */
function resolveFrom(paths, from, dep) {
    let base = from;
    for (;;) {
        const candidate = base ? `${base}/node_modules/${dep}` : `node_modules/${dep}`;
        if (paths.has(candidate))
            return candidate;
        if (!base)
            return undefined;
        const i = base.lastIndexOf('/node_modules/');
        base = i < 0 ? '' : base.slice(0, i);
    }
}
function flag(file, obj, key, where) {
    const v = obj[key];
    if (v === undefined || v === null)
        return false;
    if (typeof v !== 'boolean')
        throw lockfileError(file, `${where}: "${key}" must be true or false, not ${typeName(v)}`);
    return v;
}
function packageName(path) {
    const i = path.lastIndexOf('node_modules/');
    return i < 0 ? path : path.slice(i + 'node_modules/'.length);
}
function parsePackageLock(input) {
    const { file, text } = input;
    const doc = input.json();
    if (!isRecord(doc))
        throw lockfileError(file, `a package-lock.json must hold a JSON object, not ${typeName(doc)}`);
    const version = doc.lockfileVersion;
    if (version !== undefined && version !== 1 && version !== 2 && version !== 3) {
        newerVersion(input, 'lockfileVersion', version, '1, 2, 3', typeof version === 'number' && Number.isInteger(version) && version > 3 && isRecord(doc.packages), 'update secure-factory, or regenerate the lockfile with npm 7 or later');
    }
    const lines = new LineIndex(text);
    const map = new Map();
    if (doc.packages !== undefined && version !== 1) {
        if (!isRecord(doc.packages))
            throw lockfileError(file, `"packages" must be an object, not ${typeName(doc.packages)}`);
        parsePackages(file, doc.packages, lines, map);
    }
    else if (doc.dependencies !== undefined) {
        if (!isRecord(doc.dependencies))
            throw lockfileError(file, `"dependencies" must be an object, not ${typeName(doc.dependencies)}`);
        let cursor = 0;
        const walk = (deps, depth) => {
            if (depth > 200)
                throw lockfileError(file, 'dependencies are nested more than 200 levels deep');
            for (const [rawName, value] of Object.entries(deps)) {
                if (!isRecord(value))
                    throw lockfileError(file, `dependency "${rawName}" must be an object, not ${typeName(value)}`);
                const where = `dependency "${rawName}"`;
                const at = text.indexOf(`${JSON.stringify(rawName)}:`, cursor);
                const line = at >= 0 ? lines.lineAt(at) : undefined;
                if (at >= 0)
                    cursor = at + 1;
                const spec = optString(file, value, 'version', where) ?? '';
                let name = rawName;
                let keyVersion = spec;
                let finalVersion = spec;
                let commit = '';
                if (spec.startsWith('npm:')) {
                    // An alias: `"string-width-cjs": {"version": "npm:string-width@4.2.3"}`; malformed ones
                    // (`npm:name` with no version, a bare `npm:`) keep what they name and no version.
                    const target = spec.slice(4);
                    const i = target.lastIndexOf('@');
                    if (i > 0) {
                        name = target.slice(0, i);
                        finalVersion = target.slice(i + 1);
                    }
                    else {
                        if (target !== '')
                            name = target;
                        finalVersion = '';
                    }
                }
                let linkOrFile;
                if (spec.startsWith('file:')) {
                    finalVersion = '';
                    linkOrFile = 'file';
                }
                else {
                    commit = commitFromReference(spec);
                    if (commit !== '') {
                        finalVersion = '';
                        keyVersion = commit;
                    }
                }
                const dev = flag(file, value, 'dev', where);
                const optional = flag(file, value, 'optional', where);
                const groups = [...(dev ? ['dev'] : []), ...(optional ? ['optional'] : [])];
                if (value.dependencies !== undefined) {
                    if (!isRecord(value.dependencies))
                        throw lockfileError(file, `${where}: "dependencies" must be an object`, line);
                }
                checkText(file, 'package name', name, line);
                checkText(file, 'version', finalVersion, line);
                add(map, `${name}@${keyVersion}`, {
                    name,
                    version: finalVersion,
                    commit,
                    groups,
                    line,
                    resolved: optString(file, value, 'resolved', where) ?? (commit || linkOrFile ? spec : undefined),
                    integrity: optString(file, value, 'integrity', where),
                    direct: depth === 0 ? undefined : false,
                    linkOrFile,
                });
                if (isRecord(value.dependencies))
                    walk(value.dependencies, depth + 1);
            }
        };
        walk(doc.dependencies, 0);
    }
    const purlByPath = new Map();
    const built = [...map.values()].map((e) => {
        const mismatch = e.linkOrFile ? undefined : tarballDisagreement(e.name, e.version, e.resolved);
        if (mismatch)
            throw lockfileError(file, mismatch, e.line, TARBALL_HINT);
        const pkg = makePackage({
            ecosystem: 'npm',
            name: e.name,
            version: e.version,
            sourceFile: file,
            groups: e.groups ?? [],
            direct: e.direct,
            line: e.line,
            integrity: parseSri(e.integrity),
            resolved: e.resolved,
            kind: e.linkOrFile ?? jsSourceKind(e.resolved, e.version),
            commit: e.commit,
            licenses: e.license ? [e.license] : undefined,
        });
        for (const p of e.paths ?? [])
            purlByPath.set(p, pkg.purl);
        return { pkg, e };
    });
    for (const { pkg, e } of built) {
        if (!e.requires)
            continue;
        const deps = new Set();
        for (const r of e.requires) {
            const purl = purlByPath.get(r);
            if (purl && purl !== pkg.purl)
                deps.add(purl);
        }
        pkg.dependsOn = [...deps];
    }
    return built.map((b) => b.pkg);
}
function parsePackages(file, packages, lines, map) {
    const root = isRecord(packages['']) ? packages[''] : {};
    const declared = new Set();
    for (const k of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
        const d = root[k];
        if (isRecord(d))
            for (const n of Object.keys(d))
                declared.add(n);
    }
    let cursor = 0;
    const paths = new Set(Object.keys(packages));
    for (const [path, value] of Object.entries(packages)) {
        if (path === '')
            continue;
        const where = `package "${path}"`;
        if (!isRecord(value))
            throw lockfileError(file, `${where} must be an object, not ${typeName(value)}`);
        const at = lines.text.indexOf(`${JSON.stringify(path)}:`, cursor);
        const line = at >= 0 ? lines.lineAt(at) : undefined;
        if (at >= 0)
            cursor = at + 1;
        // Links (to workspace folders) and the workspace folders themselves are the project's own code.
        // They are listed, as osv-scalibr lists them, but marked `link` so they are never matched
        // against advisories for a public package of the same name.
        const own = flag(file, value, 'link', where) || !path.includes('node_modules/');
        const name = optString(file, value, 'name', where) ?? packageName(path);
        const version = optString(file, value, 'version', where) ?? '';
        const resolved = optString(file, value, 'resolved', where);
        checkText(file, 'package name', name, line);
        checkText(file, 'version', version, line);
        const commit = commitFromReference(resolved);
        let groups = [];
        if (flag(file, value, 'dev', where))
            groups = ['dev'];
        else if (flag(file, value, 'optional', where))
            groups = ['optional'];
        else if (flag(file, value, 'devOptional', where))
            groups = ['dev', 'optional'];
        if (flag(file, value, 'inBundle', where))
            groups = [...groups, 'bundled'];
        const topLevel = path === `node_modules/${packageName(path)}`;
        const requires = [];
        for (const k of ['dependencies', 'optionalDependencies', 'peerDependencies']) {
            const d = value[k];
            if (!isRecord(d))
                continue;
            for (const dep of Object.keys(d)) {
                const target = resolveFrom(paths, path, dep);
                if (target)
                    requires.push(target);
            }
        }
        const license = typeof value.license === 'string' ? value.license : undefined;
        const entry = add(map, `${name}@${commit || version}`, {
            license,
            requires,
            paths: [],
            name,
            version,
            commit,
            groups,
            line,
            resolved,
            integrity: optString(file, value, 'integrity', where),
            direct: topLevel && declared.has(packageName(path)),
            linkOrFile: own ? 'link' : undefined,
        });
        entry.paths?.push(path);
    }
}

;// CONCATENATED MODULE: ../packages/materials/dist/lockfiles/pipfile-lock.js
/** Pipfile.lock: `default` (production) and `develop` sections; versions are pinned as `==x.y`. */


function parsePipfileLock(input) {
    const { file, text } = input;
    if (text.trim() === '')
        return [];
    const doc = input.json();
    if (!isRecord(doc))
        throw lockfileError(file, `a Pipfile.lock must hold a JSON object, not ${typeName(doc)}`);
    const lines = new LineIndex(text);
    const byKey = new Map();
    for (const section of ['default', 'develop']) {
        const deps = doc[section];
        if (deps === undefined)
            continue;
        if (!isRecord(deps))
            throw lockfileError(file, `"${section}" must be an object, not ${typeName(deps)}`);
        let cursor = text.indexOf(`"${section}"`);
        for (const [name, entry] of Object.entries(deps)) {
            const at = text.indexOf(`${JSON.stringify(name)}:`, Math.max(cursor, 0));
            const line = at >= 0 ? lines.lineAt(at) : undefined;
            if (at >= 0)
                cursor = at + 1;
            if (!isRecord(entry))
                throw lockfileError(file, `${section}.${name} must be an object, not ${typeName(entry)}`, line);
            const spec = entry.version;
            // Git, URL and path dependencies have no version: a package all the same (pinned by its commit, or unpinned).
            if (spec === undefined) {
                const git = typeof entry.git === 'string' ? entry.git : undefined;
                const ref = typeof entry.ref === 'string' ? entry.ref : '';
                const location = git ?? (typeof entry.file === 'string' ? entry.file : typeof entry.path === 'string' ? entry.path : undefined);
                checkText(file, 'package name', name, line);
                const commit = git && /^[0-9a-f]{40}$/.test(ref) ? ref : '';
                const kind = git ? 'git' : typeof entry.file === 'string' && /^https?:/.test(entry.file) ? 'http' : 'file';
                byKey.set(`${name}@${location ?? ''}`, {
                    ...makePackage({
                        ecosystem: 'PyPI',
                        name,
                        version: '',
                        sourceFile: file,
                        groups: section === 'develop' ? ['dev'] : [],
                        line,
                        resolved: location,
                        kind,
                        commit,
                        unpinned: commit ? undefined : kind === 'git' ? 'vcs' : kind === 'http' ? 'url' : 'path',
                        declared: commit ? undefined : `${name} @ ${location ?? '(no source)'}${ref ? `@${ref}` : ''}`,
                    }),
                });
                continue;
            }
            if (typeof spec !== 'string')
                throw lockfileError(file, `${section}.${name}: "version" must be a string, not ${typeName(spec)}`, line);
            const version = spec.replace(/^===?/, '');
            checkText(file, 'package name', name, line);
            checkText(file, 'version', version, line);
            const key = `${name}@${version}`;
            if (byKey.has(key))
                continue;
            const hashes = Array.isArray(entry.hashes) ? entry.hashes.filter((h) => typeof h === 'string') : [];
            const sha = hashes.find((h) => h.startsWith('sha256:'));
            byKey.set(key, makePackage({
                ecosystem: 'PyPI',
                name,
                version,
                sourceFile: file,
                groups: section === 'develop' ? ['dev'] : [],
                line,
                integrity: sha ? { sha256: sha.slice(7) } : undefined,
                kind: 'registry',
            }));
        }
    }
    return [...byKey.values()];
}

// EXTERNAL MODULE: ../node_modules/yaml/dist/index.js
var yaml_dist = __webpack_require__(6637);
;// CONCATENATED MODULE: ../packages/materials/dist/lockfiles/yaml-document.js
/** YAML lockfiles (pnpm) parsed with `yaml`, with limits against hostile input and errors at file:line. */


/** Deeper nesting than any real lockfile: refuse it before converting (recursion is not unbounded). */
const MAX_YAML_DEPTH = 64;
function depthOf(text) {
    // Flow collections nest with brackets, block collections with indentation; both bound the depth.
    let depth = 0;
    let max = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 123 || c === 91)
            max = Math.max(max, ++depth);
        else if ((c === 125 || c === 93) && depth > 0)
            depth--;
    }
    let indentMax = 0;
    for (const m of text.matchAll(/^( *)\S/gm))
        indentMax = Math.max(indentMax, m[1]?.length ?? 0);
    return Math.max(max, Math.floor(indentMax / 2));
}
function parseYamlDocument(file, text) {
    if (depthOf(text) > MAX_YAML_DEPTH)
        throw lockfileError(file, `the YAML is nested more than ${MAX_YAML_DEPTH} levels deep`);
    let doc;
    try {
        doc = (0,yaml_dist/* parseDocument */.Tp)(text, { uniqueKeys: false, prettyErrors: false });
    }
    catch (e) {
        throw lockfileError(file, `not valid YAML: ${e instanceof Error ? e.message : String(e)}`);
    }
    const err = doc.errors[0];
    if (err) {
        const line = err.linePos?.[0]?.line;
        throw lockfileError(file, `not valid YAML: ${err.message.split('\n')[0] ?? ''}`, line);
    }
    return doc;
}
function mapEntries(node) {
    if (!(0,yaml_dist/* isMap */.jh)(node))
        return [];
    return node.items.map((pair) => {
        const k = pair.key;
        const key = (0,yaml_dist/* isScalar */.jn)(k) ? String(k.value) : String(k);
        const offset = (0,yaml_dist/* isScalar */.jn)(k) ? k.range?.[0] : undefined;
        return { key, value: pair.value, offset };
    });
}

;// CONCATENATED MODULE: ../packages/materials/dist/lockfiles/pnpm-lock.js
/**
 * pnpm-lock.yaml, lockfile versions 5.x (`/name/version_peer`), 6.x (`/name@version(peer)`) and 9.x
 * (`name@version` keys plus `importers` and `snapshots`). Dependency groups follow the `dev` flag
 * pnpm writes on each package (v5/v6); v9 no longer records it per package.
 */





function stripPeers(version) {
    const p = version.indexOf('(');
    const v = p >= 0 ? version.slice(0, p) : version;
    const u = v.indexOf('_');
    return u >= 0 ? v.slice(0, u) : v;
}
function nameAtVersion(s) {
    const scoped = s.startsWith('@');
    const body = scoped ? s.slice(1) : s;
    const at = body.indexOf('@');
    if (at < 0)
        return { name: s, version: '' };
    return { name: (scoped ? '@' : '') + body.slice(0, at), version: body.slice(at + 1) };
}
/** Name and version from a dependency path; throws on a path that cannot be one. */
function fromDependencyPath(path, major) {
    if (path.startsWith('file:'))
        return { name: '', version: '' };
    if (major >= 9) {
        const { name, version } = nameAtVersion(path.replace(/^'|'$/g, ''));
        return { name, version: stripPeers(version) };
    }
    const parts = path.split('/');
    if (parts.length === 1)
        throw new Error('invalid dependency path');
    let rest = parts.slice(1);
    let name;
    if (rest[0]?.startsWith('@')) {
        name = rest.slice(0, 2).join('/');
        rest = rest.slice(2);
    }
    else {
        name = rest[0] ?? '';
        rest = rest.slice(1);
    }
    let version = rest[0] ?? '';
    if (version === '') {
        const nv = nameAtVersion(name);
        name = nv.name;
        version = nv.version;
    }
    if (version === '' || !/^\d/.test(version))
        return { name: '', version: '' };
    return { name, version: stripPeers(version) };
}
function parsePnpmLock(input) {
    const { file, text } = input;
    const doc = parseYamlDocument(file, text);
    if (doc.contents === null)
        return [];
    let root;
    try {
        root = doc.toJS({ maxAliasCount: 100 });
    }
    catch (e) {
        // Alias expansion bombs ("billion laughs") and similar stop here.
        throw lockfileError(file, `cannot read the YAML: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (root === null || root === undefined)
        return [];
    if (!isRecord(root))
        throw lockfileError(file, `a pnpm-lock.yaml must hold a mapping, not ${typeName(root)}`);
    const rawVersion = root.lockfileVersion;
    const major = rawVersion === undefined ? 5 : Math.floor(Number(rawVersion));
    if (![5, 6, 7, 9].includes(major)) {
        newerVersion(input, 'pnpm lockfileVersion', rawVersion, '5.x, 6.x, 9.x', Number.isInteger(major) && major > 9 && (root.packages === undefined || isRecord(root.packages)), 'update secure-factory, or regenerate the lockfile with pnpm 7 to 10');
    }
    const lines = new LineIndex(text);
    const direct = declaredNames(root);
    const packagesNode = (0,yaml_dist/* isMap */.jh)(doc.contents) ? doc.contents.get('packages', true) : undefined;
    if (root.packages !== undefined && root.packages !== null && !isRecord(root.packages)) {
        throw lockfileError(file, `"packages" must be a mapping, not ${typeName(root.packages)}`);
    }
    const out = [];
    const keys = new Map();
    const errors = [];
    let firstErrorLine;
    for (const { key, value, offset } of mapEntries(packagesNode)) {
        const line = offset === undefined ? undefined : lines.lineAt(offset);
        const pkg = (0,yaml_dist/* isMap */.jh)(value) ? value.toJSON() : value;
        if (!isRecord(pkg))
            throw lockfileError(file, `package "${key}" must be a mapping, not ${typeName(pkg)}`, line);
        let name;
        let version;
        try {
            ({ name, version } = fromDependencyPath(key, major));
        }
        catch {
            errors.push(`invalid dependency path "${key}"`);
            firstErrorLine ??= line;
            continue;
        }
        if (typeof pkg.name === 'string' && pkg.name !== '')
            name = pkg.name;
        if (typeof pkg.version === 'string' && pkg.version !== '')
            version = pkg.version;
        else if (typeof pkg.version === 'number')
            version = String(pkg.version);
        if (name === '' || version === '')
            continue;
        checkText(file, 'package name', name, line);
        checkText(file, 'version', version, line);
        const resolution = isRecord(pkg.resolution) ? pkg.resolution : {};
        const tarball = typeof resolution.tarball === 'string' ? resolution.tarball : undefined;
        const repo = typeof resolution.repo === 'string' ? resolution.repo : undefined;
        let commit = typeof resolution.commit === 'string' ? resolution.commit : '';
        if (tarball?.startsWith('https://codeload.github.com'))
            commit = commitFromReference(tarball) || commit;
        const integrity = typeof resolution.integrity === 'string' ? resolution.integrity : undefined;
        const resolved = tarball ?? repo ?? (typeof resolution.directory === 'string' ? `file:${resolution.directory}` : undefined);
        const mismatch = tarballDisagreement(name, version, tarball);
        if (mismatch)
            throw lockfileError(file, mismatch, line, TARBALL_HINT);
        const made = makePackage({
            ecosystem: 'npm',
            name,
            version,
            sourceFile: file,
            groups: pkg.dev === true ? ['dev'] : [],
            direct: direct.size > 0 ? direct.has(name) : undefined,
            line,
            integrity: parseSri(integrity),
            resolved,
            kind: repo || commit ? 'git' : resolution.directory !== undefined ? 'file' : tarball ? jsSourceKind(tarball) : 'registry',
            commit,
        });
        out.push(made);
        keys.set(key
            .replace(/^'|'$/g, '')
            .replace(/\(.*$/, '')
            .replace(major >= 9 ? /$^/ : /_.*$/, ''), made);
    }
    if (errors.length > 0)
        throw lockfileError(file, errors.join('; '), firstErrorLine);
    linkGraph(root, major, out, keys);
    return out;
}
/** `dependencies` of each package (v5/v6) or snapshot (v9) become dependsOn purls. */
function linkGraph(root, major, out, keys) {
    const source = major >= 9 ? root.snapshots : root.packages;
    if (!isRecord(source))
        return;
    const base = (k) => (major >= 9 ? k.replace(/\(.*$/, '') : k.replace(/\(.*$/, '').replace(/_.*$/, ''));
    const target = (name, ref) => {
        const v = ref.replace(/\(.*$/, '');
        if (major >= 9)
            return keys.get(`${name}@${v}`) ?? keys.get(v);
        return (keys.get(major >= 6 ? `/${name}@${v}` : `/${name}/${v.replace(/_.*$/, '')}`) ??
            keys.get(v.startsWith('/') ? v : `/${v}`) ??
            keys.get(v));
    };
    for (const [k, entry] of Object.entries(source)) {
        const pkg = keys.get(base(k));
        if (!pkg || !isRecord(entry))
            continue;
        const deps = new Set(pkg.dependsOn ?? []);
        for (const section of ['dependencies', 'optionalDependencies']) {
            const d = entry[section];
            if (!isRecord(d))
                continue;
            for (const [n, ref] of Object.entries(d)) {
                const t = target(n, String(ref));
                if (t && t !== pkg)
                    deps.add(t.purl);
            }
        }
        if (deps.size > 0)
            pkg.dependsOn = [...deps];
    }
    void out;
}
/** Names the project declares itself: top-level sections (v5/v6) or every importer (v6+ workspaces, v9). */
function declaredNames(root) {
    const out = new Set();
    const sections = (o) => {
        for (const k of ['dependencies', 'devDependencies', 'optionalDependencies']) {
            const d = o[k];
            if (isRecord(d))
                for (const n of Object.keys(d))
                    out.add(n);
        }
    };
    sections(root);
    if (isRecord(root.importers))
        for (const imp of Object.values(root.importers))
            if (isRecord(imp))
                sections(imp);
    return out;
}

;// CONCATENATED MODULE: ../packages/materials/dist/lockfiles/poetry-lock.js
/** poetry.lock: `[[package]]` tables; git sources carry the resolved commit. */



function parsePoetryLock(input) {
    const { file, text } = input;
    const doc = parseToml(file, text);
    const lines = packageNameLines(text);
    return packageTables(file, doc).map((t, i) => {
        const line = lines[i];
        const where = `package #${i + 1}`;
        const name = str(file, t, 'name', where, line);
        const version = str(file, t, 'version', where, line);
        if (!name || version === undefined)
            throw lockfileError(file, `${where} has no name or version`, line);
        checkText(file, 'package name', name, line);
        checkText(file, 'version', version, line);
        const source = isRecord(t.source) ? t.source : undefined;
        const type = source ? str(file, source, 'type', where, line) : undefined;
        const commit = type === 'git' && source ? (str(file, source, 'resolved_reference', where, line) ?? '') : '';
        const url = source ? str(file, source, 'url', where, line) : undefined;
        // Poetry 1.x lists file hashes under [metadata.files], 2.x inside each package.
        const legacyFiles = isRecord(doc.metadata) && isRecord(doc.metadata.files) ? doc.metadata.files[name] : undefined;
        const files = Array.isArray(t.files) ? t.files : Array.isArray(legacyFiles) ? legacyFiles : [];
        const hash = files.map((f) => (isRecord(f) && typeof f.hash === 'string' ? f.hash : '')).find((h) => h.startsWith('sha256:'));
        return makePackage({
            ecosystem: 'PyPI',
            name,
            version,
            sourceFile: file,
            groups: t.optional === true ? ['optional'] : [],
            line,
            integrity: hash ? { sha256: hash.slice(7) } : undefined,
            resolved: url,
            kind: type === 'git' ? 'git' : type === 'directory' || type === 'file' ? 'file' : type === 'url' ? 'http' : 'registry',
            commit,
        });
    });
}

;// CONCATENATED MODULE: ../packages/materials/dist/lockfiles/pep508.js
/**
 * Python dependency declarations (PEP 508 requirement strings, as requirements files, Pipfile and
 * pyproject.toml write them) turned into packages. Only an exact `==`/`===` release pins a dependency;
 * everything else (a range, no version, a URL, a VCS reference without a commit, a local path, an
 * unexpanded variable) is still a package, marked `unpinned`, so the scan reports it instead of
 * dropping it. Lower bounds (`>=`, `<=`, `~=`) keep their version as osv-scalibr reads it, so an
 * advisory affecting that release still matches.
 */


const NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*(.*)$/s;
const VCS = /^(?:git|hg|svn|bzr)\+/i;
/** `name-version` from a wheel or sdist file name at the end of a URL or path (PEP 427, PEP 625). */
function distributionFromFilename(location) {
    const base = decodeURIComponent(location
        .replace(/[#?].*$/, '')
        .replace(/\/+$/, '')
        .split('/')
        .pop() ?? '');
    const wheel = /^([A-Za-z0-9_.]+)-([0-9][A-Za-z0-9_.!+]*)(?:-\d[^-]*)?-[^-]+-[^-]+-[^-]+\.whl$/.exec(base);
    if (wheel?.[1] && wheel[2])
        return { name: wheel[1], version: wheel[2] };
    const sdist = /^([A-Za-z0-9][A-Za-z0-9_.-]*?)-([0-9][A-Za-z0-9_.!+]*)\.(?:tar\.gz|tar\.bz2|tar\.xz|tgz|zip)$/.exec(base);
    if (sdist?.[1] && sdist[2])
        return { name: sdist[1], version: sdist[2] };
    return undefined;
}
function commitOf(url) {
    // pip's VCS syntax: `git+https://host/repo.git@<ref>#egg=name`; only a full commit id pins it.
    const m = /@([0-9a-f]{40})(?:[#?]|$)/.exec(url);
    return m?.[1] ?? '';
}
/** The package a direct reference (URL, VCS, path) names, when the declaration gave no name. */
function referencePackage(location, nameGiven, d, declared) {
    const egg = /[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(location)?.[1];
    const dist = distributionFromFilename(location);
    const name = nameGiven ?? egg ?? dist?.name ?? pathName(location);
    if (!name)
        return undefined;
    checkText(d.file, 'package name', name, d.line);
    // The file name's version is what the URL serves today; it is matched, and the URL is still unpinned.
    const version = dist && normalizePythonName(dist.name) === normalizePythonName(name) ? dist.version : '';
    let kind;
    let unpinned;
    let commit = '';
    if (VCS.test(location)) {
        kind = 'git';
        commit = commitOf(location);
        if (commit === '')
            unpinned = 'vcs';
    }
    else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location) && !/^file:/i.test(location)) {
        kind = 'http';
        unpinned = 'url';
    }
    else {
        kind = 'file';
        unpinned = 'path';
    }
    checkText(d.file, 'version', version, d.line);
    return makePackage({
        ecosystem: 'PyPI',
        name,
        version,
        sourceFile: d.file,
        groups: d.groups,
        direct: d.direct ?? true,
        line: d.line,
        integrity: d.integrity,
        resolved: location,
        kind,
        commit,
        unpinned,
        declared,
    });
}
function pathName(location) {
    const base = location
        .replace(/^file:\/*/, '/')
        .replace(/\/+$/, '')
        .split('/')
        .pop() ?? '';
    return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(base) && base !== '.' && base !== '..' ? base : undefined;
}
/** Whether a requirements-file line is a bare URL, VCS reference or path (no `name` in front). */
function isBareReference(s) {
    return /^(?:\.{0,2}\/|~\/|[a-z][a-z0-9+.-]*:\/\/|(?:git|hg|svn|bzr)\+|file:)/i.test(s) || /^[^\s@;]+\.(?:whl|tar\.gz|zip)$/i.test(s);
}
/**
 * One declaration: `name[extras] specifiers ; marker`, `name @ url`, or a bare URL/VCS/path. Returns
 * undefined only for text that names no package at all (the caller decides whether that is an error).
 */
function pythonPackage(requirement, d) {
    const declared = requirement.trim();
    if (isBareReference(declared))
        return referencePackage(declared, undefined, d, declared);
    const m = NAME.exec(declared);
    if (!m?.[1])
        return undefined;
    const name = m[1];
    checkText(d.file, 'package name', name, d.line);
    const rest = (m[3] ?? '').split(';')[0]?.trim() ?? '';
    if (rest.startsWith('@'))
        return referencePackage(rest.slice(1).trim(), name, d, declared);
    let version = '';
    let unpinned;
    if (rest.includes('${') || rest.includes('$('))
        unpinned = 'variable';
    else if (rest === '' || rest === '*')
        unpinned = 'none';
    else {
        const spec = rest.replace(/^\((.*)\)$/s, '$1').trim();
        const clauses = spec
            .split(',')
            .map((c) => c.trim())
            .filter((c) => c !== '');
        const single = clauses.length === 1 ? /^(===|==|>=|<=|~=)\s*([^\s,;]+)$/.exec(clauses[0] ?? '') : null;
        if (single?.[2] && !single[2].includes('*')) {
            version = single[2];
            if (single[1] !== '==' && single[1] !== '===')
                unpinned = 'range';
        }
        else
            unpinned = 'range';
    }
    checkText(d.file, 'version', version, d.line);
    return makePackage({
        ecosystem: 'PyPI',
        name,
        version,
        sourceFile: d.file,
        groups: d.groups,
        direct: d.direct ?? true,
        line: d.line,
        integrity: d.integrity,
        kind: 'registry',
        unpinned,
        declared: unpinned ? declared : undefined,
    });
}

;// CONCATENATED MODULE: ../packages/materials/dist/lockfiles/requirements.js


function logicalLines(text) {
    const out = [];
    const raw = text.split(/\r?\n/);
    for (let i = 0; i < raw.length; i++) {
        const start = i + 1;
        let l = raw[i] ?? '';
        while (l.endsWith('\\') && i + 1 < raw.length)
            l = l.slice(0, -1) + (raw[++i] ?? '');
        out.push({ text: l, line: start });
    }
    return out;
}
/**
 * The other options pip accepts on a line of their own (pip's req_file.py SUPPORTED_OPTIONS): indexes,
 * find-links, constraints files (which only narrow versions declared elsewhere), binary and hash policy.
 */
const PIP_OPTION = /^(?:-i|--index-url|--extra-index-url|--no-index|-c|--constraint|-f|--find-links|--no-binary|--only-binary|--prefer-binary|--require-hashes|--pre|--trusted-host|--use-feature)(?=$|[\s=]|(?<=^-[icf])\S)/;
const INCLUDE_HINT = 'include a requirements file inside the scanned folder, or scan the file the include names';
function parseRequirements(input) {
    const visited = new Set();
    const out = [];
    const walk = (file, text, depth) => {
        if (visited.has(file))
            return;
        visited.add(file);
        if (depth > 32)
            throw lockfileError(file, 'requirement files include each other more than 32 levels deep');
        for (const { text: l, line } of logicalLines(text)) {
            // A comment starts at "#" at the line start or after whitespace.
            let s = l.replace(/(^|\s)#.*$/, '').trim();
            if (s === '')
                continue;
            const hashes = [...s.matchAll(/--hash[=\s]+sha256:([0-9a-fA-F]{64})/g)].map((m) => (m[1] ?? '').toLowerCase());
            s = s.replace(/\s--hash[=\s]+\S+/g, '').trim();
            checkText(file, 'requirement', s, line);
            if (s.startsWith('-')) {
                // pip reads options as optparse does: `-r base.txt`, `-rbase.txt`, `--requirement=base.txt`.
                const inc = /^(?:-r\s*|--requirement(?:\s+|=))(\S+)$/.exec(s)?.[1];
                if (inc) {
                    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(inc)) {
                        throw lockfileError(file, `includes ${JSON.stringify(inc.slice(0, 120))} from a URL, which a scan cannot read`, line, INCLUDE_HINT);
                    }
                    const next = input.readRelative(inc.startsWith('/') ? inc : relativeTo(file, input.file, inc));
                    // pip stops on a missing include; a scan that skipped it would pass without its packages.
                    if (!next)
                        throw lockfileError(file, `includes ${JSON.stringify(inc.slice(0, 120))}, which does not exist`, line, INCLUDE_HINT);
                    walk(next.file, next.text, depth + 1);
                    continue;
                }
                const editable = /^(?:-e\s*|--editable(?:\s+|=))(.+)$/.exec(s);
                if (!editable?.[1]) {
                    if (PIP_OPTION.test(s))
                        continue; // index, constraints, binary and hash options: no package
                    throw lockfileError(file, `${JSON.stringify(s.slice(0, 80))} is not an option pip accepts in a requirements file`, line, 'fix the line (pip would refuse it too), or exclude the file with materials.ignore');
                }
                // `-e .` is the project itself, not a dependency.
                if (editable[1].trim() === '.')
                    continue;
                s = editable[1].trim();
            }
            const pkg = pythonPackage(s, { file, line, integrity: hashes[0] ? { sha256: hashes[0] } : undefined });
            if (!pkg)
                throw lockfileError(file, `not a requirement: ${JSON.stringify(s.slice(0, 80))}`, line, 'fix the line, or exclude the file with materials.ignore');
            out.push(pkg);
        }
    };
    walk(input.file, input.text, 0);
    return out;
}
/** An include path is relative to the including file; readRelative resolves against the first file. */
function relativeTo(includingFile, firstFile, include) {
    const dir = (p) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '.');
    const from = dir(firstFile)
        .split('/')
        .filter((x) => x !== '' && x !== '.');
    const to = dir(includingFile)
        .split('/')
        .filter((x) => x !== '' && x !== '.');
    let common = 0;
    while (common < from.length && common < to.length && from[common] === to[common])
        common++;
    const up = from.slice(common).map(() => '..');
    return [...up, ...to.slice(common), include].join('/');
}

;// CONCATENATED MODULE: ../packages/materials/dist/lockfiles/uv-lock.js
/**
 * uv.lock: `[[package]]` tables. The project itself (a `virtual` or `editable` source) is not a
 * dependency; the groups of its direct dependencies come from its optional and dev dependency tables.
 */



function depNames(v) {
    return Array.isArray(v) ? v.flatMap((d) => (isRecord(d) && typeof d.name === 'string' ? [d.name] : [])) : [];
}
function parseUvLock(input) {
    const { file, text } = input;
    const doc = parseToml(file, text);
    if (doc.version !== undefined && Number(doc.version) !== 1) {
        const v = Number(doc.version);
        newerVersion(input, 'uv.lock version', doc.version, '1', Number.isInteger(v) && v > 1, 'update secure-factory');
    }
    const tables = packageTables(file, doc);
    const lines = packageNameLines(text);
    const isProject = (t) => isRecord(t.source) && (t.source.virtual !== undefined || t.source.editable !== undefined);
    // name → groups it is declared in by the project; a main dependency has none.
    const groups = new Map();
    const main = new Set();
    for (const t of tables.filter(isProject)) {
        for (const n of depNames(t.dependencies))
            main.add(n);
        for (const section of ['optional-dependencies', 'dev-dependencies']) {
            const s = t[section];
            if (!isRecord(s))
                continue;
            for (const [group, deps] of Object.entries(s)) {
                for (const n of depNames(deps)) {
                    const set = groups.get(n) ?? new Set();
                    set.add(group);
                    groups.set(n, set);
                }
            }
        }
    }
    const out = [];
    tables.forEach((t, i) => {
        const line = lines[i];
        const where = `package #${i + 1}`;
        const name = str(file, t, 'name', where, line);
        const version = str(file, t, 'version', where, line) ?? '';
        if (!name)
            throw lockfileError(file, `${where} has no name`, line);
        if (isProject(t))
            return;
        checkText(file, 'package name', name, line);
        checkText(file, 'version', version, line);
        const source = isRecord(t.source) ? t.source : {};
        const git = typeof source.git === 'string' ? source.git : undefined;
        const commit = git && git.includes('#') ? git.slice(git.lastIndexOf('#') + 1) : '';
        const sdist = isRecord(t.sdist) ? t.sdist : undefined;
        const hash = sdist && typeof sdist.hash === 'string' && sdist.hash.startsWith('sha256:') ? sdist.hash.slice(7) : undefined;
        const registry = typeof source.registry === 'string' ? source.registry : undefined;
        const direct = main.has(name) || groups.has(name);
        out.push(makePackage({
            ecosystem: 'PyPI',
            name,
            version,
            sourceFile: file,
            groups: main.has(name) ? [] : [...(groups.get(name) ?? [])],
            direct,
            line,
            integrity: hash ? { sha256: hash } : undefined,
            resolved: registry ?? git ?? (typeof source.url === 'string' ? source.url : typeof source.path === 'string' ? source.path : undefined),
            kind: git
                ? 'git'
                : registry
                    ? 'registry'
                    : source.url !== undefined
                        ? 'http'
                        : source.path !== undefined || source.directory !== undefined
                            ? 'file'
                            : 'registry',
            commit,
        }));
    });
    return out;
}

// EXTERNAL MODULE: ../node_modules/@yarnpkg/parsers/lib/index.js
var parsers_lib = __webpack_require__(85241);
;// CONCATENATED MODULE: ../packages/materials/dist/lockfiles/yarn-lock.js
/**
 * yarn.lock, classic (v1) and berry (v2+), both read with yarn's own parser (`@yarnpkg/parsers`).
 * Each block is one resolved package; its key lists the descriptors (`name@range`) it satisfies.
 * Aliases (`alias@npm:real@range`) are reported under the real name.
 */




/** `name@range` → name (scopes start with "@"). */
function descriptorName(descriptor) {
    const at = descriptor.indexOf('@', 1);
    if (at < 0)
        return { name: descriptor, range: '' };
    return { name: descriptor.slice(0, at), range: descriptor.slice(at + 1) };
}
function yarn_lock_unquote(s) {
    const t = s.trim();
    return t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
}
function splitKey(key) {
    return key
        .split(',')
        .map(yarn_lock_unquote)
        .filter((d) => d !== '');
}
/** Lines of the top-level keys, by descriptor, so packages point at their block. */
function blockLines(text) {
    const out = new Map();
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const l = lines[i] ?? '';
        if (l === '' || l.startsWith(' ') || l.startsWith('#') || !l.trimEnd().endsWith(':'))
            continue;
        for (const d of splitKey(l.trimEnd().slice(0, -1)))
            if (!out.has(d))
                out.set(d, i + 1);
    }
    return out;
}
function parseYarnLock(input) {
    const { file, text } = input;
    let doc;
    try {
        doc = (0,parsers_lib/* parseSyml */["do"])(text);
    }
    catch (e) {
        const m = /line (\d+)/i.exec(e instanceof Error ? e.message : '');
        throw lockfileError(file, `not a valid yarn.lock: ${(e instanceof Error ? e.message : String(e)).split('\n')[0] ?? ''}`, m ? Number(m[1]) : undefined);
    }
    if (!isRecord(doc))
        throw lockfileError(file, `a yarn.lock must hold a mapping, not ${typeName(doc)}`);
    const berry = isRecord(doc.__metadata);
    if (berry && isRecord(doc.__metadata)) {
        // Yarn 2 wrote 4, Yarn 3 wrote 6, Yarn 4 writes 8, 9 and (4.10+) 10: the same block shape throughout.
        const v = Number(doc.__metadata.version);
        if (!Number.isInteger(v) || v < 1 || v > 10) {
            newerVersion(input, 'yarn lockfile __metadata.version', doc.__metadata.version, '1 to 10', Number.isInteger(v) && v > 10, 'update secure-factory, or regenerate the lockfile with a released Yarn');
        }
    }
    const lines = blockLines(text);
    const seen = new Set();
    const out = [];
    // For the dependency graph: each descriptor → the package resolving it, and each package's requirements.
    const byDescriptor = new Map();
    const requires = new Map();
    for (const [key, value] of Object.entries(doc)) {
        if (key === '__metadata')
            continue;
        if (!isRecord(value))
            throw lockfileError(file, `entry "${key}" must be a mapping, not ${typeName(value)}`);
        // Classic lockfiles may list the same block under several keys.
        if (seen.has(value))
            continue;
        seen.add(value);
        const descriptors = splitKey(key);
        const first = descriptors[0] ?? key;
        const line = lines.get(first);
        const str = (k) => {
            const v = value[k];
            if (v === undefined || v === null)
                return undefined;
            if (typeof v !== 'string' && typeof v !== 'number')
                throw lockfileError(file, `entry "${key}": "${k}" must be a string, not ${typeName(v)}`, line);
            return String(v);
        };
        const version = str('version');
        if (version === undefined)
            throw lockfileError(file, `entry "${key}" has no version`, line);
        const { name: keyName, range } = descriptorName(first);
        let name = keyName;
        const resolution = str('resolution');
        if (berry && resolution !== undefined) {
            // The project's own workspaces are not dependencies: `name@workspace:path`, the protocol anchored
            // (an `@workspace:` later in another resolution, `x@npm:1.0.0#@workspace:`, is no workspace).
            if (descriptorName(resolution).range.startsWith('workspace:'))
                continue;
            name = descriptorName(resolution).name;
        }
        else if (range.startsWith('npm:') && range.includes('@', 5)) {
            name = descriptorName(range.slice(4)).name;
        }
        checkText(file, 'package name', name, line);
        checkText(file, 'version', version, line);
        const resolved = berry ? resolution : str('resolved');
        const mismatch = berry ? undefined : tarballDisagreement(name, version, resolved);
        if (mismatch)
            throw lockfileError(file, mismatch, line, TARBALL_HINT);
        const commit = commitFromReference(resolved);
        const rangeRef = berry ? descriptorName(resolution ?? '').range : resolved;
        const pkg = makePackage({
            ecosystem: 'npm',
            name,
            version,
            sourceFile: file,
            line,
            integrity: berry ? checksum(str('checksum')) : parseSri(str('integrity')),
            resolved,
            kind: berry ? berryKind(rangeRef ?? '') : jsSourceKind(resolved, range),
            commit,
        });
        out.push(pkg);
        for (const d of descriptors)
            byDescriptor.set(d, pkg);
        const deps = [];
        for (const k of ['dependencies', 'optionalDependencies']) {
            const d = value[k];
            if (isRecord(d))
                for (const [n, r] of Object.entries(d))
                    deps.push([n, String(r)]);
        }
        requires.set(pkg, deps);
    }
    for (const [pkg, deps] of requires) {
        const targets = new Set();
        for (const [n, r] of deps) {
            const t = byDescriptor.get(`${n}@${r}`) ?? byDescriptor.get(`${n}@npm:${r}`);
            if (t && t !== pkg)
                targets.add(t.purl);
        }
        if (targets.size > 0)
            pkg.dependsOn = [...targets];
    }
    markDirect(input, out, byDescriptor);
    return out;
}
/** With the package.json beside the lockfile, the packages its ranges resolve to are the direct ones. */
function markDirect(input, out, byDescriptor) {
    const manifest = input.readRelative('package.json');
    if (!manifest)
        return;
    let doc;
    try {
        doc = JSON.parse(manifest.text);
    }
    catch {
        return;
    }
    if (!isRecord(doc))
        return;
    const direct = new Set();
    for (const k of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
        const d = doc[k];
        if (!isRecord(d))
            continue;
        for (const [n, r] of Object.entries(d)) {
            const t = byDescriptor.get(`${n}@${String(r)}`) ?? byDescriptor.get(`${n}@npm:${String(r)}`);
            if (t)
                direct.add(t);
        }
    }
    for (const p of out)
        p.direct = direct.has(p);
}
function berryKind(range) {
    if (range.startsWith('npm:'))
        return 'registry';
    if (/^(?:file|portal):/.test(range))
        return 'file';
    if (range.startsWith('link:'))
        return 'link';
    return jsSourceKind(range);
}
/** Berry checksums are sha512 hex of the cached zip, optionally prefixed with a cache key (`10/…`). */
function checksum(c) {
    if (!c)
        return undefined;
    const hex = c.includes('/') ? c.slice(c.indexOf('/') + 1) : c;
    return /^[0-9a-f]{128}$/.test(hex) ? { sha512: hex } : undefined;
}

;// CONCATENATED MODULE: ../packages/materials/dist/lockfiles/index.js
/**
 * The lockfile formats secure-factory reads, by file name, and the one entry point that reads a
 * lockfile from disk with the size limit and error reporting every format shares.
 */

















const LOCKFILE_FORMATS = [
    {
        id: 'package-lock',
        description: 'npm package-lock.json / npm-shrinkwrap.json',
        matches: (b) => b === 'package-lock.json' || b === 'npm-shrinkwrap.json',
        parse: parsePackageLock,
    },
    { id: 'yarn-lock', description: 'yarn.lock (classic and berry)', matches: (b) => b === 'yarn.lock', parse: parseYarnLock },
    { id: 'pnpm-lock', description: 'pnpm-lock.yaml (v5, v6, v9)', matches: (b) => b === 'pnpm-lock.yaml', parse: parsePnpmLock },
    { id: 'bun-lock', description: 'bun.lock (text)', matches: (b) => b === 'bun.lock', parse: parseBunLock },
    {
        id: 'requirements',
        description: 'pip requirements.txt',
        matches: (b) => /^requirements.*\.txt$/.test(b) || b === 'requirements.in',
        parse: parseRequirements,
    },
    { id: 'poetry-lock', description: 'poetry.lock', matches: (b) => b === 'poetry.lock', parse: parsePoetryLock },
    { id: 'uv-lock', description: 'uv.lock', matches: (b) => b === 'uv.lock', parse: parseUvLock },
    { id: 'pipfile-lock', description: 'Pipfile.lock', matches: (b) => b === 'Pipfile.lock', parse: parsePipfileLock },
    { id: 'cargo-lock', description: 'Cargo.lock', matches: (b) => b === 'Cargo.lock', parse: parseCargoLock },
    { id: 'go-mod', description: 'go.mod (with go.sum)', matches: (b) => b === 'go.mod', parse: parseGoMod },
    {
        id: 'gemfile-lock',
        description: 'Gemfile.lock / gems.locked',
        matches: (b) => b === 'Gemfile.lock' || b === 'gems.locked',
        parse: parseGemfileLock,
    },
    { id: 'composer-lock', description: 'composer.lock', matches: (b) => b === 'composer.lock', parse: parseComposerLock },
];
function formatFor(file) {
    const base = external_node_path_.basename(file);
    return LOCKFILE_FORMATS.find((f) => f.matches(base));
}
function formatById(id) {
    return LOCKFILE_FORMATS.find((f) => f.id === id);
}
/**
 * Through core's safe reader: regular files only (a FIFO named package-lock.json must not hang the
 * scan, a link to /dev/zero must not be read), the size checked on the open handle, a link leaving
 * `within` refused; the refusal names the file and never quotes it.
 */
function readLimited(file, shown, within) {
    let buf;
    try {
        buf = (0,dist/* readRegularFileSync */.cG)(file, { maxBytes: MAX_LOCKFILE_BYTES, within, what: 'lockfile' });
    }
    catch (e) {
        if (!(e instanceof dist/* UnsafeFileError */.h))
            throw e;
        throw lockfileError(shown, e.message, undefined, e.reason === 'too-large'
            ? 'a lockfile this large is not plausible; check what put it there'
            : e.reason === 'missing'
                ? undefined
                : 'replace it with the regular lockfile its package manager writes');
    }
    // A NUL byte means a binary file (bun.lockb, a corrupt file): not text we can parse.
    if (buf.includes(0))
        throw lockfileError(shown, 'the file is binary, not a text lockfile');
    return buf.toString('utf8').replace(/^\uFEFF/, '');
}
/** Reads and parses one lockfile. Any problem is a ConfigurationError naming the file. */
function readLockfile(file, options = {}) {
    const format = options.format ? formatById(options.format) : formatFor(file);
    const shown = options.root ? external_node_path_.relative(options.root, file) || external_node_path_.basename(file) : file;
    if (!format)
        throw lockfileError(shown, 'not a lockfile format secure-factory knows', undefined, `known: ${LOCKFILE_FORMATS.map((f) => f.description).join(', ')}`);
    const text = readLimited(file, shown, options.root ?? external_node_path_.dirname(file));
    let parsed;
    let parsedOnce = false;
    return format.parse({
        file: shown,
        text,
        json: () => {
            if (!parsedOnce) {
                parsed = (0,dist/* parseJsonText */.lk)(text, shown);
                parsedOnce = true;
            }
            return parsed;
        },
        readRelative: (rel) => {
            const abs = external_node_path_.resolve(external_node_path_.dirname(file), rel);
            // An include must stay inside the scanned folder: a lockfile must not make the scanner read
            // (and echo into its errors) files elsewhere on the machine.
            const boundary = options.root ?? external_node_path_.dirname(file);
            let real;
            try {
                real = (0,external_node_fs_.realpathSync)(abs);
            }
            catch {
                return undefined;
            }
            const inside = external_node_path_.relative((0,external_node_fs_.realpathSync)(boundary), real);
            if (inside.startsWith('..') || external_node_path_.isAbsolute(inside)) {
                throw lockfileError(shown, `refers to ${JSON.stringify(rel)}, outside the scanned folder`);
            }
            try {
                if (!(0,external_node_fs_.statSync)(abs).isFile())
                    return undefined;
            }
            catch {
                return undefined;
            }
            const relShown = options.root ? external_node_path_.relative(options.root, abs) : abs;
            return { file: relShown, text: readLimited(abs, relShown, boundary) };
        },
        options,
    });
}

// EXTERNAL MODULE: ../packages/materials/node_modules/semver/index.js
var semver = __webpack_require__(42415);
;// CONCATENATED MODULE: ../packages/materials/dist/manifests.js
/**
 * Manifests (package.json, Pipfile, pyproject.toml, Cargo.toml, composer.json): what a project declares, held against
 * what its lockfile resolved. With a lockfile of the ecosystem in the manifest's folder or above it
 * (workspaces), every declared dependency must be in that lockfile: one that is not was never resolved
 * (`not-locked`). Without a lockfile every declaration is a package: an exact version is matched, a
 * range, a tag, a URL, a VCS reference without a commit or a path is a package marked unpinned.
 */







const MANIFEST_NAMES = {
    'package.json': 'npm',
    Pipfile: 'PyPI',
    'pyproject.toml': 'PyPI',
    'Cargo.toml': 'crates.io',
    'composer.json': 'Packagist',
};
/** Lockfiles that resolve each manifest's ecosystem. */
const LOCKS = {
    'package.json': ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock'],
    Pipfile: ['Pipfile.lock'],
    'pyproject.toml': ['poetry.lock', 'uv.lock', 'pdm.lock', 'pylock.toml'],
    'Cargo.toml': ['Cargo.lock'],
    'composer.json': ['composer.lock'],
};
function isManifest(basename) {
    return Object.hasOwn(MANIFEST_NAMES, basename);
}
function manifestError(file, message) {
    return new dist/* ConfigurationError */.j1(message, {
        location: { file },
        hint: 'fix the manifest, or exclude it with materials.ignore in the policy',
    });
}
function toml(file, text) {
    try {
        return (0,smol_toml_dist/* parse */.qg)(text);
    }
    catch (e) {
        throw manifestError(file, `not valid TOML: ${(e instanceof Error ? e.message : String(e)).split('\n')[0] ?? ''}`);
    }
}
function lineOf(lines, name) {
    return lines.find(`"${name}"`) ?? lines.find(`${name} =`) ?? lines.find(`${name}=`);
}
/** npm: how a package.json range pins (https://docs.npmjs.com/cli/configuring-npm/package-json#dependencies). */
function npmSpec(spec) {
    const s = spec.trim();
    if (/^(?:git\+|git:|github:|gitlab:|bitbucket:|gist:)/.test(s) || /^[\w-]+\/[\w.-]+(?:#.*)?$/.test(s)) {
        const commit = /#([0-9a-f]{40})$/.exec(s)?.[1];
        return commit ? { version: '', kind: 'git', commit } : { version: '', unpinned: 'vcs', kind: 'git' };
    }
    if (/^https?:\/\//.test(s))
        return { version: '', unpinned: 'url', kind: 'http' };
    if (/^(?:file:|link:|\.{0,2}\/|~\/)/.test(s))
        return { version: '', unpinned: 'path', kind: 'file' };
    const alias = /^npm:(?:@[^/@]+\/)?[^@]+@(.+)$/.exec(s);
    const range = alias?.[1] ?? s;
    if (semver.valid(range) !== null)
        return { version: semver.clean(range) ?? range, kind: 'registry' };
    if (range === '' || range === '*' || range === 'latest' || semver.validRange(range) === null)
        return { version: '', unpinned: 'none', kind: 'registry' };
    return { version: '', unpinned: 'range', kind: 'registry' };
}
function packageJsonDeclarations(file, text) {
    const doc = (0,dist/* parseJsonText */.lk)(text, file);
    if (!isRecord(doc))
        throw manifestError(file, 'a package.json must hold a JSON object');
    const lines = new LineIndex(text);
    const out = [];
    for (const [section, groups] of [
        ['dependencies', []],
        ['devDependencies', ['dev']],
        ['optionalDependencies', ['optional']],
    ]) {
        const deps = doc[section];
        if (deps === undefined)
            continue;
        if (!isRecord(deps))
            throw manifestError(file, `"${section}" must be an object`);
        for (const [name, spec] of Object.entries(deps)) {
            if (typeof spec !== 'string')
                throw manifestError(file, `${section}.${name} must be a string`);
            // Workspace protocol: the project's own packages.
            if (spec.startsWith('workspace:'))
                continue;
            out.push({ name, spec, groups: [...groups], line: lines.find(`${JSON.stringify(name)}:`) });
        }
    }
    return out;
}
/** composer.json `require` / `require-dev`; the platform (`php`, `ext-*`, `lib-*`, `composer-*`) is not a package. */
function composerDeclarations(file, text) {
    const doc = (0,dist/* parseJsonText */.lk)(text, file);
    if (!isRecord(doc))
        throw manifestError(file, 'a composer.json must hold a JSON object');
    const lines = new LineIndex(text);
    const out = [];
    for (const [section, groups] of [
        ['require', []],
        ['require-dev', ['dev']],
    ]) {
        const deps = doc[section];
        if (deps === undefined)
            continue;
        if (!isRecord(deps))
            throw manifestError(file, `"${section}" must be an object`);
        for (const [name, spec] of Object.entries(deps)) {
            if (typeof spec !== 'string')
                throw manifestError(file, `${section}.${name} must be a string`);
            if (!name.includes('/'))
                continue;
            out.push({ name: name.toLowerCase(), spec, groups: [...groups], line: lines.find(`${JSON.stringify(name)}:`) });
        }
    }
    return out;
}
/** Composer: `1.2.3` (or `v1.2.3`, `=1.2.3`) is exact; `dev-main` follows a branch; anything else is a range. */
function composerSpec(spec) {
    const s = spec.trim();
    const exact = /^(?:==?)?v?(\d+(?:\.\d+){0,3}(?:-[\w.]+)?)$/.exec(s);
    if (exact?.[1])
        return { version: exact[1], kind: 'registry' };
    if (/^dev-|\.x-dev$/.test(s))
        return { version: '', unpinned: 'vcs', kind: 'git' };
    return { version: '', unpinned: s === '*' || s === '' ? 'none' : 'range', kind: 'registry' };
}
function pipfileDeclarations(file, text) {
    const doc = toml(file, text);
    const lines = new LineIndex(text);
    const out = [];
    for (const [section, groups] of [
        ['packages', []],
        ['dev-packages', ['dev']],
    ]) {
        const deps = doc[section];
        if (!isRecord(deps))
            continue;
        for (const [name, v] of Object.entries(deps)) {
            const line = lineOf(lines, name);
            let requirement;
            if (typeof v === 'string')
                requirement = v === '*' || v === '' ? name : `${name}${v}`;
            else if (isRecord(v) && typeof v.git === 'string')
                requirement = `${name} @ git+${v.git}${typeof v.ref === 'string' ? `@${v.ref}` : ''}`;
            else if (isRecord(v) && typeof v.file === 'string')
                requirement = `${name} @ ${v.file}`;
            else if (isRecord(v) && typeof v.path === 'string')
                requirement = `${name} @ file:${v.path}`;
            else if (isRecord(v) && typeof v.version === 'string')
                requirement = v.version === '*' ? name : `${name}${v.version}`;
            else
                requirement = name;
            out.push({
                name,
                spec: requirement,
                groups: [...groups],
                line,
                pkg: pythonPackage(requirement, { file, line, groups: [...groups] }),
            });
        }
    }
    return out;
}
/** Poetry constraints: `1.2.3` and `==1.2.3` are exact; `^`, `~`, `*`, `>=`, `||` are ranges. */
function poetryRequirement(name, v) {
    if (typeof v === 'string') {
        const s = v.trim();
        if (s === '*' || s === '')
            return name;
        if (/^\d[\w.+!-]*$/.test(s))
            return `${name}==${s}`;
        // A caret or tilde range starts at its version: matched there, and still unpinned.
        if (/^[\^~]/.test(s) && !s.includes('||'))
            return `${name}>=${s.replace(/^[\^~]=?/, '')}`;
        return `${name}${s}`;
    }
    if (isRecord(v)) {
        if (typeof v.git === 'string')
            return `${name} @ git+${v.git}${typeof v.rev === 'string' ? `@${v.rev}` : ''}`;
        if (typeof v.url === 'string')
            return `${name} @ ${v.url}`;
        if (typeof v.path === 'string')
            return `${name} @ file:${v.path}`;
        if (v.version !== undefined)
            return poetryRequirement(name, v.version);
    }
    return name;
}
function pyprojectDeclarations(file, text) {
    const doc = toml(file, text);
    const lines = new LineIndex(text);
    const out = [];
    const pep508 = (requirement, groups) => {
        const line = lines.find(requirement) ?? lines.find(requirement.split(/[\s<>=!~;[@]/)[0] ?? requirement);
        const pkg = pythonPackage(requirement, { file, line, groups });
        if (!pkg)
            throw manifestError(file, `not a PEP 508 requirement: ${JSON.stringify(requirement.slice(0, 80))}`);
        out.push({ name: pkg.name, spec: requirement, groups, line, pkg });
    };
    const project = isRecord(doc.project) ? doc.project : {};
    if (Array.isArray(project.dependencies))
        for (const r of project.dependencies)
            if (typeof r === 'string')
                pep508(r, []);
    if (isRecord(project['optional-dependencies']))
        for (const [g, list] of Object.entries(project['optional-dependencies']))
            if (Array.isArray(list))
                for (const r of list)
                    if (typeof r === 'string')
                        pep508(r, [g]);
    // PEP 735 dependency groups (strings; `{include-group = …}` tables refer to other groups).
    if (isRecord(doc['dependency-groups']))
        for (const [g, list] of Object.entries(doc['dependency-groups']))
            if (Array.isArray(list))
                for (const r of list)
                    if (typeof r === 'string')
                        pep508(r, [g === 'dev' ? 'dev' : g]);
    const poetry = isRecord(doc.tool) && isRecord(doc.tool.poetry) ? doc.tool.poetry : undefined;
    if (poetry) {
        const sections = [
            [poetry.dependencies, []],
            [poetry['dev-dependencies'], ['dev']],
        ];
        if (isRecord(poetry.group))
            for (const [g, v] of Object.entries(poetry.group))
                if (isRecord(v))
                    sections.push([v.dependencies, [g === 'dev' ? 'dev' : g]]);
        for (const [deps, groups] of sections) {
            if (!isRecord(deps))
                continue;
            for (const [name, v] of Object.entries(deps)) {
                if (name.toLowerCase() === 'python')
                    continue;
                const line = lineOf(lines, name);
                const requirement = poetryRequirement(name, v);
                out.push({ name, spec: requirement, groups, line, pkg: pythonPackage(requirement, { file, line, groups }) });
            }
        }
    }
    return out;
}
/** Cargo: `"1.2"` is a caret range; `"=1.2.3"` is exact; git without `rev` follows a branch. */
function cargoDeclarations(file, text) {
    const doc = toml(file, text);
    const lines = new LineIndex(text);
    const out = [];
    const tables = [
        [doc.dependencies, []],
        [doc['dev-dependencies'], ['dev']],
        [doc['build-dependencies'], ['build']],
    ];
    if (isRecord(doc.target))
        for (const t of Object.values(doc.target))
            if (isRecord(t))
                tables.push([t.dependencies, []], [t['dev-dependencies'], ['dev']], [t['build-dependencies'], ['build']]);
    if (isRecord(doc.workspace))
        tables.push([doc.workspace.dependencies, []]);
    for (const [deps, groups] of tables) {
        if (!isRecord(deps))
            continue;
        for (const [key, v] of Object.entries(deps)) {
            if (isRecord(v) && v.workspace === true)
                continue; // declared once in [workspace.dependencies]
            const name = isRecord(v) && typeof v.package === 'string' ? v.package : key;
            let spec;
            if (typeof v === 'string')
                spec = v;
            else if (isRecord(v) && typeof v.git === 'string')
                spec = `git+${v.git}${typeof v.rev === 'string' ? `#${v.rev}` : typeof v.tag === 'string' ? `?tag=${v.tag}` : typeof v.branch === 'string' ? `?branch=${v.branch}` : ''}`;
            else if (isRecord(v) && typeof v.path === 'string')
                spec = `path:${v.path}`;
            else if (isRecord(v) && typeof v.version === 'string')
                spec = v.version;
            else
                spec = '*';
            out.push({ name, spec, groups, line: lineOf(lines, key) });
        }
    }
    return out;
}
function cargoSpec(spec) {
    if (spec.startsWith('git+')) {
        const commit = /#([0-9a-f]{40})$/.exec(spec)?.[1];
        return commit ? { version: '', kind: 'git', commit } : { version: '', unpinned: 'vcs', kind: 'git' };
    }
    if (spec.startsWith('path:'))
        return { version: '', unpinned: 'path', kind: 'file' };
    const exact = /^=\s*(\d+\.\d+\.\d+[\w.+-]*)$/.exec(spec.trim());
    if (exact?.[1])
        return { version: exact[1], kind: 'registry' };
    return { version: '', unpinned: spec.trim() === '*' ? 'none' : 'range', kind: 'registry' };
}
/** The lockfile names that resolve a manifest, in the order a package manager prefers them. */
function lockfilesFor(manifestBase) {
    return LOCKS[manifestBase] ?? [];
}
/** Reads a manifest: declared dependencies missing from its lockfile, or (without one) every declaration. */
function readManifest(ctx) {
    const base = external_node_path_.posix.basename(ctx.file);
    const ecosystem = MANIFEST_NAMES[base];
    if (!ecosystem)
        return [];
    const declared = base === 'package.json'
        ? packageJsonDeclarations(ctx.file, ctx.text)
        : base === 'Pipfile'
            ? pipfileDeclarations(ctx.file, ctx.text)
            : base === 'pyproject.toml'
                ? pyprojectDeclarations(ctx.file, ctx.text)
                : base === 'composer.json'
                    ? composerDeclarations(ctx.file, ctx.text)
                    : cargoDeclarations(ctx.file, ctx.text);
    const out = [];
    if (ctx.locked) {
        const norm = (n) => ecosystem === 'PyPI'
            ? normalizePythonName(n)
            : ecosystem === 'crates.io'
                ? n.replace(/_/g, '-')
                : ecosystem === 'Packagist'
                    ? n.toLowerCase()
                    : n;
        const names = new Set(ctx.locked.map((p) => norm(p.name)));
        for (const d of declared) {
            if (names.has(norm(d.name)))
                continue;
            // A local path dependency is the project's own code, which the lockfile need not list.
            if (d.pkg?.unpinned === 'path' || d.spec.startsWith('path:') || /^(?:file:|link:)/.test(d.spec))
                continue;
            checkText(ctx.file, 'package name', d.name, d.line);
            out.push(makePackage({
                ecosystem,
                name: d.name,
                version: '',
                sourceFile: ctx.file,
                groups: d.groups,
                direct: true,
                line: d.line,
                unpinned: 'not-locked',
                declared: `${d.spec} (not in ${ctx.lockfile ?? 'the lockfile'})`,
            }));
        }
        return out;
    }
    for (const d of declared) {
        if (d.pkg) {
            out.push(d.pkg);
            continue;
        }
        checkText(ctx.file, 'package name', d.name, d.line);
        const c = ecosystem === 'npm' ? npmSpec(d.spec) : ecosystem === 'Packagist' ? composerSpec(d.spec) : cargoSpec(d.spec);
        checkText(ctx.file, 'version', c.version, d.line);
        out.push(makePackage({
            ecosystem,
            name: d.name,
            version: c.version,
            sourceFile: ctx.file,
            groups: d.groups,
            direct: true,
            line: d.line,
            kind: c.kind,
            commit: c.commit,
            resolved: c.kind === 'registry' ? undefined : d.spec,
            unpinned: c.unpinned,
            declared: c.unpinned ? `${d.name}@${d.spec}` : undefined,
        }));
    }
    return out;
}

;// CONCATENATED MODULE: ../packages/materials/dist/discover.js
/**
 * Finds every material file under a folder: lockfiles, workflows, actions, Dockerfiles, compose files
 * and Kubernetes manifests, plus other scanners' suppression files (which secure-factory ignores and
 * reports: only the repository's policy file may waive a finding). Dependency and vendored trees are
 * skipped, symbolic links are not followed.
 */





/** Folders that hold installed or vendored third-party code, not the project's own declarations. */
const SKIPPED_DIRS = new Set([
    'node_modules',
    '.git',
    'vendor',
    'bower_components',
    'jspm_packages',
    '.yarn',
    '.pnpm-store',
    '.venv',
    'venv',
    '.tox',
    '__pycache__',
    'site-packages',
    'third_party',
    '.secure-factory',
]);
/** Other tools' ways to silence findings; inside the scanned tree they are not trusted. */
const SUPPRESSION_FILES = new Set([
    'osv-scanner.toml',
    '.osv-scanner.toml',
    '.trivyignore',
    '.trivyignore.yaml',
    '.grype.yaml',
    '.snyk',
    '.nsprc',
    'audit-ci.json',
    'audit-ci.jsonc',
    '.auditignore',
    'better-npm-audit.json',
    '.safety-policy.yml',
    '.retireignore.json',
    'dependency-check-suppressions.xml',
]);
/** A matcher for `materials.ignore` globs over paths relative to the scanned folder (a folder matches with or without `/**`). */
function ignoreMatcher(globs) {
    if (globs.length === 0)
        return () => false;
    const patterns = globs.map(dist/* outputGlob */.e9);
    const match = (p) => patterns.some((g) => g.test(p));
    return (rel) => match(rel) || match(`${rel}/`);
}
const MAX_FILES = 200_000;
const MAX_DEPTH = 40;
function discover(root, ignore = []) {
    const ignored = ignoreMatcher(ignore);
    const found = {
        lockfiles: [],
        workflows: [],
        actions: [],
        dockerfiles: [],
        compose: [],
        kubernetes: [],
        suppressions: [],
        manifests: [],
        ignored: [],
    };
    let count = 0;
    const walk = (dir, depth) => {
        if (depth > MAX_DEPTH)
            return;
        let entries;
        try {
            entries = (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true });
        }
        catch (e) {
            throw new dist/* ConfigurationError */.j1(`cannot read the folder: ${e.code ?? String(e)}`, {
                location: { file: dir },
            });
        }
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        const names = new Set(entries.map((e) => e.name));
        for (const e of entries) {
            if (++count > MAX_FILES)
                throw new dist/* ConfigurationError */.j1(`more than ${MAX_FILES} files under the scanned folder`, { location: { file: root } });
            const full = external_node_path_.join(dir, e.name);
            const rel = external_node_path_.relative(root, full).split(external_node_path_.sep).join('/');
            if (e.isDirectory()) {
                if (SKIPPED_DIRS.has(e.name))
                    continue;
                if (ignored(rel))
                    found.ignored.push(`${rel}/`);
                else
                    walk(full, depth + 1);
                continue;
            }
            // A FIFO, device or link carrying a lockfile or manifest name is kept, so the safe reader refuses it
            // by name (a scan must not skip a lockfile silently); other non-regular entries are skipped.
            if (!e.isFile() && !formatFor(e.name) && !isManifest(e.name))
                continue;
            if (ignored(rel)) {
                if (formatFor(e.name) || isManifest(e.name))
                    found.ignored.push(rel);
                continue;
            }
            if (isManifest(e.name))
                found.manifests.push(full);
            if (SUPPRESSION_FILES.has(e.name))
                found.suppressions.push(full);
            // npm uses npm-shrinkwrap.json over package-lock.json when both exist.
            if (e.name === 'package-lock.json' && names.has('npm-shrinkwrap.json'))
                continue;
            if (formatFor(e.name)) {
                // go.mod of a module without dependencies still names the Go toolchain: keep it.
                found.lockfiles.push(full);
                continue;
            }
            const lower = e.name.toLowerCase();
            if (/(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(rel))
                found.workflows.push(full);
            else if (lower === 'action.yml' || lower === 'action.yaml')
                found.actions.push(full);
            else if (lower === 'dockerfile' || lower === 'containerfile' || lower.startsWith('dockerfile.') || lower.endsWith('.dockerfile'))
                found.dockerfiles.push(full);
            else if (/^(?:docker-)?compose(?:\.[\w-]+)?\.ya?ml$/.test(lower))
                found.compose.push(full);
            else if (/\.ya?ml$/.test(lower) && looksLikeKubernetes(full))
                found.kubernetes.push(full);
        }
    };
    const st = (0,external_node_fs_.statSync)(root);
    if (!st.isDirectory())
        throw new dist/* ConfigurationError */.j1('not a folder', { location: { file: root } });
    walk(root, 0);
    return found;
}
/**
 * A sniff, so anything odd is simply no manifest: the file is read through core's safe reader (a FIFO
 * is never opened, a link is not followed, the size is checked on the open handle), so a file swapped
 * for a FIFO or a link to /dev/zero after the listing cannot hang or exhaust the scan.
 */
function looksLikeKubernetes(file) {
    try {
        const text = (0,dist/* readRegularFileSync */.cG)(file, { maxBytes: 5 * 1024 * 1024, within: false, what: 'YAML file' }).toString('utf8');
        // Helm and other templates are not YAML until rendered; their images come from values files.
        if (text.includes('{{'))
            return false;
        return (/^apiVersion:\s*\S/m.test(text) &&
            /^kind:\s*(?:Pod|Deployment|StatefulSet|DaemonSet|ReplicaSet|ReplicationController|Job|CronJob|PodTemplate)\b/m.test(text));
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ../packages/materials/dist/other/image-ref.js
/** Container image references as Docker parses them: `[registry/]repository[:tag][@digest]`. */

const DEFAULT_REGISTRY = 'docker.io';
/** Parses an image reference; undefined when it is not one (an unresolved variable, garbage). */
function parseImageRef(ref) {
    const s = ref.trim().replace(/^docker:\/\//, '');
    if (s === '' || /[\s$]/.test(s))
        return undefined;
    let rest = s;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!/^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/.test(digest))
            return undefined;
    }
    let tag;
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!/^[\w][\w.-]{0,127}$/.test(tag))
            return undefined;
    }
    let registry = DEFAULT_REGISTRY;
    const slash = rest.indexOf('/');
    if (slash > 0) {
        const first = rest.slice(0, slash);
        // The first component is a registry when it looks like a host (a dot, a port, or localhost).
        if (first.includes('.') || first.includes(':') || first === 'localhost') {
            registry = first;
            rest = rest.slice(slash + 1);
        }
    }
    if (registry === 'index.docker.io' || registry === 'registry-1.docker.io')
        registry = DEFAULT_REGISTRY;
    if (!/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(rest))
        return undefined;
    if (registry === DEFAULT_REGISTRY && !rest.includes('/'))
        rest = `library/${rest}`;
    const out = { registry, repository: rest };
    if (tag !== undefined)
        out.tag = tag;
    if (digest !== undefined)
        out.digest = digest;
    return out;
}
/** `registry/repository` for matching against allowed registry prefixes (`ghcr.io/acme`). */
function imageLocation(ref) {
    return `${ref.registry}/${ref.repository}`;
}
function imagePackage(reference, sourceFile, line, groups = []) {
    const ref = parseImageRef(reference);
    const base = {
        ecosystem: 'Docker',
        name: reference,
        version: '',
        purl: '',
        groups,
        direct: true,
        sourceFile,
        reference,
        pinned: false,
        kind: 'registry',
    };
    if (line !== undefined)
        base.line = line;
    if (!ref) {
        base.purl = `pkg:docker/${encodeURIComponent(reference)}`;
        return base;
    }
    const slash = ref.repository.lastIndexOf('/');
    const namespace = slash > 0 ? ref.repository.slice(0, slash) : undefined;
    const name = slash > 0 ? ref.repository.slice(slash + 1) : ref.repository;
    const version = ref.digest ?? ref.tag ?? 'latest';
    const qualifiers = {};
    if (ref.registry !== DEFAULT_REGISTRY)
        qualifiers.repository_url = ref.registry;
    if (ref.digest && ref.tag)
        qualifiers.tag = ref.tag;
    base.name = ref.registry === DEFAULT_REGISTRY ? ref.repository : `${ref.registry}/${ref.repository}`;
    base.version = version;
    base.purl = new packageurl_js.PackageURL('docker', namespace, name, version, Object.keys(qualifiers).length ? qualifiers : undefined, undefined).toString();
    base.pinned = ref.digest !== undefined && /^sha256:[0-9a-f]{64}$/.test(ref.digest);
    base.registry = ref.registry;
    base.resolved = `${ref.registry}/${ref.repository}`;
    return base;
}

;// CONCATENATED MODULE: ../packages/materials/dist/other/dockerfile.js

function logical(text) {
    const raw = text.split(/\r?\n/);
    const out = [];
    for (let i = 0; i < raw.length; i++) {
        const line = i + 1;
        let l = raw[i] ?? '';
        while (/\\\s*$/.test(l) && i + 1 < raw.length)
            l = l.replace(/\\\s*$/, ' ') + (raw[++i] ?? '');
        out.push({ text: l.trim(), line });
    }
    return out;
}
function substitute(s, args) {
    return s.replace(/\$\{(\w+)(?::?-([^}]*))?\}|\$(\w+)/g, (whole, a, def, b) => {
        const name = a ?? b ?? '';
        const v = args.get(name);
        if (v !== undefined && v !== '')
            return v;
        if (def !== undefined)
            return def;
        return whole;
    });
}
function dockerfileImages(text, file) {
    const args = new Map();
    const stages = new Set();
    const out = [];
    let seenFrom = false;
    for (const { text: l, line } of logical(text)) {
        if (l === '' || l.startsWith('#'))
            continue;
        const m = /^(\w+)\s+(.*)$/.exec(l);
        if (!m?.[1])
            continue;
        const instr = m[1].toUpperCase();
        const rest = m[2] ?? '';
        if (instr === 'ARG' && !seenFrom) {
            const a = /^(\w+)(?:=(?:"([^"]*)"|'([^']*)'|(\S*)))?/.exec(rest);
            if (a?.[1])
                args.set(a[1], a[2] ?? a[3] ?? a[4] ?? '');
            continue;
        }
        if (instr !== 'FROM')
            continue;
        seenFrom = true;
        const words = rest.split(/\s+/).filter((w) => !w.startsWith('--'));
        const image = substitute(words[0] ?? '', args);
        const asIdx = words.findIndex((w) => w.toLowerCase() === 'as');
        const stage = asIdx >= 0 ? words[asIdx + 1] : undefined;
        if (image !== '' && image.toLowerCase() !== 'scratch' && !stages.has(image.toLowerCase())) {
            out.push(imagePackage(image, file, line, ['base-image']));
        }
        if (stage)
            stages.add(stage.toLowerCase());
    }
    return out;
}

;// CONCATENATED MODULE: ../packages/materials/dist/other/yaml-materials.js
/**
 * Actions and images named in YAML: workflow `uses:` (steps and reusable workflows), composite and
 * docker actions, workflow `container:`/`services:`, compose `image:` and Kubernetes pod specs.
 */





function yaml_materials_lineOf(ctx, node) {
    const start = node?.range?.[0];
    return start === undefined ? undefined : ctx.lc.linePos(start).line;
}
function get(node, key) {
    if (!(0,yaml_dist/* isMap */.jh)(node))
        return undefined;
    const v = node.get(key, true);
    return v === undefined || v === null ? undefined : v;
}
function scalar(node) {
    return (0,yaml_dist/* isScalar */.jn)(node) && typeof node.value === 'string' ? node.value : undefined;
}
/** `owner/repo[/path]@ref` → a GitHub Actions package, pinned when the ref is a full commit SHA. */
function actionPackage(uses, file, line, groups) {
    if (uses.startsWith('./') || uses.startsWith('$/'))
        return undefined;
    const at = uses.lastIndexOf('@');
    const target = at > 0 ? uses.slice(0, at) : uses;
    const ref = at > 0 ? uses.slice(at + 1) : '';
    const parts = target.split('/');
    const owner = parts[0] ?? '';
    const repo = parts[1] ?? '';
    const subpath = parts.slice(2).join('/');
    let purl;
    try {
        purl = new packageurl_js.PackageURL('githubactions', owner.toLowerCase(), repo.toLowerCase(), ref || undefined, undefined, subpath || undefined).toString();
    }
    catch {
        purl = `pkg:githubactions/${encodeURIComponent(target)}`;
    }
    const pkg = {
        ecosystem: 'GitHub Actions',
        name: `${owner}/${repo}`,
        version: ref,
        purl,
        groups,
        direct: true,
        sourceFile: file,
        reference: uses,
        pinned: /^[0-9a-f]{40}$/.test(ref),
        kind: 'git',
        resolved: `https://github.com/${owner}/${repo}`,
    };
    if (/^[0-9a-f]{40}$/.test(ref))
        pkg.commit = ref;
    if (line !== undefined)
        pkg.line = line;
    return pkg;
}
function addUses(ctx, node, group) {
    const uses = scalar(node);
    if (!uses)
        return;
    const line = yaml_materials_lineOf(ctx, node);
    if (uses.startsWith('docker://')) {
        ctx.out.push(imagePackage(uses.slice('docker://'.length), ctx.file, line, [group]));
        return;
    }
    const p = actionPackage(uses, ctx.file, line, [group]);
    if (p)
        ctx.out.push(p);
}
function addImage(ctx, node, group) {
    const raw = scalar(node);
    if (!raw || raw.includes('${{'))
        return;
    // Compose interpolation: a variable with a default resolves to the default; others stay unresolved.
    const image = raw.replace(/\$\{\w+:?-([^}]*)\}/g, '$1');
    ctx.out.push(imagePackage(image, ctx.file, yaml_materials_lineOf(ctx, node), [group]));
}
function steps(ctx, seq) {
    if (!(0,yaml_dist/* isSeq */.oP)(seq))
        return;
    for (const step of seq.items)
        addUses(ctx, get(step, 'uses'), 'action');
}
function workflow(ctx, doc) {
    const jobs = get(doc, 'jobs');
    if (!(0,yaml_dist/* isMap */.jh)(jobs))
        return;
    for (const pair of jobs.items) {
        const job = pair.value;
        addUses(ctx, get(job, 'uses'), 'reusable-workflow');
        steps(ctx, get(job, 'steps'));
        const container = get(job, 'container');
        if ((0,yaml_dist/* isScalar */.jn)(container))
            addImage(ctx, container, 'container');
        else
            addImage(ctx, get(container, 'image'), 'container');
        const services = get(job, 'services');
        if ((0,yaml_dist/* isMap */.jh)(services))
            for (const s of services.items)
                addImage(ctx, get(s.value, 'image'), 'service');
    }
}
function action(ctx, doc) {
    const runs = get(doc, 'runs');
    steps(ctx, get(runs, 'steps'));
    const image = scalar(get(runs, 'image'));
    if (image?.startsWith('docker://'))
        ctx.out.push(imagePackage(image.slice(9), ctx.file, yaml_materials_lineOf(ctx, get(runs, 'image')), ['container']));
}
function compose(ctx, doc) {
    const services = get(doc, 'services');
    if ((0,yaml_dist/* isMap */.jh)(services))
        for (const s of services.items)
            addImage(ctx, get(s.value, 'image'), 'compose');
}
/** Every `containers`/`initContainers`/`ephemeralContainers` image, at any depth (pods, templates, CronJobs). */
function kubernetes(ctx, node, depth = 0) {
    if (depth > 40)
        return;
    if ((0,yaml_dist/* isMap */.jh)(node)) {
        for (const pair of node.items) {
            const key = (0,yaml_dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : '';
            const value = pair.value;
            if ((key === 'containers' || key === 'initContainers' || key === 'ephemeralContainers') && (0,yaml_dist/* isSeq */.oP)(value)) {
                for (const c of value.items)
                    addImage(ctx, get(c, 'image'), 'kubernetes');
            }
            else
                kubernetes(ctx, value, depth + 1);
        }
    }
    else if ((0,yaml_dist/* isSeq */.oP)(node)) {
        for (const item of node.items)
            kubernetes(ctx, item, depth + 1);
    }
}
function yamlMaterials(text, file, kind) {
    if (depthOf(text) > MAX_YAML_DEPTH) {
        throw new dist/* ConfigurationError */.j1(`the YAML is nested more than ${MAX_YAML_DEPTH} levels deep`, { location: { file } });
    }
    const lc = new yaml_dist/* LineCounter */.HN();
    let docs;
    try {
        docs = (0,yaml_dist/* parseAllDocuments */.hR)(text, { lineCounter: lc, uniqueKeys: false });
    }
    catch (e) {
        throw new dist/* ConfigurationError */.j1(`not valid YAML: ${e instanceof Error ? e.message : String(e)}`, { location: { file } });
    }
    if (!Array.isArray(docs))
        return [];
    const ctx = { file, lc, out: [] };
    for (const d of docs) {
        const err = d.errors[0];
        if (err) {
            throw new dist/* ConfigurationError */.j1(`not valid YAML: ${err.message.split('\n')[0] ?? ''}`, {
                location: { file, line: err.linePos?.[0]?.line },
            });
        }
        const root = d.contents;
        if (!root)
            continue;
        if (kind === 'workflow')
            workflow(ctx, root);
        else if (kind === 'action')
            action(ctx, root);
        else if (kind === 'compose')
            compose(ctx, root);
        else
            kubernetes(ctx, root);
    }
    return ctx.out;
}

;// CONCATENATED MODULE: ../packages/materials/dist/materials.js
/** Reads every material under a path (a folder, a single lockfile or manifest) into one package list. */








/** `FORMAT:PATH` → an explicit lockfile; an unknown format is a usage error listing the known ones. */
function parseLockfileArgument(arg) {
    const i = arg.indexOf(':');
    const format = i > 0 ? arg.slice(0, i) : '';
    const file = i > 0 ? arg.slice(i + 1) : '';
    const known = `FORMAT is one of: ${LOCKFILE_FORMATS.map((f) => f.id).join(', ')}`;
    if (file === '')
        throw new dist/* ConfigurationError */.j1(`--lockfile ${JSON.stringify(arg)}: expected FORMAT:PATH`, { hint: known });
    if (!formatById(format))
        throw new dist/* ConfigurationError */.j1(`--lockfile ${JSON.stringify(arg)}: unknown format ${JSON.stringify(format)}; ${known}`);
    return { format, path: file };
}
/**
 * Manifests, Dockerfiles and YAML through core's safe reader: regular files only, size checked on the
 * open handle, a link leaving the scanned root refused; the refusal names the file, never its content.
 */
function readText(file, shown, root) {
    try {
        return (0,dist/* readRegularFileSync */.cG)(file, { maxBytes: MAX_LOCKFILE_BYTES, within: root }).toString('utf8');
    }
    catch (e) {
        if (!(e instanceof dist/* UnsafeFileError */.h))
            throw e;
        throw new dist/* ConfigurationError */.j1(e.message, { location: { file: shown }, ...(e.hint ? { hint: e.hint } : {}) });
    }
}
function realOr(p) {
    try {
        return (0,external_node_fs_.realpathSync)(p);
    }
    catch {
        return p;
    }
}
/**
 * A `-L FORMAT:PATH` lockfile must lie inside the scanned folder, by its name and after every link is
 * resolved: a lockfile parser quotes the line it cannot read, so `-L requirements:../../etc/passwd` (or a
 * link to a token) would print a line of a file outside the project. Refused by the path given, nothing read.
 */
function checkExplicitInside(x, root) {
    const abs = external_node_path_.resolve(x.path);
    const base = external_node_path_.resolve(root);
    if (!(0,dist/* isInside */.FK)(abs, base) || !(0,dist/* isInside */.FK)(realOr(abs), realOr(base))) {
        throw new dist/* ConfigurationError */.j1(`--lockfile ${x.format}:${x.path}: the path leaves the scanned folder ${base}; refused, nothing read`, {
            location: { file: x.path },
            hint: 'name a lockfile inside the scanned folder (a link must stay inside it too), or scan the folder that holds it',
        });
    }
}
function append(into, items) {
    // Not push(...items): a spread of 100k+ arguments overflows the call stack.
    for (const x of items)
        into.push(x);
}
/** A lockfile that cannot be read names the ignore key that would exclude it (fixtures, vendored trees). */
function withIgnoreHint(e, rel) {
    if (!(e instanceof dist/* ConfigurationError */.j1))
        return e;
    const hint = `${e.hint ? `${e.hint}; ` : ''}if it is a test fixture or vendored file, exclude it in the policy: materials: { ignore: [${JSON.stringify(rel)}] }`;
    return new dist/* ConfigurationError */.j1(e.message, { ...(e.location ? { location: e.location } : {}), hint, cause: e });
}
function collectMaterials(target, options = {}) {
    let st;
    try {
        st = (0,external_node_fs_.statSync)(target);
    }
    catch (e) {
        throw new dist/* ConfigurationError */.j1(`cannot read: ${e.code ?? String(e)}`, { location: { file: target } });
    }
    const root = st.isDirectory() ? target : external_node_path_.dirname(target);
    const rel = (f) => external_node_path_.relative(root, f).split(external_node_path_.sep).join('/') || external_node_path_.basename(f);
    const out = { packages: [], lockfiles: [], files: [], suppressions: [], ignored: [] };
    const byLockfile = new Map();
    const lockfile = (f, format) => {
        let pkgs;
        try {
            pkgs = readLockfile(f, {
                root,
                ...(format ? { format } : {}),
                ...(options.logger ? { warn: (m) => options.logger?.warning(m, { file: rel(f) }) } : {}),
            });
        }
        catch (e) {
            throw withIgnoreHint(e, rel(f));
        }
        byLockfile.set(external_node_path_.resolve(f), pkgs);
        append(out.packages, pkgs);
        out.lockfiles.push(f);
        out.files.push(rel(f));
    };
    const manifest = (f) => {
        // The lockfile resolving a manifest sits beside it or, for a workspace member, in a folder above.
        let locked;
        let lockName;
        for (let dir = external_node_path_.dirname(external_node_path_.resolve(f));; dir = external_node_path_.dirname(dir)) {
            for (const name of lockfilesFor(external_node_path_.basename(f))) {
                const candidate = external_node_path_.join(dir, name);
                const known = byLockfile.get(candidate);
                if (known) {
                    locked = known;
                    lockName = rel(candidate);
                    break;
                }
            }
            if (locked || dir === external_node_path_.resolve(root) || external_node_path_.dirname(dir) === dir || !dir.startsWith(external_node_path_.resolve(root)))
                break;
        }
        if (!locked) {
            // A workspace member scanned on its own: its lockfile is above the scanned folder. It is not read
            // (nothing outside the folder is), but the member's ranges are resolved there, not unpinned.
            for (let dir = external_node_path_.dirname(external_node_path_.resolve(root));; dir = external_node_path_.dirname(dir)) {
                const above = lockfilesFor(external_node_path_.basename(f)).find((name) => {
                    try {
                        return (0,external_node_fs_.statSync)(external_node_path_.join(dir, name)).isFile();
                    }
                    catch {
                        return false;
                    }
                });
                if (above) {
                    options.logger?.info(`${rel(f)}: resolved by ${external_node_path_.join(dir, above)}, above the scanned folder (not read)`);
                    out.files.push(rel(f));
                    return;
                }
                if (external_node_path_.dirname(dir) === dir)
                    break;
            }
        }
        try {
            append(out.packages, readManifest({ file: rel(f), text: readText(f, rel(f), root), locked, lockfile: lockName }));
        }
        catch (e) {
            throw withIgnoreHint(e, rel(f));
        }
        out.files.push(rel(f));
    };
    const yaml = (file, kind) => {
        append(out.packages, yamlMaterials(readText(file, rel(file), root), rel(file), kind));
        out.files.push(rel(file));
    };
    for (const x of options.lockfiles ?? [])
        checkExplicitInside(x, root);
    for (const x of options.lockfiles ?? [])
        lockfile(external_node_path_.resolve(x.path), x.format);
    if (!st.isDirectory()) {
        const base = external_node_path_.basename(target);
        if (formatFor(base)) {
            lockfile(target);
            return out;
        }
        if (isManifest(base)) {
            // A manifest given alone is held against the lockfile beside it, when there is one.
            for (const name of lockfilesFor(base)) {
                const sibling = external_node_path_.join(root, name);
                try {
                    if ((0,external_node_fs_.statSync)(sibling).isFile()) {
                        lockfile(sibling);
                        break;
                    }
                }
                catch {
                    // no such lockfile
                }
            }
            manifest(target);
            return out;
        }
        if (/^(?:dockerfile|containerfile)/i.test(base) || /\.dockerfile$/i.test(base)) {
            append(out.packages, dockerfileImages(readText(target, base, root), base));
        }
        else if (base === 'action.yml' || base === 'action.yaml')
            yaml(target, 'action');
        else if (/^(?:docker-)?compose/.test(base))
            yaml(target, 'compose');
        else if (/\.ya?ml$/.test(base))
            yaml(target, /(?:^|\/)\.github\/workflows\//.test(target) ? 'workflow' : 'kubernetes');
        else if (SUPPRESSION_FILES.has(base))
            out.suppressions.push(base);
        else if ((options.lockfiles ?? []).length > 0)
            return out;
        else
            throw new dist/* ConfigurationError */.j1('not a lockfile, manifest or SBOM secure-factory knows', { location: { file: target } });
        if (!out.files.includes(base))
            out.files.push(base);
        return out;
    }
    const found = discover(root, options.ignore ?? []);
    const explicit = new Set((options.lockfiles ?? []).map((x) => external_node_path_.resolve(x.path)));
    for (const f of found.lockfiles)
        if (!explicit.has(external_node_path_.resolve(f)))
            lockfile(f);
    for (const f of found.manifests)
        manifest(f);
    for (const f of found.workflows)
        yaml(f, 'workflow');
    for (const f of found.actions)
        yaml(f, 'action');
    for (const f of found.compose)
        yaml(f, 'compose');
    for (const f of found.kubernetes)
        yaml(f, 'kubernetes');
    for (const f of found.dockerfiles) {
        append(out.packages, dockerfileImages(readText(f, rel(f), root), rel(f)));
        out.files.push(rel(f));
    }
    out.suppressions = found.suppressions.map(rel);
    out.ignored = found.ignored;
    return out;
}

;// CONCATENATED MODULE: ../packages/materials/dist/osv/ecosystems.js
/**
 * OSV ecosystem names and package-name normalisation. The lockfile parsers may say `pypi` or
 * `cargo` (purl types); OSV records say `PyPI` and `crates.io`. Both are mapped to OSV's canonical
 * spelling, and a `:suffix` (a release: `Debian:12`, `Alpine:v3.20`) is kept apart.
 */
const CANONICAL = {
    npm: 'npm',
    pypi: 'PyPI',
    go: 'Go',
    golang: 'Go',
    'crates.io': 'crates.io',
    cargo: 'crates.io',
    rubygems: 'RubyGems',
    gem: 'RubyGems',
    packagist: 'Packagist',
    composer: 'Packagist',
    maven: 'Maven',
    nuget: 'NuGet',
    hex: 'Hex',
    pub: 'Pub',
    hackage: 'Hackage',
    cran: 'CRAN',
    swifturl: 'SwiftURL',
    'github actions': 'GitHub Actions',
    githubactions: 'GitHub Actions',
    debian: 'Debian',
    ubuntu: 'Ubuntu',
    alpine: 'Alpine',
    apk: 'Alpine',
    deb: 'Debian',
    wolfi: 'Wolfi',
    chainguard: 'Chainguard',
    'red hat': 'Red Hat',
    redhat: 'Red Hat',
    'rocky linux': 'Rocky Linux',
    almalinux: 'AlmaLinux',
    suse: 'SUSE',
    opensuse: 'openSUSE',
    mageia: 'Mageia',
    openeuler: 'openEuler',
    'photon os': 'Photon OS',
    ghc: 'GHC',
};
const parsedCache = new Map();
function parseEcosystem(ecosystem) {
    const hit = parsedCache.get(ecosystem);
    if (hit)
        return hit;
    const trimmed = ecosystem.trim();
    const colon = trimmed.indexOf(':');
    const rawBase = colon >= 0 ? trimmed.slice(0, colon) : trimmed;
    const suffix = colon >= 0 ? trimmed.slice(colon + 1) : undefined;
    const parsed = { base: CANONICAL[rawBase.toLowerCase()] ?? rawBase, suffix: suffix === '' ? undefined : suffix };
    if (parsedCache.size > 10_000)
        parsedCache.clear();
    parsedCache.set(ecosystem, parsed);
    return parsed;
}
/** The canonical ecosystem string (`pypi` → `PyPI`, `debian:12` → `Debian:12`). */
function canonicalEcosystem(ecosystem) {
    const { base, suffix } = parseEcosystem(ecosystem);
    return suffix === undefined ? base : `${base}:${suffix}`;
}
/**
 * Does a record's `affected[].package.ecosystem` cover a package's ecosystem? The bases must be the
 * same ecosystem; when both name a release they must name the same one. A package that names no
 * release (`Debian`) is covered by every release's records, and a record that names none covers
 * every release. Another ecosystem never matches.
 */
function ecosystemCovers(recordEcosystem, packageEcosystem) {
    const r = parseEcosystem(recordEcosystem);
    const p = parseEcosystem(packageEcosystem);
    if (r.base !== p.base)
        return false;
    return r.suffix === undefined || p.suffix === undefined || r.suffix === p.suffix;
}
/**
 * The name as the ecosystem compares names: PyPI per PEP 503 (lower case, runs of `-_.` are one
 * `-`); Packagist, NuGet and GitHub Actions are case-insensitive; everything else is exact (npm,
 * Go module paths, crates, gems and Maven coordinates are compared as written).
 */
function normalisePackageName(ecosystem, name) {
    const { base } = parseEcosystem(ecosystem);
    const n = name.trim();
    switch (base) {
        case 'PyPI':
            return n.toLowerCase().replace(/[-_.]+/g, '-');
        case 'Packagist':
        case 'NuGet':
        case 'GitHub Actions':
            return n.toLowerCase();
        default:
            return n;
    }
}
/** The key the offline database indexes by: canonical base ecosystem + normalised name. */
function packageKey(ecosystem, name) {
    return `${parseEcosystem(ecosystem).base}\u0000${normalisePackageName(ecosystem, name)}`;
}

;// CONCATENATED MODULE: ../packages/materials/dist/osv/versions/alpine.js
/**
 * Alpine, Wolfi and Chainguard: apk-tools' version ordering. A version is numbers separated by dots
 * (after the first, a component with a leading zero compares as a decimal fraction, i.e. as text),
 * an optional letter, `_suffix[N]` parts ranked alpha < beta < pre < rc < (none) < cvs < svn < git
 * < hg < p, an optional `~hash`, and a `-rN` package revision compared last, numerically.
 */
const SUFFIX_RANK = { alpha: 0, beta: 1, pre: 2, rc: 3, cvs: 5, svn: 6, git: 7, hg: 8, p: 9 };
const NO_SUFFIX = 4;
const PATTERN = /^(\d+(?:\.\d+)*)([a-z]?)((?:_(?:alpha|beta|pre|rc|cvs|svn|git|hg|p)\d*)*)(?:~([0-9a-f]+))?(?:-r(\d+))?$/;
function parse(v) {
    const m = PATTERN.exec(v.trim());
    if (!m)
        return { numbers: [], letter: '', suffixes: [], hash: '', revision: 0n, invalid: true };
    const suffixes = [...(m[3] ?? '').matchAll(/_([a-z]+)(\d*)/g)].map((s) => ({
        rank: SUFFIX_RANK[s[1] ?? ''] ?? NO_SUFFIX,
        n: BigInt(s[2] || '0'),
    }));
    return {
        numbers: (m[1] ?? '').split('.'),
        letter: m[2] ?? '',
        suffixes,
        hash: m[4] ?? '',
        revision: BigInt(m[5] ?? '0'),
        invalid: false,
    };
}
const sign = (x) => (x < 0 ? -1 : x > 0 ? 1 : 0);
const cmpBig = (a, b) => (a === b ? 0 : a < b ? -1 : 1);
const cmpText = (a, b) => (a === b ? 0 : a < b ? -1 : 1);
function compareAlpine(a, b) {
    const x = parse(a);
    const y = parse(b);
    if (x.invalid || y.invalid)
        return x.invalid && y.invalid ? cmpText(a, b) : x.invalid ? 1 : -1;
    const n = Math.max(x.numbers.length, y.numbers.length);
    for (let i = 0; i < n; i++) {
        const p = x.numbers[i];
        const q = y.numbers[i];
        if (p === undefined || q === undefined)
            return p === undefined ? -1 : 1; // 1.2 < 1.2.0
        const c = i > 0 && (p.startsWith('0') || q.startsWith('0')) ? cmpText(p, q) : cmpBig(BigInt(p), BigInt(q));
        if (c !== 0)
            return c;
    }
    if (x.letter !== y.letter)
        return x.letter === '' ? -1 : y.letter === '' ? 1 : cmpText(x.letter, y.letter);
    const s = Math.max(x.suffixes.length, y.suffixes.length);
    for (let i = 0; i < s; i++) {
        const p = x.suffixes[i] ?? { rank: NO_SUFFIX, n: 0n };
        const q = y.suffixes[i] ?? { rank: NO_SUFFIX, n: 0n };
        if (p.rank !== q.rank)
            return sign(p.rank - q.rank);
        const c = cmpBig(p.n, q.n);
        if (c !== 0)
            return c;
    }
    if (x.hash !== y.hash)
        return cmpText(x.hash, y.hash);
    return cmpBig(x.revision, y.revision);
}

;// CONCATENATED MODULE: ../packages/materials/dist/osv/versions/composer.js
/**
 * Packagist (Composer): versions are normalised as Composer does (a leading `v` dropped, the numeric
 * part padded to four components: `1.2` == `1.2.0.0`) and then ordered as PHP's `version_compare`
 * orders them, which is what Composer uses: `-`, `_`, `+` become `.`, a dot is put between letters and
 * digits, and special forms rank `dev` < `alpha`/`a` < `beta`/`b` < `RC`/`rc` < a number < `pl`/`p`;
 * any other word ranks below `dev`.
 */
const SPECIAL_FORMS = [
    ['dev', 0],
    ['alpha', 1],
    ['a', 1],
    ['beta', 2],
    ['b', 2],
    ['RC', 3],
    ['rc', 3],
    ['#', 4],
    ['pl', 5],
    ['p', 5],
];
const cache = new Map();
function canonicalComposerParts(version) {
    const hit = cache.get(version);
    if (hit)
        return hit;
    let v = version.trim().replace(/^[vV]/, '');
    // Composer pads the leading numeric part to four components before comparing.
    const m = /^(\d+(?:\.\d+)*)(.*)$/.exec(v);
    if (m) {
        const nums = (m[1] ?? '').split('.');
        while (nums.length < 4)
            nums.push('0');
        v = nums.join('.') + (m[2] ?? '');
    }
    v = v
        .replace(/[-_+]/g, '.')
        .replace(/([^\d.])(\d)/g, '$1.$2')
        .replace(/(\d)([^\d.])/g, '$1.$2');
    const parts = v.split('.').filter((p) => p !== '');
    if (cache.size > 100_000)
        cache.clear();
    cache.set(version, parts);
    return parts;
}
function specialOrder(form) {
    for (const [name, order] of SPECIAL_FORMS)
        if (form.startsWith(name))
            return order;
    return -6; // PHP: an unknown word ranks below every special form
}
const isNumber = (s) => /^\d+$/.test(s);
function comparePart(a, b) {
    const an = isNumber(a);
    const bn = isNumber(b);
    if (an && bn) {
        const x = BigInt(a);
        const y = BigInt(b);
        return x === y ? 0 : x < y ? -1 : 1;
    }
    return Math.sign(specialOrder(an ? '#' : a) - specialOrder(bn ? '#' : b));
}
function compareComposer(a, b) {
    const pa = canonicalComposerParts(a);
    const pb = canonicalComposerParts(b);
    const n = Math.min(pa.length, pb.length);
    for (let i = 0; i < n; i++) {
        const c = comparePart(pa[i] ?? '', pb[i] ?? '');
        if (c !== 0)
            return c;
    }
    // PHP: when one runs out, a following number makes the longer one newer; a following word is
    // compared with '#' (so `1.0.0.0` > `1.0.0.0-beta` but < `1.0.0.0-pl1`).
    if (pa.length > n) {
        const next = pa[n] ?? '';
        return isNumber(next) ? 1 : comparePart(next, '0');
    }
    if (pb.length > n) {
        const next = pb[n] ?? '';
        return isNumber(next) ? -1 : comparePart('0', next);
    }
    return 0;
}

;// CONCATENATED MODULE: ../packages/materials/dist/osv/versions/debian.js
/**
 * Debian and Ubuntu: dpkg's version ordering ([epoch:]upstream[-revision]; `~` sorts before
 * everything, even the end of the string; letters before other characters), as in dpkg's verrevcmp.
 */
function order(c) {
    if (c === undefined || c === '')
        return 0;
    if (c === '~')
        return -1;
    const code = c.charCodeAt(0);
    if (code >= 48 && code <= 57)
        return 0;
    if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122))
        return code;
    return code + 256;
}
const isDigit = (c) => c !== undefined && c >= '0' && c <= '9';
function verrevcmp(a, b) {
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
        let firstDiff = 0;
        while ((i < a.length && !isDigit(a[i])) || (j < b.length && !isDigit(b[j]))) {
            const ac = order(a[i]);
            const bc = order(b[j]);
            if (ac !== bc)
                return Math.sign(ac - bc);
            i++;
            j++;
        }
        while (a[i] === '0')
            i++;
        while (b[j] === '0')
            j++;
        while (isDigit(a[i]) && isDigit(b[j])) {
            if (firstDiff === 0)
                firstDiff = (a.charCodeAt(i) - b.charCodeAt(j)) | 0;
            i++;
            j++;
        }
        if (isDigit(a[i]))
            return 1;
        if (isDigit(b[j]))
            return -1;
        if (firstDiff !== 0)
            return Math.sign(firstDiff);
    }
    return 0;
}
function split(v) {
    let s = v.trim();
    let epoch = 0n;
    const colon = s.indexOf(':');
    if (colon > 0 && /^\d+$/.test(s.slice(0, colon))) {
        epoch = BigInt(s.slice(0, colon));
        s = s.slice(colon + 1);
    }
    const dash = s.lastIndexOf('-');
    return dash >= 0 ? { epoch, upstream: s.slice(0, dash), revision: s.slice(dash + 1) } : { epoch, upstream: s, revision: '' };
}
function compareDebian(a, b) {
    const x = split(a);
    const y = split(b);
    if (x.epoch !== y.epoch)
        return x.epoch < y.epoch ? -1 : 1;
    return verrevcmp(x.upstream, y.upstream) || verrevcmp(x.revision, y.revision);
}

;// CONCATENATED MODULE: ../packages/materials/dist/osv/versions/maven.js
/**
 * Maven: the ordering of Maven's ComparableVersion (the classic algorithm of Maven 3.x): items split
 * at `.`, `-` and digit/letter boundaries, a `-` or a boundary opens a sub-list, trailing "null"
 * items (0, "", final, ga, release) are dropped, and qualifiers rank
 * alpha < beta < milestone < rc/cr < snapshot < "" (release) < sp < any other word (alphabetically).
 */
const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const ALIASES = { ga: '', final: '', release: '', cr: 'rc' };
const RELEASE_INDEX = String(QUALIFIERS.indexOf(''));
function stringItem(value, followedByDigit) {
    let v = value;
    if (followedByDigit && v.length === 1) {
        if (v === 'a')
            v = 'alpha';
        else if (v === 'b')
            v = 'beta';
        else if (v === 'm')
            v = 'milestone';
    }
    return { kind: 'string', value: ALIASES[v] ?? v };
}
function parseItem(isDigit, buf) {
    return isDigit ? { kind: 'int', value: BigInt(buf) } : stringItem(buf, false);
}
function isNull(item) {
    switch (item.kind) {
        case 'int':
            return item.value === 0n;
        case 'string':
            return item.value === '';
        case 'list':
            return item.items.length === 0;
    }
}
function normalize(list) {
    for (let i = list.length - 1; i >= 0; i--) {
        const last = list[i];
        if (last === undefined)
            continue;
        if (isNull(last))
            list.splice(i, 1);
        else if (last.kind !== 'list')
            break;
    }
}
function parseMaven(version) {
    const v = version.trim().toLowerCase();
    const root = [];
    let list = root;
    const stack = [root];
    let isDigit = false;
    let start = 0;
    const openList = () => {
        const next = [];
        list.push({ kind: 'list', items: next });
        list = next;
        stack.push(next);
    };
    for (let i = 0; i < v.length; i++) {
        const c = v.charAt(i);
        if (c === '.') {
            list.push(i === start ? { kind: 'int', value: 0n } : parseItem(isDigit, v.slice(start, i)));
            start = i + 1;
        }
        else if (c === '-') {
            list.push(i === start ? { kind: 'int', value: 0n } : parseItem(isDigit, v.slice(start, i)));
            start = i + 1;
            openList();
        }
        else if (c >= '0' && c <= '9') {
            if (!isDigit && i > start) {
                list.push(stringItem(v.slice(start, i), true));
                start = i;
                openList();
            }
            isDigit = true;
        }
        else {
            if (isDigit && i > start) {
                list.push(parseItem(true, v.slice(start, i)));
                start = i;
                openList();
            }
            isDigit = false;
        }
    }
    if (v.length > start)
        list.push(parseItem(isDigit, v.slice(start)));
    while (stack.length > 0) {
        const l = stack.pop();
        if (l)
            normalize(l);
    }
    return root;
}
function comparableQualifier(q) {
    const i = QUALIFIERS.indexOf(q);
    return i === -1 ? `${QUALIFIERS.length}-${q}` : String(i);
}
function cmpStr(a, b) {
    return a === b ? 0 : a < b ? -1 : 1;
}
/** Compare an item with another, or with "nothing" (null) when one list is shorter. */
function compareItem(a, b) {
    switch (a.kind) {
        case 'int':
            if (b === null)
                return a.value === 0n ? 0 : 1;
            if (b.kind === 'int')
                return a.value === b.value ? 0 : a.value < b.value ? -1 : 1;
            return 1; // 1.1 > 1-sp, 1.1 > 1-1
        case 'string':
            if (b === null)
                return cmpStr(comparableQualifier(a.value), RELEASE_INDEX);
            if (b.kind === 'string')
                return cmpStr(comparableQualifier(a.value), comparableQualifier(b.value));
            return -1; // 1.any < 1.1, 1-sp < 1-1
        case 'list': {
            if (b === null) {
                const first = a.items[0];
                return first === undefined ? 0 : compareItem(first, null);
            }
            if (b.kind === 'int')
                return -1;
            if (b.kind === 'string')
                return 1;
            return compareLists(a.items, b.items);
        }
    }
}
function compareLists(a, b) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const l = a[i] ?? null;
        const r = b[i] ?? null;
        const result = l === null ? (r === null ? 0 : -compareItem(r, null)) : compareItem(l, r);
        if (result !== 0)
            return Math.sign(result);
    }
    return 0;
}
function compareMaven(a, b) {
    return compareLists(parseMaven(a), parseMaven(b));
}

;// CONCATENATED MODULE: ../packages/materials/dist/osv/versions/numeric.js
/**
 * Ecosystems whose versions are plain numbers with separators: CRAN (`1.2-3`: `.` and `-` both
 * separate numeric components) and Hackage/GHC (`1.2.3.4`). Missing components are zero; a
 * component that is not a number compares as text after the numbers.
 */
function parts(v, separators) {
    return v.trim().split(separators);
}
function compareParts(a, b) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const p = a[i] ?? '0';
        const q = b[i] ?? '0';
        const pn = /^\d+$/.test(p);
        const qn = /^\d+$/.test(q);
        if (pn && qn) {
            const x = BigInt(p);
            const y = BigInt(q);
            if (x !== y)
                return x < y ? -1 : 1;
        }
        else if (pn !== qn) {
            return pn ? -1 : 1;
        }
        else if (p !== q) {
            return p < q ? -1 : 1;
        }
    }
    return 0;
}
function compareCran(a, b) {
    return compareParts(parts(a, /[.-]/), parts(b, /[.-]/));
}
function compareHackage(a, b) {
    return compareParts(parts(a, /\./), parts(b, /\./));
}

// EXTERNAL MODULE: ../node_modules/@renovatebot/pep440/index.js + 4 modules
var pep440 = __webpack_require__(42257);
;// CONCATENATED MODULE: ../packages/materials/dist/osv/versions/semver-like.js
/**
 * A forgiving SemVer 2.0 ordering, as OSV's own matchers use for SEMVER ranges and for ecosystems
 * whose versions are "almost SemVer" (Go, crates.io, Hex, Pub, NuGet): a leading `v` is dropped,
 * missing components count as zero (`1` == `1.0.0`), extra numeric components are compared too
 * (`0.0.0.1` > `0.0.0`), and whatever follows the numbers is a pre-release (`2.0.0rc2` < `2.0.0`).
 * For valid SemVer the result is exactly SemVer precedence (§11): build metadata is ignored,
 * pre-release identifiers compare numerically when numeric, numeric < alphanumeric, ASCII otherwise.
 */
const semver_like_cache = new Map();
function parseSemverLike(input) {
    const hit = semver_like_cache.get(input);
    if (hit)
        return hit;
    let s = input.trim();
    if (s.startsWith('v') || s.startsWith('V'))
        s = s.slice(1);
    const plus = s.indexOf('+');
    if (plus >= 0)
        s = s.slice(0, plus); // build metadata never orders
    const numbers = [];
    let i = 0;
    while (i < s.length) {
        let j = i;
        while (j < s.length && semver_like_isDigit(s.charCodeAt(j)))
            j++;
        if (j === i)
            break;
        numbers.push(BigInt(s.slice(i, j)));
        i = j;
        if (s[i] === '.' && i + 1 < s.length && semver_like_isDigit(s.charCodeAt(i + 1))) {
            i++;
            continue;
        }
        break;
    }
    let rest = s.slice(i);
    if (rest.startsWith('-') || rest.startsWith('.'))
        rest = rest.slice(1);
    const pre = rest === '' ? [] : rest.split('.');
    const parsed = { numbers, pre };
    if (semver_like_cache.size > 100_000)
        semver_like_cache.clear();
    semver_like_cache.set(input, parsed);
    return parsed;
}
function compareSemverLike(a, b) {
    return compareParsedSemverLike(parseSemverLike(a), parseSemverLike(b));
}
function compareParsedSemverLike(a, b) {
    const n = Math.max(a.numbers.length, b.numbers.length, 3);
    for (let i = 0; i < n; i++) {
        const x = a.numbers[i] ?? 0n;
        const y = b.numbers[i] ?? 0n;
        if (x !== y)
            return x < y ? -1 : 1;
    }
    return comparePrerelease(a.pre, b.pre);
}
/** SemVer §11.3/§11.4: a release outranks any pre-release of it; identifiers compare pairwise. */
function comparePrerelease(a, b) {
    if (a.length === 0 || b.length === 0)
        return a.length === b.length ? 0 : a.length === 0 ? 1 : -1;
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const c = compareIdentifier(a[i] ?? '', b[i] ?? '');
        if (c !== 0)
            return c;
    }
    return Math.sign(a.length - b.length);
}
function compareIdentifier(x, y) {
    const xn = /^[0-9]+$/.test(x);
    const yn = /^[0-9]+$/.test(y);
    if (xn && yn) {
        const bx = BigInt(x);
        const by = BigInt(y);
        return bx === by ? 0 : bx < by ? -1 : 1;
    }
    if (xn)
        return -1;
    if (yn)
        return 1;
    return x === y ? 0 : x < y ? -1 : 1;
}
function semver_like_isDigit(c) {
    return c >= 48 && c <= 57;
}

;// CONCATENATED MODULE: ../packages/materials/dist/osv/versions/pypi.js
/**
 * PyPI: PEP 440 ordering (epochs, pre/post/dev releases, local versions) through
 * `@renovatebot/pep440`, the port of Python's `packaging` that Renovate maintains. Strings that are
 * not PEP 440 are "legacy" versions: like `packaging`'s LegacyVersion they sort before every valid
 * version, and among themselves by the forgiving SemVer-like order.
 */


const validity = new Map();
function isPep440(v) {
    let ok = validity.get(v);
    if (ok === undefined) {
        ok = (0,pep440/* valid */.rZ)(v) !== null;
        if (validity.size > 100_000)
            validity.clear();
        validity.set(v, ok);
    }
    return ok;
}
function comparePypi(a, b) {
    const va = isPep440(a);
    const vb = isPep440(b);
    if (va && vb)
        return Math.sign((0,pep440/* compare */.UD)(a, b));
    if (va !== vb)
        return va ? 1 : -1;
    return compareSemverLike(a, b);
}

;// CONCATENATED MODULE: ../packages/materials/dist/osv/versions/rpm.js
/**
 * RPM-based distributions (Red Hat, Rocky Linux, AlmaLinux, SUSE, openSUSE, Mageia, openEuler,
 * Photon OS): rpm's `[epoch:]version[-release]` ordering with rpmvercmp (alternating numeric and
 * alphabetic segments, numbers beat letters, `~` sorts before everything and `^` after the base).
 * The release is compared only when both versions have one, as rpm does.
 */
const rpm_isDigit = (c) => c !== undefined && c >= '0' && c <= '9';
const isAlpha = (c) => c !== undefined && /^[A-Za-z]$/.test(c);
const isAlnum = (c) => rpm_isDigit(c) || isAlpha(c);
function rpmvercmp(a, b) {
    if (a === b)
        return 0;
    let i = 0;
    let j = 0;
    for (;;) {
        while (i < a.length && !isAlnum(a[i]) && a[i] !== '~' && a[i] !== '^')
            i++;
        while (j < b.length && !isAlnum(b[j]) && b[j] !== '~' && b[j] !== '^')
            j++;
        if (a[i] === '~' || b[j] === '~') {
            if (a[i] !== '~')
                return 1;
            if (b[j] !== '~')
                return -1;
            i++;
            j++;
            continue;
        }
        if (a[i] === '^' || b[j] === '^') {
            if (i >= a.length)
                return -1;
            if (j >= b.length)
                return 1;
            if (a[i] !== '^')
                return 1;
            if (b[j] !== '^')
                return -1;
            i++;
            j++;
            continue;
        }
        if (i >= a.length || j >= b.length)
            break;
        const numeric = rpm_isDigit(a[i]);
        const test = numeric ? rpm_isDigit : isAlpha;
        let ei = i;
        let ej = j;
        while (ei < a.length && test(a[ei]))
            ei++;
        while (ej < b.length && test(b[ej]))
            ej++;
        let x = a.slice(i, ei);
        let y = b.slice(j, ej);
        if (y === '')
            return numeric ? 1 : -1; // numeric segments beat alphabetic ones
        if (numeric) {
            x = x.replace(/^0+/, '');
            y = y.replace(/^0+/, '');
            if (x.length !== y.length)
                return x.length > y.length ? 1 : -1;
        }
        if (x !== y)
            return x < y ? -1 : 1;
        i = ei;
        j = ej;
    }
    if (i >= a.length && j >= b.length)
        return 0;
    return i >= a.length ? -1 : 1;
}
function rpm_split(v) {
    let s = v.trim();
    let epoch = 0n;
    const colon = s.indexOf(':');
    if (colon > 0 && /^\d+$/.test(s.slice(0, colon))) {
        epoch = BigInt(s.slice(0, colon));
        s = s.slice(colon + 1);
    }
    const dash = s.lastIndexOf('-');
    return dash >= 0 ? { epoch, version: s.slice(0, dash), release: s.slice(dash + 1) } : { epoch, version: s, release: undefined };
}
function compareRpm(a, b) {
    const x = rpm_split(a);
    const y = rpm_split(b);
    if (x.epoch !== y.epoch)
        return x.epoch < y.epoch ? -1 : 1;
    const c = rpmvercmp(x.version, y.version);
    if (c !== 0 || x.release === undefined || y.release === undefined)
        return c;
    return rpmvercmp(x.release, y.release);
}

// EXTERNAL MODULE: ../node_modules/@renovatebot/ruby-semver/dist/ruby/version.js
var version = __webpack_require__(61578);
;// CONCATENATED MODULE: ../packages/materials/dist/osv/versions/rubygems.js
/**
 * RubyGems: Gem::Version ordering (segments split at dots and letter/digit boundaries; a segment with
 * a letter makes a pre-release, `1.0.a` < `1.0`), through `@renovatebot/ruby-semver`, Renovate's
 * port of Gem::Version. Versions Gem::Version rejects fall back to the forgiving SemVer-like order.
 */


const parsed = new Map();
function gem(v) {
    let hit = parsed.get(v);
    if (hit === undefined) {
        hit = version/* Version */.R.isCorrect(v.trim()) ? version/* Version */.R.create(v.trim()) : null;
        if (parsed.size > 100_000)
            parsed.clear();
        parsed.set(v, hit);
    }
    return hit;
}
function compareRubyGems(a, b) {
    const ga = gem(a);
    const gb = gem(b);
    if (ga && gb)
        return Math.sign(ga.compare(gb));
    if (ga || gb)
        return ga ? 1 : -1;
    return compareSemverLike(a, b);
}

;// CONCATENATED MODULE: ../packages/materials/dist/osv/versions/compare-versions.js
/**
 * `compareVersions(ecosystem, a, b)`: -1, 0 or 1 in the ecosystem's own version order. Ecosystems
 * without a dedicated ordering use the forgiving SemVer-like order (numbers first, then a
 * pre-release), which is right for most of them and never throws.
 */











/** npm: node-semver's precedence (pre-release rules, build ignored) for valid versions. */
function compareNpm(a, b) {
    const x = semver.valid(a);
    const y = semver.valid(b);
    if (x !== null && y !== null)
        return semver.compare(x, y);
    return compareSemverLike(a, b);
}
function comparatorFor(ecosystem) {
    switch (parseEcosystem(ecosystem).base) {
        case 'npm':
            return compareNpm;
        case 'PyPI':
            return comparePypi;
        case 'RubyGems':
            return compareRubyGems;
        case 'Packagist':
            return compareComposer;
        case 'Maven':
            return compareMaven;
        case 'Debian':
        case 'Ubuntu':
            return compareDebian;
        case 'Alpine':
        case 'Wolfi':
        case 'Chainguard':
            return compareAlpine;
        case 'Red Hat':
        case 'Rocky Linux':
        case 'AlmaLinux':
        case 'SUSE':
        case 'openSUSE':
        case 'Mageia':
        case 'openEuler':
        case 'Photon OS':
            return compareRpm;
        case 'CRAN':
            return compareCran;
        case 'Hackage':
        case 'GHC':
            return compareHackage;
        default:
            // Go (v-prefixed SemVer, pseudo-versions are pre-releases), crates.io, Hex, Pub, NuGet, ...
            return compareSemverLike;
    }
}
/** -1, 0 or 1 (never -0 or another number) in the ecosystem's version order. */
function compareVersions(ecosystem, a, b) {
    const r = comparatorFor(ecosystem)(a, b);
    return r === 0 ? 0 : r < 0 ? -1 : 1;
}

;// CONCATENATED MODULE: ../packages/materials/dist/osv/affected.js
/**
 * OSV range semantics (https://ossf.github.io/osv-schema/#evaluation): does a record affect one
 * package version, and which fixed versions does it name for it?
 *
 * - `affected[].package` must be the same ecosystem (see `ecosystemCovers`) and the same name after
 *   the ecosystem's name normalisation.
 * - An empty version counts as affected (as upstream OSV tooling does: nothing says it is not).
 * - `versions` lists affected versions explicitly (equal by the ecosystem's ordering).
 * - ECOSYSTEM ranges order versions by the ecosystem, SEMVER ranges by SemVer 2.0 (forgiving: a
 *   leading `v`, missing components). GIT ranges cannot be evaluated against a version number: they
 *   never match by themselves (the record's `versions` list is what names the tags).
 * - Events are sorted first (`introduced: "0"` lowest), then swept: `introduced` opens, `fixed`
 *   closes at the fix, `last_affected` closes after it; `limit` events bound the whole range above.
 */




// Order of event kinds at the same version: open before close, so [introduced X, fixed X] is empty.
const KIND_RANK = { introduced: 0, last_affected: 1, fixed: 2, limit: 3 };
function flatten(events) {
    const out = [];
    for (const e of events) {
        if (e === null || typeof e !== 'object')
            continue;
        for (const kind of ['introduced', 'fixed', 'last_affected', 'limit']) {
            const v = e[kind];
            if (typeof v === 'string')
                out.push({ kind, version: v });
        }
    }
    return out;
}
function sortEvents(events, cmp) {
    const isZero = (e) => e.kind === 'introduced' && e.version === '0';
    return [...events].sort((a, b) => {
        const za = isZero(a);
        const zb = isZero(b);
        if (za || zb)
            return za && zb ? 0 : za ? -1 : 1;
        if (a.kind === 'limit' && a.version === '*')
            return b.kind === 'limit' && b.version === '*' ? 0 : 1;
        if (b.kind === 'limit' && b.version === '*')
            return -1;
        return cmp(a.version, b.version) || KIND_RANK[a.kind] - KIND_RANK[b.kind];
    });
}
/**
 * Whether an event version is a version of the ecosystem at all. A bound that does not parse cannot
 * be ordered honestly (PyPI sorts `"2.0.0 "` below every release, which would close the range at once
 * and hide the advisory), so the range is evaluated without it and the verdict marked uncertain.
 */
function eventVersionParses(ecosystem, rangeType, v) {
    // eslint-disable-next-line no-control-regex
    if (v === '' || v !== v.trim() || /[\s\u0000-\u001f]/.test(v))
        return false;
    // Forgiving like upstream OSV tooling (`"1"` is a fine npm bound), but a bound must start like a version.
    if (rangeType === 'SEMVER')
        return /^v?\d/.test(v);
    switch (parseEcosystem(ecosystem).base) {
        case 'PyPI':
            return (0,pep440/* valid */.rZ)(v) !== null;
        case 'npm':
        case 'crates.io':
        case 'Go':
        case 'RubyGems':
        case 'Packagist':
            return /^v?\d[\w.+~-]*$/.test(v);
        default:
            return true;
    }
}
/** Whether one ECOSYSTEM/SEMVER range contains `version`, and the fixes above it. */
function rangeContains(range, ecosystem, version) {
    const none = { contains: false, fixedAbove: [], uncertain: [] };
    if (range === null || typeof range !== 'object' || !Array.isArray(range.events))
        return none;
    let cmp;
    if (range.type === 'ECOSYSTEM')
        cmp = comparatorFor(ecosystem);
    else if (range.type === 'SEMVER')
        cmp = compareSemverLike;
    else
        return none; // GIT (commit hashes) and unknown range types cannot order a version
    const uncertain = [];
    const parsed = flatten(range.events).flatMap((e) => {
        if ((e.kind === 'introduced' && e.version === '0') || (e.kind === 'limit' && e.version === '*'))
            return [e];
        if (eventVersionParses(ecosystem, range.type, e.version))
            return [e];
        uncertain.push(`the record's ${e.kind} version ${JSON.stringify(e.version)} is not a ${range.type === 'SEMVER' ? 'SemVer' : ecosystem} version`);
        // An unreadable start opens the range from the beginning; an unreadable end never closes it.
        return e.kind === 'introduced' ? [{ kind: 'introduced', version: '0' }] : [];
    });
    const events = sortEvents(parsed, cmp);
    let affected = false;
    const limits = [];
    for (const e of events) {
        switch (e.kind) {
            case 'introduced':
                if (e.version === '0' || cmp(version, e.version) >= 0)
                    affected = true;
                break;
            case 'fixed':
                if (cmp(version, e.version) >= 0)
                    affected = false;
                break;
            case 'last_affected':
                if (cmp(version, e.version) > 0)
                    affected = false;
                break;
            case 'limit':
                limits.push(e.version);
                break;
        }
    }
    if (affected && limits.length > 0) {
        affected = limits.some((l) => l === '*' || cmp(version, l) < 0);
    }
    if (!affected)
        return none;
    const fixedAbove = events.filter((e) => e.kind === 'fixed' && cmp(e.version, version) > 0).map((e) => e.version);
    return { contains: true, fixedAbove, uncertain };
}
function entryMatchesPackage(entry, pkg) {
    const p = entry?.package;
    if (!p || typeof p.ecosystem !== 'string' || typeof p.name !== 'string')
        return false;
    if (!ecosystemCovers(p.ecosystem, pkg.ecosystem))
        return false;
    return normalisePackageName(p.ecosystem, p.name) === normalisePackageName(pkg.ecosystem, pkg.name);
}
/** The full verdict for one record and one package version. Never throws on odd records. */
function evaluate(record, pkg) {
    const result = { affected: false, entries: [], fixedVersions: [], uncertain: [] };
    let certain = false;
    const affected = Array.isArray(record?.affected) ? record.affected : [];
    const cmp = comparatorFor(pkg.ecosystem);
    const fixed = new Set();
    affected.forEach((entry, index) => {
        if (!entryMatchesPackage(entry, pkg))
            return;
        let hit = false;
        if (pkg.version === '') {
            hit = true; // no version: nothing proves it is not affected
        }
        if (!hit && Array.isArray(entry.versions)) {
            hit = entry.versions.some((v) => typeof v === 'string' && (v === pkg.version || cmp(v, pkg.version) === 0));
        }
        if (hit)
            certain = true;
        for (const range of Array.isArray(entry.ranges) ? entry.ranges : []) {
            if (pkg.version === '')
                break;
            const r = rangeContains(range, pkg.ecosystem, pkg.version);
            if (r.contains) {
                hit = true;
                if (r.uncertain.length === 0)
                    certain = true;
                else
                    result.uncertain.push(...r.uncertain);
                for (const f of r.fixedAbove)
                    fixed.add(f);
            }
        }
        if (hit)
            result.entries.push(index);
    });
    result.affected = result.entries.length > 0;
    // One certain hit (a listed version, a range that parsed) makes the verdict certain.
    if (certain || !result.affected)
        result.uncertain = [];
    result.fixedVersions = [...fixed].sort(cmp);
    return result;
}
/** `isAffected(record, {ecosystem, name, version})` per the OSV schema's evaluation rules. */
function isAffected(record, pkg) {
    return evaluate(record, pkg).affected;
}

// EXTERNAL MODULE: ../node_modules/ae-cvss-calculator/dist/ae-cvss-calculator.js
var ae_cvss_calculator = __webpack_require__(29547);
;// CONCATENATED MODULE: ../packages/materials/dist/osv/severity.js
/**
 * Severity of an OSV record for one package.
 *
 * Scores come from `ae-cvss-calculator`: CVSS v3.0/v3.1 with the specification's formula (v3.1
 * §7.1 and the Roundup of Appendix A; v3.0 rounds up to one decimal), CVSS v4.0 with the official
 * macro-vector lookup table and severity-distance interpolation, and v2.0; the score is always the base score (CVSS-B for v4.0: threat and
 * environmental metrics present in a vector are not applied, like v3 temporal metrics). Order of evidence: the matched `affected[].severity`, then the
 * record's `severity` (the highest base score of every CVSS vector given, as osv-scanner reports
 * it), then `database_specific.severity` (GHSA: CRITICAL/HIGH/MODERATE/LOW). A `MAL-` record
 * (malicious package) without a score is critical. Anything else is unknown and treated as high,
 * so that a missing score never lets an advisory slip under a "block high" policy.
 */


const { Cvss2, Cvss3P0, Cvss3P1, Cvss4P0 } = ae_cvss_calculator;
const SEVERITY_RANK = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };
/** CVSS qualitative rating: 9.0+ critical, 7.0+ high, 4.0+ medium, above 0 low, 0 info. */
function severityFromScore(score) {
    if (score >= 9)
        return 'critical';
    if (score >= 7)
        return 'high';
    if (score >= 4)
        return 'medium';
    if (score > 0)
        return 'low';
    return 'info';
}
function libraryScore(vector, version) {
    // The library warns on the console for odd parts; a vector it cannot read fully is no score.
    return (0,dist/* quietConsole */.ao)(() => libraryScoreLoud(vector, version));
}
function libraryScoreLoud(vector, version) {
    try {
        if (version === '3') {
            const parts = vector.split('/');
            const head = parts.shift();
            // The library reads a repeated metric as its last value; the specification says a vector names each once.
            if (new Set(parts.map((p) => p.split(':')[0])).size !== parts.length)
                return undefined;
            const v = head === 'CVSS:3.1' ? new Cvss3P1(vector) : head === 'CVSS:3.0' ? new Cvss3P0(vector) : undefined;
            if (!v?.isBaseFullyDefined())
                return undefined;
            // The base score: temporal and environmental metrics in the vector are not applied.
            const base = v.calculateScores().base;
            return typeof base === 'number' && Number.isFinite(base) ? base : undefined;
        }
        if (version === '4') {
            if (!vector.startsWith('CVSS:4.0/'))
                return undefined;
            const v = new Cvss4P0(vector);
            if (!v.isBaseFullyDefined())
                return undefined;
            // CVSS-B: threat and environmental metrics in the vector are not applied (as v3 temporal ones).
            const scores = v.calculateScores();
            return scores.baseMetricsOnly ?? scores.base;
        }
        const v = new Cvss2(vector);
        const base = v.calculateScores().base;
        return typeof base === 'number' && Number.isFinite(base) ? base : undefined;
    }
    catch {
        return undefined;
    }
}
const V2_BASE = /^(?:\(?AV:[LAN]\/AC:[HML]\/Au:[MSN]\/C:[NPC]\/I:[NPC]\/A:[NPC]\)?)(?:\/.*)?$/;
/**
 * The CVSS base score of a vector (v2.0, v3.0, v3.1, v4.0), or undefined when the vector is not a
 * complete, valid base vector.
 */
function cvssScore(vector) {
    const v = vector.trim();
    if (v.startsWith('CVSS:3.'))
        return libraryScore(v, '3');
    if (v.startsWith('CVSS:4.0/'))
        return libraryScore(v, '4');
    if (V2_BASE.test(v))
        return libraryScore(v, '2');
    return undefined;
}
function fromSeverityList(list) {
    if (list === undefined || list === null || typeof list[Symbol.iterator] !== 'function')
        return undefined;
    let best;
    let bestScore = -1;
    for (const s of list) {
        if (s === null || typeof s !== 'object' || typeof s.score !== 'string')
            continue;
        if (s.type === 'CVSS_V2' || s.type === 'CVSS_V3' || s.type === 'CVSS_V4') {
            const score = cvssScore(s.score);
            if (score === undefined || score <= bestScore)
                continue;
            bestScore = score;
            best = {
                severity: severityFromScore(score),
                source: s.type === 'CVSS_V4' ? 'cvss_v4' : s.type === 'CVSS_V3' ? 'cvss_v3' : 'cvss_v2',
                score: score.toFixed(1),
                vector: s.score,
            };
        }
        else if (s.type === 'Ubuntu' && !best) {
            // Ubuntu's priorities: negligible, low, medium, high, critical.
            const named = namedSeverity(s.score);
            if (named)
                best = { severity: named, source: 'database' };
        }
    }
    return best;
}
function namedSeverity(value) {
    if (typeof value !== 'string')
        return undefined;
    switch (value.trim().toUpperCase()) {
        case 'CRITICAL':
            return 'critical';
        case 'HIGH':
        case 'IMPORTANT':
            return 'high';
        case 'MODERATE':
        case 'MEDIUM':
            return 'medium';
        case 'LOW':
            return 'low';
        case 'NEGLIGIBLE':
        case 'NONE':
        case 'INFO':
            return 'info';
        default:
            return undefined;
    }
}
/** The severity of `record` for the matched `affected[]` entries (indexes into record.affected). */
function recordSeverity(record, entries = []) {
    for (const i of entries) {
        const v = fromSeverityList(record.affected?.[i]?.severity);
        if (v)
            return v;
    }
    const fromRecord = fromSeverityList(record.severity);
    if (fromRecord)
        return fromRecord;
    const db = namedSeverity(record.database_specific?.severity);
    if (db)
        return { severity: db, source: 'database' };
    for (const i of entries) {
        const perPackage = namedSeverity(record.affected?.[i]?.database_specific?.severity);
        if (perPackage)
            return { severity: perPackage, source: 'database' };
    }
    if (record.id.startsWith('MAL-'))
        return { severity: 'critical', source: 'malicious' };
    return { severity: 'high', source: 'unknown' };
}

;// CONCATENATED MODULE: ../packages/materials/dist/osv/merge.js
/**
 * Turning (package, record) hits into findings: records that are the same issue (their ids and
 * `aliases` overlap, transitively: a PYSEC record aliasing a CVE that a GHSA record also aliases) on
 * the same package version become one VulnMatch. `related` is deliberately not followed: related
 * issues are different issues. The representative id is a GHSA id when the group has one, else the
 * smallest record id, so the choice never depends on the order records were read in.
 */



function merge_packageIdentity(p) {
    return `${canonicalEcosystem(p.ecosystem)}\u0000${normalisePackageName(p.ecosystem, p.name)}\u0000${p.version}`;
}
function byText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function newest(values) {
    let best;
    let bestTime = -Infinity;
    for (const v of values) {
        const t = v ? Date.parse(v) : NaN;
        if (!Number.isNaN(t) && t > bestTime) {
            bestTime = t;
            best = v;
        }
    }
    return best;
}
function oldest(values) {
    let best;
    let bestTime = Infinity;
    for (const v of values) {
        const t = v ? Date.parse(v) : NaN;
        if (!Number.isNaN(t) && t < bestTime) {
            bestTime = t;
            best = v;
        }
    }
    return best;
}
function strongest(a, b) {
    const ra = SEVERITY_RANK[a.severity];
    const rb = SEVERITY_RANK[b.severity];
    if (ra !== rb)
        return ra > rb ? a : b;
    // Same rating: prefer evidence over a guess, then a computed score, then the higher score.
    const known = (v) => (v.source === 'unknown' ? 0 : v.score === undefined ? 1 : 2);
    if (known(a) !== known(b))
        return known(a) > known(b) ? a : b;
    return Number(b.score ?? 0) > Number(a.score ?? 0) ? b : a;
}
function mergeGroup(hits) {
    const ids = [...new Set(hits.map((h) => h.record.id))].sort(byText);
    const representative = ids.find((id) => id.startsWith('GHSA-')) ?? ids[0] ?? '';
    const main = hits.find((h) => h.record.id === representative) ?? hits[0];
    const names = new Set();
    for (const h of hits) {
        names.add(h.record.id);
        for (const a of h.record.aliases ?? [])
            if (typeof a === 'string')
                names.add(a);
    }
    names.delete(representative);
    let verdict;
    for (const h of hits) {
        const v = recordSeverity(h.record, h.entries);
        verdict = verdict ? strongest(verdict, v) : v;
    }
    const first = hits[0];
    if (!first || !main || !verdict)
        throw new Error('mergeGroup needs at least one hit');
    const cmp = comparatorFor(first.pkg.ecosystem);
    const fixed = [...new Set(hits.flatMap((h) => h.fixedVersions))].sort(cmp);
    const references = [
        ...new Set(hits
            .flatMap((h) => (Array.isArray(h.record.references) ? h.record.references : []).map((r) => r?.url))
            .filter((u) => typeof u === 'string')),
    ];
    const summary = main.record.summary ?? hits.map((h) => h.record.summary).find((s) => typeof s === 'string');
    const match = {
        id: representative,
        aliases: [...names].sort(byText),
        package: { ecosystem: first.pkg.ecosystem, name: first.pkg.name, version: first.pkg.version },
        severity: verdict.severity,
        severitySource: verdict.source,
        fixedVersions: fixed,
    };
    // The group is certain when any of its records matched certainly.
    if (hits.every((h) => (h.uncertain?.length ?? 0) > 0))
        match.uncertain = [...new Set(hits.flatMap((h) => h.uncertain ?? []))];
    if (verdict.score !== undefined)
        match.score = verdict.score;
    if (verdict.vector !== undefined)
        match.vector = verdict.vector;
    if (summary !== undefined)
        match.summary = summary;
    if (references.length > 0)
        match.references = references;
    const modified = newest(hits.map((h) => h.record.modified));
    const published = oldest(hits.map((h) => h.record.published));
    if (modified !== undefined)
        match.modified = modified;
    if (published !== undefined)
        match.published = published;
    return match;
}
/** Group hits per package version, merge aliases, and return matches in a stable order. */
function mergeHits(hits) {
    const perPackage = new Map();
    for (const h of hits) {
        const key = merge_packageIdentity(h.pkg);
        const list = perPackage.get(key);
        if (list) {
            if (!list.some((x) => x.record.id === h.record.id))
                list.push(h);
        }
        else {
            perPackage.set(key, [h]);
        }
    }
    const out = [];
    for (const list of perPackage.values()) {
        // Union-find over the names each record answers to.
        const parent = list.map((_, i) => i);
        const find = (i) => {
            while (parent[i] !== i) {
                const p = parent[i] ?? i;
                parent[i] = parent[p] ?? p;
                i = p;
            }
            return i;
        };
        const owner = new Map();
        list.forEach((h, i) => {
            for (const name of [h.record.id, ...(h.record.aliases ?? [])]) {
                if (typeof name !== 'string')
                    continue;
                const j = owner.get(name);
                if (j === undefined)
                    owner.set(name, i);
                else
                    parent[find(i)] = find(j);
            }
        });
        const groups = new Map();
        list.forEach((h, i) => {
            const root = find(i);
            const g = groups.get(root);
            if (g)
                g.push(h);
            else
                groups.set(root, [h]);
        });
        for (const g of groups.values())
            out.push(mergeGroup(g));
    }
    return out.sort((a, b) => byText(a.package.ecosystem, b.package.ecosystem) ||
        byText(a.package.name, b.package.name) ||
        byText(a.package.version, b.package.version) ||
        byText(a.id, b.id));
}

;// CONCATENATED MODULE: ../packages/materials/dist/osv/record-validation.js
const EVENT_KEYS = ['introduced', 'fixed', 'last_affected', 'limit'];
const RANGE_TYPES = new Set(['ECOSYSTEM', 'SEMVER', 'GIT']);
function isObject(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
}
function isStringList(v) {
    return Array.isArray(v) && v.every((x) => typeof x === 'string');
}
/** Problems found, each `path: what is wrong`; empty when the record can be matched against. */
function recordProblems(value) {
    const problems = [];
    if (!isObject(value))
        return ['(root): an OSV record must be a JSON object'];
    if (typeof value.id !== 'string' || value.id.trim() === '')
        problems.push('id: must be a non-empty string');
    if (value.modified !== undefined && typeof value.modified !== 'string')
        problems.push('modified: must be an RFC 3339 string');
    if (value.withdrawn !== undefined && typeof value.withdrawn !== 'string')
        problems.push('withdrawn: must be an RFC 3339 string');
    for (const key of ['aliases', 'related']) {
        if (value[key] !== undefined && value[key] !== null && !isStringList(value[key]))
            problems.push(`${key}: must be a list of strings`);
    }
    if (value.severity !== undefined && value.severity !== null && !Array.isArray(value.severity))
        problems.push('severity: must be a list');
    if (value.affected === undefined || value.affected === null)
        return problems;
    if (!Array.isArray(value.affected))
        return [...problems, 'affected: must be a list'];
    value.affected.forEach((entry, i) => {
        const at = `affected[${i}]`;
        if (!isObject(entry)) {
            problems.push(`${at}: must be an object`);
            return;
        }
        if (entry.package !== undefined) {
            const p = entry.package;
            if (!isObject(p) || typeof p.ecosystem !== 'string' || typeof p.name !== 'string') {
                problems.push(`${at}.package: must have string "ecosystem" and "name"`);
            }
        }
        if (entry.versions !== undefined && entry.versions !== null && !isStringList(entry.versions)) {
            problems.push(`${at}.versions: must be a list of strings`);
        }
        if (entry.severity !== undefined && entry.severity !== null && !Array.isArray(entry.severity))
            problems.push(`${at}.severity: must be a list`);
        if (entry.ranges === undefined || entry.ranges === null)
            return;
        if (!Array.isArray(entry.ranges)) {
            problems.push(`${at}.ranges: must be a list`);
            return;
        }
        entry.ranges.forEach((range, j) => {
            const rat = `${at}.ranges[${j}]`;
            if (!isObject(range)) {
                problems.push(`${rat}: must be an object`);
                return;
            }
            if (typeof range.type !== 'string' || !RANGE_TYPES.has(range.type)) {
                problems.push(`${rat}.type: must be one of ECOSYSTEM, SEMVER, GIT (got ${JSON.stringify(range.type) ?? 'nothing'})`);
            }
            if (!Array.isArray(range.events) || range.events.length === 0) {
                problems.push(`${rat}.events: must be a non-empty list`);
                return;
            }
            let introduced = false;
            range.events.forEach((event, k) => {
                const eat = `${rat}.events[${k}]`;
                if (!isObject(event)) {
                    problems.push(`${eat}: must be an object`);
                    return;
                }
                const keys = EVENT_KEYS.filter((key) => event[key] !== undefined);
                if (keys.length !== 1) {
                    problems.push(`${eat}: must have exactly one of introduced, fixed, last_affected, limit`);
                    return;
                }
                const key = keys[0] ?? 'introduced';
                if (typeof event[key] !== 'string' || event[key] === '')
                    problems.push(`${eat}.${key}: must be a non-empty string`);
                if (key === 'introduced')
                    introduced = true;
            });
            if (!introduced)
                problems.push(`${rat}.events: must contain an "introduced" event`);
        });
    });
    return problems;
}
function isOsvRecord(value) {
    return recordProblems(value).length === 0;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: ../node_modules/yauzl/index.js
var yauzl = __webpack_require__(89517);
;// CONCATENATED MODULE: ../packages/materials/dist/osv/zip-entries.js
/**
 * Reading the JSON entries of a zip (osv.dev's per-ecosystem `all.zip`).
 *
 * yauzl reads the archive's structure (central directory, ZIP64, file-name and size checks). The
 * entry data of an archive held in memory is then inflated with Node's native zlib directly from
 * the buffer: opening a yauzl stream per entry costs ~0.1 ms, which is 30 s for the 200,000 records
 * of npm's all.zip, against ~3 s this way. Each entry is capped in size (a zip bomb cannot exhaust
 * memory) and checked against its CRC-32 and declared size. Archives too large to hold in memory
 * fall back to yauzl's streams.
 */



const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
/** Archives up to this size are read into memory; larger ones are streamed. */
const IN_MEMORY_ZIP_BYTES = 1024 * 1024 * 1024;
const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const YAUZL_OPTIONS = { lazyEntries: true, autoClose: true, strictFileNames: false, validateEntrySizes: true };
function notAZip(file, e) {
    return new dist/* ConfigurationError */.j1(`not a readable zip archive: ${(0,dist/* errorMessage */.gJ)(e)}`, {
        location: { file },
        hint: 'pass a folder of OSV JSON records or the all.zip files osv.dev publishes per ecosystem',
        cause: e,
    });
}
function isJsonEntry(entry) {
    return !entry.fileName.endsWith('/') && entry.fileName.toLowerCase().endsWith('.json');
}
/** The uncompressed bytes of one entry of an archive held in `buf`. */
function extract(buf, entry) {
    if (entry.isEncrypted())
        throw new Error('the entry is encrypted');
    if (entry.uncompressedSize > MAX_ENTRY_BYTES)
        throw new Error(`the entry is ${entry.uncompressedSize} bytes, over the limit of ${MAX_ENTRY_BYTES}`);
    const at = entry.relativeOffsetOfLocalHeader;
    if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL_HEADER_SIGNATURE)
        throw new Error('the local file header is missing');
    const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
    const end = start + entry.compressedSize;
    if (end > buf.length)
        throw new Error('the entry runs past the end of the archive');
    const raw = buf.subarray(start, end);
    let data;
    if (entry.compressionMethod === 0)
        data = raw;
    else if (entry.compressionMethod === 8)
        data = external_node_zlib_.inflateRawSync(raw, {
            maxOutputLength: MAX_ENTRY_BYTES,
            chunkSize: Math.max(external_node_zlib_.constants.Z_MIN_CHUNK, entry.uncompressedSize + 1),
        });
    else
        throw new Error(`unsupported compression method ${entry.compressionMethod}`);
    if (data.length !== entry.uncompressedSize)
        throw new Error(`the entry is ${data.length} bytes, not the ${entry.uncompressedSize} its header says`);
    if (external_node_zlib_.crc32(data) >>> 0 !== entry.crc32 >>> 0)
        throw new Error('the entry fails its CRC-32 check');
    return data;
}
function streamEntry(zip, entry) {
    return new Promise((resolve, reject) => {
        if (entry.uncompressedSize > MAX_ENTRY_BYTES) {
            reject(new Error(`the entry is ${entry.uncompressedSize} bytes, over the limit of ${MAX_ENTRY_BYTES}`));
            return;
        }
        zip.openReadStream(entry, (err, stream) => {
            if (err) {
                reject(err);
                return;
            }
            const chunks = [];
            stream.on('data', (c) => chunks.push(c));
            stream.on('error', reject);
            stream.on('end', () => resolve(Buffer.concat(chunks)));
        });
    });
}
function walkEntries(file, zip, read, onEntry) {
    return new Promise((resolve, reject) => {
        let done = false;
        const fail = (e, entryName) => {
            if (done)
                return;
            done = true;
            zip.close();
            const where = entryName ? `${file}!${entryName}` : file;
            reject(e instanceof dist/* ConfigurationError */.j1
                ? e
                : new dist/* ConfigurationError */.j1(`cannot read the zip archive: ${(0,dist/* errorMessage */.gJ)(e)}`, { location: { file: where }, cause: e }));
        };
        zip.on('error', (e) => fail(e));
        zip.on('end', () => {
            if (!done) {
                done = true;
                resolve();
            }
        });
        zip.on('entry', (entry) => {
            if (!isJsonEntry(entry)) {
                zip.readEntry();
                return;
            }
            Promise.resolve()
                .then(() => read(entry))
                .then((data) => {
                try {
                    onEntry({ name: entry.fileName, text: data.toString('utf8') });
                }
                catch (e) {
                    fail(e, entry.fileName);
                    return;
                }
                zip.readEntry();
            }, (e) => fail(e, entry.fileName));
        });
        zip.readEntry();
    });
}
/** Calls `onEntry` for every `*.json` entry of the archive held in `buf`. */
async function forEachJsonEntryInBuffer(file, buf, onEntry) {
    const zip = await new Promise((resolve, reject) => {
        yauzl.fromBuffer(buf, YAUZL_OPTIONS, (err, z) => (err ? reject(notAZip(file, err)) : resolve(z)));
    });
    await walkEntries(file, zip, (entry) => extract(buf, entry), onEntry);
}
/** The same, streaming from disk (for archives too large to hold in memory). */
async function forEachJsonEntryStreamed(file, onEntry) {
    const zip = await new Promise((resolve, reject) => {
        yauzl.open(file, YAUZL_OPTIONS, (err, z) => (err ? reject(notAZip(file, err)) : resolve(z)));
    });
    await walkEntries(file, zip, (entry) => streamEntry(zip, entry), onEntry);
}

;// CONCATENATED MODULE: ../packages/materials/dist/osv/offline-database.js
/**
 * An offline OSV database: a folder of OSV JSON records (searched recursively; a file may hold one
 * record, a list of records, or `{"vulns": [...]}` as the API answers), osv.dev's per-ecosystem
 * `all.zip` files (in that folder, or one zip given directly), or a single JSON file.
 *
 * Records are indexed by (ecosystem, normalised package name), so matching is one map lookup per
 * package plus the evaluation of that package's few records: linear in the number of packages.
 *
 * Broken records: in a JSON file the user put there, a record that breaks the essential OSV shape is
 * a ConfigurationError naming the file (and the record's line). Inside a zip, which is one large
 * download of thousands of records, a broken record is skipped with a warning naming
 * `zip!entry` and counted in `skipped` (`invalidInZip: 'error'` makes it fatal too).
 */











const SKIP_DIRS = new Set(['.git', 'node_modules']);
const MAX_JSON_BYTES = 256 * 1024 * 1024;
/** Skipped records are each named in a warning up to this many; the total is always reported. */
const MAX_SKIP_WARNINGS = 20;
function recordKeys(record) {
    const keys = new Set();
    for (const a of record.affected ?? []) {
        if (a.package)
            keys.add(packageKey(a.package.ecosystem, a.package.name));
    }
    return keys;
}
class OfflineDatabase {
    uri;
    digest;
    index = new Map();
    byId = new Map();
    newestTime = -Infinity;
    newestText;
    /** Distinct records loaded (withdrawn ones included; they never match). */
    recordCount = 0;
    /** Records met again under an id already loaded (the newer `modified` is kept). */
    duplicates = 0;
    skipped = [];
    constructor(uri, digest = undefined) {
        this.uri = uri;
        this.digest = digest;
    }
    /**
     * Adds one record that already passed `recordProblems`. The same id met twice (a folder holding
     * both all.zip and extracted records) is kept once: the copy with the newer `modified`.
     */
    add(record) {
        const t = typeof record.modified === 'string' ? Date.parse(record.modified) : NaN;
        if (!Number.isNaN(t) && t > this.newestTime) {
            this.newestTime = t;
            this.newestText = record.modified;
        }
        const previous = this.byId.get(record.id);
        if (previous) {
            this.duplicates++;
            const before = typeof previous.modified === 'string' ? Date.parse(previous.modified) : NaN;
            if (Number.isNaN(t) || (!Number.isNaN(before) && before >= t))
                return;
            for (const key of recordKeys(previous)) {
                const list = this.index.get(key) ?? [];
                const at = list.indexOf(previous);
                if (at >= 0)
                    list.splice(at, 1);
            }
        }
        else {
            this.recordCount++;
        }
        this.byId.set(record.id, record);
        for (const key of recordKeys(record)) {
            const list = this.index.get(key);
            if (list)
                list.push(record);
            else
                this.index.set(key, [record]);
        }
    }
    setDigest(digest) {
        this.digest = digest;
    }
    /** The records that name this package (in any release of its ecosystem). */
    recordsFor(ecosystem, name) {
        return this.index.get(packageKey(ecosystem, name)) ?? [];
    }
    /** Synchronous matching; `match` wraps it for the VulnSource interface. */
    matchSync(packages) {
        const hits = [];
        for (const pkg of packages) {
            for (const record of this.recordsFor(pkg.ecosystem, pkg.name)) {
                if (record.withdrawn)
                    continue; // a withdrawn advisory affects nothing
                const e = evaluate(record, pkg);
                if (e.affected)
                    hits.push({
                        pkg,
                        record,
                        entries: e.entries,
                        fixedVersions: e.fixedVersions,
                        ...(e.uncertain.length > 0 ? { uncertain: e.uncertain } : {}),
                    });
            }
        }
        return mergeHits(hits);
    }
    async match(packages) {
        return this.matchSync(packages);
    }
    describe() {
        const d = { uri: this.uri };
        if (this.digest)
            d.version = this.digest;
        if (this.newestText !== undefined)
            d.lastUpdate = new Date(this.newestTime).toISOString();
        return d;
    }
}
/** The records a JSON document holds: a record, a list of records, or `{"vulns": [...]}`. */
function recordsInDocument(doc) {
    if (Array.isArray(doc))
        return doc;
    if (doc !== null && typeof doc === 'object' && !('id' in doc) && 'vulns' in doc && Array.isArray(doc.vulns)) {
        return doc.vulns;
    }
    return [doc];
}
function idLine(text, record) {
    if (record === null || typeof record !== 'object' || !('id' in record) || typeof record.id !== 'string')
        return undefined;
    const at = text.indexOf(JSON.stringify(record.id));
    return at >= 0 ? (0,dist/* lineColumnAt */.IX)(text, at).line : undefined;
}
function addJsonFile(db, file, text) {
    const doc = (0,dist/* parseJsonText */.lk)(text, file);
    const records = recordsInDocument(doc);
    records.forEach((record, i) => {
        const problems = recordProblems(record);
        if (problems.length > 0) {
            const which = records.length > 1 ? ` (record ${i + 1} of ${records.length})` : '';
            throw new dist/* ConfigurationError */.j1(`not a valid OSV record${which}: ${problems.slice(0, 5).join('; ')}`, {
                location: { file, line: idLine(text, record) ?? 1 },
                hint: 'fix or remove the record; the format is https://ossf.github.io/osv-schema/',
            });
        }
        db.add(record);
    });
}
/** Adds the records of a zip; returns the zip's sha256. */
async function addZipFile(db, file, size, options) {
    const logger = options.logger ?? dist/* silentLogger */.qq;
    const onEntry = ({ name, text }) => {
        const source = `${file}!${name}`;
        let doc;
        try {
            doc = JSON.parse(text);
        }
        catch (e) {
            if (options.invalidInZip === 'error')
                throw new dist/* ConfigurationError */.j1(`not valid JSON: ${(0,dist/* errorMessage */.gJ)(e)}`, { location: { file: source } });
            db.skipped.push({ source, problems: [`not valid JSON: ${(0,dist/* errorMessage */.gJ)(e)}`] });
            if (db.skipped.length <= MAX_SKIP_WARNINGS)
                logger.warning(`skipped ${name}: not valid JSON`, { file });
            return;
        }
        for (const record of recordsInDocument(doc)) {
            const problems = recordProblems(record);
            if (problems.length === 0) {
                db.add(record);
                continue;
            }
            if (options.invalidInZip === 'error') {
                throw new dist/* ConfigurationError */.j1(`not a valid OSV record: ${problems.slice(0, 5).join('; ')}`, { location: { file: source } });
            }
            db.skipped.push({ source, problems });
            if (db.skipped.length <= MAX_SKIP_WARNINGS) {
                logger.warning(`skipped ${name}: not a valid OSV record: ${problems.slice(0, 3).join('; ')}`, { file });
            }
        }
    };
    if (size <= (options.inMemoryZipBytes ?? IN_MEMORY_ZIP_BYTES)) {
        const { hex, bytes } = await sha256OfFile(file);
        await forEachJsonEntryInBuffer(file, bytes, onEntry);
        return hex;
    }
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(file))
        hash.update(chunk);
    await forEachJsonEntryStreamed(file, onEntry);
    return hash.digest('hex');
}
async function walk(dir, out) {
    const entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
        const full = external_node_path_.join(dir, e.name);
        if (e.isDirectory()) {
            if (!SKIP_DIRS.has(e.name))
                await walk(full, out);
        }
        else if (/\.(json|zip)$/i.test(e.name)) {
            // Not only regular files: a record that is a link, a FIFO or a device would otherwise be skipped
            // without a word and its advisories silently missing. Each is read through core's safe reader, which
            // follows a link to a regular file and refuses the rest (exit 2 naming the file).
            out.push(full);
        }
    }
}
async function sha256OfFile(file) {
    // Core's safe reader: a FIFO or a link to a device given as the database is refused, not read forever.
    // Links may point anywhere (an operator's cache), but must end at a regular file under the size limit.
    const bytes = await (0,dist/* readRegularFile */.XF)(file, { maxBytes: 2 ** 31 - 1, within: '/', what: 'OSV database file' });
    return { hex: (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex'), bytes };
}
/**
 * Opens an offline OSV database at `location` (a folder, an `all.zip`, or one JSON file). The
 * returned database's `describe().version` is a sha256 over the files read (name + content digest),
 * and `lastUpdate` the newest `modified` among the records.
 */
async function openOfflineDatabase(location, options = {}) {
    const root = external_node_path_.resolve(location);
    let info;
    try {
        info = await (0,promises_.stat)(root);
    }
    catch (e) {
        throw new dist/* ConfigurationError */.j1(`the OSV database does not exist: ${(0,dist/* errorMessage */.gJ)(e)}`, {
            location: { file: location },
            hint: 'pass a folder of OSV JSON records, or the all.zip osv.dev publishes for an ecosystem',
            cause: e,
        });
    }
    const db = new OfflineDatabase((0,external_node_url_.pathToFileURL)(root).href);
    const files = [];
    if (info.isDirectory())
        await walk(root, files);
    else
        files.push(root);
    const manifest = (0,external_node_crypto_.createHash)('sha256');
    for (const file of files) {
        const st = await (0,promises_.stat)(file).catch((e) => {
            throw new dist/* ConfigurationError */.j1(`cannot read the OSV database file: ${(0,dist/* errorMessage */.gJ)(e)}`, { location: { file }, cause: e });
        });
        // Only regular files (links followed): a FIFO, a device or a socket named *.json or *.zip is refused
        // before any read — a large-looking block device would otherwise be streamed as a zip.
        if (!st.isFile())
            throw new dist/* ConfigurationError */.j1('the OSV database file is not a regular file; refused', {
                location: { file },
                hint: 'the database folder may hold only OSV JSON records and all.zip files',
            });
        const size = st.size;
        const rel = info.isDirectory() ? external_node_path_.relative(root, file).split(external_node_path_.sep).join('/') : external_node_path_.basename(file);
        if (/\.zip$/i.test(file)) {
            const hex = await addZipFile(db, file, size, options);
            manifest.update(`${rel}\u0000${hex}\n`);
        }
        else {
            if (size > MAX_JSON_BYTES) {
                throw new dist/* ConfigurationError */.j1(`the file is ${size} bytes, over the limit of ${MAX_JSON_BYTES}`, { location: { file } });
            }
            const { hex, bytes } = await sha256OfFile(file);
            manifest.update(`${rel}\u0000${hex}\n`);
            addJsonFile(db, file, bytes.toString('utf8'));
        }
    }
    if (files.length === 0) {
        throw new dist/* ConfigurationError */.j1('the OSV database folder holds no .json or .zip files', {
            location: { file: location },
            hint: 'download an ecosystem all.zip from osv.dev, or put OSV JSON records in the folder',
        });
    }
    db.setDigest(`sha256:${manifest.digest('hex')}`);
    if (db.skipped.length > 0) {
        options.logger?.warning(`${db.skipped.length} OSV record(s) in zip archives were skipped because they break the OSV schema`);
    }
    return db;
}

;// CONCATENATED MODULE: ../packages/materials/dist/osv/api-source.js
/**
 * The online OSV API (https://google.github.io/osv.dev/api/): `POST /v1/querybatch` answers which
 * vulnerability ids affect each package version (chunks of at most 1000 queries, following
 * `next_page_token`), then `GET /v1/vulns/{id}` gives each full record (cached per id, fetched with
 * bounded concurrency). The API decides membership; the records give severity, aliases and the fixed
 * versions of the ranges that contain the version. Every request goes through core's
 * `httpRequest`: 408/429/5xx, resets, stalls and truncated bodies are retried a bounded number of times
 * with full-jitter backoff (honouring Retry-After) inside one deadline, answers are read up to a byte
 * limit; then an InfrastructureError (exit 3) names the service, never quoting the body. Tests point `baseUrl` at a local server speaking the same protocol.
 */





class OsvApiSource {
    baseUrl;
    fetchFn;
    logger;
    batchSize;
    concurrency;
    attempts;
    retryDelayMs;
    timeoutMs;
    deadlineMs;
    maxBytes;
    maxPages;
    records = new Map();
    newestTime = -Infinity;
    constructor(options = {}) {
        this.baseUrl = (options.baseUrl ?? 'https://api.osv.dev').replace(/\/+$/, '');
        this.fetchFn = options.fetch ?? globalThis.fetch;
        this.logger = options.logger ?? dist/* silentLogger */.qq;
        this.batchSize = Math.min(1000, Math.max(1, options.batchSize ?? 1000));
        this.concurrency = Math.max(1, options.concurrency ?? 8);
        this.attempts = Math.max(1, options.attempts ?? 4);
        this.retryDelayMs = options.retryDelayMs ?? 500;
        this.timeoutMs = options.timeoutMs ?? 60_000;
        this.deadlineMs = options.deadlineMs ?? 180_000;
        this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
        this.maxPages = options.maxPages ?? 100;
    }
    describe() {
        const d = { uri: this.baseUrl };
        if (Number.isFinite(this.newestTime))
            d.lastUpdate = new Date(this.newestTime).toISOString();
        return d;
    }
    async match(packages) {
        // One query per distinct package version.
        const unique = new Map();
        for (const p of packages) {
            const key = `${canonicalEcosystem(p.ecosystem)}\u0000${normalisePackageName(p.ecosystem, p.name)}\u0000${p.version}`;
            if (!unique.has(key))
                unique.set(key, p);
        }
        const list = [...unique.values()];
        const idsPerPackage = await this.queryBatch(list);
        const allIds = [...new Set(idsPerPackage.flat())].sort();
        const fetched = await (0,dist/* mapLimit */.sf)(allIds, this.concurrency, async (id) => [id, await this.vuln(id)]);
        const byId = new Map(fetched);
        const hits = [];
        list.forEach((pkg, i) => {
            for (const id of idsPerPackage[i] ?? []) {
                const record = byId.get(id);
                if (!record || record.withdrawn)
                    continue;
                // osv.dev said this version is affected; the record says which ranges and fixes apply.
                const e = evaluate(record, pkg);
                hits.push({
                    pkg,
                    record,
                    entries: e.entries,
                    fixedVersions: e.fixedVersions,
                    ...(e.uncertain.length > 0 ? { uncertain: e.uncertain } : {}),
                });
            }
        });
        return mergeHits(hits);
    }
    /** The vulnerability ids per package (same order), following page tokens. */
    async queryBatch(packages) {
        const ids = packages.map(() => []);
        let pending = packages.map((_, index) => ({ index }));
        for (let page = 0; pending.length > 0; page++) {
            if (page >= this.maxPages) {
                throw new dist/* InfrastructureError */.EN(`OSV API (${this.baseUrl}) kept paging querybatch results past ${this.maxPages} pages`);
            }
            const next = [];
            for (let start = 0; start < pending.length; start += this.batchSize) {
                const chunk = pending.slice(start, start + this.batchSize);
                const queries = chunk.map(({ index, token }) => {
                    const p = packages[index];
                    const q = { package: { ecosystem: canonicalEcosystem(p.ecosystem), name: p.name } };
                    if (p.version !== '')
                        q.version = p.version;
                    if (token)
                        q.page_token = token;
                    return q;
                });
                const answer = await this.request('POST', '/v1/querybatch', { queries });
                const results = answer !== null && typeof answer === 'object' && 'results' in answer ? answer.results : undefined;
                if (!Array.isArray(results) || results.length !== chunk.length) {
                    throw new dist/* InfrastructureError */.EN(`OSV API (${this.baseUrl}) answered querybatch with ${Array.isArray(results) ? results.length : 'no'} results for ${chunk.length} queries`);
                }
                chunk.forEach(({ index }, j) => {
                    const r = (results[j] ?? {});
                    for (const v of Array.isArray(r.vulns) ? r.vulns : []) {
                        if (v && typeof v.id === 'string')
                            ids[index].push(v.id);
                    }
                    if (typeof r.next_page_token === 'string' && r.next_page_token !== '')
                        next.push({ index, token: r.next_page_token });
                });
            }
            pending = next;
        }
        return ids.map((l) => [...new Set(l)]);
    }
    vuln(id) {
        let p = this.records.get(id);
        if (!p) {
            p = this.request('GET', `/v1/vulns/${encodeURIComponent(id)}`).then((doc) => {
                const problems = recordProblems(doc);
                if (problems.length > 0) {
                    throw new dist/* InfrastructureError */.EN(`OSV API (${this.baseUrl}) returned an invalid record for ${id}: ${problems.slice(0, 3).join('; ')}`);
                }
                const record = doc;
                const t = typeof record.modified === 'string' ? Date.parse(record.modified) : NaN;
                if (!Number.isNaN(t) && t > this.newestTime)
                    this.newestTime = t;
                return record;
            });
            this.records.set(id, p);
            // A failed fetch must not poison the cache for a later scan.
            p.catch(() => this.records.delete(id));
        }
        return p;
    }
    async request(method, pathname, body) {
        const service = `OSV API (${this.baseUrl})`;
        const request = {
            url: `${this.baseUrl}${pathname}`,
            method,
            headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        };
        if (body !== undefined)
            request.body = JSON.stringify(body);
        let res;
        try {
            // Core's one HTTP client: bounded retries with full jitter, Retry-After, one deadline, a byte limit.
            res = await (0,dist/* httpRequest */.aj)(request, {
                service: `${service} ${method} ${pathname}`,
                fetch: this.fetchFn,
                maxAttempts: this.attempts,
                baseDelayMs: this.retryDelayMs,
                attemptTimeoutMs: this.timeoutMs,
                deadlineMs: this.deadlineMs,
                maxBytes: this.maxBytes,
            });
        }
        catch (e) {
            if (!(e instanceof dist/* InfrastructureError */.EN))
                throw e;
            this.logger.debug(`${service} ${method} ${pathname}: ${(0,dist/* errorMessage */.gJ)(e)}`);
            throw new dist/* InfrastructureError */.EN(e.message, {
                cause: e,
                hint: 'check the network or use an offline OSV database (a folder or all.zip)',
            });
        }
        if (!res.ok) {
            // The body is not quoted: it is the service's (or a proxy's) text, not ours to echo into a log.
            throw new dist/* InfrastructureError */.EN(`${service} refused ${method} ${pathname}: HTTP ${res.status}`, {
                hint: 'check --osv-api points at an OSV API, or use an offline OSV database (a folder or all.zip)',
            });
        }
        try {
            return JSON.parse(res.bytes.toString('utf8'));
        }
        catch {
            throw new dist/* InfrastructureError */.EN(`${service} answered ${method} ${pathname} with something that is not JSON`);
        }
    }
}

;// CONCATENATED MODULE: ../packages/materials/dist/osv/index.js









// EXTERNAL MODULE: ../node_modules/spdx-expression-parse/index.js
var spdx_expression_parse = __webpack_require__(94800);
;// CONCATENATED MODULE: ../packages/materials/dist/sbom/cyclonedx.js
/**
 * CycloneDX 1.6 JSON, as the CycloneDX project's own library writes it: one component per purl, with
 * hashes from lockfile integrity, licences where the lockfile records them, and the dependency graph
 * where the lockfile records it (the project itself depends on its direct dependencies).
 */




const HASH = [
    ['sha512', 'SHA-512'],
    ['sha384', 'SHA-384'],
    ['sha256', 'SHA-256'],
    ['sha1', 'SHA-1'],
];
// Lockfiles repeat a handful of licence strings thousands of times: parse each once.
const spdxVerdicts = new Map();
function isSpdxExpression(s) {
    let ok = spdxVerdicts.get(s);
    if (ok === undefined) {
        try {
            spdx_expression_parse(s);
            ok = true;
        }
        catch {
            ok = false;
        }
        if (spdxVerdicts.size > 10_000)
            spdxVerdicts.clear();
        spdxVerdicts.set(s, ok);
    }
    return ok;
}
/** Packages with one purl merged into one (the same package read from two lockfiles). */
function uniqueByPurl(packages) {
    const map = new Map();
    for (const p of packages) {
        const prev = map.get(p.purl);
        if (!prev) {
            map.set(p.purl, { ...p });
            continue;
        }
        if (p.dependsOn)
            prev.dependsOn = [...new Set([...(prev.dependsOn ?? []), ...p.dependsOn])];
        if (p.direct === true)
            prev.direct = true;
        if (!prev.integrity && p.integrity)
            prev.integrity = p.integrity;
        if (!prev.licenses && p.licenses)
            prev.licenses = p.licenses;
        if (p.groups.length === 0)
            prev.groups = [];
    }
    return [...map.values()];
}
const HASH_VALUE = /^(?:[a-fA-F0-9]{32}|[a-fA-F0-9]{40}|[a-fA-F0-9]{64}|[a-fA-F0-9]{96}|[a-fA-F0-9]{128})$/;
/** As the CycloneDX library escapes URLs for JSON (its `escapeUri`): characters an IRI may not hold raw. */
function escapeUri(url) {
    return url.replace(/[ "'[\]<>{}]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
/**
 * The base-image validation verdict as CycloneDX properties of the image's container component (and,
 * joined, the SPDX annotation's comment): the gate reads `secure-factory:image:validation` back from the
 * signed SBOM (verify/src/gate/checks/image-validation.ts).
 */
const IMAGE_VALIDATION_PROPERTY = 'secure-factory:image:validation';
function imageValidationProperties(p) {
    const v = p.validation;
    if (!v)
        return [];
    return [
        { name: IMAGE_VALIDATION_PROPERTY, value: v.verdict },
        ...(v.digest ? [{ name: `${IMAGE_VALIDATION_PROPERTY}:digest`, value: v.digest }] : []),
        ...(v.signer ? [{ name: `${IMAGE_VALIDATION_PROPERTY}:signer`, value: v.signer }] : []),
        ...(v.bundle ? [{ name: `${IMAGE_VALIDATION_PROPERTY}:bundle`, value: v.bundle }] : []),
    ];
}
/** The bom-ref of a package inside an image: unique even when two images hold the same package. */
function imageContentRef(p) {
    return `${p.image?.imagePurl ?? ''}#${p.purl}`;
}
/**
 * The packages found inside base images become the image component's own `components` (CycloneDX
 * 1.6 nests what a component contains), and the image depends on each of them.
 */
function nestImageContents(packages, components, dependencies) {
    const byImage = new Map();
    for (const p of packages) {
        if (!p.image)
            continue;
        const list = byImage.get(p.image.imagePurl) ?? new Map();
        if (!list.has(p.purl))
            list.set(p.purl, p);
        byImage.set(p.image.imagePurl, list);
    }
    for (const [imagePurl, inside] of byImage) {
        const image = components.find((c) => c['bom-ref'] === imagePurl);
        if (!image)
            continue;
        const children = [];
        for (const p of inside.values()) {
            const c = { type: 'library', name: p.name, version: p.version, 'bom-ref': imageContentRef(p) };
            try {
                c.purl = packageurl_js.PackageURL.fromString(p.purl).toString();
            }
            catch {
                // A purl that does not parse is left out, not invented.
            }
            c.properties = [
                { name: 'secure-factory:found-in', value: p.image?.source ?? '' },
                ...(p.image?.distro ? [{ name: 'secure-factory:distro', value: p.image.distro }] : []),
            ];
            children.push(c);
        }
        image.components = children;
        const digest = [...inside.values()][0]?.image?.digest;
        if (digest)
            image.properties = [...(image.properties ?? []), { name: 'secure-factory:image-digest', value: digest }];
        const dep = dependencies.find((d) => d.ref === imagePurl);
        if (dep)
            dep.dependsOn = children.map((c) => c['bom-ref']);
        for (const c of children)
            dependencies.push({ ref: c['bom-ref'] });
    }
}
/**
 * CycloneDX 1.6 JSON. The document is written directly, field for field as the CycloneDX project's
 * own library (`@cyclonedx/cyclonedx-library`) serialises it: a test builds the same inventories with
 * the library and requires identical output, and every document is validated against the official
 * schema. Building the library's models, normalising and re-parsing them cost most of a 200k-package
 * scan's time and a few hundred megabytes, which is why it is not on this path.
 */
function buildCycloneDx(packages, options) {
    const unique = uniqueByPurl(packages.filter((p) => !p.image));
    const refs = new Set(unique.map((p) => p.purl));
    const components = [];
    const dependencies = [];
    const rootDeps = [];
    for (const p of unique) {
        let purl;
        try {
            purl = packageurl_js.PackageURL.fromString(p.purl).toString();
        }
        catch {
            purl = undefined;
        }
        const scoped = p.ecosystem === 'npm' && p.name.startsWith('@') && p.name.includes('/');
        const c = {
            type: p.ecosystem === 'Docker' ? 'container' : 'library',
            name: scoped ? p.name.slice(p.name.indexOf('/') + 1) : p.name,
        };
        if (scoped)
            c.group = p.name.slice(0, p.name.indexOf('/'));
        if (p.version)
            c.version = p.version;
        c['bom-ref'] = p.purl;
        c.scope = p.groups.includes('dev') || p.groups.includes('optional') ? 'optional' : 'required';
        const hashes = HASH.flatMap(([key, alg]) => {
            const v = p.integrity?.[key];
            return v && HASH_VALUE.test(v) ? [{ alg, content: v }] : [];
        });
        if (hashes.length > 0)
            c.hashes = hashes;
        // CycloneDX takes one SPDX expression, or a list of named licences: an expression wins.
        const expression = (p.licenses ?? []).find(isSpdxExpression);
        const licenses = expression !== undefined ? [{ expression }] : (p.licenses ?? []).map((name) => ({ license: { name } }));
        if (licenses.length > 0)
            c.licenses = licenses;
        if (purl)
            c.purl = purl;
        if (p.resolved && /^https?:\/\//.test(p.resolved))
            c.externalReferences = [{ url: escapeUri(p.resolved), type: p.kind === 'git' ? 'vcs' : 'distribution' }];
        c.properties = [{ name: 'secure-factory:source-file', value: p.sourceFile }, ...imageValidationProperties(p)];
        components.push(c);
        const dependsOn = [...new Set(p.dependsOn ?? [])].filter((d) => d !== p.purl && refs.has(d));
        dependencies.push(dependsOn.length > 0 ? { ref: p.purl, dependsOn } : { ref: p.purl });
        if (p.direct === true)
            rootDeps.push(p.purl);
    }
    nestImageContents(packages, components, dependencies);
    const root = { type: 'application', name: options.name };
    if (options.version)
        root.version = options.version;
    root['bom-ref'] = 'root';
    return {
        $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
        bomFormat: 'CycloneDX',
        specVersion: '1.6',
        version: 1,
        serialNumber: options.serialNumber ?? `urn:uuid:${(0,external_node_crypto_.randomUUID)()}`,
        metadata: {
            timestamp: options.now.toISOString(),
            tools: { components: [{ type: 'application', name: dist/* TOOL_NAME */.lH, version: dist/* TOOL_VERSION */.wr }] },
            component: root,
        },
        components,
        dependencies: [rootDeps.length > 0 ? { ref: 'root', dependsOn: rootDeps } : { ref: 'root' }, ...dependencies],
    };
}

;// CONCATENATED MODULE: ../packages/materials/dist/sbom/spdx.js
/** SPDX 2.3 JSON: one package per purl, checksums from lockfile integrity, DEPENDS_ON relationships. */



const ALG = [
    ['sha512', 'SHA512'],
    ['sha384', 'SHA384'],
    ['sha256', 'SHA256'],
    ['sha1', 'SHA1'],
];
function spdxId(purl) {
    // SPDX ids allow letters, digits, "." and "-": a readable prefix plus a digest keeps them unique.
    const readable = purl
        .replace(/^pkg:/, '')
        .replace(/[^A-Za-z0-9.-]+/g, '-')
        .slice(0, 80);
    return `SPDXRef-Package-${readable}-${(0,external_node_crypto_.createHash)('sha256').update(purl).digest('hex').slice(0, 8)}`;
}
function buildSpdx(packages, options) {
    const unique = uniqueByPurl(packages.filter((p) => !p.image));
    const rootId = 'SPDXRef-Package-root';
    const ids = new Map(unique.map((p) => [p.purl, spdxId(p.purl)]));
    const spdxPackages = [
        {
            SPDXID: rootId,
            name: options.name,
            ...(options.version ? { versionInfo: options.version } : {}),
            downloadLocation: 'NOASSERTION',
            filesAnalyzed: false,
            primaryPackagePurpose: 'APPLICATION',
        },
    ];
    const relationships = [
        { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: rootId },
    ];
    const created = options.now.toISOString().replace(/\.\d{3}Z$/, 'Z');
    for (const p of unique) {
        const id = ids.get(p.purl) ?? spdxId(p.purl);
        // The base-image validation verdict: one annotation, `name=value` lines as the CycloneDX properties.
        const validation = imageValidationProperties(p);
        const checksums = ALG.flatMap(([k, alg]) => (p.integrity?.[k] ? [{ algorithm: alg, checksumValue: p.integrity[k] }] : []));
        const license = (p.licenses ?? []).find(isSpdxExpression);
        spdxPackages.push({
            SPDXID: id,
            name: p.name,
            ...(p.version ? { versionInfo: p.version } : {}),
            downloadLocation: p.resolved && /^(?:https?|git\+\w+|git):\/\//.test(p.resolved) ? p.resolved : 'NOASSERTION',
            filesAnalyzed: false,
            licenseConcluded: 'NOASSERTION',
            licenseDeclared: license ?? 'NOASSERTION',
            copyrightText: 'NOASSERTION',
            ...(checksums.length > 0 ? { checksums } : {}),
            externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: p.purl }],
            primaryPackagePurpose: p.ecosystem === 'Docker' ? 'CONTAINER' : 'LIBRARY',
            ...(validation.length > 0
                ? {
                    annotations: [
                        {
                            annotationDate: created,
                            annotationType: 'OTHER',
                            annotator: `Tool: ${dist/* TOOL_NAME */.lH}-${dist/* TOOL_VERSION */.wr}`,
                            comment: validation.map((v) => `${v.name}=${v.value}`).join('\n'),
                        },
                    ],
                }
                : {}),
        });
        if (p.direct === true)
            relationships.push({ spdxElementId: rootId, relationshipType: 'DEPENDS_ON', relatedSpdxElement: id });
        for (const d of p.dependsOn ?? []) {
            const target = ids.get(d);
            if (target && target !== id)
                relationships.push({ spdxElementId: id, relationshipType: 'DEPENDS_ON', relatedSpdxElement: target });
        }
    }
    // Packages inside base images: the image CONTAINS each (SPDX 2.3 §11 relationship types).
    const seen = new Set();
    for (const p of packages) {
        if (!p.image)
            continue;
        const imageId = ids.get(p.image.imagePurl);
        const id = spdxId(`${p.image.imagePurl}#${p.purl}`);
        if (!imageId || seen.has(id))
            continue;
        seen.add(id);
        spdxPackages.push({
            SPDXID: id,
            name: p.name,
            ...(p.version ? { versionInfo: p.version } : {}),
            downloadLocation: 'NOASSERTION',
            filesAnalyzed: false,
            licenseConcluded: 'NOASSERTION',
            licenseDeclared: 'NOASSERTION',
            copyrightText: 'NOASSERTION',
            externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: p.purl }],
            primaryPackagePurpose: 'LIBRARY',
            comment: `found in ${p.image.reference} (${p.image.digest}) from its ${p.image.source === 'sbom-attestation' ? 'SBOM attestation' : `${p.image.source} database`}`,
        });
        relationships.push({ spdxElementId: imageId, relationshipType: 'CONTAINS', relatedSpdxElement: id });
    }
    return {
        spdxVersion: 'SPDX-2.3',
        dataLicense: 'CC0-1.0',
        SPDXID: 'SPDXRef-DOCUMENT',
        name: options.name,
        documentNamespace: `${dist/* TOOL_URI */.qH}/spdx/${encodeURIComponent(options.name)}-${(0,external_node_crypto_.randomUUID)()}`,
        creationInfo: { created, creators: [`Tool: ${dist/* TOOL_NAME */.lH}-${dist/* TOOL_VERSION */.wr}`] },
        documentDescribes: [rootId],
        packages: spdxPackages,
        relationships,
    };
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ../packages/materials/dist/oci/os-packages.js
/**
 * What an image's operating system says is installed, read from the files its package manager keeps:
 *   - `/etc/os-release` (or `/usr/lib/os-release`): the distribution, hence the OSV ecosystem;
 *   - dpkg: `/var/lib/dpkg/status` (deb822 stanzas) and distroless's `/var/lib/dpkg/status.d/*`;
 *   - apk: `/lib/apk/db/installed` (`P:`/`V:`/`A:`/`o:` lines);
 *   - rpm: the header blobs in `rpmdb.sqlite` (table `Packages`), read with Node's built-in
 *     `node:sqlite`; BerkeleyDB and ndb databases (older RHEL, SUSE) are recognised, not read.
 *
 * OSV's Debian, Ubuntu and Alpine records name the *source* package (osv-schema, "affected[].package":
 * "the name of the source package"), so each binary package carries the source name and version OSV
 * is asked about: dpkg's `Source: name (version)` (the version defaults to the binary's, as dpkg
 * defines it), apk's `o:` origin. Rocky Linux and AlmaLinux also name source RPMs (from SOURCERPM);
 * Red Hat names binary RPMs.
 */






/** os-release: `KEY=value` lines, values optionally quoted with shell-style escapes (os-release(5)). */
function parseOsRelease(text) {
    const out = {};
    for (const raw of text.split('\n')) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        const eq = line.indexOf('=');
        if (eq <= 0)
            continue;
        const key = line.slice(0, eq);
        if (!/^[A-Z0-9_]+$/.test(key))
            continue;
        let v = line.slice(eq + 1);
        if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v.endsWith(v[0]))
            v = v.slice(1, -1).replace(/\\([\\$"'`])/g, '$1');
        out[key] = v;
    }
    return out;
}
/** The distribution and its OSV ecosystem (osv-schema's ecosystem list, "affected[].package"). */
function distroOf(osRelease) {
    const id = (osRelease.ID ?? '').toLowerCase();
    const versionId = osRelease.VERSION_ID;
    const d = { id };
    if (versionId)
        d.versionId = versionId;
    if (osRelease.PRETTY_NAME)
        d.prettyName = osRelease.PRETTY_NAME;
    const major = versionId?.split('.')[0];
    const majorMinor = /^(\d+)\.(\d+)/.exec(versionId ?? '');
    switch (id) {
        case 'debian':
            // testing and sid have no VERSION_ID: every release's records are then read (conservative).
            d.ecosystem = versionId ? `Debian:${major}` : 'Debian';
            break;
        case 'ubuntu':
            if (versionId)
                d.ecosystem = `Ubuntu:${versionId}${/\bLTS\b/.test(osRelease.VERSION ?? '') ? ':LTS' : ''}`;
            else
                d.unmatched = 'Ubuntu without a VERSION_ID';
            break;
        case 'alpine':
            if (majorMinor)
                d.ecosystem = `Alpine:v${majorMinor[1]}.${majorMinor[2]}`;
            else
                d.unmatched = `Alpine ${versionId ?? '(no VERSION_ID)'} names no release branch`;
            break;
        case 'wolfi':
            d.ecosystem = 'Wolfi';
            break;
        case 'chainguard':
            d.ecosystem = 'Chainguard';
            break;
        case 'rocky':
            if (major)
                d.ecosystem = `Rocky Linux:${major}`;
            break;
        case 'almalinux':
            if (major)
                d.ecosystem = `AlmaLinux:${major}`;
            break;
        case 'rhel': {
            const cpe = osRelease.CPE_NAME ?? '';
            if (cpe.startsWith('cpe:/o:redhat:'))
                d.ecosystem = `Red Hat:${cpe.slice('cpe:/o:redhat:'.length)}`;
            else
                d.unmatched = 'RHEL without a CPE_NAME';
            break;
        }
        case 'opensuse-leap':
        case 'opensuse-tumbleweed':
            if (osRelease.PRETTY_NAME)
                d.ecosystem = `openSUSE:${osRelease.PRETTY_NAME}`;
            break;
        case 'sles':
        case 'sled':
            if (osRelease.PRETTY_NAME)
                d.ecosystem = `SUSE:${osRelease.PRETTY_NAME}`;
            break;
        case 'mageia':
            if (versionId)
                d.ecosystem = `Mageia:${versionId}`;
            break;
        case 'openeuler':
            if (versionId)
                d.ecosystem = `openEuler:${versionId}`;
            break;
        case 'photon':
            if (versionId)
                d.ecosystem = `Photon OS:${versionId}`;
            break;
        default:
            break;
    }
    if (!d.ecosystem && !d.unmatched)
        d.unmatched = `OSV has no ecosystem for ${id || 'an unnamed distribution'}`;
    return d;
}
/**
 * A package read from an image's database is named in the SBOM, OSV queries and summaries: an empty
 * name, control characters or markup in it mean a corrupt or hostile database, refused naming the file.
 */
function plainPackage(p, file) {
    const hint = "the image's package database is corrupt or was written by hand; rebuild the image from its package manager";
    if (p.name === '')
        throw new dist/* ConfigurationError */.j1(`${file}: a package with an empty name`, { location: { file }, hint });
    checkText(file, 'package name', p.name, undefined, hint);
    checkText(file, 'version', p.version, undefined, hint);
    if (p.sourceName !== undefined)
        checkText(file, 'source package name', p.sourceName, undefined, hint);
    if (p.sourceVersion !== undefined)
        checkText(file, 'source version', p.sourceVersion, undefined, hint);
    if (p.arch !== undefined)
        checkText(file, 'architecture', p.arch, undefined, hint);
    return p;
}
/** dpkg's notion of "files are on disk": everything but not-installed and config-files. */
const DPKG_PRESENT = new Set(['installed', 'half-installed', 'unpacked', 'half-configured', 'triggers-awaited', 'triggers-pending']);
/**
 * dpkg's status file (deb822 stanzas, one per package). A stanza without `Status` (distroless's
 * status.d files) counts as installed. Continuation lines and unknown fields are skipped.
 */
function parseDpkgStatus(text, file) {
    const out = [];
    let fields = {};
    const flush = () => {
        const name = fields.package;
        if (name !== undefined) {
            const state = fields.status?.split(/\s+/)[2];
            if (fields.status === undefined || (state !== undefined && DPKG_PRESENT.has(state))) {
                if (!fields.version)
                    throw new dist/* ConfigurationError */.j1(`${file}: the package ${name.slice(0, 100)} has no Version`, {
                        hint: 'a dpkg status stanza names its version',
                    });
                const p = { manager: 'dpkg', name, version: fields.version };
                if (fields.architecture)
                    p.arch = fields.architecture;
                const source = /^(\S+)(?:\s*\(([^)\s]+)\))?\s*$/.exec(fields.source ?? '');
                if (source?.[1]) {
                    p.sourceName = source[1];
                    if (source[2])
                        p.sourceVersion = source[2];
                }
                out.push(plainPackage(p, file));
            }
        }
        fields = {};
    };
    let start = 0;
    while (start <= text.length) {
        let end = text.indexOf('\n', start);
        if (end < 0)
            end = text.length;
        const line = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
        start = end + 1;
        if (line === '' || /^\s*$/.test(line)) {
            flush();
            continue;
        }
        const c = line.charCodeAt(0);
        if (c === 32 || c === 9 || c === 35)
            continue; // continuation or comment
        const colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const key = line.slice(0, colon).toLowerCase();
        if (key === 'package' || key === 'status' || key === 'version' || key === 'architecture' || key === 'source') {
            fields[key] = line.slice(colon + 1).trim();
        }
    }
    flush();
    return out;
}
/** apk's installed database: `P:` name, `V:` version, `A:` arch, `o:` origin (the source package). */
function parseApkInstalled(text, file) {
    const out = [];
    let cur = {};
    const flush = () => {
        if (cur.P !== undefined) {
            if (!cur.V)
                throw new dist/* ConfigurationError */.j1(`${file}: the package ${cur.P.slice(0, 100)} has no V: (version) line`);
            const p = { manager: 'apk', name: cur.P, version: cur.V };
            if (cur.A)
                p.arch = cur.A;
            if (cur.o) {
                p.sourceName = cur.o;
                p.sourceVersion = cur.V;
            }
            out.push(plainPackage(p, file));
        }
        cur = {};
    };
    for (const raw of text.split('\n')) {
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (line === '') {
            flush();
            continue;
        }
        if (line[1] !== ':')
            continue;
        const k = line[0];
        if (k === 'P' || k === 'V' || k === 'A' || k === 'o')
            cur[k] = line.slice(2);
    }
    flush();
    return out;
}
// rpm header tags (rpmtag.h) and types.
const TAG = { name: 1000, version: 1001, release: 1002, epoch: 1003, arch: 1022, sourcerpm: 1044 };
const HEADER_MAGIC = Buffer.from([0x8e, 0xad, 0xe8, 0x01]);
/**
 * One rpm header blob (as rpmdb stores it: index count, data length, 16-byte index entries, data;
 * the 8-byte magic of a package file's header is accepted too). Only the naming tags are read.
 */
function parseRpmHeader(blob, what) {
    let b = blob;
    if (b.length >= 8 && b.subarray(0, 4).equals(HEADER_MAGIC))
        b = b.subarray(8);
    const bad = (why) => new dist/* ConfigurationError */.j1(`${what}: an rpm header that is not well formed (${why})`);
    if (b.length < 8)
        throw bad('too short');
    const il = b.readUInt32BE(0);
    const dl = b.readUInt32BE(4);
    const dataStart = 8 + il * 16;
    if (il > 100_000 || dl > b.length || dataStart + dl > b.length)
        throw bad('index or data out of bounds');
    const strings = new Map();
    let epoch;
    for (let i = 0; i < il; i++) {
        const at = 8 + i * 16;
        const tag = b.readUInt32BE(at);
        const type = b.readUInt32BE(at + 4);
        const offset = b.readUInt32BE(at + 8);
        if (offset >= dl)
            continue;
        if (tag === TAG.epoch && type === 4 && offset + 4 <= dl)
            epoch = b.readUInt32BE(dataStart + offset);
        else if ((type === 6 || type === 9 || type === 8) && Object.values(TAG).includes(tag)) {
            const s = dataStart + offset;
            const nul = b.indexOf(0, s);
            if (nul < 0 || nul > dataStart + dl)
                throw bad('a string runs past the data');
            strings.set(tag, b.subarray(s, nul).toString('utf8'));
        }
    }
    const name = strings.get(TAG.name);
    const version = strings.get(TAG.version);
    const release = strings.get(TAG.release);
    if (!name || !version)
        throw bad('no name or version');
    const full = `${epoch !== undefined ? `${epoch}:` : ''}${version}${release ? `-${release}` : ''}`;
    const p = { manager: 'rpm', name, version: full };
    const arch = strings.get(TAG.arch);
    if (arch)
        p.arch = arch;
    if (epoch !== undefined)
        p.epoch = epoch;
    // SOURCERPM is `name-version-release.src.rpm`: the name is what precedes the last two dashes.
    const src = /^(.+)-[^-]+-[^-]+\.(?:no)?src\.rpm$/.exec(strings.get(TAG.sourcerpm) ?? '');
    if (src?.[1]) {
        p.sourceName = src[1];
        p.sourceVersion = full;
    }
    return plainPackage(p, what);
}
/** Whether this Node has `node:sqlite` (Node ≥ 22.5; unflagged from 22.13 and in 24). */
async function loadSqlite() {
    try {
        return await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 80099, 19));
    }
    catch {
        return undefined;
    }
}
/**
 * The packages of an `rpmdb.sqlite` (rpm ≥ 4.16: table `Packages(hnum, blob)`). node:sqlite opens
 * files only, so the bytes go to a private temporary file opened read-only and removed at once.
 */
async function parseRpmSqlite(db, what) {
    const sqlite = await loadSqlite();
    if (!sqlite) {
        throw new dist/* ConfigurationError */.j1(`${what} is an rpm database and this Node (${process.version}) has no node:sqlite to read it`, {
            hint: 'run on Node 24, or attach an SBOM attestation to the image',
        });
    }
    if (!db.subarray(0, 16).equals(Buffer.from('SQLite format 3\0', 'latin1')))
        throw new dist/* ConfigurationError */.j1(`${what} is not an SQLite database`);
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'sf-rpmdb-'));
    try {
        const file = (0,external_node_path_.join)(dir, 'rpmdb.sqlite');
        (0,external_node_fs_.writeFileSync)(file, db, { mode: 0o600 });
        const handle = new sqlite.DatabaseSync(file, { readOnly: true });
        let rows;
        try {
            rows = handle.prepare('SELECT blob FROM Packages').all();
        }
        catch {
            throw new dist/* ConfigurationError */.j1(`${what}: no Packages table; not an rpm database`);
        }
        finally {
            handle.close();
        }
        const out = [];
        for (const r of rows) {
            const blob = r.blob;
            if (!(blob instanceof Uint8Array))
                continue;
            const p = parseRpmHeader(Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength), what);
            // gpg-pubkey "packages" are imported keys, not software.
            if (p.name !== 'gpg-pubkey')
                out.push(p);
        }
        return out;
    }
    finally {
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    }
}
const os_packages_PURL_TYPE = { dpkg: 'deb', apk: 'apk', rpm: 'rpm' };
/** A package URL as syft and osv-scalibr write them: `pkg:deb/debian/libc6@2.36-9?arch=amd64&distro=debian-12&upstream=glibc`. */
function osPackagePurl(p, distro) {
    const namespace = distro.id || (p.manager === 'dpkg' ? 'debian' : p.manager === 'apk' ? 'alpine' : 'redhat');
    const q = {};
    if (p.arch)
        q.arch = p.arch;
    if (p.manager === 'rpm' && p.epoch !== undefined)
        q.epoch = String(p.epoch);
    if (distro.id)
        q.distro = distro.versionId ? `${distro.id}-${distro.versionId}` : distro.id;
    if (p.sourceName && p.sourceName !== p.name)
        q.upstream = p.sourceName;
    // rpm purls carry version-release; the epoch goes in its qualifier (purl-spec, type rpm).
    const version = p.manager === 'rpm' && p.epoch !== undefined ? p.version.slice(p.version.indexOf(':') + 1) : p.version;
    return new packageurl_js.PackageURL(os_packages_PURL_TYPE[p.manager], namespace, p.name, version, q, undefined).toString();
}
const BINARY_NAMED = new Set(['Red Hat', 'Photon OS', 'Wolfi', 'Chainguard']);
/** The name and version OSV records use for a package in a distribution's ecosystem. */
function osvQuery(p, ecosystem) {
    const base = ecosystem.split(':')[0] ?? '';
    // Red Hat's, Photon OS's, Wolfi's and Chainguard's records name binary packages; the others the source package.
    if (BINARY_NAMED.has(base) || !p.sourceName)
        return { ecosystem, name: p.name, version: p.version };
    return { ecosystem, name: p.sourceName, version: p.sourceVersion ?? p.version };
}
/** `distro=debian-12` (syft, osv-scalibr, and this scanner's own purls) back to os-release terms. */
function distroFromPurlQualifier(q) {
    if (!q)
        return undefined;
    const m = /^([a-z][a-z0-9._-]*?)-(\d[\w.~+-]*)$/.exec(q);
    const id = m?.[1] ?? q;
    const versionId = m?.[2];
    const os = { ID: id };
    if (versionId)
        os.VERSION_ID = versionId;
    // Ubuntu's LTS releases are the even years' April releases.
    if (id === 'ubuntu' && versionId && /^\d*[02468]\.04$/.test(versionId))
        os.VERSION = `${versionId} LTS`;
    return distroOf(os);
}
const MANAGER_OF_PURL_TYPE = { deb: 'dpkg', apk: 'apk', rpm: 'rpm' };
/**
 * An OS package named by a deb, apk or rpm purl (an SBOM's component), with the distribution its
 * `distro` qualifier names and the source package its `upstream` qualifier names (`name`, `name@version`,
 * or for rpm the source RPM file name). Undefined for other purl types or a purl without a version.
 */
function osPackageFromPurl(purl) {
    let p;
    try {
        p = packageurl_js.PackageURL.fromString(purl);
    }
    catch {
        return undefined;
    }
    const manager = MANAGER_OF_PURL_TYPE[p.type];
    if (!manager || !p.version)
        return undefined;
    const q = (p.qualifiers ?? {});
    const pkg = { manager, name: p.name, version: p.version };
    if (q.arch)
        pkg.arch = q.arch;
    if (manager === 'rpm' && q.epoch && /^\d+$/.test(q.epoch)) {
        pkg.epoch = Number(q.epoch);
        pkg.version = `${q.epoch}:${p.version}`;
    }
    const [upstreamName, upstreamVersion] = (q.upstream ?? '').split('@');
    const source = manager === 'rpm' ? (/^(.+)-[^-]+-[^-]+\.(?:no)?src\.rpm$/.exec(upstreamName ?? '')?.[1] ?? upstreamName) : upstreamName;
    if (source) {
        pkg.sourceName = source;
        pkg.sourceVersion = upstreamVersion ?? pkg.version;
    }
    return { pkg, distro: distroFromPurlQualifier(q.distro) };
}

;// CONCATENATED MODULE: ../packages/materials/dist/sbom/read-sbom.js
/** Reads a CycloneDX or SPDX JSON SBOM back into packages (the rescan loop scans deployed SBOMs). */




const ECOSYSTEM = {
    npm: 'npm',
    pypi: 'PyPI',
    golang: 'Go',
    cargo: 'crates.io',
    gem: 'RubyGems',
    composer: 'Packagist',
    githubactions: 'GitHub Actions',
    github: 'GitHub Actions',
    docker: 'Docker',
    oci: 'Docker',
};
function read_sbom_isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function sbomKind(doc) {
    if (!read_sbom_isRecord(doc))
        return undefined;
    if (doc.bomFormat === 'CycloneDX')
        return 'cyclonedx';
    if (typeof doc.spdxVersion === 'string' && doc.spdxVersion.startsWith('SPDX-2'))
        return 'spdx';
    // An in-toto statement carrying an SBOM predicate (the evidence the factory writes).
    if (typeof doc.predicateType === 'string' && read_sbom_isRecord(doc.predicate))
        return sbomKind(doc.predicate);
    return undefined;
}
/**
 * A table lookup by a key the SBOM supplies, own properties only: `pkg:constructor/a@1` or a hash named
 * `__proto__` must find nothing (an inherited `Object` is no ecosystem and no hash algorithm).
 */
function own(table, key) {
    return Object.hasOwn(table, key) ? table[key] : undefined;
}
const SBOM_HINT = 'regenerate the SBOM with its tool; a package name or version never holds control or markup characters';
/** An SBOM's package names and versions are refused as a lockfile's are: no controls, no markup in names. */
function checkPackage(p, file) {
    checkText(file, 'package name', p.name, undefined, SBOM_HINT);
    checkText(file, 'version', p.version, undefined, SBOM_HINT);
    return p;
}
const MANAGER_ECOSYSTEM = { dpkg: 'Debian', apk: 'Alpine', rpm: 'Red Hat' };
/**
 * deb, apk and rpm purls (an image's SBOM, syft's or this scanner's own): OS packages matched as OSV
 * names them — the ecosystem from the `distro` qualifier, the source package from `upstream`.
 */
function osFromPurl(purl, file, image) {
    const found = osPackageFromPurl(purl);
    if (!found)
        return undefined;
    const { pkg, distro } = found;
    const ecosystem = distro?.ecosystem;
    return {
        ecosystem: ecosystem?.split(':')[0] ?? own(MANAGER_ECOSYSTEM, pkg.manager) ?? 'Debian',
        name: pkg.name,
        version: pkg.version,
        purl,
        groups: [],
        direct: undefined,
        sourceFile: file,
        image: {
            reference: image?.name ?? `the SBOM ${file}`,
            digest: image?.digest ?? '',
            imagePurl: image?.purl ?? '',
            source: 'sbom',
            ...(ecosystem ? { osv: osvQuery(pkg, ecosystem) } : {}),
        },
    };
}
function fromPurl(purl, file, image) {
    if (/^pkg:(?:deb|apk|rpm)\//.test(purl))
        return osFromPurl(purl, file, image);
    let p;
    try {
        p = packageurl_js.PackageURL.fromString(purl);
    }
    catch {
        return undefined;
    }
    const ecosystem = own(ECOSYSTEM, p.type);
    if (!ecosystem)
        return undefined;
    let name = p.name;
    if (p.namespace)
        name = `${p.namespace}/${p.name}`;
    return { ecosystem, name, version: p.version ?? '', purl, groups: [], direct: undefined, sourceFile: file };
}
const CDX_HASH = { 'SHA-512': 'sha512', 'SHA-384': 'sha384', 'SHA-256': 'sha256', 'SHA-1': 'sha1' };
const SPDX_HASH = { SHA512: 'sha512', SHA384: 'sha384', SHA256: 'sha256', SHA1: 'sha1' };
function sbomError(file, message) {
    return new dist/* ConfigurationError */.j1(message, {
        location: { file },
        hint: 'regenerate the SBOM with its tool; every component needs a package URL (purl)',
    });
}
function label(c, nameKey, versionKey) {
    const n = typeof c[nameKey] === 'string' ? c[nameKey] : '(unnamed)';
    const v = typeof c[versionKey] === 'string' ? `@${c[versionKey]}` : '';
    return `${n}${v}`;
}
/** Components that describe no third-party package: the SBOM's subject and its files. */
const NOT_PACKAGES = new Set(['application', 'file', 'operating-system', 'device', 'firmware', 'data', 'machine-learning-model']);
/**
 * Reads an SBOM's packages. The document must have the shape its specification gives (`components`
 * and `packages` are arrays): anything else is an error, never "0 packages". Nested components are
 * walked with an explicit stack, so a deeply nested document cannot overflow the call stack.
 */
/** A container component as the image its nested components were found in. */
function imageContext(c) {
    if (c.type !== 'container')
        return undefined;
    const props = Array.isArray(c.properties) ? c.properties : [];
    const digest = props.find((x) => read_sbom_isRecord(x) && x.name === 'secure-factory:image-digest');
    const version = typeof c.version === 'string' ? c.version : '';
    return {
        name: `${typeof c.name === 'string' ? c.name : 'image'}${version ? (version.startsWith('sha256:') ? `@${version}` : `:${version}`) : ''}`,
        purl: typeof c.purl === 'string' ? c.purl : typeof c['bom-ref'] === 'string' ? c['bom-ref'] : '',
        digest: typeof digest?.value === 'string' ? digest.value : version.startsWith('sha256:') ? version : '',
    };
}
function readSbomContents(doc, file) {
    const kind = sbomKind(doc);
    const body = read_sbom_isRecord(doc) && read_sbom_isRecord(doc.predicate) && typeof doc.predicateType === 'string' ? doc.predicate : doc;
    if (!kind || !read_sbom_isRecord(body))
        throw sbomError(file, 'not a CycloneDX or SPDX JSON SBOM');
    const out = [];
    const unreadable = [];
    if (kind === 'cyclonedx') {
        if (body.components !== undefined && !Array.isArray(body.components))
            throw sbomError(file, `CycloneDX "components" must be an array, not ${body.components === null ? 'null' : typeof body.components}`);
        // Top-level OS packages (syft's SBOM of an image) belong to the SBOM's subject when it is a container.
        const subject = read_sbom_isRecord(body.metadata) && read_sbom_isRecord(body.metadata.component) ? body.metadata.component : undefined;
        const stack = [
            { list: body.components ?? [], where: 'components', image: subject && imageContext(subject) },
        ];
        // The subject's own sub-components (CycloneDX 1.6 component.components: "components included in the
        // parent component") are part of what the SBOM describes: leaving them out would drop packages.
        if (subject?.components !== undefined) {
            if (!Array.isArray(subject.components))
                throw sbomError(file, 'metadata.component.components must be an array');
            stack.push({ list: subject.components, where: 'metadata.component.components', image: imageContext(subject) });
        }
        let total = 0;
        for (let frame = stack.pop(); frame; frame = stack.pop()) {
            frame.list.forEach((c, i) => {
                const where = `${frame.where}[${i}]`;
                if (!read_sbom_isRecord(c))
                    throw sbomError(file, `${where} must be an object`);
                total++;
                if (c.components !== undefined) {
                    if (!Array.isArray(c.components))
                        throw sbomError(file, `${where}.components must be an array`);
                    stack.push({ list: c.components, where: `${where}.components`, image: imageContext(c) ?? frame.image });
                }
                const type = typeof c.type === 'string' ? c.type : 'library';
                if (typeof c.purl !== 'string') {
                    if (!NOT_PACKAGES.has(type))
                        unreadable.push(`${label(c, 'name', 'version')} (no purl)`);
                    return;
                }
                const p = fromPurl(c.purl, file, frame.image);
                if (!p) {
                    unreadable.push(`${label(c, 'name', 'version')} (purl ${c.purl.slice(0, 120)} is not one secure-factory can match)`);
                    return;
                }
                const integrity = {};
                if (Array.isArray(c.hashes))
                    for (const h of c.hashes)
                        if (read_sbom_isRecord(h) && typeof h.alg === 'string' && typeof h.content === 'string' && own(CDX_HASH, h.alg))
                            integrity[own(CDX_HASH, h.alg)] = h.content;
                if (Object.keys(integrity).length)
                    p.integrity = integrity;
                const lic = Array.isArray(c.licenses)
                    ? c.licenses.flatMap((l) => read_sbom_isRecord(l)
                        ? typeof l.expression === 'string'
                            ? [l.expression]
                            : read_sbom_isRecord(l.license) && typeof l.license.id === 'string'
                                ? [l.license.id]
                                : []
                        : [])
                    : [];
                if (lic.length)
                    p.licenses = lic;
                if (c.scope === 'optional')
                    p.groups = ['optional'];
                out.push(checkPackage(p, file));
            });
        }
        if (total > 0 && out.length === 0)
            throw sbomError(file, `none of the ${total} CycloneDX components names a package (purl): ${unreadable.slice(0, 3).join(', ')}`);
    }
    else {
        if (!Array.isArray(body.packages))
            throw sbomError(file, `SPDX "packages" must be an array, not ${body.packages === null ? 'null' : typeof body.packages}`);
        const described = new Set(Array.isArray(body.documentDescribes) ? body.documentDescribes : []);
        if (Array.isArray(body.relationships))
            for (const r of body.relationships)
                if (read_sbom_isRecord(r) && r.relationshipType === 'DESCRIBES' && r.spdxElementId === 'SPDXRef-DOCUMENT')
                    described.add(r.relatedSpdxElement);
        body.packages.forEach((sp, i) => {
            if (!read_sbom_isRecord(sp))
                throw sbomError(file, `packages[${i}] must be an object`);
            if (sp.externalRefs !== undefined && !Array.isArray(sp.externalRefs))
                throw sbomError(file, `packages[${i}].externalRefs must be an array`);
            const refs = sp.externalRefs ?? [];
            const ref = refs.find((r) => read_sbom_isRecord(r) && r.referenceType === 'purl' && typeof r.referenceLocator === 'string');
            // The document's own subject (DESCRIBES) is the project, not a dependency.
            if (described.has(sp.SPDXID) || sp.primaryPackagePurpose === 'APPLICATION' || sp.primaryPackagePurpose === 'FILE') {
                if (!read_sbom_isRecord(ref))
                    return;
            }
            if (!read_sbom_isRecord(ref) || typeof ref.referenceLocator !== 'string') {
                unreadable.push(`${label(sp, 'name', 'versionInfo')} (no purl)`);
                return;
            }
            const p = fromPurl(ref.referenceLocator, file);
            if (!p) {
                unreadable.push(`${label(sp, 'name', 'versionInfo')} (purl ${ref.referenceLocator.slice(0, 120)} is not one secure-factory can match)`);
                return;
            }
            const integrity = {};
            if (Array.isArray(sp.checksums))
                for (const h of sp.checksums)
                    if (read_sbom_isRecord(h) && typeof h.algorithm === 'string' && typeof h.checksumValue === 'string' && own(SPDX_HASH, h.algorithm))
                        integrity[own(SPDX_HASH, h.algorithm)] = h.checksumValue;
            if (Object.keys(integrity).length)
                p.integrity = integrity;
            if (typeof sp.licenseDeclared === 'string' && !/^NO(?:ASSERTION|NE)$/.test(sp.licenseDeclared))
                p.licenses = [sp.licenseDeclared];
            out.push(checkPackage(p, file));
        });
        if (body.packages.length > 0 && out.length === 0 && unreadable.length > 0)
            throw sbomError(file, `none of the SPDX packages names a package (purl): ${unreadable.slice(0, 3).join(', ')}`);
    }
    return { packages: out, unreadable };
}
/** The packages of an SBOM (see readSbomContents; components without a usable purl are left out). */
function packagesFromSbom(doc, file) {
    return readSbomContents(doc, file).packages;
}

;// CONCATENATED MODULE: ../packages/materials/dist/scan/rules.js
const RULE = {
    vulnerable: 'materials/vulnerable-package',
    licenseDenied: 'materials/license-denied',
    licenseNotAllowed: 'materials/license-not-allowed',
    licenseUnknown: 'materials/license-unknown',
    registry: 'materials/registry-not-allowed',
    integrity: 'materials/integrity-missing',
    nonRegistry: 'materials/non-registry-source',
    actionPin: 'materials/action-not-pinned',
    actionNotAllowed: 'materials/action-not-allowed',
    imagePin: 'materials/image-not-pinned',
    imageRegistry: 'materials/image-registry-not-allowed',
    imageUnresolved: 'materials/image-unresolved',
    imageUnvalidated: 'materials/image-unvalidated',
    imageUnscanned: 'materials/image-unscanned',
    suppression: 'materials/suppression-file-ignored',
    waiverExpired: 'materials/waiver-expired',
    databaseStale: 'materials/database-stale',
    notChecked: 'materials/vulnerabilities-not-checked',
    celRule: 'materials/rule',
    unpinned: 'materials/unpinned',
    sbomIncomplete: 'materials/sbom-component-unreadable',
};
const MATERIALS_RULES = [
    {
        id: RULE.vulnerable,
        name: 'VulnerablePackage',
        shortDescription: 'A dependency has a known vulnerability (OSV)',
        help: 'Upgrade to a fixed version, or add a waiver with a reason and an expiry to the policy.',
        defaultSeverity: 'high',
    },
    {
        id: RULE.licenseDenied,
        name: 'LicenseDenied',
        shortDescription: 'A dependency is licensed under a denied licence',
        help: 'Replace the dependency, or change materials.licenses in the policy.',
        defaultSeverity: 'high',
    },
    {
        id: RULE.licenseNotAllowed,
        name: 'LicenseNotAllowed',
        shortDescription: 'A dependency licence is not in the allow list',
        help: 'Replace the dependency, or add the licence to materials.licenses.allow.',
        defaultSeverity: 'high',
    },
    {
        id: RULE.licenseUnknown,
        name: 'LicenseUnknown',
        shortDescription: 'The lockfile records no licence for some dependencies',
        help: 'Scan an SBOM with licences, or set materials.licenses.unknown.',
        defaultSeverity: 'low',
    },
    {
        id: RULE.registry,
        name: 'RegistryNotAllowed',
        shortDescription: 'A dependency is fetched from a registry the policy does not allow',
        help: 'Resolve it from an allowed registry (materials.registries).',
        defaultSeverity: 'high',
    },
    {
        id: RULE.integrity,
        name: 'IntegrityMissing',
        shortDescription: 'Lockfile entries without an integrity hash',
        help: 'Regenerate the lockfile so every entry records its hash.',
        defaultSeverity: 'medium',
    },
    {
        id: RULE.nonRegistry,
        name: 'NonRegistrySource',
        shortDescription: 'A dependency comes from git, a URL or a path',
        help: 'Publish it to a registry, or allow the source in materials.non-registry.',
        defaultSeverity: 'medium',
    },
    {
        id: RULE.actionPin,
        name: 'ActionNotPinned',
        shortDescription: 'A GitHub Action is not pinned by a full commit SHA',
        help: 'Pin the action to a 40-character commit SHA with a `# vX.Y.Z` comment.',
        defaultSeverity: 'high',
    },
    {
        id: RULE.actionNotAllowed,
        name: 'ActionNotAllowed',
        shortDescription: 'A GitHub Action is not in the allow list',
        help: 'Use an allowed action, or add it to materials.actions.allow.',
        defaultSeverity: 'high',
    },
    {
        id: RULE.imagePin,
        name: 'ImageNotPinned',
        shortDescription: 'A container image is not pinned by digest',
        help: 'Reference the image as name@sha256:<digest>.',
        defaultSeverity: 'high',
    },
    {
        id: RULE.imageRegistry,
        name: 'ImageRegistryNotAllowed',
        shortDescription: 'A container image comes from a registry the policy does not allow',
        help: 'Mirror the image to an allowed registry (materials.images.registries).',
        defaultSeverity: 'high',
    },
    {
        id: RULE.imageUnresolved,
        name: 'ImageUnresolved',
        shortDescription: 'An image reference could not be resolved',
        help: 'Give build arguments defaults, or name the image literally.',
        defaultSeverity: 'medium',
    },
    {
        id: RULE.imageUnvalidated,
        name: 'ImageUnvalidated',
        shortDescription: 'A container image has no valid signature by a signer the policy trusts for its registry',
        help: 'Use a base image signed by a trusted signer, or list its signer under materials.images.trust.',
        defaultSeverity: 'high',
    },
    {
        id: RULE.imageUnscanned,
        name: 'ImageUnscanned',
        shortDescription: "A base image's packages could not be read (a refused layer, an unreadable or unmatched package database)",
        help: 'Use an image whose layers are well-formed tar with its package database as a regular file, or attach a signed SBOM attestation to it.',
        defaultSeverity: 'high',
    },
    {
        id: RULE.suppression,
        name: 'SuppressionFileIgnored',
        shortDescription: "Another scanner's suppression file was found and ignored",
        help: "Waivers belong in the policy file's exceptions, with a reason, an approver and an expiry.",
        defaultSeverity: 'low',
    },
    {
        id: RULE.waiverExpired,
        name: 'WaiverExpired',
        shortDescription: 'A waiver in the policy has expired',
        help: 'Fix the finding, or renew the waiver with a new expiry.',
        defaultSeverity: 'medium',
    },
    {
        id: RULE.databaseStale,
        name: 'DatabaseStale',
        shortDescription: 'The vulnerability database is older than the policy allows',
        help: 'Refresh the OSV database (materials.database.max-age).',
        defaultSeverity: 'high',
    },
    {
        id: RULE.notChecked,
        name: 'VulnerabilitiesNotChecked',
        shortDescription: 'No vulnerability database was given',
        help: 'Pass an OSV database or use the OSV API.',
        defaultSeverity: 'high',
    },
    {
        id: RULE.unpinned,
        name: 'UnpinnedDependency',
        shortDescription: 'A declared dependency pins no single release (a range, a URL, a VCS branch, a path, no version)',
        help: 'Pin the exact release (`==1.2.3`, a lockfile entry, a commit), or set materials.unpinned in the policy.',
        defaultSeverity: 'high',
    },
    {
        id: RULE.sbomIncomplete,
        name: 'SbomComponentUnreadable',
        shortDescription: 'An SBOM component names no package secure-factory can match (no purl, or an unknown type)',
        help: 'Regenerate the SBOM with package URLs for every component.',
        defaultSeverity: 'high',
    },
    {
        id: RULE.celRule,
        name: 'PolicyRule',
        shortDescription: 'A CEL rule of materials.rules is not satisfied',
        help: 'Change the materials, or the rule in the policy.',
        defaultSeverity: 'high',
    },
];

// EXTERNAL MODULE: ../node_modules/spdx-satisfies/index.js
var spdx_satisfies = __webpack_require__(20989);
;// CONCATENATED MODULE: ../packages/materials/dist/scan/licenses.js
/** Licence policy over SPDX expressions (`spdx-expression-parse`, `spdx-satisfies`). */


/** Whether the expression can be satisfied without using any denied licence (OR: one branch suffices). */
function avoidable(node, deny) {
    if ('conjunction' in node) {
        const l = avoidable(node.left, deny);
        const r = avoidable(node.right, deny);
        return node.conjunction === 'or' ? l || r : l && r;
    }
    return !deny.has(node.license.toLowerCase());
}
function checkLicense(expression, allow, deny) {
    if (!expression)
        return { ok: false, reason: 'unknown', detail: 'no licence recorded' };
    let ast;
    try {
        ast = spdx_expression_parse(expression);
    }
    catch {
        return { ok: false, reason: 'unknown', detail: `"${expression}" is not an SPDX expression` };
    }
    if (deny.length > 0 && !avoidable(ast, new Set(deny.map((d) => d.toLowerCase())))) {
        return { ok: false, reason: 'denied', detail: `${expression} (denied: ${deny.join(', ')})` };
    }
    if (allow.length > 0) {
        let ok;
        try {
            ok = spdx_satisfies(expression, allow);
        }
        catch {
            ok = false;
        }
        if (!ok)
            return { ok: false, reason: 'not-allowed', detail: `${expression} is not satisfied by the allowed licences` };
    }
    return { ok: true };
}

;// CONCATENATED MODULE: ../packages/materials/dist/scan/evaluate.js
/**
 * The `materials:` policy applied to the inventory and the vulnerability matches: one Finding per
 * problem, blocking when the policy says so and no unexpired waiver in `exceptions:` covers it.
 */





const LOCKFILE_ECOSYSTEMS = new Set(['npm', 'PyPI', 'Go', 'crates.io', 'RubyGems', 'Packagist']);
/** Formats that record a hash for every registry package (requirements.txt, go.mod and Gemfile.lock may not). */
const HASHING_FORMATS = /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lock|Cargo\.lock|Pipfile\.lock|poetry\.lock|uv\.lock)$/;
/** Files that say whether a dependency is for development (a dev flag or group) or for run time. */
const RECORDS_SCOPE = /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|pnpm-lock\.yaml|bun\.lock|Pipfile\.lock|uv\.lock|composer\.lock|package\.json|Pipfile|pyproject\.toml|Cargo\.toml)$/;
/** `development` or `runtime` where the format says, undefined where it does not (requirements.txt, yarn.lock...). */
function dependencyScope(p) {
    if (p.groups.includes('dev'))
        return 'development';
    return RECORDS_SCOPE.test(p.sourceFile) ? 'runtime' : undefined;
}
function pkgLabel(p) {
    return p.version ? `${p.name}@${p.version}` : p.name;
}
/** `libssl3@3.0.11-1~deb12u1 (source openssl 3.0.11-1~deb12u1, Debian:12) in the image registry/name@sha256:…`. */
function imagePackageLabel(p, q) {
    const source = q.name !== p.name || q.version !== p.version ? `source ${q.name} ${q.version}, ` : '';
    const image = p.image;
    if (!image?.imagePurl)
        return `${p.name}@${p.version} (${source}${q.ecosystem}) in ${image?.reference ?? 'an image'}`;
    const pin = image.digest && !image.reference.includes('@') ? `@${image.digest}` : '';
    return `${p.name}@${p.version} (${source}${q.ecosystem}) in the image ${image.reference}${pin}`;
}
function hostAllowed(url, allowed) {
    let u;
    try {
        u = new URL(url);
    }
    catch {
        return false;
    }
    const where = `${u.host}${u.pathname}`;
    return allowed.some((a) => {
        const s = a.replace(/^https?:\/\//, '').replace(/\/+$/, '');
        return where === s || where.startsWith(`${s}/`) || u.host === s;
    });
}
function prefixAllowed(location, allowed) {
    return allowed.some((a) => {
        const s = a.replace(/\/+$/, '');
        return location === s || location.startsWith(`${s}/`);
    });
}
/** Policy globs are core's (no RegExp: a `*a*a*a…b` glob must not backtrack for minutes). */
const globMatch = dist/* policyGlobMatch */.Or;
function evaluateMaterials(input) {
    const { policy, now } = input;
    const m = policy.materials;
    const findings = [];
    const used = new Set();
    const push = (f, ids, pkg, blocks) => {
        const scope = pkg ? dependencyScope(pkg) : undefined;
        if (scope)
            f.properties = { ...f.properties, scope };
        // Waivers scoped to a digest or an environment are the gate's business: with neither given here, they do not match.
        const waiver = (0,dist/* findWaiver */.Gl)(policy.exceptions, { ids, rule: f.rule, ...(pkg ? { package: pkg } : {}) }, now, policy.exceptionMaxDays)
            .active?.exception;
        if (waiver) {
            used.add(waiver);
            f.waived = { reason: waiver.reason, approver: waiver.approver, expires: waiver.expires };
            f.blocking = false;
        }
        else
            f.blocking = blocks;
        findings.push(f);
        return waiver !== undefined;
    };
    const where = (p) => ({ file: p.sourceFile, ...(p.line !== undefined ? { line: p.line } : {}) });
    // The project's own workspace packages (links) are not third-party materials.
    const considered = input.packages.filter((p) => (m.includeDev || !p.groups.includes('dev')) && p.kind !== 'link');
    // Vulnerabilities: one finding per advisory per package occurrence (each lockfile line gets its annotation).
    const byKey = new Map();
    for (const p of considered) {
        // A package inside an image is matched as what OSV was asked about it (Debian: its source package).
        const q = osvPackageRef(p);
        if (!q)
            continue;
        const k = `${q.ecosystem}\u0000${q.name}\u0000${q.version}`;
        const list = byKey.get(k) ?? [];
        list.push(p);
        byKey.set(k, list);
    }
    const vulnerabilities = [];
    for (const v of input.matches) {
        const ids = [v.id, ...v.aliases];
        const occurrences = byKey.get(`${v.package.ecosystem}\u0000${v.package.name}\u0000${v.package.version}`) ?? [];
        let waived = false;
        for (const p of occurrences.length > 0 ? occurrences : [undefined]) {
            const fixed = v.fixedVersions.length > 0 ? `fixed in ${v.fixedVersions.join(', ')}` : 'no fixed version yet';
            const possibly = v.uncertain ? ` (possibly affected: ${v.uncertain[0] ?? ''})` : '';
            const f = {
                rule: RULE.vulnerable,
                severity: v.severity,
                message: `${v.id}${v.aliases.length ? ` (${v.aliases.slice(0, 3).join(', ')})` : ''} in ${p?.image ? imagePackageLabel(p, v.package) : pkgLabel(v.package)}: ${v.summary ?? 'known vulnerability'} — ${fixed}${possibly}`,
                help: p?.image && v.fixedVersions.length > 0
                    ? `move to a base image whose ${v.package.name} is ${v.fixedVersions[0] ?? ''} or later (or upgrade the package in the image and pin the new digest)`
                    : v.fixedVersions.length > 0
                        ? `upgrade ${v.package.name} to ${v.fixedVersions[0] ?? ''} or later`
                        : 'no fix is published: remove the dependency or add a waiver with an expiry',
                ...(p ? where(p) : {}),
                properties: {
                    advisory: v.id,
                    aliases: v.aliases,
                    package: v.package,
                    ...(p?.image ? { image: { reference: p.image.reference, digest: p.image.digest, package: p.purl } } : {}),
                    fixedVersions: v.fixedVersions,
                    ...(v.score ? { score: v.score } : {}),
                    ...(v.vector ? { vector: v.vector } : {}),
                    ...(v.uncertain ? { possiblyAffected: v.uncertain } : {}),
                    ...(v.references?.length ? { references: v.references } : {}),
                },
            };
            waived = push(f, ids, p, (0,dist/* atLeast */.jZ)(v.severity, m.blockSeverity)) || waived;
        }
        vulnerabilities.push({
            id: v.id,
            aliases: v.aliases,
            package: v.package,
            severity: v.severity,
            ...(v.score ? { score: v.score } : {}),
            fixedVersions: v.fixedVersions,
            ...(v.summary ? { summary: v.summary } : {}),
            waived,
            ...(v.uncertain ? { uncertain: v.uncertain } : {}),
            ...(v.references?.length ? { references: v.references } : {}),
            ...(v.vector ? { vector: v.vector } : {}),
        });
    }
    // Licences: only when the policy names some.
    if (m.licenses.allow.length > 0 || m.licenses.deny.length > 0) {
        const unknownByFile = new Map();
        for (const p of considered) {
            if (!LOCKFILE_ECOSYSTEMS.has(p.ecosystem) || p.image)
                continue;
            const verdicts = (p.licenses && p.licenses.length > 0 ? p.licenses : [undefined]).map((l) => checkLicense(l, m.licenses.allow, m.licenses.deny));
            const bad = verdicts.find((v) => !v.ok && v.reason !== 'unknown');
            if (bad && !bad.ok) {
                const rule = bad.reason === 'denied' ? RULE.licenseDenied : RULE.licenseNotAllowed;
                push({
                    rule,
                    severity: 'high',
                    message: `${pkgLabel(p)} is licensed ${bad.detail}`,
                    help: 'replace the dependency, or change materials.licenses',
                    ...where(p),
                    properties: { package: pkgLabel(p), licenses: p.licenses ?? [] },
                }, [], p, true);
            }
            else if (verdicts.some((v) => !v.ok)) {
                const list = unknownByFile.get(p.sourceFile) ?? [];
                list.push(p);
                unknownByFile.set(p.sourceFile, list);
            }
        }
        if (m.licenses.unknown !== 'allow') {
            for (const [file, list] of unknownByFile) {
                push({
                    rule: RULE.licenseUnknown,
                    severity: m.licenses.unknown === 'block' ? 'high' : 'low',
                    message: `${list.length} package(s) have no SPDX licence in ${file}: ${list.slice(0, 5).map(pkgLabel).join(', ')}${list.length > 5 ? ', …' : ''}`,
                    help: 'scan an SBOM that records licences, or set materials.licenses.unknown',
                    file,
                    ...(list[0]?.line !== undefined ? { line: list[0].line } : {}),
                    properties: { count: list.length },
                }, [], undefined, m.licenses.unknown === 'block');
            }
        }
    }
    // Sources: registries, non-registry kinds, integrity.
    const missingIntegrity = new Map();
    for (const p of considered) {
        if (!LOCKFILE_ECOSYSTEMS.has(p.ecosystem) || p.image)
            continue;
        if (m.registries.length > 0 &&
            p.resolved &&
            /^https?:\/\//.test(p.resolved) &&
            (p.kind === 'registry' || p.kind === 'http') &&
            !hostAllowed(p.resolved, m.registries)) {
            push({
                rule: RULE.registry,
                severity: 'high',
                message: `${pkgLabel(p)} is fetched from ${new URL(p.resolved).host}, not an allowed registry`,
                help: `allowed: ${m.registries.join(', ')}`,
                ...where(p),
                properties: { resolved: p.resolved },
            }, [], p, true);
        }
        const kind = p.kind === 'link' ? 'file' : p.kind;
        if ((kind === 'git' && !m.nonRegistry.git) || (kind === 'http' && !m.nonRegistry.http) || (kind === 'file' && !m.nonRegistry.file)) {
            push({
                rule: RULE.nonRegistry,
                severity: 'medium',
                message: `${pkgLabel(p)} comes from ${kind === 'git' ? 'a git repository' : kind === 'http' ? 'a URL' : 'a local path'}${p.resolved ? ` (${p.resolved})` : ''}`,
                help: `publish it to a registry, or allow ${kind} sources in materials.non-registry`,
                ...where(p),
                properties: { kind },
            }, [], p, true);
        }
        if (m.integrity === 'required' && p.kind === 'registry' && !p.integrity && HASHING_FORMATS.test(p.sourceFile)) {
            const list = missingIntegrity.get(p.sourceFile) ?? [];
            list.push(p);
            missingIntegrity.set(p.sourceFile, list);
        }
    }
    for (const [file, list] of missingIntegrity) {
        push({
            rule: RULE.integrity,
            severity: 'medium',
            message: `${list.length} registry package(s) in ${file} have no integrity hash: ${list.slice(0, 5).map(pkgLabel).join(', ')}${list.length > 5 ? ', …' : ''}`,
            help: 'regenerate the lockfile so each entry records its hash (materials.integrity)',
            file,
            ...(list[0]?.line !== undefined ? { line: list[0].line } : {}),
            properties: { count: list.length },
        }, [], undefined, true);
    }
    // Declared dependencies that pin no single release: a finding each, never skipped.
    if (m.unpinned !== 'allow') {
        const why = {
            range: 'a version range',
            none: 'no version',
            url: 'a URL',
            vcs: 'a VCS reference without a commit',
            path: 'a local path',
            variable: 'an unexpanded variable',
            'not-locked': 'a declaration its lockfile does not hold',
        };
        for (const p of considered) {
            if (!LOCKFILE_ECOSYSTEMS.has(p.ecosystem) || p.image)
                continue;
            const unversioned = p.kind === 'file' ? 'path' : p.kind === 'http' ? 'url' : p.kind === 'git' ? 'vcs' : 'none';
            const reason = p.unpinned ?? (p.version === '' && !p.commit ? unversioned : undefined);
            if (!reason)
                continue;
            push({
                rule: RULE.unpinned,
                severity: 'high',
                message: `${p.name} is declared with ${why[reason] ?? reason}${p.declared ? `: ${p.declared}` : ''}${p.version ? ` (matched as ${p.version})` : ' (cannot be matched against advisories)'}`,
                help: reason === 'not-locked'
                    ? 'regenerate the lockfile so it resolves every declared dependency'
                    : 'pin the exact release (==1.2.3, a lockfile, a commit), or set materials.unpinned: warn in the policy',
                ...where(p),
                properties: { package: pkgLabel(p), reason, ...(p.declared ? { declared: p.declared } : {}) },
            }, [], p, m.unpinned === 'block');
        }
    }
    // Actions and images.
    for (const p of input.packages) {
        if (p.ecosystem === 'GitHub Actions') {
            if (m.actions.allow.length > 0 && !m.actions.allow.some((a) => globMatch(a, p.name) || globMatch(a, p.reference ?? ''))) {
                push({
                    rule: RULE.actionNotAllowed,
                    severity: 'high',
                    message: `${p.reference ?? p.name} is not in materials.actions.allow`,
                    ...where(p),
                }, [], p, true);
            }
            const unpinned = m.actions.pinned === 'sha' ? !p.pinned : m.actions.pinned === 'tag' ? p.version === '' : false;
            if (unpinned) {
                push({
                    rule: RULE.actionPin,
                    severity: 'high',
                    message: `${p.reference ?? p.name} is not pinned by a full commit SHA`,
                    help: 'pin it to the 40-character commit SHA of the release, with a `# vX.Y.Z` comment',
                    ...where(p),
                    properties: { reference: p.reference },
                }, [], p, true);
            }
        }
        else if (p.ecosystem === 'Docker') {
            const ref = parseImageRef(p.reference ?? p.name);
            if (!ref) {
                push({
                    rule: RULE.imageUnresolved,
                    severity: 'medium',
                    message: `image reference "${p.reference ?? p.name}" cannot be resolved`,
                    help: 'name the image literally or give the build argument a default',
                    ...where(p),
                }, [], p, true);
                continue;
            }
            const unpinned = m.images.pinned === 'digest' ? !p.pinned : m.images.pinned === 'tag' ? !ref.digest && (!ref.tag || ref.tag === 'latest') : false;
            if (unpinned) {
                push({
                    rule: RULE.imagePin,
                    severity: 'high',
                    message: `${p.reference ?? p.name} is not pinned by digest`,
                    help: 'reference the image as name@sha256:<digest>',
                    ...where(p),
                    properties: { reference: p.reference },
                }, [], p, true);
            }
            if (m.images.registries.length > 0 && !prefixAllowed(imageLocation(ref), m.images.registries)) {
                push({
                    rule: RULE.imageRegistry,
                    severity: 'high',
                    message: `${p.reference ?? p.name} comes from ${ref.registry}, not an allowed registry`,
                    help: `mirror it to one of: ${m.images.registries.join(', ')}`,
                    ...where(p),
                    properties: { registry: ref.registry },
                }, [], p, true);
            }
        }
    }
    for (const s of input.suppressions) {
        findings.push({
            rule: RULE.suppression,
            severity: 'low',
            message: `${s} is another scanner's suppression file; secure-factory ignores it`,
            help: "waivers belong in the policy file's exceptions, with a reason, an approver and an expiry",
            file: s,
            blocking: false,
        });
    }
    for (const x of policy.exceptions) {
        if (!(0,dist/* isExpired */._d)(x.expires, now) || x.environment || x.digest)
            continue;
        const scope = x.advisory ?? x.rule ?? x.package ?? 'waiver';
        findings.push({
            rule: RULE.waiverExpired,
            severity: 'medium',
            message: `the waiver for ${scope}${x.package && x.advisory ? ` (${x.package})` : ''} expired on ${x.expires}; it no longer applies`,
            help: 'fix the finding, or renew the waiver with a new expiry',
            file: policy.source.file,
            blocking: false,
            properties: { exception: { ...x } },
        });
    }
    if (!input.vulnerabilitiesChecked) {
        findings.push({
            rule: RULE.notChecked,
            severity: 'high',
            message: 'no vulnerability database was given: packages were not matched against OSV',
            blocking: true,
        });
    }
    else if (input.database?.lastUpdate) {
        const age = now.getTime() - Date.parse(input.database.lastUpdate);
        if (age > m.database.maxAgeMs) {
            // Reported, not blocking here: the gate enforces the database age per environment (max-database-age).
            push({
                rule: RULE.databaseStale,
                severity: 'medium',
                message: `the vulnerability database (${input.database.uri}) was last updated ${input.database.lastUpdate}, ${Math.round(age / 3_600_000)} h ago`,
                help: 'refresh the OSV database (materials.database.max-age)',
            }, [], undefined, false);
        }
    }
    // CEL rules: what the declarative keys cannot say, over the same data `scan --json` prints.
    if (m.rules.length > 0) {
        const context = {
            packages: input.packages.map((p) => ({
                ...package_packageJson(p),
                kind: p.kind ?? '',
                pinned: p.pinned ?? null,
                registry: p.registry ?? '',
                licenses: p.licenses ?? [],
            })),
            vulnerabilities: vulnerabilities.map((v) => ({
                id: v.id,
                aliases: v.aliases,
                package: v.package,
                severity: v.severity,
                fixed_versions: v.fixedVersions,
                waived: v.waived,
            })),
        };
        const runner = new dist/* CelRuleRunner */.v6(context);
        for (const r of m.rules) {
            if (runner.evaluate(r.expression, r.name))
                continue;
            push({
                rule: RULE.celRule,
                severity: 'high',
                message: r.message ?? `policy rule "${r.name}" is not satisfied`,
                help: `materials.rules: ${r.name}: ${r.expression}`,
                file: policy.source.file,
                properties: { name: r.name },
            }, [], undefined, true);
        }
    }
    return { findings, vulnerabilities };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
;// CONCATENATED MODULE: ../packages/materials/dist/scan/subject.js
/** What the materials statements are about: the git commit when the path is in a repository, else the lockfiles. */




function gitCommitOf(target) {
    const dir = (0,external_node_fs_.statSync)(target).isDirectory() ? target : external_node_path_.dirname(target);
    try {
        const out = (0,external_node_child_process_.execFileSync)('git', ['-C', dir, 'rev-parse', '--verify', '-q', 'HEAD^{commit}', '--show-toplevel'], {
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'ignore'],
            env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
        })
            .trim()
            .split('\n');
        const [commit, top] = [out.find((l) => /^[0-9a-f]{40,64}$/.test(l)), out.find((l) => l.startsWith('/'))];
        return commit ? { commit, top: top ?? dir } : undefined;
    }
    catch {
        return undefined;
    }
}
async function materialsSubjects(target, files, root, fallback) {
    const git = gitCommitOf(target);
    if (git)
        return [(0,dist/* subjectFor */.qL)(external_node_path_.basename(git.top), { gitCommit: git.commit })];
    const subjects = [];
    for (const f of files)
        subjects.push((0,dist/* subjectFor */.qL)(external_node_path_.relative(root, f) || external_node_path_.basename(f), { sha256: await (0,dist/* sha256File */.Q3)(f) }));
    if (subjects.length === 0)
        subjects.push((0,dist/* subjectFor */.qL)(external_node_path_.basename(target), { sha256: (0,dist/* sha256Hex */.fg)(fallback) }));
    return subjects;
}

;// CONCATENATED MODULE: ../packages/materials/dist/scan/scan.js
/**
 * The materials stage: inventory (lockfiles, actions, images, or an SBOM given as input), OSV matching,
 * the `materials:` policy, SBOMs and the evidence statements. Plain inputs, a Logger, no @actions/core.
 */












const MATCHABLE = new Set(['npm', 'PyPI', 'Go', 'crates.io', 'RubyGems', 'Packagist']);
const MAX_SBOM_BYTES = 256 * 1024 * 1024;
/** What an SBOM's opening says it is, before parsing (a truncated file still says it). */
function claimedSbom(head) {
    if (/"bomFormat"\s*:\s*"CycloneDX"/.test(head))
        return 'CycloneDX';
    if (/"spdxVersion"\s*:\s*"SPDX-2/.test(head))
        return 'SPDX';
    return undefined;
}
/** The first 64 KiB of a regular file already checked by the safe reader. */
function readHead(file) {
    const fd = (0,external_node_fs_.openSync)(file, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NONBLOCK);
    try {
        const buf = Buffer.alloc(64 * 1024);
        return buf.subarray(0, (0,external_node_fs_.readSync)(fd, buf, 0, buf.length, 0)).toString('utf8');
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
function readSbom(file) {
    if (!/\.json$/i.test(file) || formatFor(file))
        return undefined;
    // Through core's safe reader: a regular file (or a link inside its folder), size checked on the handle.
    let text;
    try {
        text = (0,dist/* readRegularFileSync */.cG)(file, { maxBytes: MAX_SBOM_BYTES, what: 'JSON file' }).toString('utf8');
    }
    catch (e) {
        if (!(e instanceof dist/* UnsafeFileError */.h) || e.reason !== 'too-large')
            throw e;
        // Too large: refused when its opening claims an SBOM, otherwise not an SBOM we read.
        const claimed = claimedSbom(readHead(file));
        if (claimed)
            throw new dist/* ConfigurationError */.j1(`the ${claimed} SBOM is over the limit of ${MAX_SBOM_BYTES} bytes`, { location: { file } });
        return undefined;
    }
    const claimed = claimedSbom(text.slice(0, 64 * 1024));
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch {
        if (!claimed)
            return undefined;
        // The parser's message is not quoted: it carries a snippet of the file.
        throw new dist/* ConfigurationError */.j1(`truncated or invalid ${claimed} JSON`, {
            location: { file: external_node_path_.basename(file) },
            hint: 'regenerate the SBOM; a partial document would hide the packages it lost',
        });
    }
    if (!sbomKind(doc)) {
        if (claimed)
            throw new dist/* ConfigurationError */.j1(`not a ${claimed} SBOM this scanner reads`, { location: { file: external_node_path_.basename(file) } });
        return undefined;
    }
    return readSbomContents(doc, external_node_path_.basename(file));
}
function placeholder(root, policyFile, files) {
    if (policyFile !== dist/* DEFAULT_POLICY_SOURCE */.Rv) {
        const rel = external_node_path_.relative(root, external_node_path_.resolve(root, policyFile));
        if (!rel.startsWith('..') && !external_node_path_.isAbsolute(rel))
            return rel.split(external_node_path_.sep).join('/');
    }
    return files[0];
}
async function scan(options) {
    const { logger, policy, now } = options;
    const target = external_node_path_.resolve(options.path);
    let st;
    try {
        st = (0,external_node_fs_.statSync)(target);
    }
    catch (e) {
        throw new dist/* ConfigurationError */.j1(`cannot read the path to scan: ${e.code ?? String(e)}`, {
            location: { file: options.path },
        });
    }
    const root = st.isDirectory() ? target : external_node_path_.dirname(target);
    let packages;
    let files;
    let lockfiles;
    let suppressions = [];
    let input = 'tree';
    let ignored = [];
    const fromSbom = st.isFile() ? readSbom(target) : undefined;
    const extra = [];
    if (fromSbom) {
        input = 'sbom';
        packages = fromSbom.packages;
        if (fromSbom.unreadable.length > 0) {
            extra.push({
                rule: RULE.sbomIncomplete,
                severity: 'high',
                message: `${fromSbom.unreadable.length} SBOM component(s) name no package that can be matched: ${fromSbom.unreadable.slice(0, 5).join(', ')}${fromSbom.unreadable.length > 5 ? ', …' : ''}`,
                help: 'regenerate the SBOM with a package URL (purl) for every component',
                file: external_node_path_.basename(target),
                blocking: true,
                properties: { components: fromSbom.unreadable.slice(0, 100), count: fromSbom.unreadable.length },
            });
        }
        files = [external_node_path_.basename(target)];
        lockfiles = [target];
        logger.info(`Read ${packages.length} packages from the SBOM ${external_node_path_.basename(target)}`);
    }
    else {
        const collected = collectMaterials(target, { ignore: policy.materials.ignore, lockfiles: options.lockfiles ?? [], logger });
        ({ packages, files, lockfiles, suppressions, ignored } = collected);
        for (const i of ignored)
            logger.info(`ignored (materials.ignore): ${i}`);
        logger.info(`Found ${packages.length} materials in ${files.length} file(s)`);
        // Scanning nothing is not a pass: a wrong path must not look like a clean bill of materials.
        if (files.length === 0) {
            throw new dist/* ConfigurationError */.j1('no lockfile, manifest, workflow, Dockerfile or SBOM found to scan', {
                location: { file: options.path },
                hint: 'point the scan at the project (a folder, a lockfile or an SBOM); a project without dependencies should still commit its lockfile',
            });
        }
    }
    for (const s of suppressions)
        logger.warning("another scanner's suppression file; ignored (use the policy's exceptions)", { file: s });
    if (options.images?.contents) {
        const inside = await options.images.contents(packages);
        for (const line of inside.summaries)
            logger.info(`Base image ${line}`);
        packages = [...packages, ...inside.packages];
        extra.push(...inside.findings);
    }
    let matches = [];
    let database;
    if (options.vulnSource) {
        const queries = new Map();
        for (const p of packages) {
            // Packages inside an image: OSV is asked about what its records name (Debian's source package...).
            if (p.image) {
                const q = p.image.osv;
                if (q)
                    queries.set(`${q.ecosystem}\u0000${q.name}\u0000${q.version}`, q);
                continue;
            }
            // Workspace links are the project's own code, not the public package that may share the name.
            if (!MATCHABLE.has(p.ecosystem) || p.version === '' || p.kind === 'link')
                continue;
            if (!policy.materials.includeDev && p.groups.includes('dev'))
                continue;
            queries.set(`${p.ecosystem}\u0000${p.name}\u0000${p.version}`, { ecosystem: p.ecosystem, name: p.name, version: p.version });
        }
        matches = await options.vulnSource.match([...queries.values()]);
        database = options.vulnSource.describe();
        logger.info(`Matched ${queries.size} package versions against ${database.uri}: ${matches.length} advisories`);
    }
    else {
        logger.warning('No vulnerability database: packages were not matched against OSV');
    }
    const { findings, vulnerabilities } = evaluateMaterials({
        packages,
        matches,
        policy,
        suppressions,
        now,
        database,
        vulnerabilitiesChecked: options.vulnSource !== undefined,
    });
    for (const f of extra)
        findings.push(f);
    if (options.images)
        for (const f of await options.images.findings(packages))
            findings.push(f);
    // The verdicts go into the signed SBOMs: the gate refuses on them without trusting this job's exit.
    if (options.images?.records) {
        const records = await options.images.records(packages);
        packages = packages.map((p) => {
            const r = p.ecosystem === 'Docker' && !p.image ? records.get(p.purl) : undefined;
            return r ? { ...p, validation: r } : p;
        });
    }
    findings.sort(dist/* compareFindings */.Eg);
    const vulnerable = new Set(vulnerabilities.map((v) => `${v.package.ecosystem}\u0000${v.package.name}\u0000${v.package.version}`));
    const result = {
        input,
        packages,
        vulnerabilities,
        findings,
        blocking: (0,dist/* blockingFindings */.Ur)(findings),
        vulnerableCount: vulnerable.size,
        database,
        sbom: {},
        statements: [],
        files,
        ignored,
        placeholderFile: placeholder(root, policy.source.file, files),
        policy: { file: policy.source.file, sha256: policy.source.sha256, blockSeverity: policy.materials.blockSeverity },
    };
    if (options.evidenceDir) {
        const dir = external_node_path_.resolve(options.evidenceDir);
        await (0,promises_.mkdir)(dir, { recursive: true });
        const name = external_node_path_.basename(root);
        const subjects = await materialsSubjects(target, lockfiles, root, packages.map((p) => p.purl).join('\n'));
        const folder = new dist/* EvidenceFolder */.eA(dir);
        const write = async (n, s) => {
            result.statements.push(await folder.write(n, s));
        };
        // One SBOM at a time, each released before the next is built: with 200k packages each document
        // and its serialisation are tens of megabytes, and holding both at once doubles the peak.
        result.sbom.cyclonedx = external_node_path_.join(dir, 'sbom.cyclonedx.json');
        await (async () => {
            const cdx = buildCycloneDx(packages, { name, now });
            // Compact: the SBOM of 200k packages is ~60 MB without indentation, twice that with it.
            await (0,dist/* writeFileAtomic */.qD)(result.sbom.cyclonedx ?? '', `${JSON.stringify(cdx)}\n`);
            await write('sbom.cdx', (0,dist/* makeStatement */.UT)(subjects, dist/* PREDICATE */.W3.cyclonedx, cdx));
        })();
        result.sbom.spdx = external_node_path_.join(dir, 'sbom.spdx.json');
        await (async () => {
            const spdx = buildSpdx(packages, { name, now });
            await (0,dist/* writeFileAtomic */.qD)(result.sbom.spdx ?? '', `${JSON.stringify(spdx)}\n`);
            await write('sbom.spdx', (0,dist/* makeStatement */.UT)(subjects, dist/* PREDICATE */.W3.spdx, spdx));
        })();
        if (options.vulnSource && database) {
            await write('vulns', (0,dist/* makeStatement */.UT)(subjects, dist/* PREDICATE */.W3.vulns, vulnsPredicate(vulnerabilities, database, now)));
        }
        logger.info(`Wrote ${result.statements.length} statements to ${dir}`);
    }
    return result;
}
function vulnsPredicate(vulns, db, now) {
    const database = { uri: db.uri };
    if (db.version)
        database.version = db.version;
    if (db.lastUpdate)
        database.lastUpdate = db.lastUpdate;
    return {
        scanner: {
            uri: `${dist/* TOOL_URI */.qH}#${dist/* TOOL_NAME */.lH}-materials`,
            version: dist/* TOOL_VERSION */.wr,
            database,
            result: {
                vulnerabilities: vulns.map((v) => ({
                    id: v.id,
                    severity: [{ method: v.score ? 'CVSS' : 'secure-factory', score: v.score ?? v.severity }],
                    annotations: [{ aliases: v.aliases, package: v.package, severity: v.severity, fixedVersions: v.fixedVersions, waived: v.waived }],
                })),
            },
        },
        scanMetadata: { scanStartedOn: now.toISOString(), scanFinishedOn: new Date(Math.max(Date.now(), now.getTime())).toISOString() },
    };
}

;// CONCATENATED MODULE: ../packages/materials/dist/scan/report.js
/** What the CLI and the action print from a scan: the `--json` contract, SARIF, and the job summary. */





/** The `secure-factory scan --json` contract (snake_case field names as the issue specifies). */
function scanJson(result) {
    return {
        input: result.input,
        packages: result.packages.map((p) => ({ ...packageJson(p), ...(p.line !== undefined ? { line: p.line } : {}) })),
        vulnerabilities: result.vulnerabilities.map((v) => ({
            id: v.id,
            aliases: v.aliases,
            package: v.package,
            severity: v.severity,
            ...(v.score ? { score: v.score } : {}),
            fixed_versions: v.fixedVersions,
            ...(v.summary ? { summary: v.summary } : {}),
            waived: v.waived,
        })),
        findings: result.findings,
        summary: {
            packages: result.packages.length,
            vulnerable_packages: result.vulnerableCount,
            vulnerabilities: result.vulnerabilities.length,
            blocking: result.blocking.length,
            passed: result.blocking.length === 0,
        },
        ...(result.database ? { database: result.database } : {}),
        sbom: result.sbom,
        statements: result.statements,
        ignored: result.ignored,
    };
}
// GitHub code scanning's documented limits for one uploaded run.
const MAX_RESULTS = 25_000;
const MAX_RULES = 25_000;
const DEFAULT_SCORE = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' };
function advisoryUri(id) {
    return `https://osv.dev/vulnerability/${encodeURIComponent(id)}`;
}
function fingerprint(f) {
    const p = f.properties ?? {};
    const pkg = p.package;
    const what = typeof pkg === 'string' ? pkg : pkg ? `${pkg.ecosystem ?? ''}/${pkg.name ?? ''}@${pkg.version ?? ''}` : f.message;
    // Stable across runs and line moves: the rule, the advisory and the package, and the file it is declared in.
    return (0,external_node_crypto_.createHash)('sha256')
        .update([f.rule, typeof p.advisory === 'string' ? p.advisory : '', what, f.file ?? ''].join('\u0000'))
        .digest('hex')
        .slice(0, 32);
}
/**
 * SARIF for code scanning: one rule per advisory (its OSV link as helpUri, `security-severity` from
 * its CVSS base score), the package's line in its lockfile, stable partialFingerprints, and every
 * finding placed in a file (one without a file goes on the policy or the first lockfile).
 */
function scanSarif(result) {
    const vulnById = new Map(result.vulnerabilities.map((v) => [v.id, v]));
    const rules = [...MATERIALS_RULES];
    const scores = new Map();
    const seen = new Set(rules.map((r) => r.id));
    const findings = [];
    const fallback = result.placeholderFile;
    for (const f0 of result.findings.slice(0, MAX_RESULTS)) {
        let f = f0.file ? f0 : fallback ? { ...f0, file: fallback } : f0;
        const advisory = f.rule === RULE.vulnerable && typeof f.properties?.advisory === 'string' ? f.properties.advisory : undefined;
        if (advisory && rules.length < MAX_RULES) {
            const v = vulnById.get(advisory);
            if (!seen.has(advisory)) {
                seen.add(advisory);
                const fixed = v?.fixedVersions.length ? `Fixed in ${v.fixedVersions.join(', ')}.` : 'No fixed version is published.';
                rules.push({
                    id: advisory,
                    name: advisory.replace(/[^A-Za-z0-9]/g, ''),
                    shortDescription: `${advisory}: ${v?.summary ?? 'known vulnerability'}`.slice(0, 1000),
                    help: `${v?.summary ?? advisory}\n\n${v?.aliases.length ? `Aliases: ${v.aliases.join(', ')}. ` : ''}${fixed} Details: ${advisoryUri(advisory)}`,
                    helpUri: advisoryUri(advisory),
                    defaultSeverity: v?.severity ?? f.severity,
                });
                const score = v?.score ?? (v?.vector ? cvssScore(v.vector) : undefined);
                scores.set(advisory, score !== undefined ? Number(score).toFixed(1) : (DEFAULT_SCORE[v?.severity ?? f.severity] ?? '8.0'));
            }
            f = { ...f, rule: advisory, properties: { ...f.properties, rule: RULE.vulnerable } };
        }
        findings.push(f);
    }
    const log = (0,dist/* toSarif */.zv)({ name: `${dist/* TOOL_NAME */.lH} materials`, version: dist/* TOOL_VERSION */.wr, informationUri: dist/* TOOL_URI */.qH, rules }, findings);
    const run = log.runs[0];
    for (const r of run.tool.driver.rules) {
        const score = scores.get(String(r.id));
        if (score !== undefined)
            r.properties['security-severity'] = score;
        if (scores.has(String(r.id)))
            r.properties.tags = ['security', 'supply-chain', 'vulnerability'];
    }
    run.results.forEach((res, i) => {
        const f = findings[i];
        if (f)
            res.partialFingerprints = { 'secureFactoryFinding/v1': fingerprint(f) };
    });
    return log;
}
/** The job summary: what was checked, the counts, and the blocking findings with their fixed versions. */
function scanSummary(result) {
    const passed = result.blocking.length === 0;
    const counts = (0,dist/* countBySeverity */.Ot)(result.vulnerabilities.filter((v) => !v.waived).map((v) => ({ rule: '', message: '', severity: v.severity })));
    const ecosystems = new Map();
    for (const p of result.packages)
        ecosystems.set(p.ecosystem, (ecosystems.get(p.ecosystem) ?? 0) + 1);
    const lines = [
        `## secure-factory scan-deps: ${passed ? 'passed ✅' : `refused ❌ (${result.blocking.length} blocking)`}`,
        '',
        (0,dist/* table */.tp)(['materials', 'count'], [...ecosystems.entries()].sort().map(([e, n]) => [(0,dist.md)(e), String(n)])),
        '',
        `**Vulnerabilities:** ${result.vulnerabilities.length} on ${result.vulnerableCount} package(s) — critical ${counts.critical}, high ${counts.high}, medium ${counts.medium}, low ${counts.low}${result.vulnerabilities.some((v) => v.waived) ? `, ${result.vulnerabilities.filter((v) => v.waived).length} waived` : ''}`,
    ];
    if (result.database)
        lines.push('', `**Database:** ${(0,dist/* code */.aY)(result.database.uri)}${result.database.lastUpdate ? ` (last update ${(0,dist.md)(result.database.lastUpdate)})` : ''}`);
    lines.push('', ...findingsBySeverityMarkdown(result.findings));
    if (result.ignored.length > 0)
        lines.push('', `**Ignored (materials.ignore):** ${result.ignored.map(dist/* code */.aY).join(', ')}`);
    return `${lines.join('\n')}\n`;
}
const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];
function scopeOf(f) {
    return typeof f.properties?.scope === 'string' ? f.properties.scope : '';
}
function whereOf(f) {
    return f.file ? (0,dist/* formatLocation */.j$)({ file: f.file, ...(f.line !== undefined ? { line: f.line } : {}) }) : '';
}
/** Every finding, grouped by severity (blocking first within a group), with the dependency's scope. */
function findingsBySeverityMarkdown(findings) {
    const out = [];
    for (const sev of SEVERITIES) {
        const group = findings.filter((f) => f.severity === sev).sort((a, b) => Number(b.blocking === true) - Number(a.blocking === true));
        if (group.length === 0)
            continue;
        out.push(`### ${sev} (${group.length}${group.some((f) => f.blocking) ? `, ${group.filter((f) => f.blocking).length} blocking` : ''})`, '', (0,dist/* table */.tp)(['', 'where', 'finding', 'scope', 'what to do'], group.map((f) => [
            f.blocking ? '❌' : f.waived ? '⚪ waived' : '⚠️',
            whereOf(f) ? (0,dist/* code */.aY)(whereOf(f)) : '—',
            `${(0,dist.md)(f.message)} (${(0,dist/* code */.aY)(f.rule)})`,
            scopeOf(f) || '—',
            f.help ? (0,dist.md)(f.help) : '—',
        ])), '');
    }
    return out;
}
/** The terminal report: the counts, then every finding grouped by severity, with its scope and location. */
function scanText(result) {
    const lines = [];
    for (const sev of SEVERITIES) {
        const group = result.findings
            .filter((f) => f.severity === sev)
            .sort((a, b) => Number(b.blocking === true) - Number(a.blocking === true));
        if (group.length === 0)
            continue;
        lines.push(`${sev.toUpperCase()} (${group.length}${group.some((f) => f.blocking) ? `, ${group.filter((f) => f.blocking).length} blocking` : ''})`);
        for (const f of group) {
            const tag = f.blocking ? 'BLOCKING' : f.waived ? 'waived' : 'warning';
            const scope = scopeOf(f) ? ` [${scopeOf(f)}]` : '';
            lines.push(`  ${tag.padEnd(8)} ${whereOf(f) ? `${whereOf(f)}: ` : ''}${f.message}${scope}${f.help ? ` — ${f.help}` : ''}`);
        }
    }
    for (const i of result.ignored)
        lines.push(`ignored (materials.ignore): ${i}`);
    lines.push(`${result.packages.length} materials, ${result.vulnerabilities.length} vulnerabilities on ${result.vulnerableCount} package(s), ${result.findings.length} findings, ${result.blocking.length} blocking: ${result.blocking.length === 0 ? 'passed' : 'refused'}`);
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ../packages/materials/dist/scan/review.js
/**
 * Pull-request mode: the dependencies a change adds, removes and changes, and only the findings it
 * introduces. The base revision's materials are read straight from git (`ls-tree` + `cat-file
 * --batch`, no checkout), scanned with the same policy and database, and compared with the head's.
 * The options mean what actions/dependency-review-action's inputs of the same name mean.
 */












const REVIEW_MARKER = '<!-- secure-factory:scan-deps-review -->';
function git(cwd, args, input) {
    try {
        return (0,external_node_child_process_.execFileSync)('git', ['-C', cwd, ...args], {
            encoding: 'utf8',
            maxBuffer: 512 * 1024 * 1024,
            stdio: ['pipe', 'pipe', 'pipe'],
            ...(input !== undefined ? { input } : {}),
            env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
        });
    }
    catch (e) {
        const err = e.stderr?.toString().trim().split('\n')[0] ?? String(e);
        throw new dist/* ConfigurationError */.j1(`git ${args[0] ?? ''} failed: ${err}`, { location: { file: cwd } });
    }
}
/** Resolves a revision to a commit, fetching it once when a shallow checkout does not have it. */
function resolveRevision(top, rev, what) {
    const local = () => {
        const r = (0,external_node_child_process_.spawnSync)('git', ['-C', top, 'rev-parse', '--verify', '-q', `${rev}^{commit}`], { encoding: 'utf8' });
        return r.status === 0 ? r.stdout.trim() : undefined;
    };
    let sha = local();
    if (!sha) {
        (0,external_node_child_process_.spawnSync)('git', ['-C', top, 'fetch', '--no-tags', '--depth=1', 'origin', rev], { encoding: 'utf8', timeout: 120_000 });
        sha = local();
    }
    if (!sha)
        throw new dist/* ConfigurationError */.j1(`the ${what} revision ${JSON.stringify(rev)} is not in the repository`, {
            location: { file: top },
            hint: 'fetch it first (actions/checkout with fetch-depth: 0, or git fetch origin <sha>)',
        });
    return sha;
}
/** Files that can declare dependencies or materials: a change to anything else cannot change the scan. */
function isMaterialFile(rel) {
    const base = rel.split('/').pop() ?? rel;
    return (formatFor(base) !== undefined ||
        isManifest(base) ||
        /\.(?:txt|in|sum|ya?ml|json)$/i.test(base) ||
        /(?:^|\.)(?:dockerfile|containerfile)(?:\.|$)/i.test(base));
}
/** Writes the material files of `rev` under `sub` into `dest` (blobs only, streamed by `cat-file --batch`). */
function materialize(top, rev, sub, dest) {
    const listing = git(top, ['ls-tree', '-r', '-z', '--full-tree', rev, '--', sub || '.']);
    const entries = [];
    for (const rec of listing.split('\0')) {
        const m = /^(\d+) blob ([0-9a-f]+)\t(.+)$/s.exec(rec);
        if (!m?.[2] || !m[3] || m[1] === '120000')
            continue; // symbolic links are not followed, as in discovery
        if (isMaterialFile(m[3]))
            entries.push({ sha: m[2], file: m[3] });
    }
    if (entries.length === 0)
        return;
    const out = (0,external_node_child_process_.execFileSync)('git', ['-C', top, 'cat-file', '--batch'], {
        input: entries.map((e) => e.sha).join('\n') + '\n',
        maxBuffer: 2 * 1024 * 1024 * 1024,
    });
    let offset = 0;
    for (const e of entries) {
        const nl = out.indexOf(10, offset);
        const header = out.subarray(offset, nl).toString('utf8');
        const size = Number(header.split(' ')[2]);
        const body = out.subarray(nl + 1, nl + 1 + size);
        offset = nl + 1 + size + 1;
        const target = external_node_path_.join(dest, e.file);
        (0,external_node_fs_.mkdirSync)(external_node_path_.dirname(target), { recursive: true });
        (0,external_node_fs_.writeFileSync)(target, body);
    }
}
function scopeOfPackage(p) {
    return dependencyScope(p) ?? 'unknown';
}
function changeOf(p, type) {
    return {
        change_type: type,
        ecosystem: p.ecosystem,
        name: p.name,
        version: p.version,
        purl: p.purl,
        manifest: p.sourceFile,
        scope: scopeOfPackage(p),
    };
}
function findingKey(f) {
    const p = f.properties ?? {};
    const pkg = p.package;
    const what = typeof pkg === 'string' ? pkg : pkg ? `${pkg.ecosystem ?? ''}/${pkg.name ?? ''}@${pkg.version ?? ''}` : f.message;
    return [f.rule, typeof p.advisory === 'string' ? p.advisory : '', what, f.file ?? ''].join('\u0000');
}
function purlMatches(pattern, p) {
    let want;
    try {
        want = packageurl_js.PackageURL.fromString(pattern);
    }
    catch {
        throw new dist/* ConfigurationError */.j1(`deny-packages: ${JSON.stringify(pattern)} is not a package URL`, {
            hint: 'write pkg:npm/lodash or pkg:npm/lodash@4.17.20',
        });
    }
    let have;
    try {
        have = packageurl_js.PackageURL.fromString(p.purl);
    }
    catch {
        return false;
    }
    return (want.type === have.type &&
        (want.namespace ?? '') === (have.namespace ?? '') &&
        want.name === have.name &&
        (want.version === undefined || want.version === null || want.version === have.version));
}
function review_relativeTo(top, target) {
    return external_node_path_.relative(top, target).split(external_node_path_.sep).join('/');
}
async function reviewChanges(options) {
    const { logger } = options;
    const config = options.config ?? {};
    const target = external_node_path_.resolve(options.path);
    const top = git(target, ['rev-parse', '--show-toplevel']).trim();
    const sub = review_relativeTo(top, target);
    const base = resolveRevision(top, options.base, 'base');
    const head = options.head ? resolveRevision(top, options.head, 'head') : undefined;
    const headIsWorktree = head === undefined || head === git(top, ['rev-parse', 'HEAD']).trim();
    // What changed: base..head, or base..working tree (tracked changes and new files).
    const changed = headIsWorktree
        ? [
            ...git(top, ['diff', '--name-only', '-z', base, '--', sub || '.']).split('\0'),
            ...git(top, ['ls-files', '--others', '--exclude-standard', '-z', '--', sub || '.']).split('\0'),
        ]
        : git(top, ['diff', '--name-only', '-z', base, head, '--', sub || '.']).split('\0');
    const changedFiles = [...new Set(changed.filter((f) => f !== ''))].sort();
    const policyRel = review_relativeTo(top, external_node_path_.resolve(top, options.policy.source.file));
    // As discovery: installed and vendored trees, the evidence folder and materials.ignore do not count.
    const ignored = ignoreMatcher(options.policy.materials.ignore);
    const evidence = options.evidenceDir ? review_relativeTo(top, external_node_path_.resolve(options.evidenceDir)) : undefined;
    const relevant = changedFiles.filter((f) => {
        if (f === policyRel)
            return true;
        if (evidence && (f === evidence || f.startsWith(`${evidence}/`)))
            return false;
        const inTarget = sub === '' ? f : f.startsWith(`${sub}/`) ? f.slice(sub.length + 1) : f;
        return isMaterialFile(f) && !f.split('/').some((seg) => SKIPPED_DIRS.has(seg)) && !ignored(inTarget);
    });
    const result = {
        base,
        head: head ?? 'working tree',
        unchanged: relevant.length === 0,
        changedFiles,
        added: [],
        removed: [],
        changed: [],
        introduced: [],
        blocking: [],
        warnOnly: config.warnOnly === true,
    };
    if (result.unchanged) {
        logger.info(`No dependency file changed between ${base.slice(0, 12)} and ${result.head}: nothing to review`);
        return result;
    }
    const scopes = new Set(config.failOnScopes ?? ['runtime', 'unknown']);
    const policy = {
        ...options.policy,
        materials: {
            ...options.policy.materials,
            // Development dependencies are reviewed when their scope can fail.
            includeDev: options.policy.materials.includeDev || scopes.has('development'),
            licenses: {
                ...options.policy.materials.licenses,
                ...(config.allowLicenses ? { allow: [...config.allowLicenses] } : {}),
                ...(config.denyLicenses ? { deny: [...config.denyLicenses] } : {}),
            },
        },
    };
    const work = (0,external_node_fs_.mkdtempSync)(external_node_path_.join((0,external_node_os_.tmpdir)(), 'sf-review-'));
    try {
        const baseDir = external_node_path_.join(work, 'base');
        (0,external_node_fs_.mkdirSync)(baseDir, { recursive: true });
        materialize(top, base, sub, baseDir);
        let headPath = target;
        if (!headIsWorktree && head) {
            const headDir = external_node_path_.join(work, 'head');
            (0,external_node_fs_.mkdirSync)(headDir, { recursive: true });
            materialize(top, head, sub, headDir);
            headPath = external_node_path_.join(headDir, sub);
        }
        const quiet = { ...logger, info: () => { }, warning: () => { } };
        const baseRoot = external_node_path_.join(baseDir, sub);
        if (!(0,external_node_fs_.existsSync)(baseRoot))
            (0,external_node_fs_.mkdirSync)(baseRoot, { recursive: true });
        let baseScan;
        try {
            baseScan = await scan({ ...options, path: baseRoot, policy, evidenceDir: undefined, logger: quiet });
        }
        catch (e) {
            // A base without any dependency file (the PR adds the first one) has nothing to compare against.
            if (!(e instanceof dist/* ConfigurationError */.j1 && /no lockfile, manifest/.test(e.message)))
                throw e;
        }
        const headScan = await scan({ ...options, path: headPath, policy });
        result.headScan = headScan;
        const key = (p) => `${p.ecosystem}\u0000${p.name}\u0000${p.version}\u0000${p.sourceFile}`;
        const basePkgs = new Map((baseScan?.packages ?? []).map((p) => [key(p), p]));
        const headPkgs = new Map(headScan.packages.map((p) => [key(p), p]));
        const added = [...headPkgs].filter(([k]) => !basePkgs.has(k)).map(([, p]) => p);
        const removed = [...basePkgs].filter(([k]) => !headPkgs.has(k)).map(([, p]) => p);
        result.added = added.map((p) => changeOf(p, 'added'));
        result.removed = removed.map((p) => changeOf(p, 'removed'));
        const byName = (p) => `${p.ecosystem}\u0000${p.name}\u0000${p.sourceFile}`;
        const removedByName = new Map(removed.map((p) => [byName(p), p]));
        for (const p of added) {
            const before = removedByName.get(byName(p));
            if (before)
                result.changed.push({ ecosystem: p.ecosystem, name: p.name, manifest: p.sourceFile, from: before.version, to: p.version });
        }
        const baseKeys = new Set((baseScan?.findings ?? []).map(findingKey));
        const allowed = new Set((config.allowGhsas ?? []).map((s) => s.toUpperCase()));
        for (const f of headScan.findings) {
            if (baseKeys.has(findingKey(f)))
                continue;
            const introduced = { ...f };
            if (f.rule === RULE.vulnerable) {
                const ids = [f.properties?.advisory, ...(f.properties?.aliases ?? [])].map((x) => String(x).toUpperCase());
                const scope = (typeof f.properties?.scope === 'string' ? f.properties.scope : 'unknown');
                const threshold = config.failOnSeverity ?? policy.materials.blockSeverity;
                introduced.blocking =
                    f.waived === undefined && !ids.some((id) => allowed.has(id)) && (0,dist/* atLeast */.jZ)(f.severity, threshold) && scopes.has(scope);
            }
            result.introduced.push(introduced);
        }
        for (const pattern of config.denyPackages ?? []) {
            for (const p of added) {
                if (!purlMatches(pattern, p))
                    continue;
                result.introduced.push({
                    rule: 'materials/denied-package',
                    severity: 'high',
                    message: `${p.name}@${p.version} is added, and ${pattern} is in deny-packages`,
                    help: 'use another package, or change deny-packages',
                    file: p.sourceFile,
                    ...(p.line !== undefined ? { line: p.line } : {}),
                    blocking: true,
                    properties: { package: p.purl, pattern },
                });
            }
        }
        result.blocking = result.warnOnly ? [] : result.introduced.filter((f) => f.blocking === true);
    }
    finally {
        (0,external_node_fs_.rmSync)(work, { recursive: true, force: true });
    }
    logger.info(`Review ${base.slice(0, 12)}..${result.head.slice(0, 12)}: ${result.added.length} added, ${result.removed.length} removed, ${result.changed.length} changed; ${result.introduced.length} new finding(s), ${result.blocking.length} blocking`);
    return result;
}
/** The pull-request comment (and job summary): starts with the hidden marker that finds it again on re-runs. */
function reviewMarkdown(r) {
    const lines = [REVIEW_MARKER];
    if (r.unchanged) {
        lines.push('## secure-factory dependency review: ✅ no dependency changes', '', `No dependency file changed against \`${r.base.slice(0, 12)}\`.`);
        return `${lines.join('\n')}\n`;
    }
    const verdict = r.blocking.length > 0
        ? `❌ ${r.blocking.length} blocking`
        : r.introduced.some((f) => f.blocking) && r.warnOnly
            ? '⚠️ warn-only'
            : '✅ passed';
    lines.push(`## secure-factory dependency review: ${verdict}`, '');
    lines.push(`Base \`${r.base.slice(0, 12)}\` → head \`${r.head.slice(0, 12)}\`: **${r.added.length}** added, **${r.removed.length}** removed, **${r.changed.length}** changed.`, '');
    const vulns = r.introduced.filter((f) => f.rule === RULE.vulnerable);
    if (vulns.length > 0) {
        lines.push('### New vulnerabilities', '');
        lines.push((0,dist/* table */.tp)(['', 'severity', 'advisory', 'package', 'scope', 'fixed in'], vulns.map((f) => {
            const pkg = f.properties?.package;
            const adv = typeof f.properties?.advisory === 'string' ? f.properties.advisory : '';
            return [
                f.blocking && !r.warnOnly ? '❌' : '⚠️',
                f.severity,
                `[${(0,dist.md)(adv)}](https://osv.dev/vulnerability/${encodeURIComponent(adv)})`,
                (0,dist/* code */.aY)(`${pkg?.name ?? ''}@${pkg?.version ?? ''}`),
                typeof f.properties?.scope === 'string' ? f.properties.scope : 'unknown',
                (f.properties?.fixedVersions ?? []).map(dist/* code */.aY).join(', ') || '—',
            ];
        })), '');
    }
    const other = r.introduced.filter((f) => f.rule !== RULE.vulnerable);
    if (other.length > 0) {
        lines.push('### Other new findings (licences, unpinned and denied dependencies, sources)', '');
        lines.push((0,dist/* table */.tp)(['', 'rule', 'where', 'finding'], other.map((f) => [
            f.blocking && !r.warnOnly ? '❌' : '⚠️',
            (0,dist/* code */.aY)(f.rule),
            f.file ? (0,dist/* code */.aY)(`${f.file}${f.line ? `:${f.line}` : ''}`) : '—',
            (0,dist.md)(f.message),
        ])), '');
    }
    const changes = [...r.added, ...r.removed].slice(0, 200);
    if (changes.length > 0) {
        lines.push('<details><summary>Dependency changes</summary>', '');
        lines.push((0,dist/* table */.tp)(['change', 'package', 'scope', 'file'], changes.map((c) => [c.change_type, (0,dist/* code */.aY)(`${c.name}@${c.version || '(unpinned)'}`), c.scope, (0,dist/* code */.aY)(c.manifest)])));
        if (r.added.length + r.removed.length > changes.length)
            lines.push('', `… and ${r.added.length + r.removed.length - changes.length} more`);
        lines.push('', '</details>');
    }
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ../packages/materials/dist/oci/registry-client.js
/**
 * One client for OCI registries (the OCI distribution specification v1.1, and Docker's v2 API it grew
 * from). What a registry may do to a run is decided here:
 *   - every manifest is checked against its digest: fetched by digest, the body's sha256 must be that
 *     digest; fetched by tag, a `Docker-Content-Digest` that differs from the body's is refused (a lying
 *     registry or a proxy rewriting bodies gets an error, never a pass);
 *   - manifests are limited to 4 MiB, blobs to a caller-given limit (the core HTTP helper reads bounded);
 *   - retries, backoff and deadlines are the core HTTP helper's; redirects are followed here, at most 5,
 *     and the Authorization header is dropped when a redirect leaves the registry's origin (blob stores);
 *   - auth follows the `WWW-Authenticate` challenge: `Bearer realm=…,service=…,scope=…` gets a token from
 *     the realm (with basic credentials when the docker config has some), `Basic` gets the credentials;
 *     a second 401 after a fresh token is an auth loop and an error;
 *   - credentials and tokens never appear in an error, a log line or a result.
 * Plain HTTP is used only for loopback registries (localhost, 127.0.0.1, [::1]), as Docker does.
 */





const MEDIA = {
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    ociEmpty: 'application/vnd.oci.empty.v1+json',
    sigstoreBundle: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    cosignSimpleSigning: 'application/vnd.dev.cosign.simplesigning.v1+json',
};
const MANIFEST_ACCEPT = [MEDIA.ociIndex, MEDIA.ociManifest, MEDIA.dockerList, MEDIA.dockerManifest].join(', ');
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const MAX_REDIRECTS = 5;
/** Writes of the referrers tag schema index before a push that keeps losing its entry gives up. */
const TAG_SCHEMA_ATTEMPTS = 16;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
class RegistryError extends dist/* InfrastructureError */.EN {
}
/**
 * The registry contradicted itself or the protocol in a way no honest registry does: content for
 * another digest, an auth loop, a redirect to plain HTTP. Never retried, never waived.
 */
class RegistryMisbehaviour extends RegistryError {
}
function isLoopback(host) {
    const h = host.replace(/:\d+$/, '');
    return h === 'localhost' || h === '127.0.0.1' || h === '[::1]';
}
/** The API base of a registry host as image references name it. */
function registryBase(registry) {
    const host = registry === 'docker.io' ? 'registry-1.docker.io' : registry;
    return `${isLoopback(host) ? 'http' : 'https'}://${host}`;
}
/** `sha256-HEX`: the referrers tag schema's tag (OCI distribution spec 1.1, "Referrers Tag Schema"). */
function referrersTag(digest) {
    return digest.replace(':', '-');
}
/** Docker's config file: `auths[host].auth` (base64 user:password) or username/password. */
function dockerConfigCredentials(registry, env = process.env) {
    const file = (0,external_node_path_.join)(env.DOCKER_CONFIG ?? (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.docker'), 'config.json');
    if (!(0,external_node_fs_.existsSync)(file))
        return undefined;
    const hint = 'fix or remove the docker config file';
    const text = (0,dist/* readTextFileSync */.F3)(file, { ...dist/* OPERATOR_FILE */.ec, maxBytes: 4 * 1024 * 1024, what: 'docker config file', hint });
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch {
        throw new dist/* ConfigurationError */.j1('the docker config file is not JSON', { location: { file }, hint });
    }
    if (!isRecord(doc))
        throw new dist/* ConfigurationError */.j1('the docker config file is not a JSON object', { location: { file }, hint });
    const auths = isRecord(doc.auths) ? doc.auths : {};
    const keys = registry === 'docker.io' ? ['https://index.docker.io/v1/', 'docker.io', 'index.docker.io'] : [registry, `https://${registry}`];
    for (const k of keys) {
        // Own entries only: a registry named "constructor" must not find Object's.
        const a = Object.hasOwn(auths, k) ? auths[k] : undefined;
        if (!isRecord(a))
            continue;
        if (typeof a.username === 'string' && typeof a.password === 'string' && a.username && a.password) {
            return { username: a.username, password: a.password };
        }
        if (typeof a.auth === 'string' && a.auth) {
            const plain = Buffer.from(a.auth, 'base64').toString('utf8');
            const colon = plain.indexOf(':');
            if (colon > 0)
                return { username: plain.slice(0, colon), password: plain.slice(colon + 1) };
        }
    }
    return undefined;
}
/** `Bearer realm="…",service="…",scope="…"` (RFC 9110 §11.6.1 auth-params, quoted or token values). */
function parseChallenge(header) {
    if (!header)
        return undefined;
    const m = /^\s*([A-Za-z]+)\s*(.*)$/.exec(header);
    if (!m?.[1])
        return undefined;
    const params = {};
    const re = /([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))\s*,?\s*/g;
    let p;
    while ((p = re.exec(m[2] ?? '')) !== null) {
        if (p[0] === '')
            break;
        params[(p[1] ?? '').toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : (p[3] ?? '');
    }
    return { scheme: m[1].toLowerCase(), params };
}
/** The distribution spec's error codes of a refusal (`MANIFEST_BLOB_UNKNOWN`, …): codes only, never the body's text. */
function errorCodes(body) {
    try {
        const errors = JSON.parse(body.toString('utf8')).errors ?? [];
        const codes = [...new Set(errors.map((e) => e.code).filter((c) => typeof c === 'string' && /^[A-Z_]{1,40}$/.test(c)))];
        return codes.length > 0 ? ` ${codes.slice(0, 3).join(', ')}` : '';
    }
    catch {
        return '';
    }
}
function checkName(repository) {
    if (!/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(repository)) {
        throw new dist/* ConfigurationError */.j1(`"${repository}" is not a repository name`);
    }
}
function checkReference(reference) {
    if (!DIGEST.test(reference) && !/^[\w][\w.-]{0,127}$/.test(reference)) {
        throw new dist/* ConfigurationError */.j1(`"${reference}" is neither a tag nor a sha256 digest`);
    }
}
function createRegistryClient(options = {}) {
    const credentials = options.credentials ?? ((r) => dockerConfigCredentials(r));
    /** Authorization per registry and scope, once a challenge was answered. */
    const auth = new Map();
    /** Repositories found without the referrers API (their referrers go to the tag schema). */
    const withoutReferrersApi = new Set();
    const manualFetch = (input, init) => (options.http?.fetch ?? fetch)(input, { ...init, redirect: 'manual' });
    const policy = (service, maxBytes) => ({
        maxAttempts: 3,
        deadlineMs: 60_000,
        ...options.http,
        service,
        maxBytes,
        fetch: manualFetch,
    });
    /** One request, redirects followed by hand (bounded; no Authorization to another origin). */
    async function send(url, method, headers, body, service, maxBytes) {
        let current = url;
        let hdrs = headers;
        for (let hop = 0;; hop++) {
            const req = { url: current, method, headers: hdrs };
            if (body !== undefined)
                req.body = body;
            const res = await (0,dist/* httpRequest */.aj)(req, policy(service, maxBytes));
            if (![301, 302, 303, 307, 308].includes(res.status))
                return res;
            const location = res.headers.get('location');
            if (!location)
                throw new RegistryError(`${service} answered HTTP ${res.status} without a Location`);
            if (hop >= MAX_REDIRECTS)
                throw new RegistryMisbehaviour(`${service} redirected more than ${MAX_REDIRECTS} times`);
            const next = new URL(location, current);
            if (next.protocol !== 'https:' && !(next.protocol === 'http:' && isLoopback(next.host))) {
                throw new RegistryMisbehaviour(`${service} redirected to a plain-HTTP address; refused`);
            }
            if (next.origin !== new URL(current).origin) {
                hdrs = Object.fromEntries(Object.entries(hdrs).filter(([k]) => k.toLowerCase() !== 'authorization'));
            }
            current = next.toString();
        }
    }
    async function fetchToken(registry, challenge, scope) {
        const realm = challenge.params.realm;
        if (!realm)
            throw new RegistryError(`the registry ${registry} asked for a bearer token without naming a realm`);
        let url;
        try {
            url = new URL(realm);
        }
        catch {
            throw new RegistryError(`the registry ${registry} named a token realm that is not a URL`);
        }
        if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.host))) {
            throw new RegistryMisbehaviour(`the registry ${registry} named a plain-HTTP token realm (${url.host}); refused`);
        }
        if (challenge.params.service)
            url.searchParams.set('service', challenge.params.service);
        url.searchParams.set('scope', challenge.params.scope ?? scope);
        const headers = {};
        const creds = credentials(registry);
        if (creds)
            headers.authorization = `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
        const res = await send(url.toString(), 'GET', headers, undefined, `the token service of ${registry}`, 64 * 1024);
        if (!res.ok)
            throw new RegistryError(`the token service of ${registry} refused a token (HTTP ${res.status})${creds ? '' : '; no credentials are configured for it'}`);
        const json = (await res.json());
        const token = typeof json.token === 'string' ? json.token : typeof json.access_token === 'string' ? json.access_token : undefined;
        if (!token)
            throw new RegistryError(`the token service of ${registry} answered without a token`);
        return `Bearer ${token}`;
    }
    /** A registry API call with the challenge answered; a second 401 after answering is an auth loop. */
    async function call(registry, repository, path, init) {
        const scope = `repository:${repository}:${init.push ? 'pull,push' : 'pull'}`;
        const key = `${registry} ${scope}`;
        const url = path.startsWith('http') ? path : `${registryBase(registry)}${path}`;
        const service = `the registry ${registry}`;
        let answered = false;
        for (;;) {
            const headers = { ...init.headers };
            const a = auth.get(key);
            if (a)
                headers.authorization = a;
            const res = await send(url, init.method ?? 'GET', headers, init.body, service, init.maxBytes);
            if (res.status !== 401)
                return res;
            if (answered)
                throw new RegistryMisbehaviour(`${service} refused the credentials it had just asked for (an auth loop); nothing was read`);
            answered = true;
            const challenge = parseChallenge(res.headers.get('www-authenticate'));
            if (challenge?.scheme === 'bearer')
                auth.set(key, await fetchToken(registry, challenge, scope));
            else if (challenge?.scheme === 'basic') {
                const creds = credentials(registry);
                if (!creds)
                    throw new RegistryError(`${service} wants a login and no credentials are configured for it`, {
                        hint: 'docker login to it (the docker config is read)',
                    });
                auth.set(key, `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`);
            }
            else
                throw new RegistryError(`${service} answered 401 without a challenge this client understands`);
        }
    }
    function parseManifest(bytes, where) {
        let m;
        try {
            m = JSON.parse(bytes.toString('utf8'));
        }
        catch {
            throw new RegistryError(`${where} is not JSON`);
        }
        if (typeof m !== 'object' || m === null || m.schemaVersion !== 2)
            throw new RegistryError(`${where} is not an image manifest or index (schemaVersion 2)`);
        return m;
    }
    async function findManifest(registry, repository, reference) {
        checkName(repository);
        checkReference(reference);
        const where = `the manifest ${registry}/${repository}${DIGEST.test(reference) ? '@' : ':'}${reference}`;
        const res = await call(registry, repository, `/v2/${repository}/manifests/${reference}`, {
            headers: { accept: MANIFEST_ACCEPT },
            maxBytes: MAX_MANIFEST_BYTES,
        });
        if (res.status === 404)
            return undefined;
        if (!res.ok)
            throw new RegistryError(`${where}: the registry answered HTTP ${res.status}`);
        const digest = `sha256:${(0,dist/* sha256Hex */.fg)(res.bytes)}`;
        if (DIGEST.test(reference) && digest !== reference) {
            throw new RegistryMisbehaviour(`${where}: the registry returned a manifest whose digest is ${digest}, not the one asked for; refused (a registry or proxy that rewrites manifests)`);
        }
        const declared = res.headers.get('docker-content-digest');
        if (declared && declared !== digest) {
            throw new RegistryMisbehaviour(`${where}: the registry says its digest is ${declared} but the body it sent is ${digest}; refused`);
        }
        const manifest = parseManifest(res.bytes, where);
        const mediaType = manifest.mediaType ?? (res.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
        const fetched = { digest, mediaType, bytes: res.bytes, manifest };
        const etag = res.headers.get('etag');
        if (etag)
            fetched.etag = etag;
        return fetched;
    }
    /** PUT a manifest; the digest the registry says it stored must be the digest of the bytes sent. */
    async function sendManifest(registry, repository, reference, bytes, mediaType, condition = {}) {
        checkName(repository);
        checkReference(reference);
        const res = await call(registry, repository, `/v2/${repository}/manifests/${reference}`, {
            method: 'PUT',
            headers: { 'content-type': mediaType, ...condition },
            body: bytes,
            maxBytes: 64 * 1024,
            push: true,
        });
        if (res.status === 412 && Object.keys(condition).length > 0)
            return { digest: '', res };
        if (res.status !== 201)
            throw new RegistryError(`the registry ${registry} refused the manifest for ${repository}:${reference} (HTTP ${res.status}${errorCodes(res.bytes)})`);
        const digest = `sha256:${(0,dist/* sha256Hex */.fg)(bytes)}`;
        const stored = res.headers.get('docker-content-digest');
        if (stored && stored !== digest) {
            throw new RegistryMisbehaviour(`the registry ${registry} says it stored the manifest for ${repository}:${reference} as ${stored}, but the bytes sent are ${digest}; refused (a registry or proxy that rewrites manifests)`);
        }
        return { digest, res };
    }
    async function putManifest(registry, repository, reference, bytes, mediaType) {
        return (await sendManifest(registry, repository, reference, bytes, mediaType)).digest;
    }
    async function putReferrer(registry, repository, manifest) {
        const subject = manifest.subject?.digest;
        if (!subject || !DIGEST.test(subject))
            throw new dist/* ConfigurationError */.j1('a referrer names the manifest it refers to in `subject`');
        const bytes = Buffer.from(JSON.stringify(manifest));
        const mediaType = manifest.mediaType ?? MEDIA.ociManifest;
        const { digest, res } = await sendManifest(registry, repository, `sha256:${(0,dist/* sha256Hex */.fg)(bytes)}`, bytes, mediaType);
        // OCI distribution 1.1: a registry with the referrers API answers a manifest naming a subject with
        // `OCI-Subject`; without the header the API is probed, as older 1.1 drafts had no header.
        if (res.headers.get('oci-subject') === subject)
            return { digest, via: 'referrers-api' };
        // One probe per repository: a registry that had no referrers API a moment ago has none now.
        if (!withoutReferrersApi.has(`${registry}/${repository}`)) {
            const api = await call(registry, repository, `/v2/${repository}/referrers/${subject}`, {
                headers: { accept: MEDIA.ociIndex },
                maxBytes: MAX_MANIFEST_BYTES,
            });
            if (api.ok && (api.headers.get('content-type') ?? '').startsWith(MEDIA.ociIndex))
                return { digest, via: 'referrers-api' };
            withoutReferrersApi.add(`${registry}/${repository}`);
        }
        // The tag schema is read, changed and written back: two jobs pushing to one image at once would
        // each write an index without the other's entry. The write is conditional (If-Match the ETag read,
        // as distribution-spec 1.1 asks; a 412 means someone else wrote: read again), and the index is read
        // again after the write, the entry added again until it stays. A registry that ignores If-Match
        // (distribution 2.8 does) still leaves a window: a slower writer can drop an entry that was checked.
        const tag = referrersTag(subject);
        const entry = { mediaType, digest, size: bytes.length };
        if (manifest.artifactType)
            entry.artifactType = manifest.artifactType;
        else if (manifest.config?.mediaType)
            entry.artifactType = manifest.config.mediaType;
        if (manifest.annotations)
            entry.annotations = manifest.annotations;
        for (let attempt = 1;; attempt++) {
            const existing = await findManifest(registry, repository, tag);
            if (existing && existing.mediaType !== MEDIA.ociIndex) {
                throw new RegistryError(`the tag ${repository}:${tag} holds a ${existing.mediaType || 'manifest of no media type'}, not a referrers index; refused to overwrite it`, { hint: 'delete that tag, or use a registry with the OCI 1.1 referrers API' });
            }
            const listed = existing?.manifest.manifests ?? [];
            if (attempt > 1 && listed.some((d) => d.digest === digest))
                break;
            if (attempt > TAG_SCHEMA_ATTEMPTS) {
                throw new RegistryError(`the referrers index ${repository}:${tag} kept losing the referrer ${digest} to concurrent writers (${TAG_SCHEMA_ATTEMPTS} attempts)`, { hint: 'run the pushes to one image one after another, or use a registry with the OCI 1.1 referrers API' });
            }
            if (attempt > 1)
                await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 50 * attempt)));
            const index = {
                schemaVersion: 2,
                mediaType: MEDIA.ociIndex,
                manifests: [...listed.filter((d) => d.digest !== digest), entry],
            };
            const condition = existing ? (existing.etag ? { 'if-match': existing.etag } : {}) : { 'if-none-match': '*' };
            await sendManifest(registry, repository, tag, Buffer.from(JSON.stringify(index)), MEDIA.ociIndex, condition);
        }
        return { digest, via: 'tag-schema' };
    }
    const client = {
        findManifest,
        async getManifest(registry, repository, reference) {
            const m = await findManifest(registry, repository, reference);
            if (!m)
                throw new RegistryError(`${registry}/${repository}${DIGEST.test(reference) ? '@' : ':'}${reference} does not exist in the registry`);
            return m;
        },
        async getBlob(registry, repository, digest, maxBytes) {
            checkName(repository);
            if (!DIGEST.test(digest))
                throw new dist/* ConfigurationError */.j1(`"${digest}" is not a sha256 digest`);
            const res = await call(registry, repository, `/v2/${repository}/blobs/${digest}`, { maxBytes });
            if (!res.ok)
                throw new RegistryError(`the blob ${digest} of ${registry}/${repository}: the registry answered HTTP ${res.status}`);
            const got = `sha256:${(0,dist/* sha256Hex */.fg)(res.bytes)}`;
            if (got !== digest)
                throw new RegistryMisbehaviour(`the blob ${digest} of ${registry}/${repository} has the digest ${got}; refused`);
            return res.bytes;
        },
        async putBlob(registry, repository, data) {
            checkName(repository);
            const digest = `sha256:${(0,dist/* sha256Hex */.fg)(data)}`;
            const start = await call(registry, repository, `/v2/${repository}/blobs/uploads/`, {
                method: 'POST',
                maxBytes: 64 * 1024,
                push: true,
            });
            const location = start.headers.get('location');
            if (start.status !== 202 || !location)
                throw new RegistryError(`the registry ${registry} did not open an upload for ${repository} (HTTP ${start.status})`);
            const url = new URL(location, registryBase(registry));
            url.searchParams.set('digest', digest);
            const res = await call(registry, repository, url.toString(), {
                method: 'PUT',
                headers: { 'content-type': 'application/octet-stream' },
                body: data,
                maxBytes: 64 * 1024,
                push: true,
            });
            if (res.status !== 201)
                throw new RegistryError(`the registry ${registry} refused the blob ${digest} for ${repository} (HTTP ${res.status})`);
            const stored = res.headers.get('docker-content-digest');
            if (stored && stored !== digest) {
                throw new RegistryMisbehaviour(`the registry ${registry} says it stored the blob ${digest} for ${repository} as ${stored}; refused (a registry or proxy that rewrites content)`);
            }
            return digest;
        },
        putManifest,
        async referrers(registry, repository, digest, artifactType) {
            checkName(repository);
            if (!DIGEST.test(digest))
                throw new dist/* ConfigurationError */.j1(`"${digest}" is not a sha256 digest`);
            const q = artifactType ? `?artifactType=${encodeURIComponent(artifactType)}` : '';
            const res = await call(registry, repository, `/v2/${repository}/referrers/${digest}${q}`, {
                headers: { accept: MEDIA.ociIndex },
                maxBytes: MAX_MANIFEST_BYTES,
            });
            let index;
            const type = (res.headers.get('content-type') ?? '').split(';')[0]?.trim();
            if (res.ok && type === MEDIA.ociIndex)
                index = parseManifest(res.bytes, `the referrers of ${registry}/${repository}@${digest}`);
            else if (res.status === 404 || res.status === 405 || (res.ok && type !== MEDIA.ociIndex)) {
                // No referrers API (distribution 2.x): the tag schema, an index tagged sha256-HEX.
                index = (await findManifest(registry, repository, referrersTag(digest)))?.manifest;
            }
            else
                throw new RegistryError(`the referrers of ${registry}/${repository}@${digest}: the registry answered HTTP ${res.status}`);
            const list = index?.manifests ?? [];
            return list.filter((d) => typeof d.digest === 'string' && DIGEST.test(d.digest) && (!artifactType || d.artifactType === artifactType));
        },
        async pushReferrer(registry, repository, manifest) {
            return (await putReferrer(registry, repository, manifest)).digest;
        },
        putReferrer,
        async hasBlob(registry, repository, digest) {
            checkName(repository);
            if (!DIGEST.test(digest))
                throw new dist/* ConfigurationError */.j1(`"${digest}" is not a sha256 digest`);
            const res = await call(registry, repository, `/v2/${repository}/blobs/${digest}`, { method: 'HEAD', maxBytes: 64 * 1024 });
            if (res.status === 404)
                return false;
            if (res.ok)
                return true;
            throw new RegistryError(`the blob ${digest} of ${registry}/${repository}: the registry answered HTTP ${res.status}`);
        },
    };
    return client;
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
;// CONCATENATED MODULE: ../packages/materials/dist/oci/layer-tar.js
/**
 * Image layers as tar streams: decompression by magic bytes — gzip (the common `tar+gzip` layers),
 * zstd (`tar+zstd`, with Node's zlib when it has it, Node ≥ 22.15 / 23.8), or none; not by the media
 * type — and core's bounded tar reader (`walkTar`), whose refusals (traversal, a wrong checksum, a
 * truncated entry, a decompression bomb, an entry over its limit) refuse the layer.
 */



/** The layer is not what an honest image holds (traversal, links, corrupt tar): never waived. */
class LayerRefused extends dist/* ConfigurationError */.j1 {
}
/** The layer is beyond what this scanner reads (a size budget, zstd without a decoder, a foreign media type): blocking, but a waiver may cover it. */
class LayerUnreadable extends dist/* ConfigurationError */.j1 {
}
/** Layer bytes as a stream of uncompressed tar, decided by magic bytes. */
function decompressLayer(layer, what) {
    const source = external_node_stream_.Readable.from([layer]);
    if (layer.length >= 2 && layer[0] === 0x1f && layer[1] === 0x8b)
        return source.pipe(external_node_zlib_.createGunzip());
    if (layer.length >= 4 && layer.readUInt32LE(0) === 0xfd2fb528) {
        const zstd = external_node_zlib_.createZstdDecompress;
        if (!zstd) {
            throw new LayerUnreadable(`${what} is zstd-compressed and this Node (${process.version}) has no zstd decoder`, {
                hint: 'run on Node 24 (zlib.createZstdDecompress), or push the image with gzip layers',
            });
        }
        return source.pipe(zstd());
    }
    return source;
}
/**
 * Walks a layer's tar stream (core `walkTar`); a malformed or hostile archive refuses the layer
 * (`LayerRefused`, never waived).
 */
async function walkTar(stream, what, limits, visit, onContent) {
    try {
        return await (0,dist/* walkTar */.Nb)(stream, what, limits, visit, onContent);
    }
    catch (e) {
        if (e instanceof dist/* TarError */.mt)
            throw new LayerRefused(e.message.replace('(truncated archive)', '(truncated layer)'), {
                ...(e.hint ? { hint: e.hint } : {}),
                cause: e,
            });
        throw e;
    }
}

;// CONCATENATED MODULE: ../packages/materials/dist/oci/image-filesystem.js
/**
 * The few files of an image's root file system that say what is installed, read from its layers in
 * order as the OCI image spec's "Applying changesets" says: a later layer replaces a path, a
 * `.wh.NAME` whiteout deletes NAME (and what lies under it) from the layers below, and
 * `.wh..wh..opq` makes a directory opaque (everything below it from earlier layers is gone).
 * Only the wanted paths are kept; every other entry is skipped without being held.
 *
 * A package database must be a regular file reached through directories: a symlink or a hard link
 * at a database path (os-release links are normal and are not followed: the other os-release is read), or a database file under a directory that an upper layer made a symlink, is
 * refused (a link could point the reader at another file, and no tool writes a database that way).
 */

/** The paths read: os-release and the package databases of dpkg, apk and rpm. */
const OS_RELEASE_PATHS = ['etc/os-release', 'usr/lib/os-release'];
const DPKG_STATUS = 'var/lib/dpkg/status';
const DPKG_STATUS_DIR = 'var/lib/dpkg/status.d';
const APK_INSTALLED = 'lib/apk/db/installed';
/** rpm ≥ 4.16 (RHEL 9, Rocky, Alma); Fedora ≥ 36 moved it under /usr/lib/sysimage; SUSE uses /usr/share/rpm. */
const RPM_SQLITE_PATHS = ['var/lib/rpm/rpmdb.sqlite', 'usr/lib/sysimage/rpm/rpmdb.sqlite', 'usr/share/rpm/rpmdb.sqlite'];
/** Older rpm databases (BerkeleyDB, ndb): recognised so the scan can say it cannot read them. */
const RPM_OTHER_PATHS = ['var/lib/rpm/Packages', 'var/lib/rpm/Packages.db', 'usr/lib/sysimage/rpm/Packages.db'];
const DEFAULT_FILE_LIMITS = {
    smallFileBytes: 64 * 1024,
    databaseBytes: 64 * 1024 * 1024,
    rpmDatabaseBytes: 256 * 1024 * 1024,
    layerBytes: 8 * 1024 * 1024 * 1024,
};
/** The byte limit for a wanted path, or undefined when the path is not wanted. */
function wantedLimit(path, limits) {
    if (OS_RELEASE_PATHS.includes(path))
        return limits.smallFileBytes;
    if (path === DPKG_STATUS || path === APK_INSTALLED)
        return limits.databaseBytes;
    if (path.startsWith(`${DPKG_STATUS_DIR}/`) && !path.slice(DPKG_STATUS_DIR.length + 1).includes('/'))
        return limits.databaseBytes;
    if (RPM_SQLITE_PATHS.includes(path))
        return limits.rpmDatabaseBytes;
    if (RPM_OTHER_PATHS.includes(path))
        return 0; // presence only
    return undefined;
}
/** The merged view of the wanted paths, plus the directories made symlinks on the way. */
class ImageFiles {
    files = new Map();
    /** Paths that are symlinks in the merged view and are parents of wanted paths. */
    linkedDirs = new Map();
    layers = 0;
    entries = 0;
    bytes = 0;
    /** Regular-file content at a path, or undefined. */
    file(path) {
        const n = this.files.get(path);
        return n?.kind === 'file' ? n.content : undefined;
    }
    has(path) {
        return this.files.has(path);
    }
    /** Paths under a directory (one level), sorted. */
    list(dir) {
        const prefix = `${dir}/`;
        return [...this.files.keys()].filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/')).sort();
    }
}
const WANTED_PARENTS = new Set();
for (const p of [...OS_RELEASE_PATHS, DPKG_STATUS, `${DPKG_STATUS_DIR}/x`, APK_INSTALLED, ...RPM_SQLITE_PATHS]) {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++)
        WANTED_PARENTS.add(parts.slice(0, i).join('/'));
}
function removeUnder(files, path) {
    const prefix = path === '' ? '' : `${path}/`;
    for (const k of [...files.files.keys()])
        if (k === path || k.startsWith(prefix))
            files.files.delete(k);
    for (const k of [...files.linkedDirs.keys()])
        if (k === path || k.startsWith(prefix))
            files.linkedDirs.delete(k);
}
/**
 * Applies one layer (an uncompressed tar stream) on top of `files`. Whiteouts in a layer apply to the
 * layers below it only, so they are collected while walking and applied before the layer's own files.
 */
async function applyLayer(files, tar, what, limits = DEFAULT_FILE_LIMITS) {
    const layer = files.layers++;
    const whiteouts = [];
    const opaque = [];
    const added = new Map();
    const links = new Map();
    const dirs = new Set();
    const refuseLink = (e) => {
        throw new LayerRefused(`${what}: /${e.path} is a ${e.type === 'symlink' ? 'symbolic' : 'hard'} link (to ${e.linkname.slice(0, 200)}), not a package database file; refused`, {
            hint: 'a package database is a regular file; an image that links it elsewhere is not scanned',
        });
    };
    const stats = await walkTar(tar, what, { maxTotalBytes: limits.layerBytes }, (e) => {
        const slash = e.path.lastIndexOf('/');
        const base = e.path.slice(slash + 1);
        const dir = slash >= 0 ? e.path.slice(0, slash) : '';
        if (base === '.wh..wh..opq') {
            opaque.push(dir);
            return { read: false };
        }
        if (base.startsWith('.wh.')) {
            whiteouts.push(dir === '' ? base.slice(4) : `${dir}/${base.slice(4)}`);
            return { read: false };
        }
        const limit = wantedLimit(e.path, limits);
        if (e.type === 'symlink' && WANTED_PARENTS.has(e.path)) {
            links.set(e.path, e.linkname);
            return { read: false };
        }
        if (e.type === 'directory' && WANTED_PARENTS.has(e.path))
            dirs.add(e.path);
        if (limit === undefined)
            return { read: false };
        if (e.type === 'symlink' || e.type === 'hardlink') {
            // Debian's and Alpine's /etc/os-release is a link to ../usr/lib/os-release: not followed;
            // os-release(5) says to read /usr/lib/os-release when /etc/os-release is not there.
            if (OS_RELEASE_PATHS.includes(e.path)) {
                added.set(e.path, { kind: 'link', layer });
                return { read: false };
            }
            return refuseLink(e);
        }
        if (e.type === 'file')
            return { read: true, maxBytes: limit };
        return { read: false };
    }, (e, content) => {
        added.set(e.path, { kind: 'file', content, layer });
    });
    files.entries += stats.entries;
    files.bytes += stats.bytes;
    for (const d of opaque) {
        const prefix = d === '' ? '' : `${d}/`;
        for (const k of [...files.files.keys()])
            if (k.startsWith(prefix))
                files.files.delete(k);
        for (const k of [...files.linkedDirs.keys()])
            if (k.startsWith(prefix))
                files.linkedDirs.delete(k);
    }
    for (const w of whiteouts)
        removeUnder(files, w);
    // A real directory written over a link replaces it.
    for (const d of dirs)
        if (!links.has(d))
            files.linkedDirs.delete(d);
    for (const [p, target] of links) {
        // A directory replaced by a link: what was below it in lower layers is no longer reachable there.
        removeUnder(files, p);
        files.linkedDirs.set(p, target);
    }
    for (const [p, node] of added) {
        const parts = p.split('/');
        for (let i = 1; i < parts.length; i++) {
            const parent = parts.slice(0, i).join('/');
            const target = files.linkedDirs.get(parent);
            if (target !== undefined && !links.has(parent)) {
                throw new LayerRefused(`${what}: /${p} is written under /${parent}, which a layer made a symbolic link (to ${target.slice(0, 200)}); refused`);
            }
            if (target !== undefined) {
                throw new LayerRefused(`${what}: /${p} is written under /${parent}, which the same layer makes a symbolic link; refused`);
            }
        }
        files.files.set(p, node);
    }
}

;// CONCATENATED MODULE: ../packages/materials/dist/oci/image-packages.js
/**
 * The packages inside a base image, so they are matched against OSV like any lockfile and listed in
 * the SBOM under the image:
 *   1. its SBOM attestation, when the image has one among its Sigstore bundle referrers (an in-toto
 *      statement with predicate type https://cyclonedx.org/bom or https://spdx.dev/Document) and the
 *      bundle verifies, as a signature does, against a signer the policy trusts for the registry;
 *   2. otherwise its OS package database, read from the layers (dpkg, apk, rpm; see os-packages.ts)
 *      after each layer's digest is checked — the layers are the image the digest names.
 * A multi-platform image is read for linux/amd64 (else its first Linux platform).
 * Limits: a layer's declared and downloaded size, its uncompressed size, each database file's size;
 * any of them exceeded, a path traversal or a linked database refuses the image (fail closed).
 */






const DEFAULT_IMAGE_LIMITS = {
    ...DEFAULT_FILE_LIMITS,
    compressedLayerBytes: 1024 * 1024 * 1024,
    maxLayers: 128,
    sbomBundleBytes: 64 * 1024 * 1024,
};
const SBOM_PREDICATES = new Set([dist/* PREDICATE */.W3.cyclonedx, dist/* PREDICATE */.W3.spdx]);
const LAYER_TYPES = new Set([
    'application/vnd.oci.image.layer.v1.tar',
    'application/vnd.oci.image.layer.v1.tar+gzip',
    'application/vnd.oci.image.layer.v1.tar+zstd',
    'application/vnd.docker.image.rootfs.diff.tar.gzip',
    'application/vnd.docker.image.rootfs.diff.tar',
]);
function image_packages_isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** The platform manifest of an index: linux/amd64, else the first Linux one that is not an attestation. */
function pickPlatform(index) {
    const list = (index.manifest.manifests ?? []);
    const linux = list.filter((d) => d.platform?.os === 'linux' && d.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest');
    return linux.find((d) => d.platform?.architecture === 'amd64') ?? linux[0];
}
/** The OS packages (deb, apk, rpm purls) of an SBOM, walked with an explicit stack (nesting is unbounded). */
function osComponentsOfSbom(body) {
    const purls = [];
    const stack = Array.isArray(body.components) ? [...body.components] : [];
    while (stack.length > 0) {
        const c = stack.pop();
        if (!image_packages_isRecord(c))
            continue;
        if (typeof c.purl === 'string')
            purls.push(c.purl);
        if (Array.isArray(c.components))
            stack.push(...c.components);
    }
    if (Array.isArray(body.packages))
        for (const sp of body.packages)
            if (image_packages_isRecord(sp) && Array.isArray(sp.externalRefs))
                for (const r of sp.externalRefs)
                    if (image_packages_isRecord(r) && r.referenceType === 'purl' && typeof r.referenceLocator === 'string')
                        purls.push(r.referenceLocator);
    const out = [];
    for (const purl of purls) {
        const found = osPackageFromPurl(purl);
        if (!found)
            continue;
        const { pkg, distro } = found;
        const c = { source: 'sbom-attestation', purl, name: pkg.name, version: pkg.version, manager: pkg.manager };
        if (distro?.ecosystem)
            c.osv = osvQuery(pkg, distro.ecosystem);
        out.push(c);
    }
    return out;
}
class ImagePackageReader {
    client;
    limits;
    memory = new Map();
    constructor(client, limits = DEFAULT_IMAGE_LIMITS) {
        this.client = client;
        this.limits = limits;
    }
    /**
     * The packages of the image `registry/repository@digest`. `check` verifies an SBOM bundle against
     * the trusted signers (undefined: no signer is trusted, so SBOM attestations are not used).
     * Throws LayerRefused / RegistryMisbehaviour when the image is not what an honest one is, and
     * LayerUnreadable when it is beyond this reader's budgets.
     */
    async read(registry, repository, digest, check) {
        const key = `${registry}/${repository}@${digest}`;
        const hit = this.memory.get(key);
        if (hit)
            return hit;
        let manifest = await this.client.getManifest(registry, repository, digest);
        const subjects = [digest];
        if (manifest.manifest.manifests) {
            const platform = pickPlatform(manifest);
            if (!platform) {
                const none = {
                    manifestDigest: digest,
                    source: 'none',
                    components: [],
                    notes: ['the image index names no Linux platform'],
                };
                this.memory.set(key, none);
                return none;
            }
            manifest = await this.client.getManifest(registry, repository, platform.digest);
            subjects.push(platform.digest);
        }
        let contents;
        if (check) {
            for (const s of subjects) {
                contents = await this.fromSbomAttestation(registry, repository, s, manifest.digest, check);
                if (contents)
                    break;
            }
        }
        contents ??= await this.fromLayers(registry, repository, manifest);
        this.memory.set(key, contents);
        return contents;
    }
    async fromSbomAttestation(registry, repository, subject, manifestDigest, check) {
        const referrers = await this.client.referrers(registry, repository, subject, MEDIA.sigstoreBundle);
        for (const d of referrers.slice(0, 16)) {
            const predicate = d.annotations?.['dev.sigstore.bundle.predicateType'];
            if (predicate !== undefined && !SBOM_PREDICATES.has(predicate))
                continue;
            const m = await this.client.getManifest(registry, repository, d.digest);
            if (m.manifest.subject?.digest !== subject) {
                throw new RegistryMisbehaviour(`the registry lists ${d.digest} as a referrer of ${subject}, but it refers to ${m.manifest.subject?.digest ?? 'nothing'}; refused`);
            }
            for (const layer of m.manifest.layers ?? []) {
                if (layer.mediaType !== MEDIA.sigstoreBundle)
                    continue;
                if (layer.size > this.limits.sbomBundleBytes)
                    continue;
                const blob = await this.client.getBlob(registry, repository, layer.digest, this.limits.sbomBundleBytes);
                let bundle;
                try {
                    bundle = JSON.parse(blob.toString('utf8'));
                }
                catch {
                    continue;
                }
                const envelope = image_packages_isRecord(bundle) && image_packages_isRecord(bundle.dsseEnvelope) ? bundle.dsseEnvelope : undefined;
                if (!envelope || typeof envelope.payload !== 'string' || envelope.payloadType !== 'application/vnd.in-toto+json')
                    continue;
                let statement;
                try {
                    statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8'));
                }
                catch {
                    continue;
                }
                if (!image_packages_isRecord(statement) || typeof statement.predicateType !== 'string' || !SBOM_PREDICATES.has(statement.predicateType))
                    continue;
                if (!image_packages_isRecord(statement.predicate))
                    continue;
                // Only now, with an SBOM in hand, is the signature checked (the verifier also demands the image as subject).
                const verdict = check(bundle, subject);
                if (!verdict.ok)
                    continue;
                const body = statement.predicate;
                const components = osComponentsOfSbom(body);
                try {
                    for (const p of readSbomContents(body, `the SBOM attestation of ${subject}`).packages) {
                        if (p.ecosystem === 'Docker' || p.ecosystem === 'GitHub Actions' || !p.version)
                            continue;
                        components.push({
                            source: 'sbom-attestation',
                            purl: p.purl,
                            name: p.name,
                            version: p.version,
                            ecosystem: p.ecosystem,
                            osv: { ecosystem: p.ecosystem, name: p.name, version: p.version },
                        });
                    }
                }
                catch {
                    // No language packages in it (an OS-only SBOM): the OS components above are the inventory.
                }
                const notes = components.some((c) => !c.osv) ? ['some SBOM components name no distribution OSV has an ecosystem for'] : [];
                return { manifestDigest, source: 'sbom-attestation', components, notes, sbomSigner: verdict.signer };
            }
        }
        return undefined;
    }
    async fromLayers(registry, repository, manifest) {
        const started = Date.now();
        const layers = manifest.manifest.layers ?? [];
        if (layers.length > this.limits.maxLayers) {
            throw new LayerUnreadable(`the image ${manifest.digest} has ${layers.length} layers, over the limit of ${this.limits.maxLayers}; refused`);
        }
        const files = new ImageFiles();
        for (const [i, layer] of layers.entries()) {
            const what = `layer ${i + 1} (${layer.digest.slice(0, 19)}…) of ${registry}/${repository}@${manifest.digest.slice(0, 19)}…`;
            if (!LAYER_TYPES.has(layer.mediaType)) {
                throw new LayerUnreadable(`${what} has the media type ${layer.mediaType}, not a tar layer this scanner reads; refused`);
            }
            if (!Number.isSafeInteger(layer.size) || layer.size > this.limits.compressedLayerBytes) {
                throw new LayerUnreadable(`${what} is ${layer.size} bytes, over the limit of ${this.limits.compressedLayerBytes}; refused`);
            }
            // getBlob checks the digest over the bytes before anything is decompressed.
            const blob = await this.client.getBlob(registry, repository, layer.digest, this.limits.compressedLayerBytes);
            await applyLayer(files, decompressLayer(blob, what), what, this.limits);
        }
        const stats = { layers: files.layers, entries: files.entries, bytes: files.bytes, ms: 0 };
        const where = `${registry}/${repository}@${manifest.digest}`;
        const osReleaseText = OS_RELEASE_PATHS.map((p) => files.file(p)).find((b) => b !== undefined);
        const distro = osReleaseText ? distroOf(parseOsRelease(osReleaseText.toString('utf8'))) : undefined;
        const notes = [];
        let source = 'none';
        let found = [];
        const status = files.file(DPKG_STATUS);
        const statusD = files.list(DPKG_STATUS_DIR).filter((p) => !p.endsWith('.md5sums'));
        const apk = files.file(APK_INSTALLED);
        const rpm = RPM_SQLITE_PATHS.map((p) => files.file(p)).find((b) => b !== undefined);
        if (status || statusD.length > 0) {
            source = 'dpkg';
            if (status)
                found.push(...parseDpkgStatus(status.toString('utf8'), `/${DPKG_STATUS} of ${where}`));
            for (const f of statusD)
                found.push(...parseDpkgStatus((files.file(f) ?? Buffer.alloc(0)).toString('utf8'), `/${f} of ${where}`));
        }
        if (apk) {
            source = source === 'none' ? 'apk' : source;
            found.push(...parseApkInstalled(apk.toString('utf8'), `/${APK_INSTALLED} of ${where}`));
        }
        if (rpm) {
            source = source === 'none' ? 'rpm' : source;
            found.push(...(await parseRpmSqlite(rpm, `the rpm database of ${where}`)));
        }
        else if (RPM_OTHER_PATHS.some((p) => files.has(p))) {
            notes.push('the rpm database is BerkeleyDB or ndb (rpm < 4.16, SUSE), which this scanner does not read; its packages are not listed');
        }
        if (found.length > 0 && !distro)
            notes.push('the image has no /etc/os-release: its packages cannot be matched against OSV');
        else if (found.length > 0 && distro?.unmatched)
            notes.push(`${distro.unmatched}: its packages are listed, not matched`);
        // The same package twice (status and status.d): once.
        const seen = new Set();
        found = found.filter((p) => {
            const k = `${p.manager} ${p.name} ${p.version} ${p.arch ?? ''}`;
            if (seen.has(k))
                return false;
            seen.add(k);
            return true;
        });
        const d = distro ?? { id: '' };
        const components = found.map((p) => {
            const c = { source: p.manager, purl: osPackagePurl(p, d), name: p.name, version: p.version, manager: p.manager };
            if (d.ecosystem)
                c.osv = osvQuery(p, d.ecosystem);
            return c;
        });
        stats.ms = Date.now() - started;
        const out = { manifestDigest: manifest.digest, source, components, notes, stats };
        if (distro?.prettyName ?? distro?.id)
            out.distro = distro.prettyName ?? distro.id;
        if (d.ecosystem)
            out.ecosystem = d.ecosystem;
        return out;
    }
}
const ECOSYSTEM_OF_MANAGER = { dpkg: 'Debian', apk: 'Alpine', rpm: 'Red Hat' };
/** The image's components as packages of the scan: named under the image, found at its FROM line. */
function imageComponentPackages(image, digest, contents) {
    return contents.components.map((c) => {
        const base = c.osv?.ecosystem.split(':')[0];
        const p = {
            // Listed under its distribution's ecosystem, or its manager's when OSV knows no ecosystem for it.
            ecosystem: (c.ecosystem ?? base ?? ECOSYSTEM_OF_MANAGER[c.manager ?? 'dpkg']),
            name: c.name,
            version: c.version,
            purl: c.purl,
            groups: [],
            direct: false,
            sourceFile: image.sourceFile,
            image: {
                reference: image.reference ?? image.name,
                digest,
                imagePurl: image.purl,
                source: c.source,
                ...(contents.distro ? { distro: contents.distro } : {}),
                ...(c.osv ? { osv: c.osv } : {}),
            },
        };
        if (image.line !== undefined)
            p.line = image.line;
        return p;
    });
}
/** A one-line reason, for findings. */
function imageReadError(e) {
    return { message: (0,dist/* errorMessage */.gJ)(e), refused: e instanceof LayerRefused || e instanceof RegistryMisbehaviour };
}

;// CONCATENATED MODULE: ../packages/materials/dist/oci/image-validation.js
/**
 * Validated base images: every image the materials stage found is resolved to its digest in its
 * registry, and a signature by a signer the policy trusts for that registry is looked for where
 * Sigstore clients put one:
 *   - a Sigstore bundle referrer (artifactType `application/vnd.dev.sigstore.bundle.v0.3+json`), found
 *     through the OCI 1.1 referrers API or the referrers tag schema; its DSSE statement must name the
 *     image's manifest digest as a subject;
 *   - cosign's signature tag (`sha256-HEX.sig`): simple-signing payloads whose
 *     `critical.image.docker-manifest-digest` is the image, with a key signature (key trust only).
 * The bundle verification itself is injected (the verify package's verifier): stage packages depend
 * on core only. An image without a valid signature is a `materials/image-unvalidated` finding,
 * blocking under `materials.images.validated: required`; a registry that lies (a manifest or a
 * referrer for another digest) is always blocking. Verdicts are cached by digest and trust.
 */






/** The image caches are rebuilt when larger than this (or unreadable): never trusted, never a hang. */
const CACHE_MAX_BYTES = 64 * 1024 * 1024;
const IMAGE_UNVALIDATED = 'materials/image-unvalidated'; // RULE.imageUnvalidated in scan/rules.ts
const IMAGE_UNSCANNED = 'materials/image-unscanned'; // RULE.imageUnscanned in scan/rules.ts
/** Referrers looked at per image, and the largest bundle read. */
const MAX_REFERRERS = 16;
const MAX_BUNDLE_BYTES = 1024 * 1024;
/** Reads a trust entry's key: PEM text as is, else a file relative to the policy file. */
function resolveTrust(t, policyFile) {
    const out = { registry: t.registry.replace(/\/+$/, '') };
    if (t.identity)
        out.identity = t.identity;
    if (t.issuer)
        out.issuer = t.issuer;
    if (t.key) {
        if (t.key.includes('-----BEGIN'))
            out.keyPem = t.key;
        else {
            const file = (0,external_node_path_.isAbsolute)(t.key) ? t.key : (0,external_node_path_.resolve)(policyFile ? (0,external_node_path_.dirname)(policyFile) : '.', t.key);
            out.keyPem = (0,dist/* readTextFileSync */.F3)(file, {
                ...dist/* OPERATOR_FILE */.ec,
                maxBytes: 64 * 1024,
                what: `public key file of materials.images.trust (for ${t.registry})`,
                hint: 'give a PEM public key, or a path relative to the policy file',
            });
        }
    }
    return out;
}
function trustFor(ref, trust) {
    const loc = imageLocation(ref);
    return trust.filter((t) => loc === t.registry || loc.startsWith(`${t.registry}/`));
}
function trustKey(trust) {
    return (0,dist/* sha256Hex */.fg)(JSON.stringify(trust.map((t) => [t.registry, t.identity ?? '', t.issuer ?? '', t.keyPem ?? ''])));
}
class ImageValidator {
    options;
    memory = new Map();
    trust;
    fileCache;
    contentsCache;
    reader;
    constructor(options) {
        this.options = options;
        this.trust = options.images.trust.map((t) => resolveTrust(t, options.policyFile));
        this.reader = new ImagePackageReader(options.client, { ...DEFAULT_IMAGE_LIMITS, ...options.layerLimits });
    }
    /** The verdict for one image reference; registry failures are reasons, lies are `refused`. */
    async validate(reference) {
        const ref = parseImageRef(reference);
        if (!ref)
            return { image: reference, validated: false, status: 'unresolved', reasons: ['the reference is not an image reference'] };
        const image = imageLocation(ref);
        const trusted = trustFor(ref, this.trust);
        if (trusted.length === 0) {
            return {
                image,
                validated: false,
                status: 'untrusted',
                reasons: [`no signer is trusted for ${ref.registry} (materials.images.trust)`],
            };
        }
        let digest;
        try {
            digest = (await this.options.client.getManifest(ref.registry, ref.repository, ref.digest ?? ref.tag ?? 'latest')).digest;
        }
        catch (e) {
            const refused = e instanceof RegistryMisbehaviour;
            return { image, validated: false, status: refused ? 'refused' : 'unreachable', reasons: [(0,dist/* errorMessage */.gJ)(e)], refused };
        }
        const key = `${image}@${digest} ${trustKey(trusted)}`;
        // A verdict cached before verdicts had a status is checked again.
        const cached = this.memory.get(key) ?? this.readFileCache()[key];
        if (cached?.status)
            return cached;
        let verdict;
        try {
            verdict = await this.check(ref, image, digest, trusted);
        }
        catch (e) {
            // Not cached: an unreachable registry may answer next time.
            const refused = e instanceof RegistryMisbehaviour;
            return { image, digest, validated: false, status: refused ? 'refused' : 'unreachable', reasons: [(0,dist/* errorMessage */.gJ)(e)], refused };
        }
        this.memory.set(key, verdict);
        if (this.options.cacheFile && !verdict.refused) {
            this.readFileCache()[key] = verdict;
            await (0,dist/* writeJsonAtomic */.ZJ)(this.options.cacheFile, this.readFileCache());
        }
        return verdict;
    }
    readFileCache() {
        if (this.fileCache)
            return this.fileCache;
        this.fileCache = {};
        const f = this.options.cacheFile;
        if (f && (0,external_node_fs_.existsSync)(f)) {
            try {
                const parsed = JSON.parse((0,dist/* readTextFileSync */.F3)(f, { maxBytes: CACHE_MAX_BYTES, what: 'image cache' }));
                if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
                    this.fileCache = parsed;
            }
            catch {
                // An unreadable cache is rebuilt, never trusted.
            }
        }
        return this.fileCache;
    }
    async check(ref, image, digest, trusted) {
        const { client, verify } = this.options;
        const reasons = [];
        const hex = digest.slice('sha256:'.length);
        const referrers = await client.referrers(ref.registry, ref.repository, digest, MEDIA.sigstoreBundle);
        for (const d of referrers.slice(0, MAX_REFERRERS)) {
            const m = await client.getManifest(ref.registry, ref.repository, d.digest);
            if (m.manifest.subject?.digest !== digest) {
                return {
                    image,
                    digest,
                    validated: false,
                    status: 'refused',
                    refused: true,
                    reasons: [
                        `the registry lists ${d.digest} as a referrer of ${digest}, but it refers to ${m.manifest.subject?.digest ?? 'nothing'}; refused`,
                    ],
                };
            }
            for (const layer of m.manifest.layers ?? []) {
                if (layer.mediaType !== MEDIA.sigstoreBundle)
                    continue;
                const blob = await client.getBlob(ref.registry, ref.repository, layer.digest, MAX_BUNDLE_BYTES);
                let bundle;
                try {
                    bundle = JSON.parse(blob.toString('utf8'));
                }
                catch {
                    reasons.push(`the bundle ${layer.digest} is not JSON`);
                    continue;
                }
                for (const t of trusted) {
                    const v = verify(bundle, { kind: 'digest', sha256: hex }, true, t);
                    if (v.ok)
                        return { image, digest, validated: true, status: 'verified', signer: v.signer, bundle: layer.digest, reasons: [] };
                    reasons.push(`bundle ${layer.digest.slice(0, 19)}… vs ${t.identity ?? 'the key'} of ${t.registry}: ${v.reason}`);
                }
            }
        }
        // cosign's signature tag: simple-signing payloads with the signature in an annotation.
        const sig = await client.findManifest(ref.registry, ref.repository, `sha256-${hex}.sig`);
        for (const layer of (sig?.manifest.layers ?? []).slice(0, MAX_REFERRERS)) {
            const signature = layer.annotations?.['dev.cosignproject.cosign/signature'];
            if (layer.mediaType !== MEDIA.cosignSimpleSigning || !signature)
                continue;
            const payload = await client.getBlob(ref.registry, ref.repository, layer.digest, MAX_BUNDLE_BYTES);
            let named;
            try {
                named = JSON.parse(payload.toString('utf8')).critical?.image?.['docker-manifest-digest'];
            }
            catch {
                named = undefined;
            }
            if (named !== digest) {
                reasons.push(`the cosign signature ${layer.digest.slice(0, 19)}… signs ${typeof named === 'string' ? named : 'no image'}, not ${digest}`);
                continue;
            }
            // As a Sigstore message-signature bundle (v0.3) over the payload, so the one verifier checks it.
            for (const t of trusted) {
                if (!t.keyPem) {
                    reasons.push(`cosign signature tags are checked with keys only; ${t.registry} trusts an identity (sign with a bundle referrer)`);
                    continue;
                }
                const bundle = {
                    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
                    verificationMaterial: { publicKey: { hint: '' }, tlogEntries: [], timestampVerificationData: { rfc3161Timestamps: [] } },
                    messageSignature: {
                        messageDigest: { algorithm: 'SHA2_256', digest: Buffer.from((0,dist/* sha256Hex */.fg)(payload), 'hex').toString('base64') },
                        signature,
                    },
                };
                const v = verify(bundle, { kind: 'bytes', data: payload }, false, t);
                if (v.ok)
                    return { image, digest, validated: true, status: 'verified', signer: v.signer, bundle: layer.digest, reasons: [] };
                reasons.push(`cosign signature ${layer.digest.slice(0, 19)}… vs the key of ${t.registry}: ${v.reason}`);
            }
        }
        // Signatures were found (each left a reason) but none by a trusted signer: untrusted; none at all: unsigned.
        if (reasons.length > 0)
            return { image, digest, validated: false, status: 'untrusted', reasons };
        return {
            image,
            digest,
            validated: false,
            status: 'unsigned',
            reasons: [`no Sigstore bundle referrer and no cosign signature for ${digest}`],
        };
    }
    /** The package cache beside the verdict cache (`image-cache.json` → `image-cache.packages.json`). */
    contentsFile() {
        const f = this.options.cacheFile;
        return f ? `${f.replace(/\.json$/, '')}.packages.json` : undefined;
    }
    readContentsCache() {
        if (this.contentsCache)
            return this.contentsCache;
        this.contentsCache = {};
        const f = this.contentsFile();
        if (f && (0,external_node_fs_.existsSync)(f)) {
            try {
                const parsed = JSON.parse((0,dist/* readTextFileSync */.F3)(f, { maxBytes: CACHE_MAX_BYTES, what: 'image cache' }));
                if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
                    this.contentsCache = parsed;
            }
            catch {
                // An unreadable cache is rebuilt, never trusted.
            }
        }
        return this.contentsCache;
    }
    /**
     * The packages inside each image the validation contacts (those with a trusted signer for their
     * registry): its signed SBOM attestation, else its OS package database read from its layers.
     * Cached by digest and trust. A layer refused (traversal, a linked database, a size limit), a
     * registry that lied or could not be read is a blocking `materials/image-unscanned` finding: an
     * image whose packages are unknown is not a clean image.
     */
    async contents(packages) {
        const out = { packages: [], findings: [], summaries: [] };
        const done = new Map();
        for (const p of packages) {
            if (p.ecosystem !== 'Docker')
                continue;
            const reference = p.reference ?? p.name;
            const ref = parseImageRef(reference);
            if (!ref)
                continue;
            const trusted = trustFor(ref, this.trust);
            if (trusted.length === 0)
                continue; // not contacted: materials/image-unvalidated says why
            const verdict = await this.validate(reference);
            if (!verdict.digest)
                continue; // unresolved: the validation finding says why
            const digest = verdict.digest;
            const key = `${imageLocation(ref)}@${digest} ${trustKey(trusted)}`;
            let result = done.get(key);
            if (!result) {
                const cached = this.readContentsCache()[key];
                if (cached)
                    result = { contents: cached, cached: true };
                else {
                    try {
                        const check = (bundle, subject) => {
                            let last = 'no trusted signer';
                            for (const t of trusted) {
                                const v = this.options.verify(bundle, { kind: 'digest', sha256: subject.slice('sha256:'.length) }, true, t);
                                if (v.ok)
                                    return v;
                                last = v.reason;
                            }
                            return { ok: false, reason: last };
                        };
                        const contents = await this.reader.read(ref.registry, ref.repository, digest, check);
                        result = { contents };
                        const file = this.contentsFile();
                        if (file) {
                            this.readContentsCache()[key] = contents;
                            await (0,dist/* writeJsonAtomic */.ZJ)(file, this.readContentsCache());
                        }
                    }
                    catch (e) {
                        result = { error: imageReadError(e) };
                    }
                }
                done.set(key, result);
                const c = result.contents;
                if (c) {
                    const stats = c.stats && !result.cached ? ` in ${c.stats.ms} ms (${c.stats.layers} layer(s), ${c.stats.entries} tar entries)` : ' (cached)';
                    out.summaries.push(`${reference}: ${c.components.length} package(s) from ${c.source === 'sbom-attestation' ? `its SBOM attestation signed by ${c.sbomSigner ?? '?'}` : c.source === 'none' ? 'no package database' : `its ${c.source} database`}${c.distro ? ` (${c.distro}${c.ecosystem ? `, OSV ${c.ecosystem}` : ''})` : ''}${stats}`);
                }
            }
            const w = this.options.waivers;
            const finding = (message, blocking, refused) => {
                const f = {
                    rule: IMAGE_UNSCANNED,
                    severity: 'high',
                    message,
                    help: refused
                        ? 'the image is not what an honest build writes (a layer that climbs out of the root, a linked or oversized database, a registry that lied); do not build on it'
                        : 'use an image whose package database can be read, attach a signed SBOM attestation to it, or waive materials/image-unscanned for this image with an expiry',
                    file: p.sourceFile,
                    blocking,
                    properties: { image: imageLocation(ref), digest, ...(refused ? { refused: true } : {}) },
                };
                if (p.line !== undefined)
                    f.line = p.line;
                const waiver = w && !refused ? (0,dist/* findWaiver */.Gl)(w.exceptions, { rule: IMAGE_UNSCANNED, package: p }, w.now, w.maxDays).active?.exception : undefined;
                if (waiver) {
                    f.waived = { reason: waiver.reason, approver: waiver.approver, expires: waiver.expires };
                    f.blocking = false;
                }
                out.findings.push(f);
            };
            if (result.error) {
                finding(`the packages of ${reference} could not be read: ${result.error.message}`, true, result.error.refused);
                continue;
            }
            const contents = result.contents;
            for (const note of contents.notes)
                finding(`${reference}: ${note}`, false, false);
            out.packages.push(...imageComponentPackages(p, digest, contents));
        }
        return out;
    }
    /**
     * The verdict of every image package of a scan, by purl: what the SBOM records for the gate
     * (materials.images.validated: required refuses an artefact whose signed SBOM names an image
     * without `verified`).
     */
    async records(packages) {
        const out = new Map();
        for (const p of packages) {
            if (p.ecosystem !== 'Docker' || p.image || out.has(p.purl))
                continue;
            const v = await this.validate(p.reference ?? p.name);
            const r = { verdict: v.status };
            if (v.digest)
                r.digest = v.digest;
            if (v.signer)
                r.signer = v.signer;
            if (v.bundle)
                r.bundle = v.bundle;
            out.set(p.purl, r);
        }
        return out;
    }
    /** `materials/image-unvalidated` findings for the image packages of a scan (other packages are skipped). */
    async findings(packages) {
        const out = [];
        const required = this.options.images.validated === 'required';
        for (const p of packages) {
            if (p.ecosystem !== 'Docker')
                continue;
            const reference = p.reference ?? p.name;
            if (!parseImageRef(reference))
                continue; // materials/image-unresolved says so already
            const v = await this.validate(reference);
            if (v.validated)
                continue;
            const f = {
                rule: IMAGE_UNVALIDATED,
                severity: 'high',
                message: `${reference} has no valid signature by a signer the policy trusts: ${v.reasons.slice(0, 3).join('; ')}`,
                help: v.refused
                    ? 'the registry misbehaved (content for another digest, an auth loop or a plain-HTTP redirect); do not build on it and check the registry or the proxy in between'
                    : 'use a base image signed by a trusted signer, or list its signer under materials.images.trust',
                file: p.sourceFile,
                blocking: required || v.refused === true,
                properties: { image: v.image, ...(v.digest ? { digest: v.digest } : {}), ...(v.refused ? { refused: true } : {}) },
            };
            if (p.line !== undefined)
                f.line = p.line;
            const w = this.options.waivers;
            // A registry that lied is never waived: the image is not what its reference says.
            const waiver = w && !v.refused ? (0,dist/* findWaiver */.Gl)(w.exceptions, { rule: IMAGE_UNVALIDATED, package: p }, w.now, w.maxDays).active?.exception : undefined;
            if (waiver) {
                f.waived = { reason: waiver.reason, approver: waiver.approver, expires: waiver.expires };
                f.blocking = false;
            }
            out.push(f);
        }
        return out;
    }
}

;// CONCATENATED MODULE: ../packages/materials/dist/oci/oci-layout.js
/**
 * OCI image layouts (image-spec v1.1, "OCI Image Layout Specification"): a folder with `oci-layout`
 * (`{"imageLayoutVersion": "1.0.0"}`), `index.json` (an image index) and `blobs/sha256/<hex>`, as
 * buildah, umoci, skopeo, BuildKit's `type=oci` exporter or a project's own script write them without a
 * daemon. The image such a folder holds is named by the digest of its manifest (or of its index, for a
 * multi-platform image): that digest, not the digests of the blob files, is the artefact's subject.
 *
 * Every manifest and index is read (through core readRegularFile: regular files inside the layout,
 * bounded) and must hash to the digest that names it; config and layer blobs are only listed here and
 * are hashed when they are pushed (the registry checks them again). Only sha256 blobs are supported.
 */




const oci_layout_DIGEST = /^sha256:[0-9a-f]{64}$/;
const oci_layout_TAG = /^[\w][\w.-]{0,127}$/;
const REF_NAME = 'org.opencontainers.image.ref.name';
/** Nested indexes followed at most this deep, and blobs listed at most this many. */
const oci_layout_MAX_DEPTH = 4;
const MAX_BLOBS = 10_000;
/** A blob is uploaded in one request from memory: larger layers are refused with a pointer to skopeo. */
const MAX_LAYOUT_BLOB_BYTES = 1024 * 1024 * 1024;
function layoutError(dir, message, hint) {
    return new dist/* ConfigurationError */.j1(`the OCI layout ${dir}: ${message}`, {
        hint: hint ?? 'an OCI image layout holds oci-layout, index.json and blobs/sha256/ (buildah push … oci:DIR, skopeo copy … oci:DIR, umoci)',
    });
}
function parseJson(bytes, dir, what) {
    try {
        return JSON.parse(bytes.toString('utf8'));
    }
    catch {
        throw layoutError(dir, `${what} is not JSON`);
    }
}
function checkDescriptor(d, dir, where) {
    const desc = d;
    if (typeof desc !== 'object' || desc === null || typeof desc.digest !== 'string' || typeof desc.mediaType !== 'string')
        throw layoutError(dir, `${where} is not a descriptor (mediaType, digest, size)`);
    if (!oci_layout_DIGEST.test(desc.digest)) {
        throw layoutError(dir, `${where} names the digest ${JSON.stringify(desc.digest.slice(0, 80))}; only sha256:<64 hex> is supported`);
    }
    if (typeof desc.size !== 'number' || !Number.isSafeInteger(desc.size) || desc.size < 0)
        throw layoutError(dir, `${where} (${desc.digest}) has no valid size`);
    return desc;
}
/**
 * Reads the layout in `dir`. `index.json` must list exactly one image, or `ref` picks one by its
 * `org.opencontainers.image.ref.name`.
 */
async function readOciLayout(dir, ref) {
    let root;
    try {
        root = await (0,promises_.realpath)(dir);
        if (!(await (0,promises_.lstat)(root)).isDirectory())
            throw new Error('not a folder');
    }
    catch {
        throw layoutError(dir, 'is not a folder');
    }
    const read = (name, maxBytes, what) => (0,dist/* readRegularFile */.XF)(external_node_path_.join(root, name), { maxBytes, within: root, what });
    const marker = parseJson(await read('oci-layout', 4096, 'the oci-layout file'), dir, 'oci-layout');
    if (marker?.imageLayoutVersion !== '1.0.0') {
        throw layoutError(dir, `oci-layout says imageLayoutVersion ${JSON.stringify(marker?.imageLayoutVersion ?? null)}; 1.0.0 is supported`);
    }
    const index = parseJson(await read('index.json', MAX_MANIFEST_BYTES, 'the index.json file'), dir, 'index.json');
    if (index?.schemaVersion !== 2 || !Array.isArray(index.manifests))
        throw layoutError(dir, 'index.json is not an image index (schemaVersion 2, manifests)');
    const entries = index.manifests.map((d, i) => checkDescriptor(d, dir, `index.json manifests[${i}]`));
    const named = (d) => d.annotations?.[REF_NAME];
    let image;
    if (ref !== undefined) {
        image = entries.find((d) => named(d) === ref);
        if (!image)
            throw layoutError(dir, `index.json has no image named ${JSON.stringify(ref)} (${REF_NAME}); it names ${entries.map((d) => JSON.stringify(named(d) ?? '(none)')).join(', ') || 'nothing'}`);
    }
    else if (entries.length === 1) {
        image = entries[0];
    }
    else {
        throw layoutError(dir, entries.length === 0 ? 'index.json lists no image' : `index.json lists ${entries.length} images; the subject must be one image`, 'write one image into the layout (a multi-platform image is one index), or name the image by its ref name');
    }
    if (!image)
        throw layoutError(dir, 'index.json lists no image');
    const blobs = new Map();
    const manifests = [];
    const seen = new Set();
    const blobFile = (d) => external_node_path_.join(root, 'blobs', 'sha256', d.digest.slice(7));
    const visit = async (d, where, depth) => {
        if (seen.has(d.digest))
            return;
        seen.add(d.digest);
        if (depth > oci_layout_MAX_DEPTH)
            throw layoutError(dir, `indexes nest deeper than ${oci_layout_MAX_DEPTH} levels`);
        if (![MEDIA.ociManifest, MEDIA.ociIndex, MEDIA.dockerManifest, MEDIA.dockerList].includes(d.mediaType)) {
            throw layoutError(dir, `${where} (${d.digest}) is a ${d.mediaType}, not an image manifest or index`);
        }
        if (d.size > MAX_MANIFEST_BYTES)
            throw layoutError(dir, `${where} (${d.digest}) is larger than ${MAX_MANIFEST_BYTES} bytes`);
        const file = blobFile(d);
        const bytes = await (0,dist/* readRegularFile */.XF)(file, { maxBytes: MAX_MANIFEST_BYTES, within: root, what: `the manifest blob ${d.digest}` });
        const actual = `sha256:${(0,dist/* sha256Hex */.fg)(bytes)}`;
        if (actual !== d.digest || bytes.length !== d.size) {
            throw layoutError(dir, `the blob ${d.digest} (${where}) holds ${bytes.length} bytes with the digest ${actual}; the layout is corrupt or was altered`);
        }
        const m = parseJson(bytes, dir, `the manifest ${d.digest}`);
        if (m?.schemaVersion !== 2)
            throw layoutError(dir, `the manifest ${d.digest} is not schemaVersion 2`);
        const children = [];
        if (Array.isArray(m.manifests))
            m.manifests.forEach((c, i) => children.push([checkDescriptor(c, dir, `${d.digest} manifests[${i}]`), 'a manifest']));
        for (const [child, what] of children)
            await visit(child, `${what} of ${d.digest}`, depth + 1);
        const own = [];
        if (m.config !== undefined)
            own.push(checkDescriptor(m.config, dir, `the config of ${d.digest}`));
        if (Array.isArray(m.layers))
            m.layers.forEach((l, i) => own.push(checkDescriptor(l, dir, `${d.digest} layers[${i}]`)));
        for (const b of own) {
            if (!blobs.has(b.digest))
                blobs.set(b.digest, { digest: b.digest, size: b.size, mediaType: b.mediaType, file: blobFile(b) });
            if (blobs.size > MAX_BLOBS)
                throw layoutError(dir, `the image has more than ${MAX_BLOBS} blobs`);
        }
        manifests.push({ digest: d.digest, size: d.size, mediaType: d.mediaType, file, bytes });
    };
    await visit(image, 'the image index.json names', 0);
    const layout = {
        dir: root,
        image: { mediaType: image.mediaType, digest: image.digest, size: image.size },
        blobs: [...blobs.values()],
        manifests,
    };
    const tag = named(image);
    if (tag !== undefined && oci_layout_TAG.test(tag))
        layout.tag = tag;
    return layout;
}
/** The bytes of a config or layer blob, checked against its digest and size as it is read. */
async function readLayoutBlob(layout, blob) {
    if (blob.size > MAX_LAYOUT_BLOB_BYTES) {
        throw layoutError(layout.dir, `the blob ${blob.digest} is ${blob.size} bytes, more than the ${MAX_LAYOUT_BLOB_BYTES} this push uploads`, 'push the image with skopeo copy oci:DIR docker://REGISTRY/NAME first; attest then pushes only the attestations');
    }
    const bytes = await (0,dist/* readRegularFile */.XF)(blob.file, { maxBytes: blob.size, within: layout.dir, what: `the blob ${blob.digest}` });
    const actual = `sha256:${(0,dist/* sha256Hex */.fg)(bytes)}`;
    if (actual !== blob.digest || bytes.length !== blob.size) {
        throw layoutError(layout.dir, `the blob ${blob.digest} holds ${bytes.length} bytes with the digest ${actual}; the layout is corrupt or was altered`);
    }
    return bytes;
}

;// CONCATENATED MODULE: ../packages/materials/dist/oci/image-push.js
/**
 * Pushing images and their attestations with the one registry client:
 *   - an OCI image layout is pushed blobs first (those the registry lacks), then its manifests by digest,
 *     children before the index that lists them, and the image under its layout tag when it has one;
 *   - a Sigstore bundle is attached as an OCI 1.1 referrer of the image manifest, in the shape
 *     actions/attest and cosign (`--new-bundle-format`, through @sigstore/oci) give it: an OCI image
 *     manifest with `artifactType` and the one layer `application/vnd.dev.sigstore.bundle.v0.3+json`,
 *     the empty config `application/vnd.oci.empty.v1+json` (`{}`), `subject` the image's descriptor and
 *     the annotations the caller gives. A registry without the referrers API (distribution 2.x, e.g.
 *     Debian's docker-registry 2.8) gets the referrers tag schema: the `sha256-<hex>` index tag lists it.
 * `createImageRegistry` packages this as the attest package's `ImageRegistry` interface.
 */




const EMPTY_CONFIG = Buffer.from('{}');
/**
 * A fully-qualified image name for push-to-registry: `registry/name`, with no tag or digest (the
 * digest is the subject's). A name without a registry host is refused rather than sent to Docker Hub.
 */
function pushImageName(name) {
    const ref = parseImageRef(name);
    const fix = { hint: 'name the image as registry/name, e.g. ghcr.io/acme/app (the digest goes in subject-digest)' };
    if (!ref)
        throw new dist/* ConfigurationError */.j1(`"${name}" is not an image name`, fix);
    if (ref.tag !== undefined || ref.digest !== undefined)
        throw new dist/* ConfigurationError */.j1(`the image name "${name}" carries a ${ref.digest !== undefined ? 'digest' : 'tag'}`, fix);
    const first = name
        .trim()
        .replace(/^docker:\/\//, '')
        .split('/')[0] ?? '';
    if (ref.registry === DEFAULT_REGISTRY && first !== 'docker.io' && first !== 'index.docker.io')
        throw new dist/* ConfigurationError */.j1(`the image name "${name}" names no registry`, fix);
    return { registry: ref.registry, repository: ref.repository };
}
/** Pushes an OCI layout's image: missing blobs, then manifests by digest, then its tag. */
async function pushOciLayout(client, image, layout) {
    let uploaded = 0;
    let present = 0;
    for (const blob of layout.blobs) {
        if (await client.hasBlob(image.registry, image.repository, blob.digest)) {
            present++;
            continue;
        }
        const pushed = await client.putBlob(image.registry, image.repository, await readLayoutBlob(layout, blob));
        if (pushed !== blob.digest)
            throw new RegistryError(`the blob ${blob.digest} was pushed as ${pushed}`);
        uploaded++;
    }
    for (const m of layout.manifests)
        await client.putManifest(image.registry, image.repository, m.digest, m.bytes, m.mediaType);
    const top = layout.manifests[layout.manifests.length - 1];
    if (layout.tag && top)
        await client.putManifest(image.registry, image.repository, layout.tag, top.bytes, top.mediaType);
    return { uploaded, present };
}
/** The image's descriptor as the registry serves it; an image that is not there is an error naming it. */
async function imageDescriptor(client, image, digest) {
    const m = await client.findManifest(image.registry, image.repository, digest);
    if (!m) {
        throw new dist/* ConfigurationError */.j1(`the image ${image.registry}/${image.repository}@${digest} is not in the registry`, {
            hint: 'push the image before attesting it (docker push, skopeo copy), or give its OCI layout (subject-oci-layout) to push it here',
        });
    }
    return { mediaType: m.mediaType || MEDIA.ociManifest, digest: m.digest, size: m.bytes.length };
}
/** Attaches one Sigstore bundle to an image as an OCI 1.1 referrer (the tag schema where the API is missing). */
async function attachSigstoreBundle(client, image, subject, bundle, annotations) {
    const config = await client.putBlob(image.registry, image.repository, EMPTY_CONFIG);
    return attachWithConfig(client, image, subject, bundle, annotations, config);
}
async function attachWithConfig(client, image, subject, bundle, annotations, config) {
    const layer = await client.putBlob(image.registry, image.repository, bundle);
    return client.putReferrer(image.registry, image.repository, {
        schemaVersion: 2,
        mediaType: MEDIA.ociManifest,
        artifactType: MEDIA.sigstoreBundle,
        config: { mediaType: MEDIA.ociEmpty, digest: config, size: EMPTY_CONFIG.length },
        layers: [{ mediaType: MEDIA.sigstoreBundle, digest: layer, size: bundle.length }],
        subject,
        annotations,
    });
}
/** The attest package's `ImageRegistry`, on this client (structurally the same interface). */
function createImageRegistry(client) {
    const layouts = new Map();
    const subjects = new Map();
    const configs = new Map();
    const read = async (dir) => {
        const known = layouts.get(dir);
        if (known)
            return known;
        const layout = await readOciLayout(dir);
        layouts.set(dir, layout);
        return layout;
    };
    return {
        async readLayout(dir) {
            return { digest: (await read(dir)).image.digest };
        },
        async prepare(image) {
            const name = pushImageName(image.name);
            if (image.layoutDir !== undefined) {
                const layout = await read(image.layoutDir);
                if (layout.image.digest !== image.digest)
                    throw new dist/* ConfigurationError */.j1(`the OCI layout ${image.layoutDir} holds ${layout.image.digest}, not ${image.digest}`);
                await pushOciLayout(client, name, layout);
            }
            subjects.set(`${image.name}@${image.digest}`, await imageDescriptor(client, name, image.digest));
        },
        async attachBundle(image, bundle, annotations) {
            const name = pushImageName(image.name);
            const subject = subjects.get(`${image.name}@${image.digest}`) ?? (await imageDescriptor(client, name, image.digest));
            // The empty config is the same blob for every referrer: uploaded once per repository.
            const repo = `${name.registry}/${name.repository}`;
            let config = configs.get(repo);
            if (!config) {
                config = await client.putBlob(name.registry, name.repository, EMPTY_CONFIG);
                configs.set(repo, config);
            }
            return attachWithConfig(client, name, subject, bundle, annotations, config);
        },
    };
}

;// CONCATENATED MODULE: ../packages/materials/dist/index.js






























/***/ })

};
