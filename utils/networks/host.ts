// Account labels name the server on every render of every counter while the user types; parsing
// its URL each time showed in the keystroke profile. A user has a handful of servers; an address
// being typed into a connect form is not one, so the memory is bounded.
const hosts = new Map<string, string>();
const HOSTS_REMEMBERED = 64;

/** The host of a server URL, kept readable even for odd inputs. */
export function hostOf(server: string): string {
  let host = hosts.get(server);
  if (host === undefined) {
    host = parseHost(server);
    if (hosts.size >= HOSTS_REMEMBERED) hosts.clear();
    hosts.set(server, host);
  }
  return host;
}

function parseHost(server: string): string {
  try {
    return new URL(server).host;
  } catch {
    return server;
  }
}
