package com.fankeep.core.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.testing.PropertyRunner;
import org.junit.jupiter.api.Test;

/**
 * The damaged-file property of {@link MutatedFileProperties} run longer: 200 mutated golden files in the normal suite,
 * as many as asked on demand, each within 30 s (no hang). A failure prints the seed, the file, the mutation and its
 * position; {@code -Dfankeep.seed=…} repeats the run:
 *
 * <pre>
 * mvn -B -q -o verify -Dtest=FuzzRunTest -Dfankeep.fuzz.tries=10000
 * </pre>
 */
class FuzzRunTest {

    @Test
    void mutatedGoldenFilesNeverCrashHangOrChangeEarlierData() throws Exception {
        int tries = Integer.getInteger("fankeep.fuzz.tries", 200);
        try (MutatedFiles files = new MutatedFiles()) {
            int done = PropertyRunner.check("FuzzRunTest", tries, MutatedFiles.Mutation::draw, files::check);
            System.out.printf("[FuzzRunTest] mutated files: %d (%d imported with or without problems, %d refused)%n",
                    done, files.imported, files.refused);
            assertThat(files.imported + files.refused).isEqualTo(done);
        }
    }
}
