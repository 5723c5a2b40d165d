/// How hard a commit waits for the disk (`PRAGMA synchronous` under WAL).
///
/// With WAL, `.normal` loses no committed transaction when the *process* crashes, but the last
/// transactions before a *power loss or kernel panic* may roll back. `.full` fsyncs the WAL at every
/// commit and survives power loss too. Buzón marks a message processed on the server only after its
/// ticket committed, so a rolled-back commit after a power cut means the message is fetched again,
/// not lost, which is why `.normal` is an acceptable choice; `.full` is the default because the
/// issue asks for durability on.
public enum Durability: String, Sendable, CaseIterable {
    case normal = "NORMAL"
    case full = "FULL"
}
