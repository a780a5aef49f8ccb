package com.fankeep.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class PersonalDataMaskProperties {

    @Property(tries = 300)
    void aMobileNeverSurvivesMaskingWhateverSurroundsIt(@ForAll @IntRange(min = 3, max = 9) int second,
                                                        @ForAll @IntRange(min = 0, max = 999_999_999) int rest,
                                                        @ForAll @AlphaChars @StringLength(max = 20) String before,
                                                        @ForAll @AlphaChars @StringLength(max = 20) String after) {
        String mobile = "1" + second + String.format("%09d", rest);
        String masked = PersonalDataMask.mask(before + " " + mobile + " " + after);
        assertThat(masked).doesNotContain(mobile).contains(mobile.substring(0, 3) + "****" + mobile.substring(7));
    }
}
