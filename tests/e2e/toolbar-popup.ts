import { expect, type BrowserContext, type CDPSession } from '@playwright/test';
import { worker } from './share-menu';

/**
 * The popup as the toolbar button opens it: a view of its own beside the window, which
 * Playwright does not list among the context's pages. It is opened with `action.openPopup()`
 * from the service worker and driven over the browser's DevTools protocol: its elements are
 * found in the accessibility tree by role and name, clicked and typed into with input events,
 * as a person would. It closes as a real popup does, when another tab takes the focus.
 */
export class ToolbarPopup {
  private nextId = 1;
  private readonly answers = new Map<number, (message: ProtocolAnswer) => void>();
  private closed = false;

  private constructor(
    private readonly browser: CDPSession,
    readonly targetId: string,
    private readonly sessionId: string,
  ) {
    browser.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message) as ProtocolAnswer;
      this.answers.get(message.id ?? -1)?.(message);
    });
    // Closed with commands unanswered: they fail at once instead of waiting for the test's end.
    browser.on('Target.detachedFromTarget', (event) => {
      if (event.sessionId !== this.sessionId) return;
      this.closed = true;
      for (const answer of this.answers.values())
        answer({ error: { message: 'the toolbar popup closed' } });
    });
  }

  /** Clicks the toolbar button's popup open for the focused window, and waits until it is there. */
  static async open(context: BrowserContext): Promise<ToolbarPopup> {
    const browser = await context.browser()!.newBrowserCDPSession();
    const before = new Set((await popupTargets(browser)).map((target) => target.targetId));
    await (
      await worker(context)
    ).evaluate(() =>
      (
        globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }
      ).chrome.action.openPopup(),
    );
    let targetId: string | undefined;
    await expect
      .poll(
        async () => {
          targetId = (await popupTargets(browser)).find(
            (target) => !before.has(target.targetId),
          )?.targetId;
          return targetId;
        },
        { message: 'the toolbar popup opens' },
      )
      .toBeDefined();
    const { sessionId } = await browser.send('Target.attachToTarget', {
      targetId: targetId!,
      flatten: false,
    });
    return new ToolbarPopup(browser, targetId!, sessionId);
  }

  /** Whether the popup's view still exists. */
  async isOpen(): Promise<boolean> {
    return (await popupTargets(this.browser)).some((target) => target.targetId === this.targetId);
  }

  /**
   * The element with this role whose accessible name matches, found afresh for every action, as
   * a Playwright locator is: the full composer replaces the first frame's elements.
   */
  find(role: string, name: RegExp): PopupElement {
    return new PopupElement(this, role, name);
  }

  /** The backend node of the first element with this role and name, once it is there. */
  async nodeOf(role: string, name: RegExp): Promise<number> {
    let found: number | undefined;
    await expect
      .poll(
        async () => {
          found = (await this.nodesWithRole(role)).find((node) =>
            name.test(node.name?.value ?? ''),
          )?.backendDOMNodeId;
          return found !== undefined;
        },
        { message: `a ${role} named ${name} in the toolbar popup` },
      )
      .toBe(true);
    return found!;
  }

  /** Types text key by key into whatever has the focus. */
  async type(text: string): Promise<void> {
    for (const character of text)
      await this.send('Input.dispatchKeyEvent', { type: 'keyDown', text: character });
  }

  /**
   * Resolves once the popup has painted a frame since it was asked: what a person has typed is
   * on screen by then, and a click away can come no sooner.
   */
  async framePainted(): Promise<void> {
    await this.send('Runtime.evaluate', {
      expression: 'new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)))',
      awaitPromise: true,
    });
  }

  async detach(): Promise<void> {
    await this.browser.detach().catch(() => undefined);
  }

  private async nodesWithRole(role: string): Promise<AxNode[]> {
    const { result } = await this.send<{ result: { objectId?: string } }>('Runtime.evaluate', {
      expression: 'document',
    });
    if (!result.objectId) return [];
    const { nodes } = await this.send<{ nodes: AxNode[] }>('Accessibility.queryAXTree', {
      objectId: result.objectId,
      role,
    });
    return nodes.filter((node) => !node.ignored && node.backendDOMNodeId !== undefined);
  }

  /** One DevTools command to the popup's page, answered in the popup's own session. */
  async send<Result>(method: string, params: object = {}): Promise<Result> {
    if (this.closed) throw new Error(`${method}: the toolbar popup closed`);
    const id = this.nextId++;
    const answer = new Promise<ProtocolAnswer>((resolve) => this.answers.set(id, resolve));
    await this.browser.send('Target.sendMessageToTarget', {
      sessionId: this.sessionId,
      message: JSON.stringify({ id, method, params }),
    });
    const message = await answer;
    this.answers.delete(id);
    if (message.error) throw new Error(`${method}: ${message.error.message}`);
    return message.result as Result;
  }
}

/** An element of the toolbar popup, by role and name. */
export class PopupElement {
  constructor(
    private readonly popup: ToolbarPopup,
    private readonly role: string,
    private readonly name: RegExp,
  ) {}

  /** Waits until it is there. */
  async waitFor(): Promise<void> {
    await this.popup.nodeOf(this.role, this.name);
  }

  /** Clicks its middle with the mouse. */
  async click(): Promise<void> {
    const backendNodeId = await this.popup.nodeOf(this.role, this.name);
    await this.popup.send('DOM.scrollIntoViewIfNeeded', { backendNodeId });
    const { model } = await this.popup.send<{ model: { content: number[] } }>('DOM.getBoxModel', {
      backendNodeId,
    });
    const [x1, y1, , , x3, y3] = model.content;
    const x = (x1! + x3!) / 2;
    const y = (y1! + y3!) / 2;
    for (const type of ['mousePressed', 'mouseReleased'])
      await this.popup.send('Input.dispatchMouseEvent', {
        type,
        x,
        y,
        button: 'left',
        clickCount: 1,
      });
  }

  /** Its `value`, or whether it is checked, or has the focus. */
  async read(property: 'value' | 'checked' | 'isFocused' | 'disabled'): Promise<unknown> {
    const backendNodeId = await this.popup.nodeOf(this.role, this.name);
    const { object } = await this.popup.send<{ object: { objectId: string } }>('DOM.resolveNode', {
      backendNodeId,
    });
    const expression =
      property === 'isFocused' ? 'this === document.activeElement' : `this.${property}`;
    const { result } = await this.popup.send<{ result: { value?: unknown } }>(
      'Runtime.callFunctionOn',
      {
        objectId: object.objectId,
        functionDeclaration: `function () { return ${expression}; }`,
        returnByValue: true,
      },
    );
    return result.value;
  }
}

interface ProtocolAnswer {
  id?: number;
  result?: unknown;
  error?: { message: string };
}

interface AxNode {
  ignored: boolean;
  backendDOMNodeId?: number;
  name?: { value?: string };
}

async function popupTargets(browser: CDPSession) {
  const { targetInfos } = await browser.send('Target.getTargets');
  return targetInfos.filter((target) => new URL(target.url).pathname === '/popup.html');
}
