package com.fankeep.cli;

import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fankeep.testing.InProcessCli;
import com.fankeep.testing.InProcessCli.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tier list/pin/unpin/history/settings/recompute` on the sample shop, in this JVM. */
class TierCliTest {

    @TempDir
    Path temp;

    private Run run(String... args) {
        return InProcessCli.over(temp.resolve("shop")).run(args);
    }

    private Run ok(String... args) {
        Run r = run(args);
        assertThat(r.code()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
        return r;
    }

    private static long count(JsonNode list, String tier) {
        for (JsonNode n : list) {
            if (n.get("tier").asText().equals(tier)) {
                return n.get("count").asLong();
            }
        }
        throw new AssertionError("no " + tier + " in " + list);
    }

    @Test
    void listPinUnpinHistoryAndSettings() throws Exception {
        ok("sample", "load");
        ObjectMapper json = new ObjectMapper();
        JsonNode list = json.readTree(ok("tier", "list", "--json").out());
        long withOrders;
        long someone;
        try (Database db = Database.open(temp.resolve("shop"))) {
            withOrders = db.dsl().fetchCount(CUSTOMER, CUSTOMER.ORDER_COUNT.gt(0).and(CUSTOMER.MERGED_INTO_ID.isNull())
                    .and(CUSTOMER.ERASED_AT.isNull()));
            someone = db.dsl().select(org.jooq.impl.DSL.min(CUSTOMER.ID)).from(CUSTOMER).where(CUSTOMER.ORDER_COUNT.gt(0)).fetchOne().value1();
        }
        assertThat(list).hasSize(5);
        long sum = 0;
        for (JsonNode n : list) {
            sum += n.get("count").asLong();
        }
        assertThat(sum).as("the tiers sum to the customers with orders").isEqualTo(withOrders).isPositive();
        String before = ok("tier", "history", String.valueOf(someone), "--json").out();
        String tierBefore = json.readTree(before).get(0).get("to").asText();

        assertThat(ok("tier", "pin", String.valueOf(someone), "iron_fan", "--reason", "runs the Shanghai circle").out())
                .contains("#" + someone).contains("Iron fan");
        assertThat(count(json.readTree(ok("tier", "list", "--json").out()), "iron_fan")).isEqualTo(count(list, "iron_fan") + 1);
        JsonNode history = json.readTree(ok("tier", "history", String.valueOf(someone), "--json").out());
        assertThat(history.get(0).get("to").asText()).isEqualTo("iron_fan");
        assertThat(history.get(0).get("reason").asText()).isEqualTo("pin");
        assertThat(history.get(0).get("note").asText()).isEqualTo("runs the Shanghai circle");
        assertThat(ok("tier", "recompute").out()).contains("0 changed");
        assertThat(ok("tier", "history", String.valueOf(someone)).out()).contains("Iron fan").contains("pinned by hand");

        assertThat(ok("tier", "unpin", String.valueOf(someone)).out()).contains("no longer pinned");
        assertThat(json.readTree(ok("tier", "list", "--json").out())).isEqualTo(list);
        assertThat(json.readTree(ok("tier", "history", String.valueOf(someone), "--json").out()).get(0).get("to").asText())
                .isEqualTo(tierBefore);

        Run bad = run("tier", "pin", String.valueOf(someone), "gold", "--reason", "x");
        assertThat(bad.code()).isEqualTo(Cli.FAILURE);
        assertThat(bad.err()).contains("unknown tier \"gold\"");
        assertThat(run("tier", "pin", String.valueOf(someone), "vip").code()).as("--reason is required").isEqualTo(Cli.USAGE);

        // the sample shop's orders are from 2024: everyone with orders is lapsed until the lapse window is long enough
        Run set = ok("tier", "settings", "--lapsed-days", "20000", "--rates", "USD=7.3", "--json");
        JsonNode settings = json.readTree(set.out());
        assertThat(settings.get("lapsedAfterDays").asInt()).isEqualTo(20000);
        assertThat(settings.get("rates").get("USD").decimalValue()).isEqualByComparingTo("7.3");
        assertThat(set.err()).contains("Tiers recomputed");
        JsonNode after = json.readTree(ok("tier", "list", "--json").out());
        assertThat(count(after, "lapsed")).isZero();
        long sumAfter = 0;
        for (JsonNode n : after) {
            sumAfter += n.get("count").asLong();
        }
        assertThat(sumAfter).isEqualTo(withOrders);
        assertThat(ok("tier", "settings").out()).contains("Lapsed: no order for more than 20,000 days").contains("USD=7.3");
        assertThat(ok("tier", "recompute", "--due").out()).containsAnyOf("Tiers recomputed", "already run today");
    }
}
