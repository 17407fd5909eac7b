import type { CliCommand } from '../types';
import { commands as diffCommands } from './diff';
import { commands as exportCommands } from './export';
import { commands as importCommands } from './import';
import { commands as libraryCommands } from './library';
import { commands as originalCommands } from './original';
import { commands as storeCommands } from './store';
import { commands as summaryCommands } from './summary';
import { commands as templateCommands } from './templates';
import { commands as uploadCommands } from './upload';

export const COMMANDS: readonly CliCommand[] = [
  ...storeCommands,
  ...templateCommands,
  ...exportCommands,
  ...importCommands,
  ...originalCommands,
  ...diffCommands,
  ...libraryCommands,
  ...summaryCommands,
  ...uploadCommands,
];
