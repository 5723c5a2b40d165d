/// Picks a ticket category from keywords (by default Soporte / Cambio / Consultoría).
///
/// Contract: the first rule (in configured order) with a keyword that starts a word of the
/// subject or the text wins, compared accent- and case-folded; otherwise the default. Words
/// may continue (`cambio` matches `cambios`) but must start at a word boundary (`cambio`
/// does not match `intercambio`).
public struct Categorizer: Sendable {
    public let rules: [CategoryRule]
    public let defaultCategory: String

    public init(rules: [CategoryRule], defaultCategory: String) {
        self.rules = rules
        self.defaultCategory = defaultCategory
    }

    public init(policy: DeskPolicy) {
        self.init(rules: policy.categories, defaultCategory: policy.defaultCategory)
    }

    public func category(subject: String, text: String) -> String {
        matchingRule(subject: subject, text: text)?.rule.name ?? defaultCategory
    }

    /// The rule that decided and the keyword that matched, for the decision trail.
    public func matchingRule(subject: String, text: String) -> (rule: CategoryRule, keyword: String)? {
        let haystack = TextFolding.fold(subject) + "\n" + TextFolding.fold(text)
        for rule in rules {
            for keyword in rule.keywords where TextFolding.containsWord(startingWith: TextFolding.fold(keyword), in: haystack) {
                return (rule, keyword)
            }
        }
        return nil
    }
}
