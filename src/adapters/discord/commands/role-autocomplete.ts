// Role autocomplete (Discord I/O): catalog names and aliases, at most 25, answered immediately.
import type { AutocompleteInteraction } from 'discord.js';
import { INPUT_LIMITS } from '../../../domain/limits.js';
import type { BotContext } from '../context.js';

export async function autocompleteRole(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  // A longer value cannot name a role; only its start is matched, so no input costs more than a short one.
  const focused = String(interaction.options.getFocused() ?? '').slice(0, INPUT_LIMITS.role);
  // Discord allows 25 choices of at most 100 characters each.
  await interaction.respond(
    ctx
      .advisor()
      .suggestRoles(focused, 25)
      .map((c) => ({ ...c, name: c.name.slice(0, 100) })),
  );
}
