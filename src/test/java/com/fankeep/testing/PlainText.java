package com.fankeep.testing;

import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;

import com.fankeep.core.db.Database;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/** A known customer, and a search for their phone and name in files and in the entries of backup zips (encryption tests). */
public final class PlainText {

    public static final String PHONE = "13812345678";
    public static final String NAME = "Zhang Sanfeng 张三丰";

    private PlainText() {
    }

    public static void addCustomer(Database db, String name, String phone) {
        db.transaction(dsl -> {
            long id = dsl.insertInto(CUSTOMER, CUSTOMER.NAME).values(name).returning(CUSTOMER.ID).fetchOne().getId();
            dsl.insertInto(CONTACT_CHANNEL, CONTACT_CHANNEL.CUSTOMER_ID, CONTACT_CHANNEL.KIND, CONTACT_CHANNEL.RAW_VALUE)
                    .values(id, "phone", phone).execute();
        });
        new com.fankeep.core.insight.StatsService(db).recountAll(); // rows written past the services: counters from a recount
    }

    /**
     * True when {@code text} (as UTF-8, or as H2 writes it in a database file) occurs in {@code file}, or, for a zip (a backup), in any of its entries
     * unpacked: a deflated entry hides the text from a search of the zip's own bytes.
     */
    public static boolean contains(Path file, String text) throws IOException {
        byte[] data = Files.readAllBytes(file);
        return contains(data, text.getBytes(StandardCharsets.UTF_8)) || contains(data, h2Bytes(text));
    }

    /** How H2's MVStore writes a string in its pages: UTF-8-like, but without the 10xxxxxx marks on later bytes. */
    static byte[] h2Bytes(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (char c : text.toCharArray()) {
            if (c < 0x80) {
                out.write(c);
            } else if (c >= 0x800) {
                out.write(0xe0 | (c >> 12));
                out.write((c >> 6) & 0x3f);
                out.write(c & 0x3f);
            } else {
                out.write(0xc0 | (c >> 6));
                out.write(c & 0x3f);
            }
        }
        return out.toByteArray();
    }

    /** The old, blind search of the raw bytes only (kept to show in a test why it was not enough). */
    public static boolean rawBytesContain(Path file, String text) throws IOException {
        return indexOf(Files.readAllBytes(file), text.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean contains(byte[] data, byte[] needle) throws IOException {
        if (indexOf(data, needle)) {
            return true;
        }
        if (data.length < 4 || data[0] != 'P' || data[1] != 'K') {
            return false;
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(data))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (contains(zip.readAllBytes(), needle)) {
                    return true;
                }
            }
        } catch (ZipException notAZip) {
            return false;
        }
        return false;
    }

    private static boolean indexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
