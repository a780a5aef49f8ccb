package com.fankeep.core.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Iterator;
import org.junit.jupiter.api.Test;

/**
 * The damaged-file property of {@link MutatedFileProperties} run many times: 200 mutated golden files in the normal
 * suite, as many as asked on demand, each within 30 s (no hang):
 *
 * <pre>
 * mvn -B -q -o test -Dtest=FuzzRunTest -Dfankeep.fuzz.tries=10000
 * </pre>
 */
class FuzzRunTest {

    @Test
    void mutatedGoldenFilesNeverCrashHangOrChangeEarlierData() throws Exception {
        int tries = Integer.getInteger("fankeep.fuzz.tries", 200);
        MutatedFileProperties property = new MutatedFileProperties();
        property.loadTaobao();
        int done = 0;
        try {
            Iterator<MutatedFileProperties.Mutation> mutations = property.mutations().sampleStream().iterator();
            for (; done < tries; done++) {
                MutatedFileProperties.Mutation m = mutations.next();
                assertTimeoutPreemptively(Duration.ofSeconds(30),
                        () -> property.aDamagedFileIsRefusedOrImportedWithProblemsAndNothingEarlierChanges(m), m::toString);
            }
        } finally {
            property.close();
            System.out.println("[FuzzRunTest] mutated files imported or refused: " + done);
        }
        assertThat(done).isEqualTo(tries);
    }
}
