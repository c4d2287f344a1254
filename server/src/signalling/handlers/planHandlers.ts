import { SamplanError } from '@samplan/shared';
import type { PlanConnection } from '../planSignalling.ts';
import type { FamilyHandlers, HandlerContext } from './handlerContext.ts';

function planOf(context: HandlerContext): PlanConnection {
  if (context.plan === undefined) throw new SamplanError('NOT_FOUND', 'This server keeps no care plans.');
  return context.plan;
}

export const planHandlers: FamilyHandlers<'plan'> = {
  'plan:open': (context, { conferenceId }) => planOf(context).open(conferenceId),
  'plan:push': (context, push) => planOf(context).push(push),
  'plan:agree': async (context, { revision, onBehalfOfPatient }) => ({ agreement: await planOf(context).agree(revision, onBehalfOfPatient) }),
  'plan:focus': async (context, { itemId }) => {
    await planOf(context).focus(itemId);
    return {};
  },
};
