import type { Browser } from 'puppeteer-core';

/** The one WebDriver BiDi call puppeteer-core does not wrap: evaluating in a chrome context. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

/**
 * Firefox's own user interface (its "chrome"), reached over WebDriver BiDi with the
 * `moz:scope: "chrome"` extension that `--remote-allow-system-access` enables. Through it the
 * tests do what a person does in Firefox's UI and what a page cannot: pick an item of the real
 * right-click menu, or press "Terminate background script" as about:debugging offers.
 */
export class BrowserChrome {
  private constructor(
    private readonly connection: BidiConnection,
    private readonly context: string,
  ) {}

  static async of(browser: Browser): Promise<BrowserChrome> {
    // puppeteer-core's BiDi browser keeps its connection here (not in its typings).
    const connection = (browser as unknown as { connection?: BidiConnection }).connection;
    if (!connection?.send) throw new Error('puppeteer-core no longer exposes its BiDi connection');
    const { result } = await connection.send('browsingContext.getTree', {
      'moz:scope': 'chrome',
      maxDepth: 0,
    });
    const [window] = (result as { contexts: Array<{ context: string }> }).contexts;
    if (!window) throw new Error('Firefox has no browser window');
    return new BrowserChrome(connection, window.context);
  }

  /** Runs `body` (an async function body) in the browser window and returns its JSON result. */
  async run<T>(body: string): Promise<T> {
    const { result } = await this.connection.send('script.evaluate', {
      expression: `(async () => JSON.stringify(await (async () => { ${body} })() ?? null))()`,
      target: { context: this.context },
      awaitPromise: true,
    });
    const answer = result as EvaluateResult;
    if (answer.type === 'exception') {
      throw new Error(`in Firefox's chrome: ${answer.exceptionDetails?.text ?? 'error'}`);
    }
    return JSON.parse(String(answer.result?.value)) as T;
  }

  /**
   * Stops the add-on's event page exactly as Firefox does when it has been idle (and as
   * about:debugging's "Terminate background script" does): the next event starts a fresh one.
   */
  async stopBackground(addonId: string): Promise<void> {
    await this.run(`
      const { ExtensionParent } = ChromeUtils.importESModule(
        'resource://gre/modules/ExtensionParent.sys.mjs');
      await ExtensionParent.DebugUtils.terminateBackgroundScript(${JSON.stringify(addonId)});
    `);
  }

  /** Whether the add-on's event page is running now. */
  async backgroundRunning(addonId: string): Promise<boolean> {
    return this.run(`
      const extension = WebExtensionPolicy.getByID(${JSON.stringify(addonId)}).extension;
      return extension.backgroundState === 'running';
    `);
  }

  /**
   * Picks an item in the page's right-click menu once it is open (the test opens it with a
   * right-click on the page): Firefox then calls the add-on's contextMenus.onClicked itself.
   */
  async pickContextMenuItem(label: string): Promise<void> {
    await this.run(`
      const menu = document.getElementById('contentAreaContextMenu');
      for (let tries = 0; menu.state !== 'open'; tries += 1) {
        if (tries > 100) throw new Error('the context menu did not open');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const item = [...menu.querySelectorAll('menuitem')].find(
        (candidate) => !candidate.hidden && candidate.label === ${JSON.stringify(label)});
      if (!item) throw new Error('no menu item ' + ${JSON.stringify(label)});
      menu.activateItem(item);
    `);
  }
}
