// @vitest-environment happy-dom
import { act, useEffect, type FormEvent } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useConnectSubmit } from '@/components/use-connect-submit';
import { CrosswindError, type SerializedError } from '@/utils/errors';
import type { Account, ConnectFields } from '@/utils/networks/types';
import { testAccount } from '../test-accounts';

const connectAccount = vi.hoisted(() =>
  vi.fn<(network: string, fields: ConnectFields) => Promise<Account>>(),
);
vi.mock('@/utils/connect-account', () => ({ connectAccount }));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Hook = ReturnType<typeof useConnectSubmit>;

let root: Root;
let hook: Hook;

function Probe(props: {
  fields: () => ConnectFields | Promise<ConnectFields>;
  onConnected?: (account: Account) => void;
  onError?: (error: SerializedError) => void;
}) {
  const result = useConnectSubmit('peertube', props.fields, props.onConnected, props.onError);
  useEffect(() => {
    hook = result;
  });
  return null;
}

/** Fields a form refuses before connecting (two passphrases that differ). */
function refusingFields(): ConnectFields {
  throw new CrosswindError('validation', 'The passphrases differ.');
}

const submitEvent = () => ({ preventDefault: vi.fn() }) as unknown as FormEvent;

beforeEach(() => {
  connectAccount.mockReset();
  root = createRoot(document.createElement('div'));
});
afterEach(() => act(() => root.unmount()));

describe('a connect form’s submit', () => {
  it('asks for the fields at once, while the click counts, then names the account it connected', async () => {
    const calls: string[] = [];
    const onConnected = vi.fn();
    let release!: (fields: ConnectFields) => void;
    const fields = () => {
      calls.push('fields');
      return new Promise<ConnectFields>((resolve) => (release = resolve));
    };
    connectAccount.mockResolvedValue(testAccount('p1', 'peertube'));
    act(() => root.render(<Probe fields={fields} onConnected={onConnected} />));
    let submitted!: Promise<void>;
    act(() => {
      submitted = hook.submit(submitEvent());
      calls.push('after submit');
    });
    expect(calls).toEqual(['fields', 'after submit']);
    expect(hook.busy).toBe(true);
    await act(async () => {
      release({ server: 'https://tube.example' });
      await submitted;
    });
    expect(connectAccount).toHaveBeenCalledWith('peertube', { server: 'https://tube.example' });
    expect(onConnected).toHaveBeenCalledOnce();
    expect(hook.busy).toBe(false);
    expect(hook.done).toMatch(/^Connected /);
  });

  it('shows what the fields refused instead of connecting', async () => {
    act(() => root.render(<Probe fields={refusingFields} />));
    await act(() => hook.submit(submitEvent()));
    expect(connectAccount).not.toHaveBeenCalled();
    expect(hook.error?.message).toBe('The passphrases differ.');
    expect(hook.busy).toBe(false);
  });

  it('hands a failure to the form before showing it, so it can ask for a code', async () => {
    const onError = vi.fn();
    connectAccount.mockRejectedValue(
      new CrosswindError('auth', 'A code is needed.', { detail: 'otp-required' }),
    );
    act(() => root.render(<Probe fields={() => ({})} onError={onError} />));
    await act(() => hook.submit(submitEvent()));
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ detail: 'otp-required' }));
    expect(hook.error?.message).toBe('A code is needed.');
    act(() => hook.report(null));
    expect(hook.error).toBeNull();
  });
});
