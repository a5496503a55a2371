export * from './attest.js';
export * from './identity.js';
export * from './key-signer.js';
export * from './publish.js';
export * from './services.js';
export * from './sign.js';
export * from './subjects.js';
export * from './visibility.js';
export type { SerializedBundle } from '@sigstore/bundle';
