import type { AccountCapabilities } from '../networks/capabilities';
import { capabilitiesOf } from '../networks/info';
import type { NetworkId } from '../networks/types';
import { t } from '../i18n/messages';

/** On top of the server's own minimum: images go up first, and clocks differ a little. */
const SERVER_LEEWAY_MS = 30_000;

/** Why Crosswind, not the server, posts a scheduled post for an account. */
export type LocalReason = 'network' | 'thread' | 'too-soon' | 'server-cannot';

/** Who posts a scheduled post for one account. */
export type ScheduleMode = { by: 'server' } | { by: 'crosswind'; why: LocalReason };

/**
 * The server posts it when it can: then the post goes out with the browser closed. It cannot
 * when the network has no scheduling, when the server showed it ignores scheduling, for a thread (each part must answer a post that does not
 * exist yet), or when the time is too close for the server to accept.
 */
export function scheduleModeFor(
  target: {
    network: NetworkId;
    parts: number;
    capabilities?: AccountCapabilities;
    ignoresScheduling?: boolean | undefined;
  },
  at: number,
  now: number,
): ScheduleMode {
  // A server of the network that cannot schedule (Hollo, GoToSocial…) says so per account; one
  // that once posted at once what it was asked to schedule narrows it too (`capabilitiesOf`).
  const scheduling = capabilitiesOf(target).serverScheduling;
  if (!scheduling) {
    return { by: 'crosswind', why: target.ignoresScheduling ? 'server-cannot' : 'network' };
  }
  if (target.parts > 1) return { by: 'crosswind', why: 'thread' };
  if (at - now < scheduling.minLeadMs + SERVER_LEEWAY_MS) {
    return { by: 'crosswind', why: 'too-soon' };
  }
  return { by: 'server' };
}

/** Why a post cannot be scheduled for `at`; undefined when it can. */
export function scheduleProblem(at: number | undefined, now: number): string | undefined {
  if (at === undefined) return t('schedule.enterTime');
  if (at <= now) return t('schedule.timePassed');
  return undefined;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** A moment as a `datetime-local` field holds it: local time, to the minute. */
export function toLocalInput(at: number): string {
  const date = new Date(at);
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${day}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Reads a `datetime-local` value as local time; undefined while the field is incomplete. */
export function fromLocalInput(value: string): number | undefined {
  const match = /^(\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return undefined;
  const [year, month, day, hours, minutes] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const at = new Date(year, month - 1, day, hours, minutes).getTime();
  return Number.isFinite(at) ? at : undefined;
}

const QUARTER_HOUR_MS = 15 * 60_000;

/** What "Post later" offers first: the first quarter hour at least an hour away. */
export function defaultPostTime(now: number): number {
  return Math.ceil((now + 60 * 60_000) / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
}
