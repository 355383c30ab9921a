import * as migration_20261127_230650_initial from './20261127_230650_initial';
import * as migration_20261127_234658_newsroom from './20261127_234658_newsroom';

export const migrations = [
  {
    up: migration_20261127_230650_initial.up,
    down: migration_20261127_230650_initial.down,
    name: '20261127_230650_initial',
  },
  {
    up: migration_20261127_234658_newsroom.up,
    down: migration_20261127_234658_newsroom.down,
    name: '20261127_234658_newsroom'
  },
];
