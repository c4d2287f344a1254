/**
 * zod probes for eval when a schema is created, to compile faster parsers;
 * Samplan's CSP refuses eval and the browser reports a violation for the
 * probe. Imported first in main.tsx, so this runs before any schema exists.
 */
import { z } from 'zod';

z.config({ jitless: true });
