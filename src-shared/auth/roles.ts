/** Staff roles of the Back Office EC, as in pagoPA's back office. */
export const staffRoles = ['ecAdmin', 'ecOperator'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const roleLabels: Record<StaffRole, string> = {
  ecAdmin: 'Referente dei Pagamenti',
  ecOperator: 'Referente Tecnico',
};
