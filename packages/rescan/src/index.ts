export * from './remediation.js';
export * from './issues.js';
export * from './rescan.js';
export * from './org/index.js';
