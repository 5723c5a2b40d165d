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
}
