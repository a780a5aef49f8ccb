package com.fankeep.sampledata;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the synthetic sample exports under {@code sample-data/}: small files in the real layouts of
 * docs/EXPORT-FORMATS.md, all drawn from one pool of invented customers ({@link People}) so the same
 * people recur across files and platforms. Deterministic: no clock, seeded {@link java.util.Random}s.
 *
 * <p>Run: {@code java -cp target/test-classes:target/classes:$(cat cp.txt)
 * com.fankeep.sampledata.SampleDataGenerator sample-data} (see sample-data/README.md).
 * {@code SampleDataUpToDateTest} fails when the committed files and this generator disagree.
 */
public final class SampleDataGenerator {

    private SampleDataGenerator() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "sample-data");
        generate(dir);
        System.out.println("sample data written to " + dir.toAbsolutePath().normalize());
    }

    /** Writes every sample file under {@code dir}, overwriting existing ones. */
    public static void generate(Path dir) throws IOException {
        TaobaoWriter.write(dir);
        QianniuWriter.write(dir);
        ShopifyWriter.write(dir);
        SpreadsheetWriter.write(dir);
        JdWriter.write(dir);
        PinduoduoWriter.write(dir);
        YouzanWriter.write(dir);
        DouyinWriter.write(dir);
        EtsyWriter.write(dir);
        EbayWriter.write(dir);
        WooCommerceWriter.write(dir);
        ContactsWriter.write(dir);
    }
}
