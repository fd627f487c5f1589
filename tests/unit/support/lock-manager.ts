/**
 * The part of the browser's Web Locks API Crosswind uses (exclusive `request`), for Node, which
 * has none: one instance stands for the browser, shared by every "page" a test loads.
 */
export class ExclusiveLocks {
  private readonly tails = new Map<string, Promise<unknown>>();
  /** How many requests hold or wait for a lock right now. */
  unsettled = 0;

  request<T>(name: string, work: () => T | Promise<T>): Promise<T> {
    const before = this.tails.get(name) ?? Promise.resolve();
    this.unsettled += 1;
    const run = before.then(async () => {
      try {
        return await work();
      } finally {
        this.unsettled -= 1;
      }
    });
    this.tails.set(
      name,
      run.catch(() => undefined),
    );
    return run;
  }
}
