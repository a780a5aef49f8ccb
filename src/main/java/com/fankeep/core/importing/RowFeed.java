package com.fankeep.core.importing;

import com.fankeep.core.importing.format.FormatReader;
import com.fankeep.core.importing.format.ItemSink;
import com.fankeep.core.importing.model.ImportItem;
import com.fankeep.core.importing.model.ImportProblem;
import com.fankeep.core.importing.read.SheetRow;
import com.fankeep.core.importing.read.TableReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads and parses one file's rows on a thread of its own and hands what the format reader made of them (items,
 * problems, in the order it made them) to the thread that matches and writes (ADR 0052: on 2 cores the CSV/XLSX
 * reading and parsing, a quarter of the rows step, runs beside H2's writes). Matching and writing stay on one thread,
 * so the result is the same as reading on that thread.
 */
final class RowFeed implements AutoCloseable {

    /** Rows per block handed over; a few blocks in flight keep the heap small (an order is about 1 KB). */
    static final int BLOCK_ROWS = 250;
    private static final int BLOCKS_IN_FLIGHT = 4;

    /** An item with the channels and identity keys its buyer or contact brings (worked out here too: pure work). */
    record Parsed(ImportItem item, Channels channels) {
    }

    /** The file stopped being readable after {@code rowsBefore} non-blank data rows. */
    record Unreadable(long rowsBefore, String message) {
    }

    /** What the parser made of some rows, in order; {@code rows} counts non-blank data rows read so far. */
    record Block(List<Object> entries, long rows, double fractionRead, boolean last, Throwable failure) {
    }

    private final BlockingQueue<Block> queue = new ArrayBlockingQueue<>(BLOCKS_IN_FLIGHT);
    private final Thread thread;
    private volatile boolean stopped;

    private List<Object> entries = new ArrayList<>();
    private long rows;

    private RowFeed(List<SheetRow> buffered, long headerRow, TableReader reader, FormatReader format) {
        this.thread = Thread.ofPlatform().daemon().name("import-read").start(() -> produce(buffered, headerRow, reader, format));
    }

    /** Starts reading: the rows buffered while the header was looked for (after the header), then the rest. */
    static RowFeed start(List<SheetRow> buffered, long headerRow, TableReader reader, FormatReader format) {
        return new RowFeed(buffered, headerRow, reader, format);
    }

    /** The next block; the one with {@code last} set ends the file. */
    Block next() throws InterruptedException {
        return queue.take();
    }

    private void produce(List<SheetRow> buffered, long headerRow, TableReader reader, FormatReader format) {
        ItemSink sink = new ItemSink() {
            @Override
            public void item(ImportItem item) {
                entries.add(new Parsed(item, switch (item) {
                    case com.fankeep.core.importing.model.ImportedOrder o -> Channels.of(o.platform(), o.buyer());
                    case com.fankeep.core.importing.model.ImportedContact c -> Channels.of(c);
                    default -> null;
                }));
            }

            @Override
            public void problem(ImportProblem problem) {
                entries.add(problem);
            }
        };
        try {
            for (SheetRow row : buffered) {
                if (row.number() > headerRow) {
                    feed(format, row, sink, reader);
                }
            }
            try {
                for (SheetRow row = reader.next(); row != null && !stopped; row = reader.next()) {
                    feed(format, row, sink, reader);
                }
            } catch (java.io.IOException e) {
                entries.add(new Unreadable(rows, e.getMessage()));
            }
            if (!stopped) {
                format.finish(sink);
            }
            hand(new Block(entries, rows, reader.fractionRead(), true, null));
        } catch (RuntimeException | Error e) {
            hand(new Block(List.of(), rows, -1, true, e));
        }
    }

    private void feed(FormatReader format, SheetRow row, ItemSink sink, TableReader reader) {
        if (row.isBlank()) {
            return;
        }
        rows++;
        format.accept(row, sink);
        if (rows % BLOCK_ROWS == 0) {
            hand(new Block(entries, rows, reader.fractionRead(), false, null));
            entries = new ArrayList<>();
        }
    }

    /** Waits for room in the queue; gives up once the writer has stopped taking (cancel, failure). */
    private void hand(Block block) {
        try {
            while (!stopped) {
                if (queue.offer(block, 50, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    /** Stops the reader thread and waits for it, so the file can be closed. */
    @Override
    public void close() {
        stopped = true;
        queue.clear();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
