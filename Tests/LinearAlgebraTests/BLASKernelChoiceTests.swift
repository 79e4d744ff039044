import Testing
import LinearAlgebra

/// When Lemma overrides OpenBLAS's kernel choice, and when it leaves it alone.
@Suite struct BLASKernelChoiceTests {
    @Test func theFallbackIsReplacedByTheProcessorsFamily() {
        #expect(BLASKernels.replacement(chosen: "Prescott", processor: "SkylakeX", userChoice: nil) == "SkylakeX")
        #expect(BLASKernels.replacement(chosen: "Prescott", processor: "Haswell", userChoice: nil) == "Haswell")
    }

    @Test func aKnownProcessorOrAnOldOneIsLeftAlone() {
        #expect(BLASKernels.replacement(chosen: "Haswell", processor: "Haswell", userChoice: nil) == nil)
        #expect(BLASKernels.replacement(chosen: "Zen", processor: "Haswell", userChoice: nil) == nil)
        #expect(BLASKernels.replacement(chosen: "Prescott", processor: nil, userChoice: nil) == nil)
    }

    @Test func theUsersChoiceWins() {
        #expect(BLASKernels.replacement(chosen: "Prescott", processor: "SkylakeX", userChoice: "Prescott") == nil)
    }

    @Test func theProcessorsFamilyIsOneOpenBLASKnows() {
        #expect([nil, "SkylakeX", "Haswell"].contains(BLASKernels.processorCore))
        #expect(!BLASKernels.coreName.isEmpty)
    }
}
