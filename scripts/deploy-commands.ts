// Deploy (Discord I/O): registers the slash commands, in DISCORD_GUILD_ID when set (instant), else globally.
import { explainDiscordError } from '../src/adapters/discord/errors.js';
import { registerCommands } from '../src/adapters/discord/register.js';
import { type Config, loadConfig, settingRefs } from '../src/app/config.js';
import { operatorError } from '../src/domain/errors.js';

let config: Config | undefined;
try {
  config = loadConfig();
  const { token, clientId, guildId, apiUrl } = config.discord;
  if (!token || !clientId) {
    const missing = [!token && 'DISCORD_TOKEN', !clientId && 'DISCORD_CLIENT_ID'].filter(Boolean);
    throw new Error(`Set ${missing.join(' and ')} in .env (see .env.example).`);
  }
  const n = await registerCommands({ token, clientId, guildId, apiUrl });
  process.stdout.write(`Registered ${n} commands ${guildId ? `in guild ${guildId}` : 'globally (may take up to an hour to appear)'}.\n`);
} catch (error) {
  const e = operatorError(explainDiscordError(error) ?? error, config ? settingRefs(config) : []);
  process.stderr.write(`Could not register commands: ${e.message}\n`);
  process.exitCode = 1;
}
