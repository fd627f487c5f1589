import { DEFAULT_TIMEOUT_MS } from './client';

/** What a server says it runs. */
export interface Software {
  name: string;
  version?: string;
}

async function getJson(url: string, signal: AbortSignal): Promise<unknown> {
  const response = await fetch(url, {
    headers: { Accept: 'application/json' },
    signal,
    credentials: 'omit',
  });
  if (!response.ok) return undefined;
  return response.json().catch(() => undefined);
}

/**
 * `software` from nodeinfo (`/.well-known/nodeinfo`, then the newest 2.x document it links), or
 * undefined when the server does not say: the caller then counts conservatively.
 */
export async function readSoftware(
  origin: string,
  options: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<Software | undefined> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    const links = (await getJson(`${origin}/.well-known/nodeinfo`, signal)) as
      { links?: Array<{ rel?: unknown; href?: unknown }> } | undefined;
    const candidates = (links?.links ?? [])
      .filter(
        (link): link is { rel: string; href: string } =>
          typeof link.rel === 'string' &&
          typeof link.href === 'string' &&
          /nodeinfo\.diaspora\.software\/ns\/schema\/2\.\d$/.test(link.rel),
      )
      .sort((a, b) => b.rel.localeCompare(a.rel));
    const href = candidates[0]?.href;
    // The document must be on the same server: a link elsewhere could only mislead.
    if (!href || new URL(href, origin).origin !== new URL(origin).origin) return undefined;
    const document = (await getJson(new URL(href, origin).toString(), signal)) as
      { software?: { name?: unknown; version?: unknown } } | undefined;
    const name = document?.software?.name;
    if (typeof name !== 'string' || name === '') return undefined;
    const version = document?.software?.version;
    return { name: name.toLowerCase(), ...(typeof version === 'string' && { version }) };
  } catch {
    return undefined;
  }
}
