export * from './bundle/artifact.js';
export * from './bundle/certificate.js';
export * from './bundle/claims.js';
export * from './bundle/github.js';
export * from './bundle/identity-policy.js';
export * from './bundle/trusted-root.js';
export * from './bundle/verifier.js';
export * from './bundle/slsa-verifier.js';
export { PUBLIC_GOOD_TRUSTED_ROOT_SOURCE } from './trust/public-good-trusted-root.js';
