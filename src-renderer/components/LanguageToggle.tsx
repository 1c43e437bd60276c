import { Button } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { setLocale } from '../i18n';

/** Switches between Italian and English; the button names the other language in that language. */
export function LanguageToggle() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'it' : 'en';
  return (
    <Button size="small" variant="text" lang={next} onClick={() => setLocale(next)}>
      {t(`common.languages.${next}`)}
    </Button>
  );
}
