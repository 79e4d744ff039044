import Foundation
import Testing

/// Claim programs run OpenBLAS's kernels for the processor they are on, not its SSE3
/// fallback (which an OpenBLAS older than the processor picks; see `BLASKernels`).
@Suite struct BLASKernelTests {
    @Test func claimProgramsRunTheKernelsForThisProcessor() throws {
        let article = """
            ---
            title: Kernels
            ---
            ```swift check
            let chosen = BLASKernels.coreName, wanted = BLASKernels.processorCore
            check(wanted == nil || chosen.lowercased() != "prescott", "OpenBLAS kernels fit the processor")
            let a = Matrix(rows: 2, columns: 2, elements: [1, 2, 3, 4])
            check((a * a).elements == [7, 10, 15, 22], "a product after the start")
            check((a * a).elements == [7, 10, 15, 23], "a false claim after the start")
            ```
            """
        let site = try TemporarySite(["kernels.md": article])
        defer { site.remove() }
        let run = try site.lemma(["check", "--quiet"])
        // The program that starts again still reports every verdict, a failure too.
        #expect(run.stdout == "articles/kernels.md:9: FAIL a false claim after the start (the condition is false)\n2 passed, 1 failed\n",
                "\(run.stdout)\(run.stderr)")
        #expect(run.status == 1)
    }
}
