import type { ReactNode } from 'react';
import { Button, Card, CardActions, CardContent, Grid, Stack, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';

export interface Choice {
  title: string;
  body: string;
  action: string;
  to: string;
  /** the way most people go: a filled button; the others are outlined */
  primary?: boolean;
  icon?: ReactNode;
}

/** A front door's choices, side by side: a card each with a title, a sentence and the button that goes there. */
export function ChoiceCards({ label, choices, buttonSize = 'medium' }: { label: string; choices: readonly Choice[]; buttonSize?: 'medium' | 'large' }) {
  return (
    <Grid container spacing={3} component="ul" sx={{ listStyle: 'none', pl: 0 }} aria-label={label}>
      {choices.map((c) => (
        <Grid item xs={12} sm={6} component="li" key={c.to}>
          <Card variant="outlined" sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
            <CardContent sx={{ flex: 1 }}>
              {c.icon ? (
                <Stack direction="row" spacing={1.5} alignItems="center" sx={{ mb: 1.5 }}>
                  {c.icon}
                  <Typography variant="h6" component="h2">
                    {c.title}
                  </Typography>
                </Stack>
              ) : (
                <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
                  {c.title}
                </Typography>
              )}
              <Typography color="text.secondary">{c.body}</Typography>
            </CardContent>
            <CardActions sx={{ px: 2, pb: 2 }}>
              <Button component={RouterLink} to={c.to} variant={c.primary ? 'contained' : 'outlined'} size={buttonSize}>
                {c.action}
              </Button>
            </CardActions>
          </Card>
        </Grid>
      ))}
    </Grid>
  );
}
