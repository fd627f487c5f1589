import { t } from '../i18n/messages';
import type { Account, AttachedVideo } from '../networks/types';
import type { VideoPlan, VideoWords } from './video-plan';

/**
 * The video rules' code (limits, refusals and their words) is loaded on demand: most posts carry
 * no clip, and the popup's first frame must not pay for it. Until it is loaded, a clip holds Post
 * back with "Reading the video…".
 */
let planner: ((video: AttachedVideo, account: Account, words: VideoWords) => VideoPlan) | undefined;
let loading: Promise<void> | undefined;

/** Hands the video rules over where they are imported statically (the background worker). */
export function provideVideoRules(planVideo: typeof planner & {}): void {
  planner = planVideo;
}

/**
 * Loads the video rules on demand; resolves at once once they are there. Pages only: a service
 * worker may not `import()`, so the background hands them over with `provideVideoRules`.
 */
export function loadVideoPlanner(): Promise<void> {
  loading ??= import('./video-plan').then((module) => provideVideoRules(module.planVideo));
  // A chunk that failed to load (an extension updated under an open popup) is tried again.
  loading.catch(() => (loading = undefined));
  return loading;
}

/** Whether clips can be planned now (the rules are loaded). */
export function videoPlannerReady(): boolean {
  return planner !== undefined;
}

/** What happens to the clip on one account; a problem that waits while the rules load. */
export function planVideoFor(video: AttachedVideo, account: Account, words: VideoWords): VideoPlan {
  return planner ? planner(video, account, words) : { problem: t('video.reading') };
}
