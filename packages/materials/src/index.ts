export * from './package.js';
export * from './lockfiles/index.js';
