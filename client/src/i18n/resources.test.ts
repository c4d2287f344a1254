import { createInstance } from 'i18next';
import { ERROR_CODES } from '@samplan/shared';
import { describe, expect, it } from 'vitest';
import { CLIENT_ERROR_CODES } from '../uiError.ts';
import { planWords } from './planWords.ts';
import { LANGUAGES, resources } from './resources.ts';
import { staffWords } from './staffWords.ts';

async function translator(language: string) {
  const i18n = createInstance();
  await i18n.init({ resources, lng: language, fallbackLng: false, interpolation: { escapeValue: false }, showSupportNotice: false });
  return i18n.t.bind(i18n) as (key: string, options?: Record<string, string>) => string;
}

function leafKeys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value as object, `${prefix}${key}.`),
  );
}

describe('translations', () => {
  const bundles = { 'every page': { da: resources.da.translation, en: resources.en.translation }, staff: staffWords, plan: planWords };

  it.each(Object.entries(bundles).flatMap(([bundle, words]) => LANGUAGES.map((language) => ({ bundle, words, language }))))(
    '$bundle words in $language have the same keys as Danish, none empty',
    ({ words, language }) => {
      const strings = words[language];
      expect(leafKeys(strings).sort()).toEqual(leafKeys(words.da).sort());
      for (const key of leafKeys(strings)) expect(key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], strings)).not.toBe('');
    },
  );

  it('no words loaded later replace the words every page has', () => {
    const present = new Set(leafKeys(resources.da.translation));
    expect(leafKeys(staffWords.da).filter((key) => present.has(key))).toEqual([]);
  });

  it.each([...ERROR_CODES, ...CLIENT_ERROR_CODES])('error %s has its own message in Danish and English', async (code) => {
    const [da, en] = await Promise.all([translator('da'), translator('en')]);
    const danish = da(`errors.${code}`);
    const english = en(`errors.${code}`);
    expect(danish).not.toBe(`errors.${code}`);
    expect(english).not.toBe(`errors.${code}`);
    expect(danish).not.toBe(english);
  });

  it('fills in names', async () => {
    const en = await translator('en');
    expect(en('tile.screenOf', { name: 'Inge' })).toBe('Screen of Inge');
  });
});
