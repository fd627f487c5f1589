import type { Draft } from '@/utils/compose/draft';
import { useComposer } from '@/utils/composer-store';
import type { NetworkId } from '@/utils/networks/types';
import { LinkCardPreview } from './LinkCardPreview';
import { useLinkCard } from './use-link-card';

/**
 * The card for the text's first link, for a network whose cards Crosswind builds. Loaded apart
 * from the composer: finding links takes every top-level domain there is, which the first frame
 * does without.
 */
export default function LinkCardSection(props: {
  draft: Draft;
  cardNetwork: NetworkId | undefined;
  disabled: boolean;
}) {
  const removeLinkCard = useComposer((state) => state.removeLinkCard);
  const linkCard = useLinkCard(props.draft, props.cardNetwork);
  return (
    <LinkCardPreview
      card={props.draft.linkCard}
      state={linkCard.state}
      hasImages={props.draft.images.length > 0}
      hasVideo={props.draft.video !== undefined}
      disabled={props.disabled}
      onRemove={removeLinkCard}
      onRetry={linkCard.retry}
    />
  );
}
