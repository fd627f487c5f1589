import type { StoredChoices } from '@/utils/compose/stored-draft';
import { uiLanguageStorage } from '@/utils/i18n/language-storage';
import type { UiLanguage } from '@/utils/i18n/languages';
import type { Account } from '@/utils/networks/types';
import { nativeBrowser } from '@/utils/native-browser';
import {
  accountsStorage,
  draftStorage,
  lastLanguageStorage,
  lastTargetsStorage,
} from '@/utils/storage';
import { readLocalItems } from '@/utils/local-item';

/** Everything the popup's first frame shows that is stored: the words' language, the accounts, the draft. */
export interface FirstFrame extends StoredChoices {
  language: UiLanguage | null;
  accounts: Account[];
}

const FIRST_FRAME_ITEMS = [
  uiLanguageStorage,
  accountsStorage,
  draftStorage,
  lastTargetsStorage,
  lastLanguageStorage,
] as const;

/**
 * One storage read for the first frame. Read one after another (language, then accounts, then
 * the draft, then last time's choices) each waited for the one before it.
 */
export async function readFirstFrame(): Promise<FirstFrame> {
  const [language, accounts, draft, lastTargets, lastLanguage] =
    await readLocalItems(FIRST_FRAME_ITEMS);
  return { language, accounts, draft, lastTargets, lastLanguage };
}

/** A first-frame read started ahead of the page's modules, with what changed since it started. */
export interface EarlyRead {
  read: Promise<FirstFrame>;
  /**
   * Whether one of the items read was written after the read was asked for: the read may then
   * be older than the store, and the page reads again instead of trusting it.
   */
  changedSince(): boolean;
  /** Stops following changes (once the page follows them itself). */
  stop(): void;
}

/**
 * Starts the first frame's read, following changes from before it is asked for: a page that
 * uses the read later than the task it ended in would otherwise miss a write in between, which
 * the store's own watch, attached only then, never sees.
 */
export function startEarlyRead(): EarlyRead {
  const keys = new Set<string>(FIRST_FRAME_ITEMS.map((item) => item.key));
  let changed = false;
  const onChanged = nativeBrowser().storage.local.onChanged;
  const listener = (changes: Record<string, unknown>) => {
    if (Object.keys(changes).some((key) => keys.has(key))) changed = true;
  };
  onChanged.addListener(listener);
  const read = readFirstFrame();
  // The page handles a failure when it awaits the read; until then it is not "unhandled".
  read.catch(() => undefined);
  return { read, changedSince: () => changed, stop: () => onChanged.removeListener(listener) };
}

/**
 * Where popup-read.js leaves the read it started: a global of the popup's own page, which no
 * web page or content script can reach.
 */
const HANDOFF = Symbol.for('crosswind.popup.firstFrameRead');
type Handoff = { [HANDOFF]?: EarlyRead };

export function handOverEarlyRead(early: EarlyRead): void {
  (globalThis as Handoff)[HANDOFF] = early;
}

/** The read popup-read.js started, once; undefined when it has not run (yet). */
export function takeEarlyRead(): EarlyRead | undefined {
  const globals = globalThis as Handoff;
  const early = globals[HANDOFF];
  delete globals[HANDOFF];
  return early;
}
