import SanityChecker
import Testing

@Suite struct MemoryBudgetTests {
  @Test(arguments: [
    ("512M", 512 << 20), ("2G", 2 << 30), ("1GiB", 1 << 30), ("64mb", 64 << 20),
    ("1t", 1 << 40), ("67108864", 64 << 20),
  ])
  func parsesSizes(text: String, bytes: Int) throws {
    #expect(try MemoryBudget(parsing: text).bytes == bytes)
  }

  @Test(arguments: ["", "G", "1.5G", "-1G", "12X", "99999999999999999999T"])
  func refusesWhatIsNotASize(text: String) {
    #expect(throws: MemoryBudgetError.unreadable(text)) { try MemoryBudget(parsing: text) }
  }

  @Test func refusesBudgetsBelowTheMinimum() {
    #expect(throws: MemoryBudgetError.tooSmall(1 << 20, minimum: MemoryBudget.minimumBytes)) {
      try MemoryBudget(parsing: "1M")
    }
  }

  @Test func reserveRefusesOverflowAndExcess() throws {
    let budget = try MemoryBudget(parsing: "64M")
    try budget.reserve(16 << 20, of: 4, for: "fits exactly")
    #expect(
      throws: MemoryBudgetError.exceeded(
        what: "kernel", bytes: (16 << 20) * 4 + 4, budget: 64 << 20)
    ) {
      try budget.reserve((16 << 20) + 1, of: 4, for: "kernel")
    }
    #expect(throws: MemoryBudgetError.exceeded(what: "huge", bytes: nil, budget: 64 << 20)) {
      try budget.reserve(Int.max / 2, of: 4, for: "huge")
    }
    let message = MemoryBudgetError.exceeded(what: "dataset 'd'", bytes: 4 << 40, budget: 1 << 30)
      .description
    #expect(message.contains("4 TiB") && message.contains("1 GiB") && message.contains("--memory"))
  }

  @Test func itemsFitTheShareAndAreAtLeastOne() throws {
    let budget = try MemoryBudget(parsing: "64M")
    #expect(budget.items(each: 1 << 20) == 64)
    #expect(budget.items(each: 1 << 20, share: 0.5) == 32)
    #expect(budget.items(each: Int.max) == 1)
  }
}
