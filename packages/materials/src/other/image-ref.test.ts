import { imagePackage, parseImageRef } from './image-ref.js';

describe('parseImageRef', () => {
  it.each([
    ['node', { registry: 'docker.io', repository: 'library/node' }],
    ['node:20', { registry: 'docker.io', repository: 'library/node', tag: '20' }],
    ['acme/app:1.2', { registry: 'docker.io', repository: 'acme/app', tag: '1.2' }],
    ['ghcr.io/acme/app', { registry: 'ghcr.io', repository: 'acme/app' }],
    ['localhost:5000/app:dev', { registry: 'localhost:5000', repository: 'app', tag: 'dev' }],
    [
      `index.docker.io/library/alpine@sha256:${'a'.repeat(64)}`,
      { registry: 'docker.io', repository: 'library/alpine', digest: `sha256:${'a'.repeat(64)}` },
    ],
    [
      `registry.acme.example/base:1@sha256:${'b'.repeat(64)}`,
      { registry: 'registry.acme.example', repository: 'base', tag: '1', digest: `sha256:${'b'.repeat(64)}` },
    ],
  ])('%s', (ref, expected) => {
    expect(parseImageRef(ref)).toEqual(expected);
  });

  it.each(['', '${BASE}', 'Node:20', 'node:20 extra', 'node@sha256:short', 'a//b'])('refuses %j', (ref) => {
    expect(parseImageRef(ref)).toBeUndefined();
  });

  it('makes docker purls, pinned only by a sha256 digest', () => {
    expect(imagePackage('node:20', 'Dockerfile', 1)).toMatchObject({
      purl: 'pkg:docker/library/node@20',
      pinned: false,
      registry: 'docker.io',
    });
    const pinned = imagePackage(`ghcr.io/acme/app:1@sha256:${'c'.repeat(64)}`, 'k8s.yaml', 3);
    expect(pinned.purl).toBe(`pkg:docker/acme/app@sha256:${'c'.repeat(64)}?repository_url=ghcr.io&tag=1`);
    expect(pinned.pinned).toBe(true);
  });
});
