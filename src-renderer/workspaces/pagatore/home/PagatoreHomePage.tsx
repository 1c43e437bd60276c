import { useTranslation } from 'react-i18next';
import { ChoiceCards } from '../../../components/ChoiceCards';
import { PublicLayout } from '../../../components/PublicLayout';
import { PageHeading } from '../../../components/PageHeading';
import { useSession } from '../../../stores/session';
import { PageLinks } from '../layout/PageLinks';

/** The Pagatore's front door: sign in, or register (and activate). */
export function PagatoreHomePage() {
  const { t } = useTranslation();
  const ec = useSession((s) => s.ec);
  return (
    <PublicLayout product={t('pagatore.product')}>
      <PageHeading title={t('pagatore.home.heading')} subtitle={ec ? t('pagatore.home.intro', { ec: ec.name }) : t('pagatore.home.introNoEc')} />
      <ChoiceCards
        label={t('pagatore.home.choices')}
        buttonSize="large"
        choices={[
          {
            title: t('pagatore.home.signInTitle'),
            body: t('pagatore.home.signInBody'),
            action: t('pagatore.home.signInAction'),
            to: '/pagatore/accedi',
            primary: true,
          },
          {
            title: t('pagatore.home.registerTitle'),
            body: t('pagatore.home.registerBody'),
            action: t('pagatore.home.registerAction'),
            to: '/pagatore/registrazione',
          },
        ]}
      />
      <PageLinks
        mt={1}
        links={[
          { to: '/pagatore/attivazione', label: t('pagatore.home.activateLink') },
          { to: '/', label: t('pagatore.back') },
        ]}
      />
    </PublicLayout>
  );
}
