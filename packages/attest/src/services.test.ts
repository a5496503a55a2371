import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PUBLIC_GOOD, resolveServices } from './services.js';

describe('Sigstore service URLs', () => {
  const write = (config: unknown): string => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sf-sc-')), 'signing_config.json');
    writeFileSync(file, JSON.stringify(config));
    return file;
  };
  it('defaults to the public-good instance', async () => {
    expect(await resolveServices({})).toEqual({
      fulcioUrl: PUBLIC_GOOD.fulcio,
      rekorUrl: PUBLIC_GOOD.rekor,
      rekorMajorVersion: 1,
      tsaUrl: undefined,
    });
  });
  it('picks the newest valid service with an API version it speaks from a v0.2 signing config', async () => {
    const past = '2020-01-01T00:00:00Z';
    const file = write({
      mediaType: 'application/vnd.dev.sigstore.signingconfig.v0.2+json',
      caUrls: [{ url: 'https://fulcio.example', majorApiVersion: 1, validFor: { start: past } }],
      rekorTlogUrls: [
        { url: 'https://old-rekor.example', majorApiVersion: 1, validFor: { start: past, end: '2021-01-01T00:00:00Z' } },
        { url: 'https://rekor.example', majorApiVersion: 1, validFor: { start: '2022-01-01T00:00:00Z' } },
        { url: 'https://rekor-v9.example', majorApiVersion: 9, validFor: { start: '2023-01-01T00:00:00Z' } },
      ],
      tsaUrls: [{ url: 'https://tsa.example/api/v1/timestamp', majorApiVersion: 1, validFor: { start: past } }],
    });
    expect(await resolveServices({ signingConfigFile: file })).toEqual({
      fulcioUrl: 'https://fulcio.example',
      rekorUrl: 'https://rekor.example',
      rekorMajorVersion: 1,
      tsaUrl: 'https://tsa.example/api/v1/timestamp',
    });
  });
  it('explicit inputs override; "" turns the log off; plain http only for a local service', async () => {
    expect((await resolveServices({ rekorUrl: '', tsaUrl: 'http://127.0.0.1:9/tsa' })).rekorUrl).toBeUndefined();
    await expect(resolveServices({ fulcioUrl: 'http://fulcio.example' })).rejects.toThrow(/must use https/);
    await expect(resolveServices({ signingConfigFile: write({ caUrls: [] }) })).rejects.toThrow(/no usable Fulcio/);
  });
});
