import { loadMeasures } from '../networks/measures';
import type { Account } from '../networks/types';
import type { Draft } from './draft';
import type { TargetPlan } from './plan';

/** Plans a draft for its picked accounts, counting by each network's own rules. */
export type Planner = (draft: Draft, accounts: Account[]) => TargetPlan[];

/**
 * The planner (splitting, link rules) and every network's counter, loaded together once the
 * composer is on screen. Pages only: the worker imports `planPost` itself.
 */
export async function loadPlanner(): Promise<Planner> {
  const [{ planPost }, measures] = await Promise.all([import('./plan'), loadMeasures()]);
  return (draft, accounts) => planPost(draft, accounts, measures);
}
