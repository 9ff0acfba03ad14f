import type { SiteDataset } from '../../emulator';

/** The dataset's learning records (`learning-loop`), without the properties beside them (their texts, reuse counts). */
export const recordRows = (data: Pick<SiteDataset, 'properties'>): SiteDataset['properties'] =>
  data.properties.filter((p) => p.key === 'learning-loop');
