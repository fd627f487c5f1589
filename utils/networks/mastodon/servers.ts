import type { AccountCapabilities } from '../capabilities';
import type { ServerSoftware } from '../types';

/** Where a Mastodon-API server software differs from stock Mastodon, as its docs and source say. */
interface ServerDifferences {
  capabilities: AccountCapabilities;
  /** Counts code points with links in full, not Mastodon's way. */
  countsCodePoints?: boolean;
}

const LOCAL_SCHEDULING_AND_LOOKUP: AccountCapabilities = {
  serverScheduling: null,
  idempotency: 'lookup-before-retry',
};

/**
 * Known servers (see docs/networks.md for the sources). Anything not listed and not Mastodon is
 * treated with the same caution: Crosswind schedules its posts itself, and looks for a post
 * before sending it again, because a server that ignores `scheduled_at` would publish at once
 * and one that ignores `Idempotency-Key` would post twice.
 */
const DIFFERENCES: Record<string, ServerDifferences> = {
  mastodon: { capabilities: {} },
  // Mastodon forks keep Mastodon's API whole.
  glitchsoc: { capabilities: {} },
  hometown: { capabilities: {} },
  // `scheduled_at` is documented as "not implemented yet"; no Idempotency-Key handling; the
  // length check is code points of text + warning; `mutuals_only` is its own extra audience.
  gotosocial: { capabilities: LOCAL_SCHEDULING_AND_LOOKUP, countsCodePoints: true },
  // Pleroma and Akkoma schedule (`scheduled_at`, /api/v1/scheduled_statuses) and keep an
  // idempotency cache keyed by the Idempotency-Key header.
  pleroma: { capabilities: {} },
  akkoma: { capabilities: {} },
  // Accepts `scheduled_at` and publishes at once; no /api/v1/scheduled_statuses.
  hollo: { capabilities: LOCAL_SCHEDULING_AND_LOOKUP },
  friendica: { capabilities: LOCAL_SCHEDULING_AND_LOOKUP },
};

/** What an account on this software can rely on, beyond its network's usual capabilities. */
export function differencesOf(software: ServerSoftware | undefined): ServerDifferences {
  // No nodeinfo at all: most likely Mastodon itself (nodeinfo is on by default there).
  if (!software) return { capabilities: {} };
  return DIFFERENCES[software.name] ?? { capabilities: LOCAL_SCHEDULING_AND_LOOKUP };
}
