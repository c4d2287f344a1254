import { type AgreementParty, isRelativeParty } from '@samplan/shared';
import type { TFunction } from 'i18next';

/** A party as people say it: "Hospital", "Patient", or a relative by her name ("Hanne Jensen (pårørende)"). */
export function partyName(t: TFunction, party: AgreementParty, relatives: readonly { party: string; name: string }[]): string {
  if (!isRelativeParty(party)) return t(`agreement.parties.${party}`);
  const name = relatives.find((relative) => relative.party === party)?.name;
  return name ? t('agreement.relativeNamed', { name }) : t('agreement.parties.relative');
}
