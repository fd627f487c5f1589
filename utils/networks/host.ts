/** The host of a server URL, kept readable even for odd inputs. */
export function hostOf(server: string): string {
  try {
    return new URL(server).host;
  } catch {
    return server;
  }
}
