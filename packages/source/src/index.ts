export * from './commit-identity.js';
