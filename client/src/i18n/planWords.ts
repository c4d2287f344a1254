import { planDa } from './plan.da.ts';
import { planEn } from './plan.en.ts';
import { addWords, type Words } from './resources.ts';

/** The plan panel's words; imported lazily with the guest's call (the staff pages get them in staffWords.ts). */
export const planWords = { da: planDa, en: planEn } satisfies Words;

export function addPlanWords(): void {
  addWords(planWords);
}
