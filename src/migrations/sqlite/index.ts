import * as migration_20261127_230643_initial from './20261127_230643_initial';
import * as migration_20261127_234655_newsroom from './20261127_234655_newsroom';
import * as migration_20261128_015436_comments from './20261128_015436_comments';
import * as migration_20261128_021303_search from './20261128_021303_search';
import * as migration_20261202_162507_tickets from './20261202_162507_tickets';
import * as migration_20261203_073544_schedule_job_ids from './20261203_073544_schedule_job_ids';
import * as migration_20261206_021336_object_storage from './20261206_021336_object_storage';
import * as migration_20261206_033240_security_round2 from './20261206_033240_security_round2';

export const migrations = [
  {
    up: migration_20261127_230643_initial.up,
    down: migration_20261127_230643_initial.down,
    name: '20261127_230643_initial',
  },
  {
    up: migration_20261127_234655_newsroom.up,
    down: migration_20261127_234655_newsroom.down,
    name: '20261127_234655_newsroom',
  },
  {
    up: migration_20261128_015436_comments.up,
    down: migration_20261128_015436_comments.down,
    name: '20261128_015436_comments',
  },
  {
    up: migration_20261128_021303_search.up,
    down: migration_20261128_021303_search.down,
    name: '20261128_021303_search',
  },
  {
    up: migration_20261202_162507_tickets.up,
    down: migration_20261202_162507_tickets.down,
    name: '20261202_162507_tickets',
  },
  {
    up: migration_20261203_073544_schedule_job_ids.up,
    down: migration_20261203_073544_schedule_job_ids.down,
    name: '20261203_073544_schedule_job_ids',
  },
  {
    up: migration_20261206_021336_object_storage.up,
    down: migration_20261206_021336_object_storage.down,
    name: '20261206_021336_object_storage',
  },
  {
    up: migration_20261206_033240_security_round2.up,
    down: migration_20261206_033240_security_round2.down,
    name: '20261206_033240_security_round2'
  },
];
