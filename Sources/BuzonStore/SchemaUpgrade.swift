/// What opening a store may do to a database whose schema is older than this Buzón's.
///
/// Why not always upgrade: an upgrade cannot be undone by an older binary, and any command
/// (`buzon status` pointed at the wrong file, a one-off `tickets list` during a rolling
/// upgrade) used to do it silently. Only the daemon, pipe delivery and `buzon db migrate`
/// upgrade, and they write a backup first.
///
/// Whatever the policy: a brand-new (empty) file is created at the current schema, a file that
/// is neither empty nor Buzón's is refused (`notBuzonDatabase`), and a schema newer than this
/// Buzón's is refused (`schemaTooNew`).
public enum SchemaUpgrade: Sendable, Equatable {
    /// Copy the database beside itself (`buzon.sqlite.v2-20261203T150000.bak`, mode 0600, with
    /// SQLite's online backup) and then apply the missing migrations.
    case backupThenUpgrade
    /// Throw `schemaTooOld`, naming the command that upgrades.
    case refuse
    /// Neither upgrade nor refuse an older schema (`buzon db backup` copies it as it is).
    case openAsIs
}
