/** Shape checks shared by migrations: cheap GLOBs that stop a bug from storing a malformed value. */
export const date = (col: string) => `${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`;
export const instant = (col: string) =>
  `${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]*Z'`;
export const digits = (col: string, n: number) => `(length(${col}) = ${n} AND ${col} NOT GLOB '*[^0-9]*')`;
export const cents = (col: string) => `${col} BETWEEN 1 AND 99999999999`;
export const flag = (col: string) => `${col} IN (0, 1)`;
export const maxLen = (col: string, n: number) => `length(${col}) <= ${n}`;
export const text = (col: string, n: number) => `length(${col}) BETWEEN 1 AND ${n}`;
