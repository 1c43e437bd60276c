import { useCallback, useEffect, useState } from 'react';
import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { Autorenew, ContentCopy, Visibility, VisibilityOff } from '@mui/icons-material';
import { useTranslation } from 'react-i18next';
import type { ApiKeyList, ApiKeyProductView } from '../../../../src-shared/ipc/schemas/onboarding';
import type { ApiKeySlot, ApiProduct } from '../../../../src-shared/onboarding/apiProducts';
import { api, type ApiError } from '../../../api/client';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeading } from '../../../components/PageHeading';
import { displayDateTime } from '../../../components/format';
import { useNotifications } from '../../../stores/notifications';
import { useOnboarding } from '../../../stores/onboarding';
import { VaultStatusAlert } from '../vault/VaultStatusAlert';
import { LoadingStatus } from '../../../components/LoadingStatus';

const MASK = '••••••••••••••••••••••••••••••••';
/** Read by screen readers, not shown. */
const visuallyHidden = { position: 'absolute', width: '1px', height: '1px', margin: '-1px', padding: 0, border: 0, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;
const keyId = (product: ApiProduct, slot: ApiKeySlot) => `${product}.${slot}`;

/** The EC's API keys per product (Referente Tecnico): generate, show or copy on request, regenerate. */
export function ApiKeysPage() {
  const { t } = useTranslation();
  const notify = useNotifications((s) => s.notify);
  const refreshOnboarding = useOnboarding((s) => s.refresh);
  const vault = useOnboarding((s) => s.vault);
  // keys the vault holds but can no longer decrypt (key lost): as good as missing
  const unreadable = new Set((vault?.unreadableApiKeys ?? []).map((k) => keyId(k.product, k.slot)));
  // main refuses to generate into a vault it cannot write; the alert above says why
  const vaultReady = vault === null || vault.state === 'ok';
  const [list, setList] = useState<ApiKeyList | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  // only the keys a person asked to see, until they hide them or leave the page
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<{ product: ApiKeyProductView; slot: ApiKeySlot } | null>(null);

  const reload = useCallback(async () => {
    const result = await api.invoke('apiKeys.list');
    if (result.ok) {
      setList(result.data);
      setLoadError(null);
    } else setLoadError(result.error);
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const fail = (error: ApiError) => notify({ severity: 'error', message: error.message, code: error.code });
  const slotLabel = (slot: ApiKeySlot) => t(`apiKeys.slot.${slot}`);
  // mid-sentence: «la chiave primaria di …»
  const slotName = (slot: ApiKeySlot) => slotLabel(slot).toLowerCase();

  const generate = async (p: ApiKeyProductView) => {
    setBusy(`generate.${p.product}`);
    const result = await api.invoke('apiKeys.generate', { product: p.product });
    setBusy(null);
    if (result.ok) {
      setList(result.data);
      notify({ severity: 'success', message: t('apiKeys.generated', { product: p.label }) });
      await refreshOnboarding();
    } else fail(result.error);
  };

  const show = async (p: ApiKeyProductView, slot: ApiKeySlot) => {
    const id = keyId(p.product, slot);
    if (revealed[id] !== undefined) {
      setRevealed(({ [id]: _hidden, ...rest }) => rest);
      return;
    }
    setBusy(`show.${id}`);
    const result = await api.invoke('apiKeys.reveal', { product: p.product, slot, purpose: 'show' });
    setBusy(null);
    if (result.ok) setRevealed((r) => ({ ...r, [id]: result.data.key }));
    else fail(result.error);
  };

  const copy = async (p: ApiKeyProductView, slot: ApiKeySlot) => {
    const id = keyId(p.product, slot);
    setBusy(`copy.${id}`);
    const result = await api.invoke('apiKeys.reveal', { product: p.product, slot, purpose: 'copy' });
    setBusy(null);
    if (!result.ok) return fail(result.error);
    try {
      await navigator.clipboard.writeText(result.data.key);
      notify({ severity: 'success', message: t('apiKeys.copied', { slot: slotName(slot), product: p.label }) });
    } catch {
      notify({ severity: 'error', message: t('apiKeys.copyFailed') });
    }
  };

  const regenerate = async () => {
    if (!confirm) return;
    const { product: p, slot } = confirm;
    setBusy(`regenerate.${keyId(p.product, slot)}`);
    const result = await api.invoke('apiKeys.regenerate', { product: p.product, slot });
    setBusy(null);
    setConfirm(null);
    if (result.ok) {
      setList(result.data);
      setRevealed(({ [keyId(p.product, slot)]: _old, ...rest }) => rest);
      notify({ severity: 'success', message: t('apiKeys.regenerated', { slot: slotName(slot), product: p.label }) });
      await refreshOnboarding();
    } else fail(result.error);
  };

  return (
    <>
      <PageHeading title={t('apiKeys.heading')} subtitle={t('apiKeys.intro')} />
      <VaultStatusAlert onRecovered={() => void reload()} />
      <ErrorAlert error={loadError} sx={{ mb: 2 }} />
      {list === null && !loadError ? (
        <LoadingStatus />
      ) : null}
      {list && !list.registered ? (
        <Alert severity="info" sx={{ mb: 3 }}>
          {t('apiKeys.notRegistered')}
        </Alert>
      ) : null}
      {list ? (
        <Stack spacing={2}>
          {list.products.map((p) => (
            <Paper key={p.product} variant="outlined" component="section" aria-labelledby={`product-${p.product}`} sx={{ p: 2.5 }}>
              <Stack direction={{ xs: 'column', sm: 'row' }} justifyContent="space-between" alignItems={{ sm: 'center' }} spacing={1}>
                <Box>
                  <Typography variant="h6" component="h2" id={`product-${p.product}`}>
                    {p.label}
                  </Typography>
                  <Typography variant="body2" color="text.secondary">
                    {t('apiKeys.productCode', { code: p.product })}
                  </Typography>
                </Box>
                {!p.issued ? (
                  <Button
                    variant={p.product === 'nodauth' ? 'contained' : 'outlined'}
                    disabled={!list.registered || !vaultReady || busy !== null}
                    onClick={() => void generate(p)}
                    aria-label={t('apiKeys.generateLabel', { product: p.label })}
                  >
                    {t('apiKeys.generate')}
                  </Button>
                ) : null}
              </Stack>
              {!p.issued ? (
                <Typography color="text.secondary" sx={{ mt: 1 }}>
                  {t('apiKeys.none')}
                </Typography>
              ) : (
                <Box component="dl" sx={{ m: 0, mt: 2, display: 'grid', gap: 1.5 }}>
                  {([p.primary, p.secondary] as const).map((s) => {
                    const id = keyId(p.product, s.slot);
                    const value = revealed[id];
                    const stored = s.stored && !unreadable.has(id);
                    const names = { slot: slotName(s.slot), product: p.label };
                    return (
                      <Box key={s.slot} sx={{ display: 'grid', gridTemplateColumns: { md: '170px 1fr auto' }, alignItems: 'center', gap: 1.5 }}>
                        <Typography component="dt" sx={{ fontWeight: 600 }}>
                          {slotLabel(s.slot)}
                        </Typography>
                        <Box component="dd" sx={{ m: 0, minWidth: 0 }}>
                          {stored ? (
                            <Typography component="span" sx={{ fontFamily: '"DM Mono", monospace', fontSize: 15, wordBreak: 'break-all', display: 'block' }}>
                              {value ?? (
                                <>
                                  <span aria-hidden>{MASK}</span>
                                  <Box component="span" sx={visuallyHidden}>
                                    {t('apiKeys.masked')}
                                  </Box>
                                </>
                              )}
                            </Typography>
                          ) : (
                            <Typography component="span" color="error" sx={{ fontWeight: 600, display: 'block' }}>
                              {unreadable.has(id) ? t('apiKeys.unreadable') : t('apiKeys.notStored')}
                            </Typography>
                          )}
                          {s.createdAt ? (
                            <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                              {t('apiKeys.createdAt', { when: displayDateTime(s.createdAt) })}
                            </Typography>
                          ) : null}
                        </Box>
                        <Stack direction="row" spacing={0.5} sx={{ '& .MuiButton-root': { whiteSpace: 'nowrap' } }}>
                          <Button
                            size="small"
                            startIcon={value ? <VisibilityOff aria-hidden /> : <Visibility aria-hidden />}
                            disabled={!stored || busy !== null}
                            aria-pressed={value !== undefined}
                            aria-label={t(value ? 'apiKeys.hideLabel' : 'apiKeys.showLabel', names)}
                            onClick={() => void show(p, s.slot)}
                          >
                            {value ? t('apiKeys.hide') : t('apiKeys.show')}
                          </Button>
                          <Button
                            size="small"
                            startIcon={<ContentCopy aria-hidden />}
                            disabled={!stored || busy !== null}
                            aria-label={t('apiKeys.copyLabel', names)}
                            onClick={() => void copy(p, s.slot)}
                          >
                            {t('apiKeys.copy')}
                          </Button>
                          <Button
                            size="small"
                            color={stored ? 'error' : 'primary'}
                            variant={stored ? 'text' : 'contained'}
                            startIcon={<Autorenew aria-hidden />}
                            disabled={!vaultReady || busy !== null}
                            aria-label={t('apiKeys.regenerateLabel', names)}
                            onClick={() => setConfirm({ product: p, slot: s.slot })}
                          >
                            {t('apiKeys.regenerate')}
                          </Button>
                        </Stack>
                      </Box>
                    );
                  })}
                </Box>
              )}
            </Paper>
          ))}
        </Stack>
      ) : null}
      <ConfirmDialog
        open={confirm !== null}
        title={confirm ? t('apiKeys.confirmTitle', { slot: slotName(confirm.slot), product: confirm.product.label }) : ''}
        confirmLabel={t('apiKeys.regenerate')}
        destructive
        busy={busy !== null}
        onConfirm={() => void regenerate()}
        onCancel={() => setConfirm(null)}
      >
        {t('apiKeys.confirmBody')}
      </ConfirmDialog>
    </>
  );
}
