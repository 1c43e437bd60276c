import { Box, Link } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';

/** The way on from a public Pagatore page (sign in, register, activate, back): one under the other, large enough to touch. */
export function PageLinks({ links, mt = 3 }: { links: ReadonlyArray<{ to: string; label: string }>; mt?: number }) {
  return (
    <Box sx={{ mt, display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      {links.map((l) => (
        <Link key={l.to} component={RouterLink} to={l.to} sx={{ fontWeight: 600 }}>
          {l.label}
        </Link>
      ))}
    </Box>
  );
}
