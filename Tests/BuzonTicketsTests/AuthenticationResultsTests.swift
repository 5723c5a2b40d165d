import BuzonMIME
import Testing
@testable import BuzonTickets

@Suite struct AuthenticationResultsTests {
    @Test func parsesTheExampleOfTheIssue() throws {
        let parsed = try #require(AuthenticationResults.parse(
            "mx.empresa.com; dkim=pass header.d=andina.cl; spf=pass smtp.mailfrom=andina.cl; dmarc=fail header.from=andina.cl"))
        #expect(parsed.authservID == "mx.empresa.com")
        #expect(parsed.version == nil)
        #expect(parsed.results.map(\.method) == ["dkim", "spf", "dmarc"])
        #expect(parsed.result(for: "dkim")?.properties["header.d"] == "andina.cl")
        #expect(parsed.result(for: "spf")?.domain(of: "smtp.mailfrom") == "andina.cl")
        #expect(parsed.result(for: "dmarc")?.result == "fail")
    }

    @Test func commentsQuotesVersionsAndReasons() throws {
        let parsed = try #require(AuthenticationResults.parse("""
            mx.empresa.com 1 (mx (nested) comment); dkim/1 = pass (2048-bit key; "quoted") reason="signature ok; verified" \
            header.d = "andina.cl" header.i=@andina.cl; spf=softfail (sender IP is 1.2.3.4) smtp.mailfrom=ana@Andina.CL;
            """))
        #expect(parsed.authservID == "mx.empresa.com")
        #expect(parsed.version == 1)
        #expect(parsed.results.count == 2)
        let dkim = try #require(parsed.result(for: "dkim"))
        #expect(dkim.result == "pass")
        #expect(dkim.reason == "signature ok; verified")
        #expect(dkim.properties["header.d"] == "andina.cl")
        #expect(dkim.domain(of: "header.i") == "andina.cl")
        #expect(parsed.result(for: "spf")?.result == "softfail")
        #expect(parsed.result(for: "spf")?.domain(of: "smtp.mailfrom") == "andina.cl")
    }

    @Test func noResultAndGarbage() {
        #expect(AuthenticationResults.parse("mx.empresa.com; none")?.results == [])
        #expect(AuthenticationResults.parse("") == nil)
        #expect(AuthenticationResults.parse("; dkim=pass") == nil)
        #expect(AuthenticationResults.parse("(only a comment)") == nil)
    }

    static func message(from: String, _ headers: [String]) -> Message {
        Fixtures.message(from: from, headers: headers.map { ("Authentication-Results", $0) })
    }

    static let verdicts: [(name: String, from: String, headers: [String], authentic: Bool, because: String)] = [
        ("dmarc pass", "ana@andina.cl", ["mx.empresa.com; dmarc=pass header.from=andina.cl"], true, "dmarc=pass"),
        ("dmarc fail beats dkim pass", "ana@andina.cl",
         ["mx.empresa.com; dkim=pass header.d=andina.cl; spf=pass smtp.mailfrom=andina.cl; dmarc=fail header.from=andina.cl"],
         false, "dmarc=fail"),
        ("aligned dkim without dmarc", "ana@andina.cl", ["mx.empresa.com; dkim=pass header.d=andina.cl"], true, "dkim=pass"),
        ("dkim of a subdomain aligns", "ana@andina.cl", ["mx.empresa.com; dkim=pass header.d=mail.andina.cl"], true, "dkim=pass"),
        ("dkim of another domain", "ana@andina.cl", ["mx.empresa.com; dkim=pass header.d=mailer.test; spf=fail smtp.mailfrom=andina.cl"],
         false, "no aligned"),
        ("dkim of a public suffix does not align", "ana@andina.cl", ["mx.empresa.com; dkim=pass header.d=cl"], false, "no aligned"),
        ("aligned spf", "ana@andina.cl", ["mx.empresa.com; spf=pass smtp.mailfrom=bounces@andina.cl"], true, "spf=pass"),
        ("dmarc none falls back to dkim", "ana@andina.cl", ["mx.empresa.com; dmarc=none; dkim=pass header.d=andina.cl"], true, "dkim=pass"),
        ("nothing passes", "ana@andina.cl", ["mx.empresa.com; dkim=fail header.d=andina.cl; spf=softfail smtp.mailfrom=andina.cl"],
         false, "no aligned"),
        ("forged header from another authserv-id", "ana@andina.cl",
         ["evil.test; dmarc=pass header.from=andina.cl"], false, "no Authentication-Results from mx.empresa.com"),
        ("forged header below ours is ignored", "ana@andina.cl",
         ["mx.empresa.com; dmarc=fail header.from=andina.cl", "evil.test; dmarc=pass"], false, "dmarc=fail"),
        ("top-most of our headers counts", "ana@andina.cl",
         ["MX.Empresa.com; dmarc=pass", "mx.empresa.com; dmarc=fail (forged further down)"], true, "dmarc=pass"),
        ("no header at all", "ana@andina.cl", [], false, "no Authentication-Results from mx.empresa.com"),
    ]

    @Test(arguments: verdicts.indices)
    func verdictWithATrustedServer(index: Int) {
        let row = Self.verdicts[index]
        let verdict = SenderAuthenticity.evaluate(Self.message(from: row.from, row.headers), trustedAuthservID: "mx.empresa.com")
        #expect(verdict.isAuthentic == row.authentic, "\(row.name): \(verdict)")
        let text: String
        switch verdict {
        case .authentic(let why), .notAuthentic(let why): text = why
        case .unchecked: text = "unchecked"
        }
        #expect(text.contains(row.because), "\(row.name): \(text)")
    }

    @Test func everythingPassesWithoutATrustedServer() {
        let message = Self.message(from: "ana@andina.cl", ["mx.empresa.com; dmarc=fail"])
        #expect(SenderAuthenticity.evaluate(message, trustedAuthservID: nil) == .unchecked)
        #expect(SenderAuthenticity.evaluate(message, trustedAuthservID: "  ") == .unchecked)
        #expect(SenderAuthenticity.unchecked.isAuthentic)
    }
}
