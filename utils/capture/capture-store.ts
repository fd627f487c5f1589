import { storage } from 'wxt/utils/storage';
import { createStore } from 'zustand/vanilla';
import { serialUpdater } from '../serial-update';
import type { PageShare } from './types';

/**
 * What the background and the composer know about the page being shared. The capture script that
 * reads the page never writes here: it answers the background with plain data, and the background
 * (or the composer, settling an offer) is the only writer.
 */
export interface CaptureState {
  /** The post offered to the composer; written by the background. */
  share: PageShare | null;
  /** Why the page the user is on could not be read, in words for the composer. */
  unavailable: string | null;
}

const EMPTY: CaptureState = { share: null, unavailable: null };

/** Only the known fields: an older version stored more (the raw page read), which nothing needs. */
function known(state: Partial<CaptureState> | null): CaptureState {
  return { share: state?.share ?? null, unavailable: state?.unavailable ?? null };
}

/** Extension storage is what makes the store one store across the worker and the popup. */
export const captureStorage = storage.defineItem<CaptureState>('local:capture', {
  fallback: EMPTY,
});

const updater = serialUpdater(captureStorage);

export interface CaptureStore extends CaptureState {
  hydrated: boolean;
  /** Changes some fields everywhere; reads storage first, so another context's write is kept. */
  patch(change: Partial<CaptureState>): Promise<void>;
}

/**
 * One zustand store per context, kept equal through storage: each write goes to storage and every
 * context's copy follows storage's change events.
 */
export const captureStore = createStore<CaptureStore>()((set) => ({
  ...EMPTY,
  hydrated: false,
  async patch(change) {
    set(change);
    await updater.update((state) => Object.assign(state, change));
  },
}));

void captureStorage
  .getValue()
  .then((state) => captureStore.setState({ ...known(state), hydrated: true }));
captureStorage.watch((state) => captureStore.setState({ ...known(state), hydrated: true }));
