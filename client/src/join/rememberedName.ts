import { displayNameSchema } from '@samplan/shared';

const STORAGE_KEY = 'samplan.displayName';

type NameStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The name typed last time on this device, so nobody has to type it again. */
export function rememberedName(storage: NameStorage): string {
  return storage.getItem(STORAGE_KEY) ?? '';
}

export function rememberName(storage: NameStorage, name: string): void {
  storage.setItem(STORAGE_KEY, name.trim());
}

/** The same rule the server applies, so the form refuses what the server would. */
export function isValidName(name: string): boolean {
  return displayNameSchema.safeParse(name).success;
}
