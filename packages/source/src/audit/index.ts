export { auditWorkflows, auditWorkflowText, type AuditWorkflowsOptions, type AuditWorkflowsResult } from './audit-workflows.js';
export { WORKFLOW_RULES, INVALID_YAML_RULE } from './rules.js';
export type { FileKind, Persona } from './model.js';
export { discoverZizmorConfig, loadZizmorConfig, type AuditConfig } from './zizmor-config.js';
export { MAX_WORKFLOW_BYTES } from './yaml-source.js';
