/// The pure arithmetic behind colour degradation: where a 256-colour index or an RGB value lands
/// among the 16 (and so the 8) colours every colour terminal has.
public enum ColorMapping {
    /// The xterm defaults for the 16 ANSI colours, the reference for "nearest".
    static let ansi16: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    /// The six levels of each channel in the 6×6×6 colour cube (indices 16–231).
    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The RGB value xterm shows for a 256-colour index (0–255).
    public static func rgb(ofIndex index: Int) -> (Int, Int, Int) {
        switch index {
        case ..<16: return ansi16[max(0, index)]
        case 16..<232:
            let i = index - 16
            return (cubeLevels[i / 36], cubeLevels[(i / 6) % 6], cubeLevels[i % 6])
        default:
            let grey = 8 + 10 * (min(index, 255) - 232)
            return (grey, grey, grey)
        }
    }

    /// The 16-colour number (0–15) nearest to an RGB value.
    public static func nearest16(_ rgb: (Int, Int, Int)) -> Int {
        var best = 0, bestDistance = Int.max
        for (number, candidate) in ansi16.enumerated() {
            let d = distance(rgb, candidate)
            if d < bestDistance { best = number; bestDistance = d }
        }
        return best
    }

    /// The 256-colour index nearest to an RGB value, from the cube and the grey ramp (never 0–15,
    /// whose look the terminal's own palette decides).
    public static func nearest256(_ rgb: (Int, Int, Int)) -> Int {
        func level(_ v: Int) -> Int { cubeLevels.indices.min { abs(cubeLevels[$0] - v) < abs(cubeLevels[$1] - v) }! }
        let cube = 16 + 36 * level(rgb.0) + 6 * level(rgb.1) + level(rgb.2)
        let average = (rgb.0 + rgb.1 + rgb.2) / 3
        let grey = 232 + min(23, max(0, (average - 8 + 5) / 10))
        return distance(rgb, self.rgb(ofIndex: grey)) < distance(rgb, self.rgb(ofIndex: cube)) ? grey : cube
    }

    /// A 16-colour number as a basic colour and brightness; the 8-colour terminal drops the brightness.
    public static func basic(of number16: Int) -> (Color.Basic, bright: Bool) {
        (Color.Basic(rawValue: number16 % 8)!, number16 >= 8)
    }

    static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let r = a.0 - b.0, g = a.1 - b.1, b2 = a.2 - b.2
        return r * r + g * g + b2 * b2
    }
}

extension Color {
    /// A 256-colour index with the nearest of the 16 as its fallback.
    public init(index256 index: Int) {
        let (basic, bright) = ColorMapping.basic(of: index < 16 ? index : ColorMapping.nearest16(ColorMapping.rgb(ofIndex: index)))
        self.init(basic, bright: bright, index256: index < 16 ? nil : index)
    }

    /// An RGB value as its nearest 256-colour index, with the nearest of the 16 as its fallback.
    public init(red: Int, green: Int, blue: Int) {
        let (basic, bright) = ColorMapping.basic(of: ColorMapping.nearest16((red, green, blue)))
        self.init(basic, bright: bright, index256: ColorMapping.nearest256((red, green, blue)))
    }
}
