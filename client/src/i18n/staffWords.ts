import { adminDa } from './admin.da.ts';
import { adminEn } from './admin.en.ts';
import { planWords } from './planWords.ts';
import { addWords, type Words } from './resources.ts';
import { staffDa } from './staff.da.ts';
import { staffEn } from './staff.en.ts';

/** The staff and administration screens' words, with the plan panel's; imported lazily with the staff pages (app/pages.ts). */
export const staffWords = {
  da: { ...staffDa, ...adminDa, ...planWords.da },
  en: { ...staffEn, ...adminEn, ...planWords.en },
} satisfies Words;

export function addStaffWords(): void {
  addWords(staffWords);
}
