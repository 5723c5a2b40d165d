// swift-tools-version:6.0
// Buzón — an e-mail-to-ticket gateway. No package dependencies: C libraries come
// from the system through system library targets (libcurl, SQLite, libcrypto).
// Linux only: the code calls glibc directly (iconv, /proc, flock, signals, poll), so no
// Apple platform is declared.
import PackageDescription

let package = Package(
    name: "Buzon",
    products: [
        .executable(name: "buzon", targets: ["buzon"]),
        .executable(name: "buzon-bench", targets: ["buzon-bench"]),
    ],
    targets: [
        // System libraries: a module map plus a shim header for what Swift cannot call directly.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),

        // Bytes in, values out: headers, addresses, MIME tree, codecs, outgoing message builder.
        .target(name: "BuzonMIME", dependencies: ["CCrypto"]),
        // The new text of a reply: markers, quote headers, signatures, HTML quotes.
        .target(name: "BuzonTrim", dependencies: ["BuzonMIME"]),
        // Decisions only: references, threading, authorization, dedupe, loop guard, lifecycle, calendar.
        .target(name: "BuzonTickets", dependencies: ["BuzonMIME"]),
        // SQLite: connection, statements, migrations, the one transaction per message.
        .target(name: "BuzonStore", dependencies: ["CSQLite", "BuzonMIME", "BuzonTickets"]),
        // Protocols at the network seam: mailbox client, mail sender, temporary/permanent errors.
        .target(name: "BuzonTransport"),
        // libcurl implementations of the transport protocols.
        .target(name: "BuzonCurl", dependencies: ["CCurl", "BuzonTransport"]),
        // The TOML subset, the typed configuration, secrets, templates and their checks (knows nothing of the store or the daemon).
        .target(name: "BuzonConfig", dependencies: ["BuzonTrim", "BuzonTickets", "BuzonTransport"]),
        // Services: message processor, pollers, outbox sender, desk actions, signals.
        .target(name: "BuzonGateway", dependencies: ["BuzonMIME", "BuzonTrim", "BuzonTickets", "BuzonStore", "BuzonTransport", "BuzonConfig"]),
        // In-memory fakes, a manual clock and real local servers (Dovecot + SMTP sink) for tests and the demo.
        .target(name: "BuzonTesting", dependencies: ["BuzonTransport"], resources: [.copy("Resources")]),

        // The production binary: no test infrastructure in it.
        .executableTarget(name: "buzon", dependencies: ["BuzonMIME", "BuzonTrim", "BuzonTickets", "BuzonStore", "BuzonConfig", "BuzonGateway", "BuzonCurl"]),
        .executableTarget(name: "buzon-bench", dependencies: ["BuzonMIME", "BuzonTrim", "BuzonTickets", "BuzonStore", "BuzonConfig", "BuzonGateway", "BuzonCurl", "BuzonTesting"]),
        // The README's first command: real Dovecot + SMTP on loopback, a morning's mail, the real binary.
        .executableTarget(name: "buzon-demo", dependencies: ["BuzonMIME", "BuzonTesting"]),

        // The golden snapshots are the whole `buzon parse --json` result, reply (BuzonTrim) included.
        .testTarget(name: "BuzonMIMETests", dependencies: ["BuzonMIME", "BuzonTrim"], resources: [.copy("Fixtures")]),
        .testTarget(name: "BuzonTrimTests", dependencies: ["BuzonTrim"], resources: [.copy("Fixtures")]),
        .testTarget(name: "BuzonTicketsTests", dependencies: ["BuzonTickets"]),
        // The soak's bookkeeping (blame of repeated notices, the corpus' distinct content).
        .testTarget(name: "BuzonBenchTests", dependencies: ["buzon-bench"]),
        .testTarget(name: "BuzonStoreTests", dependencies: ["BuzonStore"]),
        .testTarget(name: "BuzonConfigTests", dependencies: ["BuzonConfig", "BuzonGateway", "BuzonTesting"]),
        .testTarget(name: "BuzonGatewayTests", dependencies: ["BuzonConfig", "BuzonGateway", "BuzonTesting"]),
        // Tests that need no server, next to the target they test.
        .testTarget(name: "BuzonCurlTests", dependencies: ["BuzonCurl", "BuzonTransport"]),
        .testTarget(name: "BuzonTransportTests", dependencies: ["BuzonTransport"]),
        .testTarget(name: "BuzonTestingTests", dependencies: ["BuzonTesting", "BuzonTransport"]),
        // Only what talks to real servers: the curl clients against Dovecot and the SMTP sink on 127.0.0.1.
        .testTarget(name: "BuzonIntegrationTests", dependencies: ["BuzonCurl", "BuzonTransport", "BuzonTesting"]),
        .testTarget(name: "BuzonCLITests", dependencies: ["buzon", "buzon-demo", "BuzonMIME", "BuzonStore", "BuzonTesting"]),
    ],
    swiftLanguageModes: [.v6]
)
