import Testing
@testable import BuzonTickets

@Suite struct AuthorizationTests {
    let authorization = Authorization(policy: Fixtures.policy)

    static let organizations: [(String, String?, String?)] = [
        ("ana@andina.cl", "Andina", "@andina.cl"),
        ("  Ana@ANDINA.cl ", "Andina", "@andina.cl"),
        ("externo@gmail.com", "Andina", "externo@gmail.com"),
        // An exact entry in another organization beats Andina's domain entry.
        ("consultor@andina.cl", "Consultora", "consultor@andina.cl"),
        ("Consultor@Andina.CL", "Consultora", "consultor@andina.cl"),
        // Subdomains are not covered by @andina.cl.
        ("ana@ventas.andina.cl", nil, nil),
        ("ana@andina.cl.evil.test", nil, nil),
        ("ana@notandina.cl", nil, nil),
        ("otro@gmail.com", nil, nil),
        ("luis@boreal.com.uy", "Boreal", "@boreal.com.uy"),
        ("sin-arroba", nil, nil),
    ]

    @Test(arguments: organizations)
    func organizationOfAnAddress(address: String, organization: String?, entry: String?) {
        let match = authorization.organization(of: address)
        #expect(match?.organization.name == organization)
        #expect(match?.entry == entry)
    }

    @Test func staffAndOwnAddresses() {
        #expect(authorization.isStaff("Carla@Empresa.com"))
        #expect(!authorization.isStaff("ana@andina.cl"))
        #expect(authorization.isOwnAddress("soporte@empresa.com"))
        #expect(authorization.isOwnAddress("SOPORTE+OP10044@empresa.com"))
        #expect(!authorization.isOwnAddress("carla@empresa.com"))
        #expect(authorization.isOwnAddress("mesa@empresa.com", extra: ["mesa@empresa.com"]))
    }

    static let noReply: [(String, Bool)] = [
        ("noreply@andina.cl", true), ("No-Reply@andina.cl", true), ("no_reply@x.com", true),
        ("donotreply@x.com", true), ("do-not-reply@x.com", true), ("MAILER-DAEMON@mx.x.com", true),
        ("postmaster@x.com", true), ("bounces+123@list.x.com", true), ("bounce-9@x.com", true),
        ("noreply-facturas@x.com", true), ("ana@andina.cl", false), ("reply@x.com", false),
        ("norberto@x.com", false), ("postmaster-general@x.com", false),
    ]

    @Test(arguments: noReply)
    func noReplyStyleLocalParts(address: String, expected: Bool) {
        #expect(Authorization.isNoReply(address) == expected)
    }

    @Test func ticketAudience() {
        let andinaTicket = Fixtures.tickets[0]
        let orphan = Fixtures.tickets[3]
        #expect(authorization.mayAccess(andinaTicket, address: "jorge@andina.cl"))
        #expect(authorization.mayAccess(andinaTicket, address: "carla@empresa.com"))
        #expect(!authorization.mayAccess(andinaTicket, address: "luis@boreal.com.uy"))
        #expect(!authorization.mayAccess(andinaTicket, address: "consultor@andina.cl"))
        #expect(authorization.mayAccess(orphan, address: "Pedro@gmail.com"))
        #expect(!authorization.mayAccess(orphan, address: "juan@gmail.com"))
    }
}
