import { byId, type Runtime } from './runtime';
import type { FileRecord, NoteRecord, UserRecord } from './types';

// The packed shapes Misskey's entity services answer with (UserLite, MeDetailed, Note, DriveFile),
// with the fields a client reads and the defaults a fresh local account has.

/** UserEntityService.pack, schema UserLite, for a local user. */
export function packUserLite(rt: Runtime, user: UserRecord) {
  return {
    id: user.id,
    name: user.name,
    username: user.username,
    host: null,
    avatarUrl: `${rt.baseUrl}/identicon/${encodeURIComponent(`${user.username}@${rt.host}`)}`,
    avatarBlurhash: null,
    avatarDecorations: [],
    isBot: false,
    isCat: false,
    emojis: {},
    onlineStatus: 'unknown',
    badgeRoles: [],
  };
}

/** UserDetailedNotMe, as `/api/miauth/:session/check` and `users/show` answer. */
export function packUserDetailed(rt: Runtime, user: UserRecord) {
  const notes = rt.state.notes.filter((note) => note.userId === user.id && !note.deletedAt);
  return {
    ...packUserLite(rt, user),
    url: null,
    uri: null,
    movedTo: null,
    alsoKnownAs: null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: null,
    lastFetchedAt: null,
    bannerUrl: null,
    bannerBlurhash: null,
    isLocked: false,
    isSilenced: false,
    isSuspended: user.isSuspended,
    description: null,
    location: null,
    birthday: null,
    lang: null,
    fields: [],
    verifiedLinks: [],
    followersCount: 0,
    followingCount: 0,
    notesCount: notes.length,
    pinnedNoteIds: [],
    pinnedNotes: [],
    publicReactions: true,
    followersVisibility: 'public',
    followingVisibility: 'public',
    roles: [],
    memo: null,
  };
}

/** MeDetailed, as `i` answers: the detailed user plus the caller's own settings and policies. */
export function packMe(rt: Runtime, user: UserRecord) {
  return {
    ...packUserDetailed(rt, user),
    avatarId: null,
    bannerId: null,
    isModerator: false,
    isAdmin: false,
    injectFeaturedNote: true,
    receiveAnnouncementEmail: true,
    alwaysMarkNsfw: false,
    autoSensitive: false,
    carefulBot: false,
    autoAcceptFollowed: true,
    noCrawle: false,
    preventAiLearning: true,
    isExplorable: true,
    isDeleted: false,
    twoFactorBackupCodesStock: 'none',
    hideOnlineStatus: false,
    hasUnreadNotification: false,
    emailVerified: false,
    policies: policies(rt),
  };
}

/** The role policies a stock server gives everyone (RoleService DEFAULT_POLICIES), as far as posting goes. */
export function policies(rt: Runtime) {
  return {
    gtlAvailable: true,
    ltlAvailable: true,
    canPublicNote: true,
    mentionLimit: 20,
    canCreateContent: true,
    canUpdateContent: true,
    canDeleteContent: true,
    canInvite: false,
    canManageCustomEmojis: false,
    canSearchNotes: false,
    canUseTranslator: true,
    canHideAds: false,
    driveCapacityMb: rt.options.driveCapacityMb,
    alwaysMarkNsfw: false,
    pinLimit: 5,
    antennaLimit: 5,
    wordMuteLimit: 200,
    webhookLimit: 3,
    clipLimit: 10,
    noteEachClipsLimit: 200,
    userListLimit: 10,
    userEachUserListsLimit: 50,
    rateLimitFactor: 1,
    avatarDecorationLimit: 1,
  };
}

/** DriveFileEntityService.pack. */
export function packDriveFile(rt: Runtime, file: FileRecord) {
  const url = `${rt.baseUrl}/files/${file.accessKey}`;
  const isImage = file.type.startsWith('image/');
  return {
    id: file.id,
    createdAt: file.createdAt.toISOString(),
    name: file.name,
    type: file.type,
    md5: file.md5,
    size: file.size,
    isSensitive: file.isSensitive,
    blurhash: null,
    properties:
      file.width !== null && file.height !== null ? { width: file.width, height: file.height } : {},
    url,
    thumbnailUrl: isImage ? url : null,
    comment: file.comment,
    folderId: null,
    folder: null,
    userId: file.userId,
    user: null,
  };
}

/** NoteEntityService.pack: the note with its files, and the note it answers (one level deep). */
export function packNote(rt: Runtime, note: NoteRecord, depth = 0): Record<string, unknown> {
  const author = byId(rt.state.users, note.userId);
  const files = note.fileIds
    .map((id) => byId(rt.state.files, id))
    .filter((file): file is FileRecord => file !== undefined);
  const reply = note.replyId && depth === 0 ? byId(rt.state.notes, note.replyId) : undefined;
  const repliesCount = rt.state.notes.filter(
    (other) => other.replyId === note.id && !other.deletedAt,
  ).length;
  return {
    id: note.id,
    createdAt: note.createdAt.toISOString(),
    userId: note.userId,
    user: author ? packUserLite(rt, author) : null,
    text: note.text,
    cw: note.cw,
    visibility: note.visibility,
    localOnly: note.localOnly,
    reactionAcceptance: null,
    renoteCount: 0,
    repliesCount,
    reactionCount: 0,
    reactions: {},
    reactionEmojis: {},
    fileIds: note.fileIds,
    files: files.map((file) => packDriveFile(rt, file)),
    replyId: note.replyId,
    renoteId: note.renoteId,
    clippedCount: 0,
    ...(note.visibility === 'specified' ? { visibleUserIds: note.visibleUserIds } : {}),
    ...(reply && !reply.deletedAt ? { reply: packNote(rt, reply, depth + 1) } : {}),
  };
}
