/** The hostile-input catalogue: every case, by area (counted against README.md by readme.test.ts). */
import { auditNameCases } from './cases/audit-names.js';
import { celCases } from './cases/cel.js';
import { cliArgumentCases } from './cases/cli-arguments.js';
import { evidenceCases } from './cases/evidence.js';
import { jsonCases } from './cases/json.js';
import { networkCases } from './cases/network.js';
import { networkClientCases } from './cases/network-clients.js';
import { operatorFileCases } from './cases/operator-files.js';
import { outputCases } from './cases/output.js';
import { pathCases } from './cases/paths.js';
import { policyCases } from './cases/policy.js';
import { portfolioFileCases } from './cases/portfolio-files.js';
import { projectFileCases } from './cases/project-files.js';
import { regexCases } from './cases/regex.js';
import { sbomCases } from './cases/sbom-input.js';
import { scannedFileCases } from './cases/scanned-files.js';
import type { HostileCase } from './cases/types.js';

export const CATALOGUE: HostileCase[] = [
  ...outputCases,
  ...jsonCases,
  ...policyCases,
  ...evidenceCases,
  ...scannedFileCases,
  ...projectFileCases,
  ...operatorFileCases,
  ...portfolioFileCases,
  ...pathCases,
  ...sbomCases,
  ...auditNameCases,
  ...cliArgumentCases,
  ...celCases,
  ...regexCases,
  ...networkCases,
  ...networkClientCases,
];
