import Testing
@testable import BuzonMIME

@Suite struct MIMEParametersTests {
    @Test func behavesLikeADictionary() {
        var parameters: MIMEParameters = ["charset": "utf-8", "format": "flowed"]
        #expect(parameters["charset"] == "utf-8")
        #expect(parameters["boundary"] == nil)
        parameters["charset"] = "iso-8859-1"
        parameters["delsp"] = "yes"
        #expect(parameters["charset"] == "iso-8859-1")
        #expect(parameters.count == 3)
        #expect(parameters.names == ["charset", "format", "delsp"])
        parameters["format"] = nil
        #expect(parameters["format"] == nil)
        #expect(parameters.count == 2)
        parameters["missing"] = nil
        #expect(parameters.count == 2)
    }

    @Test func equalityIgnoresOrderButNotValues() {
        let one: MIMEParameters = ["a": "1", "b": "2"]
        #expect(one == ["b": "2", "a": "1"])
        #expect(one != ["a": "1", "b": "3"])
        #expect(one != ["a": "1"])
        #expect(one != ["a": "1", "b": "2", "c": "3"])
        #expect(MIMEParameters() == [:])
    }

    /// Names compare as a dictionary's `String` keys do: canonically equivalent spellings
    /// are one name, for reading, writing and equality alike.
    @Test func canonicallyEquivalentNamesAreOneName() {
        var parameters: MIMEParameters = ["caf\u{E9}": "1"]
        #expect(parameters["cafe\u{301}"] == "1")
        parameters["cafe\u{301}"] = "2"
        #expect(parameters.count == 1)
        #expect(parameters["caf\u{E9}"] == "2")
        #expect(parameters == ["cafe\u{301}": "2"])
        var diagnostics: [Diagnostic] = []
        let parsed = ContentHeaderValue.parse("text/plain; caf\u{E9}=1; cafe\u{301}=2", diagnostics: &diagnostics)
        #expect(parsed.parameters["caf\u{E9}"] == "1")   // the first of equal names wins, as before
        #expect(parsed.parameters.count == 1)
    }
}
