import townshipsUrl from '@shared/geo-data/xiangshan_townships_wgs84.json?url';

export interface TownshipCollection {
  type: 'FeatureCollection';
  features: Array<{ type: 'Feature'; properties: { name: string }; geometry: unknown }>;
}

let loading: Promise<TownshipCollection> | null = null;

/**
 * The 18 township outlines (WGS84, ~330 kB), fetched as a plain asset on first use. Not a dynamic
 * import: a failed module import stays failed for the page's life, and a wall that boots while the
 * server is briefly down must be able to try again.
 */
export function loadTownships(): Promise<TownshipCollection> {
  loading ??= fetch(townshipsUrl)
    .then((res) => {
      if (!res.ok) throw new Error(`townships: HTTP ${res.status}`);
      return res.json() as Promise<TownshipCollection>;
    })
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}

export const loadTownshipNames = async (): Promise<string[]> => (await loadTownships()).features.map((f) => f.properties.name);
