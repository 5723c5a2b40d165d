import Foundation

/// The dates a Spanish desk's mail shows: the RFC 5322 `Date` header and the forms Gmail
/// (`lun, 21 nov 2026 a las 10:02`) and Outlook (`lunes, 21 de noviembre de 2026 10:02`) write
/// in quote headers. All in Madrid winter time (UTC+1), which is what the corpus simulates.
struct SpanishDate {
    static let englishDays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let shortDays = ["dom", "lun", "mar", "mié", "jue", "vie", "sáb"]
    static let days = ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"]
    static let shortMonths = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"]
    static let months = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                         "octubre", "noviembre", "diciembre"]

    private let parts: tm

    /// `epochSeconds` is UTC; the fields are those of UTC+1.
    init(epochSeconds: Int) {
        var local = time_t(epochSeconds + 3600)
        var parts = tm()
        gmtime_r(&local, &parts)
        self.parts = parts
    }

    private var day: Int { Int(parts.tm_mday) }
    private var year: Int { Int(parts.tm_year) + 1900 }
    private var time: String { String(format: "%02d:%02d", Int(parts.tm_hour), Int(parts.tm_min)) }

    /// `Mon, 23 Nov 2026 10:02:13 +0100`
    var rfc5322: String {
        "\(Self.englishDays[Int(parts.tm_wday)]), \(day) \(Self.englishMonths[Int(parts.tm_mon)]) \(year) "
            + time + String(format: ":%02d +0100", Int(parts.tm_sec))
    }

    /// `lun, 23 nov 2026 a las 10:02`
    var gmail: String {
        "\(Self.shortDays[Int(parts.tm_wday)]), \(day) \(Self.shortMonths[Int(parts.tm_mon)]) \(year) a las \(time)"
    }

    /// `lunes, 23 de noviembre de 2026 10:02`
    var outlook: String {
        "\(Self.days[Int(parts.tm_wday)]), \(day) de \(Self.months[Int(parts.tm_mon)]) de \(year) \(time)"
    }
}
