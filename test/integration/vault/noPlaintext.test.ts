import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_FILE_NAME } from '../../../src-main/db/openDatabase';
import { consoleLogger } from '../../../src-main/platform/logger';
import { parseKeySet } from '../../../src-main/vault/keyMaterial';
import { createVault, VAULT_DATABASE_FILE_NAME } from '../../../src-main/vault/vault';
import { InMemoryKeyStore } from '../../support/inMemoryKeyStore';
import { createTestCore, tempDir } from '../../support/testCore';

/**
 * Every way a secret could show up if something wrote it in clear: its UTF-8 and UTF-16 bytes, hex,
 * and base64/base64url at each of the three byte alignments it could sit at inside a longer blob.
 */
function revealingForms(secret: Buffer): Buffer[] {
  const forms = [secret, Buffer.from(secret.toString('utf8'), 'utf16le'), Buffer.from(secret.toString('hex')), Buffer.from(secret.toString('hex').toUpperCase())];
  for (const encoding of ['base64', 'base64url'] as const) {
    for (let shift = 0; shift < 3; shift++) {
      const text = Buffer.concat([Buffer.alloc(shift), secret]).toString(encoding);
      // drop the characters that also depend on neighbouring bytes
      forms.push(Buffer.from(text.slice(shift === 0 ? 0 : 4, -4)));
    }
  }
  return forms;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** Where each needle was found, as `file: label`. */
function findLeaks(haystacks: Array<{ where: string; bytes: Buffer }>, needles: Array<{ label: string; bytes: Buffer }>): string[] {
  const leaks: string[] = [];
  for (const { where, bytes } of haystacks) {
    for (const needle of needles) {
      if (revealingForms(needle.bytes).some((form) => form.length > 0 && bytes.includes(form))) leaks.push(`${where}: ${needle.label}`);
    }
  }
  return leaks;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('no secret in clear anywhere on disk or in the logs', () => {
  it('the scanner itself finds a secret written in any of the forms it looks for', () => {
    const secret = Buffer.from(`canary-${randomBytes(9).toString('hex')}`);
    for (const [i, form] of revealingForms(secret).entries()) {
      const blob = Buffer.concat([randomBytes(7 + i), form, randomBytes(5)]);
      expect(findLeaks([{ where: `form ${i}`, bytes: blob }], [{ label: 'canary', bytes: secret }])).toEqual([`form ${i}: canary`]);
    }
    // a base64 blob that merely contains the secret at an odd offset is found too
    const embedded = Buffer.from(Buffer.concat([Buffer.from('xy'), secret, Buffer.from('z')]).toString('base64'));
    expect(findLeaks([{ where: 'blob', bytes: embedded }], [{ label: 'canary', bytes: secret }])).toHaveLength(1);
  });

  it('after writing, reading, replacing, rotating and failing, neither the data dir nor the log holds a secret or the key', async () => {
    const logLines: string[] = [];
    const capture = (...args: unknown[]) => {
      logLines.push(args.map(String).join(' '));
    };
    vi.spyOn(console, 'log').mockImplementation(capture);
    vi.spyOn(console, 'warn').mockImplementation(capture);
    vi.spyOn(console, 'error').mockImplementation(capture);

    const dataDir = tempDir('sportello-leak-');
    const t = await createTestCore({ dataDir, demo: true });
    const keyStore = new InMemoryKeyStore();
    const vault = createVault({ dataDir, keyStore, clock: t.clock, logger: consoleLogger('sportello') });

    const secrets: Record<string, { purpose: string; value: string }> = {
      'nodo.apiKey.primary': { purpose: 'nodo.apiKey', value: `pk-${randomBytes(16).toString('hex')}` },
      'nodo.apiKey.secondary': { purpose: 'nodo.apiKey', value: `sk_${randomBytes(18).toString('base64url')}` },
      'station.80012345676_01.password': { purpose: 'station.password', value: `Stazione-${randomBytes(6).toString('hex')}-àèì€` },
      'smtp.password': { purpose: 'smtp.password', value: `posta ${randomBytes(8).toString('hex')} con spazi` },
    };
    const replaced = `vecchia-${randomBytes(10).toString('hex')}`;
    await vault.put('smtp.password', 'smtp.password', replaced);
    for (const [name, s] of Object.entries(secrets)) await vault.put(name, s.purpose, s.value);
    for (const [name, s] of Object.entries(secrets)) expect(await vault.get(name)).toBe(s.value);
    await vault.rotateDataKey();
    const deleted = `cancellata-${randomBytes(10).toString('hex')}`;
    await vault.put('temporary.token', 'temporary.token', deleted);
    await vault.delete('temporary.token');
    // failures log too: a locked keychain, a damaged row
    keyStore.failure = 'VAULT_KEYCHAIN_LOCKED';
    await vault.status();
    const second = createVault({ dataDir, keyStore, clock: t.clock, logger: consoleLogger('sportello') });
    await expect(second.get('smtp.password')).rejects.toThrow();
    second.close();
    keyStore.failure = null;
    expect((await vault.status()).state).toBe('ok');
    expect(logLines.length).toBeGreaterThan(3);

    const key = parseKeySet(keyStore.material!).keys[0]!;
    const needles = [
      ...Object.entries(secrets).map(([name, s]) => ({ label: name, bytes: Buffer.from(s.value, 'utf8') })),
      { label: 'replaced smtp password', bytes: Buffer.from(replaced) },
      { label: 'deleted token', bytes: Buffer.from(deleted) },
      { label: 'data key', bytes: key.key },
      { label: 'data key (base64url text)', bytes: Buffer.from(key.key.toString('base64url')) },
    ];
    const scan = () => [
      ...filesUnder(dataDir).map((file) => ({ where: path.relative(dataDir, file), bytes: fs.readFileSync(file) })),
      { where: 'log', bytes: Buffer.from(logLines.join('\n'), 'utf8') },
    ];

    // while open: the -wal files hold the latest pages
    const files = filesUnder(dataDir).map((f) => path.relative(dataDir, f));
    expect(files).toEqual(expect.arrayContaining([VAULT_DATABASE_FILE_NAME, `${VAULT_DATABASE_FILE_NAME}-wal`, DATABASE_FILE_NAME]));
    expect(findLeaks(scan(), needles)).toEqual([]);

    // and after closing, once the WAL has been folded into the database files
    vault.close();
    t.close();
    expect(findLeaks(scan(), needles)).toEqual([]);
    // the secrets are really stored (the scan was not vacuous)
    const reopened = createVault({ dataDir, keyStore, clock: t.clock, logger: consoleLogger('sportello') });
    expect(await reopened.get('smtp.password')).toBe(secrets['smtp.password']!.value);
    reopened.close();
  });
});
