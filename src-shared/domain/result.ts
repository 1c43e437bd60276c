/**
 * Outcome of a validation: either the parsed value, or a stable reason code that code can branch on
 * plus an Italian message that can be shown to the user as is.
 */
export type Check<T, R extends string> = { ok: true; value: T } | { ok: false; reason: R; message: string };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** Builds a failure taking the message from the module's table, so code and text never drift apart. */
export function fail<R extends string>(
  reason: R,
  messages: Readonly<Record<R, string>>,
): { ok: false; reason: R; message: string } {
  return { ok: false, reason, message: messages[reason] };
}
