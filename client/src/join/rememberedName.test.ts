import { describe, expect, it } from 'vitest';
import { isValidName, rememberName, rememberedName } from './rememberedName.ts';

function memoryStorage() {
  const values = new Map<string, string>();
  return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value) };
}

describe('remembered name', () => {
  it('is empty at first and the trimmed last name afterwards', () => {
    const storage = memoryStorage();
    expect(rememberedName(storage)).toBe('');
    rememberName(storage, '  Inge Hansen ');
    expect(rememberedName(storage)).toBe('Inge Hansen');
  });

  it.each([
    { name: 'Inge', valid: true },
    { name: '   ', valid: false },
    { name: 'x'.repeat(61), valid: false },
    { name: 'Inge\u0007', valid: false },
  ])('accepts "$name": $valid', ({ name, valid }) => {
    expect(isValidName(name)).toBe(valid);
  });
});
