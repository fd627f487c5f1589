import { describe, expect, it } from 'vitest';
import { relayOutcomeText } from '@/components/RelayOutcomes';

describe('each relay’s answer in words', () => {
  it('names the relay by host and quotes a refusal in the relay’s own words', () => {
    const relay = 'wss://relay.example.com';
    expect(relayOutcomeText({ relay, status: 'ok', message: '' })).toBe(
      'relay.example.com accepted it',
    );
    expect(relayOutcomeText({ relay, status: 'ok', message: 'duplicate: have it' })).toBe(
      'relay.example.com already had it',
    );
    expect(relayOutcomeText({ relay, status: 'refused', message: 'blocked: no bots' })).toBe(
      'relay.example.com refused it: “blocked: no bots”',
    );
    expect(relayOutcomeText({ relay: 'ws://127.0.0.1:7000/', status: 'unreachable' })).toBe(
      '127.0.0.1:7000 could not be reached',
    );
    expect(relayOutcomeText({ relay, status: 'timeout' })).toBe(
      'relay.example.com did not answer in time',
    );
  });
});
