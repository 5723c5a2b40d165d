import Foundation
import Testing
@testable import BuzonTickets

/// `TextFolding` reads the Latin-1 table it shares with the trimmer's `LetterKey`
/// (`BuzonMIME.LatinFolding`) in its exact reading only: what it folded before the two tables
/// were one must fold the same.
@Suite struct TextFoldingTests {
    @Test func latinLettersFoldToTheirBaseLetter() {
        #expect(TextFolding.fold("ÀÁÂÃÄÅàáâãäå Çç ÈÉÊËèéêë ÌÍÎÏìíîï Ññ ÒÓÔÕÖòóôõö ÙÚÛÜùúûü Ýýÿ Ææ Øø")
            == "aaaaaaaaaaaa cc eeeeeeee iiiiiiii nn oooooooooo uuuuuuuu yyy aa oo")
        #expect(TextFolding.fold("¿CÓMO? CALIFICACIÓN: 5") == "¿como? calificacion: 5")
    }

    /// The letters the key reads approximately (Ð ð Þ þ ß) fold the Unicode way; the signs
    /// of the block (× ÷) and other symbols stay as they are.
    @Test func lettersWithoutAnASCIIBaseFoldTheUnicodeWay() {
        for letter in ["Ð", "ð", "Þ", "þ", "ß", "Œ", "ł"] {
            let unicode = letter.folding(options: [.caseInsensitive, .diacriticInsensitive],
                                         locale: Locale(identifier: "en_US_POSIX"))
            #expect(TextFolding.fold(letter) == unicode, "\(letter)")
        }
        #expect(TextFolding.fold("× ÷ ¡ « » ¿") == "× ÷ ¡ « » ¿")
    }
}
