import type { Migration } from './types';

/**
 * A flow's lines are kept as received, in one JSON document on the flow: an array of
 * `[iuv, iur, transferIndex, amount, outcomeCode, outcomeDate]` in flow order (line N is element N-1).
 * `settlement_line` keeps only the lines that did not match, with what reconciliation found. A
 * matched line is already recorded as the receipt transfer it reported (`reported_transfer`), and a
 * row plus a key entry for each of a large flow's 100,000 matched lines was a third of its import.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'settlement_lines_as_received',
  up(db) {
    db.exec(`
      ALTER TABLE settlement_flow ADD COLUMN received_lines TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(received_lines));
      UPDATE settlement_flow SET received_lines = coalesce(
        (SELECT json_group_array(json_array(l.iuv, l.iur, l.transfer_index, l.amount, l.outcome_code, l.outcome_date) ORDER BY l.line_no)
           FROM settlement_line l WHERE l.flow_row = settlement_flow.id),
        '[]');
      DELETE FROM settlement_line WHERE result = 'MATCHED';
      -- every row left is an issue: the primary key (flow_row, line_no) is the issues' index now
      DROP INDEX settlement_line_issues;
    `);
  },
};
