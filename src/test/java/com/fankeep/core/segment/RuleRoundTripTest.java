package com.fankeep.core.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** parse(print(rule)) = rule for generated rules, in both printed languages. Replay a failure with -Dsegment.seed=N. */
class RuleRoundTripTest {

    @Test
    void printedRulesParseBackToTheSameRule() {
        long seed = RuleGenerator.seed();
        RandomGenerator r = RuleGenerator.random(seed);
        RuleGenerator gen = new RuleGenerator(r, true);
        for (int i = 0; i < 3_000; i++) {
            Rule rule = gen.rule(1 + r.nextInt(10));
            for (boolean chinese : new boolean[] {false, true}) {
                String text = RulePrinter.print(rule, chinese);
                Rule back;
                try {
                    back = RuleParser.parse(text);
                } catch (SegmentRuleException e) {
                    throw new AssertionError("seed " + seed + ": " + text + " → " + e.getMessage(), e);
                }
                assertThat(back).as("seed %d (replay with -Dsegment.seed=%d), printed %s", seed, seed, text).isEqualTo(rule);
                assertThat(RulePrinter.print(back, chinese)).as("seed %d", seed).isEqualTo(text);
            }
        }
    }
}
