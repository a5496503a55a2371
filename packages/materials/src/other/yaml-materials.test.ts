import { actionPackage, yamlMaterials } from './yaml-materials.js';

describe('yamlMaterials', () => {
  it('resolves compose variables that have defaults and leaves the others unresolved', () => {
    const got = yamlMaterials(
      'services:\n  a:\n    image: ${REG:-ghcr.io/acme}/app:${TAG:-1.0}\n  b:\n    image: app:${TAG}\n',
      'compose.yaml',
      'compose',
    );
    expect(got.map((p) => [p.reference, p.registry ?? null, p.line])).toEqual([
      ['ghcr.io/acme/app:1.0', 'ghcr.io', 3],
      ['app:${TAG}', null, 5],
    ]);
  });

  it('reads docker:// steps and skips expressions and local actions', () => {
    const wf = 'jobs:\n  a:\n    container: ${{ matrix.image }}\n    steps:\n      - uses: docker://alpine:3\n      - uses: ./x\n';
    expect(yamlMaterials(wf, 'ci.yml', 'workflow').map((p) => [p.ecosystem, p.reference])).toEqual([['Docker', 'alpine:3']]);
  });

  it('treats several documents in one Kubernetes file', () => {
    const k =
      'kind: Pod\nspec: { containers: [ { image: a:1 } ] }\n---\nkind: CronJob\nspec: { jobTemplate: { spec: { template: { spec: { containers: [ { image: b:2 } ] } } } } }\n';
    expect(yamlMaterials(k, 'k.yaml', 'kubernetes').map((p) => p.reference)).toEqual(['a:1', 'b:2']);
  });
});

describe('actionPackage', () => {
  it('pins only by a full commit SHA and keeps the path as purl subpath', () => {
    expect(actionPackage('github/codeql-action/init@v3', 'ci.yml', 1, [])).toMatchObject({
      name: 'github/codeql-action',
      purl: 'pkg:githubactions/github/codeql-action@v3#init',
      pinned: false,
    });
    expect(actionPackage(`actions/checkout@${'a'.repeat(40)}`, 'ci.yml', 1, [])?.pinned).toBe(true);
    expect(actionPackage(`actions/checkout@${'a'.repeat(39)}`, 'ci.yml', 1, [])?.pinned).toBe(false);
  });
});
