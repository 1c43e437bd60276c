import { Box, Chip, Typography } from '@mui/material';
import type { StationView } from '../../../../src-shared/ipc/schemas/stations';

const colors = {
  'In revisione': 'info',
  Attiva: 'success',
  'Da correggere': 'error',
} as const;

/** The state as the Nodo says it (its own Italian words), with the reason when it needs fixing. */
export function StationStateChip({ station }: { station: Pick<StationView, 'state' | 'stateReason'> }) {
  return (
    <Box>
      <Chip size="small" color={colors[station.state]} label={station.state} />
      {station.stateReason ? (
        <Typography variant="body2" color="error.dark" sx={{ mt: 0.5, maxWidth: 320 }}>
          {station.stateReason}
        </Typography>
      ) : null}
    </Box>
  );
}
