/**
 * Status rules of a debt position (pagoPA GPD model). Pure functions over a small snapshot, so the
 * back office, the EC station and the renderer all agree on what a position may do today.
 */

export const POSITION_STATUSES = [
  'DRAFT',
  'PUBLISHED',
  'VALID',
  'PARTIALLY_PAID',
  'PAID',
  'REPORTED',
  'INVALID',
  'EXPIRED',
] as const;
export type PositionStatus = (typeof POSITION_STATUSES)[number];

export const OPTION_KINDS = ['single', 'instalment', 'rataUnica'] as const;
export type OptionKind = (typeof OPTION_KINDS)[number];

export const OPTION_STATUSES = ['unpaid', 'paid', 'reported'] as const;
export type OptionStatus = (typeof OPTION_STATUSES)[number];

export const positionStatusLabels: Record<PositionStatus, string> = {
  DRAFT: 'Bozza',
  PUBLISHED: 'Pubblicata',
  VALID: 'Pagabile',
  PARTIALLY_PAID: 'Parzialmente pagata',
  PAID: 'Pagata',
  REPORTED: 'Rendicontata',
  INVALID: 'Annullata',
  EXPIRED: 'Scaduta',
};

/**
 * Every status change a position may go through, one step at a time. Two entries need a word:
 * - PUBLISHED -> EXPIRED: statuses that depend on the date are brought up to date lazily, so when
 *   nobody looked at a position between its validity date and its last due date, both happened.
 * - EXPIRED -> VALID / PARTIALLY_PAID / PAID: an expired position may be edited with new due dates,
 *   and a receipt for a payment started before the expiry still counts (the money was taken).
 */
export const positionTransitions: Readonly<Record<PositionStatus, readonly PositionStatus[]>> = {
  DRAFT: ['PUBLISHED', 'VALID', 'INVALID'],
  PUBLISHED: ['VALID', 'EXPIRED', 'INVALID'],
  VALID: ['PARTIALLY_PAID', 'PAID', 'EXPIRED', 'INVALID'],
  PARTIALLY_PAID: ['PAID'],
  PAID: ['REPORTED'],
  REPORTED: [],
  INVALID: [],
  EXPIRED: ['VALID', 'PARTIALLY_PAID', 'PAID'],
};

export function canTransition(from: PositionStatus, to: PositionStatus): boolean {
  return positionTransitions[from].includes(to);
}

/** Once money moved (or the EC cancelled it) a position is history: it can no longer be edited. */
export function canEdit(status: PositionStatus): boolean {
  return status === 'DRAFT' || status === 'PUBLISHED' || status === 'VALID' || status === 'EXPIRED';
}

export function canPublish(status: PositionStatus): boolean {
  return status === 'DRAFT';
}

export function canInvalidate(status: PositionStatus): boolean {
  return status === 'DRAFT' || status === 'PUBLISHED' || status === 'VALID';
}

/** Statuses in which the Nodo may collect a payment (EXPIRED only for receipts, see payability). */
export function acceptsPayments(status: PositionStatus): boolean {
  return status === 'VALID' || status === 'PARTIALLY_PAID' || status === 'EXPIRED';
}

/** A position published with a validity date in the future waits as PUBLISHED; otherwise it is payable at once. */
export function statusOnPublish(validityDate: string | null, today: string): 'PUBLISHED' | 'VALID' {
  return validityDate !== null && validityDate > today ? 'PUBLISHED' : 'VALID';
}

export interface OptionSnapshot {
  kind: OptionKind;
  dueDate: string;
  status: OptionStatus;
}

export interface PositionSnapshot {
  status: PositionStatus;
  validityDate: string | null;
  switchToExpired: boolean;
  options: readonly OptionSnapshot[];
}

function isSettled(option: OptionSnapshot): boolean {
  return option.status !== 'unpaid';
}

/**
 * How much of the debt is paid: a single payment by its one option; a plan by its rata unica or by
 * every instalment.
 */
export function paymentProgress(options: readonly OptionSnapshot[]): 'none' | 'partial' | 'complete' {
  const settled = options.filter(isSettled);
  if (settled.length === 0) return 'none';
  if (settled.some((o) => o.kind === 'single' || o.kind === 'rataUnica')) return 'complete';
  const instalments = options.filter((o) => o.kind === 'instalment');
  return instalments.length > 0 && instalments.every(isSettled) ? 'complete' : 'partial';
}

/**
 * Whether one more payment of `option` would pay something twice: the option itself is paid, or the
 * plan is already settled the other way (rata unica paid, or an instalment paid and this is the rata unica).
 */
export function wouldPayTwice(option: OptionSnapshot, options: readonly OptionSnapshot[]): boolean {
  if (isSettled(option)) return true;
  if (option.kind === 'instalment') return options.some((o) => o.kind === 'rataUnica' && isSettled(o));
  if (option.kind === 'rataUnica') return options.some((o) => o.kind === 'instalment' && isSettled(o));
  return false;
}

/** Last due date of the position: the whole debt is past due only when every option is. */
export function lastDueDate(options: readonly OptionSnapshot[]): string | null {
  let last: string | null = null;
  for (const o of options) if (last === null || o.dueDate > last) last = o.dueDate;
  return last;
}

/** An option past its due date can no longer be paid only when the EC asked for it (switchToExpired). */
export function isOptionExpired(option: Pick<OptionSnapshot, 'dueDate'>, switchToExpired: boolean, today: string): boolean {
  return switchToExpired && option.dueDate < today;
}

/**
 * The status a position should have today, given its options. DRAFT and INVALID are the EC's
 * decisions and REPORTED is final, so they stay; paid statuses never go back; the rest follows the
 * calendar (validity date reached, last due date passed with switchToExpired) and the payments.
 */
export function positionStatusFor(position: PositionSnapshot, today: string): PositionStatus {
  const { status, options } = position;
  if (status === 'DRAFT' || status === 'INVALID' || status === 'REPORTED') return status;

  const progress = paymentProgress(options);
  const allPaidReported = options.filter(isSettled).every((o) => o.status === 'reported');
  if (status === 'PAID') return allPaidReported ? 'REPORTED' : 'PAID';
  // payments count only where they may happen: a paid option of a PUBLISHED position is an anomaly
  // the EC sorts out, not a reason to skip VALID
  if (acceptsPayments(status)) {
    if (progress === 'complete') return 'PAID';
    if (progress === 'partial' || status === 'PARTIALLY_PAID') return 'PARTIALLY_PAID';
  }

  if (status === 'PUBLISHED' && statusOnPublish(position.validityDate, today) === 'PUBLISHED') return 'PUBLISHED';
  const last = lastDueDate(options);
  if (position.switchToExpired && last !== null && last < today) return 'EXPIRED';
  return 'VALID';
}
