/** Who we are, as recorded in evidence (scanner uri, verifier id, builder id, SARIF driver). */
export const TOOL_NAME = 'secure-factory';
export const TOOL_VERSION = '0.1.0';
export const TOOL_URI = 'https://github.com/secure-factory/secure-factory';
/** The buildType of our provenance; documented in docs/build-type.md. */
export const BUILD_TYPE = `${TOOL_URI}/build-type/v1`;
