import type { VideoPlan } from '@/utils/compose/video-plan';
import { t } from '@/utils/i18n/messages';
import { NETWORK_INFO } from '@/utils/networks/info';
import { useVideoChannel } from '@/utils/networks/peertube/use-channel';
import type { Account } from '@/utils/networks/types';

/** What one account does with the clip, or why it cannot take it, under its counter. */
export default function VideoPlanNote(props: { plan: VideoPlan; account: Account }) {
  const { plan } = props;
  if (plan.problem) {
    return <span className="counter-detail counter-needs">{plan.problem}</span>;
  }
  return (
    <>
      {plan.title !== undefined ? (
        <VideoPostNote title={plan.title} account={props.account} fallback={plan.note} />
      ) : plan.note ? (
        <span className="counter-detail">{plan.note}</span>
      ) : null}
      {plan.cautions?.map((caution) => (
        <span key={caution} className="counter-detail counter-needs">
          {caution}
        </span>
      ))}
    </>
  );
}

/** "PeerTube: uploaded to channel Cats as “Title”", once the account's channel is read. */
function VideoPostNote(props: { title: string; account: Account; fallback?: string }) {
  const channel = useVideoChannel(props.account.id);
  const network = NETWORK_INFO[props.account.network].name;
  const note = channel
    ? t('video.postNoteChannel', { network, channel, title: props.title })
    : props.fallback;
  return note ? <span className="counter-detail">{note}</span> : null;
}
