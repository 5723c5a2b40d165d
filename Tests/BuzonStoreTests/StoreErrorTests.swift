import CSQLite
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import BuzonStore

/// `StoreError.isEnvironmental`: the one place that tells a fault of the machine (retry later,
/// never a strike against the message) from a fault of the data.
@Suite struct StoreErrorTests {
    static func sqlite(_ code: Int32) -> StoreError {
        StoreError(kind: .sqlite(code: code), message: "test", operation: "test")
    }

    static func file(_ errno: Int32) -> StoreError {
        StoreError(kind: .file(errno: errno), message: "test", operation: "test")
    }

    @Test(arguments: [
        SQLITE_FULL, SQLITE_READONLY, SQLITE_IOERR, SQLITE_IOERR | (4 << 8) /* IOERR_WRITE */, SQLITE_CANTOPEN,
        SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY | (8 << 8) /* READONLY_DBMOVED */, SQLITE_NOMEM, SQLITE_PERM,
    ])
    func diskLockAndPermissionCodesAreEnvironmental(code: Int32) {
        #expect(Self.sqlite(code).isEnvironmental)
    }

    @Test(arguments: [SQLITE_CONSTRAINT, SQLITE_CONSTRAINT | (8 << 8) /* UNIQUE */, SQLITE_MISMATCH, SQLITE_ERROR, SQLITE_TOOBIG, SQLITE_RANGE])
    func dataAndSQLCodesAreNot(code: Int32) {
        #expect(!Self.sqlite(code).isEnvironmental)
    }

    @Test func fileErrorsOfAFullOrReadOnlyDiskAreEnvironmentalOthersAreNot() {
        for code in [ENOSPC, EDQUOT, EACCES, EPERM, EROFS, EIO] { #expect(Self.file(code).isEnvironmental, "errno \(code)") }
        for code in [EINVAL, ENAMETOOLONG, EFBIG] { #expect(!Self.file(code).isEnvironmental, "errno \(code)") }
        #expect(!StoreError.notFound("ticket OP1", operation: "x").isEnvironmental)
        #expect(!StoreError.misuse("nested", operation: "x").isEnvironmental)
        struct Other: Error {}
        #expect(!StoreError.isEnvironmental(Other()))
        #expect(StoreError.isEnvironmental(Self.sqlite(SQLITE_FULL) as any Error))
    }
}
