import Testing
import Foundation
import BuzonTesting
@testable import BuzonConfig

@Suite struct SecretTests {
    @Test func fileSecretIsReadTrimmedOfTrailingLineBreaksRelativeToTheConfig() throws {
        let directory = try TemporaryDirectory()
        try directory.write("s3cret pass\r\n\n", to: "etc/imap.pass")
        let path = try directory.write(MinimalConfig.text(mailbox: "password_file = \"imap.pass\""), to: "etc/buzon.toml")
        let config = try GatewayConfig.load(path: path)
        let secret = try #require(config.mailboxes[0].password)
        #expect(secret.source == .file(path: directory.path + "/etc/imap.pass"))
        #expect(try secret.resolve(environment: [:]) == "s3cret pass")
    }

    @Test func environmentSecretComesFromTheGivenEnvironment() throws {
        let config = try GatewayConfig.parse(MinimalConfig.text(smtp: "password_env = \"BUZON_SMTP\""))
        let secret = try #require(config.smtp.password)
        #expect(try secret.resolve(environment: ["BUZON_SMTP": "p@ss"]) == "p@ss")
    }

    @Test func inlineSecretResolvesToItself() throws {
        let config = try GatewayConfig.parse(MinimalConfig.text(smtp: "password = \"inline-pw\""))
        #expect(try config.smtp.password?.resolve(environment: [:]) == "inline-pw")
    }

    @Test func missingFileIsAnErrorAtTheKeysLine() throws {
        let config = try GatewayConfig.parse(MinimalConfig.text(mailbox: "password_file = \"/nonexistent/x.pass\""), file: "buzon.toml")
        #expect {
            try config.mailboxes[0].password?.resolve(environment: [:])
        } throws: { error in
            let error = error as! ConfigError
            return error.description.hasPrefix("buzon.toml:13: cannot read /nonexistent/x.pass named by password_file")
        }
    }

    @Test func unsetVariableAndEmptyValuesAreErrors() throws {
        let config = try GatewayConfig.parse(MinimalConfig.text(smtp: "password_env = \"NOPE\""), file: "buzon.toml")
        let secret = try #require(config.smtp.password)
        #expect(throws: ConfigError.self) { try secret.resolve(environment: [:]) }
        #expect(throws: ConfigError.self) { try secret.resolve(environment: ["NOPE": ""]) }
        do {
            _ = try secret.resolve(environment: [:])
        } catch {
            #expect(error.line == 6)
            #expect(error.message.contains("environment variable NOPE is not set"))
        }
    }

    @Test func descriptionsNeverContainTheSecret() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("filesecret\n", to: "imap.pass")
        let config = try GatewayConfig.parse(MinimalConfig.text(
            smtp: "password = \"inlinesecret\"", mailbox: "password_file = \"\(file)\""), file: "buzon.toml")
        let smtpSecret = try #require(config.smtp.password)
        let mailboxSecret = try #require(config.mailboxes[0].password)
        #expect(smtpSecret.description == "<inline in buzon.toml>")
        #expect(mailboxSecret.description == "<from file \(file)>")
        var dumped = ""
        dump(config, to: &dumped)
        for text in [String(describing: config), String(reflecting: config), dumped, "\(smtpSecret.source)", String(reflecting: smtpSecret.source)] {
            #expect(!text.contains("inlinesecret"))
            #expect(!text.contains("filesecret"))
        }
        #expect(String(describing: config).contains("<inline in buzon.toml>"))
    }
}
