import { Box, Container, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useSession } from '../stores/session';

/** Version and EC name: what a support call asks first. */
export function AppFooter() {
  const { t } = useTranslation();
  const version = useSession((s) => s.version);
  const ec = useSession((s) => s.ec);
  return (
    <Box component="footer" sx={{ borderTop: 1, borderColor: 'divider', bgcolor: 'background.paper', py: 2 }}>
      <Container maxWidth={false}>
        <Typography variant="caption" color="text.secondary">
          {ec ? t('footer.withEc', { version, ec: ec.name }) : t('footer.plain', { version })}
        </Typography>
      </Container>
    </Box>
  );
}
