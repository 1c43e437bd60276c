import { createTheme } from '@mui/material/styles';
import { theme as italiaTheme } from '@pagopa/mui-italia';

/**
 * pagoPA's theme with two additions for a desktop back office: a visible focus ring on every
 * interactive element (WCAG 2.4.7) even where the base theme only styles buttons, and tables that
 * keep their header readable.
 */
export const appTheme = createTheme(italiaTheme, {
  components: {
    MuiCssBaseline: {
      styleOverrides: {
        // a skip link or focused heading must never hide behind a fixed header
        'html': { scrollPaddingTop: '96px' },
        '*:focus-visible': { outlineOffset: '2px' },
      },
    },
    MuiListItemButton: {
      styleOverrides: {
        root: {
          '&.Mui-focusVisible': {
            outline: `2px solid ${italiaTheme.palette.primary.main}`,
            outlineOffset: '-2px',
          },
        },
      },
    },
    MuiTableCell: {
      styleOverrides: {
        head: { fontWeight: 600, whiteSpace: 'nowrap' },
      },
    },
    MuiChip: {
      styleOverrides: {
        // status chips sit in dense table rows
        labelSmall: { paddingTop: '2px', paddingBottom: '2px' },
      },
    },
  },
});
