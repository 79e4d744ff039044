import Testing
import LinearAlgebra

/// When Lemma overrides OpenBLAS's kernel choice, and when it leaves it alone.
@Suite struct BLASKernelChoiceTests {
    @Test func theFallbackIsReplacedByTheProcessorsFamily() {
        #expect(BLASKernels.replacement(chosen: "Prescott", processor: "SkylakeX", environment: [:]) == "SkylakeX")
        #expect(BLASKernels.replacement(chosen: "Prescott", processor: "Haswell", environment: [:]) == "Haswell")
    }

    @Test func aKnownProcessorOrAnOldOneIsLeftAlone() {
        #expect(BLASKernels.replacement(chosen: "Haswell", processor: "Haswell", environment: [:]) == nil)
        #expect(BLASKernels.replacement(chosen: "Zen", processor: "Haswell", environment: [:]) == nil)
        #expect(BLASKernels.replacement(chosen: "Prescott", processor: nil, environment: [:]) == nil)
    }

    @Test func theUsersChoiceWins() {
        let chosen = ["OPENBLAS_CORETYPE": "Prescott"]
        #expect(BLASKernels.replacement(chosen: "Prescott", processor: "SkylakeX", environment: chosen) == nil)
    }

    @Test func theProcessorsFamilyIsOneOpenBLASKnows() {
        #expect([nil, "SkylakeX", "Haswell"].contains(BLASKernels.processorCore))
        #expect(!BLASKernels.coreName.isEmpty)
    }
}
