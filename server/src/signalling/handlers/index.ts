import type { Handlers } from '../dispatcher.ts';
import type { HandlerContext } from './handlerContext.ts';
import { consumerHandlers } from './consumerHandlers.ts';
import { planHandlers } from './planHandlers.ts';
import { producerHandlers } from './producerHandlers.ts';
import { roomHandlers } from './roomHandlers.ts';
import { transportHandlers } from './transportHandlers.ts';

export type { HandlerContext } from './handlerContext.ts';

export const handlers: Handlers<HandlerContext> = {
  ...roomHandlers,
  ...transportHandlers,
  ...producerHandlers,
  ...consumerHandlers,
  ...planHandlers,
};
