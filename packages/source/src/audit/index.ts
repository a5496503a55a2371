export { auditWorkflows, auditWorkflowText, type AuditWorkflowsOptions, type AuditWorkflowsResult } from './audit-workflows.js';
export { WORKFLOW_RULES, INVALID_YAML_RULE } from './rules.js';
export type { Persona } from './model.js';
export { MAX_WORKFLOW_BYTES } from './yaml-source.js';
