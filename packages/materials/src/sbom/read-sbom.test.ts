/** What an SBOM given to the scan (or found in evidence by the rescan) contributes: every package it lists. */
import { ConfigurationError } from '@secure-factory/core';
import { packagesFromSbom } from './read-sbom.js';

const cdx = (metadataComponent: Record<string, unknown>, components: unknown[] = []): Record<string, unknown> => ({
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  metadata: { component: metadataComponent },
  components,
});

describe('CycloneDX components, wherever the specification lets them be', () => {
  it("reads the subject's own sub-components (metadata.component.components) beside the top-level list", () => {
    const doc = cdx(
      {
        type: 'application',
        name: 'app',
        components: [
          { type: 'library', name: 'lodash', version: '4.17.4', purl: 'pkg:npm/lodash@4.17.4' },
          { type: 'library', name: 'nested', components: [{ type: 'library', name: 'minimist', purl: 'pkg:npm/minimist@0.0.8' }] },
        ],
      },
      [{ type: 'library', name: 'left-pad', purl: 'pkg:npm/left-pad@1.3.0' }],
    );
    expect(
      packagesFromSbom(doc, 'app.cdx.json')
        .map((p) => `${p.name}@${p.version}`)
        .sort(),
    ).toEqual(['left-pad@1.3.0', 'lodash@4.17.4', 'minimist@0.0.8']);
  });

  it('refuses metadata.component.components that is not a list, naming the SBOM', () => {
    expect(() => packagesFromSbom(cdx({ type: 'application', name: 'app', components: {} }), 'app.cdx.json')).toThrow(ConfigurationError);
    expect(() => packagesFromSbom(cdx({ type: 'application', name: 'app', components: {} }), 'app.cdx.json')).toThrow(
      /metadata\.component\.components must be an array/,
    );
  });
});
