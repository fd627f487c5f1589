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
 * `software.name` and `version`; where that cannot be read (Mastodon serves `/nodeinfo/2.0`
 * without CORS, so an extension without host permission cannot read it), from the instance
 * API. A server that says neither is simply unknown.
 */
export async function readServerSoftware(origin: string): Promise<ServerSoftware | undefined> {
  return (await fromNodeinfo(origin)) ?? (await fromInstance(origin));
}

interface InstanceIdentity {
  version?: unknown;
  source_url?: unknown;
}

/**
 * The instance API says it too: forks write "3.5.3 (compatible; Pixelfed 0.12.5)" as their
 * version, and /api/v2/instance names the source repository (…/superseriousbusiness/gotosocial).
 */
async function fromInstance(origin: string): Promise<ServerSoftware | undefined> {
  const signal = AbortSignal.timeout(10_000);
  try {
    const body = ((await readJson(`${origin}/api/v2/instance`, signal)) ??
      (await readJson(`${origin}/api/v1/instance`, signal))) as InstanceIdentity | undefined;
    const version = typeof body?.version === 'string' ? body.version : undefined;
    const compatible = version && /\(compatible;\s*([A-Za-z][\w.-]*)\s*([^)]*)\)/.exec(version);
    if (compatible?.[1]) {
      return {
        name: compatible[1].toLowerCase(),
        ...(compatible[2]?.trim() && { version: compatible[2].trim() }),
      };
    }
    const source = typeof body?.source_url === 'string' ? body.source_url : '';
    const repository = /^https:\/\/(?:github\.com|codeberg\.org|git\.[^/]+)\/[^/]+\/([^/#?]+)/.exec(
      source,
    )?.[1];
    if (!repository) return undefined;
    return {
      name: repository.toLowerCase().replace(/\.git$/, ''),
      ...(version && { version: version.split(/[\s+]/)[0] }),
    };
  } catch {
    return undefined;
  }
}

async function fromNodeinfo(origin: string): Promise<ServerSoftware | undefined> {
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
