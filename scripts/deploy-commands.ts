// Deploy (Discord I/O): registers the slash commands, in DISCORD_GUILD_ID when set (instant), else globally.
import { registerCommands } from '../src/adapters/discord/register.js';
import { loadConfig } from '../src/app/config.js';
import { toAppError } from '../src/domain/errors.js';

try {
  const { discord } = loadConfig();
  const { token, clientId } = discord;
  if (!token || !clientId) {
    const missing = [!token && 'DISCORD_TOKEN', !clientId && 'DISCORD_CLIENT_ID'].filter(Boolean);
    throw new Error(`Set ${missing.join(' and ')} in .env (see .env.example).`);
  }
  const n = await registerCommands({ token, clientId, guildId: discord.guildId, apiUrl: discord.apiUrl });
  process.stdout.write(`Registered ${n} commands ${discord.guildId ? `in guild ${discord.guildId}` : 'globally (may take up to an hour to appear)'}.\n`);
} catch (error) {
  process.stderr.write(`Could not register commands: ${toAppError(error).message}\n`);
  process.exitCode = 1;
}
