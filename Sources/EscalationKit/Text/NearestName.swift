/// Finds the valid name a typo was meant to be, for "did you mean" hints.
public enum NearestName {
    /// The candidate closest to `name` by edit distance, if it is close enough to be a plausible typo.
    public static func to(_ name: String, among candidates: some Sequence<String>) -> String? {
        let lowered = name.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if distance < (best?.1 ?? .max) { best = (candidate, distance) }
        }
        guard let (candidate, distance) = best else { return nil }
        return distance <= max(2, name.count / 3) ? candidate : nil
    }

    /// "; did you mean \"x\"?" when a candidate is close, else "; " and the fallback advice.
    public static func hint(_ name: String, among candidates: some Sequence<String>, otherwise advice: String) -> String {
        to(name, among: candidates).map { "; did you mean \"\($0)\"?" } ?? "; " + advice
    }

    /// Levenshtein distance over characters: the one implementation (configuration keys, theme
    /// files and the command line's "did you mean" all ask it).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
