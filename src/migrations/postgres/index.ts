import * as migration_20261127_230650_initial from './20261127_230650_initial';

export const migrations = [
  {
    up: migration_20261127_230650_initial.up,
    down: migration_20261127_230650_initial.down,
    name: '20261127_230650_initial'
  },
];
