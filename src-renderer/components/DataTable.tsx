import type { ReactNode } from 'react';
import { Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, type SxProps, type Theme } from '@mui/material';

export interface DataColumn {
  label: ReactNode;
  align?: 'right';
  /** the select-all checkbox column */
  padding?: 'checkbox';
}

interface DataTableProps {
  /** the table's accessible name */
  label: string;
  columns: readonly DataColumn[];
  size?: 'small' | 'medium';
  /** cells of several lines start at the top, so a row reads across */
  topAligned?: boolean;
  sx?: SxProps<Theme>;
  /** the body rows */
  children: ReactNode;
}

/** The one look of the app's lists: an outlined table with its header row; pages give the rows. */
export function DataTable({ label, columns, size = 'medium', topAligned = false, sx, children }: DataTableProps) {
  return (
    <TableContainer component={Paper} variant="outlined" sx={sx}>
      <Table aria-label={label} size={size} sx={{ '& th, & td': { px: 1.5, ...(topAligned ? { verticalAlign: 'top' } : {}) } }}>
        <TableHead>
          <TableRow>
            {columns.map((c, i) => (
              <TableCell key={i} align={c.align} padding={c.padding}>
                {c.label}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>{children}</TableBody>
      </Table>
    </TableContainer>
  );
}
