import type { MeasureText } from './capabilities';
import { NETWORK_IDS, NETWORK_INFO, type NetworkId } from './info';

/** Every network's counter, once loaded: what planning a post counts with. */
export type Measures = Readonly<Record<NetworkId, MeasureText>>;

let loading: Promise<Measures> | undefined;

/**
 * Loads every network's counter, once per page. Pages only: a service worker may not `import()`,
 * so the background counts with its adapters' `measure`. They are small together and share
 * their tables; loading them all means a newly picked account never waits for its counter.
 */
export function loadMeasures(): Promise<Measures> {
  loading ??= Promise.all(
    NETWORK_IDS.map(async (id) => [id, (await NETWORK_INFO[id].loadMeasure()).measure] as const),
  ).then((entries) => Object.fromEntries(entries) as Measures);
  // A chunk that failed to load (an extension updated under an open popup) is tried again next time.
  loading.catch(() => (loading = undefined));
  return loading;
}
