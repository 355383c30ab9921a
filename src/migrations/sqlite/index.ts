import * as migration_20261127_230643_initial from './20261127_230643_initial';
import * as migration_20261127_234655_newsroom from './20261127_234655_newsroom';

export const migrations = [
  {
    up: migration_20261127_230643_initial.up,
    down: migration_20261127_230643_initial.down,
    name: '20261127_230643_initial',
  },
  {
    up: migration_20261127_234655_newsroom.up,
    down: migration_20261127_234655_newsroom.down,
    name: '20261127_234655_newsroom'
  },
];
