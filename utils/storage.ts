import { storage } from 'wxt/utils/storage';
import type { Account } from './networks/types';
import type { PostJob } from './publish/types';

/** The text the user is writing, saved on every keystroke so closing the popup loses nothing. */
export interface Draft {
  id: string;
  text: string;
  targetIds: string[];
  language?: string;
  updatedAt: number;
}

/** Where Crosswind looks up Bluesky handles and DIDs; changeable for self-hosted setups. */
export interface DirectorySettings {
  handleResolver: string;
  plcDirectory: string;
}

/** The public Bluesky services that resolve any handle and any did:plc. */
export const DEFAULT_DIRECTORY: DirectorySettings = {
  handleResolver: 'https://public.api.bsky.app',
  plcDirectory: 'https://plc.directory',
};

/** Connected accounts, without secrets (those live in the vault). */
export const accountsStorage = storage.defineItem<Account[]>('local:accounts', { fallback: [] });

/** The composer's unsent draft. */
export const draftStorage = storage.defineItem<Draft | null>('local:draft', { fallback: null });

/** The accounts picked last time, so the next post starts with the same choice. */
export const lastTargetsStorage = storage.defineItem<string[]>('local:lastTargets', {
  fallback: [],
});

/** Sent posts and their per-account delivery, newest first. */
export const jobsStorage = storage.defineItem<PostJob[]>('local:jobs', { fallback: [] });

/** Bluesky directory endpoints. */
export const directoryStorage = storage.defineItem<DirectorySettings>('local:directory', {
  fallback: DEFAULT_DIRECTORY,
});
