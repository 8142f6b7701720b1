// Command registration (Discord I/O: one REST call): puts every command definition, guild or global.
import { REST, Routes } from 'discord.js';
import { commands } from './commands/index.js';

export interface RegisterOptions {
  token: string;
  clientId: string;
  guildId?: string;
  apiUrl?: string;
}

/** Registers the slash commands (in one guild when `guildId` is set, for instant updates; else globally). */
export async function registerCommands(options: RegisterOptions): Promise<number> {
  const rest = new REST(options.apiUrl ? { api: options.apiUrl } : {}).setToken(options.token);
  const body = commands.map((c) => c.data.toJSON());
  const route = options.guildId ? Routes.applicationGuildCommands(options.clientId, options.guildId) : Routes.applicationCommands(options.clientId);
  const result = (await rest.put(route, { body })) as unknown[];
  return result.length;
}
