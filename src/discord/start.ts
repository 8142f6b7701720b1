// Placeholder until the bot lands.
import type { App } from '../main.js';
export async function run(_app: App): Promise<number> {
  return 1;
}
