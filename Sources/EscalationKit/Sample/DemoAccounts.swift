/// The accounts of the demo store: real-sounding names in several scripts, with ARR, segment,
/// renewal and health, so scores and briefs have commercial context.
enum DemoAccounts {
    static let names: [String] = [
        "Acme Corp", "Globex", "Initech", "Umbrella Health", "Stark Logistics", "Wayne Retail", "Société Générale Services",
        "Müller & Söhne GmbH", "Ångström Analytics", "Café Olé", "株式会社ヒカリ", "北京数据科技", "서울 클라우드", "Zürich Re Digital",
        "Nordlys AS", "Crème Brûlée Foods", "Piñata Payments", "Oceanic Air", "Hooli", "Vandelay Industries",
        "Soylent Systems", "Cyberdyne Labs", "Tyrell Biotech", "Rocket Freight 🚀", "Green Leaf 🌿 Energy", "Aperture Science",
        "Massive Dynamic", "Wonka Confectionery", "Gringotts Banking", "Blue Sun Media", "Monarch Insurance", "Pied Piper",
        "Duff Beverages", "Gekko Capital", "Bluth Homes", "Prestige Worldwide", "Dunder Mifflin", "Los Pollos Hermanos",
        "Oscorp", "Sirius Cybernetics", "Virtucon", "Genco Olive Oil", "Ollivanders", "Kwik-E-Mart", "Spacely Sprockets",
        "İstanbul Lojistik", "Þór Energy", "Łódź Software", "São Paulo Varejo", "Δέλτα Ναυτιλιακή",
    ]

    /// Accounts with deterministic commercial data.
    static func make(using rng: inout SeededRandom, renewalAround today: CalendarDay) -> [Account] {
        names.map { name in
            let segment: Segment = rng.pick([.enterprise, .enterprise, .midMarket, .midMarket, .smb, .strategic])
            let arr: Int
            switch segment {
            case .enterprise: arr = Int.random(in: 60...600, using: &rng) * 1000
            case .strategic: arr = Int.random(in: 150...1200, using: &rng) * 1000
            case .midMarket: arr = Int.random(in: 15...80, using: &rng) * 1000
            case .smb: arr = Int.random(in: 3...20, using: &rng) * 1000
            }
            return Account(
                name: name, arr: Money(arr, "EUR"), segment: segment,
                healthScore: Int.random(in: 20...95, using: &rng),
                renewal: today.adding(days: Int.random(in: 10...360, using: &rng)),
                strategic: segment == .strategic || (segment == .enterprise && rng.chance(0.3))
            )
        }
    }
}
