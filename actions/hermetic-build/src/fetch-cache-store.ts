/** The fetch cache on GitHub's cache service, through @actions/cache (the stage package stays free of @actions/*). */
import * as cache from '@actions/cache';
import type { CacheStore } from '@secure-factory/isolated-build';

export function actionsCacheStore(): CacheStore {
  return {
    restore: (dir, primaryKey, restoreKeys) => cache.restoreCache([dir], primaryKey, restoreKeys),
    save: async (dir, key) => {
      const id = await cache.saveCache([dir], key);
      // saveCache reports "not saved" (a reserved key, no service) as -1 rather than throwing.
      if (id === -1) throw new Error('the cache service did not save the entry');
    },
  };
}
