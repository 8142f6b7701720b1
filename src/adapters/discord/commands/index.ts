// The command list (pure): every slash command, used both for registration and for dispatch.
import type { Command } from '../context.js';
import * as ask from './ask.js';
import * as compare from './compare.js';
import * as help from './help.js';
import * as insights from './insights.js';
import * as reindex from './reindex.js';
import * as roles from './roles.js';
import * as salary from './salary.js';

export const commands: Command[] = [ask, salary, compare, roles, help, reindex, insights];

/** Commands by name. */
export const commandsByName = new Map(commands.map((c) => [c.data.name, c]));
