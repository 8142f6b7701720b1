// Discord errors (pure): what discord.js throws for operator mistakes (a rejected token, a shard that died
// before it was ready) as one-line AppErrors with the fix, and the errors that only mean "too late to reply".
import { DiscordAPIError, DiscordjsError, DiscordjsErrorCodes, GatewayCloseCodes, RESTJSONErrorCodes } from 'discord.js';
import { AppError } from '../../domain/errors.js';

const TOKEN_FIX = 'Fix: copy the bot token again from the Discord developer portal (Bot › Reset Token) into DISCORD_TOKEN.';

/** An AppError for a discord.js error an operator can fix, or undefined for anything else. */
export function explainDiscordError(error: unknown): AppError | undefined {
  if (error instanceof DiscordjsError) {
    switch (error.code) {
      case DiscordjsErrorCodes.TokenInvalid:
      case DiscordjsErrorCodes.TokenMissing:
        return new AppError('TOKEN_REJECTED', `Discord rejected DISCORD_TOKEN (401 Unauthorized). ${TOKEN_FIX}`, { cause: error });
      case DiscordjsErrorCodes.ShardingReadyDied:
      case DiscordjsErrorCodes.ShardingReadyDisconnected:
      case DiscordjsErrorCodes.ShardingReadyTimeout:
        return new AppError('SHARD_FAILED', `${error.message} Its own error, if any, is in the log above.`, { cause: error });
    }
  }
  if (error instanceof DiscordAPIError && error.status === 401)
    return new AppError('TOKEN_REJECTED', `Discord rejected DISCORD_TOKEN (401 Unauthorized). ${TOKEN_FIX}`, { cause: error });
  return undefined;
}

/** Gateway close codes after which discord.js gives up, as one line with the fix; undefined for the others. */
export function explainGatewayClose(code: number): AppError | undefined {
  const line = (fix: string) => `Discord closed the gateway connection (close code ${code}: ${GatewayCloseCodes[code] ?? 'unknown'}). Fix: ${fix}`;
  switch (code) {
    case GatewayCloseCodes.AuthenticationFailed:
      return new AppError('TOKEN_REJECTED', `Discord rejected DISCORD_TOKEN at the gateway (close code ${code}). ${TOKEN_FIX}`);
    case GatewayCloseCodes.ShardingRequired:
      return new AppError('CONFIG_INVALID', line('the bot is in too many servers for one connection; run npm run start:sharded (see Sharding in the README).'));
    case GatewayCloseCodes.InvalidShard:
      return new AppError('CONFIG_INVALID', line('set TOTAL_SHARDS to auto, or to a count that covers SHARD_LIST.'));
    case GatewayCloseCodes.DisallowedIntents:
    case GatewayCloseCodes.InvalidIntents:
    case GatewayCloseCodes.InvalidAPIVersion:
      return new AppError('CONFIG_INVALID', line('update discord.js (npm ci) and the bot to their current versions.'));
  }
  return undefined;
}

/**
 * Whether replying failed only because Discord no longer accepts a reply to this interaction: it expired
 * (10062, the 3 s window was missed) or was already acknowledged (40060, e.g. by another bot process).
 */
export function isExpiredInteraction(error: unknown): error is DiscordAPIError {
  return (
    error instanceof DiscordAPIError &&
    (error.code === RESTJSONErrorCodes.UnknownInteraction || error.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged)
  );
}
