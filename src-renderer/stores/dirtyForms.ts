import { create } from 'zustand';

/**
 * Which forms hold unsaved input right now. Used to warn before leaving and, if the session ends
 * anyway, to tell the user that typed data was not saved instead of dropping it silently.
 */
interface DirtyFormsState {
  ids: ReadonlySet<string>;
  setDirty(id: string, dirty: boolean): void;
  count(): number;
  reset(): void;
}

export const useDirtyForms = create<DirtyFormsState>()((set, get) => ({
  ids: new Set(),
  setDirty(id, dirty) {
    const has = get().ids.has(id);
    if (has === dirty) return;
    const next = new Set(get().ids);
    if (dirty) next.add(id);
    else next.delete(id);
    set({ ids: next });
  },
  count() {
    return get().ids.size;
  },
  reset() {
    set({ ids: new Set() });
  },
}));
