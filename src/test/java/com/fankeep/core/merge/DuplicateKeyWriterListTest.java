package com.fankeep.core.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A new writer of customers, channels or orders must mark the customers whose duplicate-scan keys it may change
 * (ADR 0044): every class whose SQL inserts, updates or deletes those rows either calls DuplicateKeyMarks itself or is
 * listed here with where its marks are made (or why it needs none). DuplicateKeyWritersTest runs the listed writers.
 */
class DuplicateKeyWriterListTest {

    private static final Pattern WRITES = Pattern.compile("(insert into|update|delete from)\\s+(customer|contact_channel|shop_order)\\b"
            + "|(insertInto|update|deleteFrom)\\((CUSTOMER|CONTACT_CHANNEL|SHOP_ORDER)\\)");

    private static final Map<String, String> MARKED_ELSEWHERE = Map.ofEntries(
            Map.entry("core/customer/CustomerRepository.java", "CustomerService marks every edit and its undo"),
            Map.entry("core/importing/ImportRepository.java", "ImportService marks the run's written customers, both paths"),
            Map.entry("core/importing/UndoRepository.java", "ImportService.undo marks the batch's customers"),
            Map.entry("core/merge/MergeRepository.java", "MergeService marks a merge's and an undo's customers"),
            Map.entry("core/privacy/ErasureRepository.java", "deletes the erased customer's keys itself"),
            Map.entry("core/db/CustomerSortKeys.java", "sort columns only: no key reads them"),
            Map.entry("core/export/ExportRepository.java", "a channel's funnel state only"),
            Map.entry("core/recovery/RecoveryRepository.java", "recovery columns only"),
            Map.entry("core/bench/SearchBenchmark.java", "a generated benchmark shop, not scanned for duplicates"),
            Map.entry("core/bench/SegmentBenchmark.java", "a generated benchmark shop, not scanned for duplicates"),
            Map.entry("core/bench/SegmentData.java", "a generated benchmark shop, not scanned for duplicates"),
            Map.entry("core/bench/TierBenchmark.java", "a generated benchmark shop, not scanned for duplicates"));

    @Test
    void everyWriterOfCustomersChannelsOrOrdersMarksOrIsListed() throws Exception {
        Path root = Path.of("src/main/java/com/fankeep");
        TreeSet<String> unmarked = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                String name = root.relativize(f).toString().replace('\\', '/');
                if (WRITES.matcher(text).find() && !text.contains("DuplicateKeyMarks") && !MARKED_ELSEWHERE.containsKey(name)) {
                    unmarked.add(name);
                }
            }
        }
        assertThat(unmarked).as("writers that neither mark duplicate-scan keys nor are listed").isEmpty();
        // a listed writer that no longer writes is taken off the list
        for (String listed : MARKED_ELSEWHERE.keySet()) {
            assertThat(WRITES.matcher(Files.readString(root.resolve(listed))).find()).as(listed).isTrue();
        }
        assertThat(List.of("core/merge/MergeService.java", "core/customer/CustomerService.java", "core/importing/ImportService.java",
                "core/unassigned/UnassignedRepository.java"))
                .allSatisfy(f -> assertThat(Files.readString(root.resolve(f))).contains("DuplicateKeyMarks.mark"));
    }
}
