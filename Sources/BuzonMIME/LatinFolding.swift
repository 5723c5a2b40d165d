/// The Latin-1 letters (U+00C0…U+00FF) folded to their ASCII base letter: the one table
/// behind the reply trimmer's letter keys (`BuzonTrim.LetterKey`: `línea` → `linea`) and the
/// keyword matching of categories and ratings (`BuzonTickets.TextFolding`: `CALIFICACIÓN` →
/// `calificacion`). All of Spanish and Portuguese is in this block.
///
/// Two readings of one table, because the two users want different things of the five
/// letters that have no ASCII base (Ð ð Þ þ ß): a key only has to be the same for the same
/// text, so `ß` → `s` will do; folded text must stay text, so those five fold the Unicode way
/// (`ß` → `ss`) in `TextFolding`. They are marked `approximate` in the table.
package enum LatinFolding {
    /// Set on the entries whose letter is only an approximation (Ð ð Þ þ ß).
    package static let approximate: UInt8 = 0x80

    /// Entry `i` is for U+00C0 + `i` (the low six bits of the second UTF-8 byte after the
    /// lead byte C3): the lower-case ASCII base letter, that letter with `approximate` set,
    /// or 0 for the two signs of the block (× ÷), which are not letters.
    package static let table: [UInt8] = {
        // Upper case marks an approximate letter, `*` a sign.
        let spelled = "aaaaaaaceeeeiiiiDnooooo*ouuuuyTSaaaaaaaceeeeiiiiDnooooo*ouuuuyTy"
        return spelled.utf8.map { byte in
            switch byte {
            case UInt8(ascii: "*"): 0
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): (byte | 0x20) | approximate
            default: byte
            }
        }
    }()

    /// The ASCII letter that `scalar` is with its accent removed and lower-cased (`Á` → `a`,
    /// `Æ` → `a`, `Ø` → `o`); nil for anything else, the approximate letters included.
    package static func exactBase(of scalar: UInt32) -> UInt8? {
        guard scalar >= 0xC0, scalar <= 0xFF else { return nil }
        let entry = table[Int(scalar &- 0xC0)]
        return entry == 0 || entry & approximate != 0 ? nil : entry
    }

    /// The key letter of a `table` entry (approximate letters included), or nil for a sign.
    @inline(__always)
    package static func keyLetter(_ entry: UInt8) -> UInt8? {
        let letter = entry & ~approximate
        return letter == 0 ? nil : letter
    }
}
