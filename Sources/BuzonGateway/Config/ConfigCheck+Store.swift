import Foundation
import BuzonConfig
import BuzonStore

extension ConfigCheck {
    /// `buzon check-config` against this Buzón's store: the configuration check of `BuzonConfig`
    /// with the database's schema read by `TicketStore` (a database written by a newer Buzón is
    /// refused by every command, an older one is upgraded by `buzon run`).
    public static func run(configPath: String,
                           environment: [String: String] = ProcessInfo.processInfo.environment) -> ConfigCheckReport {
        run(configPath: configPath, environment: environment, schema: storeSchema)
    }

    /// The schema this Buzón writes, and the reader of an existing database's version.
    public static var storeSchema: SchemaProbe {
        SchemaProbe(current: TicketStore.schemaVersion) { path in try TicketStore.schemaVersion(ofFileAt: path) }
    }
}
