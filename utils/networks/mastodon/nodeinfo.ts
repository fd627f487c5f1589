import type { ServerSoftware } from '../types';

const NODEINFO_SCHEMA = /^https?:\/\/nodeinfo\.diaspora\.software\/ns\/schema\/2\.(\d+)$/;

interface NodeinfoLinks {
  links?: Array<{ rel?: unknown; href?: unknown }>;
}

interface NodeinfoDocument {
  software?: { name?: unknown; version?: unknown };
}

async function readJson(url: string, signal: AbortSignal): Promise<unknown> {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, signal });
  if (!response.ok) return undefined;
  return response.json().catch(() => undefined);
}

/** The newest nodeinfo 2.x document the server links to, on its own origin only. */
function newestLink(body: NodeinfoLinks, origin: string): string | undefined {
  let best: { minor: number; href: string } | undefined;
  for (const link of body.links ?? []) {
    if (typeof link.rel !== 'string' || typeof link.href !== 'string') continue;
    const minor = NODEINFO_SCHEMA.exec(link.rel)?.[1];
    if (minor === undefined) continue;
    let href: URL;
    try {
      href = new URL(link.href, origin);
    } catch {
      continue;
    }
    // A link elsewhere would make Crosswind fetch an address the server chose.
    if (href.origin !== origin) continue;
    if (!best || Number(minor) > best.minor) best = { minor: Number(minor), href: href.toString() };
  }
  return best?.href;
}

/**
 * Which software a server runs, from `/.well-known/nodeinfo` → its nodeinfo 2.x document →
 * `software.name` and `version`. Nodeinfo is optional: a server without it is simply unknown.
 */
export async function readServerSoftware(origin: string): Promise<ServerSoftware | undefined> {
  const signal = AbortSignal.timeout(10_000);
  try {
    const index = (await readJson(`${origin}/.well-known/nodeinfo`, signal)) as
      NodeinfoLinks | undefined;
    const href = index && newestLink(index, origin);
    if (!href) return undefined;
    const document = (await readJson(href, signal)) as NodeinfoDocument | undefined;
    const name = document?.software?.name;
    if (typeof name !== 'string' || !name.trim()) return undefined;
    const version = document?.software?.version;
    return {
      name: name.trim().toLowerCase(),
      ...(typeof version === 'string' && version && { version }),
    };
  } catch {
    return undefined;
  }
}
