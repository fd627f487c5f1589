import { t } from '../i18n/messages';
import type { Account, AttachedVideo } from '../networks/types';
import type { VideoPlan } from './video-plan';

/**
 * The video rules' code (limits, refusals and their words) is loaded on demand: most posts carry
 * no clip, and the popup's first frame must not pay for it. Until it is loaded, a clip holds Post
 * back with "Reading the video…".
 */
let planner: ((video: AttachedVideo, account: Account) => VideoPlan) | undefined;
let loading: Promise<void> | undefined;

/** Loads the video rules; resolves at once once they are there. */
export function loadVideoPlanner(): Promise<void> {
  loading ??= import('./video-plan').then((module) => {
    planner = module.planVideo;
  });
  return loading;
}

/** Whether clips can be planned now (the rules are loaded). */
export function videoPlannerReady(): boolean {
  return planner !== undefined;
}

/** What happens to the clip on one account; a problem that waits while the rules load. */
export function planVideoFor(video: AttachedVideo, account: Account): VideoPlan {
  return planner ? planner(video, account) : { problem: t('video.reading') };
}
