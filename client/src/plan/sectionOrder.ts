import { PLAN_SECTIONS, type PlanSection } from '@samplan/shared';

/**
 * Where each section stands when the plan is read in plain words: the
 * patient's own sections first. A record rather than a list, so a new section
 * must be given its place here before the client compiles.
 */
const PLAIN_RANK: Readonly<Record<PlanSection, number>> = {
  goals: 0,
  wishes: 1,
  tasks: 2,
  contacts: 3,
  medication: 4,
  aids: 5,
  needs: 6,
  comments: 7,
};

export const PLAIN_SECTION_ORDER: readonly PlanSection[] = [...PLAN_SECTIONS].sort((a, b) => PLAIN_RANK[a] - PLAIN_RANK[b]);
