import { illFormedTextIssues, SamplanError } from '@samplan/shared';
import type { RequestHandler } from 'express';

/** After the JSON parser, before any route: text PostgreSQL cannot store is refused here, not found out by a query (wellFormedText.ts). */
export const refuseIllFormedText: RequestHandler = (req, _res, next) => {
  const issues = illFormedTextIssues(req.body);
  next(issues.length > 0 ? new SamplanError('BAD_REQUEST', 'The request body has text that is not valid Unicode.', issues) : undefined);
};
