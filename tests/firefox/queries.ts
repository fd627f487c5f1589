import type { ElementHandle, Page } from 'puppeteer-core';

/** Where to look: a whole page or inside one element of it. */
export type Scope = Page | ElementHandle<Element>;

/** How long a query waits for its element, like Playwright's expect timeout in the Chromium tests. */
const WAIT_MS = 10_000;

function quoted(text: string): string {
  return JSON.stringify(text);
}

/**
 * Puppeteer's ARIA selector, answered by Firefox's own accessibility tree over WebDriver BiDi
 * (browsingContext.locateNodes): the element a screen reader would announce by that role and
 * exact accessible name.
 */
function ariaSelector(role: string | undefined, name: string | undefined): string {
  const parts = [name === undefined ? '' : `[name=${quoted(name)}]`, role ? `[role=${role}]` : ''];
  return `::-p-aria(${parts.join('')})`;
}

/** The visible element with this role and accessible name (e.g. a button labelled "Post"). */
export async function byRole(
  scope: Scope,
  role: string,
  name?: string,
  options: { timeout?: number } = {},
): Promise<ElementHandle<Element>> {
  const found = await scope.waitForSelector(ariaSelector(role, name), {
    visible: true,
    timeout: options.timeout ?? WAIT_MS,
  });
  if (!found) throw new Error(`no ${role} named ${name ?? '(any)'}`);
  return found;
}

/**
 * The form field whose label (a <label> for it, or its aria-label) reads exactly `label`, as
 * Playwright's getByLabel finds it. Hidden fields count: a file input sits inside its label.
 */
export async function byLabel(
  scope: Scope,
  label: string,
  options: { timeout?: number } = {},
): Promise<ElementHandle<Element>> {
  const page = 'goto' in scope ? scope : scope.frame.page();
  const root = 'goto' in scope ? null : scope;
  const found = await page
    .waitForFunction(
      (within: Element | null, wanted: string) => {
        const fields = (within ?? document).querySelectorAll(
          'input, textarea, select, [aria-label]',
        );
        for (const field of fields) {
          const labels = (field as HTMLInputElement).labels ?? [];
          const names = [
            field.getAttribute('aria-label'),
            ...[...labels].map((l) => l.textContent),
          ];
          if (names.some((name) => (name ?? '').replace(/\s+/g, ' ').trim() === wanted))
            return field;
        }
        return null;
      },
      { timeout: options.timeout ?? WAIT_MS, polling: 100 },
      root,
      label,
    )
    .catch((error: unknown) => {
      throw new Error(`no field labelled ${quoted(label)}`, { cause: error });
    });
  const element = found.asElement();
  if (!element) throw new Error(`no field labelled ${quoted(label)}`);
  return element as ElementHandle<Element>;
}

/** The elements that have these roles, explicitly or by their HTML element. */
const ROLE_SELECTORS = {
  checkbox: 'input[type="checkbox"], [role="checkbox"]',
  button: 'button, input[type="button"], input[type="submit"], [role="button"]',
  listitem: 'li, [role="listitem"]',
  link: 'a[href], [role="link"]',
} as const;

/**
 * Every element with this role whose accessible name (aria-label, else its labels' or its own
 * text) matches `name`. Firefox's accessibility locator needs an exact name, so lists of
 * elements by a pattern are found in the DOM by their role's elements instead.
 */
export async function allByRole(
  scope: Scope,
  role: keyof typeof ROLE_SELECTORS,
  name: RegExp,
): Promise<Array<ElementHandle<Element>>> {
  const matches: Array<ElementHandle<Element>> = [];
  for (const element of await scope.$$(ROLE_SELECTORS[role])) {
    const text = await element.evaluate((node) => {
      const labelled = node.getAttribute('aria-label');
      if (labelled) return labelled;
      const labels = (node as HTMLInputElement).labels;
      const fromLabels = labels
        ? [...labels].map((label) => label.textContent ?? '').join(' ')
        : '';
      return (fromLabels || node.textContent || '').replace(/\s+/g, ' ').trim();
    });
    if (name.test(text)) matches.push(element);
  }
  return matches;
}

/** The first element with this role and a name matching `name`, once there is one. */
export async function firstByRole(
  scope: Scope,
  role: keyof typeof ROLE_SELECTORS,
  name: RegExp,
  timeoutMs = WAIT_MS,
): Promise<ElementHandle<Element>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [found] = await allByRole(scope, role, name);
    if (found) return found;
    if (Date.now() > deadline)
      throw new Error(`no ${role} named like ${name} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Clicks the element with this role and name once it is visible. */
export async function clickRole(scope: Scope, role: string, name: string): Promise<void> {
  await (await byRole(scope, role, name)).click();
}

/** Replaces a text field's content by typing, as a person would (key events, so React sees them). */
export async function fill(field: ElementHandle<Element>, text: string): Promise<void> {
  await field.evaluate((node) => {
    (node as HTMLInputElement).focus();
    (node as HTMLInputElement).select();
  });
  await field.press('Backspace');
  await field.type(text);
}

/**
 * Sets a date or time field, which takes no typed characters as a whole value: the value is set
 * and an input event sent, as Playwright's fill does for such fields.
 */
export async function setFieldValue(field: ElementHandle<Element>, value: string): Promise<void> {
  await field.evaluate((node, next) => {
    const input = node as HTMLInputElement;
    // React tracks the value through the prototype's setter: set it there, then tell it.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, next);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

/** Fills the field labelled `label`. */
export async function fillLabel(scope: Scope, label: string, text: string): Promise<void> {
  await fill(await byLabel(scope, label), text);
}

/** A field's current value. */
export function valueOf(field: ElementHandle<Element>): Promise<string> {
  return field.evaluate((node) => (node as HTMLInputElement).value);
}

// These run inside the page (puppeteer sends their source), so they use nothing from this module.
function renderedText(node: Element): string {
  return (node as HTMLElement).innerText.replace(/\s+/g, ' ').trim();
}

function countOwnText(root: Element, wanted: string): number {
  return [...root.querySelectorAll('*')].filter(
    (node) =>
      [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE) &&
      (node as HTMLElement).innerText?.trim() === wanted,
  ).length;
}

/** The rendered text of the scope, whitespace tidied (what a person reads there). */
export function textOf(scope: Scope): Promise<string> {
  return 'goto' in scope ? scope.$eval('body', renderedText) : scope.evaluate(renderedText);
}

/** How many elements in the scope have exactly this text as their own text. */
export function countExactText(scope: Scope, text: string): Promise<number> {
  return 'goto' in scope
    ? scope.$eval('body', countOwnText, text)
    : scope.evaluate(countOwnText, text);
}
