/**
 * Who may do what, as data: role × collection × operation, plus the private fields each role may
 * read. test/http/accessMatrix.test.ts turns every cell into REST and GraphQL requests against a
 * running server (SQLite or PostgreSQL) holding the fixtures named here. A change to the access
 * rules that is not made here too fails that suite.
 */

export const ROLES = ['anonymous', 'readerA', 'readerB', 'editor', 'support', 'admin'] as const
export type Role = (typeof ROLES)[number]

/** Documents the suite creates before it asks anything; keys are what the matrix names. */
export type FixtureKey =
  | 'articlePublished'
  | 'articleDraft'
  | 'pagePublished'
  | 'pageDraft'
  | 'category'
  | 'tag'
  | 'media'
  | 'commentGuestApproved'
  | 'commentGuestPending'
  | 'commentReaderAPending'
  | 'commentReaderBApproved'
  | 'department'
  | 'cannedResponse'
  | 'readerA'
  | 'readerB'
  | 'userAdmin'
  | 'userEditor'
  | 'userSupport'
  | 'ticketA'
  | 'ticketB'
  | 'messageA'
  | 'noteOnA'
  | 'answerToA'
  | 'messageB'
  | 'fileA'
  | 'fileB'
  | 'counter'

/** role → the fixtures it sees (a document, or a field on it). Unlisted roles see none. */
export type Visibility = Partial<Record<Role, FixtureKey[]>>

const STAFF: Role[] = ['editor', 'support', 'admin']
const READERS: Role[] = ['readerA', 'readerB']

/** The same fixtures for several roles. */
function seen(...entries: [Role[], FixtureKey[]][]): Visibility {
  const out: Visibility = {}
  for (const [roles, keys] of entries) for (const role of roles) out[role] = [...(out[role] ?? []), ...keys]
  return out
}
const everyone = (...keys: FixtureKey[]) => seen([[...ROLES], keys])

/**
 * An update the suite tries on `fixture`: per role, `changed` (2xx, the value is stored),
 * `ignored` (2xx, the field is silently left as it was: field-level access) or `refused`
 * (4xx, nothing changes).
 */
export type UpdateRule = {
  fixture: FixtureKey
  field: string
  value: unknown
  outcome: Partial<Record<Role, 'changed' | 'ignored'>>
}

/** A query a caller could use to learn a value it may not read: `path` on `fixture` holds `secret`. */
export type Oracle = {
  path: string
  fixture: FixtureKey
  secret: (fx: FixtureValues) => unknown
  decoy: unknown
  like?: boolean
  /** Roles that may read the value (where they read the document); default: as `fields` says. */
  readableBy?: Role[]
  /** A value nobody knows (a hash, a token): only `exists` and the sort order are compared. */
  existsOnly?: boolean
}

/**
 * Payload's auth columns of the account a relation leads to (`author.hash`, `requester.sessions.id`):
 * nobody reads them, so nobody may filter or sort on them. Session ids hold `-`: `like -` would tell
 * whether the account is signed in.
 */
function authSecrets(prefix: string, fixture: FixtureKey, columns: string[]): Oracle[] {
  return [
    { path: `${prefix}sessions.id`, fixture, secret: () => '-', decoy: 'zzzz-no-session', like: true, readableBy: [] },
    ...['sessions.expiresAt', ...columns].map((column) => ({
      path: `${prefix}${column}`,
      fixture,
      secret: () => null,
      decoy: null,
      existsOnly: true,
      readableBy: [],
    })),
  ]
}
export type FixtureValues = Record<FixtureKey, Record<string, unknown>>

export type CollectionRules = {
  /** Fixtures of this collection (in the order they are created). */
  fixtures: FixtureKey[]
  read: Visibility
  /** Private fields: per role, the visible fixtures whose field it may read. */
  fields: Record<string, Visibility>
  oracles: Oracle[]
  /** Roles whose create succeeds (201); everyone else is refused and nothing is stored. */
  create: Role[]
  update: UpdateRule | null
  /** Roles whose delete succeeds; everyone else is refused and the document stays. */
  delete: Role[]
  /** Collections with `graphQL: false` are not in the schema. */
  graphQL?: boolean
}

export const MATRIX: Record<string, CollectionRules> = {
  articles: {
    fixtures: ['articlePublished', 'articleDraft'],
    read: seen([['anonymous', ...READERS], ['articlePublished']], [STAFF, ['articlePublished', 'articleDraft']]),
    // The search index columns are the server's own: nobody reads or queries them.
    fields: { searchText: {}, searchTitle: {} },
    oracles: [
      { path: 'searchText', fixture: 'articlePublished', secret: () => 'واژه', decoy: 'zzzz-no-such-text', like: true },
      // A draft's title, guessed through a published article's version: drafts stay staff-only.
      {
        path: 'title',
        fixture: 'articleDraft',
        secret: (fx) => fx.articleDraft.title,
        decoy: 'zzzz-no-such-title',
        like: true,
      },
      // Its author is the admin: staff accounts are readable by support staff and the admin only.
      {
        path: 'author.email',
        fixture: 'articlePublished',
        secret: (fx) => fx.userAdmin.email,
        decoy: 'nobody@example.org',
        like: true,
        readableBy: ['support', 'admin'],
      },
      ...authSecrets('author.', 'articlePublished', [
        'hash',
        'salt',
        'resetPasswordToken',
        'lockUntil',
        'loginAttempts',
      ]),
    ],
    create: ['editor', 'admin'],
    update: {
      fixture: 'articlePublished',
      field: 'lead',
      value: 'لید بازنویسی‌شده',
      outcome: { editor: 'changed', admin: 'changed' },
    },
    delete: ['editor', 'admin'],
  },
  pages: {
    fixtures: ['pagePublished', 'pageDraft'],
    read: seen([['anonymous', ...READERS], ['pagePublished']], [STAFF, ['pagePublished', 'pageDraft']]),
    fields: {},
    oracles: [
      {
        path: 'title',
        fixture: 'pageDraft',
        secret: (fx) => fx.pageDraft.title,
        decoy: 'zzzz-no-such-title',
        like: true,
      },
    ],
    create: ['editor', 'admin'],
    update: {
      fixture: 'pagePublished',
      field: 'title',
      value: 'عنوان تازه صفحه',
      outcome: { editor: 'changed', admin: 'changed' },
    },
    delete: ['editor', 'admin'],
  },
  categories: {
    fixtures: ['category'],
    read: everyone('category'),
    fields: {},
    oracles: [],
    create: ['editor', 'admin'],
    update: {
      fixture: 'category',
      field: 'title',
      value: 'دسته تازه',
      outcome: { editor: 'changed', admin: 'changed' },
    },
    delete: ['editor', 'admin'],
  },
  tags: {
    fixtures: ['tag'],
    read: everyone('tag'),
    fields: {},
    oracles: [],
    create: ['editor', 'admin'],
    update: { fixture: 'tag', field: 'title', value: 'برچسب تازه', outcome: { editor: 'changed', admin: 'changed' } },
    delete: ['editor', 'admin'],
  },
  media: {
    fixtures: ['media'],
    read: everyone('media'),
    fields: {},
    oracles: [],
    create: ['editor', 'admin'],
    update: {
      fixture: 'media',
      field: 'alt',
      value: 'متن جایگزین تازه',
      outcome: { editor: 'changed', admin: 'changed' },
    },
    delete: ['editor', 'admin'],
  },
  comments: {
    fixtures: ['commentGuestApproved', 'commentGuestPending', 'commentReaderAPending', 'commentReaderBApproved'],
    read: seen(
      [
        ['anonymous', 'readerB'],
        ['commentGuestApproved', 'commentReaderBApproved'],
      ],
      [['readerA'], ['commentGuestApproved', 'commentReaderBApproved', 'commentReaderAPending']],
      [STAFF, ['commentGuestApproved', 'commentGuestPending', 'commentReaderAPending', 'commentReaderBApproved']],
    ),
    fields: {
      guestEmail: seen([
        STAFF,
        ['commentGuestApproved', 'commentGuestPending', 'commentReaderAPending', 'commentReaderBApproved'],
      ]),
      ipHash: seen([
        STAFF,
        ['commentGuestApproved', 'commentGuestPending', 'commentReaderAPending', 'commentReaderBApproved'],
      ]),
      userAgent: seen([
        STAFF,
        ['commentGuestApproved', 'commentGuestPending', 'commentReaderAPending', 'commentReaderBApproved'],
      ]),
      fingerprint: seen([
        STAFF,
        ['commentGuestApproved', 'commentGuestPending', 'commentReaderAPending', 'commentReaderBApproved'],
      ]),
      // Which reader wrote a comment: staff, and that reader.
      reader: seen(
        [STAFF, ['commentGuestApproved', 'commentGuestPending', 'commentReaderAPending', 'commentReaderBApproved']],
        [['readerA'], ['commentReaderAPending']],
        [['readerB'], ['commentReaderBApproved']],
      ),
    },
    oracles: [
      {
        path: 'guestEmail',
        fixture: 'commentGuestApproved',
        secret: (fx) => fx.commentGuestApproved.guestEmail,
        decoy: 'nobody@example.org',
        like: true,
      },
      {
        path: 'ipHash',
        fixture: 'commentGuestApproved',
        secret: (fx) => fx.commentGuestApproved.ipHash,
        decoy: 'ffffffffffff',
        like: true,
      },
      {
        path: 'userAgent',
        fixture: 'commentGuestApproved',
        secret: (fx) => fx.commentGuestApproved.userAgent,
        decoy: 'NoSuchBrowser/0',
        like: true,
      },
      { path: 'reader', fixture: 'commentReaderBApproved', secret: (fx) => fx.readerB.id, decoy: 999_999 },
      // Through the relationship: a reader's address must not leak by joining comments to readers.
      {
        path: 'reader.email',
        fixture: 'commentReaderBApproved',
        secret: (fx) => fx.readerB.email,
        decoy: 'nobody@example.org',
        like: true,
      },
      ...authSecrets('reader.', 'commentReaderBApproved', ['hash', '_verificationToken']),
    ],
    // Staff comment as the site's reply: editors and admins only (support staff answer tickets).
    create: ['anonymous', 'readerA', 'readerB', 'editor', 'admin'],
    update: {
      fixture: 'commentGuestPending',
      field: 'body',
      value: 'متن ویرایش‌شده به دست دبیر',
      outcome: { editor: 'changed', admin: 'changed' },
    },
    delete: ['editor', 'admin'],
  },
  departments: {
    fixtures: ['department'],
    read: everyone('department'),
    fields: { email: seen([STAFF, ['department']]) },
    oracles: [
      {
        path: 'email',
        fixture: 'department',
        secret: (fx) => fx.department.email,
        decoy: 'nobody@example.org',
        like: true,
      },
    ],
    create: ['admin'],
    update: { fixture: 'department', field: 'title', value: 'واحد با نام تازه', outcome: { admin: 'changed' } },
    delete: ['admin'],
  },
  'canned-responses': {
    fixtures: ['cannedResponse'],
    read: seen([['support', 'admin'], ['cannedResponse']]),
    fields: {},
    oracles: [
      { path: 'body', fixture: 'cannedResponse', secret: (fx) => fx.cannedResponse.body, decoy: 'zzzz', like: true },
    ],
    create: ['support', 'admin'],
    update: {
      fixture: 'cannedResponse',
      field: 'title',
      value: 'پاسخ آماده تازه',
      outcome: { support: 'changed', admin: 'changed' },
    },
    delete: ['support', 'admin'],
  },
  readers: {
    fixtures: ['readerA', 'readerB'],
    read: seen([['readerA'], ['readerA']], [['readerB'], ['readerB']], [STAFF, ['readerA', 'readerB']]),
    fields: {
      _verified: seen([STAFF, ['readerA', 'readerB']]),
      signupAddressHash: seen([['admin'], ['readerA', 'readerB']]),
    },
    oracles: [
      { path: 'email', fixture: 'readerB', secret: (fx) => fx.readerB.email, decoy: 'nobody@example.org', like: true },
      { path: 'mobile', fixture: 'readerB', secret: (fx) => fx.readerB.mobile, decoy: '09000000000', like: true },
      {
        path: 'signupAddressHash',
        fixture: 'readerA',
        secret: (fx) => fx.readerA.signupAddressHash,
        decoy: 'ffffffff',
        like: true,
      },
      ...authSecrets('', 'readerB', ['hash', 'salt', '_verificationToken', 'lockUntil', 'loginAttempts']),
    ],
    // Sign-up is public (the account still needs its address verified to sign in).
    create: [...ROLES],
    update: {
      fixture: 'readerA',
      field: 'name',
      value: 'نام تازه خواننده',
      outcome: { readerA: 'changed', admin: 'changed' },
    },
    delete: ['admin'],
  },
  users: {
    fixtures: ['userAdmin', 'userEditor', 'userSupport'],
    read: seen(
      [['editor'], ['userEditor']],
      // Support staff assign tickets: they see their support and admin colleagues.
      [['support'], ['userSupport', 'userAdmin']],
      [['admin'], ['userAdmin', 'userEditor', 'userSupport']],
    ),
    fields: {},
    oracles: [
      {
        path: 'email',
        fixture: 'userEditor',
        secret: (fx) => fx.userEditor.email,
        decoy: 'nobody@example.org',
        like: true,
      },
      ...authSecrets('', 'userEditor', ['hash', 'salt', 'resetPasswordToken']),
    ],
    create: ['admin'],
    update: {
      fixture: 'userEditor',
      field: 'name',
      value: 'دبیر با نام تازه',
      outcome: { editor: 'changed', admin: 'changed' },
    },
    delete: ['admin'],
  },
  tickets: {
    fixtures: ['ticketA', 'ticketB'],
    read: seen(
      [['readerA'], ['ticketA']],
      [['readerB'], ['ticketB']],
      [
        ['support', 'admin'],
        ['ticketA', 'ticketB'],
      ],
    ),
    fields: {
      assignee: seen([
        ['support', 'admin'],
        ['ticketA', 'ticketB'],
      ]),
    },
    oracles: [
      {
        path: 'subject',
        fixture: 'ticketA',
        secret: (fx) => fx.ticketA.subject,
        decoy: 'zzzz-no-such-subject',
        like: true,
      },
      { path: 'code', fixture: 'ticketA', secret: (fx) => fx.ticketA.code, decoy: 'X-0000-00000', like: true },
      { path: 'assignee', fixture: 'ticketA', secret: (fx) => fx.userSupport.id, decoy: 999_999 },
      {
        path: 'requester.email',
        fixture: 'ticketA',
        secret: (fx) => fx.readerA.email,
        decoy: 'nobody@example.org',
        like: true,
      },
      ...authSecrets('requester.', 'ticketA', ['hash', '_verificationToken']),
      ...authSecrets('assignee.', 'ticketA', ['salt']),
    ],
    create: ['readerA', 'readerB'],
    // A reader may work their own ticket's status, never its priority.
    update: {
      fixture: 'ticketA',
      field: 'priority',
      value: 'high',
      outcome: { readerA: 'ignored', support: 'changed', admin: 'changed' },
    },
    delete: ['admin'],
  },
  'ticket-messages': {
    fixtures: ['messageA', 'noteOnA', 'answerToA', 'messageB'],
    read: seen(
      [['readerA'], ['messageA', 'answerToA']],
      [['readerB'], ['messageB']],
      [
        ['support', 'admin'],
        ['messageA', 'noteOnA', 'answerToA', 'messageB'],
      ],
    ),
    fields: {
      authorStaff: seen([
        ['support', 'admin'],
        ['messageA', 'noteOnA', 'answerToA', 'messageB'],
      ]),
    },
    oracles: [
      { path: 'body', fixture: 'noteOnA', secret: (fx) => fx.noteOnA.body, decoy: 'zzzz-no-such-note', like: true },
      { path: 'authorStaff', fixture: 'answerToA', secret: (fx) => fx.userSupport.id, decoy: 999_999 },
      {
        path: 'authorStaff.email',
        fixture: 'answerToA',
        secret: (fx) => fx.userSupport.email,
        decoy: 'nobody@example.org',
        like: true,
      },
      ...authSecrets('authorStaff.', 'answerToA', ['hash']),
    ],
    create: ['readerA', 'readerB', 'support', 'admin'],
    update: { fixture: 'messageA', field: 'body', value: 'متن اصلاح‌شده به دست مدیر', outcome: { admin: 'changed' } },
    delete: ['admin'],
  },
  'ticket-attachments': {
    fixtures: ['fileA', 'fileB'],
    read: seen(
      [['readerA'], ['fileA']],
      [['readerB'], ['fileB']],
      [
        ['support', 'admin'],
        ['fileA', 'fileB'],
      ],
    ),
    fields: {},
    oracles: [
      { path: 'originalName', fixture: 'fileA', secret: (fx) => fx.fileA.originalName, decoy: 'zzzz.png', like: true },
    ],
    create: ['readerA', 'readerB', 'support', 'admin'],
    // Their fields are all set by the server: an admin's update changes nothing in them.
    update: { fixture: 'fileA', field: 'originalName', value: 'نام-تازه.png', outcome: { admin: 'ignored' } },
    delete: ['admin'],
  },
  'ticket-counters': {
    fixtures: ['counter'],
    read: {},
    fields: {},
    oracles: [],
    create: [],
    update: { fixture: 'counter', field: 'value', value: 1_000_000, outcome: {} },
    delete: [],
    graphQL: false,
  },
}
