import { test, expect, demo, openEcAs, signOut, signIn, snap } from './support/fixtures';
import type { PageGlobals } from './support/browser';
import { KEYTAR_SERVICE, keytarAccountFor, type KeytarApi } from '../../src-main/vault/keytarKeyStore';

/**
 * The vault's data key disappears from the OS keychain (here: deleted from the throwaway keyring the
 * e2e run has). Nobody sees a crash or a key in clear: the Referente Tecnico is told what happened,
 * the Referente dei Pagamenti runs the guided recovery, and the lost keys are regenerated.
 */
async function keytar(): Promise<KeytarApi> {
  const loaded = (await import('keytar')) as KeytarApi & { default?: KeytarApi };
  return loaded.default ?? loaded;
}

test('vault key lost: clear message, guided recovery, keys regenerated', async ({ page, host }) => {
  const k = await keytar();
  await openEcAs(page, host, demo.operator.email, demo.operator.password);
  const generated = await page.evaluate(() => (globalThis as unknown as PageGlobals).sportello.invoke('apiKeys.generate', { product: 'nodauth' }));
  expect(generated.ok).toBe(true);
  // the web host keeps the vault's data key in the OS keychain (the run's throwaway keyring)
  expect(await k.getPassword(KEYTAR_SERVICE, keytarAccountFor(host.dataDir))).not.toBeNull();
  expect(await k.deletePassword(KEYTAR_SERVICE, keytarAccountFor(host.dataDir))).toBe(true);

  await test.step('the Referente Tecnico sees what happened and whom to ask; nothing can be revealed', async () => {
    await page.getByRole('navigation', { name: 'Menu del Back Office' }).getByRole('link', { name: 'Chiavi API' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Chiavi API' })).toBeVisible();
    const alert = page.getByRole('alert').filter({ hasText: 'Credenziali salvate non più leggibili' });
    await expect(alert).toContainText('VAULT_KEY_LOST');
    await expect(alert).toContainText('le 2 credenziali illeggibili verranno eliminate');
    await expect(alert).toContainText('Chiedi al Referente dei Pagamenti di ripristinare l’archivio');
    await expect(alert.getByRole('button', { name: 'Ripristina l’archivio' })).toHaveCount(0);
    const nodauth = page.getByRole('region', { name: 'Connessione con Nodo' });
    await expect(nodauth.getByText('Non leggibile: serve il ripristino dell’archivio, poi va rigenerata')).toHaveCount(2);
    await expect(nodauth.getByRole('button', { name: 'Mostra la chiave primaria di Connessione con Nodo' })).toBeDisabled();
    await expect(nodauth.getByRole('button', { name: 'Rigenera la chiave primaria di Connessione con Nodo' })).toBeDisabled();
    await snap(page, '21-chiavi-api-archivio-illeggibile');
  });

  await test.step('the Referente dei Pagamenti resets the store from the home page, after confirming', async () => {
    await signOut(page);
    await signIn(page, demo.admin.email, demo.admin.password);
    await expect(page.getByRole('heading', { level: 1, name: 'Panoramica' })).toBeVisible();
    const alert = page.getByRole('alert').filter({ hasText: 'Credenziali salvate non più leggibili' });
    await alert.getByRole('button', { name: 'Ripristina l’archivio' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ripristinare l’archivio delle credenziali?' });
    await expect(dialog).toContainText('Le 2 credenziali che non si possono più leggere verranno eliminate');
    await snap(page, '22-ripristino-archivio-conferma');
    await dialog.getByRole('button', { name: 'Ripristina ed elimina' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Archivio ripristinato: 2 credenziali eliminate.' })).toBeVisible();
    await expect(alert).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Attivazione su pagoPA' })).toContainText('non è più nell’archivio delle credenziali di Sportello: rigenerala');
  });

  await test.step('the Referente Tecnico regenerates the lost keys, which then work again', async () => {
    await signOut(page);
    await signIn(page, demo.operator.email, demo.operator.password);
    await page.getByRole('navigation', { name: 'Menu del Back Office' }).getByRole('link', { name: 'Chiavi API' }).click();
    const nodauth = page.getByRole('region', { name: 'Connessione con Nodo' });
    await expect(nodauth.getByText('Non disponibile nell’archivio: rigenerala')).toHaveCount(2);
    for (const slot of ['primaria', 'secondaria']) {
      await nodauth.getByRole('button', { name: `Rigenera la chiave ${slot} di Connessione con Nodo` }).click();
      await page.getByRole('dialog', { name: `Rigenerare la chiave ${slot} di Connessione con Nodo?` }).getByRole('button', { name: 'Rigenera' }).click();
      await expect(page.getByRole('status').filter({ hasText: `Rigenerata la chiave ${slot} di Connessione con Nodo` })).toBeVisible();
    }
    await expect(nodauth.getByText('Non disponibile nell’archivio: rigenerala')).toHaveCount(0);
    await nodauth.getByRole('button', { name: 'Mostra la chiave primaria di Connessione con Nodo' }).click();
    await expect(nodauth.getByText(/^[0-9a-f]{32}$/)).toHaveCount(1);
    await page.getByRole('navigation', { name: 'Menu del Back Office' }).getByRole('link', { name: 'Panoramica' }).click();
    await expect(page.getByRole('region', { name: 'Attivazione su pagoPA' })).not.toContainText('rigenerala');
  });
});
