// Role autocomplete (Discord I/O): catalog names and aliases, at most 25, answered immediately.
import type { AutocompleteInteraction } from 'discord.js';
import type { BotContext } from '../context.js';

export async function autocompleteRole(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const focused = String(interaction.options.getFocused() ?? '').slice(0, 100);
  // Discord allows 25 choices of at most 100 characters each.
  await interaction.respond(
    ctx
      .advisor()
      .suggestRoles(focused, 25)
      .map((c) => ({ ...c, name: c.name.slice(0, 100) })),
  );
}
