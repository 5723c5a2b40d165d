import Testing
@testable import BuzonTickets

@Suite struct RatingReplyTests {
    static let cases: [(String, Int?)] = [
        ("5", 5), (" 4 \n", 4), ("5 estrellas", 5), ("Calificación: 4", 4), ("calificacion 3", 3),
        ("4/5", 4), ("3 de 5", 3), ("Nota: 5. ¡Gracias!", 5), ("⭐⭐⭐⭐", 4), ("★★★★★", 5),
        ("le doy 5 estrellas", 5), ("1", 1),
        ("0", nil), ("6", nil), ("10", nil), ("5 usuarios no pueden entrar", nil),
        ("Sigue fallando", nil), ("", nil), ("4 5", nil), ("⭐⭐⭐⭐⭐⭐", nil),
        ("Gracias", nil), ("el error 5 volvió a aparecer", nil),
    ]

    @Test(arguments: cases)
    func recognizesRatingsOnly(text: String, expected: Int?) {
        #expect(RatingReply.rating(in: text) == expected)
    }
}
