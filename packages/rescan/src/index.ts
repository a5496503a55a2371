export * from './remediation.js';
export * from './issues.js';
export * from './rescan.js';
export * from './lockfile-update.js';
export * from './fix-pr.js';
export * from './drift.js';
export * from './clock-evidence.js';
export * from './org/index.js';
