import * as migration_20261127_230643_initial from './20261127_230643_initial';

export const migrations = [
  {
    up: migration_20261127_230643_initial.up,
    down: migration_20261127_230643_initial.down,
    name: '20261127_230643_initial'
  },
];
