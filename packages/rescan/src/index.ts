export * from './remediation.js';
export * from './issues.js';
