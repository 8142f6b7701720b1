// Deploy (Discord I/O): registers the slash commands, in DISCORD_GUILD_ID when set (instant), else globally.
import { loadConfig } from '../src/app/config.js';
import { registerCommands } from '../src/adapters/discord/register.js';
import { toAppError } from '../src/domain/errors.js';

try {
  const { discord } = loadConfig();
  const missing = [!discord.token && 'DISCORD_TOKEN', !discord.clientId && 'DISCORD_CLIENT_ID'].filter(Boolean);
  if (missing.length) throw new Error(`Set ${missing.join(' and ')} in .env (see .env.example).`);
  const n = await registerCommands({ token: discord.token!, clientId: discord.clientId!, guildId: discord.guildId, apiUrl: discord.apiUrl });
  process.stdout.write(`Registered ${n} commands ${discord.guildId ? `in guild ${discord.guildId}` : 'globally (may take up to an hour to appear)'}.\n`);
} catch (error) {
  process.stderr.write(`Could not register commands: ${toAppError(error).message}\n`);
  process.exitCode = 1;
}
