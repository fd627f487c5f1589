import { useEffect, useRef, useState, type ReactNode } from 'react';
import { t } from '@/utils/i18n/messages';

/** A button that asks inline before doing something that cannot be undone. */
export function ConfirmAction(props: {
  /** The first button's text, e.g. "Delete everywhere". */
  label: string;
  confirmLabel: string;
  /** Names the question for screen readers, e.g. "Confirm deleting this post everywhere". */
  question: string;
  /** Said next to the question: what will and will not happen. */
  note?: ReactNode;
  /** The button that backs out; "Cancel" unless that would be confusing (e.g. "Cancel schedule"). */
  keepLabel?: string;
  busy?: boolean;
  busyLabel?: string;
  onConfirm(): void;
}) {
  const [asking, setAsking] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);

  useEffect(() => {
    // Focus follows the question and comes back on Cancel, so the keyboard never falls to the top.
    if (asking) cancel.current?.focus();
    else if (asked.current) trigger.current?.focus();
    asked.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" ref={trigger} disabled={props.busy} onClick={() => setAsking(true)}>
        {props.busy ? (props.busyLabel ?? props.label) : props.label}
      </button>
    );
  }
  return (
    <span role="group" aria-label={props.question} className="confirm">
      {props.note ? <span className="muted">{props.note}</span> : null}
      <button
        type="button"
        className="danger"
        onClick={() => {
          asked.current = false;
          setAsking(false);
          props.onConfirm();
        }}
      >
        {props.confirmLabel}
      </button>
      <button type="button" ref={cancel} onClick={() => setAsking(false)}>
        {props.keepLabel ?? t('common.cancel')}
      </button>
    </span>
  );
}
