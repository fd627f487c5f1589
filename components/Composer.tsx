import { lazy, Suspense, useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import { altTextLimit, imagesWithoutAlt } from '@/utils/compose/alt-text';
import { pickedAccounts } from '@/utils/compose/draft-choices';
import type { TargetPlan } from '@/utils/compose/plan';
import { defaultPostTime, scheduleProblem } from '@/utils/compose/schedule';
import { THREAD_MARKER } from '@/utils/text/thread-marker';
import { useComposer } from '@/utils/composer-store';
import type { SerializedError } from '@/utils/errors';
import { capabilitiesOf, NETWORK_INFO } from '@/utils/networks/info';
import { withUsableLimits } from '@/utils/networks/limits-validation';
import type { Account } from '@/utils/networks/types';
import { altReminderStorage } from '@/utils/storage';
import { useNow } from '@/utils/use-now';
import { useStoredValue } from '@/utils/use-stored-value';
import { AltReminder } from './AltReminder';
import { ErrorMessage } from './ErrorMessage';
import { altFieldId, ImageAttachments } from './ImageAttachments';
import { PageShareOffer } from './PageShareOffer';
import { PostSettings } from './PostSettings';
import { PostText } from './PostText';
import { ScheduleFields } from './ScheduleFields';
import { PendingCounters, TargetCounters } from './TargetCounters';
import { TargetPicker } from './TargetPicker';
import { usePlanner } from './use-planner';
import { useFirstFramePainted } from '@/utils/after-first-frame';
import { useDraftView } from './use-draft-view';
import { usePlannedDraft } from './use-planned-draft';
import { useImageInput } from './use-image-input';
import { useVideoPlanner } from './use-video-planner';
import { useSharedVideo } from './use-shared-video';
import { VariantEditors } from './VariantEditors';
import { WarningFields } from './WarningFields';
import { t } from '@/utils/i18n/messages';

// Loaded after the first frame, with the link rules it needs.
const LinkCardSection = lazy(() => import('./LinkCardSection'));

/** Every picked account can get the post as it stands. */
function postable(plans: TargetPlan[]): boolean {
  return plans.length > 0 && plans.every((plan) => plan.problem === undefined);
}

/**
 * The writing area: text, warning, images, accounts, separate versions, threads, "Post later"
 * and the Post (or Schedule) button.
 */
export function Composer(props: {
  accounts: Account[];
  busy: boolean;
  error: SerializedError | null;
  /** False when the page the composer was opened on could not be read. */
  captured?: boolean;
  onPost(): void;
}) {
  // A key in the text reaches this draft a moment later (see useDraftView); the textarea and the
  // store have it at once.
  const draft = useDraftView();
  const toggleTarget = useComposer((state) => state.toggleTarget);
  const setNumbering = useComposer((state) => state.setNumbering);
  const setScheduledAt = useComposer((state) => state.setScheduledAt);
  const attach = useImageInput(props.busy);
  useSharedVideo();
  const altReminder = useStoredValue(altReminderStorage);
  const [askingAlt, setAskingAlt] = useState(false);
  // A keystroke paints its character first; counting and splitting (every URL and mention of
  // every account's text) follow in a render React may interrupt for the next key.
  const planned = usePlannedDraft(draft);
  // Counting waits for the counters, which load just after the first frame.
  const planner = usePlanner();
  const videoRules = useVideoPlanner(draft.video !== undefined);
  // What the first frame does without is loaded after it.
  const painted = useFirstFramePainted();
  const plans = useMemo(
    () => planner?.(planned, props.accounts),
    // The plan reads the video rules, which load later: it is made again once they are there.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [planned, props.accounts, planner, videoRules],
  );
  const picked = useMemo(
    () => pickedAccounts({ targetIds: planned.targetIds }, props.accounts).map(withUsableLimits),
    [planned.targetIds, props.accounts],
  );
  const networkWhere = (test: (account: Account) => boolean) => {
    const account = picked.find(test);
    return account ? NETWORK_INFO[account.network] : undefined;
  };
  const labelNetwork = networkWhere((a) => capabilitiesOf(a).contentWarning === 'self-label');
  const stillGifNetwork = networkWhere((a) => capabilitiesOf(a).media.stillGifs);
  const altLimit = altTextLimit(picked);
  const videoAltLimit = Math.min(
    altLimit,
    ...picked.map((account) => capabilitiesOf(account).video?.altLimit ?? altLimit),
  );
  // Only networks without a server that builds cards need Crosswind to make one.
  const cardNetwork = networkWhere((a) => capabilitiesOf(a).linkCards === 'client')?.id;
  const problem = plans?.find((plan) => plan.problem)?.problem;
  const hasThread = plans?.some((plan) => plan.parts.length > 1) ?? false;
  // "Post later" stays open for this draft while its time is being typed (the field is empty then).
  const [laterFor, setLaterFor] = useState<string>();
  const later = laterFor === draft.id || draft.scheduledAt !== undefined;
  const now = useNow(later);
  const timeProblem = later ? scheduleProblem(draft.scheduledAt, now) : undefined;
  const blocked =
    props.busy || attach.adding || !plans || !postable(plans) || timeProblem !== undefined;
  const why = props.busy
    ? t('composer.sent')
    : attach.adding
      ? attach.readingVideo
        ? t('video.reading')
        : t('composer.checkingImages')
      : picked.length === 0
        ? t('composer.pickAccount')
        : (problem ?? timeProblem ?? '');
  const setLater = (on: boolean) => {
    setLaterFor(on ? draft.id : undefined);
    if (!on) setScheduledAt(undefined);
    else if (draft.scheduledAt === undefined) setScheduledAt(defaultPostTime(Date.now()));
  };
  // The same element while the plans stand, so a keystroke does not re-render every thread part.
  const counters = useMemo(
    () =>
      plans ? (
        <TargetCounters plans={plans} disabled={props.busy} />
      ) : (
        <PendingCounters accounts={picked} />
      ),
    [plans, picked, props.busy],
  );
  const withoutAlt = imagesWithoutAlt(draft.images);
  // Described meanwhile: nothing is left to ask about.
  if (askingAlt && withoutAlt.length === 0) setAskingAlt(false);

  // Plans may still be a keystroke behind; what is posted is the draft as it is now.
  const blockedNow = () => {
    const current = useComposer.getState().draft;
    return (
      blocked || !planner || (planned !== current && !postable(planner(current, props.accounts)))
    );
  };
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (blockedNow()) return;
    // Asked once per press: "Post anyway" posts without asking again.
    if (altReminder !== false && withoutAlt.length > 0) setAskingAlt(true);
    else props.onPost();
  };
  const postAnyway = () => {
    setAskingAlt(false);
    if (!blockedNow()) props.onPost();
  };
  const addAlt = () => {
    setAskingAlt(false);
    if (withoutAlt[0]) document.getElementById(altFieldId(withoutAlt[0]))?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
    // Escape would close the popup; the draft is saved as the page hides, so nothing is lost.
  };

  return (
    <form
      className="composer"
      onSubmit={submit}
      onKeyDown={onKeyDown}
      onDragOver={attach.onDragOver}
      onDrop={attach.onDrop}
    >
      <PageShareOffer captured={props.captured} disabled={props.busy} />
      <WarningFields draft={draft} labelNetwork={labelNetwork?.name} disabled={props.busy} />
      <PostText readOnly={props.busy} onPaste={attach.onPaste} />
      <p className="hint" id="post-text-hint">
        {t('composer.threadHint', { marker: THREAD_MARKER })}
      </p>
      {painted ? (
        <Suspense fallback={null}>
          <LinkCardSection draft={planned} cardNetwork={cardNetwork} disabled={props.busy} />
        </Suspense>
      ) : null}
      <ImageAttachments
        images={draft.images}
        video={draft.video}
        videoAltLimit={videoAltLimit}
        readingVideo={attach.readingVideo}
        altLimit={altLimit}
        stillGifNetwork={stillGifNetwork?.name}
        disabled={props.busy}
        adding={attach.adding}
        errors={attach.errors}
        onAdd={attach.addFiles}
      />
      <TargetPicker
        accounts={props.accounts}
        selected={draft.targetIds}
        onToggle={toggleTarget}
        disabled={props.busy}
      />
      <VariantEditors draft={draft} picked={picked} disabled={props.busy} />
      {counters}
      {hasThread ? (
        <label className="check">
          <input
            type="checkbox"
            checked={draft.numbering}
            disabled={props.busy}
            onChange={(event) => setNumbering(event.currentTarget.checked)}
          />
          {t('composer.numbering')}
        </label>
      ) : null}
      <PostSettings draft={draft} accounts={picked} disabled={props.busy} />
      <ScheduleFields
        draft={draft}
        plans={plans ?? []}
        later={later}
        now={now}
        problem={timeProblem}
        disabled={props.busy}
        onLater={setLater}
      />
      <ErrorMessage error={props.error} />
      {askingAlt && !blocked ? (
        <AltReminder missing={withoutAlt.length} onAddAlt={addAlt} onPostAnyway={postAnyway} />
      ) : null}
      <div className="actions">
        <span className="why" id="post-why">
          {why}
        </span>
        <button type="submit" className="primary" disabled={blocked} aria-describedby="post-why">
          {later ? t('composer.schedule') : t('composer.post')}
        </button>
      </div>
    </form>
  );
}
