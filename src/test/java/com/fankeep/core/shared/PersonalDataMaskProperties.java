package com.fankeep.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.testing.PropertyRunner;
import org.junit.jupiter.api.Test;

/** 300 tries a run, each run with a new seed, printed and settable ({@link PropertyRunner}). */
class PersonalDataMaskProperties {

    record Line(String before, String mobile, String after) {
    }

    @Test
    void aMobileNeverSurvivesMaskingWhateverSurroundsIt() {
        PropertyRunner.check("aMobileNeverSurvivesMasking", 300,
                r -> new Line(PropertyRunner.letters(r, 20), "1" + r.nextInt(3, 10) + String.format("%09d", r.nextInt(0, 1_000_000_000)),
                        PropertyRunner.letters(r, 20)),
                line -> {
                    String masked = PersonalDataMask.mask(line.before() + " " + line.mobile() + " " + line.after());
                    assertThat(masked).doesNotContain(line.mobile())
                            .contains(line.mobile().substring(0, 3) + "****" + line.mobile().substring(7));
                });
    }
}
