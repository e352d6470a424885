import Testing
@testable import Board

/// Colours degrade 256 → 16 → 8 → none by pure arithmetic.
@Suite struct ColorMappingTests {
    @Test func theCubeAndTheGreyRampHaveXtermsValues() {
        #expect(ColorMapping.rgb(ofIndex: 196) == (255, 0, 0))
        #expect(ColorMapping.rgb(ofIndex: 16) == (0, 0, 0))
        #expect(ColorMapping.rgb(ofIndex: 231) == (255, 255, 255))
        #expect(ColorMapping.rgb(ofIndex: 75) == (95, 175, 255))
        #expect(ColorMapping.rgb(ofIndex: 232) == (8, 8, 8))
        #expect(ColorMapping.rgb(ofIndex: 255) == (238, 238, 238))
        #expect(ColorMapping.rgb(ofIndex: 9) == (255, 0, 0))
    }

    @Test(arguments: [(196, 9), (160, 1), (46, 10), (226, 11), (21, 4), (12, 12), (231, 15), (16, 0), (245, 8), (250, 7), (51, 14), (201, 13)])
    func index256FallsToTheNearestOf16(index: Int, expected: Int) {
        #expect(ColorMapping.nearest16(ColorMapping.rgb(ofIndex: index)) == expected)
    }

    @Test func rgbFindsItsNearest256Index() {
        #expect(ColorMapping.nearest256((255, 0, 0)) == 196)
        #expect(ColorMapping.nearest256((0, 43, 54)) == 234, "solarized base03 is 234 in its own 256-colour table")
        #expect(ColorMapping.nearest256((128, 128, 128)) == 244)
        #expect(ColorMapping.nearest256((255, 255, 255)) == 231)
    }

    @Test func aColourDegradesStepByStep() {
        let orange = Color(index256: 214)
        #expect(orange.number(at: .full) == 214)
        #expect(orange.number(at: .sixteen) == 3)
        #expect(orange.number(at: .eight) == 3)
        #expect(orange.number(at: .none) == nil)
        let low = Color(index256: 4)
        #expect(low.index256 == nil && low.number(at: .full) == 4 && low.number(at: .eight) == 4)
        let bright = Color(index256: 12)
        #expect(bright.number(at: .sixteen) == 12 && bright.number(at: .eight) == 4)
    }

    @Test func solarizedBaseRgbDegradesToReadableColours() {
        let blue = Color(red: 0x26, green: 0x8b, blue: 0xd2)
        #expect(blue.index256 == 32)
        #expect(blue.basic == .blue || blue.basic == .cyan)
        #expect(blue.number(at: .eight) != 0)
    }
}
