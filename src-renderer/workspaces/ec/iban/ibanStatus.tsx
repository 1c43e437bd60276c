import { Chip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { IbanEntry } from '../../../../src-shared/ipc/schemas/iban';
import { displayDate } from '../../../components/format';

const colors = {
  active: 'success',
  notYetValid: 'info',
  expired: 'default',
  deletionScheduled: 'warning',
} as const;

/** Status as main computed it for today; the chip carries the text, colour is only a reinforcement. */
export function IbanStatusChip({ entry }: { entry: IbanEntry }) {
  const { t } = useTranslation();
  const label =
    entry.status === 'deletionScheduled' && entry.deletionDate
      ? t('iban.status.deletionScheduled', { date: displayDate(entry.deletionDate) })
      : t(`iban.status.${entry.status === 'deletionScheduled' ? 'active' : entry.status}`);
  // the long "deletion scheduled" label may wrap: a pill shape would turn into a blob, so round corners less
  return <Chip size="small" color={colors[entry.status]} label={label} sx={{ maxWidth: 170, borderRadius: 2 }} />;
}
