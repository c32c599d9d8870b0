/**
 * The pane's password verifier (WebCrypto, protectionHashWeb.ts) against the
 * Node one (protectionHash.ts, node:crypto) that the CLI and its tests use:
 * the same salt and spin count give the same hash, for passwords in both
 * scripts; stopping is seen between rounds.
 */
import { describe, expect, it } from '@jest/globals';
import { DEFAULT_SPIN_COUNT, protectionVerifier } from '../../../src/renderers/xlsx/protectionHash';
import { base64ToBytes, bytesToBase64, HashStopped, protectionVerifierWeb, SPINS_PER_CHECK, WEB_SPIN_COUNT, webCryptoSha512 } from '../../../src/renderers/xlsx/protectionHashWeb';

const SALT = Buffer.from('0123456789abcdef').toString('base64');

describe('protectionVerifierWeb', () => {
  it('spins as many rounds as Excel by default, like the Node verifier', () => {
    expect(WEB_SPIN_COUNT).toBe(DEFAULT_SPIN_COUNT);
  });

  it.each([
    ['ascii', 'Pz-41!kQ_hetw', 1],
    ['Chinese and an emoji (a surrogate pair)', 'Rep-copies 2024 密码 😀', 2_500],
    ['empty', '', 7],
  ])('equals the Node verifier for a %s password', async (_what, password, spinCount) => {
    const web = await protectionVerifierWeb(password, { saltValue: SALT, spinCount });
    expect(web).toEqual(protectionVerifier(password, { saltValue: SALT, spinCount }));
  });

  it('equals the Node verifier at 100,000 rounds with a random salt of 16 bytes', async () => {
    const web = await protectionVerifierWeb('Rep-copies 2024 密码');
    expect(base64ToBytes(web.saltValue)).toHaveLength(16);
    expect(web.spinCount).toBe(100_000);
    expect(web).toEqual(protectionVerifier('Rep-copies 2024 密码', { saltValue: web.saltValue }));
  }, 60_000);

  it('uses the injected digest, once per round plus the first', async () => {
    let calls = 0;
    const digest = async (data: Uint8Array): Promise<Uint8Array> => {
      calls++;
      return webCryptoSha512(data);
    };
    await protectionVerifierWeb('x', { saltValue: SALT, spinCount: 10, digest });
    expect(calls).toBe(11);
  });

  it('stops when asked, at the next check', async () => {
    let asked = 0;
    await expect(
      protectionVerifierWeb('x', {
        saltValue: SALT,
        spinCount: SPINS_PER_CHECK * 3,
        shouldStop: () => ++asked >= 2,
      }),
    ).rejects.toBeInstanceOf(HashStopped);
    expect(asked).toBe(2);
  });

  it('base64 round-trips every byte value', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(bytesToBase64(all)).toBe(Buffer.from(all).toString('base64'));
    expect(base64ToBytes(bytesToBase64(all))).toEqual(all);
  });
});
