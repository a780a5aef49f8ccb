package com.fankeep.ui.imports;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Taobao order exports made for tests from the sample one (GB18030, ="…" order numbers), with planted problems or many rows. */
final class TaobaoFiles {

    static final Path SAMPLE_ORDERS = Path.of("sample-data/taobao/ExportOrderList202403151030.csv");
    private static final Charset GB18030 = Charset.forName("GB18030");

    private TaobaoFiles() {
    }

    /** The header and the first {@code rows} orders; row 2 of the file loses its order number, row 3 gets a status Taobao never wrote. */
    static Path withTwoProblems(Path dir, int rows) throws IOException {
        List<String> lines = Files.readAllLines(SAMPLE_ORDERS, GB18030);
        List<String> out = new ArrayList<>(lines.subList(0, rows + 1));
        out.set(1, out.get(1).replaceFirst("^=\"\\d+\"", ""));
        out.set(2, out.get(2).replaceFirst(",买家已付款，等待卖家发货,", ",奇怪的状态,"));
        Path file = dir.resolve("ExportOrderList-problems.csv");
        Files.write(file, out, GB18030);
        return file;
    }

    /** {@code rows} orders (different order numbers, one buyer): big enough for the engine to report progress and check for cancel. */
    static Path withManyOrders(Path dir, int rows) throws IOException {
        List<String> lines = Files.readAllLines(SAMPLE_ORDERS, GB18030);
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        String row = lines.get(7);
        for (int i = 0; i < rows; i++) {
            out.add(row.replaceFirst("^=\"\\d+\"", "=\"9" + String.format("%018d", i) + "\""));
        }
        Path file = dir.resolve("ExportOrderList-big.csv");
        Files.write(file, out, GB18030);
        return file;
    }
}
