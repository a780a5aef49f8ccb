package com.fankeep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fankeep.testing.InProcessCli;
import com.fankeep.testing.InProcessCli.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `orders unassigned|assign|undo-assign` on the sample shop, in this JVM. */
class OrdersCliTest {

    @TempDir
    Path temp;

    private Run run(String... args) {
        return InProcessCli.over(temp.resolve("shop")).run(args);
    }

    @Test
    void reviewAttachAndUndo() throws Exception {
        assertThat(run("sample", "load").code()).isZero();
        JsonNode groups = new ObjectMapper().readTree(run("orders", "unassigned", "--json").out());
        JsonNode zhang = null;
        for (JsonNode g : groups) {
            if ("138****8000".equals(g.path("phone").asText())) {
                zhang = g;
            }
        }
        assertThat(zhang).as(groups.toString()).isNotNull();
        long customer = zhang.get("suggestions").get(0).get("customerId").asLong();
        String order = zhang.get("orders").get(0).get("orderNo").asText();
        assertThat(run("orders", "unassigned").out()).contains("maybe #" + customer + " 张伟").contains("last digits 8000");

        Run refused = run("orders", "assign", order, "--to", "999999");
        assertThat(refused.code()).isEqualTo(Cli.FAILURE);
        assertThat(refused.err().strip()).isEqualTo("There is no customer #999999.");

        Run assigned = run("orders", "assign", order, "--to", Long.toString(customer));
        assertThat(assigned.code()).as(assigned.err()).isZero();
        assertThat(assigned.out()).startsWith("2 orders attached to customer #" + customer);
        assertThat(run("orders", "unassigned").out()).doesNotContain("138****8000");

        assertThat(run("orders", "undo-assign").out()).contains("2 orders of customer #" + customer);
        assertThat(run("orders", "unassigned").out()).contains("138****8000");
        assertThat(run("orders", "undo-assign").out().strip()).isEqualTo("No assignment to undo.");
    }

    @Test
    void aNewCustomerForTheMaskedBuyerIsMadeWithTheirOrdersAndUndoneInOneStep() throws Exception {
        assertThat(run("sample", "load").code()).isZero();
        String order = null;
        for (JsonNode g : new ObjectMapper().readTree(run("orders", "unassigned", "--json").out())) {
            if ("138****8000".equals(g.path("phone").asText())) {
                order = g.get("orders").get(0).get("orderNo").asText();
            }
        }
        assertThat(order).isNotNull();

        Run neither = run("orders", "assign", order);
        assertThat(neither.code()).isEqualTo(Cli.FAILURE);
        assertThat(neither.err().strip()).isEqualTo("Say which customer: --to CUSTOMER, or --new-customer --name NAME.");
        Run badPhone = run("orders", "assign", order, "--new-customer", "--name", "张小伟", "--phone", "12ab");
        assertThat(badPhone.code()).isEqualTo(Cli.FAILURE);
        assertThat(badPhone.err().strip()).isEqualTo("\u201c12ab\u201d is not a phone number.");

        Run made = run("orders", "assign", order, "--new-customer", "--name", "张小伟", "--phone", "13912345678");
        assertThat(made.code()).as(made.err()).isZero();
        assertThat(made.out()).matches("(?s)Made customer #\\d+ \"张小伟\" and attached 2 orders: .*undo-assign \\d+\\)\\s*");
        String id = made.out().replaceAll("(?s)^Made customer #(\\d+).*", "$1");
        assertThat(run("orders", "unassigned").out()).doesNotContain("138****8000");
        Run found = run("customer", "search", "张小伟");
        assertThat(found.out()).as(found.err()).contains("张小伟");

        assertThat(run("orders", "undo-assign").out()).contains("2 orders of customer #" + id);
        assertThat(run("orders", "unassigned").out()).contains("138****8000");
        assertThat(run("customer", "search", "张小伟").out()).doesNotContain("张小伟");
        assertThat(run("db", "check").code()).isZero();
    }
}
