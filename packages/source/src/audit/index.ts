export {
  auditWorkflows,
  auditWorkflowText,
  CONFIDENCE_RANK,
  type AuditWorkflowsOptions,
  type AuditWorkflowsResult,
  type Suppression,
} from './audit-workflows.js';
export { fixFiles, loadPins, planFixes, applyEdits, unifiedPatch, type FixResult } from './fix.js';
export { WORKFLOW_RULES, INVALID_YAML_RULE, INVALID_STRUCTURE_RULE } from './rules.js';
export type { Confidence, FileKind, Persona } from './model.js';
export { discoverZizmorConfig, loadZizmorConfig, type AuditConfig } from './zizmor-config.js';
export { MAX_WORKFLOW_BYTES } from './yaml-source.js';
export * from './posture.js';
