import CSQLite
import Foundation

/// A Swift value that can be bound to a statement parameter.
///
/// Storage conventions (stay consistent across the schema): dates are REAL seconds since 1970,
/// booleans INTEGER 0/1, byte arrays BLOB, `nil` NULL.
package protocol SQLBindable {
    func bind(to statement: Statement, at index: Int32) throws(StoreError)
}

extension Int: SQLBindable {
    package func bind(to statement: Statement, at index: Int32) throws(StoreError) {
        try statement.bind(Int64(self), at: index)
    }
}

extension Int64: SQLBindable {
    package func bind(to statement: Statement, at index: Int32) throws(StoreError) {
        try statement.bind(self, at: index)
    }
}

extension Double: SQLBindable {
    package func bind(to statement: Statement, at index: Int32) throws(StoreError) {
        try statement.bind(self, at: index)
    }
}

extension Bool: SQLBindable {
    package func bind(to statement: Statement, at index: Int32) throws(StoreError) {
        try statement.bind(Int64(self ? 1 : 0), at: index)
    }
}

extension String: SQLBindable {
    package func bind(to statement: Statement, at index: Int32) throws(StoreError) {
        try statement.bind(self, at: index)
    }
}

extension Array: SQLBindable where Element == UInt8 {
    package func bind(to statement: Statement, at index: Int32) throws(StoreError) {
        try statement.bind(self, at: index)
    }
}

extension Date: SQLBindable {
    package func bind(to statement: Statement, at index: Int32) throws(StoreError) {
        try statement.bind(timeIntervalSince1970, at: index)
    }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
    package func bind(to statement: Statement, at index: Int32) throws(StoreError) {
        switch self {
        case .some(let value): try value.bind(to: statement, at: index)
        case .none: try statement.bindNull(at: index)
        }
    }
}
