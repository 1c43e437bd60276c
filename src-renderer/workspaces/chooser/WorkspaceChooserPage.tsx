import { AccountBalance, Storefront } from '@mui/icons-material';
import { useTranslation } from 'react-i18next';
import { ChoiceCards } from '../../components/ChoiceCards';
import { PublicLayout } from '../../components/PublicLayout';
import { PageHeading } from '../../components/PageHeading';

/** One installation, two workspaces: office staff or the payer's counter. */
export function WorkspaceChooserPage() {
  const { t } = useTranslation();
  return (
    <PublicLayout>
      <PageHeading title={t('chooser.heading')} documentTitle={t('chooser.documentTitle')} subtitle={t('chooser.intro')} />
      <ChoiceCards
        label={t('chooser.listLabel')}
        choices={[
          {
            title: t('chooser.ec.title'),
            body: t('chooser.ec.description'),
            action: t('chooser.ec.action'),
            to: '/ec',
            primary: true,
            icon: <AccountBalance color="primary" aria-hidden />,
          },
          {
            title: t('chooser.pagatore.title'),
            body: t('chooser.pagatore.description'),
            action: t('chooser.pagatore.action'),
            to: '/pagatore',
            icon: <Storefront color="primary" aria-hidden />,
          },
        ]}
      />
    </PublicLayout>
  );
}
