import { useEffect, useRef, useState } from 'react';
import { Box, Button, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { LOGO_MAX_BYTES, ONLINE_CHANNELS, PHYSICAL_CHANNEL_MAX, type NoticeSettings, type OnlineChannel } from '../../../../src-shared/ipc/schemas/noticeSettings';
import { api, type ApiError } from '../../../api/client';
import { PageHeading } from '../../../components/PageHeading';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { fieldState, fromFieldErrors, withoutError, type FormErrors } from '../../../components/forms';
import { useNotifications } from '../../../stores/notifications';
import { LoadingStatus } from '../../../components/LoadingStatus';

type TextKey = Exclude<keyof NoticeSettings, 'logo' | 'onlineChannel'>;

/** The EC's payment-notice settings (Referente dei Pagamenti): logo, sector, CBILL, Poste authorisation, texts. */
export function NoticeSettingsPage() {
  const { t } = useTranslation();
  const notify = useNotifications((s) => s.notify);
  const [settings, setSettings] = useState<NoticeSettings | null>(null);
  const [version, setVersion] = useState(0);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const [saving, setSaving] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void api.invoke('noticeSettings.get').then((r) => {
      if (r.ok) {
        setSettings(r.data.settings);
        setVersion(r.data.version);
      } else setLoadError(r.error);
    });
  }, []);

  if (!settings) {
    return (
      <>
        <PageHeading title={t('noticeSettings.heading')} subtitle={t('noticeSettings.intro')} />
        <ErrorAlert error={loadError} />
        {!loadError ? (
          <LoadingStatus />
        ) : null}
      </>
    );
  }

  const field = (key: TextKey, label: string, opts: { help?: string; max: number; multiline?: boolean }) => (
    <TextField
      label={label}
      value={settings[key]}
      onChange={(e) => {
        setSettings({ ...settings, [key]: e.target.value });
        setErrors(withoutError(errors, `settings.${key}`));
      }}
      inputProps={{ maxLength: opts.max }}
      multiline={opts.multiline ?? false}
      minRows={opts.multiline ? 2 : undefined}
      fullWidth
      {...fieldState(errors, `settings.${key}`, opts.help)}
    />
  );

  const pickLogo = (file: File | undefined) => {
    if (!file) return;
    if (file.type !== 'image/png' && file.type !== 'image/jpeg') {
      setErrors({ ...errors, 'settings.logo': t('noticeSettings.logoType') });
      return;
    }
    if (file.size > LOGO_MAX_BYTES) {
      setErrors({ ...errors, 'settings.logo': t('noticeSettings.logoTooBig') });
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      setSettings({ ...settings, logo: { mediaType: file.type as 'image/png' | 'image/jpeg', dataBase64: url.slice(url.indexOf(',') + 1) } });
      setErrors(withoutError(errors, 'settings.logo'));
    };
    reader.readAsDataURL(file);
  };

  const save = async () => {
    setSaving(true);
    const result = await api.invoke('noticeSettings.update', { settings, version });
    setSaving(false);
    if (result.ok) {
      setSettings(result.data.settings);
      setVersion(result.data.version);
      setSaveError(null);
      setErrors({});
      notify({ severity: 'success', message: t('noticeSettings.saved') });
    } else {
      setSaveError(result.error);
      setErrors(fromFieldErrors(result.error.fieldErrors));
    }
  };

  return (
    <>
      <PageHeading title={t('noticeSettings.heading')} subtitle={t('noticeSettings.intro')} />
      <ErrorAlert error={saveError} sx={{ mb: 2 }} />
      <Paper
        component="form"
        variant="outlined"
        sx={{ p: 3, maxWidth: 820 }}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack spacing={2.5}>
          <Box>
            <Typography component="h2" variant="subtitle1" sx={{ fontWeight: 600 }}>
              {t('noticeSettings.logo')}
            </Typography>
            <Stack direction="row" spacing={2} alignItems="center" sx={{ mt: 1 }}>
              {settings.logo ? (
                <Box component="img" src={`data:${settings.logo.mediaType};base64,${settings.logo.dataBase64}`} alt={t('noticeSettings.logoPreview')} sx={{ height: 64, maxWidth: 160, objectFit: 'contain', border: '1px solid #E3E7EB' }} />
              ) : (
                <Typography color="text.secondary">{t('noticeSettings.noLogo')}</Typography>
              )}
              <input ref={fileInput} type="file" accept="image/png,image/jpeg" hidden aria-hidden onChange={(e) => pickLogo(e.target.files?.[0])} />
              <Button variant="outlined" onClick={() => fileInput.current?.click()}>
                {t('noticeSettings.chooseLogo')}
              </Button>
              {settings.logo ? <Button onClick={() => setSettings({ ...settings, logo: null })}>{t('noticeSettings.removeLogo')}</Button> : null}
            </Stack>
            <Typography variant="caption" color={errors['settings.logo'] ? 'error' : 'text.secondary'} role={errors['settings.logo'] ? 'alert' : undefined}>
              {errors['settings.logo'] ?? t('noticeSettings.logoHelp')}
            </Typography>
          </Box>
          {field('sector', t('noticeSettings.sector'), { max: 70 })}
          {field('info', t('noticeSettings.info'), { max: 200, multiline: true, help: t('noticeSettings.infoHelp') })}
          {field('cbill', t('noticeSettings.cbill'), { max: 5, help: t('noticeSettings.cbillHelp') })}
          {field('posteAuthorisation', t('noticeSettings.poste'), { max: 80, help: t('noticeSettings.posteHelp') })}
          <Box>
            <Typography component="h2" variant="subtitle1" sx={{ fontWeight: 600 }}>
              {t('noticeSettings.whereHeading')}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {t('noticeSettings.whereIntro')}
            </Typography>
          </Box>
          <TextField
            select
            label={t('noticeSettings.online')}
            value={settings.onlineChannel}
            onChange={(e) => {
              setSettings({ ...settings, onlineChannel: e.target.value as OnlineChannel });
              setErrors(withoutError(errors, 'settings.onlineChannel'));
            }}
            fullWidth
            {...fieldState(errors, 'settings.onlineChannel', t('noticeSettings.onlineHelp'))}
          >
            {ONLINE_CHANNELS.map((c) => (
              <MenuItem key={c} value={c}>
                {t(`noticeSettings.onlineChoice.${c}`)}
              </MenuItem>
            ))}
          </TextField>
          {field('physicalChannel', t('noticeSettings.physical'), { max: PHYSICAL_CHANNEL_MAX, help: t('noticeSettings.physicalHelp') })}
          <Box>
            <Button type="submit" variant="contained" disabled={saving}>
              {t('noticeSettings.save')}
            </Button>
          </Box>
        </Stack>
      </Paper>
    </>
  );
}
