import { buildClient } from './buildClient.ts';

export default function globalSetup(): void {
  buildClient();
}
