import Testing
import Foundation
@testable import BuzonTesting

@Suite struct ManualClockTests {
    @Test func advancesOnlyWhenTold() {
        let clock = ManualClock(Date(timeIntervalSince1970: 100))
        #expect(clock.now == Date(timeIntervalSince1970: 100))
        clock.advance(by: 60)
        #expect(clock.now == Date(timeIntervalSince1970: 160))
    }
}
