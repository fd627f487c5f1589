import { useState } from 'react';
import type { Draft } from '@/utils/compose/draft';
import { selfLabelOf, warningInLabelledText } from '@/utils/compose/draft-choices';
import { SELF_LABEL_NAMES } from '@/utils/compose/warning-label';
import type { SelfLabel } from '@/utils/networks/types';
import { useComposer } from '@/utils/composer-store';
import { t } from '@/utils/i18n/messages';

const LABELS = Object.keys(SELF_LABEL_NAMES) as Array<SelfLabel | 'none'>;

/**
 * One content warning for every network: a text warning where the network has one, a self-label
 * (and optionally the warning atop the text) where it labels instead.
 */
export function WarningFields(props: {
  draft: Draft;
  /** The picked network that labels rather than warns, by name; unset when none is picked. */
  labelNetwork: string | undefined;
  disabled: boolean;
}) {
  const setContentWarning = useComposer((state) => state.setContentWarning);
  const setBlueskyLabel = useComposer((state) => state.setBlueskyLabel);
  const setWarningInBlueskyText = useComposer((state) => state.setWarningInBlueskyText);
  const warning = props.draft.contentWarning;
  const [open, setOpen] = useState(warning.length > 0);
  const shown = open || warning.length > 0;
  const label = selfLabelOf(props.draft);

  const toggle = () => {
    if (shown) {
      setContentWarning('');
      setOpen(false);
    } else {
      setOpen(true);
    }
  };

  return (
    <div className="warning">
      <button
        type="button"
        className="toggle"
        aria-pressed={shown}
        onClick={toggle}
        disabled={props.disabled}
      >
        {shown ? t('warning.remove') : t('warning.add')}
      </button>
      {shown ? (
        <div className="warning-fields">
          <label className="field">
            <span>{t('warning.label')}</span>
            <input
              type="text"
              value={warning}
              placeholder={t('warning.placeholder')}
              dir="auto"
              maxLength={500}
              autoFocus={open && warning.length === 0}
              readOnly={props.disabled}
              onChange={(event) => setContentWarning(event.currentTarget.value)}
            />
          </label>
          {props.labelNetwork && warning.trim() ? (
            <>
              <label className="field">
                <span>{t('warning.networkLabel', { network: props.labelNetwork })}</span>
                <select
                  value={label}
                  disabled={props.disabled}
                  onChange={(event) =>
                    setBlueskyLabel(event.currentTarget.value as SelfLabel | 'none')
                  }
                >
                  {LABELS.map((value) => (
                    <option key={value} value={value}>
                      {SELF_LABEL_NAMES[value]}
                    </option>
                  ))}
                </select>
              </label>
              <label className="check">
                <input
                  type="checkbox"
                  checked={warningInLabelledText(props.draft)}
                  disabled={props.disabled}
                  onChange={(event) => setWarningInBlueskyText(event.currentTarget.checked)}
                />
                {t('warning.atTop', { network: props.labelNetwork })}
              </label>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
