/** Who a change is attributed to in the audit log. */
export interface Actor {
  id: number | null;
  name: string;
}

export const systemActor: Actor = { id: null, name: 'Sistema' };
