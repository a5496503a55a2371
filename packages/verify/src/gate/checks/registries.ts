/** Registries: container images (from the SBOM and provenance) only from allowed registries, pinned by digest when the policy says so. */
import { imagesIn, registryAllowed } from '../images.js';
import type { Evidence } from '../types.js';
import type { GateCheck } from './context.js';
import { waive } from './waivers.js';

export const registriesCheck: GateCheck = (ctx) => {
  const { used, deploy, policy } = ctx;
  const images = imagesIn([used.sbom, used.provenance].filter((e): e is Evidence => e !== undefined).map((e) => e.statement));
  if (images.length === 0 && deploy.registries.length === 0) return [];
  const pinnedPolicy = policy.materials.images.pinned;
  const bad: string[] = [];
  for (const img of images) {
    if (deploy.registries.length > 0 && !registryAllowed(img.repository, deploy.registries))
      bad.push(`${img.repository} is not from an allowed registry`);
    else if (pinnedPolicy === 'digest' && !img.pinned) bad.push(`${img.repository}:${img.version || 'latest'} is not pinned by digest`);
  }
  return [
    waive(
      {
        id: 'registries',
        title: 'image registries',
        stage: 'materials',
        status: bad.length > 0 ? 'fail' : 'pass',
        reason:
          bad.length > 0
            ? bad.join('; ')
            : images.length === 0
              ? 'no container images'
              : `${images.length} image(s), all ${deploy.registries.length > 0 ? `from ${deploy.registries.join(', ')}` : 'allowed'}${pinnedPolicy === 'digest' ? ', by digest' : ''}`,
        ...(bad.length > 0
          ? { fix: `use images from ${deploy.registries.join(', ') || 'an allowed registry'}, pinned by @sha256 digest` }
          : {}),
      },
      ctx,
    ),
  ];
};
