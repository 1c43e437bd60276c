import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiKeyList, OnboardingStatus, VaultStatusView } from '../../../src-shared/ipc/schemas/onboarding';
import { apiProducts } from '../../../src-shared/onboarding/apiProducts';
import { onboardingSteps } from '../../../src-shared/onboarding/steps';
import { apiKeySecretName } from '../../../src-main/onboarding';
import { createTestCore, demoAdmin, demoOperator, dumpDatabase, type TestCore } from '../../support/testCore';

const OP = 'w-operator';
const ADMIN = 'w-admin';
const EC = '80012345676';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ demo: true });
  expect((await t.invoke(OP, 'auth.signIn', demoOperator)).ok).toBe(true);
  expect((await t.invoke(ADMIN, 'auth.signIn', demoAdmin)).ok).toBe(true);
});
afterEach(() => t.close());

async function call<T>(channel: string, input?: unknown, windowId = OP): Promise<T> {
  const result = await t.invoke(windowId, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.data as T;
}

async function reveal(product: string, slot: string, purpose: 'show' | 'copy' = 'show'): Promise<string> {
  return (await call<{ key: string }>('apiKeys.reveal', { product, slot, purpose })).key;
}

function audit(action: string) {
  return t.core.services.audit.page({ limit: 100, action }).items;
}

/** Every byte Sportello writes outside the vault: the EC database and its WAL. */
function sportelloDbBytes(): string {
  return ['sportello.db', 'sportello.db-wal']
    .map((f) => path.join(t.dataDir, f))
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f).toString('latin1'))
    .join('');
}

describe('API keys', () => {
  it('lists every product of the Nodo with its two slots, none issued yet', async () => {
    const list = await call<ApiKeyList>('apiKeys.list');
    expect(list.registered).toBe(true);
    expect(list.products.map((p) => p.product)).toEqual([...apiProducts]);
    expect(list.products[0]).toEqual({
      product: 'nodauth',
      label: 'Connessione con Nodo',
      issued: false,
      primary: { slot: 'primary', createdAt: null, stored: false },
      secondary: { slot: 'secondary', createdAt: null, stored: false },
    });
  });

  it('"Genera" stores both keys in the vault only; they authenticate on the Nodo; step 2 is done', async () => {
    const list = await call<ApiKeyList>('apiKeys.generate', { product: 'nodauth' });
    const nodauth = list.products.find((p) => p.product === 'nodauth')!;
    expect(nodauth).toMatchObject({ issued: true, primary: { stored: true, createdAt: '2026-11-22T09:00:00.000Z' }, secondary: { stored: true } });
    // the list never carries a key
    expect(JSON.stringify(list)).not.toMatch(/[0-9a-f]{32}/);

    const primary = await reveal('nodauth', 'primary');
    const secondary = await reveal('nodauth', 'secondary', 'copy');
    expect(primary).toMatch(/^[0-9a-f]{32}$/);
    expect(secondary).not.toBe(primary);
    expect(await t.core.nodo.authenticate(primary, 'nodauth')).toEqual({ ecFiscalCode: EC, product: 'nodauth', slot: 'primary' });
    expect(await t.core.nodo.authenticate(secondary, 'nodauth')).toMatchObject({ slot: 'secondary' });
    expect(await t.core.nodo.authenticate(primary, 'gpd')).toBeNull();

    expect(t.core.vault.has(apiKeySecretName(EC, 'nodauth', 'primary'))).toBe(true);
    t.core.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = sportelloDbBytes() + dumpDatabase(t.core.db);
    expect(bytes).not.toContain(primary);
    expect(bytes).not.toContain(secondary);

    expect(audit('apiKey.generated')[0]).toMatchObject({ actorName: expect.stringContaining('Luca Bianchi'), details: { product: 'nodauth' } });
    expect(audit('apiKey.revealed')[0]!.details).toEqual({ product: 'nodauth', slot: 'primary' });
    expect(audit('apiKey.copied')[0]!.details).toEqual({ product: 'nodauth', slot: 'secondary' });

    const status = await call<OnboardingStatus>('onboarding.status');
    expect(status.nodoApiKey).toEqual({ issued: true, stored: true });
    expect(onboardingSteps(status).find((s) => s.id === 'station')).toMatchObject({ possible: true, blockedReason: null });
  });

  it('"Genera" twice is refused: the keys exist, use "Rigenera"', async () => {
    await call('apiKeys.generate', { product: 'gpd' });
    const again = await t.invoke(OP, 'apiKeys.generate', { product: 'gpd' });
    expect(again).toMatchObject({ ok: false, error: { code: 'NODO_API_KEYS_ALREADY_ISSUED' } });
  });

  it('"Rigenera" replaces one key: the old one stops working at once, the other slot keeps working', async () => {
    await call('apiKeys.generate', { product: 'nodauth' });
    const oldPrimary = await reveal('nodauth', 'primary');
    const secondary = await reveal('nodauth', 'secondary');
    t.clock.advance(60_000);
    const list = await call<ApiKeyList>('apiKeys.regenerate', { product: 'nodauth', slot: 'primary' });
    expect(list.products[0]!.primary.createdAt).toBe('2026-11-22T09:01:00.000Z');
    const newPrimary = await reveal('nodauth', 'primary');
    expect(newPrimary).not.toBe(oldPrimary);
    expect(await t.core.nodo.authenticate(oldPrimary, 'nodauth')).toBeNull();
    expect(await t.core.nodo.authenticate(newPrimary, 'nodauth')).toMatchObject({ slot: 'primary' });
    expect(await t.core.nodo.authenticate(secondary, 'nodauth')).toMatchObject({ slot: 'secondary' });
    const entry = audit('apiKey.regenerated')[0]!;
    expect(entry.details).toEqual({ product: 'nodauth', slot: 'primary' });
    expect(JSON.stringify(t.core.services.audit.page({ limit: 500 }))).not.toContain(newPrimary);
  });

  it('keys cannot be generated before the EC is registered on the Nodo', async () => {
    const fresh = await createTestCore();
    try {
      await fresh.invoke('w', 'setup.complete', {
        ec: { name: 'Comune di Roccaverde', fiscalCode: '80215430580', segregationCode: '12' },
        admin: { firstName: 'A', lastName: 'B', email: 'a@b.it', password: 'Password123', passwordConfirm: 'Password123' },
      });
      await fresh.invoke('w', 'staff.create', { firstName: 'C', lastName: 'D', email: 'c@d.it', role: 'ecOperator', password: 'Password123', passwordConfirm: 'Password123' });
      expect((await fresh.invoke('op', 'auth.signIn', { username: 'c@d.it', password: 'Password123' })).ok).toBe(true);
      const list = await fresh.invoke('op', 'apiKeys.list');
      expect(list).toMatchObject({ ok: true, data: { registered: false } });
      expect(await fresh.invoke('op', 'apiKeys.generate', { product: 'nodauth' })).toMatchObject({ ok: false, error: { code: 'ONBOARDING_NOT_REGISTERED' } });
    } finally {
      await fresh.close();
    }
  });
});

describe('API keys when the vault cannot be used', () => {
  it('a locked keychain: "Genera" is refused before the Nodo issues anything, with the vault’s message', async () => {
    t.keyStore.failure = 'VAULT_KEYCHAIN_LOCKED';
    const result = await t.invoke(OP, 'apiKeys.generate', { product: 'nodauth' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VAULT_KEYCHAIN_LOCKED', message: expect.stringMatching(/bloccato/) } });
    expect(await t.core.nodo.listApiKeys(EC)).toEqual([]);
    const vault = await call<VaultStatusView>('vault.status');
    expect(vault).toMatchObject({ state: 'keychainUnavailable', errorCode: 'VAULT_KEYCHAIN_LOCKED', resettable: false, guidance: expect.stringMatching(/Sblocca/) });
    // a locked keychain is not a lost key: no reset
    expect(await t.invoke(ADMIN, 'vault.reset', { confirm: true })).toMatchObject({ ok: false, error: { code: 'VAULT_KEYCHAIN_LOCKED' } });
    t.keyStore.failure = null;
    expect((await t.invoke(OP, 'apiKeys.generate', { product: 'nodauth' })).ok).toBe(true);
  });

  it('a keychain that cannot save: the keys issued anyway are logged and listed as missing, "Rigenera" recovers', async () => {
    t.keyStore.writeFailure = 'VAULT_KEYCHAIN_UNAVAILABLE';
    const result = await t.invoke(OP, 'apiKeys.generate', { product: 'nodauth' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VAULT_KEYCHAIN_UNAVAILABLE' } });
    expect(await t.core.nodo.listApiKeys(EC)).toHaveLength(1);
    expect(audit('apiKey.generated')[0]!.details).toEqual({ product: 'nodauth', stored: false });
    expect((await call<ApiKeyList>('apiKeys.list')).products[0]).toMatchObject({ issued: true, primary: { stored: false }, secondary: { stored: false } });
    t.keyStore.writeFailure = null;
    await call('apiKeys.regenerate', { product: 'nodauth', slot: 'primary' });
    await call('apiKeys.regenerate', { product: 'nodauth', slot: 'secondary' });
    expect(await t.core.nodo.authenticate(await reveal('nodauth', 'secondary'), 'nodauth')).toMatchObject({ slot: 'secondary' });
  });

  it('key lost: the guided recovery removes the unreadable keys, then "Rigenera" brings them back', async () => {
    await call('apiKeys.generate', { product: 'nodauth' });
    await call('apiKeys.generate', { product: 'gpd' });
    const oldPrimary = await reveal('nodauth', 'primary');
    // Sportello starts again and the keychain no longer has the data key (new user profile, reinstall)
    await t.close();
    t = await createTestCore({ dataDir: t.dataDir, clock: t.clock });
    expect(t.keyStore.material).toBeNull();
    expect((await t.invoke(OP, 'auth.signIn', demoOperator)).ok).toBe(true);
    expect((await t.invoke(ADMIN, 'auth.signIn', demoAdmin)).ok).toBe(true);

    const vault = await call<VaultStatusView>('vault.status');
    expect(vault).toMatchObject({ state: 'keyLost', errorCode: 'VAULT_KEY_LOST', unreadableCount: 4, resettable: true });
    expect(vault.unreadableApiKeys).toEqual(
      expect.arrayContaining([
        { product: 'nodauth', slot: 'primary' },
        { product: 'gpd', slot: 'secondary' },
      ]),
    );
    expect(await t.invoke(OP, 'apiKeys.reveal', { product: 'nodauth', slot: 'primary', purpose: 'show' })).toMatchObject({ ok: false, error: { code: 'VAULT_KEY_LOST' } });
    // regenerating into a vault that cannot be written would lose the new key too
    expect(await t.invoke(OP, 'apiKeys.regenerate', { product: 'nodauth', slot: 'primary' })).toMatchObject({ ok: false, error: { code: 'VAULT_KEY_LOST' } });
    expect(await t.core.nodo.authenticate(oldPrimary, 'nodauth')).not.toBeNull();

    // the Referente Tecnico cannot reset; the Referente dei Pagamenti can, with confirmation
    expect(await t.invoke(OP, 'vault.reset', { confirm: true })).toMatchObject({ ok: false, error: { code: 'AUTH_FORBIDDEN' } });
    expect(await t.invoke(ADMIN, 'vault.reset', {})).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_INPUT' } });
    const reset = await call<{ droppedCount: number }>('vault.reset', { confirm: true }, ADMIN);
    expect(reset.droppedCount).toBe(4);
    expect(audit('vault.reset')[0]!.details).toMatchObject({ dropped: expect.arrayContaining([apiKeySecretName(EC, 'nodauth', 'primary')]), keyCreated: true, backupTaken: true });
    expect(await call<VaultStatusView>('vault.status')).toMatchObject({ state: 'ok', unreadableCount: 0 });

    const list = await call<ApiKeyList>('apiKeys.list');
    expect(list.products[0]).toMatchObject({ issued: true, primary: { stored: false }, secondary: { stored: false } });
    expect(await t.invoke(OP, 'apiKeys.reveal', { product: 'nodauth', slot: 'primary', purpose: 'show' })).toMatchObject({ ok: false, error: { code: 'API_KEY_NOT_STORED' } });
    const status = await call<OnboardingStatus>('onboarding.status');
    expect(status.nodoApiKey).toEqual({ issued: true, stored: false });
    expect(onboardingSteps(status).find((s) => s.id === 'nodoApiKey')!.note).toMatch(/rigenerala/);

    await call('apiKeys.regenerate', { product: 'nodauth', slot: 'primary' });
    await call('apiKeys.regenerate', { product: 'nodauth', slot: 'secondary' });
    const fresh = await reveal('nodauth', 'primary');
    expect(await t.core.nodo.authenticate(fresh, 'nodauth')).toMatchObject({ slot: 'primary' });
    expect(await t.core.nodo.authenticate(oldPrimary, 'nodauth')).toBeNull();
    expect((await call<OnboardingStatus>('onboarding.status')).nodoApiKey).toEqual({ issued: true, stored: true });
    // nothing to reset any more
    expect(await t.invoke(ADMIN, 'vault.reset', { confirm: true })).toMatchObject({ ok: false, error: { code: 'VAULT_RESET_NOT_NEEDED' } });
  });
});
