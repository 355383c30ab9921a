import * as migration_20261127_230650_initial from './20261127_230650_initial';
import * as migration_20261127_234658_newsroom from './20261127_234658_newsroom';
import * as migration_20261128_015438_comments from './20261128_015438_comments';
import * as migration_20261128_021307_search from './20261128_021307_search';
import * as migration_20261202_162511_tickets from './20261202_162511_tickets';
import * as migration_20261203_073546_schedule_job_ids from './20261203_073546_schedule_job_ids';
import * as migration_20261206_021351_object_storage from './20261206_021351_object_storage';
import * as migration_20261206_033250_security_round2 from './20261206_033250_security_round2';

export const migrations = [
  {
    up: migration_20261127_230650_initial.up,
    down: migration_20261127_230650_initial.down,
    name: '20261127_230650_initial',
  },
  {
    up: migration_20261127_234658_newsroom.up,
    down: migration_20261127_234658_newsroom.down,
    name: '20261127_234658_newsroom',
  },
  {
    up: migration_20261128_015438_comments.up,
    down: migration_20261128_015438_comments.down,
    name: '20261128_015438_comments',
  },
  {
    up: migration_20261128_021307_search.up,
    down: migration_20261128_021307_search.down,
    name: '20261128_021307_search',
  },
  {
    up: migration_20261202_162511_tickets.up,
    down: migration_20261202_162511_tickets.down,
    name: '20261202_162511_tickets',
  },
  {
    up: migration_20261203_073546_schedule_job_ids.up,
    down: migration_20261203_073546_schedule_job_ids.down,
    name: '20261203_073546_schedule_job_ids',
  },
  {
    up: migration_20261206_021351_object_storage.up,
    down: migration_20261206_021351_object_storage.down,
    name: '20261206_021351_object_storage',
  },
  {
    up: migration_20261206_033250_security_round2.up,
    down: migration_20261206_033250_security_round2.down,
    name: '20261206_033250_security_round2'
  },
];
