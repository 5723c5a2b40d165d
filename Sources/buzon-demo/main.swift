import Foundation
import BuzonMIME
import BuzonTesting

/// `buzon-demo`: the whole desk on this machine in one command. Starts a real Dovecot and a
/// real SMTP server on 127.0.0.1, fills the mailboxes with a morning's mail, runs the real
/// `buzon` binary the way an operator would, and prints the tickets and the mail customers
/// received. Everything it starts is stopped at the end, also on failure.
let demo = DemoRun()
do {
    try demo.run()
    demo.finish()
    exit(0)
} catch {
    FileHandle.standardError.write(Data("buzon-demo: \(error)\n".utf8))
    demo.finish()
    exit(1)
}
