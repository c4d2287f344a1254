/**
 * "Is the plan on screen the one everybody here agreed to?"
 *
 * A party agrees to the plan as it stands at a revision. Revisions that only
 * add comments do not change what was agreed (people keep talking after they
 * said yes), so agreement is judged on content: each revision's content is
 * that of the last revision before it that changed the plan.
 *
 * Parties are opaque ids chosen by the server (protocol/plan.ts: the patient,
 * each sector of the care team, each relative); only those present in the
 * conference are asked. Each relative present is a party of her own: the plan
 * is agreed when every party present has said yes, so with the patient and two
 * daughters in the call, all three are asked, and one daughter's yes speaks
 * for nobody else. A relative who is not in the call is not asked (as for
 * everyone else), and her earlier yes to the same content still holds.
 */

export interface RevisionInfo {
  readonly revision: number;
  /** False for revisions that only add comments (plan: changesPlanContent). */
  readonly changesContent: boolean;
}

export interface Agreement {
  readonly party: string;
  readonly revision: number;
}

export interface AgreementInput {
  /** Every revision 1…current in order. Revision 0 is the empty plan. */
  readonly revisions: readonly RevisionInfo[];
  readonly agreements: readonly Agreement[];
  readonly present: readonly string[];
}

export interface AgreementStatus {
  readonly state: 'not_agreed' | 'agreed' | 'changed_since_agreement';
  readonly currentRevision: number;
  /** The last revision whose content every party present agreed to, or null. */
  readonly agreedRevision: number | null;
  /** Present parties who have not agreed to the current content, in the order given. */
  readonly awaiting: readonly string[];
}

export function agreementStatus({ revisions, agreements, present }: AgreementInput): AgreementStatus {
  // contentOf[r]: the revision that produced the content seen at revision r.
  const contentOf = [0];
  revisions.forEach(({ revision, changesContent }, index) => {
    if (revision !== index + 1) throw new RangeError(`revisions must run 1…n in order; got ${revision} at position ${index + 1}`);
    contentOf.push(changesContent ? revision : (contentOf[index] ?? 0));
  });
  const currentRevision = revisions.length;
  const currentContent = contentOf[currentRevision] ?? 0;

  const agreedContent = new Map<string, Set<number>>();
  for (const { party, revision } of agreements) {
    const content = contentOf[revision];
    if (content === undefined) throw new RangeError(`agreement by ${party} to unknown revision ${revision}`);
    agreedContent.set(party, (agreedContent.get(party) ?? new Set()).add(content));
  }

  const agreedByAll = (content: number) => present.every((party) => agreedContent.get(party)?.has(content) ?? false);
  const awaiting = present.filter((party) => !(agreedContent.get(party)?.has(currentContent) ?? false));

  let agreedRevision: number | null = null;
  if (present.length > 0) {
    for (let revision = currentRevision; revision >= 0 && agreedRevision === null; revision--) {
      if (agreedByAll(contentOf[revision] ?? 0)) agreedRevision = revision;
    }
  }

  const state = agreedRevision === null ? 'not_agreed' : contentOf[agreedRevision] === currentContent ? 'agreed' : 'changed_since_agreement';
  return { state, currentRevision, agreedRevision, awaiting };
}

/**
 * agreementStatus over revisions 1…n given as one content flag each, as
 * server and client both hold them. An agreement to a revision not known yet
 * (the client has not received it) counts once it is.
 */
export function agreementOnFlags<P extends string>(
  changesContent: readonly boolean[],
  agreements: readonly { readonly party: P; readonly revision: number }[],
  present: readonly P[],
): Omit<AgreementStatus, 'awaiting'> & { awaiting: P[] } {
  const status = agreementStatus({
    revisions: changesContent.map((changes, index) => ({ revision: index + 1, changesContent: changes })),
    agreements: agreements.filter(({ revision }) => revision <= changesContent.length),
    present,
  });
  return { ...status, awaiting: present.filter((party) => status.awaiting.includes(party)) };
}
