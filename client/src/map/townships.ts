export interface TownshipCollection {
  type: 'FeatureCollection';
  features: Array<{ type: 'Feature'; properties: { name: string }; geometry: unknown }>;
}

let loading: Promise<TownshipCollection> | null = null;

/** The 18 township outlines (WGS84), a separate ~330 kB chunk fetched on first use. */
export function loadTownships(): Promise<TownshipCollection> {
  loading ??= import('@shared/geo-data/xiangshan_townships_wgs84.json').then(
    (mod) => (mod as { default: unknown }).default as TownshipCollection,
  );
  return loading;
}

export const loadTownshipNames = async (): Promise<string[]> => (await loadTownships()).features.map((f) => f.properties.name);
